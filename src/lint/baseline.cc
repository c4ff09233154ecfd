#include "dbopt/lint/baseline.h"

#include <exception>
#include <nlohmann/json.hpp>

#include "dbopt/base/source_text.h"

namespace dbopt::lint {

Result<Baseline> Baseline::Load(const std::string& path) {
  Result<SourceText> text = SourceText::ReadFile(path);
  if (!text.ok()) return text.error();
  Baseline baseline;
  try {
    const nlohmann::json j = nlohmann::json::parse(text->text());
    if (j.value("format", "") != "dbopt-lint-baseline" || j.value("version", 0) != 1)
      return Error::BadInput(path +
                             ": not a dbopt lint baseline (format \"dbopt-lint-baseline\", "
                             "version 1)");
    for (const auto& e : j.at("findings")) {
      baseline.counts_[{e.at("file").get<std::string>(), e.at("rule").get<std::string>(),
                        e.at("fingerprint").get<std::string>()}] += e.value("count", 1);
    }
  } catch (const std::exception& e) {
    return Error::BadInput(path + ": " + e.what());
  }
  return baseline;
}

Baseline Baseline::FromFindings(const std::vector<Finding>& findings) {
  Baseline baseline;
  for (const Finding& f : findings) ++baseline.counts_[{f.file, f.rule_id, f.fingerprint}];
  return baseline;
}

std::string Baseline::ToJson() const {
  nlohmann::ordered_json j;
  j["format"] = "dbopt-lint-baseline";
  j["version"] = 1;
  j["findings"] = nlohmann::ordered_json::array();
  for (const auto& [key, count] : counts_) {
    nlohmann::ordered_json e;
    e["file"] = std::get<0>(key);
    e["rule"] = std::get<1>(key);
    e["fingerprint"] = std::get<2>(key);
    e["count"] = count;
    j["findings"].push_back(std::move(e));
  }
  return j.dump(2) + "\n";
}

std::vector<Finding> Baseline::Filter(const std::vector<Finding>& findings) const {
  std::map<Key, int> left = counts_;
  std::vector<Finding> out;
  for (const Finding& f : findings) {
    auto it = left.find({f.file, f.rule_id, f.fingerprint});
    if (it != left.end() && it->second > 0) {
      --it->second;
      continue;
    }
    out.push_back(f);
  }
  return out;
}

}  // namespace dbopt::lint
