#include "graphics/markup.h"

#include <gtest/gtest.h>

namespace dyad::graphics {
namespace {

TEST(EscapeTest, TextEscapesMarkupCharacters) {
  EXPECT_EQ(EscapeText("<script>alert(\"x\")</script> & 'y'"),
            "&lt;script&gt;alert(\"x\")&lt;/script&gt; &amp; 'y'");
}

TEST(EscapeTest, AttributeEscapesQuotes) {
  EXPECT_EQ(EscapeAttr("a\"b'c<d>&"), "a&quot;b&#39;c&lt;d&gt;&amp;");
}

TEST(EscapeTest, KeepsUtf8AndReplacesInvalidBytes) {
  EXPECT_EQ(EscapeText("Kyrgyzstan – Кыргызстан"), "Kyrgyzstan – Кыргызстан");
  EXPECT_EQ(EscapeText("a\xff" "b"), "a\xEF\xBF\xBD" "b");
  EXPECT_EQ(EscapeText("a\x01" "b"), "ab");  // not allowed in XML
}

TEST(SafeHrefTest, AllowsWebLinksAndRejectsScripts) {
  EXPECT_EQ(SafeHref("https://example.org/?a=1&b=2"), "https://example.org/?a=1&amp;b=2");
  EXPECT_EQ(SafeHref("#src-1"), "#src-1");
  EXPECT_EQ(SafeHref("relative/page.html"), "relative/page.html");
  EXPECT_EQ(SafeHref("javascript:alert(1)"), "#");
  EXPECT_EQ(SafeHref(" JavaScript:alert(1)"), "#");
  EXPECT_EQ(SafeHref("data:text/html,x"), "#");
}

TEST(NumTest, CompactLocaleFreeNumbers) {
  EXPECT_EQ(Num(1.0), "1");
  EXPECT_EQ(Num(1.25, 1), "1.2");  // round-half-even of the binary value is fine
  EXPECT_EQ(Num(-0.01), "0");
  EXPECT_EQ(Num(12.345, 2), "12.35");
}

TEST(MarkupWriterTest, NestsAndEscapes) {
  MarkupWriter w;
  w.Open("p", {{"title", "a\"b"}});
  w.Text("1 < 2");
  w.Void("br");
  w.Open("em");
  w.Text("x");
  EXPECT_EQ(w.depth(), 2u);
  EXPECT_EQ(w.Finish(), "<p title=\"a&quot;b\">1 &lt; 2<br /><em>x</em></p>");
}

TEST(MarkupWriterTest, NullAttributeIsOmitted) {
  MarkupWriter w;
  w.Void("td", {{"class", std::string_view()}, {"id", "x"}});
  EXPECT_EQ(w.Finish(), "<td id=\"x\"/>");
}

}  // namespace
}  // namespace dyad::graphics
