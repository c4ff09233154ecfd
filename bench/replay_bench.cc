// `dbopt replay` end to end: sim::ReplayTraces — the function the CLI runs — over a generated
// JSONL trace with the pool simulation (max=10) and shard routing (hash, 8 shards, key=id), against
// the peer `wc -l` (/usr/bin/wc through popen) on the same file, in the same run.
//
//   replay_bench [--events N] [--runs R] [--keep FILE]      (env DBOPT_REPLAY_BENCH_EVENTS=N)
//
// The trace (deterministic): N events (default 10 million) from 10,000 statement shapes with
// varying literals (so nearly every text is distinct: the fingerprint cache must work by shape),
// 500 sessions, a transaction every 50 events, 2,000 events per second of trace time, durations
// 0-4 ms (a load of about 4 connections). Written to a temporary file (or FILE, kept) and deleted
// afterwards. Prints the best of R runs (default 1): events/s, the ratio to wc -l (target at most
// 5x), and the peak RSS from getrusage (target at most 200 MB; the target events/s is 1 million).
#include <fmt/format.h>
#include <sys/resource.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <string>

#include "dbopt/sim/replay.h"

namespace {

using Clock = std::chrono::steady_clock;

constexpr int kShapes = 10000;
constexpr int kSessions = 500;
constexpr int64_t kEventsPerSecond = 2000;
constexpr double kTargetRatio = 5.0;
constexpr double kTargetEventsPerSecond = 1e6;
constexpr double kTargetPeakMb = 200;

struct Options {
  int64_t events = 10000000;
  int runs = 1;
  std::string keep;
};

// A statement of shape `shape` (10,000 shapes from five templates) with literal `value`.
std::string Statement(int shape, uint64_t value) {
  switch (shape % 5) {
    case 0:
      return fmt::format("SELECT * FROM t{} WHERE id = {}", shape, value);
    case 1:
      return fmt::format("SELECT a, b FROM t{} WHERE id IN ({}, {}) AND v > {}", shape, value,
                         value + 1, value % 13);
    case 2:
      return fmt::format("UPDATE t{} SET n = n + 1 WHERE id = {}", shape, value);
    case 3:
      return fmt::format("INSERT INTO t{} (id, b, note) VALUES ({}, {}, 'x\\ty')", shape, value,
                         value * 7);
    default:
      return fmt::format("SELECT count(*) FROM t{} WHERE created_at > '2024-01-{:02d}'", shape,
                         1 + value % 28);
  }
}

void WriteTrace(const std::string& path, int64_t events) {
  std::FILE* out = std::fopen(path.c_str(), "w");
  if (out == nullptr) {
    fmt::print(stderr, "cannot write {}\n", path);
    std::exit(2);
  }
  uint64_t seed = 42;  // fixed: every run writes the same file
  auto next = [&seed] {
    seed = seed * 6364136223846793005ULL + 1442695040888963407ULL;
    return seed >> 33;
  };
  const int64_t base_s = 10 * 3600 + 30 * 60 + 45;  // 10:30:45
  std::string line;
  for (int64_t i = 0; i < events; ++i) {
    const uint64_t r = next();
    const int64_t us = i * (1000000 / kEventsPerSecond) + static_cast<int64_t>(r % 400);
    const int64_t s = base_s + us / 1000000;
    const int shape = static_cast<int>(next() % kShapes);
    const std::string sql = i % 50 == 0   ? "BEGIN"
                            : i % 50 == 3 ? "COMMIT"
                                          : Statement(shape, next() % 100000);
    line = fmt::format(
        "{{\"ts\": \"2024-01-{:02d}T{:02d}:{:02d}:{:02d}.{:06d}Z\", \"duration_ms\": {}.{:03d}, "
        "\"sql\": \"{}\", \"session\": \"app-{}\", \"user\": \"app\", \"db\": \"shop\"}}\n",
        15 + s / 86400, s / 3600 % 24, s / 60 % 60, s % 60, us % 1000000, r % 4, r % 1000, sql,
        r % kSessions);
    std::fwrite(line.data(), 1, line.size(), out);
  }
  std::fclose(out);
}

double Seconds(Clock::time_point start) {
  return std::chrono::duration<double>(Clock::now() - start).count();
}

// CPU seconds (user + system) of this process, or of its waited-for children.
double CpuSeconds(int who) {
  rusage u{};
  getrusage(who, &u);
  return static_cast<double>(u.ru_utime.tv_sec + u.ru_stime.tv_sec) +
         static_cast<double>(u.ru_utime.tv_usec + u.ru_stime.tv_usec) / 1e6;
}

double TimeWc(const std::string& path, int64_t* lines) {
  const auto start = Clock::now();
  std::FILE* p = popen(fmt::format("/usr/bin/wc -l < '{}'", path).c_str(), "r");
  if (p == nullptr || std::fscanf(p, "%ld", lines) != 1) {
    fmt::print(stderr, "wc -l failed\n");
    std::exit(3);
  }
  pclose(p);
  return Seconds(start);
}

// One replay as `dbopt replay TRACE --route strategy=hash,shards=8,key=id --pool max=10`.
double TimeReplay(const std::string& path, dbopt::sim::ReplayReport* report) {
  const auto start = Clock::now();
  auto reader = dbopt::trace::Reader::Open(path, dbopt::trace::ReaderOptions{});
  if (!reader) {
    fmt::print(stderr, "{}", reader.error().Render());
    std::exit(2);
  }
  std::vector<std::unique_ptr<dbopt::trace::Reader>> readers;
  readers.push_back(std::move(*reader));
  dbopt::trace::MergedReader merged(std::move(readers));
  dbopt::sim::ReplayOptions options;
  options.pool.max = 10;
  auto route = dbopt::sim::ParseRouteConfig("strategy=hash,shards=8,key=id");
  auto strategy = dbopt::sim::BuildStrategy(*route, 8, nullptr, nullptr);
  options.route = *route;
  options.strategy = std::move(*strategy);
  auto result = dbopt::sim::ReplayTraces(merged, std::move(options));
  if (!result) {
    fmt::print(stderr, "{}", result.error().Render());
    std::exit(2);
  }
  *report = std::move(*result);
  return Seconds(start);
}

Options ParseArgs(int argc, char** argv) {
  Options o;
  if (const char* env = std::getenv("DBOPT_REPLAY_BENCH_EVENTS")) o.events = std::atoll(env);
  for (int i = 1; i + 1 < argc; i += 2) {
    const std::string arg = argv[i];
    if (arg == "--events") {
      o.events = std::atoll(argv[i + 1]);
    } else if (arg == "--runs") {
      o.runs = std::max(1, std::atoi(argv[i + 1]));
    } else if (arg == "--keep") {
      o.keep = argv[i + 1];
    } else {
      fmt::print(stderr, "usage: replay_bench [--events N] [--runs R] [--keep FILE]\n");
      std::exit(2);
    }
  }
  return o;
}

}  // namespace

int main(int argc, char** argv) {
  const Options o = ParseArgs(argc, argv);
  const std::string path = o.keep.empty() ? (std::filesystem::temp_directory_path() /
                                             fmt::format("dbopt-replay-bench-{}.jsonl", getpid()))
                                                .string()
                                          : o.keep;
  if (o.keep.empty() || !std::filesystem::exists(path)) WriteTrace(path, o.events);
  fmt::print("trace: {} events, {:.1f} MB, {} shapes, {} sessions\n", o.events,
             static_cast<double>(std::filesystem::file_size(path)) / 1e6, kShapes, kSessions);
  double wc = 1e30, replay = 1e30, wc_cpu = 1e30, replay_cpu = 1e30;
  int64_t lines = 0;
  dbopt::sim::ReplayReport report;
  for (int run = 0; run < o.runs; ++run) {
    const double children = CpuSeconds(RUSAGE_CHILDREN);
    wc = std::min(wc, TimeWc(path, &lines));
    wc_cpu = std::min(wc_cpu, CpuSeconds(RUSAGE_CHILDREN) - children);
    const double self = CpuSeconds(RUSAGE_SELF);
    replay = std::min(replay, TimeReplay(path, &report));
    replay_cpu = std::min(replay_cpu, CpuSeconds(RUSAGE_SELF) - self);
  }
  if (o.keep.empty()) std::filesystem::remove(path);
  rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  const double peak_mb = static_cast<double>(usage.ru_maxrss) / 1024.0;  // ru_maxrss is in KB
  const double rate = static_cast<double>(report.events) / replay;
  fmt::print("wc -l:  {:.3f} s wall, {:.3f} s CPU ({} lines)\n", wc, wc_cpu, lines);
  fmt::print(
      "replay: {:.3f} s, {} events, {:.2f} M events/s (target >= {:.1f} M), {} shapes "
      "parsed, {} fingerprints\n",
      replay, report.events, rate / 1e6, kTargetEventsPerSecond / 1e6, report.cache.parses,
      report.statements.size());
  fmt::print("        pool p99 wait {:.3f} ms, utilization {:.1f}%; routing scatter {:.1f}%\n",
             report.pool.wait_ms.p99, 100 * report.pool.utilization,
             report.routing ? 100 * report.routing->metrics.scatter_fraction : 0.0);
  fmt::print("ratio to wc -l: {:.2f}x wall, {:.2f}x CPU (target <= {:.0f}x)\n", replay / wc,
             replay_cpu / wc_cpu, kTargetRatio);
  fmt::print("peak RSS: {:.1f} MB (target <= {:.0f} MB)\n", peak_mb, kTargetPeakMb);
  return 0;
}
