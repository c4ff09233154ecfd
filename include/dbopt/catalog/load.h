// Loading a catalog from where users keep it. A SOURCE on the command line may be a JSON
// catalog, a SQLite database, a DDL file or a PostgreSQL URI/conninfo; the kind is detected
// from the content (files) or the form (connection strings).
#pragma once

#include <string>

#include "dbopt/base/result.h"
#include "dbopt/base/source_text.h"
#include "dbopt/catalog/catalog.h"

namespace dbopt::catalog {

enum class SourceKind { kJson, kSqlite, kDdl, kPostgres };

const char* SourceKindName(SourceKind kind);

// "postgresql://…", "postgres://…" and "key=value …" conninfo strings are PostgreSQL; a file
// starting with the SQLite header is SQLite; a file whose first non-blank character is '{' is
// JSON; any other readable text file is DDL.
Result<SourceKind> DetectSourceKind(const std::string& source);

// Detects the kind and loads.
Result<Catalog> LoadCatalog(const std::string& source);

// The loaders, one per file in src/catalog/.
Result<Catalog> LoadJsonCatalog(const SourceText& text);     // json_reader.cc
Result<Catalog> LoadSqliteCatalog(const std::string& path);  // sqlite_loader.cc
Result<Catalog> LoadDdlCatalog(const SourceText& text);      // ddl_loader.cc
// Applies the DDL statements of text (CREATE TABLE/INDEX/STATISTICS, ALTER TABLE, DROP) to an
// existing catalog, as LoadDdlCatalog does to an empty one (ddl_loader.cc).
Status ApplyDdl(Catalog& catalog, const SourceText& text);
Result<Catalog> LoadPostgresCatalog(const std::string& conninfo);  // postgres_loader.cc

// The JSON writer (json_writer.cc): deterministic, 2-space indented, ends with a newline.
// LoadJsonCatalog(WriteJsonCatalog(c)) == c for every catalog c.
std::string WriteJsonCatalog(const Catalog& catalog);

}  // namespace dbopt::catalog
