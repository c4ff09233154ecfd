// RenderLineChartSvg: map data to a plot area inside fixed margins and write SVG elements.
#include "dbopt/render/svg_plot.h"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>

namespace dbopt::render {
namespace {

constexpr double kLeft = 70, kRight = 20, kTop = 40, kBottom = 55;  // margins, px
constexpr const char* kPalette[] = {"#1f77b4", "#d62728", "#2ca02c", "#9467bd", "#ff7f0e"};

std::string Escape(const std::string& text) {
  std::string out;
  for (char c : text) {
    switch (c) {
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '&':
        out += "&amp;";
        break;
      case '"':
        out += "&quot;";
        break;
      default:
        out += c;
    }
  }
  return out;
}

// A tick label: integers without a fraction, others with as few digits as the step needs.
std::string TickLabel(double v, double step) {
  if (std::abs(v) < step * 1e-9) v = 0;
  const int decimals = step >= 1 ? 0 : static_cast<int>(std::ceil(-std::log10(step) - 1e-9));
  return fmt::format("{:.{}f}", v, decimals);
}

struct Frame {
  double x0, x1, y0, y1;  // data ranges (the outer ticks)
  double w, h;            // plot area size
  double X(double x) const { return kLeft + (x - x0) / (x1 - x0) * w; }
  double Y(double y) const { return kTop + h - (y - y0) / (y1 - y0) * h; }
};

void Axes(const LineChart& c, const Frame& f, const std::vector<double>& xt,
          const std::vector<double>& yt, std::string* out) {
  const double xstep = xt.size() > 1 ? xt[1] - xt[0] : 1;
  const double ystep = yt.size() > 1 ? yt[1] - yt[0] : 1;
  for (double y : yt) {
    *out += fmt::format(
        "<line x1=\"{:.1f}\" y1=\"{:.1f}\" x2=\"{:.1f}\" y2=\"{:.1f}\" stroke=\"#ddd\"/>\n"
        "<text x=\"{:.1f}\" y=\"{:.1f}\" text-anchor=\"end\">{}</text>\n",
        kLeft, f.Y(y), kLeft + f.w, f.Y(y), kLeft - 6, f.Y(y) + 4, TickLabel(y, ystep));
  }
  for (double x : xt) {
    *out += fmt::format(
        "<line x1=\"{:.1f}\" y1=\"{:.1f}\" x2=\"{:.1f}\" y2=\"{:.1f}\" stroke=\"#333\"/>\n"
        "<text x=\"{:.1f}\" y=\"{:.1f}\" text-anchor=\"middle\">{}</text>\n",
        f.X(x), kTop + f.h, f.X(x), kTop + f.h + 5, f.X(x), kTop + f.h + 18, TickLabel(x, xstep));
  }
  *out +=
      fmt::format("<path d=\"M{:.1f},{:.1f} V{:.1f} H{:.1f}\" fill=\"none\" stroke=\"#333\"/>\n",
                  kLeft, kTop, kTop + f.h, kLeft + f.w);
  *out += fmt::format("<text x=\"{:.1f}\" y=\"{:.1f}\" text-anchor=\"middle\">{}</text>\n",
                      kLeft + f.w / 2, kTop + f.h + 42, Escape(c.x_label));
  *out += fmt::format(
      "<text transform=\"translate(16,{:.1f}) rotate(-90)\" text-anchor=\"middle\">{}</text>\n",
      kTop + f.h / 2, Escape(c.y_label));
  *out +=
      fmt::format("<text x=\"{:.1f}\" y=\"24\" text-anchor=\"middle\" font-size=\"15\">{}</text>\n",
                  kLeft + f.w / 2, Escape(c.title));
}

void References(const LineChart& c, const Frame& f, std::string* out) {
  if (c.threshold_y) {
    *out += fmt::format(
        "<line x1=\"{:.1f}\" y1=\"{:.1f}\" x2=\"{:.1f}\" y2=\"{:.1f}\" stroke=\"#d62728\" "
        "stroke-dasharray=\"6,4\"/>\n<text x=\"{:.1f}\" y=\"{:.1f}\" text-anchor=\"end\" "
        "fill=\"#d62728\">{}</text>\n",
        kLeft, f.Y(*c.threshold_y), kLeft + f.w, f.Y(*c.threshold_y), kLeft + f.w - 4,
        f.Y(*c.threshold_y) - 5, Escape(c.threshold_label));
  }
  if (c.marker_x) {
    *out += fmt::format(
        "<line x1=\"{:.1f}\" y1=\"{:.1f}\" x2=\"{:.1f}\" y2=\"{:.1f}\" stroke=\"#2ca02c\" "
        "stroke-dasharray=\"2,3\"/>\n<text x=\"{:.1f}\" y=\"{:.1f}\" fill=\"#2ca02c\">{}</text>\n",
        f.X(*c.marker_x), kTop, f.X(*c.marker_x), kTop + f.h, f.X(*c.marker_x) + 4, kTop + 14,
        Escape(c.marker_label));
  }
}

void Lines(const LineChart& c, const Frame& f, std::string* out) {
  for (size_t i = 0; i < c.series.size(); ++i) {
    const Series& s = c.series[i];
    const char* color = kPalette[i % (sizeof(kPalette) / sizeof(kPalette[0]))];
    std::string points;
    for (const auto& [x, y] : s.points) points += fmt::format("{:.1f},{:.1f} ", f.X(x), f.Y(y));
    if (!points.empty()) points.pop_back();
    *out +=
        fmt::format("<polyline fill=\"none\" stroke=\"{}\" stroke-width=\"2\" points=\"{}\"/>\n",
                    color, points);
    for (const auto& [x, y] : s.points) {
      *out += fmt::format("<circle cx=\"{:.1f}\" cy=\"{:.1f}\" r=\"2.5\" fill=\"{}\"/>\n", f.X(x),
                          f.Y(y), color);
    }
    *out += fmt::format(
        "<rect x=\"{:.1f}\" y=\"{:.1f}\" width=\"12\" height=\"3\" fill=\"{}\"/>\n<text "
        "x=\"{:.1f}\" "
        "y=\"{:.1f}\">{}</text>\n",
        kLeft + 10, kTop + 12 + 16.0 * i, color, kLeft + 26, kTop + 16 + 16.0 * i, Escape(s.name));
  }
}

}  // namespace

std::vector<double> NiceTicks(double lo, double hi, int target, double min_step) {
  if (!(hi > lo)) hi = lo + 1;
  const double raw = (hi - lo) / std::max(1, target);
  const double magnitude = std::pow(10.0, std::floor(std::log10(raw)));
  double step = magnitude;
  for (double m : {1.0, 2.0, 5.0, 10.0}) {
    step = m * magnitude;
    if (step >= raw) break;
  }
  step = std::max(step, min_step);
  std::vector<double> ticks;
  const double first = std::floor(lo / step + 1e-9) * step;
  for (double t = first; ticks.empty() || ticks.back() < hi - step * 1e-9; t += step) {
    ticks.push_back(std::abs(t) < step * 1e-9 ? 0 : t);
    if (ticks.size() > 1000) break;
  }
  if (ticks.size() == 1) ticks.push_back(first + step);
  return ticks;
}

std::string RenderLineChartSvg(const LineChart& c) {
  double xmin = 0, xmax = 1, ymin = 0, ymax = 1;
  bool any = false;
  for (const Series& s : c.series) {
    for (const auto& [x, y] : s.points) {
      xmin = any ? std::min(xmin, x) : x;
      xmax = any ? std::max(xmax, x) : x;
      ymax = any ? std::max(ymax, y) : std::max(y, 0.0);
      ymin = std::min(ymin, y);
      any = true;
    }
  }
  if (c.threshold_y) ymax = std::max(ymax, *c.threshold_y);
  const std::vector<double> xt = NiceTicks(xmin, xmax, 8, c.integer_x ? 1.0 : 0.0);
  const std::vector<double> yt = NiceTicks(ymin, ymax, 5);
  const Frame f{xt.front(),
                xt.back(),
                yt.front(),
                yt.back(),
                c.width - kLeft - kRight,
                c.height - kTop - kBottom};
  std::string out = fmt::format(
      "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<svg xmlns=\"http://www.w3.org/2000/svg\" "
      "width=\"{}\" height=\"{}\" viewBox=\"0 0 {} {}\" font-family=\"sans-serif\" "
      "font-size=\"12\">\n<rect width=\"100%\" height=\"100%\" fill=\"white\"/>\n",
      c.width, c.height, c.width, c.height);
  Axes(c, f, xt, yt, &out);
  References(c, f, &out);
  Lines(c, f, &out);
  out += "</svg>\n";
  return out;
}

}  // namespace dbopt::render
