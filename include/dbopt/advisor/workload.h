// A workload for the index advisor: statements with weights (how often each runs). Read from
// .sql files where a statement's leading comment may carry `-- dbopt: calls=1200` (the format
// `dbopt replay --emit-workload` writes, docs/workload-format.md), or built by the caller from
// another source (a pg_stat_statements export).
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "dbopt/base/result.h"
#include "dbopt/base/source_text.h"
#include "dbopt/sql/ast_statement.h"

namespace dbopt::advisor {

struct WorkloadStatement {
  std::shared_ptr<const SourceText> source;  // the text the statement's locations point into
  sql::Statement statement;
  double weight = 1;   // calls; 1 when the workload does not say
  std::string origin;  // "file:line" of the statement's first token
};

struct Workload {
  std::vector<WorkloadStatement> statements;
  // Statements that are not SELECT/INSERT/UPDATE/DELETE (SET, BEGIN, DDL), as "file:line: KIND".
  std::vector<std::string> not_analysed;
  // Syntax errors and bad `-- dbopt:` comments, file:line:col with the line and a caret. The
  // statements around them are still read.
  std::vector<Diagnostic> errors;
};

// Appends the statements of one SQL text. A statement's weight is the `calls=N` key of the last
// `-- dbopt:` comment before it (other keys are ignored, as the format asks; N may have a
// fraction). Syntax errors and a bad `calls` value go to workload.errors.
void AppendSqlWorkload(std::shared_ptr<const SourceText> source, Workload& workload);

// Appends one statement given as text with its weight (pg_stat_statements rows, tests).
// `origin` names where it came from ("pgss.csv:12"); the text must hold one statement.
void AppendStatement(const std::string& origin, const std::string& sql, double weight,
                     Workload& workload);

}  // namespace dbopt::advisor
