// PLACEHOLDER until its owner lands it: keeps the tree linking. Must not survive the session.
#include "dbopt/catalog/load.h"

namespace dbopt::catalog {

Result<Catalog> LoadPostgresCatalog(const std::string& /*conninfo*/) {
  return Error::Internal("postgres_loader: under construction");
}

}  // namespace dbopt::catalog
