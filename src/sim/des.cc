// DES (FIPS 46-3) for the Vitess `hash` vindex: DES-ECB with an all-zero key over the
// big-endian uint64. The tables below are the standard's, with its 1-based bit numbering from
// the most significant bit; at start-up they are turned into byte-sliced lookup tables so one
// block costs ~200 table reads instead of ~1400 single-bit moves.
#include <array>
#include <cstdint>

#include "dbopt/sim/hash.h"

namespace dbopt::sim {
namespace {

constexpr uint8_t kInitialPermutation[64] = {
    58, 50, 42, 34, 26, 18, 10, 2,  60, 52, 44, 36, 28, 20, 12, 4,  62, 54, 46, 38, 30, 22,
    14, 6,  64, 56, 48, 40, 32, 24, 16, 8,  57, 49, 41, 33, 25, 17, 9,  1,  59, 51, 43, 35,
    27, 19, 11, 3,  61, 53, 45, 37, 29, 21, 13, 5,  63, 55, 47, 39, 31, 23, 15, 7};
constexpr uint8_t kFinalPermutation[64] = {
    40, 8,  48, 16, 56, 24, 64, 32, 39, 7,  47, 15, 55, 23, 63, 31, 38, 6,  46, 14, 54, 22,
    62, 30, 37, 5,  45, 13, 53, 21, 61, 29, 36, 4,  44, 12, 52, 20, 60, 28, 35, 3,  43, 11,
    51, 19, 59, 27, 34, 2,  42, 10, 50, 18, 58, 26, 33, 1,  41, 9,  49, 17, 57, 25};
constexpr uint8_t kRoundPermutation[32] = {16, 7, 20, 21, 29, 12, 28, 17, 1,  15, 23,
                                           26, 5, 18, 31, 10, 2,  8,  24, 14, 32, 27,
                                           3,  9, 19, 13, 30, 6,  22, 11, 4,  25};
constexpr uint8_t kPermutedChoice1[56] = {57, 49, 41, 33, 25, 17, 9,  1,  58, 50, 42, 34, 26, 18,
                                          10, 2,  59, 51, 43, 35, 27, 19, 11, 3,  60, 52, 44, 36,
                                          63, 55, 47, 39, 31, 23, 15, 7,  62, 54, 46, 38, 30, 22,
                                          14, 6,  61, 53, 45, 37, 29, 21, 13, 5,  28, 20, 12, 4};
constexpr uint8_t kPermutedChoice2[48] = {
    14, 17, 11, 24, 1,  5,  3,  28, 15, 6,  21, 10, 23, 19, 12, 4,  26, 8,  16, 7,  27, 20, 13, 2,
    41, 52, 31, 37, 47, 55, 30, 40, 51, 45, 33, 48, 44, 49, 39, 56, 34, 53, 46, 42, 50, 36, 29, 32};
constexpr uint8_t kKeyShifts[16] = {1, 1, 2, 2, 2, 2, 2, 2, 1, 2, 2, 2, 2, 2, 2, 1};
constexpr uint8_t kSBoxes[8][64] = {
    {14, 4,  13, 1, 2,  15, 11, 8, 3, 10, 6, 12, 5,  9,  0,  7,  0,  15, 7,  4,  14, 2,
     13, 1,  10, 6, 12, 11, 9,  5, 3, 8,  4, 1,  14, 8,  13, 6,  2,  11, 15, 12, 9,  7,
     3,  10, 5,  0, 15, 12, 8,  2, 4, 9,  1, 7,  5,  11, 3,  14, 10, 0,  6,  13},
    {15, 1,  8,  14, 6,  11, 3,  4, 9,  7,  2, 13, 12, 0,  5,  10, 3,  13, 4,  7, 15, 2,
     8,  14, 12, 0,  1,  10, 6,  9, 11, 5,  0, 14, 7,  11, 10, 4,  13, 1,  5,  8, 12, 6,
     9,  3,  2,  15, 13, 8,  10, 1, 3,  15, 4, 2,  11, 6,  7,  12, 0,  5,  14, 9},
    {10, 0,  9,  14, 6, 3,  15, 5,  1,  13, 12, 7, 11, 4,  2,  8,  13, 7, 0,  9, 3, 4,
     6,  10, 2,  8,  5, 14, 12, 11, 15, 1,  13, 6, 4,  9,  8,  15, 3,  0, 11, 1, 2, 12,
     5,  10, 14, 7,  1, 10, 13, 0,  6,  9,  8,  7, 4,  15, 14, 3,  11, 5, 2,  12},
    {7, 13, 14, 3, 0, 6,  9, 10, 1,  2, 8,  5, 11, 12, 4,  15, 13, 8,  11, 5, 6, 15,
     0, 3,  4,  7, 2, 12, 1, 10, 14, 9, 10, 6, 9,  0,  12, 11, 7,  13, 15, 1, 3, 14,
     5, 2,  8,  4, 3, 15, 0, 6,  10, 1, 13, 8, 9,  4,  5,  11, 12, 7,  2,  14},
    {2,  12, 4, 1,  7,  10, 11, 6, 8, 5,  3, 15, 13, 0,  14, 9,  14, 11, 2,  12, 4,  7,
     13, 1,  5, 0,  15, 10, 3,  9, 8, 6,  4, 2,  1,  11, 10, 13, 7,  8,  15, 9,  12, 5,
     6,  3,  0, 14, 11, 8,  12, 7, 1, 14, 2, 13, 6,  15, 0,  9,  10, 4,  5,  3},
    {12, 1,  10, 15, 9,  2,  6, 8,  0, 13, 3,  4,  14, 7,  5, 11, 10, 15, 4, 2, 7, 12,
     9,  5,  6,  1,  13, 14, 0, 11, 3, 8,  9,  14, 15, 5,  2, 8,  12, 3,  7, 0, 4, 10,
     1,  13, 11, 6,  4,  3,  2, 12, 9, 5,  15, 10, 11, 14, 1, 7,  6,  0,  8, 13},
    {4, 11, 2,  14, 15, 0,  8,  13, 3, 12, 9,  7, 5,  10, 6,  1,  13, 0,  11, 7,  4, 9,
     1, 10, 14, 3,  5,  12, 2,  15, 8, 6,  1,  4, 11, 13, 12, 3,  7,  14, 10, 15, 6, 8,
     0, 5,  9,  2,  6,  11, 13, 8,  1, 4,  10, 7, 9,  5,  0,  15, 14, 2,  3,  12},
    {13, 2, 8,  4, 6, 15, 11, 1,  10, 9,  3, 14, 5,  0,  12, 7,  1,  15, 13, 8, 10, 3,
     7,  4, 12, 5, 6, 11, 0,  14, 9,  2,  7, 11, 4,  1,  9,  12, 14, 2,  0,  6, 10, 13,
     15, 3, 5,  8, 2, 1,  14, 7,  4,  10, 8, 13, 15, 12, 9,  0,  3,  5,  6,  11}};

// Output bit k (1-based from the MSB of an n-bit result) is input bit table[k] (1-based from the
// MSB of an in_width-bit input).
uint64_t Permute(uint64_t in, int in_width, const uint8_t* table, int n) {
  uint64_t out = 0;
  for (int k = 0; k < n; ++k) {
    out = (out << 1) | ((in >> (in_width - table[k])) & 1);
  }
  return out;
}

// Byte-sliced forms of the permutations and of "S-box then P" for each of the eight S-boxes.
struct DesTables {
  std::array<std::array<uint64_t, 256>, 8> initial;
  std::array<std::array<uint64_t, 256>, 8> final_perm;
  std::array<std::array<uint32_t, 64>, 8> sbox_p;

  DesTables() {
    for (int byte = 0; byte < 8; ++byte) {
      for (uint64_t v = 0; v < 256; ++v) {
        const uint64_t in = v << (56 - 8 * byte);
        initial[byte][v] = Permute(in, 64, kInitialPermutation, 64);
        final_perm[byte][v] = Permute(in, 64, kFinalPermutation, 64);
      }
    }
    for (int box = 0; box < 8; ++box) {
      for (int v = 0; v < 64; ++v) {
        // Row = outer bits b1 b6, column = inner bits b2..b5.
        const int row = ((v >> 4) & 2) | (v & 1);
        const int column = (v >> 1) & 15;
        const uint64_t s = static_cast<uint64_t>(kSBoxes[box][row * 16 + column]) << (28 - 4 * box);
        sbox_p[box][v] = static_cast<uint32_t>(Permute(s, 32, kRoundPermutation, 32));
      }
    }
  }
};

const DesTables& Tables() {
  static const DesTables tables;
  return tables;
}

uint64_t Sliced(const std::array<std::array<uint64_t, 256>, 8>& table, uint64_t x) {
  uint64_t out = 0;
  for (int byte = 0; byte < 8; ++byte) out |= table[byte][(x >> (56 - 8 * byte)) & 0xff];
  return out;
}

// Sixteen 48-bit round keys: PC-1, then C and D rotated left by the schedule, then PC-2.
std::array<uint64_t, 16> RoundKeys(uint64_t key) {
  const uint64_t cd = Permute(key, 64, kPermutedChoice1, 56);
  uint32_t c = static_cast<uint32_t>(cd >> 28) & 0xfffffff;
  uint32_t d = static_cast<uint32_t>(cd) & 0xfffffff;
  std::array<uint64_t, 16> keys{};
  for (int round = 0; round < 16; ++round) {
    const int s = kKeyShifts[round];
    c = ((c << s) | (c >> (28 - s))) & 0xfffffff;
    d = ((d << s) | (d >> (28 - s))) & 0xfffffff;
    keys[round] = Permute((static_cast<uint64_t>(c) << 28) | d, 56, kPermutedChoice2, 48);
  }
  return keys;
}

// f(R, K) = P(S(E(R) xor K)). E(R) chunk i is R's bits 4i..4i+5 (1-based, bit 0 = bit 32),
// read from the 34-bit string "bit32 · R · bit1".
uint32_t Feistel(uint32_t r, uint64_t round_key, const DesTables& t) {
  const uint64_t x =
      (static_cast<uint64_t>(r & 1) << 33) | (static_cast<uint64_t>(r) << 1) | (r >> 31);
  uint32_t out = 0;
  for (int i = 0; i < 8; ++i) {
    const uint32_t chunk = static_cast<uint32_t>((x >> (28 - 4 * i)) & 63);
    const uint32_t k = static_cast<uint32_t>((round_key >> (42 - 6 * i)) & 63);
    out |= t.sbox_p[i][chunk ^ k];
  }
  return out;
}

uint64_t EncryptWithKeys(const std::array<uint64_t, 16>& keys, uint64_t block) {
  const DesTables& t = Tables();
  const uint64_t permuted = Sliced(t.initial, block);
  uint32_t left = static_cast<uint32_t>(permuted >> 32);
  uint32_t right = static_cast<uint32_t>(permuted);
  for (int round = 0; round < 16; ++round) {
    const uint32_t next = left ^ Feistel(right, keys[round], t);
    left = right;
    right = next;
  }
  // The last round's halves are swapped back: the pre-output is R16 L16.
  return Sliced(t.final_perm, (static_cast<uint64_t>(right) << 32) | left);
}

}  // namespace

uint64_t DesEncrypt(uint64_t key, uint64_t block) { return EncryptWithKeys(RoundKeys(key), block); }

uint64_t VitessHash(uint64_t value) {
  static const std::array<uint64_t, 16> kZeroKeys = RoundKeys(0);
  return EncryptWithKeys(kZeroKeys, value);
}

}  // namespace dbopt::sim
