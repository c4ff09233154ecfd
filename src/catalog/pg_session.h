// A libpq connection for the PostgreSQL loader (private to src/catalog): connects with a
// bounded timeout, runs parameterised queries in text mode, and turns every failure into an
// Error (kIo) that names what was being read and never shows a password.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "dbopt/base/result.h"

struct pg_conn;

namespace dbopt::catalog {

// A query result copied out of libpq: column names and rows of nullable text values.
class PgRows {
 public:
  PgRows(std::vector<std::string> columns,
         std::vector<std::vector<std::optional<std::string>>> rows)
      : columns_(std::move(columns)), rows_(std::move(rows)) {}

  size_t size() const { return rows_.size(); }
  bool empty() const { return rows_.empty(); }

  // Accessors by row and column name. Asking for a column the query does not return is a
  // programming error: it aborts in debug builds and reads as NULL otherwise. Numbers and
  // booleans are parsed from PostgreSQL's text output; NULL reads as "", 0 and false.
  bool IsNull(size_t row, const char* column) const;
  const std::string& Text(size_t row, const char* column) const;
  std::optional<std::string> OptionalText(size_t row, const char* column) const;
  bool Bool(size_t row, const char* column) const;
  int64_t Int(size_t row, const char* column) const;
  double Double(size_t row, const char* column) const;

 private:
  const std::optional<std::string>& Cell(size_t row, const char* column) const;

  std::vector<std::string> columns_;
  std::vector<std::vector<std::optional<std::string>>> rows_;
};

class PgSession {
 public:
  // The default connect_timeout, used when neither the connection string nor PGCONNECT_TIMEOUT
  // sets one, so an unreachable host fails instead of hanging.
  static constexpr int kDefaultConnectTimeoutSeconds = 10;

  // `conninfo` is a URI or key=value string (or a bare database name); `shown` is the redacted
  // form used in messages.
  static Result<PgSession> Connect(const std::string& conninfo, const std::string& shown);

  PgSession(PgSession&&) noexcept;
  PgSession& operator=(PgSession&&) noexcept;
  ~PgSession();

  // Runs a statement that returns no rows. `purpose` completes "reading <purpose> failed".
  Status Execute(const std::string& purpose, const std::string& sql);
  // Runs a query with text parameters ($1, $2, ...) and returns its rows.
  Result<PgRows> Query(const std::string& purpose, const std::string& sql,
                       const std::vector<std::string>& params = {});
  // Like Query, but with the SQLSTATE of a server error in `*sqlstate` (empty otherwise), for
  // callers that recover from expected failures.
  Result<PgRows> QueryWithState(const std::string& purpose, const std::string& sql,
                                const std::vector<std::string>& params, std::string* sqlstate);

  int server_version_num() const;

 private:
  PgSession(pg_conn* connection, std::string shown) : connection_(connection), shown_(shown) {}

  pg_conn* connection_ = nullptr;
  std::string shown_;
};

}  // namespace dbopt::catalog
