// parse_bench: dbopt's full parse (libpg_query's pg_query_parse, reading its JSON, AST transform)
// against libpg_query's own pg_query_parse (parse + JSON output), measured in the same run on the
// same statements.
//
//   build-sql/parse_bench [CORPUS.sql] [ROUNDS]
//
// Each round parses every statement of the corpus once with each parser; the best round of each
// is reported (the least disturbed by other processes). ratio = dbopt time / pg_query_parse time,
// in wall-clock time and, on a second line, in process CPU time (steadier on a busy machine).
//
// A second line measures pg_query_parse_protobuf alone, for reference: in libpg_query 15-4.0 the
// protobuf output is several times slower than the JSON output (perf: protobuf-c's pack
// recomputes the packed size of every sub-message at every level, quadratic in tree depth), which
// is why dbopt reads the JSON.
#include <pg_query.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <string>
#include <vector>

#include "dbopt/base/source_text.h"
#include "dbopt/sql/parser.h"
#include "dbopt/sql/splitter.h"

namespace {

constexpr double kTargetRatio = 1.50;  // dbopt may add at most 50% over pg_query_parse

std::string DefaultCorpus() {
  std::string here = __FILE__;
  return here.substr(0, here.find_last_of('/') + 1) + "corpus/corpus.sql";
}

double Seconds(std::chrono::steady_clock::duration d) {
  return std::chrono::duration<double>(d).count();
}

struct Round {
  double wall = 1e30;  // seconds
  double cpu = 1e30;   // seconds of process CPU time: less disturbed by other load on the machine
};

double CpuSeconds() {
  timespec ts{};
  clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
  return static_cast<double>(ts.tv_sec) + static_cast<double>(ts.tv_nsec) / 1e9;
}

// One round over every statement; `best` keeps the fastest wall and CPU times seen.
template <typename F>
void TimeRound(const std::vector<std::string>& statements, Round* best, F&& parse_one) {
  const double cpu_start = CpuSeconds();
  const auto start = std::chrono::steady_clock::now();
  for (const std::string& s : statements) parse_one(s);
  best->wall = std::min(best->wall, Seconds(std::chrono::steady_clock::now() - start));
  best->cpu = std::min(best->cpu, CpuSeconds() - cpu_start);
}

}  // namespace

int main(int argc, char** argv) {
  const std::string path = argc > 1 ? argv[1] : DefaultCorpus();
  const int rounds = argc > 2 ? std::max(1, std::atoi(argv[2])) : 7;
  dbopt::Result<dbopt::SourceText> corpus = dbopt::SourceText::ReadFile(path);
  if (!corpus.ok()) {
    std::fprintf(stderr, "%s", corpus.error().Render().c_str());
    return 2;
  }
  std::vector<std::string> statements;
  for (const dbopt::sql::StatementSpan& span : dbopt::sql::SplitStatements(*corpus).spans) {
    statements.push_back(corpus->text().substr(span.begin, span.end - span.begin));
  }
  // Sanity: every statement must parse with both, or the comparison means nothing.
  size_t failures = 0;
  for (const std::string& s : statements) {
    if (!dbopt::sql::ParseFile(dbopt::SourceText("bench", s)).ok()) ++failures;
  }
  if (failures > 0) {
    std::fprintf(stderr, "parse_bench: %zu statements of %s do not parse\n", failures,
                 path.c_str());
    return 2;
  }
  size_t sink = 0;  // keeps the work observable
  Round pg, dbopt, protobuf;
  for (int round = 0; round < rounds; ++round) {
    TimeRound(statements, &pg, [&](const std::string& s) {
      PgQueryParseResult r = pg_query_parse(s.c_str());
      sink += r.parse_tree ? std::char_traits<char>::length(r.parse_tree) : 0;
      pg_query_free_parse_result(r);
    });
    TimeRound(statements, &protobuf, [&](const std::string& s) {
      PgQueryProtobufParseResult r = pg_query_parse_protobuf(s.c_str());
      sink += r.parse_tree.len;
      pg_query_free_protobuf_parse_result(r);
    });
    TimeRound(statements, &dbopt, [&](const std::string& s) {
      const dbopt::sql::ParsedFile file = dbopt::sql::ParseFile(dbopt::SourceText("bench", s));
      sink += file.statements.size();
    });
  }
  const double n = static_cast<double>(statements.size());
  const double ratio = dbopt.wall / pg.wall;
  std::printf(
      "parse: %zu statements, pg_query_parse %.0f stmt/s, dbopt %.0f stmt/s, ratio %.2f (target <= "
      "%.2f)%s\n",
      statements.size(), n / pg.wall, n / dbopt.wall, ratio, kTargetRatio,
      ratio <= kTargetRatio ? "" : "  MISSED");
  std::printf(
      "parse: CPU time: pg_query_parse %.0f stmt/s, dbopt %.0f stmt/s, ratio %.2f; "
      "pg_query_parse_protobuf alone %.0f stmt/s (%.2f x pg_query_parse's time)\n",
      n / pg.cpu, n / dbopt.cpu, dbopt.cpu / pg.cpu, n / protobuf.cpu, protobuf.cpu / pg.cpu);
  if (sink == 0) std::printf("(no output)\n");
  return 0;
}
