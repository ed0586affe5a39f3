#include <fmt/format.h>

#include <string>

#include "app/cli/command.h"
#include "app/cli/command_options.h"
#include "app/common/atomic_file.h"
#include "app/scenario/hiring_plan_csv.h"

namespace teamsim::app {
namespace {

class HiresCommand final : public Command {
 public:
  void declare(CLI::App& command) override {
    add_scenario_options(command, scenario_);
    command.add_option("-o,--output", file_, "Write the CSV to FILE instead of stdout");
    command.footer(
        "Prints the scenario's dated hires, from hires: and hires_csv: (after extends, the\n"
        "variant and --set), as the CSV that hires_csv: reads back: one row per entry,\n"
        "columns role, month, start_month, count, territory, source. Edit it in a spreadsheet\n"
        "and name it in the scenario:  hires_csv: hires.csv   (and drop the hires: list).\n"
        "Example: teamsim hires plan.yaml --variant reps_first -o hires.csv");
  }

  void execute(const std::atomic<bool>& /*stop_requested*/) override {
    const LoadResult loaded = load_scenario(scenario_.request());
    warn_if_variants_hold_the_team("hires", scenario_, *loaded.spec);
    const std::string text = hires_to_csv(*loaded.spec);
    if (file_.empty()) {
      fmt::print("{}", text);
    } else {
      write_file_atomically(file_, text);
    }
  }

 private:
  ScenarioOptions scenario_;
  std::string file_;
};

}  // namespace

std::unique_ptr<Command> make_hires_command() { return std::make_unique<HiresCommand>(); }

}  // namespace teamsim::app
