#include "dbopt/base/did_you_mean.h"

#include <algorithm>
#include <cctype>
#include <cstdlib>
#include <vector>

namespace dbopt {

namespace {
char Lower(char c) { return static_cast<char>(std::tolower(static_cast<unsigned char>(c))); }
}  // namespace

// Wagner–Fischer with two rows; stops early once a whole row exceeds max_distance.
int EditDistance(std::string_view a, std::string_view b, int max_distance) {
  const int n = static_cast<int>(b.size());
  if (std::abs(static_cast<int>(a.size()) - n) > max_distance) return max_distance + 1;
  std::vector<int> previous(n + 1), current(n + 1);
  for (int j = 0; j <= n; ++j) previous[j] = j;
  for (size_t i = 1; i <= a.size(); ++i) {
    current[0] = static_cast<int>(i);
    int row_min = current[0];
    for (int j = 1; j <= n; ++j) {
      const int substitution = previous[j - 1] + (Lower(a[i - 1]) == Lower(b[j - 1]) ? 0 : 1);
      current[j] = std::min({previous[j] + 1, current[j - 1] + 1, substitution});
      row_min = std::min(row_min, current[j]);
    }
    if (row_min > max_distance) return max_distance + 1;
    std::swap(previous, current);
  }
  return std::min(previous[n], max_distance + 1);
}

std::optional<std::string> DidYouMean(std::string_view word,
                                      const std::vector<std::string>& candidates) {
  const int limit = std::min(3, std::max(1, static_cast<int>(word.size()) / 3));
  std::optional<std::string> best;
  int best_distance = limit + 1;
  for (const std::string& candidate : candidates) {
    const int d = EditDistance(word, candidate, limit);
    if (d < best_distance) {
      best_distance = d;
      best = candidate;
    }
  }
  return best;
}

Error UnknownNameError(std::string_view what, std::string_view name,
                       const std::vector<std::string>& names) {
  std::string list;
  for (size_t i = 0; i < names.size(); ++i) list += (i == 0 ? "" : ", ") + names[i];
  Error error = Error::BadInput("unknown " + std::string(what) + " \"" + std::string(name) +
                                "\" (expected one of: " + list + ")");
  if (auto suggestion = DidYouMean(name, names)) {
    error.diagnostic.hint = "did you mean \"" + *suggestion + "\"?";
  }
  return error;
}

}  // namespace dbopt
