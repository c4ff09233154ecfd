// SQLite's record format (https://www.sqlite.org/fileformat2.html#record_format): the encoding of
// sqlite_stat4.sample, an index key whose leading value dbopt turns into most common values.
// Private to src/catalog/.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace dbopt::catalog::sqlite {

struct RecordValue {
  enum class Type { kNull, kInteger, kReal, kText, kBlob };
  Type type = Type::kNull;
  int64_t integer = 0;
  double real = 0;
  std::string bytes;  // text or blob
};

// The values of a record; nullopt when the bytes are not a well-formed record.
std::optional<std::vector<RecordValue>> DecodeRecord(std::string_view record);

// The value as catalog text: integers in decimal, reals in the shortest form that reads back the
// same, text as is, blobs as PostgreSQL's bytea hex ("\x0aff"). NULL has no text: "".
std::string RecordValueText(const RecordValue& value);

// Two values are the same key (what SQLite's index order treats as equal, BINARY collation).
bool SameRecordValue(const RecordValue& a, const RecordValue& b);

}  // namespace dbopt::catalog::sqlite
