// PLACEHOLDER until its owner lands it: keeps the tree linking. Must not survive the session.
#include "dbopt/catalog/settings.h"

namespace dbopt::catalog {

Settings::Settings() = default;

}  // namespace dbopt::catalog
