// Human-readable views of a catalog: index definitions as pg_get_indexdef prints them, sizes as
// pg_size_pretty prints them, and the `dbopt catalog show` summary for a DBA.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "dbopt/catalog/catalog.h"

namespace dbopt::catalog {

// CREATE [UNIQUE] INDEX name ON schema.table USING method (keys) [INCLUDE (...)] [WHERE (...)]
std::string IndexDefinition(const Index& index);

// pg_size_pretty: "8192 bytes", "8960 kB", "12 MB" (rounded half up at each unit).
std::string PrettySize(int64_t bytes);

// "orders" in the public schema, "sales.orders" elsewhere: how messages name objects.
std::string DisplayName(const std::string& schema, const std::string& name);

// The text summary: source, non-default settings, then per table its size, columns with key
// statistics, constraints, indexes and extended statistics, then the catalog's warnings.
// `tables` restricts the tables shown (in the given order); empty shows every table.
std::string DescribeCatalog(const Catalog& catalog, const std::vector<const Table*>& tables = {});

// The catalog with only `tables` (pointers into `catalog`), their indexes and extended
// statistics; source, settings and warnings are kept.
Catalog RestrictToTables(const Catalog& catalog, const std::vector<const Table*>& tables);

}  // namespace dbopt::catalog
