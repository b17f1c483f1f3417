#include "relations/citations.h"

#include <gtest/gtest.h>

#include <set>

#include "ingest/relations_import.h"

namespace dyad::relations {
namespace {

TEST(Citations, EveryImporterHasCitationLicenceAndCurrency) {
  for (const auto& imp : ingest::RelationsImporters()) {
    const DatasetCitation* c = FindCitation(imp.name);
    ASSERT_NE(c, nullptr) << imp.name;
    EXPECT_FALSE(c->licence.empty()) << imp.name;
    EXPECT_EQ(c->currency.size(), 10u) << imp.name << ": currency is an ISO date";
    EXPECT_FALSE(c->bibtex.empty()) << imp.name;
  }
  EXPECT_EQ(FindCitation("no-such-dataset"), nullptr);
}

TEST(Citations, EntriesAreWellFormedBibtexWithUniqueKeys) {
  std::set<std::string> keys;
  for (const auto& c : DatasetCitations())
    for (std::string_view b : c.bibtex) {
      ASSERT_EQ(b.front(), '@') << c.dataset;
      int depth = 0;
      for (char ch : b) depth += ch == '{' ? 1 : ch == '}' ? -1 : 0;
      EXPECT_EQ(depth, 0) << b;
      auto open = b.find('{'), comma = b.find(',');
      std::string key(b.substr(open + 1, comma - open - 1));
      EXPECT_TRUE(keys.insert(key).second) << "duplicate key " << key;
      EXPECT_NE(b.find("year = {"), std::string_view::npos) << key;
    }
  // peacesciencer's ps_cite keys where it has the dataset.
  for (const char* k : {"leedsetal2002atop", "barbierietal2009td", "pevehouseetal2020tow", "palmeretal2021mid5",
                        "stinnettetal2002cow", "gleditschetal2002ac", "goemansetal2009ia", "ellisetal2015lead",
                        "cowstates2016"})
    EXPECT_TRUE(keys.count(k)) << k;
}

}  // namespace
}  // namespace dyad::relations
