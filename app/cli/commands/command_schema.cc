#include <fmt/format.h>

#include <string>

#include "app/cli/command.h"
#include "app/common/atomic_file.h"
#include "app/common/errors.h"
#include "app/results/comparison_files.h"
#include "app/results/sensitivity_files.h"
#include "app/results/summary_writer.h"
#include "app/results/sweep_json_schema.h"
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
    command.add_flag("--compare", compare_, "Print the schema of compare.json (teamsim compare)");
    command.add_flag("--sweep", sweep_, "Print the schema of sweep.json (teamsim sweep)");
    command.add_flag("--sensitivity", sensitivity_,
                     "Print the schema of sensitivity.json (teamsim sensitivity)");
    command.footer(
        "Prints the JSON Schema (draft-07) of scenario files, generated from the keys the loader\n"
        "reads, for editors with yaml-language-server (VS Code's YAML extension, Neovim, Helix):\n"
        "  teamsim schema -o teamsim.schema.json\n"
        "then as the first line of a scenario:\n"
        "  # yaml-language-server: $schema=teamsim.schema.json\n"
        "Keys are completed and shown with their meaning and default; an unknown key is flagged.\n"
        "With --summary, --compare, --sweep or --sensitivity, the JSON Schema (draft-07) of that\n"
        "result file instead, for pipelines that read it, e.g.\n"
        "  teamsim schema --summary -o summary.schema.json\n"
        "Each file's schema_version names its schema: files with the same schema_version\n"
        "validate against the same schema (docs/output-folders.md).");
  }

  void execute(const std::atomic<bool>& /*stop_requested*/) override {
    // One schema a run: the file printed is one document.
    if (summary_ + compare_ + sweep_ + sensitivity_ > 1) {
      throw UsageError(
          "give one of --summary, --compare, --sweep and --sensitivity: each prints the schema of "
          "one file");
    }
    const std::string text = chosen_schema().dump(2) + "\n";
    if (file_.empty()) {
      fmt::print("{}", text);
    } else {
      write_file_atomically(file_, text);
    }
  }

 private:
  nlohmann::ordered_json chosen_schema() const {
    if (summary_) return summary_json_schema();
    if (compare_) return comparison_json_schema();
    if (sweep_) return sweep_json_schema();
    if (sensitivity_) return sensitivity_json_schema();
    return scenario_schema();
  }

  std::string file_;
  bool summary_ = false;
  bool compare_ = false;
  bool sweep_ = false;
  bool sensitivity_ = false;
};

}  // namespace

std::unique_ptr<Command> make_schema_command() { return std::make_unique<SchemaCommand>(); }

}  // namespace teamsim::app
