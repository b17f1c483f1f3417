#include "demo_page.h"

#include <fmt/format.h>

#include <chrono>
#include <cmath>

#include "graphics/charts.h"
#include "report/html_page.h"
#include "graphics/markup.h"

namespace dyad::report {

using namespace graphics;  // NOLINT: the drawing kit below report
namespace {

double Ms(std::chrono::steady_clock::time_point since) {
  return std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - since).count();
}

LineChartSpec DemoLine() {
  LineChartSpec spec;
  spec.title = "Mean Goldstein score by month, both directions";
  spec.desc = "Sample series: mean Goldstein score of events from each side to the other.";
  spec.y_label = "Mean Goldstein score";
  spec.id_prefix = "goldstein";
  Series ab{"Kyrgyzstan → United States", {}}, ba{"United States → Kyrgyzstan", {}};
  for (int i = 0; i < 72; ++i) {
    spec.x_labels.push_back(fmt::format("{}-{:02}", 2010 + i / 12, i % 12 + 1));
    const double t = i / 6.0;
    ab.values.push_back(i >= 20 && i < 24 ? std::nullopt : std::optional<double>(2.5 * std::sin(t) + 0.8));
    ba.values.push_back(i == 40 || i == 42 ? std::nullopt : std::optional<double>(1.8 * std::cos(t * 0.7) - 0.4));
  }
  spec.series = {ab, ba};
  return spec;
}

BarChartSpec DemoBars() {
  BarChartSpec spec;
  spec.title = "Events by quad class and year";
  spec.desc = "Sample counts of events in the four CAMEO quad classes.";
  spec.id_prefix = "quad";
  spec.percent = true;
  spec.categories = {"2010", "2011", "2012", "2013", "2014", "2015"};
  spec.segments = {{"Verbal cooperation", {120, 98, 143, 110, 90, 75}},
                   {"Material cooperation", {40, 35, 52, 30, 28, 20}},
                   {"Verbal conflict", {22, 18, 25, 30, 41, 60}},
                   {"Material conflict", {5, 3, 4, 8, 6, 12}}};
  return spec;
}

HBarChartSpec DemoPoll() {
  HBarChartSpec spec;
  spec.title = "Approval of U.S. leadership in Kyrgyzstan, 2012";
  spec.desc = "Sample poll shares.";
  spec.id_prefix = "poll";
  spec.items = {{"Approve", 34}, {"Disapprove", 43}, {"Uncertain", 23}};
  return spec;
}

TimelineSpec DemoTimeline() {
  TimelineSpec spec;
  spec.title = "Chiefs of mission and installations";
  spec.desc = "Sample spans.";
  spec.id_prefix = "tl";
  auto d = [](const char* iso) { return Date::Parse(iso).value(); };
  spec.lanes = {{"U.S. ambassador", {{"Ambassador A", d("2008-07"), d("2011-08")}, {"Ambassador B", d("2011-10"), d("2014-12")},
                                     {"Ambassador C", d("2015-02"), std::nullopt}}},
                {"Air base", {{"Transit center", d("2001-12"), d("2014-06")}}}};
  spec.marks = {{"Treaty terminated", d("2015-07")}, {"Secretary of State visit", d("2015-11")}};
  spec.to = 2018;
  return spec;
}

}  // namespace

Result<std::string> BuildDemoPage(const MapData& data, DemoTimings* timings) {
  auto t0 = std::chrono::steady_clock::now();
  LocatorMapSpec map_spec;
  map_spec.a = {"417", "KGZ", "Kyrgyzstan", "Bishkek", 42.87, 74.59};
  map_spec.b = {"840", "USA", "United States", "Washington, D.C.", 38.9, -77.04};
  map_spec.width = 400;
  map_spec.height = 300;
  DYAD_ASSIGN_OR_RETURN(LocatorMap map, RenderLocatorMap(map_spec, data));
  if (timings) timings->map_ms = Ms(t0);

  auto t1 = std::chrono::steady_clock::now();
  const Chart line = RenderLineChart(DemoLine());
  const Chart bars = RenderBarChart(DemoBars());
  const Chart poll = RenderHBarChart(DemoPoll());
  const Chart timeline = RenderTimeline(DemoTimeline());
  LineChartSpec empty_spec;
  empty_spec.title = "Event counts (no events loaded)";
  empty_spec.id_prefix = "empty";
  const Chart empty = RenderLineChart(empty_spec);
  if (timings) timings->charts_ms = Ms(t1);

  auto t2 = std::chrono::steady_clock::now();
  std::vector<InfoboxRow> rows = {
      {"Kyrgyzstan", EscapeText("Embassy in Washington, D.C.") + Cite(1)},
      {"United States", EscapeText("Embassy in Bishkek") + Cite(2)},
      {"Relations since", EscapeText("1991-12-27") + Cite(2)},
  };
  const std::string aside = Infobox("Kyrgyzstan – United States relations", map.svg,
                                    "Locator map (" + map.projection + ")", rows);
  std::string main;
  main += Section("overview", "Overview",
                  Paragraph("This page is a rendering demo with sample numbers, not data. Hostile text is "
                            "shown literally: <script>alert(\"x\")</script> & 'quotes'.") +
                      "<p>" + EscapeText("Relations were established in 1991.") + Cite(2) + "</p>");
  main += Section("events", "Event-based relations index",
                  RenderFigure(line, "Monthly mean Goldstein score (sample data); gaps are months without events.") +
                      RenderFigure(bars, "Quad-class mix per year, as shares (sample data).") +
                      RenderFigure(empty, "A chart without data says so."));
  main += Section("opinion", "Public opinion", RenderFigure(poll, "Poll results (sample data)."));
  main += Section("timeline", "Timeline", RenderFigure(timeline, "Spans and events (sample data)."));
  main += Section("sources", "Sources",
                  SourceList({{1, "Embassy of the Kyrgyz Republic <sample>", "Sample publisher", "2020-01-01",
                               "https://example.org/a?b=1&c=2", "CC0"},
                              {2, "Sample relations history", "Office of the Historian", "2021", "javascript:alert(1)", ""}}));
  PageSpec page;
  page.title = "Kyrgyzstan – United States relations";
  page.subtitle = "Rendering demo of the dyad dossier page (sample inputs)";
  page.description = "Demo of the dyad dossier page layout.";
  page.toc = {{"overview", "Overview"}, {"events", "Event-based relations index"}, {"opinion", "Public opinion"},
              {"timeline", "Timeline"}, {"sources", "Sources"}};
  page.footer = "Generated by dyad's report renderer test. Map data: Natural Earth (public domain).";
  std::string html = RenderPage(page, aside, main);
  if (timings) timings->page_ms = Ms(t2);
  return html;
}

}  // namespace dyad::report
