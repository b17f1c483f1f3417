// The compiled knowledge-base snapshot (kb/snapshot.h) as specifications: what a state's
// chunk holds, field-by-field round trips, checksums, staleness, and the same dossier
// sections from the snapshot as from the text packs.
#include <gtest/gtest.h>

#include <fmt/format.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>

#include "base/paths.h"
#include "kb/knowledge_base.h"
#include "kb/snapshot.h"
#include "report/dossier.h"
#include "report/pair_sections.h"

namespace dyad::kb {
namespace {

namespace fs = std::filesystem;

Date D(std::string_view s) { return Date::Parse(s).value(); }

class SnapshotTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto w = world::World::LoadDefault();
    ASSERT_TRUE(w.ok());
    world_ = *w;
    dir_ = fs::temp_directory_path() / fmt::format("dyad-snapshot-test-{}-{}", ::getpid(), counter_++);
    fs::create_directories(dir_);
    Source s{"emb", "Embassies", "", "", "", D("2022-11-16"), {}, "CC0-1.0", "a note", {}};
    s.current_to = D("2022-11-16");
    pack_.name = "emb";
    pack_.sources = {s};
    AddEntity("place:london", EntityKind::kPlace, "", "GBR");
    AddEntity("mission:gmb-london", EntityKind::kMission, "GMB", "GBR");
    AddEntity("person:barrow", EntityKind::kPerson, "GMB", "");
    AddEntity("agr:multi", EntityKind::kAgreement, "", "");
    AddFact("mission:gmb-london", Relation::kMissionLocatedAt, "place:london", Interval::Point(D("2022-11-16")), "1 Road");
    AddFact("mission:gmb-london", Relation::kAccreditedTo, "ISR", Interval::Point(D("2022-11-16")));
    AddFact("person:barrow", Relation::kLeaderOf, "GMB", Interval::Since(D("2017-01-19")), "President");
    pack_.facts.back().qualifiers = {{"role", "chief-of-state"}};
    AddFact("GMB", Relation::kPartyTo, "agr:multi", Interval::Since(D("1990~")));
    AddFact("ISR", Relation::kPartyTo, "agr:multi", Interval::Since(D("1991")));
    ASSERT_TRUE(WritePack(pack_, (dir_ / "emb").string()).ok());
  }
  void TearDown() override { fs::remove_all(dir_); }
  void AddEntity(std::string id, EntityKind kind, std::string owner, std::string host) {
    Entity e;
    e.id = id;
    e.kind = kind;
    e.name = "name of " + id;
    e.subkind = kind == EntityKind::kAgreement ? "multilateral" : "";
    e.owner = std::move(owner);
    e.host = std::move(host);
    e.sources = {"emb"};
    pack_.entities.push_back(std::move(e));
  }
  void AddFact(std::string subject, Relation r, std::string object, Interval valid, std::string value = "") {
    Fact f;
    f.subject = std::move(subject);
    f.relation = r;
    f.object = std::move(object);
    f.value = std::move(value);
    f.valid = valid;
    f.record = "row-" + std::to_string(pack_.facts.size() + 1);
    f.sources = {"emb"};
    pack_.facts.push_back(std::move(f));
  }
  std::string Path() const { return (dir_ / "kb.snapshot").string(); }
  std::vector<std::string> Dirs() const { return {(dir_ / "emb").string()}; }
  std::unique_ptr<Snapshot> Compiled() {
    LoadReport report;
    Status s = Snapshot::Compile(*world_, Dirs(), Path(), &report);
    EXPECT_TRUE(s.ok()) << s.ToString();
    EXPECT_TRUE(report.clean()) << report.Summary();
    auto snap = Snapshot::Open(Path());
    EXPECT_TRUE(snap.ok()) << snap.status().ToString();
    return snap.ok() ? std::move(snap).value() : nullptr;
  }
  static std::vector<std::string> Subjects(const PackData& p) {
    std::vector<std::string> out;
    for (const Fact& f : p.facts) out.push_back(f.subject + " " + std::string(RelationName(f.relation)) + " " + f.object);
    return out;
  }

  static inline int counter_ = 0;
  std::shared_ptr<const world::World> world_;
  fs::path dir_;
  PackData pack_;
};

TEST_F(SnapshotTest, AStatesChunkHoldsItsFactsItsEntitiesAndMissionsAccreditedToIt) {
  auto snap = Compiled();
  ASSERT_NE(snap, nullptr);
  auto isr = snap->Extract({"ISR"});
  ASSERT_TRUE(isr.ok()) << isr.status().ToString();
  ASSERT_EQ(isr->size(), 1u);
  std::vector<std::string> facts = Subjects((*isr)[0]);
  EXPECT_EQ(facts, (std::vector<std::string>{"mission:gmb-london mission_located_at place:london",
                                             "mission:gmb-london accredited_to ISR", "GMB party_to agr:multi",
                                             "ISR party_to agr:multi"}))
      << "the treaty's witness chunk brings its other party; rows keep the text pack's order";
  std::vector<std::string> entities;
  for (const Entity& e : (*isr)[0].entities) entities.push_back(e.id);
  std::sort(entities.begin(), entities.end());
  EXPECT_EQ(entities, (std::vector<std::string>{"agr:multi", "mission:gmb-london", "place:london"}));
  auto nobody = snap->Extract({"FJI"});
  ASSERT_TRUE(nobody.ok());
  EXPECT_TRUE((*nobody)[0].facts.empty());
  EXPECT_EQ((*nobody)[0].sources.size(), 1u) << "every pack keeps its sources";
}

TEST_F(SnapshotTest, FactsRoundTripFieldByFieldAndTwoStatesShareNoDuplicates) {
  auto snap = Compiled();
  ASSERT_NE(snap, nullptr);
  auto both = snap->Extract({"GMB", "ISR", "GMB"});
  ASSERT_TRUE(both.ok());
  const PackData& p = (*both)[0];
  EXPECT_EQ(p.facts.size(), pack_.facts.size()) << "the London mission is in both chunks, once here";
  const Fact* leader = nullptr;
  for (const Fact& f : p.facts)
    if (f.relation == Relation::kLeaderOf) leader = &f;
  ASSERT_NE(leader, nullptr);
  EXPECT_EQ(leader->value, "President");
  EXPECT_EQ(leader->QualifierValue("role"), "chief-of-state");
  EXPECT_EQ(leader->valid.start()->ToString(), "2017-01-19");
  EXPECT_FALSE(leader->valid.end().has_value());
  EXPECT_EQ(leader->record, "row-3");
  EXPECT_EQ(leader->sources, std::vector<std::string>{"emb"});
  EXPECT_GT(leader->origin.line, 0u);
  for (const Fact& f : p.facts) {
    if (f.subject != "GMB") continue;
    EXPECT_TRUE(f.valid.start()->approximate()) << "1990~ keeps its flag";
  }
  const Source& s = p.sources[0];
  EXPECT_EQ(s.note, "a note");
  EXPECT_EQ(s.current_to->ToString(), "2022-11-16");
  LoadReport report;
  auto kb = KnowledgeBase::Build(*world_, std::move(both).value(), &report);
  EXPECT_TRUE(report.clean()) << "an extract is a valid pack on its own: " << report.Summary();
}

TEST_F(SnapshotTest, ACorruptedChunkOrDirectoryIsAnErrorNotWrongFacts) {
  Compiled();
  std::string bytes;
  {
    std::ifstream in(Path(), std::ios::binary);
    bytes.assign(std::istreambuf_iterator<char>(in), {});
  }
  std::string chunk_hit = bytes, dir_hit = bytes;
  chunk_hit[48 + 8] ^= 0x55;  // inside the first chunk (after the 40-byte header)
  dir_hit[dir_hit.size() - 3] ^= 0x55;
  std::ofstream(Path(), std::ios::binary | std::ios::trunc) << chunk_hit;
  auto snap = Snapshot::Open(Path());
  ASSERT_TRUE(snap.ok()) << "the directory is intact";
  bool failed = false;
  for (const char* s : {"GBR", "GMB", "ISR"}) failed |= !(*snap)->Extract({s}).ok();
  EXPECT_TRUE(failed) << "the damaged chunk fails its checksum";
  std::ofstream(Path(), std::ios::binary | std::ios::trunc) << dir_hit;
  EXPECT_FALSE(Snapshot::Open(Path()).ok());
  std::ofstream(Path(), std::ios::binary | std::ios::trunc) << bytes.substr(0, 20);
  EXPECT_FALSE(Snapshot::Open(Path()).ok()) << "truncated";
}

TEST_F(SnapshotTest, AChangedPackMakesTheSnapshotStaleAndOpenOrCompileRebuildsIt) {
  auto snap = Compiled();
  ASSERT_NE(snap, nullptr);
  EXPECT_TRUE(snap->Fresh());
  AddFact("GMB", Relation::kPartyTo, "agr:multi", Interval::Since(D("2001")));
  pack_.facts.back().record = "new row";
  ASSERT_TRUE(WritePack(pack_, (dir_ / "emb").string()).ok());
  fs::last_write_time(dir_ / "emb" / "facts.tsv", fs::file_time_type::clock::now() + std::chrono::seconds(5));
  EXPECT_FALSE(snap->Fresh());
  auto again = Snapshot::OpenOrCompile(*world_, Dirs(), Path());
  ASSERT_TRUE(again.ok()) << again.status().ToString();
  EXPECT_TRUE((*again)->Fresh());
  auto gmb = (*again)->Extract({"GMB"});
  ASSERT_TRUE(gmb.ok());
  bool found = false;
  for (const Fact& f : (*gmb)[0].facts) found |= f.record == "new row";
  EXPECT_TRUE(found) << "the rebuilt snapshot has the new row";
}

// A bug the first snapshot had: an extract of two states held only their own party_to
// facts of a large multilateral treaty, so the knowledge base saw a two-party treaty and
// listed it among the pair's facts (France-Germany: 1,905 statements instead of 661).
TEST_F(SnapshotTest, ALargeMultilateralTreatyStaysMultilateralInAnExtractOfTwoStates) {
  AddEntity("agr:big", EntityKind::kAgreement, "", "");
  for (const char* s : {"GMB", "ISR", "FRA", "DEU", "ITA", "ESP", "PRT", "BEL", "NLD", "LUX", "AUT"})
    AddFact(s, Relation::kPartyTo, "agr:big", Interval::Since(D("2000")));
  ASSERT_TRUE(WritePack(pack_, (dir_ / "emb").string()).ok());
  auto snap = Compiled();
  ASSERT_NE(snap, nullptr);
  auto packs = snap->Extract({"GMB", "ISR"});
  ASSERT_TRUE(packs.ok());
  LoadReport report;
  auto kb = KnowledgeBase::Build(*world_, std::move(packs).value(), &report);
  for (const Fact* f : kb->Dyad("GMB", "ISR", Interval::Always()).facts)
    EXPECT_NE(f->object, "agr:big") << "a treaty of eleven is not a fact of the pair";
  bool small = false;
  for (const Fact* f : kb->Dyad("GMB", "ISR", Interval::Always()).facts) small |= f->object == "agr:multi";
  EXPECT_TRUE(small) << "a treaty of two parties is";
  EXPECT_EQ(kb->FactsOf("GMB", Relation::kPartyTo).size(), 2u);
}

// The curated packs have occurrences (visits, meetings): each is in the chunk of every state
// that takes part, directly or through an entity standing for it, with the entities it names.
TEST_F(SnapshotTest, OccurrencesAreInTheChunksOfTheirParticipantsAndRoundTripFieldByField) {
  Occurrence o;
  o.id = "occ:barrow-visit";
  o.kind = "visit";
  o.when = Interval::Point(D("2019-05-02"));
  o.cameo = "042";
  o.place = "place:london";
  o.summary = "The president of the Gambia visited London.";
  o.participants = {{"person:barrow", "visitor", {"emb"}, {}}, {"GBR", "host", {"emb"}, {}}};
  o.qualifiers = {{"purpose", "talks"}};
  o.record = "occ-1";
  o.sources = {"emb"};
  o.note = "a note";
  pack_.occurrences.push_back(o);
  ASSERT_TRUE(WritePack(pack_, (dir_ / "emb").string()).ok());
  auto snap = Compiled();
  ASSERT_NE(snap, nullptr);
  for (const char* state : {"GMB", "GBR"}) {
    auto packs = snap->Extract({state});
    ASSERT_TRUE(packs.ok());
    ASSERT_EQ((*packs)[0].occurrences.size(), 1u) << state;
    const Occurrence& got = (*packs)[0].occurrences[0];
    EXPECT_EQ(got.id, o.id);
    EXPECT_EQ(got.kind, "visit");
    EXPECT_EQ(got.when, o.when);
    EXPECT_EQ(got.cameo, "042");
    EXPECT_EQ(got.place, "place:london");
    EXPECT_EQ(got.summary, o.summary);
    ASSERT_EQ(got.participants.size(), 2u);
    EXPECT_EQ(got.participants[0].entity, "person:barrow");
    EXPECT_EQ(got.participants[0].role, "visitor");
    EXPECT_EQ(got.participants[1].sources, std::vector<std::string>{"emb"});
    EXPECT_EQ(got.QualifierValue("purpose"), "talks");
    EXPECT_EQ(got.record, "occ-1");
    EXPECT_EQ(got.note, "a note");
    LoadReport report;
    auto kb = KnowledgeBase::Build(*world_, std::move(packs).value(), &report);
    EXPECT_TRUE(report.clean()) << state << ": the person and the place come along: " << report.Summary();
    EXPECT_EQ(kb->occurrences().size(), 1u);
  }
  auto isr_fji = snap->Extract({"FJI", "ISR"});
  ASSERT_TRUE(isr_fji.ok());
  EXPECT_TRUE((*isr_fji)[0].occurrences.empty()) << "neither takes part";
}

// A bug of the first snapshot with the curated packs in it: the Department of State's
// offices are owned by its bureaus, not by the United States, so their facts (the
// Assistant Secretary reports to the Under Secretary) were in no chunk and KGZ–USA lost
// its chain of command. An entity stands for the states its owners stand for.
TEST_F(SnapshotTest, AnEntityOwnedByAnEntityOfAStateIsInThatStatesChunkWithItsOwners) {
  AddEntity("agency:gmb-mfa", EntityKind::kAgency, "GMB", "");
  AddEntity("agency:gmb-europe", EntityKind::kAgency, "agency:gmb-mfa", "");
  AddEntity("office:gmb-director-europe", EntityKind::kOffice, "agency:gmb-europe", "");
  AddFact("agency:gmb-europe", Relation::kHeadedBy, "office:gmb-director-europe", Interval::Since(D("2000")));
  ASSERT_TRUE(WritePack(pack_, (dir_ / "emb").string()).ok());
  auto snap = Compiled();
  ASSERT_NE(snap, nullptr);
  auto gmb = snap->Extract({"GMB"});
  ASSERT_TRUE(gmb.ok());
  std::vector<std::string> facts = Subjects((*gmb)[0]);
  EXPECT_NE(std::find(facts.begin(), facts.end(), "agency:gmb-europe headed_by office:gmb-director-europe"), facts.end());
  LoadReport report;
  auto kb = KnowledgeBase::Build(*world_, std::move(gmb).value(), &report);
  EXPECT_TRUE(report.clean()) << "the owning ministry comes along: " << report.Summary();
  EXPECT_NE(kb->FindEntity("agency:gmb-mfa"), nullptr);
}

// A bug of the same kind: org:un is "United Nations" in one pack and "UN" in another; the
// knowledge base keeps the first pack's entity, but an extract held only the pack whose
// facts named it, so Gambia–Israel's shared organisations read "UN" from the snapshot and
// "United Nations" from the text packs. Every pack's definition of a named entity comes along.
TEST_F(SnapshotTest, AnEntityTwoPacksDefineKeepsTheFirstPacksNameInAnExtract) {
  PackData first;
  first.name = "curated";
  first.sources = pack_.sources;
  first.sources[0].id = "cur";
  Entity un;
  un.id = "org:un";
  un.kind = EntityKind::kOrganization;
  un.name = "United Nations";
  un.sources = {"cur"};
  first.entities.push_back(un);
  ASSERT_TRUE(WritePack(first, (dir_ / "a-curated").string()).ok());
  AddEntity("org:un", EntityKind::kOrganization, "", "");
  pack_.entities.back().name = "UN";
  AddFact("GMB", Relation::kMemberOf, "org:un", Interval::Since(D("1965")));
  ASSERT_TRUE(WritePack(pack_, (dir_ / "emb").string()).ok());
  LoadReport report;
  const std::vector<std::string> dirs = {(dir_ / "a-curated").string(), (dir_ / "emb").string()};
  ASSERT_TRUE(Snapshot::Compile(*world_, dirs, Path(), &report).ok());
  auto snap = Snapshot::Open(Path());
  ASSERT_TRUE(snap.ok());
  auto gmb = (*snap)->Extract({"GMB"});
  ASSERT_TRUE(gmb.ok());
  auto from_snapshot = KnowledgeBase::Build(*world_, std::move(gmb).value(), &report);
  auto from_text = KnowledgeBase::Load(*world_, dirs, &report);
  ASSERT_TRUE(from_text.ok());
  EXPECT_EQ((*from_text)->NameOf("org:un"), "United Nations");
  EXPECT_EQ(from_snapshot->NameOf("org:un"), "United Nations");
}

// The whole dossier of a pair is the same from the default snapshot (every pack of
// data/packs and data/kb-packs) as from the same packs read as text, for pairs with and
// without the United States (whose chunk holds the Historian's pack).
TEST(SnapshotBundled, TheDossierIsTheSameFromTheSnapshotAsFromEveryPackAsText) {
  const std::vector<std::string> dirs = Snapshot::DefaultPackDirs();
  if (!fs::exists(DataDir() + "/kb-packs/treaties/sources.tsv.gz")) GTEST_SKIP() << "bundled kb packs absent";
  auto world = world::World::LoadDefault();
  ASSERT_TRUE(world.ok());
  auto snap = Snapshot::OpenOrCompile(**world, dirs, Snapshot::DefaultPath());
  ASSERT_TRUE(snap.ok()) << snap.status().ToString();
  LoadReport text_report;
  auto from_text = KnowledgeBase::Load(**world, dirs, &text_report);
  ASSERT_TRUE(from_text.ok());
  const char* pairs[][3] = {{"KGZ", "USA", "2026-06-01"}, {"KGZ", "KAZ", "2026-06-01"}, {"USA", "CAN", "2001-09-11"},
                            {"FRA", "DEU", "2026-06-01"}, {"RUS", "UKR", "2010-01-01"}, {"GMB", "ISR", "2026-06-01"}};
  for (const auto& p : pairs) {
    auto packs = (*snap)->Extract({p[0], p[1]});
    ASSERT_TRUE(packs.ok());
    LoadReport report;
    auto from_snapshot = KnowledgeBase::Build(**world, std::move(packs).value(), &report);
    report::DossierRequest req;
    req.a = (*world)->Find(p[0]);
    req.b = (*world)->Find(p[1]);
    req.as_of = D(p[2]);
    auto a = report::BuildDossier(**world, *from_snapshot, req);
    auto b = report::BuildDossier(**world, **from_text, req);
    ASSERT_TRUE(a.ok() && b.ok());
    if (p[1] == std::string("USA") || p[0] == std::string("USA")) {
      size_t chiefs = 0;
      for (const Fact& f : from_snapshot->facts()) chiefs += f.relation == Relation::kChiefOfMission;
      EXPECT_GT(chiefs, 0u) << "the Historian's chiefs of mission are in the snapshot";
      EXPECT_FALSE(from_snapshot->occurrences().empty()) << "and its visits";
    }
    EXPECT_TRUE(report::RenderJson(*a) == report::RenderJson(*b)) << p[0] << "-" << p[1] << " as of " << p[2];
  }
}

// The pair sections of a dossier are the same from the snapshot's chunks as from the text
// packs (the bundled embassies, leaders and factbook packs).
TEST(SnapshotBundled, GambiaIsraelPairSectionsAreTheSameFromTheSnapshotAsFromTheTextPacks) {
  std::vector<std::string> dirs;
  for (const char* p : {"embassies", "leaders", "factbook"}) {
    std::string d = DataDir() + "/kb-packs/" + p;
    if (!fs::exists(d + "/sources.tsv.gz")) GTEST_SKIP() << "bundled kb packs absent";
    dirs.push_back(d);
  }
  auto world = world::World::LoadDefault();
  ASSERT_TRUE(world.ok());
  const std::string path = (fs::temp_directory_path() / fmt::format("dyad-snapshot-bundled-{}", ::getpid())).string();
  LoadReport r1, r2, r3;
  ASSERT_TRUE(Snapshot::Compile(**world, dirs, path, &r1).ok());
  auto snap = Snapshot::Open(path);
  ASSERT_TRUE(snap.ok());
  auto packs = (*snap)->Extract({"GMB", "ISR"});
  ASSERT_TRUE(packs.ok());
  auto from_snapshot = KnowledgeBase::Build(**world, std::move(packs).value(), &r2);
  auto from_text = KnowledgeBase::Load(**world, dirs, &r3);
  ASSERT_TRUE(from_text.ok());
  report::DossierRequest req;
  req.a = (*world)->Find("GMB");
  req.b = (*world)->Find("ISR");
  req.as_of = D("2026-06-01");
  auto a = report::BuildDossier(**world, *from_snapshot, req);
  auto b = report::BuildDossier(**world, **from_text, req);
  ASSERT_TRUE(a.ok() && b.ok());
  EXPECT_FALSE(a->pairs.missions.sides[1].missions.empty()) << "Israel's embassy in Dakar covers the Gambia";
  EXPECT_FALSE(a->pairs.leaders.sides[0].leaders.empty());
  EXPECT_EQ(report::RenderPairSectionsJson(*a).dump(1), report::RenderPairSectionsJson(*b).dump(1));
  EXPECT_EQ(report::PlainText(a->overview.summary), report::PlainText(b->overview.summary));
  fs::remove(path);
}

}  // namespace
}  // namespace dyad::kb
