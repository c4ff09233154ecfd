// EXPLAIN's text format (explain.c ExplainNode with EXPLAIN_FORMAT_TEXT, ExplainProperty*,
// ExplainIndentText): a node line "->  Name  (cost=%.2f..%.2f rows=%.0f width=%d)", its
// properties as "Label: value" two spaces deeper than the node name, InitPlan/SubPlan names on
// their own line above their "->".
#include <string>

#include "dbopt/render/explain.h"
#include "explain_node.h"

namespace dbopt::render {
namespace {

struct WhyEntry {
  int number = 0;
  std::string title;
  const std::vector<std::string>* lines = nullptr;
};

class TextPrinter {
 public:
  explicit TextPrinter(const ExplainStatement& statement) : statement_(statement) {}

  Result<bool> Node(const plan::PlanNode& node, const ExplainChild& as_child, int indent);

  std::string out;
  std::vector<WhyEntry> why;

 private:
  void Indent(int indent) { out.append(static_cast<size_t>(indent) * 2, ' '); }

  const ExplainStatement& statement_;
  int printed_ = 0;
};

std::string PropertyValue(const ExplainProperty& p) {
  if (p.kind != ExplainProperty::Kind::kList) return p.value;
  std::string joined;
  for (const std::string& item : p.items) joined += (joined.empty() ? "" : ", ") + item;
  return joined;
}

Result<bool> TextPrinter::Node(const plan::PlanNode& node, const ExplainChild& as_child,
                               int indent) {
  auto view = DescribeNode(node, as_child, statement_);
  if (!view.ok()) return view.error();
  if (!as_child.plan_name.empty()) {
    Indent(indent);
    out += as_child.plan_name + "\n";
    ++indent;
  }
  if (indent > 0) {
    Indent(indent);
    out += "->  ";
    indent += 2;
  }
  out += view->text_name + "  (cost=" + FormatFixed(node.startup_cost, 2) + ".." +
         FormatFixed(node.total_cost, 2) + " rows=" + FormatFixed(node.rows, 0) +
         " width=" + std::to_string(node.width) + ")\n";
  ++indent;
  ++printed_;
  if (!node.why.empty()) why.push_back({printed_, view->text_name, &node.why});
  for (const ExplainProperty& p : view->details) {
    if (!p.in_text) continue;
    Indent(indent);
    out += p.label + ": " + PropertyValue(p) + "\n";
  }
  for (const ExplainChild& child : view->children) {
    auto printed = Node(*child.node, child, indent);
    if (!printed.ok()) return printed.error();
  }
  return true;
}

// --why: one block per node that has reasons, numbered by the node's position in the plan
// above (1 = the top node, counting node lines from the top).
void AppendWhy(const std::vector<WhyEntry>& entries, std::string* out) {
  if (entries.empty()) return;
  *out += "\nWhy (per plan node, numbered from the top of the plan):\n";
  for (const WhyEntry& entry : entries) {
    *out += "[" + std::to_string(entry.number) + "] " + entry.title + "\n";
    for (const std::string& line : *entry.lines) *out += "    " + line + "\n";
  }
}

}  // namespace

Result<std::string> RenderText(const plan::PlannedStatement& statement,
                               const TextOptions& options) {
  if (!statement.plan) return Error::Internal("explain: the statement has no plan");
  const ExplainStatement prepared = PrepareStatement(statement);
  TextPrinter printer(prepared);
  auto printed = printer.Node(*statement.plan, ExplainChild{}, 0);
  if (!printed.ok()) return printed.error();
  std::string out = std::move(printer.out);
  // explain.c ExplainOnePlan: "Planning Time: %.3f ms".
  if (options.summary) out += "Planning Time: " + FormatFixed(statement.planning_ms, 3) + " ms\n";
  if (options.why) AppendWhy(printer.why, &out);
  if (options.notes) {
    for (const std::string& note : statement.notes) out += "Note: " + note + "\n";
  }
  return out;
}

}  // namespace dbopt::render
