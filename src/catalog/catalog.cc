// Name lookup in the catalog, with PostgreSQL's rules for case and quoting (identifier.h).
#include "dbopt/catalog/catalog.h"

#include <fmt/format.h>
#include <fmt/ranges.h>

#include "dbopt/base/did_you_mean.h"
#include "dbopt/catalog/identifier.h"

namespace dbopt::catalog {

namespace {
constexpr char kDefaultSchema[] = "public";

// Tables named `name` in any schema but "public".
std::vector<const Table*> OutsidePublic(const std::vector<Table>& tables, const std::string& name) {
  std::vector<const Table*> found;
  for (const Table& table : tables) {
    if (table.name == name && table.schema != kDefaultSchema) found.push_back(&table);
  }
  return found;
}
}  // namespace

const Column* Table::FindColumn(const std::string& column) const {
  for (const Column& c : columns) {
    if (c.name == column) return &c;
  }
  return nullptr;
}

const Table* Catalog::FindTable(const std::string& schema, const std::string& name) const {
  const std::string& wanted_schema = schema.empty() ? std::string(kDefaultSchema) : schema;
  for (const Table& table : tables) {
    if (table.schema == wanted_schema && table.name == name) return &table;
  }
  if (!schema.empty()) return nullptr;
  const std::vector<const Table*> others = OutsidePublic(tables, name);
  return others.size() == 1 ? others.front() : nullptr;
}

const Table* Catalog::FindTable(const std::string& name) const {
  Result<QualifiedName> parsed = ParseQualifiedName(name);
  if (!parsed) return nullptr;
  return FindTable(parsed->schema, parsed->name);
}

Result<const Table*> Catalog::ResolveTable(const std::string& name) const {
  Result<QualifiedName> parsed = ParseQualifiedName(name);
  if (!parsed) return std::move(parsed).error();
  if (const Table* table = FindTable(parsed->schema, parsed->name)) return table;
  if (parsed->schema.empty()) {
    const std::vector<const Table*> others = OutsidePublic(tables, parsed->name);
    if (others.size() > 1) {
      std::vector<std::string> schemas;
      for (const Table* t : others) schemas.push_back(t->schema);
      return Error::BadInput(fmt::format("table name \"{}\" is ambiguous: it exists in schemas {}",
                                         parsed->name, fmt::join(schemas, ", ")) +
                             "; qualify it as schema.name");
    }
  }
  std::vector<std::string> candidates;
  for (const Table& table : tables) {
    candidates.push_back(parsed->schema.empty() ? table.name : table.QualifiedName());
  }
  const std::string shown =
      parsed->schema.empty() ? parsed->name : parsed->schema + "." + parsed->name;
  std::string message = fmt::format("unknown table \"{}\"", shown);
  if (auto suggestion = DidYouMean(shown, candidates)) {
    message += fmt::format(" — did you mean \"{}\"?", *suggestion);
  }
  return Error::BadInput(message);
}

std::vector<const Index*> Catalog::IndexesOf(const Table& table) const {
  std::vector<const Index*> found;
  for (const Index& index : indexes) {
    if (index.schema == table.schema && index.table == table.name) found.push_back(&index);
  }
  return found;
}

}  // namespace dbopt::catalog
