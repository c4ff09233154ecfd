// Thin wrappers over libpg_query's fingerprint and normalize functions.
#include "dbopt/sql/fingerprint.h"

#include <pg_query.h>

namespace dbopt::sql {

Result<std::string> Fingerprint(std::string_view sql) {
  const std::string text(sql);  // libpg_query needs a NUL-terminated string
  PgQueryFingerprintResult r = pg_query_fingerprint(text.c_str());
  Result<std::string> out = r.error ? Result<std::string>(Error::BadInput(r.error->message))
                                    : Result<std::string>(std::string(r.fingerprint_str));
  pg_query_free_fingerprint_result(r);
  return out;
}

Result<std::string> Normalize(std::string_view sql) {
  const std::string text(sql);
  PgQueryNormalizeResult r = pg_query_normalize(text.c_str());
  Result<std::string> out = r.error ? Result<std::string>(Error::BadInput(r.error->message))
                                    : Result<std::string>(std::string(r.normalized_query));
  pg_query_free_normalize_result(r);
  return out;
}

}  // namespace dbopt::sql
