#include "dbopt/lint/run.h"

#include <algorithm>
#include <filesystem>
#include <map>
#include <memory>

#include "dbopt/catalog/load.h"
#include "dbopt/lint/config.h"
#include "dbopt/lint/linter.h"

namespace dbopt::lint {
namespace fs = std::filesystem;
namespace {

// Configs and catalogs are loaded once per run, however many files share them.
class Loader {
 public:
  explicit Loader(const LintRequest& request) : request_(request) {}

  Result<const Config*> ConfigFor(const std::string& file) {
    const std::string path = request_.config.empty() ? FindConfig(file) : request_.config;
    auto it = configs_.find(path);
    if (it != configs_.end()) return it->second.get();
    auto config = std::make_unique<Config>();
    if (!path.empty()) {
      Result<Config> loaded = LoadConfig(path);
      if (!loaded.ok()) return loaded.error();
      *config = std::move(*loaded);
    }
    return (configs_[path] = std::move(config)).get();
  }

  Result<const Linter*> LinterFor(const Config& config) {
    const std::string source = request_.catalog.empty() ? config.CatalogSource() : request_.catalog;
    auto it = linters_.find(source);
    if (it != linters_.end()) return it->second.get();
    const catalog::Catalog* catalog = nullptr;
    if (!source.empty()) {
      Result<catalog::Catalog> loaded = catalog::LoadCatalog(source);
      if (!loaded.ok()) return loaded.error();
      catalogs_.push_back(std::make_unique<catalog::Catalog>(std::move(*loaded)));
      catalog = catalogs_.back().get();
    }
    return (linters_[source] = std::make_unique<Linter>(catalog)).get();
  }

  Level FailOn(const std::string& file) {
    if (request_.fail_on) return *request_.fail_on;
    Result<const Config*> config = ConfigFor(file);
    return config.ok() && (*config)->fail_on ? *(*config)->fail_on : Level::kError;
  }

 private:
  const LintRequest& request_;
  std::map<std::string, std::unique_ptr<Config>> configs_;
  std::vector<std::unique_ptr<catalog::Catalog>> catalogs_;
  std::map<std::string, std::unique_ptr<Linter>> linters_;
};

size_t CountLines(const std::string& text) {
  size_t n = static_cast<size_t>(std::count(text.begin(), text.end(), '\n'));
  return n + (!text.empty() && text.back() != '\n' ? 1 : 0);
}

}  // namespace

Result<std::vector<std::string>> CollectSqlFiles(const std::vector<std::string>& paths) {
  std::vector<std::string> out;
  for (const std::string& path : paths) {
    std::error_code ec;
    if (fs::is_directory(path, ec)) {
      std::vector<std::string> found;
      for (auto it = fs::recursive_directory_iterator(path, ec);
           !ec && it != fs::recursive_directory_iterator(); it.increment(ec)) {
        if (it->is_regular_file(ec) && it->path().extension() == ".sql")
          found.push_back(it->path().generic_string());
      }
      if (ec) return Error::Io(path + ": " + ec.message());
      std::sort(found.begin(), found.end());
      out.insert(out.end(), found.begin(), found.end());
    } else if (fs::exists(path, ec) || path == "-") {
      out.push_back(path);
    } else {
      return Error::Io(path + ": no such file or directory");
    }
  }
  return out;
}

Result<LintReport> RunLint(const LintRequest& request) {
  Result<std::vector<std::string>> files = CollectSqlFiles(request.paths);
  if (!files.ok()) return files.error();
  Loader loader(request);
  LintReport report;
  for (const std::string& file : *files) {
    Result<const Config*> config = loader.ConfigFor(file);
    if (!config.ok()) return config.error();
    if ((*config)->Excludes(file)) continue;
    Result<const Linter*> linter = loader.LinterFor(**config);
    if (!linter.ok()) return linter.error();
    Result<SourceText> source = SourceText::ReadFile(file);
    if (!source.ok()) return source.error();
    std::vector<Finding> findings = (*linter)->LintFile(*source, **config);
    report.files.push_back(file);
    report.lines += CountLines(source->text());
    report.findings.insert(report.findings.end(), std::make_move_iterator(findings.begin()),
                           std::make_move_iterator(findings.end()));
  }
  std::stable_sort(report.findings.begin(), report.findings.end(), FindingLess);
  CountFailing(report, request);
  return report;
}

void CountFailing(LintReport& report, const LintRequest& request) {
  Loader loader(request);
  report.failing = 0;
  for (const Finding& f : report.findings)
    if (AtLeast(f.level, loader.FailOn(f.file))) ++report.failing;
}

}  // namespace dbopt::lint
