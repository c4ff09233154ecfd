// The node line and the JSON members before the costs, mirroring explain.c ExplainNode()'s
// first two switches (node names and strategies; ExplainScanTarget, ExplainIndexScanDetails,
// ExplainModifyTarget and the join type), and the order in which it visits children.
#include "explain_node.h"

#include <cstdio>
#include <cstdlib>

#include "dbopt/catalog/identifier.h"

namespace dbopt::render {

using plan::PlanKind;
using plan::PlanNode;

// Defined in explain_details.cc.
Result<std::vector<ExplainProperty>> DescribeDetails(const PlanNode& node,
                                                     const ExplainStatement& statement);

namespace {

ExplainProperty Text(std::string label, std::string value) {
  ExplainProperty p;
  p.label = std::move(label);
  p.value = std::move(value);
  return p;
}

ExplainProperty Bool(std::string label, bool value) {
  ExplainProperty p = Text(std::move(label), value ? "true" : "false");
  p.kind = ExplainProperty::Kind::kBool;
  return p;
}

// sname: EXPLAIN's "Node Type" (also the text name for most nodes).
const char* NodeTypeName(const PlanNode& node) {
  switch (node.kind) {
    case PlanKind::kResult:
      return "Result";
    case PlanKind::kProjectSet:
      return "ProjectSet";
    case PlanKind::kModifyTable:
      return "ModifyTable";
    case PlanKind::kAppend:
      return "Append";
    case PlanKind::kMergeAppend:
      return "Merge Append";
    case PlanKind::kRecursiveUnion:
      return "Recursive Union";
    case PlanKind::kBitmapAnd:
      return "BitmapAnd";
    case PlanKind::kBitmapOr:
      return "BitmapOr";
    case PlanKind::kNestLoop:
      return "Nested Loop";
    case PlanKind::kMergeJoin:
      return "Merge Join";
    case PlanKind::kHashJoin:
      return "Hash Join";
    case PlanKind::kSeqScan:
      return "Seq Scan";
    case PlanKind::kSampleScan:
      return "Sample Scan";
    case PlanKind::kGather:
      return "Gather";
    case PlanKind::kGatherMerge:
      return "Gather Merge";
    case PlanKind::kIndexScan:
      return "Index Scan";
    case PlanKind::kIndexOnlyScan:
      return "Index Only Scan";
    case PlanKind::kBitmapIndexScan:
      return "Bitmap Index Scan";
    case PlanKind::kBitmapHeapScan:
      return "Bitmap Heap Scan";
    case PlanKind::kTidScan:
      return "Tid Scan";
    case PlanKind::kSubqueryScan:
      return "Subquery Scan";
    case PlanKind::kFunctionScan:
      return "Function Scan";
    case PlanKind::kValuesScan:
      return "Values Scan";
    case PlanKind::kCteScan:
      return "CTE Scan";
    case PlanKind::kWorkTableScan:
      return "WorkTable Scan";
    case PlanKind::kMaterialize:
      return "Materialize";
    case PlanKind::kMemoize:
      return "Memoize";
    case PlanKind::kSort:
      return "Sort";
    case PlanKind::kIncrementalSort:
      return "Incremental Sort";
    case PlanKind::kGroup:
      return "Group";
    case PlanKind::kAggregate:
      return "Aggregate";
    case PlanKind::kWindowAgg:
      return "WindowAgg";
    case PlanKind::kUnique:
      return "Unique";
    case PlanKind::kSetOp:
      return "SetOp";
    case PlanKind::kLockRows:
      return "LockRows";
    case PlanKind::kLimit:
      return "Limit";
    case PlanKind::kHash:
      return "Hash";
  }
  return "???";
}

const char* AggStrategyName(plan::AggStrategy s) {
  switch (s) {
    case plan::AggStrategy::kPlain:
      return "Plain";
    case plan::AggStrategy::kSorted:
      return "Sorted";
    case plan::AggStrategy::kHashed:
      return "Hashed";
    case plan::AggStrategy::kMixed:
      return "Mixed";
  }
  return "???";
}

const char* AggTextName(plan::AggStrategy s) {
  switch (s) {
    case plan::AggStrategy::kPlain:
      return "Aggregate";
    case plan::AggStrategy::kSorted:
      return "GroupAggregate";
    case plan::AggStrategy::kHashed:
      return "HashAggregate";
    case plan::AggStrategy::kMixed:
      return "MixedAggregate";
  }
  return "???";
}

const char* JoinTypeText(plan::JoinType t) {
  switch (t) {
    case plan::JoinType::kInner:
      return "Inner";
    case plan::JoinType::kLeft:
      return "Left";
    case plan::JoinType::kFull:
      return "Full";
    case plan::JoinType::kRight:
      return "Right";
    case plan::JoinType::kSemi:
      return "Semi";
    case plan::JoinType::kAnti:
      return "Anti";
  }
  return "???";
}

const char* SetOpCommandText(plan::SetOpCommand c) {
  switch (c) {
    case plan::SetOpCommand::kIntersect:
      return "Intersect";
    case plan::SetOpCommand::kIntersectAll:
      return "Intersect All";
    case plan::SetOpCommand::kExcept:
      return "Except";
    case plan::SetOpCommand::kExceptAll:
      return "Except All";
  }
  return "???";
}

const char* OperationText(plan::ModifyOperation op) {
  switch (op) {
    case plan::ModifyOperation::kInsert:
      return "Insert";
    case plan::ModifyOperation::kUpdate:
      return "Update";
    case plan::ModifyOperation::kDelete:
      return "Delete";
  }
  return "???";
}

// explain.c ExplainTargetRel: " on <object> [<alias>]" in text; the object's tag and "Alias"
// in JSON. ModifyTable names its result relation the same way.
void DescribeTarget(const PlanNode& node, int rtindex, const ExplainStatement& statement,
                    ExplainNodeView* view) {
  const auto& rtable = statement.statement->rtable;
  if (rtindex < 1 || rtindex > static_cast<int>(rtable.size())) return;
  const bind::RangeTblEntry& rte = rtable[rtindex - 1];
  std::string tag, object;
  switch (rte.kind) {
    case bind::RteKind::kRelation:
      tag = "Relation Name";
      object = rte.table ? rte.table->name : rte.alias;
      break;
    case bind::RteKind::kFunction:
      tag = "Function Name";
      object = !node.function_name.empty()                                ? node.function_name
               : rte.functions.size() == 1 && rte.functions[0] != nullptr ? rte.functions[0]->name
                                                                          : "";
      break;
    case bind::RteKind::kCte:
      tag = "CTE Name";
      object = node.cte_name;
      break;
    default:
      break;
  }
  if (node.kind == PlanKind::kWorkTableScan) {  // a recursive CTE's reference to itself
    tag = "CTE Name";
    object = node.cte_name;
  }
  const std::string& refname = statement.refnames[rtindex - 1];
  view->text_name += " on";
  if (!object.empty()) view->text_name += " " + catalog::QuoteIdentifier(object);
  if (object.empty() || refname != object)
    view->text_name += " " + catalog::QuoteIdentifier(refname);
  if (!tag.empty() && !object.empty()) view->header.push_back(Text(tag, object));
  view->header.push_back(Text("Alias", refname));
}

// explain.c ExplainIndexScanDetails.
void DescribeIndexScan(const PlanNode& node, ExplainNodeView* view) {
  const bool backward = node.direction == plan::ScanDirection::kBackward;
  if (backward) view->text_name += " Backward";
  view->text_name += " using " + catalog::QuoteIdentifier(node.index_name);
  view->header.push_back(Text("Scan Direction", backward ? "Backward" : "Forward"));
  view->header.push_back(Text("Index Name", node.index_name));
}

// The second switch of ExplainNode: what follows the node name.
void DescribeNameSuffix(const PlanNode& node, const ExplainStatement& statement,
                        ExplainNodeView* view) {
  switch (node.kind) {
    case PlanKind::kIndexScan:
    case PlanKind::kIndexOnlyScan:
      DescribeIndexScan(node, view);
      DescribeTarget(node, node.scan_rtindex, statement, view);
      return;
    case PlanKind::kBitmapIndexScan:
      view->text_name += " on " + catalog::QuoteIdentifier(node.index_name);
      view->header.push_back(Text("Index Name", node.index_name));
      return;
    case PlanKind::kSeqScan:
    case PlanKind::kSampleScan:
    case PlanKind::kBitmapHeapScan:
    case PlanKind::kTidScan:
    case PlanKind::kSubqueryScan:
    case PlanKind::kFunctionScan:
    case PlanKind::kValuesScan:
    case PlanKind::kCteScan:
    case PlanKind::kWorkTableScan:
    case PlanKind::kModifyTable:
      DescribeTarget(node, node.scan_rtindex, statement, view);
      return;
    case PlanKind::kNestLoop:
    case PlanKind::kMergeJoin:
    case PlanKind::kHashJoin:
      // Text interpolates the join type into the name, "for historical reasons".
      if (node.join_type != plan::JoinType::kInner) {
        view->text_name += std::string(" ") + JoinTypeText(node.join_type) + " Join";
      } else if (node.kind != PlanKind::kNestLoop) {
        view->text_name += " Join";
      }
      view->header.push_back(Text("Join Type", JoinTypeText(node.join_type)));
      return;
    case PlanKind::kSetOp:
      view->text_name += std::string(" ") + SetOpCommandText(node.setop_command);
      view->header.push_back(Text("Command", SetOpCommandText(node.setop_command)));
      return;
    default:
      return;
  }
}

// The first part of ExplainNode: pname (text), sname and the JSON members up to
// "Async Capable".
void DescribeName(const PlanNode& node, const ExplainChild& as_child, ExplainNodeView* view) {
  std::string pname = NodeTypeName(node);
  const char* strategy = nullptr;
  const char* partial_mode = nullptr;
  const char* operation = nullptr;
  switch (node.kind) {
    case PlanKind::kMergeJoin:
      pname = "Merge";
      break;
    case PlanKind::kHashJoin:
      pname = "Hash";
      break;
    case PlanKind::kModifyTable:
      operation = OperationText(node.operation);
      pname = operation;
      break;
    case PlanKind::kAggregate:
      strategy = AggStrategyName(node.agg_strategy);
      pname = AggTextName(node.agg_strategy);
      partial_mode = node.agg_split == plan::AggSplitMode::kPartial    ? "Partial"
                     : node.agg_split == plan::AggSplitMode::kFinalize ? "Finalize"
                                                                       : "Simple";
      if (node.agg_split != plan::AggSplitMode::kSimple) pname = partial_mode + (" " + pname);
      break;
    case PlanKind::kSetOp:
      strategy = node.setop_strategy == plan::SetOpStrategy::kHashed ? "Hashed" : "Sorted";
      pname = node.setop_strategy == plan::SetOpStrategy::kHashed ? "HashSetOp" : "SetOp";
      break;
    default:
      break;
  }
  view->text_name = (node.parallel_aware ? "Parallel " : "") +
                    std::string(node.async_capable ? "Async " : "") + pname;
  view->header.push_back(Text("Node Type", NodeTypeName(node)));
  if (strategy) view->header.push_back(Text("Strategy", strategy));
  if (partial_mode) view->header.push_back(Text("Partial Mode", partial_mode));
  if (operation) view->header.push_back(Text("Operation", operation));
  if (*as_child.relationship)
    view->header.push_back(Text("Parent Relationship", as_child.relationship));
  if (!as_child.plan_name.empty()) view->header.push_back(Text("Subplan Name", as_child.plan_name));
  view->header.push_back(Bool("Parallel Aware", node.parallel_aware));
  view->header.push_back(Bool("Async Capable", node.async_capable));
}

// ExplainNode's order: InitPlans, outer, inner, members or subquery, SubPlans.
std::vector<ExplainChild> ChildrenOf(const PlanNode& node) {
  std::vector<ExplainChild> out;
  for (const auto& p : node.init_plans) out.push_back({p.get(), "InitPlan", p->subplan_name});
  const bool members = node.kind == PlanKind::kAppend || node.kind == PlanKind::kMergeAppend ||
                       node.kind == PlanKind::kBitmapAnd || node.kind == PlanKind::kBitmapOr;
  for (size_t i = 0; i < node.children.size(); ++i) {
    const char* rel = members                                ? "Member"
                      : node.kind == PlanKind::kSubqueryScan ? "Subquery"
                      : i == 0                               ? "Outer"
                                                             : "Inner";
    out.push_back({node.children[i].get(), rel, ""});
  }
  for (const auto& p : node.sub_plans) out.push_back({p.get(), "SubPlan", p->subplan_name});
  return out;
}

void CollectStatement(const PlanNode& node, std::vector<int>* used, std::vector<int>* hashed) {
  if (node.scan_rtindex > 0) used->push_back(node.scan_rtindex);
  for (const auto& p : node.sub_plans) {
    const std::string prefix = "SubPlan ";
    if (p->use_hash_table && p->subplan_name.rfind(prefix, 0) == 0) {
      hashed->push_back(std::atoi(p->subplan_name.c_str() + prefix.size()));
    }
  }
  for (const auto& p : node.init_plans) CollectStatement(*p, used, hashed);
  for (const auto& p : node.children) CollectStatement(*p, used, hashed);
  for (const auto& p : node.sub_plans) CollectStatement(*p, used, hashed);
}

}  // namespace

std::string FormatFixed(double value, int digits) {
  char buffer[64];
  std::snprintf(buffer, sizeof buffer, "%.*f", digits, value);
  return buffer;
}

ExplainStatement PrepareStatement(const plan::PlannedStatement& statement) {
  ExplainStatement out;
  out.statement = &statement;
  std::vector<int> used;
  if (statement.plan) CollectStatement(*statement.plan, &used, &out.hashed_subplans);
  out.refnames = UniqueRefNames(statement.rtable, used);
  return out;
}

Result<ExplainNodeView> DescribeNode(const PlanNode& node, const ExplainChild& as_child,
                                     const ExplainStatement& statement) {
  ExplainNodeView view;
  DescribeName(node, as_child, &view);
  DescribeNameSuffix(node, statement, &view);
  auto details = DescribeDetails(node, statement);
  if (!details.ok()) return details.error();
  view.details = std::move(details.value());
  view.children = ChildrenOf(node);
  return view;
}

}  // namespace dbopt::render
