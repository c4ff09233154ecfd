// SQLite's planner over an in-memory copy of a SQLite catalog; see sqlite_planner.h.
#include "dbopt/catalog/sqlite_planner.h"

#include <algorithm>
#include <cmath>

#include <fmt/format.h>

#include "sqlite_db.h"

namespace dbopt::catalog {

struct SqlitePlanner::Impl {
  sqlite::Database memory;
};

SqlitePlanner::SqlitePlanner(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
SqlitePlanner::~SqlitePlanner() = default;

namespace {

constexpr double kUnknownRowsPerValue = 10;  // SQLite's guess without statistics

double Distinct(const Table& table, const std::string& column, double rows) {
  auto it = table.column_stats.find(column);
  if (it == table.column_stats.end() || it->second.n_distinct == 0) {
    return std::max(1.0, rows / kUnknownRowsPerValue);
  }
  return it->second.DistinctCount(rows);
}

std::string CreateSql(const Index& index) {
  std::string keys;
  for (const IndexKey& key : index.keys) {
    if (!keys.empty()) keys += ", ";
    keys += key.column.empty() ? key.expression : sqlite::QuoteIdentifier(key.column);
    if (key.descending) keys += " DESC";
  }
  std::string sql = fmt::format("CREATE INDEX {} ON {} ({})", sqlite::QuoteIdentifier(index.name),
                                sqlite::QuoteIdentifier(index.table), keys);
  if (index.predicate) sql += " WHERE " + *index.predicate;
  return sql;
}

}  // namespace

std::string EstimateSqliteStat1(const Catalog& catalog, const Index& index) {
  const Table* table = catalog.FindTable(index.schema, index.table);
  double rows = index.tuples;
  if (rows < 0 && table != nullptr && table->stats) rows = table->stats->reltuples;
  rows = std::max(1.0, std::round(rows));
  std::string stat = fmt::format("{:.0f}", rows);
  double distinct = 1;
  for (const IndexKey& key : index.keys) {
    const double d = table == nullptr || key.column.empty()
                         ? std::max(1.0, rows / kUnknownRowsPerValue)
                         : Distinct(*table, key.column, rows);
    distinct = std::min(rows, distinct * std::max(1.0, d));
    stat += fmt::format(" {:.0f}", std::ceil(rows / distinct));
  }
  return stat;
}

Result<std::unique_ptr<SqlitePlanner>> SqlitePlanner::Open(const Catalog& catalog) {
  if (catalog.source.kind != "sqlite") {
    return Error::Usage("SQLite's planner needs a catalog loaded from a SQLite file");
  }
  Result<sqlite::Database> file = sqlite::Database::OpenReadOnly(catalog.source.location, 5000);
  if (!file.ok()) return std::move(file).error();
  Result<sqlite::Database> memory = sqlite::Database::OpenInMemory();
  if (!memory.ok()) return std::move(memory).error();
  std::vector<std::string> ddl;
  Status s = file->Query(
      "SELECT sql FROM sqlite_schema WHERE sql IS NOT NULL AND type IN ('table', 'index', "
      "'view') AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\' ORDER BY rowid",
      {}, [&](const sqlite::Row& row) -> Status {
        ddl.push_back(row.Text(0));
        return Ok{};
      });
  if (!s) return std::move(s).error();
  for (const std::string& statement : ddl) {
    if (Status st = memory->Exec(statement); !st) return std::move(st).error();
  }
  // ANALYZE of the empty copy creates sqlite_stat1; the file's rows replace what it wrote.
  if (Status st = memory->Exec("ANALYZE"); !st) return std::move(st).error();
  if (Status st = memory->Exec("DELETE FROM sqlite_stat1"); !st) return std::move(st).error();
  Result<bool> has_stats = file->HasTable("sqlite_stat1");
  if (!has_stats.ok()) return std::move(has_stats).error();
  if (*has_stats) {
    Status copy = file->Query(
        "SELECT tbl, idx, stat FROM sqlite_stat1", {}, [&](const sqlite::Row& row) -> Status {
          return memory->Query("INSERT INTO sqlite_stat1 VALUES (?1, NULLIF(?2, ''), ?3)",
                               {row.Text(0), row.Text(1), row.Text(2)},
                               [](const sqlite::Row&) -> Status { return Ok{}; });
        });
    if (!copy) return std::move(copy).error();
  }
  if (Status st = memory->Exec("ANALYZE sqlite_schema"); !st) return std::move(st).error();
  auto impl = std::make_unique<Impl>(Impl{std::move(*memory)});
  std::unique_ptr<SqlitePlanner> planner(new SqlitePlanner(std::move(impl)));
  planner->catalog_ = &catalog;
  return planner;
}

SqliteVerdict SqlitePlanner::WouldUse(const Index& index, const std::vector<Index>& others,
                                      const std::vector<std::string>& statements) {
  sqlite::Database& db = impl_->memory;
  auto none = [](const sqlite::Row&) -> Status { return Ok{}; };
  SqliteVerdict verdict = SqliteVerdict::kCannotTell;
  if (!db.Exec("SAVEPOINT dbopt_what_if")) return verdict;
  bool created = true;
  std::vector<const Index*> all{&index};
  for (const Index& other : others) all.push_back(&other);
  for (const Index* i : all) {
    created = created && db.Exec(CreateSql(*i)) &&
              db.Query("INSERT INTO sqlite_stat1 VALUES (?1, ?2, ?3)",
                       {i->table, i->name, EstimateSqliteStat1(*catalog_, *i)}, none);
  }
  created = created && db.Exec("ANALYZE sqlite_schema");
  if (created) {
    const std::string needle = " INDEX " + index.name;
    for (const std::string& sql : statements) {
      bool uses = false;
      Status s = db.Query("EXPLAIN QUERY PLAN " + sql, {}, [&](const sqlite::Row& row) -> Status {
        const std::string detail = row.Text(3);
        const size_t at = detail.find(needle);
        if (at != std::string::npos) {
          const size_t end = at + needle.size();
          if (end == detail.size() || detail[end] == ' ') uses = true;
        }
        return Ok{};
      });
      if (!s) continue;  // PostgreSQL-only syntax: SQLite cannot say
      if (uses) {
        verdict = SqliteVerdict::kUses;
        break;
      }
      verdict = SqliteVerdict::kDoesNotUse;
    }
  }
  (void)db.Exec("ROLLBACK TO dbopt_what_if");
  (void)db.Exec("RELEASE dbopt_what_if");
  (void)db.Exec("ANALYZE sqlite_schema");
  return verdict;
}

}  // namespace dbopt::catalog
