// FingerprintCache: lexical shape → (parse once) → fingerprint id.
#include "dbopt/trace/fingerprint_cache.h"

#include <functional>
#include <utility>

#include "dbopt/sql/fingerprint.h"
#include "dbopt/sql/parser.h"

namespace dbopt::trace {

FingerprintCache::FingerprintCache(size_t max_shapes, size_t max_fingerprints)
    : max_shapes_(max_shapes < 1 ? 1 : max_shapes), max_fingerprints_(max_fingerprints) {
  const size_t expected = max_shapes_ < 4096 ? max_shapes_ : 4096;
  shapes_.reserve(expected);
  shape_texts_.reserve(expected);
  shape_index_ = FlatIndex(expected);
}

uint64_t FingerprintCache::ShapeHash(std::string_view shape) {
  return std::hash<std::string_view>()(shape);
}

const ShapeInfo& FingerprintCache::Lookup(std::string_view sql) {
  external_ = nullptr;
  sql::ScanLiterals(sql, &scan_);
  return Find(sql, ShapeHash(scan_.shape));
}

const ShapeInfo& FingerprintCache::Lookup(std::string_view sql, const sql::LiteralScan& scan,
                                          uint64_t shape_hash) {
  external_ = &scan;
  return Find(sql, shape_hash);
}

const ShapeInfo& FingerprintCache::Find(std::string_view sql, uint64_t hash) {
  ++stats_.lookups;
  parsed_.reset();
  const std::string& shape = scan().shape;
  const uint32_t id =
      shape_index_.Find(hash, [this, &shape](uint32_t s) { return shape_texts_[s] == shape; });
  if (id != FlatIndex::kNone) return shapes_[id];
  return Miss(sql, hash);
}

const ShapeInfo& FingerprintCache::Miss(std::string_view sql, uint64_t hash) {
  ++stats_.parses;
  if (shapes_.size() >= max_shapes_) {  // bounded: start over rather than grow
    shapes_.clear();
    shape_texts_.clear();
    shape_index_.Clear();
    ++stats_.clears;
    ++epoch_;
  }
  ShapeInfo info;
  info.shape_id = static_cast<uint32_t>(shapes_.size());
  Result<std::string> fingerprint = sql::Fingerprint(sql);
  if (!fingerprint) {
    info.fingerprint = kUnparsable;
    info.error = fingerprint.error().message();
  } else {
    // dbopt's AST, for the kind and for consumers of parsed(); a statement libpg_query
    // fingerprints but dbopt's AST does not cover still counts under its fingerprint.
    Result<sql::Statement> statement = sql::ParseStatement(sql);
    if (statement) parsed_ = std::make_unique<sql::Statement>(std::move(*statement));
    info.fingerprint = FingerprintId(sql, *fingerprint, parsed_.get());
  }
  shape_index_.Insert(hash, info.shape_id);
  shape_texts_.push_back(scan().shape);
  shapes_.push_back(std::move(info));
  return shapes_.back();
}

int32_t FingerprintCache::FingerprintId(std::string_view sql, const std::string& fingerprint,
                                        const sql::Statement* statement) {
  const auto it = by_fingerprint_.find(fingerprint);
  if (it != by_fingerprint_.end()) return it->second;
  if (fingerprints_.size() >= max_fingerprints_) return kOtherFingerprint;
  FingerprintInfo info;
  info.fingerprint = fingerprint;
  Result<std::string> normalized = sql::Normalize(sql);
  info.normalized = normalized ? std::move(*normalized) : std::string(sql);
  if (statement != nullptr) {
    info.kind = statement->name;
    const sql::StatementKind k = statement->kind;
    info.dml = k == sql::StatementKind::kSelect || k == sql::StatementKind::kInsert ||
               k == sql::StatementKind::kUpdate || k == sql::StatementKind::kDelete;
  }
  const auto id = static_cast<int32_t>(fingerprints_.size());
  fingerprints_.push_back(std::move(info));
  by_fingerprint_.emplace(fingerprint, id);
  return id;
}

}  // namespace dbopt::trace
