#include "dbopt/lint/suppress.h"

#include <algorithm>
#include <cctype>

#include "dbopt/lint/registry.h"

namespace dbopt::lint {
namespace {

// The end of a dollar-quote opening tag at `i` ("$$" or "$tag$"), or npos.
size_t DollarTagEnd(const std::string& t, size_t i) {
  size_t j = i + 1;
  while (j < t.size() && (std::isalnum(static_cast<unsigned char>(t[j])) || t[j] == '_')) ++j;
  if (j < t.size() && t[j] == '$' &&
      !(j > i + 1 && std::isdigit(static_cast<unsigned char>(t[i + 1]))))
    return j + 1;
  return std::string::npos;
}

std::string Trim(const std::string& s) {
  size_t b = 0;
  size_t e = s.size();
  while (b < e && std::isspace(static_cast<unsigned char>(s[b]))) ++b;
  while (e > b && std::isspace(static_cast<unsigned char>(s[e - 1]))) --e;
  return s.substr(b, e - b);
}

}  // namespace

std::vector<LineComment> ScanLineComments(const std::string& t) {
  std::vector<LineComment> out;
  size_t i = 0;
  const size_t n = t.size();
  while (i < n) {
    const char c = t[i];
    if (c == '-' && i + 1 < n && t[i + 1] == '-') {
      const size_t end = std::min(t.find('\n', i), n);
      out.push_back({i, t.substr(i + 2, end - i - 2)});
      i = end;
    } else if (c == '/' && i + 1 < n && t[i + 1] == '*') {
      int depth = 1;
      i += 2;
      while (i < n && depth > 0) {
        if (t[i] == '/' && i + 1 < n && t[i + 1] == '*') {
          ++depth;
          i += 2;
        } else if (t[i] == '*' && i + 1 < n && t[i + 1] == '/') {
          --depth;
          i += 2;
        } else {
          ++i;
        }
      }
    } else if (c == '\'' || c == '"') {
      const bool backslashes =
          c == '\'' && i > 0 && (t[i - 1] == 'E' || t[i - 1] == 'e') &&
          (i < 2 || !(std::isalnum(static_cast<unsigned char>(t[i - 2])) || t[i - 2] == '_'));
      ++i;
      while (i < n) {
        if (backslashes && t[i] == '\\') {
          i += 2;
        } else if (t[i] == c) {
          if (i + 1 < n && t[i + 1] == c) {
            i += 2;  // doubled quote
          } else {
            ++i;
            break;
          }
        } else {
          ++i;
        }
      }
    } else if (c == '$' && (i == 0 || !(std::isalnum(static_cast<unsigned char>(t[i - 1])) ||
                                        t[i - 1] == '_'))) {
      const size_t tag_end = DollarTagEnd(t, i);
      if (tag_end == std::string::npos) {
        ++i;
        continue;
      }
      const std::string tag = t.substr(i, tag_end - i);
      const size_t close = t.find(tag, tag_end);
      i = close == std::string::npos ? n : close + tag.size();
    } else {
      ++i;
    }
  }
  return out;
}

Suppressions::Suppressions(const SourceText& source) {
  for (const LineComment& c : ScanLineComments(source.text())) {
    const std::string body = Trim(c.text);
    std::vector<Directive>* list = nullptr;
    size_t skip = 0;
    for (const auto& [prefix, target] :
         {std::pair<const char*, std::vector<Directive>*>{"dbopt-ignore-file", &file_},
          {"dbopt-ignore", &next_statement_},
          {"noqa", &line_}}) {
      const size_t len = std::char_traits<char>::length(prefix);
      if (body.compare(0, len, prefix) == 0 &&
          (body.size() == len || body[len] == ' ' || body[len] == ':' || body[len] == '\t')) {
        list = target;
        skip = len;
        break;
      }
    }
    if (!list) continue;
    Directive d;
    d.offset = c.offset;
    d.line = source.Locate(c.offset).line;
    // noqa: RULES (the colon comes first); dbopt-ignore RULES: reason (the colon ends the list).
    std::string rules = body.substr(skip);
    if (list == &line_) {
      rules = Trim(rules);
      if (!rules.empty() && rules[0] == ':') rules = rules.substr(1);
    } else {
      rules = rules.substr(0, rules.find(':'));
    }
    size_t start = 0;
    while (start <= rules.size()) {
      const size_t comma = std::min(rules.find(',', start), rules.size());
      const std::string name = Trim(rules.substr(start, comma - start));
      start = comma + 1;
      if (name.empty() || name == "all") continue;
      if (const RuleInfo* info = FindRuleInfo(name)) {
        d.rules.push_back(info->id);
        continue;
      }
      Finding f;
      f.rule_id = "DB001";
      f.rule_name = "unknown-rule-in-suppression";
      f.level = Level::kWarning;
      f.offset = c.offset;
      f.message = "unknown rule \"" + name + "\" in a suppression comment";
      problems_.push_back(std::move(f));
    }
    list->push_back(std::move(d));
  }
}

bool Suppressions::Covers(const Directive& d, const std::string& rule_id) {
  return d.rules.empty() || std::find(d.rules.begin(), d.rules.end(), rule_id) != d.rules.end();
}

bool Suppressions::Suppresses(const Finding& finding, size_t statement_begin,
                              const std::vector<size_t>& statement_begins) const {
  for (const Directive& d : file_)
    if (Covers(d, finding.rule_id)) return true;
  for (const Directive& d : line_)
    if (d.line == finding.line && Covers(d, finding.rule_id)) return true;
  for (const Directive& d : next_statement_) {
    if (d.offset >= statement_begin || !Covers(d, finding.rule_id)) continue;
    // Applies only when no other statement starts between the comment and this statement.
    auto next = std::upper_bound(statement_begins.begin(), statement_begins.end(), d.offset);
    if (next == statement_begins.end() || *next >= statement_begin) return true;
  }
  return false;
}

}  // namespace dbopt::lint
