#include <doctest/doctest.h>

#include <memory>
#include <string>
#include <vector>

#include "dbopt/sim/replay.h"

namespace dbopt::sim {
namespace {

std::unique_ptr<trace::MergedReader> Reader(const std::vector<std::string>& texts) {
  std::vector<std::unique_ptr<trace::Reader>> readers;
  for (size_t i = 0; i < texts.size(); ++i) {
    trace::ReaderOptions options;
    options.format = trace::TraceFormat::kJsonl;
    auto lines = trace::LineSource::FromString("t" + std::to_string(i) + ".jsonl", texts[i]);
    Result<std::unique_ptr<trace::Reader>> r = trace::Reader::FromLines(std::move(lines), options);
    REQUIRE(r.ok());
    readers.push_back(std::move(*r));
  }
  return std::make_unique<trace::MergedReader>(std::move(readers));
}

std::string Line(double ts, double ms, const std::string& sql, const std::string& extra = "") {
  return "{\"ts\": " + std::to_string(ts) + ", \"duration_ms\": " + std::to_string(ms) +
         ", \"sql\": \"" + sql + "\"" + extra + "}\n";
}

}  // namespace

TEST_SUITE("sim replay") {
  TEST_CASE("two overlapping statements on one connection: the second waits") {
    auto reader = Reader({Line(100.000, 10, "SELECT * FROM t WHERE id = 1") +
                          Line(100.004, 10, "SELECT * FROM t WHERE id = 2")});
    ReplayOptions options;
    options.pool.max = 1;
    Result<ReplayReport> r = ReplayTraces(*reader, std::move(options));
    REQUIRE(r.ok());
    CHECK(r->events == 2);
    CHECK(r->pool.requests == 2);
    CHECK(r->pool.waited == 1);
    CHECK(r->pool.wait_ms.max == doctest::Approx(6.0));
    REQUIRE(r->statements.size() == 1);
    CHECK(r->statements[0].calls == 2);
    CHECK(r->cache.parses == 1);
  }
  TEST_CASE("traces merge by start time; time scale compresses arrivals") {
    auto reader = Reader({Line(100.000, 10, "SELECT 1") + Line(100.040, 10, "SELECT 1"),
                          Line(100.020, 10, "SELECT 2")});
    ReplayOptions options;
    options.pool.max = 1;
    options.time_scale = 4;  // arrivals at 0, 5, 10 ms; each holds 10 ms
    Result<ReplayReport> r = ReplayTraces(*reader, std::move(options));
    REQUIRE(r.ok());
    CHECK(r->events == 3);
    CHECK(r->pool.waited == 2);
    CHECK(r->pool.wait_ms.max == doctest::Approx(10.0));  // third: arrives 10, served at 20
    CHECK(r->traces.size() == 2);
  }
  TEST_CASE("routing: keys from SQL and from shard_key, scatter, utility statements") {
    auto reader =
        Reader({Line(1, 1, "SELECT * FROM t WHERE id = 5") +
                Line(2, 1, "SELECT * FROM t WHERE id IN (1, 2)") + Line(3, 1, "SELECT * FROM t") +
                Line(4, 1, "BEGIN") + Line(5, 1, "SELECT * FROM t WHERE id = $1") +
                Line(6, 1, "SELECT 1", ", \"shard_key\": 9") + Line(7, 1, "SELEC oops")});
    ReplayOptions options;
    Result<RouteConfig> config = ParseRouteConfig("strategy=jump,shards=4,key=id");
    REQUIRE(config.ok());
    options.strategy = MakeJumpStrategy(4);
    options.reshard_to = MakeJumpStrategy(5);
    options.route = *config;
    Result<ReplayReport> r = ReplayTraces(*reader, std::move(options));
    REQUIRE(r.ok());
    REQUIRE(r->routing.has_value());
    const RoutingReport& g = *r->routing;
    CHECK(g.sources.sql == 2);
    CHECK(g.sources.trace_field == 1);
    CHECK(g.sources.scatter == 1);
    CHECK(g.sources.parameter == 1);
    CHECK(g.sources.not_analysed == 1);
    CHECK(g.sources.not_routed == 1);
    CHECK(g.metrics.queries == 6);
    CHECK(g.metrics.scatter == 3);
    CHECK(g.metrics.scatter_fraction == doctest::Approx(0.5));
    REQUIRE(g.reshard.has_value());
    CHECK(g.reshard->keys == 4);  // 5, 1, 2, 9
    CHECK(r->unparsable == 1);
  }
  TEST_CASE("bad options and synthetic runs") {
    auto reader = Reader({Line(1, 1, "SELECT 1")});
    ReplayOptions bad;
    bad.time_scale = 0;
    CHECK(ReplayTraces(*reader, std::move(bad)).error().message() ==
          "--time-scale: expected a positive number");
    Result<SyntheticSpec> spec = ParseSyntheticSpec("poisson:rate=80/s,hold=exp:100ms");
    REQUIRE(spec.ok());
    ReplayOptions options;
    options.seed = 3;
    Result<ReplayReport> a = ReplaySynthetic(*spec, 2000, ReplayOptions{});
    Result<ReplayReport> b = ReplaySynthetic(*spec, 2000, ReplayOptions{});
    REQUIRE(a.ok());
    REQUIRE(b.ok());
    CHECK(a->events == 2000);
    CHECK(a->pool.wait_ms.p99 == b->pool.wait_ms.p99);  // seeded: the same run twice
    CHECK(ReplaySynthetic(*spec, 0, std::move(options)).error().message() ==
          "a synthetic run needs at least one request");
  }
}

TEST_SUITE("sim route config") {
  TEST_CASE("route options, split points and directory files") {
    Result<RouteConfig> c = ParseRouteConfig("strategy=ring,shards=3,key=tenant,vnodes=10");
    REQUIRE(c.ok());
    CHECK(c->key == "tenant");
    CHECK(c->shards == 3);
    Result<std::unique_ptr<Strategy>> s = BuildStrategy(*c, 3, nullptr, nullptr);
    REQUIRE(s.ok());
    CHECK((*s)->shards() == 3);
    CHECK(ParseRouteConfig("strategy=hash,shard=3").error().message() ==
          "unknown route option \"shard\" (expected one of: strategy, shards, key, vnodes, fn)");
    CHECK(ParseRouteConfig("key=id").error().message() == "route: missing strategy=<name>");

    Result<std::vector<Key>> splits =
        ParseSplitPoints(SourceText("s.txt", "# splits\n100\n\n200\n'abc'\n"));
    REQUIRE(splits.ok());
    CHECK(*splits == std::vector<Key>{Key::Int(100), Key::Int(200), Key::Text("abc")});
    Result<std::vector<Key>> bad = ParseSplitPoints(SourceText("s.txt", "200\n100\n"));
    REQUIRE(!bad.ok());
    CHECK(bad.error().diagnostic.line == 2);
    Result<Directory> d = ParseDirectory(SourceText("d.csv", "7,1\nacme 0\n"), 2);
    REQUIRE(d.ok());
    CHECK(d->at(Key::Int(7)) == 1);
    CHECK(d->at(Key::Text("acme")) == 0);
    Result<Directory> bad_shard = ParseDirectory(SourceText("d.csv", "7,2\n"), 2);
    REQUIRE(!bad_shard.ok());
    CHECK(bad_shard.error().message() == "expected \"key,shard\" with a shard in 0..1");
    RouteConfig range;
    range.strategy = "range";
    CHECK(BuildStrategy(range, 8, nullptr, nullptr).error().message() ==
          "route strategy=range needs --range-splits FILE");
  }
}

}  // namespace dbopt::sim
