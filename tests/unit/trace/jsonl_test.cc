#include <doctest/doctest.h>

#include "trace_test_util.h"

namespace dbopt::trace::testing {

TEST_SUITE("trace jsonl") {
  TEST_CASE("every key, escapes, numbers as strings, nested values skipped") {
    const ReadResult r = ReadFile(DataPath("basic.jsonl"));
    REQUIRE(r.error == "");
    CHECK(r.format == TraceFormat::kJsonl);
    REQUIRE(r.events.size() == 5);
    const OwnedEvent& a = r.events[0];
    CHECK(a.start_us == kBase + 123000);
    CHECK(a.duration_us == 1500);
    CHECK(a.sql == "SELECT * FROM orders WHERE id = 42");
    CHECK(a.session == "s1");
    CHECK(a.user == "app");
    CHECK(a.db == "shop");
    CHECK(a.rows == 1);
    CHECK(a.line == 1);
    CHECK(a.txn_key == 0);
    CHECK(a.txn_end);
    CHECK(r.events[2].start_us == kBase + 300000);  // epoch seconds
    CHECK(r.events[2].shard_key == "7");            // a number kept as its text
    CHECK(r.events[3].line == 5);                   // the blank line 4 is skipped
    const OwnedEvent& e = r.events[4];
    CHECK(e.start_us == kBase + 500000);  // +02:00
    CHECK(e.sql == "SELECT \"name\" FROM t WHERE note = 'tab\there' -- caf\xc3\xa9");
    CHECK(e.session == "17");
    CHECK(e.txn == "t-9");
    CHECK(e.shard_key == "eu-1");
    CHECK(e.rows == -1);
    CHECK(r.stats.malformed_lines == 0);
  }

  TEST_CASE("BEGIN ... COMMIT of a session share a transaction key") {
    const ReadResult r = ReadFile(DataPath("basic.jsonl"));
    REQUIRE(r.events.size() == 5);
    const OwnedEvent& begin = r.events[1];
    const OwnedEvent& update = r.events[2];
    const OwnedEvent& commit = r.events[3];
    CHECK(begin.txn_key != 0);
    CHECK_FALSE(begin.txn_end);
    CHECK(update.txn_key == begin.txn_key);
    CHECK_FALSE(update.txn_end);
    CHECK(commit.txn_key == begin.txn_key);
    CHECK(commit.txn_end);
    CHECK(r.events[4].txn_key != 0);  // an explicit "txn" id
    CHECK(begin.session_key == HashKey("s2"));
  }

  TEST_CASE("malformed lines: diagnostics with line, column and caret") {
    const std::string text =
        "{\"ts\": \"2024-01-15T10:30:45Z\", \"duration_ms\": 1}\n"
        "{\"ts\": \"2024-01-15T10:30:46Z\", \"duration_ms\": \"fast\"}\n"
        "{\"ts\": \"2024-01-15 10:30:46 CET\", \"duration_ms\": 1}\n"
        "{\"duration_ms\": 1}\n"
        "{\"ts\": 1705314647, \"duration_ms\": -3}\n"
        "{\"ts\": 1705314647, \"duration_ms\": 1, \"sql\": \"SELECT 1}\n"
        "{\"ts\": 1705314647, \"duration_ms\": 100000000}\n"
        "not json\n";
    const ReadResult r = ReadText("t.jsonl", text);
    REQUIRE(r.error == "");
    CHECK(r.events.size() == 1);
    CHECK(r.stats.malformed_lines == 7);
    REQUIRE(r.stats.malformed.size() == 5);
    CHECK(r.stats.malformed[0].Render() ==
          "t.jsonl:2:47: warning: expected a number\n"
          " 2 | {\"ts\": \"2024-01-15T10:30:46Z\", \"duration_ms\": \"fast\"}\n"
          "   |                                               ^\n");
    CHECK(r.stats.malformed[1].Render() ==
          "t.jsonl:3:8: warning: \"ts\": time zone abbreviations other than UTC and GMT are not "
          "supported; use a numeric offset\n"
          " 3 | {\"ts\": \"2024-01-15 10:30:46 CET\", \"duration_ms\": 1}\n"
          "   |        ^\n");
    CHECK(r.stats.malformed[2].message == "missing \"ts\"");
    CHECK(r.stats.malformed[3].Render() ==
          "t.jsonl:5: warning: negative duration -3.000 ms\n"
          " 5 | {\"ts\": 1705314647, \"duration_ms\": -3}\n");
    CHECK(r.stats.malformed[4].message == "unterminated string");
    CHECK(r.stats.malformed[4].column == 45);
  }

  TEST_CASE("strict mode: the first malformed line is the error") {
    ReaderOptions options;
    options.strict = true;
    options.reorder_window_us = 0;  // else the first event waits in the window
    const ReadResult r = ReadText("t.jsonl",
                                  "{\"ts\": 1705314645, \"duration_ms\": 1}\n"
                                  "{\"ts\": 1705314646, \"duration_ms\": 90000000}\n",
                                  options);
    CHECK(r.events.size() == 1);
    CHECK(r.error ==
          "t.jsonl:2: error: duration 90000000.000 ms is longer than the maximum 86400 s\n"
          " 2 | {\"ts\": 1705314646, \"duration_ms\": 90000000}\n"
          "hint: without --strict, malformed lines are counted and skipped\n");
  }

  TEST_CASE("the maximum duration is configurable") {
    ReaderOptions options;
    options.max_duration_us = 1000;
    const ReadResult r = ReadText(
        "t.jsonl",
        "{\"ts\": 1705314645, \"duration_ms\": 2}\n{\"ts\": 1705314645, \"duration_ms\": 1}\n",
        options);
    CHECK(r.events.size() == 1);
    CHECK(r.stats.malformed_lines == 1);
  }
}

}  // namespace dbopt::trace::testing
