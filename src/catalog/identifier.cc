#include "dbopt/catalog/identifier.h"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <cctype>
#include <vector>

namespace dbopt::catalog {

namespace {

// PG15: every keyword quote_ident quotes (pg_get_keywords() where catcode <> 'U'), sorted.
constexpr std::array<std::string_view, 151> kQuotedKeywords = {"all",
                                                               "analyse",
                                                               "analyze",
                                                               "and",
                                                               "any",
                                                               "array",
                                                               "as",
                                                               "asc",
                                                               "asymmetric",
                                                               "authorization",
                                                               "between",
                                                               "bigint",
                                                               "binary",
                                                               "bit",
                                                               "boolean",
                                                               "both",
                                                               "case",
                                                               "cast",
                                                               "char",
                                                               "character",
                                                               "check",
                                                               "coalesce",
                                                               "collate",
                                                               "collation",
                                                               "column",
                                                               "concurrently",
                                                               "constraint",
                                                               "create",
                                                               "cross",
                                                               "current_catalog",
                                                               "current_date",
                                                               "current_role",
                                                               "current_schema",
                                                               "current_time",
                                                               "current_timestamp",
                                                               "current_user",
                                                               "dec",
                                                               "decimal",
                                                               "default",
                                                               "deferrable",
                                                               "desc",
                                                               "distinct",
                                                               "do",
                                                               "else",
                                                               "end",
                                                               "except",
                                                               "exists",
                                                               "extract",
                                                               "false",
                                                               "fetch",
                                                               "float",
                                                               "for",
                                                               "foreign",
                                                               "freeze",
                                                               "from",
                                                               "full",
                                                               "grant",
                                                               "greatest",
                                                               "group",
                                                               "grouping",
                                                               "having",
                                                               "ilike",
                                                               "in",
                                                               "initially",
                                                               "inner",
                                                               "inout",
                                                               "int",
                                                               "integer",
                                                               "intersect",
                                                               "interval",
                                                               "into",
                                                               "is",
                                                               "isnull",
                                                               "join",
                                                               "lateral",
                                                               "leading",
                                                               "least",
                                                               "left",
                                                               "like",
                                                               "limit",
                                                               "localtime",
                                                               "localtimestamp",
                                                               "national",
                                                               "natural",
                                                               "nchar",
                                                               "none",
                                                               "normalize",
                                                               "not",
                                                               "notnull",
                                                               "null",
                                                               "nullif",
                                                               "numeric",
                                                               "offset",
                                                               "on",
                                                               "only",
                                                               "or",
                                                               "order",
                                                               "out",
                                                               "outer",
                                                               "overlaps",
                                                               "overlay",
                                                               "placing",
                                                               "position",
                                                               "precision",
                                                               "primary",
                                                               "real",
                                                               "references",
                                                               "returning",
                                                               "right",
                                                               "row",
                                                               "select",
                                                               "session_user",
                                                               "setof",
                                                               "similar",
                                                               "smallint",
                                                               "some",
                                                               "substring",
                                                               "symmetric",
                                                               "table",
                                                               "tablesample",
                                                               "then",
                                                               "time",
                                                               "timestamp",
                                                               "to",
                                                               "trailing",
                                                               "treat",
                                                               "trim",
                                                               "true",
                                                               "union",
                                                               "unique",
                                                               "user",
                                                               "using",
                                                               "values",
                                                               "varchar",
                                                               "variadic",
                                                               "verbose",
                                                               "when",
                                                               "where",
                                                               "window",
                                                               "with",
                                                               "xmlattributes",
                                                               "xmlconcat",
                                                               "xmlelement",
                                                               "xmlexists",
                                                               "xmlforest",
                                                               "xmlnamespaces",
                                                               "xmlparse",
                                                               "xmlpi",
                                                               "xmlroot",
                                                               "xmlserialize",
                                                               "xmltable"};

bool IsIdentifierStart(char c) { return (c >= 'a' && c <= 'z') || c == '_'; }
// ruleutils.c quote_identifier: '$' is legal in an identifier but still quoted.
bool IsIdentifierPart(char c) { return IsIdentifierStart(c) || (c >= '0' && c <= '9'); }

// Reads one identifier at text[*pos]: quoted ("" is a quote) or unquoted (folded to lower case,
// ASCII only, as PostgreSQL's downcase_identifier does for single-byte encodings' ASCII range).
Result<std::string> ReadPart(std::string_view text, size_t* pos) {
  std::string out;
  size_t i = *pos;
  if (i < text.size() && text[i] == '"') {
    for (++i;; ++i) {
      if (i >= text.size()) {
        return Error::BadInput(fmt::format("unterminated quoted identifier in \"{}\"", text));
      }
      if (text[i] == '"') {
        if (i + 1 < text.size() && text[i + 1] == '"') {
          out += '"';
          ++i;
          continue;
        }
        ++i;
        break;
      }
      out += text[i];
    }
    if (out.empty())
      return Error::BadInput(fmt::format("zero-length quoted identifier in \"{}\"", text));
  } else {
    while (i < text.size() && text[i] != '.') {
      const char c = text[i];
      if (c == '"' || std::isspace(static_cast<unsigned char>(c))) {
        return Error::BadInput(fmt::format("invalid name \"{}\"", text));
      }
      out += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
      ++i;
    }
    if (out.empty()) return Error::BadInput(fmt::format("invalid name \"{}\"", text));
  }
  *pos = i;
  return out;
}

}  // namespace

Result<QualifiedName> ParseQualifiedName(std::string_view text) {
  std::vector<std::string> parts;
  size_t pos = 0;
  while (true) {
    Result<std::string> part = ReadPart(text, &pos);
    if (!part) return std::move(part).error();
    parts.push_back(std::move(part).value());
    if (pos == text.size()) break;
    if (text[pos] != '.') return Error::BadInput(fmt::format("invalid name \"{}\"", text));
    ++pos;
  }
  if (parts.size() > 2) {
    return Error::BadInput(
        fmt::format("improper qualified name (too many dotted names): {}", text));
  }
  QualifiedName name;
  if (parts.size() == 2) name.schema = parts[0];
  name.name = parts.back();
  return name;
}

std::string QuoteIdentifier(std::string_view identifier) {
  bool safe = !identifier.empty() && IsIdentifierStart(identifier[0]) &&
              std::all_of(identifier.begin(), identifier.end(), IsIdentifierPart) &&
              !std::binary_search(kQuotedKeywords.begin(), kQuotedKeywords.end(), identifier);
  if (safe) return std::string(identifier);
  std::string out = "\"";
  for (char c : identifier) {
    if (c == '"') out += '"';
    out += c;
  }
  out += '"';
  return out;
}

std::string QuoteQualified(std::string_view schema, std::string_view name) {
  return QuoteIdentifier(schema) + "." + QuoteIdentifier(name);
}

std::string MakeObjectName(std::string name1, std::string name2, const std::string& label) {
  constexpr size_t kMaxIdentifierBytes = 63;  // PG15: NAMEDATALEN - 1
  auto total = [&] {
    return name1.size() + (name2.empty() ? 0 : name2.size() + 1) + label.size() + 1;
  };
  while (total() > kMaxIdentifierBytes) {
    std::string& longer = name1.size() >= name2.size() ? name1 : name2;
    longer.pop_back();
  }
  return name1 + (name2.empty() ? "" : "_" + name2) + "_" + label;
}

}  // namespace dbopt::catalog
