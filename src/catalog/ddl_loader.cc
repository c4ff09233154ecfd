// PLACEHOLDER until its owner lands it: keeps the tree linking. Must not survive the session.
#include "dbopt/catalog/load.h"

namespace dbopt::catalog {

Result<Catalog> LoadDdlCatalog(const SourceText& /*text*/) {
  return Error::Internal("ddl_loader: under construction");
}

}  // namespace dbopt::catalog
