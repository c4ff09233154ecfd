// PostgreSQL 15's hash_bytes / hash_bytes_uint32 (src/common/hashfn.c) and the SQL-level hashint4,
// hashint8 and hashtext built on them — the 32-bit hashes Citus maps to shards. Written from
// Bob Jenkins' lookup3 description with PostgreSQL's adaptations: the length is folded into the
// initial state, c's lowest byte is left for it in the tail, and `final` always runs. Words are
// read little-endian (the result on a little-endian server, where the tests were checked).
#include <cstdint>
#include <string_view>

#include "dbopt/sim/hash.h"

namespace dbopt::sim {
namespace {

constexpr uint32_t kGolden = 0x9e3779b9;
constexpr uint32_t kPgSalt = 3923095;  // PG15: hashfn.c adds it to the initial state

uint32_t Rot(uint32_t x, int k) { return (x << k) | (x >> (32 - k)); }

// clang-format off
void Mix(uint32_t& a, uint32_t& b, uint32_t& c) {
  a -= c;  a ^= Rot(c, 4);  c += b;
  b -= a;  b ^= Rot(a, 6);  a += c;
  c -= b;  c ^= Rot(b, 8);  b += a;
  a -= c;  a ^= Rot(c, 16); c += b;
  b -= a;  b ^= Rot(a, 19); a += c;
  c -= b;  c ^= Rot(b, 4);  b += a;
}

void Final(uint32_t& a, uint32_t& b, uint32_t& c) {
  c ^= b; c -= Rot(b, 14);
  a ^= c; a -= Rot(c, 11);
  b ^= a; b -= Rot(a, 25);
  c ^= b; c -= Rot(b, 16);
  a ^= c; a -= Rot(c, 4);
  b ^= a; b -= Rot(a, 14);
  c ^= b; c -= Rot(b, 24);
}
// clang-format on

uint32_t Word(const unsigned char* p) {
  return p[0] | (static_cast<uint32_t>(p[1]) << 8) | (static_cast<uint32_t>(p[2]) << 16) |
         (static_cast<uint32_t>(p[3]) << 24);
}

// The 0–11 trailing bytes, added little-endian into a, b and c (c from its second byte on).
void AddTail(const unsigned char* k, size_t len, uint32_t& a, uint32_t& b, uint32_t& c) {
  for (size_t i = 0; i < len; ++i) {
    const uint32_t byte = k[i];
    if (i < 4) {
      a += byte << (8 * i);
    } else if (i < 8) {
      b += byte << (8 * (i - 4));
    } else {
      c += byte << (8 * (i - 7));
    }
  }
}

}  // namespace

uint32_t PgHashBytes(std::string_view bytes) {
  const auto* k = reinterpret_cast<const unsigned char*>(bytes.data());
  size_t len = bytes.size();
  uint32_t a = kGolden + static_cast<uint32_t>(len) + kPgSalt;
  uint32_t b = a;
  uint32_t c = a;
  for (; len >= 12; len -= 12, k += 12) {
    a += Word(k);
    b += Word(k + 4);
    c += Word(k + 8);
    Mix(a, b, c);
  }
  AddTail(k, len, a, b, c);
  Final(a, b, c);
  return c;
}

uint32_t PgHashUint32(uint32_t value) {
  uint32_t a = kGolden + static_cast<uint32_t>(sizeof(uint32_t)) + kPgSalt;
  uint32_t b = a;
  uint32_t c = a;
  a += value;
  Final(a, b, c);
  return c;
}

int32_t PgHashInt4(int32_t value) {
  return static_cast<int32_t>(PgHashUint32(static_cast<uint32_t>(value)));
}

// hashint8: fold the high half into the low one so that values in int32 range hash like int4:
// lo ^= (v >= 0) ? hi : ~hi.
int32_t PgHashInt8(int64_t value) {
  uint32_t lo = static_cast<uint32_t>(value);
  const uint32_t hi = static_cast<uint32_t>(static_cast<uint64_t>(value) >> 32);
  lo ^= value >= 0 ? hi : ~hi;
  return static_cast<int32_t>(PgHashUint32(lo));
}

int32_t PgHashText(std::string_view text) { return static_cast<int32_t>(PgHashBytes(text)); }

}  // namespace dbopt::sim
