#include "dbopt/catalog/load.h"

#include <sys/stat.h>

#include <cctype>
#include <cerrno>
#include <cstring>
#include <fstream>

namespace dbopt::catalog {

const char* SourceKindName(SourceKind kind) {
  switch (kind) {
    case SourceKind::kJson:
      return "json";
    case SourceKind::kSqlite:
      return "sqlite";
    case SourceKind::kDdl:
      return "ddl";
    case SourceKind::kPostgres:
      return "postgres";
  }
  return "?";
}

namespace {

bool LooksLikeConninfo(const std::string& source) {
  if (source.rfind("postgresql://", 0) == 0 || source.rfind("postgres://", 0) == 0) return true;
  // libpq's "key=value" form: the first word holds an '=' and is a known keyword start.
  const size_t eq = source.find('=');
  if (eq == std::string::npos) return false;
  const std::string key = source.substr(0, eq);
  for (const char* known : {"host", "hostaddr", "port", "dbname", "user", "service", "password",
                            "sslmode", "connect_timeout", "application_name", "options"}) {
    std::string trimmed = key;
    while (!trimmed.empty() && std::isspace(static_cast<unsigned char>(trimmed.back()))) {
      trimmed.pop_back();
    }
    if (trimmed == known) return true;
  }
  return false;
}

}  // namespace

Result<SourceKind> DetectSourceKind(const std::string& source) {
  if (LooksLikeConninfo(source)) return SourceKind::kPostgres;
  struct stat st {};
  if (::stat(source.c_str(), &st) != 0) {
    return Error::Io(source + ": cannot open: " + std::strerror(errno));
  }
  if (S_ISDIR(st.st_mode)) return Error::Io(source + ": is a directory, not a catalog");
  std::ifstream in(source, std::ios::binary);
  if (!in) return Error::Io(source + ": cannot open: " + std::strerror(errno));
  char header[16] = {};
  in.read(header, sizeof header);
  const std::streamsize got = in.gcount();
  static constexpr char kSqliteMagic[] = "SQLite format 3";  // 15 characters and a NUL
  if (got == 16 && std::memcmp(header, kSqliteMagic, 16) == 0) return SourceKind::kSqlite;
  // Skip a UTF-8 BOM and whitespace; JSON starts with '{'.
  in.clear();
  in.seekg(0);
  char c = 0;
  int position = 0;
  while (in.get(c)) {
    const auto u = static_cast<unsigned char>(c);
    if (position < 3 && (u == 0xEF || u == 0xBB || u == 0xBF)) {
      ++position;
      continue;
    }
    ++position;
    if (std::isspace(u)) continue;
    return c == '{' ? SourceKind::kJson : SourceKind::kDdl;
  }
  return Error::BadInput(source + ": empty file: expected a JSON catalog, a SQLite database or DDL");
}

Result<Catalog> LoadCatalog(const std::string& source) {
  Result<SourceKind> kind = DetectSourceKind(source);
  if (!kind) return std::move(kind).error();
  switch (*kind) {
    case SourceKind::kPostgres:
      return LoadPostgresCatalog(source);
    case SourceKind::kSqlite:
      return LoadSqliteCatalog(source);
    case SourceKind::kJson:
    case SourceKind::kDdl: {
      Result<SourceText> text = SourceText::ReadFile(source);
      if (!text) return std::move(text).error();
      return *kind == SourceKind::kJson ? LoadJsonCatalog(*text) : LoadDdlCatalog(*text);
    }
  }
  return Error::Internal("unknown catalog source kind");
}

}  // namespace dbopt::catalog
