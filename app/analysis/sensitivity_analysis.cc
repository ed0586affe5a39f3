#include "app/analysis/sensitivity_analysis.h"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <limits>

#include "app/analysis/run_limits.h"
#include "app/common/errors.h"
#include "app/common/number_format.h"
#include "app/scenario/plan_calendar.h"
#include "app/scenario/scenario_numbers.h"
#include "models/projection.h"
#include "models/uncertain_inputs.h"
#include "sim/paired_statistics.h"
#include "sim/statistics.h"

namespace teamsim::app {
namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

OutcomeStats stats_of(const Eigen::VectorXd& outcome) {
  const sim::ColumnSummary s = sim::summarize_columns(outcome);
  return {s.mean(0), s.se(0), s.percentiles(0, 3)};  // kReportedPercentiles[3] is p50
}

// Spearman's correlation over the replications where the input was drawn (its mean is not NaN).
void correlate(const Eigen::VectorXd& input_means, const Eigen::VectorXd& outcome,
               InputSensitivity& input) {
  std::vector<Eigen::Index> drawn;
  for (Eigen::Index r = 0; r < input_means.size(); ++r) {
    if (!std::isnan(input_means(r)) && !std::isnan(outcome(r))) drawn.push_back(r);
  }
  input.correlation_replications = drawn.size();
  if (drawn.size() < 3) {
    input.rank_correlation = kNaN;
    return;
  }
  Eigen::VectorXd x(static_cast<Eigen::Index>(drawn.size()));
  Eigen::VectorXd y(x.size());
  for (std::size_t i = 0; i < drawn.size(); ++i) {
    x(static_cast<Eigen::Index>(i)) = input_means(drawn[i]);
    y(static_cast<Eigen::Index>(i)) = outcome(drawn[i]);
  }
  input.rank_correlation = sim::spearman_correlation(x, y);
}

// A distribution or per-replication input as the result lists it: its key path, label and
// distribution, and its values at the low and high quantiles of the options.
InputSensitivity describe_input(const model::UncertainInput& uncertain,
                                const SensitivityOptions& options) {
  const sim::Distribution& d = *uncertain.distribution;
  InputSensitivity input;
  input.key_path = uncertain.key_path;
  input.label = number_label(uncertain.key_path);
  if (const std::optional<KeyAtPath> key = key_at_path(uncertain.key_path)) {
    input.unit = key->key->label.unit;
  }
  input.distribution = d.describe();
  input.base_value = input.range = kNaN;
  input.low_value = d.quantile(options.low_quantile);
  input.high_value = d.quantile(options.high_quantile);
  return input;
}

// A constant as the result lists it: its value moved by ± its range, rounded when the key takes
// whole numbers (never below 1 from 1 or more: 0 often means "none" or "unlimited"), clamped to
// [0, 1] when it is a probability.
InputSensitivity describe_constant(const ScenarioNumber& number, double range) {
  InputSensitivity input;
  input.key_path = number.key_path;
  input.label = number.label;
  input.unit = number.unit;
  input.kind = InputKind::kConstant;
  input.distribution = format_number(number.value);
  input.base_value = number.value;
  input.range = range;
  double low = number.value * (1 - range), high = number.value * (1 + range);
  if (low > high) std::swap(low, high);  // a negative value
  if (number.whole) {
    low = std::round(low);
    high = std::round(high);
    if (number.value >= 1) low = std::max(low, 1.0);
  }
  if (number.unit == ValueUnit::kProbability) {
    input.low_clamped = low < 0;
    input.high_clamped = high > 1;
    low = std::clamp(low, 0.0, 1.0);
    high = std::clamp(high, 0.0, 1.0);
  }
  input.low_value = low;
  input.high_value = high;
  input.rank_correlation = kNaN;
  if (low == number.value && high == number.value) input.status = InputStatus::kUnchanged;
  return input;
}

// Whether the input at `key_path` can move anything in this scenario: the constants of a role
// nobody holds or is hired into, or of a hire source no hire comes from, cannot, nor the ramp of
// a role that does not sell (not of the account_executive kind), nor what only a seller's deals
// use in an SDR (hands_off_leads: its ramp, performance, open-deal cap, quota and on-target
// earnings; it hands its prospecting off in full and books nothing); nor can the numbers of
// a mechanism the scenario does not switch on (a specialist's help without complex deals or
// specialists, screening without unqualified leads or sales operations, annual churn without
// annual contracts, coverage without customer success, a cool-off without a finite account
// pool). Everything else is taken to be in use.
bool in_use(const model::ScenarioSpec& spec, const std::string& key_path) {
  // The entry of `section` the key path is inside: the longest of the scenario's `names` that it
  // goes on from with a dot (a name may hold dots: "eu.west", "U.S."), else up to the next dot.
  const auto entry = [&](std::string_view section,
                         const auto& entities) -> std::optional<std::string> {
    if (!key_path.starts_with(section)) return std::nullopt;
    std::optional<std::string> longest;
    for (const auto& entity : entities) {
      if (key_path.size() > section.size() + entity.name.size() &&
          key_path.compare(section.size(), entity.name.size(), entity.name) == 0 &&
          key_path[section.size() + entity.name.size()] == '.' &&
          (!longest || entity.name.size() > longest->size())) {
        longest = entity.name;
      }
    }
    if (longest) return longest;
    const std::size_t dot = key_path.find('.', section.size());
    return key_path.substr(section.size(), dot - section.size());
  };
  const auto role_used = [&](const std::string& role) {
    return std::any_of(spec.starting_staff.begin(), spec.starting_staff.end(),
                       [&](const auto& s) { return s.role == role; }) ||
           std::any_of(spec.hires.begin(), spec.hires.end(),
                       [&](const auto& h) { return h.role == role; }) ||
           std::any_of(spec.hiring_rules.begin(), spec.hiring_rules.end(),
                       [&](const auto& r) { return r.role == role; });
  };
  const auto kind_used = [&](model::RoleKind kind) {
    return std::any_of(spec.roles.begin(), spec.roles.end(), [&](const model::RoleSpec& role) {
      return role.kind == kind && role_used(role.name);
    });
  };
  if (const std::optional<std::string> role = entry("roles.", spec.roles)) {
    // A ramp moves only a seller's productivity: the other kinds draw one and never use it.
    const model::RoleSpec* spec_of_role = spec.find_role(*role);
    if (key_path.ends_with(".ramp_months") && spec_of_role != nullptr &&
        spec_of_role->kind != model::RoleKind::kAccountExecutive) {
      return false;
    }
    // An SDR's hand-offs arrive at its full prospecting rate from the end of its onboarding,
    // whatever its ramp or performance, and it holds no deal, so books nothing and earns no
    // commission: these keys are drawn or read and move nothing.
    if (spec_of_role != nullptr && spec_of_role->kind == model::RoleKind::kAccountExecutive &&
        spec_of_role->hands_off_leads) {
      for (const std::string_view unused :
           {".ramp_months", ".performance", ".max_open_opportunities", ".annual_quota",
            ".on_target_earnings"}) {
        if (key_path.ends_with(unused)) return false;
      }
    }
    return role_used(*role);
  }
  if (const std::optional<std::string> source = entry("hire_sources.", spec.hire_sources)) {
    return std::any_of(spec.hires.begin(), spec.hires.end(),
                       [&](const auto& h) { return h.source == *source; }) ||
           std::any_of(spec.hiring_rules.begin(), spec.hiring_rules.end(),
                       [&](const auto& r) { return r.source == *source; }) ||
           std::any_of(spec.roles.begin(), spec.roles.end(), [&](const model::RoleSpec& role) {
             return role.backfill && role.backfill_source == *source && role_used(role.name);
           });
  }
  if (const std::optional<std::string> territory = entry("territories.", spec.territories)) {
    if (!key_path.ends_with(".cool_off_months")) return true;
    return std::any_of(spec.territories.begin(), spec.territories.end(),
                       [&](const auto& t) { return t.name == *territory && t.accounts > 0; });
  }
  // The pipeline's own complex share applies when there are no products (each has its own).
  const bool complex_deals =
      spec.products.empty()
          ? spec.pipeline.complex_share > 0
          : std::any_of(spec.products.begin(), spec.products.end(),
                        [](const model::ProductSpec& p) { return p.complex_share > 0; });
  if (key_path == "pipeline.specialist_help_days" ||
      key_path == "pipeline.specialist_win_rate_factor") {
    return complex_deals && kind_used(model::RoleKind::kSpecialist);
  }
  if (key_path == "pipeline.unassisted_win_rate_factor") return complex_deals;
  if (key_path == "pipeline.qualification_accuracy") {
    return spec.pipeline.unqualified_lead_share > 0 && kind_used(model::RoleKind::kSalesOperations);
  }
  if (key_path == "customers.annual_churn") return spec.customers.annual_contract_share > 0;
  if (key_path == "customers.covered_churn_factor" ||
      key_path == "customers.covered_expansion_bonus") {
    return kind_used(model::RoleKind::kCustomerSuccess);
  }
  return true;
}

// The outcome with the input pinned low and high, and the swing between them replication by
// replication.
void set_swing(InputSensitivity& input, const Eigen::VectorXd& low, const Eigen::VectorXd& high) {
  input.low = stats_of(low);
  input.high = stats_of(high);
  const sim::ColumnSummary swing = sim::summarize_columns(high - low);
  input.swing = swing.mean(0);
  input.swing_se = swing.se(0);
}

// The analysed inputs by the size of their swing, largest first (ties in input order), then the
// skipped ones in input order.
std::vector<InputSensitivity> ranked(std::vector<InputSensitivity> analysed,
                                     std::vector<InputSensitivity> skipped) {
  std::stable_sort(analysed.begin(), analysed.end(),
                   [](const InputSensitivity& a, const InputSensitivity& b) {
                     return std::abs(a.swing) > std::abs(b.swing);
                   });
  for (InputSensitivity& input : skipped) analysed.push_back(std::move(input));
  return analysed;
}

// One input to vary and how: by pinning probe input `pin` (a distribution, a per-replication
// number or a distribution given as one number), or by respecifying the scenario (a plain
// number). `column` is its column of the base run's input means, when it has one.
struct Candidate {
  InputSensitivity input;
  std::optional<std::size_t> pin;
};

// Every input in input order, described; `respecify` empty leaves plain numbers out.
std::vector<Candidate> candidates(const model::ScenarioSpec& spec,
                                  const SensitivityOptions& options, bool with_plain_numbers) {
  const std::vector<model::UncertainInput> uncertain = model::list_uncertain_inputs(spec);
  const std::size_t entity_inputs = uncertain.size();
  const auto per_replication = [&](const std::string& key_path) {
    return std::any_of(
        spec.replication_inputs.begin(), spec.replication_inputs.end(),
        [&](const model::ReplicationInput& level) { return level.key_path == key_path; });
  };
  std::vector<Candidate> found;
  // A per-entity key written with per: replication is a constant in each replication: it is
  // listed once, as the replication input.
  for (std::size_t i = 0; i < entity_inputs; ++i) {
    if (per_replication(uncertain[i].key_path) || uncertain[i].distribution->is_constant()) {
      continue;
    }
    Candidate c{describe_input(uncertain[i], options), i};
    if (!in_use(spec, c.input.key_path)) c.input.status = InputStatus::kNotDrawn;
    found.push_back(std::move(c));
  }
  for (std::size_t j = 0; j < spec.replication_inputs.size(); ++j) {
    const model::ReplicationInput& level = spec.replication_inputs[j];
    Candidate c{describe_input({level.key_path, &level.distribution}, options), entity_inputs + j};
    c.input.kind = InputKind::kPerReplication;
    c.input.distribution += " per replication";
    c.input.low_value = std::clamp(c.input.low_value, level.min_draw, level.max_draw);
    c.input.high_value = std::clamp(c.input.high_value, level.min_draw, level.max_draw);
    if (!in_use(spec, c.input.key_path)) c.input.status = InputStatus::kNotDrawn;
    found.push_back(std::move(c));
  }
  for (const ScenarioNumber& number : scenario_numbers(spec)) {
    Candidate c{describe_constant(number, options.ranges.of(number.key_path)), std::nullopt};
    if (number.distribution) {
      for (std::size_t i = 0; i < entity_inputs; ++i) {
        if (uncertain[i].key_path == number.key_path) c.pin = i;
      }
      if (!c.pin) continue;  // not an input the model draws
    } else if (!with_plain_numbers) {
      continue;
    }
    if (!in_use(spec, number.key_path)) c.input.status = InputStatus::kNotDrawn;
    found.push_back(std::move(c));
  }
  return found;
}

}  // namespace

Respecify respecify_with_override(ScenarioRequest request, std::optional<std::string> text) {
  return [request = std::move(request), text = std::move(text)](const std::string& key_path,
                                                                double value) {
    const auto resolve = [&](const std::vector<std::string>& overrides) {
      ScenarioRequest varied = request;
      varied.overrides.insert(varied.overrides.end(), overrides.begin(), overrides.end());
      return text ? resolve_scenario_string(*text, request.path, varied) : resolve_scenario(varied);
    };
    const std::string assignment = fmt::format("{}={}", key_path, format_number(value));
    LoadResult loaded = resolve({assignment});
    // A territory's initial_customers moves customers.initial, their sum, when the file writes it.
    constexpr std::string_view kTerritories = "territories.", kCount = ".initial_customers";
    if (!loaded.ok() && key_path.starts_with(kTerritories) && key_path.ends_with(kCount)) {
      const LoadResult base = resolve({});
      if (base.ok()) {
        const std::string territory = key_path.substr(
            kTerritories.size(), key_path.size() - kTerritories.size() - kCount.size());
        double sum = value;
        for (const model::TerritorySpec& t : base.spec->territories) {
          if (t.name != territory) sum += t.initial_customers.value_or(0);
        }
        LoadResult with_sum =
            resolve({assignment, fmt::format("customers.initial={}", format_number(sum))});
        if (with_sum.ok()) loaded = std::move(with_sum);
      }
    }
    // A built-in role the file's `roles:` does not write is known to --set only with its kind.
    if (!loaded.ok() && key_path.starts_with("roles.")) {
      const std::string role = key_path.substr(6, key_path.find('.', 6) - 6);
      const LoadResult base = resolve({});
      if (const model::RoleSpec* spec = base.ok() ? base.spec->find_role(role) : nullptr) {
        const std::string key = key_path.substr(key_path.find('.', 6) + 1);
        LoadResult with_kind =
            resolve({fmt::format("roles.{}={{kind: {}, {}: {}}}", role, model::name_of(spec->kind),
                                 key, format_number(value))});
        if (with_kind.ok()) loaded = std::move(with_kind);
      }
    }
    if (!loaded.ok()) {
      throw ScenarioError(
          fmt::format("the scenario with {} = {} is not valid: {}; give it a narrower range "
                      "(--range {}=10%) or hold it fixed (--range {}=0%)",
                      key_path, format_number(value),
                      loaded.diagnostics.empty() ? std::string("no scenario")
                                                 : format_diagnostic(loaded.diagnostics.front()),
                      key_path, key_path));
    }
    return std::move(*loaded.spec);
  };
}

std::size_t automatic_screen(std::size_t varying, std::size_t replications) {
  // A long analysis of many inputs, most of which barely matter: screen them. Fewer than 50
  // replications estimate a swing's standard error too loosely to trust 3 of them; a screen of
  // more than half the replications saves too little to be worth the starred rows.
  const std::size_t screen = std::max(kLeastAutomaticScreen, replications / 10);
  if (2 * varying * replications < kLongAnalysisReplications || 2 * screen > replications) return 0;
  return screen;
}

double ConstantRanges::of(const std::string& key_path) const {
  const auto it = by_key.find(key_path);
  return it == by_key.end() ? all : it->second;
}

std::vector<SensitivityInput> sensitivity_inputs(const model::ScenarioSpec& spec) {
  std::vector<SensitivityInput> inputs;
  for (const Candidate& c : candidates(spec, SensitivityOptions{}, true)) {
    inputs.push_back({c.input.key_path, c.input.kind});
  }
  return inputs;
}

std::size_t count_varying_inputs(const model::ScenarioSpec& spec,
                                 const SensitivityOptions& options) {
  std::size_t varying = 0;
  for (const Candidate& c : candidates(spec, options, static_cast<bool>(options.respecify))) {
    varying += c.input.status == InputStatus::kAnalysed;
  }
  return varying;
}

SensitivityResult analyse_sensitivity(const model::ScenarioSpec& spec,
                                      const SensitivityOptions& options) {
  SensitivityResult result;
  result.scenario_name = spec.name;
  result.metric = options.metric;
  result.start_date = start_date_of(spec);
  result.replications = options.replications;
  result.seed = options.seed;
  result.low_quantile = options.low_quantile;
  result.high_quantile = options.high_quantile;

  std::vector<Candidate> inputs = candidates(spec, options, static_cast<bool>(options.respecify));
  std::size_t varying = 0;
  for (const Candidate& c : inputs) varying += c.input.status == InputStatus::kAnalysed;
  std::size_t total = options.replications * (1 + 2 * varying);
  std::size_t done = 0;

  model::ProjectionOptions run;
  run.replications = options.replications;
  run.seed = options.seed;
  run.threads = options.threads;
  run.stop_requested = options.stop_requested;
  run.on_progress = [&](std::size_t finished) {
    if (options.on_progress) options.on_progress(done + finished, total);
  };
  const auto month = static_cast<Eigen::Index>(options.metric.month - 1);
  auto outcome_of = [&](const model::Projection& p) -> Eigen::VectorXd {
    return p.samples.metric(options.metric.index).col(month);
  };

  run.inputs = model::InputProbeOptions{{}, /*record=*/true};
  result.base_run = model::project(spec, run);
  const model::Projection& base = *result.base_run;
  if (base.outcome == sim::RunOutcome::kStopped) {
    result.outcome = sim::RunOutcome::kStopped;
    return result;
  }
  done += options.replications;
  const Eigen::VectorXd base_outcome = outcome_of(base);
  result.base = stats_of(base_outcome);

  // The outcome with the candidate at `value` over `count` replications from `first`: pinned on
  // the base scenario, or in the scenario respecified with it.
  const auto outcome_at = [&](const Candidate& c, double value, const char* side, std::size_t first,
                              std::size_t count) -> std::optional<Eigen::VectorXd> {
    const std::string which = fmt::format("the scenario with {} at its {} value {}",
                                          c.input.key_path, side, format_number(value));
    run.first_replication = first;
    run.replications = count;
    const auto project_varied = [&]() {
      if (c.pin) {
        run.inputs = model::InputProbeOptions{};
        run.inputs->pinned.resize(*c.pin + 1);
        run.inputs->pinned[*c.pin] = value;
        return project_or_name_the_failure(which, spec, run);
      }
      run.inputs.reset();
      return project_or_name_the_failure(which, options.respecify(c.input.key_path, value), run);
    };
    const model::Projection varied = project_varied();
    if (varied.outcome == sim::RunOutcome::kStopped) return std::nullopt;
    done += count;
    return outcome_of(varied);
  };
  // The outcomes at the input's low and high values over those replications; none if stopped.
  struct Pair {
    Eigen::VectorXd low, high;
  };
  const auto pair_at = [&](const Candidate& c, std::size_t first,
                           std::size_t count) -> std::optional<Pair> {
    std::optional<Eigen::VectorXd> low = outcome_at(c, c.input.low_value, "low", first, count);
    if (!low) return std::nullopt;
    std::optional<Eigen::VectorXd> high = outcome_at(c, c.input.high_value, "high", first, count);
    if (!high) return std::nullopt;
    return Pair{std::move(*low), std::move(*high)};
  };
  // Replications 0 .. first_runs - 1 for every input, then first_runs .. n - 1 for those the
  // screening keeps: split this way, a run's rows are those of one run of n.
  const std::size_t n = options.replications;
  const std::size_t first_runs =
      options.screen_replications > 0 ? std::min(options.screen_replications, n) : n;
  if (first_runs < n) result.screen_replications = first_runs;

  struct Analysed {
    const Candidate* candidate;
    InputSensitivity input;
    Pair first;  ///< the outcomes over the first runs' replications
  };
  std::vector<Analysed> analysed;
  std::vector<InputSensitivity> skipped;
  for (Candidate& c : inputs) {
    InputSensitivity& input = c.input;
    // A pinned input's column of the base run's input means (-1 for a respecified constant).
    const Eigen::Index column = c.pin ? static_cast<Eigen::Index>(*c.pin) : -1;
    if (input.status == InputStatus::kAnalysed && column >= 0 &&
        base.input_means.col(column).array().isNaN().all()) {
      // Pinning substitutes values at the input's own draws only; with none, every pinned run
      // would repeat the base run exactly, so its swing is 0 without running it.
      input.status = InputStatus::kNotDrawn;
      total -= 2 * n;
    }
    if (input.status != InputStatus::kAnalysed) {
      input.low = input.high = result.base;
      input.rank_correlation = kNaN;
      skipped.push_back(std::move(input));
      continue;
    }
    if (input.kind != InputKind::kConstant) {
      correlate(base.input_means.col(column), base_outcome, input);
    }
    std::optional<Pair> first = pair_at(c, 0, first_runs);
    if (!first) {
      result.outcome = sim::RunOutcome::kStopped;
      return result;
    }
    set_swing(input, first->low, first->high);
    input.replications = first_runs;
    // A copy: the candidate's own input still names the key its second runs vary.
    analysed.push_back({&c, input, std::move(*first)});
  }

  if (first_runs < n) {
    // A screened-out input's means are over the first replications only, whose base differs
    // from the whole run's by luck; shown beside the whole run's base they would misplace it (a
    // bar left of the base at both ends). They are centred on it instead: shifted by the whole
    // base minus the base over the same replications (the same random numbers, so the shift is
    // what those replications' luck added). The swing, a difference, is unchanged.
    const double shift =
        result.base.mean - stats_of(base_outcome.head(static_cast<Eigen::Index>(first_runs))).mean;
    // The largest swing is at least this (the near end of the largest interval); an input whose
    // interval's far end stays below kScreenShare of it cannot matter, and keeps its estimate.
    double largest = 0;
    for (const Analysed& a : analysed) {
      largest =
          std::max(largest, std::abs(a.input.swing) - kScreenStandardErrors * a.input.swing_se);
    }
    for (Analysed& a : analysed) {
      InputSensitivity& input = a.input;
      const double reach = std::abs(input.swing) + kScreenStandardErrors * input.swing_se;
      if (largest > 0 && reach < kScreenShare * largest) {
        total -= 2 * (n - first_runs);
        if (std::isfinite(shift)) {
          for (OutcomeStats* outcome : {&input.low, &input.high}) {
            outcome->mean += shift;
            outcome->p50 += shift;
          }
        }
        continue;
      }
      const std::optional<Pair> rest = pair_at(*a.candidate, first_runs, n - first_runs);
      if (!rest) {
        result.outcome = sim::RunOutcome::kStopped;
        return result;
      }
      Eigen::VectorXd all_low(n), all_high(n);
      all_low << a.first.low, rest->low;
      all_high << a.first.high, rest->high;
      set_swing(input, all_low, all_high);
      input.replications = n;
    }
  }
  std::vector<InputSensitivity> results;
  for (Analysed& a : analysed) results.push_back(std::move(a.input));
  result.inputs = ranked(std::move(results), std::move(skipped));
  return result;
}

}  // namespace teamsim::app
