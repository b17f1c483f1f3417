// The names people write for states (issue 9, "Resolver: the names people write"):
// tests/world/data/names_people_write.tsv holds demonyms and adjectives with their plurals,
// short and informal names, abbreviations, historical names read at a date, names that
// are ambiguous on purpose ("?") and regions, organisations and cities that must never
// resolve ("-"). The test prints the accuracy and every miss, and requires at least 99 %.
#include <gtest/gtest.h>

#include <fmt/format.h>

#include <fstream>
#include <string>
#include <vector>

#include "base/paths.h"
#include "base/strings.h"
#include "world/resolver.h"
#include "world/world.h"

namespace dyad::world {
namespace {

struct NameRow {
  std::string text, on, expected;
};

std::vector<NameRow> ReadRows() {
  std::ifstream in(DyadHome() + "/tests/world/data/names_people_write.tsv");
  std::vector<NameRow> rows;
  std::string line;
  bool header = true;
  while (std::getline(in, line)) {
    if (line.empty() || line[0] == '#') continue;
    if (std::exchange(header, false)) continue;
    auto cells = SplitTabs(line);
    if (cells.size() == 3)
      rows.push_back({std::string(cells[0]), std::string(cells[1]), std::string(cells[2])});
  }
  return rows;
}

// "-" no match, "?" ambiguous, else the key of the one match.
std::string Answer(const Resolver& r, const NameRow& row) {
  ResolveOptions o;
  if (!row.on.empty()) o.on = Date::ParseIso(row.on).value();
  Resolution res = r.Resolve(row.text, o);
  if (res.outcome == Resolution::Outcome::kNoMatch) return "-";
  if (res.outcome == Resolution::Outcome::kAmbiguous) return "?";
  return res.best()->state->key;
}

TEST(NamesPeopleWrite, AtLeast99PercentResolveAsExpected) {
  auto world = World::LoadDefault();
  ASSERT_TRUE(world.ok()) << world.status().ToString();
  auto resolver = Resolver::LoadDefault(*world);
  ASSERT_TRUE(resolver.ok()) << resolver.status().ToString();
  std::vector<NameRow> rows = ReadRows();
  ASSERT_GE(rows.size(), 600u);
  size_t right = 0;
  for (const NameRow& row : rows) {
    std::string got = Answer(**resolver, row);
    if (got == row.expected) {
      ++right;
    } else {
      std::printf("  miss: '%s'%s expected %s, got %s\n", row.text.c_str(),
                  row.on.empty() ? "" : fmt::format(" on {}", row.on).c_str(), row.expected.c_str(),
                  got.c_str());
    }
  }
  double accuracy = 100.0 * static_cast<double>(right) / static_cast<double>(rows.size());
  std::printf("names people write: %zu of %zu right (%.2f %%)\n", right, rows.size(), accuracy);
  EXPECT_GE(accuracy, 99.0);
}

TEST(NamesPeopleWrite, PluralsOfDemonymsResolveButNotPluralsOfNames) {
  auto world = World::LoadDefault();
  ASSERT_TRUE(world.ok());
  auto resolver = Resolver::LoadDefault(*world);
  ASSERT_TRUE(resolver.ok());
  EXPECT_EQ((*resolver)->Resolve("Kazakhs").best()->state->key, "KAZ");
  EXPECT_EQ((*resolver)->Resolve("Kazakhs").best()->kind, MatchKind::kDemonym);
  EXPECT_EQ((*resolver)->Resolve("Americas").outcome, Resolution::Outcome::kNoMatch);
}

TEST(NamesPeopleWrite, KirghiziaIn1980IsTheKirghizSsr) {
  auto world = World::LoadDefault();
  ASSERT_TRUE(world.ok());
  auto resolver = Resolver::LoadDefault(*world);
  ASSERT_TRUE(resolver.ok());
  ResolveOptions o;
  o.on = Date::ParseIso("1980").value();
  EXPECT_EQ((*resolver)->Resolve("Kirghizia", o).best()->state->key, "SU-KG");
  EXPECT_EQ((*resolver)->Resolve("Kirghizia").best()->state->key, "KGZ");
}

TEST(NamesPeopleWrite, AmericaInARegionsNameIsNoMentionOfTheUnitedStates) {
  auto world = World::LoadDefault();
  ASSERT_TRUE(world.ok());
  auto resolver = Resolver::LoadDefault(*world);
  ASSERT_TRUE(resolver.ok());
  auto m = (*resolver)->FindMentions("Latin America, South America and Central America trade with America.");
  ASSERT_EQ(m.size(), 1u);
  EXPECT_EQ(m[0].best()->state->key, "USA");
  EXPECT_EQ(m[0].begin, 60u);
}

}  // namespace
}  // namespace dyad::world
