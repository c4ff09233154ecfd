// The recommend-index pipeline and its report; see advisor.h.
#include "dbopt/advisor/advisor.h"

#include <algorithm>
#include <map>

#include <fmt/format.h>

#include "dbopt/advisor/inferred_stats.h"
#include "dbopt/bind/binder.h"
#include "dbopt/catalog/identifier.h"
#include "dbopt/catalog/sqlite_planner.h"

namespace dbopt::advisor {
namespace {

// TUNING: how often the search is rerun after SQLite's planner turned down one of its picks.
constexpr int kMaxSqliteRounds = 8;

bool Uses(const PlanOutcome& outcome, const std::string& name) {
  return std::binary_search(outcome.indexes_used.begin(), outcome.indexes_used.end(), name);
}

std::string StatementText(const WorkloadStatement& s) {
  return s.source->text().substr(s.statement.begin, s.statement.end - s.statement.begin);
}

Configuration Without(const Configuration& c, int id) {
  Configuration out = c;
  out.added.erase(std::find(out.added.begin(), out.added.end(), id));
  return out;
}

// A greedy pick can be made redundant by later ones (a single-column index, then a two-column
// index starting with the same column). Each round removes the index whose removal costs least,
// while that is under the search's improvement threshold.
void PruneRedundant(WhatIfEngine& engine, SearchResult& search, double min_improvement,
                    std::vector<Rejection>& rejected) {
  while (!search.config.added.empty()) {
    const double cost = engine.WorkloadCost(search.config);
    int weakest = -1;
    double weakest_loss = 0;
    for (int id : search.config.added) {
      const double loss = engine.WorkloadCost(Without(search.config, id)) - cost;
      if (weakest < 0 || loss < weakest_loss) {
        weakest = id;
        weakest_loss = loss;
      }
    }
    if (weakest_loss > min_improvement * cost) return;
    search.config = Without(search.config, weakest);
    rejected.push_back({IndexSignature(engine.Hypothetical(weakest)),
                        fmt::format("redundant once the other recommendations exist: without it "
                                    "the workload costs {:+.2f}",
                                    weakest_loss)});
  }
}

// Checks every index the search chose with SQLite's planner; bans the ones it would not use.
// Returns true when something was banned (the search must run again).
bool SqliteRejects(WhatIfEngine& engine, const SearchResult& search, catalog::SqlitePlanner& sqlite,
                   SearchOptions& options, std::vector<Rejection>& rejected) {
  bool banned = false;
  for (int id : search.config.added) {
    const catalog::Index& index = engine.Hypothetical(id);
    std::vector<std::string> texts;
    for (size_t i = 0; i < engine.statements().size(); ++i) {
      if (Uses(engine.Plan(i, search.config), index.name)) {
        texts.push_back(StatementText(*engine.statements()[i].source));
      }
    }
    std::vector<catalog::Index> others;
    for (int other : search.config.added) {
      if (other != id) others.push_back(engine.Hypothetical(other));
    }
    if (sqlite.WouldUse(index, others, texts) != catalog::SqliteVerdict::kDoesNotUse) continue;
    options.banned.push_back(id);
    rejected.push_back({IndexSignature(index),
                        "SQLite's planner would not use it, with the other picks in place "
                        "(EXPLAIN QUERY PLAN on a copy of the schema and sqlite_stat1)"});
    banned = true;
  }
  return banned;
}

std::shared_ptr<plan::PlannedStatement> PlanFor(const catalog::Catalog& catalog,
                                                const WorkloadStatement& s,
                                                const plan::PlannerOptions& options) {
  Result<std::shared_ptr<bind::Query>> query = bind::Bind(catalog, s.statement, *s.source);
  if (!query.ok()) return nullptr;
  Result<plan::PlannedStatement> planned = plan::PlanQuery(catalog, **query, options);
  if (!planned.ok()) return nullptr;
  return std::make_shared<plan::PlannedStatement>(std::move(*planned));
}

}  // namespace

Result<Recommendation> Recommend(const catalog::Catalog& loaded, const Workload& workload,
                                 const AdvisorOptions& options, std::vector<Diagnostic>& errors) {
  std::vector<std::string> notes;
  const catalog::Catalog catalog = WithInferredStats(loaded, notes);
  Result<std::unique_ptr<WhatIfEngine>> created =
      WhatIfEngine::Create(catalog, workload, options.planner);
  if (!created.ok()) return std::move(created).error();
  WhatIfEngine& engine = **created;
  for (const Diagnostic& d : engine.bind_errors()) errors.push_back(d);

  Recommendation report;
  report.postgres = catalog.source.kind != "sqlite";
  report.budget_bytes = options.search.budget_bytes;
  report.skipped = engine.skipped();
  report.not_analysed = workload.not_analysed;
  report.notes = std::move(notes);

  std::vector<std::vector<TableUsage>> usages;
  for (const StatementInfo& s : engine.statements()) usages.push_back(s.usage);
  CandidateOptions candidate_options;
  candidate_options.max_width = options.max_width;
  candidate_options.include_columns = report.postgres;
  CandidateSet candidates = GenerateCandidates(engine.catalog(), usages, candidate_options);
  report.candidates = static_cast<long>(candidates.candidates.size());
  report.rejected = candidates.rejected;
  std::map<std::string, std::string> origin;
  for (const Candidate& c : candidates.candidates) origin[IndexSignature(c.index)] = c.origin;

  SearchOptions search_options = options.search;
  search_options.max_width = options.max_width;
  SearchResult search =
      GreedySearch(engine, candidates.candidates, search_options, options.progress);
  if (!report.postgres) {
    Result<std::unique_ptr<catalog::SqlitePlanner>> sqlite = catalog::SqlitePlanner::Open(catalog);
    if (!sqlite.ok()) {
      // A JSON catalog exported from a SQLite file that is not here: say so, go on without.
      report.notes.push_back(
          fmt::format("SQLite's planner was not consulted: {}", sqlite.error().diagnostic.message));
    } else {
      for (int round = 0; round < kMaxSqliteRounds &&
                          SqliteRejects(engine, search, **sqlite, search_options, report.rejected);
           ++round) {
        search = GreedySearch(engine, candidates.candidates, search_options, options.progress);
      }
    }
  }
  PruneRedundant(engine, search, search_options.min_improvement, report.rejected);
  for (Rejection& r : search.rejected) report.rejected.push_back(std::move(r));
  std::sort(report.rejected.begin(), report.rejected.end(),
            [](const Rejection& a, const Rejection& b) { return a.index < b.index; });
  report.rejected.erase(
      std::unique(report.rejected.begin(), report.rejected.end(),
                  [](const Rejection& a, const Rejection& b) { return a.index == b.index; }),
      report.rejected.end());

  Configuration config = search.config;
  if (options.drops) {
    DropResult drops = FindDrops(engine, config);
    report.drops = std::move(drops.drops);
    report.kept = std::move(drops.kept);
  }
  Configuration empty;
  report.cost_before = engine.WorkloadCost(empty);
  report.cost_after = engine.WorkloadCost(config);

  // The frontier, and each index's benefit as the sum of the steps that built it.
  report.frontier.push_back({0, search.cost_before, "no new index"});
  std::map<int, double> benefit;
  std::map<int, int> grown_from;
  double previous = search.cost_before;
  for (const SearchStep& step : search.steps) {
    const catalog::Index& index = engine.Hypothetical(step.index);
    double gained = previous - step.cost;
    std::string label = "+ " + IndexSignature(index);
    if (step.replaced >= 0) {
      gained += benefit[step.replaced];
      label = IndexSignature(engine.Hypothetical(step.replaced)) + " → (" + KeyList(index) + ")";
      grown_from[step.index] = step.replaced;
    }
    benefit[step.index] = gained;
    previous = step.cost;
    report.frontier.push_back({step.bytes, step.cost, label});
  }
  for (const SearchStep& step : search.steps) {
    if (!std::binary_search(config.added.begin(), config.added.end(), step.index)) continue;
    IndexRecommendation rec;
    rec.index = engine.Hypothetical(step.index);
    int root = step.index;
    while (grown_from.count(root) != 0) root = grown_from[root];
    const auto o = origin.find(IndexSignature(engine.Hypothetical(root)));
    rec.origin = o == origin.end() ? "widened" : o->second;
    if (root != step.index) rec.origin += ", widened by the search";
    rec.benefit = benefit[step.index];
    rec.leave_one_out = engine.WorkloadCost(Without(config, step.index)) - report.cost_after;
    for (size_t i = 0; i < engine.statements().size(); ++i) {
      if (Uses(engine.Plan(i, config), rec.index.name)) rec.serves.push_back(i);
    }
    report.indexes.push_back(std::move(rec));
  }

  // Plans before and after, over catalogs the report keeps alive.
  auto before = std::make_shared<catalog::Catalog>(catalog);
  auto after = std::make_shared<catalog::Catalog>(catalog);
  for (const DropProposal& d : report.drops) {
    auto& list = after->indexes;
    list.erase(std::remove_if(list.begin(), list.end(),
                              [&](const catalog::Index& i) {
                                return i.schema == d.index.schema && i.name == d.index.name;
                              }),
               list.end());
  }
  for (const IndexRecommendation& r : report.indexes) after->indexes.push_back(r.index);
  report.catalog_before = before;
  report.catalog_after = after;
  for (size_t i = 0; i < engine.statements().size(); ++i) {
    const StatementInfo& s = engine.statements()[i];
    StatementOutcome out;
    out.source = s.source;
    out.cost_before = engine.StatementCost(i, empty);
    out.cost_after = engine.StatementCost(i, config);
    out.indexes_before = engine.Plan(i, empty).indexes_used;
    out.indexes_after = engine.Plan(i, config).indexes_used;
    out.plan_before = PlanFor(*before, *s.source, options.planner);
    out.plan_after = PlanFor(*after, *s.source, options.planner);
    report.statements.push_back(std::move(out));
  }
  report.evaluations = engine.evaluations();
  report.cache_hits = engine.cache_hits();
  return report;
}

std::string CreateIndexSql(const catalog::Index& index, bool postgres) {
  std::string sql;
  if (postgres) {
    sql = fmt::format(
        "CREATE INDEX CONCURRENTLY {} ON {} USING {} ({})", catalog::QuoteIdentifier(index.name),
        catalog::QuoteQualified(index.schema, index.table), index.method, KeyList(index));
    if (!index.include.empty()) {
      std::string include;
      for (const std::string& c : index.include) {
        include += (include.empty() ? "" : ", ") + catalog::QuoteIdentifier(c);
      }
      sql += " INCLUDE (" + include + ")";
    }
  } else {
    sql = fmt::format("CREATE INDEX {} ON {} ({})", catalog::QuoteIdentifier(index.name),
                      catalog::QuoteIdentifier(index.table), KeyList(index));
  }
  if (index.predicate) sql += " WHERE " + *index.predicate;
  return sql;
}

std::string DropIndexSql(const catalog::Index& index, bool postgres) {
  return postgres ? "DROP INDEX CONCURRENTLY " + catalog::QuoteQualified(index.schema, index.name)
                  : "DROP INDEX " + catalog::QuoteIdentifier(index.name);
}

}  // namespace dbopt::advisor
