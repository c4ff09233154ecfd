// dbopt recommend-index output: a text report for people, a stable JSON document
// (docs/recommend-index.md lists its keys), a ready-to-run SQL script, and the cost-versus-size
// frontier as an SVG line chart.
#pragma once

#include <string>

#include "dbopt/advisor/advisor.h"

namespace dbopt::render {

struct RecommendTextOptions {
  bool plans = true;   // EXPLAIN before and after for every statement whose plan changed
  bool curve = false;  // the cost-versus-size frontier as a table
};

std::string RenderRecommendText(const advisor::Recommendation& r,
                                const RecommendTextOptions& options);
std::string RenderRecommendJson(const advisor::Recommendation& r);
std::string RenderRecommendSql(const advisor::Recommendation& r);
std::string RenderRecommendCurveSvg(const advisor::Recommendation& r);

}  // namespace dbopt::render
