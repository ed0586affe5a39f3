#include <memory>

#include "app/cli/command.h"

namespace teamsim::app {

// Each defined in app/cli/commands/command_<name>.cc.
std::unique_ptr<Command> make_run_command();
std::unique_ptr<Command> make_validate_command();
std::unique_ptr<Command> make_compare_command();
std::unique_ptr<Command> make_sweep_command();
std::unique_ptr<Command> make_sensitivity_command();
std::unique_ptr<Command> make_report_command();
std::unique_ptr<Command> make_batch_command();
std::unique_ptr<Command> make_init_command();
std::unique_ptr<Command> make_schema_command();
std::unique_ptr<Command> make_hires_command();

namespace {

// Adding a command: its command_<name>.cc, its factory above and one row here.
constexpr CommandInfo kCommands[] = {
    {"run", "Simulate a scenario and report its projections", make_run_command},
    {"validate", "Check scenario files and list every problem found", make_validate_command},
    {"compare", "Compare plans on the same random numbers: per-replication differences",
     make_compare_command},
    {"sweep", "Run a scenario over a grid of parameter values, all on the same random numbers",
     make_sweep_command},
    {"sensitivity", "Rank the uncertain inputs by their effect on one metric (tornado chart)",
     make_sensitivity_command},
    {"report", "Write report.html and charts from an earlier run's folder (no rerun)",
     make_report_command},
    {"batch", "Run every scenario in a folder: results, charts, reports and an index page",
     make_batch_command},
    {"init", "Write a commented starter scenario from a few answers (or teamsim's defaults)",
     make_init_command},
    {"schema", "Print the JSON Schema of scenario files or of result files", make_schema_command},
    {"hires", "Print a scenario's resolved hiring plan as CSV (what hires_csv: reads)",
     make_hires_command},
};

}  // namespace

std::span<const CommandInfo> commands() { return kCommands; }

}  // namespace teamsim::app
