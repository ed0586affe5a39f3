#pragma once

#include <nlohmann/json.hpp>
#include <string_view>

// The pieces the JSON Schemas of teamsim's result files are built from (summary.json,
// compare.json, sweep.json, sensitivity.json: `teamsim schema --summary`, `--compare`, ...), so
// the four say a closed object, a month's statistics or a number that may be undefined alike.

namespace teamsim::app::schema {

using Json = nlohmann::ordered_json;

/// An object with exactly these properties (a misspelt one fails), those in `required` always
/// written.
Json closed_object(Json properties, Json required);

/// A value of one JSON type ("string", "integer", "boolean", ...), with a description if given.
Json typed(std::string_view type, std::string_view description = {});

/// A whole number at least `minimum`.
Json whole(int minimum, std::string_view description = {});

/// A list of `items`.
Json array_of(Json items, std::string_view description = {});

/// A number, or null where it is undefined (NaN and infinities are not JSON).
Json number_or_null(std::string_view description = {});

/// A result file's top level: a closed object opening with schema_version (the constant
/// `version`), tool ("teamsim") and version (teamsim's), always written, then `properties`, those
/// in `required` always written.
Json closed_file_object(int version, const Json& properties, const Json& required);

/// A scenario hash: 16 hex digits.
Json scenario_hash_field();

/// A calendar month, 2027-03, written only sometimes (`description` says when).
Json iso_month_field(std::string_view description);

/// The schema document of a result file: $schema (draft-07), title and description, then the
/// keys of `body` (a closed object).
Json result_file_schema(std::string_view title, std::string_view description, const Json& body);

/// A statistic per month: null where no replication had a value.
Json month_values(std::string_view description = {});

/// Adds the fields of a month-by-month summary of a metric over replications, as summary.csv's
/// columns, to an object's `properties` and `required`: mean, se (when `with_se`), each of
/// sim::kPercentileNames, and defined (per month, how many replications had a value).
void add_column_summary(Json& properties, Json& required, bool with_se);

/// A closed object of those fields alone.
Json column_summary_object(bool with_se);

}  // namespace teamsim::app::schema
