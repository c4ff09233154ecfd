// The text form of the AST: the JSON tree rendered one node per line.
//
//   Select (1:1)
//     targets:
//       Target alias="n" (1:8)
//         expr: FuncCall name=["count"] star=true (1:8)
//
// A node's line holds its kind, its scalar fields (key=value, strings JSON-quoted) and its
// location as (line:column); object and array fields follow, indented.
#include "dbopt/sql/ast_printer.h"

#include <fmt/format.h>

namespace dbopt::sql {
namespace {

bool IsScalar(const Json& value) {
  if (value.is_array()) {
    for (const Json& item : value) {
      if (item.is_object() || item.is_array()) return false;
    }
    return true;  // arrays of names print inline: ["t","col"]
  }
  return !value.is_object();
}

std::string Header(const Json& node, const SourceText& source) {
  std::string out = node.contains("node") ? node["node"].get<std::string>() : "{}";
  for (const auto& [key, value] : node.items()) {
    if (key == "node" || key == "location" || !IsScalar(value)) continue;
    out += " " + key + "=" + value.dump();
  }
  if (node.contains("location")) {
    const LineColumn lc = source.Locate(node["location"].get<size_t>());
    out += fmt::format(" ({}:{})", lc.line, lc.column);
  }
  return out;
}

void Render(const Json& node, const SourceText& source, int indent, std::string* out);

void RenderValue(const std::string& key, const Json& value, const SourceText& source, int indent,
                 std::string* out) {
  const std::string pad(static_cast<size_t>(indent) * 2, ' ');
  if (value.is_object()) {
    *out += pad + key + ": " + Header(value, source) + "\n";
    for (const auto& [k, v] : value.items()) {
      if (!IsScalar(v)) RenderValue(k, v, source, indent + 1, out);
    }
    return;
  }
  *out += pad + key + ":\n";
  for (const Json& item : value) {
    if (item.is_object()) {
      Render(item, source, indent + 1, out);
    } else if (item.is_array()) {
      RenderValue("-", item, source, indent + 1, out);  // VALUES rows: a list of lists
    } else {
      *out += pad + "  " + item.dump() + "\n";
    }
  }
}

void Render(const Json& node, const SourceText& source, int indent, std::string* out) {
  *out += std::string(static_cast<size_t>(indent) * 2, ' ') + Header(node, source) + "\n";
  for (const auto& [key, value] : node.items()) {
    if (!IsScalar(value)) RenderValue(key, value, source, indent + 1, out);
  }
}

}  // namespace

std::string TreeToText(const Json& tree, const SourceText& source, int indent) {
  std::string out;
  if (tree.is_object()) Render(tree, source, indent, &out);
  return out;
}

}  // namespace dbopt::sql
