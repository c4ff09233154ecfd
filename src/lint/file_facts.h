// Facts about a whole SQL file that single-statement rules need: the tables it creates (with
// their columns, so later statements resolve against them), the columns it adds, the indexes
// it creates, and where it sets lock_timeout. Computed once per file before the rules run.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include "dbopt/base/source_text.h"
#include "dbopt/catalog/catalog.h"
#include "dbopt/sql/ast_statement.h"

namespace dbopt::lint {

// An index as the linter compares them: keys as column names or expression SQL text.
struct IndexShape {
  std::string name;
  std::string table;
  std::string method = "btree";
  std::vector<std::string> keys;  // "col", "col DESC", "lower(email)"
  bool unique = false;
  bool partial = false;
  std::string predicate;  // SQL text when partial
  size_t offset = 0;      // where it is created in the file; 0 for catalog indexes
};

class FileFacts {
 public:
  FileFacts(const SourceText& source, const std::vector<sql::Statement>& statements);

  // A table created by CREATE TABLE in this file before `offset`; nullptr when none.
  const catalog::Table* CreatedTable(const std::string& name, size_t offset) const;
  // Columns added to `table` by ALTER TABLE ... ADD COLUMN before `offset`.
  std::vector<const catalog::Column*> AddedColumns(const std::string& table, size_t offset) const;
  // Every CREATE INDEX of the file (wherever it is).
  const std::vector<IndexShape>& indexes() const { return indexes_; }
  // True when a SET [LOCAL] lock_timeout comes before `offset`.
  bool LockTimeoutBefore(size_t offset) const { return lock_timeout_offset_ < offset; }
  // The offset of the first statement that takes a strong lock on an existing table
  // (ALTER TABLE, CREATE INDEX without CONCURRENTLY, DROP); npos when none.
  size_t first_locking_ddl() const { return first_locking_ddl_; }

 private:
  struct Created {
    size_t offset;
    catalog::Table table;
  };
  struct Added {
    size_t offset;
    std::string table;
    catalog::Column column;
  };
  bool CreatedAnywhereBefore(const std::string& name, size_t offset) const;
  void Scan(const sql::Statement& statement, const std::string& text);

  std::vector<Created> created_;
  std::vector<Added> added_;
  std::vector<IndexShape> indexes_;
  size_t lock_timeout_offset_ = static_cast<size_t>(-1);
  size_t first_locking_ddl_ = static_cast<size_t>(-1);
};

// The shape of a CREATE INDEX statement / of a catalog index.
IndexShape ShapeOf(const sql::CreateIndexStmt& index, size_t offset);
IndexShape ShapeOf(const catalog::Index& index);
// A catalog column from a column definition (type as format_type prints it).
catalog::Column ColumnOf(const sql::ColumnDef& def);

}  // namespace dbopt::lint
