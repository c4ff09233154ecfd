// explain_agreement: how closely `dbopt explain` agrees with PostgreSQL 15's EXPLAIN on the
// acceptance corpus (issue 3): planned %, identical plan shapes, join order + access methods,
// total-cost ratios, row-estimate q-errors and planning time, per query and per settings run.
//
//   explain_agreement --run LABEL=MANIFEST... [thresholds] [--process-times FILE] [--report-only]
//   explain_agreement --self-test [doctest options]
//   explain_agreement                  (as `scripts/bench explain_agreement` runs it)
//
// Thresholds (a number, or "none" to disable; defaults are the targets):
//   --min-planned 100  --min-shape 90  --min-join-order none  --min-cost-within 90
//   --max-median-qerror 1.05  --max-planning-ratio 1.0  --max-process-ms 20
// Exit code: 0 every figure meets its threshold (always with --report-only); 1 a figure
// misses one; 2 bad usage or unreadable input. The manifest format is in
// explain_agreement/manifest.h, what is compared in explain_agreement/compare.h and
// plan_shape.h; the harness that makes the manifests is tests/acceptance/explain/run.sh.
//
// Without arguments it runs that harness on its own build directory with --report-only, so
// the report is measured against the targets (it needs PostgreSQL 15 installed).
#define DOCTEST_CONFIG_IMPLEMENT
#include <doctest/doctest.h>
#include <unistd.h>

#include <cstdio>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "explain_agreement/compare.h"
#include "explain_agreement/manifest.h"
#include "explain_agreement/process_timing.h"
#include "explain_agreement/report.h"
#include "explain_agreement/self_test.h"

namespace {

using dbopt::Error;
using dbopt::Result;
using dbopt::bench::Thresholds;

struct Options {
  std::vector<std::pair<std::string, std::string>> runs;  // label, manifest path
  Thresholds thresholds;
  std::string process_times;
  bool report_only = false;
};

Result<std::optional<double>> ParseThreshold(const std::string& flag, const std::string& text) {
  if (text == "none") return std::optional<double>();
  size_t used = 0;
  double value = 0;
  try {
    value = std::stod(text, &used);
  } catch (const std::exception&) {
    used = 0;
  }
  if (used == 0 || used != text.size()) {
    return Error::Usage(fmt::format("{} expects a number or 'none', not '{}'", flag, text));
  }
  return std::optional<double>(value);
}

Result<Options> ParseArgs(int argc, char** argv) {
  Options o;
  std::map<std::string, std::optional<double>*> limits = {
      {"--min-planned", &o.thresholds.min_planned},
      {"--min-shape", &o.thresholds.min_shape},
      {"--min-join-order", &o.thresholds.min_join_order},
      {"--min-cost-within", &o.thresholds.min_cost_within},
      {"--max-median-qerror", &o.thresholds.max_median_qerror},
      {"--max-planning-ratio", &o.thresholds.max_planning_ratio},
      {"--max-process-ms", &o.thresholds.max_process_ms}};
  for (int i = 1; i < argc; ++i) {
    const std::string arg = argv[i];
    if (arg == "--report-only") {
      o.report_only = true;
      continue;
    }
    if (i + 1 >= argc) return Error::Usage(fmt::format("{} needs a value (or is unknown)", arg));
    const std::string value = argv[++i];
    if (arg == "--run") {
      const size_t eq = value.find('=');
      if (eq == std::string::npos || eq == 0 || eq + 1 == value.size()) {
        return Error::Usage(fmt::format("--run expects LABEL=MANIFEST, not '{}'", value));
      }
      o.runs.emplace_back(value.substr(0, eq), value.substr(eq + 1));
    } else if (arg == "--process-times") {
      o.process_times = value;
    } else if (auto it = limits.find(arg); it != limits.end()) {
      Result<std::optional<double>> limit = ParseThreshold(arg, value);
      if (!limit.ok()) return limit.error();
      *it->second = *limit;
    } else {
      return Error::Usage(fmt::format("unknown option '{}'", arg));
    }
  }
  if (o.runs.empty()) return Error::Usage("nothing to compare: give --run LABEL=MANIFEST");
  return o;
}

// Prints every run's table, then the summary lines and the verdicts; returns the exit code.
int Report(const Options& o) {
  std::vector<std::string> summaries;
  std::vector<std::string> failures;
  for (const auto& [label, manifest] : o.runs) {
    Result<std::vector<dbopt::bench::QueryComparison>> queries =
        dbopt::bench::CompareManifest(manifest);
    if (!queries.ok()) {
      std::fprintf(stderr, "explain_agreement: %s\n", queries.error().message().c_str());
      return 2;
    }
    fmt::print("== {} ({} queries, worst first)\n", label, queries->size());
    dbopt::bench::PrintTable(stdout, *queries);
    const dbopt::bench::RunSummary s = dbopt::bench::Summarize(label, *queries);
    summaries.push_back(dbopt::bench::SummaryLine(s));
    for (const std::string& v : dbopt::bench::Violations(s, o.thresholds)) {
      failures.push_back(fmt::format("[{}] {}", label, v));
    }
  }
  fmt::print("\n");
  for (const std::string& line : summaries) fmt::print("{}\n", line);
  if (!o.process_times.empty()) {
    Result<std::string> text = dbopt::bench::ReadWholeFile(o.process_times);
    Result<dbopt::bench::ProcessTiming> t =
        text.ok() ? dbopt::bench::ParseProcessTimes(*text, o.process_times)
                  : Result<dbopt::bench::ProcessTiming>(text.error());
    if (!t.ok()) {
      std::fprintf(stderr, "explain_agreement: %s\n", t.error().message().c_str());
      return 2;
    }
    fmt::print("{}\n", dbopt::bench::ProcessLine(*t, o.thresholds.max_process_ms));
    if (auto v = dbopt::bench::ProcessViolation(*t, o.thresholds.max_process_ms)) {
      failures.push_back(*v);
    }
  }
  for (const std::string& f : failures) fmt::print("explain-agreement: BELOW THRESHOLD: {}\n", f);
  if (failures.empty()) fmt::print("explain-agreement: every figure meets its threshold\n");
  if (o.report_only && !failures.empty()) {
    fmt::print("explain-agreement: report only, thresholds not enforced\n");
  }
  return failures.empty() || o.report_only ? 0 : 1;
}

// `scripts/bench explain_agreement`: the harness on this executable's build directory.
int RunHarness() {
  const std::string source = __FILE__;
  const std::string root = source.substr(0, source.rfind("/bench/"));
  char exe[4096];
  const ssize_t n = readlink("/proc/self/exe", exe, sizeof(exe) - 1);
  if (n <= 0) {
    std::perror("explain_agreement: /proc/self/exe");
    return 2;
  }
  exe[n] = '\0';
  std::string build(exe);
  build = build.substr(0, build.find_last_of('/'));
  const std::string script = root + "/tests/acceptance/explain/run.sh";
  std::fflush(stdout);
  execl("/bin/bash", "bash", script.c_str(), build.c_str(), "--report-only",
        static_cast<char*>(nullptr));
  std::perror(("explain_agreement: cannot run " + script).c_str());
  return 2;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc == 1) return RunHarness();
  if (std::string(argv[1]) == "--self-test") {
    doctest::Context context(argc - 1, argv + 1);
    return context.run();
  }
  Result<Options> options = ParseArgs(argc, argv);
  if (!options.ok()) {
    std::fprintf(stderr, "explain_agreement: %s\n", options.error().message().c_str());
    return 2;
  }
  return Report(*options);
}
