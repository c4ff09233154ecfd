#include "dbopt/lint/config.h"

#include <filesystem>

#include "dbopt/base/did_you_mean.h"
#include "dbopt/lint/registry.h"
#include "dbopt/lint/toml.h"

namespace dbopt::lint {
namespace fs = std::filesystem;
namespace {

Error At(const SourceText& source, size_t offset, const std::string& message,
         const std::string& hint = {}) {
  return Error::At(source.DiagnosticAt(offset, message, Severity::kError, hint));
}

Error UnknownKey(const SourceText& source, const TomlEntry& e, const std::string& where,
                 const std::vector<std::string>& keys) {
  auto guess = DidYouMean(e.key, keys);
  return At(source, e.offset, "unknown key \"" + e.key + "\" in " + where,
            guess ? "did you mean \"" + *guess + "\"?" : "");
}

Status Expect(const SourceText& source, const TomlValue& v, TomlValue::Kind kind) {
  const bool number_ok = kind == TomlValue::Kind::kFloat && v.kind == TomlValue::Kind::kInteger;
  if (v.kind == kind || number_ok) return Ok{};
  return At(source, v.offset,
            std::string("expected ") + TomlKindName(kind) + ", got " + TomlKindName(v.kind));
}

Result<Level> LevelOf(const SourceText& source, const TomlValue& v, bool allow_off, bool& off) {
  Status s = Expect(source, v, TomlValue::Kind::kString);
  if (!s.ok()) return s.error();
  off = allow_off && v.string == "off";
  if (off) return Level::kInfo;
  if (auto level = ParseLevel(v.string)) return *level;
  return At(source, v.offset,
            "unknown level \"" + v.string + "\" (expected error, warning, info" +
                (allow_off ? ", off)" : ")"));
}

Result<const RuleInfo*> RuleOf(const SourceText& source, const std::string& key, size_t offset) {
  if (const RuleInfo* info = FindRuleInfo(key)) return info;
  std::vector<std::string> names;
  for (const RuleInfo& r : AllRuleInfos()) names.push_back(r.name);
  auto guess = DidYouMean(key, names);
  return At(source, offset, "unknown rule \"" + key + "\"",
            guess ? "did you mean \"" + *guess + "\"?" : "");
}

Status RootTable(const SourceText& source, const TomlTable& t, Config& config) {
  for (const TomlEntry& e : t.entries) {
    if (e.key == "catalog") {
      Status s = Expect(source, e.value, TomlValue::Kind::kString);
      if (!s.ok()) return s;
      config.catalog = e.value.string;
    } else if (e.key == "exclude") {
      Status s = Expect(source, e.value, TomlValue::Kind::kArray);
      if (!s.ok()) return s;
      config.exclude = e.value.array;
    } else if (e.key == "fail_on") {
      bool off = false;
      Result<Level> level = LevelOf(source, e.value, false, off);
      if (!level.ok()) return level.error();
      config.fail_on = *level;
    } else {
      return UnknownKey(source, e, "the top level", {"catalog", "exclude", "fail_on"});
    }
  }
  return Ok{};
}

// [rules]: RULE = "error" | "warning" | "info" | "off"
Status RulesTable(const SourceText& source, const TomlTable& t, Config& config) {
  for (const TomlEntry& e : t.entries) {
    Result<const RuleInfo*> rule = RuleOf(source, e.key, e.offset);
    if (!rule.ok()) return rule.error();
    bool off = false;
    Result<Level> level = LevelOf(source, e.value, true, off);
    if (!level.ok()) return level.error();
    RuleConfig& rc = config.rules[(*rule)->id];
    rc.off = off;
    if (!off) rc.level = *level;
  }
  return Ok{};
}

// [rules.RULE]: level = "...", and numeric thresholds.
Status RuleTable(const SourceText& source, const TomlTable& t, Config& config) {
  Result<const RuleInfo*> rule = RuleOf(source, t.name[1], t.offset);
  if (!rule.ok()) return rule.error();
  RuleConfig& rc = config.rules[(*rule)->id];
  for (const TomlEntry& e : t.entries) {
    if (e.key == "level") {
      bool off = false;
      Result<Level> level = LevelOf(source, e.value, true, off);
      if (!level.ok()) return level.error();
      rc.off = off;
      if (!off) rc.level = *level;
      continue;
    }
    Status s = Expect(source, e.value, TomlValue::Kind::kFloat);
    if (!s.ok()) return s;
    rc.settings.numbers[e.key] = e.value.number;
  }
  return Ok{};
}

}  // namespace

Result<Config> ParseConfig(const SourceText& source) {
  Result<TomlDocument> doc = ParseToml(source);
  if (!doc.ok()) return doc.error();
  Config config;
  config.path = source.name();
  config.dir = fs::path(source.name()).parent_path().string();
  for (const TomlTable& t : doc->tables) {
    Status s = Ok{};
    if (t.name.empty()) {
      s = RootTable(source, t, config);
    } else if (t.name.size() == 1 && t.name[0] == "rules") {
      s = RulesTable(source, t, config);
    } else if (t.name.size() == 2 && t.name[0] == "rules") {
      s = RuleTable(source, t, config);
    } else {
      s = At(source, t.offset,
             "unknown table [" + t.name[0] + "] (expected [rules] or [rules.RULE])");
    }
    if (!s.ok()) return s.error();
  }
  return config;
}

Result<Config> LoadConfig(const std::string& path) {
  Result<SourceText> text = SourceText::ReadFile(path);
  if (!text.ok()) return text.error();
  return ParseConfig(*text);
}

std::string FindConfig(const std::string& file) {
  std::error_code ec;
  fs::path dir = fs::absolute(fs::path(file), ec).parent_path();
  if (ec) return {};
  while (true) {
    const fs::path candidate = dir / kConfigFileName;
    if (fs::is_regular_file(candidate, ec)) {
      // Report it relative to the working directory when it lies below it.
      const fs::path relative = fs::proximate(candidate, ec);
      return ec ? candidate.string() : relative.string();
    }
    if (!dir.has_parent_path() || dir.parent_path() == dir) return {};
    dir = dir.parent_path();
  }
}

std::string Config::CatalogSource() const {
  if (catalog.empty() || dir.empty()) return catalog;
  if (catalog.find("://") != std::string::npos || catalog.find('=') != std::string::npos ||
      fs::path(catalog).is_absolute())
    return catalog;
  return (fs::path(dir) / catalog).string();
}

bool Config::Excludes(const std::string& file) const {
  if (exclude.empty()) return false;
  std::error_code ec;
  const fs::path base = dir.empty() ? fs::current_path(ec) : fs::absolute(dir, ec);
  const std::string relative = fs::absolute(file, ec).lexically_relative(base).generic_string();
  for (const std::string& pattern : exclude)
    if (GlobMatch(pattern, relative)) return true;
  return false;
}

namespace {

bool Match(const char* p, const char* s) {
  if (*p == '\0') return *s == '\0';
  if (p[0] == '*' && p[1] == '*') {
    const char* rest = p + 2;
    if (*rest == '/' && Match(rest + 1, s)) return true;  // "**/" also matches no directory
    for (const char* t = s;; ++t) {
      if (Match(rest, t)) return true;
      if (*t == '\0') return false;
    }
  }
  if (*p == '*') {
    for (const char* t = s;; ++t) {
      if (Match(p + 1, t)) return true;
      if (*t == '\0' || *t == '/') return false;
    }
  }
  if (*s == '\0') return false;
  const bool one = *p == '?' ? *s != '/' : *p == *s;
  return one && Match(p + 1, s + 1);
}

}  // namespace

bool GlobMatch(const std::string& pattern, const std::string& path) {
  return Match(pattern.c_str(), path.c_str());
}

}  // namespace dbopt::lint
