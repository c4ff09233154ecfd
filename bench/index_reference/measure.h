// Measures an index set for real on PostgreSQL: creates the indexes, ANALYZEs, and takes
//   cost    = Σ weight × EXPLAIN total cost of every statement;
//   exec_ms = Σ weight × the fastest of `runs` executions of every statement, wall time (DML
//             inside BEGIN … ROLLBACK, so the data never changes). The fastest run, not the
//             median: the machine is shared, and other load only ever adds time;
// A statement with $n parameters counts as the mean over its instances (workload.h: one per
// "-- args:" line, the values in place of the parameters). Without args it gets the generic
// plan's cost and is not executed (counted as skipped).
//   bytes   = Σ pg_relation_size of the indexes it created;
// then drops the indexes again. The indexes are the lines of a file that start with
// "CREATE INDEX" (dbopt's --format sql, the reference's output); other lines are ignored.
#pragma once

#include <algorithm>
#include <chrono>
#include <fstream>
#include <iterator>
#include <string>
#include <vector>

#include "pg_client.h"
#include "workload.h"

namespace dbopt::bench {

struct Measurement {
  int indexes = 0;
  double bytes = 0;
  double cost = 0;
  double exec_ms = 0;
  int skipped = 0;  // statements not executed ($n parameters)
  std::vector<double> statement_costs;
  std::vector<double> statement_ms;  // fastest execution; -1 when skipped
};

inline Result<std::vector<std::string>> ReadCreateIndexLines(const std::string& path) {
  std::vector<std::string> out;
  if (path.empty() || path == "none") return out;
  std::ifstream in(path);
  if (!in) return Error::Io(fmt::format("cannot read index list {}", path));
  std::string line;
  while (std::getline(in, line)) {
    const std::string t = TrimLeft(line);
    if (t.rfind("CREATE INDEX", 0) == 0) out.push_back(TrimRight(t));
  }
  return out;
}

// The OIDs of the indexes on user tables, as text, sorted.
inline Result<std::vector<std::string>> UserIndexOids(PgClient& pg) {
  Result<Rows> rows = pg.Query(
      "SELECT i.indexrelid::text FROM pg_index i JOIN pg_class c ON c.oid = i.indrelid "
      "JOIN pg_namespace n ON n.oid = c.relnamespace "
      "WHERE n.nspname NOT IN ('pg_catalog', 'information_schema', 'pg_toast') ORDER BY 1");
  if (!rows.ok()) return rows.error();
  std::vector<std::string> out;
  for (const auto& r : *rows) out.push_back(r[0]);
  std::sort(out.begin(), out.end());
  return out;
}

inline Result<double> TimeStatementMs(PgClient& pg, const WorkloadStatement& s) {
  if (s.is_dml) {
    Status begun = pg.Exec("BEGIN");
    if (!begun.ok()) return begun.error();
  }
  const auto start = std::chrono::steady_clock::now();
  Status ran = pg.Exec(s.text);
  const auto end = std::chrono::steady_clock::now();
  if (s.is_dml) {
    Status rolled = pg.Exec("ROLLBACK");
    if (!rolled.ok()) return rolled.error();
  }
  if (!ran.ok()) return Error::Io(fmt::format("{}: {}", s.origin, ran.error().message()));
  return std::chrono::duration<double, std::milli>(end - start).count();
}

inline Result<Measurement> MeasureIndexSet(PgClient& pg,
                                           const std::vector<WorkloadStatement>& workload,
                                           const std::vector<std::string>& create_index, int runs) {
  Measurement m;
  Result<std::vector<std::string>> before = UserIndexOids(pg);
  if (!before.ok()) return before.error();
  for (const std::string& ddl : create_index) {
    Status made = pg.Exec(ddl);
    if (!made.ok()) return made.error();
  }
  Result<std::vector<std::string>> after = UserIndexOids(pg);
  if (!after.ok()) return after.error();
  std::vector<std::string> created;
  std::set_difference(after->begin(), after->end(), before->begin(), before->end(),
                      std::back_inserter(created));
  m.indexes = static_cast<int>(created.size());
  for (const std::string& oid : created) {
    Result<Rows> size = pg.Query(fmt::format("SELECT pg_relation_size({})", oid));
    if (!size.ok()) return size.error();
    m.bytes += std::stod(size->at(0).at(0));
  }
  Status analyzed = pg.Exec("ANALYZE");
  if (!analyzed.ok()) return analyzed.error();
  for (const WorkloadStatement& s : workload) {
    const std::vector<std::string> instances = Instances(s);
    if (instances.empty()) {  // $n without values: the generic plan's cost, not executed
      Result<double> cost = pg.ExplainCost(s);
      if (!cost.ok()) return Error::Io(fmt::format("{}: {}", s.origin, cost.error().message()));
      m.statement_costs.push_back(*cost);
      m.cost += s.weight * *cost;
      m.statement_ms.push_back(-1);
      ++m.skipped;
      continue;
    }
    // Mean over the instances of the cost and of the fastest of `runs` executions.
    double cost_sum = 0, ms_sum = 0;
    for (const std::string& text : instances) {
      WorkloadStatement instance = s;
      instance.text = text;
      instance.params = 0;
      Result<double> cost = pg.ExplainCost(instance);
      if (!cost.ok()) return Error::Io(fmt::format("{}: {}", s.origin, cost.error().message()));
      cost_sum += *cost;
      std::vector<double> times;
      for (int r = 0; r < runs; ++r) {
        Result<double> ms = TimeStatementMs(pg, instance);
        if (!ms.ok()) return ms.error();
        times.push_back(*ms);
      }
      ms_sum += *std::min_element(times.begin(), times.end());
    }
    const double n = static_cast<double>(instances.size());
    m.statement_costs.push_back(cost_sum / n);
    m.cost += s.weight * cost_sum / n;
    m.statement_ms.push_back(ms_sum / n);
    m.exec_ms += s.weight * ms_sum / n;
  }
  for (const std::string& oid : created) {  // DROP INDEX takes a name
    Result<Rows> name = pg.Query(fmt::format("SELECT {}::regclass::text", oid));
    if (!name.ok()) return name.error();
    Status dropped = pg.Exec("DROP INDEX " + name->at(0).at(0));
    if (!dropped.ok()) return dropped.error();
  }
  return m;
}

}  // namespace dbopt::bench
