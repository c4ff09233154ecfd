// FlatIndex: linear probing with backward-shift deletion (Knuth, TAOCP vol. 3, 6.4 Algorithm R).
#include "dbopt/base/flat_index.h"

#include <utility>

namespace dbopt {

// A power of two of at least 2·expected cells (load factor <= 1/2), and at least 16.
void FlatIndex::Reset(size_t expected) {
  size_t n = 16;
  while (n < 2 * expected) n *= 2;
  cells_.assign(n, Cell{});
  mask_ = n - 1;
  size_ = 0;
}

void FlatIndex::Grow() {
  std::vector<Cell> old = std::move(cells_);
  cells_.assign(old.size() * 2, Cell{});
  mask_ = cells_.size() - 1;
  for (const Cell& c : old) {
    if (c.slot != kNone) Place(c.tag, c.slot);
  }
}

void FlatIndex::Place(uint32_t tag, uint32_t slot) {
  size_t i = tag & mask_;
  while (cells_[i].slot != kNone) i = (i + 1) & mask_;
  cells_[i] = Cell{tag, slot};
}

// Empties cell `hole`, then moves back every later cell of the probe run whose home position
// does not lie cyclically in (hole, cell]: such a cell would no longer be reachable otherwise.
void FlatIndex::RemoveAt(size_t hole) {
  --size_;
  size_t i = hole;
  while (true) {
    cells_[hole] = Cell{};
    while (true) {
      i = (i + 1) & mask_;
      if (cells_[i].slot == kNone) return;
      const size_t home = cells_[i].tag & mask_;
      const bool stays = hole <= i ? (hole < home && home <= i) : (hole < home || home <= i);
      if (!stays) break;
    }
    cells_[hole] = cells_[i];
    hole = i;
  }
}

}  // namespace dbopt
