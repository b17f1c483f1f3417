// The resolver's rules, as specifications, on a small hand-made world.
#include "world/resolver.h"

#include <fmt/format.h>
#include <gtest/gtest.h>

#include <cstdio>
#include <fstream>
#include <random>

#include "world/world_builder.h"

namespace dyad::world {
namespace {

Interval Iv(std::string_view text) { return Interval::Parse(text).value(); }
Date D(std::string_view text) { return Date::Parse(text).value(); }

Name N(std::string text, std::string lang, NameKind kind = NameKind::kShort,
       std::string_view valid = "..") {
  return Name{std::move(text), std::move(lang), kind, Iv(valid), "test"};
}

CodeSpell C(Scheme scheme, std::string code, std::string_view valid = "..") {
  return CodeSpell{scheme, std::move(code), Iv(valid), "test"};
}

State MakeState(std::string key, std::string name, std::string official = "",
                StateKind kind = StateKind::kSovereign) {
  State s;
  s.key = std::move(key);
  s.name = std::move(name);
  s.official_name = std::move(official);
  s.kind = kind;
  s.codes.push_back(C(Scheme::kIso3, s.key));
  return s;
}

std::shared_ptr<const World> TestWorld() {
  WorldBuilder b;
  State kgz = MakeState("KGZ", "Kyrgyzstan", "Kyrgyz Republic");
  kgz.names = {N("Кыргызстан", "ky"), N("Киргизия", "ru"), N("Kirgisistan", "de"),
               N("Kirghizistan", "fr"), N("Kirguistán", "es"),
               N("Kirghizia", "en", NameKind::kHistorical, "../1991-08-31"),
               N("Kyrgyz", "en", NameKind::kDemonym)};
  kgz.codes.push_back(C(Scheme::kIso2, "KG"));
  kgz.codes.push_back(C(Scheme::kIsoNumeric, "417"));
  kgz.codes.push_back(C(Scheme::kCowNumeric, "703", "1991-12-26/.."));
  b.Add(kgz);
  State usa = MakeState("USA", "United States", "United States of America");
  usa.names = {N("US", "en", NameKind::kCommon), N("USA", "en", NameKind::kCommon),
               N("American", "en", NameKind::kDemonym)};
  usa.codes.push_back(C(Scheme::kIso2, "US"));
  b.Add(usa);
  State umi = MakeState("UMI", "United States Minor Outlying Islands", "", StateKind::kTerritory);
  umi.names = {N("American", "en", NameKind::kDemonym)};
  b.Add(umi);
  b.Add(MakeState("NER", "Niger", "Republic of the Niger"));
  b.Add(MakeState("NGA", "Nigeria", "Federal Republic of Nigeria"));
  b.Add(MakeState("GIN", "Guinea", "Republic of Guinea"));
  b.Add(MakeState("GNB", "Guinea-Bissau", "Republic of Guinea-Bissau"));
  b.Add(MakeState("GNQ", "Equatorial Guinea", "Republic of Equatorial Guinea"));
  b.Add(MakeState("PNG", "Papua New Guinea", "Independent State of Papua New Guinea"));
  State dma = MakeState("DMA", "Dominica", "Commonwealth of Dominica");
  dma.names = {N("Dominican", "en", NameKind::kDemonym)};
  b.Add(dma);
  State dom = MakeState("DOM", "Dominican Republic");
  dom.names = {N("Dominican", "en", NameKind::kDemonym)};
  b.Add(dom);
  b.Add(MakeState("SDN", "Sudan", "Republic of the Sudan"));
  b.Add(MakeState("SSD", "South Sudan", "Republic of South Sudan"));
  b.Add(MakeState("CIV", "Côte d'Ivoire", "Republic of Côte d'Ivoire"));
  State mmr = MakeState("MMR", "Myanmar", "Republic of the Union of Myanmar");
  mmr.names = {N("Burma", "en", NameKind::kHistorical, "1948-01-04/1989-06-18")};
  b.Add(mmr);
  State cod = MakeState("COD", "Congo, The Democratic Republic of the");
  cod.names = {N("Democratic Republic of the Congo", "en", NameKind::kCommon),
               N("Zaire", "en", NameKind::kHistorical, "1971-10-27/1997-05-17")};
  b.Add(cod);
  b.Add(MakeState("COG", "Congo", "Republic of the Congo"));
  b.Add(MakeState("PER", "Peru", "Republic of Peru"));
  b.Add(MakeState("MEX", "Mexico", "United Mexican States"));
  b.Add(MakeState("GEO", "Georgia"));
  b.Add(MakeState("TUR", "Türkiye", "Republic of Türkiye"));
  b.Add(MakeState("KOR", "Korea, Republic of"));
  b.Add(MakeState("PRK", "Korea, Democratic People's Republic of"));
  b.Add(MakeState("VCT", "Saint Vincent and the Grenadines"));
  b.Add(MakeState("LAO", "Lao People's Democratic Republic"));
  b.Add(MakeState("CHN", "China", "People's Republic of China"));
  b.Add(MakeState("HKG", "Hong Kong", "Hong Kong Special Administrative Region of China",
                  StateKind::kTerritory));
  b.Add(MakeState("FSM", "Micronesia", "Federated States of Micronesia"));
  b.Add(MakeState("BES", "Bonaire, Sint Eustatius and Saba", "", StateKind::kTerritory));
  b.Add(MakeState("FJI", "Fiji", "Republic of Fiji"));
  b.Add(MakeState("GBR", "United Kingdom", "United Kingdom of Great Britain and Northern Ireland"));
  State deu = MakeState("DEU", "Germany", "Federal Republic of Germany");
  deu.codes.push_back(C(Scheme::kCowNumeric, "255", "1816/1945-05-08"));
  deu.codes.push_back(C(Scheme::kCowNumeric, "255", "1990-10-03/.."));
  b.Add(deu);
  State gmy;
  gmy.key = "DEUW";
  gmy.name = "West Germany";
  gmy.kind = StateKind::kFormer;
  gmy.existence = Iv("1949-05-23/1990-10-02");
  gmy.codes = {C(Scheme::kCowNumeric, "260", "1955-05-05/1990-10-02")};
  b.Add(gmy);
  State ussr;
  ussr.key = "SUHH";
  ussr.name = "USSR";
  ussr.official_name = "Union of Soviet Socialist Republics";
  ussr.kind = StateKind::kFormer;
  ussr.existence = Iv("1922-12-30/1991-12-26");
  ussr.names = {N("Soviet Union", "en", NameKind::kCommon)};
  ussr.codes = {C(Scheme::kIso4, "SUHH")};
  b.Add(ussr);
  return b.Build().value();
}

class ResolverTest : public ::testing::Test {
 protected:
  ResolverTest()
      : resolver_(TestWorld(),
                  {ResolverAlias{"Congo", "COD", NameKind::kCommon, "en", Interval::Always(),
                                 "test: the bare name is used for both Congos"},
                   ResolverAlias{"Micronesia", "-", NameKind::kCommon, "en", Interval::Always(),
                                 "test: the region"}}) {}

  // The key of the single state `text` resolves to, "" for no match, "?" plus the
  // candidates' keys for an ambiguity.
  std::string KeyOf(std::string_view text, const ResolveOptions& options = {}) const {
    Resolution r = resolver_.Resolve(text, options);
    if (r.outcome == Resolution::Outcome::kNoMatch) return "";
    if (r.outcome == Resolution::Outcome::kMatch) return r.best()->state->key;
    std::string out = "?";
    for (const Match& m : r.candidates) out += " " + m.state->key;
    return out;
  }

  Resolver resolver_;
};

// --- Normalisation -----------------------------------------------------------------

TEST_F(ResolverTest, IgnoresCaseDiacriticsAndApostropheForms) {
  EXPECT_EQ(KeyOf("KYRGYZSTAN"), "KGZ");
  EXPECT_EQ(KeyOf("Côte d'Ivoire"), "CIV");
  EXPECT_EQ(KeyOf("Cote dIvoire"), "CIV");
  EXPECT_EQ(KeyOf("Côte d’Ivoire"), "CIV");
  EXPECT_EQ(KeyOf("COTE D'IVOIRE"), "CIV");
  EXPECT_EQ(KeyOf("Turkiye"), "TUR");
}

TEST_F(ResolverTest, InitialismsMatchWithOrWithoutPeriods) {
  EXPECT_EQ(KeyOf("U.S."), "USA");
  EXPECT_EQ(KeyOf("US"), "USA");
  EXPECT_EQ(KeyOf("U. S."), "USA");
  EXPECT_EQ(KeyOf("u.s.a."), "USA");
}

TEST_F(ResolverTest, ArticlesAndPossessivesAreIgnored) {
  EXPECT_EQ(KeyOf("the Kyrgyz Republic"), "KGZ");
  EXPECT_EQ(KeyOf("Kyrgyzstan's"), "KGZ");
  EXPECT_EQ(KeyOf("Kyrgyzstan’s"), "KGZ");
  EXPECT_EQ(KeyOf("  The United States  "), "USA");
}

TEST_F(ResolverTest, InvertedAndParentheticalFormsOfOfficialNames) {
  EXPECT_EQ(KeyOf("Republic of Korea"), "KOR");
  EXPECT_EQ(KeyOf("Korea, Republic of"), "KOR");
  EXPECT_EQ(KeyOf("Korea (Republic of)"), "KOR");
  EXPECT_EQ(KeyOf("Democratic People's Republic of Korea"), "PRK");
  EXPECT_EQ(KeyOf("Korea, Dem. People's Rep."), "PRK");
  EXPECT_EQ(KeyOf("DPR Korea"), "PRK");
  EXPECT_EQ(KeyOf("Lao PDR"), "LAO");
  EXPECT_EQ(KeyOf("Congo, Dem. Rep."), "COD");
  EXPECT_EQ(KeyOf("D.R. Congo"), "COD");
  EXPECT_EQ(KeyOf("Republic of Peru"), "PER");
  EXPECT_EQ(KeyOf("Kingdom of Peru"), "PER");  // form words dropped as a last resort
  EXPECT_EQ(KeyOf("Guinea (Republic of)"), "GIN");
}

TEST_F(ResolverTest, ParentheticalQualifiersAreDroppedUnlessTheyNarrowThePlace) {
  EXPECT_EQ(KeyOf("Peru (US)"), "PER");
  EXPECT_EQ(KeyOf("Sudan (up to 2011)"), "SDN");
  EXPECT_EQ(KeyOf("Georgia (US state)"), "");
  EXPECT_EQ(KeyOf("Sudan (North)"), "");
  EXPECT_EQ(KeyOf("Peru (American)"), "");  // a demonym of another state
}

TEST_F(ResolverTest, AmpersandAndSaintAbbreviations) {
  EXPECT_EQ(KeyOf("St. Vincent & the Grenadines"), "VCT");
  EXPECT_EQ(KeyOf("St Vincent and Grenadines"), "VCT");
  EXPECT_EQ(KeyOf("Saint Vincent/Grenadines"), "VCT");
}

TEST_F(ResolverTest, ElisionWithoutApostropheAndMojibakeAreRepaired) {
  EXPECT_EQ(KeyOf("Cote d Ivoire"), "CIV");
  EXPECT_EQ(KeyOf("C\xC3\x83\xC2\xB4te d'Ivoire"), "CIV");  // UTF-8 read as Latin-1
}

TEST_F(ResolverTest, WellKnownInitialismsStandForTheirWords) {
  EXPECT_EQ(KeyOf("UK"), "GBR");
  EXPECT_EQ(KeyOf("U.K."), "GBR");
  EXPECT_EQ(KeyOf("PRC"), "CHN");
  EXPECT_EQ(KeyOf("USSR"), "SUHH");
  EXPECT_EQ(KeyOf("ROK"), "KOR");
}

TEST_F(ResolverTest, WordOrderAndTrailingIslandsAreForgiven) {
  EXPECT_EQ(KeyOf("Korea DPR"), "PRK");
  EXPECT_EQ(KeyOf("Bonaire, Saba and Saint Eustatius"), "BES");
  EXPECT_EQ(KeyOf("Fiji Islands"), "FJI");
}

TEST_F(ResolverTest, ATerritoryBesideItsStateMeansTheTerritory) {
  EXPECT_EQ(KeyOf("Hong Kong, China"), "HKG");
  EXPECT_EQ(KeyOf("China: Hong Kong SAR"), "HKG");
  EXPECT_EQ(KeyOf("China excluding Hong Kong"), "CHN");
  EXPECT_EQ(KeyOf("Peru, Sudan"), "");  // two states: no answer
}

TEST_F(ResolverTest, BlockedTextNeverResolvesButLongerAliasesDo) {
  EXPECT_EQ(KeyOf("Micronesia"), "");
  EXPECT_EQ(KeyOf("Federated States of Micronesia"), "FSM");
  EXPECT_EQ(KeyOf("Micronesia (Federated States of)"), "FSM");
  EXPECT_TRUE(resolver_.FindMentions("Islands of Micronesia").empty());
}

// --- What matches --------------------------------------------------------------------

TEST_F(ResolverTest, NamesInOtherLanguages) {
  EXPECT_EQ(KeyOf("Кыргызстан"), "KGZ");
  EXPECT_EQ(KeyOf("КИРГИЗИЯ"), "KGZ");
  EXPECT_EQ(KeyOf("Kirgisistan"), "KGZ");
  EXPECT_EQ(KeyOf("Kirghizistan"), "KGZ");
  EXPECT_EQ(KeyOf("Kirguistan"), "KGZ");
  ResolveOptions english_only;
  english_only.other_languages = false;
  EXPECT_EQ(KeyOf("Kirgisistan", english_only), "");
}

TEST_F(ResolverTest, HistoricalNamesSayWhenTheyWereValid) {
  Resolution burma = resolver_.Resolve("Burma");
  ASSERT_EQ(burma.outcome, Resolution::Outcome::kMatch);
  EXPECT_EQ(burma.best()->state->key, "MMR");
  EXPECT_EQ(burma.best()->kind, MatchKind::kHistorical);
  EXPECT_EQ(burma.best()->alias, "Burma");
  EXPECT_NE(burma.best()->how.find("1989-06-18"), std::string::npos) << burma.best()->how;
  ResolveOptions in_2020;
  in_2020.on = D("2020");
  EXPECT_EQ(KeyOf("Zaire", in_2020), "COD");  // still the only reading, ranked last
  EXPECT_EQ(KeyOf("Kirghizia"), "KGZ");
}

TEST_F(ResolverTest, DatesPreferStatesThatExistThen) {
  ResolveOptions in_1980, in_2000;
  in_1980.on = D("1980");
  in_2000.on = D("2000");
  EXPECT_EQ(KeyOf("Soviet Union", in_1980), "SUHH");
  EXPECT_EQ(KeyOf("USSR"), "SUHH");
}

TEST_F(ResolverTest, DemonymsAndAdjectives) {
  Resolution kyrgyz = resolver_.Resolve("Kyrgyz");
  ASSERT_EQ(kyrgyz.outcome, Resolution::Outcome::kMatch);
  EXPECT_EQ(kyrgyz.best()->state->key, "KGZ");
  EXPECT_EQ(kyrgyz.best()->kind, MatchKind::kDemonym);
  EXPECT_EQ(KeyOf("American"), "USA");  // the sovereign state beats the outlying islands
  EXPECT_EQ(KeyOf("Dominican"), "? DMA DOM");
  ResolveOptions no_demonyms;
  no_demonyms.allow_demonyms = false;
  EXPECT_EQ(KeyOf("Kyrgyz", no_demonyms), "");
}

TEST_F(ResolverTest, ExplicitCodeModeIsDateAware) {
  ResolveOptions cow;
  cow.scheme = Scheme::kCowNumeric;
  EXPECT_EQ(KeyOf("703", cow), "KGZ");
  EXPECT_EQ(KeyOf("0703", cow), "KGZ");
  EXPECT_EQ(KeyOf("255", cow), "DEU");
  cow.on = D("1980");
  EXPECT_EQ(KeyOf("255", cow), "");
  EXPECT_EQ(KeyOf("260", cow), "DEUW");
  cow.on = D("2000");
  EXPECT_EQ(KeyOf("260", cow), "");
  Resolution r = resolver_.Resolve("255", cow);
  ASSERT_EQ(r.outcome, Resolution::Outcome::kMatch);
  EXPECT_EQ(r.best()->kind, MatchKind::kCode);
  EXPECT_NE(r.best()->how.find("cow code valid 1990-10-03/.."), std::string::npos) << r.best()->how;
  ResolveOptions iso3;
  iso3.scheme = Scheme::kIso3;
  EXPECT_EQ(KeyOf("Kyrgyzstan", iso3), "");  // explicit mode reads codes only
}

TEST_F(ResolverTest, AutoDetectedCodesOnlyForAWholeShortIsoCode) {
  EXPECT_EQ(KeyOf("KG"), "KGZ");
  EXPECT_EQ(KeyOf("kgz"), "KGZ");
  EXPECT_EQ(KeyOf("417"), "KGZ");
  EXPECT_EQ(KeyOf("SUHH"), "SUHH");
  EXPECT_EQ(KeyOf("703"), "");  // a COW code is not auto-detected
  ResolveOptions no_codes;
  no_codes.allow_codes = false;
  EXPECT_EQ(KeyOf("KG", no_codes), "");
  EXPECT_EQ(resolver_.Resolve("KG").best()->kind, MatchKind::kCode);
}

// --- What never matches, and what is never confused ------------------------------------

TEST_F(ResolverTest, NonStatesNeverResolve) {
  for (std::string_view text : {"Fergana Valley", "Central Asia", "European Union", "Perugia",
                                "Mexico City", "New Jersey", "New Mexico", "Georgia (US state)",
                                "Belgium and Luxembourg", "", "   ", "the", "of the"}) {
    EXPECT_EQ(KeyOf(text), "") << text;
  }
}

TEST_F(ResolverTest, NeverConfusesSimilarNames) {
  EXPECT_EQ(KeyOf("Niger"), "NER");
  EXPECT_EQ(KeyOf("Nigeria"), "NGA");
  EXPECT_EQ(KeyOf("Guinea"), "GIN");
  EXPECT_EQ(KeyOf("Guinea-Bissau"), "GNB");
  EXPECT_EQ(KeyOf("Guinea Bissau"), "GNB");
  EXPECT_EQ(KeyOf("Equatorial Guinea"), "GNQ");
  EXPECT_EQ(KeyOf("Papua New Guinea"), "PNG");
  EXPECT_EQ(KeyOf("Dominica"), "DMA");
  EXPECT_EQ(KeyOf("Dominican Republic"), "DOM");
  EXPECT_EQ(KeyOf("Sudan"), "SDN");
  EXPECT_EQ(KeyOf("South Sudan"), "SSD");
  EXPECT_EQ(KeyOf("Republic of South Sudan"), "SSD");
  EXPECT_EQ(KeyOf("Republic of the Congo"), "COG");
  EXPECT_EQ(KeyOf("Democratic Republic of the Congo"), "COD");
}

TEST_F(ResolverTest, AmbiguityListsEveryCandidate) {
  Resolution congo = resolver_.Resolve("Congo");
  ASSERT_EQ(congo.outcome, Resolution::Outcome::kAmbiguous);
  ASSERT_EQ(congo.candidates.size(), 2u);
  EXPECT_EQ(congo.best(), nullptr);
  EXPECT_EQ(KeyOf("Congo"), "? COD COG");
}

TEST_F(ResolverTest, AnswersCarryTheAliasAndHow) {
  Resolution r = resolver_.Resolve("kyrgyz republic");
  ASSERT_EQ(r.outcome, Resolution::Outcome::kMatch);
  EXPECT_EQ(r.best()->alias, "Kyrgyz Republic");
  EXPECT_EQ(r.best()->kind, MatchKind::kName);
  EXPECT_EQ(r.best()->how, "official name (en)");
}

TEST_F(ResolverTest, InvalidUtf8IsNoMatchNotACrash) {
  EXPECT_EQ(KeyOf("Kyrgyz\xff\xfe"), "");
  EXPECT_EQ(KeyOf(std::string_view("\0\0", 2)), "");
}

// --- Mentions in sentences -------------------------------------------------------------

std::vector<std::string> Spans(const Resolver& r, std::string_view sentence) {
  std::vector<std::string> out;
  for (const Mention& m : r.FindMentions(sentence)) {
    std::string key = m.best() ? m.best()->state->key : "?";
    out.push_back(fmt::format("{}:{}", sentence.substr(m.begin, m.end - m.begin), key));
  }
  return out;
}

TEST_F(ResolverTest, MentionsHaveByteOffsetsOnWordBoundaries) {
  const std::string s = "Talks between Kyrgyzstan's president and the U.S. ended.";
  auto mentions = resolver_.FindMentions(s);
  ASSERT_EQ(mentions.size(), 2u);
  EXPECT_EQ(mentions[0].begin, s.find("Kyrgyzstan"));
  EXPECT_EQ(mentions[0].end, s.find("'s"));
  EXPECT_EQ(mentions[1].best()->state->key, "USA");
  EXPECT_EQ(s.substr(mentions[1].begin, mentions[1].end - mentions[1].begin), "U.S");
}

TEST_F(ResolverTest, MentionsTakeTheLongestMatch) {
  using V = std::vector<std::string>;
  EXPECT_EQ(Spans(resolver_, "South Sudan and Sudan met."), (V{"South Sudan:SSD", "Sudan:SDN"}));
  EXPECT_EQ(Spans(resolver_, "Papua New Guinea, Guinea-Bissau and Equatorial Guinea"),
            (V{"Papua New Guinea:PNG", "Guinea-Bissau:GNB", "Equatorial Guinea:GNQ"}));
  EXPECT_EQ(Spans(resolver_, "the Dominican Republic and Dominica"),
            (V{"Dominican Republic:DOM", "Dominica:DMA"}));
  EXPECT_EQ(Spans(resolver_, "Niger, not Nigeria"), (V{"Niger:NER", "Nigeria:NGA"}));
}

TEST_F(ResolverTest, MentionsInsideLongerPlaceNamesAreSkipped) {
  using V = std::vector<std::string>;
  EXPECT_EQ(Spans(resolver_, "New Mexico, Mexico City and Mexico"), (V{"Mexico:MEX"}));
  EXPECT_EQ(Spans(resolver_, "a new Peru policy"), (V{"Peru:PER"}));
}

TEST_F(ResolverTest, MentionsNeverMatchInsideWords) {
  EXPECT_TRUE(resolver_.FindMentions("Perugia and Nigerians and Peruvians").empty());
}

TEST_F(ResolverTest, ProseIgnoresOrdinaryWordsAndCodes) {
  using V = std::vector<std::string>;
  EXPECT_TRUE(resolver_.FindMentions("let us talk turkey, KG by KG, in 417 rooms").empty());
  EXPECT_EQ(Spans(resolver_, "US and USA and usa"), (V{"US:USA", "USA:USA"}));
  EXPECT_EQ(Spans(resolver_, "Us and the UK"), (V{"UK:GBR"}));
  EXPECT_EQ(Spans(resolver_, "Кыргызстан и Kirgisistan"),
            (V{"Кыргызстан:KGZ", "Kirgisistan:KGZ"}));
}

TEST_F(ResolverTest, AmbiguousMentionsAreReportedWithCandidates) {
  auto mentions = resolver_.FindMentions("Dominican officials said");
  ASSERT_EQ(mentions.size(), 1u);
  EXPECT_EQ(mentions[0].resolution.outcome, Resolution::Outcome::kAmbiguous);
  EXPECT_EQ(mentions[0].resolution.candidates.size(), 2u);
}

TEST_F(ResolverTest, MentionsSurviveBadBytes) {
  auto mentions = resolver_.FindMentions("Peru\xff\xfe" "Kyrgyzstan \xc3");
  ASSERT_EQ(mentions.size(), 2u);
  EXPECT_EQ(mentions[1].best()->state->key, "KGZ");
}

TEST_F(ResolverTest, ArbitraryBytesNeverCrash) {
  std::mt19937 rng(7);
  const std::string alphabet = "Kyrgz US.,()'&-: \xC3\xA9\xE2\x80\x99\xFF\x80\xD0\x9A";
  for (int i = 0; i < 3000; ++i) {
    std::string text;
    for (int n = static_cast<int>(rng() % 40); n > 0; --n) text += alphabet[rng() % alphabet.size()];
    resolver_.Resolve(text);
    for (const Mention& m : resolver_.FindMentions(text)) {
      EXPECT_LE(m.begin, m.end);
      EXPECT_LE(m.end, text.size());
    }
  }
}

// --- The alias table -------------------------------------------------------------------

std::string WriteTemp(const std::string& content) {
  std::string path = ::testing::TempDir() + "/aliases_" +
                     std::to_string(reinterpret_cast<uintptr_t>(&content)) + ".tsv";
  std::ofstream(path) << content;
  return path;
}

TEST_F(ResolverTest, ExactReadsOnlyTheWholeTextAsWritten) {
  ResolveOptions exact;
  exact.exact = true;
  EXPECT_EQ(KeyOf("Kyrgyz Republic", exact), "KGZ");
  EXPECT_EQ(KeyOf("Korea, Republic of", exact), "KOR");
  EXPECT_EQ(KeyOf("Republic of Korea", exact), "");  // a reading of "Korea, Republic of"
  EXPECT_EQ(KeyOf("Republic of Korea"), "KOR");
  EXPECT_EQ(KeyOf("KGZ", exact), "");  // no codes
  EXPECT_EQ(KeyOf("Kyrgyzs", exact), "");  // no plural demonyms
}

TEST_F(ResolverTest, StrictDatesExcludeNamesAndStatesNotValidOnTheDate) {
  ResolveOptions strict;
  strict.on = D("1980-06-01");
  strict.strict_dates = true;
  EXPECT_EQ(KeyOf("Zaire", strict), "COD");
  EXPECT_EQ(KeyOf("Soviet Union", strict), "SUHH");
  strict.on = D("2020-01-01");
  EXPECT_EQ(KeyOf("Zaire", strict), "");  // the name ended in 1997
  EXPECT_EQ(KeyOf("Soviet Union", strict), "");  // the state ended in 1991
  ResolveOptions ranked;
  ranked.on = D("2020-01-01");
  EXPECT_EQ(KeyOf("Zaire", ranked), "COD");  // without strict: ranked behind, still answers
}

TEST(ResolverAliases, LoadsRowsWithSources) {
  std::string path = WriteTemp(
      "# comment\nalias\tstate\tkind\tlang\tvalid\tsource\n"
      "Holland\tNLD\tcommon\ten\t\tdyad: informal\n"
      "Zaire\tCOD\thistorical\ten\t1971-10-27/1997-05-17\tdyad: note\n");
  auto rows = LoadResolverAliases(path);
  ASSERT_TRUE(rows.ok()) << rows.status().ToString();
  ASSERT_EQ(rows->size(), 2u);
  EXPECT_EQ((*rows)[1].kind, NameKind::kHistorical);
  EXPECT_EQ((*rows)[1].valid.ToString(), "1971-10-27/1997-05-17");
}

TEST(ResolverAliases, ErrorsNameFileAndLine) {
  std::string path = WriteTemp(
      "alias\tstate\tkind\tlang\tvalid\tsource\nHolland\tNLD\tcommon\ten\t\t\n");
  auto rows = LoadResolverAliases(path);
  ASSERT_FALSE(rows.ok());
  EXPECT_NE(rows.status().message().find(path + ":2"), std::string::npos)
      << rows.status().message();
  std::string bad_date = WriteTemp(
      "alias\tstate\tkind\tlang\tvalid\tsource\nX\tNLD\tcommon\ten\t2024-02-30/..\ts\n");
  EXPECT_FALSE(LoadResolverAliases(bad_date).ok());
}

TEST(ResolverAliases, CreateRejectsUnknownStates) {
  auto r = Resolver::Create(TestWorld(), {ResolverAlias{"Atlantis", "ATL", NameKind::kCommon,
                                                        "en", Interval::Always(), "test"}});
  ASSERT_FALSE(r.ok());
  EXPECT_NE(r.status().message().find("ATL"), std::string::npos);
}

}  // namespace
}  // namespace dyad::world
