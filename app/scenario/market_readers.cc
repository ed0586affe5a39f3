#include "app/scenario/market_readers.h"

#include <fmt/format.h>

#include <algorithm>
#include <string>
#include <utility>
#include <vector>

#include "app/common/number_format.h"
#include "app/common/plural.h"
#include "app/common/suggestions.h"
#include "app/scenario/distribution_syntax.h"
#include "app/scenario/key_readers.h"
#include "app/scenario/scenario_limits.h"
#include "models/defaults.h"

namespace teamsim::app::loader {
namespace {

using model::ScenarioSpec;

// Reads a segment's share_by_territory: a share for each defined territory.
void read_share_by_territory(ObjectReader& reader, const std::vector<std::string>& territory_names,
                             model::SegmentSpec& segment) {
  DiagnosticSink& sink = reader.sink();
  const YamlNode* by_territory = reader.get("share_by_territory");
  if (by_territory == nullptr) return;
  const std::string path = reader.path_of("share_by_territory");
  if (!is_map_or_null(*by_territory, path, sink)) return;
  for (const YamlEntry& share : by_territory->entries) {
    const std::string share_path = key_path_join(path, share.key);
    if (std::find(territory_names.begin(), territory_names.end(), share.key) ==
        territory_names.end()) {
      sink.error(share.key_mark, share_path,
                 fmt::format("unknown territory '{}'{}", share.key,
                             suggestion(share.key, territory_names, "defined territories")));
      continue;
    }
    const auto value = read_number(share.value, share_path, sink);
    if (value && check_range(*value, 0, kMaxShare, share.value, share_path, sink)) {
      segment.share_by_territory.emplace_back(share.key, *value);
    }
  }
}

// Every lead must find a segment: in each territory (and overall, when initial customers are spread
// over the segments) some share must be positive.
void check_segment_shares(const YamlNode& node, const ScenarioSpec& spec,
                          const std::vector<std::string>& territory_names, DiagnosticSink& sink) {
  const auto all_zero = [&](const std::string& territory) {
    return std::all_of(spec.segments.begin(), spec.segments.end(), [&](const auto& segment) {
      return (territory.empty() ? segment.share : segment.share_in(territory)) <= 0;
    });
  };
  if (spec.customers.initial_customers > 0 && all_zero("")) {
    sink.error(node.mark, "segments",
               "every segment's share is 0, so the initial customers have no segment; give one a "
               "positive share");
  }
  for (const std::string& territory : territory_names) {
    if (!all_zero(territory)) continue;
    sink.error(node.mark, "segments",
               fmt::format("every segment's share in territory '{}' is 0; give one a positive "
                           "share there (share or share_by_territory)",
                           territory));
  }
}

// Territory names in a message: the first eight, then "and N more".
constexpr std::size_t kNamesShown = 8;

}  // namespace

void read_territories(const YamlNode& node, ScenarioSpec& spec, DiagnosticSink& sink) {
  if (!is_map_or_null(node, "territories", sink) || node.entries.empty()) return;
  check_entry_count(node, "territories", sink);
  spec.territories.clear();
  // Territories that give initial_customers and those that do not (at their name): all or none.
  std::vector<std::string> placing;
  std::vector<const YamlEntry*> not_placing;
  for (const YamlEntry& entry : node.entries) {
    ObjectReader reader(entry.value, key_path_join("territories", entry.key),
                        scenario_section("territories"), sink);
    if (entry.key.empty()) {
      sink.error(entry.key_mark, "territories", "a territory name must not be empty");
      continue;
    }
    model::TerritorySpec territory = model::default_territory();
    territory.name = entry.key;
    read_capped_key(reader, "inbound_leads_per_month", 0, kMaxInboundLeadsPerMonth, kEventsNote,
                    territory.inbound_leads_per_month);
    read_int_key(reader, "accounts", 0, kMaxCustomers, territory.accounts);
    read_capped_key(reader, "cool_off_months", 0, kMaxCoolOffMonths, " (a century at most)",
                    territory.cool_off_months);
    read_factor_key(reader, "win_rate_factor", territory.win_rate_factor);
    read_factor_key(reader, "deal_size_factor", territory.deal_size_factor);
    if (reader.get("initial_customers") != nullptr) {
      placing.push_back(entry.key);
      if (const auto count = reader.integer("initial_customers", 0, kMaxInitialCustomers)) {
        territory.initial_customers = static_cast<int>(*count);
      }
    } else {
      not_placing.push_back(&entry);
    }
    reader.finish();
    spec.territories.push_back(std::move(territory));
  }
  if (!placing.empty() && !not_placing.empty()) {
    std::vector<std::string> missing;
    for (const YamlEntry* entry : not_placing) missing.push_back(entry->key);
    sink.error(not_placing.front()->key_mark, key_path_join("territories", missing.front()),
               fmt::format("initial_customers is given for {} but not for {}: give every "
                           "territory its count (0 where there are no customers), or none to "
                           "spread customers.initial by inbound_leads_per_month",
                           listed(placing, kNamesShown), listed(missing, kNamesShown)));
  }
}

void check_initial_customers_placed(const YamlNode& root, ScenarioSpec& spec,
                                    DiagnosticSink& sink) {
  // A territory without its count (or with one that could not be read) is reported already.
  if (!std::all_of(spec.territories.begin(), spec.territories.end(),
                   [](const model::TerritorySpec& t) { return t.initial_customers.has_value(); })) {
    return;
  }
  std::int64_t sum = 0;
  for (const model::TerritorySpec& t : spec.territories) sum += *t.initial_customers;
  const YamlNode* territories = root.find("territories");
  if (sum > kMaxInitialCustomers) {
    sink.error(territories != nullptr ? territories->mark : root.mark, "territories",
               fmt::format("the territories' initial_customers add up to {}, more than the limit "
                           "of {} initial customers in all",
                           format_grouped(static_cast<double>(sum), 0),
                           format_grouped(static_cast<double>(kMaxInitialCustomers), 0)));
    return;
  }
  const YamlNode* customers = root.find("customers");
  const YamlNode* initial =
      customers != nullptr && customers->is_map() ? customers->find("initial") : nullptr;
  if (initial == nullptr) {
    spec.customers.initial_customers = static_cast<int>(sum);
    return;
  }
  // A customers.initial that cannot be read is reported by its reader already.
  std::vector<Diagnostic> reported;
  DiagnosticSink quiet(reported);
  const auto written = read_integer(*initial, "customers.initial", quiet, 0, kMaxInitialCustomers);
  if (!written || *written == sum) return;
  std::vector<std::string> counts;
  for (const model::TerritorySpec& t : spec.territories) {
    const YamlNode* entry = territories != nullptr ? territories->find(t.name) : nullptr;
    const YamlNode* count =
        entry != nullptr && entry->is_map() ? entry->find("initial_customers") : nullptr;
    std::string where;
    if (count != nullptr) {
      where = count->mark.file == initial->mark.file
                  ? fmt::format(" on line {}", count->mark.line)
                  : fmt::format(" at {}:{}", count->mark.file, count->mark.line);
    }
    counts.push_back(fmt::format("{} {}{}", t.name, t.initial_customers.value_or(0), where));
  }
  sink.error(initial->mark, "customers.initial",
             fmt::format("is {}, but the territories' initial_customers add up to {} ({}); leave "
                         "customers.initial out (it is then their sum) or make the two agree",
                         *written, sum, listed(counts, kNamesShown)));
}

void read_sales_motion(const YamlNode& node, ScenarioSpec& spec, DiagnosticSink& sink) {
  const auto text = read_text(node, "sales_motion", sink);
  if (!text) return;
  if (const auto motion = sim::parse_in(model::kSalesMotions, *text)) {
    model::apply_sales_motion(*motion, spec);
  } else {
    sink.error(node.mark, "sales_motion",
               fmt::format("unknown sales motion '{}'{}", *text,
                           suggestion(*text, sim::names_in(model::kSalesMotions))));
  }
}

void read_pipeline(const YamlNode& node, ScenarioSpec& spec, DiagnosticSink& sink) {
  ObjectReader reader(node, "pipeline", scenario_section("pipeline"), sink);
  read_distribution_key(reader, "win_rate", kProbability, spec.pipeline.win_rate);
  read_distribution_key(reader, "deal_size_acv", kMoney, spec.pipeline.deal_size_acv);
  read_distribution_key(reader, "sales_cycle_days", kDays, spec.pipeline.sales_cycle_days);
  read_number_key(reader, "complex_share", 0, 1, spec.pipeline.complex_share);
  read_distribution_key(reader, "specialist_help_days", kDays, spec.pipeline.specialist_help_days);
  read_factor_key(reader, "specialist_win_rate_factor", spec.pipeline.specialist_win_rate_factor);
  read_factor_key(reader, "unassisted_win_rate_factor", spec.pipeline.unassisted_win_rate_factor);
  read_number_key(reader, "unqualified_lead_share", 0, 1, spec.pipeline.unqualified_lead_share);
  read_number_key(reader, "qualification_accuracy", 0, 1, spec.pipeline.qualification_accuracy);
  read_int_key(reader, "rebalance_every_months", 0, kMaxHorizonMonths,
               spec.pipeline.rebalance_every_months);
  read_choice(reader, "routing", model::kLeadRoutings, spec.pipeline.routing);
  read_choice(reader, "vacant_territory_leads", model::kVacantTerritoryLeads,
              spec.pipeline.vacant_territory_leads);
  if (const auto warm = reader.boolean("warm_start")) spec.pipeline.warm_start = *warm;
  reader.finish();
}

void read_products(const YamlNode& node, ScenarioSpec& spec, DiagnosticSink& sink) {
  if (!is_map_or_null(node, "products", sink)) return;
  check_entry_count(node, "products", sink);
  for (const YamlEntry& entry : node.entries) {
    ObjectReader reader(entry.value, key_path_join("products", entry.key),
                        scenario_section("products"), sink);
    if (entry.key.empty()) {
      sink.error(entry.key_mark, "products", "a product name must not be empty");
      continue;
    }
    model::ProductSpec product;
    product.name = entry.key;
    product.share = 1;
    product.win_rate = spec.pipeline.win_rate;
    product.deal_size_acv = spec.pipeline.deal_size_acv;
    product.sales_cycle_days = spec.pipeline.sales_cycle_days;
    product.complex_share = spec.pipeline.complex_share;
    read_number_key(reader, "share", 0, kMaxShare, product.share);
    read_distribution_key(reader, "win_rate", kProbability, product.win_rate);
    read_distribution_key(reader, "deal_size_acv", kMoney, product.deal_size_acv);
    read_distribution_key(reader, "sales_cycle_days", kDays, product.sales_cycle_days);
    read_number_key(reader, "complex_share", 0, 1, product.complex_share);
    reader.finish();
    spec.products.push_back(std::move(product));
  }
}

void read_channels(const YamlNode& node, ScenarioSpec& spec, DiagnosticSink& sink) {
  if (!is_map_or_null(node, "channels", sink)) return;
  check_entry_count(node, "channels", sink);
  for (const YamlEntry& entry : node.entries) {
    ObjectReader reader(entry.value, key_path_join("channels", entry.key),
                        scenario_section("channels"), sink);
    if (entry.key.empty()) {
      sink.error(entry.key_mark, "channels", "a channel name must not be empty");
      continue;
    }
    model::ChannelSpec channel = model::default_channel(entry.key);
    read_number_key(reader, "share", 0, kMaxShare, channel.share);
    read_number_key(reader, "lead_conversion", 0, 1, channel.lead_conversion);
    read_factor_key(reader, "cycle_factor", channel.cycle_factor);
    read_factor_key(reader, "win_rate_factor", channel.win_rate_factor);
    read_money_key(reader, "cost_per_lead", channel.cost_per_lead);
    reader.finish();
    spec.channels.push_back(std::move(channel));
  }
}

void read_segments(const YamlNode& node, ScenarioSpec& spec, DiagnosticSink& sink) {
  if (!is_map_or_null(node, "segments", sink)) return;
  check_entry_count(node, "segments", sink);
  std::vector<std::string> territory_names;
  for (const model::TerritorySpec& t : spec.territories) territory_names.push_back(t.name);
  const std::size_t errors_before = sink.count();
  for (const YamlEntry& entry : node.entries) {
    ObjectReader reader(entry.value, key_path_join("segments", entry.key),
                        scenario_section("segments"), sink);
    if (entry.key.empty()) {
      sink.error(entry.key_mark, "segments", "a segment name must not be empty");
      continue;
    }
    model::SegmentSpec segment = model::default_segment(entry.key);
    read_number_key(reader, "share", 0, kMaxShare, segment.share);
    read_share_by_territory(reader, territory_names, segment);
    read_factor_key(reader, "win_rate_factor", segment.win_rate_factor);
    read_factor_key(reader, "deal_size_factor", segment.deal_size_factor);
    read_factor_key(reader, "cycle_factor", segment.cycle_factor);
    read_factor_key(reader, "churn_factor", segment.churn_factor);
    reader.finish();
    spec.segments.push_back(std::move(segment));
  }
  if (sink.count() != errors_before || spec.segments.empty()) return;
  check_segment_shares(node, spec, territory_names, sink);
}

}  // namespace teamsim::app::loader
