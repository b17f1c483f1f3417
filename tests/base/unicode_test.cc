#include "base/unicode.h"

#include <gtest/gtest.h>

namespace dyad {
namespace {

TEST(Unicode, ValidUtf8Passes) {
  EXPECT_TRUE(ValidateUtf8("Кыргызстан Côte d’Ivoire 中国").ok());
  EXPECT_TRUE(ValidateUtf8("").ok());
}

TEST(Unicode, InvalidUtf8NamesTheByte) {
  size_t bad = 99;
  Status s = ValidateUtf8(std::string_view("ab\xC3(cd", 6), &bad);
  EXPECT_FALSE(s.ok());
  EXPECT_EQ(bad, 2u);
  EXPECT_NE(s.message().find("byte 2"), std::string::npos);
  EXPECT_FALSE(ValidateUtf8("\xED\xA0\x80").ok());  // a UTF-16 surrogate
  EXPECT_FALSE(ValidateUtf8("\xC0\xAF").ok());      // an overlong '/'
  EXPECT_FALSE(ValidateUtf8("\xF4\x90\x80\x80").ok());  // above U+10FFFF
}

TEST(Unicode, FoldForMatchCaseFoldsAndStripsDiacritics) {
  EXPECT_EQ(*FoldForMatch("Côte d'Ivoire"), "cote d'ivoire");
  EXPECT_EQ(*FoldForMatch("SÃO TOMÉ"), "sao tome");
  EXPECT_EQ(*FoldForMatch("Straße"), "strasse");
  EXPECT_EQ(*FoldForMatch("Кыргызстан"), "кыргызстан");
  EXPECT_EQ(*FoldForMatch("Tür\xC2\xADkiye"), "turkiye");  // soft hyphen dropped
  EXPECT_FALSE(FoldForMatch("\xFF").ok());
}

TEST(Unicode, TablesAlignWithNonAsciiNames) {
  EXPECT_EQ(DisplayColumns("São Tomé and Príncipe"), 21u);
  EXPECT_EQ(DisplayColumns("Кыргызстан"), 10u);
  EXPECT_EQ(DisplayColumns("中国"), 4u);  // wide characters take two columns
  EXPECT_EQ(PadColumns("Türkiye", 10), "Türkiye   ");
  EXPECT_EQ(DisplayColumns(PadColumns("São Tomé", 32)), DisplayColumns(PadColumns("Chad", 32)));
  EXPECT_EQ(PadColumns("Kyrgyzstan", 4), "Kyrgyzstan");  // never cut
}

TEST(Unicode, NfcComposes) {
  EXPECT_EQ(*NormalizeNfc("e\xCC\x81"), "\xC3\xA9");
  EXPECT_EQ(*StripDiacritics("Curaçao"), "Curacao");
  EXPECT_EQ(*NfkcCasefold("ＵＳＡ"), "usa");
}

}  // namespace
}  // namespace dyad
