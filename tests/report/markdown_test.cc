#include "report/markdown.h"

#include <gtest/gtest.h>

namespace dyad::report {
namespace {

TEST(MarkdownTest, EscapesInlineMarkup) {
  EXPECT_EQ(EscapeMarkdown("*bold* _x_ [a](b) <script> &amp; `c` a|b ~~s~~"),
            "\\*bold\\* \\_x\\_ \\[a\\](b) \\<script\\> \\&amp; \\`c\\` a\\|b \\~\\~s\\~\\~");
  EXPECT_EQ(EscapeMarkdown("# not a heading\nline"), "\\# not a heading line");
  EXPECT_EQ(EscapeMarkdown("1. not a list"), "1\\. not a list");
  EXPECT_EQ(EscapeMarkdown("- not an item"), "\\- not an item");
  EXPECT_EQ(EscapeMarkdown("> not a quote"), "\\> not a quote");
}

TEST(MarkdownTest, LeavesPlainPunctuationReadable) {
  EXPECT_EQ(EscapeMarkdown("Washington D.C. (Embassy Row), 1992-02-01 - A & B."),
            "Washington D.C. (Embassy Row), 1992-02-01 - A & B.");
  EXPECT_EQ(EscapeMarkdown("AT&T"), "AT\\&T");  // could start an entity: escaped
  EXPECT_EQ(EscapeMarkdown("1992. Then"), "1992\\. Then");
}

TEST(MarkdownTest, DoesNotEscapeNumbers) {
  EXPECT_EQ(EscapeMarkdown("2.80"), "2.80");
  EXPECT_EQ(EscapeMarkdown("-5.00"), "-5.00");
  EXPECT_EQ(EscapeMarkdown("+3"), "+3");
  EXPECT_EQ(EscapeMarkdown("1991.12"), "1991.12");
  // Markers still are escaped.
  EXPECT_EQ(EscapeMarkdown("1."), "1\\.");
  EXPECT_EQ(EscapeMarkdown("2) x"), "2\\) x");
  EXPECT_EQ(EscapeMarkdown("---"), "\\---");
  EXPECT_EQ(EscapeMarkdown("+ x"), "\\+ x");
  EXPECT_EQ(EscapeMarkdown("="), "\\=");
}

TEST(MarkdownTest, HeadingClampsLevel) {
  EXPECT_EQ(MarkdownHeading(2, "Kyrgyzstan – United States"), "## Kyrgyzstan – United States");
  EXPECT_EQ(MarkdownHeading(9, "x"), "###### x");
}

TEST(MarkdownTest, LinksEscapeTextAndRejectScripts) {
  EXPECT_EQ(MarkdownLink("a [b]", "https://example.org/x (y)"), "[a \\[b\\]](<https://example.org/x (y)>)");
  EXPECT_EQ(MarkdownLink("bad", "javascript:alert(1)"), "bad");
  EXPECT_EQ(MarkdownLink("x", "https://e.org/<a>"), "[x](<https://e.org/%3Ca%3E>)");
}

TEST(MarkdownTest, TableCellsCannotBreakRows) {
  const std::string t = MarkdownTable({"Name", "Value"}, {{"a|b", "1"}, {"<script>"}}, {Align::kLeft, Align::kRight});
  EXPECT_EQ(t,
            "| Name | Value |\n"
            "| --- | ---: |\n"
            "| a\\|b | 1 |\n"
            "| \\<script\\> |  |\n");
  EXPECT_EQ(MarkdownTable({}, {}), "");
}

}  // namespace
}  // namespace dyad::report
