// The historian import as a specification: exact facts for several posts (Bishkek,
// Almaty, Paris), taken from the real files in ../shared/data/historian/.
#include "ingest/historian_import.h"

#include <gtest/gtest.h>

#include <fmt/format.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <optional>
#include <set>
#include <unistd.h>

#include "base/paths.h"
#include "kb/knowledge_base.h"
#include "kb/pack.h"
#include "world/resolver.h"
#include "world/world.h"
#include "world/world_builder.h"

namespace dyad::ingest {
namespace {

namespace fs = std::filesystem;
using kb::Fact;
using kb::Occurrence;
using kb::Relation;

std::string HistorianDir() { return SharedDir() + "/data/historian"; }

struct Imported {
  HistorianData data;
  kb::PackData pack;
  KindCounts counts;
  std::shared_ptr<const world::World> world;
  std::unique_ptr<world::Resolver> resolver;
  std::optional<TerritoryKeys> keys;
  std::string skip;  // why the fixture is unavailable
};

const Imported& Import() {
  static const Imported* imported = [] {
    auto* out = new Imported;
    if (!fs::is_directory(HistorianDir())) {
      out->skip = "historian data not found at " + HistorianDir() + " (set DYAD_SHARED)";
      return out;
    }
    auto world = world::World::LoadDefault();
    if (!world.ok()) {
      out->skip = "world registry unavailable: " + world.status().message();
      return out;
    }
    auto data = ReadHistorianDir(HistorianDir());
    if (!data.ok()) {
      out->skip = data.status().ToString();
      return out;
    }
    out->data = std::move(data).value();
    out->world = *world;
    auto resolver = world::Resolver::LoadDefault(*world);
    if (!resolver.ok()) {
      out->skip = resolver.status().ToString();
      return out;
    }
    out->resolver = std::move(resolver).value();
    auto overrides = ReadOverrides(DataDir() + "/historian/territory_keys.tsv");
    out->keys = TerritoryKeys::Make(out->data, out->resolver.get(),
                                    overrides.ok() ? std::move(overrides).value()
                                                   : std::vector<OverrideRow>{});
    const TerritoryKeys& keys = *out->keys;
    auto periods = ReadPeriodRules(DataDir() + "/historian/territory_periods.tsv");
    if (!periods.ok()) {
      out->skip = periods.status().ToString();
      return out;
    }
    RejectSink sink;
    out->pack = MapHistorian(out->data, keys, *periods, &sink, &out->counts);
    return out;
  }();
  return *imported;
}

#define REQUIRE_IMPORT() \
  if (!Import().skip.empty()) GTEST_SKIP() << Import().skip;

std::vector<const Fact*> Facts(std::string_view subject, Relation rel, std::string_view object) {
  std::vector<const Fact*> out;
  for (const Fact& f : Import().pack.facts)
    if ((subject.empty() || f.subject == subject) && f.relation == rel &&
        (object.empty() || f.object == object))
      out.push_back(&f);
  return out;
}

const Fact* ChiefFact(std::string_view record_suffix) {
  for (const Fact& f : Import().pack.facts)
    if (f.relation == Relation::kChiefOfMission && f.record.ends_with(record_suffix)) return &f;
  return nullptr;
}

std::string Q(const Fact& f, std::string_view key) { return std::string(f.QualifierValue(key)); }

// The pack form of a validity: "1991-12-25", "1992-09-17/1994-10-11", "1992/..", "undated".
std::string V(const Fact& f) { return kb::FormatInterval(f.valid, f.undated); }
std::string V(const Occurrence& o) { return kb::FormatInterval(o.when, false); }

TEST(HistorianImport, KyrgyzstanHasTwelveChiefsOfMission) {
  REQUIRE_IMPORT();
  auto chiefs = Facts("", Relation::kChiefOfMission, "mission:usa-to-kyrgyzstan");
  EXPECT_EQ(chiefs.size(), 12u);
  const kb::Entity* mission = nullptr;
  for (const kb::Entity& e : Import().pack.entities)
    if (e.id == "mission:usa-to-kyrgyzstan") mission = &e;
  ASSERT_NE(mission, nullptr);
  EXPECT_EQ(mission->owner, "USA");
  EXPECT_EQ(mission->host, "KGZ");
}

TEST(HistorianImport, HurwitzAmbassadorToKyrgyzstan) {
  REQUIRE_IMPORT();
  const Fact* f = ChiefFact("#kg-1992-hurw-01");
  ASSERT_NE(f, nullptr);
  EXPECT_EQ(f->subject, "person:hurwitz-edward");
  EXPECT_EQ(V(*f), "1992-09-17/1994-10-11");
  EXPECT_EQ(Q(*f, "role"), "ambassador-e-p");
  EXPECT_EQ(Q(*f, "appointed"), "1992-08-11");
  EXPECT_EQ(Q(*f, "credentials"), "1992-09-17");
  EXPECT_EQ(Q(*f, "ended_note"), "Left post on");
  EXPECT_EQ(f->record, "missions-countries/kyrgyzstan.xml#kg-1992-hurw-01");
  ASSERT_EQ(f->sources.size(), 1u);
  EXPECT_EQ(f->sources[0], "historian:pocom:missions-countries");
}

TEST(HistorianImport, McWilliamsChargeOpenedTheBishkekEmbassy) {
  REQUIRE_IMPORT();
  const Fact* f = ChiefFact("#kg-1992-mcwi-01");
  ASSERT_NE(f, nullptr);
  EXPECT_EQ(Q(*f, "role"), "charge-daffaires-ad-interim");
  EXPECT_EQ(V(*f), "1992-02-01/..");
  EXPECT_EQ(Q(*f, "credentials"), "");  // a chargé presents no credentials
  // rdcr: embassy established February 1, 1992 (its heading says 2004: kept as a note).
  auto opened = Facts("mission:usa-embassy-bishkek", Relation::kMissionOpened, "KGZ");
  ASSERT_EQ(opened.size(), 2u);  // gsh (year) and rdcr (day)
  std::set<std::string> dates;
  for (const Fact* o : opened) dates.insert(V(*o));
  EXPECT_EQ(dates, (std::set<std::string>{"1992", "1992-02-01"}));
  for (const Fact* o : opened) {
    if (V(*o) == "1992-02-01") {
      EXPECT_EQ(o->record, "articles/kyrgyzstan.xml#kyrgyzstan/diplomatic_relations/2");
      EXPECT_NE(o->note.find("heading gives 2004"), std::string::npos) << o->note;
    }
  }
}

TEST(HistorianImport, RecognitionAndRelationsWithKyrgyzstan) {
  REQUIRE_IMPORT();
  auto rec = Facts("USA", Relation::kRecognized, "KGZ");
  ASSERT_EQ(rec.size(), 1u);
  EXPECT_EQ(V(*rec[0]), "1991-12-25");
  EXPECT_EQ(rec[0]->sources[0], "historian:rdcr:articles");
  auto rel = Facts("USA", Relation::kRelationsEstablished, "KGZ");
  ASSERT_EQ(rel.size(), 1u);
  EXPECT_EQ(V(*rel[0]), "1991-12-25");
}

TEST(HistorianImport, BishkekPostPlaceAndBureau) {
  REQUIRE_IMPORT();
  auto at = Facts("mission:usa-embassy-bishkek", Relation::kMissionLocatedAt, "place:bishkek");
  ASSERT_EQ(at.size(), 1u);
  EXPECT_EQ(V(*at[0]), "1992/..");
  auto loc = Facts("place:bishkek", Relation::kLocatedIn, "KGZ");
  ASSERT_EQ(loc.size(), 1u);
  EXPECT_EQ(Q(*loc[0], "lat"), "42.8799960214");
  EXPECT_EQ(Q(*loc[0], "lon"), "74.7700026568");
  auto sca = Facts("agency:us-dos-sca", Relation::kResponsibleFor, "KGZ");
  ASSERT_EQ(sca.size(), 1u);
  EXPECT_TRUE(sca[0]->undated);
  auto head = Facts("agency:us-dos-sca", Relation::kHeadedBy,
                    "office:us-dos-assistant-secretary-for-south-asian-affairs");
  ASSERT_EQ(head.size(), 1u);
  auto raphel = Facts("person:raphel-robin-lynn", Relation::kHoldsOffice,
                      "office:us-dos-assistant-secretary-for-south-asian-affairs");
  ASSERT_EQ(raphel.size(), 1u);
  EXPECT_EQ(V(*raphel[0]), "1993-08-06/1997-06-27");
  EXPECT_EQ(Q(*raphel[0], "appointed"), "1993-08-02");
  EXPECT_EQ(Q(*raphel[0], "acting"), "no");
}

TEST(HistorianImport, KirghizSsrIsItsOwnKey) {
  REQUIRE_IMPORT();
  bool found = false;
  for (const Fact* f : Facts("SU-KG", Relation::kNamed, "")) {
    found = true;
    EXPECT_EQ(f->value, "Kirgiziya");
    EXPECT_EQ(V(*f), "1924/1991");
    EXPECT_EQ(Q(*f, "successors"), "kyrgyzstan");
  }
  EXPECT_TRUE(found);
}

TEST(HistorianImport, KazakhstanAlmaty) {
  REQUIRE_IMPORT();
  EXPECT_EQ(Facts("", Relation::kChiefOfMission, "mission:usa-to-kazakhstan").size(), 10u);
  const Fact* f = ChiefFact("#kz-1992-cour-01");
  ASSERT_NE(f, nullptr);
  EXPECT_EQ(f->subject, "person:courtney-william-harrison");
  EXPECT_EQ(V(*f), "1992-09-15/1995-07-01");
  EXPECT_EQ(Q(*f, "appointed"), "1992-08-11");
  // rdcr: heading date without @when; the text gives February 3, 1992.
  auto opened = Facts("", Relation::kMissionOpened, "KAZ");
  bool rdcr = false;
  for (const Fact* o : opened)
    if (o->record.starts_with("articles/kazakhstan.xml")) {
      rdcr = true;
      EXPECT_EQ(V(*o), "1992-02-03");
    }
  EXPECT_TRUE(rdcr);
  EXPECT_EQ(V(*Facts("USA", Relation::kRecognized, "KAZ").at(0)), "1991-12-25");
}

TEST(HistorianImport, FranceFranklinAndFrenchRecognition) {
  REQUIRE_IMPORT();
  const Fact* f = ChiefFact("#fr-1778-fran-01");
  ASSERT_NE(f, nullptr);
  EXPECT_EQ(f->subject, "person:franklin-benjamin");
  EXPECT_EQ(Q(*f, "role"), "minister-plenipotentiary");
  EXPECT_EQ(V(*f), "1779-03-23/1785-05-17");
  EXPECT_EQ(Q(*f, "appointed"), "1778-09-14");
  EXPECT_EQ(Q(*f, "ended_note"), "Superseded");
  // "French Recognition of the Independence of the United States": France is the subject.
  auto rec = Facts("FRA", Relation::kRecognized, "USA");
  ASSERT_EQ(rec.size(), 1u);
  EXPECT_EQ(V(*rec[0]), "1778-02-06");
}

TEST(HistorianImport, RdcrHeadingsDecideTheRelation) {
  REQUIRE_IMPORT();
  // "Establishment of Diplomatic Relations with PRC/Termination of Diplomatic Relations with
  // the Republic of China, 1979": an establishment with China.
  auto prc = Facts("USA", Relation::kRelationsEstablished, "CHN");
  std::set<std::string> dates;
  for (const Fact* f : prc) dates.insert(V(*f));
  EXPECT_TRUE(dates.count("1979-01-01")) << prc.size();
  // The only break with China is the embassy's move to Taipei (1949-12-19), not this heading.
  for (const Fact* f : Facts("USA", Relation::kRelationsSevered, "CHN")) EXPECT_EQ(V(*f), "1949-12-19");
  // The second clause is its own event: the end of relations with the Republic of China
  // on Taiwan (data/historian/territory_periods.tsv), the same day.
  auto roc = Facts("USA", Relation::kRelationsSevered, "TWN");
  ASSERT_EQ(roc.size(), 1u);
  EXPECT_EQ(V(*roc[0]), "1979-01-01");
  // "Interruption of Relations, 1917-1922": suspended in 1917, resumed in 1922.
  auto cri = Facts("USA", Relation::kRelationsResumed, "CRI");
  ASSERT_EQ(cri.size(), 1u);
  EXPECT_EQ(V(*cri[0]), "1922");
  // The interruption's date is the US Minister's departure (April 19), not the coup (January 17).
  EXPECT_EQ(V(*Facts("USA", Relation::kRelationsSuspended, "CRI").at(0)), "1917-04-19");
}

TEST(HistorianImport, VisitsAndTripsAreCameoVisits) {
  REQUIRE_IMPORT();
  const Occurrence* akaev = nullptr;
  const Occurrence* baker = nullptr;
  for (const Occurrence& o : Import().pack.occurrences) {
    if (o.id == "occ:historian-visit-1578") akaev = &o;
    if (o.kind == "visit" && o.place == "KGZ" && V(o) == "1991-12-17") baker = &o;
  }
  ASSERT_NE(akaev, nullptr);
  EXPECT_EQ(akaev->cameo, "042");
  EXPECT_EQ(V(*akaev), "2002-09-20/2002-09-24");
  EXPECT_EQ(akaev->QualifierValue("visitor"), "President Askar Akaev");
  ASSERT_GE(akaev->participants.size(), 2u);
  EXPECT_EQ(akaev->participants[0].entity, "KGZ");
  EXPECT_EQ(akaev->participants[0].role, "actor");
  EXPECT_EQ(akaev->participants[1].entity, "USA");
  EXPECT_EQ(akaev->participants[1].role, "target");
  ASSERT_NE(baker, nullptr);
  EXPECT_EQ(baker->cameo, "042");
  EXPECT_EQ(baker->QualifierValue("country_label"), "Kirghizia");
  EXPECT_EQ(baker->QualifierValue("locale"), "Bishkek");
  bool person = false;
  for (const kb::Participant& p : baker->participants)
    person |= p.entity == "person:baker-james-addison" && p.role == "visitor";
  EXPECT_TRUE(person);
}

TEST(HistorianImport, CountsPerKind) {
  REQUIRE_IMPORT();
  const KindCounts& c = Import().counts;
  EXPECT_EQ(c.at("pocom/chief").read, 5743u);
  EXPECT_EQ(c.at("pocom/chief").rejected_by_reason.at("did-not-serve"), 393u);
  EXPECT_EQ(c.at("pocom/principal").read, 1294u);
  EXPECT_EQ(c.at("gsh/post").read, 1170u);
  EXPECT_EQ(c.at("rdcr/entry").read, 1222u);
  EXPECT_EQ(c.at("visits/visit").read, 3264u);
  EXPECT_EQ(c.at("travels/trip").read, 4271u);
  EXPECT_EQ(c.at("files").rejected, 0u);
  EXPECT_EQ(c.at("pocom/mission-note").accepted, 1u);  // Syria's suspension of 2012
  for (const auto& [kind, counts] : c)
    EXPECT_EQ(counts.read, counts.accepted + counts.rejected) << kind;
  // The Kingdom of Hawaii has no World key: its chiefs are reported, not guessed.
  EXPECT_GE(c.at("pocom/chief").rejected_by_reason.at("no-world-key"), 14u);
}

TEST(HistorianImport, SourcesNameDatasetAndCommit) {
  REQUIRE_IMPORT();
  const kb::Source* pocom = nullptr;
  for (const kb::Source& s : Import().pack.sources)
    if (s.id == "historian:pocom:missions-countries") pocom = &s;
  ASSERT_NE(pocom, nullptr);
  EXPECT_EQ(pocom->licence, "CC0-1.0");
  EXPECT_EQ(pocom->url,
            "https://github.com/HistoryAtState/pocom/tree/"
            "44d2226df6b26f8f5807215ec40e3a6c4d706bbb/missions-countries");
  for (const Fact& f : Import().pack.facts) {
    ASSERT_FALSE(f.sources.empty());
    ASSERT_FALSE(f.record.empty()) << f.subject;
  }
}

TEST(HistorianImport, WrittenPackReadsBackWithoutErrors) {
  REQUIRE_IMPORT();
  fs::path dir = fs::temp_directory_path() / ("dyad_hist_pack_" + std::to_string(::getpid()));
  ASSERT_TRUE(kb::WritePack(Import().pack, dir.string()).ok());
  kb::LoadReport report;
  auto back = kb::ReadPack(dir.string(), &report);
  ASSERT_TRUE(back.ok()) << back.status().ToString();
  int shown = 0;
  for (const kb::Diagnostic& d : report.diagnostics)
    if (d.severity == kb::Diagnostic::Severity::kError && shown++ < 10) ADD_FAILURE() << d.ToString();
  EXPECT_EQ(back->facts.size(), Import().pack.facts.size());
  EXPECT_EQ(back->occurrences.size(), Import().pack.occurrences.size());
  fs::remove_all(dir);
}

// The whole-KB checks (unknown entities and states, missing sources, overlapping terms of
// one post) pass too: overlapping terms in the source are marked concurrent=yes.
TEST(HistorianImport, PackPassesKnowledgeBaseChecks) {
  REQUIRE_IMPORT();
  kb::LoadReport report;
  auto kb = kb::KnowledgeBase::Build(*Import().world, {Import().pack}, &report);
  int shown = 0;
  for (const kb::Diagnostic& d : report.diagnostics)
    if (d.severity == kb::Diagnostic::Severity::kError && shown++ < 10) ADD_FAILURE() << d.ToString();
  EXPECT_EQ(report.errors(), 0);
  EXPECT_EQ(kb->facts().size(), Import().pack.facts.size());
}

// ---- key resolution on a hand-made world ----

world::State MakeState(std::string key, std::string name, std::string iso2) {
  world::State s;
  s.key = std::move(key);
  s.name = std::move(name);
  s.official_name = s.name;
  s.codes.push_back({world::Scheme::kIso2, std::move(iso2), Interval::Always(), "test"});
  return s;
}

TEST(TerritoryKeys, OverrideNameThenCode) {
  world::WorldBuilder b;
  b.Add(MakeState("KGZ", "Kyrgyzstan", "KG"));
  b.Add(MakeState("COK", "Cook Islands", "CK"));
  b.Add(MakeState("CUW", "Curaçao", "CW"));
  auto w = b.Build();
  ASSERT_TRUE(w.ok()) << w.status().ToString();
  world::Resolver resolver(*w);
  HistorianData data;
  data.countries["kyrgyzstan"] = {"kyrgyzstan", "kg", "Kirghizia", "sca"};  // label not a World name
  data.countries["cook-islands"] = {"cook-islands", "cw", "Cook Islands", "eap"};  // FIPS code
  data.countries["hawaii"] = {"hawaii", "xl", "Hawaii", "eap"};
  std::vector<OverrideRow> overrides = {{"texas", "-", "Republic of Texas: no key", 2},
                                        {"kirgiziya-1991", "KGZ", "test override", 3}};
  auto keys = TerritoryKeys::Make(data, &resolver, overrides);
  EXPECT_EQ(keys.Resolve("kyrgyzstan")->key, "KGZ");
  EXPECT_EQ(keys.Resolve("kyrgyzstan")->how, "iso2 KG");
  EXPECT_EQ(keys.Resolve("cook-islands")->key, "COK");  // the name beats the FIPS code
  EXPECT_EQ(keys.Resolve("kirgiziya-1991")->how, "override (test override)");
  auto texas = keys.Resolve("texas");
  ASSERT_FALSE(texas.ok());
  EXPECT_NE(texas.status().message().find("deliberately unmapped: Republic of Texas"), std::string::npos);
  auto hawaii = keys.Resolve("hawaii");
  ASSERT_FALSE(hawaii.ok());
  EXPECT_NE(hawaii.status().message().find("name 'Hawaii'"), std::string::npos);
  EXPECT_FALSE(keys.Resolve("atlantis").ok());
}

TEST(TerritoryKeys, OverrideFileErrorsNameTheLine) {
  fs::path p = fs::temp_directory_path() / ("dyad_keys_" + std::to_string(::getpid()) + ".tsv");
  std::ofstream(p) << "historian_id\tkey\tsource\n# comment\nkyrgyzstan\tKGZ\n";
  auto rows = ReadOverrides(p.string());
  ASSERT_FALSE(rows.ok());
  EXPECT_NE(rows.status().message().find(":3: expected 3"), std::string::npos)
      << rows.status().message();
  fs::remove(p);
}

std::string KeyOfId(std::string_view id) {
  auto r = Import().keys->Resolve(id);
  return r.ok() ? r->key : "";
}

// Names go through the one world::Resolver, exact and as of the territory's date: a
// former territory is not the state that later took its name or place.
TEST(TerritoryKeys, FormerTerritoriesResolveAsOfTheirDates) {
  REQUIRE_IMPORT();
  EXPECT_EQ(KeyOfId("formosa-1683"), "");        // Taiwan's state begins 1949-12-08
  EXPECT_EQ(KeyOfId("taiwan-1945"), "");         // Japanese Taiwan is not the ROC on Taiwan
  EXPECT_EQ(KeyOfId("belgian-congo-1960"), "");  // a colony is not the DR Congo
  EXPECT_EQ(KeyOfId("barbados-1958"), "");
  EXPECT_EQ(KeyOfId("czechoslovakia-1993"), "CSHH");
  EXPECT_EQ(KeyOfId("great-britain-1801"), "GBR");  // before 1816, where World's lists begin
  EXPECT_EQ(KeyOfId("central-african-empire-1980"), "CAF");
  EXPECT_EQ(KeyOfId("soviet-union-1991"), "SUHH");
  EXPECT_EQ(KeyOfId("east-germany-1990"), "DDDE");
  EXPECT_EQ(KeyOfId("west-germany-1990"), "H-GFR");
  EXPECT_EQ(KeyOfId("korea-south"), "KOR");
  EXPECT_EQ(KeyOfId("korea-north"), "PRK");
}

TEST(TerritoryKeys, OverridesKeepTheKoreanEmpireAndTheMainlandRepublicOfChina) {
  REQUIRE_IMPORT();
  EXPECT_EQ(KeyOfId("korea"), "H-KOR");  // "Korea" alone is ambiguous since 1948
  EXPECT_EQ(KeyOfId("joseon-dynasty-1910"), "H-KOR");
  EXPECT_EQ(KeyOfId("republic-of-china-1949"), "CHN");  // COW 710 until 1949
  EXPECT_FALSE(Facts("person:foote-lucius-harwood", Relation::kChiefOfMission, "").empty());
}

TEST(HistorianImport, AVisitFromAStateThatHadEndedIsRejected) {
  REQUIRE_IMPORT();
  for (const kb::Occurrence& o : Import().pack.occurrences)
    EXPECT_NE(o.id, "occ:historian-visit-2959") << "a 2017 visit given the Korean Empire's id";
}

// ---- dates read from the recognition-and-relations articles (historian_dates.h)

// The dates of `subject rel object` facts read from articles/<article>.xml.
std::vector<std::string> ArticleDates(std::string_view article, std::string_view subject,
                                      Relation rel, std::string_view object) {
  std::vector<std::string> out;
  const std::string file = "articles/" + std::string(article) + ".xml#";
  for (const Fact* f : Facts(subject, rel, object)) {
    bool from_article = f->record.starts_with(file) || f->note.find(file) != std::string::npos;
    if (from_article) out.push_back(kb::FormatInterval(f->valid, f->undated));
  }
  std::sort(out.begin(), out.end());
  return out;
}
using Dates = std::vector<std::string>;

TEST(HistorianRdcrDates, GermanyRelationsWithTheFrgEstablished1955_05_06NotTheSurrender) {
  REQUIRE_IMPORT();
  EXPECT_EQ(ArticleDates("germany", "USA", Relation::kRelationsEstablished, "H-GFR"),
            Dates{"1955-05-06"});
}

TEST(HistorianRdcrDates, GermanyPrussia1797IsTheAudienceNotTheNomination) {
  REQUIRE_IMPORT();
  EXPECT_EQ(ArticleDates("germany", "USA", Relation::kRelationsEstablished, "DEU"),
            (Dates{"1797-12-05", "1871-04-08"}));
}

TEST(HistorianRdcrDates, GermanyRelationsReestablished1921_12_10NotTheJointResolution) {
  REQUIRE_IMPORT();
  EXPECT_EQ(ArticleDates("germany", "USA", Relation::kRelationsResumed, "DEU"),
            (Dates{"1921-12-10"}));
}

TEST(HistorianRdcrDates, GermanDemocraticRepublicRepeatedHeadingIsOneEvent) {
  REQUIRE_IMPORT();
  EXPECT_EQ(ArticleDates("german-democratic-republic", "USA", Relation::kRelationsEstablished, "DDDE"),
            Dates{"1974-09-04"});
  EXPECT_EQ(ArticleDates("german-democratic-republic", "USA", Relation::kRecognized, "DDDE"),
            Dates{"1974-09-04"});
  std::vector<const Fact*> embassies;
  for (const Fact* f : Facts("", Relation::kMissionOpened, "DDDE")) embassies.push_back(f);
  ASSERT_EQ(embassies.size(), 1u);
  EXPECT_EQ(embassies[0]->subject, "mission:usa-embassy-berlin");
  EXPECT_EQ(kb::FormatInterval(embassies[0]->valid, false), "1974-12-09");
}

TEST(HistorianRdcrDates, AustrianEmpireSeveredRelations1917_04_08NotTheWarDeclaration) {
  REQUIRE_IMPORT();
  EXPECT_EQ(ArticleDates("austrian-empire", "USA", Relation::kRelationsSevered, "H-AUH"),
            Dates{"1917-04-08"});
}

TEST(HistorianRdcrDates, AlbaniaRelationsEnded1939_06_05NotTheInvasion) {
  REQUIRE_IMPORT();
  EXPECT_EQ(ArticleDates("albania", "USA", Relation::kRelationsSevered, "ALB"), Dates{"1939-06-05"});
}

TEST(HistorianRdcrDates, MexicoSeveredRelations1845_03_28NotTheAnnexationResolution) {
  REQUIRE_IMPORT();
  Dates severed = ArticleDates("mexico", "USA", Relation::kRelationsSevered, "MEX");
  EXPECT_NE(std::find(severed.begin(), severed.end(), "1845-03-28"), severed.end());
  EXPECT_EQ(std::find(severed.begin(), severed.end(), "1845-03-01"), severed.end());
}

TEST(HistorianRdcrDates, IraqSeveredRelations1991_02_09AfterTheEmbassyClosed) {
  REQUIRE_IMPORT();
  Dates severed = ArticleDates("iraq", "USA", Relation::kRelationsSevered, "IRQ");
  EXPECT_NE(std::find(severed.begin(), severed.end(), "1991-02-09"), severed.end());
}

TEST(HistorianRdcrDates, BangladeshAndLebanonRecognitionsAreNotTheLettersAroundThem) {
  REQUIRE_IMPORT();
  EXPECT_EQ(ArticleDates("bangladesh", "USA", Relation::kRecognized, "BGD"), Dates{"1972-04-04"});
  EXPECT_EQ(ArticleDates("lebanon", "USA", Relation::kRecognized, "LBN"), Dates{"1944-09-08"});
  EXPECT_EQ(ArticleDates("burundi", "USA", Relation::kRecognized, "BDI"), Dates{"1962-07-01"});
}

TEST(HistorianRdcrDates, UnitedArabEmiratesRecognizedTheNextDay1971_12_03) {
  REQUIRE_IMPORT();
  EXPECT_EQ(ArticleDates("united-arab-emirates", "USA", Relation::kRecognized, "ARE"),
            Dates{"1971-12-03"});
}

TEST(HistorianRdcrDates, NorwayLegationClosed1940_07_15NotTheInvasion) {
  REQUIRE_IMPORT();
  int found = 0;
  for (const Fact* f : Facts("", Relation::kMissionClosed, "")) {
    if (!f->record.starts_with("articles/norway.xml#norway/diplomatic-relations/4")) continue;
    EXPECT_EQ(kb::FormatInterval(f->valid, false), "1940-07-15");
    ++found;
  }
  EXPECT_EQ(found, 1);
}

TEST(HistorianRdcrDates, LibyaUsMissionIsNotDatedByTheLibyanInterestsSectionInWashington) {
  REQUIRE_IMPORT();  // 2004-07-08 is when Libyan diplomats opened their section in Washington
  Dates opened = ArticleDates("libya", "mission:usa-liaison-office-in-libya", Relation::kMissionOpened, "LBY");
  ASSERT_FALSE(opened.empty());
  EXPECT_EQ(std::find(opened.begin(), opened.end(), "2004-07-08"), opened.end());
}

// ---- pocom mission notes

TEST(HistorianMissionNotes, SyriaEmbassySuspendedOperations2012_02_06SuspendsRelations) {
  REQUIRE_IMPORT();
  std::vector<const Fact*> suspended = Facts("USA", Relation::kRelationsSuspended, "SYR");
  ASSERT_EQ(suspended.size(), 1u);
  EXPECT_EQ(kb::FormatInterval(suspended[0]->valid, false), "2012-02-06");
  EXPECT_EQ(suspended[0]->record, "missions-countries/syria.xml#syria/mission-note/3");
  EXPECT_EQ(suspended[0]->sources, std::vector<std::string>{"historian:pocom:missions-countries"});
}

TEST(HistorianMissionNotes, LibyaSuspension2014KeepsRelationsAsTheNoteSays) {
  REQUIRE_IMPORT();  // "however, the United States did not sever diplomatic relations"
  for (const Fact* f : Facts("USA", Relation::kRelationsSuspended, "LBY"))
    EXPECT_FALSE(f->record.starts_with("missions-countries/")) << f->record;
}

// ---- what the importer writes in prose

TEST(HistorianImport, VisitsAndTravelsAreStatedInThePastTense) {
  REQUIRE_IMPORT();  // "Secretary of State James Addison Baker visited Bishkek, Kirghizia"
  size_t visits = 0;
  for (const Occurrence& o : Import().pack.occurrences) {
    if (o.kind != "visit") continue;
    ++visits;
    EXPECT_EQ(o.summary.find(" visits "), std::string::npos) << o.id << ": " << o.summary;
    EXPECT_NE(o.summary.find(" visited "), std::string::npos) << o.id << ": " << o.summary;
  }
  EXPECT_GT(visits, 3000u);
  for (const Occurrence& o : Import().pack.occurrences) {
    if (o.id == "occ:historian-visit-1578") {
      EXPECT_EQ(o.summary, "President Askar Akaev (Kyrgyzstan) visited the United States");
    }
    if (o.kind == "visit" && o.place == "KGZ" && V(o) == "1991-12-17") {
      EXPECT_EQ(o.summary, "Secretary of State James Addison Baker visited Bishkek, Kirghizia");
    }
  }
}

// ---- the other state's missions in the United States

const kb::Entity* EntityOf(std::string_view id) {
  for (const kb::Entity& e : Import().pack.entities)
    if (e.id == id) return &e;
  return nullptr;
}

// The missions opened by an article's headings, "id@date" (the mission, its date).
std::set<std::string> OpenedInArticle(std::string_view article) {
  std::set<std::string> out;
  const std::string prefix = fmt::format("articles/{}.xml#", article);
  for (const Fact* f : Facts("", Relation::kMissionOpened, ""))
    if (f->record.starts_with(prefix)) out.insert(f->subject + "@" + kb::FormatInterval(f->valid, false));
  return out;
}

TEST(HistorianRdcrMissions, CzechoslovakLegationInWashingtonIsCzechoslovakiasNotTheUsLegation) {
  REQUIRE_IMPORT();  // "Establishment of a Czechoslovak Legation in Washington, 1919."
  const kb::Entity* legation = EntityOf("mission:cshh-legation-in-usa");
  ASSERT_NE(legation, nullptr);
  EXPECT_EQ(legation->owner, "CSHH");
  EXPECT_EQ(legation->host, "USA");
  EXPECT_EQ(legation->name, "Legation of Czechoslovakia in the United States");
  const std::set<std::string> opened = OpenedInArticle("czechoslovakia");
  EXPECT_TRUE(opened.count("mission:cshh-legation-in-usa@1919-10-24"));
  for (const std::string& o : opened)  // the US legation opened in Prague, not on their date
    EXPECT_FALSE(o.starts_with("mission:usa-") && o.ends_with("1919-10-24")) << o;
  for (const Fact* f : Facts("mission:cshh-legation-in-usa", Relation::kMissionOpened, ""))
    EXPECT_EQ(f->object, "USA");
}

TEST(HistorianRdcrMissions, RomanianPolishBulgarianEthiopianLegationsInTheUnitedStatesAreTheirs) {
  REQUIRE_IMPORT();  // "Establishment of Romanian Legation in Washington, 1918.", "Elevation of
                     // Polish Legation to Embassy Status, 1930.", "Bulgarian Legation in the
                     // United States Reopened, 1947.", "Ethiopian Legation Raised to Embassy, 1949."
  for (std::string_view id : {"mission:rou-legation-in-usa", "mission:rou-embassy-in-usa",
                              "mission:pol-legation-in-usa", "mission:pol-embassy-in-usa",
                              "mission:bgr-legation-in-usa", "mission:bgr-embassy-in-usa",
                              "mission:eth-legation-in-usa", "mission:eth-embassy-in-usa",
                              "mission:gbr-legation-in-usa", "mission:h-auh-legation-in-usa"}) {
    const kb::Entity* m = EntityOf(id);
    ASSERT_NE(m, nullptr) << id;
    EXPECT_EQ(m->host, "USA") << id;
    EXPECT_NE(m->owner, "USA") << id;
  }
  // The American ones of the same articles stay the United States'.
  EXPECT_TRUE(OpenedInArticle("bulgaria").count("mission:usa-embassy-in-bulgaria@1966-11-28"));
  EXPECT_TRUE(OpenedInArticle("ethiopia").count("mission:usa-embassy-in-ethiopia@1949-06-28"));
}

TEST(HistorianRdcrMissions, AndorranEmbassyIsAndorrasNotAUsEmbassyInAndorra) {
  REQUIRE_IMPORT();  // "Establishment of Andorran Embassy, 1996.": its UN mission in New York
  EXPECT_EQ(EntityOf("mission:usa-embassy-in-andorra"), nullptr);
  const kb::Entity* m = EntityOf("mission:and-embassy-in-usa");
  ASSERT_NE(m, nullptr);
  EXPECT_EQ(m->owner, "AND");
  EXPECT_TRUE(OpenedInArticle("andorra").count("mission:and-embassy-in-usa@1996-02-06"));
}

TEST(HistorianRdcrMissions, NoUsMissionIsHostedByTheUnitedStates) {
  REQUIRE_IMPORT();
  for (const kb::Entity& e : Import().pack.entities)
    if (e.kind == kb::EntityKind::kMission && e.owner == "USA") {
      EXPECT_NE(e.host, "USA") << e.id;
    }
}

TEST(HistorianDates, Forms) {
  EXPECT_FALSE(ParseHistorianDate("")->has_value());
  EXPECT_FALSE(ParseHistorianDate("9999")->has_value());
  EXPECT_EQ(ParseHistorianDate("1993-03")->value().ToString(), "1993-03");
  EXPECT_EQ(ParseHistorianDate("599")->value().year(), 599);
  EXPECT_FALSE(ParseHistorianDate("?").ok());
  EXPECT_EQ(FindEnglishDate("was established on February 1, 1992, with", 0)->ToString(), "1992-02-01");
  EXPECT_EQ(FindEnglishDate("In March 1990 and on May 2, 1991", 1991)->ToString(), "1991-05-02");
  EXPECT_FALSE(FindEnglishDate("no date here", 0).has_value());
}

}  // namespace
}  // namespace dyad::ingest
