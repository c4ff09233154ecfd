// Type names the way PostgreSQL's format_type() prints them: pg_catalog.int4 → "integer",
// pg_catalog.varchar with typmod 25 → "character varying(25)", pg_catalog.timestamptz →
// "timestamp with time zone", int4[] → "integer[]". Names outside pg_catalog keep their schema
// only when it was written.
#pragma once

#include <string>

#include "dbopt/sql/ast_expr.h"

namespace dbopt::sql {

std::string FormatType(const TypeName& type);

}  // namespace dbopt::sql
