// Row estimates against a real PostgreSQL 15, driven by tests/integration/stats_check_test.sh:
//   DBOPT_STATS_CHECK_CATALOG  the catalog imported from the server (dbopt catalog import)
//   DBOPT_STATS_CHECK_CASES    one case per line: name|kind|PostgreSQL's Plan Rows|SQL for dbopt
// kind: scan (the WHERE clause's base relation rows), inner/left/full/semi/anti (the join of the
// two FROM tables, the first outer), group (estimate_num_groups of GROUP BY over the FROM rows).
// Each case is estimated twice: with clauses from bind::Bind, the binder the planner uses, and
// from the tests' own binder (test_binder.h; "=" in the table when it does not support the SQL).
// Prints one line per case and fails when either estimate differs from PostgreSQL's by more than
// one row. Without the variables the case is skipped.
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <sstream>
#include <string>

#include <doctest/doctest.h>

#include "dbopt/catalog/load.h"
#include "stats_fixture.h"

namespace dbopt::stats::testing {
namespace {

std::string Env(const char* name) {
  const char* v = std::getenv(name);
  return v ? v : "";
}

double Estimate(const catalog::Catalog& cat, const std::string& kind, const std::string& sql,
                bool with_binder) {
  Estimation e(cat, sql, with_binder);
  if (kind == "scan") return e.Rows(1);
  if (kind == "group") return e.Groups();
  if (kind == "inner") return e.JoinRows(bind::JoinType::kInner);
  if (kind == "left") return e.JoinRows(bind::JoinType::kLeft);
  if (kind == "full") return e.JoinRows(bind::JoinType::kFull);
  if (kind == "semi") return e.JoinRows(bind::JoinType::kSemi);
  if (kind == "anti") return e.JoinRows(bind::JoinType::kAnti);
  throw std::runtime_error("unknown case kind " + kind);
}

TEST_CASE("stats check: row estimates agree with PostgreSQL 15" *
          doctest::skip(Env("DBOPT_STATS_CHECK_CASES").empty())) {
  Result<catalog::Catalog> cat = catalog::LoadCatalog(Env("DBOPT_STATS_CHECK_CATALOG"));
  REQUIRE_MESSAGE(cat.ok(), (cat.ok() ? "" : cat.error().Render()));
  std::ifstream in(Env("DBOPT_STATS_CHECK_CASES"));
  REQUIRE(in.good());
  std::string line;
  int total = 0, agree = 0;
  std::printf("%-22s %-6s %10s %10s %10s %8s  %s\n", "case", "kind", "postgres", "test-bind",
              "dbopt", "q-error", "SQL");
  while (std::getline(in, line)) {
    if (line.empty() || line[0] == '#') continue;
    std::stringstream fields(line);
    std::string name, kind, pg_text, sql;
    std::getline(fields, name, '|');
    std::getline(fields, kind, '|');
    std::getline(fields, pg_text, '|');
    std::getline(fields, sql);
    double pg = std::strtod(pg_text.c_str(), nullptr);
    double est = -1, bound = -1;
    bool test_binder_unsupported = false;
    std::string error;
    try {
      bound = Estimate(*cat, kind, sql, true);
      est = Estimate(*cat, kind, sql, false);
    } catch (const std::exception& ex) {
      // Constructs the tests' own binder does not know (function calls) are checked through
      // bind::Bind only.
      test_binder_unsupported = std::string(ex.what()).rfind("test binder:", 0) == 0;
      if (test_binder_unsupported) {
        est = bound;
      } else {
        error = ex.what();
      }
    }
    double q = bound > 0 && pg > 0 ? std::max(bound / pg, pg / bound) : 0;
    bool ok = error.empty() && std::fabs(est - pg) <= 1.0 && std::fabs(bound - pg) <= 1.0;
    ++total;
    agree += ok ? 1 : 0;
    std::string est_text = test_binder_unsupported ? "=" : std::to_string(std::lround(est));
    std::printf("%-22s %-6s %10.0f %10s %10.0f %8.4f  %s%s\n", name.c_str(), kind.c_str(), pg,
                est_text.c_str(), bound, q, ok ? "" : "MISMATCH ",
                error.empty() ? sql.c_str() : error.c_str());
    CHECK_MESSAGE(ok, name << ": PostgreSQL " << pg << ", dbopt " << est << " " << error);
  }
  std::printf("stats-check: %d of %d estimates agree with PostgreSQL\n", agree, total);
  CHECK(total > 0);
}

}  // namespace
}  // namespace dbopt::stats::testing
