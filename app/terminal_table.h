#pragma once

#include <string>
#include <vector>

#include "app/run_summary.h"

namespace teamsim::app {

/// "$", "€" or "£" for USD, EUR and GBP; "" for any other currency (the code is then shown
/// beside the number by the caller, or not at all).
std::string currency_symbol(const std::string& currency);

/// A number for people: "1.25M", "12.3k", "950", "-40.1k", with an optional currency prefix.
std::string human_number(double value, const std::string& currency_symbol = "");

/// The months the key-metric table shows: 12, 24 and 36 where the horizon reaches them, else the
/// horizon's last month.
std::vector<int> key_months(int horizon_months);

/// The key metrics (ARR, MRR, new bookings, customers, headcount, ramped capacity, cash...) at
/// the key months as p10 / p50 / p90, as an aligned plain-text table ending in a newline.
std::string key_metrics_table(const RunSummary& summary);

}  // namespace teamsim::app
