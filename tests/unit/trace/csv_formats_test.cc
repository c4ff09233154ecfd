#include <doctest/doctest.h>

#include "trace_test_util.h"

namespace dbopt::trace::testing {

TEST_SUITE("trace csv") {
  TEST_CASE("a header with the JSONL keys; RFC 4180 quoting over several lines") {
    const ReadResult r = ReadFile(DataPath("events.csv"));
    REQUIRE(r.error == "");
    CHECK(r.format == TraceFormat::kCsv);
    REQUIRE(r.events.size() == 3);
    CHECK(r.events[0].start_us == kBase + 123000);
    CHECK(r.events[0].duration_us == 1500);
    CHECK(r.events[0].rows == 1);
    CHECK(r.events[0].line == 2);
    CHECK(r.events[1].sql == "SELECT \"name\", 'a,b'\nFROM t\nWHERE x = 1");
    CHECK(r.events[1].session == "s2");
    CHECK(r.events[1].rows == -1);
    CHECK(r.events[1].line == 3);
    CHECK(r.events[2].start_us == kBase + 2500000);  // epoch seconds
    CHECK(r.events[2].sql == "");
    CHECK(r.events[2].line == 6);
  }

  TEST_CASE("--csv-map by header name and by column number") {
    ReaderOptions options;
    options.csv_map = "ts=start_time,duration_ms=3,sql=query,session=pid";
    const std::string text =
        "start_time,pid,elapsed,query\n"
        "2024-01-15 10:30:45 UTC,17,0.75,\"SELECT 1\"\n";
    const ReadResult r = ReadText("q.csv", text, options);
    REQUIRE(r.error == "");
    REQUIRE(r.events.size() == 1);
    CHECK(r.events[0].start_us == kBase);
    CHECK(r.events[0].duration_us == 750);
    CHECK(r.events[0].session == "17");
    CHECK(r.events[0].sql == "SELECT 1");
  }

  TEST_CASE("bad mappings and missing columns") {
    ReaderOptions options;
    options.format = TraceFormat::kCsv;
    options.csv_map = "ts=start_tme,duration_ms=elapsed";
    const std::string text = "start_time,elapsed\n2024-01-15T10:30:45Z,1\n";
    CHECK(ReadText("q.csv", text, options).error ==
          "error: --csv-map: the CSV header of q.csv has no column \"start_tme\"\n"
          "hint: did you mean \"start_time\"?\n");
    options.csv_map = "tss=start_time";
    CHECK(ReadText("q.csv", text, options).error ==
          "error: --csv-map: unknown key \"tss\"\nhint: did you mean \"ts\"?\n");
    options.csv_map = "";
    CHECK(ReadText("q.csv", text, options).error ==
          "error: the CSV header of q.csv has no \"ts\" column; map one with --csv-map "
          "ts=COLUMN\n");
  }

  TEST_CASE("malformed records: bad values, an unclosed quote") {
    const std::string text =
        "ts,duration_ms,sql\n"
        "2024-01-15T10:30:45Z,abc,SELECT 1\n"
        "2024-01-15T10:30:45Z,1,\"SELECT \"x\" \n"
        "2024-01-15T10:30:46Z,1,\"SELECT 2\n";
    const ReadResult r = ReadText("q.csv", text);
    CHECK(r.events.empty());
    CHECK(r.error.rfind("error: trace q.csv has no events\nhint: 3 malformed lines were skipped\n",
                        0) == 0);
    REQUIRE(r.stats.malformed.size() == 3);
    CHECK(r.stats.malformed[0].message == "\"duration_ms\" \"abc\" is not a number");
    CHECK(r.stats.malformed[1].message == "unexpected character after a closing quote");
    CHECK(r.stats.malformed[1].column == 33);
    CHECK(r.stats.malformed[2].message ==
          "the quoted field is not closed (the record starts in line 4)");
  }
}

TEST_SUITE("trace pg-csvlog") {
  TEST_CASE("26- and 23-column records, a multi-line quoted message") {
    const ReadResult r = ReadFile(DataPath("pg_csvlog.csv"));
    REQUIRE(r.error == "");
    CHECK(r.format == TraceFormat::kPgCsvlog);
    REQUIRE(r.events.size() == 3);
    CHECK(r.events[0].sql == "SELECT 1;");
    CHECK(r.events[0].start_us == kBase + 123000 - 456);
    CHECK(r.events[0].session == "65a4f3c1.3039");
    CHECK(r.events[0].user == "app");
    CHECK(r.events[0].db == "shop");
    CHECK(r.events[1].sql ==
          "SELECT o.id, \"total\"\nFROM orders o, customers c\nWHERE o.customer_id = c.id;");
    CHECK(r.events[1].duration_us == 12500);
    CHECK(r.events[1].line == 2);
    CHECK(r.events[2].sql == "UPDATE stock SET qty = 0;");  // the 23-column layout
    CHECK(r.events[2].line == 6);
    CHECK(r.stats.ignored_lines == 1);  // the ERROR record
  }

  TEST_CASE("a record with a wrong number of columns") {
    ReaderOptions options;
    options.format = TraceFormat::kPgCsvlog;
    const ReadResult r = ReadText("pg.csv", "2024-01-15 10:30:45 UTC,a,b,LOG\n", options);
    REQUIRE(r.stats.malformed.size() == 1);
    CHECK(r.stats.malformed[0].message == "a csvlog record has 23 to 26 columns, not 4");
  }
}

}  // namespace dbopt::trace::testing
