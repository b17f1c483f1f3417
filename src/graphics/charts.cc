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
constexpr double kEmptyHeight = 48;  // the height of a chart that says "No data"

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

// The plot area of a line or bar chart `width` × `height` pixels, for values vmin..vmax.
Frame PlotFrame(double width, double height, double vmin, double vmax) {
  return {48, 30, width - 12, height - 34, vmin, vmax};
}

// The smallest of 1, 2, 2.5, 5 and 10 times a power of ten that is at least `raw`.
double NiceStep(double raw) {
  const double mag = std::pow(10, std::floor(std::log10(raw)));
  for (double m : {1.0, 2.0, 2.5, 5.0, 10.0})
    if (m * mag >= raw) return m * mag;
  return 10 * mag;
}

// Multiples of `step` from `first` to `last`, with values within rounding of 0 written as 0.
std::vector<double> TicksBetween(double first, double last, double step) {
  std::vector<double> ticks;
  for (double v = first; v <= last + step * 1e-9; v += step) ticks.push_back(std::abs(v) < step * 1e-9 ? 0 : v);
  return ticks;
}

// About `target` round tick values covering [lo, hi].
std::vector<double> NiceTicks(double lo, double hi, int target) {
  if (!(hi > lo)) hi = lo + 1;
  const double step = NiceStep((hi - lo) / target);
  std::vector<double> ticks =
      TicksBetween(std::floor(lo / step + 1e-9) * step, std::ceil(hi / step - 1e-9) * step, step);
  if (ticks.size() < 2) ticks.push_back(ticks.back() + step);
  return ticks;
}

std::string Fmt(double v, int decimals) { return Num(v, decimals); }

// "desc summary", or just the summary when there is no description.
std::string WithSummary(const std::string& desc, const std::string& summary) {
  return desc + (desc.empty() ? "" : " ") + summary;
}

void OpenSvg(MarkupWriter& w, const std::string& prefix, double width, double height, std::string_view title,
             std::string_view desc) {
  w.Open("svg", {{"xmlns", "http://www.w3.org/2000/svg"},
                 {"viewBox", fmt::format("0 0 {} {}", Num(width), Num(height))}, {"width", Num(width)},
                 {"height", Num(height)}, {"role", "img"}, {"aria-labelledby", prefix + "-title " + prefix + "-desc"},
                 {"class", "dy-chart"}, {"font-family", kFont}, {"font-size", Num(kFontSize)}});
  w.Element("title", title, {{"id", prefix + "-title"}});
  w.Element("desc", desc, {{"id", prefix + "-desc"}});
}

void Text(MarkupWriter& w, double x, double y, std::string_view text, std::string_view anchor = "start",
          std::string_view cls = "dy-ink", const char* fill = kInk) {
  w.Element("text", text, {{"x", Num(x)}, {"y", Num(y)}, {"text-anchor", anchor}, {"class", cls}, {"fill", fill}});
}

// Axis labels and notes, in the muted colour.
void MutedText(MarkupWriter& w, double x, double y, std::string_view text, std::string_view anchor = "middle") {
  Text(w, x, y, text, anchor, "dy-muted", kMuted);
}

// A line from (x1, y1) to (x2, y2); an empty `width` leaves the stroke width unset.
void Line(MarkupWriter& w, double x1, double x2, double y1, double y2, std::string_view cls, const char* stroke,
          std::string_view width = {}) {
  w.Void("line", {{"x1", Num(x1)}, {"x2", Num(x2)}, {"y1", Num(y1)}, {"y2", Num(y2)}, {"class", cls},
                  {"stroke", stroke}, {"stroke-width", width}});
}

// The horizontal axis line under the plot area.
void Baseline(MarkupWriter& w, double x0, double x1, double y) { Line(w, x0, x1, y, y, "dy-axis", kMuted); }

// The x axis title, centred under the plot area.
void AxisTitle(MarkupWriter& w, const Frame& f, double height, std::string_view label) {
  MutedText(w, (f.x0 + f.x1) / 2, height - 4, label);
}

void YTitle(MarkupWriter& w, const Frame& f, std::string_view label) {
  if (label.empty()) return;
  w.Element("text", label,
            {{"transform", fmt::format("translate(11 {}) rotate(-90)", Num((f.y0 + f.y1) / 2))},
             {"text-anchor", "middle"}, {"class", "dy-muted"}, {"fill", kMuted}});
}

// A value tick: a grid line across the plot area, labelled at the left.
void YTick(MarkupWriter& w, const Frame& f, double t, int decimals) {
  Line(w, f.x0, f.x1, f.Y(t), f.Y(t), "dy-grid", kGrid, "0.6");
  MutedText(w, f.x0 - 5, f.Y(t) + 3.5, Fmt(t, decimals), "end");
}

void YAxis(MarkupWriter& w, const Frame& f, const std::vector<double>& ticks, int decimals, std::string_view label) {
  for (double t : ticks) YTick(w, f, t, decimals);
  YTitle(w, f, label);
}

int TickDecimals(const std::vector<double>& ticks) {
  const double step = ticks.size() > 1 ? std::abs(ticks[1] - ticks[0]) : 1;
  return step >= 1 ? 0 : step >= 0.1 ? 1 : 2;
}

bool IsYearMonth(std::string_view s) {
  return s.size() == 7 && s[4] == '-' && std::all_of(s.begin(), s.begin() + 4, ::isdigit) && ::isdigit(s[5]) &&
         ::isdigit(s[6]);
}

using Ticks = std::vector<std::pair<size_t, std::string>>;

// The positions of the January labels ("YYYY-01"), or the first position when there is none.
std::vector<size_t> Januaries(const std::vector<std::string>& labels) {
  std::vector<size_t> jan;
  for (size_t i = 0; i < labels.size(); ++i)
    if (labels[i].substr(5) == "01") jan.push_back(i);
  if (jan.empty()) jan.push_back(0);
  return jan;
}

// Monthly labels tick at January of every k-th year, labelled with the year.
Ticks YearTicks(const std::vector<std::string>& labels, size_t max_ticks) {
  Ticks ticks;
  const std::vector<size_t> jan = Januaries(labels);
  const size_t k = (jan.size() + max_ticks - 1) / max_ticks;
  for (size_t j = 0; j < jan.size(); j += k) ticks.push_back({jan[j], labels[jan[j]].substr(0, 4)});
  return ticks;
}

// Tick positions and labels for x labels: at January for monthly labels (every k-th
// year), else every k-th label, at most `max_ticks`.
Ticks XTicks(const std::vector<std::string>& labels, size_t max_ticks) {
  const size_t n = labels.size();
  if (n == 0) return {};
  if (std::all_of(labels.begin(), labels.end(), IsYearMonth)) return YearTicks(labels, max_ticks);
  Ticks ticks;
  const size_t k = std::max<size_t>(1, (n + max_ticks - 1) / max_ticks);
  for (size_t i = 0; i < n; i += k) ticks.push_back({i, labels[i]});
  return ticks;
}

// ---- tables -------------------------------------------------------------------------------

void TableOpen(MarkupWriter& t, std::string_view caption) {
  t.Open("table", {{"class", "dy-table"}});
  t.Element("caption", caption);
}

std::string TableStart(std::string_view caption, const std::vector<std::string>& header) {
  MarkupWriter t;
  TableOpen(t, caption);
  t.Open("thead");
  t.Open("tr");
  for (const auto& h : header) t.Element("th", h, {{"scope", "col"}});
  t.CloseTo(1);
  t.Open("tbody");
  return t.str();
}

std::string TableEnd(const std::string& html) { return html + "</tbody></table>"; }

// A row: a row header, then cells; cells from `first_numeric` on are right-aligned numbers.
void TableRow(std::string& html, std::string_view head, const std::vector<std::string>& cells,
              size_t first_numeric = 0) {
  MarkupWriter t;
  t.Open("tr");
  t.Element("th", head, {{"scope", "row"}});
  for (size_t i = 0; i < cells.size(); ++i)
    t.Element("td", cells[i], {{"class", i >= first_numeric ? "dy-num" : std::string_view()}});
  html += t.Finish();
}

std::string TableEmpty(std::string_view caption, size_t columns) {
  MarkupWriter t;
  TableOpen(t, caption);
  t.Open("tbody");
  t.Open("tr");
  t.Element("td", "No data", {{"colspan", std::to_string(std::max<size_t>(1, columns))}});
  return t.Finish();
}

// Table cells keep a fixed number of decimals so columns line up ("2.00", "1.21").
std::string Cell(const std::optional<double>& v, int decimals) {
  return v ? fmt::format("{:.{}f}", *v, std::max(0, decimals)) : "—";
}

std::optional<double> At(const Series& s, size_t i) { return i < s.values.size() ? s.values[i] : std::nullopt; }

// The cells of row `i`: one per series.
std::vector<std::string> Cells(const std::vector<Series>& series, size_t i, int decimals) {
  std::vector<std::string> cells;
  for (const Series& s : series) cells.push_back(Cell(At(s, i), decimals));
  return cells;
}

std::vector<std::string> Names(const std::vector<Series>& series) {
  std::vector<std::string> names;
  for (const Series& s : series) names.push_back(s.name);
  return names;
}

// The header of a table with one row per x position: the x label, then the series names.
std::vector<std::string> Header(const std::string& first, const std::vector<Series>& series) {
  std::vector<std::string> header{first};
  for (const Series& s : series) header.push_back(s.name);
  return header;
}

// The chart of no data: a short SVG that says so and a one-cell table.
Chart EmptyChart(const std::string& prefix, double width, const std::string& title, const std::string& desc,
                 size_t columns) {
  MarkupWriter w;
  OpenSvg(w, prefix, width, kEmptyHeight, title, WithSummary(desc, "No data."));
  MutedText(w, width / 2, kEmptyHeight / 2, "No data");
  return {w.Finish(), TableEmpty(title, columns), false};
}

// ---- legend -------------------------------------------------------------------------------

// The key of series i: a short line in its colour and dash, or a square in its fill.
void LegendKey(MarkupWriter& w, double x, double y, size_t i, bool lines) {
  if (!lines) {
    w.Void("rect", {{"x", Num(x)}, {"y", Num(y - 10)}, {"width", "12"}, {"height", "12"},
                    {"class", fmt::format("dy-g{}", i % 6)}, {"fill", kFill[i % 6]}});
    return;
  }
  w.Void("line", {{"x1", Num(x)}, {"x2", Num(x + 22)}, {"y1", Num(y - 4)}, {"y2", Num(y - 4)},
                  {"class", fmt::format("dy-s{}", i % 4)}, {"stroke", kLine[i % 4]}, {"stroke-width", "2.2"},
                  {"stroke-dasharray", DashAttr(i % 4)}});
}

// The key and name of series i at x; returns the width taken.
double LegendEntry(MarkupWriter& w, double x, double y, const std::string& name, size_t i, bool lines) {
  LegendKey(w, x, y, i, lines);
  Text(w, x + (lines ? 27 : 16), y, name);
  return (lines ? 35 : 24) + 6.2 * static_cast<double>(name.size());
}

void Legend(MarkupWriter& w, double x, double y, const std::vector<std::string>& names, bool lines) {
  for (size_t i = 0; i < names.size(); ++i) x += LegendEntry(w, x, y, names[i], i, lines);
}

// ---- line chart ---------------------------------------------------------------------------

// The range of the values seen.
struct Range {
  double lo = 1e300, hi = -1e300;
  size_t points = 0;
  void Add(double v) { Add(v, v); }
  void Add(double low, double high) {
    lo = std::min(lo, low);
    hi = std::max(hi, high);
    ++points;
  }
};

// The x position of label i of n, spread over x0..x1 (a single label sits in the middle).
struct XScale {
  double x0, x1;
  size_t n;
  double operator()(size_t i) const {
    if (n == 1) return (x0 + x1) / 2;
    return x0 + (x1 - x0) * static_cast<double>(i) / static_cast<double>(n - 1);
  }
};

// The range of the values that have an x position.
Range ValueRange(const LineChartSpec& spec) {
  Range r;
  for (const Series& s : spec.series)
    for (size_t i = 0; i < std::min(spec.x_labels.size(), s.values.size()); ++i)
      if (s.values[i]) r.Add(*s.values[i]);
  return r;
}

std::string LineDesc(const LineChartSpec& spec, const Range& r) {
  return WithSummary(spec.desc, fmt::format("{} series over {} periods ({} to {}); values from {} to {}.",
                                            spec.series.size(), spec.x_labels.size(), spec.x_labels.front(),
                                            spec.x_labels.back(), Fmt(r.lo, spec.decimals), Fmt(r.hi, spec.decimals)));
}

// The range to cover: the data's (with 0 when the zero line is drawn), or the spec's ends.
std::pair<double, double> PlotRange(const LineChartSpec& spec, const Range& r) {
  const double lo = spec.zero_line ? std::min(r.lo, 0.0) : r.lo;
  const double hi = spec.zero_line ? std::max(r.hi, 0.0) : r.hi;
  return {spec.y_min.value_or(lo), spec.y_max.value_or(hi)};
}

// The frame's values run from lo..hi widened to the ticks, unless the spec fixes an end.
Frame LineFrame(const LineChartSpec& spec, double lo, double hi, const std::vector<double>& ticks) {
  Frame f = PlotFrame(spec.width, spec.height, spec.y_min.value_or(std::min(lo, ticks.front())),
                      spec.y_max.value_or(std::max(hi, ticks.back())));
  if (f.vmax <= f.vmin) f.vmax = f.vmin + 1;
  return f;
}

// A tick mark under the plot area at x, labelled below.
void XTick(MarkupWriter& w, const Frame& f, double x, std::string_view label) {
  Line(w, x, x, f.y1, f.y1 + 4, "dy-axis", kMuted);
  MutedText(w, x, f.y1 + 16, label);
}

void XAxisTicks(MarkupWriter& w, const Frame& f, const XScale& x, const std::vector<std::string>& labels) {
  for (const auto& [i, label] : XTicks(labels, 10)) XTick(w, f, x(i), label);
}

void ZeroLine(MarkupWriter& w, const LineChartSpec& spec, const Frame& f) {
  if (!spec.zero_line || f.vmin >= 0 || f.vmax <= 0) return;
  Line(w, f.x0, f.x1, f.Y(0), f.Y(0), "dy-zero", kInk, "1");
}

// The path of a series: "M" after every gap. Points with no neighbour go to `lone`.
std::string PathData(const Frame& f, const XScale& x, const std::vector<std::optional<double>>& v,
                     std::vector<size_t>* lone) {
  std::string d;
  const size_t n = std::min(x.n, v.size());
  for (size_t i = 0; i < n; ++i) {
    if (!v[i]) continue;
    const bool prev = i > 0 && v[i - 1].has_value();
    const bool next = i + 1 < n && v[i + 1].has_value();
    if (!prev && !next) lone->push_back(i);
    d += fmt::format("{}{} {}", prev ? "L" : "M", Num(x(i)), Num(f.Y(*v[i])));
  }
  return d;
}

// Series s as a line in its colour and dash; points with no neighbour also get a dot.
void DrawSeries(MarkupWriter& w, const Frame& f, const XScale& x, const std::vector<std::optional<double>>& v,
                size_t s) {
  std::vector<size_t> lone;
  w.Void("path", {{"d", PathData(f, x, v, &lone)}, {"class", fmt::format("dy-s{}", s % 4)}, {"fill", "none"},
                  {"stroke", kLine[s % 4]}, {"stroke-width", "2"}, {"stroke-linejoin", "round"},
                  {"stroke-dasharray", DashAttr(s % 4)}});
  for (size_t i : lone)
    w.Void("circle", {{"cx", Num(x(i))}, {"cy", Num(f.Y(*v[i]))}, {"r", "2.5"},
                      {"class", fmt::format("dy-dot{}", s % 4)}, {"fill", kLine[s % 4]}});
}

// The x axis, the zero line and the series.
void LinePlot(MarkupWriter& w, const LineChartSpec& spec, const Frame& f) {
  const XScale x{f.x0, f.x1, spec.x_labels.size()};
  XAxisTicks(w, f, x, spec.x_labels);
  AxisTitle(w, f, spec.height, spec.x_label);
  ZeroLine(w, spec, f);
  Baseline(w, f.x0, f.x1, f.y1);
  for (size_t s = 0; s < spec.series.size(); ++s) DrawSeries(w, f, x, spec.series[s].values, s);
}

std::string LineTable(const LineChartSpec& spec) {
  std::string html = TableStart(spec.title, Header(spec.x_label, spec.series));
  for (size_t i = 0; i < spec.x_labels.size(); ++i)
    TableRow(html, spec.x_labels[i], Cells(spec.series, i, spec.decimals));
  return TableEnd(html);
}

// ---- bar chart ----------------------------------------------------------------------------

struct BarTotals {
  std::vector<double> totals;  // per category: the sum of its positive values
  double hi = 0;               // the largest single value
  bool any = false;            // any value at all
};

BarTotals Totals(const BarChartSpec& spec) {
  BarTotals t{std::vector<double>(spec.categories.size(), 0)};
  for (size_t c = 0; c < spec.categories.size(); ++c)
    for (const Series& s : spec.segments) {
      if (!At(s, c)) continue;
      t.any = true;
      t.totals[c] += std::max(0.0, *s.values[c]);
      t.hi = std::max(t.hi, *s.values[c]);
    }
  return t;
}

std::string BarDesc(const BarChartSpec& spec) {
  return WithSummary(
      spec.desc, fmt::format("{} categories ({} to {}), {} {} each.", spec.categories.size(), spec.categories.front(),
                             spec.categories.back(), spec.segments.size(), spec.stacked ? "stacked parts" : "bars"));
}

bool Percent(const BarChartSpec& spec) { return spec.stacked && spec.percent; }

// The top of the value axis before rounding to ticks: 100 %, the largest stack or bar.
double BarTop(const BarChartSpec& spec, const BarTotals& t) {
  if (Percent(spec)) return 100;
  return spec.stacked ? *std::max_element(t.totals.begin(), t.totals.end()) : t.hi;
}

std::string_view BarYLabel(const BarChartSpec& spec) {
  if (Percent(spec) && spec.y_label.empty()) return "Share (%)";
  return spec.y_label;
}

struct Rect {
  double x, y, w, h;
};

// Where segment s of the bar at x goes: stacked on `*acc` (which grows by the value), or
// side by side with the other segments.
Rect SegmentRect(const BarChartSpec& spec, const Frame& f, double x, double bar, size_t s, double value, double* acc) {
  if (!spec.stacked) {
    const double bw = bar / static_cast<double>(spec.segments.size());
    return {x + bw * static_cast<double>(s), f.Y(value), bw, std::max(0.0, f.Y(0) - f.Y(value))};
  }
  const double below = f.Y(*acc);
  *acc += value;
  return {x, f.Y(*acc), bar, std::max(0.0, below - f.Y(*acc))};
}

void DrawSegment(MarkupWriter& w, const Rect& r, size_t s, const std::string& title) {
  w.Open("rect", {{"x", Num(r.x)}, {"y", Num(r.y)}, {"width", Num(r.w)}, {"height", Num(r.h)},
                  {"class", fmt::format("dy-g{}", s % 6)}, {"fill", kFill[s % 6]}});
  w.Element("title", title);
  w.Close();
}

// The segments of category c (positive values only), as shares of `total` when in percent.
void DrawCategory(MarkupWriter& w, const BarChartSpec& spec, const Frame& f, double total, size_t c, double x,
                  double bar) {
  double acc = 0;
  for (size_t s = 0; s < spec.segments.size(); ++s) {
    const std::optional<double> v = At(spec.segments[s], c);
    if (!v || *v <= 0) continue;
    const double value = Percent(spec) ? (total > 0 ? *v / total * 100 : 0) : *v;
    DrawSegment(w, SegmentRect(spec, f, x, bar, s, value, &acc), s,
                fmt::format("{}, {}: {}", spec.categories[c], spec.segments[s].name, Fmt(*v, spec.decimals)));
  }
}

// Category labels under their bars, thinned to one per 44 pixels.
void CategoryLabels(MarkupWriter& w, const BarChartSpec& spec, const Frame& f, double slot) {
  const size_t n = spec.categories.size();
  const size_t max_ticks = std::max<size_t>(1, static_cast<size_t>((f.x1 - f.x0) / 44));
  const size_t k = (n + max_ticks - 1) / max_ticks;
  for (size_t c = 0; c < n; c += k)
    MutedText(w, f.x0 + slot * (static_cast<double>(c) + 0.5), f.y1 + 16, spec.categories[c]);
}

void BarPlot(MarkupWriter& w, const BarChartSpec& spec, const Frame& f, const BarTotals& t) {
  const double slot = (f.x1 - f.x0) / static_cast<double>(spec.categories.size());
  const double bar = std::max(1.0, slot * 0.72);
  for (size_t c = 0; c < spec.categories.size(); ++c)
    DrawCategory(w, spec, f, t.totals[c], c, f.x0 + slot * static_cast<double>(c) + (slot - bar) / 2, bar);
  CategoryLabels(w, spec, f, slot);
  AxisTitle(w, f, spec.height, spec.x_label);
  Baseline(w, f.x0, f.x1, f.y1);
}

// One row per category; stacked bars add a total column. The table keeps the counts.
std::string BarTable(const BarChartSpec& spec, const BarTotals& t) {
  std::vector<std::string> header = Header(spec.x_label, spec.segments);
  if (spec.stacked) header.push_back("Total");
  std::string html = TableStart(spec.title, header);
  for (size_t c = 0; c < spec.categories.size(); ++c) {
    std::vector<std::string> cells = Cells(spec.segments, c, spec.decimals);
    if (spec.stacked) cells.push_back(Fmt(t.totals[c], spec.decimals));
    TableRow(html, spec.categories[c], cells);
  }
  return TableEnd(html);
}

// ---- horizontal bars ----------------------------------------------------------------------

constexpr double kHBarRow = 24, kHBarLabel = 110;

std::string HBarValue(const HBarChartSpec& spec, const HBarItem& item, std::string_view none) {
  return item.value ? Fmt(*item.value, spec.decimals) + spec.unit : std::string(none);
}

std::string HBarDesc(const HBarChartSpec& spec) {
  std::vector<std::string> parts;
  for (const HBarItem& i : spec.items) parts.push_back(i.label + " " + HBarValue(spec, i, "no data"));
  return WithSummary(spec.desc, fmt::format("{}.", fmt::join(parts, ", ")));
}

// The bar of item i, a share `part` of the track x0..x1, and its value after it.
void HBar(MarkupWriter& w, const HBarChartSpec& spec, size_t i, double x0, double x1, double y, double part) {
  const double len = std::clamp(part, 0.0, 1.0) * (x1 - x0);
  w.Void("rect", {{"x", Num(x0)}, {"y", Num(y + 3)}, {"width", Num(len)}, {"height", "16"},
                  {"class", fmt::format("dy-g{}", i % 6)}, {"fill", kFill[i % 6]}});
  Text(w, x0 + len + 5, y + 15, HBarValue(spec, spec.items[i], ""));
}

// Item i: its label, the track, and the bar with its value (or "no data").
void HBarRow(MarkupWriter& w, const HBarChartSpec& spec, size_t i, double x0, double x1) {
  const HBarItem& item = spec.items[i];
  const double y = 6 + kHBarRow * static_cast<double>(i);
  Text(w, x0 - 6, y + 15, item.label, "end");
  w.Void("rect", {{"x", Num(x0)}, {"y", Num(y + 3)}, {"width", Num(x1 - x0)}, {"height", "16"}, {"class", "dy-track"},
                  {"fill", "#eef1f4"}});
  if (item.value)
    HBar(w, spec, i, x0, x1, y, *item.value / (spec.max > 0 ? spec.max : 1));
  else
    MutedText(w, x0 + 5, y + 15, "no data", "start");
}

std::string HBarTable(const HBarChartSpec& spec) {
  std::string html = TableStart(spec.title, {"", "Value"});
  for (const HBarItem& item : spec.items) TableRow(html, item.label, {HBarValue(spec, item, "—")});
  return TableEnd(html);
}

// ---- timeline -----------------------------------------------------------------------------

constexpr double kLaneHeight = 26, kLaneLabel = 130;

// The decimal years the spans and marks cover.
Range YearRange(const TimelineSpec& spec) {
  Range r;
  for (const TimelineLane& lane : spec.lanes)
    for (const TimelineSpan& s : lane.spans) r.Add(DecimalYear(s.start), DecimalYear(s.end.value_or(s.start)));
  for (const TimelineMark& m : spec.marks) r.Add(DecimalYear(m.at));
  return r;
}

size_t LaneCount(const TimelineSpec& spec) { return spec.lanes.size() + (spec.marks.empty() ? 0 : 1); }

double LaneTop(size_t lane) { return 10 + kLaneHeight * static_cast<double>(lane); }

std::string TimelineDesc(const TimelineSpec& spec, const Range& r) {
  return WithSummary(spec.desc, fmt::format("{} lanes from {} to {}.", LaneCount(spec), Num(std::floor(r.lo), 0),
                                            Num(std::floor(r.hi), 0)));
}

// Decimal years `from`..`to` onto pixels x0..x1, clamping dates outside.
struct TimeScale {
  double from, to, x0, x1;
  double operator()(double t) const { return x0 + (std::clamp(t, from, to) - from) / (to - from) * (x1 - x0); }
};

// The axis runs over whole years: the spec's ends, else the data's, at least one year.
TimeScale TimeAxis(const TimelineSpec& spec, const Range& r) {
  const double from = spec.from.value_or(std::floor(r.lo));
  const double to = std::max(spec.to.value_or(std::floor(r.hi) + 1), from + 1);
  return {from, to, kLaneLabel, static_cast<double>(spec.width) - 12};
}

// A year line from the top to the axis, labelled below the axis.
void YearLine(MarkupWriter& w, double x, double axis_y, double year) {
  Line(w, x, x, 6, axis_y, "dy-grid", kGrid, "0.6");
  MutedText(w, x, axis_y + 14, Num(year, 0));
}

void YearGrid(MarkupWriter& w, const TimeScale& x, double axis_y) {
  for (double t : NiceTicks(x.from, x.to, 8))
    if (t >= x.from && t <= x.to) YearLine(w, x(t), axis_y, t);
}

// Span i of a lane: a bar to its end (or to the axis end), labelled inside when it fits.
void DrawSpan(MarkupWriter& w, const TimeScale& x, const TimelineLane& lane, size_t i, double y) {
  const TimelineSpan& s = lane.spans[i];
  const double sx = x(DecimalYear(s.start));
  const double ex = std::max(s.end ? x(DecimalYear(*s.end)) : x(x.to), sx + 2);
  w.Open("rect", {{"x", Num(sx)}, {"y", Num(y + 3)}, {"width", Num(ex - sx)}, {"height", "18"}, {"rx", "2"},
                  {"class", fmt::format("dy-g{}", i % 2)}, {"fill", kFill[i % 2]}});
  const std::string until = s.end ? s.end->ToString() : std::string("present");
  w.Element("title", fmt::format("{}: {} ({}–{})", lane.label, s.label, s.start.ToString(), until));
  w.Close();
  if (ex - sx > 6.2 * static_cast<double>(s.label.size()) + 6)
    Text(w, sx + 3, y + 16, s.label, "start", "dy-onbar", "#0b0b0b");
}

void DrawLane(MarkupWriter& w, const TimeScale& x, const TimelineLane& lane, double y) {
  Text(w, x.x0 - 6, y + 15, lane.label, "end");
  for (size_t i = 0; i < lane.spans.size(); ++i) DrawSpan(w, x, lane, i, y);
}

// The marks as diamonds on their own lane, the last one.
void DrawMarks(MarkupWriter& w, const TimelineSpec& spec, const TimeScale& x, double y) {
  if (spec.marks.empty()) return;
  Text(w, x.x0 - 6, y + 15, spec.marks_label, "end");
  for (const TimelineMark& m : spec.marks) {
    w.Open("path", {{"d", fmt::format("M{} {}l5 7-5 7-5-7z", Num(x(DecimalYear(m.at))), Num(y + 5))},
                    {"class", "dy-mark"}, {"fill", kInk}});
    w.Element("title", fmt::format("{}: {}", m.at.ToString(), m.label));
    w.Close();
  }
}

// One row per span (lane by lane), then one per mark.
std::string TimelineTable(const TimelineSpec& spec) {
  std::string html = TableStart(spec.title, {"Lane", "What", "From", "To"});
  for (const TimelineLane& lane : spec.lanes)
    for (const TimelineSpan& s : lane.spans)
      TableRow(html, lane.label, {s.label, s.start.ToString(), s.end ? s.end->ToString() : "—"}, 1);
  for (const TimelineMark& m : spec.marks) TableRow(html, spec.marks_label, {m.label, m.at.ToString(), "—"}, 1);
  return TableEnd(html);
}

}  // namespace

double DecimalYear(const Date& d) {
  double y = d.year();
  if (d.month() > 0) y += (d.month() - 1) / 12.0;
  if (d.day() > 0) y += (d.day() - 1) / 365.0;
  return y;
}

Chart RenderLineChart(const LineChartSpec& spec) {
  const Range r = ValueRange(spec);
  if (r.points == 0) return EmptyChart(spec.id_prefix, spec.width, spec.title, spec.desc, spec.series.size() + 1);
  const auto [lo, hi] = PlotRange(spec, r);
  const std::vector<double> ticks = NiceTicks(lo, hi, 5);
  const Frame f = LineFrame(spec, lo, hi, ticks);
  MarkupWriter w;
  OpenSvg(w, spec.id_prefix, spec.width, spec.height, spec.title, LineDesc(spec, r));
  YAxis(w, f, ticks, TickDecimals(ticks), spec.y_label);
  LinePlot(w, spec, f);
  Legend(w, f.x0, 16, Names(spec.series), true);
  return {w.Finish(), LineTable(spec), true};
}

Chart RenderBarChart(const BarChartSpec& spec) {
  const BarTotals t = Totals(spec);
  if (!t.any) return EmptyChart(spec.id_prefix, spec.width, spec.title, spec.desc, spec.segments.size() + 1);
  const double top = BarTop(spec, t);
  const std::vector<double> ticks = NiceTicks(0, top, 5);
  const Frame f = PlotFrame(spec.width, spec.height, 0, Percent(spec) ? 100 : std::max(top, ticks.back()));
  MarkupWriter w;
  OpenSvg(w, spec.id_prefix, spec.width, spec.height, spec.title, BarDesc(spec));
  YAxis(w, f, ticks, TickDecimals(ticks), BarYLabel(spec));
  BarPlot(w, spec, f, t);
  Legend(w, f.x0, 16, Names(spec.segments), false);
  return {w.Finish(), BarTable(spec, t), true};
}

Chart RenderHBarChart(const HBarChartSpec& spec) {
  const auto has_value = [](const HBarItem& i) { return i.value.has_value(); };
  if (std::none_of(spec.items.begin(), spec.items.end(), has_value))
    return EmptyChart(spec.id_prefix, spec.width, spec.title, spec.desc, 2);
  const double height = kHBarRow * static_cast<double>(spec.items.size()) + 12;
  MarkupWriter w;
  OpenSvg(w, spec.id_prefix, spec.width, height, spec.title, HBarDesc(spec));
  for (size_t i = 0; i < spec.items.size(); ++i) HBarRow(w, spec, i, kHBarLabel, spec.width - 56);
  return {w.Finish(), HBarTable(spec), true};
}

Chart RenderTimeline(const TimelineSpec& spec) {
  const Range r = YearRange(spec);
  if (r.points == 0) return EmptyChart(spec.id_prefix, spec.width, spec.title, spec.desc, 4);
  const double axis_y = LaneTop(LaneCount(spec));
  const TimeScale x = TimeAxis(spec, r);
  MarkupWriter w;
  OpenSvg(w, spec.id_prefix, spec.width, axis_y + 26, spec.title, TimelineDesc(spec, r));
  YearGrid(w, x, axis_y);
  for (size_t lane = 0; lane < spec.lanes.size(); ++lane) DrawLane(w, x, spec.lanes[lane], LaneTop(lane));
  DrawMarks(w, spec, x, LaneTop(spec.lanes.size()));
  Baseline(w, x.x0, x.x1, axis_y);
  return {w.Finish(), TimelineTable(spec), true};
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
