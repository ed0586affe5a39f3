#include <fmt/format.h>

#include <exception>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "app/cli/cli.h"
#include "app/cli/command.h"
#include "app/cli/command_options.h"
#include "app/cli/error_printer.h"
#include "app/common/errors.h"
#include "app/common/plural.h"
#include "app/scenario/plan_calendar.h"
#include "app/scenario/scenario_resolver.h"

namespace teamsim::app {
namespace {

// The roles a user would call the plan's: those it writes under `roles:` (a built-in role it
// amends, or one of its own) and those its starting staff, hires and hiring rules name; not the
// built-in roles (one per kind) that every scenario has and this one leaves alone.
std::size_t plan_roles(const LoadResult& loaded) {
  std::set<std::string> names;
  constexpr std::string_view kRoles = "roles.";
  for (const std::string& key : loaded.written_keys) {
    if (!key.starts_with(kRoles)) continue;
    names.insert(key.substr(kRoles.size(), key.find('.', kRoles.size()) - kRoles.size()));
  }
  for (const model::StartingStaffSpec& staff : loaded.spec->starting_staff) {
    names.insert(staff.role);
  }
  for (const model::HireSpec& hire : loaded.spec->hires) names.insert(hire.role);
  for (const model::HiringRuleSpec& rule : loaded.spec->hiring_rules) names.insert(rule.role);
  return names.size();
}

class ValidateCommand final : public Command {
 public:
  void declare(CLI::App& command) override {
    command.add_option("scenarios", paths_, "Scenario YAML files")->required();
    add_variant_option(command, variant_);
    add_override_option(command, overrides_);
    add_strict_option(command, strict_);
    command.footer(
        "Checks the base scenario and every variant of each file, or only --variant. A problem\n"
        "or warning that the base and its variants share is said once; one of only some of\n"
        "them ends with the plans that have it: (in base, fast).");
  }

  void execute(const std::atomic<bool>& /*stop_requested*/) override {
    std::size_t checked = 0, invalid = 0, unreadable = 0, without_variant = 0;
    for (const std::string& path : paths_) {
      std::vector<std::string> variants = {variant_};
      try {  // a file that cannot be read does not stop the check of the files after it
        if (variant_.empty()) {
          for (const std::string& name : scenario_variants(path)) variants.push_back(name);
        }
      } catch (const UsageError& e) {
        if (paths_.size() == 1) throw;
        print_error("validate", e);
        ++unreadable;
        continue;
      }
      // The file's loads share what they say: a problem or a warning of the base, which every
      // variant inherits, is said once, and a warning of some of them names those (as compare
      // names its variants'); then each load's verdict, in order.
      std::set<std::string> said;
      WarningsOfLoads warnings;
      std::vector<std::string> verdicts;  // an "ok" line, or "" for a load that failed
      std::vector<std::exception_ptr> failures;
      bool unreadable_file = false, variant_unknown = false;
      for (std::size_t i = 0; i < variants.size(); ++i) {
        const std::string& variant = variants[i];
        std::vector<Diagnostic> found;
        std::optional<model::ScenarioSpec> spec;
        std::size_t roles = 0;
        try {  // every file's problems are listed before giving up
          LoadResult loaded = load_scenario({path, variant, overrides_}, strict_, said, &found);
          roles = plan_roles(loaded);
          spec = std::move(loaded.spec);
        } catch (const ScenarioError&) {
          if (paths_.size() == 1 && variants.size() == 1) {
            warnings.add(found, i);
            warnings.print(1, {});
            throw;  // its own message is the last
          }
          failures.push_back(std::current_exception());
        } catch (const UsageError& e) {
          if (paths_.size() == 1) throw;
          print_error("validate", e);
          // The file was read, but has no such variant: not counted as a file that could not be.
          variant_unknown = dynamic_cast<const UnknownVariantError*>(&e) != nullptr;
          unreadable_file = !variant_unknown;
          break;  // the file's other variants cannot be read either
        }
        warnings.add(found, i);
        if (!spec) {
          verdicts.emplace_back();
          continue;
        }
        failures.emplace_back();
        // People, not lines: '{role: account_executive, count: 3, month: 1}' is three hires.
        std::size_t hired = 0;
        for (const model::HireSpec& hire : spec->hires)
          hired += static_cast<std::size_t>(hire.count);
        verdicts.push_back(fmt::format(
            "{}{}: ok — \"{}\", {}, {}, {}, {}\n", path, variant.empty() ? "" : ":" + variant,
            spec->name, month_names_of(*spec).horizon(spec->horizon_months), counted(roles, "role"),
            counted(spec->territories.size(), "territory", "territories"),
            counted(hired, "dated hire")));
      }
      warnings.print(variants.size(), [&](const std::vector<std::size_t>& which) {
        std::vector<std::string> names;
        for (const std::size_t i : which)
          names.push_back(variants[i].empty() ? "base" : variants[i]);
        return fmt::format("in {}", fmt::join(names, ", "));
      });
      if (unreadable_file || variant_unknown) {
        ++(unreadable_file ? unreadable : without_variant);  // nothing of it is counted as checked
        continue;
      }
      for (std::size_t i = 0; i < verdicts.size(); ++i) {
        ++checked;
        if (failures[i]) {
          try {
            std::rethrow_exception(failures[i]);
          } catch (const std::exception& e) {
            print_error("validate", e);
          }
          ++invalid;
        } else {
          fmt::print("{}", verdicts[i]);
        }
      }
    }
    const std::string invalid_text = fmt::format("{} of {} scenarios checked {} invalid", invalid,
                                                 checked, noun(invalid, "is", "are"));
    if (unreadable > 0 || without_variant > 0) {  // the command line's mistake: exit 2
      std::vector<std::string> parts;
      if (unreadable > 0) {
        parts.push_back(fmt::format("{} of {} files could not be read", unreadable, paths_.size()));
      }
      if (without_variant > 0) {
        parts.push_back(fmt::format("{} of {} files {} no variant '{}'", without_variant,
                                    paths_.size(), noun(without_variant, "has", "have"), variant_));
      }
      if (invalid > 0) parts.push_back(invalid_text);
      throw UsageError(fmt::format("{}", fmt::join(parts, "; ")));
    }
    if (invalid > 0) throw ScenarioError(invalid_text);
  }

 private:
  std::vector<std::string> paths_;
  std::string variant_;
  std::vector<std::string> overrides_;
  bool strict_ = false;
};

}  // namespace

std::unique_ptr<Command> make_validate_command() { return std::make_unique<ValidateCommand>(); }

}  // namespace teamsim::app
