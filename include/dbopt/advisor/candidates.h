// Index candidates from the workload's column usage (column_usage.h), in the spirit of SQLite's
// expert and Extend's seeds:
//   - one single-column index per column used by an equality, range, join, OR arm, ORDER BY or
//     GROUP BY;
//   - per statement and table, the equality and join columns (most distinct values first), then
//     each range column, or else the ORDER BY columns: equality first, then range or sort;
//     ORDER BY with mixed directions keeps its DESC keys;
//   - the same with INCLUDE of the other columns the statement reads, when that makes an
//     index-only scan possible (PostgreSQL only; at most kMaxIncludeColumns columns);
//   - an expression index per `f(col) OP x` (`lower(email)`);
//   - a partial index `WHERE col = constant` over the other keys, when the constant selects at
//     most kPartialMaxSelectivity of the rows.
// Widths are capped at max_width keys. A candidate that an existing index already provides (its
// keys a prefix of the existing keys, same predicate, INCLUDE columns among the existing
// columns) is rejected, with the index named.
#pragma once

#include <string>
#include <vector>

#include "dbopt/advisor/column_usage.h"
#include "dbopt/catalog/catalog.h"

namespace dbopt::advisor {

struct CandidateOptions {
  int max_width = 3;           // key columns per index
  bool include_columns = true;  // INCLUDE (...) candidates; SQLite has no INCLUDE
  bool partial = true;
  bool expressions = true;
};

struct Candidate {
  catalog::Index index;  // hypothetical, named and sized (EstimateBtreeSize)
  std::string origin;    // why it was proposed, e.g. "equality + range"
};

struct Rejection {
  std::string index;   // the CREATE INDEX key text, e.g. orders (customer_id)
  std::string reason;  // e.g. "provided by existing index orders_customer_id_idx"
};

struct CandidateSet {
  std::vector<Candidate> candidates;  // deduplicated, in a deterministic order
  std::vector<Rejection> rejected;
};

// usages[i] are statement i's table usages.
CandidateSet GenerateCandidates(const catalog::Catalog& catalog,
                                const std::vector<std::vector<TableUsage>>& usages,
                                const CandidateOptions& options);

// A hypothetical btree index on table over keys/include/predicate, named as PostgreSQL would name
// it (table_col1_col2_idx, numbered when taken in `catalog`) and sized for `tuples` entries
// (negative: the table's rows).
catalog::Index MakeHypotheticalIndex(const catalog::Catalog& catalog, const catalog::Table& table,
                                     std::vector<catalog::IndexKey> keys,
                                     std::vector<std::string> include,
                                     std::optional<std::string> predicate, double tuples);

// What an index is, without its name: "public.orders (customer_id, order_date DESC) INCLUDE
// (total) WHERE status = 'open'". Equal texts are the same index.
std::string IndexSignature(const catalog::Index& index);

// The key list as CREATE INDEX writes it: "customer_id, order_date DESC".
std::string KeyList(const catalog::Index& index);

// True when `existing` serves every query `candidate` could: same method and predicate, the
// candidate's keys a prefix of the existing keys (same directions), its INCLUDE columns among the
// existing keys or INCLUDE columns.
bool ProvidedBy(const catalog::Index& candidate, const catalog::Index& existing);

// Bytes of an index of `pages` pages (8 kB blocks).
inline double IndexBytes(const catalog::Index& index) {
  return static_cast<double>(index.pages) * 8192.0;
}

}  // namespace dbopt::advisor
