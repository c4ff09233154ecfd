#include "dbopt/render/sparkline.h"

#include <algorithm>
#include <cmath>

namespace dbopt::render {

std::string Sparkline(const std::vector<double>& values) {
  static const char* const kBars[] = {"▁", "▂", "▃", "▄", "▅", "▆", "▇", "█"};
  double lo = 0, hi = 0;
  bool any = false;
  for (double v : values) {
    if (!std::isfinite(v)) continue;
    lo = any ? std::min(lo, v) : v;
    hi = any ? std::max(hi, v) : v;
    any = true;
  }
  std::string out;
  for (double v : values) {
    if (!std::isfinite(v)) {
      out += " ";
      continue;
    }
    const int level = hi > lo ? static_cast<int>(std::lround((v - lo) / (hi - lo) * 7)) : 0;
    out += kBars[std::clamp(level, 0, 7)];
  }
  return out;
}

}  // namespace dbopt::render
