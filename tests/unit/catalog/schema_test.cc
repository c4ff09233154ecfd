// docs/catalog.schema.json must describe exactly what the writer emits.
#include <doctest/doctest.h>

#include <fstream>
#include <nlohmann/json.hpp>
#include <set>
#include <string>

#include "dbopt/catalog/load.h"
#include "full_catalog.h"

namespace dbopt::catalog {

namespace {

using Json = nlohmann::json;

// Key paths of a written catalog: "tables[].columns[].name"; map entries become ".*".
void CollectWritten(const Json& j, const std::string& path, std::set<std::string>* out) {
  if (j.is_array()) {
    for (const Json& e : j) CollectWritten(e, path + "[]", out);
  } else if (j.is_object()) {
    const bool is_map = path.size() >= 6 && (path.rfind("column_stats") == path.size() - 12 ||
                                             path.rfind("expression_stats") == path.size() - 16);
    for (const auto& [key, value] : j.items()) {
      const std::string child = path + (is_map ? ".*" : (path.empty() ? "" : ".") + key);
      if (!is_map) out->insert(child);
      CollectWritten(value, child, out);
    }
  }
}

// The same paths as the schema declares them, following $ref, oneOf, items and
// additionalProperties.
void CollectSchema(const Json& root, const Json& node, const std::string& path,
                   std::set<std::string>* out) {
  if (node.contains("$ref")) {
    const std::string ref = node["$ref"];
    REQUIRE(ref.rfind("#/$defs/", 0) == 0);
    CollectSchema(root, root["$defs"][ref.substr(8)], path, out);
    return;
  }
  if (node.contains("oneOf")) {
    for (const Json& branch : node["oneOf"]) CollectSchema(root, branch, path, out);
  }
  if (node.contains("properties")) {
    for (const auto& [key, value] : node["properties"].items()) {
      const std::string child = path + (path.empty() ? "" : ".") + key;
      out->insert(child);
      CollectSchema(root, value, child, out);
    }
  }
  if (node.contains("additionalProperties") && node["additionalProperties"].is_object()) {
    CollectSchema(root, node["additionalProperties"], path + ".*", out);
  }
  if (node.contains("items")) CollectSchema(root, node["items"], path + "[]", out);
}

}  // namespace

TEST_CASE("the JSON schema lists exactly the keys the writer emits") {
  std::ifstream in(std::string(DBOPT_SOURCE_DIR) + "/docs/catalog.schema.json");
  REQUIRE(in.good());
  const Json schema = Json::parse(in);
  CHECK(schema["$schema"] == "https://json-schema.org/draft/2020-12/schema");
  std::set<std::string> declared;
  CollectSchema(schema, schema, "", &declared);
  // Accepted on input, never written: the editor's "$schema" and the index-columns shorthand.
  for (const char* input_only : {"$schema", "indexes[].columns"}) {
    CHECK(declared.erase(input_only) == 1);
  }
  std::set<std::string> written;
  CollectWritten(Json::parse(WriteJsonCatalog(testing::FullCatalog())), "", &written);
  std::set<std::string> only_schema, only_writer;
  for (const std::string& k : declared) {
    if (written.count(k) == 0) only_schema.insert(k);
  }
  for (const std::string& k : written) {
    if (declared.count(k) == 0) only_writer.insert(k);
  }
  CHECK_MESSAGE(only_schema.empty(), "in the schema only: " << Json(only_schema).dump());
  CHECK_MESSAGE(only_writer.empty(), "written but not in the schema: " << Json(only_writer).dump());
  CHECK(written.count("tables[].column_stats.*.most_common_elem_freqs") == 1);
  CHECK(written.count("settings.work_mem") == 1);
  CHECK(written.size() > 100);
}

TEST_CASE("the schema's settings are exactly the known settings") {
  std::ifstream in(std::string(DBOPT_SOURCE_DIR) + "/docs/catalog.schema.json");
  const Json schema = Json::parse(in);
  std::set<std::string> in_schema;
  for (const auto& [key, value] : schema["properties"]["settings"]["properties"].items())
    in_schema.insert(key);
  std::set<std::string> known;
  for (const SettingDef& def : KnownSettings()) known.insert(def.name);
  CHECK(in_schema == known);
}

}  // namespace dbopt::catalog
