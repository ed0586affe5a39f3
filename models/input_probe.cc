#include "models/input_probe.h"

#include <stdexcept>

#include "models/uncertain_inputs.h"

namespace teamsim::model {

InputProbe::InputProbe(const ScenarioSpec& spec, InputProbeOptions options)
    : options_(std::move(options)) {
  const std::vector<UncertainInput> inputs = list_uncertain_inputs(spec);
  for (std::size_t i = 0; i < inputs.size(); ++i) index_.emplace(inputs[i].distribution, i);
  if (options_.pinned.size() > inputs.size()) {
    throw std::invalid_argument("InputProbe: more pinned values than uncertain inputs");
  }
  options_.pinned.resize(inputs.size());
}

InputDrawTotals InputProbe::make_totals() const {
  if (!options_.record) return {};
  return {std::vector<double>(size(), 0.0), std::vector<std::uint64_t>(size(), 0)};
}

double InputProbe::observe(const sim::Distribution& input, double drawn,
                           InputDrawTotals& totals) const {
  const auto found = index_.find(&input);
  if (found == index_.end()) {
    throw std::logic_error(
        "a distribution the model draws is not an uncertain input: add its field to "
        "models/uncertain_inputs.cc");
  }
  const std::size_t i = found->second;
  const double value = options_.pinned[i].value_or(drawn);
  if (options_.record) {
    totals.sum[i] += value;
    ++totals.count[i];
  }
  return value;
}

}  // namespace teamsim::model
