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

std::string OtherName(const PgQuery__Node* node) {
  switch (node->node_case) {
    case PG_QUERY__NODE__NODE_VARIABLE_SET_STMT: {
      const auto kind = node->variable_set_stmt->kind;
      return kind == PG_QUERY__VARIABLE_SET_KIND__VAR_RESET ||
                     kind == PG_QUERY__VARIABLE_SET_KIND__VAR_RESET_ALL
                 ? "RESET"
                 : "SET";
    }
    case PG_QUERY__NODE__NODE_VARIABLE_SHOW_STMT:
      return "SHOW";
    case PG_QUERY__NODE__NODE_TRANSACTION_STMT: {
      static const char* const kNames[] = {"TRANSACTION",
                                           "BEGIN",
                                           "START TRANSACTION",
                                           "COMMIT",
                                           "ROLLBACK",
                                           "SAVEPOINT",
                                           "RELEASE SAVEPOINT",
                                           "ROLLBACK TO SAVEPOINT",
                                           "PREPARE TRANSACTION",
                                           "COMMIT PREPARED",
                                           "ROLLBACK PREPARED"};
      const int kind = node->transaction_stmt->kind;
      return kind >= 0 && kind <= 10 ? kNames[kind] : "TRANSACTION";
    }
    case PG_QUERY__NODE__NODE_VACUUM_STMT:
      return node->vacuum_stmt->is_vacuumcmd ? "VACUUM" : "ANALYZE";
    case PG_QUERY__NODE__NODE_GRANT_STMT:
      return node->grant_stmt->is_grant ? "GRANT" : "REVOKE";
    case PG_QUERY__NODE__NODE_GRANT_ROLE_STMT:
      return node->grant_role_stmt->is_grant ? "GRANT" : "REVOKE";
    case PG_QUERY__NODE__NODE_CREATE_FUNCTION_STMT:
      return node->create_function_stmt->is_procedure ? "CREATE PROCEDURE" : "CREATE FUNCTION";
    case PG_QUERY__NODE__NODE_CREATE_TABLE_AS_STMT:
      if (node->create_table_as_stmt->is_select_into) return "SELECT INTO";
      return node->create_table_as_stmt->objtype == PG_QUERY__OBJECT_TYPE__OBJECT_MATVIEW
                 ? "CREATE MATERIALIZED VIEW"
                 : "CREATE TABLE AS";
    case PG_QUERY__NODE__NODE_VIEW_STMT:
      return "CREATE VIEW";
    case PG_QUERY__NODE__NODE_COPY_STMT:
      return "COPY";
    case PG_QUERY__NODE__NODE_EXPLAIN_STMT:
      return "EXPLAIN";
    case PG_QUERY__NODE__NODE_CREATE_SEQ_STMT:
      return "CREATE SEQUENCE";
    case PG_QUERY__NODE__NODE_ALTER_SEQ_STMT:
      return "ALTER SEQUENCE";
    case PG_QUERY__NODE__NODE_CREATE_EXTENSION_STMT:
      return "CREATE EXTENSION";
    case PG_QUERY__NODE__NODE_DO_STMT:
      return "DO";
    case PG_QUERY__NODE__NODE_TRUNCATE_STMT:
      return "TRUNCATE";
    case PG_QUERY__NODE__NODE_COMMENT_STMT:
      return "COMMENT";
    case PG_QUERY__NODE__NODE_RENAME_STMT:
      return "ALTER " +
             WordsOf(
                 EnumValueName(pg_query__object_type__descriptor, node->rename_stmt->rename_type)
                     .substr(7)) +
             " RENAME";
    case PG_QUERY__NODE__NODE_CREATE_TRIG_STMT:
      return "CREATE TRIGGER";
    case PG_QUERY__NODE__NODE_CREATE_ENUM_STMT:
    case PG_QUERY__NODE__NODE_COMPOSITE_TYPE_STMT:
    case PG_QUERY__NODE__NODE_CREATE_RANGE_STMT:
      return "CREATE TYPE";
    case PG_QUERY__NODE__NODE_CREATE_DOMAIN_STMT:
      return "CREATE DOMAIN";
    case PG_QUERY__NODE__NODE_LOCK_STMT:
      return "LOCK";
    case PG_QUERY__NODE__NODE_REFRESH_MAT_VIEW_STMT:
      return "REFRESH MATERIALIZED VIEW";
    case PG_QUERY__NODE__NODE_CREATE_ROLE_STMT:
      return "CREATE ROLE";
    case PG_QUERY__NODE__NODE_CREATEDB_STMT:
      return "CREATE DATABASE";
    case PG_QUERY__NODE__NODE_CHECK_POINT_STMT:
      return "CHECKPOINT";
    case PG_QUERY__NODE__NODE_CALL_STMT:
      return "CALL";
    case PG_QUERY__NODE__NODE_MERGE_STMT:
      return "MERGE";
    case PG_QUERY__NODE__NODE_DEFINE_STMT:
      return "CREATE " +
             WordsOf(EnumValueName(pg_query__object_type__descriptor, node->define_stmt->kind)
                         .substr(7));
    case PG_QUERY__NODE__NODE_DROP_STMT:
      return "DROP " +
             WordsOf(EnumValueName(pg_query__object_type__descriptor, node->drop_stmt->remove_type)
                         .substr(7));
    case PG_QUERY__NODE__NODE_SELECT_STMT:
      return "SELECT INTO";  // the only SELECT that is not analysed
    default:
      return WordsOf(NodeName(node));
  }
}

}  // namespace

std::string StringValue(const PgQuery__Node* node) {
  if (node == nullptr) return "";
  if (node->node_case == PG_QUERY__NODE__NODE_STRING) return node->string->sval;
  if (node->node_case == PG_QUERY__NODE__NODE_A_STAR) return "*";
  return "";
}

std::vector<std::string> StringList(size_t n, PgQuery__Node* const* nodes) {
  std::vector<std::string> out;
  out.reserve(n);
  for (size_t i = 0; i < n; ++i) {
    // Index elements appear in some name lists (ON CONFLICT ... ON CONSTRAINT is separate).
    if (nodes[i]->node_case == PG_QUERY__NODE__NODE_INDEX_ELEM) {
      out.emplace_back(nodes[i]->index_elem->name);
    } else {
      out.push_back(StringValue(nodes[i]));
    }
  }
  return out;
}

std::string NodeName(const PgQuery__Node* node) {
  if (node == nullptr || node->node_case == PG_QUERY__NODE__NODE__NOT_SET) return "(empty)";
  const ProtobufCFieldDescriptor* field =
      protobuf_c_message_descriptor_get_field(&pg_query__node__descriptor, node->node_case);
  if (field == nullptr || field->descriptor == nullptr) return "(unknown node)";
  return static_cast<const ProtobufCMessageDescriptor*>(field->descriptor)->short_name;
}

std::string EnumValueName(const ProtobufCEnumDescriptor& descriptor, int value) {
  const ProtobufCEnumValue* v = protobuf_c_enum_descriptor_get_value(&descriptor, value);
  return v ? v->name : std::to_string(value);
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

void Transformer::TransformStatement(const PgQuery__Node* node, int location, Statement* out) {
  out->location = location;
  if (node == nullptr) {
    Fail(location, "not supported: empty statement");
    return;
  }
  out->node_name = NodeName(node);
  switch (node->node_case) {
    case PG_QUERY__NODE__NODE_SELECT_STMT:
      if (node->select_stmt->into_clause) break;  // SELECT INTO creates a table: Other
      out->kind = StatementKind::kSelect;
      out->name = "SELECT";
      out->select = TransformSelect(node->select_stmt, location);
      return;
    case PG_QUERY__NODE__NODE_INSERT_STMT:
      out->kind = StatementKind::kInsert;
      out->name = "INSERT";
      out->insert = TransformInsert(node->insert_stmt);
      return;
    case PG_QUERY__NODE__NODE_UPDATE_STMT:
      out->kind = StatementKind::kUpdate;
      out->name = "UPDATE";
      out->update = TransformUpdate(node->update_stmt);
      return;
    case PG_QUERY__NODE__NODE_DELETE_STMT:
      out->kind = StatementKind::kDelete;
      out->name = "DELETE";
      out->del = TransformDelete(node->delete_stmt);
      return;
    case PG_QUERY__NODE__NODE_CREATE_STMT:
      out->kind = StatementKind::kCreateTable;
      out->name = "CREATE TABLE";
      out->create_table = TransformCreateTable(node->create_stmt);
      return;
    case PG_QUERY__NODE__NODE_INDEX_STMT:
      out->kind = StatementKind::kCreateIndex;
      out->name = "CREATE INDEX";
      out->create_index = TransformCreateIndex(node->index_stmt);
      return;
    case PG_QUERY__NODE__NODE_ALTER_TABLE_STMT:
      out->kind = StatementKind::kAlterTable;
      out->alter_table = TransformAlterTable(node->alter_table_stmt);
      out->name = "ALTER " + out->alter_table->object_kind;
      return;
    case PG_QUERY__NODE__NODE_RENAME_STMT: {
      const PgQuery__RenameStmt* r = node->rename_stmt;
      const bool column_of_table = r->rename_type == PG_QUERY__OBJECT_TYPE__OBJECT_COLUMN &&
                                   r->relation_type == PG_QUERY__OBJECT_TYPE__OBJECT_TABLE;
      if (!column_of_table && r->rename_type != PG_QUERY__OBJECT_TYPE__OBJECT_TABLE) break;
      out->kind = StatementKind::kAlterTable;
      out->name = "ALTER TABLE";
      out->alter_table = TransformRename(r);
      return;
    }
    case PG_QUERY__NODE__NODE_CREATE_STATS_STMT:
      out->kind = StatementKind::kCreateStatistics;
      out->name = "CREATE STATISTICS";
      out->create_statistics = TransformCreateStatistics(node->create_stats_stmt);
      return;
    case PG_QUERY__NODE__NODE_CREATE_SCHEMA_STMT:
      out->kind = StatementKind::kCreateSchema;
      out->name = "CREATE SCHEMA";
      out->create_schema = TransformCreateSchema(node->create_schema_stmt);
      return;
    case PG_QUERY__NODE__NODE_DROP_STMT: {
      const auto type = node->drop_stmt->remove_type;
      if (type != PG_QUERY__OBJECT_TYPE__OBJECT_TABLE &&
          type != PG_QUERY__OBJECT_TYPE__OBJECT_INDEX)
        break;
      out->kind = StatementKind::kDrop;
      out->drop = TransformDrop(node->drop_stmt);
      out->name = "DROP " + out->drop->object_kind;
      return;
    }
    default:
      break;
  }
  out->kind = StatementKind::kOther;
  out->name = OtherName(node);
}

}  // namespace dbopt::sql::internal
