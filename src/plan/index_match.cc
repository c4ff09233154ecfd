// Index clause matching; see index_match.h.
#include "index_match.h"

#include <algorithm>

#include "dbopt/bind/pg_type.h"
#include "dbopt/bind/table_expr.h"
#include "join_tree.h"

namespace dbopt::plan {
namespace {

using bind::BoundKind;
using bind::OpClass;

// An index key as the clause sees it, looking through implicit binary-compatible casts
// (PostgreSQL strips RelabelType when matching index keys).
const BoundExpr* StripCast(const BoundExpr& expr) { return bind::StripRelabel(expr); }

bool MatchesKey(const BoundExpr& expr, const BoundExpr& key) {
  return bind::Equal(*StripCast(expr), key);
}

bool UsesRel(const BoundExpr& expr, int rtindex) {
  for (int varno : bind::VarNos(expr)) {
    if (varno == rtindex) return true;
  }
  return false;
}

bool IsBtreeComparison(OpClass op) {
  return op == OpClass::kEq || op == OpClass::kLt || op == OpClass::kLe || op == OpClass::kGt ||
         op == OpClass::kGe;
}

// Index keys are compared with the operator of the key's own type family; a comparison that
// needed the key cast to another type (int4 key compared as numeric) cannot use the index.
bool SameFamily(const bind::Type& key, const bind::Type& other) {
  const bind::TypeCategory a = bind::CategoryOf(key);
  const bind::TypeCategory b = bind::CategoryOf(other);
  if (a != b) return false;
  if (a == bind::TypeCategory::kNumeric) {
    auto integral = [](bind::TypeId id) {
      return id == bind::TypeId::kInt2 || id == bind::TypeId::kInt4 || id == bind::TypeId::kInt8;
    };
    if (integral(key.id)) return integral(other.id);
    return key.id == other.id;
  }
  return true;
}

}  // namespace

std::vector<IndexClause> MatchClausesToIndex(PlannerInfo& root, const RelOptInfo& rel,
                                             const IndexInfo& index,
                                             const std::vector<const RestrictInfo*>& clauses) {
  std::vector<IndexClause> result;
  for (int col = 0; col < index.key_columns; ++col) {
    const BoundExpr& key = *index.key_exprs[col];
    for (const RestrictInfo* rinfo : clauses) {
      if (rinfo->pseudoconstant) continue;
      const BoundExpr& clause = *rinfo->clause;
      IndexClause ic;
      ic.rinfo = rinfo;
      ic.column = col;
      if (clause.kind == BoundKind::kOp && clause.args.size() == 2 &&
          IsBtreeComparison(clause.op_class)) {
        const BoundExpr& l = *clause.args[0];
        const BoundExpr& r = *clause.args[1];
        if (MatchesKey(l, key) && !UsesRel(r, rel.rtindex) && !bind::ContainsVolatile(r) &&
            SameFamily(StripCast(l)->type, r.type)) {
          ic.index_qual = &clause;
        } else if (MatchesKey(r, key) && !UsesRel(l, rel.rtindex) && !bind::ContainsVolatile(l) &&
                   SameFamily(StripCast(r)->type, l.type)) {
          const std::string commuted = bind::CommutatorOf(clause.name);
          if (commuted.empty()) continue;
          auto swapped = bind::MakeOp(commuted, bind::ClassifyOperator(commuted), clause.type,
                                      bind::Clone(r), bind::Clone(l));
          ic.index_qual = root.Keep(std::move(swapped));
        }
      } else if (clause.kind == BoundKind::kScalarArrayOp && clause.use_or &&
                 clause.args.size() == 2 && IsBtreeComparison(clause.op_class) &&
                 MatchesKey(*clause.args[0], key) && !UsesRel(*clause.args[1], rel.rtindex) &&
                 !bind::ContainsVolatile(*clause.args[1])) {
        ic.index_qual = &clause;
      } else if (clause.kind == BoundKind::kNullTest && index.btree &&
                 MatchesKey(*clause.args[0], key)) {
        ic.index_qual = &clause;
      }
      if (ic.index_qual != nullptr) result.push_back(ic);
    }
  }
  return result;
}

bool ImpliedByIndexPredicate(const IndexInfo& index, const RestrictInfo& rinfo) {
  for (const BoundExpr* p : index.predicate) {
    if (bind::Equal(*p, *rinfo.clause)) return true;
  }
  return false;
}

std::vector<const RestrictInfo*> NonIndexQuals(const Path& path) {
  std::vector<const RestrictInfo*> rest;
  for (const RestrictInfo* rinfo : path.parent->baserestrictinfo) {
    bool used = false;
    for (const IndexClause& ic : path.index_clauses) used = used || ic.rinfo == rinfo;
    if (!used && !ImpliedByIndexPredicate(*path.index, *rinfo)) rest.push_back(rinfo);
  }
  return rest;
}

bool IndexCoversRel(const RelOptInfo& rel, const IndexInfo& index) {
  if (!index.btree) return false;  // PG15: only btree (and gist/spgist partly) return tuples
  std::vector<bool> covered(rel.attr_needed.size(), false);
  for (int attno : index.key_attnos) {
    if (attno > 0 && attno < static_cast<int>(covered.size())) covered[attno] = true;
  }
  for (int attno : index.include_attnos) {
    if (attno > 0 && attno < static_cast<int>(covered.size())) covered[attno] = true;
  }
  // Columns needed above the scan, and columns used by the rel's own restriction clauses.
  std::vector<bool> needed(rel.attr_needed.size(), false);
  for (size_t a = 1; a < rel.attr_needed.size(); ++a) {
    needed[a] = !rel.attr_needed[a].Minus(rel.relids).IsEmpty();
  }
  for (const RestrictInfo* rinfo : rel.baserestrictinfo) {
    if (ImpliedByIndexPredicate(index, *rinfo)) continue;
    bind::Walk(*rinfo->clause, [&](const BoundExpr& node) {
      if (node.kind == BoundKind::kVar && node.levelsup == 0 && node.varno == rel.rtindex) {
        if (node.attno <= 0) {
          std::fill(needed.begin(), needed.end(), true);
        } else if (node.attno < static_cast<int>(needed.size())) {
          needed[node.attno] = true;
        }
      }
    });
  }
  for (size_t a = 1; a < needed.size(); ++a) {
    if (needed[a] && !covered[a]) return false;
  }
  return true;
}

namespace {

// A strict operator on `var` (anything but IS NULL tests and non-strict constructs) proves
// `var IS NOT NULL` (predtest.c: a strict clause is false or null for a null input).
bool ProvesNotNull(const BoundExpr& clause, const BoundExpr& var) {
  if (clause.kind != BoundKind::kOp && clause.kind != BoundKind::kScalarArrayOp) return false;
  for (const auto& arg : clause.args) {
    if (bind::Equal(*StripCast(*arg), var)) return true;
  }
  return false;
}

// predicate_implied_by, for the cases that decide real plans: each predicate conjunct must
// equal a restriction clause, or be `x IS NOT NULL` implied by a strict clause on x.
bool PredicateImplied(const std::vector<const BoundExpr*>& predicate,
                      const std::vector<RestrictInfo*>& restrictions) {
  for (const BoundExpr* p : predicate) {
    bool implied = false;
    for (const RestrictInfo* r : restrictions) {
      if (bind::Equal(*p, *r->clause)) implied = true;
      if (p->kind == BoundKind::kNullTest && p->negated && ProvesNotNull(*r->clause, *p->args[0])) {
        implied = true;
      }
    }
    if (!implied) return false;
  }
  return true;
}

}  // namespace

void BuildIndexInfos(PlannerInfo& root, RelOptInfo& rel) {
  const catalog::Table& table = *rel.table;
  std::vector<const catalog::Index*> indexes = root.catalog->IndexesOf(table);
  for (const catalog::Index* index : indexes) {
    IndexInfo info;
    info.index = index;
    info.name = index->name;
    info.btree = index->method == "btree";
    info.amcanorder = info.btree;
    info.unique = index->unique;
    info.pages = static_cast<double>(index->pages);
    info.tuples = rel.tuples;  // get_relation_info: a non-partial index has the heap's tuples
    info.tree_height = index->tree_height < 0 ? 0 : index->tree_height;
    if (!info.btree) {  // hash/gin/gist/brin paths: not planned yet, and said so
      root.estimation.warnings.push_back("index " + index->name + " (" + index->method +
                                         ") not considered: dbopt plans btree index scans only");
      continue;
    }
    if (index->predicate) {
      // A partial index is usable only when the query's restrictions imply its predicate
      // (predOK); its tuples are its own row count, capped at the table's.
      Result<bind::BoundExprPtr> pred =
          bind::BindTableExpression(*root.catalog, table, *index->predicate, rel.rtindex);
      if (!pred.ok()) {
        root.estimation.warnings.push_back("index " + index->name +
                                           ": predicate not understood, index not considered");
        continue;
      }
      std::vector<const BoundExpr*> conjuncts;
      Conjuncts(root.Keep(std::move(*pred)), conjuncts);
      if (!PredicateImplied(conjuncts, rel.baserestrictinfo)) continue;
      info.partial = true;
      info.predicate = conjuncts;
      if (index->tuples > 0) info.tuples = std::min(index->tuples, rel.tuples);
    }
    bool usable = true;
    for (const catalog::IndexKey& key : index->keys) {
      int attno = 0;
      const BoundExpr* key_expr = nullptr;
      bind::Type type;
      if (!key.expression.empty()) {
        Result<bind::BoundExprPtr> bound =
            bind::BindTableExpression(*root.catalog, table, key.expression, rel.rtindex);
        if (!bound.ok()) {
          root.estimation.warnings.push_back("index " + index->name + ": expression " +
                                             key.expression +
                                             " not understood, index not "
                                             "considered");
          usable = false;
          break;
        }
        key_expr = root.Keep(std::move(*bound));
      } else {
        for (size_t c = 0; c < table.columns.size(); ++c) {
          if (table.columns[c].name == key.column) attno = static_cast<int>(c) + 1;
        }
        if (attno == 0) {
          usable = false;
          break;
        }
        key_expr = root.Keep(bind::MakeVar(
            rel.rtindex, attno, bind::ParseTypeText(table.columns[attno - 1].type), key.column));
      }
      info.key_attnos.push_back(attno);
      info.key_exprs.push_back(key_expr);
      info.reverse_sort.push_back(key.descending);
      info.nulls_first.push_back(key.nulls_first.value_or(key.descending));
    }
    if (!usable) continue;
    info.key_columns = static_cast<int>(info.key_attnos.size());
    for (const std::string& column : index->include) {
      for (size_t c = 0; c < table.columns.size(); ++c) {
        if (table.columns[c].name == column) info.include_attnos.push_back(static_cast<int>(c) + 1);
      }
    }
    rel.indexes.push_back(std::move(info));
  }
}

}  // namespace dbopt::plan
