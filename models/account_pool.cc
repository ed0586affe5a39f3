#include "models/account_pool.h"

#include <algorithm>

namespace teamsim::model {

AccountPool::AccountPool(const std::vector<TerritorySpec>& territories) {
  for (const TerritorySpec& spec : territories) {
    Territory territory;
    territory.total = spec.accounts;
    territory.cool_off_days = spec.cool_off_months * kDaysPerMonth;
    accounts_.push_back(territory);
  }
}

void AccountPool::occupy(std::size_t territory) {
  if (finite(territory)) ++accounts_[territory].in_use;
}

void AccountPool::release(std::size_t territory, double now) {
  if (!finite(territory)) return;
  Territory& accounts = accounts_[territory];
  --accounts.in_use;
  if (accounts.cool_off_days > 0) {
    accounts.cooling_until.push_back(now + accounts.cool_off_days);
    ++accounts.cooling;
  }
}

void AccountPool::release_in_order(std::size_t territory, double then) {
  if (!finite(territory)) return;
  Territory& accounts = accounts_[territory];
  --accounts.in_use;
  if (accounts.cool_off_days > 0) {
    const double until = then + accounts.cool_off_days;
    auto& cooling = accounts.cooling_until;
    auto at = cooling.end();
    while (at != cooling.begin() && *(at - 1) > until) --at;
    cooling.insert(at, until);
    ++accounts.cooling;
  }
}

bool AccountPool::late_release_exact() const {
  return std::none_of(accounts_.begin(), accounts_.end(), [](const Territory& accounts) {
    return accounts.total > 0 && accounts.cool_off_days < kDaysPerMonth;
  });
}

int AccountPool::available_forgetting(std::size_t territory, double now, bool released_now) {
  Territory& accounts = accounts_[territory];
  while (!accounts.cooling_until.empty() &&
         (accounts.cooling_until.front() < now ||
          (accounts.cooling_until.front() == now && released_now))) {
    accounts.cooling_until.pop_front();
    --accounts.cooling;
  }
  return accounts.total - accounts.in_use - accounts.cooling;
}

int AccountPool::available_after(std::size_t territory, double now) const {
  const Territory& accounts = accounts_[territory];
  const auto cooling =
      std::upper_bound(accounts.cooling_until.begin(), accounts.cooling_until.end(), now);
  return accounts.total - accounts.in_use -
         static_cast<int>(accounts.cooling_until.end() - cooling);
}

}  // namespace teamsim::model
