// The manifest of one settings run: which plans to compare.
//
// One line per query, tab-separated; '#' starts a comment line; blank lines are ignored:
//   NAME <TAB> PG_PLAN <TAB> DBOPT_PLAN|missing [<TAB> NOTE]
// Paths are relative to the manifest's directory unless absolute. "missing" means dbopt
// produced no plan; NOTE says why (e.g. "exit 2: unknown command 'explain'"). A dbopt file
// that is not one EXPLAIN JSON document counts as not planned too. PostgreSQL's plan must
// exist and parse: it is the reference, so its absence is an error of the harness.
#pragma once

#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "compare.h"

namespace dbopt::bench {

struct ManifestEntry {
  std::string name;
  std::string pg_path;
  std::string dbopt_path;  // "" when dbopt produced no plan
  std::string note;
};

inline Result<std::string> ReadWholeFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return Error::Io(fmt::format("cannot read {}", path));
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

inline std::vector<std::string> SplitTabs(const std::string& line) {
  std::vector<std::string> fields;
  size_t start = 0;
  while (true) {
    const size_t tab = line.find('\t', start);
    fields.push_back(
        line.substr(start, tab == std::string::npos ? std::string::npos : tab - start));
    if (tab == std::string::npos) return fields;
    start = tab + 1;
  }
}

inline Result<std::vector<ManifestEntry>> ParseManifest(const std::string& text,
                                                        const std::string& path) {
  const size_t slash = path.find_last_of('/');
  const std::string dir = slash == std::string::npos ? "" : path.substr(0, slash + 1);
  auto resolve = [&dir](const std::string& p) { return p.empty() || p[0] == '/' ? p : dir + p; };
  std::vector<ManifestEntry> entries;
  std::istringstream lines(text);
  std::string line;
  for (int number = 1; std::getline(lines, line); ++number) {
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (line.empty() || line[0] == '#') continue;
    const std::vector<std::string> f = SplitTabs(line);
    if (f.size() < 3 || f.size() > 4 || f[0].empty() || f[1].empty() || f[2].empty()) {
      return Error::BadInput(fmt::format(
          "{}:{}: expected NAME<TAB>PG_PLAN<TAB>DBOPT_PLAN|missing[<TAB>NOTE]", path, number));
    }
    entries.push_back(
        {f[0], resolve(f[1]), f[2] == "missing" ? "" : resolve(f[2]), f.size() == 4 ? f[3] : ""});
  }
  if (entries.empty()) return Error::BadInput(fmt::format("{}: no queries", path));
  return entries;
}

// Reads and compares every entry's plans.
inline Result<std::vector<QueryComparison>> CompareEntries(
    const std::vector<ManifestEntry>& entries) {
  std::vector<QueryComparison> out;
  for (const ManifestEntry& e : entries) {
    Result<std::string> pg_text = ReadWholeFile(e.pg_path);
    if (!pg_text.ok()) return pg_text.error();
    Result<ExplainPlan> pg = ParseExplainJson(*pg_text);
    if (!pg.ok()) {
      return Error::BadInput(
          fmt::format("{}: PostgreSQL's plan {}: {}", e.name, e.pg_path, pg.error().message()));
    }
    Result<ExplainPlan> dbopt = Error::BadInput(e.note.empty() ? "no plan" : e.note);
    if (!e.dbopt_path.empty()) {
      Result<std::string> text = ReadWholeFile(e.dbopt_path);
      dbopt = text.ok() ? ParseExplainJson(*text) : Result<ExplainPlan>(text.error());
      if (!dbopt.ok()) {
        dbopt = Error::BadInput(fmt::format("output is {}", dbopt.error().message()));
      }
    }
    out.push_back(ComparePlans(e.name, *pg, dbopt));
  }
  return out;
}

inline Result<std::vector<QueryComparison>> CompareManifest(const std::string& path) {
  Result<std::string> text = ReadWholeFile(path);
  if (!text.ok()) return text.error();
  Result<std::vector<ManifestEntry>> entries = ParseManifest(*text, path);
  if (!entries.ok()) return entries.error();
  return CompareEntries(*entries);
}

}  // namespace dbopt::bench
