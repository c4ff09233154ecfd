// How subcommands plug into the dbopt executable: each cmd_<verb>.cc defines one Add<Verb>
// function that declares its options on a CLI11 subcommand and returns what to run when the
// user chose it. Logic lives in dbopt_core; these files only wire options to it.
#pragma once

#include <CLI/CLI.hpp>
#include <functional>
#include <vector>

#include "dbopt/base/result.h"

namespace dbopt::cli {

struct Command {
  CLI::App* app = nullptr;
  std::function<int()> run;  // returns the exit code
};

// Prints the error to stderr and returns its exit code.
int ReportError(const Error& error);

Command AddParse(CLI::App& app);
Command AddCatalog(CLI::App& app);
Command AddExplain(CLI::App& app);
Command AddLint(CLI::App& app);
Command AddReplay(CLI::App& app);
Command AddRecommendIndex(CLI::App& app);

}  // namespace dbopt::cli
