// A fast lexical pass over one statement that finds its literals (numbers and strings) without
// parsing: the trace replay uses it on every event, so that libpg_query parses each statement
// *shape* once and the literals of later events of the same shape are read from this scan.
//
//   ScanLiterals("SELECT * FROM t WHERE id = 42 AND s = 'a''b'", &scan)
//   scan.shape    == "SELECT * FROM t WHERE id = \x01 AND s = \x01"
//   scan.literals == {{27, 29, kNumber}, {38, 44, kString}}
//
// The shape is the text with every literal replaced by kLiteralMark, comments dropped and runs
// of blanks collapsed to one space: two texts with the same shape have the same parse tree up
// to the values of their constants (the lexer follows PostgreSQL's scan.l for what a token is).
// Parameters ($1) and quoted identifiers are kept as written. Signs are operators here, as in
// PostgreSQL's lexer: "-5" is '-' then the literal 5.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace dbopt::sql {

inline constexpr char kLiteralMark = '\x01';

enum class LiteralKind : uint8_t {
  kNumber,        // 42, 1.5, .5e3
  kString,        // 'text' ('' is a quote), also N'text'
  kEscapeString,  // E'text' (backslash escapes), U&'text'
  kDollarString,  // $$text$$, $tag$text$tag$
  kBitString,     // B'0101', X'1F'
};

struct Literal {
  uint32_t begin = 0;  // the whole token, quotes and prefix included
  uint32_t end = 0;
  LiteralKind kind = LiteralKind::kNumber;
};

struct LiteralScan {
  std::string shape;
  std::vector<Literal> literals;
};

// Scans `sql` into `out` (cleared first; its buffers are reused, so a scan per event allocates
// nothing once they have grown). An unterminated string or comment ends at the end of the text.
void ScanLiterals(std::string_view sql, LiteralScan* out);

// The value of a literal: a number as written; a string's contents with '' (and, in E'' strings,
// the backslash escapes \\ \' \n \t \r \b \f) resolved; a dollar string's body; a bit string's
// digits. Returns false for what it cannot decode exactly (octal, hex and unicode escapes, U&).
bool LiteralValue(std::string_view sql, const Literal& literal, std::string* value);

}  // namespace dbopt::sql
