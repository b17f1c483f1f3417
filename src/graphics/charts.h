// SVG charts (graphics kit): line (monthly series with gaps), bars (stacked or grouped,
// optionally as shares), small horizontal bars (poll results) and a timeline strip.
//
// Every chart comes back with an HTML <table> of the same numbers, for readers who do
// not see the chart, for copying, and for print. SVGs carry role="img", <title> and
// <desc> (which says "No data" when there is none), no script and no external
// reference; colours are presentation attributes plus `dy-*` classes that ChartCss()
// restyles for dark mode. Series are told apart by dash pattern and legend text too,
// not by colour alone. Empty inputs and single points render without error.
#ifndef DYAD_GRAPHICS_CHARTS_H_
#define DYAD_GRAPHICS_CHARTS_H_

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "base/date.h"

namespace dyad::graphics {

struct Series {
  std::string name;
  std::vector<std::optional<double>> values;  // one per x position; nullopt = no data
};

struct LineChartSpec {
  std::string title;  // also the table caption
  std::string desc;   // what the chart shows; a data summary is appended
  std::vector<std::string> x_labels;  // one per x position; "YYYY-MM" labels tick at years
  std::vector<Series> series;         // up to 4 get distinct styles
  std::string x_label = "Month";
  std::string y_label;
  std::optional<double> y_min, y_max;  // default: the data range, widened to nice ticks
  bool zero_line = true;               // draw y = 0 (and include it in the range)
  int decimals = 2;                    // in the table
  int width = 640, height = 260;
  std::string id_prefix = "chart";     // element ids, unique within the page
};

struct BarChartSpec {
  std::string title, desc;
  std::vector<std::string> categories;  // x: one bar (or group) per category
  std::vector<Series> segments;         // stacked layers or grouped bars, values per category
  std::string x_label = "Year";
  std::string y_label;
  bool stacked = true;
  bool percent = false;  // stacked: scale each bar to 100 % (the table keeps the counts)
  int decimals = 0;
  int width = 640, height = 260;
  std::string id_prefix = "bars";
};

struct HBarItem {
  std::string label;
  std::optional<double> value;
};

struct HBarChartSpec {
  std::string title, desc;
  std::vector<HBarItem> items;
  std::string unit = "%";  // appended to value labels
  double max = 100;        // the full bar length
  int decimals = 0;
  int width = 420;
  std::string id_prefix = "hbars";
};

// Spans and marks are placed at their dates (DecimalYear); the table shows the dates as
// written (ISO/EDTF, "1994-02~").
struct TimelineSpan {
  std::string label;
  Date start;
  std::optional<Date> end;  // nullopt: continues to the axis end (drawn with an arrow)
};

struct TimelineLane {
  std::string label;
  std::vector<TimelineSpan> spans;
};

struct TimelineMark {
  std::string label;
  Date at;
};

struct TimelineSpec {
  std::string title, desc;
  std::vector<TimelineLane> lanes;
  std::vector<TimelineMark> marks;  // dated events, drawn on their own lane
  std::string marks_label = "Events";
  std::optional<double> from, to;  // axis ends in decimal years; default: the data range, whole years
  int width = 640;
  std::string id_prefix = "timeline";
};

struct Chart {
  std::string svg;
  std::string table_html;  // <table> with <caption>
  bool has_data = false;
};

Chart RenderLineChart(const LineChartSpec& spec);
Chart RenderBarChart(const BarChartSpec& spec);
Chart RenderHBarChart(const HBarChartSpec& spec);
Chart RenderTimeline(const TimelineSpec& spec);

// A <figure>: the chart and, beside it (below on narrow screens), its table in a
// scrollable region; `caption` (escaped) becomes the <figcaption>.
std::string RenderFigure(const Chart& chart, std::string_view caption);

// Dark-mode rules for the chart classes.
std::string_view ChartCss();

// The start of a date's period in decimal years (2001-07 = 2001.5). Approximate and
// uncertain dates ("1994-02~") are placed where their period starts.
double DecimalYear(const Date& date);

}  // namespace dyad::graphics

#endif  // DYAD_GRAPHICS_CHARTS_H_
