// Candidate facts load cleanly into the knowledge base, beside the bundled packs.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "coder/facts.h"
#include "fixture.h"
#include "kb/knowledge_base.h"
#include "kb/pack.h"

namespace dyad::coder {
namespace {

std::vector<LocatedEvent> Located(const std::string& text, const std::string& date) {
  std::vector<LocatedEvent> out;
  int line = 0;
  for (CodedEvent& e : testing::Code(text, date))
    out.push_back({std::move(e), "news.txt:" + std::to_string(++line), *Date::ParseIso(date)});
  return out;
}

TEST(CandidateFacts, KnowledgeEstablishingEventsBecomePackRowsThatPassCheck) {
  std::vector<LocatedEvent> events = Located(
      "The United States recognized Kyrgyzstan on December 26, 1991. "
      "Georgia severed diplomatic relations with Russia on August 29, 2008. "
      "Kazakhstan and China signed an agreement on March 3, 2019. "
      "Kyrgyzstan cancelled its cooperation treaty with the United States in July 2015. "
      "Britain's ally Canada expelled two Russian diplomats on March 26, 2018. "
      "The United States opened its embassy in Jerusalem on May 14, 2018. "
      "Saudi Arabia closed its embassy in Tehran on January 4, 2016. "
      "Russia criticized Japan on May 1, 2018.",
      "2019-03-04");
  CandidateCounts counts;
  kb::PackData pack = CandidateFacts(events, "coded", *testing::Shared().world, &counts);
  std::string dir = ::testing::TempDir() + "/coder-facts-pack";
  ASSERT_TRUE(kb::WritePack(pack, dir).ok());
  kb::LoadReport report;
  std::vector<std::string> dirs = kb::KnowledgeBase::DefaultPackDirs();
  dirs.push_back(dir);
  auto kb = kb::KnowledgeBase::Load(*testing::Shared().world, dirs, &report);
  ASSERT_TRUE(kb.ok()) << kb.status().ToString();
  EXPECT_TRUE(report.clean()) << report.Summary();

  auto relation_rows = [&](kb::Relation r) {
    std::vector<std::string> out;
    for (const kb::Fact& f : pack.facts)
      if (f.relation == r) out.push_back(f.subject + " " + f.object + " " + kb::FormatInterval(f.valid, false));
    return out;
  };
  EXPECT_EQ(relation_rows(kb::Relation::kRecognized), std::vector<std::string>{"USA KGZ 1991-12-26"});
  EXPECT_EQ(relation_rows(kb::Relation::kRelationsSevered), std::vector<std::string>{"GEO RUS 2008-08-29"});
  EXPECT_EQ(relation_rows(kb::Relation::kAgreementSigned).size(), 1u);
  EXPECT_EQ(relation_rows(kb::Relation::kAgreementTerminated).size(), 1u);
  EXPECT_EQ(relation_rows(kb::Relation::kMissionOpened), std::vector<std::string>{"mission:coded-usa-in-isr ISR 2018-05-14"});
  EXPECT_EQ(relation_rows(kb::Relation::kMissionClosed).size(), 1u);
  ASSERT_EQ(pack.occurrences.size(), 1u);
  EXPECT_EQ(pack.occurrences[0].kind, "expulsion");
  // every row cites a sentence as its source
  for (const kb::Source& s : pack.sources) {
    EXPECT_FALSE(s.title.empty());
    EXPECT_NE(s.note.find("news.txt:"), std::string::npos);
  }
  // a plain criticism establishes nothing
  for (const kb::Fact& f : pack.facts) EXPECT_NE(f.object, "JPN");
}

TEST(CandidateFacts, UndatedEventsAreCountedNotWritten) {
  DocumentState doc;  // no document date, no date in the text
  std::vector<LocatedEvent> events;
  for (CodedEvent& e : testing::Shared().coder->CodeText("Georgia severed relations with Russia.", &doc))
    events.push_back({std::move(e), "x:1", std::nullopt});
  ASSERT_EQ(events.size(), 1u);
  CandidateCounts counts;
  kb::PackData pack = CandidateFacts(events, "coded", *testing::Shared().world, &counts);
  EXPECT_TRUE(pack.facts.empty());
  EXPECT_EQ(counts.undated, 1u);
}

}  // namespace
}  // namespace dyad::coder
