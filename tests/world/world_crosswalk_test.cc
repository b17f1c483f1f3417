// Checks data/world/cow.tsv and gw.tsv against the reference copies of the COW and
// Gleditsch-Ward state lists in the shared data directory (see base/paths.h SharedDir).
//
// Our tables split one COW/G-W spell across successive states where the polity changed
// (COW 365 is Russia, then the USSR from 1922-12-30, then Russia from 1991-12-26), so a
// reference spell matches when our spells for that code, chained end-to-start by
// consecutive days, cover exactly its dates. A reference end of 2016-12-31 (COW v2016),
// 2017-12-31 (peacesciencer G-W) or 9999-12-31 (states package) means "still a member"
// and matches an open end.
#include <fmt/format.h>
#include <gtest/gtest.h>

#include <algorithm>
#include <cstdio>
#include <fstream>
#include <map>
#include <set>

#include "base/file.h"
#include "base/paths.h"
#include "world/world.h"

namespace dyad::world {
namespace {

constexpr int32_t kOpen = INT32_MAX;

struct RefSpell {
  std::string code, alpha, name;
  int32_t start = 0, end = kOpen;
};

// Splits one CSV line, honouring double quotes.
std::vector<std::string> SplitCsv(const std::string& line) {
  std::vector<std::string> out(1);
  bool quoted = false;
  for (char c : line) {
    if (c == '"') quoted = !quoted;
    else if (c == ',' && !quoted) out.emplace_back();
    else if (c != '\r') out.back() += c;
  }
  return out;
}

int32_t DayOf(const std::string& iso) { return Date::ParseIso(iso).value().first_day(); }

int32_t EndDay(const std::string& iso) {
  if (iso == "2016-12-31" || iso == "2017-12-31" || iso == "9999-12-31") return kOpen;
  return DayOf(iso);
}

std::string Ymd(const std::string& y, const std::string& m, const std::string& d) {
  return fmt::format("{:04}-{:02}-{:02}", std::stoi(y), std::stoi(m), std::stoi(d));
}

// Reads a reference file: COW v2016 form (year, month and day columns) when `cow_ymd`,
// otherwise code, letters, name and ISO start/end columns found by header name.
std::vector<RefSpell> ReadReference(const std::string& path, bool cow_ymd) {
  std::vector<RefSpell> out;
  std::ifstream in(path);
  std::string line;
  std::getline(in, line);
  std::vector<std::string> header = SplitCsv(line);
  auto col = [&](std::initializer_list<std::string_view> names) {
    for (size_t i = 0; i < header.size(); ++i)
      for (auto n : names)
        if (header[i] == n) return i;
    return size_t{0};
  };
  const size_t code = col({"ccode", "gwcode", "cowcode"});
  const size_t alpha = col({"stateabb", "gwc", "cowc"});
  const size_t start = col({"startdate", "start"}), end = col({"enddate", "end"});
  while (std::getline(in, line)) {
    if (line.empty()) continue;
    std::vector<std::string> c = SplitCsv(line);
    RefSpell s{c[code], c[alpha], c[2]};
    if (cow_ymd) {
      s.start = DayOf(Ymd(c[3], c[4], c[5]));
      s.end = EndDay(Ymd(c[6], c[7], c[8]));
    } else {
      s.start = DayOf(c[start]);
      s.end = EndDay(c[end]);
    }
    out.push_back(s);
  }
  return out;
}

struct OurSpell {
  int32_t start, end;
  std::string key;
};

// Our spells per code in `scheme`, chained: consecutive spells (next starts the day after
// the previous ends) merge into one.
std::map<std::string, std::vector<OurSpell>> Chains(const World& world, Scheme scheme) {
  std::map<std::string, std::vector<OurSpell>> by_code;
  for (const State& s : world.states()) {
    for (const CodeSpell& c : s.codes) {
      if (c.scheme != scheme) continue;
      by_code[c.code].push_back(OurSpell{c.valid.start() ? c.valid.start()->first_day() : INT32_MIN,
                                         c.valid.end() ? c.valid.end()->last_day() : kOpen, s.key});
    }
  }
  for (auto& [code, spells] : by_code) {
    std::sort(spells.begin(), spells.end(),
              [](const OurSpell& a, const OurSpell& b) { return a.start < b.start; });
    std::vector<OurSpell> merged;
    for (const OurSpell& s : spells) {
      if (!merged.empty() && merged.back().end != kOpen && merged.back().end + 1 == s.start) {
        merged.back().end = s.end;
        merged.back().key += "+" + s.key;
      } else {
        merged.push_back(s);
      }
    }
    spells = std::move(merged);
  }
  return by_code;
}

// Counts reference spells with no chain of ours with the same code and dates, printing each.
int Mismatches(const std::vector<RefSpell>& ref, const World& world, Scheme num, Scheme alpha,
               const std::string& label) {
  auto nums = Chains(world, num);
  auto alphas = Chains(world, alpha);
  auto has = [](const std::map<std::string, std::vector<OurSpell>>& chains, const std::string& code,
                const RefSpell& r) {
    auto it = chains.find(code);
    if (it == chains.end()) return false;
    return std::any_of(it->second.begin(), it->second.end(),
                       [&](const OurSpell& s) { return s.start == r.start && s.end == r.end; });
  };
  int bad = 0;
  for (const RefSpell& r : ref) {
    if (has(nums, r.code, r) && has(alphas, r.alpha, r)) continue;
    ++bad;
    std::printf("%s mismatch: %s %s (%s) %s..%s\n", label.c_str(), r.code.c_str(),
                r.alpha.c_str(), r.name.c_str(), Date::FromDays(r.start).ToString().c_str(),
                r.end == kOpen ? "" : Date::FromDays(r.end).ToString().c_str());
  }
  std::printf("%s: %zu reference spells, %d mismatches\n", label.c_str(), ref.size(), bad);
  return bad;
}

class CrosswalkTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = SharedDir() + "/data/world";
    if (!FileExists(dir_ + "/cow/states2016.csv"))
      GTEST_SKIP() << "shared data not found at " << dir_ << " (set DYAD_SHARED)";
    Result<std::shared_ptr<const World>> w = World::LoadDefault();
    ASSERT_TRUE(w.ok()) << w.status().ToString();
    world_ = *w;
  }
  std::string dir_;
  std::shared_ptr<const World> world_;
};

TEST_F(CrosswalkTest, EveryCowSpellMapsToOurStatesWithTheSameCodeAndDates) {
  for (const auto& [file, ymd] : {std::pair<std::string, bool>{"/cow/states2016.csv", true},
                                  {"/peacesciencer/cow_states.csv", true},
                                  {"/states-pkg/cowstates.csv", false}}) {
    std::vector<RefSpell> ref = ReadReference(dir_ + file, ymd);
    ASSERT_GT(ref.size(), 200u) << file;
    EXPECT_EQ(Mismatches(ref, *world_, Scheme::kCowNumeric, Scheme::kCowAlpha, file), 0);
  }
}

TEST_F(CrosswalkTest, EveryGleditschWardSpellMapsToOurStatesWithTheSameCodeAndDates) {
  for (const std::string file : {"/states-pkg/gwstates.csv", "/peacesciencer/gw_states.csv"}) {
    std::vector<RefSpell> ref = ReadReference(dir_ + file, false);
    ASSERT_GT(ref.size(), 200u) << file;
    EXPECT_EQ(Mismatches(ref, *world_, Scheme::kGwNumeric, Scheme::kGwAlpha, file), 0);
  }
}

TEST_F(CrosswalkTest, OurSpellsAddNothingTheReferenceLacks) {
  // Every chain of ours is one reference spell: no invented codes or dates.
  std::vector<RefSpell> cow = ReadReference(dir_ + "/cow/states2016.csv", true);
  size_t chains = 0;
  for (const auto& [code, spells] : Chains(*world_, Scheme::kCowNumeric)) chains += spells.size();
  EXPECT_EQ(chains, cow.size());
  std::vector<RefSpell> gw = ReadReference(dir_ + "/states-pkg/gwstates.csv", false);
  chains = 0;
  for (const auto& [code, spells] : Chains(*world_, Scheme::kGwNumeric)) chains += spells.size();
  EXPECT_EQ(chains, gw.size());
}

}  // namespace
}  // namespace dyad::world
