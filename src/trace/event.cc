#include "dbopt/trace/event.h"

namespace dbopt::trace {

namespace {

struct FormatName {
  TraceFormat format;
  std::string_view name;
};

constexpr FormatName kFormatNames[] = {
    {TraceFormat::kAuto, "auto"},
    {TraceFormat::kJsonl, "jsonl"},
    {TraceFormat::kCsv, "csv"},
    {TraceFormat::kPgStderr, "pg-stderr"},
    {TraceFormat::kPgCsvlog, "pg-csvlog"},
    {TraceFormat::kMysqlSlow, "mysql-slow"},
    {TraceFormat::kPgbench, "pgbench"},
};

constexpr uint64_t kFnvOffset = 14695981039346656037ULL;
constexpr uint64_t kFnvPrime = 1099511628211ULL;

}  // namespace

const char* TraceFormatName(TraceFormat format) {
  for (const FormatName& f : kFormatNames) {
    if (f.format == format) return f.name.data();
  }
  return "auto";
}

std::optional<TraceFormat> ParseTraceFormat(std::string_view name) {
  for (const FormatName& f : kFormatNames) {
    if (f.name == name) return f.format;
  }
  return std::nullopt;
}

uint64_t HashKey(std::string_view text) {
  if (text.empty()) return 0;
  uint64_t h = kFnvOffset;
  for (char c : text) {
    h ^= static_cast<unsigned char>(c);
    h *= kFnvPrime;
  }
  return h == 0 ? 1 : h;
}

uint64_t CombineKeys(uint64_t a, uint64_t b) {
  // A 64-bit mix (splitmix64's finalizer) of a and b, so that (a, b) and (b, a) differ.
  uint64_t x = a * 0x9E3779B97F4A7C15ULL ^ (b + 0x632BE59BD9B4E019ULL);
  x = (x ^ (x >> 30)) * 0xBF58476D1CE4E5B9ULL;
  x = (x ^ (x >> 27)) * 0x94D049BB133111EBULL;
  x ^= x >> 31;
  return x == 0 ? 1 : x;
}

}  // namespace dbopt::trace
