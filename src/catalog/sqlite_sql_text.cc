#include "dbopt/catalog/sqlite_sql_text.h"

#include <cctype>
#include <utility>

namespace dbopt::catalog::sqlite {

namespace {

bool IsWordStart(unsigned char c) { return std::isalpha(c) || c == '_' || c >= 0x80; }
bool IsWordChar(unsigned char c) { return std::isalnum(c) || c == '_' || c == '$' || c >= 0x80; }

// The text between two tokens' extremes: from the start of tokens[first] to the end of
// tokens[last], inclusive. Empty when first > last.
std::string TextOf(std::string_view sql, const std::vector<Token>& tokens, size_t first,
                   size_t last) {
  if (first > last || last >= tokens.size()) return {};
  return std::string(sql.substr(tokens[first].begin, tokens[last].end - tokens[first].begin));
}

// The index of the ')' matching the '(' at `open`, or tokens.size() when unbalanced.
size_t MatchingParen(const std::vector<Token>& tokens, size_t open) {
  int depth = 0;
  for (size_t i = open; i < tokens.size(); ++i) {
    if (tokens[i].IsSymbol('(')) ++depth;
    if (tokens[i].IsSymbol(')') && --depth == 0) return i;
  }
  return tokens.size();
}

// Splits tokens[first, last) at commas outside parentheses into [begin, end) ranges.
std::vector<std::pair<size_t, size_t>> SplitAtCommas(const std::vector<Token>& tokens, size_t first,
                                                     size_t last) {
  std::vector<std::pair<size_t, size_t>> items;
  int depth = 0;
  size_t start = first;
  for (size_t i = first; i < last; ++i) {
    if (tokens[i].IsSymbol('(')) ++depth;
    if (tokens[i].IsSymbol(')')) --depth;
    if (depth == 0 && tokens[i].IsSymbol(',')) {
      items.emplace_back(start, i);
      start = i + 1;
    }
  }
  if (start < last) items.emplace_back(start, last);
  return items;
}

// The first token of each comma-separated term of the group starting at `open`: the column names
// of "(a COLLATE nocase DESC, b)".
std::vector<std::string> GroupNames(const std::vector<Token>& tokens, size_t open, size_t close) {
  std::vector<std::string> names;
  for (const auto& [begin, end] : SplitAtCommas(tokens, open + 1, close)) {
    if (begin < end) names.push_back(tokens[begin].value);
  }
  return names;
}

Error TextError(std::string_view what, std::string_view why) {
  return Error::BadInput("cannot read the " + std::string(what) + " text: " + std::string(why));
}

bool IsColumnConstraintStart(const Token& t) {
  for (const char* keyword : {"CONSTRAINT", "PRIMARY", "NOT", "NULL", "UNIQUE", "CHECK", "DEFAULT",
                              "COLLATE", "REFERENCES", "GENERATED", "AS"}) {
    if (t.IsKeyword(keyword)) return true;
  }
  return false;
}

// A column definition in tokens[begin, end): name, type, then column constraints in any order.
void ParseColumnDef(std::string_view sql, const std::vector<Token>& tokens, size_t begin,
                    size_t end, TableText* table) {
  ColumnText column;
  column.name = tokens[begin].value;
  size_t i = begin + 1;
  while (i < end && !IsColumnConstraintStart(tokens[i])) {
    i = tokens[i].IsSymbol('(') ? MatchingParen(tokens, i) + 1 : i + 1;
  }
  std::string pending_name;
  auto add = [&](ConstraintText::Kind kind) -> ConstraintText& {
    ConstraintText& c = table->constraints.emplace_back();
    c.kind = kind;
    c.name = std::exchange(pending_name, {});
    c.columns = {column.name};
    return c;
  };
  while (i < end) {
    const Token& t = tokens[i];
    const bool has_group = i + 1 < end && tokens[i + 1].IsSymbol('(');
    if (t.IsKeyword("CONSTRAINT") && i + 1 < end) {
      pending_name = tokens[i + 1].value;
      i += 2;
    } else if (t.IsKeyword("PRIMARY")) {
      add(ConstraintText::Kind::kPrimaryKey);
      i += 2;  // PRIMARY KEY; ASC/DESC, ON CONFLICT and AUTOINCREMENT are skipped below
    } else if (t.IsKeyword("UNIQUE")) {
      add(ConstraintText::Kind::kUnique);
      ++i;
    } else if (t.IsKeyword("CHECK") && has_group) {
      const size_t close = MatchingParen(tokens, i + 1);
      add(ConstraintText::Kind::kCheck).expr = TextOf(sql, tokens, i + 2, close - 1);
      i = close + 1;
    } else if (t.IsKeyword("COLLATE") && i + 1 < end) {
      column.collation = tokens[i + 1].value;
      pending_name.clear();
      i += 2;
    } else if (t.IsKeyword("REFERENCES") && i + 1 < end) {
      ConstraintText& fk = add(ConstraintText::Kind::kForeignKey);
      fk.ref_table = tokens[i + 1].value;
      i += 2;
      if (i < end && tokens[i].IsSymbol('(')) {
        const size_t close = MatchingParen(tokens, i);
        fk.ref_columns = GroupNames(tokens, i, close);
        i = close + 1;
      }
    } else if (t.IsKeyword("AS") && has_group) {
      const size_t close = MatchingParen(tokens, i + 1);
      column.generated = TextOf(sql, tokens, i + 2, close - 1);
      i = close + 1;
      column.generated_stored = i < end && tokens[i].IsKeyword("STORED");
    } else if (t.IsSymbol('(')) {
      i = MatchingParen(tokens, i) + 1;  // DEFAULT (expr) and the like
    } else {
      // NOT NULL, NULL, DEFAULT and GENERATED take a pending CONSTRAINT name with them.
      if (IsColumnConstraintStart(t)) pending_name.clear();
      ++i;
    }
  }
  table->columns.push_back(std::move(column));
}

// A table constraint in tokens[begin, end): [CONSTRAINT name] PRIMARY KEY (...) | UNIQUE (...) |
// CHECK (...) | FOREIGN KEY (...) REFERENCES table [(...)].
void ParseTableConstraint(std::string_view sql, const std::vector<Token>& tokens, size_t begin,
                          size_t end, TableText* table) {
  ConstraintText c;
  size_t i = begin;
  if (tokens[i].IsKeyword("CONSTRAINT") && i + 1 < end) {
    c.name = tokens[i + 1].value;
    i += 2;
  }
  if (i >= end) return;
  const Token& t = tokens[i];
  if (t.IsKeyword("PRIMARY") || t.IsKeyword("FOREIGN")) {
    c.kind = t.IsKeyword("PRIMARY") ? ConstraintText::Kind::kPrimaryKey
                                    : ConstraintText::Kind::kForeignKey;
    i += 2;  // the KEY keyword
  } else if (t.IsKeyword("UNIQUE")) {
    c.kind = ConstraintText::Kind::kUnique;
    ++i;
  } else if (t.IsKeyword("CHECK")) {
    c.kind = ConstraintText::Kind::kCheck;
    ++i;
  } else {
    return;
  }
  if (i >= end || !tokens[i].IsSymbol('(')) return;
  const size_t close = MatchingParen(tokens, i);
  if (c.kind == ConstraintText::Kind::kCheck) {
    c.expr = TextOf(sql, tokens, i + 1, close - 1);
  } else {
    c.columns = GroupNames(tokens, i, close);
  }
  i = close + 1;
  if (c.kind == ConstraintText::Kind::kForeignKey && i + 1 < end &&
      tokens[i].IsKeyword("REFERENCES")) {
    c.ref_table = tokens[i + 1].value;
    if (i + 2 < end && tokens[i + 2].IsSymbol('(')) {
      c.ref_columns = GroupNames(tokens, i + 2, MatchingParen(tokens, i + 2));
    }
  }
  table->constraints.push_back(std::move(c));
}

}  // namespace

bool EqualsIgnoreCase(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (size_t i = 0; i < a.size(); ++i) {
    if (std::toupper(static_cast<unsigned char>(a[i])) !=
        std::toupper(static_cast<unsigned char>(b[i]))) {
      return false;
    }
  }
  return true;
}

bool Token::IsKeyword(std::string_view keyword) const {
  return kind == Kind::kWord && EqualsIgnoreCase(value, keyword);
}

Result<std::vector<Token>> Tokenize(std::string_view sql) {
  std::vector<Token> tokens;
  size_t i = 0;
  while (i < sql.size()) {
    const auto c = static_cast<unsigned char>(sql[i]);
    if (std::isspace(c)) {
      ++i;
    } else if (sql.compare(i, 2, "--") == 0) {
      const size_t newline = sql.find('\n', i);
      i = newline == std::string_view::npos ? sql.size() : newline + 1;
    } else if (sql.compare(i, 2, "/*") == 0) {
      const size_t close = sql.find("*/", i + 2);  // SQLite accepts a comment open until the end
      i = close == std::string_view::npos ? sql.size() : close + 2;
    } else if (c == '\'' || c == '"' || c == '`' || c == '[') {
      const char close = c == '[' ? ']' : static_cast<char>(c);
      Token t;
      t.kind = c == '\'' ? Token::Kind::kString : Token::Kind::kQuotedName;
      t.begin = i;
      size_t j = i + 1;
      for (;; ++j) {
        if (j >= sql.size()) {
          return Error::BadInput("unterminated quote " + std::string(1, static_cast<char>(c)) +
                                 " at offset " + std::to_string(i));
        }
        if (sql[j] != close) {
          t.value += sql[j];
        } else if (c != '[' && j + 1 < sql.size() && sql[j + 1] == close) {
          t.value += close;  // a doubled quote stands for itself
          ++j;
        } else {
          break;
        }
      }
      t.end = j + 1;
      i = t.end;
      tokens.push_back(std::move(t));
    } else if (std::isdigit(c) || (c == '.' && i + 1 < sql.size() &&
                                   std::isdigit(static_cast<unsigned char>(sql[i + 1])))) {
      size_t j = i + 1;
      while (j < sql.size()) {
        const auto d = static_cast<unsigned char>(sql[j]);
        const bool exponent_sign =
            (d == '+' || d == '-') && (sql[j - 1] == 'e' || sql[j - 1] == 'E');
        if (!std::isalnum(d) && d != '.' && d != '_' && !exponent_sign) break;
        ++j;
      }
      tokens.push_back({Token::Kind::kNumber, i, j, std::string(sql.substr(i, j - i))});
      i = j;
    } else if (IsWordStart(c)) {
      size_t j = i + 1;
      while (j < sql.size() && IsWordChar(static_cast<unsigned char>(sql[j]))) ++j;
      tokens.push_back({Token::Kind::kWord, i, j, std::string(sql.substr(i, j - i))});
      i = j;
    } else {
      tokens.push_back({Token::Kind::kSymbol, i, i + 1, std::string(1, sql[i])});
      ++i;
    }
  }
  return tokens;
}

Result<TableText> ParseCreateTable(std::string_view sql) {
  Result<std::vector<Token>> lexed = Tokenize(sql);
  if (!lexed) return TextError("CREATE TABLE", lexed.error().message());
  const std::vector<Token>& tokens = *lexed;
  size_t open = 0;
  while (open < tokens.size() && !tokens[open].IsSymbol('(')) ++open;
  if (open == tokens.size()) return TextError("CREATE TABLE", "no column list");
  const size_t close = MatchingParen(tokens, open);
  if (close == tokens.size()) return TextError("CREATE TABLE", "unbalanced parentheses");

  TableText table;
  for (const auto& [begin, end] : SplitAtCommas(tokens, open + 1, close)) {
    const Token& first = tokens[begin];
    if (first.IsKeyword("CONSTRAINT") || first.IsKeyword("PRIMARY") || first.IsKeyword("UNIQUE") ||
        first.IsKeyword("CHECK") || first.IsKeyword("FOREIGN")) {
      ParseTableConstraint(sql, tokens, begin, end, &table);
    } else {
      ParseColumnDef(sql, tokens, begin, end, &table);
    }
  }
  for (size_t i = close + 1; i < tokens.size(); ++i) {
    if (tokens[i].IsKeyword("ROWID") && tokens[i - 1].IsKeyword("WITHOUT"))
      table.without_rowid = true;
    if (tokens[i].IsKeyword("STRICT")) table.strict = true;
  }
  return table;
}

Result<IndexText> ParseCreateIndex(std::string_view sql) {
  Result<std::vector<Token>> lexed = Tokenize(sql);
  if (!lexed) return TextError("CREATE INDEX", lexed.error().message());
  const std::vector<Token>& tokens = *lexed;
  size_t open = 0;
  while (open < tokens.size() && !tokens[open].IsKeyword("ON")) ++open;
  while (open < tokens.size() && !tokens[open].IsSymbol('(')) ++open;
  if (open == tokens.size()) return TextError("CREATE INDEX", "no ON table (...) key list");
  const size_t close = MatchingParen(tokens, open);
  if (close == tokens.size()) return TextError("CREATE INDEX", "unbalanced parentheses");

  IndexText index;
  for (auto [begin, end] : SplitAtCommas(tokens, open + 1, close)) {
    if (end > begin && (tokens[end - 1].IsKeyword("ASC") || tokens[end - 1].IsKeyword("DESC"))) {
      --end;
    }
    if (end >= begin + 2 && tokens[end - 2].IsKeyword("COLLATE")) end -= 2;
    if (end <= begin) return TextError("CREATE INDEX", "an empty key");
    index.keys.push_back(TextOf(sql, tokens, begin, end - 1));
  }
  if (close + 1 < tokens.size()) {
    if (!tokens[close + 1].IsKeyword("WHERE") || close + 2 >= tokens.size()) {
      return TextError("CREATE INDEX",
                       "unexpected \"" + tokens[close + 1].value + "\" after the key list");
    }
    index.predicate = TextOf(sql, tokens, close + 2, tokens.size() - 1);
  }
  return index;
}

}  // namespace dbopt::catalog::sqlite
