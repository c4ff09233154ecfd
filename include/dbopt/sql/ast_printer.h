// Printing dbopt's AST for people and programs (`dbopt parse`). The JSON form is documented in
// docs/ast-format.md; the text form is the same tree, one node per line, indented by two spaces.
#pragma once

#include <nlohmann/json.hpp>
#include <string>

#include "dbopt/base/source_text.h"
#include "dbopt/sql/ast_statement.h"

namespace dbopt::sql {

// Key order is fixed (nlohmann::ordered_json), so the output is deterministic.
using Json = nlohmann::ordered_json;

// The statement's tree: {"node": "Select", "location": 0, ...}. Node locations are byte offsets.
Json StatementToJson(const Statement& statement);
Json ExprToJson(const Expr& expr);

// The tree as indented text. `source` turns byte offsets into line:column.
std::string TreeToText(const Json& tree, const SourceText& source, int indent = 0);

}  // namespace dbopt::sql
