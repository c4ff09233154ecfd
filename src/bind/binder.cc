// Bind(): statement dispatch and the binder's error helpers (PostgreSQL's analyze.c
// transformStmt and parser_errposition).
#include "dbopt/bind/binder.h"

#include <utility>

#include "binder_impl.h"

namespace dbopt::bind {
namespace internal {

Error Binder::ErrorAt(int location, std::string message, std::string hint) const {
  Error e;
  e.kind = ErrorKind::kBadInput;
  if (location >= 0) {
    e.diagnostic = source_.DiagnosticAt(static_cast<size_t>(location), std::move(message),
                                        Severity::kError, std::move(hint));
  } else {
    e.diagnostic.file = source_.name();
    e.diagnostic.message = std::move(message);
    e.diagnostic.hint = std::move(hint);
  }
  return e;
}

Error Binder::NotSupported(int location, const std::string& construct) const {
  return ErrorAt(location, "not supported: " + construct);
}

Result<std::shared_ptr<Query>> Binder::BindStatement(const sql::Statement& statement,
                                                     Level* parent) {
  switch (statement.kind) {
    case sql::StatementKind::kSelect:
      return BindSelect(*statement.select, parent);
    case sql::StatementKind::kInsert:
      return BindInsert(*statement.insert, parent);
    case sql::StatementKind::kUpdate:
      return BindUpdate(*statement.update, parent);
    case sql::StatementKind::kDelete:
      return BindDelete(*statement.del, parent);
    default:
      return NotSupported(
          statement.location,
          (statement.name.empty() ? std::string("this statement") : statement.name) +
              " (only SELECT, INSERT, UPDATE and DELETE are planned)");
  }
}

}  // namespace internal

Result<std::shared_ptr<Query>> Bind(const catalog::Catalog& catalog,
                                    const sql::Statement& statement, const SourceText& source) {
  internal::Binder binder(catalog, source);
  return binder.BindStatement(statement, nullptr);
}

}  // namespace dbopt::bind
