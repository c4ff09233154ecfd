#include "dbopt/trace/line_source.h"

#include <fcntl.h>
#include <unistd.h>
#include <zlib.h>

#include <cerrno>
#include <cstring>

#include <fmt/format.h>

namespace dbopt::trace {

namespace {

// TUNING: 256 KiB reads keep the syscall and inflate overhead well under 1 % of the parse.
constexpr size_t kChunk = 256 * 1024;
// A line longer than this is not a trace line; stop instead of eating all memory.
constexpr size_t kMaxLine = size_t{1} << 30;

}  // namespace

void LineSource::GzCloser::operator()(void* file) const { gzclose(static_cast<gzFile>(file)); }

LineSource::LineSource(std::string name) : name_(std::move(name)) {}
LineSource::~LineSource() = default;

Result<std::unique_ptr<LineSource>> LineSource::Open(const std::string& path) {
  const bool is_stdin = path == "-";
  const int fd = is_stdin ? dup(STDIN_FILENO) : open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) {
    return Error::Io(fmt::format("cannot open trace {}: {}", path, std::strerror(errno)));
  }
  gzFile file = gzdopen(fd, "rb");
  if (file == nullptr) {
    close(fd);
    return Error::Io(fmt::format("cannot open trace {}: out of memory", path));
  }
  gzbuffer(file, kChunk);
  std::unique_ptr<LineSource> source(new LineSource(is_stdin ? "<stdin>" : path));
  source->file_.reset(file);
  source->buffer_.resize(kChunk);
  return source;
}

std::unique_ptr<LineSource> LineSource::FromString(std::string name, std::string text) {
  std::unique_ptr<LineSource> source(new LineSource(std::move(name)));
  source->buffer_.assign(text.begin(), text.end());
  source->end_ = source->buffer_.size();
  source->eof_ = true;
  return source;
}

bool LineSource::Fill() {
  if (eof_ || !status_.ok()) return false;
  if (begin_ > 0) {  // keep the unconsumed tail at the front
    consumed_ += begin_;
    std::memmove(buffer_.data(), buffer_.data() + begin_, end_ - begin_);
    end_ -= begin_;
    begin_ = 0;
  }
  if (buffer_.size() - end_ < kChunk / 2) {
    if (buffer_.size() >= kMaxLine) {
      status_ = Error::BadInput(
          fmt::format("{}:{}: a line longer than {} bytes", name_, line_number_ + 1, kMaxLine));
      return false;
    }
    buffer_.resize(buffer_.size() * 2);
  }
  gzFile file = static_cast<gzFile>(file_.get());
  const int n = gzread(file, buffer_.data() + end_, static_cast<unsigned>(buffer_.size() - end_));
  if (n > 0) {
    if (consumed_ == 0 && end_ == 0) compressed_ = gzdirect(file) == 0;
    end_ += static_cast<size_t>(n);
    return true;
  }
  eof_ = true;
  int code = Z_OK;
  const char* message = gzerror(file, &code);
  const uint64_t offset = consumed_ + end_;
  if (code == Z_BUF_ERROR) {
    status_ = Error::BadInput(fmt::format(
        "trace {} is a truncated gzip file: the compressed stream ends after {} bytes of data, "
        "in line {}",
        name_, offset, line_number_ + 1));
  } else if (n < 0 || code != Z_OK) {
    status_ = Error::Io(fmt::format("cannot read trace {} after {} bytes: {}", name_, offset,
                                    code == Z_ERRNO ? std::strerror(errno) : message));
  }
  return false;
}

bool LineSource::NextLine(std::string_view* line) {
  size_t scanned = 0;  // bytes after begin_ known to hold no newline
  const void* nl = nullptr;
  while (true) {
    nl = std::memchr(buffer_.data() + begin_ + scanned, '\n', end_ - begin_ - scanned);
    if (nl != nullptr) break;
    scanned = end_ - begin_;
    if (!Fill()) break;
  }
  if (nl == nullptr && begin_ == end_) return false;  // the end, or an error
  const char* start = buffer_.data() + begin_;
  size_t length =
      nl != nullptr ? static_cast<size_t>(static_cast<const char*>(nl) - start) : end_ - begin_;
  line_offset_ = consumed_ + begin_;
  begin_ += nl != nullptr ? length + 1 : length;
  if (length > 0 && start[length - 1] == '\r') --length;
  *line = std::string_view(start, length);
  ++line_number_;
  return true;
}

std::string_view LineSource::Peek(size_t max_bytes) {
  while (end_ - begin_ < max_bytes && Fill()) {
  }
  const size_t n = std::min(max_bytes, end_ - begin_);
  return std::string_view(buffer_.data() + begin_, n);
}

}  // namespace dbopt::trace
