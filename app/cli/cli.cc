#include "app/cli/cli.h"

#include <fmt/format.h>
#include <fmt/ranges.h>

#include <CLI/CLI.hpp>
#include <algorithm>
#include <cstdio>
#include <memory>
#include <string>
#include <vector>

#include "app/cli/command.h"
#include "app/cli/error_printer.h"
#include "app/common/errors.h"
#include "app/common/suggestions.h"
#include "app/common/version.h"
#include "models/limits.h"

namespace teamsim::app {
namespace {

constexpr const char* kDescription =
    "teamsim: Monte Carlo projections of a sales team and its hiring plan.\n"
    "Describe the organisation in a YAML scenario (see docs/scenario-reference.md); teamsim\n"
    "simulates it many times and reports revenue, customers, headcount and cash as percentiles.";

constexpr const char* kFooter =
    "Examples:\n"
    "  teamsim init plan.yaml --aes-today 2 --hire-ae-in 3,6  (a commented starter plan)\n"
    "  teamsim run scenarios/default.yaml\n"
    "  teamsim run my-plan.yaml --replications 5000 --seed 7 --out results/\n"
    "  teamsim run my-plan.yaml --precision 1%  (replications until mean ARR is known to 1%)\n"
    "  teamsim run my-plan.yaml --report        (also OUT/report.html and OUT/charts/)\n"
    "  teamsim validate my-plan.yaml\n"
    "  teamsim sweep plan.yaml --vary pipeline.win_rate=0.15:0.3:0.05\n"
    "  teamsim batch scenarios --out out/batch  (every scenario, an index page, junit.xml)\n"
    "  teamsim COMMAND --help      (the options of one command)\n"
    "\n"
    "Which of two plans gives more ARR at month 24, how sure is that, and which assumption\n"
    "matters most? (README.md and docs/comparing-plans.md walk through it)\n"
    "  teamsim compare plan.yaml --variants manager_first,reps_first\n"
    "      row ARR, month 24: the mean of A-B with its 95% interval, and P(A>B)\n"
    "  teamsim sensitivity plan.yaml --variant reps_first --metric arr --month 24\n"
    "      each distribution at its p10 and p90, each constant at ±20%: largest swing first\n"
    "\n"
    "Exit codes:\n"
    "  0    success\n"
    "  1    runtime error (e.g. an output file could not be written)\n"
    "  2    usage error (unknown option or variant, missing argument, a run larger than the\n"
    "       memory limit)\n"
    "  3    invalid scenario (every problem is listed as file:line:column: key: message), or a\n"
    "       scenario whose run grows past a replication's limits (nothing is written)\n"
    "  4    an `expect:` assertion of a scenario failed (listed on stderr and in junit.xml)\n"
    "  130  interrupted by Ctrl-C or SIGTERM (nothing was written)";

// A clearer message than CLI11's, in teamsim's form: a misspelt command ("teamsim rn": CLI11
// says only that a subcommand is required), an option before the command, a misspelt option of a
// command ("--replication 5": CLI11 lists "5 --replication" as unexpected), and any other mistake
// of a command's options with CLI11's text after "teamsim <command>: error: ".
std::string usage_hint(const CLI::ParseError& error, const std::vector<CLI::App*>& parsers,
                       int argc, char** argv) {
  // `teamsim --bogus` or `teamsim -n 100 run ...`: CLI11 said "A subcommand is required", or that
  // "5 -n" were not expected, in run's name.
  if (argc >= 2 && argv[1][0] == '-') {
    return fmt::format(
        "teamsim: error: unknown option '{}' before a command; teamsim takes --help and "
        "--version, and a command's options come after it (teamsim run plan.yaml -n 100)\n",
        argv[1]);
  }
  const auto parsed = std::find_if(parsers.begin(), parsers.end(),
                                   [](const CLI::App* parser) { return parser->parsed(); });
  if (parsed == parsers.end()) {
    std::vector<std::string> names;
    for (const CLI::App* parser : parsers) names.push_back(parser->get_name());
    // `teamsim` alone: CLI11 said "A subcommand is required".
    if (argc < 2) {
      return fmt::format(
          "teamsim: error: no command given; the commands are {} (teamsim init plan.yaml writes a "
          "first plan)\n",
          fmt::join(names, ", "));
    }
    return fmt::format("teamsim: error: unknown command '{}'{}\n", argv[1],
                       suggestion(argv[1], names, "the commands are"));
  }
  const CLI::App& command = **parsed;
  // Any other mistake of a command's options (`-n abc`, `--month 6` without --precision, a
  // value that does not convert): CLI11's text, in the command's form. `teamsim run` without
  // its scenario said CLI11's "scenario is required", without the command.
  const std::string in_form =
      fmt::format("teamsim {}: error: {}\n", command.get_name(), error.what());
  if (dynamic_cast<const CLI::ExtrasError*>(&error) == nullptr) return in_form;
  std::vector<std::string> options;
  for (const CLI::Option* option : command.get_options()) {
    for (const std::string& name : option->get_lnames()) options.push_back("--" + name);
    for (const std::string& name : option->get_snames()) options.push_back("-" + name);
  }
  std::string message;
  for (const std::string& extra : command.remaining()) {
    if (extra.size() < 2 || extra[0] != '-') continue;
    const std::string name = extra.substr(0, extra.find('='));
    message += fmt::format(
        "teamsim {}: error: unknown option '{}'{}\n", command.get_name(), name,
        suggestion(name, options, "the options of teamsim " + command.get_name() + " are"));
  }
  // An argument too many ("teamsim run a.yaml b.yaml"): CLI11's list of them, in the form.
  return message.empty() ? in_form : message;
}

}  // namespace

int exit_code_of(const std::exception& error) {
  if (dynamic_cast<const UsageError*>(&error)) return kExitUsage;
  // A runaway scenario (a hiring rule feeding on the team it grows, say) is the scenario's fault,
  // not the machine's: nothing was written, as for a scenario that fails validation.
  if (dynamic_cast<const ScenarioError*>(&error) ||
      dynamic_cast<const model::LimitExceeded*>(&error)) {
    return kExitInvalidScenario;
  }
  if (dynamic_cast<const ExpectationFailure*>(&error)) return kExitExpectationFailed;
  if (dynamic_cast<const Interrupted*>(&error)) return kExitInterrupted;
  try {
    std::rethrow_if_nested(error);
  } catch (const std::exception& cause) {
    return exit_code_of(cause);
  } catch (...) {
  }
  return kExitRuntimeError;
}

int run_cli(int argc, char** argv, const std::atomic<bool>& stop_requested) {
  CLI::App cli(kDescription, "teamsim");
  cli.footer(kFooter);
  cli.set_version_flag("--version", std::string("teamsim ") + kVersion);
  cli.require_subcommand(1);

  // One parser per row of the command table, in its order.
  std::vector<std::unique_ptr<Command>> made;
  std::vector<CLI::App*> parsers;
  for (const CommandInfo& info : commands()) {
    made.push_back(info.make());
    parsers.push_back(cli.add_subcommand(info.name, info.description));
    made.back()->declare(*parsers.back());
  }

  try {
    cli.parse(argc, argv);
  } catch (const CLI::CallForHelp& e) {
    return cli.exit(e);
  } catch (const CLI::CallForAllHelp& e) {
    return cli.exit(e);
  } catch (const CLI::CallForVersion& e) {
    return cli.exit(e);
  } catch (const CLI::ParseError& e) {
    if (const std::string hint = usage_hint(e, parsers, argc, argv); !hint.empty()) {
      fmt::print(stderr, "{}Run with --help for more information.\n", hint);
      return kExitUsage;
    }
    cli.exit(e);
    return kExitUsage;
  }

  for (std::size_t i = 0; i < made.size(); ++i) {
    if (!parsers[i]->parsed()) continue;
    try {
      made[i]->execute(stop_requested);
      return kExitOk;
    } catch (const std::exception& e) {
      print_error(parsers[i]->get_name(), e);
      return exit_code_of(e);
    }
  }
  return kExitUsage;
}

}  // namespace teamsim::app
