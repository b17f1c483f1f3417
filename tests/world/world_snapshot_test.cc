// The world snapshot (world/world_snapshot.h): it decodes to the same registry as the text
// it was written from, and it is never used when stale or damaged.
#include "world/world_snapshot.h"

#include <fmt/format.h>
#include <gtest/gtest.h>

#include <chrono>
#include <filesystem>
#include <fstream>

#include "base/file.h"

namespace dyad::world {
namespace {

namespace fs = std::filesystem;

std::string Span(const Interval& i) { return i.ToString(); }

std::string Opt(const std::optional<double>& v) { return v ? fmt::format("{:.17g}", *v) : "-"; }

// Every field of a state, written out independently of the snapshot's encoder.
std::string Dump(const State& s) {
  std::string out = fmt::format("{}|{}|{}|{}|{}|{}|{},{}|{},{}|{}|{}|{}\n", s.key, s.name, s.official_name,
                                static_cast<int>(s.kind), Span(s.existence), s.capital, Opt(s.capital_lat),
                                Opt(s.capital_lon), Opt(s.lat), Opt(s.lon), s.region, s.subregion, s.un_member);
  for (const std::string& b : s.borders) out += "border " + b + "\n";
  for (const CodeSpell& c : s.codes)
    out += fmt::format("code {} {} {} {}\n", static_cast<int>(c.scheme), c.code, Span(c.valid), c.source);
  for (const Name& n : s.names)
    out += fmt::format("name {}|{}|{}|{}|{}\n", n.text, n.lang, static_cast<int>(n.kind), Span(n.valid), n.source);
  for (const SystemSpell& sp : s.spells) out += fmt::format("spell {} {} {}\n", sp.system, Span(sp.valid), sp.source);
  for (const Link& l : s.links)
    out += fmt::format("link {} {} {} {} {}\n", static_cast<int>(l.kind), l.other,
                       l.date ? l.date->ToString() : "-", l.note, l.source);
  for (const std::string& src : s.sources) out += "source " + src + "\n";
  return out;
}

class WorldSnapshotTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = ::testing::TempDir() + "/world_snapshot_" + ::testing::UnitTest::GetInstance()->current_test_info()->name();
    fs::remove_all(dir_);
    fs::create_directories(dir_);
    path_ = dir_ + "/world.snapshot";
    sources_ = WorldSources::Default();
  }
  void TearDown() override { fs::remove_all(dir_); }

  // A private copy of the project's tables, so that a test may change one.
  void CopyTables() {
    fs::copy(sources_.tables_dir, dir_ + "/tables");
    sources_.tables_dir = dir_ + "/tables";
  }
  std::shared_ptr<const World> FromText() {
    Result<std::shared_ptr<const World>> w = World::Load(sources_);
    EXPECT_TRUE(w.ok()) << w.status().ToString();
    return w.ok() ? *w : nullptr;
  }
  void Write(const World& w) { ASSERT_TRUE(WriteWorldSnapshot(w, sources_, path_).ok()); }
  StatusCode ReadCode() { return ReadWorldSnapshot(sources_, path_).status().code(); }
  void Poke(size_t offset_from_end) {
    std::string bytes = ReadFile(path_).value();
    bytes[bytes.size() - offset_from_end] ^= 0x5a;
    ASSERT_TRUE(WriteFileAtomic(path_, bytes).ok());
  }

  std::string dir_, path_;
  WorldSources sources_;
};

TEST_F(WorldSnapshotTest, DecodesToTheSameWorldAsTheTextItWasWrittenFrom) {
  std::shared_ptr<const World> text = FromText();
  ASSERT_NE(text, nullptr);
  Write(*text);
  Result<std::shared_ptr<const World>> snap = ReadWorldSnapshot(sources_, path_);
  ASSERT_TRUE(snap.ok()) << snap.status().ToString();
  ASSERT_EQ((*snap)->states().size(), text->states().size());
  size_t names = 0;
  for (size_t i = 0; i < text->states().size(); ++i) {
    ASSERT_EQ(Dump((*snap)->states()[i]), Dump(text->states()[i])) << text->states()[i].key;
    names += text->states()[i].names.size();
  }
  EXPECT_GT(text->states().size(), 300u);
  EXPECT_GT(names, 20000u);  // the names in every language came through
  // The indexes are rebuilt alike: every code of every state answers the same states.
  for (const State& s : text->states())
    for (const CodeSpell& c : s.codes)
      ASSERT_EQ((*snap)->ByCode(c.scheme, c.code).size(), text->ByCode(c.scheme, c.code).size()) << c.code;
  EXPECT_EQ((*snap)->Find("kgz")->name, "Kyrgyzstan");
}

TEST_F(WorldSnapshotTest, AMissingSnapshotIsNotFoundAndLoadingWritesIt) {
  EXPECT_EQ(ReadCode(), StatusCode::kNotFound);
  Result<std::shared_ptr<const World>> w = LoadWorldCached(sources_, path_);
  ASSERT_TRUE(w.ok()) << w.status().ToString();
  EXPECT_TRUE(ReadWorldSnapshot(sources_, path_).ok());
}

TEST_F(WorldSnapshotTest, AChangedInputFileMakesItStaleAndLoadingRebuildsIt) {
  CopyTables();
  std::shared_ptr<const World> before = FromText();
  ASSERT_NE(before, nullptr);
  Write(*before);
  ASSERT_EQ(ReadCode(), StatusCode::kOk);
  // Rename Kyrgyzstan's capital in the copied capitals table: same size would not do, the
  // modification time alone changes it too.
  const std::string capitals = sources_.tables_dir + "/capitals.tsv";
  std::string text = ReadFile(capitals).value();
  const size_t at = text.find("Bishkek");
  ASSERT_NE(at, std::string::npos);
  text.replace(at, 7, "Frunze!");
  ASSERT_TRUE(WriteFileAtomic(capitals, text).ok());
  fs::last_write_time(capitals, fs::last_write_time(capitals) + std::chrono::seconds(2));
  EXPECT_EQ(ReadCode(), StatusCode::kFailedPrecondition);
  Result<std::shared_ptr<const World>> after = LoadWorldCached(sources_, path_);
  ASSERT_TRUE(after.ok()) << after.status().ToString();
  EXPECT_EQ((*after)->Find("KGZ")->capital, "Frunze!");
  EXPECT_EQ(ReadCode(), StatusCode::kOk);  // republished from the new text
  EXPECT_EQ(ReadWorldSnapshot(sources_, path_).value()->Find("KGZ")->capital, "Frunze!");
}

TEST_F(WorldSnapshotTest, AnAddedOrRemovedInputFileMakesItStale) {
  CopyTables();
  std::shared_ptr<const World> w = FromText();
  ASSERT_NE(w, nullptr);
  Write(*w);
  ASSERT_TRUE(WriteFileAtomic(sources_.tables_dir + "/new_table.tsv", "key\n").ok());
  EXPECT_EQ(ReadCode(), StatusCode::kFailedPrecondition);
  Write(*w);
  ASSERT_EQ(ReadCode(), StatusCode::kOk);
  fs::remove(sources_.tables_dir + "/new_table.tsv");
  EXPECT_EQ(ReadCode(), StatusCode::kFailedPrecondition);
}

TEST_F(WorldSnapshotTest, ASnapshotOfOtherSourcesIsStale) {
  std::shared_ptr<const World> w = FromText();
  ASSERT_NE(w, nullptr);
  Write(*w);
  CopyTables();  // the same tables, but read from elsewhere
  EXPECT_EQ(ReadCode(), StatusCode::kFailedPrecondition);
}

TEST_F(WorldSnapshotTest, ADamagedOrTruncatedSnapshotIsCorruptionAndLoadingRepairsIt) {
  std::shared_ptr<const World> w = FromText();
  ASSERT_NE(w, nullptr);
  Write(*w);
  Poke(100);  // a byte among the state records
  EXPECT_EQ(ReadCode(), StatusCode::kCorruption);
  Write(*w);
  std::string bytes = ReadFile(path_).value();
  ASSERT_TRUE(WriteFileAtomic(path_, bytes.substr(0, bytes.size() / 2)).ok());
  EXPECT_EQ(ReadCode(), StatusCode::kCorruption);
  ASSERT_TRUE(WriteFileAtomic(path_, "DYADWLD1").ok());
  EXPECT_EQ(ReadCode(), StatusCode::kCorruption);
  ASSERT_TRUE(WriteFileAtomic(path_, std::string(64, 'x')).ok());
  EXPECT_EQ(ReadCode(), StatusCode::kCorruption);
  Result<std::shared_ptr<const World>> loaded = LoadWorldCached(sources_, path_);
  ASSERT_TRUE(loaded.ok()) << loaded.status().ToString();
  EXPECT_EQ((*loaded)->states().size(), w->states().size());
  EXPECT_EQ(ReadCode(), StatusCode::kOk);
}

TEST_F(WorldSnapshotTest, AnUnwritableSnapshotPathStillLoadsTheWorld) {
  const std::string blocker = dir_ + "/not-a-dir";
  ASSERT_TRUE(WriteFileAtomic(blocker, "x").ok());
  Result<std::shared_ptr<const World>> w = LoadWorldCached(sources_, blocker + "/world.snapshot");
  ASSERT_TRUE(w.ok()) << w.status().ToString();
  EXPECT_NE((*w)->Find("USA"), nullptr);
}

}  // namespace
}  // namespace dyad::world
