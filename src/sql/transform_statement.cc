// Dispatch of top-level statements, friendly names of the statements dbopt does not analyse,
// and the helpers the transform files share.
#include <fmt/format.h>

#include <cctype>

#include "dbopt/sql/parser.h"
#include "transform.h"

namespace dbopt::sql::internal {
namespace {

// "AlterSystemStmt" → "ALTER SYSTEM": the fallback for node names without an entry below.
std::string WordsOf(std::string name) {
  if (name.size() > 4 && name.compare(name.size() - 4, 4, "Stmt") == 0)
    name.resize(name.size() - 4);
  std::string out;
  for (size_t i = 0; i < name.size(); ++i) {
    const unsigned char c = static_cast<unsigned char>(name[i]);
    if (c == '_') {
      out += ' ';
      continue;
    }
    if (i > 0 && std::isupper(c) && !std::isupper(static_cast<unsigned char>(name[i - 1])))
      out += ' ';
    out += static_cast<char>(std::toupper(c));
  }
  return out;
}

// "OBJECT_MATVIEW" → "MATVIEW"-style words: an ObjectType enum name without its prefix.
std::string ObjectWords(JsonValue type) {
  const std::string_view name = type.Raw();
  return WordsOf(std::string(name.size() > 7 ? name.substr(7) : name));
}

std::string TransactionName(std::string_view kind) {
  struct Entry {
    const char* kind;
    const char* name;
  };
  static const Entry kNames[] = {{"TRANS_STMT_BEGIN", "BEGIN"},
                                 {"TRANS_STMT_START", "START TRANSACTION"},
                                 {"TRANS_STMT_COMMIT", "COMMIT"},
                                 {"TRANS_STMT_ROLLBACK", "ROLLBACK"},
                                 {"TRANS_STMT_SAVEPOINT", "SAVEPOINT"},
                                 {"TRANS_STMT_RELEASE", "RELEASE SAVEPOINT"},
                                 {"TRANS_STMT_ROLLBACK_TO", "ROLLBACK TO SAVEPOINT"},
                                 {"TRANS_STMT_PREPARE", "PREPARE TRANSACTION"},
                                 {"TRANS_STMT_COMMIT_PREPARED", "COMMIT PREPARED"},
                                 {"TRANS_STMT_ROLLBACK_PREPARED", "ROLLBACK PREPARED"}};
  for (const Entry& entry : kNames) {
    if (kind == entry.kind) return entry.name;
  }
  return "TRANSACTION";
}

// The statements whose name is not simply their node name in words.
std::string OtherName(std::string_view type, JsonValue body) {
  struct Entry {
    const char* type;
    const char* name;
  };
  static const Entry kFixed[] = {{"VariableShowStmt", "SHOW"},
                                 {"ViewStmt", "CREATE VIEW"},
                                 {"CopyStmt", "COPY"},
                                 {"ExplainStmt", "EXPLAIN"},
                                 {"CreateSeqStmt", "CREATE SEQUENCE"},
                                 {"AlterSeqStmt", "ALTER SEQUENCE"},
                                 {"CreateExtensionStmt", "CREATE EXTENSION"},
                                 {"DoStmt", "DO"},
                                 {"TruncateStmt", "TRUNCATE"},
                                 {"CommentStmt", "COMMENT"},
                                 {"CreateTrigStmt", "CREATE TRIGGER"},
                                 {"CreateEnumStmt", "CREATE TYPE"},
                                 {"CompositeTypeStmt", "CREATE TYPE"},
                                 {"CreateRangeStmt", "CREATE TYPE"},
                                 {"CreateDomainStmt", "CREATE DOMAIN"},
                                 {"LockStmt", "LOCK"},
                                 {"RefreshMatViewStmt", "REFRESH MATERIALIZED VIEW"},
                                 {"CreateRoleStmt", "CREATE ROLE"},
                                 {"CreatedbStmt", "CREATE DATABASE"},
                                 {"CheckPointStmt", "CHECKPOINT"},
                                 {"CallStmt", "CALL"},
                                 {"MergeStmt", "MERGE"},
                                 {"SelectStmt", "SELECT INTO"}};  // the only unanalysed SELECT
  for (const Entry& entry : kFixed) {
    if (type == entry.type) return entry.name;
  }
  if (type == "VariableSetStmt") {
    const JsonValue kind = body["kind"];
    return kind.StrIs("VAR_RESET") || kind.StrIs("VAR_RESET_ALL") ? "RESET" : "SET";
  }
  if (type == "TransactionStmt") return TransactionName(body["kind"].Raw());
  if (type == "VacuumStmt") return body["is_vacuumcmd"].Bool() ? "VACUUM" : "ANALYZE";
  if (type == "GrantStmt" || type == "GrantRoleStmt")
    return body["is_grant"].Bool() ? "GRANT" : "REVOKE";
  if (type == "CreateFunctionStmt")
    return body["is_procedure"].Bool() ? "CREATE PROCEDURE" : "CREATE FUNCTION";
  if (type == "CreateTableAsStmt") {
    if (body["is_select_into"].Bool()) return "SELECT INTO";
    return body["objtype"].StrIs("OBJECT_MATVIEW") ? "CREATE MATERIALIZED VIEW" : "CREATE TABLE AS";
  }
  if (type == "RenameStmt") return "ALTER " + ObjectWords(body["renameType"]) + " RENAME";
  if (type == "DefineStmt") return "CREATE " + ObjectWords(body["kind"]);
  if (type == "DropStmt") return "DROP " + ObjectWords(body["removeType"]);
  return WordsOf(std::string(type));
}

}  // namespace

std::string StringValue(JsonValue node) {
  const std::string_view type = node.NodeType();
  if (type == "String") return node.Body()["sval"].Str();
  if (type == "A_Star") return "*";
  return "";
}

std::vector<std::string> StringList(JsonValue list) {
  std::vector<std::string> out;
  out.reserve(list.size());
  for (const JsonValue item : list) {
    // Index elements appear in some name lists (ON CONFLICT ... ON CONSTRAINT is separate).
    if (item.Is("IndexElem")) {
      out.push_back(item.Body()["name"].Str());
    } else {
      out.push_back(StringValue(item));
    }
  }
  return out;
}

std::string NodeName(JsonValue node) {
  const std::string_view type = node.NodeType();
  return type.empty() ? "(empty)" : std::string(type);
}

void Transformer::Fail(int location, std::string message) {
  if (!error_.empty()) return;
  error_ = std::move(message);
  error_location_ = location;
}

Transformer::DepthGuard::DepthGuard(Transformer& t, int location) : t_(t), ok_(true) {
  if (++t_.depth_ > kMaxNestingDepth) {
    ok_ = false;
    t_.Fail(location,
            fmt::format("not supported: nesting deeper than {} levels", kMaxNestingDepth));
  }
}

void Transformer::TransformStatement(JsonValue node, int location, Statement* out) {
  out->location = location;
  if (statement_location_ == kNoLocation) statement_location_ = location;
  const std::string_view type = node.NodeType();
  if (type.empty()) {
    Fail(location, "not supported: empty statement");
    return;
  }
  out->node_name = std::string(type);
  const JsonValue body = node.Body();
  if (TransformAnalysed(type, body, location, out)) return;
  out->kind = StatementKind::kOther;
  out->name = OtherName(type, body);
}

bool Transformer::TransformAnalysed(std::string_view type, JsonValue body, int location,
                                    Statement* out) {
  if (type == "SelectStmt") {
    if (body["intoClause"]) return false;  // SELECT INTO creates a table: Other
    out->kind = StatementKind::kSelect;
    out->name = "SELECT";
    out->select = TransformSelect(body, location);
  } else if (type == "InsertStmt") {
    out->kind = StatementKind::kInsert;
    out->name = "INSERT";
    out->insert = TransformInsert(body);
  } else if (type == "UpdateStmt") {
    out->kind = StatementKind::kUpdate;
    out->name = "UPDATE";
    out->update = TransformUpdate(body);
  } else if (type == "DeleteStmt") {
    out->kind = StatementKind::kDelete;
    out->name = "DELETE";
    out->del = TransformDelete(body);
  } else if (type == "CreateStmt") {
    out->kind = StatementKind::kCreateTable;
    out->name = "CREATE TABLE";
    out->create_table = TransformCreateTable(body);
  } else if (type == "IndexStmt") {
    out->kind = StatementKind::kCreateIndex;
    out->name = "CREATE INDEX";
    out->create_index = TransformCreateIndex(body);
  } else if (type == "AlterTableStmt") {
    out->kind = StatementKind::kAlterTable;
    out->alter_table = TransformAlterTable(body);
    out->name = "ALTER " + out->alter_table->object_kind;
  } else if (type == "RenameStmt") {
    const bool column_of_table =
        body["renameType"].StrIs("OBJECT_COLUMN") && body["relationType"].StrIs("OBJECT_TABLE");
    if (!column_of_table && !body["renameType"].StrIs("OBJECT_TABLE")) return false;
    out->kind = StatementKind::kAlterTable;
    out->name = "ALTER TABLE";
    out->alter_table = TransformRename(body);
  } else if (type == "CreateStatsStmt") {
    out->kind = StatementKind::kCreateStatistics;
    out->name = "CREATE STATISTICS";
    out->create_statistics = TransformCreateStatistics(body);
  } else if (type == "CreateSchemaStmt") {
    out->kind = StatementKind::kCreateSchema;
    out->name = "CREATE SCHEMA";
    out->create_schema = TransformCreateSchema(body);
  } else if (type == "DropStmt") {
    const JsonValue remove = body["removeType"];
    if (!remove.StrIs("OBJECT_TABLE") && !remove.StrIs("OBJECT_INDEX")) return false;
    out->kind = StatementKind::kDrop;
    out->drop = TransformDrop(body);
    out->name = "DROP " + out->drop->object_kind;
  } else {
    return false;
  }
  return true;
}

}  // namespace dbopt::sql::internal
