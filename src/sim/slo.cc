#include "dbopt/sim/slo.h"

#include <string>
#include <string_view>
#include <vector>

#include "dbopt/base/did_you_mean.h"
#include "dbopt/sim/units.h"

namespace dbopt::sim {
namespace {

const std::vector<std::string>& MetricNames() {
  static const std::vector<std::string> kNames = {
      "p50_wait", "p95_wait", "p99_wait", "max_wait", "mean_wait", "timeouts", "waited_fraction"};
  return kNames;
}

std::string Quoted(std::string_view s) { return "\"" + std::string(s) + "\""; }

// "5%" → 0.05, "0.05" → 0.05 (at most 1).
Result<double> ParseFraction(std::string_view value, std::string_view condition) {
  const bool percent = !value.empty() && value.back() == '%';
  Result<double> number = ParseNumber(percent ? value.substr(0, value.size() - 1) : value);
  const double fraction = number ? (percent ? *number / 100 : *number) : 2.0;
  if (fraction > 1) {
    return Error::BadInput("invalid SLO " + Quoted(condition) +
                           ": waited_fraction takes a percentage or a fraction, like 5% or 0.05");
  }
  return fraction;
}

Status ParseValue(std::string_view value, std::string_view condition, SloCondition& out) {
  if (out.metric == SloMetric::kWaitedFraction) {
    Result<double> fraction = ParseFraction(value, condition);
    if (!fraction) return std::move(fraction).error();
    out.threshold = *fraction;
    out.fraction = true;
    return Ok{};
  }
  if (out.metric == SloMetric::kTimeouts) {
    out.fraction = !value.empty() && value.back() == '%';
    Result<double> number = ParseNumber(out.fraction ? value.substr(0, value.size() - 1) : value);
    if (!number) {
      return Error::BadInput("invalid SLO " + Quoted(condition) +
                             ": timeouts takes a count or a percentage, like 0 or 0.1%");
    }
    out.threshold = out.fraction ? *number / 100 : *number;
    return Ok{};
  }
  Result<double> ms = ParseDurationMs(value, /*bare_is_ms=*/false);
  if (!ms) {
    Error error = std::move(ms).error();
    error.diagnostic.message = "invalid SLO " + Quoted(condition) + ": " + error.message();
    return error;
  }
  out.threshold = *ms;
  return Ok{};
}

Result<SloCondition> ParseCondition(std::string_view text) {
  const size_t op = text.find('<');
  if (op == std::string_view::npos || op == 0) {
    return Error::BadInput("invalid SLO " + Quoted(text) +
                           ": expected <metric><op><value> with op < or <=, like p99_wait<50ms");
  }
  SloCondition out;
  const std::string_view name = text.substr(0, op);
  const auto& names = MetricNames();
  size_t index = 0;
  while (index < names.size() && names[index] != name) ++index;
  if (index == names.size()) {
    return UnknownNameError("SLO metric", name, names);
  }
  out.metric = static_cast<SloMetric>(index);
  out.inclusive = op + 1 < text.size() && text[op + 1] == '=';
  const std::string_view value = text.substr(op + (out.inclusive ? 2 : 1));
  if (value.empty()) {
    return Error::BadInput("invalid SLO " + Quoted(text) + ": missing value after the operator");
  }
  Status parsed = ParseValue(value, text, out);
  if (!parsed) return std::move(parsed).error();
  return out;
}

}  // namespace

Result<Slo> ParseSlo(std::string_view text) {
  if (text.empty()) return Error::BadInput("empty SLO: expected e.g. \"p99_wait<50ms\"");
  Slo slo;
  slo.text = std::string(text);
  size_t start = 0;
  while (start <= text.size()) {
    size_t comma = text.find(',', start);
    if (comma == std::string_view::npos) comma = text.size();
    std::string_view piece = text.substr(start, comma - start);
    while (!piece.empty() && piece.front() == ' ') piece.remove_prefix(1);
    while (!piece.empty() && piece.back() == ' ') piece.remove_suffix(1);
    Result<SloCondition> condition = ParseCondition(piece);
    if (!condition) return std::move(condition).error();
    slo.conditions.push_back(*condition);
    start = comma + 1;
  }
  return slo;
}

double SloValue(const SloCondition& c, const PoolMetrics& m) {
  switch (c.metric) {
    case SloMetric::kP50Wait:
      return m.wait_ms.p50;
    case SloMetric::kP95Wait:
      return m.wait_ms.p95;
    case SloMetric::kP99Wait:
      return m.wait_ms.p99;
    case SloMetric::kMaxWait:
      return m.wait_ms.max;
    case SloMetric::kMeanWait:
      return m.wait_ms.mean;
    case SloMetric::kTimeouts:
      return c.fraction ? m.timeout_fraction : static_cast<double>(m.timeouts);
    case SloMetric::kWaitedFraction:
      return m.waited_fraction;
  }
  return 0;
}

bool MeetsSlo(const Slo& slo, const PoolMetrics& m) {
  for (const SloCondition& c : slo.conditions) {
    const double v = SloValue(c, m);
    if (c.inclusive ? !(v <= c.threshold) : !(v < c.threshold)) return false;
  }
  return true;
}

}  // namespace dbopt::sim
