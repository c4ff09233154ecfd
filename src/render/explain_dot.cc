// The plan as a Graphviz digraph: one box per node, labelled with EXPLAIN's node line, the
// estimates and the node's text properties (one left-aligned line each); an edge from each
// parent to each child labelled with EXPLAIN's relationship (and the InitPlan/SubPlan name),
// drawn with the arrowhead at the parent because rows flow upwards. Nodes are numbered n1, n2,
// ... in EXPLAIN's printing order.
#include <string>

#include "dbopt/render/explain.h"
#include "explain_node.h"

namespace dbopt::render {
namespace {

// A DOT double-quoted string body: quotes and backslashes escaped, each line ended by "\l"
// (left-justified).
std::string DotLines(const std::vector<std::string>& lines) {
  std::string out;
  for (const std::string& line : lines) {
    for (char c : line) {
      if (c == '"' || c == '\\') out += '\\';
      out += c == '\n' ? ' ' : c;
    }
    out += "\\l";
  }
  return out;
}

class DotPrinter {
 public:
  explicit DotPrinter(const ExplainStatement& statement) : statement_(statement) {}

  // Prints the node and its subtree; returns its id number.
  Result<int> Node(const plan::PlanNode& node, const ExplainChild& as_child) {
    auto view = DescribeNode(node, as_child, statement_);
    if (!view.ok()) return view.error();
    const int id = ++count_;
    std::vector<std::string> lines{view->text_name, "cost=" + FormatFixed(node.startup_cost, 2) +
                                                        ".." + FormatFixed(node.total_cost, 2) +
                                                        " rows=" + FormatFixed(node.rows, 0) +
                                                        " width=" + std::to_string(node.width)};
    for (const ExplainProperty& p : view->details) {
      if (!p.in_text) continue;
      std::string value = p.value;
      if (p.kind == ExplainProperty::Kind::kList) {
        value.clear();
        for (const std::string& item : p.items) value += (value.empty() ? "" : ", ") + item;
      }
      lines.push_back(p.label + ": " + value);
    }
    nodes_ += "  n" + std::to_string(id) + " [label=\"" + DotLines(lines) + "\"];\n";
    for (const ExplainChild& child : view->children) {
      auto child_id = Node(*child.node, child);
      if (!child_id.ok()) return child_id.error();
      std::string label = child.relationship;
      if (!child.plan_name.empty()) label += ": " + child.plan_name;
      edges_ += "  n" + std::to_string(id) + " -> n" + std::to_string(child_id.value()) +
                " [label=\"" + DotLines({label}) + "\", dir=back];\n";
    }
    return id;
  }

  std::string Finish() const {
    return "digraph plan {\n"
           "  node [shape=box, fontname=\"monospace\", fontsize=10];\n"
           "  edge [fontname=\"monospace\", fontsize=9];\n" +
           nodes_ + edges_ + "}\n";
  }

 private:
  const ExplainStatement& statement_;
  int count_ = 0;
  std::string nodes_;
  std::string edges_;
};

}  // namespace

Result<std::string> RenderDot(const plan::PlannedStatement& statement) {
  if (!statement.plan) return Error::Internal("explain: the statement has no plan");
  const ExplainStatement prepared = PrepareStatement(statement);
  DotPrinter printer(prepared);
  auto root = printer.Node(*statement.plan, ExplainChild{});
  if (!root.ok()) return root.error();
  return printer.Finish();
}

}  // namespace dbopt::render
