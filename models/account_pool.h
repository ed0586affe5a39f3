#pragma once

#include <cstddef>
#include <deque>
#include <vector>

#include "models/scenario_spec.h"

// The accounts of each territory with a finite market (`accounts:`): an account is available
// unless it is a customer, in an open opportunity, or cooling off after a lost deal or a churn.
// Shared by the pipeline (a lead needs an available account) and the customer base (a churned
// customer's account cools off).

namespace teamsim::model {

class AccountPool {
 public:
  explicit AccountPool(const std::vector<TerritorySpec>& territories);

  /// False for a territory with unlimited accounts, where nothing is counted.
  bool finite(std::size_t territory) const { return accounts_[territory].total > 0; }
  int total(std::size_t territory) const { return accounts_[territory].total; }

  /// An opportunity or a customer takes an account (finite territories only).
  void occupy(std::size_t territory);
  /// A lost deal or a churned customer gives its account back after the territory's cool-off,
  /// from `now` (finite territories only).
  void release(std::size_t territory, double now);
  /// release() of an account given back at `then`, before releases already made (a churn
  /// replayed at the month end): its cool-off end goes in order among theirs.
  void release_in_order(std::size_t territory, double then);
  /// Whether an account released up to a month late changes no availability seen in between:
  /// every finite territory's cool-off is at least a month, so in_use falls and cooling rises
  /// together and the cool-off ends after the month end. Fixed by the territories.
  bool late_release_exact() const;

  /// Accounts neither in use nor cooling off. A cool-off that ends exactly `now` is over when
  /// `released_now` (what runs after releases at this instant, as if its end were an event of
  /// priority::kRelease). Forgets the cool-offs that are over: no event per cool-off.
  int available(std::size_t territory, double now, bool released_now) {
    // Inline while no cool-off ends: every lead of a finite territory asks.
    const Territory& accounts = accounts_[territory];
    if (accounts.cooling == 0 || accounts.cooling_until.front() > now) {
      return accounts.total - accounts.in_use - accounts.cooling;
    }
    return available_forgetting(territory, now, released_now);
  }
  /// The same count after everything at instant `now` has run, without forgetting anything: for
  /// the month-end recorder, which only reads.
  int available_after(std::size_t territory, double now) const;

 private:
  struct Territory {
    int total = 0;  ///< 0: unlimited
    int in_use = 0;
    double cool_off_days = 0;
    /// When each account cooling off becomes available again, earliest first: the cool-off
    /// length is fixed per territory, so they end in the order they began.
    std::deque<double> cooling_until;
    /// cooling_until.size(), kept: a deque's size is a dozen instructions from its block
    /// pointers, and every lead of a finite territory asked for it (docs/performance.md).
    int cooling = 0;
  };
  /// available() when a cool-off may have ended: forgets those that have.
  int available_forgetting(std::size_t territory, double now, bool released_now);

  std::vector<Territory> accounts_;
};

}  // namespace teamsim::model
