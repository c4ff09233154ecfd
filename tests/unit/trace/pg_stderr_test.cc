#include <doctest/doctest.h>

#include "trace_test_util.h"

namespace dbopt::trace::testing {

TEST_SUITE("trace pg-stderr") {
  TEST_CASE("log_min_duration_statement with the default prefix '%m [%p] '") {
    ReaderOptions options;
    options.reorder_window_us = 0;  // keep the log order to check each line
    const ReadResult r = ReadFile(DataPath("pg_min_duration.log"), options);
    REQUIRE(r.error == "");
    CHECK(r.format == TraceFormat::kPgStderr);
    REQUIRE(r.events.size() == 4);
    // Logged at completion: start = log time - duration.
    CHECK(r.events[0].start_us == kBase + 123000 - 456);
    CHECK(r.events[0].duration_us == 456);
    CHECK(r.events[0].sql == "SELECT 1;");
    CHECK(r.events[0].session == "12345");
    CHECK(r.events[0].line == 1);
    // A multi-line statement: the continuation lines lose their leading tab.
    CHECK(r.events[1].sql ==
          "SELECT o.id, o.total\nFROM orders o\nWHERE o.customer_id = 42\nORDER BY o.created_at "
          "DESC;");
    CHECK(r.events[1].duration_us == 12500);
    CHECK(r.events[1].start_us == kBase + 1010000 - 12500);
    // Extended protocol: parse and bind are added to the execute that follows them.
    CHECK(r.events[2].sql == "SELECT * FROM items WHERE id = $1");
    CHECK(r.events[2].duration_us == 51 + 20 + 329);
    CHECK(r.events[2].start_us == kBase + 1102000 - 400);
    CHECK(r.events[2].line == 12);
    CHECK(r.events[3].sql == "SELECT name FROM users WHERE id = $1");  // portal form S_1/C_1
    // connection, ERROR, STATEMENT, DETAIL x2, plan (auto_explain), checkpoint
    CHECK(r.stats.ignored_lines == 7);
    CHECK(r.stats.malformed_lines == 0);
  }

  TEST_CASE("pgBadger's prefix '%t [%p]: user=%u,db=%d,app=%a,client=%h '") {
    const ReadResult r = ReadFile(DataPath("pg_pgbadger.log"));
    REQUIRE(r.error == "");
    REQUIRE(r.events.size() == 2);
    // Sorted by start: VACUUM started 1.5 s before it was logged, before the SELECT.
    CHECK(r.events[0].sql == "VACUUM ANALYZE orders;");
    CHECK(r.events[0].start_us == kBase + 1000000 - 1500250);
    CHECK(r.events[0].user == "batch");
    CHECK(r.events[0].db == "shop");
    CHECK(r.events[0].session == "4243");
    CHECK(r.events[1].sql == "SELECT count(*) FROM orders;");
    CHECK(r.events[1].user == "app");
  }

  TEST_CASE("pgreplay's '%m|%u|%d|%c|' with log_statement=all and log_duration") {
    const ReadResult r = ReadFile(DataPath("pg_pgreplay.log"));
    REQUIRE(r.error == "");
    REQUIRE(r.events.size() == 5);
    // Joined by session: start = the statement's log time, duration = the later duration line.
    CHECK(r.events[0].sql == "BEGIN;");
    CHECK(r.events[0].start_us == kBase + 120000);
    CHECK(r.events[0].duration_us == 50);
    CHECK(r.events[0].session == "65a4f3c1.3039");
    CHECK(r.events[1].sql == "UPDATE accounts SET balance = balance - 100\nWHERE id = 1;");
    CHECK(r.events[1].duration_us == 4250);
    CHECK(r.events[2].sql == "SELECT sum(balance) FROM accounts;");
    CHECK(r.events[2].user == "report");
    CHECK(r.events[2].duration_us == 60000);
    CHECK(r.events[3].sql == "COMMIT;");
    // The transaction: BEGIN, UPDATE, COMMIT share a key; the report session is autocommit.
    CHECK(r.events[0].txn_key != 0);
    CHECK(r.events[1].txn_key == r.events[0].txn_key);
    CHECK(r.events[3].txn_key == r.events[0].txn_key);
    CHECK_FALSE(r.events[1].txn_end);
    CHECK(r.events[3].txn_end);
    CHECK(r.events[2].txn_key == 0);
    // "SELECT 1;" never got its duration line: an event of 0 µs, counted.
    CHECK(r.events[4].sql == "SELECT 1;");
    CHECK(r.events[4].duration_us == 0);
    CHECK(r.stats.missing_duration == 1);
  }

  TEST_CASE("a --log-line-prefix given by the user, with %q for background processes") {
    ReaderOptions options;
    options.log_line_prefix = "%m [%p] %q%u@%d ";
    const std::string log =
        "2024-01-15 10:30:45.000 UTC [7] LOG:  checkpoint starting: time\n"
        "2024-01-15 10:30:45.010 UTC [42] app@shop LOG:  duration: 10.000 ms  statement: SELECT "
        "1\n";
    const ReadResult r = ReadText("pg.log", log, options);
    REQUIRE(r.error == "");
    REQUIRE(r.events.size() == 1);
    CHECK(r.events[0].user == "app");
    CHECK(r.events[0].db == "shop");
    CHECK(r.events[0].start_us == kBase);
    CHECK(r.stats.ignored_lines == 1);
  }

  TEST_CASE("epoch %n and session %c prefixes, and a bad prefix") {
    ReaderOptions options;
    options.log_line_prefix = "%n %c ";
    const ReadResult r = ReadText(
        "pg.log", "1705314645.250 65a4f3c1.3039 LOG:  duration: 250.000 ms  statement: SELECT 2\n",
        options);
    REQUIRE(r.error == "");
    REQUIRE(r.events.size() == 1);
    CHECK(r.events[0].start_us == kBase);
    CHECK(r.events[0].session == "65a4f3c1.3039");

    options.log_line_prefix = "[%p] ";
    options.format = TraceFormat::kPgStderr;
    CHECK(ReadText("pg.log", "[1] LOG:  duration: 1 ms  statement: SELECT 1\n", options).error ==
          "error: log_line_prefix \"[%p] \" has no time escape (%m, %t or %n): the log has no "
          "timestamps\n");
    options.log_line_prefix = "%t <%p> ";
    CHECK(ReadText("pg.log", "2024-01-15 10:30:45 UTC [1] LOG:  statement: SELECT 1\n", options)
              .error ==
          "error: the log_line_prefix \"%t <%p> \" matches none of the first lines of pg.log\n");
  }

  TEST_CASE("malformed: a zone abbreviation, a bad duration, foreign lines") {
    const std::string log =
        "garbage before the log\n"
        "2024-01-15 10:30:45.000 CET [1] LOG:  duration: 1.000 ms  statement: SELECT 1\n"
        "2024-01-15 10:30:45.000 UTC [1] LOG:  duration: fast  statement: SELECT 1\n"
        "2024-01-15 10:30:45.000 UTC [1] LOG:  duration: 2.000 ms  statement: SELECT 2\n";
    ReaderOptions options;
    options.format = TraceFormat::kPgStderr;
    const ReadResult r = ReadText("pg.log", log, options);
    REQUIRE(r.error == "");
    REQUIRE(r.events.size() == 1);
    REQUIRE(r.stats.malformed.size() == 3);
    CHECK(r.stats.malformed[0].Render() ==
          "pg.log:1: warning: the line does not start with the log_line_prefix \"%m [%p] \"\n"
          " 1 | garbage before the log\n");
    CHECK(r.stats.malformed[1].message ==
          "bad timestamp: time zone abbreviations other than UTC and GMT are not supported; use "
          "a numeric offset");
    CHECK(r.stats.malformed[1].column == 1);
    CHECK(r.stats.malformed[2].message == "cannot read the duration: expected \"duration: N ms\"");
    CHECK(r.stats.malformed[2].line == 3);
  }
}

}  // namespace dbopt::trace::testing
