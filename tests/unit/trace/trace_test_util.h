// Helpers for the trace module's tests: read a fixture or a text into owned events.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "dbopt/trace/reader.h"

namespace dbopt::trace::testing {

struct OwnedEvent {
  int64_t start_us = 0, duration_us = 0, rows = -1, line = 0;
  uint64_t session_key = 0, txn_key = 0;
  bool txn_end = true;
  std::string session, txn, user, db, sql, shard_key;
};

inline std::string DataPath(const std::string& name) {
  return std::string(DBOPT_SOURCE_DIR) + "/tests/data/trace/" + name;
}

struct ReadResult {
  std::vector<OwnedEvent> events;
  ReadStats stats;
  TraceFormat format = TraceFormat::kAuto;
  std::string error;  // rendered, when the reading failed
};

inline ReadResult Drain(Result<std::unique_ptr<Reader>> opened) {
  ReadResult out;
  if (!opened) {
    out.error = opened.error().Render();
    return out;
  }
  Reader& reader = **opened;
  out.format = reader.format();
  Event e;
  while (true) {
    Result<bool> more = reader.Next(&e);
    if (!more) {
      out.error = more.error().Render();
      break;
    }
    if (!*more) break;
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
    out.events.push_back(std::move(o));
  }
  out.stats = reader.stats();
  return out;
}

inline ReadResult ReadFile(const std::string& path, const ReaderOptions& options = {}) {
  return Drain(Reader::Open(path, options));
}

inline ReadResult ReadText(const std::string& name, const std::string& text,
                           const ReaderOptions& options = {}) {
  return Drain(Reader::FromLines(LineSource::FromString(name, text), options));
}

// 2024-01-15T10:30:45Z in microseconds, the base time of most fixtures.
inline constexpr int64_t kBase = 1705314645LL * 1000000;

}  // namespace dbopt::trace::testing
