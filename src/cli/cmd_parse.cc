// PLACEHOLDER until its owner lands it: keeps the tree linking. Must not survive the session.
#include "command.h"

namespace dbopt::cli {

Command AddParse(CLI::App& app) {
  Command command;
  command.app = app.add_subcommand("parse", "Parse SQL and print dbopt's AST");
  command.run = [] { return ReportError(Error::Internal("parse: under construction")); };
  return command;
}

}  // namespace dbopt::cli
