// Column name resolution as PostgreSQL's parse_relation.c does it (colNameToVar,
// refnameNamespaceItem, scanNSItemForColumn) and `*` expansion (parse_target.c
// ExpandColumnRefStar).
#include <string>
#include <utility>
#include <vector>

#include "binder_impl.h"
#include "dbopt/base/did_you_mean.h"

namespace dbopt::bind::internal {
namespace {

bool Visible(const NsItem& item, const Level& level) {
  return !item.lateral_only || level.lateral_active;
}

// Every column name visible from `level` upwards, qualified, for "did you mean".
std::vector<std::string> VisibleColumnNames(const Level& level, bool qualified) {
  std::vector<std::string> names;
  for (const Level* l = &level; l != nullptr; l = l->parent) {
    for (const NsItem& item : l->ns) {
      if (!item.cols_visible && !item.rel_visible) continue;
      for (const NsColumn& c : item.columns) {
        names.push_back(qualified ? item.refname + "." + c.name : c.name);
      }
    }
  }
  return names;
}

BoundExprPtr VarFor(const NsColumn& column, int levelsup, int location) {
  BoundExprPtr var = MakeVar(column.varno, column.attno, column.type, column.name);
  var->levelsup = levelsup;
  var->location = location;
  return var;
}

const NsItem* FindRefname(const Level& level, const std::string& refname) {
  for (const NsItem& item : level.ns) {
    if (item.rel_visible && Visible(item, level) && item.refname == refname) return &item;
  }
  return nullptr;
}

}  // namespace

NsItem Binder::MakeNsItem(const Query& query, int rtindex) {
  const RangeTblEntry& rte = query.rtable[rtindex - 1];
  NsItem item;
  item.rtindex = rtindex;
  item.refname = rte.alias;
  for (size_t i = 0; i < rte.column_names.size(); ++i) {
    item.columns.push_back(
        NsColumn{rte.column_names[i], rtindex, static_cast<int>(i) + 1, rte.column_types[i]});
  }
  return item;
}

Result<BoundExprPtr> Binder::ResolveColumn(const sql::Expr& ref, Level& level) {
  const std::vector<std::string>& names = ref.names;
  const std::string& column = names.back();
  if (names.size() == 1) {
    int levelsup = 0;
    for (Level* l = &level; l != nullptr; l = l->parent, ++levelsup) {
      const NsColumn* found = nullptr;
      for (const NsItem& item : l->ns) {
        if (!item.cols_visible || !Visible(item, *l)) continue;
        for (const NsColumn& c : item.columns) {
          if (c.name != column) continue;
          if (found != nullptr) {
            return ErrorAt(ref.location, "column reference \"" + column + "\" is ambiguous");
          }
          found = &c;
          break;
        }
      }
      if (found != nullptr) return VarFor(*found, levelsup, ref.location);
    }
    std::string hint;
    if (auto guess = DidYouMean(column, VisibleColumnNames(level, false))) {
      hint = "did you mean \"" + *guess + "\"?";
    }
    return ErrorAt(ref.location, "column \"" + column + "\" does not exist", hint);
  }
  // Qualified: the second-to-last name is the table reference (schema.table.column or
  // table.column).
  const std::string& refname = names[names.size() - 2];
  int levelsup = 0;
  for (Level* l = &level; l != nullptr; l = l->parent, ++levelsup) {
    const NsItem* item = FindRefname(*l, refname);
    if (item == nullptr) continue;
    for (const NsColumn& c : item->columns) {
      if (c.name == column) return VarFor(c, levelsup, ref.location);
    }
    std::vector<std::string> candidates;
    for (const NsColumn& c : item->columns) candidates.push_back(c.name);
    std::string hint;
    if (auto guess = DidYouMean(column, candidates)) hint = "did you mean \"" + *guess + "\"?";
    return ErrorAt(ref.location, "column " + refname + "." + column + " does not exist", hint);
  }
  std::vector<std::string> refnames;
  for (const Level* l = &level; l != nullptr; l = l->parent) {
    for (const NsItem& item : l->ns) {
      if (item.rel_visible) refnames.push_back(item.refname);
    }
  }
  std::string hint;
  if (auto guess = DidYouMean(refname, refnames)) hint = "did you mean \"" + *guess + "\"?";
  return ErrorAt(ref.location, "missing FROM-clause entry for table \"" + refname + "\"", hint);
}

Result<std::vector<TargetEntry>> Binder::ExpandStar(const sql::Expr& ref, Level& level) {
  std::vector<TargetEntry> out;
  auto add_item = [&out, &ref](const NsItem& item) {
    for (const NsColumn& c : item.columns) {
      TargetEntry t;
      t.expr = VarFor(c, 0, ref.location);
      t.name = c.name;
      t.origin_varno = c.varno;
      out.push_back(std::move(t));
    }
  };
  if (ref.names.size() <= 1) {
    bool any = false;
    for (const NsItem& item : level.ns) {
      if (!item.cols_visible || !Visible(item, level)) continue;
      any = true;
      add_item(item);
    }
    if (!any) return ErrorAt(ref.location, "SELECT * with no tables specified is not valid");
    return out;
  }
  const std::string& refname = ref.names[ref.names.size() - 2];
  const NsItem* item = FindRefname(level, refname);
  if (item == nullptr) {
    std::vector<std::string> refnames;
    for (const NsItem& i : level.ns) {
      if (i.rel_visible) refnames.push_back(i.refname);
    }
    std::string hint;
    if (auto guess = DidYouMean(refname, refnames)) hint = "did you mean \"" + *guess + "\"?";
    return ErrorAt(ref.location, "missing FROM-clause entry for table \"" + refname + "\"", hint);
  }
  add_item(*item);
  return out;
}

}  // namespace dbopt::bind::internal
