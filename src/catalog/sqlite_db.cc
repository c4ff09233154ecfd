#include "sqlite_db.h"

#include <utility>

namespace dbopt::catalog::sqlite {

std::string Row::Text(int column) const {
  const auto* text = sqlite3_column_text(stmt_, column);
  if (text == nullptr) return {};
  return std::string(reinterpret_cast<const char*>(text),
                     static_cast<size_t>(sqlite3_column_bytes(stmt_, column)));
}

std::string_view Row::Blob(int column) const {
  const void* blob = sqlite3_column_blob(stmt_, column);
  if (blob == nullptr) return {};
  return std::string_view(static_cast<const char*>(blob),
                          static_cast<size_t>(sqlite3_column_bytes(stmt_, column)));
}

Error SqliteError(const std::string& path, int rc, std::string_view detail, int busy_timeout_ms) {
  const std::string why(detail);
  switch (rc & 0xff) {
    case SQLITE_NOTADB:
      return Error::BadInput(path + ": not a SQLite database (" + why + ")");
    case SQLITE_CORRUPT:
      return Error::BadInput(path + ": corrupt SQLite database (" + why + ")");
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
      return Error::Io(path + ": database is locked by another connection (waited " +
                       std::to_string(busy_timeout_ms) + " ms)");
    case SQLITE_READONLY:
      if (rc == SQLITE_READONLY_ROLLBACK || rc == SQLITE_READONLY_RECOVERY) {
        return Error::Io(path +
                         ": an interrupted write must be recovered first (hot journal or WAL), and "
                         "dbopt opens databases read-only: open it once with sqlite3, then retry");
      }
      return Error::Io(path + ": " + why);
    case SQLITE_CANTOPEN:
    case SQLITE_FULL:  // temporary storage; also what some corrupt page counts produce
    case SQLITE_IOERR:
    case SQLITE_PERM:
    case SQLITE_AUTH:
      return Error::Io(path + ": cannot read: " + why);
    case SQLITE_NOMEM:
      return Error::Internal(path + ": out of memory");
    case SQLITE_MISUSE:
    case SQLITE_INTERNAL:
    case SQLITE_RANGE:  // dbopt used the SQLite API wrongly
      return Error::Internal(path + ": SQLite error " + std::to_string(rc) + ": " + why);
    case SQLITE_ERROR:
      return Error::BadInput(path + ": " + why);
    default:  // anything else while reading comes from the file
      return Error::BadInput(path + ": SQLite error " + std::to_string(rc) + ": " + why);
  }
}

std::string QuoteIdentifier(std::string_view name) {
  std::string quoted = "\"";
  for (const char c : name) {
    quoted += c;
    if (c == '"') quoted += '"';
  }
  return quoted + "\"";
}

Result<Database> Database::OpenReadOnly(const std::string& path, int busy_timeout_ms) {
  // Builds with SQLITE_USE_URI read "file:..." names as URIs; "./file:..." is a plain name.
  const std::string name = path.rfind("file:", 0) == 0 ? "./" + path : path;
  sqlite3* raw = nullptr;
  const int rc = sqlite3_open_v2(name.c_str(), &raw, SQLITE_OPEN_READONLY, nullptr);
  Database db(path, raw, busy_timeout_ms);
  if (rc != SQLITE_OK) {
    return SqliteError(path, rc, raw != nullptr ? sqlite3_errmsg(raw) : sqlite3_errstr(rc),
                       busy_timeout_ms);
  }
  sqlite3_extended_result_codes(raw, 1);
  sqlite3_busy_timeout(raw, busy_timeout_ms);
  sqlite3_db_config(raw, SQLITE_DBCONFIG_DEFENSIVE, 1, nullptr);
  sqlite3_db_config(raw, SQLITE_DBCONFIG_TRUSTED_SCHEMA, 0, nullptr);
  if (Status s = db.Exec("PRAGMA query_only = 1"); !s) return std::move(s).error();
  return db;
}

Result<Database> Database::OpenInMemory() {
  sqlite3* raw = nullptr;
  const int rc = sqlite3_open_v2(":memory:", &raw, SQLITE_OPEN_READWRITE | SQLITE_OPEN_MEMORY,
                                 nullptr);
  Database db(":memory:", raw, 0);
  if (rc != SQLITE_OK) {
    return SqliteError(":memory:", rc, raw != nullptr ? sqlite3_errmsg(raw) : sqlite3_errstr(rc), 0);
  }
  sqlite3_extended_result_codes(raw, 1);
  sqlite3_db_config(raw, SQLITE_DBCONFIG_DEFENSIVE, 1, nullptr);
  return db;
}

Error Database::ErrorFor(int rc) const {
  return SqliteError(path_, rc, sqlite3_errmsg(db_.get()), busy_timeout_ms_);
}

Status Database::Exec(const std::string& sql) {
  return Query(sql, {}, [](const Row&) -> Status { return Ok{}; });
}

Status Database::Query(const std::string& sql, const std::vector<std::string>& params,
                       const std::function<Status(const Row&)>& on_row) {
  sqlite3_stmt* raw = nullptr;
  int rc = sqlite3_prepare_v2(db_.get(), sql.c_str(), static_cast<int>(sql.size()), &raw, nullptr);
  std::unique_ptr<sqlite3_stmt, int (*)(sqlite3_stmt*)> stmt(raw, sqlite3_finalize);
  if (rc != SQLITE_OK) return ErrorFor(rc);
  for (size_t i = 0; i < params.size(); ++i) {
    rc = sqlite3_bind_text(raw, static_cast<int>(i + 1), params[i].data(),
                           static_cast<int>(params[i].size()), SQLITE_TRANSIENT);
    if (rc != SQLITE_OK) return ErrorFor(rc);
  }
  while ((rc = sqlite3_step(raw)) == SQLITE_ROW) {
    if (Status s = on_row(Row(raw)); !s) return s;
  }
  if (rc != SQLITE_DONE) return ErrorFor(rc);
  return Ok{};
}

bool Database::Compiles(const std::string& sql) {
  sqlite3_stmt* raw = nullptr;
  const int rc = sqlite3_prepare_v2(db_.get(), sql.c_str(), -1, &raw, nullptr);
  sqlite3_finalize(raw);
  return rc == SQLITE_OK;
}

Result<bool> Database::HasTable(const std::string& name) {
  bool found = false;
  Status s = Query("SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = ?1", {name},
                   [&](const Row&) -> Status {
                     found = true;
                     return Ok{};
                   });
  if (!s) return std::move(s).error();
  return found;
}

}  // namespace dbopt::catalog::sqlite
