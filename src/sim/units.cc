#include "dbopt/sim/units.h"

#include <charconv>
#include <cmath>
#include <string>
#include <string_view>
#include <vector>

#include "dbopt/base/did_you_mean.h"

namespace dbopt::sim {
namespace {

struct Unit {
  const char* name;
  double ms;
};
constexpr Unit kTimeUnits[] = {{"us", 0.001},  {"ms", 1.0},      {"s", 1000.0},
                               {"m", 60000.0}, {"min", 60000.0}, {"h", 3600000.0}};

std::string Quoted(std::string_view s) { return "\"" + std::string(s) + "\""; }

// The leading number of `text` and the rest after it; false when there is no number.
bool SplitNumber(std::string_view text, double& number, std::string_view& rest) {
  const char* end = text.data() + text.size();
  const auto [ptr, ec] = std::from_chars(text.data(), end, number);
  if (ec != std::errc() || !std::isfinite(number)) return false;
  rest = text.substr(static_cast<size_t>(ptr - text.data()));
  return true;
}

Result<double> UnitMs(std::string_view unit, std::string_view whole, std::string_view what) {
  std::vector<std::string> names;
  for (const Unit& u : kTimeUnits) {
    if (unit == u.name) return u.ms;
    names.push_back(u.name);
  }
  Error error = Error::BadInput("invalid " + std::string(what) + " " + Quoted(whole) +
                                ": unknown unit " + Quoted(unit) + " (expected us, ms, s, m or h)");
  if (auto suggestion = DidYouMean(unit, names)) {
    error.diagnostic.hint = "did you mean " + Quoted(*suggestion) + "?";
  }
  return error;
}

}  // namespace

Result<double> ParseNumber(std::string_view text) {
  double number = 0;
  std::string_view rest;
  if (!SplitNumber(text, number, rest) || !rest.empty()) {
    return Error::BadInput("invalid number " + Quoted(text));
  }
  if (number < 0)
    return Error::BadInput("invalid number " + Quoted(text) + ": must not be negative");
  return number;
}

Result<double> ParseDurationMs(std::string_view text, bool bare_is_ms) {
  double number = 0;
  std::string_view unit;
  if (!SplitNumber(text, number, unit)) {
    return Error::BadInput("invalid duration " + Quoted(text) +
                           ": expected a number and a unit, like 50ms");
  }
  if (number < 0) {
    return Error::BadInput("invalid duration " + Quoted(text) + ": must not be negative");
  }
  if (unit.empty()) {
    if (bare_is_ms) return number;
    return Error::BadInput("invalid duration " + Quoted(text) +
                           ": missing unit (expected us, ms, s, m or h)");
  }
  Result<double> per_unit = UnitMs(unit, text, "duration");
  if (!per_unit) return std::move(per_unit).error();
  return number * *per_unit;
}

Result<double> ParseRatePerMs(std::string_view text) {
  const size_t slash = text.find('/');
  double number = 0;
  std::string_view rest;
  if (slash == std::string_view::npos || !SplitNumber(text.substr(0, slash), number, rest) ||
      !rest.empty()) {
    return Error::BadInput("invalid rate " + Quoted(text) +
                           ": expected <number>/<unit>, like 80/s");
  }
  if (number <= 0) return Error::BadInput("invalid rate " + Quoted(text) + ": must be positive");
  Result<double> per_unit = UnitMs(text.substr(slash + 1), text, "rate");
  if (!per_unit) return std::move(per_unit).error();
  return number / *per_unit;
}

}  // namespace dbopt::sim
