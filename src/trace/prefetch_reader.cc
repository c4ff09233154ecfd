// PrefetchReader: a producer thread and a bounded queue of event batches.
#include "dbopt/trace/prefetch_reader.h"

#include <utility>

#include "dbopt/trace/fingerprint_cache.h"

namespace dbopt::trace {

namespace {

// TUNING: batches of 4096 events (about 1 MB) keep the lock out of the per-event cost; 4 in
// flight let the reader run ahead through the simulator's slower stretches (cache misses).
constexpr size_t kBatchEvents = 4096;
constexpr size_t kBatchesInFlight = 4;

// The string fields of an event, in the order they are stored.
constexpr std::string_view Event::*kFields[] = {&Event::session, &Event::txn, &Event::user,
                                                &Event::db,      &Event::sql, &Event::shard_key};
constexpr size_t kStrings = sizeof kFields / sizeof kFields[0];

}  // namespace

PrefetchReader::PrefetchReader(MergedReader& reader) : reader_(reader) {
  thread_ = std::thread([this] { Run(); });
}

PrefetchReader::~PrefetchReader() {
  {
    std::lock_guard<std::mutex> lock(mutex_);
    stop_ = true;
  }
  space_.notify_all();
  thread_.join();
}

bool PrefetchReader::Fill(Batch* batch) {
  batch->events.clear();
  batch->lengths.clear();
  batch->text.clear();
  batch->hashes.clear();
  batch->error.reset();
  batch->end = false;
  Event e;
  while (batch->events.size() < kBatchEvents) {
    Result<bool> more = reader_.Next(&e);
    if (!more) {
      batch->error = std::move(more).error();
      break;
    }
    if (!*more) {
      batch->end = true;
      break;
    }
    for (auto field : kFields) {
      batch->lengths.push_back(static_cast<uint32_t>((e.*field).size()));
      batch->text.append(e.*field);
    }
    const size_t i = batch->events.size();
    if (batch->scans.size() <= i) batch->scans.resize(i + 1);
    sql::LiteralScan& scan = batch->scans[i];
    if (e.sql.empty()) {
      scan.shape.clear();
      scan.literals.clear();
      batch->hashes.push_back(0);
    } else {
      sql::ScanLiterals(e.sql, &scan);
      batch->hashes.push_back(FingerprintCache::ShapeHash(scan.shape));
    }
    batch->events.push_back(e);
  }
  Rebuild(batch);
  return !batch->error && !batch->end;
}

// Points the events' views into the batch's own text (it no longer grows).
void PrefetchReader::Rebuild(Batch* batch) {
  size_t at = 0;
  for (size_t i = 0; i < batch->events.size(); ++i) {
    for (size_t f = 0; f < kStrings; ++f) {
      const size_t length = batch->lengths[i * kStrings + f];
      batch->events[i].*kFields[f] = std::string_view(batch->text).substr(at, length);
      at += length;
    }
  }
}

void PrefetchReader::Run() {
  bool more = true;
  while (more) {
    std::unique_ptr<Batch> batch;
    {
      std::unique_lock<std::mutex> lock(mutex_);
      space_.wait(lock, [this] { return stop_ || queue_.size() < kBatchesInFlight; });
      if (stop_) return;
      if (!spare_.empty()) {
        batch = std::move(spare_.back());
        spare_.pop_back();
      }
    }
    if (batch == nullptr) batch = std::make_unique<Batch>();
    more = Fill(batch.get());
    {
      std::lock_guard<std::mutex> lock(mutex_);
      queue_.push_back(std::move(batch));
    }
    ready_.notify_one();
  }
}

Result<bool> PrefetchReader::Next(Event* event) {
  const sql::LiteralScan* scan = nullptr;
  uint64_t hash = 0;
  return Next(event, &scan, &hash);
}

Result<bool> PrefetchReader::Next(Event* event, const sql::LiteralScan** scan,
                                  uint64_t* shape_hash) {
  while (current_ == nullptr || next_ == current_->events.size()) {
    if (current_ != nullptr) {
      if (current_->error) return *current_->error;
      if (current_->end) return false;
    }
    std::unique_lock<std::mutex> lock(mutex_);
    if (current_ != nullptr) spare_.push_back(std::move(current_));
    ready_.wait(lock, [this] { return !queue_.empty(); });
    current_ = std::move(queue_.front());
    queue_.pop_front();
    lock.unlock();
    space_.notify_one();
    next_ = 0;
  }
  *scan = &current_->scans[next_];
  *shape_hash = current_->hashes[next_];
  *event = current_->events[next_++];
  return true;
}

}  // namespace dbopt::trace
