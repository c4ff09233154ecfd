// A workload file for index advice (the input of `dbopt recommend-index`, docs/workload-format.md):
// SQL statements, each ended by ';' at the end of a line, each optionally preceded by comments;
// a comment "-- dbopt: calls=N" gives the statement weight N (default 1). Other keys in the
// comment are ignored, as the format asks. "$n" parameters are counted (the highest n), so the
// statement can be planned as a generic plan with all parameters NULL.
//
// The acceptance harness adds one comment of its own, which dbopt ignores: "-- args: v1, v2, ..."
// (SQL literals, one line per set of values) gives values for the $n parameters. The advisors
// see the parameterized statement; the measurement runs one instance per set of values, each
// with the values written in place of $1, $2, ... (so an index tuned to one literal gains
// nothing it would not gain in production, where the values vary).
//
// Limits (the acceptance workloads are written to them): a ';' ends a statement only at the end
// of a line, so a string literal must not end a line with ';'.
#pragma once

#include <fmt/format.h>

#include <cctype>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "dbopt/base/result.h"

namespace dbopt::bench {

struct WorkloadStatement {
  std::string text;                                // without the final ';'
  double weight = 1;                               // calls=
  int params = 0;                                  // the highest $n
  bool is_dml = false;                             // INSERT, UPDATE or DELETE
  std::string origin;                              // file:line of its first line
  std::vector<std::vector<std::string>> arg_sets;  // "-- args:" lines, one value per $n
};

inline std::string TrimRight(std::string s) {
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.back()))) s.pop_back();
  return s;
}

inline std::string TrimLeft(const std::string& s) {
  size_t i = 0;
  while (i < s.size() && std::isspace(static_cast<unsigned char>(s[i]))) ++i;
  return s.substr(i);
}

inline std::string Lower(std::string s) {
  for (char& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return s;
}

// The highest n of the "$n" parameters in the text (0: none).
inline int CountParams(const std::string& text) {
  int highest = 0;
  for (size_t i = 0; i + 1 < text.size(); ++i) {
    if (text[i] != '$' || !std::isdigit(static_cast<unsigned char>(text[i + 1]))) continue;
    int n = 0;
    size_t j = i + 1;
    while (j < text.size() && std::isdigit(static_cast<unsigned char>(text[j])))
      n = n * 10 + (text[j++] - '0');
    if (n > highest) highest = n;
  }
  return highest;
}

// "v1, 'a, b', v3" -> {"v1", "'a, b'", "v3"}: commas inside single-quoted literals are kept.
inline std::vector<std::string> SplitArgs(const std::string& text) {
  std::vector<std::string> out;
  std::string value;
  bool quoted = false;
  for (char c : text + ",") {
    if (c == '\'') quoted = !quoted;
    if (c == ',' && !quoted) {
      out.push_back(TrimLeft(TrimRight(value)));
      value.clear();
    } else {
      value += c;
    }
  }
  return out;
}

// The statements to measure for s: its text when it has no parameters; one text per args line
// otherwise, with $n replaced by the n-th value (none when it has parameters but no args).
inline std::vector<std::string> Instances(const WorkloadStatement& s) {
  if (s.params == 0) return {s.text};
  std::vector<std::string> out;
  for (const auto& args : s.arg_sets) {
    std::string text;
    for (size_t i = 0; i < s.text.size(); ++i) {
      const bool param = s.text[i] == '$' && i + 1 < s.text.size() &&
                         std::isdigit(static_cast<unsigned char>(s.text[i + 1]));
      if (!param) {
        text += s.text[i];
        continue;
      }
      size_t j = i + 1;
      int n = 0;
      while (j < s.text.size() && std::isdigit(static_cast<unsigned char>(s.text[j]))) {
        n = n * 10 + (s.text[j++] - '0');
      }
      text += n >= 1 ? args[n - 1] : s.text.substr(i, j - i);  // ReadWorkload checked the count
      i = j - 1;
    }
    out.push_back(text);
  }
  return out;
}

// "calls=N" in a "-- dbopt:" comment, or -1 when the comment has none.
inline Result<double> CallsOf(const std::string& comment, const std::string& where) {
  std::istringstream words(comment.substr(comment.find("dbopt:") + 6));
  std::string word;
  while (words >> word) {
    if (word.rfind("calls=", 0) != 0) continue;
    try {
      size_t used = 0;
      double calls = std::stod(word.substr(6), &used);
      if (used == word.size() - 6 && calls >= 0) return calls;
    } catch (const std::exception&) {
    }
    return Error::BadInput(fmt::format("{}: bad weight '{}'", where, word));
  }
  return -1.0;
}

inline Result<std::vector<WorkloadStatement>> ReadWorkload(const std::string& path) {
  std::ifstream in(path);
  if (!in) return Error::Io(fmt::format("cannot read workload {}", path));
  std::vector<WorkloadStatement> out;
  WorkloadStatement current;
  std::string line;
  int number = 0;
  while (std::getline(in, line)) {
    ++number;
    const std::string where = fmt::format("{}:{}", path, number);
    const std::string trimmed = TrimLeft(TrimRight(line));
    if (current.text.empty()) {
      if (trimmed.empty()) continue;
      if (trimmed.rfind("--", 0) == 0) {  // a comment before the statement
        if (trimmed.rfind("-- args:", 0) == 0) {
          current.arg_sets.push_back(SplitArgs(trimmed.substr(8)));
          continue;
        }
        if (trimmed.find("dbopt:") == std::string::npos) continue;
        Result<double> calls = CallsOf(trimmed, where);
        if (!calls.ok()) return calls.error();
        if (*calls >= 0) current.weight = *calls;
        continue;
      }
      current.origin = where;
    }
    current.text += (current.text.empty() ? "" : "\n") + TrimRight(line);
    if (!trimmed.empty() && trimmed.back() == ';') {
      current.text.pop_back();
      current.text = TrimRight(current.text);
      current.params = CountParams(current.text);
      for (const auto& args : current.arg_sets) {
        if (static_cast<int>(args.size()) != current.params) {
          return Error::BadInput(fmt::format("{}: an args line has {} values for {} parameters",
                                             current.origin, args.size(), current.params));
        }
      }
      const std::string head = Lower(TrimLeft(current.text).substr(0, 7));
      current.is_dml = head.rfind("insert", 0) == 0 || head.rfind("update", 0) == 0 ||
                       head.rfind("delete", 0) == 0;
      out.push_back(std::move(current));
      current = WorkloadStatement();
    }
  }
  if (!current.text.empty()) {
    return Error::BadInput(fmt::format("{}: the last statement has no ';'", current.origin));
  }
  if (out.empty()) return Error::BadInput(fmt::format("{}: no statements", path));
  return out;
}

}  // namespace dbopt::bench
