// A small TPC-H-shaped catalog built in code and helpers that bind one statement and return the
// bound query's DebugString or the rendered error.
#pragma once

#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "dbopt/base/source_text.h"
#include "dbopt/bind/binder.h"
#include "dbopt/bind/debug_string.h"
#include "dbopt/catalog/catalog.h"
#include "dbopt/sql/parser.h"

namespace dbopt::bind::testing {

inline catalog::Table MakeTable(const std::string& name,
                                std::vector<std::pair<std::string, std::string>> columns,
                                std::vector<std::string> pk = {}) {
  catalog::Table t;
  t.name = name;
  for (auto& [col, type] : columns) {
    catalog::Column c;
    c.name = col;
    c.type = type;
    t.columns.push_back(c);
  }
  if (!pk.empty()) t.primary_key = catalog::Constraint{name + "_pkey", pk};
  return t;
}

inline const catalog::Catalog& TestCatalog() {
  static const catalog::Catalog* catalog = [] {
    auto* c = new catalog::Catalog();
    c->tables.push_back(MakeTable("orders",
                                  {{"o_orderkey", "integer"},
                                   {"o_custkey", "integer"},
                                   {"o_orderstatus", "character(1)"},
                                   {"o_totalprice", "numeric(15,2)"},
                                   {"o_orderdate", "date"},
                                   {"o_comment", "character varying(79)"}},
                                  {"o_orderkey"}));
    c->tables.push_back(MakeTable("customer",
                                  {{"c_custkey", "integer"},
                                   {"c_name", "character varying(25)"},
                                   {"c_mktsegment", "character(10)"},
                                   {"c_acctbal", "numeric(15,2)"}},
                                  {"c_custkey"}));
    c->tables.push_back(MakeTable("lineitem", {{"l_orderkey", "integer"},
                                               {"l_quantity", "numeric(15,2)"},
                                               {"l_discount", "numeric(15,2)"},
                                               {"l_shipdate", "date"},
                                               {"l_shipmode", "character(10)"},
                                               {"l_created", "timestamp without time zone"}}));
    catalog::Table events = MakeTable("events",
                                      {{"id", "bigint"},
                                       {"kind", "text"},
                                       {"payload", "jsonb"},
                                       {"tags", "text[]"},
                                       {"score", "double precision"},
                                       {"flag", "boolean"}},
                                      {"id"});
    events.columns[1].default_expr = "'none'::text";
    c->tables.push_back(events);
    return c;
  }();
  return *catalog;
}

// The bound query as DebugString, or the error as rendered for the user.
inline std::string BindText(const std::string& sql) {
  auto parsed = sql::ParseStatement(sql, "q.sql");
  if (!parsed.ok()) return "PARSE: " + parsed.error().Render();
  SourceText source("q.sql", sql);
  auto bound = Bind(TestCatalog(), parsed.value(), source);
  if (!bound.ok()) return bound.error().Render();
  return DebugString(*bound.value());
}

inline std::shared_ptr<Query> BindOk(const std::string& sql) {
  auto parsed = sql::ParseStatement(sql, "q.sql");
  if (!parsed.ok()) return nullptr;
  SourceText source("q.sql", sql);
  auto bound = Bind(TestCatalog(), parsed.value(), source);
  if (!bound.ok()) return nullptr;
  return bound.value();
}

// The first line of a rendered error ("q.sql:1:8: error: ...").
inline std::string ErrorLine(const std::string& sql) {
  const std::string text = BindText(sql);
  return text.substr(0, text.find('\n'));
}

}  // namespace dbopt::bind::testing
