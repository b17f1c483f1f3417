// PETRARCH-2's unit-test records (../shared/data/coder/validation/petrarch2_unittest, skipped
// when absent), coded with that suite's own actor, agent and verb dictionaries read through
// dyad's foreign-format readers: share of gold events found (same source, target and code)
// and share of extra events. Printed, not asserted: the figure for docs/BENCHMARKS.md.
#include <gtest/gtest.h>

#include <pugixml.hpp>

#include <algorithm>
#include <cstdio>
#include <set>
#include <string>
#include <vector>

#include "base/file.h"
#include "base/paths.h"
#include "coder/foreign_dictionary.h"
#include "fixture.h"

namespace dyad::coder {
namespace {

std::string Suite() { return SharedDir() + "/data/coder/validation/petrarch2_unittest"; }

// The records' text is hard-wrapped mid-sentence; the suite is neutral to line feeds, while
// dyad reads a line feed as a paragraph break, so the lines are joined with spaces.
std::string Trim(std::string s) {
  std::replace(s.begin(), s.end(), '\n', ' ');
  size_t b = s.find_first_not_of(" \t\r\n"), e = s.find_last_not_of(" \t\r\n");
  return b == std::string::npos ? "" : s.substr(b, e - b + 1);
}

TEST(CoderValidation, Petrarch2UnitTestsWithTheirOwnDictionaries) {
  std::string dir = Suite();
  if (!FileExists(dir + "/PETR.UnitTest.records.xml")) GTEST_SKIP() << "absent: " << dir << " (set DYAD_SHARED)";
  Dictionary dict;
  ForeignCounts vc;
  ASSERT_TRUE(ReadForeignAgents(dir + "/PETR.Validate.agents.txt", &dict).ok());
  ASSERT_TRUE(ReadPetrarchVerbs(dir + "/PETR.Validate.verbs.txt", &dict, &vc).ok());
  std::vector<NamedActor> actors;
  ASSERT_TRUE(ReadForeignActors(dir + "/PETR.Validate.actors.txt", &actors).ok());
  const testing::Loaded& l = testing::Shared();
  Coder coder(*l.resolver, *l.taxonomy, std::move(dict), nullptr);
  coder.UseNamedActors(actors, true);

  pugi::xml_document doc;
  ASSERT_TRUE(doc.load_file((dir + "/PETR.UnitTest.records.xml").c_str()));
  int records = 0, gold = 0, found = 0, coded = 0, extra = 0;
  for (pugi::xml_node s : doc.child("Validation").child("Sentences").children("Sentence")) {
    std::multiset<std::string> want, got;
    for (pugi::xml_node e : s.children("EventCoding")) {
      if (!e.attribute("eventcode")) continue;
      want.insert(std::string(e.attribute("sourcecode").value()) + ">" + e.attribute("targetcode").value() +
                  ":" + e.attribute("eventcode").value());
    }
    DocumentState st;
    if (auto d = Date::ParseCompact(s.attribute("date").value()); d.ok()) st.document_date = *d;
    for (const CodedEvent& e : coder.CodeText(Trim(s.child("Text").text().get()), &st))
      got.insert(e.source + e.source_role + ">" + e.target + e.target_role + ":" + e.code);
    ++records;
    gold += static_cast<int>(want.size());
    coded += static_cast<int>(got.size());
    for (const std::string& w : want) {
      auto it = got.find(w);
      if (it != got.end()) { ++found; got.erase(it); }
    }
    extra += static_cast<int>(got.size());
  }
  std::printf("PETRARCH-2 unit tests: %d records, %d gold events, %.1f %% found; %d coded, %.1f %% extra "
              "(verbs: %llu imported, %llu of them with words before the verb, %llu skipped with synsets, %llu bad codes; "
              "%zu actor names)\n",
              records, gold, gold ? 100.0 * found / gold : 0.0, coded, coded ? 100.0 * extra / coded : 0.0,
              static_cast<unsigned long long>(vc.patterns), static_cast<unsigned long long>(vc.words_before_verb),
              static_cast<unsigned long long>(vc.synsets), static_cast<unsigned long long>(vc.bad_code),
              actors.size());
  EXPECT_GE(records, 250);
  EXPECT_GT(vc.patterns, 100u);
  EXPECT_GT(actors.size(), 50u);
}

}  // namespace
}  // namespace dyad::coder
