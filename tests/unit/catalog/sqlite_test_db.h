// Helpers for the SQLite loader's tests: temporary databases made with the sqlite3 C API, and
// loading that checks the file was left byte for byte as it was.
#pragma once

#include <doctest/doctest.h>
#include <sqlite3.h>
#include <stdlib.h>

#include <cmath>
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>

#include "dbopt/catalog/sqlite_loader.h"

namespace dbopt::catalog::testing {

namespace fs = std::filesystem;

// A fresh directory under the system temp dir, removed with everything in it.
class TempDir {
 public:
  TempDir() {
    std::string pattern = (fs::temp_directory_path() / "dbopt-sqlite-XXXXXX").string();
    REQUIRE(::mkdtemp(pattern.data()) != nullptr);
    path_ = pattern;
  }
  ~TempDir() {
    std::error_code ignored;
    fs::remove_all(path_, ignored);
  }
  std::string File(const std::string& name) const { return (path_ / name).string(); }
  std::string path() const { return path_.string(); }

 private:
  fs::path path_;
};

// Creates (or extends) a database with SQL run through the sqlite3 C API.
inline void Exec(const std::string& path, const std::string& sql) {
  sqlite3* db = nullptr;
  REQUIRE(sqlite3_open_v2(path.c_str(), &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, nullptr) ==
          SQLITE_OK);
  char* message = nullptr;
  const int rc = sqlite3_exec(db, sql.c_str(), nullptr, nullptr, &message);
  INFO((message != nullptr ? std::string(message) : std::string()));
  sqlite3_free(message);
  sqlite3_close(db);
  REQUIRE(rc == SQLITE_OK);
}

// One number from a query (e.g. dbstat sizes, to compare with what the loader reports).
inline double Number(const std::string& path, const std::string& sql) {
  sqlite3* db = nullptr;
  REQUIRE(sqlite3_open_v2(path.c_str(), &db, SQLITE_OPEN_READONLY, nullptr) == SQLITE_OK);
  sqlite3_stmt* stmt = nullptr;
  REQUIRE(sqlite3_prepare_v2(db, sql.c_str(), -1, &stmt, nullptr) == SQLITE_OK);
  REQUIRE(sqlite3_step(stmt) == SQLITE_ROW);
  const double value = sqlite3_column_double(stmt, 0);
  sqlite3_finalize(stmt);
  sqlite3_close(db);
  return value;
}

inline std::string Bytes(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), {});
}

// Loads and checks that loading left the file byte for byte as it was.
inline Catalog LoadUnchanged(const std::string& path, const SqliteLoadOptions& options = {}) {
  const std::string before = Bytes(path);
  Result<Catalog> catalog = LoadSqliteCatalog(path, options);
  INFO((catalog.ok() ? std::string() : catalog.error().Render()));
  REQUIRE(catalog.ok());
  CHECK(Bytes(path) == before);
  CHECK_FALSE(fs::exists(path + "-journal"));
  return std::move(catalog).value();
}

inline const Index& FindIndex(const Catalog& catalog, const std::string& name) {
  for (const Index& index : catalog.indexes) {
    if (index.name == name) return index;
  }
  FAIL("no index " << name);
  return catalog.indexes.front();
}

inline const Table& FindTable(const Catalog& catalog, const std::string& name) {
  const Table* table = catalog.FindTable(name);
  REQUIRE_MESSAGE(table != nullptr, "no table " << name);
  return *table;
}

// PostgreSQL pages for a b-tree's bytes in the file, measured independently with dbstat.
inline int64_t PgPagesOf(const std::string& path, const std::string& btree) {
  const double bytes = Number(path, "SELECT sum(pgsize) FROM dbstat WHERE name = '" + btree + "'");
  return static_cast<int64_t>(std::ceil(bytes / 8192));
}

}  // namespace dbopt::catalog::testing
