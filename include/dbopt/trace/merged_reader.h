// Several traces read as one: the events of every reader in start-time order (each reader is in
// start order already; ties go to the reader given first). Constant memory: one event per
// reader is held. An event's views stay valid until the next call of Next().
#pragma once

#include <memory>
#include <vector>

#include "dbopt/base/result.h"
#include "dbopt/trace/reader.h"

namespace dbopt::trace {

class MergedReader {
 public:
  explicit MergedReader(std::vector<std::unique_ptr<Reader>> readers);

  // The next event of all traces: true, or false at the end. Errors: those of the readers.
  Result<bool> Next(Event* event);

  const std::vector<std::unique_ptr<Reader>>& readers() const { return readers_; }

 private:
  Status Advance(size_t reader);

  std::vector<std::unique_ptr<Reader>> readers_;
  std::vector<Event> heads_;
  std::vector<char> live_;  // heads_[i] holds reader i's next event
  bool primed_ = false;
  size_t pending_ = 0;  // the reader whose head was returned last: advance it first
  bool has_pending_ = false;
};

}  // namespace dbopt::trace
