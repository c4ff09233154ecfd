#include "index_overlap.h"

#include "../catalog_facts.h"

namespace dbopt::lint {

std::vector<IndexShape> ExistingIndexes(const RuleContext& context, const IndexShape& created) {
  std::vector<IndexShape> out;
  if (const catalog::Table* t = context.catalog->FindTable("", created.table)) {
    if (!context.file.CreatedTable(created.table, created.offset))
      out = context.catalog->IndexesOf(*t);
  }
  for (const IndexShape& index : context.file.indexes())
    if (index.table == created.table && index.offset < created.offset) out.push_back(index);
  return out;
}

std::string Describe(const IndexShape& index) {
  std::string keys;
  for (const std::string& k : index.keys) keys += (keys.empty() ? "" : ", ") + k;
  return (index.name.empty() ? std::string("an index") : index.name) + " (" + keys + ")";
}

}  // namespace dbopt::lint
