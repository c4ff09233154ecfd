// EXPLAIN (FORMAT JSON) as explain.c writes it: ExplainBeginOutput's "[", one group per query,
// ExplainOpenGroup/ExplainCloseGroup with two spaces per level, ExplainJSONLineEnding's
// ",\n" between members, lists (ExplainPropertyList) on one line, escape_json() strings.
#include <cstdio>
#include <string>
#include <vector>

#include "dbopt/render/explain.h"
#include "explain_node.h"

namespace dbopt::render {
namespace {

// escape_json(): quotes, backslashes and control characters.
std::string JsonString(const std::string& s) {
  std::string out = "\"";
  for (unsigned char c : s) {
    switch (c) {
      case '"':
        out += "\\\"";
        break;
      case '\\':
        out += "\\\\";
        break;
      case '\b':
        out += "\\b";
        break;
      case '\f':
        out += "\\f";
        break;
      case '\n':
        out += "\\n";
        break;
      case '\r':
        out += "\\r";
        break;
      case '\t':
        out += "\\t";
        break;
      default:
        if (c < 0x20) {
          char buffer[8];
          std::snprintf(buffer, sizeof buffer, "\\u%04x", c);
          out += buffer;
        } else {
          out += static_cast<char>(c);
        }
    }
  }
  return out + "\"";
}

class JsonWriter {
 public:
  void Begin() {
    out += "[";
    first_.push_back(true);
    ++indent_;
  }
  void End() {
    --indent_;
    first_.pop_back();
    out += "\n]\n";
  }
  // ExplainOpenGroup / ExplainCloseGroup; an empty label opens an unnamed group.
  void Open(const std::string& label, char bracket) {
    LineEnding();
    Indent();
    if (!label.empty()) out += JsonString(label) + ": ";
    out += bracket;
    first_.push_back(true);
    ++indent_;
  }
  void Close(char bracket) {
    --indent_;
    out += "\n";
    Indent();
    out += bracket;
    first_.pop_back();
  }
  void Property(const ExplainProperty& p) {
    LineEnding();
    Indent();
    out += JsonString(p.label) + ": ";
    switch (p.kind) {
      case ExplainProperty::Kind::kText:
        out += JsonString(p.value);
        break;
      case ExplainProperty::Kind::kNumber:
      case ExplainProperty::Kind::kBool:
        out += p.value;
        break;
      case ExplainProperty::Kind::kList: {
        out += "[";
        for (size_t i = 0; i < p.items.size(); ++i) {
          out += (i > 0 ? ", " : "") + JsonString(p.items[i]);
        }
        out += "]";
        break;
      }
    }
  }
  void Number(const char* label, std::string value) {
    ExplainProperty p;
    p.label = label;
    p.kind = ExplainProperty::Kind::kNumber;
    p.value = std::move(value);
    Property(p);
  }
  void List(const char* label, const std::vector<std::string>& items) {
    ExplainProperty p;
    p.label = label;
    p.kind = ExplainProperty::Kind::kList;
    p.items = items;
    Property(p);
  }

  std::string out;

 private:
  // ExplainJSONLineEnding: a comma unless this is the group's first member, then a newline.
  void LineEnding() {
    if (!first_.back()) out += ",";
    first_.back() = false;
    out += "\n";
  }
  void Indent() { out.append(static_cast<size_t>(indent_) * 2, ' '); }

  std::vector<bool> first_;
  int indent_ = 0;
};

Result<bool> WriteNode(const plan::PlanNode& node, const ExplainChild& as_child,
                       const ExplainStatement& statement, const JsonOptions& options,
                       JsonWriter* w) {
  auto view = DescribeNode(node, as_child, statement);
  if (!view.ok()) return view.error();
  w->Open(*as_child.relationship ? "" : "Plan", '{');
  for (const ExplainProperty& p : view->header) w->Property(p);
  w->Number("Startup Cost", FormatFixed(node.startup_cost, 2));
  w->Number("Total Cost", FormatFixed(node.total_cost, 2));
  w->Number("Plan Rows", FormatFixed(node.rows, 0));
  w->Number("Plan Width", std::to_string(node.width));
  for (const ExplainProperty& p : view->details) {
    if (p.in_json) w->Property(p);
  }
  if (options.dbopt_extras && !node.why.empty()) w->List("dbopt Why", node.why);
  if (!view->children.empty()) {
    w->Open("Plans", '[');
    for (const ExplainChild& child : view->children) {
      auto written = WriteNode(*child.node, child, statement, options, w);
      if (!written.ok()) return written.error();
    }
    w->Close(']');
  }
  w->Close('}');
  return true;
}

}  // namespace

Result<std::string> RenderJson(const plan::PlannedStatement& statement,
                               const JsonOptions& options) {
  if (!statement.plan) return Error::Internal("explain: the statement has no plan");
  const ExplainStatement prepared = PrepareStatement(statement);
  JsonWriter w;
  w.Begin();
  w.Open("", '{');
  auto written = WriteNode(*statement.plan, ExplainChild{}, prepared, options, &w);
  if (!written.ok()) return written.error();
  // explain.c ExplainOnePlan: "Planning Time" in milliseconds with 3 decimals.
  if (options.summary) w.Number("Planning Time", FormatFixed(statement.planning_ms, 3));
  if (options.dbopt_extras && !statement.notes.empty()) w.List("dbopt Notes", statement.notes);
  w.Close('}');
  w.End();
  return std::move(w.out);
}

}  // namespace dbopt::render
