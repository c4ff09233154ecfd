// The SQLite catalog loader's options. LoadSqliteCatalog(path) in load.h uses the defaults;
// docs/sqlite-import.md describes what is read and how it maps to the catalog.
#pragma once

#include <string>

#include "dbopt/base/result.h"
#include "dbopt/catalog/catalog.h"

namespace dbopt::catalog {

struct SqliteLoadOptions {
  // How long to wait for a writer's lock before giving up with "database is locked".
  int busy_timeout_ms = 5000;
  // Measure table and index sizes with the dbstat virtual table when SQLite has it; false
  // estimates them from the file size, as for a SQLite built without dbstat.
  bool use_dbstat = true;
};

Result<Catalog> LoadSqliteCatalog(const std::string& path, const SqliteLoadOptions& options);

}  // namespace dbopt::catalog
