#include "dbopt/sim/pool_sweep.h"

#include <algorithm>
#include <charconv>
#include <string>
#include <utility>
#include <vector>

namespace dbopt::sim {

Result<SizeRange> ParseSizeRange(std::string_view text) {
  const std::string original(text);
  if (text.substr(0, 4) == "max=") text.remove_prefix(4);
  const size_t dots = text.find("..");
  SizeRange range;
  auto parse = [](std::string_view s, int& out) {
    const auto [ptr, ec] = std::from_chars(s.data(), s.data() + s.size(), out);
    return ec == std::errc() && ptr == s.data() + s.size() && !s.empty();
  };
  if (dots == std::string_view::npos || !parse(text.substr(0, dots), range.lo) ||
      !parse(text.substr(dots + 2), range.hi)) {
    return Error::BadInput("invalid pool size range \"" + original +
                           "\": expected lo..hi, like 4..64");
  }
  if (range.lo < 1 || range.hi < range.lo) {
    return Error::BadInput("invalid pool size range \"" + original + "\": need 1 <= lo <= hi");
  }
  return range;
}

PoolSettings SettingsForSize(const PoolSettings& base, int size) {
  PoolSettings s = base;
  const bool fixed_size = base.max != kUnlimited && base.min_idle >= base.max;
  s.max = size;
  s.min_idle = fixed_size ? size : std::min(base.min_idle, size);
  if (s.max_idle != kUnlimited) s.min_idle = std::min(s.min_idle, s.max_idle);
  return s;
}

PoolSweep::PoolSweep(std::vector<Pool> pools, SizeRange sizes, std::optional<Slo> slo)
    : pools_(std::move(pools)), sizes_(sizes), slo_(std::move(slo)) {}

// Every size gets the same seed, so a random waiter order differs only through the pool size.
Result<PoolSweep> PoolSweep::Create(const PoolSettings& base, SizeRange sizes, uint64_t seed,
                                    std::optional<Slo> slo) {
  std::vector<Pool> pools;
  for (int size = sizes.lo; size <= sizes.hi; ++size) {
    Result<Pool> pool = Pool::Create(SettingsForSize(base, size), seed);
    if (!pool) return std::move(pool).error();
    pools.push_back(std::move(pool).value());
  }
  return PoolSweep(std::move(pools), sizes, std::move(slo));
}

Status PoolSweep::Submit(const Request& request) {
  for (Pool& pool : pools_) {
    Status s = pool.Submit(request);
    if (!s) return s;
  }
  return Ok{};
}

SweepResult PoolSweep::Finish() {
  SweepResult result;
  for (size_t i = 0; i < pools_.size(); ++i) {
    SweepRow row;
    row.size = sizes_.lo + static_cast<int>(i);
    row.metrics = pools_[i].Finish();
    row.meets_slo = slo_ && MeetsSlo(*slo_, row.metrics);
    if (row.meets_slo && !result.smallest_meeting) result.smallest_meeting = row.size;
    result.rows.push_back(std::move(row));
  }
  return result;
}

Result<SweepResult> SweepPoolSizes(const std::vector<Request>& requests, const PoolSettings& base,
                                   SizeRange sizes, uint64_t seed, std::optional<Slo> slo) {
  Result<PoolSweep> sweep = PoolSweep::Create(base, sizes, seed, std::move(slo));
  if (!sweep) return std::move(sweep).error();
  for (const Request& r : requests) {
    Status s = sweep->Submit(r);
    if (!s) return std::move(s).error();
  }
  return sweep->Finish();
}

}  // namespace dbopt::sim
