// dbopt: parse flags, dispatch to a subcommand. Everything else lives in dbopt_core.
#include <exception>
#include <iostream>

#include "command.h"
#include "dbopt/base/version.h"

namespace dbopt::cli {

int ReportError(const Error& error) {
  std::cerr << error.Render();
  return ExitCodeFor(error.kind);
}

namespace {

int Main(int argc, char** argv) {
  CLI::App app{"dbopt — an offline SQL advisor and plan explainer for PostgreSQL 15", "dbopt"};
  app.set_version_flag("--version", std::string("dbopt ") + kVersion);
  app.require_subcommand(1);
  app.footer(
      "Exit codes: 0 success, 1 findings asked to fail on, 2 bad usage or input, 3 internal "
      "error.\n"
      "See `man dbopt` or `dbopt <command> --help`.");
  std::vector<Command> commands = {AddParse(app),          AddCatalog(app), AddExplain(app),
                                   AddRecommendIndex(app), AddLint(app),    AddReplay(app)};
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    const int code = app.exit(e);
    return code == 0 ? 0 : 2;
  }
  for (const Command& command : commands) {
    if (command.app->parsed()) return command.run();
  }
  std::cerr << app.help();
  return 2;
}

}  // namespace
}  // namespace dbopt::cli

int main(int argc, char** argv) {
  try {
    return dbopt::cli::Main(argc, argv);
  } catch (const std::exception& e) {
    std::cerr << "dbopt: internal error: " << e.what() << "\n";
    return 3;
  }
}
