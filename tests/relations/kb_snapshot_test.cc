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
                                             "mission:gmb-london accredited_to ISR", "ISR party_to agr:multi",
                                             "GMB party_to agr:multi"}))
      << "the treaty's witness chunk brings its other party";
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
