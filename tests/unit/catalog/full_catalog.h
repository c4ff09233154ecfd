// A catalog with every member of every model struct set to a non-default value, for round-trip
// and schema tests, and a small valid catalog for the others.
#pragma once

#include <cfloat>
#include <stdexcept>
#include <string>

#include "dbopt/catalog/catalog.h"

namespace dbopt::catalog::testing {

inline ColumnStats FullColumnStats() {
  ColumnStats s;
  s.null_frac = 0.1;
  s.avg_width = 7;
  s.n_distinct = -0.25;
  s.most_common_vals = {"a\"b\\c", "line\nbreak", "tab\there", "caf\xC3\xA9", "\x01"};
  s.most_common_freqs = {0.3, 0.1, 1e-300, 5e-324, 0.0001};
  s.histogram_bounds = {"", "{\"x\": 1}", "\xF0\x9F\x98\x80"};
  s.correlation = -0.123456789012345;
  s.most_common_elems = {"x", "y"};
  s.most_common_elem_freqs = {0.5, 0.25, 0.125, 0.125, 0.0};
  s.elem_count_histogram = {1, 2.5, DBL_MAX};
  return s;
}

inline Catalog FullCatalog() {
  Catalog c;
  c.source = {"postgres", "host=db dbname=shop user=app", 150020, "15.20"};
  for (const SettingDef& def : KnownSettings()) {  // every setting away from its default
    std::string value;
    switch (def.type) {
      case SettingType::kBool:
        value = std::string(def.pg15_default) == "on" ? "off" : "on";
        break;
      case SettingType::kInteger:
        value =
            std::to_string(static_cast<long long>(def.min_value) + 1 == std::stoll(def.pg15_default)
                               ? static_cast<long long>(def.min_value)
                               : static_cast<long long>(def.min_value) + 1);
        if (std::string(def.name) == "block_size") value = "16384";
        break;
      case SettingType::kReal:
        value = std::to_string(def.min_value + 0.5 == std::stod(def.pg15_default)
                                   ? def.min_value + 0.25
                                   : def.min_value + 0.5);
        break;
      case SettingType::kEnum:
        value = std::string(def.enum_values).substr(std::string(def.enum_values).rfind(',') + 1);
        break;
    }
    if (!c.settings.Set(def.name, value)) throw std::runtime_error(std::string("bad ") + def.name);
  }
  Table t;
  t.schema = "sales";
  t.name = "Orders";
  t.kind = "partitioned";
  Column id{"id",
            "bigint",
            true,
            std::string("nextval('orders_id_seq'::regclass)"),
            std::string("C"),
            std::nullopt,
            true};
  Column total{"total",      "numeric(15,2)", false,
               std::nullopt, std::nullopt,    std::string("(qty * price)"),
               false};
  t.columns = {id, total};
  t.primary_key = Constraint{"orders_pkey", {"id"}};
  t.unique_constraints = {Constraint{"orders_total_key", {"total", "id"}}};
  t.foreign_keys = {ForeignKey{"orders_cust_fkey", {"id"}, "crm", "customer", {"cust_id"}}};
  t.checks = {CheckConstraint{"orders_total_check", "(total > (0)::numeric)"}};
  t.without_rowid = true;
  t.stats = TableStats{123456.5, 1000, 1001, 999};
  t.column_stats["id"] = FullColumnStats();
  t.column_stats["weird.name \""] = ColumnStats{};
  c.tables.push_back(t);
  Index i;
  i.schema = "sales";
  i.name = "orders_expr_idx";
  i.table = "Orders";
  i.method = "gist";
  IndexKey k1{"id", "", true, false, "int8_ops", "C"};
  IndexKey k2{"", "lower(total::text)", false, true, "", ""};
  i.keys = {k1, k2};
  i.include = {"total"};
  i.unique = true;
  i.primary = true;
  i.constraint = "orders_pkey";
  i.predicate = std::string("total IS NOT NULL");
  i.pages = 42;
  i.tuples = 123456;
  i.tree_height = 2;
  i.height_estimated = true;
  i.expression_stats["lower"] = FullColumnStats();
  c.indexes.push_back(i);
  ExtendedStats e{
      "sales",         "orders_stx",    "Orders",        {"ndistinct", "dependencies", "mcv"},
      {"id", "total"}, {"(total + 1)"}, "{\"1, 2\": 4}", "{\"1 => 2\": 1.000000}"};
  c.extended_stats.push_back(e);
  c.warnings = {"table sales.\"Orders\" was never analysed", "second warning"};
  return c;
}

}  // namespace dbopt::catalog::testing
