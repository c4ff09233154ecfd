// B-tree height (the metapage's fastlevel) when it cannot be read from the server.
#pragma once

#include <cstdint>

namespace dbopt::catalog {

// Estimates btm_fastlevel, the number of levels above the leaves (0: the root is a leaf), of a
// B-tree index from its size:
//
//   leaves L = pages − 1 (the metapage; inner pages, about L/F of them, are ignored)
//   fanout F = clamp(tuples / L, 2, kMaxBtreeFanout), or kDefaultBtreeFanout when tuples < 0
//   height   = 0 when L ≤ 1, else ceil(log(L) / log(F))
//
// Leaf density stands in for the inner fanout: inner tuples hold the same keys, or fewer bytes
// after suffix truncation, so the estimate errs towards one level too many, never too few,
// except for deduplicated leaves, which the cap on F covers.
int EstimateBtreeHeight(int64_t pages, double tuples);

// PG15: (8192 − 24 page header − 16 btree special space) / (16-byte smallest inner tuple (8-byte
// header + 4-byte key, MAXALIGNed) + 4-byte line pointer).
inline constexpr double kMaxBtreeFanout = 407;
// TUNING: fanout when the index was never analysed (reltuples = −1): a 4-byte key at 90% fill.
inline constexpr double kDefaultBtreeFanout = 367;

}  // namespace dbopt::catalog
