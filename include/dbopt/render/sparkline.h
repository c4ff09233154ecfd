// A terminal sparkline: one of ▁▂▃▄▅▆▇█ per value, scaled linearly between the smallest and
// the largest value (all equal: all ▁). Non-finite values print as a space.
#pragma once

#include <string>
#include <vector>

namespace dbopt::render {

std::string Sparkline(const std::vector<double>& values);

}  // namespace dbopt::render
