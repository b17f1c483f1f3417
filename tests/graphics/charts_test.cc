#include "graphics/charts.h"

#include <gtest/gtest.h>

#include "svg_check.h"

namespace dyad::graphics {
namespace {

Date D(const char* iso) { return Date::Parse(iso).value(); }

void ExpectWellFormed(const Chart& chart) {
  pugi::xml_document svg, table;
  ASSERT_TRUE(ParsesAsXml(chart.svg, &svg));
  ExpectAccessibleSvg(svg.child("svg"));
  ASSERT_TRUE(ParsesAsXml(chart.table_html, &table));
  EXPECT_TRUE(table.child("table").child("caption"));
}

std::string Desc(const Chart& chart) {
  pugi::xml_document doc;
  doc.load_string(chart.svg.c_str());
  return doc.child("svg").child("desc").text().get();
}

TEST(LineChartTest, DrawsSeriesWithGapsAndTable) {
  LineChartSpec spec;
  spec.title = "Mean Goldstein";
  spec.x_labels = {"2010-01", "2010-02", "2010-03", "2010-04", "2011-01"};
  spec.series = {{"A → B", {1.0, std::nullopt, 2.0, 3.0, -1.5}}, {"B → A", {0.5, 0.5, 0.5, 0.5, 0.5}}};
  const Chart c = RenderLineChart(spec);
  EXPECT_TRUE(c.has_data);
  ExpectWellFormed(c);
  EXPECT_NE(c.svg.find("dy-zero"), std::string::npos);  // values on both sides of 0
  EXPECT_NE(c.svg.find("<circle"), std::string::npos);   // the lone first point
  EXPECT_NE(c.table_html.find("<td class=\"dy-num\">—</td>"), std::string::npos);
  EXPECT_NE(c.svg.find(">2011<"), std::string::npos);    // year ticks at January
}

TEST(LineChartTest, EmptyAndSinglePointSayWhatTheyHave) {
  LineChartSpec empty;
  empty.title = "Nothing";
  const Chart e = RenderLineChart(empty);
  EXPECT_FALSE(e.has_data);
  ExpectWellFormed(e);
  EXPECT_NE(Desc(e).find("No data"), std::string::npos);
  EXPECT_NE(e.svg.find(">No data<"), std::string::npos);
  EXPECT_NE(e.table_html.find("No data"), std::string::npos);

  LineChartSpec gaps = empty;
  gaps.x_labels = {"2010-01", "2010-02"};
  gaps.series = {{"A", {std::nullopt, std::nullopt}}};
  EXPECT_FALSE(RenderLineChart(gaps).has_data);

  LineChartSpec one = empty;
  one.x_labels = {"2010-01"};
  one.series = {{"A", {4.0}}};
  const Chart c = RenderLineChart(one);
  EXPECT_TRUE(c.has_data);
  ExpectWellFormed(c);
}

TEST(BarChartTest, StackedSharesAndEmpty) {
  BarChartSpec spec;
  spec.title = "Quad classes";
  spec.percent = true;
  spec.categories = {"2010", "2011"};
  spec.segments = {{"Verbal cooperation", {3.0, 0.0}}, {"Material conflict", {1.0, std::nullopt}}};
  const Chart c = RenderBarChart(spec);
  ExpectWellFormed(c);
  EXPECT_NE(c.table_html.find("<th scope=\"col\">Total</th>"), std::string::npos);

  BarChartSpec none;
  none.title = "None";
  const Chart e = RenderBarChart(none);
  EXPECT_FALSE(e.has_data);
  ExpectWellFormed(e);
  EXPECT_NE(Desc(e).find("No data"), std::string::npos);

  BarChartSpec single = spec;
  single.categories = {"2010"};
  single.segments = {{"x", {5.0}}};
  single.stacked = false;
  ExpectWellFormed(RenderBarChart(single));
}

TEST(HBarChartTest, PollWithValueLabels) {
  HBarChartSpec spec;
  spec.title = "Approval";
  spec.items = {{"Approve", 34}, {"Disapprove", 43}, {"Uncertain", 23}, {"Refused", std::nullopt}};
  const Chart c = RenderHBarChart(spec);
  ExpectWellFormed(c);
  EXPECT_NE(c.svg.find(">43%<"), std::string::npos);
  EXPECT_NE(Desc(c).find("Approve 34%"), std::string::npos);
  HBarChartSpec none;
  none.title = "No poll";
  EXPECT_NE(Desc(RenderHBarChart(none)).find("No data"), std::string::npos);
}

TEST(TimelineTest, SpansMarksAndEmpty) {
  TimelineSpec spec;
  spec.title = "Spans";
  spec.lanes = {{"Ambassador", {{"A", D("2001-07"), D("2004")}, {"B", D("2004-03"), std::nullopt}}}};
  spec.marks = {{"Treaty", D("2015-07")}};
  const Chart c = RenderTimeline(spec);
  EXPECT_TRUE(c.has_data);
  ExpectWellFormed(c);
  TimelineSpec none;
  none.title = "Empty";
  const Chart e = RenderTimeline(none);
  EXPECT_FALSE(e.has_data);
  ExpectWellFormed(e);
}

TEST(ChartTest, HostileLabelsAreEscaped) {
  LineChartSpec spec;
  spec.title = "<script>alert(1)</script>";
  spec.x_labels = {"a&b", "\"q\""};
  spec.series = {{"<b>x</b>", {1.0, 2.0}}};
  const Chart c = RenderLineChart(spec);
  EXPECT_EQ(c.svg.find("<script>"), std::string::npos);
  EXPECT_EQ(c.table_html.find("<b>"), std::string::npos);
  ExpectWellFormed(c);
  pugi::xml_document fig;
  ASSERT_TRUE(ParsesAsXml(RenderFigure(c, "caption <i>"), &fig));
}

TEST(DecimalYearTest, Precisions) {
  EXPECT_EQ(DecimalYear(D("2001")), 2001.0);
  EXPECT_NEAR(DecimalYear(D("2001-07")), 2001.5, 1e-9);
  EXPECT_NEAR(DecimalYear(D("2001-12-20")), 2001 + 11 / 12.0 + 19 / 365.0, 1e-9);
}

// Issue 8: an EDTF "~" date (as Date::ToString writes it) used to become year 0 in charts.
TEST(DecimalYearTest, AnApproximateDateIsPlacedAtItsYear) {
  EXPECT_NEAR(DecimalYear(D("1994-02~")), 1994 + 1 / 12.0, 1e-9);
  EXPECT_EQ(DecimalYear(D("1993~")), 1993.0);
  TimelineSpec spec;
  spec.title = "Approximate";
  spec.lanes = {{"Envoys", {{"A", D("1994-02~"), D("1996?")}}}};
  const Chart c = RenderTimeline(spec);
  EXPECT_NE(c.svg.find("lanes from 1994 to 1996"), std::string::npos) << c.svg;
  EXPECT_NE(c.table_html.find("1994-02~"), std::string::npos) << c.table_html;
}

}  // namespace
}  // namespace dyad::graphics
