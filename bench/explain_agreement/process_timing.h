// The wall-clock times of whole `dbopt explain` processes, measured by the driver script
// (tests/acceptance/explain/run.sh) on the sample catalog: one time in milliseconds per line,
// or a single line "error: WHY" when dbopt explain failed.
#pragma once

#include <optional>
#include <sstream>
#include <string>
#include <vector>

#include "manifest.h"
#include "report.h"

namespace dbopt::bench {

struct ProcessTiming {
  std::vector<double> ms;
  std::string error;  // non-empty: dbopt explain failed, nothing was timed
};

inline Result<ProcessTiming> ParseProcessTimes(const std::string& text, const std::string& path) {
  ProcessTiming t;
  std::istringstream lines(text);
  std::string line;
  for (int number = 1; std::getline(lines, line); ++number) {
    if (line.empty()) continue;
    if (line.rfind("error: ", 0) == 0) {
      t.error = line.substr(7);
      continue;
    }
    size_t used = 0;
    double value = 0;
    try {
      value = std::stod(line, &used);
    } catch (const std::exception&) {
      used = 0;
    }
    if (used != line.size() || !(value >= 0)) {
      return Error::BadInput(
          fmt::format("{}:{}: expected milliseconds or 'error: ...'", path, number));
    }
    t.ms.push_back(value);
  }
  if (t.ms.empty() && t.error.empty()) return Error::BadInput(fmt::format("{}: no times", path));
  return t;
}

// "explain-process: median 12.3 ms of 20 runs (min 11.0, max 15.2; target < 20 ms)".
inline std::string ProcessLine(const ProcessTiming& t, std::optional<double> limit) {
  const std::string target = limit ? fmt::format("; target < {:g} ms", *limit) : "";
  if (!t.error.empty()) {
    return fmt::format("explain-process: not measured: dbopt explain failed: {}{}", t.error,
                       limit ? fmt::format(" (target < {:g} ms)", *limit) : "");
  }
  const auto [lo, hi] = std::minmax_element(t.ms.begin(), t.ms.end());
  return fmt::format("explain-process: median {:.1f} ms of {} runs (min {:.1f}, max {:.1f}{})",
                     *Median(t.ms), t.ms.size(), *lo, *hi, target);
}

inline std::optional<std::string> ProcessViolation(const ProcessTiming& t,
                                                   std::optional<double> limit) {
  if (!limit) return std::nullopt;
  if (!t.error.empty()) return fmt::format("explain process not measured (limit {:g} ms)", *limit);
  const double median = *Median(t.ms);
  if (median < *limit) return std::nullopt;
  return fmt::format("explain process median {:.1f} ms >= {:g} ms", median, *limit);
}

}  // namespace dbopt::bench
