// Reads a MergedReader's events on a second thread, ahead of the consumer: `dbopt replay` reads
// and parses the trace (line splitting, JSON, timestamps, transactions, reordering) on one core
// while the other fingerprints and simulates. The events come out in the same order, with the
// same errors at the same place, so the output does not depend on the threads' timing.
//
// The reader thread also scans each event's SQL (sql::ScanLiterals) and hashes its shape
// (FingerprintCache::ShapeHash), so the consumer's FingerprintCache::Lookup starts from the shape.
//
// The reader thread copies batches of events (their strings into one buffer per batch) into a
// bounded queue: memory is a few batches, whatever the trace's length. The underlying readers
// must not be touched while a PrefetchReader is alive; its destructor stops and joins the thread.
//
//   PrefetchReader prefetch(merged);
//   while (true) { Result<bool> more = prefetch.Next(&e); ... }
#pragma once

#include <condition_variable>
#include <cstdint>
#include <deque>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <thread>
#include <vector>

#include "dbopt/base/result.h"
#include "dbopt/sql/literal_scan.h"
#include "dbopt/trace/merged_reader.h"

namespace dbopt::trace {

class PrefetchReader {
 public:
  explicit PrefetchReader(MergedReader& reader);
  ~PrefetchReader();
  PrefetchReader(const PrefetchReader&) = delete;
  PrefetchReader& operator=(const PrefetchReader&) = delete;

  // As MergedReader::Next: the event's views stay valid until the next call.
  Result<bool> Next(Event* event);
  // As Next, also giving the scan of the event's SQL and the hash of its shape (both valid
  // until the next call; an empty scan for an event without SQL).
  Result<bool> Next(Event* event, const sql::LiteralScan** scan, uint64_t* shape_hash);

 private:
  struct Batch {
    std::vector<Event> events;
    std::vector<uint32_t> lengths;  // of each event's strings, in kFields order
    // Per event: the scan of its SQL and its shape's hash (scans reused: their buffers stay).
    std::vector<sql::LiteralScan> scans;
    std::vector<uint64_t> hashes;
    std::string text;            // the events' strings back to back
    std::optional<Error> error;  // after the events: the reader's error
    bool end = false;            // after the events: the end of the traces
  };

  void Run();
  // Fills `batch` from the reader; false when the reader is done (end or error).
  bool Fill(Batch* batch);
  static void Rebuild(Batch* batch);

  MergedReader& reader_;
  std::mutex mutex_;
  std::condition_variable ready_;  // a batch was queued, or the reader stopped
  std::condition_variable space_;  // a batch was taken, or the consumer stopped
  // Batches are handed over by pointer: the events' views point into their text.
  std::deque<std::unique_ptr<Batch>> queue_;
  std::vector<std::unique_ptr<Batch>> spare_;  // handed back by the consumer, for reuse
  bool stop_ = false;
  std::unique_ptr<Batch> current_;
  size_t next_ = 0;  // the next event of current_ to hand out
  std::thread thread_;
};

}  // namespace dbopt::trace
