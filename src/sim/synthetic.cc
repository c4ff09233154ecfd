#include "dbopt/sim/synthetic.h"

#include <charconv>
#include <cmath>
#include <string>
#include <string_view>
#include <vector>

#include "dbopt/base/did_you_mean.h"
#include "dbopt/sim/units.h"

namespace dbopt::sim {
namespace {

constexpr const char* kExample = "poisson:rate=80/s,hold=exp:100ms";

std::string Quoted(std::string_view s) { return "\"" + std::string(s) + "\""; }

Error Unknown(std::string_view what, std::string_view name, const std::vector<std::string>& names) {
  return UnknownNameError(what, name, names);
}

// "exp:100ms", "const:100ms", "lognormal:100ms" or "lognormal:100ms,0.8".
Result<HoldDistribution> ParseHold(std::string_view text) {
  const size_t colon = text.find(':');
  const std::string_view kind = text.substr(0, colon);
  HoldDistribution hold;
  if (kind == "exp") {
    hold.kind = HoldKind::kExp;
  } else if (kind == "const") {
    hold.kind = HoldKind::kConst;
  } else if (kind == "lognormal") {
    hold.kind = HoldKind::kLognormal;
  } else {
    return Unknown("hold distribution", kind, {"exp", "const", "lognormal"});
  }
  if (colon == std::string_view::npos) {
    return Error::BadInput("invalid hold " + Quoted(text) + ": expected " + std::string(kind) +
                           ":<mean>, like " + std::string(kind) + ":100ms");
  }
  std::string_view rest = text.substr(colon + 1);
  const size_t comma = rest.find(',');
  if (comma != std::string_view::npos) {
    if (hold.kind != HoldKind::kLognormal) {
      return Error::BadInput("invalid hold " + Quoted(text) + ": only lognormal takes a sigma");
    }
    Result<double> sigma = ParseNumber(rest.substr(comma + 1));
    if (!sigma) return Error::BadInput("invalid lognormal sigma " + Quoted(rest.substr(comma + 1)));
    hold.sigma = *sigma;
    rest = rest.substr(0, comma);
  }
  Result<double> mean = ParseDurationMs(rest, /*bare_is_ms=*/false);
  if (!mean) return std::move(mean).error();
  if (*mean <= 0)
    return Error::BadInput("invalid hold " + Quoted(text) + ": mean must be positive");
  hold.mean_ms = *mean;
  return hold;
}

// "rate=80/s,hold=lognormal:100ms,0.5" → [("rate","80/s"), ("hold","lognormal:100ms,0.5")]:
// a piece without '=' continues the previous value.
Result<std::vector<std::pair<std::string, std::string>>> SplitParameters(std::string_view text) {
  std::vector<std::pair<std::string, std::string>> out;
  size_t start = 0;
  while (start <= text.size()) {
    size_t comma = text.find(',', start);
    if (comma == std::string_view::npos) comma = text.size();
    const std::string_view piece = text.substr(start, comma - start);
    const size_t eq = piece.find('=');
    if (eq != std::string_view::npos) {
      out.emplace_back(std::string(piece.substr(0, eq)), std::string(piece.substr(eq + 1)));
    } else if (!out.empty() && !piece.empty()) {
      out.back().second += "," + std::string(piece);
    } else {
      return Error::BadInput("invalid synthetic parameter " + Quoted(piece) +
                             ": expected key=value, like " + kExample);
    }
    start = comma + 1;
  }
  return out;
}

}  // namespace

Result<SyntheticSpec> ParseSyntheticSpec(std::string_view spec) {
  if (spec.empty())
    return Error::BadInput(std::string("empty synthetic workload: expected e.g. \"") + kExample +
                           "\"");
  const size_t colon = spec.find(':');
  const std::string_view process = spec.substr(0, colon);
  if (process != "poisson") return Unknown("arrival process", process, {"poisson"});
  if (colon == std::string_view::npos) {
    return Error::BadInput("invalid synthetic workload " + Quoted(spec) + ": expected e.g. \"" +
                           kExample + "\"");
  }
  auto params = SplitParameters(spec.substr(colon + 1));
  if (!params) return std::move(params).error();
  SyntheticSpec out;
  bool has_rate = false;
  bool has_hold = false;
  for (const auto& [key, value] : *params) {
    if (key == "rate") {
      Result<double> rate = ParseRatePerMs(value);
      if (!rate) return std::move(rate).error();
      out.rate_per_ms = *rate;
      has_rate = true;
    } else if (key == "hold") {
      Result<HoldDistribution> hold = ParseHold(value);
      if (!hold) return std::move(hold).error();
      out.hold = *hold;
      has_hold = true;
    } else {
      return Unknown("synthetic parameter", key, {"rate", "hold"});
    }
  }
  if (!has_rate)
    return Error::BadInput("synthetic workload: missing rate=<number>/<unit>, like rate=80/s");
  if (!has_hold)
    return Error::BadInput(
        "synthetic workload: missing hold=<distribution>:<mean>, like hold=exp:100ms");
  return out;
}

std::string FormatSyntheticSpec(const SyntheticSpec& spec) {
  const char* kinds[] = {"const", "exp", "lognormal"};
  std::string out = "poisson:rate=" + std::to_string(spec.rate_per_ms * 1000) +
                    "/s,hold=" + kinds[static_cast<int>(spec.hold.kind)] + ":" +
                    std::to_string(spec.hold.mean_ms) + "ms";
  if (spec.hold.kind == HoldKind::kLognormal) out += "," + std::to_string(spec.hold.sigma);
  return out;
}

// Lognormal with mean m: ln X ~ N(μ, σ²) with μ = ln m - σ²/2, so E[X] = e^{μ+σ²/2} = m.
double ArrivalGenerator::Hold() {
  switch (spec_.hold.kind) {
    case HoldKind::kConst:
      return spec_.hold.mean_ms;
    case HoldKind::kExp:
      return rng_.Exponential(spec_.hold.mean_ms);
    case HoldKind::kLognormal: {
      const double sigma = spec_.hold.sigma;
      const double mu = std::log(spec_.hold.mean_ms) - sigma * sigma / 2;
      return std::exp(mu + sigma * rng_.StandardNormal());
    }
  }
  return spec_.hold.mean_ms;
}

// Poisson process: exponential gaps with mean 1/λ.
Request ArrivalGenerator::Next() {
  clock_ms_ += rng_.Exponential(1.0 / spec_.rate_per_ms);
  Request r;
  r.arrival_ms = clock_ms_;
  r.hold_ms = Hold();
  return r;
}

std::vector<Request> GenerateRequests(const SyntheticSpec& spec, uint64_t seed, uint64_t count,
                                      double duration_ms) {
  ArrivalGenerator generator(spec, seed);
  std::vector<Request> out;
  if (count > 0) out.reserve(count);
  while (count == 0 || out.size() < count) {
    Request r = generator.Next();
    if (count == 0 && r.arrival_ms >= duration_ms) break;
    out.push_back(r);
  }
  return out;
}

}  // namespace dbopt::sim
