// The seed article (../shared/seed/, skipped when absent): coding its text yields the
// occurrences and the recognition the curated KGZ-USA pack holds, with their dates.
#include <gtest/gtest.h>

#include <cstdio>
#include <set>
#include <string>
#include <vector>

#include "base/file.h"
#include "base/paths.h"
#include "coder/input.h"
#include "fixture.h"

namespace dyad::coder {
namespace {

std::string SeedFile() { return SharedDir() + "/seed/000_3c3e845e369a1e60.txt"; }

std::vector<CodedEvent> CodeSeed() {
  std::vector<CodedEvent> out;
  DocumentState doc;
  InputCounts counts;
  Status st = ReadTextInput(SeedFile(), {}, [&](const InputLine& in) {
    for (CodedEvent& e : testing::Shared().coder->CodeText(in.text, &doc)) out.push_back(std::move(e));
    return Status::OK();
  }, &counts);
  EXPECT_TRUE(st.ok()) << st.ToString();
  return out;
}

std::string Root(const std::string& code) { return code.substr(0, 2); }

// The (source, target) state pairs of an occurrence: actor (visitor, perpetrator) x target
// (host, recipient, victim), or every ordered pair of its parties.
std::set<std::pair<std::string, std::string>> Dyads(const kb::KnowledgeBase& kb, const kb::Occurrence& o) {
  std::vector<std::string> actors, targets, parties;
  for (const kb::Participant& p : o.participants) {
    for (const std::string& st : kb.StatesOf(p.entity)) {
      if (p.role == "actor" || p.role == "visitor" || p.role == "perpetrator") actors.push_back(st);
      else if (p.role == "target" || p.role == "host" || p.role == "recipient" || p.role == "victim") targets.push_back(st);
      else if (p.role == "party") parties.push_back(st);
    }
  }
  std::set<std::pair<std::string, std::string>> out;
  for (const auto& a : actors)
    for (const auto& t : targets) if (a != t) out.insert({a, t});
  for (const auto& a : parties)
    for (const auto& t : parties) if (a != t) out.insert({a, t});
  return out;
}

const CodedEvent* Finds(const std::vector<CodedEvent>& events, const kb::Occurrence& o,
                        const std::set<std::pair<std::string, std::string>>& dyads) {
  for (const CodedEvent& e : events) {
    if (Root(e.code) != Root(o.cameo) || dyads.count({e.source, e.target}) == 0) continue;
    if (e.date && o.when.ContainsDate(*e.date)) return &e;
  }
  return nullptr;
}

TEST(CoderSeed, CodingTheSeedYieldsThePacksOccurrencesWithTheirDates) {
  if (!FileExists(SeedFile())) GTEST_SKIP() << "seed text absent (" << SeedFile() << "); set DYAD_SHARED";
  std::vector<CodedEvent> events = CodeSeed();
  const kb::KnowledgeBase& kb = *testing::Shared().kb;
  std::set<std::string> found;
  int with_dyad = 0;
  for (const kb::Occurrence& o : kb.occurrences()) {
    if (o.id.rfind("occ:", 0) != 0 || o.sources.empty() || o.sources[0].rfind("kgz-usa:", 0) != 0) continue;
    std::set<std::pair<std::string, std::string>> dyads = Dyads(kb, o);
    if (dyads.empty()) continue;
    ++with_dyad;
    const CodedEvent* e = Finds(events, o, dyads);
    std::printf("seed: %-36s %-5s %-22s %s\n", o.id.c_str(), o.cameo.c_str(),
                kb::FormatInterval(o.when, false).c_str(),
                e != nullptr ? ("found " + e->source + ">" + e->target + ":" + e->code + " " + e->date->ToString()).c_str()
                             : "not coded");
    if (e != nullptr) found.insert(o.id);
  }
  std::printf("seed: %zu of %d pack occurrences between two states coded with their dates\n",
              found.size(), with_dyad);
  for (const char* id : {"occ:kerry-visit-2015", "occ:us-aid-warning-2015", "occ:kgz-ends-1993-agreement",
                         "occ:manas-bounties", "occ:ca-union-signed-1994"})
    EXPECT_EQ(found.count(id), 1u) << id;
  // the recognition fact, to the day
  bool recognition = false;
  for (const CodedEvent& e : events)
    recognition |= e.source == "USA" && e.target == "KGZ" && e.code == "054" && e.date &&
                   e.date->ToString() == "1991-12-26" && e.fact == "recognized";
  EXPECT_TRUE(recognition);
  // no event of the pair is dated after what the seed can know (its currency, 2017-06-26)
  for (const CodedEvent& e : events) {
    if (!e.date) continue;
    EXPECT_LE(e.date->first_day(), Date::Make(2017, 6, 26)->first_day()) << e.sentence;
  }
}

}  // namespace
}  // namespace dyad::coder
