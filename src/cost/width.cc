// Tuple sizes (PostgreSQL 15 costsize.c relation_byte_size, page_size; set_rel_width's
// whole-row width).
#include "dbopt/cost/width.h"

#include <cmath>

#include "dbopt/cost/params.h"

namespace dbopt::cost {

long MaxAlign(long n) { return (n + kMaxAlign - 1) & ~static_cast<long>(kMaxAlign - 1); }

double RelationByteSize(double tuples, int width) {
  return tuples * static_cast<double>(MaxAlign(width) + MaxAlign(kSizeofHeapTupleHeader));
}

double PageSize(double tuples, int width) {
  return std::ceil(RelationByteSize(tuples, width) / kBlockSize);
}

int WholeRowWidth(int data_width) {
  return static_cast<int>(MaxAlign(kSizeofHeapTupleHeader)) + data_width;
}

}  // namespace dbopt::cost
