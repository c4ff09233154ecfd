#include "dbopt/trace/reader.h"

#include <fmt/format.h>

#include "dbopt/trace/detect.h"
#include "dbopt/trace/timestamp.h"
#include "format_parser.h"
#include "reorder.h"
#include "txn_tracker.h"

namespace dbopt::trace {

namespace {

// TUNING: detection looks at this much of the start of a trace.
constexpr size_t kDetectBytes = 64 * 1024;

Result<std::unique_ptr<FormatParser>> MakeParser(TraceFormat format, ParseContext* context) {
  switch (format) {
    case TraceFormat::kJsonl:
      return MakeJsonlParser(context);
    case TraceFormat::kCsv:
      return MakeCsvParser(context);
    case TraceFormat::kPgStderr:
      return MakePgStderrParser(context);
    case TraceFormat::kPgCsvlog:
      return MakePgCsvlogParser(context);
    case TraceFormat::kMysqlSlow:
      return MakeMysqlSlowParser(context);
    case TraceFormat::kPgbench:
      return MakePgbenchParser(context);
    case TraceFormat::kAuto:
      break;
  }
  return Error::Internal("MakeParser: no format");
}

}  // namespace

class Reader::Impl {
 public:
  Impl(std::unique_ptr<LineSource> lines, const ReaderOptions& options)
      : lines_(std::move(lines)),
        options_(options),
        context_(lines_.get(), options_, &stats_),
        reorder_(options.reorder_window_us) {}

  Result<bool> Next(Event* event);
  // An event before the reorder window: counted, or an error in strict mode.
  Status TooLate(const Event& event);

  std::unique_ptr<LineSource> lines_;
  ReaderOptions options_;
  ReadStats stats_;
  ParseContext context_;
  std::unique_ptr<FormatParser> parser_;
  TxnTracker txn_;
  ReorderBuffer reorder_;
  Event raw_;
  bool parser_done_ = false;
};

Result<bool> Reader::Impl::Next(Event* event) {
  const bool buffered = options_.reorder_window_us > 0;
  while (!parser_done_) {
    if (buffered && reorder_.Pop(false, event)) {
      ++stats_.events;
      return true;
    }
    Result<bool> more = parser_->Next(&raw_);
    if (!more) return std::move(more).error();
    if (!*more) {
      parser_done_ = true;
      if (!lines_->status()) return lines_->status().error();
      break;
    }
    raw_.session_key = HashKey(raw_.session);
    txn_.Apply(&raw_);
    if (reorder_.TooLate(raw_)) {
      if (Status s = TooLate(raw_); !s) return std::move(s).error();
      continue;
    }
    if (buffered) {
      reorder_.Push(raw_);
      continue;
    }
    reorder_.NoteReleased(raw_.start_us);
    *event = raw_;
    ++stats_.events;
    return true;
  }
  if (reorder_.Pop(true, event)) {
    ++stats_.events;
    return true;
  }
  if (stats_.events == 0) {
    Error error = Error::BadInput(fmt::format("trace {} has no events", lines_->name()));
    if (stats_.malformed_lines > 0) {
      error.diagnostic.hint = fmt::format("{} malformed line{} skipped", stats_.malformed_lines,
                                          stats_.malformed_lines == 1 ? " was" : "s were");
      error.notes = stats_.malformed;
    }
    return error;
  }
  return false;
}

Status Reader::Impl::TooLate(const Event& event) {
  ++stats_.out_of_order;
  if (!options_.strict) {
    if (stats_.out_of_order_lines.size() < static_cast<size_t>(options_.max_reported)) {
      stats_.out_of_order_lines.push_back(event.line);
    }
    return Ok{};
  }
  Diagnostic d;
  d.file = lines_->name();
  d.line = static_cast<int>(event.line);
  d.message = fmt::format(
      "the event starts at {}, before an event already read and more than the reorder window "
      "({} s) before the latest start",
      FormatTimestamp(event.start_us), options_.reorder_window_us / 1e6);
  d.hint = "sort the trace by start time, or widen the reorder window";
  return Error::At(std::move(d));
}

Reader::Reader(TraceFormat format, std::unique_ptr<Impl> impl)
    : format_(format), impl_(std::move(impl)) {}
Reader::~Reader() = default;

Result<std::unique_ptr<Reader>> Reader::Open(const std::string& path,
                                             const ReaderOptions& options) {
  Result<std::unique_ptr<LineSource>> lines = LineSource::Open(path);
  if (!lines) return std::move(lines).error();
  return FromLines(std::move(*lines), options);
}

Result<std::unique_ptr<Reader>> Reader::FromLines(std::unique_ptr<LineSource> lines,
                                                  const ReaderOptions& options) {
  const std::string_view head = lines->Peek(kDetectBytes);
  if (!lines->status()) return lines->status().error();
  if (IsBlankText(head)) {
    return Error::BadInput(fmt::format("trace {} has no events", lines->name()));
  }
  TraceFormat format = options.format;
  if (format == TraceFormat::kAuto) {
    Result<TraceFormat> detected = DetectFormat(lines->name(), head, options.log_line_prefix);
    if (!detected) return std::move(detected).error();
    format = *detected;
  }
  auto impl = std::make_unique<Impl>(std::move(lines), options);
  Result<std::unique_ptr<FormatParser>> parser = MakeParser(format, &impl->context_);
  if (!parser) return std::move(parser).error();
  impl->parser_ = std::move(*parser);
  return std::unique_ptr<Reader>(new Reader(format, std::move(impl)));
}

Result<bool> Reader::Next(Event* event) { return impl_->Next(event); }
const ReadStats& Reader::stats() const { return impl_->stats_; }
const std::string& Reader::name() const { return impl_->lines_->name(); }

}  // namespace dbopt::trace
