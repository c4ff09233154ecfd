#include <doctest/doctest.h>

#include "trace_test_util.h"

namespace dbopt::trace::testing {

namespace {
constexpr int64_t kMysqlBase = 1705681788LL * 1000000;  // 2024-01-19T16:29:48Z
}

TEST_SUITE("trace mysql-slow") {
  TEST_CASE("entries with # Time, User@Host, Query_time, use, SET timestamp, multi-line SQL") {
    ReaderOptions options;
    options.reorder_window_us = 0;
    const ReadResult r = ReadFile(DataPath("mysql_slow.log"), options);
    REQUIRE(r.error == "");
    CHECK(r.format == TraceFormat::kMysqlSlow);
    REQUIRE(r.events.size() == 3);
    const OwnedEvent& a = r.events[0];
    CHECK(a.sql == "SELECT id FROM orders WHERE id = 1;");
    CHECK(a.duration_us == 38);
    CHECK(a.start_us == kMysqlBase + 141142 - 38);  // end = # Time, start = end - Query_time
    CHECK(a.user == "t1");
    CHECK(a.session == "797");
    CHECK(a.db == "shop");
    CHECK(a.rows == 1);
    CHECK(a.line == 4);
    const OwnedEvent& b = r.events[1];
    CHECK(b.sql ==
          "SELECT c.name, sum(o.total)\nFROM orders o JOIN customers c ON c.id = o.customer_id\n"
          "GROUP BY c.name;");
    CHECK(b.duration_us == 1250000);
    CHECK(b.start_us == kMysqlBase + 1500000 - 1250000);
    CHECK(b.db == "shop");  // "use" lasts until the next one
    CHECK(b.rows == 3);
    // No "# Time:": SET timestamp is the end. "use inventory;" applies from here on.
    const OwnedEvent& c = r.events[2];
    CHECK(c.sql == "UPDATE stock SET qty = qty - 1 WHERE item = 7;");
    CHECK(c.start_us == kMysqlBase + 3000000 - 2000);
    CHECK(c.db == "inventory");
    CHECK(c.session == "799");
    // The banner (3 lines) and the administrator command (Quit).
    CHECK(r.stats.ignored_lines == 4);
  }

  TEST_CASE("MySQL 5.6 '# Time: yymmdd h:mm:ss' and log_slow_extra Start:") {
    const std::string log =
        "# Time: 240119 16:29:48\n"
        "# User@Host: a[a] @ localhost []  Id:     5\n"
        "# Query_time: 0.500000  Lock_time: 0.000000 Rows_sent: 0  Rows_examined: 0\n"
        "SELECT SLEEP(0.5);\n"
        "# Time: 2024-01-19T16:29:50.000000Z\n"
        "# User@Host: a[a] @ localhost []  Id:     5\n"
        "# Query_time: 0.250000  Lock_time: 0.000000 Rows_sent: 0  Rows_examined: 0 Thread_id: 5 "
        "Errno: 0 Start: 2024-01-19T16:29:49.700000Z End: 2024-01-19T16:29:49.950000Z\n"
        "SELECT 2;\n";
    const ReadResult r = ReadText("slow.log", log);
    REQUIRE(r.error == "");
    REQUIRE(r.events.size() == 2);
    CHECK(r.events[0].start_us == kMysqlBase - 500000);
    CHECK(r.events[1].start_us == kMysqlBase + 1700000);
    CHECK(r.events[1].duration_us == 250000);
  }

  TEST_CASE("an entry without Query_time is malformed") {
    ReaderOptions options;
    options.format = TraceFormat::kMysqlSlow;
    const ReadResult r = ReadText("slow.log",
                                  "# Time: 2024-01-19T16:29:48Z\nSELECT 1;\n"
                                  "# Time: 2024-01-19T16:29:49Z\n# Query_time: 1.0\nSELECT 2;\n",
                                  options);
    REQUIRE(r.events.size() == 1);
    REQUIRE(r.stats.malformed.size() == 1);
    CHECK(r.stats.malformed[0].Render() ==
          "slow.log:1: warning: the entry has no \"# Query_time:\" line\n"
          " 1 | # Time: 2024-01-19T16:29:48Z\n");
  }
}

TEST_SUITE("trace pgbench") {
  TEST_CASE("per-transaction log: completion time minus latency; skipped and failed counted") {
    ReaderOptions options;
    options.reorder_window_us = 0;
    const ReadResult r = ReadFile(DataPath("pgbench.log"), options);
    CHECK(r.error == "");
    CHECK(r.format == TraceFormat::kPgbench);
    REQUIRE(r.events.size() == 2);
    // Out of order by start (client 1 started later but finished earlier): window 0 counts it.
    CHECK(r.stats.out_of_order == 1);
    CHECK(r.stats.out_of_order_lines == std::vector<int64_t>{2});
    CHECK(r.events[0].start_us == 1662132851LL * 1000000 + 580065 - 170027);
    CHECK(r.events[0].duration_us == 170027);
    CHECK(r.events[0].session == "0");
    CHECK(r.events[0].sql == "");
    CHECK(r.events[1].start_us == 1662132851LL * 1000000 + 415500 - 3100);
    CHECK(r.stats.pgbench_skipped == 1);
    CHECK(r.stats.pgbench_failed == 1);
  }

  TEST_CASE("with the default window the same log comes out sorted by start") {
    const ReadResult r = ReadFile(DataPath("pgbench.log"));
    REQUIRE(r.events.size() == 3);
    CHECK(r.events[0].session == "1");
    CHECK(r.events[0].start_us == 1662132851LL * 1000000 + 412000 - 2500);
    CHECK(r.events[1].session == "0");
    CHECK(r.events[2].line == 4);
    CHECK(r.stats.out_of_order == 0);
  }

  TEST_CASE("malformed pgbench lines") {
    ReaderOptions options;
    options.format = TraceFormat::kPgbench;
    const ReadResult r = ReadText(
        "pgbench.log", "0 1 100 0 1662132851 x\n0 1 100\n0 2 100 0 1662132851 5\n", options);
    REQUIRE(r.events.size() == 1);
    REQUIRE(r.stats.malformed.size() == 2);
    CHECK(r.stats.malformed[0].Render() ==
          "pgbench.log:1:22: warning: field 6 \"x\" is not a number\n"
          " 1 | 0 1 100 0 1662132851 x\n"
          "   |                      ^\n");
    CHECK(r.stats.malformed[1].message == "a pgbench log line has 6 to 8 fields, not 3");
  }
}

}  // namespace dbopt::trace::testing
