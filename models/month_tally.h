#pragma once

#include <array>
#include <cstddef>
#include <vector>

// What happened in the month so far: the flows the month-end recorder reports. Components add to
// it as events happen; the replication starts a fresh one after each month end.

namespace teamsim::model {

struct MonthTally {
  struct Territory {
    double leads = 0, opportunities = 0, wins = 0, bookings = 0;
  };
  struct Segment {
    double leads = 0, opportunities = 0, wins = 0, bookings = 0, churned = 0;
  };
  struct Channel {
    double leads = 0, opportunities = 0, wins = 0, cost = 0;
  };
  struct Product {
    double wins = 0, bookings = 0;
  };

  MonthTally(std::size_t territories, std::size_t products, std::size_t channels,
             std::size_t segments)
      : territory(territories), product(products), channel(channels), segment(segments) {}

  /// A new month: every count back to zero, the breakdowns keep their sizes.
  void reset() {
    *this = MonthTally(territory.size(), product.size(), channel.size(), segment.size());
  }

  double hires = 0, departures = 0, leads = 0, leads_unworked = 0, opportunities = 0, won = 0,
         lost = 0, bookings = 0, churned = 0, commission = 0, hiring_cost = 0, channel_cost = 0,
         cycle_days_sum = 0, complex = 0, specialist_grants = 0, specialist_wait_sum = 0,
         disqualified = 0, not_converted = 0, time_to_hire_sum = 0, moves = 0, renewals = 0,
         performance_exits = 0;
  std::vector<Territory> territory;
  std::vector<Product> product;
  std::vector<Channel> channel;
  std::vector<Segment> segment;
};

}  // namespace teamsim::model
