#include "sqlite_record.h"

#include <charconv>
#include <cstring>

namespace dbopt::catalog::sqlite {

namespace {

// A varint of 1 to 9 bytes at data[*pos]; false when it runs past the end.
bool ReadVarint(std::string_view data, size_t* pos, uint64_t* out) {
  uint64_t v = 0;
  for (int i = 0; i < 9; ++i) {
    if (*pos >= data.size()) return false;
    const auto byte = static_cast<uint8_t>(data[(*pos)++]);
    if (i == 8) {
      *out = (v << 8) | byte;
      return true;
    }
    v = (v << 7) | (byte & 0x7f);
    if ((byte & 0x80) == 0) {
      *out = v;
      return true;
    }
  }
  return false;
}

// A big-endian two's complement integer of `size` bytes.
int64_t ReadBigEndian(std::string_view data, size_t pos, int size) {
  uint64_t v = static_cast<uint8_t>(data[pos]) & 0x80 ? ~uint64_t{0} : 0;  // sign extension
  for (int i = 0; i < size; ++i) v = (v << 8) | static_cast<uint8_t>(data[pos + i]);
  return static_cast<int64_t>(v);
}

// The number of content bytes of serial type `type`; -1 for the reserved types 10 and 11.
int64_t ContentSize(uint64_t type) {
  static constexpr int kIntegerSizes[] = {0, 1, 2, 3, 4, 6, 8, 8, 0, 0};
  if (type <= 9) return kIntegerSizes[type];
  if (type == 10 || type == 11) return -1;
  return static_cast<int64_t>((type - 12) / 2);
}

}  // namespace

std::optional<std::vector<RecordValue>> DecodeRecord(std::string_view record) {
  size_t pos = 0;
  uint64_t header_size = 0;
  if (!ReadVarint(record, &pos, &header_size) || header_size > record.size() || header_size < pos) {
    return std::nullopt;
  }
  std::vector<uint64_t> types;
  while (pos < header_size) {
    uint64_t type = 0;
    if (!ReadVarint(record, &pos, &type) || pos > header_size) return std::nullopt;
    types.push_back(type);
  }
  std::vector<RecordValue> values;
  size_t body = header_size;
  for (const uint64_t type : types) {
    const int64_t size = ContentSize(type);
    if (size < 0 || static_cast<uint64_t>(size) > record.size() - body) return std::nullopt;
    RecordValue& v = values.emplace_back();
    if (type == 0) {
      v.type = RecordValue::Type::kNull;
    } else if (type <= 6) {
      v.type = RecordValue::Type::kInteger;
      v.integer = ReadBigEndian(record, body, static_cast<int>(size));
    } else if (type == 7) {
      v.type = RecordValue::Type::kReal;
      const auto bits = static_cast<uint64_t>(ReadBigEndian(record, body, 8));
      std::memcpy(&v.real, &bits, sizeof v.real);
    } else if (type == 8 || type == 9) {
      v.type = RecordValue::Type::kInteger;
      v.integer = type == 9 ? 1 : 0;
    } else {
      v.type = type % 2 == 0 ? RecordValue::Type::kBlob : RecordValue::Type::kText;
      v.bytes = std::string(record.substr(body, static_cast<size_t>(size)));
    }
    body += static_cast<size_t>(size);
  }
  return values;
}

std::string RecordValueText(const RecordValue& value) {
  switch (value.type) {
    case RecordValue::Type::kNull:
      return {};
    case RecordValue::Type::kInteger:
      return std::to_string(value.integer);
    case RecordValue::Type::kReal: {
      char buffer[32];
      const auto result = std::to_chars(buffer, buffer + sizeof buffer, value.real);
      return std::string(buffer, result.ptr);
    }
    case RecordValue::Type::kText:
      return value.bytes;
    case RecordValue::Type::kBlob: {
      static constexpr char kHex[] = "0123456789abcdef";
      std::string text = "\\x";
      for (const char c : value.bytes) {
        text += kHex[static_cast<uint8_t>(c) >> 4];
        text += kHex[static_cast<uint8_t>(c) & 0xf];
      }
      return text;
    }
  }
  return {};
}

bool SameRecordValue(const RecordValue& a, const RecordValue& b) {
  if (a.type != b.type) {
    // SQLite compares integers and reals by value.
    const bool numeric_a =
        a.type == RecordValue::Type::kInteger || a.type == RecordValue::Type::kReal;
    const bool numeric_b =
        b.type == RecordValue::Type::kInteger || b.type == RecordValue::Type::kReal;
    if (!numeric_a || !numeric_b) return false;
    const double x =
        a.type == RecordValue::Type::kInteger ? static_cast<double>(a.integer) : a.real;
    const double y =
        b.type == RecordValue::Type::kInteger ? static_cast<double>(b.integer) : b.real;
    return x == y;
  }
  switch (a.type) {
    case RecordValue::Type::kNull:
      return true;
    case RecordValue::Type::kInteger:
      return a.integer == b.integer;
    case RecordValue::Type::kReal:
      return a.real == b.real;
    default:
      return a.bytes == b.bytes;
  }
}

}  // namespace dbopt::catalog::sqlite
