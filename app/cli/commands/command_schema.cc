#include <fmt/format.h>

#include <string>

#include "app/cli/command.h"
#include "app/common/atomic_file.h"
#include "app/results/summary_writer.h"
#include "app/scenario/scenario_schema.h"

namespace teamsim::app {
namespace {

class SchemaCommand final : public Command {
 public:
  void declare(CLI::App& command) override {
    command.add_option("-o,--output", file_, "Write the schema to FILE instead of stdout");
    command.add_flag("--summary", summary_,
                     "Print the schema of summary.json (what run, batch and sensitivity write)\n"
                     "instead of that of scenario files");
    command.footer(
        "Prints the JSON Schema (draft-07) of scenario files, generated from the keys the loader\n"
        "reads, for editors with yaml-language-server (VS Code's YAML extension, Neovim, Helix):\n"
        "  teamsim schema -o teamsim.schema.json\n"
        "then as the first line of a scenario:\n"
        "  # yaml-language-server: $schema=teamsim.schema.json\n"
        "Keys are completed and shown with their meaning and default; an unknown key is flagged.\n"
        "With --summary, the JSON Schema (draft-07) of summary.json instead, for pipelines that\n"
        "read it: teamsim schema --summary -o summary.schema.json");
  }

  void execute(const std::atomic<bool>& /*stop_requested*/) override {
    const std::string text = (summary_ ? summary_json_schema() : scenario_schema()).dump(2) + "\n";
    if (file_.empty()) {
      fmt::print("{}", text);
    } else {
      write_file_atomically(file_, text);
    }
  }

 private:
  std::string file_;
  bool summary_ = false;
};

}  // namespace

std::unique_ptr<Command> make_schema_command() { return std::make_unique<SchemaCommand>(); }

}  // namespace teamsim::app
