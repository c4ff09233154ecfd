// PLACEHOLDER until its owner lands it: keeps the tree linking. Must not survive the session.
#include "dbopt/catalog/load.h"

namespace dbopt::catalog {

Result<Catalog> LoadSqliteCatalog(const std::string& /*path*/) {
  return Error::Internal("sqlite_loader: under construction");
}

}  // namespace dbopt::catalog
