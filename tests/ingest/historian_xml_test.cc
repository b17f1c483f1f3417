// The historian XML readers, on the real files in ../shared/data/historian/ and on
// broken files written by the tests.
#include "ingest/historian_xml.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <unistd.h>

#include "base/paths.h"

namespace dyad::ingest {
namespace {

namespace fs = std::filesystem;

std::string HistorianDir() { return SharedDir() + "/data/historian"; }

// Reading is the expensive part; share one read between the tests.
const HistorianData* Real() {
  static const HistorianData* data = [] () -> const HistorianData* {
    if (!fs::is_directory(HistorianDir())) return nullptr;
    auto r = ReadHistorianDir(HistorianDir());
    return r.ok() ? new HistorianData(std::move(r).value()) : nullptr;
  }();
  return data;
}

#define REQUIRE_REAL()                                                              \
  if (Real() == nullptr)                                                            \
    GTEST_SKIP() << "historian data not found at " << HistorianDir()               \
                 << " (set DYAD_SHARED)";

template <typename T, typename F>
std::vector<const T*> Where(const std::vector<T>& v, F pred) {
  std::vector<const T*> out;
  for (const T& x : v)
    if (pred(x)) out.push_back(&x);
  return out;
}

TEST(HistorianXml, ReadsEveryFileWithoutErrors) {
  REQUIRE_REAL();
  for (const FileError& e : Real()->file_errors) ADD_FAILURE() << e.file << ": " << e.message;
  EXPECT_EQ(Real()->commits.at("pocom"), "44d2226df6b26f8f5807215ec40e3a6c4d706bbb");
  EXPECT_EQ(Real()->commits.size(), 5u);
}

TEST(HistorianXml, CountsMatchTheDatasets) {
  REQUIRE_REAL();
  const HistorianData& d = *Real();
  size_t country_chiefs = Where(d.chiefs, [](const ChiefRecord& c) { return !c.org_mission; }).size();
  EXPECT_EQ(country_chiefs, 5743u);
  EXPECT_EQ(d.chiefs.size() - country_chiefs, 225u);
  EXPECT_EQ(d.principals.size(), 1294u);
  EXPECT_EQ(d.positions.size(), 83u);
  EXPECT_EQ(d.org_missions.size(), 16u);
  EXPECT_EQ(d.concurrents.size(), 333u);
  EXPECT_EQ(d.territories.size(), 577u);
  EXPECT_EQ(d.posts.size(), 1170u);
  EXPECT_EQ(d.locales.size(), 1147u);
  EXPECT_EQ(d.regions.size(), 6u);
  EXPECT_EQ(d.rdcr.size(), 1222u);
  EXPECT_EQ(d.visits.size(), 3264u);
  EXPECT_EQ(d.trips.size(), 4271u);
}

TEST(HistorianXml, KyrgyzstanChiefsOfMission) {
  REQUIRE_REAL();
  auto kg = Where(Real()->chiefs, [](const ChiefRecord& c) { return c.mission_id == "kyrgyzstan"; });
  ASSERT_EQ(kg.size(), 12u);
  const ChiefRecord& first = *kg[0];
  EXPECT_EQ(first.prov.record_id, "kg-1992-mcwi-01");
  EXPECT_EQ(first.person_id, "mcwilliams-edmund");
  EXPECT_EQ(first.role_title_id, "charge-daffaires-ad-interim");
  EXPECT_EQ(first.started.date, "1992-02-01");
  const ChiefRecord& h = *kg[1];
  EXPECT_EQ(h.prov.dataset, "pocom");
  EXPECT_EQ(h.prov.file, "missions-countries/kyrgyzstan.xml");
  EXPECT_EQ(h.prov.line, 32u);
  EXPECT_EQ(h.prov.commit, "44d2226df6b26f8f5807215ec40e3a6c4d706bbb");
  EXPECT_EQ(h.person_id, "hurwitz-edward");
  EXPECT_EQ(h.role_title_id, "ambassador-e-p");
  EXPECT_EQ(h.appointed.date, "1992-08-11");
  EXPECT_EQ(h.started.date, "1992-09-17");
  EXPECT_EQ(h.ended.date, "1994-10-11");
  EXPECT_EQ(h.ended.note, "Left post on");
  EXPECT_EQ(kg[2]->started.date, "1993-03");  // month precision kept as text
  EXPECT_EQ(Real()->people.at("hurwitz-edward").surname, "Hurwitz");
  EXPECT_EQ(Real()->roles.at("charge-daffaires-ad-interim").singular,
            "Chargé d’Affaires ad interim");
}

TEST(HistorianXml, PrincipalsAndBureauRegions) {
  REQUIRE_REAL();
  auto sca = Where(Real()->positions, [](const PositionRecord& p) {
    return p.id == "assistant-secretary-for-south-asian-affairs";
  });
  ASSERT_EQ(sca.size(), 1u);
  EXPECT_EQ(sca[0]->name, "Assistant Secretary of State for South and Central Asian Affairs");
  EXPECT_EQ(sca[0]->category, "assistant-secretary-geo");
  auto raphel = Where(Real()->principals, [](const PrincipalRecord& p) { return p.prov.record_id == "affa-1993-raph"; });
  ASSERT_EQ(raphel.size(), 1u);
  EXPECT_EQ(raphel[0]->started.date, "1993-08-06");
  EXPECT_EQ(raphel[0]->ended.date, "1997-06-27");
  auto region = Where(Real()->regions, [](const RegionRecord& r) { return r.id == "sca"; });
  ASSERT_EQ(region.size(), 1u);
  EXPECT_EQ(region[0]->territory_ids.size(), 13u);
  EXPECT_NE(std::find(region[0]->territory_ids.begin(), region[0]->territory_ids.end(), "kyrgyzstan"),
            region[0]->territory_ids.end());
}

TEST(HistorianXml, GshTerritoriesPostsLocales) {
  REQUIRE_REAL();
  auto kg = Where(Real()->territories, [](const TerritoryRecord& t) { return t.id == "kyrgyzstan"; });
  ASSERT_EQ(kg.size(), 1u);
  EXPECT_EQ(kg[0]->long_name, "Kyrgyz Republic");
  EXPECT_EQ(kg[0]->valid_since, "1991");
  EXPECT_EQ(kg[0]->predecessors, std::vector<std::string>{"kirgiziya-1991"});
  auto post = Where(Real()->posts, [](const PostRecord& p) { return p.prov.record_id == "bishkek"; });
  ASSERT_EQ(post.size(), 1u);
  EXPECT_EQ(post[0]->post_type, "embassy");
  EXPECT_EQ(post[0]->territory_id, "kyrgyzstan");
  ASSERT_EQ(post[0]->events.size(), 1u);
  EXPECT_EQ(post[0]->events[0], (std::pair<std::string, std::string>{"opened", "1992"}));
  EXPECT_EQ(Real()->locales.at("bishkek").latitude, "42.8799960214");
  EXPECT_EQ(Real()->countries.at("kyrgyzstan").iso2, "kg");
}

TEST(HistorianXml, RdcrTimelineEntries) {
  REQUIRE_REAL();
  auto kg = Where(Real()->rdcr, [](const RdcrEntry& e) { return e.article_id == "kyrgyzstan"; });
  ASSERT_EQ(kg.size(), 3u);
  EXPECT_EQ(kg[0]->section, "recognition");
  EXPECT_EQ(kg[0]->head, "U.S. Recognition of Kyrgyzstan, 1991.");
  EXPECT_EQ(kg[0]->head_when, "1991");
  EXPECT_EQ(kg[2]->prov.record_id, "kyrgyzstan/diplomatic_relations/2");
  EXPECT_EQ(kg[2]->head_when, "2004");  // the heading's year; the text says 1992
  EXPECT_NE(kg[2]->text.find("established on February 1, 1992"), std::string::npos);
  EXPECT_NE(kg[2]->text.find("Chargé d’Affaires ad interim"), std::string::npos);
}

TEST(HistorianXml, VisitsAndTravels) {
  REQUIRE_REAL();
  auto baker = Where(Real()->trips, [](const TripRecord& t) {
    return t.who == "baker-james-addison" && t.country_id == "kyrgyzstan";
  });
  ASSERT_GE(baker.size(), 1u);
  EXPECT_EQ(baker[0]->start_date, "1991-12-17");
  EXPECT_EQ(baker[0]->country_label, "Kirghizia");
  EXPECT_EQ(baker[0]->locale, "Bishkek");
  EXPECT_EQ(baker[0]->role, "secretary");
  auto kalakaua = Where(Real()->visits, [](const VisitRecord& v) { return v.id == "2138"; });
  ASSERT_EQ(kalakaua.size(), 1u);
  EXPECT_EQ(kalakaua[0]->from_id, "hawaii");
  EXPECT_EQ(kalakaua[0]->start_date, "1874-12-12");
  EXPECT_EQ(kalakaua[0]->visitor, "King Kalakaua");
}

TEST(HistorianXml, MalformedFileIsNamedWithLineAndTheRestIsRead) {
  fs::path dir = fs::temp_directory_path() / ("dyad_hist_bad_" + std::to_string(::getpid()));
  fs::remove_all(dir);
  fs::create_directories(dir / "visits" / "data");
  {
    std::ofstream(dir / "visits" / "data" / "1990.xml")
        << "<visits>\n  <visit>\n    <id>1</id>\n    <start-date>1990-01-02</start-date>\n"
           "  </visit>\n</visits>\n";
    std::ofstream(dir / "visits" / "data" / "2000.xml")
        << "<visits>\n  <visit>\n    <id>2</id>\n  </visitt>\n</visits>\n";
  }
  auto r = ReadHistorianDir(dir.string());
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  ASSERT_EQ(r->visits.size(), 1u);
  EXPECT_EQ(r->visits[0].id, "1");
  EXPECT_EQ(r->visits[0].prov.line, 2u);
  auto bad = Where(r->file_errors, [](const FileError& e) {
    return e.file.find("2000.xml") != std::string::npos;
  });
  ASSERT_EQ(bad.size(), 1u);
  EXPECT_EQ(bad[0]->line, 4u);
  EXPECT_NE(bad[0]->message.find("XML parse error"), std::string::npos) << bad[0]->message;
  // The other datasets are missing: each is one error naming its folder.
  EXPECT_GE(r->file_errors.size(), 5u);
  fs::remove_all(dir);
}

TEST(HistorianXml, MissingDirectoryIsNotFound) {
  auto r = ReadHistorianDir("/nonexistent/historian");
  EXPECT_FALSE(r.ok());
  EXPECT_EQ(r.status().code(), StatusCode::kNotFound);
}

}  // namespace
}  // namespace dyad::ingest
