// Loading a large JSON catalog: dbopt's LoadJsonCatalog (parse + build the model) against the
// peer nlohmann::json::parse (parse into a DOM only) on the same file, in the same run.
//
//   catalog_load_bench [--tables N] [--runs R] [--write FILE]
//
// The catalog: N tables (default 1000) of 10 columns, each column with 100 MCVs and 101
// histogram bounds, 2-3 indexes per table. Prints the median of R runs (default 7) each.
#include <fmt/format.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <ctime>
#include <fstream>
#include <iterator>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include <unistd.h>

#include "dbopt/catalog/load.h"

namespace {

using dbopt::catalog::Catalog;

constexpr double kTargetMs = 100;  // the budget for loading a 1000-table catalog

Catalog MakeCatalog(int tables) {
  Catalog c;
  c.source = {"postgres", "host=bench dbname=bench", 150020, "15.20"};
  (void)c.settings.Set("random_page_cost", "1.1");
  uint64_t seed = 42;  // fixed: every run writes the same file
  auto next = [&seed] {
    seed = seed * 6364136223846793005ULL + 1442695040888963407ULL;
    return seed >> 33;
  };
  for (int t = 0; t < tables; ++t) {
    dbopt::catalog::Table table;
    table.name = fmt::format("table_{:04}", t);
    table.stats = dbopt::catalog::TableStats{1e6 + t, 12345 + t, 12345 + t, 12000};
    for (int k = 0; k < 10; ++k) {
      const std::string column = fmt::format("column_{}", k);
      table.columns.push_back({column, k % 2 == 0 ? "integer" : "text", k == 0});
      dbopt::catalog::ColumnStats s;
      s.null_frac = 0.001 * k;
      s.avg_width = 4 + k;
      s.n_distinct = k == 0 ? -1 : -0.01 * k;
      double remaining = 0.5;
      for (int v = 0; v < 100; ++v) {
        s.most_common_vals.push_back(k % 2 == 0 ? std::to_string(next() % 1000000)
                                                : fmt::format("value {}", next() % 100000));
        remaining *= 0.97;
        // pg_statistic holds float4: about 7 significant digits.
        s.most_common_freqs.push_back(std::round(remaining / 30 * 1e7) / 1e7);
      }
      for (int b = 0; b <= 100; ++b) s.histogram_bounds.push_back(std::to_string(b * 10007 + k));
      s.correlation = (static_cast<double>(next() % 2001) - 1000) / 1000;  // 3 digits
      table.column_stats[column] = std::move(s);
    }
    table.primary_key = dbopt::catalog::Constraint{table.name + "_pkey", {"column_0"}};
    for (int i = 0; i < 2 + t % 2; ++i) {
      dbopt::catalog::Index index;
      index.name = fmt::format("{}_idx_{}", table.name, i);
      index.table = table.name;
      index.keys.push_back({fmt::format("column_{}", i)});
      index.unique = i == 0;
      index.pages = 2745 + i;
      index.tuples = 1e6 + t;
      index.tree_height = 2;
      c.indexes.push_back(std::move(index));
    }
    c.tables.push_back(std::move(table));
  }
  return c;
}

struct Timing {
  double wall_ms;  // median wall-clock time
  double cpu_ms;   // median CPU time of the process: less disturbed by other load on the machine
};

double CpuMs() {
  timespec ts{};
  clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
  return static_cast<double>(ts.tv_sec) * 1e3 + static_cast<double>(ts.tv_nsec) / 1e6;
}

template <typename F>
Timing Median(int runs, F run) {
  std::vector<double> wall, cpu;
  for (int i = 0; i < runs; ++i) {
    const auto start = std::chrono::steady_clock::now();
    const double cpu_start = CpuMs();
    run();
    cpu.push_back(CpuMs() - cpu_start);
    wall.push_back(
        std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start)
            .count());
  }
  std::sort(wall.begin(), wall.end());
  std::sort(cpu.begin(), cpu.end());
  return {wall[wall.size() / 2], cpu[cpu.size() / 2]};
}

std::string ReadFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary | std::ios::ate);
  std::string text(static_cast<size_t>(in.tellg()), '\0');
  in.seekg(0);
  in.read(text.data(), static_cast<std::streamsize>(text.size()));
  return text;
}

}  // namespace

int main(int argc, char** argv) {
  int tables = 1000;
  int runs = 7;
  std::string write_to;
  for (int i = 1; i + 1 < argc; i += 2) {
    if (std::strcmp(argv[i], "--tables") == 0) tables = std::atoi(argv[i + 1]);
    if (std::strcmp(argv[i], "--runs") == 0) runs = std::max(1, std::atoi(argv[i + 1]));
    if (std::strcmp(argv[i], "--write") == 0) write_to = argv[i + 1];
  }
  const Catalog catalog = MakeCatalog(tables);
  if (!write_to.empty()) {  // --write FILE: keep the generated catalog for a look, don't time
    std::ofstream(write_to, std::ios::binary) << dbopt::catalog::WriteJsonCatalog(catalog);
    return 0;
  }
  char path[] = "/tmp/dbopt_catalog_bench_XXXXXX";
  const int fd = mkstemp(path);
  if (fd < 0) {
    std::perror("mkstemp");
    return 2;
  }
  const std::string json = dbopt::catalog::WriteJsonCatalog(catalog);
  if (write(fd, json.data(), json.size()) != static_cast<ssize_t>(json.size())) {
    std::perror("write");
    return 2;
  }
  close(fd);

  // Both sides read the whole file into memory each run (the same way), parse it and free
  // the result, so both pay for the same I/O and clean-up.
  std::optional<Catalog> last;
  const Timing dbopt = Median(runs, [&] {
    dbopt::SourceText text(path, ReadFile(path));
    auto loaded = dbopt::catalog::LoadJsonCatalog(text);
    if (!loaded.ok()) {
      std::fprintf(stderr, "%s", loaded.error().Render().c_str());
      std::exit(1);
    }
    last = std::move(loaded).value();
  });
  size_t elements = 0;
  const Timing peer = Median(runs, [&] {
    const nlohmann::json dom = nlohmann::json::parse(ReadFile(path));
    elements = dom["tables"].size();
  });
  const bool round_trip = last && *last == catalog;
  std::remove(path);
  if (!round_trip || elements != static_cast<size_t>(tables)) {
    std::fprintf(stderr, "catalog load: the loaded catalog differs from the one written\n");
    return 1;
  }
  fmt::print(
      "catalog load: {} tables, {:.1f} MB, dbopt {:.1f} ms (median of {}; cpu {:.1f} ms), nlohmann "
      "parse "
      "{:.1f} ms (cpu {:.1f} ms), ratio {:.2f}, target < {:.0f} ms{}\n",
      tables, static_cast<double>(json.size()) / 1e6, dbopt.wall_ms, runs, dbopt.cpu_ms,
      peer.wall_ms, peer.cpu_ms, dbopt.wall_ms / peer.wall_ms, kTargetMs,
      tables == 1000 && dbopt.wall_ms >= kTargetMs ? " — OVER TARGET" : "");
  return 0;
}
