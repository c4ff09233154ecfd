// Tuple sizes as the cost model sees them: MAXALIGN, relation_byte_size and page_size
// (costsize.c), and the whole-row width of set_rel_width. The width of a column without
// statistics (lsyscache.c get_typavgwidth) is bind::TypeAverageWidth.
#pragma once

namespace dbopt::cost {

// PG15 (64-bit builds): MAXIMUM_ALIGNOF.
constexpr int kMaxAlign = 8;
// PG15: SizeofHeapTupleHeader = offsetof(HeapTupleHeaderData, t_bits).
constexpr int kSizeofHeapTupleHeader = 23;
// PG15: SizeofMinimalTupleHeader = offsetof(MinimalTupleData, t_bits).
constexpr int kSizeofMinimalTupleHeader = 15;

// MAXALIGN(n): n rounded up to a multiple of 8.
long MaxAlign(long n);

// relation_byte_size = tuples · (MAXALIGN(width) + MAXALIGN(SizeofHeapTupleHeader)).
double RelationByteSize(double tuples, int width);

// page_size = ceil(relation_byte_size / BLCKSZ).
double PageSize(double tuples, int width);

// Whole-row Var width in set_rel_width: MAXALIGN(SizeofHeapTupleHeader) + data width.
int WholeRowWidth(int data_width);

}  // namespace dbopt::cost
