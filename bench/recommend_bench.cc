// `dbopt recommend-index` on a generated catalog (issue 4's speed target): 10 tables of 10^4 to
// 2·10^7 rows with planner statistics and only primary keys, and a 100-statement workload
// (equality, range, IN, ORDER BY ... LIMIT, joins on keys, GROUP BY, $n parameters, INSERT,
// UPDATE, DELETE; calls= weights). Times the whole `dbopt recommend-index` process (median of
// --runs, default 3) and reports the what-if evaluations it states; the peer, measured in the
// same run, is one `dbopt explain` process planning the same 100 statements once each.
//
//   recommend_bench [--runs R] [--keep DIR]    (--keep: write the catalog and workload there)
//
// The dbopt binary is the one next to this program (build/dbopt). Exit code: 0 measured; 1
// dbopt failed or recommend-index is missing (it says why); 2 bad usage or I/O.
#include <fmt/format.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "dbopt/catalog/load.h"

namespace {

using dbopt::catalog::Catalog;

constexpr double kTargetMs = 1000;  // issue 4: a 100-query workload on 10 tables in under 1 s
constexpr int kTables = 10;
constexpr int kQueries = 100;

double RowsOf(int t) { return std::pow(10.0, 4 + t % 4) * (1 + t / 4); }
std::string TableName(int t) { return fmt::format("tbl_{}", t); }

// Ascending histogram bounds (101) of integers in [lo, hi].
std::vector<std::string> IntBounds(double lo, double hi) {
  std::vector<std::string> out;
  for (int b = 0; b <= 100; ++b) out.push_back(fmt::format("{:.0f}", lo + (hi - lo) * b / 100));
  return out;
}

dbopt::catalog::ColumnStats Stats(double n_distinct, int width, std::vector<std::string> bounds,
                                  double correlation) {
  dbopt::catalog::ColumnStats s;
  s.avg_width = width;
  s.n_distinct = n_distinct;
  s.histogram_bounds = std::move(bounds);
  s.correlation = correlation;
  return s;
}

Catalog MakeCatalog() {
  Catalog c;
  c.source = {"postgres", "host=bench dbname=recommend", 150020, "15.20"};
  for (int t = 0; t < kTables; ++t) {
    const double rows = RowsOf(t);
    const double parent_rows = RowsOf((t + kTables - 1) % kTables);
    dbopt::catalog::Table table;
    table.name = TableName(t);
    table.stats = dbopt::catalog::TableStats{rows, static_cast<int64_t>(rows / 60) + 1,
                                             static_cast<int64_t>(rows / 60) + 1, 0};
    auto add = [&table](const std::string& name, const std::string& type,
                        dbopt::catalog::ColumnStats s) {
      table.columns.push_back({name, type, true});
      table.column_stats[name] = std::move(s);
    };
    add("id", "integer", Stats(-1, 4, IntBounds(1, rows), 1));
    add("parent_id", "integer",
        Stats(std::min(parent_rows, rows), 4, IntBounds(1, parent_rows), 0.01));
    dbopt::catalog::ColumnStats status = Stats(5, 9, {}, 0.2);
    status.most_common_vals = {"status_0", "status_1", "status_2", "status_3", "status_4"};
    status.most_common_freqs = {0.6, 0.25, 0.1, 0.04, 0.01};
    add("status", "text", status);
    add("category", "integer", Stats(1000, 4, IntBounds(0, 999), 0.0));
    add("amount", "integer", Stats(-0.5, 4, IntBounds(0, 1000000), -0.02));
    add("created", "integer", Stats(-0.8, 4, IntBounds(1600000000, 1700000000), 0.95));
    std::vector<std::string> codes;
    for (int b = 0; b <= 100; ++b) codes.push_back(fmt::format("code_{:08.0f}", rows * b / 100));
    add("code", "text", Stats(-1, 14, codes, 0.0));
    dbopt::catalog::ColumnStats flag = Stats(2, 1, {}, 0.5);
    flag.most_common_vals = {"false", "true"};
    flag.most_common_freqs = {0.9, 0.1};
    add("flag", "boolean", flag);
    table.primary_key = dbopt::catalog::Constraint{table.name + "_pkey", {"id"}};
    dbopt::catalog::Index pk;
    pk.name = table.name + "_pkey";
    pk.table = table.name;
    pk.keys.push_back({"id"});
    pk.unique = pk.primary = true;
    pk.constraint = pk.name;
    pk.pages = static_cast<int64_t>(rows / 360) + 2;
    pk.tuples = rows;
    pk.tree_height = rows > 1e6 ? 2 : 1;
    c.indexes.push_back(std::move(pk));
    c.tables.push_back(std::move(table));
  }
  return c;
}

// Statement q of the workload, on table q % 10, shaped by q / 10.
std::string Statement(int q) {
  const int t = q % kTables;
  const std::string n = TableName(t), parent = TableName((t + kTables - 1) % kTables);
  const long v = (q * 7919L) % 1000, day = 1600000000L + (q * 104729L) % 90000000L;
  switch (q / kTables) {
    case 0:
      return fmt::format("SELECT * FROM {} WHERE category = {} ORDER BY created DESC LIMIT 10", n,
                         v);
    case 1:
      return fmt::format(
          "SELECT id, amount FROM {} WHERE status = 'status_3' AND created BETWEEN {} AND {}", n,
          day, day + 86400 * 3);
    case 2:
      return fmt::format("SELECT count(*) FROM {} WHERE code = 'code_{:08}'", n, v * 13);
    case 3:
      return fmt::format(
          "SELECT a.id, b.amount FROM {} a JOIN {} b ON b.id = a.parent_id WHERE a.category IN "
          "({}, {}, {})",
          n, parent, v, v + 1, v + 2);
    case 4:
      return fmt::format(
          "SELECT parent_id, sum(amount) FROM {} WHERE created >= {} GROUP BY parent_id", n,
          1699000000L + v);
    case 5:
      return fmt::format("SELECT * FROM {} WHERE parent_id = $1 ORDER BY created LIMIT 20", n);
    case 6:
      return fmt::format("UPDATE {} SET amount = amount + 1 WHERE code = 'code_{:08}'", n, v * 31);
    case 7:
      return fmt::format(
          "INSERT INTO {} (id, parent_id, status, category, amount, created, code, flag) VALUES "
          "({}, 1, 'status_0', {}, 10, {}, 'code_x{}', false)",
          n, 100000000 + q, v, day, q);
    case 8:
      return fmt::format("DELETE FROM {} WHERE created < {} AND status = 'status_4'", n,
                         1600000000L + v * 1000);
    default:
      return fmt::format(
          "SELECT id FROM {} WHERE amount BETWEEN {} AND {} AND flag ORDER BY amount LIMIT 50", n,
          v * 1000, v * 1000 + 500);
  }
}

std::string Workload(bool weights) {
  std::string out = "-- recommend_bench: 100 generated statements on 10 tables\n";
  for (int q = 0; q < kQueries; ++q) {
    if (weights) out += fmt::format("\n-- dbopt: calls={}\n", 1 + (q * 37) % 1000);
    out += Statement(q) + ";\n";
  }
  return out;
}

// Runs a command line; returns its exit code, its wall time in ms via *ms.
int Run(const std::string& command, double* ms) {
  const auto start = std::chrono::steady_clock::now();
  const int status = std::system(command.c_str());
  *ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
  return WIFEXITED(status) ? WEXITSTATUS(status) : 128;
}

std::string ReadFile(const std::string& path) {
  std::ifstream in(path);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

std::string FirstLine(const std::string& text) { return text.substr(0, text.find('\n')); }

}  // namespace

int main(int argc, char** argv) {
  int runs = 3;
  std::string keep;
  for (int i = 1; i < argc; ++i) {
    if (std::strcmp(argv[i], "--runs") == 0 && i + 1 < argc) {
      runs = std::max(1, std::atoi(argv[++i]));
    } else if (std::strcmp(argv[i], "--keep") == 0 && i + 1 < argc) {
      keep = argv[++i];
    } else {
      std::fprintf(stderr, "usage: recommend_bench [--runs R] [--keep DIR]\n");
      return 2;
    }
  }
  std::string self = argv[0];
  const std::string dbopt =
      (self.find('/') == std::string::npos ? "." : self.substr(0, self.rfind('/'))) + "/dbopt";
  std::string dir = keep;
  if (!dir.empty()) {
    std::error_code ec;
    std::filesystem::create_directories(dir, ec);
    if (ec) {
      std::fprintf(stderr, "recommend_bench: cannot create %s: %s\n", dir.c_str(),
                   ec.message().c_str());
      return 2;
    }
  } else {
    char tmpl[] = "/tmp/dbopt_recommend_bench_XXXXXX";
    if (!mkdtemp(tmpl)) {
      std::perror("mkdtemp");
      return 2;
    }
    dir = tmpl;
  }
  const std::string catalog = dir + "/catalog.json", workload = dir + "/workload.sql";
  std::ofstream(catalog) << dbopt::catalog::WriteJsonCatalog(MakeCatalog());
  std::ofstream(workload) << Workload(true);
  const std::string out = dir + "/out", err = dir + "/err";
  auto cleanup = [&] {
    if (keep.empty()) std::system(fmt::format("rm -rf '{}'", dir).c_str());
  };

  // The peer: one `dbopt explain` process planning the 100 statements once each.
  double explain_ms = 0;
  const int explain_code = Run(fmt::format("'{}' explain --catalog '{}' -f '{}' >'{}' 2>'{}'",
                                           dbopt, catalog, workload, out, err),
                               &explain_ms);
  const std::string explain_note =
      explain_code == 0 ? ""
                        : fmt::format(" (exit {}: {})", explain_code, FirstLine(ReadFile(err)));

  std::vector<double> times;
  for (int r = 0; r < runs; ++r) {
    double ms = 0;
    const int code =
        Run(fmt::format(
                "'{}' recommend-index --catalog '{}' --workload '{}' --format json >'{}' 2>'{}'",
                dbopt, catalog, workload, out, err),
            &ms);
    if (code != 0) {
      fmt::print(
          "recommend bench: dbopt recommend-index NOT MEASURED: exit {}: {}\n"
          "recommend bench: peer dbopt explain of the same {} statements: {:.1f} ms{}\n",
          code, FirstLine(ReadFile(err)), kQueries, explain_ms, explain_note);
      cleanup();
      return 1;
    }
    times.push_back(ms);
  }
  std::sort(times.begin(), times.end());
  const double median = times[times.size() / 2];
  const std::string json = ReadFile(out);
  std::string evaluations = "?";
  const size_t at = json.find("\"evaluations\"");
  if (at != std::string::npos) {
    size_t i = json.find(':', at) + 1;
    while (i < json.size() && json[i] == ' ') ++i;
    size_t j = i;
    while (j < json.size() && std::isdigit(static_cast<unsigned char>(json[j]))) ++j;
    evaluations = json.substr(i, j - i);
  }
  const size_t recommendations = [&] {
    size_t count = 0;
    for (size_t p = json.find("\"ddl\""); p != std::string::npos; p = json.find("\"ddl\"", p + 1))
      ++count;
    return count;
  }();
  fmt::print(
      "recommend bench: {} tables, {} statements: dbopt recommend-index {:.1f} ms (median of {}), "
      "{} what-if evaluations, {} recommendations; target < {:.0f} ms{}\n",
      kTables, kQueries, median, runs, evaluations, recommendations, kTargetMs,
      median >= kTargetMs ? " — OVER TARGET" : "");
  fmt::print(
      "recommend bench: peer dbopt explain of the same {} statements once each: {:.1f} ms{}; "
      "ratio recommend-index / explain {:.2f}\n",
      kQueries, explain_ms, explain_note, median / explain_ms);
  cleanup();
  return 0;
}
