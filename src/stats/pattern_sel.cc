// LIKE, ILIKE and regular-expression selectivity: PG15 like_support.c patternsel_common,
// like_fixed_prefix, regex_fixed_prefix, prefix_selectivity, like_selectivity,
// regex_selectivity.
#include <cmath>
#include <string>

#include "selectivity.h"

namespace dbopt::stats {
namespace {

using bind::OpClass;
using bind::TypeId;

// PG15 like_support.c constants.
constexpr double kFixedCharSel = 0.20;       // PG15: FIXED_CHAR_SEL
constexpr double kCharRangeSel = 0.25;       // PG15: CHAR_RANGE_SEL
constexpr double kAnyCharSel = 0.9;          // PG15: ANY_CHAR_SEL
constexpr double kFullWildcardSel = 5.0;     // PG15: FULL_WILDCARD_SEL
constexpr double kPartialWildcardSel = 2.0;  // PG15: PARTIAL_WILDCARD_SEL

enum class PrefixStatus { kNone, kPartial, kExact };

struct FixedPrefix {
  PrefixStatus status = PrefixStatus::kNone;
  std::string prefix;
  double rest_selec = 1.0;
};

// Letters stop an ILIKE/~* prefix. PG15 pattern_char_isalpha in the C locale: ASCII letters.
bool IsAsciiAlpha(char c) { return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z'); }

// PG15 like_selectivity: after leading wildcards, each '%' x5, '_' x0.9, literal x0.2; max 1.
double LikeSelectivity(const std::string& patt, size_t pos) {
  double sel = 1.0;
  while (pos < patt.size() && (patt[pos] == '%' || patt[pos] == '_')) ++pos;
  for (; pos < patt.size(); ++pos) {
    if (patt[pos] == '%') {
      sel *= kFullWildcardSel;
    } else if (patt[pos] == '_') {
      sel *= kAnyCharSel;
    } else if (patt[pos] == '\\') {
      if (++pos >= patt.size()) break;
      sel *= kFixedCharSel;
    } else {
      sel *= kFixedCharSel;
    }
  }
  return std::min(sel, 1.0);
}

// PG15 like_fixed_prefix: the literal characters before the first wildcard ('\' escapes; for
// ILIKE also before the first letter). Exact when the whole pattern is literal.
FixedPrefix LikeFixedPrefix(const std::string& patt, bool case_insensitive) {
  FixedPrefix out;
  size_t pos = 0;
  for (; pos < patt.size(); ++pos) {
    if (patt[pos] == '%' || patt[pos] == '_') break;
    if (patt[pos] == '\\') {
      if (++pos >= patt.size()) break;
    }
    if (case_insensitive && IsAsciiAlpha(patt[pos])) break;
    out.prefix.push_back(patt[pos]);
  }
  out.rest_selec = LikeSelectivity(patt, pos);
  if (pos == patt.size()) {
    out.status = PrefixStatus::kExact;
  } else {
    out.status = out.prefix.empty() ? PrefixStatus::kNone : PrefixStatus::kPartial;
  }
  return out;
}

// PG15 regex_selectivity_sub: literal x0.2, [..] x0.25 (negated 0.75), '.' x0.9, quantifiers
// x2, parenthesised groups recursively, '|' adds the other arm; max 1.
double RegexSelectivitySub(const std::string& patt, size_t begin, size_t end) {
  double sel = 1.0;
  int depth = 0;
  size_t paren_pos = 0;
  for (size_t pos = begin; pos < end; ++pos) {
    char ch = patt[pos];
    if (ch == '(') {
      if (depth++ == 0) paren_pos = pos;
    } else if (ch == ')' && depth > 0) {
      if (--depth == 0) sel *= RegexSelectivitySub(patt, paren_pos + 1, pos);
    } else if (ch == '|' && depth == 0) {
      sel += RegexSelectivitySub(patt, pos + 1, end);
      break;
    } else if (ch == '[') {
      bool negclass = false;
      if (++pos < end && patt[pos] == '^') {
        negclass = true;
        ++pos;
      }
      if (pos < end && patt[pos] == ']') ++pos;
      while (pos < end && patt[pos] != ']') ++pos;
      if (depth == 0) sel *= negclass ? 1.0 - kCharRangeSel : kCharRangeSel;
    } else if (ch == '.') {
      if (depth == 0) sel *= kAnyCharSel;
    } else if (ch == '*' || ch == '?' || ch == '+') {
      if (depth == 0) sel *= kPartialWildcardSel;
    } else if (ch == '{') {
      while (pos < end && patt[pos] != '}') ++pos;
      if (depth == 0) sel *= kPartialWildcardSel;
    } else if (ch == '\\') {
      if (++pos >= end) break;
      if (depth == 0) sel *= kFixedCharSel;
    } else if (depth == 0) {
      sel *= kFixedCharSel;
    }
  }
  return std::min(sel, 1.0);
}

// PG15 regex_selectivity: x5 unless anchored with a trailing '$'; the fixed prefix's 0.2 per
// character is divided out; clamped to [0, 1].
double RegexSelectivity(const std::string& patt, size_t prefix_len) {
  size_t n = patt.size();
  double sel;
  if (n > 0 && patt[n - 1] == '$' && (n == 1 || patt[n - 2] != '\\')) {
    sel = RegexSelectivitySub(patt, 0, n - 1);
  } else {
    sel = RegexSelectivitySub(patt, 0, n) * kFullWildcardSel;
  }
  if (prefix_len > 0) {
    double prefixsel = std::pow(kFixedCharSel, static_cast<double>(prefix_len));
    if (prefixsel > 0.0) sel /= prefixsel;
  }
  return ClampProbability(sel);
}

// PG15 regexp_fixed_prefix (pg_regprefix), for the patterns dbopt can analyse without a regex
// compiler: '^' then literal characters (a character followed by '*', '?' or '{' is optional and
// ends the prefix without being part of it); exact when only '$' follows. Unanchored patterns
// and top-level alternation have no prefix.
FixedPrefix RegexFixedPrefix(const std::string& patt, bool case_insensitive) {
  FixedPrefix out;
  int depth = 0;
  for (size_t i = 0; i < patt.size(); ++i) {
    if (patt[i] == '\\') {
      ++i;
    } else if (patt[i] == '(') {
      ++depth;
    } else if (patt[i] == ')') {
      --depth;
    } else if (patt[i] == '|' && depth == 0) {
      out.rest_selec = RegexSelectivity(patt, 0);
      return out;
    }
  }
  size_t pos = 1;
  if (patt.empty() || patt[0] != '^') pos = patt.size() + 1;
  for (; pos < patt.size(); ++pos) {
    char ch = patt[pos];
    char lit = ch;
    size_t next = pos + 1;
    if (ch == '\\') {
      if (pos + 1 >= patt.size() || std::isalnum(static_cast<unsigned char>(patt[pos + 1]))) break;
      lit = patt[pos + 1];
      next = pos + 2;
    } else if (std::string(".[]()*+?{}|^$").find(ch) != std::string::npos) {
      break;
    }
    if (case_insensitive && IsAsciiAlpha(lit)) break;
    if (next < patt.size() && (patt[next] == '*' || patt[next] == '?' || patt[next] == '{')) break;
    out.prefix.push_back(lit);
    pos = next - 1;
    if (next < patt.size() && patt[next] == '+') break;
  }
  bool exact = pos + 1 == patt.size() && patt[pos] == '$' && !out.prefix.empty();
  if (exact) {
    out.status = PrefixStatus::kExact;
    out.rest_selec = 1.0;
  } else if (!out.prefix.empty()) {
    out.status = PrefixStatus::kPartial;
    out.rest_selec = RegexSelectivity(patt, out.prefix.size());
  } else {
    out.rest_selec = RegexSelectivity(patt, 0);
  }
  return out;
}

// PG15 prefix_selectivity: the histogram fraction of [prefix, make_greater_string(prefix)),
//   sel(x >= prefix) + sel(x < greater) - 1,
// at least var_eq_const(prefix); DEFAULT_MATCH_SEL without a usable histogram.
double PrefixSelectivity(const EstimationContext& ctx, const VarStats& var,
                         const ConstValue& prefix) {
  std::optional<StatValue> lo = ParseValue(var.stats_type, prefix.text);
  if (!lo) return kDefaultMatchSel;
  double prefixsel = IneqHistogramSelectivity(ctx, var, true, true, *lo);
  if (prefixsel < 0.0) return kDefaultMatchSel;
  if (std::optional<std::string> greater = MakeGreaterString(prefix.text)) {
    std::optional<StatValue> hi = ParseValue(var.stats_type, *greater);
    double topsel = hi ? IneqHistogramSelectivity(ctx, var, false, false, *hi) : -1.0;
    if (topsel >= 0.0) prefixsel = topsel + prefixsel - 1.0;
  }
  double eq_sel = VarEqConst(ctx, var, prefix, false);
  return std::max(prefixsel, eq_sel);
}

bool IsPatternSubject(TypeId t) {
  return t == TypeId::kText || t == TypeId::kVarchar || t == TypeId::kName ||
         t == TypeId::kBpchar || t == TypeId::kBytea;
}

// The non-exact part of PG15 patternsel_common: histogram_selectivity of the pattern (>= 100
// entries), else the prefix/rest heuristic alone (< 10) or blended with weight n/100; clamped to
// [0.0001, 0.9999]; then s * (1 - nullfrac - sum(mcv)) + the MCVs matching the pattern.
double InexactPatternSel(const EstimationContext& ctx, const VarStats& var, OpClass positive,
                         const std::string& pattern, const FixedPrefix& fp,
                         const ConstValue& prefix) {
  StatValue pattern_value;
  pattern_value.domain = ValueDomain::kString;
  pattern_value.type = TypeId::kText;
  pattern_value.text = pattern;
  int hist_size = 0;
  double selec = HistogramSelectivity(ctx, var, positive, pattern_value, true, 10, 1, &hist_size);
  if (hist_size < 100) {
    double prefixsel =
        fp.status == PrefixStatus::kPartial ? PrefixSelectivity(ctx, var, prefix) : 1.0;
    double heursel = prefixsel * fp.rest_selec;
    if (selec < 0) {
      selec = heursel;
    } else {
      double hist_weight = hist_size / 100.0;
      selec = selec * hist_weight + heursel * (1.0 - hist_weight);
    }
  }
  selec = std::min(std::max(selec, 0.0001), 0.9999);
  double sumcommon = 0;
  double mcv_selec = McvSelectivity(ctx, var, positive, pattern_value, true, &sumcommon);
  selec *= 1.0 - var.NullFrac() - sumcommon;
  return selec + mcv_selec;
}

}  // namespace

// PG15 patternsel_common. Needs `var OP const` with the Var on the left, a text/name/bpchar/bytea
// Var and a text/bytea pattern, else DEFAULT_MATCH_SEL (0.995 negated). NULL pattern -> 0.
//   exact pattern                -> var_eq_const(prefix)
//   otherwise s = histogram_selectivity(pattern) when >= 100 entries; with fewer entries the
//     heuristic prefix_sel * rest_sel (prefix_sel 1 without a prefix) is used alone (< 10
//     entries) or blended with weight n/100; clamped to [0.0001, 0.9999];
//     s = s * (1 - nullfrac - sum(mcv)) + mcv_sel (MCVs tested against the pattern itself).
// Negated operators: 1 - s - nullfrac.
double PatternSel(const EstimationContext& ctx, OpClass op, const bind::BoundExpr& left,
                  const bind::BoundExpr& right, int var_relid) {
  bool negate = op == OpClass::kNotLike || op == OpClass::kNotILike || op == OpClass::kNotRegex ||
                op == OpClass::kNotIRegex;
  bool is_like = op == OpClass::kLike || op == OpClass::kNotLike || op == OpClass::kILike ||
                 op == OpClass::kNotILike;
  bool icase = op == OpClass::kILike || op == OpClass::kNotILike || op == OpClass::kIRegex ||
               op == OpClass::kNotIRegex;
  OpClass positive = is_like ? (icase ? OpClass::kILike : OpClass::kLike)
                             : (icase ? OpClass::kIRegex : OpClass::kRegex);
  double result = negate ? 1.0 - kDefaultMatchSel : kDefaultMatchSel;
  std::optional<RestrictionVar> rv = GetRestrictionVariable(ctx, left, right, var_relid);
  if (!rv || !rv->var_on_left) return result;
  std::optional<ConstValue> patt = FoldConstant(*rv->other);
  if (!patt) return result;
  if (patt->is_null) return 0.0;
  const VarStats& var = rv->var;
  if (DomainOf(patt->type) != ValueDomain::kString &&
      DomainOf(patt->type) != ValueDomain::kBpchar && patt->type.id != TypeId::kBytea) {
    return result;
  }
  if (!IsPatternSubject(var.type.id) || var.type.array) return result;
  double nullfrac = var.NullFrac();
  FixedPrefix fp =
      is_like ? LikeFixedPrefix(patt->text, icase) : RegexFixedPrefix(patt->text, icase);
  ConstValue prefix{var.stats_type.id == TypeId::kUnknown ? var.type : var.stats_type, fp.prefix,
                    false};
  if (fp.status == PrefixStatus::kExact) {
    result = VarEqConst(ctx, var, prefix, false);
  } else {
    result = InexactPatternSel(ctx, var, positive, patt->text, fp, prefix);
  }
  if (negate) result = 1.0 - result - nullfrac;
  return ClampProbability(result);
}

}  // namespace dbopt::stats
