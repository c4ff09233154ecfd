// Import from a real PostgreSQL 15: every statistic equals what pg_class, pg_stats,
// pg_relation_size, bt_metap and pg_stats_ext say. The arrays are split by the server
// (anyarray::text::text[], unnest), not by dbopt's parser.
#include <doctest/doctest.h>

#include <algorithm>
#include <cstdlib>
#include <string>

#include "pg_test_server.h"

namespace dbopt::catalog {
namespace {

using pg_test::AdminCatalog;
using pg_test::FindIndexIn;
using pg_test::FindTableIn;
using pg_test::Probe;

const auto kNeedsServer = doctest::skip(pg_test::NoServer());

// float4 statistics compared at float4 precision (both sides print shortest-exact text).
float AsFloat(const std::string& text) { return std::strtof(text.c_str(), nullptr); }

std::vector<float> AsFloats(const std::vector<std::string>& texts) {
  std::vector<float> out;
  for (const std::string& text : texts) out.push_back(AsFloat(text));
  return out;
}

std::vector<float> AsFloats(const std::vector<double>& values) {
  std::vector<float> out;
  for (const double value : values) out.push_back(static_cast<float>(value));
  return out;
}

TEST_CASE("pg import: table sizes equal pg_class and pg_relation_size" * kNeedsServer) {
  const Catalog& catalog = AdminCatalog();
  Probe probe(pg_test::AdminConninfo());
  int checked = 0;
  for (const Table& table : catalog.tables) {
    INFO(table.QualifiedName());
    const std::vector<Probe::Row> rows = probe.Rows(
        "SELECT c.reltuples::text AS reltuples, c.relpages::text AS relpages, "
        "c.relallvisible::text AS relallvisible, "
        "(pg_relation_size(c.oid) / current_setting('block_size')::int)::text AS curpages "
        "FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace "
        "WHERE n.nspname = $1 AND c.relname = $2",
        {table.schema, table.name});
    REQUIRE(rows.size() == 1);
    if (table.kind == "view") {
      CHECK_FALSE(table.stats.has_value());
      continue;
    }
    REQUIRE(table.stats.has_value());
    CHECK(static_cast<float>(table.stats->reltuples) == AsFloat(*rows[0].at("reltuples")));
    CHECK(std::to_string(table.stats->relpages) == *rows[0].at("relpages"));
    CHECK(std::to_string(table.stats->relallvisible) == *rows[0].at("relallvisible"));
    CHECK(std::to_string(table.stats->curpages) == *rows[0].at("curpages"));
    ++checked;
  }
  CHECK(checked >= 9);
  const Table& orders = FindTableIn(catalog, "shop", "orders");
  CHECK(orders.stats->reltuples == 60000);
  CHECK(orders.stats->curpages > 0);
  CHECK(FindTableIn(catalog, "shop", "audit_log").stats->reltuples == -1);
  CHECK(FindTableIn(catalog, "shop", "audit_log").stats->curpages > 0);
}

// Every pg_stats row of the test schemas (inherited = false, or true for partitioned tables)
// against the imported ColumnStats of the table or expression index.
TEST_CASE("pg import: column statistics equal pg_stats" * kNeedsServer) {
  const Catalog& catalog = AdminCatalog();
  Probe probe(pg_test::AdminConninfo());
  const std::vector<Probe::Row> rows = probe.Rows(
      std::string("SELECT s.schemaname, s.tablename, s.attname, c.relkind, "
                  "s.null_frac::text AS null_frac, s.avg_width::text AS avg_width, "
                  "s.n_distinct::text AS n_distinct, s.correlation::text AS correlation "
                  "FROM pg_stats s JOIN pg_namespace n ON n.nspname = s.schemaname "
                  "JOIN pg_class c ON c.relnamespace = n.oid AND c.relname = s.tablename "
                  "WHERE s.inherited = (c.relkind = 'p') AND s.schemaname IN ") +
      pg_test::kUserSchemas + " ORDER BY 1, 2, 3");
  REQUIRE(rows.size() > 30);
  int arrays_checked = 0;
  for (const Probe::Row& row : rows) {
    const std::string schema = *row.at("schemaname");
    const std::string relation = *row.at("tablename");
    const std::string column = *row.at("attname");
    INFO(schema << "." << relation << "." << column);
    const std::map<std::string, ColumnStats>& all =
        *row.at("relkind") == "i" ? FindIndexIn(catalog, schema, relation).expression_stats
                                  : FindTableIn(catalog, schema, relation).column_stats;
    const auto found = all.find(column);
    REQUIRE(found != all.end());
    const ColumnStats& stats = found->second;
    CHECK(static_cast<float>(stats.null_frac) == AsFloat(*row.at("null_frac")));
    CHECK(std::to_string(stats.avg_width) == *row.at("avg_width"));
    CHECK(static_cast<float>(stats.n_distinct) == AsFloat(*row.at("n_distinct")));
    CHECK(stats.correlation.has_value() == row.at("correlation").has_value());
    if (stats.correlation) {
      CHECK(static_cast<float>(*stats.correlation) == AsFloat(*row.at("correlation")));
    }
    const std::vector<std::string> key = {schema, relation, column};
    const std::string where =
        " FROM pg_stats s JOIN pg_namespace n ON n.nspname = s.schemaname "
        "JOIN pg_class c ON c.relnamespace = n.oid AND c.relname = s.tablename "
        "WHERE s.inherited = (c.relkind = 'p') AND s.schemaname = $1 AND s.tablename = $2 "
        "AND s.attname = $3";
    // Value arrays: the server splits them as text[] (box values have no MCV or histogram).
    CHECK(stats.most_common_vals ==
          probe.Elements("SELECT s.most_common_vals::text::text[]" + where, key));
    CHECK(stats.histogram_bounds ==
          probe.Elements("SELECT s.histogram_bounds::text::text[]" + where, key));
    CHECK(stats.most_common_elems ==
          probe.Elements("SELECT s.most_common_elems::text::text[]" + where, key));
    CHECK(AsFloats(stats.most_common_freqs) ==
          AsFloats(probe.Elements("SELECT s.most_common_freqs" + where, key)));
    CHECK(AsFloats(stats.most_common_elem_freqs) ==
          AsFloats(probe.Elements("SELECT s.most_common_elem_freqs" + where, key)));
    CHECK(AsFloats(stats.elem_count_histogram) ==
          AsFloats(probe.Elements("SELECT s.elem_count_histogram" + where, key)));
    arrays_checked +=
        static_cast<int>(stats.most_common_vals.size() + stats.histogram_bounds.size());
  }
  CHECK(arrays_checked > 1000);
}

TEST_CASE("pg import: statistics of skewed, NULL-heavy and awkward columns" * kNeedsServer) {
  const Catalog& catalog = AdminCatalog();
  const Table& customers = FindTableIn(catalog, "shop", "customers");
  const ColumnStats& country = customers.column_stats.at("country");
  CHECK(country.null_frac == doctest::Approx(0.1).epsilon(0.01));  // every 10th row
  REQUIRE_FALSE(country.most_common_vals.empty());
  CHECK(country.most_common_vals[0] == "DE");
  CHECK(country.most_common_freqs[0] == doctest::Approx(0.4).epsilon(0.02));  // even, not NULL
  // The text 'NULL' is a value, not a NULL; quotes, commas and backslashes survive.
  const ColumnStats& note = customers.column_stats.at("note");
  CHECK(std::count(note.most_common_vals.begin(), note.most_common_vals.end(), "NULL") == 1);
  CHECK(std::count(note.most_common_vals.begin(), note.most_common_vals.end(),
                   "a \"quoted\", \\ note") == 1);
  CHECK(customers.column_stats.at("Display Name").most_common_vals.size() == 50);
  // Array column: whole-array MCVs and element statistics.
  const ColumnStats& tags = customers.column_stats.at("tags");
  REQUIRE_FALSE(tags.most_common_vals.empty());
  CHECK(tags.most_common_vals[0].front() == '{');
  CHECK(tags.most_common_elems.size() == 7);  // t0 ... t6
  CHECK_FALSE(tags.elem_count_histogram.empty());
  CHECK(customers.column_stats.at("id").n_distinct == -1);
  // Partitioned parent: its inherited statistics.
  CHECK(FindTableIn(catalog, "shop", "events").column_stats.at("kind").most_common_vals.size() ==
        3);
  // Expression index statistics.
  const Index& lower = FindIndexIn(catalog, "shop", "customers_lower_email_idx");
  REQUIRE(lower.expression_stats.count("lower") == 1);
  CHECK(lower.expression_stats.at("lower").n_distinct == -1);
  CHECK(lower.expression_stats.at("lower").histogram_bounds.size() == 101);
}

TEST_CASE("pg import: index sizes and B-tree heights equal the server's" * kNeedsServer) {
  const Catalog& catalog = AdminCatalog();
  Probe probe(pg_test::AdminConninfo());
  int btrees = 0;
  for (const Index& index : catalog.indexes) {
    INFO(index.schema << "." << index.name);
    const std::vector<Probe::Row> rows = probe.Rows(
        "SELECT (pg_relation_size(c.oid) / 8192)::text AS pages, c.reltuples::text AS tuples, "
        "CASE WHEN c.relkind = 'i' AND am.amname = 'btree' "
        "THEN (bt_metap(c.oid::regclass::text)).fastlevel::text ELSE '-1' END AS height "
        "FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace "
        "JOIN pg_am am ON am.oid = c.relam WHERE n.nspname = $1 AND c.relname = $2",
        {index.schema, index.name});
    REQUIRE(rows.size() == 1);
    CHECK(std::to_string(index.pages) == *rows[0].at("pages"));
    CHECK(static_cast<float>(index.tuples) == AsFloat(*rows[0].at("tuples")));
    CHECK(std::to_string(index.tree_height) == *rows[0].at("height"));
    CHECK_FALSE(index.height_estimated);
    if (index.method == "btree" && index.pages > 0) ++btrees;
  }
  CHECK(btrees >= 12);
  CHECK(FindIndexIn(catalog, "shop", "order_lines_pkey").tree_height == 2);
  CHECK(FindIndexIn(catalog, "shop", "customers_pkey").tree_height == 1);
  CHECK(FindIndexIn(catalog, "shop", "customers_tags_gin_idx").tree_height == -1);
  CHECK(FindIndexIn(catalog, "shop", "events_kind_idx").pages == 0);  // partitioned index
}

TEST_CASE("pg import: extended statistics equal pg_statistic_ext and pg_stats_ext" * kNeedsServer) {
  const Catalog& catalog = AdminCatalog();
  Probe probe(pg_test::AdminConninfo());
  REQUIRE(catalog.extended_stats.size() == 2);
  const ExtendedStats& countries = catalog.extended_stats[0];
  const ExtendedStats& orders = catalog.extended_stats[1];
  CHECK(countries.name == "customers_country_expr");
  CHECK(countries.table == "customers");
  CHECK(countries.kinds ==
        std::vector<std::string>{"ndistinct", "dependencies", "mcv", "expressions"});
  CHECK(countries.columns == std::vector<std::string>{"country"});
  CHECK(countries.expressions == std::vector<std::string>{"lower(email)"});
  CHECK(orders.schema == "shop");
  CHECK(orders.name == "orders_customer_status");
  CHECK(orders.table == "orders");
  CHECK(orders.kinds == std::vector<std::string>{"ndistinct", "dependencies"});
  CHECK(orders.columns == std::vector<std::string>{"customer_id", "status"});
  CHECK(orders.expressions.empty());
  for (const ExtendedStats& stats : catalog.extended_stats) {
    INFO(stats.name);
    const std::vector<Probe::Row> rows = probe.Rows(
        "SELECT n_distinct::text AS n_distinct, dependencies::text AS dependencies "
        "FROM pg_stats_ext WHERE statistics_name = $1 AND NOT inherited",
        {stats.name});
    REQUIRE(rows.size() == 1);
    CHECK_FALSE(stats.n_distinct.empty());
    CHECK(stats.n_distinct == rows[0].at("n_distinct").value_or(""));
    CHECK(stats.dependencies == rows[0].at("dependencies").value_or(""));
  }
  CHECK(orders.dependencies.find("=>") != std::string::npos);
}

}  // namespace
}  // namespace dbopt::catalog
