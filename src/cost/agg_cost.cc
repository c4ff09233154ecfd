// Aggregation (PostgreSQL 15 costsize.c cost_agg, cost_group, cost_windowagg; nodeAgg.c
// hash_agg_entry_size, hash_agg_set_limits, hash_choose_num_partitions). The order of the
// additions follows PostgreSQL's: sorted and hashed aggregation must reach bit-identical totals
// for the planner's tie-breaks to match.
#include "dbopt/cost/agg_cost.h"

#include <algorithm>
#include <cmath>

#include "dbopt/cost/width.h"

namespace dbopt::cost {

namespace {

// PG15 (64-bit): sizeof(TupleHashEntryData), CHUNKHDRSZ, sizeof(AggStatePerGroupData).
constexpr double kTupleHashEntrySize = 24;
constexpr double kChunkHeaderSize = 16;
constexpr double kPerGroupDataSize = 16;
// PG15: nodeAgg.c HASHAGG_PARTITION_FACTOR, HASHAGG_MIN/MAX_PARTITIONS, buffer sizes (BLCKSZ).
constexpr double kPartitionFactor = 1.50;
constexpr double kMinPartitions = 4;
constexpr double kMaxPartitions = 1024;
constexpr double kReadBufferSize = kBlockSize;
constexpr double kWriteBufferSize = kBlockSize;
// PG15: partition buffers may use at most a quarter of hash_mem; when hash_mem is not more than
// 4× the partition memory, the limit is 3/4 of hash_mem instead.
constexpr double kPartitionMemFraction = 0.25;
constexpr double kPartitionMemHeadroom = 4;
constexpr double kLowMemLimitFraction = 0.75;
// PG15: a spilled tuple is written once and read back once.
constexpr double kSpillPassesPerTuple = 2.0;
// PG15: cost_agg doubles spill I/O ("HashAgg has somewhat worse IO behavior than Sort").
constexpr double kSpillIoPenalty = 2.0;

// hash_choose_num_partitions with used_bits = 0: a power of two.
int ChooseNumPartitions(double hash_mem, double groups, double entry_size) {
  const double partition_limit =
      (hash_mem * kPartitionMemFraction - kReadBufferSize) / kWriteBufferSize;
  const double mem_wanted = kPartitionFactor * groups * entry_size;
  double partitions = 1 + (mem_wanted / hash_mem);
  if (partitions > partition_limit) partitions = partition_limit;
  if (partitions < kMinPartitions) partitions = kMinPartitions;
  if (partitions > kMaxPartitions) partitions = kMaxPartitions;
  const int n = static_cast<int>(partitions);
  int bits = 0;  // my_log2: ceil(log2(n))
  while ((1 << bits) < n) ++bits;
  return 1 << bits;
}

// The HAVING clause of cost_agg / cost_group.
void AddHaving(bool has_quals, const QualCost& quals, double selectivity, AggCost* out) {
  if (!has_quals) return;
  out->cost.startup += quals.startup;
  out->cost.total += quals.startup + out->rows * quals.per_tuple;
  out->rows = ClampRowEst(out->rows * selectivity);
}

}  // namespace

double HashAggEntrySize(int num_trans, double tuple_width, double transition_space) {
  const double width = std::trunc(tuple_width);  // passed as a Size
  const double tuple_size = MaxAlign(kSizeofMinimalTupleHeader) + width;
  const double pergroup_size = num_trans * kPerGroupDataSize;
  const double tuple_chunk = kChunkHeaderSize + tuple_size;
  const double pergroup_chunk = pergroup_size > 0 ? kChunkHeaderSize + pergroup_size : 0;
  const double space = std::trunc(transition_space);
  const double transition_chunk = space > 0 ? kChunkHeaderSize + space : 0;
  return kTupleHashEntrySize + tuple_chunk + pergroup_chunk + transition_chunk;
}

HashAggLimits HashAggSetLimits(const CostParams& params, double entry_size, double groups) {
  HashAggLimits out;
  const double hash_mem = params.HashMemBytes();
  if (groups * entry_size <= hash_mem) {
    out.mem_limit = hash_mem;
    out.ngroups_limit = std::trunc(hash_mem / entry_size);
    return out;
  }
  out.num_partitions = ChooseNumPartitions(hash_mem, groups, entry_size);
  const double partition_mem = kReadBufferSize + kWriteBufferSize * out.num_partitions;
  out.mem_limit = hash_mem > kPartitionMemHeadroom * partition_mem
                      ? hash_mem - partition_mem
                      : std::trunc(hash_mem * kLowMemLimitFraction);
  out.ngroups_limit = out.mem_limit > entry_size ? std::trunc(out.mem_limit / entry_size) : 1;
  return out;
}

namespace {

// The spill charge of hashed and mixed aggregation.
void AddHashSpill(const CostParams& params, const AggInput& in, double* startup, double* total) {
  const double entry = HashAggEntrySize(in.num_trans, in.input_width, in.aggs.transition_space);
  const HashAggLimits limits = HashAggSetLimits(params, entry, in.num_groups);
  double nbatches =
      std::max((in.num_groups * entry) / limits.mem_limit, in.num_groups / limits.ngroups_limit);
  nbatches = std::max(std::ceil(nbatches), 1.0);
  const int num_partitions = std::max(limits.num_partitions, 2);
  const int depth = static_cast<int>(std::ceil(std::log(nbatches) / std::log(num_partitions)));
  const double pages =
      RelationByteSize(in.input_tuples, static_cast<int>(in.input_width)) / kBlockSize;
  double pages_written = pages * depth;
  double pages_read = pages * depth;
  pages_read *= kSpillIoPenalty;
  pages_written *= kSpillIoPenalty;
  *startup += pages_written * params.random_page_cost;
  *total += pages_written * params.random_page_cost;
  *total += pages_read * params.seq_page_cost;
  const double spill_cost = depth * in.input_tuples * kSpillPassesPerTuple * params.cpu_tuple_cost;
  *startup += spill_cost;
  *total += spill_cost;
}

}  // namespace

namespace {

// AGG_PLAIN: everything happens before the single output row.
AggCost PlainAgg(const CostParams& params, const AggInput& in) {
  AggCost out;
  double startup = in.input.total;
  startup += in.aggs.trans.startup;
  startup += in.aggs.trans.per_tuple * in.input_tuples;
  startup += in.aggs.final.startup;
  startup += in.aggs.final.per_tuple;
  out.cost = {startup, startup + params.cpu_tuple_cost};
  out.rows = 1;
  return out;
}

// AGG_SORTED and AGG_MIXED: groups are emitted as the sorted input arrives.
AggCost SortedAgg(const CostParams& params, const AggInput& in) {
  AggCost out;
  double startup = in.input.startup;
  double total = in.input.total;
  if (in.strategy == AggStrategyKind::kMixed && !params.enable_hashagg) {
    startup += kDisableCost;
    total += kDisableCost;
  }
  total += in.aggs.trans.startup;
  total += in.aggs.trans.per_tuple * in.input_tuples;
  total += (params.cpu_operator_cost * in.num_group_cols) * in.input_tuples;
  total += in.aggs.final.startup;
  total += in.aggs.final.per_tuple * in.num_groups;
  total += params.cpu_tuple_cost * in.num_groups;
  out.cost = {startup, total};
  out.rows = in.num_groups;
  return out;
}

// AGG_HASHED: the whole input is hashed before the first group comes out.
AggCost HashedAgg(const CostParams& params, const AggInput& in) {
  AggCost out;
  double startup = in.input.total;
  if (!params.enable_hashagg) startup += kDisableCost;
  startup += in.aggs.trans.startup;
  startup += in.aggs.trans.per_tuple * in.input_tuples;
  startup += (params.cpu_operator_cost * in.num_group_cols) * in.input_tuples;
  startup += in.aggs.final.startup;
  double total = startup;
  total += in.aggs.final.per_tuple * in.num_groups;
  total += params.cpu_tuple_cost * in.num_groups;
  out.cost = {startup, total};
  out.rows = in.num_groups;
  return out;
}

}  // namespace

AggCost CostAgg(const CostParams& params, const AggInput& in) {
  AggCost out;
  switch (in.strategy) {
    case AggStrategyKind::kPlain:
      out = PlainAgg(params, in);
      break;
    case AggStrategyKind::kSorted:
    case AggStrategyKind::kMixed:
      out = SortedAgg(params, in);
      break;
    case AggStrategyKind::kHashed:
      out = HashedAgg(params, in);
      break;
  }
  if (in.strategy == AggStrategyKind::kHashed || in.strategy == AggStrategyKind::kMixed) {
    AddHashSpill(params, in, &out.cost.startup, &out.cost.total);
  }
  AddHaving(in.has_quals, in.quals, in.qual_selectivity, &out);
  return out;
}

AggCost CostGroup(const CostParams& params, int num_group_cols, double num_groups,
                  const Cost& input, double input_tuples, bool has_quals, const QualCost& quals,
                  double qual_selectivity) {
  AggCost out;
  out.rows = num_groups;
  out.cost = input;
  out.cost.total += params.cpu_operator_cost * input_tuples * num_group_cols;
  AddHaving(has_quals, quals, qual_selectivity, &out);
  return out;
}

Cost CostWindowAgg(const CostParams& params, const WindowAggInput& in) {
  double startup = in.input.startup;
  double total = in.input.total;
  for (const QualCost& wfunc : in.window_functions) {
    startup += wfunc.startup;
    total += wfunc.per_tuple * in.input_tuples;
  }
  total += params.cpu_operator_cost * (in.num_part_cols + in.num_order_cols) * in.input_tuples;
  total += params.cpu_tuple_cost * in.input_tuples;
  return {startup, total};
}

}  // namespace dbopt::cost
