#include <doctest/doctest.h>

#include <string>

#include "dbopt/trace/duration_sketch.h"
#include "dbopt/trace/fingerprint_cache.h"
#include "dbopt/trace/workload_summary.h"
#include "dbopt/trace/workload_writer.h"

namespace dbopt::trace {
namespace {

Event MakeEvent(int64_t start_us, int64_t duration_us, std::string_view sql, int64_t rows = -1) {
  Event e;
  e.start_us = start_us;
  e.duration_us = duration_us;
  e.sql = sql;
  e.rows = rows;
  e.line = start_us;
  return e;
}

}  // namespace

TEST_SUITE("trace workload summary") {
  TEST_CASE("duration sketch: exact quantiles for few values, within 1.6% after") {
    DurationSketch s;
    for (int64_t v : {5, 1, 4, 2, 3}) s.Add(v);
    CHECK(s.exact());
    CHECK(s.Quantile(0.5) == 3);
    CHECK(s.Quantile(0.99) == 5);
    CHECK(s.Quantile(0.0) == 1);
    DurationSketch big;
    for (int64_t v = 1; v <= 100000; ++v) big.Add(v * 10);  // 10 µs .. 1 s
    CHECK(!big.exact());
    CHECK(big.count() == 100000);
    CHECK(big.min() == 10);
    CHECK(big.max() == 1000000);
    for (double p : {0.5, 0.95, 0.99}) {
      const double truth = p * 1000000;
      CHECK(std::abs(big.Quantile(p) - truth) <= truth / 64 + 10);
    }
    CHECK(big.Quantile(1.0) == 1000000);
  }

  TEST_CASE("fingerprint cache: one parse per shape, literals read from the scan") {
    FingerprintCache cache;
    const ShapeInfo a = cache.Lookup("SELECT * FROM t WHERE id = 1");
    CHECK(cache.parsed() != nullptr);
    const ShapeInfo b = cache.Lookup("SELECT *  FROM t WHERE id = 2 -- other");
    CHECK(cache.parsed() == nullptr);  // a hit: not parsed again
    CHECK(a.shape_id == b.shape_id);
    CHECK(a.fingerprint == b.fingerprint);
    CHECK(cache.scan().literals.size() == 1);
    const ShapeInfo c = cache.Lookup("select * from t where id = 3");  // other shape, same fp
    CHECK(c.shape_id != a.shape_id);
    CHECK(c.fingerprint == a.fingerprint);
    CHECK(cache.stats().lookups == 3);  // (before the pre-scanned lookup below)
    CHECK(cache.stats().parses == 2);
    REQUIRE(cache.fingerprints().size() == 1);
    CHECK(cache.fingerprints()[0].normalized == "SELECT * FROM t WHERE id = $1");
    CHECK(cache.fingerprints()[0].kind == "SELECT");
    CHECK(cache.fingerprints()[0].dml);
    sql::LiteralScan scan;  // scanned elsewhere (the prefetch thread): the same shape
    const std::string text = "SELECT * FROM t WHERE id = 42";
    sql::ScanLiterals(text, &scan);
    const ShapeInfo d = cache.Lookup(text, scan, FingerprintCache::ShapeHash(scan.shape));
    CHECK(d.shape_id == a.shape_id);
    CHECK(&cache.scan() == &scan);
    CHECK(cache.stats().parses == 2);
    const ShapeInfo bad = cache.Lookup("SELEC 1");
    CHECK(&cache.scan() != &scan);
    CHECK(bad.fingerprint == kUnparsable);
    CHECK(bad.error == "syntax error at or near \"SELEC\"");
  }

  TEST_CASE("fingerprint cache: bounded shapes and fingerprints") {
    FingerprintCache cache(2, 2);
    cache.Lookup("SELECT 1");
    cache.Lookup("SELECT 1 FROM a");
    CHECK(cache.epoch() == 0);
    const ShapeInfo third = cache.Lookup("SELECT 1 FROM b");
    CHECK(cache.epoch() == 1);
    CHECK(cache.stats().clears == 1);
    CHECK(third.shape_id == 0);
    CHECK(third.fingerprint == kOtherFingerprint);
  }

  TEST_CASE("summary: calls, times, rows, first/last seen, order by total time") {
    FingerprintCache cache;
    WorkloadSummary summary;
    auto add = [&](int64_t start, int64_t dur, std::string_view sql, int64_t rows = -1) {
      const Event e = MakeEvent(start, dur, sql, rows);
      summary.Add(e, cache.Lookup(sql));
    };
    add(100, 1000, "SELECT * FROM t WHERE id = 1", 1);
    add(200, 3000, "SELECT * FROM t WHERE id = 2", 1);
    add(300, 500, "UPDATE t SET a = 1 WHERE id = 9");
    add(400, 9000, "SELEC broken");
    Event no_sql = MakeEvent(500, 7000, "");
    summary.AddWithoutSql(no_sql);
    CHECK(summary.events() == 5);
    CHECK(summary.unparsable() == 1);
    CHECK(summary.without_sql() == 1);
    REQUIRE(summary.unparsable_examples().size() == 1);
    CHECK(summary.unparsable_examples()[0].line == 400);
    const std::vector<StatementRow> rows = summary.Rows(cache);
    REQUIRE(rows.size() == 2);
    CHECK(rows[0].normalized == "SELECT * FROM t WHERE id = $1");
    CHECK(rows[0].calls == 2);
    CHECK(rows[0].total_ms == doctest::Approx(4.0));
    CHECK(rows[0].mean_ms == doctest::Approx(2.0));
    CHECK(rows[0].p50_ms == doctest::Approx(1.0));
    CHECK(rows[0].p99_ms == doctest::Approx(3.0));
    CHECK(rows[0].rows == 2);
    CHECK(rows[0].first_seen_us == 100);
    CHECK(rows[0].last_seen_us == 200);
    CHECK(rows[0].share == doctest::Approx(4.0 / 20.5));
    CHECK(rows[1].rows == -1);
    CHECK(summary.Rows(cache, 1).size() == 1);
  }

  TEST_CASE("emitted workload: DML only, a dbopt comment before each statement") {
    FingerprintCache cache;
    WorkloadSummary summary;
    for (std::string_view sql : {"SELECT a FROM t WHERE b = 'x' -- note", "BEGIN"}) {
      const Event e = MakeEvent(1, 2500, sql, 3);
      summary.Add(e, cache.Lookup(sql));
    }
    WorkloadHeader header{"t.jsonl", 2};
    CHECK(FormatWorkloadSql(summary.Rows(cache), header) ==
          "-- dbopt workload v1 (docs/workload-format.md): 1 statements from 2 events of "
          "t.jsonl; 1 non-DML left out\n"
          "\n-- dbopt: fingerprint=" +
              cache.fingerprints()[0].fingerprint +
              " calls=1 total_ms=2.500 mean_ms=2.500 p95_ms=2.500 rows=3\n"
              "SELECT a FROM t WHERE b = $1 -- note\n;\n");
  }
}

}  // namespace dbopt::trace
