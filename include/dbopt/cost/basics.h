// The numbers every cost function passes around: a path's (startup, total) cost, an
// expression's (startup, per-tuple) evaluation cost, and PostgreSQL's row-count clamp.
#pragma once

namespace dbopt::cost {

// A path's cost as PostgreSQL's Path.startup_cost / total_cost: the cost before the first row
// and the cost of all rows.
struct Cost {
  double startup = 0;
  double total = 0;

  double Run() const { return total - startup; }
};

// PostgreSQL's QualCost: a one-time cost and a cost per evaluation.
struct QualCost {
  double startup = 0;
  double per_tuple = 0;

  QualCost& operator+=(const QualCost& other) {
    startup += other.startup;
    per_tuple += other.per_tuple;
    return *this;
  }
};

// clamp_row_est (costsize.c): NaN or > 1e100 → 1e100; ≤ 1 → 1; else rint(rows) (round half to
// even, the default floating-point rounding mode).
double ClampRowEst(double rows);

// costsize.c LOG2(x) = log(x) / 0.693147180559945 — not log2(): the constant is what makes
// PostgreSQL's results bit-identical.
double PgLog2(double x);

}  // namespace dbopt::cost
