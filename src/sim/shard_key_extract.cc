// Shard-key extraction: plan once per shape from the AST, then read keys from each text's scan.
#include "dbopt/sim/shard_key_extract.h"

#include <algorithm>
#include <charconv>

namespace dbopt::sim {
namespace {

using sql::Expr;
using sql::ExprKind;

enum class Match { kNone, kKeys, kParameter };

struct Context {
  std::string_view text;
  const sql::LiteralScan& scan;
  std::string_view column;
};

// The literal of the scan that starts at byte `offset`, or -1.
int LiteralAt(const sql::LiteralScan& scan, size_t offset) {
  const auto it = std::lower_bound(scan.literals.begin(), scan.literals.end(), offset,
                                   [](const sql::Literal& l, size_t off) { return l.begin < off; });
  if (it == scan.literals.end() || it->begin != offset) return -1;
  return static_cast<int>(it - scan.literals.begin());
}

bool IsIntegerType(const sql::TypeName* type) {
  if (type == nullptr || type->names.empty() || type->array_dimensions > 0) return false;
  const std::string& n = type->names.back();
  return n == "int2" || n == "int4" || n == "int8" || n == "integer" || n == "bigint" ||
         n == "smallint";
}

// A constant's slot: its literal, and a '-' the parser folded into it (PostgreSQL's doNegate
// puts the constant's location at the sign).
Match SlotOfConst(const Expr& e, const Context& c, KeySlot* slot) {
  if (e.const_kind == sql::ConstKind::kNull || e.const_kind == sql::ConstKind::kBool ||
      e.location < 0 || static_cast<size_t>(e.location) >= c.text.size()) {
    return Match::kNone;
  }
  size_t at = static_cast<size_t>(e.location);
  slot->negate = false;
  if (c.text[at] == '-') {
    slot->negate = true;
    ++at;
    while (at < c.text.size() &&
           (c.text[at] == ' ' || c.text[at] == '\t' || c.text[at] == '\n' || c.text[at] == '\r')) {
      ++at;
    }
  }
  const int literal = LiteralAt(c.scan, at);
  if (literal < 0) return Match::kNone;
  slot->literal = static_cast<uint32_t>(literal);
  return Match::kKeys;
}

Match SlotOf(const Expr& e, const Context& c, KeySlot* slot) {
  *slot = KeySlot{};
  if (e.kind == ExprKind::kParam) return Match::kParameter;
  if (e.kind == ExprKind::kConst) return SlotOfConst(e, c, slot);
  if (e.kind == ExprKind::kCast && e.children.size() == 1 &&
      e.children[0]->kind == ExprKind::kConst) {
    const Match m = SlotOfConst(*e.children[0], c, slot);
    slot->as_integer = m == Match::kKeys && IsIntegerType(e.type.get()) &&
                       e.children[0]->const_kind == sql::ConstKind::kString;
    return m;
  }
  if (e.kind == ExprKind::kCast && e.children.size() == 1 &&
      e.children[0]->kind == ExprKind::kParam) {
    return Match::kParameter;
  }
  return Match::kNone;
}

bool IsKeyColumn(const Expr& e, const Context& c) {
  return e.kind == ExprKind::kColumnRef && !e.names.empty() && e.names.back() == c.column;
}

// Every item a slot; a parameter among them makes the whole list a parameter match.
Match SlotsOfList(const std::vector<const Expr*>& items, const Context& c,
                  std::vector<KeySlot>* slots) {
  std::vector<KeySlot> found;
  for (const Expr* item : items) {
    KeySlot slot;
    const Match m = SlotOf(*item, c, &slot);
    if (m != Match::kKeys) return m;
    found.push_back(slot);
  }
  slots->insert(slots->end(), found.begin(), found.end());
  return found.empty() ? Match::kNone : Match::kKeys;
}

Match MatchCondition(const Expr& e, const Context& c, std::vector<KeySlot>* slots);

// AND: the first conjunct that pins the key (a parameter match only when none does).
Match MatchAnd(const Expr& e, const Context& c, std::vector<KeySlot>* slots) {
  Match best = Match::kNone;
  for (const auto& child : e.children) {
    std::vector<KeySlot> found;
    const Match m = MatchCondition(*child, c, &found);
    if (m == Match::kKeys) {
      slots->insert(slots->end(), found.begin(), found.end());
      return m;
    }
    if (m == Match::kParameter) best = m;
  }
  return best;
}

// OR: every disjunct must pin the key; the keys are their union.
Match MatchOr(const Expr& e, const Context& c, std::vector<KeySlot>* slots) {
  std::vector<KeySlot> found;
  for (const auto& child : e.children) {
    const Match m = MatchCondition(*child, c, &found);
    if (m != Match::kKeys) return m;
  }
  slots->insert(slots->end(), found.begin(), found.end());
  return Match::kKeys;
}

Match MatchCondition(const Expr& e, const Context& c, std::vector<KeySlot>* slots) {
  switch (e.kind) {
    case ExprKind::kAnd:
      return MatchAnd(e, c, slots);
    case ExprKind::kOr:
      return MatchOr(e, c, slots);
    case ExprKind::kOperator:
      if (e.text != "=" || e.children.size() != 2 || !e.names.empty()) return Match::kNone;
      if (IsKeyColumn(*e.children[0], c)) return SlotsOfList({e.children[1].get()}, c, slots);
      if (IsKeyColumn(*e.children[1], c)) return SlotsOfList({e.children[0].get()}, c, slots);
      return Match::kNone;
    case ExprKind::kIn: {
      if (e.negated || e.children.empty() || !IsKeyColumn(*e.children[0], c)) return Match::kNone;
      std::vector<const Expr*> items;
      for (size_t i = 1; i < e.children.size(); ++i) items.push_back(e.children[i].get());
      return SlotsOfList(items, c, slots);
    }
    case ExprKind::kOpAny: {
      if (e.text != "=" || e.children.size() != 2 || !IsKeyColumn(*e.children[0], c)) {
        return Match::kNone;
      }
      const Expr& array = *e.children[1];
      if (array.kind == ExprKind::kParam) return Match::kParameter;
      if (array.kind != ExprKind::kArray) return Match::kNone;
      std::vector<const Expr*> items;
      for (const auto& item : array.children) items.push_back(item.get());
      return SlotsOfList(items, c, slots);
    }
    default:
      return Match::kNone;
  }
}

// Relations read by FROM items (a join counts its sides); inner-join ON conditions collected.
int CountRelations(const sql::FromItem& item, std::vector<const Expr*>* on) {
  if (item.kind != sql::FromKind::kJoin) return 1;
  if (item.on && (item.join_kind == sql::JoinKind::kInner)) on->push_back(item.on.get());
  return (item.left ? CountRelations(*item.left, on) : 0) +
         (item.right ? CountRelations(*item.right, on) : 0);
}

Match MatchWhere(const Expr* where, const std::vector<const Expr*>& on, const Context& c,
                 std::vector<KeySlot>* slots) {
  Match best = Match::kNone;
  std::vector<const Expr*> conditions;
  if (where != nullptr) conditions.push_back(where);
  conditions.insert(conditions.end(), on.begin(), on.end());
  for (const Expr* condition : conditions) {
    const Match m = MatchCondition(*condition, c, slots);
    if (m == Match::kKeys) return m;
    if (m == Match::kParameter) best = m;
  }
  return best;
}

Match MatchInsert(const sql::InsertStmt& insert, const Context& c, std::vector<KeySlot>* slots) {
  const auto column = std::find(insert.columns.begin(), insert.columns.end(), c.column);
  if (column == insert.columns.end() || !insert.source || insert.source->values.empty()) {
    return Match::kNone;
  }
  const size_t index = static_cast<size_t>(column - insert.columns.begin());
  std::vector<const Expr*> items;
  for (const auto& row : insert.source->values) {
    if (index >= row.size()) return Match::kNone;
    items.push_back(row[index].get());
  }
  return SlotsOfList(items, c, slots);
}

Match MatchStatement(const sql::Statement& s, const Context& c, ShardKeyPlan* plan) {
  std::vector<const Expr*> on;
  int relations = 0;
  switch (s.kind) {
    case sql::StatementKind::kSelect:
      if (s.select->set_op != sql::SetOp::kNone) return Match::kNone;
      for (const sql::FromItem& item : s.select->from) relations += CountRelations(item, &on);
      plan->join = relations > 1;
      return MatchWhere(s.select->where.get(), on, c, &plan->slots);
    case sql::StatementKind::kUpdate:
      for (const sql::FromItem& item : s.update->from) relations += CountRelations(item, &on);
      plan->join = relations > 0;
      return MatchWhere(s.update->where.get(), on, c, &plan->slots);
    case sql::StatementKind::kDelete:
      for (const sql::FromItem& item : s.del->using_items) relations += CountRelations(item, &on);
      plan->join = relations > 0;
      return MatchWhere(s.del->where.get(), on, c, &plan->slots);
    case sql::StatementKind::kInsert:
      return MatchInsert(*s.insert, c, &plan->slots);
    default:
      return Match::kNone;
  }
}

}  // namespace

const char* KeyOutcomeName(KeyOutcome outcome) {
  switch (outcome) {
    case KeyOutcome::kKeys:
      return "keys";
    case KeyOutcome::kScatter:
      return "scatter";
    case KeyOutcome::kParameter:
      return "parameter";
    case KeyOutcome::kNotAnalysed:
      return "not_analysed";
    case KeyOutcome::kNotRouted:
      return "not_routed";
  }
  return "?";
}

ShardKeyPlan PlanShardKey(const sql::Statement& statement, std::string_view text,
                          const sql::LiteralScan& scan, std::string_view column) {
  ShardKeyPlan plan;
  const sql::StatementKind k = statement.kind;
  if (k != sql::StatementKind::kSelect && k != sql::StatementKind::kInsert &&
      k != sql::StatementKind::kUpdate && k != sql::StatementKind::kDelete) {
    plan.outcome = KeyOutcome::kNotRouted;
    return plan;
  }
  const Context c{text, scan, column};
  const Match m = MatchStatement(statement, c, &plan);
  plan.outcome = m == Match::kKeys        ? KeyOutcome::kKeys
                 : m == Match::kParameter ? KeyOutcome::kParameter
                                          : KeyOutcome::kScatter;
  if (m != Match::kKeys) plan.slots.clear();
  return plan;
}

Key KeyFromText(std::string_view text) {
  int64_t value = 0;
  const auto [ptr, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (ec == std::errc() && ptr == text.data() + text.size() && !text.empty() &&
      !(text.size() > 1 && text[0] == '0') &&
      !(text.size() > 2 && text[0] == '-' && text[1] == '0')) {
    return Key::Int(value);
  }
  return Key::Text(std::string(text));
}

KeyOutcome KeysOf(const ShardKeyPlan& plan, std::string_view text, const sql::LiteralScan& scan,
                  std::vector<Key>* keys) {
  keys->clear();
  if (plan.outcome != KeyOutcome::kKeys) return plan.outcome;
  std::string value;
  for (const KeySlot& slot : plan.slots) {
    if (slot.literal >= scan.literals.size()) return KeyOutcome::kNotAnalysed;
    const sql::Literal& literal = scan.literals[slot.literal];
    if (!sql::LiteralValue(text, literal, &value)) return KeyOutcome::kNotAnalysed;
    if (slot.negate) value.insert(value.begin(), '-');
    const bool number = literal.kind == sql::LiteralKind::kNumber;
    keys->push_back(number || slot.as_integer ? KeyFromText(value) : Key::Text(value));
  }
  return KeyOutcome::kKeys;
}

const ShardKeyPlan& ShardKeyExtractor::Plan(uint32_t shape_id, uint64_t epoch,
                                            const sql::Statement* parsed, std::string_view text,
                                            const sql::LiteralScan& scan) {
  if (epoch != epoch_) {
    plans_.clear();
    planned_.clear();
    epoch_ = epoch;
  }
  if (shape_id >= plans_.size()) {
    plans_.resize(shape_id + 1);
    planned_.resize(shape_id + 1, 0);
  }
  ShardKeyPlan& plan = plans_[shape_id];
  if (!planned_[shape_id]) {
    planned_[shape_id] = 1;
    if (parsed != nullptr) {
      plan = PlanShardKey(*parsed, text, scan, column_);
    } else {
      plan = ShardKeyPlan{};
      plan.outcome = KeyOutcome::kNotAnalysed;
    }
  }
  return plan;
}

}  // namespace dbopt::sim
