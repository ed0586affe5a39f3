#include "app/results/sweep_json_schema.h"

#include "app/results/json_schema_parts.h"

namespace teamsim::app {

nlohmann::ordered_json sweep_json_schema() {
  using namespace schema;
  const Json statistics = column_summary_object(/*with_se=*/true);
  const Json point = closed_object(
      Json{{"values",
            Json{{"type", "object"},
                 {"additionalProperties", Json{{"type", Json::array({"number", "string"})}}},
                 {"description",
                  "The point's value of each parameter, by its key path: a number (15% as "
                  "0.15), or the text given when it is not one."}}},
           {"metrics", Json{{"type", "object"},
                            {"additionalProperties", statistics},
                            {"description", "Each metric's statistics, by its name."}}}},
      Json::array({"values", "metrics"}));
  const Json body = closed_file_object(
      kSweepSchemaVersion,
      Json{{"scenario", typed("string", "The scenario file as given.")},
           {"name", typed("string", "The scenario's name:.")},
           {"variant", Json{{"type", Json::array({"string", "null"})},
                            {"description", "The variant swept, null for the file itself."}}},
           {"set", array_of(typed("string"), "The --set overrides, as given.")},
           {"seed", whole(0)},
           {"replications", whole(1)},
           {"start_date", iso_month_field("Written only when every point has one.")},
           {"parameters", array_of(typed("string"), "The --vary key paths, in order.")},
           {"points", array_of(point,
                               "In the order they ran: the last parameter varies "
                               "fastest.")}},
      Json::array(
          {"scenario", "name", "variant", "set", "seed", "replications", "parameters", "points"}));
  return result_file_schema("teamsim sweep.json",
                            "What teamsim sweep writes as sweep.json (docs/comparing-plans.md, "
                            "docs/output-folders.md).",
                            body);
}

}  // namespace teamsim::app
