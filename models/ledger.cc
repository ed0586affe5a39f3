#include "models/ledger.h"

namespace teamsim::model {

Ledger::Ledger(double starting_cash, double other_costs_per_day)
    : cash_(starting_cash), other_costs_per_day_(other_costs_per_day) {}

void Ledger::start_period() {
  period_payroll_ = 0;
  period_other_costs_ = 0;
  period_revenue_ = 0;
  period_collections_ = 0;
  period_one_off_ = 0;
  period_funding_ = 0;
}

}  // namespace teamsim::model
