// Helpers for the tests that import from a real PostgreSQL server. The server, its data
// (tests/integration/postgres_import_data.sql) and these environment variables come from
// tests/integration/postgres_import_test.sh:
//   DBOPT_TEST_PG_CONNINFO  superuser, key=value over the Unix socket, database shopdb
//   DBOPT_TEST_PG_READER    URI of a role with only CONNECT, USAGE and SELECT (SCRAM password)
//   DBOPT_TEST_PG_NOPRIVS   the same role on a database whose pg_index is not readable
// Without them the tests that need a server are reported as skipped.
#pragma once

#include <doctest/doctest.h>
#include <libpq-fe.h>

#include <cstdlib>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "dbopt/catalog/catalog.h"
#include "dbopt/catalog/load.h"

namespace dbopt::catalog::pg_test {

inline std::string Env(const char* name) {
  const char* value = std::getenv(name);
  return value != nullptr ? value : "";
}
inline bool NoServer() { return Env("DBOPT_TEST_PG_CONNINFO").empty(); }
inline std::string AdminConninfo() { return Env("DBOPT_TEST_PG_CONNINFO"); }
inline std::string ReaderUri() { return Env("DBOPT_TEST_PG_READER"); }
inline std::string NoPrivsUri() { return Env("DBOPT_TEST_PG_NOPRIVS"); }

// An independent libpq connection that asks the server what the catalog should contain.
class Probe {
 public:
  using Row = std::map<std::string, std::optional<std::string>>;

  explicit Probe(const std::string& conninfo) : connection_(PQconnectdb(conninfo.c_str())) {
    REQUIRE_MESSAGE(PQstatus(connection_) == CONNECTION_OK, PQerrorMessage(connection_));
    Rows("SET extra_float_digits = 3");
  }
  ~Probe() { PQfinish(connection_); }
  Probe(const Probe&) = delete;
  Probe& operator=(const Probe&) = delete;

  std::vector<Row> Rows(const std::string& sql, const std::vector<std::string>& params = {}) {
    std::vector<const char*> values;
    for (const std::string& param : params) values.push_back(param.c_str());
    PGresult* result = PQexecParams(connection_, sql.c_str(), static_cast<int>(values.size()),
                                    nullptr, values.data(), nullptr, nullptr, 0);
    const ExecStatusType status = PQresultStatus(result);
    INFO(sql);
    REQUIRE_MESSAGE((status == PGRES_TUPLES_OK || status == PGRES_COMMAND_OK),
                    PQresultErrorMessage(result));
    std::vector<Row> rows;
    for (int r = 0; r < PQntuples(result); ++r) {
      Row row;
      for (int c = 0; c < PQnfields(result); ++c) {
        std::optional<std::string> value;
        if (!PQgetisnull(result, r, c)) value = PQgetvalue(result, r, c);
        row[PQfname(result, c)] = value;
      }
      rows.push_back(std::move(row));
    }
    PQclear(result);
    return rows;
  }

  // The first column of the only row.
  std::string Value(const std::string& sql, const std::vector<std::string>& params = {}) {
    std::vector<Row> rows = Rows(sql, params);
    REQUIRE(rows.size() == 1);
    REQUIRE(rows[0].size() == 1);
    return rows[0].begin()->second.value_or("");
  }

  // Elements of an array-valued expression, split by the server (unnest with ordinality).
  std::vector<std::string> Elements(const std::string& array_sql,
                                    const std::vector<std::string>& params = {}) {
    std::vector<std::string> out;
    for (Row& row : Rows("SELECT e::text AS e FROM pg_catalog.unnest((" + array_sql +
                             ")) WITH ORDINALITY AS u(e, o) ORDER BY o",
                         params)) {
      out.push_back(row["e"].value_or("NULL"));
    }
    return out;
  }

 private:
  PGconn* connection_;
};

// The superuser's import, loaded once per test run.
inline const Catalog& AdminCatalog() {
  static const Result<Catalog> loaded = LoadPostgresCatalog(AdminConninfo());
  REQUIRE_MESSAGE(loaded.ok(), (loaded.ok() ? "" : loaded.error().Render()));
  return *loaded;
}

inline const Table& FindTableIn(const Catalog& catalog, const std::string& schema,
                                const std::string& name) {
  for (const Table& table : catalog.tables) {
    if (table.schema == schema && table.name == name) return table;
  }
  FAIL("table " << schema << "." << name << " was not imported");
  throw;  // unreachable: FAIL throws
}

inline const Index& FindIndexIn(const Catalog& catalog, const std::string& schema,
                                const std::string& name) {
  for (const Index& index : catalog.indexes) {
    if (index.schema == schema && index.name == name) return index;
  }
  FAIL("index " << schema << "." << name << " was not imported");
  throw;
}

// The relations the loader should import, as the server lists them (the test database has
// user objects in these schemas only).
inline constexpr char kUserSchemas[] = "('shop', 'Odd Schema', 'public')";

}  // namespace dbopt::catalog::pg_test
