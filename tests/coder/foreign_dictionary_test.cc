// TABARI .verbs files as an input format.
#include <gtest/gtest.h>

#include <fstream>
#include <memory>
#include <string>

#include "base/file.h"
#include "base/paths.h"
#include "coder/foreign_dictionary.h"
#include "fixture.h"

namespace dyad::coder {
namespace {

// A TABARI-format file written for this test (not taken from TABARI's dictionaries).
constexpr char kSample[] =
    "# a comment\n"
    "<SYNSETS>\n&ENVOYS\n+AMBASSADOR\n</SYNSETS>\n"
    "SCOLD  [111] ;own sample\n"
    "- * + FOR_ SPYING  [1125]\n"
    "- $ WILL * +  [130]\n"
    "- * { FORMALLY | OFFICIALLY } +  [114:114]\n"
    "- * &ENVOYS  [161]\n"
    "MINGLE {MINGLED MINGLING}  [---]\n"
    "- * WITH_ +  [043]\n"
    "this line is bad\n";

TEST(TabariVerbs, ImportsWhatDyadsModelHoldsAndCountsTheRest) {
  std::string path = ::testing::TempDir() + "/sample.verbs";
  std::ofstream(path) << kSample;
  Dictionary d;
  ForeignCounts c;
  std::string first;
  ASSERT_TRUE(ReadTabariVerbs(path, &d, &c, &first).ok());
  EXPECT_EQ(c.verbs, 2u);
  // SCOLD, "* + FOR_ SPYING", "$ WILL * +", "* { FORMALLY | OFFICIALLY } +", "* &ENVOYS", "* WITH_ +"
  EXPECT_EQ(c.patterns, 6u);
  EXPECT_EQ(c.words_before_verb, 1u);  // "$ WILL * +", imported
  EXPECT_EQ(c.synsets, 0u);
  EXPECT_EQ(c.no_code, 1u);
  EXPECT_EQ(c.bad_lines, 1u);
  EXPECT_NE(first.find("sample.verbs:13: neither a verb nor a pattern"), std::string::npos) << first;
  ASSERT_NE(d.PatternsForForm("scolded"), nullptr);
  ASSERT_NE(d.PatternsForForm("mingled"), nullptr);
  const VerbPattern& spying = d.pattern(d.PatternsForForm("scolds")->front());
  EXPECT_EQ(spying.code, "1125");
  EXPECT_EQ(spying.origin, path + ":7");
}

TEST(TabariVerbs, ImportedPatternsCode) {
  std::string path = ::testing::TempDir() + "/sample2.verbs";
  std::ofstream(path) << kSample;
  Dictionary d;
  ForeignCounts c;
  ASSERT_TRUE(ReadTabariVerbs(path, &d, &c).ok());
  const testing::Loaded& l = testing::Shared();
  Coder coder(*l.resolver, *l.taxonomy, std::move(d), nullptr);
  DocumentState doc;
  std::vector<CodedEvent> e = coder.CodeText("Russia scolded Japan for spying on its fleet.", &doc);
  ASSERT_EQ(e.size(), 1u);
  EXPECT_EQ(e[0].source + ">" + e[0].target + ":" + e[0].code, "RUS>JPN:1125");
}

// Bug: patterns with words before the verb and patterns with synsets were skipped, so the
// public suites' own dictionaries lost a third of their patterns.
TEST(TabariVerbs, WordsBeforeTheVerbAndSynsetsCode) {
  std::string path = ::testing::TempDir() + "/sample3.verbs";
  std::ofstream(path) << "<SYNSETS>\n&MONEY\n+DOLLARS_\n+EUROS_\n+GOLDEN_GALLEONS\n</SYNSETS>\n"
                         "PROMISE  [---]\n- * + &MONEY  [0331]\n- peace * talks  [036]\n";
  Dictionary d;
  ForeignCounts c;
  ASSERT_TRUE(ReadTabariVerbs(path, &d, &c).ok());
  EXPECT_EQ(c.patterns, 2u);
  EXPECT_EQ(c.words_before_verb, 1u);
  const testing::Loaded& l = testing::Shared();
  Coder coder(*l.resolver, *l.taxonomy, std::move(d), nullptr);
  auto code = [&](const std::string& text) {
    DocumentState doc;
    std::string out;
    for (const CodedEvent& e : coder.CodeText(text, &doc)) out += e.source + ">" + e.target + ":" + e.code + " ";
    return out;
  };
  EXPECT_EQ(code("Japan promised Kenya ten million dollars."), "JPN>KEN:0331 ");
  EXPECT_EQ(code("Japan promised Kenya golden help."), "");  // a two-word member is no one-word alternative
  EXPECT_EQ(code("Peace envoys of Japan promised Kenya talks."), "JPN>KEN:036 ");
  EXPECT_EQ(code("Japan promised Kenya talks."), "");  // "peace" must come before the verb
}

// Bug: a foreign pattern was dropped after "will", "is about to" or "not", as dyad's own
// patterns are; TABARI and PETRARCH code those modes with patterns of their own
// ("- WILL NOT * [904]"), so their codes stand (PETRARCH's suites: "Arnor is about to
// restore full diplomatic ties with Gondor" is 064).
TEST(TabariVerbs, ForeignPatternsCodeWhateverModeWordsPrecedeTheVerb) {
  std::string path = ::testing::TempDir() + "/sample4.verbs";
  std::ofstream(path) << "RESTORE  [---]\n- * FULL DIPLOMATIC TIES  [064]\n- NOT * FULL DIPLOMATIC TIES  [904]\n";
  Dictionary d;
  ForeignCounts c;
  ASSERT_TRUE(ReadTabariVerbs(path, &d, &c).ok());
  const testing::Loaded& l = testing::Shared();
  Coder coder(*l.resolver, *l.taxonomy, std::move(d), nullptr);
  auto code = [&](const std::string& text) {
    DocumentState doc;
    std::string out;
    for (const CodedEvent& e : coder.CodeText(text, &doc)) out += e.source + ">" + e.target + ":" + e.code + " ";
    return out;
  };
  EXPECT_EQ(code("Japan is about to restore full diplomatic ties with Kenya."), "JPN>KEN:064 ");
  EXPECT_EQ(code("Japan will not restore full diplomatic ties with Kenya."), "JPN>KEN:904 ");
}

TEST(TabariVerbs, ReadsTabarisLargeCameoVerbs) {
  std::string path = SharedDir() + "/data/coder/dictionaries/tabari/CAMEO.091003.master.verbs";
  if (!FileExists(path)) GTEST_SKIP() << "absent: " << path << " (set DYAD_SHARED)";
  Dictionary d;
  ForeignCounts c;
  ASSERT_TRUE(ReadTabariVerbs(path, &d, &c).ok());
  std::printf("TABARI CAMEO.091003.master.verbs: %llu verbs, %llu patterns imported (%llu "
              "with words before the verb); skipped %llu (synsets), %llu (no code), %llu bad codes, %llu bad lines\n",
              static_cast<unsigned long long>(c.verbs), static_cast<unsigned long long>(c.patterns),
              static_cast<unsigned long long>(c.words_before_verb), static_cast<unsigned long long>(c.synsets),
              static_cast<unsigned long long>(c.no_code), static_cast<unsigned long long>(c.bad_code),
              static_cast<unsigned long long>(c.bad_lines));
  EXPECT_GT(c.verbs, 1000u);
  EXPECT_GT(c.patterns, 5000u);
  const testing::Loaded& l = testing::Shared();
  Coder coder(*l.resolver, *l.taxonomy, std::move(d), nullptr);
  DocumentState doc;
  std::vector<CodedEvent> e = coder.CodeText("Germany accused Russia of aggression.", &doc);
  ASSERT_FALSE(e.empty());
  EXPECT_EQ(e[0].source + ">" + e[0].target + ":" + e[0].code.substr(0, 2), "DEU>RUS:11");
}


// A TABARI-format actor file written for this test (names and codes invented).
constexpr char kActors[] =
    "<NOUN>\nSHEEP ;a noun, no actor\n</NOUN>\n"
    "ETHIOP  [ETH]\n"
    "NORTHLAND_  [NLD] ;exact word only\n"
    "ROMANIA  [ROM] #a PETRARCH comment\n"
    "BUCHAREST  [ROMGOV]\n"
    "ALDER  [NLDGOV 991201-010114] [---]\n"
    "GRIMBOLD ; a code block\n"
    "+GRIM\n"
    "\t[NLD < 950601]\n"
    "#\t[950601-990815]  a commented code line\n"
    "\t[NLDREB 950601 - 990815]\n"
    "\t[NLDGOV > 990816]\n"
    "SPOILER  [###]\n";

std::vector<NamedActor> ReadSampleActors() {
  std::string path = ::testing::TempDir() + "/sample.actors";
  std::ofstream(path) << kActors;
  std::vector<NamedActor> a;
  EXPECT_TRUE(ReadForeignActors(path, &a).ok());
  return a;
}

std::string CodesOf(Coder& coder, const std::string& text, const std::string& date) {
  DocumentState doc;
  doc.document_date = *Date::Parse(date);
  std::string out;
  for (const CodedEvent& e : coder.CodeText(text, &doc))
    out += e.source + e.source_role + ">" + e.target + e.target_role + ":" + e.code + " ";
  return out;
}

TEST(ForeignActors, ReadsCodeBlocksDatedCodesAndComments) {
  std::vector<NamedActor> a = ReadSampleActors();
  ASSERT_EQ(a.size(), 8u);  // SHEEP has no code; GRIMBOLD and +GRIM share the block's codes
  EXPECT_EQ(a[0].words, std::vector<std::string>{"ethiop*"});
  EXPECT_EQ(a[1].words, std::vector<std::string>{"northland"});
  EXPECT_EQ(a[2].undated.code, "ROM");  // the '#' comment is no part of the name
  EXPECT_EQ(a[4].undated.code, "");     // [---]: no actor outside its dates
  ASSERT_EQ(a[4].dated.size(), 1u);
  EXPECT_EQ(a[4].dated[0].code, "NLDGOV");
  EXPECT_EQ(a[4].On(*Date::Parse("2000-06-01")).code, "NLDGOV");
  EXPECT_EQ(a[4].On(*Date::Parse("2002-06-01")).code, "");
  ASSERT_EQ(a[5].dated.size(), 3u);  // the commented code line is skipped
  EXPECT_EQ(a[6].words, std::vector<std::string>{"grim*"});
  EXPECT_EQ(a[5].On(*Date::Parse("1995-05-31")).code, "NLD");
  EXPECT_EQ(a[5].On(*Date::Parse("1995-06-01")).code, "NLDREB");
  EXPECT_EQ(a[5].On(*Date::Parse("1999-08-16")).code, "NLDGOV");
  EXPECT_TRUE(DiscardCode(a[7].undated.code));
}

TEST(ForeignActors, ComposedCodesSplitIntoStateAndRoleWithAlternateCameoCodes) {
  std::vector<NamedActor> a = ReadSampleActors();
  SplitComposedCodes({}, &a);  // the file's own three-letter codes: ETH, NLD, ROM
  EXPECT_EQ(a[3].undated.code, "ROM");
  EXPECT_EQ(a[3].undated.role, "GOV");
  EXPECT_EQ(a[5].On(*Date::Parse("1996-01-01")).code, "NLD");
  EXPECT_EQ(a[5].On(*Date::Parse("1996-01-01")).role, "REB");
  std::vector<NamedActor> b(1);
  b[0].words = {"bucharest"};
  b[0].undated.code = "ROMGOV";
  SplitComposedCodes({}, &b);
  EXPECT_EQ(b[0].undated.role, "");  // no state code known: left whole
  SplitComposedCodes({"ROU", "ROM"}, &b);
  EXPECT_EQ(b[0].undated.code, "ROM");
  EXPECT_EQ(b[0].undated.role, "GOV");
}

// A coder whose one verb is "scold" (111), with the sample TABARI actors file.
std::unique_ptr<Coder> ScoldingCoder(bool states_from_dictionary) {
  const testing::Loaded& l = testing::Shared();
  Dictionary d;
  VerbPattern p;
  p.lemma = "scold";
  p.code = "111";
  d.AddPattern(p);
  auto coder = std::make_unique<Coder>(*l.resolver, *l.taxonomy, std::move(d), nullptr);
  coder->UseNamedActors(ReadSampleActors(), states_from_dictionary);
  return coder;
}

TEST(ForeignActors, NamesMatchAsPrefixesOnTheSentencesDate) {
  const std::unique_ptr<Coder> coder = ScoldingCoder(/*states_from_dictionary=*/true);
  EXPECT_EQ(CodesOf(*coder, "Ethiopian officials scolded Northland.", "1994-01-01"), "ETH>NLD:111 ");
  EXPECT_EQ(CodesOf(*coder, "Ethiopia scolded Northlanders.", "1994-01-01"), "");  // NORTHLAND_ is exact
  EXPECT_EQ(CodesOf(*coder, "Grimbold scolded Ethiopia.", "1994-01-01"), "NLD>ETH:111 ");
  EXPECT_EQ(CodesOf(*coder, "Grimbold scolded Ethiopia.", "1996-01-01"), "NLDREB>ETH:111 ");
  EXPECT_EQ(CodesOf(*coder, "Alder scolded Ethiopia.", "2000-01-01"), "NLDGOV>ETH:111 ");
  EXPECT_EQ(CodesOf(*coder, "Alder scolded Ethiopia.", "2003-01-01"), "");  // [---] after his dates
  EXPECT_EQ(CodesOf(*coder, "Bucharest scolded Ethiopia.", "2003-01-01"), "ROMGOV>ETH:111 ");
  EXPECT_EQ(CodesOf(*coder, "The spoiler said Ethiopia scolded Northland.", "2003-01-01"), "");  // [###]
}

TEST(ForeignActors, WithDyadsOwnStatesACameoCodeIsTheWorldsStateAlternatesIncluded) {
  const std::unique_ptr<Coder> coder = ScoldingCoder(/*states_from_dictionary=*/false);
  // BUCHAREST [ROMGOV]: ROM is Romania's alternate CAMEO code (ISO's ROU since 2002)
  EXPECT_EQ(CodesOf(*coder, "Bucharest scolded Ethiopia.", "2010-01-01"), "ROUGOV>ETH:111 ");
}

}  // namespace
}  // namespace dyad::coder
