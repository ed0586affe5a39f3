#include "app/analysis/precision_run.h"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <limits>
#include <stdexcept>

#include "sim/statistics.h"

namespace teamsim::app {

Precision precision_of(const Eigen::VectorXd& values, const Eigen::VectorXd* weights) {
  Precision p;
  if (values.size() == 0) {
    p.relative = std::numeric_limits<double>::infinity();
    return p;
  }
  const Eigen::MatrixXd weight_column = weights ? Eigen::MatrixXd(*weights) : Eigen::MatrixXd();
  const sim::ColumnSummary summary =
      sim::summarize_columns(values, weights ? &weight_column : nullptr);
  p.mean = summary.mean(0);
  p.half_width = 1.96 * summary.se(0);
  if (std::isnan(p.mean)) {
    p.relative = std::numeric_limits<double>::infinity();
  } else if (p.half_width == 0) {
    p.relative = 0;
  } else if (p.mean == 0 || !std::isfinite(p.mean)) {
    p.relative = std::numeric_limits<double>::infinity();
  } else {
    p.relative = p.half_width / std::abs(p.mean);
  }
  return p;
}

std::size_t next_replication_total(std::size_t done, double relative,
                                   const PrecisionTarget& target) {
  const auto n = static_cast<double>(done);
  double wanted = 4 * n;
  if (std::isfinite(relative)) {
    const double ratio = relative / target.relative_half_width;
    wanted = std::ceil(1.1 * n * ratio * ratio);
  }
  wanted = std::clamp(wanted, n + static_cast<double>(target.first_batch), 4 * n);
  auto total = static_cast<std::size_t>(wanted);
  total = (total + 99) / 100 * 100;
  return std::min(total, target.max_replications);
}

model::Projection project_to_precision(
    const model::ScenarioSpec& spec, model::ProjectionOptions options,
    const PrecisionTarget& target, PrecisionReport& report,
    const std::function<void(const PrecisionReport&)>& on_batch) {
  report = PrecisionReport{};
  const auto month = static_cast<Eigen::Index>(target.metric.month - 1);
  std::size_t total = std::min(target.first_batch, target.max_replications);
  std::optional<model::Projection> projection;
  for (;;) {
    options.first_replication = report.replications;
    options.replications = total - report.replications;
    model::Projection batch = model::project(spec, options);
    if (projection) {
      model::append_projection(*projection, batch);
    } else {
      projection = std::move(batch);
    }
    if (projection->outcome == sim::RunOutcome::kStopped) return std::move(*projection);
    report.replications = total;
    ++report.batches;
    const std::size_t kept = projection->kept_index(target.metric.name);
    if (kept == projection->stored.size()) {
      throw std::invalid_argument("precision: the metric '" + target.metric.name +
                                  "' is not among the kept metrics");
    }
    const Eigen::MatrixXd* weights = projection->event_weights(kept);
    const Eigen::VectorXd weight_column = weights ? weights->col(month) : Eigen::VectorXd();
    report.achieved = precision_of(projection->samples.metric(kept).col(month),
                                   weights ? &weight_column : nullptr);
    report.reached = report.achieved.relative <= target.relative_half_width;
    if (on_batch) on_batch(report);
    if (report.reached || total >= target.max_replications) break;
    total = next_replication_total(total, report.achieved.relative, target);
  }
  return std::move(*projection);
}

std::optional<double> parse_precision(const std::string& text) {
  std::string number = text;
  double scale = 1;
  if (!number.empty() && number.back() == '%') {
    number.pop_back();
    scale = 0.01;
  }
  double value = 0;
  const auto [end, error] = std::from_chars(number.data(), number.data() + number.size(), value);
  if (number.empty() || error != std::errc() || end != number.data() + number.size()) {
    return std::nullopt;
  }
  value *= scale;
  if (!(value > 0 && value < 1)) return std::nullopt;
  return value;
}

}  // namespace teamsim::app
