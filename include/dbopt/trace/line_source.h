// A buffered line reader over a file, standard input or a gzip stream (zlib's gzread reads
// compressed and plain input alike), or over a string. Memory is one buffer that grows only to
// hold the longest line, so a trace of any length streams in constant memory.
//
//   Result<std::unique_ptr<LineSource>> lines = LineSource::Open("trace.jsonl.gz");
//   std::string_view line;
//   while ((*lines)->NextLine(&line)) { ... }
//   if (!(*lines)->status()) ... // a read error or a truncated gzip stream
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "dbopt/base/result.h"

namespace dbopt::trace {

class LineSource {
 public:
  // "-" reads standard input. Errors: the file cannot be opened.
  static Result<std::unique_ptr<LineSource>> Open(const std::string& path);
  static std::unique_ptr<LineSource> FromString(std::string name, std::string text);
  ~LineSource();
  LineSource(const LineSource&) = delete;
  LineSource& operator=(const LineSource&) = delete;

  // The next line without its "\n" (nor a "\r" before it); valid until the next call. False
  // at the end of the input or on an error (then status() says which).
  bool NextLine(std::string_view* line);

  // The first bytes of the input (up to `max_bytes`, fewer at the end), without consuming
  // anything: format detection looks at them before the reading starts.
  std::string_view Peek(size_t max_bytes);

  // An error once NextLine() has stopped because of one: a read error, or a gzip stream that
  // ends before its end marker ("truncated gzip") with the byte offset and line reached.
  const Status& status() const { return status_; }
  const std::string& name() const { return name_; }
  int64_t line_number() const { return line_number_; }   // of the line last returned; 0 before
  uint64_t line_offset() const { return line_offset_; }  // its byte offset (uncompressed)
  bool compressed() const { return compressed_; }

 private:
  struct GzCloser {
    void operator()(void* file) const;
  };
  explicit LineSource(std::string name);
  // Reads more input after end_; false at the end or on error.
  bool Fill();

  std::string name_;
  std::unique_ptr<void, GzCloser> file_;  // a gzFile; null for a string source
  bool compressed_ = false;
  std::vector<char> buffer_;
  size_t begin_ = 0;  // first unconsumed byte
  size_t end_ = 0;    // one past the last valid byte
  bool eof_ = false;
  Status status_ = Ok{};
  int64_t line_number_ = 0;
  uint64_t line_offset_ = 0;
  uint64_t consumed_ = 0;  // bytes before buffer_[begin_]
};

}  // namespace dbopt::trace
