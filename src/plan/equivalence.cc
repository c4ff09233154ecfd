// Equivalence classes; see equivalence.h. Member order is insertion order, and a merged class
// keeps the older class's members first, as PostgreSQL's lists do: that order decides which pair
// of members forms a join clause, and so what EXPLAIN prints in Hash Cond / Merge Cond.
#include "equivalence.h"

#include <algorithm>

namespace dbopt::plan {
namespace {

using bind::BoundKind;

Relids RelidsOf(const BoundExpr& expr) {
  Relids relids;
  for (int varno : bind::VarNos(expr)) relids.Add(varno);
  return relids;
}

// An equality PostgreSQL treats as mergejoinable and usable in a class: a binary `=` whose
// sides are non-volatile, with no aggregates, window functions or sublinks.
bool IsUsableEquality(const BoundExpr& clause) {
  if (clause.kind != BoundKind::kOp || clause.op_class != bind::OpClass::kEq) return false;
  if (clause.args.size() != 2) return false;
  for (const auto& arg : clause.args) {
    if (bind::ContainsVolatile(*arg) || bind::ContainsAggregate(*arg) ||
        bind::ContainsWindowFunc(*arg) || bind::ContainsSubLink(*arg)) {
      return false;
    }
  }
  return true;
}

int FindMember(const PlannerInfo& root, const BoundExpr& expr) {
  for (size_t i = 0; i < root.ecs.size(); ++i) {
    for (const EquivalenceMember& member : root.ecs[i].members) {
      if (bind::Equal(*member.expr, expr)) return static_cast<int>(i);
    }
  }
  return -1;
}

void AddMember(EquivalenceClass& ec, const BoundExpr* expr) {
  EquivalenceMember member;
  member.expr = expr;
  member.relids = RelidsOf(*expr);
  // get_eclass_for_sort_expr: a sort expression without Vars is constant unless it is volatile
  // or computes an aggregate or window function (ORDER BY count(*)).
  member.is_const = member.relids.IsEmpty() && !bind::ContainsVolatile(*expr) &&
                    !bind::ContainsAggregate(*expr) && !bind::ContainsWindowFunc(*expr);
  ec.has_const = ec.has_const || member.is_const;
  ec.relids = ec.relids.Union(member.relids);
  ec.members.push_back(member);
}

const BoundExpr* MakeEquality(PlannerInfo& root, const BoundExpr& left, const BoundExpr& right,
                              const BoundExpr& model) {
  auto eq = bind::MakeOp(model.name, bind::OpClass::kEq, model.type, bind::Clone(left),
                         bind::Clone(right));
  return root.Keep(std::move(eq));
}

void AddRestriction(PlannerInfo& root, RestrictInfo* rinfo) {
  const int rtindex = rinfo->required_relids.Singleton();
  if (rtindex <= 0 || root.simple_rels[rtindex] == nullptr) return;
  root.simple_rels[rtindex]->baserestrictinfo.push_back(rinfo);
}

}  // namespace

RestrictInfo* MakeRestrictInfo(PlannerInfo& root, const BoundExpr* clause, bool is_pushed_down) {
  RestrictInfo* rinfo = root.NewRestrictInfo();
  rinfo->clause = clause;
  rinfo->is_pushed_down = is_pushed_down;
  rinfo->clause_relids = RelidsOf(*clause);
  rinfo->required_relids = rinfo->clause_relids;
  rinfo->pseudoconstant = rinfo->clause_relids.IsEmpty() && !bind::ContainsVolatile(*clause);
  if (clause->kind == BoundKind::kOp && clause->args.size() == 2) {
    rinfo->left_relids = RelidsOf(*clause->args[0]);
    rinfo->right_relids = RelidsOf(*clause->args[1]);
    rinfo->can_join = !rinfo->left_relids.IsEmpty() && !rinfo->right_relids.IsEmpty() &&
                      !rinfo->left_relids.Overlaps(rinfo->right_relids);
    const bool eq = IsUsableEquality(*clause);
    rinfo->hashjoinable = rinfo->can_join && eq;
    rinfo->mergejoinable = rinfo->can_join && eq;
  }
  root.all_clauses.push_back(rinfo);
  return rinfo;
}

bool AddEquivalence(PlannerInfo& root, RestrictInfo* rinfo) {
  const BoundExpr& clause = *rinfo->clause;
  if (!rinfo->is_pushed_down || !IsUsableEquality(clause)) return false;
  const BoundExpr* left = clause.args[0].get();
  const BoundExpr* right = clause.args[1].get();
  if (RelidsOf(*left).IsEmpty() && RelidsOf(*right).IsEmpty()) return false;
  // Both operands must be of one type family for the class to be sound; PostgreSQL requires
  // the operator to be in a btree opfamily, which every built-in = between like types is.
  const int ec1 = FindMember(root, *left);
  const int ec2 = FindMember(root, *right);
  if (ec1 >= 0 && ec2 >= 0) {
    if (ec1 != ec2) {
      EquivalenceClass& keep = root.ecs[std::min(ec1, ec2)];
      EquivalenceClass& gone = root.ecs[std::max(ec1, ec2)];
      for (const EquivalenceMember& m : gone.members) keep.members.push_back(m);
      for (const RestrictInfo* s : gone.sources) keep.sources.push_back(s);
      keep.has_const = keep.has_const || gone.has_const;
      keep.relids = keep.relids.Union(gone.relids);
      gone.members.clear();
      gone.sources.clear();
      gone.broken = true;  // emptied: skipped from now on
    }
    root.ecs[std::min(ec1, ec2)].sources.push_back(rinfo);
  } else if (ec1 >= 0) {
    AddMember(root.ecs[ec1], right);
    root.ecs[ec1].sources.push_back(rinfo);
  } else if (ec2 >= 0) {
    AddMember(root.ecs[ec2], left);
    root.ecs[ec2].sources.push_back(rinfo);
  } else {
    EquivalenceClass ec;
    AddMember(ec, left);
    AddMember(ec, right);
    ec.sources.push_back(rinfo);
    root.ecs.push_back(std::move(ec));
  }
  return true;
}

void GenerateBaseImpliedEqualities(PlannerInfo& root) {
  for (size_t i = 0; i < root.ecs.size(); ++i) {
    EquivalenceClass& ec = root.ecs[i];
    if (ec.members.empty() || ec.sources.empty()) continue;
    const BoundExpr& model = *ec.sources.front()->clause;
    if (ec.has_const) {
      // generate_base_implied_equalities_const: every non-constant member = the first constant.
      const EquivalenceMember* constant = nullptr;
      for (const EquivalenceMember& m : ec.members) {
        if (m.is_const) {
          constant = &m;
          break;
        }
      }
      for (const EquivalenceMember& m : ec.members) {
        if (m.is_const) continue;
        RestrictInfo* rinfo =
            MakeRestrictInfo(root, MakeEquality(root, *m.expr, *constant->expr, model), true);
        rinfo->parent_ec = static_cast<int>(i);
        if (rinfo->required_relids.Singleton() > 0) AddRestriction(root, rinfo);
      }
      continue;
    }
    // generate_base_implied_equalities_no_const: within each rel, chain its members.
    for (int rtindex : ec.relids.Members()) {
      const EquivalenceMember* prev = nullptr;
      for (const EquivalenceMember& m : ec.members) {
        if (m.relids != Relids::Of(rtindex)) continue;
        if (prev != nullptr) {
          RestrictInfo* rinfo =
              MakeRestrictInfo(root, MakeEquality(root, *prev->expr, *m.expr, model), true);
          rinfo->parent_ec = static_cast<int>(i);
          AddRestriction(root, rinfo);
        }
        prev = &m;
      }
    }
  }
}

std::vector<const RestrictInfo*> JoinImpliedEqualities(PlannerInfo& root, const Relids& outer,
                                                       const Relids& inner) {
  std::vector<const RestrictInfo*> result;
  const Relids both = outer.Union(inner);
  for (size_t i = 0; i < root.ecs.size(); ++i) {
    const EquivalenceClass& ec = root.ecs[i];
    if (ec.members.empty() || ec.has_const || ec.sources.empty()) continue;
    const EquivalenceMember* outer_member = nullptr;
    const EquivalenceMember* inner_member = nullptr;
    size_t outer_pos = 0, inner_pos = 0;
    for (size_t pos = 0; pos < ec.members.size(); ++pos) {
      const EquivalenceMember& m = ec.members[pos];
      if (m.relids.IsEmpty() || !m.relids.IsSubsetOf(both)) continue;
      if (m.relids.IsSubsetOf(outer) && outer_member == nullptr) {
        outer_member = &m;
        outer_pos = pos;
      }
      if (m.relids.IsSubsetOf(inner) && inner_member == nullptr) {
        inner_member = &m;
        inner_pos = pos;
      }
    }
    if (outer_member == nullptr || inner_member == nullptr) continue;
    // create_join_clause: the clause derived for this pair of members is built once (its
    // expression then keys the stats module's caches); each call gets its own RestrictInfo
    // copied from it, as fresh as a newly made one.
    const RestrictInfo*& derived = root.ec_derives[{static_cast<int>(i), outer_pos, inner_pos}];
    if (derived == nullptr) {
      const BoundExpr& model = *ec.sources.front()->clause;
      RestrictInfo* made = MakeRestrictInfo(
          root, MakeEquality(root, *outer_member->expr, *inner_member->expr, model), true);
      made->parent_ec = static_cast<int>(i);
      made->left_ec = made->right_ec = static_cast<int>(i);
      derived = made;
    }
    RestrictInfo* rinfo = root.NewRestrictInfo();
    *rinfo = *derived;
    root.all_clauses.push_back(rinfo);
    result.push_back(rinfo);
  }
  return result;
}

bool HaveEquivalenceJoin(const PlannerInfo& root, const Relids& a, const Relids& b) {
  for (const EquivalenceClass& ec : root.ecs) {
    if (ec.members.empty() || ec.has_const) continue;
    bool in_a = false, in_b = false;
    for (const EquivalenceMember& m : ec.members) {
      if (m.relids.IsEmpty()) continue;
      in_a = in_a || m.relids.IsSubsetOf(a);
      in_b = in_b || m.relids.IsSubsetOf(b);
    }
    if (in_a && in_b) return true;
  }
  return false;
}

int FindEquivalenceClass(const PlannerInfo& root, const BoundExpr& expr) {
  return FindMember(root, expr);
}

int GetEquivalenceClass(PlannerInfo& root, const BoundExpr& expr) {
  const int found = FindMember(root, expr);
  if (found >= 0) return found;
  EquivalenceClass ec;
  AddMember(ec, root.Keep(bind::Clone(expr)));
  root.ecs.push_back(std::move(ec));
  return static_cast<int>(root.ecs.size()) - 1;
}

}  // namespace dbopt::plan
