// Statement text → fingerprint, parsing each statement shape once (DESIGN.md "parse once per
// statement shape").
//
// Every text is first scanned lexically (sql::ScanLiterals: literals out, comments and blanks
// folded); the scan's shape is the cache key, so the 10 million texts of a trace with 10,000
// shapes and varying literals cost 10,000 parses. A miss parses the text with libpg_query
// (fingerprint, and dbopt's AST for later consumers such as shard-key extraction) and, the first
// time a fingerprint appears, normalizes it. Several shapes may share a fingerprint (IN lists
// of different lengths, keyword case).
//
// Memory is bounded: at most `max_shapes` shapes are kept (when full the shape table is emptied
// and epoch() changes, so that caches keyed by shape_id start over), and at most
// `max_fingerprints` fingerprints (later new ones share the id kOtherFingerprint).
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "dbopt/base/flat_index.h"
#include "dbopt/sql/ast_statement.h"
#include "dbopt/sql/literal_scan.h"

namespace dbopt::trace {

inline constexpr int32_t kUnparsable = -1;        // the text does not parse
inline constexpr int32_t kOtherFingerprint = -2;  // beyond max_fingerprints

struct FingerprintInfo {
  std::string fingerprint;  // 16 hex digits (sql::Fingerprint)
  std::string normalized;   // constants replaced by $n (sql::Normalize)
  std::string kind;         // "SELECT", "INSERT", … or the utility's name ("BEGIN"); may be empty
  bool dml = false;         // SELECT, INSERT, UPDATE or DELETE
};

struct ShapeInfo {
  uint32_t shape_id = 0;              // dense, stable until epoch() changes
  int32_t fingerprint = kUnparsable;  // index into fingerprints(), or kUnparsable/kOther…
  std::string error;                  // the parse error when kUnparsable
};

struct FingerprintCacheStats {
  uint64_t lookups = 0;
  uint64_t parses = 0;  // misses: shapes parsed
  uint64_t clears = 0;  // times the shape table was full and emptied
};

class FingerprintCache {
 public:
  explicit FingerprintCache(size_t max_shapes = 65536, size_t max_fingerprints = 100000);

  // The shape of `sql` (the reference is valid until the next call). After the call scan()
  // describes this text, and, when the call parsed it (a miss), parsed() holds its AST (null on
  // a hit or when dbopt's AST does not cover the statement).
  const ShapeInfo& Lookup(std::string_view sql);
  // As Lookup, for a text already scanned (perhaps on another thread): `scan` is
  // ScanLiterals(sql) and `shape_hash` is ShapeHash(scan.shape); `scan` must stay valid until
  // the next call (scan() refers to it).
  const ShapeInfo& Lookup(std::string_view sql, const sql::LiteralScan& scan, uint64_t shape_hash);

  // The hash of a shape text, the shape table's key.
  static uint64_t ShapeHash(std::string_view shape);

  const sql::LiteralScan& scan() const { return external_ != nullptr ? *external_ : scan_; }
  const sql::Statement* parsed() const { return parsed_.get(); }
  uint64_t epoch() const { return epoch_; }

  const std::vector<FingerprintInfo>& fingerprints() const { return fingerprints_; }
  const FingerprintCacheStats& stats() const { return stats_; }

 private:
  const ShapeInfo& Find(std::string_view sql, uint64_t hash);
  const ShapeInfo& Miss(std::string_view sql, uint64_t hash);
  int32_t FingerprintId(std::string_view sql, const std::string& fingerprint,
                        const sql::Statement* statement);

  size_t max_shapes_;
  size_t max_fingerprints_;
  uint64_t epoch_ = 0;
  sql::LiteralScan scan_;                       // Lookup(sql)'s own scan
  const sql::LiteralScan* external_ = nullptr;  // the last pre-scanned Lookup's scan
  std::unique_ptr<sql::Statement> parsed_;
  // The shape table: shape text and info by shape_id, found through a FlatIndex on the hash of
  // the shape text (a lookup per event: no node per entry, the hash computed once).
  std::vector<std::string> shape_texts_;
  std::vector<ShapeInfo> shapes_;
  FlatIndex shape_index_;
  std::unordered_map<std::string, int32_t> by_fingerprint_;
  std::vector<FingerprintInfo> fingerprints_;
  FingerprintCacheStats stats_;
};

}  // namespace dbopt::trace
