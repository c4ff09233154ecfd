// LoadSqliteCatalog: a SQLite database file, opened read-only, as a PostgreSQL-shaped catalog.
// What is read and how it maps: docs/sqlite-import.md.
#include "dbopt/catalog/sqlite_loader.h"

#include <fcntl.h>
#include <sqlite3.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

#include "dbopt/catalog/load.h"
#include "sqlite_db.h"
#include "sqlite_schema_reader.h"
#include "sqlite_stats_reader.h"

static_assert(SQLITE_VERSION_NUMBER >= 3037000, "the SQLite loader needs PRAGMA table_list (3.37)");

namespace dbopt::catalog {

namespace {

// The database header is 100 bytes and starts with this 16-byte string (NUL included).
constexpr char kSqliteMagic[] = "SQLite format 3";
constexpr size_t kSqliteHeaderBytes = 100;

// Checks what SQLite would report less clearly: a missing or unreadable file, a directory, a
// file that is not a SQLite database (encrypted ones included) and an impossible page size.
Status CheckSqliteFile(const std::string& path) {
  struct stat st {};
  if (::stat(path.c_str(), &st) != 0) {
    return Error::Io(path + ": cannot open: " + std::strerror(errno));
  }
  if (S_ISDIR(st.st_mode)) return Error::Io(path + ": is a directory, not a SQLite database");
  const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) return Error::Io(path + ": cannot open: " + std::strerror(errno));
  unsigned char header[kSqliteHeaderBytes] = {};
  size_t got = 0;
  while (got < sizeof header) {
    const ssize_t n = ::read(fd, header + got, sizeof header - got);
    if (n == 0) break;
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) {
      const int read_errno = errno;
      ::close(fd);
      return Error::Io(path + ": cannot read: " + std::strerror(read_errno));
    }
    got += static_cast<size_t>(n);
  }
  ::close(fd);
  if (got < sizeof header || std::memcmp(header, kSqliteMagic, sizeof kSqliteMagic) != 0) {
    return Error::BadInput(path +
                           ": not a SQLite database: it does not start with the SQLite header "
                           "(an encrypted database cannot be read either)");
  }
  // Offset 16: the page size, big-endian; 1 stands for 65536.
  const unsigned page_size = (header[16] << 8) | header[17];
  const bool power_of_two = page_size >= 512 && (page_size & (page_size - 1)) == 0;
  if (!power_of_two && page_size != 1) {
    return Error::BadInput(path + ": corrupt SQLite header: page size " +
                           std::to_string(page_size) + " is not a power of two from 512 to 65536");
  }
  return Ok{};
}

}  // namespace

Result<Catalog> LoadSqliteCatalog(const std::string& path, const SqliteLoadOptions& options) {
  // Our own checks first: their messages say what is wrong with the file.
  if (Status s = CheckSqliteFile(path); !s) return std::move(s).error();
  // Read-only, with a busy timeout, PRAGMA query_only and untrusted schema (sqlite_db.cc).
  Result<sqlite::Database> db = sqlite::Database::OpenReadOnly(path, options.busy_timeout_ms);
  if (!db) return std::move(db).error();
  // One read transaction: schema and statistics come from the same snapshot, even in WAL mode.
  if (Status s = db->Exec("BEGIN"); !s) return std::move(s).error();

  Catalog catalog;
  catalog.source.kind = "sqlite";
  catalog.source.location = path;
  catalog.source.server_version = sqlite3_libversion();
  // Tables, views, columns, constraints and indexes, ordered by name.
  if (Status s = sqlite::ReadSqliteSchema(*db, &catalog); !s) return std::move(s).error();
  // Row counts, distinct counts, most common values and sizes in PostgreSQL's shape.
  if (Status s = sqlite::ReadSqliteStatistics(*db, options, &catalog); !s) {
    return std::move(s).error();
  }
  if (Status s = db->Exec("COMMIT"); !s) return std::move(s).error();
  return catalog;
}

Result<Catalog> LoadSqliteCatalog(const std::string& path) {
  return LoadSqliteCatalog(path, SqliteLoadOptions{});
}

}  // namespace dbopt::catalog
