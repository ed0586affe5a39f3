#pragma once

#include <fmt/format.h>
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <string>
#include <string_view>

#include "app/scenario/scenario_json.h"

// Shared by the tests of the result files' JSON Schemas (summary.json, compare.json, sweep.json,
// sensitivity.json): a schema's fingerprint, and the check that a file's schema_version is raised
// whenever its schema changes.

namespace teamsim::app {

/// The schema without its descriptions (a string at a "description" key; a property named
/// "description" is an object), which say what a field means to a reader but validate nothing.
inline nlohmann::ordered_json without_descriptions(nlohmann::ordered_json schema) {
  if (schema.is_object()) {
    if (schema.contains("description") && schema["description"].is_string()) {
      schema.erase("description");
    }
    for (auto& item : schema.items()) item.value() = without_descriptions(item.value());
  } else if (schema.is_array()) {
    for (auto& item : schema) item = without_descriptions(item);
  }
  return schema;
}

/// 16 hex digits: FNV-1a 64 of the schema's compact JSON text, descriptions left out.
inline std::string schema_fingerprint(const nlohmann::ordered_json& schema) {
  return fmt::format("{:016x}", fnv1a_64(without_descriptions(schema).dump()));
}

/// What a schema's pin says: the file, the constant holding its schema_version and where it is
/// declared, the version pinned and that version's fingerprint. The pins are computed apart from
/// this code: Python's json.dumps(..., separators=(",", ":"), ensure_ascii=False) of `teamsim
/// schema --<file>` without its descriptions, hashed with FNV-1a 64 (offset 0xcbf29ce484222325,
/// prime 0x100000001b3).
struct SchemaPin {
  std::string_view file;      ///< "summary.json"
  std::string_view option;    ///< "--summary"
  std::string_view constant;  ///< "kSummarySchemaVersion"
  std::string_view header;    ///< "app/results/summary_writer.h"
  int version = 0;
  std::string_view fingerprint;
};

/// Fails, saying what to do, when `schema` is not the one `pin` names or `version` (the
/// constant's value) is not the pinned one: a schema changed without its schema_version raised
/// would let a pipeline that saved the schema of that version validate against the wrong one.
inline void expect_schema_pinned(const nlohmann::ordered_json& schema, int version,
                                 const SchemaPin& pin) {
  const std::string now = schema_fingerprint(schema);
  if (version != pin.version) {
    ADD_FAILURE() << pin.file << "'s schema_version is " << version << " but the test pins the "
                  << "schema of " << pin.version << ": pin the schema it now belongs to, version "
                  << version << " and fingerprint \"" << now << "\"";
    return;
  }
  EXPECT_EQ(now, pin.fingerprint)
      << pin.file << "'s JSON Schema (teamsim schema " << pin.option
      << ") changed: it is no longer the schema of schema_version " << pin.version << ". Raise "
      << pin.constant << " in " << pin.header << " (to " << pin.version + 1
      << "), say what changed in docs/output-folders.md, and update this test's pin: version "
      << pin.version + 1 << ", fingerprint \"" << now
      << "\". (A change to descriptions alone does not change the fingerprint.)";
}

}  // namespace teamsim::app
