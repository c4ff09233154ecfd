// The budgeted greedy search, in the style of Extend (Schlosser, Kossmann, Boissier, ICDE 2019):
// each round evaluates the whole configuration with
//   (a) every candidate not chosen yet added, and
//   (b) every chosen plain index widened by one more column the workload uses on its table
//       (the wider index replaces it, and only the size difference is charged),
// and takes, among the steps that lower the cost by more than min_improvement · cost(C), the one
// with the best benefit per byte,
//   score = (cost(C) − cost(C')) / max(size(C') − size(C), 8192),
// where cost is the frequency-weighted workload cost (plans plus index maintenance, so a step
// that slows the writes more than it speeds the reads has no benefit). A step must fit the
// budget and the index count; the search stops when no step saves enough. Additions are
// evaluated lazily (Minoux's accelerated greedy, as in CELF): each keeps the saving computed in
// an earlier round, and only the best by that stale score is recomputed, until a freshly
// computed one stays the best. That is exact when savings only shrink as indexes are added
// (they usually do: the indexes compete for the same statements), and it cuts the what-if plans
// by an order of magnitude. Ties go to the larger benefit, then the smaller index
// signature. Every step is one point of the cost-versus-size frontier.
#pragma once

#include <functional>
#include <limits>
#include <string>
#include <string_view>
#include <vector>

#include "dbopt/advisor/candidates.h"
#include "dbopt/advisor/what_if_engine.h"
#include "dbopt/base/result.h"

namespace dbopt::advisor {

struct SearchOptions {
  double budget_bytes = std::numeric_limits<double>::infinity();
  int max_indexes = 0;  // 0: no limit
  int max_width = 3;
  double min_improvement = 0.003;  // share of the current workload cost (Extend: 0.3 %)
  std::vector<int> banned;         // hypothetical ids never to choose (SQLite would not use them)
};

struct SearchStep {
  int index = -1;     // id of the index added, or of the wider index
  int replaced = -1;  // id of the index it replaces, -1 for an addition
  double cost = 0;    // workload cost after the step
  double bytes = 0;   // size of the configuration after the step
};

struct SearchResult {
  Configuration config;
  std::vector<SearchStep> steps;
  double cost_before = 0;
  double cost_after = 0;
  std::vector<Rejection> rejected;  // candidates that never helped, or did not fit
};

// A budget as a size: a number of bytes with an optional unit B, kB, MB, GB or TB (powers of 1024,
// PostgreSQL's spelling; case-insensitive, with or without a space): "500MB", "1.5 GB", "65536".
Result<double> ParseByteSize(std::string_view text);

// Progress: called after each round with its number and the evaluations so far.
using SearchProgress = std::function<void(int round, long evaluations)>;

SearchResult GreedySearch(WhatIfEngine& engine, const std::vector<Candidate>& candidates,
                          const SearchOptions& options, const SearchProgress& progress = {});

}  // namespace dbopt::advisor
