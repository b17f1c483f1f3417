// Accuracy of the resolver on the merged test tables of countrycode, country_converter
// and pycountry (SharedDir()/data/resolver/combined_name_variants.tsv, columns source,
// input, scheme, expected; expected `NA` = must not match).
//
// Each row is resolved with the real World and the project's alias table, the state is
// expressed in the row's scheme (iso3c/ISO3: the ISO alpha-3 code, or the first
// successor's for a former state without one, as those suites do for "West Germany";
// cowc: the COW letters), and counted right, wrong, ambiguous or missed. A `NA` row that
// matches is a should-not-match hit, unless another row of the table expects a state for
// the same folded input (the suites contradict each other on "Saint Martin", "Guiana"
// and "Netherlands Antilles"): those are "contested" and reported apart.
#include <gtest/gtest.h>

#include <fmt/format.h>

#include <fstream>
#include <map>
#include <set>

#include "base/line_reader.h"
#include "base/paths.h"
#include "base/unicode.h"
#include "world/resolver.h"
#include "world/resolver_text.h"
#include "world/world.h"
#include "name_variants.h"

namespace dyad::world {
namespace {

using Row = NameVariant;

// The state's code in the row's scheme. countrycode's iso3c means current ISO codes:
// a former state answers through its successor when it has exactly one (West Germany,
// the Kirghiz SSR), and cannot be expressed ("") when it split (the USSR). The
// country_converter suites (ISO3) also use ISO 3166-3's former alpha-3 codes (ANT).
std::string CodeFor(const World& world, const State* s, const Row& row, int depth = 0) {
  const Scheme target = row.scheme == "cowc" ? Scheme::kCowAlpha : Scheme::kIso3;
  const bool current_only = row.source.starts_with("countrycode") && target == Scheme::kIso3;
  if (!s->current() && current_only && depth < 3) {
    std::vector<const State*> next;
    for (const Link& l : s->links)
      if (l.kind == LinkKind::kSuccessor)
        if (const State* n = world.Find(l.other)) next.push_back(n);
    return next.size() == 1 ? CodeFor(world, next[0], row, depth + 1) : "";
  }
  if (auto code = s->Code(target)) return *code;
  return s->key;
}

struct Tally {
  int right = 0, wrong = 0, ambiguous = 0, missed = 0;
  int total() const { return right + wrong + ambiguous + missed; }
  double share(int n) const { return total() ? 100.0 * n / total() : 0; }
  std::string ToString() const {
    return fmt::format("{} rows: right {:.1f}% ({}), wrong {:.1f}% ({}), ambiguous {:.1f}% ({}), "
                       "missed {:.1f}% ({})",
                       total(), share(right), right, share(wrong), wrong, share(ambiguous),
                       ambiguous, share(missed), missed);
  }
};

TEST(ResolverAccuracy, OnTheMergedNameVariantSuites) {
  const std::string path = SharedDir() + "/data/resolver/combined_name_variants.tsv";
  if (!std::ifstream(path).good()) GTEST_SKIP() << "no test table at " << path;
  auto world = World::LoadDefault();
  ASSERT_TRUE(world.ok()) << world.status().ToString();
  auto resolver = Resolver::LoadDefault(*world);
  ASSERT_TRUE(resolver.ok()) << resolver.status().ToString();
  std::vector<Row> rows = ReadNameVariants(path);
  ASSERT_GT(rows.size(), 700u);

  std::set<std::string> expected_somewhere;  // folded inputs some row expects a state for
  for (const Row& r : rows)
    if (r.expected != "NA") expected_somewhere.insert(MatchKey(r.input));

  Tally all, current;
  std::map<std::string, Tally> by_source;
  int nomatch_rows = 0, nomatch_hits = 0, contested_hits = 0;
  for (const Row& row : rows) {
    Resolution res = (*resolver)->Resolve(row.input);
    std::string got;
    if (res.outcome == Resolution::Outcome::kMatch) got = CodeFor(**world, res.best()->state, row);
    if (row.expected == "NA") {
      ++nomatch_rows;
      if (got.empty()) continue;
      if (expected_somewhere.count(MatchKey(row.input))) {
        ++contested_hits;
        std::printf("  contested  %-45s -> %s (%s)\n", row.input.c_str(), got.c_str(), row.source.c_str());
      } else {
        ++nomatch_hits;
        std::printf("  NOT-NA     %-45s -> %s (%s)\n", row.input.c_str(), got.c_str(), row.source.c_str());
      }
      continue;
    }
    const State* want = (*world)->Find(row.expected);
    const bool is_current = want != nullptr && want->current() && row.scheme != "cowc";
    auto count = [&](Tally& t) {
      if (res.outcome == Resolution::Outcome::kAmbiguous) ++t.ambiguous;
      else if (res.outcome == Resolution::Outcome::kNoMatch) ++t.missed;
      else if (got == row.expected) ++t.right;
      else ++t.wrong;
    };
    count(all);
    count(by_source[row.source]);
    if (is_current) count(current);
    if (got == row.expected) continue;
    std::printf("  %-9s  %-45s expected %-4s got %s%s\n", std::string(OutcomeName(res.outcome)).c_str(),
                row.input.c_str(), row.expected.c_str(), got.c_str(),
                res.outcome == Resolution::Outcome::kAmbiguous ? "?" : "");
  }
  for (const auto& [source, tally] : by_source)
    std::printf("%-48s %s\n", source.c_str(), tally.ToString().c_str());
  std::printf("all rows expecting a state:   %s\n", all.ToString().c_str());
  std::printf("rows naming current states:   %s\n", current.ToString().c_str());
  std::printf("must-not-match rows: %d, hits %d, contested hits %d\n", nomatch_rows, nomatch_hits,
              contested_hits);
  RecordProperty("right_current_pct", fmt::format("{:.2f}", current.share(current.right)));
  EXPECT_EQ(nomatch_hits, 0);
  const Tally& names = by_source["countrycode:test-regex-external.R"];  // current states' names
  EXPECT_GE(names.share(names.right), 99.5);
  EXPECT_EQ(names.wrong, 0);
  EXPECT_GE(current.share(current.right), 96.0);
  EXPECT_GE(all.share(all.right), 95.0);
  EXPECT_LE(all.wrong, 3);
}

}  // namespace
}  // namespace dyad::world

namespace dyad::world {
namespace {

// FindMentions on the real World: prose traps that a small test world cannot show.
TEST(ResolverRealWorld, ProseMentions) {
  auto world = World::LoadDefault();
  if (!world.ok()) GTEST_SKIP() << "no World: " << world.status().ToString();
  auto resolver = Resolver::LoadDefault(*world);
  ASSERT_TRUE(resolver.ok()) << resolver.status().ToString();
  const std::string s =
      "Officials from New Mexico, New Jersey and Mexico City met Man Utd fans in the Fergana "
      "Valley, Central Asia and the European Union; the Kyrgyz Republic, the U.S. and Papua "
      "New Guinea signed. IT and IN are words, us too.";
  std::vector<std::string> got;
  for (const Mention& m : (*resolver)->FindMentions(s)) {
    got.push_back(fmt::format("{}:{}", s.substr(m.begin, m.end - m.begin),
                              m.best() ? m.best()->state->key : "?"));
  }
  EXPECT_EQ(got, (std::vector<std::string>{"Kyrgyz Republic:KGZ", "U.S:USA",
                                           "Papua New Guinea:PNG"}));
}

}  // namespace
}  // namespace dyad::world
