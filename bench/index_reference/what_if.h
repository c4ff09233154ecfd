// What-if costing with HypoPG: the weighted cost of a workload under a set of hypothetical
// B-tree indexes, with PostgreSQL 15's own planner, and the indexes' estimated sizes.
//
// Cache: a statement's cost depends only on the hypothetical indexes on the tables it
// references, so it is cached per (statement, that subset); a what-if call is a cache miss,
// i.e. one EXPLAIN. The session's hypothetical indexes are changed only as far as needed
// (hypopg_drop_index of the extra ones, hypopg_create_index of the missing ones).
#pragma once

#include <algorithm>
#include <map>
#include <set>
#include <string>
#include <tuple>
#include <vector>

#include "pg_client.h"
#include "workload.h"

namespace dbopt::bench {

struct IndexKey {
  std::string table;
  std::vector<std::string> columns;
  bool operator<(const IndexKey& o) const {
    return std::tie(table, columns) < std::tie(o.table, o.columns);
  }
  bool operator==(const IndexKey& o) const { return table == o.table && columns == o.columns; }
};

inline std::string ColumnList(const IndexKey& k) {
  std::string out;
  for (const std::string& c : k.columns) out += (out.empty() ? "" : ", ") + SqlIdent(c);
  return out;
}

inline std::string IndexName(const IndexKey& k) {
  std::string name = k.table;
  for (const std::string& c : k.columns) name += "_" + c;
  name = name.substr(0, 59) + "_idx";
  return name;
}

inline std::string CreateIndexSql(const IndexKey& k) {
  return fmt::format("CREATE INDEX {} ON {} ({})", SqlIdent(IndexName(k)), SqlIdent(k.table),
                     ColumnList(k));
}

using Configuration = std::set<IndexKey>;

class WhatIf {
 public:
  // statement_tables[i]: the tables statement i references (its cache key's filter).
  WhatIf(PgClient& pg, const std::vector<WorkloadStatement>& statements,
         std::vector<std::set<std::string>> statement_tables)
      : pg_(pg), statements_(statements), statement_tables_(std::move(statement_tables)) {}

  // Σ over statements of weight × EXPLAIN total cost, under the configuration.
  Result<double> WorkloadCost(const Configuration& config) {
    double total = 0;
    for (size_t i = 0; i < statements_.size(); ++i) {
      Configuration relevant;
      for (const IndexKey& k : config) {
        if (statement_tables_[i].count(k.table)) relevant.insert(k);
      }
      auto key = std::make_pair(i, relevant);
      auto hit = cache_.find(key);
      if (hit == cache_.end()) {
        Status ready = Install(relevant);
        if (!ready.ok()) return ready.error();
        Result<double> cost = pg_.ExplainCost(statements_[i]);
        if (!cost.ok())
          return Error::Io(fmt::format("{}: {}", statements_[i].origin, cost.error().message()));
        ++what_if_calls_;
        hit = cache_.emplace(key, *cost).first;
      } else {
        ++cache_hits_;
      }
      total += statements_[i].weight * hit->second;
    }
    return total;
  }

  // HypoPG's estimated size of the index in bytes (hypopg_relation_size), cached.
  Result<double> Size(const IndexKey& k) {
    auto hit = sizes_.find(k);
    if (hit != sizes_.end()) return hit->second;
    Configuration with = installed_;
    with.insert(k);
    Status ready = Install(with);
    if (!ready.ok()) return ready.error();
    Result<Rows> rows = pg_.Query(fmt::format("SELECT hypopg_relation_size({})", oids_.at(k)));
    if (!rows.ok()) return rows.error();
    double bytes = std::stod(rows->at(0).at(0));
    sizes_[k] = bytes;
    return bytes;
  }

  long what_if_calls() const { return what_if_calls_; }
  long cache_hits() const { return cache_hits_; }

 private:
  // Makes the session's hypothetical indexes exactly `wanted`.
  Status Install(const Configuration& wanted) {
    for (auto it = installed_.begin(); it != installed_.end();) {
      if (wanted.count(*it)) {
        ++it;
        continue;
      }
      Status dropped = pg_.Exec(fmt::format("SELECT hypopg_drop_index({})", oids_.at(*it)));
      if (!dropped.ok()) return dropped;
      oids_.erase(*it);
      it = installed_.erase(it);
    }
    for (const IndexKey& k : wanted) {
      if (installed_.count(k)) continue;
      Result<Rows> rows = pg_.Query(fmt::format("SELECT indexrelid FROM hypopg_create_index({})",
                                                SqlLiteral(CreateIndexSql(k))));
      if (!rows.ok()) return rows.error();
      oids_[k] = rows->at(0).at(0);
      installed_.insert(k);
    }
    return Ok{};
  }

  PgClient& pg_;
  const std::vector<WorkloadStatement>& statements_;
  std::vector<std::set<std::string>> statement_tables_;
  std::map<std::pair<size_t, Configuration>, double> cache_;
  std::map<IndexKey, double> sizes_;
  Configuration installed_;
  std::map<IndexKey, std::string> oids_;
  long what_if_calls_ = 0;
  long cache_hits_ = 0;
};

}  // namespace dbopt::bench
