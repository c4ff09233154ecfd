#include <doctest/doctest.h>
#include <zlib.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "dbopt/trace/detect.h"
#include "trace_test_util.h"

namespace dbopt::trace::testing {

namespace {

std::string TempPath(const std::string& name) {
  return (std::filesystem::temp_directory_path() / ("dbopt-trace-test-" + name)).string();
}

std::string Slurp(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

// Writes `text` gzip-compressed; returns the compressed bytes.
std::string Gzip(const std::string& path, const std::string& text) {
  gzFile f = gzopen(path.c_str(), "wb");
  REQUIRE(f != nullptr);
  REQUIRE(gzwrite(f, text.data(), static_cast<unsigned>(text.size())) ==
          static_cast<int>(text.size()));
  gzclose(f);
  return Slurp(path);
}

std::string JsonlLines(int n) {
  std::string text;
  for (int i = 0; i < n; ++i) {
    text += "{\"ts\": " + std::to_string(1705314645 + i) +
            ", \"duration_ms\": 1, \"sql\": \"SELECT " + std::to_string(i) +
            "\", \"session\": \"s" + std::to_string(i % 7) + "\"}\n";
  }
  return text;
}

}  // namespace

TEST_SUITE("trace reader") {
  TEST_CASE("gzip input reads like the plain file; a truncated one is an error") {
    const std::string text = JsonlLines(5000);
    const std::string path = TempPath("t.jsonl.gz");
    const std::string compressed = Gzip(path, text);
    const ReadResult whole = ReadFile(path);
    CHECK(whole.error == "");
    CHECK(whole.events.size() == 5000);
    CHECK(whole.events[4999].sql == "SELECT 4999");

    {
      std::ofstream out(path, std::ios::binary | std::ios::trunc);
      out << compressed.substr(0, compressed.size() / 2);
    }
    const ReadResult cut = ReadFile(path);
    CHECK(cut.events.size() > 0);
    CHECK(cut.events.size() < 5000);
    CHECK(cut.error.find("is a truncated gzip file: the compressed stream ends after ") !=
          std::string::npos);
    CHECK(cut.error.find(" bytes of data, in line ") != std::string::npos);
    std::remove(path.c_str());
  }

  TEST_CASE("empty traces and unknown files") {
    CHECK(ReadText("empty.jsonl", "").error == "error: trace empty.jsonl has no events\n");
    CHECK(ReadText("blank.log", "\n  \n\n").error == "error: trace blank.log has no events\n");
    CHECK(ReadFile("/nonexistent/trace.jsonl").error ==
          "error: cannot open trace /nonexistent/trace.jsonl: No such file or directory\n");
    // Only malformed lines: no events, and the diagnostics are notes.
    const ReadResult bad = ReadText("bad.jsonl", "{\"ts\": 1}\n");
    CHECK(bad.error ==
          "error: trace bad.jsonl has no events\n"
          "hint: 1 malformed line was skipped\n"
          "bad.jsonl:1:1: warning: missing \"duration_ms\"\n"
          " 1 | {\"ts\": 1}\n"
          "   | ^\n");
  }

  TEST_CASE("the reorder window sorts by start; older events are counted, or fail in strict") {
    // Logged at completion: ends ascending, starts not.
    const std::string text =
        "{\"ts\": 100.0, \"duration_ms\": 1, \"sql\": \"a\"}\n"
        "{\"ts\": 99.5, \"duration_ms\": 1, \"sql\": \"b\"}\n"
        "{\"ts\": 160.0, \"duration_ms\": 1, \"sql\": \"c\"}\n"
        "{\"ts\": 101.0, \"duration_ms\": 1, \"sql\": \"d\"}\n"
        "{\"ts\": 100.0, \"duration_ms\": 1, \"sql\": \"e\"}\n"
        "{\"ts\": 200.0, \"duration_ms\": 1, \"sql\": \"f\"}\n";
    ReaderOptions options;
    options.reorder_window_us = 60 * kMicrosPerSecond;
    ReadResult r = ReadText("w.jsonl", text, options);
    REQUIRE(r.error == "");
    std::string order;
    for (const OwnedEvent& e : r.events) order += e.sql;
    // a and e tie at 100 s: reading order. d (101 s) came after c (160 s) but within 60 s.
    CHECK(order == "baedcf");
    CHECK(r.stats.out_of_order == 0);

    options.reorder_window_us = 30 * kMicrosPerSecond;
    r = ReadText("w.jsonl", text, options);
    order.clear();
    for (const OwnedEvent& e : r.events) order += e.sql;
    // c (160 s) releases a and b (<= 130 s); d (101 s) still fits after them and is released
    // next; e (100 s) would come before d: too late.
    CHECK(order == "badcf");
    CHECK(r.stats.out_of_order == 1);
    CHECK(r.stats.out_of_order_lines == std::vector<int64_t>{5});

    options.strict = true;
    r = ReadText("w.jsonl", text, options);
    CHECK(r.error ==
          "w.jsonl:5: error: the event starts at 1970-01-01T00:01:40Z, before an event already "
          "read and more than the reorder window (30 s) before the latest start\n"
          "hint: sort the trace by start time, or widen the reorder window\n");
  }

  TEST_CASE("the same input gives the same events (determinism), with or without gzip") {
    const std::string text = JsonlLines(300);
    const ReadResult a = ReadText("a.jsonl", text);
    const ReadResult b = ReadText("a.jsonl", text);
    REQUIRE(a.events.size() == 300);
    REQUIRE(b.events.size() == 300);
    for (size_t i = 0; i < a.events.size(); ++i) {
      CHECK(a.events[i].start_us == b.events[i].start_us);
      CHECK(a.events[i].sql == b.events[i].sql);
      CHECK(a.events[i].session_key == b.events[i].session_key);
    }
    CHECK(a.events[0].session_key == HashKey("s0"));
    CHECK(a.events[7].session_key == a.events[0].session_key);
    CHECK(a.events[1].session_key != a.events[0].session_key);
  }

  TEST_CASE("long lines across buffer refills and CRLF line ends") {
    const std::string sql(600000, 'x');
    const std::string text = "{\"ts\": 1, \"duration_ms\": 1, \"sql\": \"" + sql + "\"}\r\n" +
                             "{\"ts\": 2, \"duration_ms\": 1, \"sql\": \"y\"}\r\n";
    const std::string path = TempPath("long.jsonl");
    {
      std::ofstream out(path, std::ios::binary);
      out << text;
    }
    const ReadResult r = ReadFile(path);
    REQUIRE(r.error == "");
    REQUIRE(r.events.size() == 2);
    CHECK(r.events[0].sql.size() == sql.size());
    CHECK(r.events[1].sql == "y");
    CHECK(r.events[1].line == 2);
    std::remove(path.c_str());
  }
}

TEST_SUITE("trace detect") {
  TEST_CASE("each fixture is detected") {
    CHECK(ReadFile(DataPath("basic.jsonl")).format == TraceFormat::kJsonl);
    CHECK(ReadFile(DataPath("events.csv")).format == TraceFormat::kCsv);
    CHECK(ReadFile(DataPath("pg_min_duration.log")).format == TraceFormat::kPgStderr);
    CHECK(ReadFile(DataPath("pg_pgbadger.log")).format == TraceFormat::kPgStderr);
    CHECK(ReadFile(DataPath("pg_pgreplay.log")).format == TraceFormat::kPgStderr);
    CHECK(ReadFile(DataPath("pg_csvlog.csv")).format == TraceFormat::kPgCsvlog);
    CHECK(ReadFile(DataPath("mysql_slow.log")).format == TraceFormat::kMysqlSlow);
    CHECK(ReadFile(DataPath("pgbench.log")).format == TraceFormat::kPgbench);
  }

  TEST_CASE("single lines") {
    CHECK(ClassifyLine("{\"ts\": 1}") == TraceFormat::kJsonl);
    CHECK(ClassifyLine("0 1 170027 0 1662132851 580065") == TraceFormat::kPgbench);
    CHECK(ClassifyLine("0 1 skipped 0 1662132851 580065 12") == TraceFormat::kPgbench);
    CHECK(ClassifyLine("# User@Host: a[a] @ localhost []  Id: 1") == TraceFormat::kMysqlSlow);
    CHECK(ClassifyLine("2024-01-15 10:30:45.123 UTC [1] LOG:  statement: SELECT 1") ==
          TraceFormat::kPgStderr);
    CHECK(ClassifyLine("ts,duration_ms,sql") == TraceFormat::kCsv);
    CHECK(ClassifyLine("SELECT 1;") == TraceFormat::kAuto);
    CHECK(ClassifyLine("1 2 3") == TraceFormat::kAuto);
  }

  TEST_CASE("unknown and mixed input") {
    CHECK(ReadText("x.txt", "hello world\n").error ==
          "error: cannot detect the trace format of x.txt: the first line looks like \"hello "
          "world\"; use --trace-format one of jsonl, csv, pg-stderr, pg-csvlog, mysql-slow, "
          "pgbench\n");
    const std::string mixed =
        "{\"ts\": 1, \"duration_ms\": 1}\n"
        "\n"
        "2024-01-15 10:30:45.123 UTC [1] LOG:  duration: 1.000 ms  statement: SELECT 1\n";
    CHECK(ReadText("m.log", mixed).error ==
          "error: trace m.log mixes formats: line 1 looks like jsonl but line 3 looks like "
          "pg-stderr; use --trace-format to read it as one of them\n");
    // Forced, the foreign line is one malformed line.
    ReaderOptions options;
    options.format = TraceFormat::kJsonl;
    const ReadResult forced = ReadText("m.log", mixed, options);
    CHECK(forced.events.size() == 1);
    CHECK(forced.stats.malformed_lines == 1);
    CHECK(ParseTraceFormat("pg-csvlog") == TraceFormat::kPgCsvlog);
    CHECK_FALSE(ParseTraceFormat("pgcsv").has_value());
    CHECK(std::string(TraceFormatName(TraceFormat::kMysqlSlow)) == "mysql-slow");
  }
}

TEST_SUITE("trace txn") {
  TEST_CASE("transaction statements are recognized by their keywords") {
    ReaderOptions options;
    const std::string text =
        "{\"ts\": 1, \"duration_ms\": 1, \"sql\": \"/* app */ start transaction\", \"session\": "
        "\"a\"}\n"
        "{\"ts\": 2, \"duration_ms\": 1, \"sql\": \"SAVEPOINT s\", \"session\": \"a\"}\n"
        "{\"ts\": 3, \"duration_ms\": 1, \"sql\": \"ROLLBACK TO SAVEPOINT s\", \"session\": "
        "\"a\"}\n"
        "{\"ts\": 4, \"duration_ms\": 1, \"sql\": \"SELECT 1\", \"session\": \"b\"}\n"
        "{\"ts\": 5, \"duration_ms\": 1, \"sql\": \"rollback;\", \"session\": \"a\"}\n"
        "{\"ts\": 6, \"duration_ms\": 1, \"sql\": \"COMMIT\", \"session\": \"a\"}\n"
        "{\"ts\": 7, \"duration_ms\": 1, \"sql\": \"BEGIN\"}\n";
    const ReadResult r = ReadText("t.jsonl", text, options);
    REQUIRE(r.events.size() == 7);
    const uint64_t key = r.events[0].txn_key;
    CHECK(key != 0);
    CHECK(r.events[1].txn_key == key);
    CHECK(r.events[2].txn_key == key);
    CHECK_FALSE(r.events[2].txn_end);  // ROLLBACK TO keeps the transaction
    CHECK(r.events[3].txn_key == 0);   // another session
    CHECK(r.events[4].txn_key == key);
    CHECK(r.events[4].txn_end);
    CHECK(r.events[5].txn_key == 0);  // COMMIT outside a transaction: autocommit
    CHECK(r.events[6].txn_key == 0);  // no session: nothing to follow
  }
}

}  // namespace dbopt::trace::testing
