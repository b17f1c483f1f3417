// `dyad check` as a specification: broken packs written by the tests, each error with
// its exact file, line, column and reason.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <map>

#include "kb/knowledge_base.h"
#include "kb/pack.h"
#include "test_world.h"

namespace dyad::kb {
namespace {

namespace fs = std::filesystem;

constexpr char kSources[] = "id\ttitle\nt:src\tTest source\n";
constexpr char kEntities[] =
    "id\tkind\tname\towner\thost\tsources\n"
    "mission:usa-kgz\tmission\tUS embassy\tUSA\tKGZ\tt:src\n"
    "person:a\tperson\tA\tUSA\t\tt:src\n"
    "person:b\tperson\tB\tUSA\t\tt:src\n"
    "org:x\torganization\tX\t\t\tt:src\n";
constexpr char kFactsHeader[] = "subject\trelation\tobject\tvalue\tvalid\tqualifiers\tsources\n";

class PackCheckTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = (fs::path(::testing::TempDir()) /
            ("kbcheck-" + std::string(::testing::UnitTest::GetInstance()->current_test_info()->name())))
               .string();
    fs::remove_all(dir_);
    fs::create_directories(dir_);
    world_ = testing::TestWorld();
  }

  void Write(const std::string& name, const std::string& text) {
    std::ofstream(dir_ + "/" + name) << text;
  }

  // Writes a pack whose facts.tsv holds `facts` after the header, and loads it.
  void LoadFacts(const std::string& facts) {
    Write("sources.tsv", kSources);
    Write("entities.tsv", kEntities);
    Write("facts.tsv", std::string(kFactsHeader) + facts);
    Load();
  }

  void Load() {
    report_ = LoadReport();
    auto kb = KnowledgeBase::Load(*world_, {dir_}, &report_);
    ASSERT_TRUE(kb.ok()) << kb.status().ToString();
    kb_ = std::move(kb).value();
  }

  // Asserts exactly one error, at file:line:column with `kind`.
  void ExpectOneError(const std::string& file, uint64_t line, int column,
                      const std::string& kind) {
    ASSERT_EQ(report_.errors(), 1) << report_.Summary();
    const Diagnostic* d = nullptr;
    for (const Diagnostic& x : report_.diagnostics) {
      if (x.severity == Diagnostic::Severity::kError) d = &x;
    }
    EXPECT_EQ(d->file, dir_ + "/" + file);
    EXPECT_EQ(d->line, line);
    EXPECT_EQ(d->column, column);
    EXPECT_EQ(d->kind, kind) << d->ToString();
    EXPECT_EQ(report_.total.rejected, 1u) << report_.Summary();
    EXPECT_EQ(report_.total.rejected_by_reason.at(kind), 1u);
  }

  std::string dir_;
  std::shared_ptr<const world::World> world_;
  LoadReport report_;
  std::unique_ptr<KnowledgeBase> kb_;
};

TEST_F(PackCheckTest, CleanPackLoadsEverything) {
  LoadFacts("USA\trecognized\tKGZ\t\t1991-12-25\t\tt:src\n");
  EXPECT_TRUE(report_.clean()) << report_.Summary();
  EXPECT_EQ(kb_->facts().size(), 1u);
  EXPECT_EQ(report_.total.read, 1u + 1 + 4);  // sources + facts + entities
  EXPECT_EQ(report_.total.accepted, report_.total.read);
}

TEST_F(PackCheckTest, UnknownRelation) {
  LoadFacts("USA\tbefriended\tKGZ\t\t1991\t\tt:src\n");
  ExpectOneError("facts.tsv", 2, 2, "unknown-relation");
  EXPECT_TRUE(kb_->facts().empty());
}

TEST_F(PackCheckTest, UnknownEntity) {
  LoadFacts("USA\trecognized\tKGZ\t\t1991-12-25\t\tt:src\n"
            "person:zz\tchief_of_mission\tmission:usa-kgz\t\t1992/1993\trole=ambassador\tt:src\n");
  ExpectOneError("facts.tsv", 3, 1, "unknown-entity");
  EXPECT_EQ(kb_->facts().size(), 1u);  // the good row is still loaded
}

TEST_F(PackCheckTest, UnknownState) {
  LoadFacts("USA\trecognized\tXYZ\t\t1991-12-25\t\tt:src\n");
  ExpectOneError("facts.tsv", 2, 3, "unknown-state");
}

TEST_F(PackCheckTest, ImpossibleDate) {
  LoadFacts("USA\trecognized\tKGZ\t\t1991-02-30\t\tt:src\n");
  ExpectOneError("facts.tsv", 2, 5, "bad-date");
}

TEST_F(PackCheckTest, MalformedDate) {
  LoadFacts("KGZ\tmember_of\torg:x\t\t1992-13/..\t\tt:src\n");
  ExpectOneError("facts.tsv", 2, 5, "bad-date");
}

TEST_F(PackCheckTest, EndBeforeStart) {
  LoadFacts("person:a\tchief_of_mission\tmission:usa-kgz\t\t1995/1994\trole=ambassador\tt:src\n");
  ExpectOneError("facts.tsv", 2, 5, "end-before-start");
}

TEST_F(PackCheckTest, PointRelationNeedsOneDate) {
  LoadFacts("USA\trecognized\tKGZ\t\t1991/1992\t\tt:src\n");
  ExpectOneError("facts.tsv", 2, 5, "not-a-point");
}

TEST_F(PackCheckTest, MissingSource) {
  LoadFacts("USA\trecognized\tKGZ\t\t1991-12-25\t\t\n");
  ExpectOneError("facts.tsv", 2, 7, "missing-source");
}

TEST_F(PackCheckTest, UnknownSource) {
  LoadFacts("USA\trecognized\tKGZ\t\t1991-12-25\t\tt:src,t:nope\n");
  ExpectOneError("facts.tsv", 2, 7, "unknown-source");
}

TEST_F(PackCheckTest, DuplicateRow) {
  LoadFacts("USA\trecognized\tKGZ\t\t1991-12-25\t\tt:src\n"
            "USA\trecognized\tKGZ\t\t1991-12-25\t\tt:src\n");
  ExpectOneError("facts.tsv", 3, 0, "duplicate-row");
}

TEST_F(PackCheckTest, DifferentDatesAreADisagreementNotADuplicate) {
  LoadFacts("USA\trecognized\tKGZ\t\t1991-12-25\t\tt:src\n"
            "USA\trecognized\tKGZ\t\t1991-12-26\t\tt:src\n");
  EXPECT_TRUE(report_.clean()) << report_.Summary();
  EXPECT_EQ(kb_->facts().size(), 2u);
}

TEST_F(PackCheckTest, OverlappingTermsOfOnePost) {
  LoadFacts(
      "person:a\tchief_of_mission\tmission:usa-kgz\t\t1992-01-01/1994-12-31\trole=ambassador-e-p\tt:src\n"
      "person:b\tchief_of_mission\tmission:usa-kgz\t\t1994-06-01/1996\trole=ambassador-e-p\tt:src\n");
  ExpectOneError("facts.tsv", 3, 5, "overlapping-terms");
  EXPECT_NE(report_.diagnostics.back().message.find("facts.tsv:2"), std::string::npos);
}

TEST_F(PackCheckTest, SharedBoundaryDayIsNotAnOverlap) {
  LoadFacts(
      "person:a\tchief_of_mission\tmission:usa-kgz\t\t1992-01-01/1994-06-01\trole=ambassador-e-p\tt:src\n"
      "person:b\tchief_of_mission\tmission:usa-kgz\t\t1994-06-01/1996\trole=charge-daffaires-ad-interim\tt:src\n");
  EXPECT_TRUE(report_.clean()) << report_.Summary();
}

TEST_F(PackCheckTest, OverlapByTwoDaysIsAnOverlap) {
  LoadFacts(
      "person:a\tchief_of_mission\tmission:usa-kgz\t\t1992-01-01/1994-06-02\trole=ambassador-e-p\tt:src\n"
      "person:b\tchief_of_mission\tmission:usa-kgz\t\t1994-06-01/1996\trole=ambassador-e-p\tt:src\n");
  ExpectOneError("facts.tsv", 3, 5, "overlapping-terms");
}

TEST_F(PackCheckTest, ConcurrentTermsMayBeDeclared) {
  LoadFacts(
      "person:a\tchief_of_mission\tmission:usa-kgz\t\t1992/1995\trole=ambassador-e-p\tt:src\n"
      "person:b\tchief_of_mission\tmission:usa-kgz\t\t1993/1994\trole=charge-daffaires-ad-interim; concurrent=yes\tt:src\n");
  EXPECT_TRUE(report_.clean()) << report_.Summary();
}

TEST_F(PackCheckTest, SamePersonTwoSourcesIsADisagreement) {
  LoadFacts(
      "person:a\tchief_of_mission\tmission:usa-kgz\t\t1992/1995\trole=ambassador-e-p\tt:src\n"
      "person:a\tchief_of_mission\tmission:usa-kgz\t\t1993/1996\trole=ambassador-e-p\tt:src\n");
  EXPECT_TRUE(report_.clean()) << report_.Summary();
}

TEST_F(PackCheckTest, WrongKindOfObject) {
  LoadFacts("KGZ\tmember_of\tUSA\t\t1992/..\t\tt:src\n");
  ExpectOneError("facts.tsv", 2, 3, "wrong-kind");
}

TEST_F(PackCheckTest, MissingRoleQualifier) {
  LoadFacts("person:a\tchief_of_mission\tmission:usa-kgz\t\t1992/1993\t\tt:src\n");
  ExpectOneError("facts.tsv", 2, 6, "missing-qualifier");
}

TEST_F(PackCheckTest, BadDateQualifier) {
  LoadFacts("person:a\tchief_of_mission\tmission:usa-kgz\t\t1992/1993\trole=ambassador; appointed=1992-02-31\tt:src\n");
  ExpectOneError("facts.tsv", 2, 6, "bad-qualifier");
}

TEST_F(PackCheckTest, MissingObject) {
  LoadFacts("USA\trecognized\t\t\t1991-12-25\t\tt:src\n");
  ExpectOneError("facts.tsv", 2, 3, "missing-object");
}

TEST_F(PackCheckTest, NumberRequired) {
  Write("sources.tsv", kSources);
  Write("entities.tsv", std::string(kEntities) + "poll:p\tpoll\tP\t\tKGZ\tt:src\n");
  Write("facts.tsv", std::string(kFactsHeader) +
                         "poll:p\tpoll_result\tUSA\tmany\t2012\tanswer=approve\tt:src\n");
  Load();
  ExpectOneError("facts.tsv", 2, 4, "bad-number");
}

TEST_F(PackCheckTest, ColumnCount) {
  LoadFacts("USA\trecognized\tKGZ\t1991-12-25\tt:src\n");
  ExpectOneError("facts.tsv", 2, 0, "column-count");
}

TEST_F(PackCheckTest, BadEscape) {
  LoadFacts("USA\trecognized\tKGZ\t\t1991-12-25\t\tt:src\n"
            "USA\trecognized\tKGZ\t\t1991-12-26\t\tt:src\\x\n");
  ExpectOneError("facts.tsv", 3, 7, "bad-escape");
}

TEST_F(PackCheckTest, CommentsAndBlankLinesCountLines) {
  LoadFacts("# a comment\n\nUSA\trecognized\tKGZ\t\t1991-02-30\t\tt:src\n");
  ExpectOneError("facts.tsv", 4, 5, "bad-date");
}

TEST_F(PackCheckTest, UnknownHeaderColumnRejectsTheFileAndSaysSo) {
  Write("sources.tsv", kSources);
  Write("facts.tsv", "subject\trelation\tobjekt\tvalid\tsources\nUSA\trecognized\tKGZ\t1991\tt:src\n");
  Load();
  ASSERT_GE(report_.errors(), 1);
  EXPECT_EQ(report_.diagnostics[0].file, dir_ + "/facts.tsv");
  EXPECT_EQ(report_.diagnostics[0].line, 1u);
  EXPECT_EQ(report_.diagnostics[0].column, 3);
  EXPECT_EQ(report_.diagnostics[0].kind, "bad-header");
  EXPECT_NE(report_.Summary().find("file not loaded"), std::string::npos);
  EXPECT_TRUE(kb_->facts().empty());
}

TEST_F(PackCheckTest, EntityWithUnknownKindAndOwner) {
  Write("sources.tsv", kSources);
  Write("entities.tsv",
        "id\tkind\tname\towner\tsources\n"
        "org:a\tclub\tA\t\tt:src\n"
        "org:b\torganization\tB\torg:nobody\tt:src\n");
  Load();
  ASSERT_EQ(report_.errors(), 2) << report_.Summary();
  EXPECT_EQ(report_.diagnostics[0].ToString(),
            dir_ + "/entities.tsv:2:2: error: unknown entity kind 'club' [unknown-kind]");
  EXPECT_EQ(report_.diagnostics[1].ToString(),
            dir_ + "/entities.tsv:3:4: error: unknown entity 'org:nobody' [unknown-entity]");
  EXPECT_EQ(kb_->entities().size(), 0u);
}

TEST_F(PackCheckTest, OccurrencesAndParticipants) {
  Write("sources.tsv", kSources);
  Write("occurrences.tsv",
        "id\tkind\twhen\tcameo\tsummary\tsources\n"
        "occ:a\tvisit\t2015-10-31\t042\tA visit.\tt:src\n"
        "occ:b\tvisit\t2015-10-31\t42x\tBad code.\tt:src\n");
  Write("participants.tsv",
        "occurrence\tentity\trole\tsources\n"
        "occ:a\tUSA\tvisitor\tt:src\n"
        "occ:a\tKGZ\thost\tt:src\n"
        "occ:zz\tKGZ\thost\tt:src\n");
  Load();
  ASSERT_EQ(report_.errors(), 2) << report_.Summary();
  EXPECT_EQ(report_.diagnostics[0].ToString(),
            dir_ + "/occurrences.tsv:3:4: error: '42x' is not a CAMEO code (2 to 4 digits) [bad-cameo]");
  EXPECT_EQ(report_.diagnostics[1].ToString(),
            dir_ + "/participants.tsv:4:1: error: occurrence 'occ:zz' is not in this pack's "
                   "occurrences.tsv [unknown-occurrence]");
  ASSERT_EQ(kb_->occurrences().size(), 1u);
  EXPECT_EQ(kb_->occurrences()[0].participants.size(), 2u);
}

TEST_F(PackCheckTest, MissingSourcesFileIsAnError) {
  Write("facts.tsv", std::string(kFactsHeader));
  LoadReport report;
  auto kb = KnowledgeBase::Load(*world_, {dir_}, &report);
  EXPECT_EQ(kb.status().code(), StatusCode::kNotFound);
  ASSERT_EQ(report.errors(), 1);
  EXPECT_EQ(report.diagnostics[0].kind, "missing-file");
}

TEST_F(PackCheckTest, CrossPackReferencesAndMerging) {
  // Pack one defines the source and entities; pack two uses them and repeats a fact.
  LoadFacts("USA\trecognized\tKGZ\t\t1991-12-25\t\tt:src\n");
  std::string two = dir_ + "-two";
  fs::create_directories(two);
  std::ofstream(two + "/sources.tsv") << "id\ttitle\nt:other\tOther\n";
  std::ofstream(two + "/facts.tsv") << kFactsHeader
                                    << "USA\trecognized\tKGZ\t\t1991-12-25\t\tt:other\n"
                                    << "KGZ\tmember_of\torg:x\t\t1992/..\t\tt:other\n";
  LoadReport report;
  auto kb = KnowledgeBase::Load(*world_, {dir_, two}, &report);
  ASSERT_TRUE(kb.ok());
  EXPECT_TRUE(report.clean()) << report.Summary();
  ASSERT_EQ((*kb)->facts().size(), 2u);
  EXPECT_EQ((*kb)->facts()[0].sources, (std::vector<std::string>{"t:src", "t:other"}));
  EXPECT_EQ(report.total.duplicates, 1u);
}

TEST(PackWriter, RoundTrip) {
  auto world = testing::TestWorld();
  PackData pack;
  pack.sources.push_back(Source{"w:s", "Title\twith tab", "", "Pub", "http://x", Date::Make(2015, 7, 21).value(),
                                std::nullopt, "CC0-1.0", "line\nbreak", {}});
  Entity m;
  m.id = "mission:m";
  m.kind = EntityKind::kMission;
  m.name = "M";
  m.owner = "USA";
  m.host = "KGZ";
  m.sources = {"w:s"};
  pack.entities.push_back(m);
  Entity p = m;
  p.id = "person:p";
  p.kind = EntityKind::kPerson;
  p.host.clear();
  pack.entities.push_back(p);
  Fact f;
  f.subject = "person:p";
  f.relation = Relation::kChiefOfMission;
  f.object = "mission:m";
  f.valid = Interval::Since(Date::Make(1992, 2, 1).value());
  f.qualifiers = {{"role", "charge-daffaires-ad-interim"}, {"note", "a;b"}};
  f.sources = {"w:s"};
  pack.facts.push_back(f);
  Fact g;
  g.subject = "USA";
  g.relation = Relation::kRecognized;
  g.object = "KGZ";
  g.valid = Interval::Point(Date::Make(1991, 12, 25).value());
  g.sources = {"w:s"};
  pack.facts.push_back(g);
  Occurrence o;
  o.id = "occ:o";
  o.kind = "visit";
  o.when = Interval::Point(Date::Make(2015, 10, 31).value());
  o.cameo = "042";
  o.summary = "S";
  o.sources = {"w:s"};
  o.participants = {Participant{"USA", "visitor", {}, {}}};
  pack.occurrences.push_back(o);
  std::string dir = (fs::path(::testing::TempDir()) / "kb-roundtrip").string();
  fs::remove_all(dir);
  ASSERT_TRUE(WritePack(pack, dir).ok());
  LoadReport report;
  auto kb = KnowledgeBase::Load(*world, {dir}, &report);
  ASSERT_TRUE(kb.ok());
  EXPECT_TRUE(report.clean()) << report.Summary();
  ASSERT_EQ((*kb)->facts().size(), 2u);
  EXPECT_EQ((*kb)->facts()[0].qualifiers, f.qualifiers);
  EXPECT_EQ((*kb)->facts()[0].valid, f.valid);
  EXPECT_EQ((*kb)->facts()[1].valid, g.valid);
  EXPECT_EQ((*kb)->FindSource("w:s")->title, "Title\twith tab");
  EXPECT_EQ((*kb)->FindSource("w:s")->note, "line\nbreak");
  ASSERT_EQ((*kb)->occurrences().size(), 1u);
  EXPECT_EQ((*kb)->occurrences()[0].participants[0].sources, std::vector<std::string>{"w:s"});
}

}  // namespace
}  // namespace dyad::kb
