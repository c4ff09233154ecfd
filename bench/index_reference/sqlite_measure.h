// Measures an index set for real on a SQLite database file (a copy: it is changed): creates the
// "CREATE INDEX" lines of the index list, runs ANALYZE, and takes
//   bytes   = Σ over the new indexes of their pages' bytes (the dbstat virtual table, pgsize);
//   exec_ms = Σ weight × the fastest of `runs` executions of every statement, every row
//             stepped through (DML inside BEGIN … ROLLBACK, so the data never changes); a
//             statement with $n parameters counts as the mean over its "-- args:" instances
//             (workload.h), and is not executed (counted as skipped) without them.
#pragma once

#include <sqlite3.h>

#include <algorithm>
#include <chrono>
#include <set>
#include <string>
#include <vector>

#include "measure.h"
#include "workload.h"

namespace dbopt::bench {

class SqliteDb {
 public:
  static Result<std::unique_ptr<SqliteDb>> Open(const std::string& path) {
    sqlite3* db = nullptr;
    if (sqlite3_open_v2(path.c_str(), &db, SQLITE_OPEN_READWRITE, nullptr) != SQLITE_OK) {
      std::string message = db ? sqlite3_errmsg(db) : "out of memory";
      sqlite3_close(db);
      return Error::Io(fmt::format("cannot open {}: {}", path, message));
    }
    return std::unique_ptr<SqliteDb>(new SqliteDb(db));
  }
  ~SqliteDb() { sqlite3_close(db_); }
  SqliteDb(const SqliteDb&) = delete;
  SqliteDb& operator=(const SqliteDb&) = delete;

  // Runs one statement to the end; the first column of every row, as text.
  Result<std::vector<std::string>> Run(const std::string& sql) {
    sqlite3_stmt* stmt = nullptr;
    if (sqlite3_prepare_v2(db_, sql.c_str(), -1, &stmt, nullptr) != SQLITE_OK) {
      return Error::Io(fmt::format("{}\n  in: {}", sqlite3_errmsg(db_), sql.substr(0, 300)));
    }
    std::vector<std::string> out;
    int rc;
    while ((rc = sqlite3_step(stmt)) == SQLITE_ROW) {
      const unsigned char* text =
          sqlite3_column_count(stmt) ? sqlite3_column_text(stmt, 0) : nullptr;
      out.emplace_back(text ? reinterpret_cast<const char*>(text) : "");
    }
    sqlite3_finalize(stmt);
    if (rc != SQLITE_DONE)
      return Error::Io(fmt::format("{}\n  in: {}", sqlite3_errmsg(db_), sql.substr(0, 300)));
    return out;
  }

 private:
  explicit SqliteDb(sqlite3* db) : db_(db) {}
  sqlite3* db_;
};

inline Result<std::set<std::string>> SqliteIndexNames(SqliteDb& db) {
  Result<std::vector<std::string>> names =
      db.Run("SELECT name FROM sqlite_schema WHERE type = 'index'");
  if (!names.ok()) return names.error();
  return std::set<std::string>(names->begin(), names->end());
}

inline Result<Measurement> MeasureSqlite(const std::string& path,
                                         const std::vector<WorkloadStatement>& workload,
                                         const std::vector<std::string>& create_index, int runs) {
  Result<std::unique_ptr<SqliteDb>> opened = SqliteDb::Open(path);
  if (!opened.ok()) return opened.error();
  SqliteDb& db = **opened;
  Measurement m;
  Result<std::set<std::string>> before = SqliteIndexNames(db);
  if (!before.ok()) return before.error();
  for (const std::string& ddl : create_index) {
    Result<std::vector<std::string>> made = db.Run(ddl);
    if (!made.ok()) return made.error();
  }
  Result<std::vector<std::string>> analyzed = db.Run("ANALYZE");
  if (!analyzed.ok()) return analyzed.error();
  Result<std::set<std::string>> after = SqliteIndexNames(db);
  if (!after.ok()) return after.error();
  for (const std::string& name : *after) {
    if (before->count(name)) continue;
    ++m.indexes;
    Result<std::vector<std::string>> bytes =
        db.Run(fmt::format("SELECT sum(pgsize) FROM dbstat WHERE name = {}", SqlLiteral(name)));
    if (!bytes.ok()) return bytes.error();
    m.bytes += std::stod(bytes->at(0));
  }
  for (const WorkloadStatement& s : workload) {
    m.statement_costs.push_back(-1);  // SQLite has no cost to report
    const std::vector<std::string> instances = Instances(s);
    if (instances.empty()) {  // $n without values: not executed
      m.statement_ms.push_back(-1);
      ++m.skipped;
      continue;
    }
    double ms_sum = 0;  // Σ over the instances of the fastest of `runs` executions
    for (const std::string& text : instances) {
      std::vector<double> times;
      for (int r = 0; r < runs; ++r) {
        if (s.is_dml && !db.Run("BEGIN").ok()) return Error::Io("BEGIN failed");
        const auto start = std::chrono::steady_clock::now();
        Result<std::vector<std::string>> rows = db.Run(text);
        const auto end = std::chrono::steady_clock::now();
        if (s.is_dml && !db.Run("ROLLBACK").ok()) return Error::Io("ROLLBACK failed");
        if (!rows.ok()) return Error::Io(fmt::format("{}: {}", s.origin, rows.error().message()));
        times.push_back(std::chrono::duration<double, std::milli>(end - start).count());
      }
      ms_sum += *std::min_element(times.begin(), times.end());
    }
    m.statement_ms.push_back(ms_sum / static_cast<double>(instances.size()));
    m.exec_ms += s.weight * ms_sum / static_cast<double>(instances.size());
  }
  return m;
}

}  // namespace dbopt::bench
