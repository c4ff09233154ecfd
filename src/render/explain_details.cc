// The properties after the costs, mirroring explain.c ExplainNode()'s third switch and its
// helpers: show_scan_qual / show_upper_qual (which quals print with "alias." prefixes),
// show_sort_keys / show_incremental_sort_keys / show_agg_keys (show_sort_group_keys,
// show_sortorder_options), show_memoize_info, show_hashagg_info and the Gather properties.
#include <string>
#include <vector>

#include "explain_node.h"

namespace dbopt::render {

using plan::PlanKind;
using plan::PlanNode;

namespace {

bool IsScan(PlanKind kind) {
  switch (kind) {
    case PlanKind::kSeqScan:
    case PlanKind::kSampleScan:
    case PlanKind::kIndexScan:
    case PlanKind::kIndexOnlyScan:
    case PlanKind::kBitmapIndexScan:
    case PlanKind::kBitmapHeapScan:
    case PlanKind::kTidScan:
    case PlanKind::kSubqueryScan:
    case PlanKind::kFunctionScan:
    case PlanKind::kValuesScan:
    case PlanKind::kCteScan:
    case PlanKind::kWorkTableScan:
      return true;
    default:
      return false;
  }
}

bool IsJoin(PlanKind kind) {
  return kind == PlanKind::kNestLoop || kind == PlanKind::kMergeJoin || kind == PlanKind::kHashJoin;
}

class DetailBuilder {
 public:
  DetailBuilder(const PlanNode& node, const ExplainStatement& statement)
      : node_(node), statement_(statement) {}

  // show_scan_qual: no prefixes (except for other relations' Vars, which are parameters)
  // unless the scan is a Subquery Scan.
  void ScanQual(const std::vector<bind::BoundExprPtr>& qual, const char* label) {
    DeparseContext context = Context(node_.kind == PlanKind::kSubqueryScan);
    context.scan_rtindex = node_.scan_rtindex;
    Qual(qual, label, context);
  }
  // show_upper_qual: prefixes when the range table has more than one entry.
  void UpperQual(const std::vector<bind::BoundExprPtr>& qual, const char* label) {
    Qual(qual, label, Context(MultipleRelations()));
  }
  // show_sort_group_keys. `wrap_non_var`: the key is a Var of the node's input whose
  // referent is an expression, which ruleutils.c's get_variable parenthesizes.
  void Keys(const std::vector<const bind::BoundExpr*>& keys,
            const std::vector<const plan::SortKey*>& order, const char* label, bool wrap_non_var);
  void Add(ExplainProperty p) { out.push_back(std::move(p)); }
  void AddText(const char* label, std::string value, bool in_text = true) {
    ExplainProperty p;
    p.label = label;
    p.value = std::move(value);
    p.in_text = in_text;
    Add(std::move(p));
  }
  void AddNumber(const char* label, int value, bool in_text = true) {
    ExplainProperty p;
    p.label = label;
    p.kind = ExplainProperty::Kind::kNumber;
    p.value = std::to_string(value);
    p.in_text = in_text;
    Add(std::move(p));
  }
  void AddBool(const char* label, bool value, bool in_text) {
    ExplainProperty p;
    p.label = label;
    p.kind = ExplainProperty::Kind::kBool;
    p.value = value ? "true" : "false";
    p.in_text = in_text;
    Add(std::move(p));
  }
  bool MultipleRelations() const { return statement_.statement->rtable.size() > 1; }
  DeparseContext Context(bool use_prefix) const {
    DeparseContext context;
    context.rtable = &statement_.statement->rtable;
    context.refnames = &statement_.refnames;
    context.use_prefix = use_prefix;
    context.hashed_subplans = statement_.hashed_subplans;
    return context;
  }

  std::vector<ExplainProperty> out;
  Error error;
  bool failed = false;

 private:
  void Qual(const std::vector<bind::BoundExprPtr>& qual, const char* label,
            const DeparseContext& context) {
    if (qual.empty()) return;
    auto text = DeparseQual(qual, context);
    if (!text.ok()) return Fail(text.error());
    AddText(label, text.value());
  }
  void Fail(const Error& e) {
    if (!failed) error = e;
    failed = true;
  }

  const PlanNode& node_;
  const ExplainStatement& statement_;
};

void DetailBuilder::Keys(const std::vector<const bind::BoundExpr*>& keys,
                         const std::vector<const plan::SortKey*>& order, const char* label,
                         bool wrap_non_var) {
  if (keys.empty()) return;
  ExplainProperty p;
  p.label = label;
  p.kind = ExplainProperty::Kind::kList;
  const DeparseContext context = Context(MultipleRelations());
  for (size_t i = 0; i < keys.size(); ++i) {
    auto text = DeparseExpr(*keys[i], context);
    if (!text.ok()) return Fail(text.error());
    std::string item = text.value();
    if (wrap_non_var && keys[i]->kind != bind::BoundKind::kVar) item = "(" + item + ")";
    if (i < order.size() && order[i] != nullptr) {
      // show_sortorder_options: DESC, and NULLS FIRST/LAST only when not the default.
      const plan::SortKey& key = *order[i];
      if (key.descending) item += " DESC";
      if (key.nulls_first && !key.descending) item += " NULLS FIRST";
      if (!key.nulls_first && key.descending) item += " NULLS LAST";
    }
    p.items.push_back(std::move(item));
  }
  Add(std::move(p));
}

void SortKeys(const PlanNode& node, DetailBuilder* b) {
  std::vector<const bind::BoundExpr*> keys;
  std::vector<const plan::SortKey*> order;
  for (const auto& k : node.sort_keys) {
    keys.push_back(k.expr.get());
    order.push_back(&k);
  }
  // Sort and Merge Append do not project: their keys are Vars of the input.
  b->Keys(keys, order, "Sort Key", true);
  if (node.kind == PlanKind::kIncrementalSort && node.presorted_keys > 0) {
    keys.resize(std::min<size_t>(keys.size(), node.presorted_keys));
    order.resize(keys.size());
    b->Keys(keys, order, "Presorted Key", true);
  }
}

// show_agg_keys / show_group_keys print the keys in the context of the input node: an
// expression computed by a scan or join there prints bare, one passed up through a Sort or
// Gather is a Var whose referent is parenthesized.
void GroupKeys(const PlanNode& node, DetailBuilder* b) {
  std::vector<const bind::BoundExpr*> keys;
  for (const auto& k : node.group_keys) keys.push_back(k.get());
  bool input_computes = false;
  if (!node.children.empty()) {
    const PlanKind child = node.children[0]->kind;
    input_computes = IsScan(child) || IsJoin(child) || child == PlanKind::kResult;
  }
  b->Keys(keys, {}, "Group Key", !input_computes);
}

void Describe(const PlanNode& node, DetailBuilder* b) {
  if (IsJoin(node.kind)) b->AddBool("Inner Unique", node.inner_unique, false);
  switch (node.kind) {
    case PlanKind::kIndexScan:
    case PlanKind::kIndexOnlyScan:
      b->ScanQual(node.index_cond, "Index Cond");
      b->ScanQual(node.order_by, "Order By");
      b->ScanQual(node.filter, "Filter");
      break;
    case PlanKind::kBitmapIndexScan:
      b->ScanQual(node.index_cond, "Index Cond");
      break;
    case PlanKind::kBitmapHeapScan:
      b->ScanQual(node.recheck_cond, "Recheck Cond");
      b->ScanQual(node.filter, "Filter");
      break;
    case PlanKind::kSeqScan:
    case PlanKind::kSampleScan:
    case PlanKind::kValuesScan:
    case PlanKind::kCteScan:
    case PlanKind::kWorkTableScan:
    case PlanKind::kSubqueryScan:
    case PlanKind::kFunctionScan:
    case PlanKind::kTidScan:
      b->ScanQual(node.filter, "Filter");
      break;
    case PlanKind::kGather:
      b->ScanQual(node.filter, "Filter");
      b->AddNumber("Workers Planned", node.workers_planned);
      b->AddBool("Single Copy", node.single_copy, node.single_copy);
      break;
    case PlanKind::kGatherMerge:
      b->ScanQual(node.filter, "Filter");
      b->AddNumber("Workers Planned", node.workers_planned);
      break;
    case PlanKind::kNestLoop:
      b->UpperQual(node.join_filter, "Join Filter");
      b->UpperQual(node.filter, "Filter");
      break;
    case PlanKind::kMergeJoin:
      b->UpperQual(node.merge_cond, "Merge Cond");
      b->UpperQual(node.join_filter, "Join Filter");
      b->UpperQual(node.filter, "Filter");
      break;
    case PlanKind::kHashJoin:
      b->UpperQual(node.hash_cond, "Hash Cond");
      b->UpperQual(node.join_filter, "Join Filter");
      b->UpperQual(node.filter, "Filter");
      break;
    case PlanKind::kAggregate:
      GroupKeys(node, b);
      b->UpperQual(node.filter, "Filter");
      if (node.agg_strategy == plan::AggStrategy::kHashed ||
          node.agg_strategy == plan::AggStrategy::kMixed) {
        // show_hashagg_info: always in JSON, in text only when partitions are planned.
        b->AddNumber("Planned Partitions", node.planned_partitions, node.planned_partitions > 0);
      }
      break;
    case PlanKind::kGroup:
      GroupKeys(node, b);
      b->UpperQual(node.filter, "Filter");
      break;
    case PlanKind::kWindowAgg:
      b->UpperQual(node.filter, "Filter");
      b->UpperQual(node.run_condition, "Run Condition");
      break;
    case PlanKind::kSort:
    case PlanKind::kIncrementalSort:
      SortKeys(node, b);
      break;
    case PlanKind::kMergeAppend:
      SortKeys(node, b);
      b->AddNumber("Subplans Removed", 0, false);  // ExplainMissingMembers: no run-time pruning
      break;
    case PlanKind::kAppend:
      b->AddNumber("Subplans Removed", 0, false);
      break;
    case PlanKind::kResult:
      b->UpperQual(node.one_time_filter, "One-Time Filter");
      b->UpperQual(node.filter, "Filter");
      break;
    case PlanKind::kMemoize: {
      auto keys = b->Context(b->MultipleRelations());
      std::string text;
      for (const auto& k : node.cache_keys) {
        auto key = DeparseExpr(*k, keys);
        if (!key.ok()) {
          b->failed = true;
          b->error = key.error();
          return;
        }
        text += (text.empty() ? "" : ", ") + key.value();
      }
      b->AddText("Cache Key", text);
      b->AddText("Cache Mode", node.cache_binary ? "binary" : "logical");
      break;
    }
    default:
      break;
  }
}

}  // namespace

Result<std::vector<ExplainProperty>> DescribeDetails(const PlanNode& node,
                                                     const ExplainStatement& statement) {
  DetailBuilder builder(node, statement);
  Describe(node, &builder);
  if (builder.failed) return builder.error;
  return std::move(builder.out);
}

}  // namespace dbopt::render
