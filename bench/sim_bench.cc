// sim_bench: 10 million synthetic requests (Poisson, exp holds, A = 16 E) through a pool of 20,
// and their keys routed through jump, ring and hash (Citus) with 8 shards. Peer measured in the
// same run: generating the same request stream alone; ratio = sim time / generation time.
//   ./sim_bench [requests]
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <string>

#include "dbopt/sim/pool.h"
#include "dbopt/sim/router.h"
#include "dbopt/sim/strategy.h"
#include "dbopt/sim/synthetic.h"

namespace {

using Clock = std::chrono::steady_clock;
using dbopt::sim::ArrivalGenerator;
using dbopt::sim::Key;
using dbopt::sim::Request;

double Seconds(Clock::time_point since) {
  return std::chrono::duration<double>(Clock::now() - since).count();
}

std::string PeakRss() {
  std::ifstream status("/proc/self/status");
  std::string line;
  while (std::getline(status, line)) {
    if (line.rfind("VmHWM:", 0) == 0) return line.substr(6);
  }
  return " ?";
}

// Keys: 1M distinct customers with a mildly skewed pick (a derived integer of the hold bits).
Key KeyOf(const Request& r) { return Key::Int(static_cast<int64_t>(r.hold_ms * 7919.0) % 1000000); }

}  // namespace

int main(int argc, char** argv) {
  const uint64_t n = argc > 1 ? std::strtoull(argv[1], nullptr, 10) : 10000000;
  dbopt::sim::SyntheticSpec spec;
  spec.rate_per_ms = 0.16;  // 160/s × 100 ms = 16 E on 20 connections
  spec.hold.mean_ms = 100;

  Clock::time_point t0 = Clock::now();
  ArrivalGenerator peer(spec, 1);
  double checksum = 0;
  for (uint64_t i = 0; i < n; ++i) checksum += peer.Next().hold_ms;
  const double generate = Seconds(t0);

  dbopt::sim::PoolSettings settings;
  settings.max = 20;
  settings.min_idle = 20;
  settings.acquire_timeout_ms = 1000;
  auto pool = dbopt::sim::Pool::Create(settings, 1);
  ArrivalGenerator arrivals(spec, 1);
  t0 = Clock::now();
  for (uint64_t i = 0; i < n; ++i) {
    if (!pool->Submit(arrivals.Next()).ok()) return 3;
  }
  const dbopt::sim::PoolMetrics m = pool->Finish();
  const double pool_s = Seconds(t0);
  std::printf("generate only      %8.3f s  %6.2f M req/s  (peer)\n", generate, n / generate / 1e6);
  std::printf(
      "pool (c=20)        %8.3f s  %6.2f M req/s  ratio %.2f  [events = arrival + release: %.2f "
      "M/s]"
      "  p99 wait %.2f ms, waited %.4f\n",
      pool_s, n / pool_s / 1e6, pool_s / generate, 2 * n / pool_s / 1e6, m.wait_ms.p99,
      m.waited_fraction);

  const char* specs[] = {"strategy=jump,shards=8", "strategy=ring,shards=8",
                         "strategy=hash,shards=8"};
  for (const char* route : specs) {
    auto router = dbopt::sim::Router(std::move(dbopt::sim::ParseRouteSpec(route)).value());
    ArrivalGenerator keys(spec, 1);
    t0 = Clock::now();
    for (uint64_t i = 0; i < n; ++i) {
      const Request r = keys.Next();
      router.RouteKey(KeyOf(r), r.hold_ms);
    }
    const dbopt::sim::RoutingMetrics rm = router.Metrics();
    const double route_s = Seconds(t0);
    std::printf("route %-26s %8.3f s  %6.2f M req/s  ratio %.2f  skew %.4f\n", route, route_s,
                n / route_s / 1e6, route_s / generate, rm.query_skew.max_over_mean);
  }
  std::printf("peak RSS (VmHWM) %s   checksum %.0f\n", PeakRss().c_str(), checksum);
  return 0;
}
