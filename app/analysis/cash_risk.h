#pragma once

#include <optional>
#include <string>

#include "app/analysis/run_summary.h"

// When a plan's cash runs out, in one definition for the terminal's runway line, the report's
// P(cash < 0) card and sentence, and the cash chart's marker, so that they never disagree.

namespace teamsim::app {

/// The metric whose mean at a month is P(cash has gone below zero by then).
inline constexpr const char* kCashEverNegativeMetric = "cash_ever_negative";

/// The share of replications that ends a plan's runway: the runway ends in the first month where
/// P(cash < 0 by then) reaches it.
inline constexpr double kRunwayRisk = 0.10;

/// The first month (1 = the first) in which P(cash < 0 by then) reaches `risk`; nullopt when it
/// never does or the run did not keep kCashEverNegativeMetric.
std::optional<int> first_month_at_risk(const RunSummary& summary, double risk);

/// P(cash has gone below zero by the last month); nullopt when the run did not keep
/// kCashEverNegativeMetric.
std::optional<double> cash_risk_at_end(const RunSummary& summary);

/// Where the runway ends, as the report's card and the batch index say it: "reaches 10% in
/// month 18", or "below 10% in every month".
std::string runway_phrase(const RunSummary& summary);

}  // namespace teamsim::app
