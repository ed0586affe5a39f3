#include "app/scenario/scenario_resolver.h"

#include <fmt/format.h>
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

namespace teamsim::app {
namespace {

namespace fs = std::filesystem;
using Errors = std::vector<std::string>;

constexpr const char* kBase =
    "name: Plan\n"
    "horizon_months: 24\n"
    "pipeline:\n"
    "  win_rate: 0.2\n"
    "  deal_size_acv: 10000\n"
    "hires:\n"
    "  - {role: sales_manager, month: 1}\n"
    "  - {role: account_executive, month: 2}\n"
    "variants:\n"
    "  reps_first:\n"
    "    hires:\n"
    "      - {role: account_executive, count: 2, month: 1}\n"
    "  cheap:\n"
    "    pipeline: {deal_size_acv: 5000}\n"
    "  named: {name: Other}\n";

ScenarioRequest request(std::string variant = "", std::vector<std::string> overrides = {}) {
  return ScenarioRequest{"", std::move(variant), std::move(overrides)};
}

model::ScenarioSpec load_ok(std::string_view text, const ScenarioRequest& r) {
  LoadResult result = resolve_scenario_string(text, "plan.yaml", r);
  EXPECT_TRUE(result.ok()) << format_diagnostics(result.diagnostics);
  return result.spec.value_or(model::ScenarioSpec{});
}

Errors errors_of(std::string_view text, const ScenarioRequest& r,
                 const std::string& file = "plan.yaml") {
  const LoadResult result = resolve_scenario_string(text, file, r);
  EXPECT_FALSE(result.ok());
  Errors out;
  for (const Diagnostic& d : result.diagnostics) out.push_back(format_diagnostic(d));
  return out;
}

// A fresh directory under the system temp folder, removed at the end of the test.
class TempDir {
 public:
  TempDir() {
    path_ = fs::temp_directory_path() /
            fmt::format("teamsim-resolver-{}-{}",
                        ::testing::UnitTest::GetInstance()->current_test_info()->name(),
                        static_cast<unsigned>(std::hash<std::string>{}(fs::current_path())));
    fs::remove_all(path_);
    fs::create_directories(path_);
  }
  ~TempDir() { fs::remove_all(path_); }
  std::string write(const std::string& name, const std::string& text) const {
    const fs::path file = path_ / name;
    fs::create_directories(file.parent_path());
    std::ofstream(file) << text;
    return file.string();
  }
  const fs::path& path() const { return path_; }

 private:
  fs::path path_;
};

TEST(ScenarioResolver, BaseIgnoresVariantsAndListsThem) {
  const ResolvedTree tree = resolve_scenario_tree_string(kBase, "plan.yaml", request());
  ASSERT_TRUE(tree.root.has_value());
  EXPECT_EQ(tree.variants, (std::vector<std::string>{"reps_first", "cheap", "named"}));
  EXPECT_EQ(tree.root->find("variants"), nullptr);
  const model::ScenarioSpec spec = load_ok(kBase, request());
  EXPECT_EQ(spec.name, "Plan");
  ASSERT_EQ(spec.hires.size(), 2u);
}

TEST(ScenarioResolver, ABaseThatLeavesTheTeamToItsVariantsIsNotWarnedOf) {
  // The base of a file of variants may hire no one (compare-manager-first.yaml): its plans are
  // the variants, and run says so (warn_if_variants_hold_the_team). A variant without a team,
  // or a file without variants, is warned of.
  const std::string shared = "territories: {a: {inbound_leads_per_month: 100}}\n";
  const std::string file = shared +
                           "variants:\n"
                           "  one: {starting_staff: [{role: account_executive}]}\n"
                           "  none: {name: Nobody}\n";
  const auto warnings_of = [&](const std::string& text, const std::string& variant) {
    const LoadResult result = resolve_scenario_string(text, "plan.yaml", request(variant));
    EXPECT_TRUE(result.ok()) << format_diagnostics(result.diagnostics);
    return result.warnings.size();
  };
  EXPECT_EQ(warnings_of(file, ""), 0u);
  EXPECT_EQ(warnings_of(file, "one"), 0u);
  EXPECT_EQ(warnings_of(file, "none"), 1u);
  EXPECT_EQ(warnings_of(shared, ""), 1u);
}

TEST(ScenarioResolver, VariantReplacesListsAndDeepMergesMaps) {
  const model::ScenarioSpec reps = load_ok(kBase, request("reps_first"));
  EXPECT_EQ(reps.name, "Plan [reps_first]");
  ASSERT_EQ(reps.hires.size(), 1u);
  EXPECT_EQ(reps.hires[0].count, 2);
  const model::ScenarioSpec cheap = load_ok(kBase, request("cheap"));
  EXPECT_EQ(cheap.pipeline.deal_size_acv.mean(), 5000);
  EXPECT_EQ(cheap.pipeline.win_rate.mean(), 0.2);  // kept from the base map
  EXPECT_EQ(load_ok(kBase, request("named")).name, "Other");
}

TEST(ScenarioResolver, UnknownVariantGetsASuggestion) {
  EXPECT_EQ(errors_of(kBase, request("reps_frist")),
            Errors{"<command line>: unknown variant 'reps_frist'; did you mean 'reps_first'?"});
  EXPECT_EQ(errors_of("horizon_months: 12\n", request("x")),
            Errors{"<command line>: unknown variant 'x': plan.yaml declares no variants"});
}

TEST(ScenarioResolver, BadValueInAVariantPointsAtItsLine) {
  const std::string text = std::string(kBase) + "  bad:\n    pipeline: {win_rate: 1.5}\n";
  EXPECT_EQ(errors_of(text, request("bad")),
            Errors{"plan.yaml:17:26: pipeline.win_rate: must be between 0 and 1, got 1.5"});
}

TEST(ScenarioResolver, OverridesSetScalarsMapsAndListItems) {
  const model::ScenarioSpec spec =
      load_ok(kBase, request("", {"horizon_months=36",
                                  "pipeline.win_rate={dist: beta, mean: 0.3, "
                                  "sd: 0.05}",
                                  "hires[1].month=5", "roles.account_executive.annual_salary=1e5",
                                  "territories.all.inbound_leads_per_month=30"}));
  EXPECT_EQ(spec.horizon_months, 36);
  EXPECT_NEAR(spec.pipeline.win_rate.mean(), 0.3, 1e-12);
  EXPECT_EQ(spec.hires[1].month, 5);
  EXPECT_EQ(spec.find_role("account_executive")->annual_salary, 100'000);
  EXPECT_EQ(spec.territories[0].inbound_leads_per_month, 30);
  // Overrides apply after the variant.
  const model::ScenarioSpec reps = load_ok(kBase, request("reps_first", {"hires[0].count=3"}));
  EXPECT_EQ(reps.hires[0].count, 3);
  EXPECT_EQ(load_ok(kBase, request("reps_first", {"name=Mine"})).name, "Mine");
}

TEST(ScenarioResolver, AnOverrideReachesANameThatHoldsDots) {
  // A territory "eu.west": its key path, as sensitivity prints it beside each input for --set,
  // was refused with "unknown territory 'eu'".
  const char* text =
      "territories:\n"
      "  eu.west: {inbound_leads_per_month: 10}\n"
      "  eu: {inbound_leads_per_month: 20}\n";
  const model::ScenarioSpec spec =
      load_ok(text, request("", {"territories.eu.west.inbound_leads_per_month=7",
                                 "territories.eu.win_rate_factor=1.5"}));
  ASSERT_EQ(spec.territories.size(), 2u);
  EXPECT_EQ(spec.territories[0].name, "eu.west");
  EXPECT_EQ(spec.territories[0].inbound_leads_per_month, 7);
  EXPECT_EQ(spec.territories[0].win_rate_factor, 1);  // "eu" alone is the other territory
  EXPECT_EQ(spec.territories[1].inbound_leads_per_month, 20);
  EXPECT_EQ(spec.territories[1].win_rate_factor, 1.5);
  EXPECT_EQ(errors_of(text, request("", {"territories.eu.west.inbound_leads_per_month=lots"})),
            (Errors{"<command line>: territories.eu.west.inbound_leads_per_month: expected a "
                    "number, got 'lots'"}));
}

TEST(ScenarioResolver, AnOverrideReachesANameThatEndsWithADot) {
  // A territory "U.S.": its key path is territories.U.S..inbound_leads_per_month (the name, then
  // the dot before the next key), which was refused as "not a key path" for its two dots.
  const char* text =
      "territories:\n"
      "  U.S.: {inbound_leads_per_month: 10}\n"
      "  .eu: {inbound_leads_per_month: 20}\n";
  const model::ScenarioSpec spec =
      load_ok(text, request("", {"territories.U.S..inbound_leads_per_month=7",
                                 "territories..eu.win_rate_factor=1.5",
                                 "territories.U.S.={win_rate_factor: 2}"}));
  ASSERT_EQ(spec.territories.size(), 2u);
  EXPECT_EQ(spec.territories[0].name, "U.S.");
  EXPECT_EQ(spec.territories[0].inbound_leads_per_month, 7);
  EXPECT_EQ(spec.territories[0].win_rate_factor, 2);
  EXPECT_EQ(spec.territories[1].name, ".eu");
  EXPECT_EQ(spec.territories[1].win_rate_factor, 1.5);
  // The name's own dot left out: say how to write it.
  EXPECT_EQ(errors_of(text, request("", {"territories.U.S.inbound_leads_per_month=7"})),
            (Errors{"<command line>: territories.U.S.inbound_leads_per_month: 'U.S.' ends with a "
                    "dot; write it with its dot, then a dot before the next key: "
                    "territories.U.S..inbound_leads_per_month"}));
  // An empty key that completes no name.
  EXPECT_EQ(errors_of(kBase, request("", {"pipeline..win_rate=0.3"})),
            (Errors{"<command line>: pipeline..win_rate: an empty key (two dots, or a dot at the "
                    "end) inside pipeline, which has no name that ends with a dot there; a name "
                    "that ends with one is written with it, then a dot before the next key, e.g. "
                    "territories.U.S..inbound_leads_per_month for a territory 'U.S.'"}));
  EXPECT_EQ(errors_of(kBase, request("", {"pipeline.win_rate.=0.3"})).size(), 1u);
}

TEST(ScenarioResolver, OverrideErrorsPointAtTheCommandLine) {
  EXPECT_EQ(errors_of(kBase, request("", {"horizon_month=36"})),
            Errors{"<command line>: unknown key 'horizon_month'; did you mean 'horizon_months'?"});
  EXPECT_EQ(errors_of(kBase, request("", {"pipeline.win_rat=0.3"})),
            Errors{"<command line>: pipeline: unknown key 'win_rat'; did you mean 'win_rate'?"});
  EXPECT_EQ(errors_of(kBase, request("", {"pipeline.win_rate=1.5"})),
            Errors{"<command line>: pipeline.win_rate: must be between 0 and 1, got 1.5"});
  EXPECT_EQ(errors_of(kBase, request("", {"roles.acount_executive.annual_salary=5"})),
            Errors{"<command line>: roles.acount_executive.annual_salary: unknown role "
                   "'acount_executive'; did you mean 'account_executive'?"});
  EXPECT_EQ(errors_of(kBase, request("", {"hires[7].month=3"})),
            Errors{"<command line>: hires[7].month: hires has 2 items; there is no [7]"});
  // A list the scenario does not write: no items, and how to give the list.
  EXPECT_EQ(errors_of(kBase, request("", {"hiring_rules[0].max_count=3"})),
            Errors{"<command line>: hiring_rules[0].max_count: hiring_rules has no items (not "
                   "written, or empty); there is no [0]: set the whole list, e.g. --set "
                   "'hiring_rules=[...]'"});
  EXPECT_EQ(errors_of(kBase, request("", {"horizon_months.x=3"})),
            Errors{"<command line>: horizon_months.x: cannot set 'x' inside horizon_months, "
                   "which is '24', not a map"});
  EXPECT_EQ(errors_of(kBase, request("", {"horizon_months"})),
            Errors{"<command line>: --set 'horizon_months': expected KEY.PATH=VALUE, e.g. "
                   "pipeline.win_rate=0.25"});
  EXPECT_EQ(errors_of(kBase, request("", {"a..b=1"})).size(), 1u);
  EXPECT_EQ(errors_of(kBase, request("", {"a.[0]=1"})).size(), 1u);
  EXPECT_EQ(errors_of(kBase, request("", {".=1"})).size(), 1u);
  EXPECT_EQ(errors_of(kBase, request("", {"variants.x=1"})),
            Errors{"<command line>: variants.x: cannot be set on the command line; choose one "
                   "with --variant NAME"});
  EXPECT_EQ(errors_of(kBase, request("", {"horizon_months=[1"})).size(), 1u);
}

TEST(ScenarioResolver, EveryBuiltInRoleCanBeSetWithoutBeingWritten) {
  // kBase writes no roles: key; each of the seven kinds' built-in roles exists all the same.
  EXPECT_EQ(load_ok(kBase, request("", {"roles.customer_success.accounts_per_rep=60"}))
                .find_role("customer_success")
                ->accounts_per_rep,
            60);
  EXPECT_EQ(load_ok(kBase, request("", {"roles.sales_specialist.concurrent_deals=3"}))
                .find_role("sales_specialist")
                ->concurrent_deals,
            3);
  for (const char* role :
       {"account_executive", "sales_manager", "assistant_manager", "customer_success",
        "sales_specialist", "sales_operations", "sales_enablement"}) {
    EXPECT_EQ(load_ok(kBase, request("", {std::string("roles.") + role + ".annual_salary=77000"}))
                  .find_role(role)
                  ->annual_salary,
              77'000)
        << role;
  }
  EXPECT_EQ(errors_of(kBase, request("", {"roles.custmer_success.annual_salary=5"})),
            Errors{"<command line>: roles.custmer_success.annual_salary: unknown role "
                   "'custmer_success'; did you mean 'customer_success'?"});
}

TEST(ScenarioResolver, SplitOverride) {
  EXPECT_EQ(split_override("a.b=c=d"), (std::pair<std::string, std::string>{"a.b", "c=d"}));
  EXPECT_EQ(split_override("a.b="), (std::pair<std::string, std::string>{"a.b", ""}));
  EXPECT_FALSE(split_override("=1").has_value());
  EXPECT_FALSE(split_override("ab").has_value());
}

TEST(ScenarioResolver, ExtendsMergesRelativeToTheIncludingFile) {
  const TempDir dir;
  dir.write("shared/base.yaml",
            "horizon_months: 24\n"
            "money: {starting_cash: 1_000_000, other_monthly_costs: 10_000}\n"
            "hires: [{role: sales_manager, month: 1}]\n"
            "variants:\n"
            "  late: {hires: [{role: sales_manager, month: 6}]}\n");
  const std::string plan = dir.write("plans/plan.yaml",
                                     "extends: ../shared/base.yaml\n"
                                     "money: {starting_cash: 2_000_000}\n");
  LoadResult loaded = resolve_scenario({plan, "", {}});
  ASSERT_TRUE(loaded.ok()) << format_diagnostics(loaded.diagnostics);
  EXPECT_EQ(loaded.spec->name, "plan");
  EXPECT_EQ(loaded.spec->horizon_months, 24);
  EXPECT_EQ(loaded.spec->money.starting_cash, 2'000'000);
  EXPECT_EQ(loaded.spec->money.other_monthly_costs, 10'000);
  // Variants declared by the extended file are available.
  EXPECT_EQ(scenario_variants(plan), std::vector<std::string>{"late"});
  loaded = resolve_scenario({plan, "late", {}});
  ASSERT_TRUE(loaded.ok()) << format_diagnostics(loaded.diagnostics);
  EXPECT_EQ(loaded.spec->hires[0].month, 6);
}

TEST(ScenarioResolver, ErrorsPointAtTheFileThatWroteTheValue) {
  const TempDir dir;
  const std::string base = dir.write("base.yaml",
                                     "horizon_months: 24\n"
                                     "customers: {monthly_churn: 2}\n");
  const std::string plan = dir.write("plan.yaml",
                                     "extends: base.yaml\n"
                                     "\n"
                                     "pipeline: {win_rate: -1}\n");
  const LoadResult loaded = resolve_scenario({plan, "", {}});
  ASSERT_EQ(loaded.diagnostics.size(), 2u);
  EXPECT_EQ(format_diagnostic(loaded.diagnostics[0]),
            plan + ":3:22: pipeline.win_rate: must be between 0 and 1, got -1");
  EXPECT_EQ(format_diagnostic(loaded.diagnostics[1]),
            base +
                ":2:28: customers.monthly_churn: must be between 0 and 1, got 2; for 2 per cent "
                "write 2% (or 0.02)");
}

TEST(ScenarioResolver, AWarningOnADefaultPointsAtTheExtendingFileNotItsBase) {
  // The base alone is plausible; the plan's five AEs share its 30 leads, so the default quota is
  // out of reach. That is the plan's problem, and a key nobody wrote: it is reported at the
  // plan's first line, not at base.yaml:1:1, which would send the user to a file that is fine.
  const TempDir dir;
  const std::string base = dir.write("base.yaml",
                                     "horizon_months: 24\n"
                                     "territories: {main: {inbound_leads_per_month: 30}}\n"
                                     "hires: [{role: sales_manager, month: 1},\n"
                                     "        {role: account_executive, count: 3, month: 2}]\n");
  const std::string plan = dir.write("plan.yaml",
                                     "extends: base.yaml\n"
                                     "hires: [{role: sales_manager, month: 1},\n"
                                     "        {role: account_executive, count: 5, month: 2}]\n");
  const LoadResult alone = resolve_scenario({base, "", {}});
  ASSERT_TRUE(alone.ok()) << format_diagnostics(alone.diagnostics);
  EXPECT_TRUE(alone.warnings.empty()) << format_diagnostics(alone.warnings);
  const LoadResult loaded = resolve_scenario({plan, "", {}});
  ASSERT_TRUE(loaded.ok()) << format_diagnostics(loaded.diagnostics);
  const auto quota = std::find_if(
      loaded.warnings.begin(), loaded.warnings.end(),
      [](const Diagnostic& d) { return d.key_path == "roles.account_executive.annual_quota"; });
  ASSERT_NE(quota, loaded.warnings.end()) << format_diagnostics(loaded.warnings);
  EXPECT_EQ(quota->file, plan);
  EXPECT_EQ(quota->line, 1);
  EXPECT_EQ(quota->column, 1);
}

TEST(ScenarioResolver, ExtendsCyclesAndDepthAreRejected) {
  const TempDir dir;
  dir.write("a.yaml", "extends: b.yaml\n");
  dir.write("b.yaml", "horizon_months: 3\nextends: a.yaml\n");
  const std::string a = (dir.path() / "a.yaml").string();
  const LoadResult cycle = resolve_scenario({a, "", {}});
  ASSERT_EQ(cycle.diagnostics.size(), 1u);
  EXPECT_EQ(format_diagnostic(cycle.diagnostics[0]),
            (dir.path() / "b.yaml").string() +
                ":2:10: extends: extends cycle: a.yaml -> b.yaml -> a.yaml");

  // f0 extends f1 ... : 8 levels are fine, 9 are not.
  for (int i = 0; i < 10; ++i) {
    dir.write(fmt::format("f{}.yaml", i), i < 9 ? fmt::format("extends: f{}.yaml\n", i + 1)
                                                : std::string("horizon_months: 7\n"));
  }
  const LoadResult ok = resolve_scenario({(dir.path() / "f1.yaml").string(), "", {}});
  ASSERT_TRUE(ok.ok()) << format_diagnostics(ok.diagnostics);
  EXPECT_EQ(ok.spec->horizon_months, 7);
  const LoadResult deep = resolve_scenario({(dir.path() / "f0.yaml").string(), "", {}});
  ASSERT_EQ(deep.diagnostics.size(), 1u);
  EXPECT_EQ(format_diagnostic(deep.diagnostics[0]),
            (dir.path() / "f8.yaml").string() +
                ":1:10: extends: more than 8 levels of extends; flatten some of the files");

  dir.write("missing.yaml", "extends: nowhere.yaml\n");
  const LoadResult missing = resolve_scenario({(dir.path() / "missing.yaml").string(), "", {}});
  ASSERT_EQ(missing.diagnostics.size(), 1u);
  EXPECT_NE(format_diagnostic(missing.diagnostics[0]).find(":1:10: extends: cannot read '"),
            std::string::npos);
}

}  // namespace
}  // namespace teamsim::app
