// dbopt replay TRACE... : workload summary, connection-pool and shard-routing simulation of a
// trace (docs/replay-output.md). Options are wired to sim::ReplayTraces / ReplaySynthetic and
// the report is printed by render. Exit 0 on success, 2 on bad usage or input (a trace that
// cannot be read, --strict and a malformed line, an empty trace), 3 on an internal error.
#include <fmt/format.h>
#include <unistd.h>

#include <cerrno>
#include <charconv>
#include <cstring>
#include <fstream>
#include <functional>
#include <iostream>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "command.h"
#include "dbopt/render/replay_report.h"
#include "dbopt/render/svg_plot.h"
#include "dbopt/sim/replay.h"
#include "dbopt/sim/units.h"
#include "dbopt/trace/workload_writer.h"

namespace dbopt::cli {
namespace {

struct ReplayCliOptions {
  std::vector<std::string> traces;
  std::string trace_format = "auto";
  std::string csv_map;
  std::string log_line_prefix;
  bool strict = false;
  std::string pool;
  std::string pool_preset;
  std::string sweep;
  std::string slo;
  double time_scale = 1.0;
  std::string synthetic;
  uint64_t requests = 100000;
  uint64_t seed = 1;
  std::string route;
  std::string range_splits;
  std::string directory;
  std::string reshard;
  double max_skew = 0;
  size_t top = 10;
  std::string emit_workload;
  std::string svg;
  std::string format = "text";
};

// "-" writes to standard output (before the report).
Status WriteFile(const std::string& path, const std::string& text) {
  if (path == "-") {
    std::cout << text;
    return Ok{};
  }
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  if (!out) return Error::Io(fmt::format("{}: cannot write: {}", path, std::strerror(errno)));
  out << text;
  out.close();
  if (!out) return Error::Io(fmt::format("{}: write error: {}", path, std::strerror(errno)));
  return Ok{};
}

Status SetPool(const ReplayCliOptions& o, sim::ReplayOptions* r) {
  sim::PoolSettings base;
  if (!o.pool_preset.empty()) {
    Result<sim::PoolSettings> preset = sim::PoolPreset(o.pool_preset);
    if (!preset) return std::move(preset).error();
    base = *preset;
  }
  Result<sim::PoolSettings> pool =
      o.pool.empty() ? Result<sim::PoolSettings>(base) : sim::ParsePoolSpec(o.pool, base);
  if (!pool) return std::move(pool).error();
  r->pool = *pool;
  if (!o.sweep.empty()) {
    Result<sim::SizeRange> sizes = sim::ParseSizeRange(o.sweep);
    if (!sizes) return std::move(sizes).error();
    r->sweep = *sizes;
  }
  if (!o.slo.empty()) {
    if (o.sweep.empty()) return Error::Usage("--slo needs --sweep (the sizes to test)");
    Result<sim::Slo> slo = sim::ParseSlo(o.slo);
    if (!slo) return std::move(slo).error();
    r->slo = *slo;
  }
  if (!o.svg.empty() && o.sweep.empty()) return Error::Usage("--svg needs --sweep");
  return Ok{};
}

Result<int> ReshardShards(const std::string& spec) {
  constexpr std::string_view kPrefix = "shards=";
  int n = 0;
  if (spec.rfind(kPrefix, 0) == 0) {
    const std::string digits = spec.substr(kPrefix.size());
    const auto [ptr, ec] = std::from_chars(digits.data(), digits.data() + digits.size(), n);
    if (ec == std::errc() && ptr == digits.data() + digits.size() && n >= 1) return n;
  }
  return Error::Usage("--reshard: expected shards=N with N >= 1, got \"" + spec + "\"");
}

Status SetRoute(const ReplayCliOptions& o, sim::ReplayOptions* r) {
  if (o.route.empty()) {
    if (!o.range_splits.empty() || !o.directory.empty() || !o.reshard.empty() || o.max_skew > 0) {
      return Error::Usage("--range-splits, --directory, --reshard and --max-skew need --route");
    }
    return Ok{};
  }
  Result<sim::RouteConfig> config = sim::ParseRouteConfig(o.route);
  if (!config) return std::move(config).error();
  std::optional<std::vector<sim::Key>> splits;
  std::optional<sim::Directory> directory;
  if (!o.range_splits.empty()) {
    Result<SourceText> text = SourceText::ReadFile(o.range_splits);
    if (!text) return std::move(text).error();
    Result<std::vector<sim::Key>> parsed = sim::ParseSplitPoints(*text);
    if (!parsed) return std::move(parsed).error();
    splits = std::move(*parsed);
  }
  if (!o.directory.empty()) {
    Result<SourceText> text = SourceText::ReadFile(o.directory);
    if (!text) return std::move(text).error();
    Result<sim::Directory> parsed = sim::ParseDirectory(*text, config->shards);
    if (!parsed) return std::move(parsed).error();
    directory = std::move(*parsed);
  }
  const std::vector<sim::Key>* s = splits ? &*splits : nullptr;
  const sim::Directory* d = directory ? &*directory : nullptr;
  Result<std::unique_ptr<sim::Strategy>> strategy =
      sim::BuildStrategy(*config, config->shards, s, d);
  if (!strategy) return std::move(strategy).error();
  r->strategy = std::move(*strategy);
  if (!o.reshard.empty()) {
    if (config->strategy == "range" || config->strategy == "directory") {
      return Error::Usage("not supported: --reshard with strategy=" + config->strategy +
                          " (its table decides the shards; use --max-skew for a rebalancing plan)");
    }
    Result<int> shards = ReshardShards(o.reshard);
    if (!shards) return std::move(shards).error();
    Result<std::unique_ptr<sim::Strategy>> to = sim::BuildStrategy(*config, *shards, s, d);
    if (!to) return std::move(to).error();
    r->reshard_to = std::move(*to);
  }
  if (o.max_skew > 0) r->max_skew = o.max_skew;
  r->route = std::move(*config);
  return Ok{};
}

Result<std::unique_ptr<trace::MergedReader>> OpenTraces(const ReplayCliOptions& o) {
  trace::ReaderOptions options;
  if (o.trace_format != "auto") {
    std::optional<trace::TraceFormat> format = trace::ParseTraceFormat(o.trace_format);
    if (!format) {
      return Error::Usage(fmt::format("unknown trace format \"{}\" (expected auto, {})",
                                      o.trace_format, trace::kTraceFormatNames));
    }
    options.format = *format;
  }
  options.csv_map = o.csv_map;
  options.log_line_prefix = o.log_line_prefix;
  options.strict = o.strict;
  std::vector<std::unique_ptr<trace::Reader>> readers;
  for (const std::string& path : o.traces) {
    Result<std::unique_ptr<trace::Reader>> reader = trace::Reader::Open(path, options);
    if (!reader) return std::move(reader).error();
    readers.push_back(std::move(*reader));
  }
  return std::make_unique<trace::MergedReader>(std::move(readers));
}

// "replay: 1.2M events" on stderr while running, when stderr is a terminal.
std::function<void(uint64_t)> Progress() {
  if (!isatty(STDERR_FILENO)) return nullptr;
  return [](uint64_t events) {
    std::cerr << fmt::format("\rreplay: {} events", events) << std::flush;
  };
}

Result<sim::ReplayReport> RunReplay(const ReplayCliOptions& o, sim::ReplayOptions options) {
  if (!o.synthetic.empty()) {
    if (!o.traces.empty()) return Error::Usage("give either TRACE files or --synthetic, not both");
    if (options.strategy)
      return Error::Usage("--route needs a trace (synthetic requests have no SQL)");
    Result<sim::SyntheticSpec> spec = sim::ParseSyntheticSpec(o.synthetic);
    if (!spec) return std::move(spec).error();
    return sim::ReplaySynthetic(*spec, o.requests, std::move(options));
  }
  if (o.traces.empty()) return Error::Usage("replay: give one or more TRACE files, or --synthetic");
  Result<std::unique_ptr<trace::MergedReader>> reader = OpenTraces(o);
  if (!reader) return std::move(reader).error();
  Result<sim::ReplayReport> report = sim::ReplayTraces(**reader, std::move(options));
  if (report) {
    for (const auto& r : (*reader)->readers()) {
      for (const Diagnostic& d : r->stats().malformed) std::cerr << d.Render();
      const trace::ReadStats& stats = r->stats();
      if (stats.out_of_order > 0) {
        std::string lines;
        for (int64_t line : stats.out_of_order_lines) lines += " " + std::to_string(line);
        std::cerr << fmt::format(
            "{}: warning: {} events out of order beyond the reorder window skipped (lines{}{})\n",
            r->name(), stats.out_of_order, lines,
            stats.out_of_order > stats.out_of_order_lines.size() ? " …" : "");
      }
    }
  }
  return report;
}

Status WriteOutputs(const ReplayCliOptions& o, const sim::ReplayReport& report) {
  if (!o.emit_workload.empty() && report.synthetic.empty()) {
    trace::WorkloadHeader header;
    for (const sim::TraceInfo& t : report.traces)
      header.source += (header.source.empty() ? "" : ", ") + t.name;
    header.events = report.events;
    if (Status s = WriteFile(o.emit_workload, trace::FormatWorkloadSql(report.statements, header));
        !s)
      return s;
  }
  if (!o.svg.empty()) {
    return WriteFile(o.svg, render::RenderLineChartSvg(render::SweepChart(report)));
  }
  return Ok{};
}

int Run(const ReplayCliOptions& o) {
  sim::ReplayOptions options;
  if (Status s = SetPool(o, &options); !s) return ReportError(s.error());
  if (Status s = SetRoute(o, &options); !s) return ReportError(s.error());
  if (!o.emit_workload.empty() && !o.synthetic.empty()) {
    return ReportError(
        Error::Usage("--emit-workload needs a trace (synthetic requests have no SQL)"));
  }
  options.time_scale = o.time_scale;
  options.seed = o.seed;
  options.top = o.top;
  options.progress = Progress();
  const bool progress = options.progress != nullptr;
  Result<sim::ReplayReport> report = RunReplay(o, std::move(options));
  if (progress) std::cerr << "\r\033[K" << std::flush;
  if (!report) return ReportError(report.error());
  if (Status s = WriteOutputs(o, *report); !s) return ReportError(s.error());
  if (o.format == "json") {
    std::cout << render::ReplayReportJson(*report).dump(2) << "\n";
  } else {
    std::cout << render::ReplayReportText(*report);
  }
  return 0;
}

}  // namespace

Command AddReplay(CLI::App& app) {
  auto o = std::make_shared<ReplayCliOptions>();
  Command command;
  CLI::App* c = app.add_subcommand(
      "replay", "Replay traces: workload summary, connection-pool and shard-routing simulation");
  command.app = c;
  c->add_option("trace", o->traces, "trace files (\"-\": standard input; gzip is read as well)");
  c->add_option("--trace-format", o->trace_format,
                "auto (default), jsonl, csv, pg-stderr, pg-csvlog, mysql-slow or pgbench");
  c->add_option("--csv-map", o->csv_map,
                "CSV columns, e.g. ts=start_time,duration_ms=elapsed,sql=query");
  c->add_option("--log-line-prefix", o->log_line_prefix,
                "log_line_prefix of a PostgreSQL stderr log");
  c->add_flag("--strict", o->strict, "stop at the first malformed line (default: count and go on)");
  c->add_option("--pool", o->pool,
                "pool settings: max=20,min_idle=5,acquire_timeout=30s,mode=transaction,...");
  c->add_option("--pool-preset", o->pool_preset,
                "start from hikaricp, pgbouncer or go-sql defaults");
  c->add_option("--sweep", o->sweep, "also simulate pool sizes lo..hi, e.g. max=4..64");
  c->add_option("--slo", o->slo, "the sweep's target, e.g. \"p99_wait<50ms\"");
  c->add_option("--time-scale", o->time_scale, "replay at X times the load (arrivals compressed)");
  c->add_option("--synthetic", o->synthetic,
                "Poisson arrivals instead of a trace: poisson:rate=80/s,hold=exp:100ms");
  c->add_option("--requests", o->requests, "number of synthetic requests (default 100000)");
  c->add_option("--seed", o->seed, "random seed (default 1)");
  c->add_option("--route", o->route,
                "routing: "
                "strategy=hash|mod|range|directory|ring|jump|rendezvous,shards=8,key=COLUMN[,"
                "vnodes=N][,fn=citus|vitess|xxhash]");
  c->add_option("--range-splits", o->range_splits, "split points of strategy=range, one per line");
  c->add_option("--directory", o->directory, "key,shard lines of strategy=directory");
  c->add_option("--reshard", o->reshard, "report what moves going to shards=N");
  c->add_option("--max-skew", o->max_skew, "plan a rebalancing to at most this max/mean");
  c->add_option("--top", o->top, "statements in the workload summary (default 10, 0: all)");
  c->add_option("--emit-workload", o->emit_workload,
                "write the workload as SQL for recommend-index (\"-\": standard output)");
  c->add_option(
      "--svg", o->svg,
      "write an SVG plot of wait against pool size (needs --sweep; \"-\": standard output)");
  c->add_option("--format", o->format, "output format: text (default) or json")
      ->check(CLI::IsMember({"text", "json"}));
  c->footer("Exit codes: 0 success; 2 bad usage or input; 3 internal error.");
  command.run = [o] { return Run(*o); };
  return command;
}

}  // namespace dbopt::cli
