#include <fmt/format.h>

#include "app/cli/cli.h"
#include "app/cli/command.h"
#include "app/scenario/scenario_resolver.h"

namespace teamsim::app {
namespace {

class ValidateCommand final : public Command {
 public:
  CLI::App* add_to(CLI::App& cli) override {
    CLI::App* command =
        cli.add_subcommand("validate", "Check scenario files and list every problem found");
    command->add_option("scenarios", paths_, "Scenario YAML files")->required();
    command->add_option("--variant", variant_,
                        "Check only this variant (default: the base and every variant)");
    command->add_option("--set", overrides_, "Override a key: KEY.PATH=VALUE (repeatable)");
    return command;
  }

  int execute(const std::atomic<bool>& /*stop_requested*/) override {
    int status = kExitOk;
    for (const std::string& path : paths_) {
      std::vector<std::string> variants = {variant_};
      if (variant_.empty()) {
        for (const std::string& name : scenario_variants(path)) variants.push_back(name);
      }
      for (const std::string& variant : variants) {
        const auto spec = resolve_scenario_or_report({path, variant, overrides_});
        if (!spec) {
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
