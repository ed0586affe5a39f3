#include <fmt/format.h>

#include "app/cli.h"
#include "app/command.h"

namespace teamsim::app {
namespace {

class ValidateCommand final : public Command {
 public:
  CLI::App* add_to(CLI::App& cli) override {
    CLI::App* command =
        cli.add_subcommand("validate", "Check scenario files and list every problem found");
    command->add_option("scenarios", paths_, "Scenario YAML files")->required();
    return command;
  }

  int execute(const std::atomic<bool>& /*stop_requested*/) override {
    int status = kExitOk;
    for (const std::string& path : paths_) {
      const auto spec = load_scenario_or_report(path);
      if (!spec) {
        status = kExitInvalidScenario;
        continue;
      }
      fmt::print("{}: ok — \"{}\", {} months, {} roles, {} territories, {} dated hires\n", path,
                 spec->name, spec->horizon_months, spec->roles.size(), spec->territories.size(),
                 spec->hires.size());
    }
    return status;
  }

 private:
  std::vector<std::string> paths_;
};

}  // namespace

std::unique_ptr<Command> make_validate_command() { return std::make_unique<ValidateCommand>(); }

}  // namespace teamsim::app
