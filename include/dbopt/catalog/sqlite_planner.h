// SQLite's own query planner as a second opinion for a catalog loaded from a SQLite file: the
// file's schema and sqlite_stat1 rows are copied into an in-memory database (the file is opened
// read-only and never written), a hypothetical index is created there with a sqlite_stat1 row
// estimated from the catalog's statistics, and EXPLAIN QUERY PLAN says whether SQLite would use
// it. The stat1 row of an index of N rows over keys k1..kn is "N a1 .. an" with
//   a_i = ceil(N / min(N, Π_{j≤i} n_distinct(k_j)))      (n_distinct unknown: N / 10, SQLite's
//                                                         own guess of 10 rows per key value)
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "dbopt/base/result.h"
#include "dbopt/catalog/catalog.h"

namespace dbopt::catalog {

enum class SqliteVerdict { kUses, kDoesNotUse, kCannotTell };

class SqlitePlanner {
 public:
  // catalog.source must be a SQLite file (kind "sqlite").
  static Result<std::unique_ptr<SqlitePlanner>> Open(const Catalog& catalog);
  ~SqlitePlanner();

  // Whether SQLite would use `index` (hypothetical, on a table of the catalog) for any of the
  // statements (SQL text in SQLite's dialect; $1-style parameters are fine), with the `others`
  // (the rest of the configuration) created too: an index may only pay once another one lets
  // SQLite drive the join from its table. kCannotTell when no statement compiles in SQLite.
  SqliteVerdict WouldUse(const Index& index, const std::vector<Index>& others,
                         const std::vector<std::string>& statements);

 private:
  struct Impl;
  explicit SqlitePlanner(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
  const Catalog* catalog_ = nullptr;
};

// The sqlite_stat1 "stat" text for an index, from the catalog's statistics (formula above).
std::string EstimateSqliteStat1(const Catalog& catalog, const Index& index);

}  // namespace dbopt::catalog
