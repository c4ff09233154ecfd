// What changed between two catalogs (`dbopt catalog diff A B`): objects added and removed,
// definitions changed, and statistics that moved by more than a relative threshold.
#pragma once

#include <string>
#include <vector>

#include "dbopt/catalog/catalog.h"

namespace dbopt::catalog {

struct DiffOptions {
  // Statistics count as changed when |b - a| > threshold * max(|a|, |b|); correlation, which
  // lies in [-1, 1], when |b - a| > threshold. 0 reports every difference.
  double threshold = 0.1;
};

enum class ChangeKind { kAdded, kRemoved, kChanged };

const char* ChangeKindName(ChangeKind kind);  // "added" | "removed" | "changed"

struct Change {
  ChangeKind kind = ChangeKind::kChanged;
  std::string object;    // "setting", "table", "column", "constraint", "index", "statistics"
  std::string name;      // e.g. "work_mem", "sales.orders", "orders.o_custkey", "orders_pkey"
  std::string property;  // what changed, e.g. "definition", "reltuples"; empty for added and
                         // removed objects and for settings (their value changed)
  std::string from;      // old value as text; empty for added
  std::string to;        // new value as text; empty for removed
};

// Changes in a fixed order: settings by name; then tables by schema.name, each followed by its
// columns (in A's order, then B's new ones), constraints and statistics; then indexes by
// schema.name; then extended statistics by schema.name. Where a table or index is added or
// removed, its parts are not listed. The catalogs' source and warnings are not compared.
std::vector<Change> DiffCatalogs(const Catalog& a, const Catalog& b,
                                 const DiffOptions& options = {});

// One line per change: "+ table sales.returns", "~ table orders: reltuples 75000 → 150000
// (+100.0%)".
std::string RenderDiffText(const std::vector<Change>& changes);

// {"a": ..., "b": ..., "identical": bool, "changes": [{"change", "object", "name", "property",
// "from", "to"}]} (docs/catalog-format.md, "catalog diff --format json").
std::string RenderDiffJson(const std::vector<Change>& changes, const std::string& a_name,
                           const std::string& b_name);

}  // namespace dbopt::catalog
