#include "dbopt/trace/prefetch_reader.h"

#include <doctest/doctest.h>

#include <memory>
#include <string>
#include <vector>

#include "dbopt/trace/fingerprint_cache.h"
#include "trace_test_util.h"

namespace dbopt::trace {
namespace {

using testing::OwnedEvent;

// Several batches' worth of events; strings of every length (empty too) so that views into a
// batch's text are checked at every offset.
std::string Lines(int n) {
  std::string text;
  for (int i = 0; i < n; ++i) {
    text += "{\"ts\": " + std::to_string(1000 + i) + ", \"duration_ms\": " + std::to_string(i % 7) +
            ", \"sql\": \"SELECT " + std::to_string(i) +
            std::string(static_cast<size_t>(i % 40), 'x') + "\", \"session\": \"s" +
            std::to_string(i % 13) + "\"" +
            (i % 3 == 0 ? ", \"shard_key\": " + std::to_string(i) : std::string()) +
            (i % 5 == 0 ? ", \"user\": \"\"" : ", \"user\": \"u\\tv\"") + "}\n";
  }
  return text;
}

OwnedEvent Own(const Event& e) {
  OwnedEvent o;
  o.start_us = e.start_us;
  o.duration_us = e.duration_us;
  o.rows = e.rows;
  o.line = e.line;
  o.session_key = e.session_key;
  o.txn_key = e.txn_key;
  o.txn_end = e.txn_end;
  o.session = std::string(e.session);
  o.txn = std::string(e.txn);
  o.user = std::string(e.user);
  o.db = std::string(e.db);
  o.sql = std::string(e.sql);
  o.shard_key = std::string(e.shard_key);
  return o;
}

bool SameEvent(const OwnedEvent& a, const OwnedEvent& b) {
  return a.start_us == b.start_us && a.duration_us == b.duration_us && a.rows == b.rows &&
         a.line == b.line && a.session_key == b.session_key && a.txn_key == b.txn_key &&
         a.txn_end == b.txn_end && a.session == b.session && a.txn == b.txn && a.user == b.user &&
         a.db == b.db && a.sql == b.sql && a.shard_key == b.shard_key;
}

// Every event, then the error's text (empty at a clean end).
template <typename Next>
std::pair<std::vector<OwnedEvent>, std::string> DrainWith(Next next) {
  std::vector<OwnedEvent> events;
  Event e;
  while (true) {
    Result<bool> more = next(&e);
    if (!more) return {events, more.error().Render()};
    if (!*more) return {events, ""};
    events.push_back(Own(e));
  }
}

std::unique_ptr<MergedReader> Open(const std::string& text, const ReaderOptions& options) {
  Result<std::unique_ptr<Reader>> opened =
      Reader::FromLines(LineSource::FromString("p.jsonl", text), options);
  REQUIRE(opened);
  std::vector<std::unique_ptr<Reader>> readers;
  readers.push_back(std::move(*opened));
  return std::make_unique<MergedReader>(std::move(readers));
}

void CheckSame(const std::string& text, const ReaderOptions& options) {
  auto direct_reader = Open(text, options);
  const auto direct = DrainWith([&](Event* e) { return direct_reader->Next(e); });
  auto merged = Open(text, options);
  std::pair<std::vector<OwnedEvent>, std::string> prefetched;
  {
    PrefetchReader prefetch(*merged);
    prefetched = DrainWith([&](Event* e) { return prefetch.Next(e); });
  }
  CHECK(prefetched.second == direct.second);
  REQUIRE(prefetched.first.size() == direct.first.size());
  for (size_t i = 0; i < direct.first.size(); ++i) {
    INFO("event " << i);
    CHECK(SameEvent(prefetched.first[i], direct.first[i]));
  }
  CHECK(merged->readers()[0]->stats().events == direct_reader->readers()[0]->stats().events);
}

}  // namespace

TEST_CASE("PrefetchReader hands out the reader's events, in order, across batches") {
  CheckSame(Lines(10000), ReaderOptions{});
  CheckSame(Lines(3), ReaderOptions{});
}

TEST_CASE("PrefetchReader returns the reader's error after the events before it") {
  ReaderOptions strict;
  strict.strict = true;
  const std::string text = Lines(9000) + "{\"ts\": 5, \"duration_ms\": oops}\n" + Lines(10);
  CheckSame(text, strict);
  auto merged = Open(text, strict);
  PrefetchReader prefetch(*merged);
  const auto drained = DrainWith([&](Event* e) { return prefetch.Next(e); });
  CHECK(drained.first.size() > 0);
  CHECK(drained.second.find("p.jsonl:9001") != std::string::npos);
}

TEST_CASE("PrefetchReader hands out each event's literal scan and shape hash") {
  auto merged = Open(Lines(10000) + "{\"ts\": 99999, \"duration_ms\": 1}\n", ReaderOptions{});
  PrefetchReader prefetch(*merged);
  Event e;
  const sql::LiteralScan* scan = nullptr;
  uint64_t hash = 0;
  sql::LiteralScan fresh;
  size_t events = 0;
  size_t without_sql = 0;
  while (*prefetch.Next(&e, &scan, &hash)) {
    INFO("event " << events);
    ++events;
    REQUIRE(scan != nullptr);
    if (e.sql.empty()) {
      ++without_sql;
      CHECK(scan->shape.empty());
      CHECK(scan->literals.empty());
      continue;
    }
    sql::ScanLiterals(e.sql, &fresh);
    CHECK(scan->shape == fresh.shape);
    REQUIRE(scan->literals.size() == fresh.literals.size());
    for (size_t i = 0; i < fresh.literals.size(); ++i) {
      CHECK(scan->literals[i].begin == fresh.literals[i].begin);
      CHECK(scan->literals[i].end == fresh.literals[i].end);
    }
    CHECK(hash == FingerprintCache::ShapeHash(fresh.shape));
  }
  CHECK(events == 10001);
  CHECK(without_sql == 1);
}

TEST_CASE("PrefetchReader stops its thread when dropped before the end") {
  auto merged = Open(Lines(20000), ReaderOptions{});
  PrefetchReader prefetch(*merged);
  Event e;
  REQUIRE(*prefetch.Next(&e));
  CHECK(e.line == 1);
}  // the destructor joins a reader that is still ahead

}  // namespace dbopt::trace
