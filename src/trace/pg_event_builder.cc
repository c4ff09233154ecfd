#include "pg_event_builder.h"

#include <algorithm>

#include "pg_message.h"

namespace dbopt::trace {

void PgEventBuilder::Emit(Pending&& pending, int64_t duration_us, Event* event) {
  out_ = std::move(pending);
  *event = Event{};
  event->start_us = out_.start_us - out_.prepare_us;
  event->duration_us = duration_us + out_.prepare_us;
  event->session = out_.session;
  event->user = out_.user;
  event->db = out_.db;
  event->sql = out_.sql;
  event->line = out_.line;
}

Result<bool> PgEventBuilder::Add(const PgRecord& record, Event* event) {
  const PgMessage message = ParsePgMessage(record.message);
  // Only sessions with something pending have an entry; look it up only when needed.
  auto find = [&]() { return sessions_.find(std::string(record.session)); };
  switch (message.kind) {
    case PgMessageKind::kOther:
      ++context_.stats().ignored_lines;
      return false;
    case PgMessageKind::kBadDuration: {
      Status s = context_.Malformed(record.line, std::string_view::npos, record.source_line,
                                    "cannot read the duration: expected \"duration: N ms\"");
      if (!s) return std::move(s).error();
      return false;
    }
    case PgMessageKind::kTimed: {
      int64_t prepare_us = 0;
      if (auto it = find(); it != sessions_.end() && !it->second.has_statement) {
        prepare_us = it->second.prepare_us;
        sessions_.erase(it);
      }
      Result<bool> ok =
          context_.CheckDuration(message.duration_us, record.line, record.source_line);
      if (!ok || !*ok) return ok;
      *event = Event{};
      event->duration_us = message.duration_us + prepare_us;
      event->start_us = record.time_us - event->duration_us;
      event->session = record.session;
      event->user = record.user;
      event->db = record.db;
      event->sql = message.sql;
      event->line = record.line;
      return true;
    }
    case PgMessageKind::kTimedPrepare:
    case PgMessageKind::kDurationOnly: {
      auto it = find();
      const bool completes = message.kind == PgMessageKind::kDurationOnly &&
                             it != sessions_.end() && it->second.has_statement;
      if (!completes) {  // time spent before the next statement of the session
        if (it == sessions_.end())
          it = sessions_.emplace(std::string(record.session), Pending{}).first;
        it->second.prepare_us += message.duration_us;
        return false;
      }
      Result<bool> ok =
          context_.CheckDuration(message.duration_us, record.line, record.source_line);
      if (!ok) return ok;
      Pending pending = std::move(it->second);
      sessions_.erase(it);
      if (!*ok) return false;
      Emit(std::move(pending), message.duration_us, event);
      return true;
    }
    case PgMessageKind::kStatementOnly: {
      auto it = find();
      if (it == sessions_.end())
        it = sessions_.emplace(std::string(record.session), Pending{}).first;
      Pending next;
      next.has_statement = true;
      next.start_us = record.time_us;
      next.line = record.line;
      next.session = record.session;
      next.user = record.user;
      next.db = record.db;
      next.sql = message.sql;
      if (!it->second.has_statement) {
        next.prepare_us = it->second.prepare_us;
        it->second = std::move(next);
        return false;
      }
      // The previous statement of the session never got its duration.
      ++context_.stats().missing_duration;
      Pending previous = std::move(it->second);
      it->second = std::move(next);
      Emit(std::move(previous), 0, event);
      return true;
    }
  }
  return false;
}

bool PgEventBuilder::Flush(Event* event) {
  if (!flush_started_) {
    flush_started_ = true;
    for (auto& [session, pending] : sessions_) {
      if (pending.has_statement) flushing_.push_back(std::move(pending));
    }
    sessions_.clear();
    std::sort(flushing_.begin(), flushing_.end(),
              [](const Pending& a, const Pending& b) { return a.line > b.line; });
  }
  if (flushing_.empty()) return false;
  ++context_.stats().missing_duration;
  Pending pending = std::move(flushing_.back());
  flushing_.pop_back();
  Emit(std::move(pending), 0, event);
  return true;
}

}  // namespace dbopt::trace
