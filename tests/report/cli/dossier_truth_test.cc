// The truth suite, dossier side (issue 9): what `dyad report` says for a pair as of a date is
// true as of that date according to its sources, or says how current they are. It runs the
// built `dyad` binary (DYAD_BINARY) once per pair and date, on the bundled data (text packs
// and the knowledge-base snapshot), and reads the JSON dossier. Each test is named after what
// it checks; the dates are fixed so answers do not drift.
#include <gtest/gtest.h>

#include <cctype>
#include <cstdio>
#include <map>
#include <set>
#include <string>
#include <tuple>
#include <vector>

#include <nlohmann/json.hpp>

#include "../../cli_runner.h"

namespace {

using Json = nlohmann::ordered_json;

// The JSON dossier of `a`–`b` as of `on`, built once per run.
const Json& Dossier(const std::string& a, const std::string& b, const std::string& on) {
  static std::map<std::string, Json> cache;
  const std::string args = a + " " + b + " --as-of " + on;
  if (auto it = cache.find(args); it != cache.end()) return it->second;
  const std::string cmd = std::string(DYAD_BINARY) + " report " + args + " --format json --no-events 2>/dev/null";
  const dyad::testing::CmdResult r = dyad::testing::RunShell(cmd);
  Json j = r.exit_code == 0 ? Json::parse(r.output, nullptr, false) : Json();
  return cache.emplace(args, std::move(j)).first->second;
}

const Json& KgzUsa() { return Dossier("KGZ", "USA", "2026-12-01"); }

// Every fact statement of the timeline (items of type "fact", not the happenings).
std::vector<Json> TimelineFacts(const Json& d) {
  std::vector<Json> out;
  for (const Json& y : d["timeline"])
    for (const Json& item : y["items"])
      if (item.value("type", "") == "fact") out.push_back(item);
  return out;
}

const Json* Chief(const Json& chiefs, const std::string& person) {
  for (const Json& c : chiefs)
    if (c.value("person", "") == person) return &c;
  return nullptr;
}

std::string Text(const Json& j, const char* key) { return j.contains(key) && j[key].is_string() ? j[key].get<std::string>() : ""; }

// Adds every number of every "cite"-like array under `j` to `out`.
void CitedNumbers(const Json& j, std::set<int>* out) {
  if (j.is_object()) {
    for (auto it = j.begin(); it != j.end(); ++it) {
      const bool cite = it.key().find("cite") != std::string::npos;
      if (cite && it.value().is_array())
        for (const Json& n : it.value())
          if (n.is_number_integer()) out->insert(n.get<int>());
      if (cite && it.value().is_number_integer()) out->insert(it.value().get<int>());
      CitedNumbers(it.value(), out);
    }
  }
  if (j.is_array())
    for (const Json& x : j) CitedNumbers(x, out);
}

class DossierTruth : public testing::Test {
 protected:
  void SetUp() override {
    if (KgzUsa().is_null()) GTEST_SKIP() << "dyad report KGZ USA did not run (bundled data absent?)";
  }
};

// ---- 1. open terms, successors and the source's currency

TEST_F(DossierTruth, McWilliamsOpenTermEndsWhenTheNextChiefOfMissionArrives) {
  const Json* t = Chief(KgzUsa()["representation"]["chiefs"]["b_in_a"], "Edmund McWilliams");
  ASSERT_NE(t, nullptr);
  EXPECT_EQ(Text(*t, "end"), "1992-09-16") << "the day before Hurwitz's term begins";
  EXPECT_TRUE((*t)["end_implicit"].get<bool>());
  EXPECT_FALSE((*t)["ongoing"].get<bool>());
  EXPECT_NE(Text(*t, "when").find("until the next chief of mission, c. 16 September 1992"), std::string::npos);
  for (const Json& f : TimelineFacts(KgzUsa()))
    if (Text(f, "text").find("McWilliams") != std::string::npos) {
      EXPECT_EQ(Text(f, "when").find("last recorded"), std::string::npos);
    }
}

TEST_F(DossierTruth, DonaldLuIsLastRecordedNotServingIn2026) {
  const Json& env = KgzUsa()["infobox"]["envoys"]["b_in_a"];
  EXPECT_TRUE(env["heads"].empty()) << "the source stops in 2021";
  ASSERT_EQ(env["last_recorded"].size(), 1u);
  EXPECT_EQ(Text(env["last_recorded"][0], "person"), "Donald Lu");
  EXPECT_EQ(Text(env, "current_to"), "2021-01-20");
  EXPECT_TRUE(env["beyond_currency"].get<bool>());
  const Json* lu = Chief(KgzUsa()["representation"]["chiefs"]["b_in_a"], "Donald Lu");
  ASSERT_NE(lu, nullptr);
  EXPECT_TRUE((*lu)["beyond_currency"].get<bool>());
  EXPECT_EQ(Text(*lu, "current_to"), "2021-01-20");
}

TEST_F(DossierTruth, UndatedOtunbaevPastHisSourcesCurrencyIsNotTheCurrentChief) {
  const Json& env = KgzUsa()["infobox"]["envoys"]["a_in_b"];
  EXPECT_TRUE(env["heads"].empty());
  EXPECT_TRUE(env["undated"].empty()) << "an undated term past its source's currency is not current";
  ASSERT_EQ(env["last_recorded"].size(), 1u);
  EXPECT_EQ(Text(env["last_recorded"][0], "person"), "Bolot I. Otunbaev");
  // In 2010, before the 2017 source that names him, nothing says he served yet (he did not:
  // he presented his credentials years later): he is neither current nor last recorded.
  const Json& then = Dossier("KGZ", "USA", "2010-01-01")["infobox"]["envoys"]["a_in_b"];
  EXPECT_TRUE(then["undated"].empty());
  EXPECT_TRUE(then["heads"].empty());
  EXPECT_TRUE(then["last_recorded"].empty());
}

// Every fact statement anywhere in the dossier (objects with "relation" and "when").
void AllStatements(const Json& j, std::vector<Json>* out) {
  if (j.is_object() && j.contains("relation") && j.contains("when")) out->push_back(j);
  if (j.is_object() || j.is_array())
    for (const Json& x : j) AllStatements(x, out);
}

TEST_F(DossierTruth, SpanWithAnEndAndNoStartNeverReadsSinceNothing) {
  // "until July 2015" (the 1993 agreement in force) as of 2014 and 1991 was "since " and the
  // present tense: a start that is not there was read (Interval::Since(*start)).
  for (const char* on : {"1991-12-01", "2014-07-01", "2026-12-01"}) {
    std::vector<Json> all;
    AllStatements(Dossier("KGZ", "USA", on), &all);
    ASSERT_FALSE(all.empty()) << on;
    for (const Json& f : all) {
      const std::string when = Text(f, "when");
      EXPECT_NE(when, "since ") << on << ": " << Text(f, "text");
      EXPECT_FALSE(when.size() >= 6 && when.compare(when.size() - 6, 6, "since ") == 0) << on << ": " << when;
      if (Text(f, "relation") == "agreement_in_force" && std::string(on) < "2015") {
        ADD_FAILURE() << on << ": an agreement whose start is unknown is not said to be in force before its end: "
                      << Text(f, "text");
      }
    }
  }
}

TEST_F(DossierTruth, KgzUsa1991ShowsNoUndatedRecordOfALaterSource) {
  // As of 1 December 1991 (before recognition), the 2017 sources' undated embassy address,
  // ambassador and assistance say nothing of that date.
  const Json& d = Dossier("KGZ", "USA", "1991-12-01");
  ASSERT_FALSE(d.is_null());
  std::vector<Json> all;
  AllStatements(d, &all);
  for (const Json& f : all) {
    const std::string cur = Text(f, "current_to");
    if (f.value("undated", false)) {
      EXPECT_LE(cur, "1991-12-01") << Text(f, "text");
    }
    EXPECT_EQ(Text(f, "text").find("Otunbaev"), std::string::npos);
    EXPECT_EQ(Text(f, "text").find("Prospect Mira"), std::string::npos);
  }
  const Json& env = d["infobox"]["envoys"]["a_in_b"];
  EXPECT_TRUE(env["heads"].empty() && env["undated"].empty() && env["last_recorded"].empty());
  EXPECT_TRUE(d["representation"]["missions"]["a_in_b"].empty()) << "no Kyrgyz embassy is recorded by 1991";
  EXPECT_TRUE(d["representation"]["missions"]["b_in_a"].empty()) << "the US embassy opened in 1992";
}

TEST_F(DossierTruth, OverviewRecognitionIsOneStatementLikeTheTimeline) {
  // 25 December 1991 (the Historian) and 26 December 1991 (the ambassadors' list) were two
  // overview lines, the same fact twice; the timeline gives one line with the other date.
  const Json& rec = KgzUsa()["overview"]["relations"]["recognition"];
  ASSERT_EQ(rec.size(), 1u);
  EXPECT_EQ(Text(rec[0], "when"), "25 December 1991");
  ASSERT_TRUE(rec[0].contains("other_dates"));
  EXPECT_EQ(Text(rec[0]["other_dates"][0], "when"), "26 December 1991");
  EXPECT_NE(Text(KgzUsa()["overview"], "summary").find("(another source gives 26 December 1991"), std::string::npos)
      << "the summary keeps the other source's date";
}

TEST_F(DossierTruth, OverviewSentencesBeginWithACapitalUssrUsa1980AndUsaDeu) {
  // "the Soviet Union and the United States have been in diplomatic relations since ..."
  for (const auto& [a, b, on] : std::vector<std::tuple<std::string, std::string, std::string>>{
           {"USSR", "USA", "1980"}, {"USA", "DEU", "2026-12-01"}, {"KGZ", "USA", "2026-12-01"}}) {
    const Json& d = Dossier(a, b, on);
    ASSERT_FALSE(d.is_null()) << a << "–" << b;
    const std::string text = Text(d["overview"], "summary");
    ASSERT_FALSE(text.empty());
    // A cited sentence ends "[n]. "; the next one starts with a capital.
    for (size_t at = 0; (at = text.find("]. ", at)) != std::string::npos; at += 3) {
      const unsigned char next = static_cast<unsigned char>(text[at + 3]);
      EXPECT_FALSE(std::islower(next)) << a << "–" << b << ": " << text.substr(at, 60);
    }
    EXPECT_FALSE(std::islower(static_cast<unsigned char>(text[0]))) << a << "–" << b << ": " << text.substr(0, 60);
  }
}

TEST_F(DossierTruth, TimelineLinesHaveNoFullStopBeforeTheirCitation) {
  // "A US serviceman shot dead a Kyrgyz civilian ... at the base. [4]" beside fact lines
  // that end without one.
  for (const Json& y : KgzUsa()["timeline"])
    for (const Json& item : y["items"]) {
      const std::string t = Text(item, "text");
      ASSERT_FALSE(t.empty());
      EXPECT_FALSE(t.size() >= 2 && t.back() == '.' && std::islower(static_cast<unsigned char>(t[t.size() - 2]))) << t;
    }
}

TEST_F(DossierTruth, AsOf2100StatesNoCapitalAndNoPresentMembership) {
  // "nothing is known for that date" beside "Capital: Bishkek" and "Both are members of ...".
  const Json& d = Dossier("KGZ", "USA", "2100");
  ASSERT_FALSE(d.is_null());
  for (const Json& s : d["states"]) EXPECT_TRUE(Text(s, "capital").empty()) << Text(s, "name");
  const std::string text = Text(d["overview"], "summary");
  EXPECT_NE(text.find("nothing is known for that date"), std::string::npos);
  EXPECT_EQ(text.find("Both are members"), std::string::npos) << text;
  EXPECT_NE(text.find("Both were last recorded as members"), std::string::npos);
}

TEST_F(DossierTruth, UssrUsaReportAsOf1980IsTheSovietUnionsRelations) {
  // `dyad report USSR USA --as-of 1980` reaches the Soviet Union, not Russia: in relations
  // since 16 November 1933, Thomas J. Watson Jr. the US ambassador in Moscow.
  const Json& d = Dossier("USSR", "USA", "1980");
  ASSERT_FALSE(d.is_null());
  EXPECT_EQ(Text(d["states"][0], "key"), "SUHH");
  EXPECT_EQ(Text(d["overview"]["relations"], "state"), "in relations");
  ASSERT_FALSE(d["overview"]["relations"]["since"].empty());
  EXPECT_EQ(Text(d["overview"]["relations"]["since"][0], "start"), "1933-11-16");
  const Json& heads = d["infobox"]["envoys"]["b_in_a"]["heads"];
  ASSERT_EQ(heads.size(), 1u);
  EXPECT_EQ(Text(heads[0], "person"), "Thomas J. Watson Jr.");
}

// ---- the reporting chain is one date's

TEST_F(DossierTruth, ReportingChainHoldersAreAllInOfficeOnTheDossiersDate) {
  // The bureau's undated responsibility for Kyrgyzstan rests on sources current to 2005 and
  // 2017: as of 2001 nothing says it was already the responsible office.
  EXPECT_TRUE(Dossier("KGZ", "USA", "2001-12-31")["representation"]["offices"]["b"].empty());
  for (const char* on : {"2014-07-01", "2017-06-26"}) {
    const Json& offices = Dossier("KGZ", "USA", on)["representation"]["offices"]["b"];
    ASSERT_EQ(offices.size(), 1u) << on;
    int holders = 0;
    for (const Json& step : offices[0]["chain"])
      for (const Json& h : step["holders"]) {
        ++holders;
        EXPECT_LE(Text(h, "start"), std::string(on)) << on << ": " << Text(h, "text");
        const std::string end = Text(h, "end");
        EXPECT_TRUE(end.empty() || end >= std::string(on).substr(0, end.size())) << on << ": " << Text(h, "text");
      }
    EXPECT_EQ(holders, 3) << on << ": the assistant secretary, the under secretary and the secretary";
  }
}

// The Markdown dossier of `a`–`b` as of `on`.
std::string Markdown(const std::string& a, const std::string& b, const std::string& on) {
  const std::string cmd = std::string(DYAD_BINARY) + " report " + a + " " + b + " --as-of " + on +
                          " --format md --no-events 2>/dev/null";
  return dyad::testing::RunShell(cmd).output;
}

TEST_F(DossierTruth, ReportingChainSaysItsDateAndCitesEachHolder) {
  const std::string md = Markdown("KGZ", "USA", "2014-07-01");
  EXPECT_NE(md.find("Reporting chain on 1 July 2014:"), std::string::npos);
  EXPECT_NE(md.find("Nisha Desai Biswal \\["), std::string::npos) << "each holder carries their citation";
  EXPECT_EQ(md.find("Affairs \n"), std::string::npos) << "no trailing space where a step has no citation";
  const std::string today = Markdown("KGZ", "USA", "2026-12-01");
  EXPECT_NE(today.find("Reporting chain on 1 December 2026 (no holder recorded for that date):"), std::string::npos);
}

// ---- 2. no date invented from a source's currency

TEST_F(DossierTruth, ManasSettlementIsInOrAfter2006NotUntilTheSeedsCurrency) {
  bool found = false;
  for (const Json& y : KgzUsa()["timeline"])
    for (const Json& item : y["items"]) {
      if (item.value("type", "") != "occurrence") continue;
      const Json& o = item;
      EXPECT_NE(Text(o, "end"), "2017-06-26") << Text(o, "text");
      if (Text(o, "id") != "occ:manas-shooting-settlement") continue;
      found = true;
      EXPECT_EQ(Text(o, "when"), "in or after 2006");
    }
  EXPECT_TRUE(found);
}

// ---- 3. one statement per fact, one mission per post

TEST_F(DossierTruth, TheSameFactFromTwoSourcesIsOneStatementWithBoth) {
  int opened = 0;
  for (const Json& f : TimelineFacts(KgzUsa())) {
    if (Text(f, "relation") != "mission_opened") continue;
    ++opened;
    ASSERT_TRUE(f.contains("other_dates")) << "1992 and 1 February 1992 are two dates for one opening";
  }
  EXPECT_EQ(opened, 1);
}

TEST_F(DossierTruth, NoTimelineLineIsRepeated) {
  for (const auto& [a, b] : std::vector<std::pair<std::string, std::string>>{
           {"KGZ", "USA"}, {"USA", "CHN"}, {"USA", "DEU"}, {"USA", "RUS"}, {"USA", "CUB"}, {"FRA", "DEU"}, {"IND", "PAK"}}) {
    const Json& d = Dossier(a, b, "2026-12-01");
    ASSERT_FALSE(d.is_null()) << a << "–" << b;
    std::set<std::string> seen;
    for (const Json& f : TimelineFacts(d)) {
      const std::string line = Text(f, "when") + " — " + Text(f, "text");
      EXPECT_TRUE(seen.insert(line).second) << a << "–" << b << ": " << line;
    }
  }
}

TEST_F(DossierTruth, OneMissionPerPostAndNoneEmpty) {
  const Json& m = KgzUsa()["representation"]["missions"];
  ASSERT_EQ(m["a_in_b"].size(), 1u) << "the Embassy of Kyrgyzstan in Washington, D.C., once";
  ASSERT_EQ(m["b_in_a"].size(), 1u) << "the US embassy under three names is one post";
  for (const Json& side : {m["a_in_b"], m["b_in_a"]})
    for (const Json& mission : side) EXPECT_FALSE(mission["facts"].empty()) << Text(mission, "name");
}

TEST_F(DossierTruth, The1993AgreementIsOneTimelineLineAtItsSignatureAndOneAtItsEnd) {
  // It was three lines (both parties, signed, and in force "until July 2015") besides its
  // termination: the timeline tells a bilateral agreement once, at its signature.
  std::map<std::string, int> lines;
  for (const Json& f : TimelineFacts(KgzUsa()))
    if (Text(f, "text").find("cooperation agreement of 1993") != std::string::npos) ++lines[Text(f, "relation")];
  EXPECT_EQ(lines, (std::map<std::string, int>{{"agreement_signed", 1}, {"agreement_terminated", 1}}));
}

// The agreement a timeline statement speaks of (its subject or a party's object), or "".
std::string AgreementIn(const Json& f) {
  const std::string rel = Text(f, "relation");
  if (rel == "party_to") return Text(f, "object");
  return rel.rfind("agreement_", 0) == 0 ? Text(f, "subject") : "";
}

const std::vector<std::pair<std::string, std::string>>& TreatyPairs() {
  static const std::vector<std::pair<std::string, std::string>> pairs{
      {"FRA", "DEU"}, {"IND", "PAK"}, {"USA", "DEU"}, {"KGZ", "USA"}, {"KGZ", "KAZ"}};
  return pairs;
}

TEST_F(DossierTruth, FraDeuTimelineHoldsNoMultilateralTreatyAndOneLinePerTreatyAndDate) {
  // FRA–DEU's timeline held ~225 treaty lines: every Rhine and North Sea convention both
  // joined, twice ("were parties to" and "was in force"). Multilateral treaties are the
  // agreements section's list; a bilateral one is one line at its signature.
  for (const auto& [a, b] : TreatyPairs()) {
    const Json& d = Dossier(a, b, "2026-12-01");
    ASSERT_FALSE(d.is_null()) << a << "–" << b;
    std::set<std::string> multilateral, seen;
    for (const Json& g : d["agreements"])
      if (g.value("multilateral", false)) multilateral.insert(Text(g, "id"));
    for (const Json& f : TimelineFacts(d)) {
      const std::string id = AgreementIn(f);
      if (id.empty()) continue;
      EXPECT_FALSE(multilateral.count(id)) << a << "–" << b << ": " << Text(f, "text");
      EXPECT_TRUE(seen.insert(Text(f, "text").substr(0, 40) + "|" + Text(f, "start")).second)
          << a << "–" << b << ": two lines for one treaty on one date: " << Text(f, "text");
    }
  }
}

TEST_F(DossierTruth, AgreementStatusAgreesWithItsLinesNeverExpiredBesideAnOpenInForce) {
  // "— expired [2]" headed an agreement listed "since 17 April 1869 (last recorded
  // 2023-10-11) — … was in force": a term past its source's currency is in force as last recorded.
  for (const auto& [a, b] : TreatyPairs()) {
    const Json& d = Dossier(a, b, "2026-12-01");
    for (const Json& g : d["agreements"]) {
      const std::string status = Text(g, "status"), text = Text(g, "status_text");
      const std::string lead = status == "recorded" ? "both are parties" : status;
      EXPECT_EQ(text.rfind(lead, 0), 0u) << a << "–" << b << ": " << text << " is not " << status;
      for (const Json& f : g["facts"]) {
        if (Text(f, "relation") != "agreement_in_force" || Text(f, "end") != "") continue;
        EXPECT_NE(status, "expired") << a << "–" << b << ": " << Text(g, "name");
        if (status != "in force") continue;
        EXPECT_EQ(text, "in force " + Text(f, "when")) << a << "–" << b << ": " << Text(g, "name");
      }
    }
  }
  const Json* rhine = nullptr;
  for (const Json& g : Dossier("FRA", "DEU", "2026-12-01")["agreements"])
    if (Text(g, "name") == "Revised Convention On The Navigation Of The Rhine") rhine = &g;
  ASSERT_NE(rhine, nullptr);
  EXPECT_EQ(Text(*rhine, "status_text"), "in force since 1 July 1869 (last recorded 2023-10-11)");
  EXPECT_TRUE((*rhine)["multilateral"].get<bool>());
}

TEST_F(DossierTruth, OneTreatyFromTwoDatasetsIsOneAgreementFraDeu) {
  // The Rhine convention of 4 July 1969 came from two treaty datasets under two ids: two
  // agreements, one in force since 2 October 1970, the other since 20 October.
  std::map<std::string, int> names;
  for (const Json& g : Dossier("FRA", "DEU", "2026-12-01")["agreements"]) {
    std::string name = Text(g, "name");
    for (char& ch : name) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
    EXPECT_EQ(++names[name], 1) << Text(g, "name");
  }
}

TEST_F(DossierTruth, EmptySectionsAreOneCitedNotRecordedLineGmbIsrFraDeuIndPak) {
  // "## Security: No installations recorded.", "## Assistance: No assistance recorded.", …
  // and "## Trade and currency: Nothing recorded." padded non-US dossiers.
  for (const auto& [a, b] : std::vector<std::pair<std::string, std::string>>{
           {"FRA", "DEU"}, {"IND", "PAK"}, {"GMB", "ISR"}}) {
    const Json& d = Dossier(a, b, "2026-12-01");
    ASSERT_FALSE(d.is_null()) << a << "–" << b;
    std::set<std::string> left_out;
    for (const Json& n : d["not_recorded"]) {
      for (const Json& s : n["sections"]) left_out.insert(s.get<std::string>());
      const std::string text = Text(n, "text");
      EXPECT_TRUE(!n["cite"].empty() || text.find("no source of the knowledge base") != std::string::npos) << text;
    }
    EXPECT_LE(d["not_recorded"].size(), 2u) << a << "–" << b;
    for (const char* s : {"security", "assistance", "opinion", "trade"}) EXPECT_TRUE(left_out.count(s)) << a << "–" << b << ": " << s;
    const std::string md = Markdown(a, b, "2026-12-01");
    for (const char* padding : {"## Security", "## Assistance", "## Public opinion", "## Trade and currency",
                                "No installations recorded", "Nothing recorded.", "No poll results recorded"})
      EXPECT_EQ(md.find(padding), std::string::npos) << a << "–" << b << ": " << padding;
    EXPECT_NE(md.find("## Not recorded"), std::string::npos) << a << "–" << b;
  }
}

// ---- 4. sections hold only what belongs

TEST_F(DossierTruth, ThirdStateTradeIsContextNotTradeAndCurrency) {
  for (const char* side : {"pair", "a", "b"})
    for (const Json& f : KgzUsa()["trade_currency"][side]) {
      for (const char* key : {"subject", "object"}) {
        const std::string s = Text(f, key);
        EXPECT_TRUE(s.empty() || s == "KGZ" || s == "USA" || s.find(':') != std::string::npos) << Text(f, "text");
      }
    }
  bool kazakh_trade_in_context = false;
  for (const Json& f : KgzUsa()["context"]["b"]) kazakh_trade_in_context |= Text(f, "subject") == "KAZ";
  for (const Json& f : KgzUsa()["context"]["a"]) kazakh_trade_in_context |= Text(f, "subject") == "KAZ";
  EXPECT_TRUE(kazakh_trade_in_context);
}

TEST_F(DossierTruth, MembershipsShowTheUnitedStatesInTheUnOsceAndWto) {
  std::set<std::string> shared;
  for (const Json& m : KgzUsa()["memberships"]["shared"]) shared.insert(Text(m, "organization"));
  for (const char* org : {"org:un", "org:osce", "org:wto"}) EXPECT_TRUE(shared.count(org)) << org;
}

TEST_F(DossierTruth, CisMembershipIn2010IsCorroboratedByTheLaterSourceNotLastRecordedIn1991) {
  // As of 2010 the Alma-Ata protocol (current to its own day) gives the start; the 2017
  // article still lists Kyrgyzstan: a member, not "last recorded 1991-12-21".
  const Json& d = Dossier("KGZ", "USA", "2010-01-01");
  bool found = false;
  for (const Json& f : d["memberships"]["only_a"]) {
    if (Text(f, "organization") != "org:cis") continue;
    found = true;
    EXPECT_EQ(Text(f, "when").find("last recorded"), std::string::npos) << Text(f, "when");
    EXPECT_TRUE(f["ongoing"].get<bool>());
    EXPECT_EQ(Text(f, "text").find(" was "), std::string::npos) << "ongoing, so in the present: " << Text(f, "text");
    EXPECT_GE(f["cite"].size(), 2u);
  }
  EXPECT_TRUE(found);
}

TEST_F(DossierTruth, CisMembershipIsNotLastRecordedOnTheDayItBegan) {
  for (const char* side : {"only_a", "only_b"})
    for (const Json& f : KgzUsa()["memberships"][side]) EXPECT_EQ(Text(f, "when").find("last recorded 1991-12-21"), std::string::npos);
  for (const Json& m : KgzUsa()["memberships"]["shared"])
    for (const char* side : {"a", "b"}) EXPECT_EQ(Text(m[side], "when").find("last recorded 1991-12-21"), std::string::npos);
}

// ---- 5. currency in the header and the sources list; every listed source cited

TEST_F(DossierTruth, HeaderSaysHowCurrentEachSectionIs) {
  const Json& cur = KgzUsa()["currency"];
  ASSERT_FALSE(cur.empty());
  std::set<std::string> sections;
  for (const Json& s : cur) sections.insert(Text(s, "section"));
  for (const char* s : {"representation", "timeline", "memberships"}) EXPECT_TRUE(sections.count(s)) << s;
}

TEST_F(DossierTruth, EveryCuratedSourceListedShowsItsCurrency) {
  for (const Json& s : KgzUsa()["sources"])
    if (Text(s, "id").rfind("kgz-usa:", 0) == 0) {
      EXPECT_FALSE(Text(s, "current_to").empty()) << Text(s, "id");
    }
}

TEST_F(DossierTruth, EveryListedSourceIsCitedByAShownStatement) {
  for (const auto& [a, b] : std::vector<std::pair<std::string, std::string>>{{"KGZ", "USA"}, {"USA", "CHN"}, {"USA", "CUB"}}) {
    const Json& d = Dossier(a, b, "2026-12-01");
    Json body = d;
    body.erase("sources");
    std::set<int> cited;
    CitedNumbers(body, &cited);
    for (const Json& s : d["sources"]) EXPECT_TRUE(cited.count(s["n"].get<int>())) << a << "–" << b << ": " << Text(s, "id");
  }
}

// ---- 6. the mission header lists only posts open on the date

TEST_F(DossierTruth, UsaChnMissionsOmitTheChengduConsulateClosedIn2020) {
  const Json& d = Dossier("USA", "CHN", "2026-12-01");
  ASSERT_FALSE(d.is_null());
  for (const Json& m : d["representation"]["missions"]["a_in_b"])
    EXPECT_EQ(Text(m, "name").find("Chengdu"), std::string::npos) << "not in the 2022 listing of US posts in China";
}

// ---- 7. dates in prose at the as-of date's precision

TEST_F(DossierTruth, StatusOnAYearOnlyAsOfReadsIn1980NotOn1980UssrUsa) {
  const std::string md = Markdown("USSR", "USA", "1980");
  ASSERT_FALSE(md.empty());
  EXPECT_NE(md.find("Status in 1980: **in relations**"), std::string::npos);
  EXPECT_NE(md.find("*As of 1980."), std::string::npos);
  EXPECT_EQ(md.find(" on 1980"), std::string::npos) << "a year is not a day";
  const std::string day = Markdown("KGZ", "USA", "2026-12-01");
  EXPECT_NE(day.find("Status on 1 December 2026:"), std::string::npos);
  EXPECT_NE(day.find("*As of 1 December 2026."), std::string::npos);
}

}  // namespace
