// Printing a recommend-index report; see recommend_report.h.
#include "dbopt/render/recommend_report.h"

#include <cmath>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "dbopt/catalog/describe.h"
#include "dbopt/render/explain.h"
#include "dbopt/render/svg_plot.h"

namespace dbopt::render {
namespace {

// TUNING: rejected candidates listed in the text report (JSON lists them all).
constexpr size_t kTextRejectedLimit = 25;

std::string Size(double bytes) { return catalog::PrettySize(static_cast<int64_t>(bytes)); }

double Round2(double v) { return std::round(v * 100) / 100; }

std::string Percent(double part, double whole) {
  return whole > 0 ? fmt::format("{:.1f}%", 100 * part / whole) : "-";
}

std::string Change(double before, double after) {
  if (before <= 0) return "";
  return fmt::format(" ({:+.1f}%)", 100 * (after - before) / before);
}

std::string PlanText(const std::shared_ptr<plan::PlannedStatement>& plan) {
  if (!plan) return "";
  Result<std::string> text = RenderText(*plan, TextOptions{});
  return text.ok() ? *text : "";
}

std::string Indent(const std::string& text, const std::string& prefix) {
  std::string out;
  size_t start = 0;
  while (start < text.size()) {
    size_t end = text.find('\n', start);
    if (end == std::string::npos) end = text.size();
    out += prefix + text.substr(start, end - start) + "\n";
    start = end + 1;
  }
  return out;
}

double TotalBytes(const advisor::Recommendation& r) {
  double total = 0;
  for (const auto& rec : r.indexes) total += advisor::IndexBytes(rec.index);
  return total;
}

std::string Calls(double weight) {
  return weight == std::floor(weight) ? fmt::format("{:.0f}", weight) : fmt::format("{}", weight);
}

std::string StatementSql(const advisor::WorkloadStatement& s) {
  return s.source->text().substr(s.statement.begin, s.statement.end - s.statement.begin);
}

}  // namespace

std::string RenderRecommendText(const advisor::Recommendation& r,
                                const RecommendTextOptions& options) {
  std::string out = fmt::format(
      "dbopt recommend-index: {} statements analysed, {} candidates, {} what-if plans ({} "
      "answered from the cache)\n",
      r.statements.size(), r.candidates, r.evaluations, r.cache_hits);
  out += fmt::format("workload cost {:.2f} → {:.2f}{} with {} new index{} ({}{}), {} to drop\n",
                     r.cost_before, r.cost_after, Change(r.cost_before, r.cost_after),
                     r.indexes.size(), r.indexes.size() == 1 ? "" : "es", Size(TotalBytes(r)),
                     std::isinf(r.budget_bytes) ? ""
                                                : fmt::format(" of a {} budget", Size(r.budget_bytes)),
                     r.drops.size());
  if (!r.indexes.empty()) out += "\nRecommended indexes\n";
  for (size_t i = 0; i < r.indexes.size(); ++i) {
    const advisor::IndexRecommendation& rec = r.indexes[i];
    out += fmt::format("  {}. {};\n", i + 1, advisor::CreateIndexSql(rec.index, r.postgres));
    out += fmt::format(
        "     size {}, benefit {:.2f} ({} of the workload cost), leave-one-out {:.2f}\n",
        Size(advisor::IndexBytes(rec.index)), rec.benefit, Percent(rec.benefit, r.cost_before),
        rec.leave_one_out);
    out += fmt::format("     why: {}\n", rec.origin);
    for (size_t s : rec.serves) {
      const advisor::StatementOutcome& st = r.statements[s];
      out += fmt::format("     serves {} (calls {}): {:.2f} → {:.2f}\n", st.source->origin,
                         Calls(st.source->weight), st.cost_before, st.cost_after);
    }
  }
  if (!r.drops.empty()) out += "\nIndexes to drop\n";
  for (size_t i = 0; i < r.drops.size(); ++i) {
    const advisor::DropProposal& d = r.drops[i];
    out += fmt::format("  {}. {};\n     {}; size {}; workload cost {:+.2f}\n", i + 1,
                       advisor::DropIndexSql(d.index, r.postgres), d.reason,
                       Size(advisor::IndexBytes(d.index)), d.cost_change);
  }
  if (!r.kept.empty()) out += "\nFlagged but kept\n";
  for (const advisor::Rejection& k : r.kept) out += fmt::format("  {}: {}\n", k.index, k.reason);

  out += "\nStatements\n";
  for (const advisor::StatementOutcome& st : r.statements) {
    const bool changed = std::abs(st.cost_after - st.cost_before) > 1e-9;
    out += fmt::format("  {} (calls {}): {:.2f} → {:.2f}{}\n", st.source->origin,
                       Calls(st.source->weight), st.cost_before, st.cost_after,
                       changed ? Change(st.cost_before, st.cost_after) : ", unchanged");
    if (options.plans && changed && st.plan_before && st.plan_after) {
      out += "    before:\n" + Indent(PlanText(st.plan_before), "      ");
      out += "    after:\n" + Indent(PlanText(st.plan_after), "      ");
    }
  }
  for (const advisor::SkippedStatement& s : r.skipped) {
    out += fmt::format("  {}: skipped: {}\n", s.source->origin, s.reason);
  }
  for (const std::string& s : r.not_analysed) out += fmt::format("  {}: not analysed\n", s);

  if (!r.rejected.empty()) out += fmt::format("\nNot recommended ({} candidates)\n", r.rejected.size());
  for (size_t i = 0; i < r.rejected.size() && i < kTextRejectedLimit; ++i) {
    out += fmt::format("  {}: {}\n", r.rejected[i].index, r.rejected[i].reason);
  }
  if (r.rejected.size() > kTextRejectedLimit) {
    out += fmt::format("  ... and {} more (--format json lists them all)\n",
                       r.rejected.size() - kTextRejectedLimit);
  }
  if (options.curve) {
    out += "\nCost versus size\n";
    out += fmt::format("  {:>12}  {:>14}  {}\n", "size", "workload cost", "step");
    for (const advisor::FrontierPoint& p : r.frontier) {
      out += fmt::format("  {:>12}  {:>14.2f}  {}\n", Size(p.bytes), p.cost, p.step);
    }
  }
  return out;
}

std::string RenderRecommendJson(const advisor::Recommendation& r) {
  using nlohmann::ordered_json;
  ordered_json doc;
  doc["format"] = "dbopt-recommend-index/1";
  doc["dialect"] = r.postgres ? "postgresql" : "sqlite";
  doc["budget_bytes"] = std::isinf(r.budget_bytes) ? ordered_json(nullptr)
                                                   : ordered_json(static_cast<int64_t>(r.budget_bytes));
  doc["cost_before"] = Round2(r.cost_before);
  doc["cost_after"] = Round2(r.cost_after);
  doc["candidates"] = r.candidates;
  doc["evaluations"] = r.evaluations;
  doc["cache_hits"] = r.cache_hits;
  ordered_json recs = ordered_json::array();
  for (const advisor::IndexRecommendation& rec : r.indexes) {
    ordered_json j;
    j["name"] = rec.index.name;
    j["schema"] = rec.index.schema;
    j["table"] = rec.index.table;
    ordered_json keys = ordered_json::array();
    ordered_json columns = ordered_json::array();
    for (const catalog::IndexKey& k : rec.index.keys) {
      ordered_json key;
      if (k.column.empty()) {
        key["expression"] = k.expression;
      } else {
        key["column"] = k.column;
      }
      key["descending"] = k.descending;
      keys.push_back(key);
      columns.push_back(k.column.empty() ? k.expression : k.column);
    }
    j["columns"] = columns;
    j["keys"] = keys;
    j["include"] = rec.index.include;
    j["where"] = rec.index.predicate ? ordered_json(*rec.index.predicate) : ordered_json(nullptr);
    j["ddl"] = advisor::CreateIndexSql(rec.index, r.postgres) + ";";
    j["size_bytes"] = static_cast<int64_t>(advisor::IndexBytes(rec.index));
    j["benefit"] = Round2(rec.benefit);
    j["benefit_pct"] = r.cost_before > 0 ? Round2(100 * rec.benefit / r.cost_before) : 0.0;
    j["leave_one_out"] = Round2(rec.leave_one_out);
    j["origin"] = rec.origin;
    ordered_json serves = ordered_json::array();
    for (size_t s : rec.serves) serves.push_back(s);
    j["serves"] = serves;
    recs.push_back(j);
  }
  doc["recommendations"] = recs;
  ordered_json drops = ordered_json::array();
  for (const advisor::DropProposal& d : r.drops) {
    drops.push_back({{"name", d.index.name},
                     {"schema", d.index.schema},
                     {"table", d.index.table},
                     {"ddl", advisor::DropIndexSql(d.index, r.postgres) + ";"},
                     {"size_bytes", static_cast<int64_t>(advisor::IndexBytes(d.index))},
                     {"reason", d.reason},
                     {"cost_change", Round2(d.cost_change)}});
  }
  doc["drops"] = drops;
  ordered_json kept = ordered_json::array();
  for (const advisor::Rejection& k : r.kept) kept.push_back({{"index", k.index}, {"reason", k.reason}});
  doc["kept"] = kept;
  ordered_json statements = ordered_json::array();
  for (const advisor::StatementOutcome& st : r.statements) {
    statements.push_back({{"origin", st.source->origin},
                          {"weight", st.source->weight},
                          {"sql", StatementSql(*st.source)},
                          {"cost_before", Round2(st.cost_before)},
                          {"cost_after", Round2(st.cost_after)},
                          {"indexes_before", st.indexes_before},
                          {"indexes_after", st.indexes_after},
                          {"plan_before", PlanText(st.plan_before)},
                          {"plan_after", PlanText(st.plan_after)}});
  }
  doc["statements"] = statements;
  ordered_json rejected = ordered_json::array();
  for (const advisor::Rejection& x : r.rejected) {
    rejected.push_back({{"index", x.index}, {"reason", x.reason}});
  }
  doc["rejected"] = rejected;
  ordered_json skipped = ordered_json::array();
  for (const advisor::SkippedStatement& s : r.skipped) {
    skipped.push_back({{"origin", s.source->origin}, {"reason", s.reason}});
  }
  doc["skipped"] = skipped;
  doc["not_analysed"] = r.not_analysed;
  ordered_json frontier = ordered_json::array();
  for (const advisor::FrontierPoint& p : r.frontier) {
    frontier.push_back({{"size_bytes", static_cast<int64_t>(p.bytes)},
                        {"cost", Round2(p.cost)},
                        {"step", p.step}});
  }
  doc["frontier"] = frontier;
  return doc.dump(2) + "\n";
}

std::string RenderRecommendSql(const advisor::Recommendation& r) {
  std::string out = fmt::format(
      "-- dbopt recommend-index: workload cost {:.2f} → {:.2f}{}, {} new index{} ({}), {} to "
      "drop\n",
      r.cost_before, r.cost_after, Change(r.cost_before, r.cost_after), r.indexes.size(),
      r.indexes.size() == 1 ? "" : "es", Size(TotalBytes(r)), r.drops.size());
  if (r.postgres) {
    out += "-- CREATE/DROP INDEX CONCURRENTLY cannot run inside a transaction block: run this "
           "file with psql, not in one transaction.\n";
  }
  for (const advisor::IndexRecommendation& rec : r.indexes) {
    std::string served;
    for (size_t s : rec.serves) {
      served += (served.empty() ? "" : ", ") + r.statements[s].source->origin;
    }
    out += fmt::format("\n-- {}; benefit {:.2f} ({}); serves {}\n{};\n",
                       Size(advisor::IndexBytes(rec.index)), rec.benefit,
                       Percent(rec.benefit, r.cost_before), served.empty() ? "-" : served,
                       advisor::CreateIndexSql(rec.index, r.postgres));
  }
  for (const advisor::DropProposal& d : r.drops) {
    out += fmt::format("\n-- {}; {}\n{};\n", d.reason, Size(advisor::IndexBytes(d.index)),
                       advisor::DropIndexSql(d.index, r.postgres));
  }
  return out;
}

std::string RenderRecommendCurveSvg(const advisor::Recommendation& r) {
  LineChart chart;
  chart.title = "dbopt recommend-index: workload cost versus index size";
  chart.x_label = "size of the new indexes (MB)";
  chart.y_label = "workload cost";
  Series series;
  series.name = "greedy steps";
  for (const advisor::FrontierPoint& p : r.frontier) {
    series.points.emplace_back(p.bytes / (1024.0 * 1024.0), p.cost);
  }
  chart.series.push_back(std::move(series));
  if (!std::isinf(r.budget_bytes)) {
    chart.marker_x = r.budget_bytes / (1024.0 * 1024.0);
    chart.marker_label = "budget";
  }
  return RenderLineChartSvg(chart);
}

}  // namespace dbopt::render
