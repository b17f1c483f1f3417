#include "graphics/charts.h"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <cmath>

#include "graphics/markup.h"

namespace dyad::graphics {
namespace {

constexpr const char* kFont = "system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif";
constexpr double kFontSize = 11;

// Okabe–Ito colours (distinct under common colour-vision deficiencies), light theme.
constexpr std::array<const char*, 4> kLine = {"#0072b2", "#d55e00", "#009e73", "#cc79a7"};
constexpr std::array<const char*, 4> kDash = {"", "6 3", "2 2", "8 3 2 3"};
// Stacked segments, ordered cooperative → conflictual in the quad-class use.
constexpr std::array<const char*, 6> kFill = {"#56b4e9", "#0072b2", "#e69f00", "#d55e00", "#009e73", "#cc79a7"};
// The dash pattern of series i, or a null view (attribute omitted) for solid lines.
std::string_view DashAttr(size_t i) { return *kDash[i] ? std::string_view(kDash[i]) : std::string_view(); }

constexpr const char* kInk = "#1a1a1a";
constexpr const char* kMuted = "#5f6b75";
constexpr const char* kGrid = "#d5dbe0";

struct Frame {
  double x0, y0, x1, y1;  // plot area in pixels
  double vmin, vmax;      // value range, bottom to top
  double Y(double v) const { return y1 - (v - vmin) / (vmax - vmin) * (y1 - y0); }
};

// About `target` round tick values covering [lo, hi].
std::vector<double> NiceTicks(double lo, double hi, int target) {
  if (!(hi > lo)) hi = lo + 1;
  const double raw = (hi - lo) / target;
  const double mag = std::pow(10, std::floor(std::log10(raw)));
  double step = mag;
  for (double m : {1.0, 2.0, 2.5, 5.0, 10.0}) {
    step = m * mag;
    if (step >= raw) break;
  }
  std::vector<double> ticks;
  const double first = std::floor(lo / step + 1e-9) * step, last = std::ceil(hi / step - 1e-9) * step;
  for (double v = first; v <= last + step * 1e-9; v += step) ticks.push_back(std::abs(v) < step * 1e-9 ? 0 : v);
  if (ticks.size() < 2) ticks.push_back(ticks.back() + step);
  return ticks;
}

std::string Fmt(double v, int decimals) { return Num(v, decimals); }

void OpenSvg(MarkupWriter& w, const std::string& prefix, double width, double height,
             std::string_view title, std::string_view desc, std::string_view cls) {
  w.Open("svg", {{"xmlns", "http://www.w3.org/2000/svg"},
                 {"viewBox", fmt::format("0 0 {} {}", Num(width), Num(height))},
                 {"width", Num(width)},
                 {"height", Num(height)},
                 {"role", "img"},
                 {"aria-labelledby", prefix + "-title " + prefix + "-desc"},
                 {"class", cls},
                 {"font-family", kFont},
                 {"font-size", Num(kFontSize)}});
  w.Element("title", title, {{"id", prefix + "-title"}});
  w.Element("desc", desc, {{"id", prefix + "-desc"}});
}

void Text(MarkupWriter& w, double x, double y, std::string_view text, std::string_view anchor = "start",
          std::string_view cls = "dy-ink", const char* fill = kInk) {
  w.Element("text", text,
            {{"x", Num(x)}, {"y", Num(y)}, {"text-anchor", anchor}, {"class", cls}, {"fill", fill}});
}

void NoData(MarkupWriter& w, double width, double height) {
  Text(w, width / 2, height / 2, "No data", "middle", "dy-muted", kMuted);
}

void YAxis(MarkupWriter& w, const Frame& f, const std::vector<double>& ticks, int decimals,
           std::string_view label) {
  for (double t : ticks) {
    const double y = f.Y(t);
    w.Void("line", {{"x1", Num(f.x0)}, {"x2", Num(f.x1)}, {"y1", Num(y)}, {"y2", Num(y)},
                    {"class", "dy-grid"}, {"stroke", kGrid}, {"stroke-width", "0.6"}});
    Text(w, f.x0 - 5, y + 3.5, Fmt(t, decimals), "end", "dy-muted", kMuted);
  }
  if (!label.empty()) {
    w.Element("text", label,
              {{"transform", fmt::format("translate(11 {}) rotate(-90)", Num((f.y0 + f.y1) / 2))},
               {"text-anchor", "middle"}, {"class", "dy-muted"}, {"fill", kMuted}});
  }
}

int TickDecimals(const std::vector<double>& ticks) {
  const double step = ticks.size() > 1 ? std::abs(ticks[1] - ticks[0]) : 1;
  return step >= 1 ? 0 : step >= 0.1 ? 1 : 2;
}

bool IsYearMonth(std::string_view s) {
  return s.size() == 7 && s[4] == '-' && std::all_of(s.begin(), s.begin() + 4, ::isdigit) &&
         ::isdigit(s[5]) && ::isdigit(s[6]);
}

// Tick positions and labels for x labels: at January for monthly labels (every k-th
// year), else every k-th label, at most `max_ticks`.
std::vector<std::pair<size_t, std::string>> XTicks(const std::vector<std::string>& labels, size_t max_ticks) {
  std::vector<std::pair<size_t, std::string>> ticks;
  const size_t n = labels.size();
  if (n == 0) return ticks;
  const bool monthly = std::all_of(labels.begin(), labels.end(), IsYearMonth);
  if (monthly) {
    std::vector<size_t> jan;
    for (size_t i = 0; i < n; ++i)
      if (labels[i].substr(5) == "01") jan.push_back(i);
    if (jan.empty()) jan.push_back(0);
    const size_t k = (jan.size() + max_ticks - 1) / max_ticks;
    for (size_t j = 0; j < jan.size(); j += k) ticks.push_back({jan[j], labels[jan[j]].substr(0, 4)});
    return ticks;
  }
  const size_t k = std::max<size_t>(1, (n + max_ticks - 1) / max_ticks);
  for (size_t i = 0; i < n; i += k) ticks.push_back({i, labels[i]});
  return ticks;
}

std::string TableStart(std::string_view caption, const std::vector<std::string>& header) {
  MarkupWriter t;
  t.Open("table", {{"class", "dy-table"}});
  t.Element("caption", caption);
  t.Open("thead");
  t.Open("tr");
  for (const auto& h : header) t.Element("th", h, {{"scope", "col"}});
  t.Close();
  t.Close();
  t.Open("tbody");
  return t.str();
}

// A row: a row header, then cells; cells from `first_numeric` on are right-aligned numbers.
void TableRow(std::string& html, std::string_view head, const std::vector<std::string>& cells,
              size_t first_numeric = 0) {
  MarkupWriter t;
  t.Open("tr");
  t.Element("th", head, {{"scope", "row"}});
  for (size_t i = 0; i < cells.size(); ++i)
    t.Element("td", cells[i], {{"class", i >= first_numeric ? "dy-num" : std::string_view()}});
  t.Close();
  html += t.str();
}

std::string TableEmpty(std::string_view caption, size_t columns) {
  MarkupWriter t;
  t.Open("table", {{"class", "dy-table"}});
  t.Element("caption", caption);
  t.Open("tbody");
  t.Open("tr");
  t.Element("td", "No data", {{"colspan", std::to_string(std::max<size_t>(1, columns))}});
  return t.Finish();
}

// Table cells keep a fixed number of decimals so columns line up ("2.00", "1.21").
std::string Cell(const std::optional<double>& v, int decimals) {
  return v ? fmt::format("{:.{}f}", *v, std::max(0, decimals)) : "—";
}

void Legend(MarkupWriter& w, double x, double y, const std::vector<std::string>& names, bool lines) {
  for (size_t i = 0; i < names.size(); ++i) {
    const std::string cls = fmt::format("dy-s{}", i % 4);
    if (lines) {
      w.Void("line", {{"x1", Num(x)}, {"x2", Num(x + 22)}, {"y1", Num(y - 4)}, {"y2", Num(y - 4)},
                      {"class", cls}, {"stroke", kLine[i % 4]}, {"stroke-width", "2.2"},
                      {"stroke-dasharray", DashAttr(i % 4)}});
    } else {
      w.Void("rect", {{"x", Num(x)}, {"y", Num(y - 10)}, {"width", "12"}, {"height", "12"},
                      {"class", fmt::format("dy-g{}", i % 6)}, {"fill", kFill[i % 6]}});
    }
    Text(w, x + (lines ? 27 : 16), y, names[i]);
    x += (lines ? 35 : 24) + 6.2 * static_cast<double>(names[i].size());
  }
}

}  // namespace

double DecimalYear(const Date& d) {
  double y = d.year();
  if (d.month() > 0) y += (d.month() - 1) / 12.0;
  if (d.day() > 0) y += (d.day() - 1) / 365.0;
  return y;
}

Chart RenderLineChart(const LineChartSpec& spec) {
  Chart chart;
  const size_t n = spec.x_labels.size();
  double lo = 1e300, hi = -1e300;
  size_t points = 0;
  for (const auto& s : spec.series)
    for (size_t i = 0; i < std::min(n, s.values.size()); ++i)
      if (s.values[i]) {
        lo = std::min(lo, *s.values[i]);
        hi = std::max(hi, *s.values[i]);
        ++points;
      }
  chart.has_data = points > 0;
  const double W = spec.width, H = chart.has_data ? spec.height : 48;
  std::string desc = spec.desc;
  if (!chart.has_data) {
    desc += desc.empty() ? "No data." : " No data.";
  } else {
    desc += fmt::format("{}{} series over {} periods ({} to {}); values from {} to {}.", desc.empty() ? "" : " ",
                        spec.series.size(), n, spec.x_labels.front(), spec.x_labels.back(),
                        Fmt(lo, spec.decimals), Fmt(hi, spec.decimals));
  }
  MarkupWriter w;
  OpenSvg(w, spec.id_prefix, W, H, spec.title, desc, "dy-chart");
  if (!chart.has_data) {
    NoData(w, W, H);
    chart.svg = w.Finish();
    chart.table_html = TableEmpty(spec.title, spec.series.size() + 1);
    return chart;
  }
  if (spec.zero_line) {
    lo = std::min(lo, 0.0);
    hi = std::max(hi, 0.0);
  }
  if (spec.y_min) lo = *spec.y_min;
  if (spec.y_max) hi = *spec.y_max;
  const auto ticks = NiceTicks(lo, hi, 5);
  Frame f{48, 30, W - 12, H - 34, std::min(lo, ticks.front()), std::max(hi, ticks.back())};
  if (spec.y_min) f.vmin = *spec.y_min;
  if (spec.y_max) f.vmax = *spec.y_max;
  if (f.vmax <= f.vmin) f.vmax = f.vmin + 1;
  YAxis(w, f, ticks, TickDecimals(ticks), spec.y_label);
  auto X = [&](size_t i) { return n == 1 ? (f.x0 + f.x1) / 2 : f.x0 + (f.x1 - f.x0) * static_cast<double>(i) / static_cast<double>(n - 1); };
  for (const auto& [i, label] : XTicks(spec.x_labels, 10)) {
    w.Void("line", {{"x1", Num(X(i))}, {"x2", Num(X(i))}, {"y1", Num(f.y1)}, {"y2", Num(f.y1 + 4)},
                    {"class", "dy-axis"}, {"stroke", kMuted}});
    Text(w, X(i), f.y1 + 16, label, "middle", "dy-muted", kMuted);
  }
  Text(w, (f.x0 + f.x1) / 2, H - 4, spec.x_label, "middle", "dy-muted", kMuted);
  if (spec.zero_line && f.vmin < 0 && f.vmax > 0) {
    w.Void("line", {{"x1", Num(f.x0)}, {"x2", Num(f.x1)}, {"y1", Num(f.Y(0))}, {"y2", Num(f.Y(0))},
                    {"class", "dy-zero"}, {"stroke", kInk}, {"stroke-width", "1"}});
  }
  w.Void("line", {{"x1", Num(f.x0)}, {"x2", Num(f.x1)}, {"y1", Num(f.y1)}, {"y2", Num(f.y1)},
                  {"class", "dy-axis"}, {"stroke", kMuted}});
  for (size_t s = 0; s < spec.series.size(); ++s) {
    const auto& v = spec.series[s].values;
    std::string d;
    std::vector<size_t> lone;
    for (size_t i = 0; i < std::min(n, v.size()); ++i) {
      if (!v[i]) continue;
      const bool prev = i > 0 && v[i - 1].has_value();
      const bool next = i + 1 < std::min(n, v.size()) && v[i + 1].has_value();
      if (!prev && !next) lone.push_back(i);
      d += fmt::format("{}{} {}", prev ? "L" : "M", Num(X(i)), Num(f.Y(*v[i])));
    }
    const std::string cls = fmt::format("dy-s{}", s % 4);
    w.Void("path", {{"d", d}, {"class", cls}, {"fill", "none"}, {"stroke", kLine[s % 4]},
                    {"stroke-width", "2"}, {"stroke-linejoin", "round"},
                    {"stroke-dasharray", DashAttr(s % 4)}});
    for (size_t i : lone)
      w.Void("circle", {{"cx", Num(X(i))}, {"cy", Num(f.Y(*v[i]))}, {"r", "2.5"},
                        {"class", fmt::format("dy-dot{}", s % 4)}, {"fill", kLine[s % 4]}});
  }
  std::vector<std::string> names;
  for (const auto& s : spec.series) names.push_back(s.name);
  Legend(w, f.x0, 16, names, true);
  chart.svg = w.Finish();

  std::vector<std::string> header{spec.x_label};
  header.insert(header.end(), names.begin(), names.end());
  chart.table_html = TableStart(spec.title, header);
  for (size_t i = 0; i < n; ++i) {
    std::vector<std::string> cells;
    for (const auto& s : spec.series) cells.push_back(Cell(i < s.values.size() ? s.values[i] : std::nullopt, spec.decimals));
    TableRow(chart.table_html, spec.x_labels[i], cells);
  }
  chart.table_html += "</tbody></table>";
  return chart;
}

Chart RenderBarChart(const BarChartSpec& spec) {
  Chart chart;
  const size_t n = spec.categories.size();
  std::vector<double> totals(n, 0);
  double hi = 0;
  bool any = false;
  for (size_t c = 0; c < n; ++c) {
    for (const auto& s : spec.segments) {
      if (c < s.values.size() && s.values[c]) {
        any = true;
        totals[c] += std::max(0.0, *s.values[c]);
        hi = std::max(hi, *s.values[c]);
      }
    }
  }
  chart.has_data = any;
  const double W = spec.width, H = any ? spec.height : 48;
  std::string desc = spec.desc;
  if (!any) desc += desc.empty() ? "No data." : " No data.";
  else desc += fmt::format("{}{} categories ({} to {}), {} {} each.", desc.empty() ? "" : " ", n,
                           spec.categories.front(), spec.categories.back(), spec.segments.size(),
                           spec.stacked ? "stacked parts" : "bars");
  MarkupWriter w;
  OpenSvg(w, spec.id_prefix, W, H, spec.title, desc, "dy-chart");
  std::vector<std::string> names;
  for (const auto& s : spec.segments) names.push_back(s.name);
  if (!any) {
    NoData(w, W, H);
    chart.svg = w.Finish();
    chart.table_html = TableEmpty(spec.title, names.size() + 1);
    return chart;
  }
  const bool percent = spec.stacked && spec.percent;
  const double top = percent ? 100 : spec.stacked ? *std::max_element(totals.begin(), totals.end()) : hi;
  const auto ticks = NiceTicks(0, top, 5);
  Frame f{48, 30, W - 12, H - 34, 0, percent ? 100 : std::max(top, ticks.back())};
  YAxis(w, f, ticks, TickDecimals(ticks), percent ? (spec.y_label.empty() ? "Share (%)" : spec.y_label) : spec.y_label);
  const double slot = (f.x1 - f.x0) / static_cast<double>(n);
  const double bar = std::max(1.0, slot * 0.72);
  for (size_t c = 0; c < n; ++c) {
    const double x = f.x0 + slot * static_cast<double>(c) + (slot - bar) / 2;
    double acc = 0;
    for (size_t s = 0; s < spec.segments.size(); ++s) {
      const auto& v = spec.segments[s].values;
      if (c >= v.size() || !v[c] || *v[c] <= 0) continue;
      double value = *v[c];
      if (percent) value = totals[c] > 0 ? value / totals[c] * 100 : 0;
      double bx = x, bw = bar, y0, y1;
      if (spec.stacked) {
        y1 = f.Y(acc);
        acc += value;
        y0 = f.Y(acc);
      } else {
        bw = bar / static_cast<double>(spec.segments.size());
        bx = x + bw * static_cast<double>(s);
        y0 = f.Y(value);
        y1 = f.Y(0);
      }
      w.Open("rect", {{"x", Num(bx)}, {"y", Num(y0)}, {"width", Num(bw)}, {"height", Num(std::max(0.0, y1 - y0))},
                      {"class", fmt::format("dy-g{}", s % 6)}, {"fill", kFill[s % 6]}});
      w.Element("title", fmt::format("{}, {}: {}", spec.categories[c], names[s], Fmt(*v[c], spec.decimals)));
      w.Close();
    }
  }
  const size_t max_ticks = std::max<size_t>(1, static_cast<size_t>((f.x1 - f.x0) / 44));
  const size_t k = (n + max_ticks - 1) / max_ticks;
  for (size_t c = 0; c < n; c += k)
    Text(w, f.x0 + slot * (static_cast<double>(c) + 0.5), f.y1 + 16, spec.categories[c], "middle", "dy-muted", kMuted);
  Text(w, (f.x0 + f.x1) / 2, H - 4, spec.x_label, "middle", "dy-muted", kMuted);
  w.Void("line", {{"x1", Num(f.x0)}, {"x2", Num(f.x1)}, {"y1", Num(f.y1)}, {"y2", Num(f.y1)},
                  {"class", "dy-axis"}, {"stroke", kMuted}});
  Legend(w, f.x0, 16, names, false);
  chart.svg = w.Finish();

  std::vector<std::string> header{spec.x_label};
  header.insert(header.end(), names.begin(), names.end());
  if (spec.stacked) header.push_back("Total");
  chart.table_html = TableStart(spec.title, header);
  for (size_t c = 0; c < n; ++c) {
    std::vector<std::string> cells;
    for (const auto& s : spec.segments) cells.push_back(Cell(c < s.values.size() ? s.values[c] : std::nullopt, spec.decimals));
    if (spec.stacked) cells.push_back(Fmt(totals[c], spec.decimals));
    TableRow(chart.table_html, spec.categories[c], cells);
  }
  chart.table_html += "</tbody></table>";
  return chart;
}

Chart RenderHBarChart(const HBarChartSpec& spec) {
  Chart chart;
  chart.has_data = std::any_of(spec.items.begin(), spec.items.end(), [](const HBarItem& i) { return i.value.has_value(); });
  const double row = 24, label_w = 110, W = spec.width;
  const double H = chart.has_data ? row * static_cast<double>(spec.items.size()) + 12 : 48;
  std::string desc = spec.desc;
  if (!chart.has_data) {
    desc += desc.empty() ? "No data." : " No data.";
  } else {
    std::vector<std::string> parts;
    for (const auto& i : spec.items) parts.push_back(i.label + " " + (i.value ? Fmt(*i.value, spec.decimals) + spec.unit : "no data"));
    desc += (desc.empty() ? "" : " ") + fmt::format("{}.", fmt::join(parts, ", "));
  }
  MarkupWriter w;
  OpenSvg(w, spec.id_prefix, W, H, spec.title, desc, "dy-chart");
  if (!chart.has_data) {
    NoData(w, W, H);
    chart.svg = w.Finish();
    chart.table_html = TableEmpty(spec.title, 2);
    return chart;
  }
  const double x0 = label_w, x1 = W - 56, max = spec.max > 0 ? spec.max : 1;
  for (size_t i = 0; i < spec.items.size(); ++i) {
    const auto& item = spec.items[i];
    const double y = 6 + row * static_cast<double>(i);
    Text(w, x0 - 6, y + 15, item.label, "end");
    w.Void("rect", {{"x", Num(x0)}, {"y", Num(y + 3)}, {"width", Num(x1 - x0)}, {"height", "16"},
                    {"class", "dy-track"}, {"fill", "#eef1f4"}});
    if (item.value) {
      const double len = std::clamp(*item.value / max, 0.0, 1.0) * (x1 - x0);
      w.Void("rect", {{"x", Num(x0)}, {"y", Num(y + 3)}, {"width", Num(len)}, {"height", "16"},
                      {"class", fmt::format("dy-g{}", i % 6)}, {"fill", kFill[i % 6]}});
      Text(w, x0 + len + 5, y + 15, Fmt(*item.value, spec.decimals) + spec.unit);
    } else {
      Text(w, x0 + 5, y + 15, "no data", "start", "dy-muted", kMuted);
    }
  }
  chart.svg = w.Finish();
  chart.table_html = TableStart(spec.title, {"", "Value"});
  for (const auto& item : spec.items)
    TableRow(chart.table_html, item.label, {item.value ? Fmt(*item.value, spec.decimals) + spec.unit : "—"});
  chart.table_html += "</tbody></table>";
  return chart;
}

Chart RenderTimeline(const TimelineSpec& spec) {
  Chart chart;
  double lo = 1e300, hi = -1e300;
  for (const auto& lane : spec.lanes)
    for (const auto& s : lane.spans) {
      lo = std::min(lo, DecimalYear(s.start));
      hi = std::max(hi, DecimalYear(s.end.value_or(s.start)));
    }
  for (const auto& m : spec.marks) {
    lo = std::min(lo, DecimalYear(m.at));
    hi = std::max(hi, DecimalYear(m.at));
  }
  chart.has_data = lo <= hi;
  const double W = spec.width, lane_h = 26, label_w = 130;
  const size_t lanes = spec.lanes.size() + (spec.marks.empty() ? 0 : 1);
  const double H = chart.has_data ? 10 + lane_h * static_cast<double>(lanes) + 26 : 48;
  std::string desc = spec.desc;
  if (!chart.has_data) desc += desc.empty() ? "No data." : " No data.";
  else desc += fmt::format("{}{} lanes from {} to {}.", desc.empty() ? "" : " ", lanes,
                           Num(std::floor(lo), 0), Num(std::floor(hi), 0));
  MarkupWriter w;
  OpenSvg(w, spec.id_prefix, W, H, spec.title, desc, "dy-chart");
  if (!chart.has_data) {
    NoData(w, W, H);
    chart.svg = w.Finish();
    chart.table_html = TableEmpty(spec.title, 4);
    return chart;
  }
  const double from = spec.from.value_or(std::floor(lo)), to = std::max(spec.to.value_or(std::floor(hi) + 1), from + 1);
  const double x0 = label_w, x1 = W - 12;
  auto X = [&](double t) { return x0 + (std::clamp(t, from, to) - from) / (to - from) * (x1 - x0); };
  const double axis_y = 10 + lane_h * static_cast<double>(lanes);
  for (double t : NiceTicks(from, to, 8)) {
    if (t < from || t > to) continue;
    w.Void("line", {{"x1", Num(X(t))}, {"x2", Num(X(t))}, {"y1", "6"}, {"y2", Num(axis_y)},
                    {"class", "dy-grid"}, {"stroke", kGrid}, {"stroke-width", "0.6"}});
    Text(w, X(t), axis_y + 14, Num(t, 0), "middle", "dy-muted", kMuted);
  }
  size_t row = 0;
  std::string table = TableStart(spec.title, {"Lane", "What", "From", "To"});
  for (const auto& lane : spec.lanes) {
    const double y = 10 + lane_h * static_cast<double>(row++);
    Text(w, x0 - 6, y + 15, lane.label, "end");
    for (size_t i = 0; i < lane.spans.size(); ++i) {
      const auto& s = lane.spans[i];
      const double sx = X(DecimalYear(s.start)), ex = std::max(s.end ? X(DecimalYear(*s.end)) : X(to), sx + 2);
      w.Open("rect", {{"x", Num(sx)}, {"y", Num(y + 3)}, {"width", Num(ex - sx)}, {"height", "18"}, {"rx", "2"},
                      {"class", fmt::format("dy-g{}", i % 2)}, {"fill", kFill[i % 2]}});
      const std::string until = s.end ? s.end->ToString() : std::string("present");
      w.Element("title", fmt::format("{}: {} ({}–{})", lane.label, s.label, s.start.ToString(), until));
      w.Close();
      if (ex - sx > 6.2 * static_cast<double>(s.label.size()) + 6)
        Text(w, sx + 3, y + 16, s.label, "start", "dy-onbar", "#0b0b0b");
      TableRow(table, lane.label, {s.label, s.start.ToString(), s.end ? s.end->ToString() : "—"}, 1);
    }
  }
  if (!spec.marks.empty()) {
    const double y = 10 + lane_h * static_cast<double>(row);
    Text(w, x0 - 6, y + 15, spec.marks_label, "end");
    for (const auto& m : spec.marks) {
      const double x = X(DecimalYear(m.at));
      w.Open("path", {{"d", fmt::format("M{} {}l5 7-5 7-5-7z", Num(x), Num(y + 5))}, {"class", "dy-mark"}, {"fill", kInk}});
      w.Element("title", fmt::format("{}: {}", m.at.ToString(), m.label));
      w.Close();
      TableRow(table, spec.marks_label, {m.label, m.at.ToString(), "—"}, 1);
    }
  }
  w.Void("line", {{"x1", Num(x0)}, {"x2", Num(x1)}, {"y1", Num(axis_y)}, {"y2", Num(axis_y)},
                  {"class", "dy-axis"}, {"stroke", kMuted}});
  chart.svg = w.Finish();
  chart.table_html = table + "</tbody></table>";
  return chart;
}

std::string RenderFigure(const Chart& chart, std::string_view caption) {
  MarkupWriter w;
  w.Open("figure", {{"class", "dy-figure"}});
  w.Open("div", {{"class", "dy-figure-chart"}});
  w.Raw(chart.svg);
  w.Close();
  w.Open("div", {{"class", "dy-figure-table"}, {"role", "region"}, {"tabindex", "0"},
                 {"aria-label", fmt::format("Data table: {}", caption)}});
  w.Raw(chart.table_html);
  w.Close();
  if (!caption.empty()) w.Element("figcaption", caption);
  return w.Finish();
}

std::string_view ChartCss() {
  return R"css(@media (prefers-color-scheme: dark) {
  .dy-chart .dy-ink, .dy-chart .dy-onbar { fill: #eef1f3; }
  .dy-chart .dy-onbar { fill: #0b0b0b; }
  .dy-chart .dy-muted { fill: #aab6bf; }
  .dy-chart .dy-grid { stroke: #36414a; }
  .dy-chart .dy-axis { stroke: #8796a1; }
  .dy-chart .dy-zero { stroke: #eef1f3; }
  .dy-chart .dy-track { fill: #26303a; }
  .dy-chart .dy-mark { fill: #eef1f3; }
  .dy-s0 { stroke: #56b4e9; } .dy-dot0 { fill: #56b4e9; }
  .dy-s1 { stroke: #f28c4a; } .dy-dot1 { fill: #f28c4a; }
  .dy-s2 { stroke: #2fc59b; } .dy-dot2 { fill: #2fc59b; }
  .dy-s3 { stroke: #e29ac4; } .dy-dot3 { fill: #e29ac4; }
  .dy-g1 { fill: #3d9ad6; }
}
)css";
}

}  // namespace dyad::graphics
