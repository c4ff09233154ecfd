// PLACEHOLDER until its owner lands it: keeps the tree linking. Must not survive the session.
#include "command.h"

namespace dbopt::cli {

Command AddCatalog(CLI::App& app) {
  Command command;
  command.app = app.add_subcommand("catalog", "Import, show, validate and diff catalogs");
  command.run = [] { return ReportError(Error::Internal("catalog: under construction")); };
  return command;
}

}  // namespace dbopt::cli
