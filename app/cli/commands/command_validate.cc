#include <fmt/format.h>

#include "app/cli/cli.h"
#include "app/cli/command.h"
#include "app/cli/command_options.h"
#include "app/scenario/scenario_resolver.h"

namespace teamsim::app {
namespace {

class ValidateCommand final : public Command {
 public:
  void declare(CLI::App& command) override {
    command.add_option("scenarios", paths_, "Scenario YAML files")->required();
    add_variant_option(command, variant_);
    add_override_option(command, overrides_);
    command.footer("Checks the base scenario and every variant of each file, or only --variant.");
  }

  int execute(const std::atomic<bool>& /*stop_requested*/) override {
    int status = kExitOk;
    for (const std::string& path : paths_) {
      std::vector<std::string> variants = {variant_};
      if (variant_.empty()) {
        for (const std::string& name : scenario_variants(path)) variants.push_back(name);
      }
      for (const std::string& variant : variants) {
        const LoadResult loaded = resolve_scenario_and_report({path, variant, overrides_});
        const std::optional<model::ScenarioSpec>& spec = loaded.spec;
        if (!loaded.ok()) {
          status = kExitInvalidScenario;
          continue;
        }
        fmt::print("{}{}: ok — \"{}\", {} months, {} roles, {} territories, {} dated hires\n", path,
                   variant.empty() ? "" : ":" + variant, spec->name, spec->horizon_months,
                   spec->roles.size(), spec->territories.size(), spec->hires.size());
      }
    }
    return status;
  }

 private:
  std::vector<std::string> paths_;
  std::string variant_;
  std::vector<std::string> overrides_;
};

}  // namespace

std::unique_ptr<Command> make_validate_command() { return std::make_unique<ValidateCommand>(); }

}  // namespace teamsim::app
