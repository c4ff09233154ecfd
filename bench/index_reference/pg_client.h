// A libpq session for the index reference: run SQL, read rows as text, and take PostgreSQL's
// estimated total cost of a workload statement from EXPLAIN (FORMAT JSON).
//
// Statements with $n parameters are planned as generic plans, the way Dexter does on
// PostgreSQL 15 (EXPLAIN (GENERIC_PLAN) is PostgreSQL 16+): PREPARE, plan_cache_mode =
// force_generic_plan, EXPLAIN EXECUTE with every parameter NULL, DEALLOCATE. The statement is
// prepared anew each time, so a plan cached before a hypothetical index changed is never reused.
#pragma once

#include <fmt/format.h>
#include <libpq-fe.h>

#include <memory>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "dbopt/base/result.h"
#include "workload.h"

namespace dbopt::bench {

using Rows = std::vector<std::vector<std::string>>;

class PgClient {
 public:
  static Result<std::unique_ptr<PgClient>> Connect(const std::string& conninfo) {
    PGconn* conn = PQconnectdb(conninfo.c_str());
    if (PQstatus(conn) != CONNECTION_OK) {
      std::string message = PQerrorMessage(conn);
      PQfinish(conn);
      return Error::Io(fmt::format("cannot connect to '{}': {}", conninfo, message));
    }
    return std::unique_ptr<PgClient>(new PgClient(conn));
  }
  ~PgClient() { PQfinish(conn_); }
  PgClient(const PgClient&) = delete;
  PgClient& operator=(const PgClient&) = delete;

  // Runs one or more statements; the rows of the last one, as text (NULL as "").
  Result<Rows> Query(const std::string& sql) {
    PGresult* res = PQexec(conn_, sql.c_str());
    const ExecStatusType status = PQresultStatus(res);
    if (status != PGRES_TUPLES_OK && status != PGRES_COMMAND_OK) {
      std::string message = PQresultErrorMessage(res);
      PQclear(res);
      return Error::Io(fmt::format("{}\n  in: {}", TrimRight(message), sql.substr(0, 300)));
    }
    Rows rows(PQntuples(res));
    for (int r = 0; r < PQntuples(res); ++r) {
      for (int c = 0; c < PQnfields(res); ++c) rows[r].emplace_back(PQgetvalue(res, r, c));
    }
    PQclear(res);
    return rows;
  }

  Status Exec(const std::string& sql) {
    Result<Rows> rows = Query(sql);
    if (!rows.ok()) return rows.error();
    return Ok{};
  }

  // PostgreSQL's estimated total cost of the statement (the plan's root "Total Cost").
  Result<double> ExplainCost(const WorkloadStatement& s) {
    std::string explain;
    if (s.params == 0) {
      explain = "EXPLAIN (FORMAT JSON) " + s.text;
    } else {
      Status prepared = Exec(
          "DEALLOCATE ALL; SET plan_cache_mode = force_generic_plan; PREPARE "
          "dbopt_ref_stmt AS " +
          s.text);
      if (!prepared.ok()) return prepared.error();
      std::string nulls;
      for (int i = 0; i < s.params; ++i) nulls += i ? ", NULL" : "NULL";
      explain = "EXPLAIN (FORMAT JSON) EXECUTE dbopt_ref_stmt(" + nulls + ")";
    }
    Result<Rows> rows = Query(explain);
    if (s.params > 0) {
      Status reset = Exec("DEALLOCATE ALL; RESET plan_cache_mode");
      if (!reset.ok()) return reset.error();
    }
    if (!rows.ok()) return rows.error();
    if (rows->empty() || rows->front().empty()) return Error::Io("EXPLAIN returned no rows");
    try {
      nlohmann::json plan = nlohmann::json::parse(rows->front().front());
      return plan.at(0).at("Plan").at("Total Cost").get<double>();
    } catch (const std::exception& e) {
      return Error::Io(fmt::format("unreadable EXPLAIN output: {}", e.what()));
    }
  }

  PGconn* raw() { return conn_; }

 private:
  explicit PgClient(PGconn* conn) : conn_(conn) {}
  PGconn* conn_;
};

// A string as an SQL literal.
inline std::string SqlLiteral(const std::string& s) {
  std::string out = "'";
  for (char c : s) out += c == '\'' ? std::string("''") : std::string(1, c);
  return out + "'";
}

// An identifier, double-quoted when it is not a plain lower-case name.
inline std::string SqlIdent(const std::string& s) {
  bool plain = !s.empty() && !std::isdigit(static_cast<unsigned char>(s[0]));
  for (char c : s)
    plain = plain && (std::islower(static_cast<unsigned char>(c)) ||
                      std::isdigit(static_cast<unsigned char>(c)) || c == '_');
  if (plain) return s;
  std::string out = "\"";
  for (char c : s) out += c == '"' ? std::string("\"\"") : std::string(1, c);
  return out + "\"";
}

}  // namespace dbopt::bench
