// Reading a JSONL trace: dbopt's trace::Reader (read + normalize every event: timestamps,
// durations, sessions, transactions, the reorder window; no simulation) against the peer
// `wc -l` (/usr/bin/wc through popen) on the same file, in the same run.
//
//   trace_read_bench [--events N] [--runs R] [--window-s S] [--keep FILE]
//
// The trace: N events (default 2 million) from 10,000 statement shapes with varying literals,
// 500 sessions, a few transactions, 2,000 events per second of trace time, written to a
// temporary file (or FILE, kept). Prints the best of R runs (default 3) of each, events/s, the
// ratio to wc -l (the replay target, simulation included, is at most 5x) and the peak RSS.
#include <fmt/format.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <string>

#include <sys/resource.h>
#include <unistd.h>

#include "dbopt/trace/reader.h"

namespace {

using Clock = std::chrono::steady_clock;

constexpr int kShapes = 10000;
constexpr int kSessions = 500;
constexpr int64_t kEventsPerSecond = 2000;
constexpr double kTargetRatio = 5.0;  // replay end to end, at most 5x wc -l

struct Options {
  int64_t events = 2000000;
  int runs = 3;
  int64_t window_s = 60;
  std::string keep;
};

// A statement of shape `shape` with literal `value`: 10,000 shapes from a few templates.
std::string Statement(int shape, uint64_t value) {
  switch (shape % 5) {
    case 0:
      return fmt::format("SELECT * FROM t{} WHERE id = {}", shape, value);
    case 1:
      return fmt::format("SELECT a, b FROM t{} WHERE k = '{}' AND v > {}", shape, value % 977,
                         value % 13);
    case 2:
      return fmt::format("UPDATE t{} SET n = n + 1 WHERE id = {}", shape, value);
    case 3:
      return fmt::format("INSERT INTO t{} (a, b, note) VALUES ({}, {}, 'x\\ty')", shape, value,
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
  const int64_t base_us = 1705314645LL * 1000000;
  std::string line;
  for (int64_t i = 0; i < events; ++i) {
    const uint64_t r = next();
    const int64_t ts = base_us + i * (1000000 / kEventsPerSecond) + static_cast<int64_t>(r % 400);
    const int shape = static_cast<int>(next() % kShapes);
    const int session = static_cast<int>(r % kSessions);
    std::string sql = i % 50 == 0 ? "BEGIN" : i % 50 == 3 ? "COMMIT" : Statement(shape, next());
    const int64_t seconds = ts / 1000000 - base_us / 1000000;
    line = fmt::format(
        "{{\"ts\": \"2024-01-15T{:02d}:{:02d}:{:02d}.{:06d}Z\", \"duration_ms\": {}.{:03d}, "
        "\"sql\": \"{}\", \"session\": \"app-{}\", \"user\": \"app\", \"db\": \"shop\"}}\n",
        (10 + (30 * 60 + 45 + seconds) / 3600) % 24, (30 * 60 + 45 + seconds) / 60 % 60,
        (45 + seconds) % 60, ts % 1000000, r % 40, r % 1000, sql, session);
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

// Wall and CPU time of one measurement. The machine may be shared: CPU time is the steadier
// figure, wall time the one a user waits for.
struct Timing {
  double wall = 1e30;
  double cpu = 1e30;
  void Keep(double w, double c) {
    wall = std::min(wall, w);
    cpu = std::min(cpu, c);
  }
};

void TimeWc(const std::string& path, int64_t* lines, Timing* timing) {
  const auto start = Clock::now();
  const double cpu = CpuSeconds(RUSAGE_CHILDREN);
  std::FILE* p = popen(fmt::format("/usr/bin/wc -l < '{}'", path).c_str(), "r");
  if (p == nullptr || std::fscanf(p, "%ld", lines) != 1) {
    fmt::print(stderr, "wc -l failed\n");
    std::exit(3);
  }
  pclose(p);
  timing->Keep(Seconds(start), CpuSeconds(RUSAGE_CHILDREN) - cpu);
}

void TimeReader(const std::string& path, int64_t window_s, int64_t* events, uint64_t* check,
                Timing* timing) {
  const auto start = Clock::now();
  const double cpu = CpuSeconds(RUSAGE_SELF);
  dbopt::trace::ReaderOptions options;
  options.reorder_window_us = window_s * dbopt::trace::kMicrosPerSecond;
  auto reader = dbopt::trace::Reader::Open(path, options);
  if (!reader) {
    fmt::print(stderr, "{}", reader.error().Render());
    std::exit(2);
  }
  dbopt::trace::Event event;
  *events = 0;
  *check = 0;
  while (true) {
    auto more = (*reader)->Next(&event);
    if (!more) {
      fmt::print(stderr, "{}", more.error().Render());
      std::exit(2);
    }
    if (!*more) break;
    ++*events;
    *check += static_cast<uint64_t>(event.duration_us) + event.sql.size() + event.txn_key;
  }
  timing->Keep(Seconds(start), CpuSeconds(RUSAGE_SELF) - cpu);
}

long PeakRssKb() {
  std::ifstream status("/proc/self/status");
  std::string key;
  while (status >> key) {
    long value = 0;
    if (key == "VmHWM:" && status >> value) return value;
  }
  return -1;
}

Options ParseArgs(int argc, char** argv) {
  Options o;
  for (int i = 1; i < argc; ++i) {
    const std::string arg = argv[i];
    const char* value = i + 1 < argc ? argv[i + 1] : nullptr;
    if (value == nullptr) {
      fmt::print(stderr,
                 "usage: trace_read_bench [--events N] [--runs R] [--window-s S] [--keep FILE]\n");
      std::exit(2);
    }
    if (arg == "--events")
      o.events = std::atoll(value);
    else if (arg == "--runs")
      o.runs = std::max(1, std::atoi(value));
    else if (arg == "--window-s")
      o.window_s = std::atoll(value);
    else if (arg == "--keep")
      o.keep = value;
    ++i;
  }
  return o;
}

}  // namespace

int main(int argc, char** argv) {
  const Options o = ParseArgs(argc, argv);
  const std::string path = o.keep.empty() ? (std::filesystem::temp_directory_path() /
                                             fmt::format("dbopt-trace-bench-{}.jsonl", getpid()))
                                                .string()
                                          : o.keep;
  WriteTrace(path, o.events);
  const double mb = static_cast<double>(std::filesystem::file_size(path)) / 1e6;
  fmt::print("trace: {} events, {:.1f} MB, {} shapes, {} sessions\n", o.events, mb, kShapes,
             kSessions);
  Timing wc, windowed, sorted;
  int64_t lines = 0, events = 0;
  uint64_t check = 0;
  for (int run = 0; run < o.runs; ++run) {
    TimeWc(path, &lines, &wc);
    TimeReader(path, o.window_s, &events, &check, &windowed);
    TimeReader(path, 0, &events, &check, &sorted);
  }
  if (events != o.events || lines != o.events) {
    fmt::print(stderr, "read {} events and {} lines, expected {}\n", events, lines, o.events);
    return 3;
  }
  fmt::print(
      "best of {} runs                 wall s    CPU s   M events/s (CPU)  x wc -l (wall, CPU)\n",
      o.runs);
  fmt::print("wc -l                         {:7.3f}  {:7.3f}   {:6.2f}\n", wc.wall, wc.cpu,
             lines / wc.cpu / 1e6);
  const auto row = [&](const char* name, const Timing& t) {
    fmt::print("{:30}{:7.3f}  {:7.3f}   {:6.2f}            {:5.2f}  {:5.2f}\n", name, t.wall, t.cpu,
               events / t.cpu / 1e6, t.wall / wc.wall, t.cpu / wc.cpu);
  };
  row(fmt::format("dbopt reader, window {} s", o.window_s).c_str(), windowed);
  row("dbopt reader, no window", sorted);
  fmt::print("peak RSS {} MB (checksum {})\n", PeakRssKb() / 1024, check);
  fmt::print("target: replay end to end <= {:.0f}x wc -l and >= 1M events/s\n", kTargetRatio);
  if (o.keep.empty()) std::filesystem::remove(path);
  return 0;
}
