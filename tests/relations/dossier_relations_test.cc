// The dossier's "Relations data" section from the bundled relations pack (data/relations).
#include <gtest/gtest.h>

#include "kb/knowledge_base.h"
#include "report/dossier.h"

namespace dyad::report {
namespace {

TEST(DossierRelationsData, FranceGermanyHasVotesTradeAndAlliancesCitedWithCurrency) {
  auto world = world::World::LoadDefault();
  ASSERT_TRUE(world.ok());
  auto rel = relations::Relations::OpenDefault();
  if (!rel.ok() || (*rel)->table("atop") == nullptr) GTEST_SKIP() << "bundled relations pack absent";
  kb::LoadReport report;
  auto kb = kb::KnowledgeBase::Build(**world, {}, &report);
  DossierRequest req;
  req.a = (*world)->Find("FRA");
  req.b = (*world)->Find("DEU");
  req.as_of = *Date::Make(2010, 6, 1);
  req.relations = rel->get();
  auto d = BuildDossier(**world, *kb, req);
  ASSERT_TRUE(d.ok()) << d.status().ToString();
  const RelationsData& r = d->relations_data;
  ASSERT_TRUE(r.queried);
  ASSERT_FALSE(r.un_votes.empty());
  EXPECT_LE(r.un_votes.back().year, 2010) << "nothing after the dossier's year";
  ASSERT_FALSE(r.trade_series.empty());
  EXPECT_EQ(r.trade_series.back().year, 2010);
  auto direct = (*rel)->Trade("FRA", "DEU", 2010);
  EXPECT_EQ(r.trade_series.back().a_from_b, direct->a_from_b) << "a_from_b is France's imports from Germany";
  ASSERT_FALSE(r.alliance_series.empty());
  EXPECT_TRUE(r.alliance_series.back().obligations[0][0]) << "NATO: a defense obligation in 2010";
  ASSERT_GT(r.un.cite, 0);
  const CitedSource& src = d->sources[r.un.cite - 1];
  EXPECT_EQ(src.id, "dataset:unvotes");
  ASSERT_TRUE(src.current_to.has_value());
  EXPECT_EQ(src.current_to->ToString(), "2020-01-14");
  std::string md = RenderMarkdown(*d), html = RenderHtml(*d), json = RenderJson(*d);
  EXPECT_NE(md.find("## Relations data"), std::string::npos);
  EXPECT_NE(html.find("id=\"datasets\""), std::string::npos);
  EXPECT_NE(json.find("\"relations_data\""), std::string::npos);
}

TEST(DossierRelationsData, WithoutAPackTheSectionIsAbsent) {
  auto world = world::World::LoadDefault();
  ASSERT_TRUE(world.ok());
  kb::LoadReport report;
  auto kb = kb::KnowledgeBase::Build(**world, {}, &report);
  DossierRequest req;
  req.a = (*world)->Find("GMB");
  req.b = (*world)->Find("ISR");
  auto d = BuildDossier(**world, *kb, req);
  ASSERT_TRUE(d.ok());
  EXPECT_FALSE(d->relations_data.queried);
  EXPECT_EQ(RenderMarkdown(*d).find("## Relations data"), std::string::npos);
}

}  // namespace
}  // namespace dyad::report
