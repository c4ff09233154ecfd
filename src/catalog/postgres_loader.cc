// The live PostgreSQL loader: connects with libpq, reads the schema, planner statistics and
// settings inside one read-only REPEATABLE READ transaction, and never writes.
// What is read from which catalog is documented in docs/postgres-import.md.
#include <algorithm>
#include <string>
#include <tuple>
#include <vector>

#include "dbopt/catalog/load.h"
#include "dbopt/catalog/pg_array.h"
#include "dbopt/catalog/pg_conninfo.h"
#include "pg_reader.h"
#include "pg_session.h"

namespace dbopt::catalog {

namespace {

// The PostgreSQL major version whose planner dbopt follows.
constexpr int kPlannerMajorVersion = 15;
// The oldest server the catalog queries work on (pg_statistic_ext_data, pg_stats_ext: 12).
constexpr int kMinimumServerVersionNum = 120000;
// TUNING: limits for the import's own queries, so a busy or locked server cannot hang it.
constexpr char kStatementTimeout[] = "60s";
constexpr char kLockTimeout[] = "10s";

// REPEATABLE READ: every query sees one snapshot, so tables, indexes and statistics agree.
// READ ONLY: the server rejects any write. extra_float_digits = 3 prints float4/float8
// statistics in their shortest exact form.
Status BeginReadOnly(PgSession& session) {
  const std::vector<std::string> statements = {
      "BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY",
      std::string("SET LOCAL statement_timeout = '") + kStatementTimeout + "'",
      std::string("SET LOCAL lock_timeout = '") + kLockTimeout + "'",
      "SET LOCAL extra_float_digits = 3",
  };
  for (const std::string& statement : statements) {
    if (Status status = session.Execute("(starting the read-only transaction)", statement);
        !status) {
      return status;
    }
  }
  return Ok{};
}

Status ReadServer(PgImport& import) {
  Result<PgRows> rows =
      import.session->Query("the server version",
                            "SELECT pg_catalog.current_setting('server_version_num')::int AS num, "
                            "pg_catalog.current_setting('server_version') AS version");
  if (!rows) return std::move(rows).error();
  Source& source = import.catalog.source;
  source.server_version_num = static_cast<int>(rows->Int(0, "num"));
  // "15.4 (Debian 15.4-1.pgdg120+1)" → "15.4"
  const std::string& version = rows->Text(0, "version");
  source.server_version = version.substr(0, version.find(' '));
  if (source.server_version_num < kMinimumServerVersionNum) {
    return Error::Io("PostgreSQL " + source.server_version + " at " + source.location +
                     " is too old: dbopt imports from PostgreSQL 12 or later");
  }
  if (source.server_version_num / 10000 != kPlannerMajorVersion) {
    import.catalog.warnings.push_back("the server runs PostgreSQL " + source.server_version +
                                      ", but dbopt's plans follow " + "PostgreSQL " +
                                      std::to_string(kPlannerMajorVersion) +
                                      ": costs and plan choices may differ from this server's");
  }
  return Ok{};
}

// Every planner setting dbopt knows, as the server has it (pg_settings.setting form).
Status ReadSettings(PgImport& import) {
  std::vector<std::string> names;
  for (const SettingDef& def : KnownSettings()) names.emplace_back(def.name);
  Result<PgRows> rows = import.session->Query("planner settings",
                                              "SELECT name, setting FROM pg_catalog.pg_settings "
                                              "WHERE name = ANY ($1::text[]) ORDER BY name",
                                              {FormatPgTextArray(names)});
  if (!rows) return std::move(rows).error();
  std::vector<std::string> seen;
  for (size_t r = 0; r < rows->size(); ++r) {
    const std::string& name = rows->Text(r, "name");
    const std::string& value = rows->Text(r, "setting");
    seen.push_back(name);
    if (Status set = import.catalog.settings.Set(name, value); !set) {
      import.catalog.warnings.push_back("setting " + name + " = '" + value +
                                        "' was not accepted (" + set.error().message() +
                                        "): the PostgreSQL 15 default is kept");
    }
  }
  for (const std::string& name : names) {
    if (std::find(seen.begin(), seen.end(), name) == seen.end()) {
      import.catalog.warnings.push_back("setting " + name +
                                        " does not exist on this server: the PostgreSQL 15 "
                                        "default is kept");
    }
  }
  return Ok{};
}

// PostgreSQL 14+ keeps reltuples = -1 until the first VACUUM or ANALYZE; the planner then
// guesses from the physical size (pg15-cost-model.md 2.1). Partitioned tables and views have
// no statistics of their own.
void WarnNeverAnalysed(Catalog& catalog) {
  for (const Table& table : catalog.tables) {
    if (!table.stats || table.stats->reltuples >= 0) continue;
    if (table.kind == "partitioned" || table.kind == "view") continue;
    catalog.warnings.push_back("table " + table.QualifiedName() +
                               " was never analysed (pg_class.reltuples = -1): the planner "
                               "guesses its size; run ANALYZE");
  }
}

// Deterministic order: by schema, then name; warnings alphabetically.
void Sort(Catalog& catalog) {
  const auto by_name = [](const auto& a, const auto& b) {
    return std::tie(a.schema, a.name) < std::tie(b.schema, b.name);
  };
  std::sort(catalog.tables.begin(), catalog.tables.end(), by_name);
  std::sort(catalog.indexes.begin(), catalog.indexes.end(), by_name);
  std::sort(catalog.extended_stats.begin(), catalog.extended_stats.end(), by_name);
  for (Table& table : catalog.tables) {
    const auto by_constraint_name = [](const auto& a, const auto& b) { return a.name < b.name; };
    std::sort(table.unique_constraints.begin(), table.unique_constraints.end(), by_constraint_name);
    std::sort(table.foreign_keys.begin(), table.foreign_keys.end(), by_constraint_name);
    std::sort(table.checks.begin(), table.checks.end(), by_constraint_name);
  }
  std::sort(catalog.warnings.begin(), catalog.warnings.end());
}

}  // namespace

Result<Catalog> LoadPostgresCatalog(const std::string& conninfo) {
  const std::string shown = RedactConninfo(conninfo);
  Result<PgSession> session = PgSession::Connect(conninfo, shown);
  if (!session) return std::move(session).error();
  PgImport import;
  import.session = &*session;
  import.catalog.source.kind = "postgres";
  import.catalog.source.location = shown;
  // Read-only from the first query on; the order matters only where a step attaches rows to
  // what an earlier step read (columns and constraints to tables, statistics to tables and
  // indexes).
  for (Status (*step)(PgImport&) :
       {+[](PgImport& i) { return BeginReadOnly(*i.session); }, &ReadServer, &ReadSettings,
        &ReadTables, &ReadIndexes, &ReadColumnStats, &ReadExtendedStats}) {
    if (Status status = step(import); !status) return std::move(status).error();
  }
  // Nothing was written; ROLLBACK says so.
  if (Status status = session->Execute("(ending the transaction)", "ROLLBACK"); !status) {
    return std::move(status).error();
  }
  WarnNeverAnalysed(import.catalog);
  Sort(import.catalog);
  return std::move(import.catalog);
}

}  // namespace dbopt::catalog
