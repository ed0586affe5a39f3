#include "app/analysis/sensitivity_ranges.h"

#include <fmt/format.h>

#include <charconv>
#include <map>

#include "app/common/errors.h"
#include "app/common/number_format.h"
#include "app/common/suggestions.h"
#include "app/scenario/scenario_keys.h"

namespace teamsim::app {
namespace {

constexpr std::string_view kForm = "write a percentage such as 20%, or KEY.PATH=30% for one key";

std::string percent_text(double range) { return format_compact(100 * range) + "%"; }

}  // namespace

RangeOption parse_range_option(std::string_view text) {
  RangeOption option;
  std::string_view number = text;
  if (const std::size_t equals = text.rfind('='); equals != std::string_view::npos) {
    option.key_path = std::string(text.substr(0, equals));
    number = text.substr(equals + 1);
    if (option.key_path.empty()) {
      throw UsageError(fmt::format("--range '{}': no key before '='; {}", text, kForm));
    }
  }
  double scale = 1;
  if (number.ends_with('%')) {
    number.remove_suffix(1);
    scale = 0.01;
  }
  double value = 0;
  const auto [end, error] = std::from_chars(number.data(), number.data() + number.size(), value);
  if (number.empty() || error != std::errc() || end != number.data() + number.size()) {
    throw UsageError(fmt::format("--range '{}': not a range; {}", text, kForm));
  }
  option.range = value * scale;
  if (!(option.range >= 0 && option.range <= 1)) {
    throw UsageError(fmt::format(
        "--range '{}': must be between 0% and 100% (a constant moves to its value × (1 − range) "
        "and × (1 + range))",
        text));
  }
  return option;
}

ConstantRanges constant_ranges(const std::vector<std::string>& options,
                               const model::ScenarioSpec& spec, double default_range) {
  ConstantRanges ranges;
  ranges.all = default_range;
  std::vector<std::string> inputs;
  std::map<std::string, InputKind> kinds;
  for (const SensitivityInput& input : sensitivity_inputs(spec)) {
    kinds[input.key_path] = input.kind;
    inputs.push_back(input.key_path);
  }
  bool all_given = false;
  for (const std::string& text : options) {
    const RangeOption option = parse_range_option(text);
    if (option.key_path.empty()) {
      if (all_given) {
        throw UsageError(
            fmt::format("--range '{}': the range of every constant is given twice "
                        "(once is enough; KEY.PATH=30% sets one key's)",
                        text));
      }
      all_given = true;
      ranges.all = option.range;
      continue;
    }
    const auto kind = kinds.find(option.key_path);
    if (kind == kinds.end()) {
      const std::optional<KeyAtPath> key = key_at_path(option.key_path);
      if (key && key->key->label.text.empty()) {
        throw UsageError(fmt::format(
            "--range '{}': {} is not an assumption sensitivity varies (months and counts of "
            "hires, the horizon, mix shares and policies are the plan's decisions: compare or "
            "sweep them)",
            text, option.key_path));
      }
      throw UsageError(fmt::format(
          "--range '{}': {} is not a constant of this scenario{}", text, option.key_path,
          suggestion_or_where(option.key_path, inputs,
                              "its inputs are the key paths of sensitivity.csv (run it "
                              "without --range to see them)")));
    }
    if (kind->second != InputKind::kConstant) {
      throw UsageError(fmt::format(
          "--range '{}': {} is a distribution; it is varied between its p10 and p90, not by "
          "--range (give it as one number to vary it by a range)",
          text, option.key_path));
    }
    if (!ranges.by_key.emplace(option.key_path, option.range).second) {
      throw UsageError(fmt::format("--range '{}': {} is given twice ({} before)", text,
                                   option.key_path,
                                   percent_text(ranges.by_key.at(option.key_path))));
    }
  }
  return ranges;
}

}  // namespace teamsim::app
