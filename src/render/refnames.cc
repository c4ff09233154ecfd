// ruleutils.c set_rtable_names() as EXPLAIN uses it (select_rtable_names_for_explain): the
// entries the plan scans get their alias, or a name with "_N" appended when an earlier entry
// already has it; N counts up per base name until the result is free.
#include <algorithm>
#include <map>

#include "dbopt/render/deparse.h"

namespace dbopt::render {

std::vector<std::string> UniqueRefNames(const std::vector<bind::RangeTblEntry>& rtable,
                                        const std::vector<int>& used) {
  std::vector<std::string> names(rtable.size());
  std::map<std::string, int> counters;  // name -> last suffix tried (set_rtable_names' hash)
  for (size_t i = 0; i < rtable.size(); ++i) {
    std::string name = rtable[i].alias;
    const bool is_used = std::find(used.begin(), used.end(), static_cast<int>(i) + 1) != used.end();
    if (!is_used || name.empty()) {
      names[i] = name;
      continue;
    }
    auto found = counters.find(name);
    if (found != counters.end()) {
      std::string candidate;
      do {
        candidate = name + "_" + std::to_string(++found->second);
      } while (counters.count(candidate) > 0);
      counters[candidate] = 0;
      name = candidate;
    } else {
      counters[name] = 0;
    }
    names[i] = name;
  }
  return names;
}

}  // namespace dbopt::render
