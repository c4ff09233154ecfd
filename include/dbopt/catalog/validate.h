// Semantic checks of a catalog (`dbopt catalog validate`): references that do not resolve and
// statistics that cannot be (errors), and statistics that are merely suspicious (warnings).
// The JSON reader already rejected what is structurally impossible. The rules are listed in
// docs/catalog-format.md, "Validation".
#pragma once

#include <vector>

#include "dbopt/base/diagnostic.h"
#include "dbopt/catalog/catalog.h"

namespace dbopt::catalog {

// Findings in catalog order (tables, then indexes, then extended statistics), each a
// Diagnostic without a location: "table orders: index orders_x_idx: unknown column ...".
std::vector<Diagnostic> ValidateCatalog(const Catalog& catalog);

int CountSeverity(const std::vector<Diagnostic>& findings, Severity severity);

}  // namespace dbopt::catalog
