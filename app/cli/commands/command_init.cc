#include <fmt/format.h>

#include <cmath>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "app/cli/command.h"
#include "app/cli/command_options.h"
#include "app/cli/month_option.h"
#include "app/common/atomic_file.h"
#include "app/common/calendar_month.h"
#include "app/common/errors.h"
#include "app/common/number_format.h"
#include "app/common/trimmed.h"
#include "app/scenario/plan_calendar.h"
#include "app/scenario/scenario_loader.h"
#include "app/scenario/starter_scenario.h"
#include "models/defaults.h"

namespace teamsim::app {
namespace {

class InitCommand final : public Command {
 public:
  void declare(CLI::App& command) override {
    command.add_option("file", file_, "The scenario file to write")->capture_default_str();
    command.add_option("--name", answers_.name, "The plan's name, shown in reports")
        ->capture_default_str();
    const model::ScenarioSpec defaults = model::default_scenario();
    command
        .add_option("--aes-today", aes_today_,
                    "Account executives (AEs) you employ today, already selling at full "
                    "speed (default: none)")
        ->check(whole_number_from(0, 100'000));
    command
        .add_option("--leads-per-month", leads_,
                    fmt::format("Inbound leads you get a month that become sales opportunities "
                                "(a first sales call; not every sign-up), on average "
                                "(default: {})",
                                format_number(model::default_territory().inbound_leads_per_month)))
        ->transform(number_from(0, 100'000));
    command
        .add_option("--cash", cash_,
                    fmt::format("Cash in the bank today (default: {})",
                                format_grouped(defaults.money.starting_cash, 0)))
        ->transform(number_from(-1e15, 1e15));
    command
        .add_option("--other-costs", other_costs_,
                    fmt::format("Everything you spend a month besides the sales team's pay: the "
                                "pay of everyone outside sales, rent, tools, marketing "
                                "(default: {})",
                                format_grouped(defaults.money.other_monthly_costs, 0)))
        ->transform(number_from(0, 1e15));
    command
        .add_option("--customers-today", customers_today_,
                    "Paying customers you have today (default: none)")
        ->check(whole_number_from(0, 1'000'000));
    command
        .add_option("--arr-today", arr_today_,
                    fmt::format("Their annual recurring revenue today: each customer then "
                                "pays ARR / 12 / customers a month (needs --customers-today; "
                                "default: each a different MRR, median {} a month)",
                                format_grouped(
                                    std::round(defaults.customers.initial_mrr.quantile(0.5)), 0)))
        ->transform(number_from(0, 1e15));
    command
        .add_option(
            "--months", months_,
            fmt::format("How many months to plan for (default: {})", defaults.horizon_months))
        ->check(whole_number_from(1, 600));
    command
        .add_option("--hire-ae-in", hire_months_,
                    "Months in which you start looking for a new AE, one AE each, e.g.\n"
                    "--hire-ae-in 3,6,9 (1 = the first month; twice the same month: two AEs);\n"
                    "with --start-date also calendar months: --hire-ae-in 2027-03,2027-06")
        ->delimiter(',');
    command.add_option("--start-date", start_date_,
                       "The calendar month the plan starts, YYYY-MM (e.g. 2027-01): outputs then "
                       "say Jan 2027 instead of M1, and hires are written as dates");
    command.add_flag("-f,--force", force_, "Replace FILE if it exists");
    command.footer(
        "Writes a starter scenario: your answers, and teamsim's defaults for the rest, each key\n"
        "with a comment saying what it means and where its default comes from. When your lead\n"
        "flow cannot fill the default AE quota, the quota is what a ramped AE can book. Then:\n"
        "  teamsim validate FILE   checks it\n"
        "  teamsim run FILE        simulates it\n"
        "Example: teamsim init plan.yaml --aes-today 2 --leads-per-month 30 --cash 1500000 \\\n"
        "           --months 24 --hire-ae-in 3,6,9 --start-date 2027-01\n"
        "A company already selling starts from its customers, ARR and burn:\n"
        "  teamsim init plan.yaml --aes-today 2 --customers-today 100 --arr-today 1500000 \\\n"
        "           --cash 4000000 --other-costs 300000 --months 24\n"
        "An existing FILE is never replaced without --force. Every key is explained in\n"
        "docs/scenario-reference.md.");
  }

  void execute(const std::atomic<bool>& /*stop_requested*/) override {
    namespace fs = std::filesystem;
    if (aes_today_ >= 0) answers_.account_executives_today = aes_today_;
    if (leads_ >= 0) answers_.inbound_leads_per_month = leads_;
    if (cash_) answers_.starting_cash = *cash_;
    if (other_costs_) answers_.other_monthly_costs = *other_costs_;
    if (customers_today_ >= 0) answers_.customers_today = customers_today_;
    if (arr_today_) {
      if (customers_today_ <= 0) {
        throw UsageError(fmt::format(
            "--arr-today {}: {}; each pays ARR / 12 / customers a month",
            format_number(*arr_today_),
            customers_today_ == 0 ? "ARR today needs customers who pay it, not --customers-today 0"
                                  : "say how many customers pay it with --customers-today N"));
      }
      answers_.arr_today = *arr_today_;
    }
    if (months_ > 0) answers_.horizon_months = months_;
    if (!start_date_.empty()) {
      std::string problem;
      answers_.start_date = parse_calendar_month(start_date_, problem);
      if (!answers_.start_date) throw UsageError(fmt::format("--start-date: {}", problem));
    }
    const int horizon = months_ > 0 ? months_ : model::default_scenario().horizon_months;
    for (const std::string& item : hire_months_) {
      // "3, 6, 9" as a sentence writes a list: the spaces around a month are not part of it.
      const std::string text = trimmed(item);
      if (text.empty()) continue;  // "3,6," : nothing after the last comma
      answers_.ae_hire_months.push_back(hire_month(text, horizon));
    }
    std::error_code error;
    if (fs::is_directory(file_, error)) {
      throw UsageError(
          fmt::format("{} is a folder; give the name of the file to write, e.g. "
                      "{}/plan.yaml",
                      file_, file_));
    }
    if (fs::exists(file_, error) && !force_) {
      throw UsageError(
          fmt::format("{} already exists; teamsim init does not replace a file. "
                      "Choose another name, or add --force to replace it",
                      file_));
    }
    const std::string text = starter_scenario_yaml(answers_);
    const LoadResult check = load_scenario_string(text, file_);
    if (!check.ok()) {
      throw Error(fmt::format(
          "the starter scenario does not validate (a teamsim bug): {}",
          check.diagnostics.empty() ? "no scenario" : check.diagnostics.front().message));
    }
    write_file_atomically(file_, text);
    fmt::print("wrote {}\n", file_);
    // The answers can make a default implausible (a quota that lead flow cannot fill): said now,
    // where the founder is choosing, with the key to change, rather than on the first run.
    for (const Diagnostic& warning : check.warnings) {
      fmt::print("{}\n", format_diagnostic(warning));
    }
    fmt::print("next: teamsim validate {}   then   teamsim run {} --report\n", file_, file_);
  }

 private:
  /// The month number of one --hire-ae-in value: 1..horizon, or a calendar month of the plan
  /// that --start-date begins.
  int hire_month(const std::string& text, int horizon) const {
    if (looks_like_calendar_month(text)) {
      std::string error;
      const auto number = calendar_month_number(text, answers_.start_date, 1, horizon, error);
      if (!number) {
        throw UsageError(fmt::format("--hire-ae-in {}: {}{}", text, error,
                                     answers_.start_date ? "" : " (give --start-date)"));
      }
      return *number;
    }
    const int month = parse_month_number(text).value_or(0);
    if (month < 1) {
      throw UsageError(fmt::format(
          "--hire-ae-in {}: not a month; give its number (1 = the first month){}", text,
          answers_.start_date ? " or a calendar month such as " + iso_month(*answers_.start_date)
                              : ""));
    }
    if (month > horizon) {
      throw UsageError(fmt::format(
          "--hire-ae-in {}: month {} is after the plan's last month ({}); give months 1..{}, "
          "or a longer --months",
          text, month, horizon, horizon));
    }
    return month;
  }

  std::vector<std::string> hire_months_;
  std::string file_ = "scenario.yaml";
  StarterAnswers answers_;
  int aes_today_ = -1;
  double leads_ = -1;
  std::optional<double> cash_;
  std::optional<double> other_costs_;
  int customers_today_ = -1;
  std::optional<double> arr_today_;
  int months_ = 0;
  std::string start_date_;
  bool force_ = false;
};

}  // namespace

std::unique_ptr<Command> make_init_command() { return std::make_unique<InitCommand>(); }

}  // namespace teamsim::app
