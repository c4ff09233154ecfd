// The catalog as the catalog-aware rules look at it, indexed once per run: table lookup,
// index shapes per table and the small value domains that CHECK constraints spell out
// (`status IN ('a', 'b')`, or PostgreSQL's `(status)::text = ANY (ARRAY[...])`).
#pragma once

#include <map>
#include <string>
#include <utility>
#include <vector>

#include "dbopt/catalog/catalog.h"
#include "file_facts.h"

namespace dbopt::lint {

class CatalogFacts {
 public:
  explicit CatalogFacts(const catalog::Catalog& catalog);

  const catalog::Catalog& catalog() const { return catalog_; }
  // schema may be empty (search as Catalog::FindTable does).
  const catalog::Table* FindTable(const std::string& schema, const std::string& name) const;
  const std::vector<IndexShape>& IndexesOf(const catalog::Table& table) const;
  // The values a CHECK constraint allows for the column; nullptr when it allows any.
  const std::vector<std::string>* CheckDomain(const catalog::Table& table,
                                              const std::string& column) const;
  const std::vector<std::string>& table_names() const { return table_names_; }
  // True when the catalog has statistics for the table (reltuples known).
  static bool HasStats(const catalog::Table& table) {
    return table.stats.has_value() && table.stats->reltuples >= 0;
  }

 private:
  const catalog::Catalog& catalog_;
  std::vector<std::string> table_names_;
  std::map<const catalog::Table*, std::vector<IndexShape>> indexes_;
  std::map<std::pair<const catalog::Table*, std::string>, std::vector<std::string>> domains_;
};

}  // namespace dbopt::lint
