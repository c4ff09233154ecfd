// index_reference: the reference index advisor that `dbopt recommend-index` is compared with
// (issue 4), and the tool that measures an index set on a real PostgreSQL 15.
//
//   index_reference recommend --conn CONNINFO --workload FILE... [--budget 64MB] [--max-width 2]
//       Extend-style greedy with HypoPG (index_reference/extend.h). Prints the chosen indexes as
//       "CREATE INDEX ...;" lines, then comments with the what-if calls, costs and wall time, and
//       a last line "index_reference: what_if_calls=N cache_hits=N wall_s=S cost_before=C
//       cost_after=C est_bytes=B indexes=N". Needs CREATE EXTENSION hypopg in the database.
//   index_reference measure --conn CONNINFO --workload FILE... --indexes FILE|none
//                           [--runs 3] [--label L] [--details FILE]
//       Creates the "CREATE INDEX" lines of FILE for real, ANALYZEs, measures the workload and
//       drops them (index_reference/measure.h). Prints "measure: label=L indexes=N bytes=B
//       cost=C exec_ms=E skipped=N"; --details writes one TSV row per statement.
//   index_reference measure-sqlite --db FILE --workload FILE... --indexes FILE|none [--runs 5]
//   [--label L]
//       The same on a SQLite database file, which it changes (run it on a copy): bytes from the
//       dbstat virtual table, execution time in-process (index_reference/sqlite_measure.h).
//   index_reference       (as `scripts/bench` runs it: says how the harness runs it, exits 0)
//
// Sizes: --budget takes bytes or a number with kB, MB or GB (powers of 1024, as PostgreSQL).
// Exit code: 0 done; 2 bad usage, unreadable input or a server error.
#include <chrono>
#include <cstdio>
#include <fstream>
#include <string>
#include <vector>

#include "index_reference/extend.h"
#include "index_reference/measure.h"
#include "index_reference/pg_client.h"
#include "index_reference/sqlite_measure.h"
#include "index_reference/workload.h"

namespace {

using dbopt::Error;
using dbopt::Result;
using dbopt::Status;
namespace bench = dbopt::bench;

struct Options {
  std::string mode, conn, db, indexes, label = "indexes", details;
  std::vector<std::string> workloads;
  double budget_bytes = 500.0 * 1024 * 1024;  // extend_algorithm.py's default budget_MB
  int max_width = 2;                          // its default max_index_width
  int runs = 3;
};

Result<double> ParseSize(const std::string& text) {
  size_t used = 0;
  double value = 0;
  try {
    value = std::stod(text, &used);
  } catch (const std::exception&) {
    return Error::Usage(fmt::format("--budget: '{}' is not a size", text));
  }
  const std::string unit = text.substr(used);
  const double scale = unit.empty() || unit == "B"    ? 1
                       : unit == "kB" || unit == "KB" ? 1024.0
                       : unit == "MB"                 ? 1024.0 * 1024
                       : unit == "GB"                 ? 1024.0 * 1024 * 1024
                                                      : -1;
  if (scale < 0 || value < 0)
    return Error::Usage(fmt::format("--budget: '{}' is not a size (B, kB, MB, GB)", text));
  return value * scale;
}

Result<Options> ParseArgs(int argc, char** argv) {
  Options o;
  o.mode = argv[1];
  if (o.mode != "recommend" && o.mode != "measure" && o.mode != "measure-sqlite") {
    return Error::Usage("the mode is recommend, measure or measure-sqlite");
  }
  for (int i = 2; i < argc; ++i) {
    const std::string arg = argv[i];
    if (i + 1 >= argc) return Error::Usage(fmt::format("{} needs a value (or is unknown)", arg));
    const std::string value = argv[++i];
    if (arg == "--conn") {
      o.conn = value;
    } else if (arg == "--db") {
      o.db = value;
    } else if (arg == "--workload") {
      o.workloads.push_back(value);
      while (i + 1 < argc && std::string(argv[i + 1]).rfind("--", 0) != 0)
        o.workloads.push_back(argv[++i]);
    } else if (arg == "--budget") {
      Result<double> bytes = ParseSize(value);
      if (!bytes.ok()) return bytes.error();
      o.budget_bytes = *bytes;
    } else if (arg == "--max-width" || arg == "--runs") {
      int n = 0;
      try {
        n = std::stoi(value);
      } catch (const std::exception&) {
      }
      if (n < 1)
        return Error::Usage(fmt::format("{} expects a positive integer, not '{}'", arg, value));
      (arg == "--runs" ? o.runs : o.max_width) = n;
    } else if (arg == "--indexes") {
      o.indexes = value;
    } else if (arg == "--label") {
      o.label = value;
    } else if (arg == "--details") {
      o.details = value;
    } else {
      return Error::Usage(fmt::format("unknown option {}", arg));
    }
  }
  if (o.workloads.empty()) return Error::Usage("--workload is required");
  if ((o.mode == "measure-sqlite") == o.db.empty())
    return Error::Usage("--db goes with measure-sqlite, and only there");
  if (o.mode != "measure-sqlite" && o.conn.empty()) return Error::Usage("--conn is required");
  if (o.mode != "recommend" && o.indexes.empty())
    return Error::Usage(o.mode + " needs --indexes FILE|none");
  return o;
}

Result<std::vector<bench::WorkloadStatement>> ReadWorkloads(const std::vector<std::string>& paths) {
  std::vector<bench::WorkloadStatement> all;
  for (const std::string& p : paths) {
    Result<std::vector<bench::WorkloadStatement>> one = bench::ReadWorkload(p);
    if (!one.ok()) return one.error();
    all.insert(all.end(), one->begin(), one->end());
  }
  return all;
}

Status Recommend(const Options& o, bench::PgClient& pg,
                 const std::vector<bench::WorkloadStatement>& workload) {
  const auto start = std::chrono::steady_clock::now();
  Result<bench::Rows> schema = pg.Query(
      "SELECT c.relname, a.attname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace "
      "JOIN pg_attribute a ON a.attrelid = c.oid WHERE c.relkind IN ('r', 'm') AND a.attnum > 0 "
      "AND NOT a.attisdropped AND n.nspname NOT IN ('pg_catalog', 'information_schema', "
      "'pg_toast') "
      "ORDER BY c.relname, a.attnum");
  if (!schema.ok()) return schema.error();
  bench::Candidates candidates = bench::FindCandidates(workload, *schema);
  bench::WhatIf what_if(pg, workload, candidates.statement_tables);
  Result<bench::ExtendResult> r =
      bench::RunExtend(what_if, candidates, o.budget_bytes, o.max_width);
  if (!r.ok()) return r.error();
  Status reset = pg.Exec("SELECT hypopg_reset()");
  if (!reset.ok()) return reset;
  const double wall_s =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  std::printf(
      "-- index_reference (Extend + HypoPG): budget %.0f bytes, max width %d, %zu statements, "
      "%zu single-column candidates\n",
      o.budget_bytes, o.max_width, workload.size(), candidates.singles.size());
  for (const bench::IndexKey& k : r->chosen) std::printf("%s;\n", bench::CreateIndexSql(k).c_str());
  std::printf("-- rounds: %d; what-if calls: %ld (cache hits %ld)\n", r->rounds,
              what_if.what_if_calls(), what_if.cache_hits());
  std::printf("-- weighted cost: %.2f -> %.2f (%.1f%% less); HypoPG size estimate %.0f bytes\n",
              r->cost_before, r->cost_after, 100 * (1 - r->cost_after / r->cost_before), r->bytes);
  std::printf(
      "index_reference: what_if_calls=%ld cache_hits=%ld wall_s=%.3f cost_before=%.2f "
      "cost_after=%.2f "
      "est_bytes=%.0f indexes=%zu\n",
      what_if.what_if_calls(), what_if.cache_hits(), wall_s, r->cost_before, r->cost_after,
      r->bytes, r->chosen.size());
  return dbopt::Ok{};
}

// Measures on PostgreSQL (pg) or, without pg, on the SQLite file --db.
Status Measure(const Options& o, bench::PgClient* pg,
               const std::vector<bench::WorkloadStatement>& workload) {
  Result<std::vector<std::string>> ddl = bench::ReadCreateIndexLines(o.indexes);
  if (!ddl.ok()) return ddl.error();
  Result<bench::Measurement> m = pg ? bench::MeasureIndexSet(*pg, workload, *ddl, o.runs)
                                    : bench::MeasureSqlite(o.db, workload, *ddl, o.runs);
  if (!m.ok()) return m.error();
  if (!o.details.empty()) {
    std::ofstream out(o.details);
    out << "# statement\tweight\tcost\tfastest_ms (-1: not executed)\n";
    for (size_t i = 0; i < workload.size(); ++i) {
      out << workload[i].origin << '\t' << workload[i].weight << '\t' << m->statement_costs[i]
          << '\t' << m->statement_ms[i] << '\n';
    }
    if (!out) return Error::Io(fmt::format("cannot write {}", o.details));
  }
  std::printf("measure: label=%s indexes=%d bytes=%.0f cost=%.2f exec_ms=%.3f skipped=%d\n",
              o.label.c_str(), m->indexes, m->bytes, m->cost, m->exec_ms, m->skipped);
  return dbopt::Ok{};
}

}  // namespace

int main(int argc, char** argv) {
  if (argc == 1) {
    std::printf(
        "index_reference: needs a PostgreSQL 15 server with HypoPG and a workload; "
        "tests/acceptance/recommend/run.sh BUILD_DIR runs it (see docs/recommend-acceptance.md)\n");
    return 0;
  }
  Result<Options> o = ParseArgs(argc, argv);
  if (!o.ok()) {
    std::fprintf(stderr, "index_reference: %s\n", o.error().message().c_str());
    return 2;
  }
  Result<std::vector<bench::WorkloadStatement>> workload = ReadWorkloads(o->workloads);
  if (!workload.ok()) {
    std::fprintf(stderr, "index_reference: %s\n", workload.error().message().c_str());
    return 2;
  }
  if (o->mode == "measure-sqlite") {
    Status done = Measure(*o, nullptr, *workload);
    if (!done.ok()) std::fprintf(stderr, "index_reference: %s\n", done.error().message().c_str());
    return done.ok() ? 0 : 2;
  }
  Result<std::unique_ptr<bench::PgClient>> pg = bench::PgClient::Connect(o->conn);
  if (!pg.ok()) {
    std::fprintf(stderr, "index_reference: %s\n", pg.error().message().c_str());
    return 2;
  }
  Status done =
      o->mode == "recommend" ? Recommend(*o, **pg, *workload) : Measure(*o, pg->get(), *workload);
  if (!done.ok()) {
    std::fprintf(stderr, "index_reference: %s\n", done.error().message().c_str());
    return 2;
  }
  return 0;
}
