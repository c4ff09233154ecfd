// A read-only SQLite connection for the catalog loader: opening with the safety settings the
// loader needs, running queries with bound text parameters, and turning SQLite result codes into
// dbopt errors whose kind decides the exit code. Private to src/catalog/.
#pragma once

#include <sqlite3.h>

#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "dbopt/base/result.h"

namespace dbopt::catalog::sqlite {

// One result row; valid only inside the callback that receives it.
class Row {
 public:
  explicit Row(sqlite3_stmt* stmt) : stmt_(stmt) {}
  bool IsNull(int column) const { return sqlite3_column_type(stmt_, column) == SQLITE_NULL; }
  int Type(int column) const { return sqlite3_column_type(stmt_, column); }
  int64_t Int(int column) const { return sqlite3_column_int64(stmt_, column); }
  double Real(int column) const { return sqlite3_column_double(stmt_, column); }
  std::string Text(int column) const;       // "" for NULL
  std::string_view Blob(int column) const;  // the bytes of a blob (or of text)

 private:
  sqlite3_stmt* stmt_;
};

class Database {
 public:
  // Opens `path` read-only: SQLITE_OPEN_READONLY (never creates the file), no URI parsing of the
  // name, extended result codes, a busy timeout so a writer's lock is waited for at most
  // `busy_timeout_ms`, defensive mode, untrusted schema and PRAGMA query_only.
  static Result<Database> OpenReadOnly(const std::string& path, int busy_timeout_ms);
  // A new, empty, writable in-memory database (nothing on disk is ever touched through it).
  static Result<Database> OpenInMemory();

  Status Exec(const std::string& sql);
  // Runs `sql` with ?1, ?2, ... bound to `params` and calls `on_row` for every row; stops at the
  // first error, the callback's included.
  Status Query(const std::string& sql, const std::vector<std::string>& params,
               const std::function<Status(const Row&)>& on_row);
  // Whether `sql` compiles: probes optional features such as the dbstat virtual table.
  bool Compiles(const std::string& sql);
  // Whether the main schema has a table of that name (e.g. sqlite_stat1).
  Result<bool> HasTable(const std::string& name);

  // A dbopt error for SQLite result code `rc`, with the connection's message.
  Error ErrorFor(int rc) const;
  const std::string& path() const { return path_; }

 private:
  struct Closer {
    void operator()(sqlite3* db) const { sqlite3_close_v2(db); }
  };
  Database(std::string path, sqlite3* db, int busy_timeout_ms)
      : path_(std::move(path)), db_(db), busy_timeout_ms_(busy_timeout_ms) {}

  std::string path_;
  std::unique_ptr<sqlite3, Closer> db_;
  int busy_timeout_ms_ = 0;
};

// A dbopt error for SQLite result code `rc` on the database at `path`: kBadInput for files that
// are not valid databases (and any code not listed), kIo for what stops reading them (missing,
// unreadable, locked, full temporary storage), kInternal for misuse of the SQLite API.
Error SqliteError(const std::string& path, int rc, std::string_view detail, int busy_timeout_ms);

// "name" quoted as an SQL identifier.
std::string QuoteIdentifier(std::string_view name);

}  // namespace dbopt::catalog::sqlite
