// What EXPLAIN says about one plan node, independent of the output format: explain.c's
// ExplainNode() collects the same items and hands them to ExplainProperty*(), which either
// prints "Label: value" lines (text) or JSON members. Text, JSON and DOT all print this.
#pragma once

#include <string>
#include <vector>

#include "dbopt/base/result.h"
#include "dbopt/plan/plan_node.h"
#include "dbopt/render/deparse.h"

namespace dbopt::render {

struct ExplainProperty {
  enum class Kind { kText, kList, kNumber, kBool };  // JSON: string, [strings], bare, bare
  std::string label;
  Kind kind = Kind::kText;
  std::string value;               // kText, kNumber ("2", "0.00"), kBool ("true"/"false")
  std::vector<std::string> items;  // kList
  bool in_text = true;             // some properties are JSON-only in PostgreSQL 15
  bool in_json = true;
};

// A child and how it hangs under its parent (EXPLAIN's "Parent Relationship").
struct ExplainChild {
  const plan::PlanNode* node = nullptr;
  const char* relationship = "";  // "Outer", "Inner", "Member", "Subquery", "InitPlan", "SubPlan"
  std::string plan_name;          // InitPlans and SubPlans: "SubPlan 1", "CTE x", ...
};

struct ExplainNodeView {
  std::string text_name;  // the text line before the costs: "Hash Left Join", "Seq Scan on t x"
  std::vector<ExplainProperty> header;   // JSON members before the costs ("Node Type", ...)
  std::vector<ExplainProperty> details;  // after the costs: quals, keys, workers, ...
  std::vector<ExplainChild> children;    // in EXPLAIN's order
};

// What printing needs about the whole statement.
struct ExplainStatement {
  const plan::PlannedStatement* statement = nullptr;
  std::vector<std::string> refnames;  // UniqueRefNames over the scanned entries
  std::vector<int> hashed_subplans;   // N of every "(hashed SubPlan N)"
};

ExplainStatement PrepareStatement(const plan::PlannedStatement& statement);

// Describes `node`. `relationship` and `plan_name` are as the parent passes them (empty for
// the top node). Errors only for expressions that cannot be printed.
Result<ExplainNodeView> DescribeNode(const plan::PlanNode& node, const ExplainChild& as_child,
                                     const ExplainStatement& statement);

// "%.2f" and "%.0f" as explain.c prints costs and rows.
std::string FormatFixed(double value, int digits);

}  // namespace dbopt::render
