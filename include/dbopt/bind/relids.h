// A set of range-table indexes (PostgreSQL's Relids bitmapset). Plans handle at most
// kMaxRelids entries per query level; the binder reports larger queries as not supported.
#pragma once

#include <cstdint>
#include <vector>

namespace dbopt::bind {

class Relids {
 public:
  static constexpr int kMaxRelids = 63;

  Relids() = default;
  static Relids Of(int rtindex) {
    Relids r;
    r.Add(rtindex);
    return r;
  }

  void Add(int rtindex) { bits_ |= Bit(rtindex); }
  void Remove(int rtindex) { bits_ &= ~Bit(rtindex); }
  bool Contains(int rtindex) const { return (bits_ & Bit(rtindex)) != 0; }
  bool IsEmpty() const { return bits_ == 0; }
  int Count() const { return __builtin_popcountll(bits_); }
  bool IsSubsetOf(const Relids& other) const { return (bits_ & ~other.bits_) == 0; }
  bool Overlaps(const Relids& other) const { return (bits_ & other.bits_) != 0; }
  Relids Union(const Relids& other) const { return Relids(bits_ | other.bits_); }
  Relids Intersect(const Relids& other) const { return Relids(bits_ & other.bits_); }
  Relids Minus(const Relids& other) const { return Relids(bits_ & ~other.bits_); }
  // The only member, or -1 when the set is empty or has more than one member.
  int Singleton() const { return Count() == 1 ? __builtin_ctzll(bits_) : -1; }
  std::vector<int> Members() const {
    std::vector<int> out;
    for (uint64_t b = bits_; b != 0; b &= b - 1) out.push_back(__builtin_ctzll(b));
    return out;
  }
  uint64_t bits() const { return bits_; }
  bool operator==(const Relids& o) const { return bits_ == o.bits_; }
  bool operator!=(const Relids& o) const { return bits_ != o.bits_; }
  bool operator<(const Relids& o) const { return bits_ < o.bits_; }

 private:
  explicit Relids(uint64_t bits) : bits_(bits) {}
  static uint64_t Bit(int rtindex) { return uint64_t{1} << rtindex; }
  uint64_t bits_ = 0;
};

}  // namespace dbopt::bind
