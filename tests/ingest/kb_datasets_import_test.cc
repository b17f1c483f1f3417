// The relations importers as specifications: real rows of ../shared/data/relations read
// field by field, and malformed rows rejected with file, line, column and reason.
#include "ingest/kb_datasets_import.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <map>
#include <set>
#include <sstream>
#include <unistd.h>

#include "base/paths.h"
#include "kb/knowledge_base.h"
#include "world/resolver.h"
#include "world/world.h"

namespace dyad::ingest {
namespace {

namespace fs = std::filesystem;
using kb::Fact;
using kb::Relation;

std::string RelationsDir() { return SharedDir() + "/data/relations"; }

struct Env {
  std::shared_ptr<const world::World> world;
  std::unique_ptr<world::Resolver> resolver;
  std::string skip;
};

const Env& TheEnv() {
  static const Env* env = [] {
    auto* e = new Env;
    auto w = world::World::LoadDefault();
    if (!w.ok()) {
      e->skip = "world registry unavailable: " + w.status().message();
      return e;
    }
    e->world = *w;
    auto r = world::Resolver::LoadDefault(e->world);
    if (!r.ok()) {
      e->skip = "resolver unavailable: " + r.status().message();
      return e;
    }
    e->resolver = std::move(r).value();
    return e;
  }();
  return *env;
}

using Importer = Result<ImportResult> (*)(const ImportInputs&);

// Imports from the real data once per importer; `skip` is set when the data is absent.
struct Real {
  ImportResult result;
  std::string skip;
};

Real RunReal(Importer fn, const std::string& sub) {
  Real r;
  if (!TheEnv().skip.empty()) {
    r.skip = TheEnv().skip;
    return r;
  }
  std::string dir = RelationsDir() + "/" + sub;
  if (!fs::is_directory(dir)) {
    r.skip = "relations data not found at " + dir + " (set DYAD_SHARED)";
    return r;
  }
  RejectSink sink;
  auto out = fn(ImportInputs{dir, TheEnv().world.get(), TheEnv().resolver.get(), &sink});
  if (!out.ok()) {
    r.skip = out.status().ToString();
    return r;
  }
  r.result = std::move(out).value();
  return r;
}

const Real& Embassies() { static const Real r = RunReal(ImportEmbassies, "embassies"); return r; }
const Real& Leaders() { static const Real r = RunReal(ImportLeaders, "leaders"); return r; }
const Real& Factbook() { static const Real r = RunReal(ImportFactbook, "factbook"); return r; }
const Real& Treaties() { static const Real r = RunReal(ImportTreaties, ""); return r; }

#define REQUIRE_REAL(r) \
  if (!(r).skip.empty()) GTEST_SKIP() << (r).skip

std::vector<const Fact*> FactsOf(const kb::PackData& p, std::string_view subject, Relation rel) {
  std::vector<const Fact*> out;
  for (const Fact& f : p.facts)
    if (f.subject == subject && f.relation == rel) out.push_back(&f);
  return out;
}

const kb::Entity* EntityOf(const kb::PackData& p, std::string_view id) {
  for (const kb::Entity& e : p.entities)
    if (e.id == id) return &e;
  return nullptr;
}

TEST(EmbassiesImport, FranceInBishkekFieldByField) {
  REQUIRE_REAL(Embassies());
  const kb::PackData& p = Embassies().result.pack;
  const kb::Entity* m = EntityOf(p, "mission:wd-Q2841649");
  ASSERT_NE(m, nullptr);
  EXPECT_EQ(m->kind, kb::EntityKind::kMission);
  EXPECT_EQ(m->subkind, "embassy");
  EXPECT_EQ(m->owner, "FRA");
  EXPECT_EQ(m->host, "KGZ");
  EXPECT_EQ(m->name, "Embassy of France in Bishkek");
  EXPECT_EQ(m->sources, std::vector<std::string>{"embassies:database-of-embassies"});
  auto at = FactsOf(p, m->id, Relation::kMissionLocatedAt);
  ASSERT_EQ(at.size(), 1u);
  EXPECT_EQ(at[0]->object, "place:wd-Q9361");
  EXPECT_EQ(at[0]->valid, Interval::Point(*Date::Make(2022, 11, 16)));
  EXPECT_EQ(at[0]->QualifierValue("lat"), "42.8672932");
  EXPECT_EQ(at[0]->QualifierValue("lon"), "74.6028918");
  EXPECT_TRUE(at[0]->record.starts_with("database_of_embassies_2022-11-16.csv.gz:"));
  EXPECT_TRUE(at[0]->record.ends_with("#Q2841649"));
  const kb::Entity* city = EntityOf(p, "place:wd-Q9361");
  ASSERT_NE(city, nullptr);
  EXPECT_EQ(city->name, "Bishkek");
  EXPECT_EQ(city->host, "KGZ");
}

// A bug: the name joined Wikidata's type and operator labels, giving "Embassy of United
// States of America in Bishkek" and, with the type "Embassy of the United States", "Embassy
// of the United States of United States of America in Beijing". The name is the type
// without its sender, the world registry's name of the sender as it reads in prose, and the city.
TEST(EmbassiesImport, MissionNamesUseTheWorldsNameOfTheSenderOnce) {
  EXPECT_EQ(ingest::MissionName("embassy", "United States", "Bishkek"), "Embassy of the United States in Bishkek");
  EXPECT_EQ(ingest::MissionName("Embassy of the United States", "United States", "Beijing"),
            "Embassy of the United States in Beijing");
  EXPECT_EQ(ingest::MissionName("Consulate General of Sweden", "Sweden", "Istanbul"), "Consulate General of Sweden in Istanbul");
  EXPECT_EQ(ingest::MissionName("high commission", "Gambia", "London"), "High commission of the Gambia in London");
  EXPECT_EQ(ingest::MissionName("British High Commission", "United Kingdom", "Accra"), "British High Commission in Accra");
  EXPECT_EQ(ingest::MissionName("", "Kyrgyzstan", "Astana"), "Mission of Kyrgyzstan in Astana");
  REQUIRE_REAL(Embassies());
  const kb::PackData& p = Embassies().result.pack;
  const kb::Entity* bishkek = EntityOf(p, "mission:wd-Q105609313");
  ASSERT_NE(bishkek, nullptr);
  EXPECT_EQ(bishkek->name, "Embassy of the United States in Bishkek");
  const kb::Entity* beijing = EntityOf(p, "mission:wd-Q12057126");
  ASSERT_NE(beijing, nullptr);
  EXPECT_EQ(beijing->name, "Embassy of the United States in Beijing");
  for (const kb::Entity& e : p.entities)
    EXPECT_EQ(e.name.find("United States of United States"), std::string::npos) << e.id;
}

TEST(EmbassiesImport, ConcurrentAccreditationsBecomeAccreditedTo) {
  REQUIRE_REAL(Embassies());
  // The Afghan embassy in Canberra also covers New Zealand and Fiji.
  auto acc = FactsOf(Embassies().result.pack, "mission:wd-Q106450319", Relation::kAccreditedTo);
  std::vector<std::string> states;
  for (const Fact* f : acc) states.push_back(f->object);
  EXPECT_EQ(states, (std::vector<std::string>{"NZL", "FJI"}));
}

TEST(EmbassiesImport, SourceCarriesTheSnapshotDateAsCurrency) {
  REQUIRE_REAL(Embassies());
  const kb::Source& s = Embassies().result.pack.sources.at(0);
  ASSERT_TRUE(s.date.has_value());
  EXPECT_EQ(s.date->ToString(), "2022-11-16");
  EXPECT_NE(s.note.find("b1987a62f9412564fa33c5e9193a65319bc504a3"), std::string::npos);
}

TEST(EmbassiesImport, NonStateOperatorsAreListedAsUnmapped) {
  REQUIRE_REAL(Embassies());
  const auto& u = Embassies().result.unmapped;
  ASSERT_TRUE(u.count("Wikidata QID"));
  bool quebec = false;
  for (const auto& [qid, why] : u.at("Wikidata QID")) quebec |= why.reason.find("Quebec") != std::string::npos;
  EXPECT_TRUE(quebec);
}

TEST(LeadersImport, ArchigosSpellStillInOfficeIsLeftOpen) {
  REQUIRE_REAL(Leaders());
  const kb::PackData& p = Leaders().result.pack;
  auto spells = FactsOf(p, "person:archigos-8254bcd4-1e42-11e4-b4cd-db5882bf8def", Relation::kLeaderOf);
  ASSERT_EQ(spells.size(), 1u);
  EXPECT_EQ(spells[0]->object, "KGZ");
  EXPECT_EQ(spells[0]->valid.ToString(), "2011-12-01/..");
  EXPECT_EQ(spells[0]->QualifierValue("role"), "effective-leader");
  EXPECT_EQ(spells[0]->QualifierValue("edu"), "");  // LEAD has no values for KYR-2011
  EXPECT_EQ(spells[0]->sources, std::vector<std::string>{"leaders:archigos-4.1"});
  EXPECT_EQ(EntityOf(p, spells[0]->subject)->name, "Atambayev");
}

TEST(LeadersImport, LeadBackgroundJoinsOnObsid) {
  REQUIRE_REAL(Leaders());
  auto bush = FactsOf(Leaders().result.pack, "person:archigos-81ddb59c-1e42-11e4-b4cd-db5882bf8def", Relation::kLeaderOf);
  ASSERT_EQ(bush.size(), 1u);
  EXPECT_EQ(bush[0]->object, "USA");
  EXPECT_EQ(bush[0]->valid.ToString(), "2001-01-21/2009-01-20");
  EXPECT_EQ(bush[0]->QualifierValue("edu"), "3");
  EXPECT_EQ(bush[0]->QualifierValue("military_service"), "1");
  EXPECT_EQ(bush[0]->QualifierValue("combat"), "0");
}

TEST(LeadersImport, ReignSpellHasMonthPrecisionEnd) {
  REQUIRE_REAL(Leaders());
  const kb::PackData& p = Leaders().result.pack;
  auto bakiyev = FactsOf(p, "person:reign-a3.0-175", Relation::kLeaderOf);
  ASSERT_EQ(bakiyev.size(), 1u);
  EXPECT_EQ(bakiyev[0]->valid.ToString(), "2005-04-11/2010-04");
  auto japarov = FactsOf(p, "person:reign-ctb-703-3", Relation::kLeaderOf);
  ASSERT_EQ(japarov.size(), 1u);
  EXPECT_EQ(japarov[0]->object, "KGZ");
  EXPECT_EQ(japarov[0]->valid.ToString(), "2021-01-28/..");
}

TEST(FactbookImport, KyrgyzstanHeadsOfStateAndGovernment) {
  REQUIRE_REAL(Factbook());
  const kb::PackData& p = Factbook().result.pack;
  auto chief = FactsOf(p, "person:factbook-kg-sadyr-japarov", Relation::kLeaderOf);
  ASSERT_EQ(chief.size(), 1u);
  EXPECT_EQ(chief[0]->object, "KGZ");
  EXPECT_EQ(chief[0]->value, "President");
  EXPECT_EQ(chief[0]->QualifierValue("role"), "chief-of-state");
  EXPECT_EQ(chief[0]->valid.ToString(), "2021-01-28/..");
  auto head = FactsOf(p, "person:factbook-kg-adylbek-kasymaliyev", Relation::kLeaderOf);
  ASSERT_EQ(head.size(), 1u);
  EXPECT_EQ(head[0]->value, "Chairman of the Cabinet of Ministers");
  EXPECT_EQ(head[0]->QualifierValue("role"), "head-of-government");
  EXPECT_EQ(head[0]->valid.ToString(), "2024-12-18/..");
}

TEST(FactbookImport, OrganizationParticipationOnTheEditionDate) {
  REQUIRE_REAL(Factbook());
  const kb::PackData& p = Factbook().result.pack;
  bool osce = false, nam_observer = false, eiti = false;
  for (const Fact* f : FactsOf(p, "KGZ", Relation::kMemberOf)) {
    osce |= f->object == "org:osce" && f->valid == Interval::Point(*Date::Make(2026, 1, 22));
    eiti |= f->object == "org:eiti" && f->QualifierValue("participation") == "compliant country";
  }
  for (const Fact* f : FactsOf(p, "KGZ", Relation::kObserverOf)) nam_observer |= f->object == "org:nam";
  EXPECT_TRUE(osce);
  EXPECT_TRUE(eiti);
  EXPECT_TRUE(nam_observer);
}

// A bug: the USA-DEU dossier read "Both are members of ... Arctic Council, BSEC, IGAD, SICA,
// Pacific Alliance, MINURSO, UNMISS": the Factbook's participation list marks partners,
// NGOs and national committees, and lists the UN missions a state contributes to. Only a
// full member (a plain entry, or a note on a member: "nonregional member") is member_of;
// "(observer)" is observer_of; every other part is participates_in with a typed role and
// the Factbook's words; a UN mission is an operation the state contributes_to.
TEST(FactbookImport, ParticipationIsTypedAndOnlyFullMembersAreMembers) {
  REQUIRE_REAL(Factbook());
  const kb::PackData& p = Factbook().result.pack;
  auto find = [&](std::string_view state, Relation rel, std::string_view object) -> const Fact* {
    for (const Fact* f : FactsOf(p, state, rel))
      if (f->object == object) return f;
    return nullptr;
  };
  for (const char* org : {"org:igad", "org:arctic-council", "org:sica", "org:pacific-alliance", "org:bsec"})
    EXPECT_EQ(find("DEU", Relation::kMemberOf, org), nullptr) << org << ": Germany is no member";
  EXPECT_NE(find("DEU", Relation::kObserverOf, "org:arctic-council"), nullptr);
  const Fact* igad = find("USA", Relation::kParticipatesIn, "org:igad");
  ASSERT_NE(igad, nullptr) << "the United States: IGAD (partners)";
  EXPECT_EQ(igad->QualifierValue("role"), "partner");
  EXPECT_EQ(igad->value, "partners");
  const Fact* ituc = find("DEU", Relation::kParticipatesIn, "org:ituc");
  ASSERT_NE(ituc, nullptr) << "Germany: ITUC (NGOs)";
  EXPECT_EQ(ituc->QualifierValue("role"), "non-state");
  EXPECT_EQ(ituc->value, "NGOs");
  EXPECT_EQ(find("DEU", Relation::kMemberOf, "org:ituc"), nullptr);
  const Fact* adb = find("USA", Relation::kMemberOf, "org:adb");
  ASSERT_NE(adb, nullptr) << "a nonregional member of ADB is a full member";
  EXPECT_EQ(adb->QualifierValue("participation"), "nonregional member");
  EXPECT_EQ(find("DEU", Relation::kMemberOf, "org:unmiss"), nullptr);
  const Fact* unmiss = find("DEU", Relation::kContributesTo, "operation:unmiss");
  ASSERT_NE(unmiss, nullptr) << "a UN mission is contributed to, not joined";
  const kb::Entity* op = EntityOf(p, "operation:unmiss");
  ASSERT_NE(op, nullptr);
  EXPECT_EQ(op->kind, kb::EntityKind::kOperation);
  EXPECT_EQ(op->note, "UN Mission in the Republic of South Sudan");
  for (const Fact& f : p.facts) {
    if (f.relation == Relation::kParticipatesIn) {
      EXPECT_FALSE(f.QualifierValue("role").empty()) << f.object;
    }
  }
}

// A bug: the FRA-DEU header listed "Embassy of France in Mitte" and "Consulate general of
// Germany in 2nd arrondissement of Marseille / 6th arrondissement of Lyon": Wikidata places
// missions in a city's district. The mission's city is the city (the district kept as
// district=); a mission with coordinates and no city is in the city of the nearest one.
TEST(EmbassiesImport, AMissionIsInItsCityNotItsDistrict) {
  REQUIRE_REAL(Embassies());
  const kb::PackData& p = Embassies().result.pack;
  struct Want {
    const char *id, *name, *district;
  };
  for (const Want& w : {Want{"mission:wd-Q554046", "Embassy of France in Berlin", "Mitte"},
                        Want{"mission:wd-Q875787", "Embassy of the United States in Berlin", "Mitte"},
                        Want{"mission:wd-Q16010664", "Consulate general of Germany in Marseille",
                             "2nd arrondissement of Marseille"},
                        Want{"mission:wd-Q16507552", "Consulate general of Germany in Lyon", "6th arrondissement of Lyon"},
                        Want{"mission:wd-Q15953187", "Embassy of Germany in Paris", ""}}) {
    const kb::Entity* m = EntityOf(p, w.id);
    ASSERT_NE(m, nullptr) << w.id;
    EXPECT_EQ(m->name, w.name);
    auto at = FactsOf(p, w.id, Relation::kMissionLocatedAt);
    ASSERT_EQ(at.size(), 1u);
    EXPECT_EQ(at[0]->QualifierValue("district"), w.district) << w.id;
    const kb::Entity* city = EntityOf(p, at[0]->object);
    ASSERT_NE(city, nullptr) << at[0]->object;
    EXPECT_EQ(std::string(w.name).substr(std::string(w.name).rfind(" in ") + 4), city->name);
  }
}

TEST(FactbookImport, OceansAndTheWorldAreNotStates) {
  REQUIRE_REAL(Factbook());
  const auto& u = Factbook().result.unmapped.at("GEC (FIPS 10-4)");
  EXPECT_TRUE(u.count("XX"));
  EXPECT_TRUE(u.count("XO"));
}

// A bug: holders with notes were misread. "President (vacant)" (Haiti) became a person
// "President (vacant)"; "(since 13 November 1989, assumed executive powers ...)"
// (Liechtenstein), a bare "(28 October 2022)" (Lesotho) and a since date after an aside
// "; also referred to as premier (since 10 June 2020)" (Niue) gave no start; "(Col.)"
// (Madagascar) was part of the name.
TEST(FactbookImport, HoldersWithNotesVacanciesBareDatesAndAsides) {
  REQUIRE_REAL(Factbook());
  const kb::PackData& p = Factbook().result.pack;
  auto only = [&](std::string_view id) {
    auto f = FactsOf(p, id, Relation::kLeaderOf);
    EXPECT_EQ(f.size(), 1u) << id;
    return f.empty() ? std::string("none") : f[0]->valid.ToString();
  };
  EXPECT_EQ(only("person:factbook-ls-hans-adam-ii"), "1989-11-13/..");
  EXPECT_EQ(only("person:factbook-lt-ntsokoane-samuel-matekane"), "2022-10-28/..");
  EXPECT_EQ(only("person:factbook-ne-dalton-tagelagi"), "2020-06-10/..");
  const kb::Entity* col = EntityOf(p, "person:factbook-ma-michael-randrianirina");
  ASSERT_NE(col, nullptr);
  EXPECT_EQ(col->name, "Michael RANDRIANIRINA");
  for (const kb::Entity& e : p.entities) {
    EXPECT_EQ(e.name.find("vacant"), std::string::npos) << e.id;
    EXPECT_EQ(e.name.find('('), std::string::npos) << e.id;
  }
  // Haiti: no chief of state, its prime minister still read.
  std::vector<std::string> hti;
  for (const Fact& f : p.facts)
    if (f.relation == Relation::kLeaderOf && f.object == "HTI") hti.push_back(std::string(f.QualifierValue("role")));
  EXPECT_EQ(hti, std::vector<std::string>{"head-of-government"});
}

// A bug: every treaties source was dated 2038, the latest party date over all six files:
// GGO gives the United States' StateForce of the 1983 Cartagena Convention as 2038-03-13.
// Each database's currency is now the latest signature in its own file.
TEST(TreatiesImport, EachSourceIsCurrentToItsLatestSignatureNotAFutureEntryIntoForce) {
  REQUIRE_REAL(Treaties());
  std::map<std::string, std::string> dates;
  for (const kb::Source& s : Treaties().result.pack.sources) dates[s.id] = s.date ? s.date->ToString() : "none";
  EXPECT_EQ(dates["treaties:manytreaties-ggo"], "2023-10-11");
  EXPECT_EQ(dates["treaties:manytreaties-gptad"], "2009-04-28");
  EXPECT_EQ(dates["treaties:manytreaties-tfdd"], "2007-01-19");
  EXPECT_EQ(dates["treaties:manytreaties-desta"], "2020");
  for (const auto& [id, d] : dates) EXPECT_LT(d, "2026") << id;
}

// A bug: manystates writes "RUS" for the Soviet Union's rows, and they were Russia's (a
// USA-RUS dossier listed the fisheries agreements of the 1960s). A code on a row of its
// predecessor's time is the predecessor's, as COW's 365 is that day.
TEST(TreatiesImport, SovietRowsAreTheSovietUnionsAndRussiasAfter1991AreRussias) {
  REQUIRE_REAL(Treaties());
  const kb::PackData& p = Treaties().result.pack;
  auto parties = [&](std::string_view agr) {
    std::set<std::string> out;
    for (const Fact& f : p.facts)
      if (f.relation == Relation::kPartyTo && f.object == agr) out.insert(f.subject);
    return out;
  };
  EXPECT_EQ(parties("agr:rus-usa_1964a"), (std::set<std::string>{"SUHH", "USA"}));
  EXPECT_EQ(parties("agr:kgz-rus-rss-_1992o"), (std::set<std::string>{"KGZ", "RUS"}));
  for (const Fact& f : p.facts) {
    if (f.relation != Relation::kPartyTo || !f.valid.start() || f.valid.start()->year() < 1923 ||
        f.valid.start()->year() > 1990)
      continue;
    EXPECT_NE(f.subject, "RUS") << f.object << " " << f.valid.ToString();
  }
}

TEST(TreatiesImport, BilateralTradeAgreementKyrgyzstanRussia) {
  REQUIRE_REAL(Treaties());
  const kb::PackData& p = Treaties().result.pack;
  const kb::Entity* a = EntityOf(p, "agr:kgz-rus-rss-_1992o");
  ASSERT_NE(a, nullptr);
  EXPECT_EQ(a->subkind, "bilateral");
  EXPECT_EQ(a->name, "Kyrgyzstan Russia");
  bool kgz = false;
  for (const Fact* f : FactsOf(p, "KGZ", Relation::kPartyTo)) {
    if (f->object != a->id) continue;
    kgz = true;
    EXPECT_EQ(f->valid.ToString(), "1993/..");
    // DESTA first; GPTAD and HUGGO list the same party to the same treaty id.
    EXPECT_EQ(f->sources, (std::vector<std::string>{"treaties:manytreaties-desta", "treaties:manytreaties-gptad",
                                                    "treaties:manytrade-huggo"}));
  }
  EXPECT_TRUE(kgz);
}

TEST(TreatiesImport, StateDatesAndPlaceholders) {
  REQUIRE_REAL(Treaties());
  const kb::PackData& p = Treaties().result.pack;
  // GGO: Kyrgyzstan and ICAO Annex 16: signed 1993-03-27, in force 1993-03-27, StateEnd
  // 9999-12-31 (open).
  bool found = false;
  for (const Fact* f : FactsOf(p, "KGZ", Relation::kPartyTo)) {
    if (f->object != "agr:icaaan_1944a") continue;
    found = true;
    EXPECT_EQ(f->valid.ToString(), "1993-03-27/..");
    EXPECT_EQ(f->QualifierValue("signed"), "1993-03-27");
  }
  EXPECT_TRUE(found);
}

// Malformed input: a tiny embassies file in a temporary folder.
struct TempDir {
  std::string path;
  TempDir() {
    path = (fs::temp_directory_path() / ("dyad-relations-" + std::to_string(::getpid()))).string();
    fs::create_directories(path);
  }
  ~TempDir() { fs::remove_all(path); }
};

std::string ReadAll(const std::string& path) {
  std::ifstream in(path);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

TEST(EmbassiesImport, MalformedRowsGoToTheRejectsFileWithLineColumnAndReason) {
  if (!TheEnv().skip.empty()) GTEST_SKIP() << TheEnv().skip;
  TempDir tmp;
  const std::string q = "http://www.wikidata.org/entity/";
  std::string header =
      "operator;operatorQID;jurisdictions;jurisdictionQIDs;country;countryQID;city;cityQID;address;"
      "latitude;longitude;phone;email;website;facebook;twitter;youtube;picture;pictureAuthor;"
      "pictureLicense;pictureLicenseURL;type;typeQID;creation;QID;\n";
  auto row = [&](std::string op, std::string opq, std::string c, std::string cq, std::string creation) {
    return op + ";" + q + opq + ";;;" + c + ";" + q + cq + ";Bishkek;" + q + "Q9361;;;;;;;;;;;;;;embassy;;" +
           creation + ";" + q + "Q1\n";
  };
  std::ofstream(tmp.path + "/database_of_embassies_2022-11-16.csv")
      << header << row("France", "Q142", "Kyrgyzstan", "Q813", "1992-02-01T00:00:00Z")
      << "too;few;fields\n"
      << row("Quebec", "Q176", "Kyrgyzstan", "Q813", "")
      << row("France", "Q142", "Kyrgyzstan", "Q813", "1992-13-01T00:00:00Z");
  std::string rejects_path = tmp.path + "/rejects.tsv";
  auto sink = RejectSink::Open(rejects_path);
  ASSERT_TRUE(sink.ok());
  auto out = ImportEmbassies(ImportInputs{tmp.path, TheEnv().world.get(), TheEnv().resolver.get(), &*sink});
  ASSERT_TRUE(out.ok()) << out.status().ToString();
  ASSERT_TRUE(sink->Close().ok());
  const ReadCounts& c = out->counts.at("embassies/row");
  EXPECT_EQ(c.read, 4u);
  EXPECT_EQ(c.accepted, 1u);
  EXPECT_EQ(c.rejected, 3u);
  EXPECT_EQ(c.rejected_by_reason.at("column-count"), 1u);
  EXPECT_EQ(c.rejected_by_reason.at("unmapped-code"), 1u);
  EXPECT_EQ(c.rejected_by_reason.at("bad-date"), 1u);
  std::string rejects = ReadAll(rejects_path);
  std::string file = tmp.path + "/database_of_embassies_2022-11-16.csv";
  EXPECT_NE(rejects.find(file + "\t3\t4\t3 fields, the header has 25"), std::string::npos) << rejects;
  EXPECT_NE(rejects.find(file + "\t4\t2\tWikidata QID Q176 ('Quebec') resolves to no state"), std::string::npos) << rejects;
  EXPECT_NE(rejects.find(file + "\t5\t24\tdate '1992-13-01T00:00:00Z'"), std::string::npos) << rejects;
  // The accepted row: opened 1992-02-01 (day precision kept: not January 1).
  bool opened = false;
  for (const Fact& f : out->pack.facts) opened |= f.relation == Relation::kMissionOpened && f.valid == Interval::Point(*Date::Make(1992, 2, 1));
  EXPECT_TRUE(opened);
}

TEST(LeadersImport, MalformedRowsAreRejectedWithTheirColumn) {
  if (!TheEnv().skip.empty()) GTEST_SKIP() << TheEnv().skip;
  TempDir tmp;
  std::ofstream(tmp.path + "/archigos.csv")
      << "\"obsid\",\"gwcode\",\"leadid\",\"leader\",\"yrborn\",\"gender\",\"startdate\",\"enddate\",\"entry\",\"exit\",\"exitcode\"\n"
      << "\"KYR-1990\",703,\"x1\",\"Akayev\",1944,\"M\",\"1990-10-27\",\"2005-03-25\",\"Regular\",\"Irregular\",\"x\"\n"
      << "\"ZZZ-1990\",999,\"x2\",\"Nobody\",1944,\"M\",\"1990-10-27\",\"2005-03-25\",\"Regular\",\"Regular\",\"x\"\n"
      << "\"KYR-2005\",703,\"x3\",\"Bakiyev\",1949,\"M\",\"2005-02-30\",\"2010-04-07\",\"Regular\",\"Irregular\",\"x\"\n"
      << "\"KYR-2010\",703,\"x4\",\"Otunbayeva\n(two lines)\",1950,\"F\",\"2011-04-07\",\"2010-12-01\",\"Regular\",\"Regular\",\"x\"\n";
  std::ofstream(tmp.path + "/LEAD.csv") << "\"obsid\",\"leveledu\",\"milservice\",\"combat\",\"rebel\"\n";
  std::ofstream(tmp.path + "/reign_leaderlist_3_21.csv")
      << "stateabb,ccode,leadid,leader,sdate,smonth,syear,emonth,eyear\n"
      << "KYR,703,ctb-703-3,Sadyr Japarov,28,1,2021,,\n";
  auto rejects_path = tmp.path + "/rejects.tsv";
  auto sink = RejectSink::Open(rejects_path);
  ASSERT_TRUE(sink.ok());
  auto out = ImportLeaders(ImportInputs{tmp.path, TheEnv().world.get(), TheEnv().resolver.get(), &*sink});
  ASSERT_TRUE(out.ok()) << out.status().ToString();
  ASSERT_TRUE(sink->Close().ok());
  const ReadCounts& a = out->counts.at("leaders/archigos");
  EXPECT_EQ(a.read, 4u);
  EXPECT_EQ(a.accepted, 1u);
  std::string rejects = ReadAll(rejects_path);
  std::string file = tmp.path + "/archigos.csv";
  EXPECT_NE(rejects.find(file + "\t3\t2\tG-W gwcode 999 is not in the world registry"), std::string::npos) << rejects;
  EXPECT_NE(rejects.find(file + "\t4\t7\tdate '2005-02-30'"), std::string::npos) << rejects;
  EXPECT_NE(rejects.find(file + "\t5\t8\tthe spell ends before it starts"), std::string::npos) << rejects;
  EXPECT_EQ(out->counts.at("leaders/reign").accepted, 1u);
}

// The committed packs (gzip-compressed TSV files) load with no rejected row, together with
// the default packs, and hold what the importers make of the real data.
TEST(BundledKbPacks, LoadCleanlyFromTheirGzipFiles) {
  if (!TheEnv().skip.empty()) GTEST_SKIP() << TheEnv().skip;
  std::vector<std::string> dirs = kb::KnowledgeBase::DefaultPackDirs();
  for (const char* name : {"embassies", "leaders", "factbook", "treaties"}) {
    std::string dir = DataDir() + "/kb-packs/" + name;
    ASSERT_TRUE(fs::exists(dir + "/facts.tsv.gz")) << dir;
    dirs.push_back(dir);
  }
  kb::LoadReport report;
  auto k = kb::KnowledgeBase::Load(*TheEnv().world, dirs, &report);
  ASSERT_TRUE(k.ok()) << k.status().ToString();
  EXPECT_TRUE(report.clean()) << report.Summary();
  EXPECT_GT(report.total.accepted, 150000u);
  // Missions both ways between Kyrgyzstan and the United States, from Wikidata.
  EXPECT_FALSE((*k)->Missions("USA", "KGZ").empty());
  EXPECT_FALSE((*k)->Missions("KGZ", "USA").empty());
}

}  // namespace
}  // namespace dyad::ingest
