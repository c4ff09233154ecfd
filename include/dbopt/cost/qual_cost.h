// Expression evaluation costs as costsize.c cost_qual_eval_walker counts them, one node at a
// time: the caller walks its bound expression and adds these up. Vars, Consts, Params and
// AND/OR/NOT cost nothing; Aggref and WindowFunc are costed by their Agg/WindowAgg node.
// Also cost_subplan for SubPlans.
#pragma once

#include "dbopt/cost/basics.h"
#include "dbopt/cost/params.h"

namespace dbopt::cost {

// PG15: pg_proc.procost of built-in operator functions, and of new C/SQL functions by default.
constexpr double kBuiltinProcost = 1.0;
constexpr double kUserFunctionProcost = 100.0;

// A FuncExpr, OpExpr, DistinctExpr or NullIfExpr (add_function_cost): procost·coc per row.
QualCost FunctionCallCost(const CostParams& params, double procost = kBuiltinProcost);

// A ScalarArrayOpExpr over an array of array_len elements (estimate_array_length, 10 when
// unknown). Linear search: procost·coc·0.5·array_len per row. Hashed (convert_saop_to_hashed_saop
// made it so): startup = array_len·hash_procost·coc, per row hash_procost·coc + procost·coc.
QualCost ScalarArrayOpCost(const CostParams& params, int array_len, bool hashed = false,
                           double procost = kBuiltinProcost, double hash_procost = kBuiltinProcost);

// MinMaxExpr, SQLValueFunction, XmlExpr, CoerceToDomain, NextValueExpr, GroupingFunc: one
// cpu_operator_cost per row.
QualCost FixedNodeCost(const CostParams& params);

// CoerceViaIO: the result type's input function plus the source type's output function.
QualCost CoerceViaIoCost(const CostParams& params, double input_procost = kBuiltinProcost,
                         double output_procost = kBuiltinProcost);

// RowCompareExpr: every column's comparison operator (procost·coc each).
QualCost RowCompareCost(const CostParams& params, int columns, double procost = kBuiltinProcost);

// A pseudoconstant RestrictInfo is tested once: its per-row cost becomes startup cost.
QualCost PseudoconstantCost(const QualCost& clause);

enum class SubLinkKind { kExists, kAnyAll, kOther };

struct SubPlanInput {
  QualCost testexpr;  // cost_qual_eval of the testexpr (the comparison and its lefthand)
  bool use_hash_table = false;
  Cost plan;  // the subplan's top plan node
  double plan_rows = 0;
  SubLinkKind kind = SubLinkKind::kOther;
  // No parameters from the outer query (parParam empty) and the top node materializes its
  // output (ExecMaterializesOutput: Material, FunctionScan, CteScan, WorkTableScan, Sort...).
  bool startup_once = false;
};

// cost_subplan: the SubPlan's (startup_cost, per_call_cost) as a QualCost.
//   hashed: startup += plan.total + coc·plan_rows
//   else per call: EXISTS run/clamp_row_est(rows); ANY/ALL 0.5·run + 0.5·rows·coc; other run;
//        plus plan.startup once (startup_once) or per call.
QualCost CostSubplan(const CostParams& params, const SubPlanInput& in);

}  // namespace dbopt::cost
