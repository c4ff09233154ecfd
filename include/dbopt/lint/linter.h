// Linting one file: parse, run every enabled rule on every statement, apply levels and
// suppressions, sort. The catalog (optional) is indexed once, in the constructor.
//
//   Linter linter(&catalog);               // or Linter linter(nullptr): syntax rules only
//   std::vector<Finding> findings = linter.LintFile(source, config);
#pragma once

#include <memory>
#include <vector>

#include "dbopt/base/source_text.h"
#include "dbopt/catalog/catalog.h"
#include "dbopt/lint/config.h"
#include "dbopt/lint/finding.h"

namespace dbopt::lint {

class CatalogFacts;

class Linter {
 public:
  explicit Linter(const catalog::Catalog* catalog);
  ~Linter();
  Linter(const Linter&) = delete;
  Linter& operator=(const Linter&) = delete;

  bool has_catalog() const { return catalog_ != nullptr; }
  // Findings of the file, sorted (FindingLess). Syntax errors are DB000 findings.
  std::vector<Finding> LintFile(const SourceText& source, const Config& config) const;

 private:
  std::unique_ptr<CatalogFacts> catalog_;
};

}  // namespace dbopt::lint
