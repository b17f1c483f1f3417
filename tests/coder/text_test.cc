#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "coder/text.h"

namespace dyad::coder {
namespace {

std::vector<std::string> Sentences(const std::string& text) {
  std::vector<std::string> out;
  for (const Span& s : SplitSentences(text)) out.push_back(text.substr(s.begin, s.end - s.begin));
  return out;
}

TEST(SplitSentences, AbbreviationsAndInitialsDoNotEndASentence) {
  EXPECT_EQ(Sentences("The U.S. Embassy opened on Dec. 3 with Gen. Smith present. Russia objected."),
            (std::vector<std::string>{"The U.S. Embassy opened on Dec. 3 with Gen. Smith present.",
                                      "Russia objected."}));
  EXPECT_EQ(Sentences("John F. Kennedy visited Berlin. He spoke."),
            (std::vector<std::string>{"John F. Kennedy visited Berlin.", "He spoke."}));
}

TEST(SplitSentences, EndsAtTerminatorsFootnotesAndBlankLines) {
  EXPECT_EQ(Sentences("Kyrgyzstan ceased the treaty.[2] The U.S. warned it! Why? Nobody knows"),
            (std::vector<std::string>{"Kyrgyzstan ceased the treaty.[2]", "The U.S. warned it!",
                                      "Why?", "Nobody knows"}));
  EXPECT_EQ(Sentences("A heading\n\nThe text."), (std::vector<std::string>{"A heading", "The text."}));
  EXPECT_EQ(Sentences("A heading\n \t\nThe text."), (std::vector<std::string>{"A heading", "The text."}));
  EXPECT_EQ(Sentences("It rose by 3.5 percent. Then it fell."),
            (std::vector<std::string>{"It rose by 3.5 percent.", "Then it fell."}));
}

// Bug: every line feed ended a sentence, so hard-wrapped prose lost its events
// ("signed an\nagreement" was two sentences).
TEST(SplitSentences, ASingleLineFeedInsideAParagraphIsNoBreak) {
  EXPECT_EQ(Sentences("Kazakhstan and Kyrgyzstan signed an\nagreement on trade. Russia\nobjected."),
            (std::vector<std::string>{"Kazakhstan and Kyrgyzstan signed an\nagreement on trade.",
                                      "Russia\nobjected."}));
  EXPECT_EQ(Sentences("It met the U.S.\nDelegation."), (std::vector<std::string>{"It met the U.S.\nDelegation."}));
}

TEST(CharSpan, CountsCodePointsNotBytes) {
  std::string text = "Türkiye warned Côte d’Ivoire.";
  EXPECT_EQ(CodePoints(text), 29u);
  size_t at = text.find("Côte");
  Span chars = CharSpan(text, {at, at + std::string("Côte d’Ivoire").size()});
  EXPECT_EQ(chars, (Span{15, 28}));
  EXPECT_TRUE(CharSpan(text, {}).empty());
}

TEST(SplitSentences, KeepsByteOffsetsIntoTheText) {
  std::string text = "  Россия protested.  Kyrgyzstan agreed. ";
  std::vector<Span> s = SplitSentences(text);
  ASSERT_EQ(s.size(), 2u);
  EXPECT_EQ(text.substr(s[0].begin, s[0].end - s[0].begin), "Россия protested.");
  EXPECT_EQ(text.substr(s[1].begin, s[1].end - s[1].begin), "Kyrgyzstan agreed.");
}

TEST(Tokenize, DottedInitialsPossessivesAndNegations) {
  std::string s = "The U.S. didn't sign Russia's 1,000-page treaty in Washington, D.C.";
  std::vector<std::string> lower;
  for (const Token& t : Tokenize(s)) lower.push_back(t.lower);
  EXPECT_EQ(lower, (std::vector<std::string>{"the", "u.s.", "did", "n't", "sign", "russia", "'s",
                                             "1,000-page", "treaty", "in", "washington", ",",
                                             "d.c."}));
}

TEST(Tokenize, TypographicPunctuationAndNonAsciiLetters) {
  std::string s = "Kyrgyzstan – United States “relations” of Côte d’Ivoire’s";
  std::vector<Token> t = Tokenize(s);
  std::vector<std::string> text;
  for (const Token& k : t) text.push_back(s.substr(k.span.begin, k.span.end - k.span.begin));
  EXPECT_EQ(text, (std::vector<std::string>{"Kyrgyzstan", "–", "United", "States", "“", "relations",
                                            "”", "of", "Côte", "d", "’", "Ivoire", "’s"}));
  EXPECT_TRUE(t[8].capitalised);
}

}  // namespace
}  // namespace dyad::coder
