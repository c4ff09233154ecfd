// SQL identifiers as PostgreSQL treats them: unquoted names fold to lower case, quoted names
// keep their case and may hold any character ("" stands for one quote). The catalog stores
// names folded, as pg_class and pg_attribute do.
#pragma once

#include <string>
#include <string_view>

#include "dbopt/base/result.h"

namespace dbopt::catalog {

// "name" or "schema.name" in SQL syntax: orders, Orders (= orders), "Orders", public.orders,
// "my schema"."order items". schema is empty when not given.
struct QualifiedName {
  std::string schema;
  std::string name;
};

Result<QualifiedName> ParseQualifiedName(std::string_view text);

// The identifier as pg_get_indexdef / quote_ident print it: unquoted when it is lower case
// letters, digits and '_' (not a digit first), and not a keyword other than an unreserved one
// (ruleutils.c quote_identifier; EXPLAIN prints names the same way).
std::string QuoteIdentifier(std::string_view identifier);

// PostgreSQL's makeObjectName: name1_name2_label, the longer of name1/name2 cut until the whole
// fits in 63 bytes (NAMEDATALEN - 1); name2 may be empty.
std::string MakeObjectName(std::string name1, std::string name2, const std::string& label);

// "schema.name" with each part quoted when needed.
std::string QuoteQualified(std::string_view schema, std::string_view name);

}  // namespace dbopt::catalog
