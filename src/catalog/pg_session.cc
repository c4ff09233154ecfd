#include "pg_session.h"

#include <libpq-fe.h>

#include <cassert>
#include <cstdlib>
#include <string>

#include "dbopt/catalog/pg_conninfo.h"

namespace dbopt::catalog {

namespace {

// libpq messages span lines ("...failed: Connection refused\n\tIs the server running...");
// one line reads better in a diagnostic.
std::string OneLine(const std::string& text) {
  std::string out;
  bool space = false;
  for (const char c : text) {
    if (c == '\n' || c == '\t' || c == '\r' || c == ' ') {
      space = !out.empty();
      continue;
    }
    if (space) out += ' ';
    space = false;
    out += c;
  }
  return out;
}

// libpq quotes parts of a bad connection string in its parse errors; a quoted part that is
// not in the redacted string could be a password, so it is hidden.
std::string HideUnknownQuotes(const std::string& message, const std::string& shown) {
  std::string out;
  size_t pos = 0;
  while (true) {
    const size_t open = message.find('"', pos);
    const size_t close = open == std::string::npos ? open : message.find('"', open + 1);
    if (close == std::string::npos) return out + message.substr(pos);
    const std::string quoted = message.substr(open + 1, close - open - 1);
    out += message.substr(pos, open - pos);
    out += shown.find(quoted) != std::string::npos ? "\"" + quoted + "\"" : "\"...\"";
    pos = close + 1;
  }
}

bool Contains(const std::string& text, const char* part) {
  return text.find(part) != std::string::npos;
}

std::string ConnectHint(const std::string& message) {
  if (Contains(message, "password authentication failed") ||
      Contains(message, "no password supplied")) {
    return "check the user name and the password (in the connection string, PGPASSWORD or "
           "~/.pgpass)";
  }
  if (Contains(message, "database \"") && Contains(message, "does not exist")) {
    return "check the database name; `psql -l` lists the databases of a server";
  }
  if (Contains(message, "timeout expired")) {
    return "the server did not answer within connect_timeout (" +
           std::to_string(PgSession::kDefaultConnectTimeoutSeconds) +
           " s unless set): check the host, the port and any firewall";
  }
  if (Contains(message, "permission denied for database")) {
    return "the role needs the CONNECT privilege on the database";
  }
  return "";
}

bool SetsConnectTimeout(const std::string& conninfo) {
  if (!IsConninfoUri(conninfo) && conninfo.find('=') == std::string::npos) return false;
  PQconninfoOption* options = PQconninfoParse(conninfo.c_str(), nullptr);
  if (options == nullptr) return false;
  bool found = false;
  for (PQconninfoOption* option = options; option->keyword != nullptr; ++option) {
    if (std::string(option->keyword) == "connect_timeout" && option->val != nullptr &&
        option->val[0] != '\0') {
      found = true;
    }
  }
  PQconninfoFree(options);
  return found;
}

}  // namespace

bool PgRows::IsNull(size_t row, const char* column) const { return !Cell(row, column); }

const std::string& PgRows::Text(size_t row, const char* column) const {
  static const std::string kEmpty;
  const std::optional<std::string>& cell = Cell(row, column);
  return cell ? *cell : kEmpty;
}

std::optional<std::string> PgRows::OptionalText(size_t row, const char* column) const {
  return Cell(row, column);
}

bool PgRows::Bool(size_t row, const char* column) const { return Text(row, column) == "t"; }

int64_t PgRows::Int(size_t row, const char* column) const {
  return std::strtoll(Text(row, column).c_str(), nullptr, 10);
}

double PgRows::Double(size_t row, const char* column) const {
  return std::strtod(Text(row, column).c_str(), nullptr);
}

const std::optional<std::string>& PgRows::Cell(size_t row, const char* column) const {
  static const std::optional<std::string> kNull;
  for (size_t i = 0; i < columns_.size(); ++i) {
    if (columns_[i] == column) return rows_.at(row)[i];
  }
  assert(false && "PgRows: unknown column");
  return kNull;
}

Result<PgSession> PgSession::Connect(const std::string& conninfo, const std::string& shown) {
  if (IsConninfoUri(conninfo) || conninfo.find('=') != std::string::npos) {
    char* parse_error = nullptr;
    PQconninfoOption* options = PQconninfoParse(conninfo.c_str(), &parse_error);
    if (options == nullptr) {
      const std::string detail = parse_error != nullptr ? parse_error : "out of memory";
      PQfreemem(parse_error);
      return Error::BadInput("invalid PostgreSQL connection string \"" + shown +
                             "\": " + HideUnknownQuotes(OneLine(detail), shown));
    }
    PQconninfoFree(options);
  }
  const std::string timeout = std::to_string(kDefaultConnectTimeoutSeconds);
  std::vector<const char*> keywords = {"dbname"};
  std::vector<const char*> values = {conninfo.c_str()};
  const char* env_timeout = std::getenv("PGCONNECT_TIMEOUT");
  if (!SetsConnectTimeout(conninfo) && (env_timeout == nullptr || env_timeout[0] == '\0')) {
    keywords.push_back("connect_timeout");
    values.push_back(timeout.c_str());
  }
  keywords.push_back("fallback_application_name");
  values.push_back("dbopt");
  keywords.push_back(nullptr);
  values.push_back(nullptr);
  PGconn* connection = PQconnectdbParams(keywords.data(), values.data(), /*expand_dbname=*/1);
  if (connection == nullptr) return Error::Io("cannot connect to PostgreSQL: out of memory");
  if (PQstatus(connection) != CONNECTION_OK) {
    const std::string message = OneLine(PQerrorMessage(connection));
    PQfinish(connection);
    Error error = Error::Io("cannot connect to PostgreSQL (" + shown + "): " + message);
    error.diagnostic.hint = ConnectHint(message);
    return error;
  }
  return PgSession(connection, shown);
}

PgSession::PgSession(PgSession&& other) noexcept
    : connection_(other.connection_), shown_(std::move(other.shown_)) {
  other.connection_ = nullptr;
}

PgSession& PgSession::operator=(PgSession&& other) noexcept {
  if (this != &other) {
    if (connection_ != nullptr) PQfinish(connection_);
    connection_ = other.connection_;
    shown_ = std::move(other.shown_);
    other.connection_ = nullptr;
  }
  return *this;
}

PgSession::~PgSession() {
  if (connection_ != nullptr) PQfinish(connection_);
}

int PgSession::server_version_num() const { return PQserverVersion(connection_); }

Status PgSession::Execute(const std::string& purpose, const std::string& sql) {
  Result<PgRows> rows = Query(purpose, sql);
  if (!rows) return std::move(rows).error();
  return Ok{};
}

Result<PgRows> PgSession::Query(const std::string& purpose, const std::string& sql,
                                const std::vector<std::string>& params) {
  std::string sqlstate;
  return QueryWithState(purpose, sql, params, &sqlstate);
}

Result<PgRows> PgSession::QueryWithState(const std::string& purpose, const std::string& sql,
                                         const std::vector<std::string>& params,
                                         std::string* sqlstate) {
  sqlstate->clear();
  std::vector<const char*> values;
  values.reserve(params.size());
  for (const std::string& param : params) values.push_back(param.c_str());
  PGresult* result = PQexecParams(connection_, sql.c_str(), static_cast<int>(params.size()),
                                  nullptr, values.data(), nullptr, nullptr, /*resultFormat=*/0);
  const ExecStatusType status = PQresultStatus(result);
  if (status != PGRES_TUPLES_OK && status != PGRES_COMMAND_OK) {
    const char* state = PQresultErrorField(result, PG_DIAG_SQLSTATE);
    const char* primary = PQresultErrorField(result, PG_DIAG_MESSAGE_PRIMARY);
    *sqlstate = state != nullptr ? state : "";
    const std::string message = OneLine(primary != nullptr ? primary : PQerrorMessage(connection_));
    PQclear(result);
    Error error =
        Error::Io("reading " + purpose + " from PostgreSQL (" + shown_ + ") failed: " + message);
    if (*sqlstate == "42501") {
      error.diagnostic.hint =
          "the role needs CONNECT on the database and the default read access to the system "
          "catalogs; see docs/postgres-import.md";
    } else if (*sqlstate == "57014") {
      error.diagnostic.hint = "a catalog query ran longer than the import's statement_timeout";
    } else if (*sqlstate == "55P03") {
      error.diagnostic.hint =
          "another session holds a lock (ALTER TABLE, VACUUM FULL, ...) that blocked reading "
          "a relation's size; retry when it is done";
    }
    return error;
  }
  const int row_count = PQntuples(result);
  const int column_count = PQnfields(result);
  std::vector<std::string> columns;
  for (int c = 0; c < column_count; ++c) columns.emplace_back(PQfname(result, c));
  std::vector<std::vector<std::optional<std::string>>> rows(row_count);
  for (int r = 0; r < row_count; ++r) {
    rows[r].reserve(column_count);
    for (int c = 0; c < column_count; ++c) {
      if (PQgetisnull(result, r, c)) {
        rows[r].emplace_back();
      } else {
        rows[r].emplace_back(std::string(PQgetvalue(result, r, c), PQgetlength(result, r, c)));
      }
    }
  }
  PQclear(result);
  return PgRows(std::move(columns), std::move(rows));
}

}  // namespace dbopt::catalog
