#include "report/html_page.h"

#include <gtest/gtest.h>

#include "demo_page.h"
#include "../graphics/svg_check.h"

namespace dyad::report {

using namespace graphics;  // NOLINT: the drawing kit below report
namespace {

TEST(HtmlPageTest, DemoPageIsSelfContainedAndAccessible) {
  auto data = LoadDefaultMapData();
  ASSERT_TRUE(data.ok()) << data.status().ToString();
  auto html = BuildDemoPage(*data);
  ASSERT_TRUE(html.ok()) << html.status().ToString();
  pugi::xml_document doc;
  ASSERT_TRUE(ParsesAsXml(*html, &doc));
  const auto root = doc.child("html");
  EXPECT_STREQ(root.attribute("lang").value(), "en");
  // Landmarks and one h1.
  for (const char* tag : {"header", "nav", "main", "footer"})
    EXPECT_TRUE(root.select_node((std::string("//") + tag).c_str())) << tag;
  EXPECT_EQ(root.select_nodes("//h1").size(), 1u);
  // Every SVG is an accessible image; every table has a caption, except the infobox.
  for (const auto& svg : root.select_nodes("//svg[not(ancestor::svg)]")) ExpectAccessibleSvg(svg.node());
  for (const auto& t : root.select_nodes("//table[@class='dy-table']"))
    EXPECT_TRUE(t.node().child("caption")) << "table without caption";
  // Nothing that would load anything: no script, no external src/href.
  EXPECT_FALSE(root.select_node("//script"));
  for (const auto& n : root.select_nodes("//*[@src]")) ADD_FAILURE() << "src on " << n.node().name();
  for (const auto& n : root.select_nodes("//link")) {
    const std::string href = n.node().attribute("href").value();
    EXPECT_EQ(href.rfind("data:", 0), 0u) << href;
  }
  EXPECT_EQ(html->find("@import"), std::string::npos);
  EXPECT_EQ(html->find("url("), std::string::npos);
  // Dark mode, print and phones.
  EXPECT_NE(html->find("prefers-color-scheme: dark"), std::string::npos);
  EXPECT_NE(html->find("@media print"), std::string::npos);
  EXPECT_NE(html->find("name=\"viewport\""), std::string::npos);
  // The hostile sample text shows literally; the javascript: source link is neutralised.
  EXPECT_EQ(html->find("<script>"), std::string::npos);
  EXPECT_NE(html->find("&lt;script&gt;alert(\"x\")&lt;/script&gt; &amp; 'quotes'"), std::string::npos);
  EXPECT_EQ(html->find("javascript:"), std::string::npos);
  EXPECT_LT(html->size(), 400'000u);
}

TEST(HtmlPageTest, HelpersEscape) {
  EXPECT_EQ(Paragraph("a < b & c"), "<p>a &lt; b &amp; c</p>");
  EXPECT_EQ(Link("x\"y", "javascript:void(0)"), "<a href=\"#\">x\"y</a>");
  EXPECT_EQ(Cite(3), "<sup class=\"dy-cite\"><a href=\"#src-3\" aria-label=\"source 3\">[3]</a></sup>");
  const std::string t = Table("Cap <1>", {"A", "B"}, {{"r<1>", "2"}}, {false, true});
  EXPECT_EQ(t,
            "<table class=\"dy-table\"><caption>Cap &lt;1&gt;</caption><thead><tr><th scope=\"col\">A</th>"
            "<th scope=\"col\">B</th></tr></thead><tbody><tr><th scope=\"row\">r&lt;1&gt;</th>"
            "<td class=\"dy-num\">2</td></tr></tbody></table>");
  const std::string s = Section("x\"", "T<", "<p>b</p>", 3);
  EXPECT_EQ(s, "<section id=\"x&quot;\" aria-labelledby=\"x&quot;-h\"><h3 id=\"x&quot;-h\">T&lt;</h3><p>b</p></section>");
  EXPECT_EQ(ScrollRegion("Chiefs <of> mission", "<table></table>"),
            "<div class=\"dy-scroll\" role=\"region\" tabindex=\"0\" aria-label=\"Chiefs &lt;of&gt; mission\">"
            "<table></table></div>");
  const std::string src = SourceList({{1, "T <x>", "P & Q", "2020", "https://e.org/?a&b", "CC0"}});
  EXPECT_NE(src.find("<li id=\"src-1\" value=\"1\"><a href=\"https://e.org/?a&amp;b\">T &lt;x&gt;</a>. P &amp; Q. 2020. Licence: CC0.</li>"),
            std::string::npos)
      << src;
}

}  // namespace
}  // namespace dyad::report
