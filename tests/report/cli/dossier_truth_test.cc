// The truth suite, dossier side (issue 9): what `dyad report` says for a pair as of a date is
// true as of that date according to its sources, or says how current they are. It runs the
// built `dyad` binary (DYAD_BINARY) once per pair and date, on the bundled data (text packs
// and the knowledge-base snapshot), and reads the JSON dossier. Each test is named after what
// it checks; the dates are fixed so answers do not drift.
#include <gtest/gtest.h>
#include <sys/wait.h>

#include <cstdio>
#include <map>
#include <set>
#include <string>

#include <nlohmann/json.hpp>

namespace {

using Json = nlohmann::ordered_json;

// The JSON dossier of `a`–`b` as of `on`, built once per run.
const Json& Dossier(const std::string& a, const std::string& b, const std::string& on) {
  static std::map<std::string, Json> cache;
  const std::string args = a + " " + b + " --as-of " + on;
  if (auto it = cache.find(args); it != cache.end()) return it->second;
  const std::string cmd = std::string(DYAD_BINARY) + " report " + args + " --format json --no-events 2>/dev/null";
  std::string out;
  FILE* p = popen(cmd.c_str(), "r");
  char buf[65536];
  size_t n;
  while (p != nullptr && (n = fread(buf, 1, sizeof buf, p)) > 0) out.append(buf, n);
  const int status = p ? pclose(p) : -1;
  Json j = WIFEXITED(status) && WEXITSTATUS(status) == 0 ? Json::parse(out, nullptr, false) : Json();
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
  // In 2010 the same source still speaks for the date.
  const Json& then = Dossier("KGZ", "USA", "2010-01-01")["infobox"]["envoys"]["a_in_b"];
  EXPECT_EQ(then["undated"].size(), 1u);
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

TEST_F(DossierTruth, BothStatesPartyToTheTreatyOf1993IsOneLine) {
  int lines = 0;
  for (const Json& f : TimelineFacts(KgzUsa()))
    if (Text(f, "relation") == "party_to") {
      ++lines;
      EXPECT_EQ(Text(f, "text").rfind("Kyrgyzstan and the United States were parties to", 0), 0u) << Text(f, "text");
    }
  EXPECT_EQ(lines, 1);
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

}  // namespace
