#include "dbopt/sim/hash.h"

#include <doctest/doctest.h>

#include <cstdint>
#include <limits>
#include <string>

namespace dbopt::sim {
namespace {

// The 8 bytes of a hash in the order they are stored, as Vitess prints keyspace ids.
std::string HexBigEndian(uint64_t v) {
  static const char* kDigits = "0123456789abcdef";
  std::string out;
  for (int shift = 60; shift >= 0; shift -= 4) out += kDigits[(v >> shift) & 15];
  return out;
}

std::string HexLittleEndian(uint64_t v) {
  uint64_t swapped = 0;
  for (int i = 0; i < 8; ++i) swapped = (swapped << 8) | ((v >> (8 * i)) & 0xff);
  return HexBigEndian(swapped);
}

}  // namespace

TEST_SUITE("sim hash") {
  TEST_CASE("DES matches the classic FIPS worked example") {
    CHECK(DesEncrypt(0x133457799BBCDFF1ULL, 0x0123456789ABCDEFULL) == 0x85E813540F0AB405ULL);
  }

  TEST_CASE("Vitess hash vindex vectors (hash_test.go)") {
    CHECK(HexBigEndian(VitessHash(1)) == "166b40b44aba4bd6");
    CHECK(HexBigEndian(VitessHash(2)) == "06e7ea22ce92708f");
    CHECK(HexBigEndian(VitessHash(3)) == "4eb190c9a2fa169c");
    CHECK(HexBigEndian(VitessHash(4)) == "d2fd8867d50d2dfe");
    CHECK(HexBigEndian(VitessHash(5)) == "70bb023c810ca87a");
    CHECK(HexBigEndian(VitessHash(6)) == "f098480ac4c4be71");
    CHECK(HexBigEndian(VitessHash(29999)) == "fcd63e56d3374d88");
    CHECK(HexBigEndian(VitessHash(397)) == "5584fa738baaf516");
  }

  TEST_CASE("Vitess xxhash vindex vectors: XXH64 of the text bytes, stored little-endian") {
    CHECK(HexLittleEndian(XxHash64("1")) == "d46405367612b4b7");
    CHECK(HexLittleEndian(XxHash64("-1")) == "d8e2a6a7c8c7623d");
    CHECK(HexLittleEndian(XxHash64("test1")) == "d01ab7e4d6978f0b");
    CHECK(HexLittleEndian(XxHash64("test2")) == "87eb11714c0a0e89");
    CHECK(HexLittleEndian(XxHash64("")) == "99e9d85137db46ef");
    CHECK(HexLittleEndian(XxHash64(std::to_string(std::numeric_limits<int64_t>::max()))) ==
          "b37eb01f7bffafd8");
    // The empty input is XXH64's published "null" value; a long input exercises the stripes.
    CHECK(XxHash64("") == 0xEF46DB3751D8E999ULL);
    CHECK(XxHash64(std::string(100, 'x')) == XxHash64(std::string(100, 'x')));
  }

  TEST_CASE("PostgreSQL 15 hashint4/hashint8/hashtext (checked against a PG 15.x server)") {
    CHECK(PgHashInt8(0) == -272711505);
    CHECK(PgHashInt8(1) == -1905060026);
    CHECK(PgHashInt8(-1) == 385747274);
    CHECK(PgHashInt8(2) == 1134484726);
    CHECK(PgHashInt8(42) == 1509752520);
    CHECK(PgHashInt8(2147483647) == -96758253);
    CHECK(PgHashInt8(-2147483648LL) == -1524351049);
    CHECK(PgHashInt8(4294967296LL) == -1905060026);
    CHECK(PgHashInt8(-4294967297LL) == -1242090879);
    CHECK(PgHashInt8(std::numeric_limits<int64_t>::max()) == -1524351049);
    CHECK(PgHashInt8(std::numeric_limits<int64_t>::min()) == -96758253);
    CHECK(PgHashInt8(1234567890123LL) == 952082253);
    CHECK(PgHashInt4(42) == 1509752520);
    CHECK(PgHashText("") == -1477818771);
    CHECK(PgHashText("a") == 1075015857);
    CHECK(PgHashText("abc") == -785388649);
    CHECK(PgHashText("hello world") == 1021725223);
    CHECK(PgHashText("abcdefghijkl") == -1586087212);
    CHECK(PgHashText("abcdefghijklm") == 405849808);
    CHECK(PgHashText("0123456789abcdefghijklmnopqrstuvwxyz") == -933383701);
    CHECK(PgHashText("\xc3\xa9") == -983094517);  // "é" in UTF-8
  }

  TEST_CASE("Citus shard index from a 32-bit hash (FindShardInterval)") {
    CHECK(CitusShardIndex(std::numeric_limits<int32_t>::min(), 32) == 0);
    CHECK(CitusShardIndex(-1, 32) == 15);
    CHECK(CitusShardIndex(0, 32) == 16);
    CHECK(CitusShardIndex(std::numeric_limits<int32_t>::max(), 32) == 31);
    CHECK(CitusShardIndex(std::numeric_limits<int32_t>::max(), 3) == 2);  // clamped from 3
    CHECK(CitusShardIndex(0, 1) == 0);
  }

  TEST_CASE("jump consistent hash vectors") {
    CHECK(JumpConsistentHash(0, 60) == 0);
    CHECK(JumpConsistentHash(1, 60) == 55);
    CHECK(JumpConsistentHash(2, 60) == 46);
    CHECK(JumpConsistentHash(256, 1024) == 520);
    const int ten[] = {0, 6, 6, 8, 1, 4, 9, 0, 4, 7};
    const int eleven[] = {0, 6, 6, 8, 1, 10, 9, 0, 4, 7};
    for (uint64_t key = 0; key < 10; ++key) {
      CHECK(JumpConsistentHash(key, 10) == ten[key]);
      CHECK(JumpConsistentHash(key, 11) == eleven[key]);
    }
  }
}

}  // namespace dbopt::sim
