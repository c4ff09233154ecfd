// lint_bench: `dbopt lint` throughput on a generated corpus, against parsing alone
// (sql::ParseFile on the same files), measured in the same run: the syntax and catalog-aware
// rules (plan-aware rules off), and separately the plan-aware rules (DB5xx) on their own, which
// bind and plan every query and run what-if plans for DB501.
//
//   build/lint_bench [LINES] [ROUNDS]        (defaults: 40000 lines, 5 rounds)
//
// The corpus is generated deterministically (fixed-seed LCG) as 100-line files of application
// queries and migrations over the tables of tests/lint/fixtures/catalog.json, which is loaded
// once. Each round lints every file once per configuration and parses every file once; the best
// round of each is reported, in wall-clock and in process CPU time. Target: at least 50,000
// lines/s for the syntax and catalog rules; the plan-aware rate (lines/s and statements/s) is
// reported, without a target.
#include <algorithm>
#include <chrono>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <string>
#include <vector>

#include "dbopt/catalog/load.h"
#include "dbopt/lint/linter.h"
#include "dbopt/lint/registry.h"
#include "dbopt/sql/parser.h"

namespace {

constexpr double kTargetLinesPerSecond = 50000;
constexpr int kLinesPerFile = 100;

std::string FixtureCatalog() {
  const std::string here = __FILE__;
  return here.substr(0, here.find_last_of('/')) + "/../tests/lint/fixtures/catalog.json";
}

// Statement shapes, each a few lines; %d is replaced by a generated number.
const std::vector<std::string>& Templates() {
  static const std::vector<std::string> kTemplates = {
      "SELECT o.order_id, o.total, c.name\n  FROM orders o\n  JOIN customers c ON c.customer_id "
      "= o.customer_id\n WHERE o.created_at >= now() - interval '%d days'\n ORDER BY "
      "o.created_at DESC\n LIMIT 50;\n",
      "SELECT * FROM customers WHERE lower(email) = 'user%d@example.com';\n",
      "SELECT count(*)\n  FROM order_items i\n WHERE i.product_id IN (SELECT product_id FROM "
      "products WHERE category = 'cat%d');\n",
      "UPDATE orders\n   SET status = 'shipped'\n WHERE order_id = %d;\n",
      "DELETE FROM audit_log WHERE id < %d;\n",
      "INSERT INTO audit_log (id, payload, ref_id)\nVALUES (%d, '{\"k\": 1}', 7);\n",
      "SELECT customer_id, sum(total) AS spent\n  FROM orders\n WHERE status = 'delivered'\n "
      "GROUP BY customer_id\nHAVING sum(total) > %d\n ORDER BY spent DESC;\n",
      "SELECT name FROM customers WHERE customer_id NOT IN (SELECT customer_id FROM orders)\n"
      " LIMIT 10 OFFSET %d;\n",
      "ALTER TABLE orders ADD COLUMN extra_%d integer;\n",
      "CREATE INDEX CONCURRENTLY orders_extra_%d_idx ON orders (status, created_at);\n",
      "-- a comment line %d\nSELECT p.sku, p.name\n  FROM products p\n WHERE p.category LIKE "
      "'%%shoes'\n   AND p.product_id > 10;\n",
  };
  return kTemplates;
}

std::vector<std::string> GenerateFiles(int total_lines) {
  std::vector<std::string> files;
  uint64_t state = 42;  // fixed seed: the same corpus on every run
  auto next = [&] {
    state = state * 6364136223846793005ULL + 1442695040888963407ULL;
    return static_cast<uint32_t>(state >> 33);
  };
  int lines = 0;
  while (lines < total_lines) {
    std::string file;
    int file_lines = 0;
    while (file_lines < kLinesPerFile) {
      std::string t = Templates()[next() % Templates().size()];
      const size_t at = t.find("%d");
      if (at != std::string::npos) t.replace(at, 2, std::to_string(next() % 100000));
      const size_t pct = t.find("%%");
      if (pct != std::string::npos) t.replace(pct, 2, "%");
      file += t;
      file_lines += static_cast<int>(std::count(t.begin(), t.end(), '\n'));
    }
    lines += file_lines;
    files.push_back(std::move(file));
  }
  return files;
}

double CpuSeconds() {
  timespec ts{};
  clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
  return static_cast<double>(ts.tv_sec) + static_cast<double>(ts.tv_nsec) / 1e9;
}

struct Best {
  double wall = 1e30;
  double cpu = 1e30;
};

template <typename F>
void Time(Best* best, F&& body) {
  const double cpu = CpuSeconds();
  const auto start = std::chrono::steady_clock::now();
  body();
  best->wall = std::min(
      best->wall, std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count());
  best->cpu = std::min(best->cpu, CpuSeconds() - cpu);
}

// on: the plan-aware rules only (every other rule off, syntax errors too); !on: every rule but
// the plan-aware ones.
dbopt::lint::Config OnlyPlanRules(bool on) {
  dbopt::lint::Config config;
  for (const dbopt::lint::Rule* rule : dbopt::lint::AllRules()) {
    const bool plan = rule->info().level == dbopt::lint::RuleLevel::kPlan;
    if (plan != on) config.rules[rule->info().id].off = true;
  }
  if (on) config.rules["DB000"].off = true;
  return config;
}

}  // namespace

int main(int argc, char** argv) {
  const int target_lines = argc > 1 ? std::max(1000, std::atoi(argv[1])) : 40000;
  const int rounds = argc > 2 ? std::max(1, std::atoi(argv[2])) : 5;
  dbopt::Result<dbopt::catalog::Catalog> catalog = dbopt::catalog::LoadCatalog(FixtureCatalog());
  if (!catalog.ok()) {
    std::fprintf(stderr, "%s", catalog.error().Render().c_str());
    return 2;
  }
  const std::vector<std::string> texts = GenerateFiles(target_lines);
  std::vector<dbopt::SourceText> files;
  size_t lines = 0;
  for (size_t i = 0; i < texts.size(); ++i) {
    files.emplace_back("gen/" + std::to_string(i) + ".sql", texts[i]);
    lines += static_cast<size_t>(std::count(texts[i].begin(), texts[i].end(), '\n'));
  }
  const dbopt::lint::Linter linter(&*catalog);  // the catalog is indexed once
  // Syntax and catalog rules: the plan-aware rules off, so no statement is planned.
  const dbopt::lint::Config config = OnlyPlanRules(false);
  const dbopt::lint::Config plan_config = OnlyPlanRules(true);
  size_t findings = 0;
  size_t plan_findings = 0;
  size_t statements = 0;
  Best lint, plan, parse;
  for (int r = 0; r < rounds; ++r) {
    Time(&lint, [&] {
      findings = 0;
      for (const auto& f : files) findings += linter.LintFile(f, config).size();
    });
    Time(&plan, [&] {
      plan_findings = 0;
      for (const auto& f : files) plan_findings += linter.LintFile(f, plan_config).size();
    });
    Time(&parse, [&] {
      statements = 0;
      for (const auto& f : files) statements += dbopt::sql::ParseFile(f).statements.size();
    });
  }
  const double n = static_cast<double>(lines);
  const double st = static_cast<double>(statements);
  std::printf("lint: %zu files, %zu lines, %zu statements, %zu findings per round\n", files.size(),
              lines, statements, findings);
  std::printf(
      "lint (syntax and catalog rules): %.0f lines/s (target >= %.0f)%s; parse alone %.0f lines/s; "
      "lint/parse time "
      "ratio %.2f\n",
      n / lint.wall, kTargetLinesPerSecond,
      n / lint.wall >= kTargetLinesPerSecond ? "" : "  MISSED", n / parse.wall,
      lint.wall / parse.wall);
  std::printf("lint: CPU time: lint %.0f lines/s, parse alone %.0f lines/s, ratio %.2f\n",
              n / lint.cpu, n / parse.cpu, lint.cpu / parse.cpu);
  std::printf(
      "plan-aware rules (DB5xx alone, %zu findings per round): %.0f lines/s, %.0f statements/s; "
      "CPU time %.0f lines/s, %.0f statements/s; plan/parse time ratio %.2f\n",
      plan_findings, n / plan.wall, st / plan.wall, n / plan.cpu, st / plan.cpu,
      plan.wall / parse.wall);
  return 0;
}
