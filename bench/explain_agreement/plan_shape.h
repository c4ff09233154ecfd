// An EXPLAIN (FORMAT JSON) document, PostgreSQL's or dbopt's, reduced to what the agreement
// report compares: the plan's nodes in pre-order with their shape keys, rows and costs, the
// "Planning Time", and the join tree with its access methods.
//
// Shape keys (a node's identity in the shape comparison), in this order:
//   Node Type, Strategy, Partial Mode, Operation, Command, Parent Relationship, Parallel Aware,
//   Scan Direction, Index Name, Relation Name, Alias, CTE Name, Function Name, Join Type,
//   Workers Planned, Single Copy
// Normalization: a boolean key that is false counts as absent (PostgreSQL prints
// "Parallel Aware": false on every node), and an Alias equal to the Relation Name counts as
// absent. Everything else (costs, rows, widths, conditions, Sort Key, Subplan Name, Inner
// Unique) is not part of the shape.
#pragma once

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <nlohmann/json.hpp>

#include "dbopt/base/result.h"

namespace dbopt::bench {

inline constexpr std::array<const char*, 16> kShapeKeys = {
    "Node Type",      "Strategy",       "Partial Mode",
    "Operation",      "Command",        "Parent Relationship",
    "Parallel Aware", "Scan Direction", "Index Name",
    "Relation Name",  "Alias",          "CTE Name",
    "Function Name",  "Join Type",      "Workers Planned",
    "Single Copy"};

// One plan node, flattened.
struct ShapeNode {
  int depth = 0;                                          // the root is 0
  std::vector<std::pair<std::string, std::string>> keys;  // present shape keys, kShapeKeys order
  double plan_rows = 0;
  double total_cost = 0;

  bool SameShape(const ShapeNode& other) const {
    return depth == other.depth && keys == other.keys;
  }
  // "Hash Join (Join Type=Inner, Parent Relationship=Outer)" — for the report.
  std::string Label() const {
    std::string type;
    std::vector<std::string> rest;
    for (const auto& [key, value] : keys) {
      if (key == "Node Type") {
        type = value;
      } else {
        rest.push_back(key + "=" + value);
      }
    }
    return rest.empty() ? type : fmt::format("{} ({})", type, fmt::join(rest, ", "));
  }
};

struct ExplainPlan {
  nlohmann::json plan;                // the "Plan" object
  std::optional<double> planning_ms;  // "Planning Time", when the document has it
  std::vector<ShapeNode> nodes;       // pre-order: a node, then its "Plans" in order
};

namespace detail {

// A JSON scalar as text, or nullopt when the key counts as absent (see the file comment).
inline std::optional<std::string> ShapeValue(const nlohmann::json& node, const char* key) {
  const auto it = node.find(key);
  if (it == node.end() || it->is_null()) return std::nullopt;
  if (it->is_boolean()) return it->get<bool>() ? std::optional<std::string>("true") : std::nullopt;
  if (it->is_string()) {
    std::string value = it->get<std::string>();
    if (std::string_view(key) == "Alias" && node.value("Relation Name", std::string()) == value) {
      return std::nullopt;
    }
    return value;
  }
  return it->dump();
}

inline double Number(const nlohmann::json& node, const char* key) {
  const auto it = node.find(key);
  return it != node.end() && it->is_number() ? it->get<double>() : 0.0;
}

inline Status Flatten(const nlohmann::json& node, int depth, std::vector<ShapeNode>& out) {
  if (!node.is_object() || !node.contains("Node Type")) {
    return Error::BadInput(fmt::format("plan node #{} has no \"Node Type\"", out.size()));
  }
  ShapeNode flat;
  flat.depth = depth;
  for (const char* key : kShapeKeys) {
    if (std::optional<std::string> value = ShapeValue(node, key))
      flat.keys.emplace_back(key, *value);
  }
  flat.plan_rows = Number(node, "Plan Rows");
  flat.total_cost = Number(node, "Total Cost");
  out.push_back(std::move(flat));
  const auto plans = node.find("Plans");
  if (plans == node.end()) return Ok{};
  if (!plans->is_array()) return Error::BadInput("\"Plans\" is not a list");
  for (const nlohmann::json& child : *plans) {
    if (Status s = Flatten(child, depth + 1, out); !s.ok()) return s;
  }
  return Ok{};
}

}  // namespace detail

// Parses one EXPLAIN (FORMAT JSON) document: a list whose single element holds "Plan" (and
// "Planning Time" with SUMMARY). Anything else is an error naming what is wrong.
inline Result<ExplainPlan> ParseExplainJson(std::string_view text) {
  nlohmann::json doc = nlohmann::json::parse(text, nullptr, /*allow_exceptions=*/false);
  if (doc.is_discarded()) return Error::BadInput("not valid JSON (or more than one document)");
  if (!doc.is_array() || doc.empty()) return Error::BadInput("not a non-empty JSON list");
  if (doc.size() != 1) {
    return Error::BadInput(fmt::format("{} documents in the list, expected 1", doc.size()));
  }
  const nlohmann::json& top = doc[0];
  if (!top.is_object() || !top.contains("Plan")) return Error::BadInput("no \"Plan\" object");
  ExplainPlan plan;
  plan.plan = top["Plan"];
  if (const auto t = top.find("Planning Time"); t != top.end() && t->is_number()) {
    plan.planning_ms = t->get<double>();
  }
  if (Status s = detail::Flatten(plan.plan, 0, plan.nodes); !s.ok()) return s.error();
  return plan;
}

namespace detail {

inline bool IsJoin(const std::string& type) {
  return type == "Nested Loop" || type == "Hash Join" || type == "Merge Join";
}

// The access method of a scan node, or "" for a node that is not a base-relation scan.
inline std::string AccessMethod(const nlohmann::json& node, const std::string& type) {
  if (type == "Seq Scan" || type == "Sample Scan" || type == "Tid Scan" ||
      type == "Tid Range Scan") {
    return "seq";
  }
  if (type == "Index Scan") return "index " + node.value("Index Name", std::string("?"));
  if (type == "Index Only Scan") return "index-only " + node.value("Index Name", std::string("?"));
  if (type == "Bitmap Heap Scan") return "bitmap";
  if (type == "CTE Scan") return "cte " + node.value("CTE Name", std::string("?"));
  if (type == "Function Scan" || type == "Values Scan" || type == "WorkTable Scan") return type;
  return "";
}

// Index names under a bitmap heap scan, sorted: BitmapAnd/BitmapOr nesting is ignored.
inline void BitmapIndexes(const nlohmann::json& node, std::vector<std::string>& names) {
  if (node.value("Node Type", std::string()) == "Bitmap Index Scan") {
    names.push_back(node.value("Index Name", std::string("?")));
  }
  if (const auto plans = node.find("Plans"); plans != node.end() && plans->is_array()) {
    for (const nlohmann::json& child : *plans) BitmapIndexes(child, names);
  }
}

// The reduced trees of a node: joins and scans only; every other node is transparent and
// contributes its children's reduced trees in order.
inline void Reduce(const nlohmann::json& node, std::vector<std::string>& out) {
  const std::string type = node.value("Node Type", std::string("?"));
  std::string access = AccessMethod(node, type);
  if (!access.empty()) {
    if (access == "bitmap") {
      std::vector<std::string> names;
      BitmapIndexes(node, names);
      std::sort(names.begin(), names.end());
      access = fmt::format("bitmap {}", fmt::join(names, "+"));
    }
    const std::string rel = node.value("Relation Name", std::string());
    const std::string alias = node.value("Alias", rel);
    out.push_back(fmt::format("{}({}{})", access, rel, alias == rel ? "" : " " + alias));
    return;  // a bitmap heap scan's children are its index scans, already named
  }
  std::vector<std::string> children;
  if (const auto plans = node.find("Plans"); plans != node.end() && plans->is_array()) {
    for (const nlohmann::json& child : *plans) Reduce(child, children);
  }
  if (IsJoin(type)) {
    out.push_back(fmt::format("{} join[{}]", node.value("Join Type", std::string("?")),
                              fmt::join(children, ", ")));
  } else {
    for (std::string& child : children) out.push_back(std::move(child));
  }
}

}  // namespace detail

// The join order and access methods of a plan as one string, e.g.
//   "Inner join[seq(customer), Semi join[index orders_pkey(orders), bitmap a_idx+b_idx(lineitem
//   l)]]"
// Two plans with the same string join the same relations in the same order (outer before
// inner) and scan each one the same way; join methods (hash, merge, nested loop), sorts,
// aggregates, Materialize/Memoize, Gather and parallelism may differ.
inline std::string JoinOrderAndAccess(const nlohmann::json& plan) {
  std::vector<std::string> trees;
  detail::Reduce(plan, trees);
  return fmt::format("{}", fmt::join(trees, ", "));
}

}  // namespace dbopt::bench
