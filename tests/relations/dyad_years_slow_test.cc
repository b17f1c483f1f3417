// The research export against the source files: for sampled years, every source row of
// ATOP, COW trade, COW IGO, MID and contiguity is compared with the export's row for the
// same COW dyad-year (exact for counts and flags, trade to the cent), every export row
// that claims an alliance or a dispute is found in the source, and the UN agreement of
// every dyad in one year is recomputed from the raw votes.
#include <gtest/gtest.h>

#include <cmath>
#include <map>
#include <set>
#include <sstream>

#include "base/csv_reader.h"
#include "base/file.h"
#include "base/paths.h"
#include "ingest/relations_import.h"
#include "relations/dyad_years.h"

namespace dyad::relations {
namespace {

using Key = std::tuple<int, int, int>;  // year, cow_a, cow_b
const std::set<int> kYears = {1950, 1975, 1991, 2003, 2010};

class DyadYearsExport : public testing::Test {
 protected:
  static void SetUpTestSuite() {
    dir_ = SharedDir() + "/data/relations";
    if (!FileExists(dir_ + "/atop/atop_alliance.csv.gz")) return;
    auto w = world::World::LoadDefault();
    auto r = Relations::OpenDefault();
    if (!w.ok() || !r.ok() || (*r)->table("atop") == nullptr) return;
    world_ = *w;
    rel_ = *r;
    for (int y : kYears) {
      std::string text;
      DyadYearsOptions o{y, y, false, ExportFormat::kCsv};
      auto n = WriteDyadYears(*world_, *rel_, o, [&](std::string_view c) { text.append(c); return Status::OK(); });
      ASSERT_TRUE(n.ok());
      std::istringstream in(text);
      std::string line;
      std::getline(in, line);
      header_ = Split(line);
      while (std::getline(in, line)) {
        auto f = Split(line);
        rows_[{std::stoi(f[0]), std::stoi(f[3]), std::stoi(f[4])}] = f;
      }
    }
  }
  void SetUp() override {
    if (rel_ == nullptr) GTEST_SKIP() << "shared data or the bundled relations pack absent";
  }
  static std::vector<std::string> Split(const std::string& s) {
    std::vector<std::string> out(1);
    for (char c : s) {
      if (c == ',') out.emplace_back(); else out.back().push_back(c);
    }
    return out;
  }
  static int Col(const std::string& name) {
    for (size_t i = 0; i < header_.size(); ++i)
      if (header_[i] == name) return static_cast<int>(i);
    return -1;
  }
  static const std::vector<std::string>* Row(int y, int a, int b) {
    auto it = rows_.find({y, a, b});
    return it == rows_.end() ? nullptr : &it->second;
  }
  static std::unique_ptr<CsvReader> Open(const std::string& path) {
    auto r = CsvReader::Open(path);
    EXPECT_TRUE(r.ok()) << r.status().ToString();
    return std::move(r).value();
  }
  static std::string dir_;
  static std::shared_ptr<const world::World> world_;
  static std::shared_ptr<const Relations> rel_;
  static std::vector<std::string> header_;
  static std::map<Key, std::vector<std::string>> rows_;
};
std::string DyadYearsExport::dir_;
std::shared_ptr<const world::World> DyadYearsExport::world_;
std::shared_ptr<const Relations> DyadYearsExport::rel_;
std::vector<std::string> DyadYearsExport::header_;
std::map<Key, std::vector<std::string>> DyadYearsExport::rows_;

TEST_F(DyadYearsExport, HeaderIsExactlyTheIssuesColumns) {
  EXPECT_EQ(header_.size(), 18u);
  for (size_t i = 0; i < header_.size(); ++i) EXPECT_EQ(header_[i], DyadYearColumns()[i]);
  EXPECT_GT(rows_.size(), 5u * 10000u);
}

TEST_F(DyadYearsExport, AtopFlagsEqualTheSourceBothWays) {
  auto r = Open(dir_ + "/atop/atop_alliance.csv.gz");
  CsvRow row;
  std::set<Key> allied;
  size_t compared = 0;
  while (r->Next(&row)) {
    int y = static_cast<int>(*row.Int(2));
    if (!kYears.count(y)) continue;
    int a = static_cast<int>(*row.Int(0)), b = static_cast<int>(*row.Int(1));
    const auto* e = Row(y, a, b);
    if (e == nullptr) continue;  // not both in the COW system that year
    for (int c = 0; c < 5; ++c) EXPECT_EQ((*e)[Col("atop_defense") + c], std::string(row[3 + c])) << y << " " << a << " " << b;
    if (*row.Int(3) || *row.Int(4) || *row.Int(5) || *row.Int(6) || *row.Int(7)) allied.insert({y, a, b});
    ++compared;
  }
  EXPECT_GT(compared, 5000u);
  for (const auto& [k, f] : rows_) {
    bool any = false;
    for (int c = 0; c < 5; ++c) any |= f[Col("atop_defense") + c] == "1";
    if (any) {
      EXPECT_TRUE(allied.count(k)) << std::get<0>(k) << " " << std::get<1>(k) << " " << std::get<2>(k);
    }
  }
}

TEST_F(DyadYearsExport, TradeEqualsFlow1AndFlow2ToTheCent) {
  auto r = Open(dir_ + "/cow_trade/cow_trade_ddy.csv.gz");
  CsvRow row;
  size_t compared = 0;
  while (r->Next(&row)) {
    int y = static_cast<int>(*row.Int(2));
    if (!kYears.count(y)) continue;
    const auto* e = Row(y, static_cast<int>(*row.Int(0)), static_cast<int>(*row.Int(1)));
    if (e == nullptr) continue;
    for (int c = 0; c < 2; ++c) {
      const std::string& got = (*e)[Col("trade_a_from_b") + c];
      if (row.missing(3 + c)) {
        EXPECT_EQ(got, "");
      } else {
        ASSERT_NE(got, "");
        EXPECT_NEAR(std::stod(got), *row.Double(3 + c), 0.005);
      }
    }
    ++compared;
  }
  EXPECT_GT(compared, 20000u);
}

TEST_F(DyadYearsExport, IgoCountsMidsAndContiguityEqualTheSource) {
  std::string ps = SharedDir() + "/data/world/peacesciencer";
  auto igo = Open(ps + "/cow_igo_ndy.csv");
  CsvRow row;
  size_t compared = 0;
  while (igo->Next(&row)) {
    int y = static_cast<int>(*row.Int(2));
    if (!kYears.count(y)) continue;
    int a = static_cast<int>(*row.Int(0)), b = static_cast<int>(*row.Int(1));
    for (auto [x, z] : {std::pair(a, b), std::pair(b, a)})
      if (const auto* e = Row(y, x, z)) {
        EXPECT_EQ((*e)[Col("cow_igo_shared")], std::string(row[3])) << y << " " << x << " " << z;
        ++compared;
      }
  }
  EXPECT_GT(compared, 20000u);

  auto mid = Open(dir_ + "/conflict/cow_mid_dirdisps.csv");
  std::set<Key> ongoing, onset;
  while (mid->Next(&row)) {
    int y = static_cast<int>(*row.Int(3));
    Key k{y, static_cast<int>(*row.Int(1)), static_cast<int>(*row.Int(2))};
    ongoing.insert(k);
    if (*row.Int(5) == 1) onset.insert(k);
  }
  size_t disputes = 0;
  for (const auto& [k, f] : rows_) {
    EXPECT_EQ(f[Col("mid_ongoing")], ongoing.count(k) ? "1" : "0");
    EXPECT_EQ(f[Col("mid_onset")], onset.count(k) ? "1" : "0");
    disputes += ongoing.count(k);
  }
  EXPECT_GT(disputes, 50u);

  auto cont = Open(ps + "/cow_contdir.csv");
  std::map<Key, int> best;
  while (cont->Next(&row)) {
    int a = static_cast<int>(*row.Int(0)), b = static_cast<int>(*row.Int(1)), t = static_cast<int>(*row.Int(2));
    int y0 = std::stoi(std::string(row[3].substr(0, 4))), y1 = std::stoi(std::string(row[4].substr(0, 4)));
    if (t == 0) continue;  // a spell of "not contiguous"
    for (int y : kYears)
      if (y0 <= y && y <= y1) {
        auto [it, added] = best.try_emplace({y, a, b}, t);
        if (!added) it->second = std::min(it->second, t);
      }
  }
  size_t neighbours = 0;
  for (const auto& [k, f] : rows_) {
    auto it = best.find(k);
    EXPECT_EQ(f[Col("contiguity")], std::to_string(it == best.end() ? 0 : it->second))
        << std::get<0>(k) << " " << std::get<1>(k) << " " << std::get<2>(k);
    neighbours += it != best.end();
  }
  EXPECT_GT(neighbours, 1000u);
}

// Agreement of every dyad in 2003 from the raw votes: roll calls dated 2003, states mapped
// by the importers' documented CodeMapper (its rules have their own tests) as of the roll
// call's date, then to the COW code of the year.
TEST_F(DyadYearsExport, UnAgreementRecomputedFromTheRawVotes) {
  const int year = 2003;
  auto calls = Open(dir_ + "/unvotes/un_roll_calls.csv.gz");
  CsvRow row;
  std::map<int64_t, std::string> date;
  while (calls->Next(&row))
    if (row[3].substr(0, 4) == std::to_string(year)) date[*row.Int(0)] = std::string(row[3]);
  auto resolver = world::Resolver::LoadDefault(world_);
  ASSERT_TRUE(resolver.ok());
  ingest::CodeMapper mapper(*world_, resolver->get());
  auto votes = Open(dir_ + "/unvotes/un_votes.csv.gz");
  std::map<int64_t, std::map<int, std::string>> by_call;
  while (votes->Next(&row)) {
    auto it = date.find(*row.Int(0));
    if (it == date.end()) continue;
    Date on = *Date::ParseIso(it->second);
    auto key = mapper.MapCodeOrName(world::Scheme::kIso2, row[2], row[1], on);
    const world::State* s = key.empty() ? nullptr : world_->Find(key);
    auto cow = s ? s->Code(world::Scheme::kCowNumeric, *Date::Make(year)) : std::nullopt;
    if (cow) by_call[it->first].emplace(std::stoi(*cow), std::string(row[3]));  // first row of a state counts
  }
  std::map<std::pair<int, int>, std::pair<int, int>> counts;
  for (const auto& [id, v] : by_call)
    for (const auto& [a, va] : v)
      for (const auto& [b, vb] : v)
        if (a != b) {
          auto& c = counts[{a, b}];
          ++c.first;
          c.second += va == vb;
        }
  size_t compared = 0;
  for (const auto& [k, f] : rows_) {
    if (std::get<0>(k) != year) continue;
    auto it = counts.find({std::get<1>(k), std::get<2>(k)});
    int both = it == counts.end() ? 0 : it->second.first;
    EXPECT_EQ(f[Col("un_votes_both")], std::to_string(both)) << std::get<1>(k) << " " << std::get<2>(k);
    if (both == 0) {
      EXPECT_EQ(f[Col("un_agree")], "");
    } else {
      EXPECT_NEAR(std::stod(f[Col("un_agree")]), double(it->second.second) / both, 1e-12);
      ++compared;
    }
  }
  EXPECT_GT(compared, 20000u);
}

}  // namespace
}  // namespace dyad::relations
