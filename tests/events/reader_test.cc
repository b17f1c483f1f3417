// Readers on the real GDELT 1.0, GDELT 2.0 and ICEWS samples and on the committed corpus
// of malformed rows (tests/data/events/malformed_gdelt.tsv, made by make_malformed.py).
#include "events/reader.h"

#include <gtest/gtest.h>
#include <zip.h>

#include <fstream>

#include "base/file.h"
#include "base/paths.h"
#include "base/rejects.h"
#include "events/segment.h"
#include "test_util.h"
#include "world/world.h"

namespace dyad::events {
namespace {

using testing::SharedEvents;
using testing::TempDir;

struct Loaded {
  ReadCounts counts;
  std::vector<StoredEvent> events;
  Status status;
};

StoredEvent Copy(const EventView& v) {
  StoredEvent e;
  e.day = v.day;
  e.src_country = v.src_country;
  e.tgt_country = v.tgt_country;
  e.src_state = v.src_state;
  e.tgt_state = v.tgt_state;
  e.src_actor = v.src_actor;
  e.tgt_actor = v.tgt_actor;
  e.src_role = v.src_role;
  e.tgt_role = v.tgt_role;
  e.code = v.code;
  e.quad = v.quad;
  e.goldstein = v.goldstein;
  e.mentions = v.mentions;
  e.sources = v.sources;
  e.articles = v.articles;
  e.tone = v.tone;
  e.geo_fips = v.geo_fips;
  e.geo_state = v.geo_state;
  e.geo_type = v.geo_type;
  e.lat = v.lat;
  e.lon = v.lon;
  e.dataset = v.dataset;
  e.id = v.id;
  e.is_root = v.is_root;
  e.url = v.url;
  return e;
}

Loaded Load(const std::string& path, InputFormat format, const CountryMap& countries,
            RejectSink* rejects = nullptr, ReadOptions options = {}) {
  auto tax = Taxonomy::LoadDefault();
  EXPECT_TRUE(tax.ok());
  RejectSink none;
  Loaded out;
  EventReader reader(**tax, countries, rejects ? rejects : &none, options);
  out.status = reader.Read(path, format, [&](const EventView& v) {
    out.events.push_back(Copy(v));
    return Status::OK();
  });
  out.counts = reader.counts();
  return out;
}

std::unique_ptr<CountryMap> ShapeMap() {
  return MakeCodeShapeCountryMap({"AFR", "EUR", "ASA", "MEA", "WST", "SAF", "SEA"});
}

bool HaveShared() { return FileExists(SharedEvents() + "/gdelt2_20191024143000.export.CSV"); }

TEST(GdeltReader, Gdelt1DailySample) {
  if (!HaveShared()) GTEST_SKIP() << "shared samples absent";
  auto map = ShapeMap();
  Loaded l = Load(SharedEvents() + "/gdelt1_20141124.export.sample100.CSV", InputFormat::kGdelt, *map);
  ASSERT_TRUE(l.status.ok()) << l.status.ToString();
  EXPECT_EQ(l.counts.read, 100u);
  EXPECT_EQ(l.counts.accepted, 100u);
  EXPECT_EQ(l.counts.rejected, 0u);
  const StoredEvent& e = l.events[0];
  EXPECT_EQ(e.id, 324845984u);
  EXPECT_EQ(e.day, DaysFromCivil(2004, 11, 26));
  EXPECT_EQ(e.src_country, "");
  EXPECT_EQ(e.tgt_actor, "COP");
  EXPECT_EQ(e.tgt_role, "COP");
  EXPECT_EQ(e.code, "014");
  EXPECT_EQ(e.quad, 1);
  EXPECT_FLOAT_EQ(e.goldstein, 0.0f);
  EXPECT_EQ(e.mentions, 10);
  EXPECT_EQ(e.sources, 1);
  EXPECT_EQ(e.articles, 10);
  EXPECT_NEAR(e.tone, 2.60770975, 1e-6);
  EXPECT_EQ(e.geo_type, 3);
  EXPECT_EQ(e.geo_fips, "US");
  EXPECT_NEAR(e.lat, 38.8951, 1e-4);
  EXPECT_EQ(e.dataset, Dataset::kGdelt1);
  EXPECT_EQ(e.url.rfind("http://www.news.com.au/national/", 0), 0u);
}

TEST(GdeltReader, Gdelt1BackfileHas57Columns) {
  if (!HaveShared()) GTEST_SKIP() << "shared samples absent";
  auto map = ShapeMap();
  Loaded l = Load(SharedEvents() + "/gdelt1_backfile57_1982_sample.tsv", InputFormat::kGdelt, *map);
  EXPECT_EQ(l.counts.read, 201u);
  EXPECT_EQ(l.counts.accepted, 201u);
  const StoredEvent& e = l.events[1];
  EXPECT_EQ(e.id, 1552839u);
  EXPECT_EQ(e.src_country, "CAN");
  EXPECT_EQ(e.tgt_country, "POL");
  EXPECT_EQ(e.code, "1312");
  EXPECT_EQ(e.quad, 3);
  EXPECT_FLOAT_EQ(e.goldstein, -5.8f);
  EXPECT_EQ(e.url, "");
  EXPECT_EQ(e.geo_fips, "CA");
}

TEST(GdeltReader, Gdelt1Daily58AndGdelt2) {
  if (!HaveShared()) GTEST_SKIP() << "shared samples absent";
  auto map = ShapeMap();
  Loaded d = Load(SharedEvents() + "/gdelt1_daily58_20160728_sample.tsv", InputFormat::kGdelt, *map);
  EXPECT_EQ(d.counts.read, 509u);
  EXPECT_EQ(d.counts.accepted, 509u);
  Loaded g = Load(SharedEvents() + "/gdelt2_20191024143000.export.CSV", InputFormat::kGdelt, *map);
  EXPECT_EQ(g.counts.read, 2111u);
  EXPECT_EQ(g.counts.accepted, 2111u);
  EXPECT_EQ(g.counts.duplicates, 0u);
  const StoredEvent& e = g.events[0];
  EXPECT_EQ(e.dataset, Dataset::kGdelt2);
  EXPECT_EQ(e.id, 881990832u);
  EXPECT_EQ(e.day, DaysFromCivil(2018, 10, 24));
  EXPECT_EQ(e.tgt_country, "AUS");
  EXPECT_EQ(e.code, "139");
  EXPECT_EQ(e.quad, 3);
  EXPECT_FLOAT_EQ(e.goldstein, -7.0f);
  EXPECT_EQ(e.geo_type, 4);
  EXPECT_EQ(e.geo_fips, "CA");
  EXPECT_NEAR(e.lat, 49.25, 1e-4);
  EXPECT_NEAR(e.lon, -123.133, 1e-4);
  EXPECT_EQ(e.url, "https://www.timescolonist.com/entertainment/jeremy-dutcher-brings-ancestors-songs-to-life-1.23985964");
  // Quad class as GDELT assigns it, on every row.
  for (const auto& ev : g.events) EXPECT_EQ(ev.quad, QuadClassOfRoot(std::stoi(ev.code.substr(0, 2))));
}

TEST(GdeltReader, ZipAndGzipReadLikePlain) {
  if (!HaveShared()) GTEST_SKIP() << "shared samples absent";
  TempDir dir;
  std::string src = SharedEvents() + "/gdelt1_20141124.export.sample100.CSV";
  std::string zip_path = dir.path() + "/sample.CSV.zip";
  int err = 0;
  zip_t* za = zip_open(zip_path.c_str(), ZIP_CREATE | ZIP_TRUNCATE, &err);
  ASSERT_NE(za, nullptr);
  zip_source_t* zs = zip_source_file(za, src.c_str(), 0, -1);
  ASSERT_GE(zip_file_add(za, "20141124.export.CSV", zs, ZIP_FL_OVERWRITE), 0);
  ASSERT_EQ(zip_close(za), 0);
  std::string gz_path = dir.path() + "/sample.CSV.gz";
  ASSERT_EQ(std::system(("gzip -c '" + src + "' > '" + gz_path + "'").c_str()), 0);
  auto map = ShapeMap();
  Loaded plain = Load(src, InputFormat::kGdelt, *map);
  Loaded zipped = Load(zip_path, InputFormat::kGdelt, *map);
  Loaded gz = Load(gz_path, InputFormat::kGdelt, *map);
  ASSERT_TRUE(zipped.status.ok()) << zipped.status.ToString();
  EXPECT_EQ(zipped.counts.accepted, 100u);
  EXPECT_EQ(gz.counts.accepted, 100u);
  ASSERT_EQ(zipped.events.size(), plain.events.size());
  for (size_t i = 0; i < plain.events.size(); ++i) {
    EXPECT_EQ(zipped.events[i].id, plain.events[i].id);
    EXPECT_EQ(gz.events[i].url, plain.events[i].url);
  }
}

TEST(IcewsReader, Sample2018) {
  if (!HaveShared()) GTEST_SKIP() << "shared samples absent";
  auto w = world::World::LoadDefault();
  if (!w.ok()) GTEST_SKIP() << "world registry not loadable: " << w.status().ToString();
  auto aliases = LoadCountryNameAliases(DataDir() + "/cameo/icews-country-names.tsv");
  ASSERT_TRUE(aliases.ok());
  auto resolver = world::Resolver::LoadDefault(*w);
  ASSERT_TRUE(resolver.ok()) << resolver.status().ToString();
  auto map = MakeWorldCountryMap(std::move(resolver).value(), {}, *aliases);
  Loaded l = Load(SharedEvents() + "/icews_events.2018.sample.tab", InputFormat::kIcews, *map);
  ASSERT_TRUE(l.status.ok()) << l.status.ToString();
  EXPECT_EQ(l.counts.read, 3705u);
  EXPECT_EQ(l.counts.accepted, 3705u) << l.counts.ToString();
  const StoredEvent& e = l.events[0];
  EXPECT_EQ(e.id, 32889836u);
  EXPECT_EQ(e.dataset, Dataset::kIcews);
  EXPECT_EQ(e.day, DaysFromCivil(2018, 6, 1));
  EXPECT_EQ(e.src_country, "BGD");
  EXPECT_EQ(e.tgt_country, "VNM");
  EXPECT_EQ(e.src_actor, "Foreign Affairs (Bangladesh)");
  EXPECT_EQ(e.src_role, "Executive");
  EXPECT_EQ(e.tgt_role, "Military");
  EXPECT_EQ(e.code, "040");
  EXPECT_EQ(e.quad, 1);
  EXPECT_FLOAT_EQ(e.goldstein, 1.0f);
  EXPECT_EQ(e.geo_state, "VNM");
  EXPECT_NEAR(e.lat, 21.0245, 1e-4);
}

// Issue 10: ICEWS "Congo" was stored as the DR Congo; in the real sample those rows are
// the Republic of the Congo (Brazzaville). The name is ambiguous to the resolver, so it
// resolves only through the dataset's documented convention, never by a guess.
TEST(IcewsReader, IcewsCongoIsTheRepublicOfTheCongo) {
  auto w = world::World::LoadDefault();
  ASSERT_TRUE(w.ok()) << w.status().ToString();
  auto resolver = world::Resolver::LoadDefault(*w);
  ASSERT_TRUE(resolver.ok()) << resolver.status().ToString();
  std::shared_ptr<const world::Resolver> shared = std::move(resolver).value();
  auto aliases = LoadCountryNameAliases(DataDir() + "/cameo/icews-country-names.tsv");
  ASSERT_TRUE(aliases.ok()) << aliases.status().ToString();
  auto icews = MakeWorldCountryMap(shared, {}, *aliases);
  EXPECT_EQ(icews->Name("Congo"), "COG");
  EXPECT_EQ(icews->Name("Democratic Republic of Congo"), "COD");
  EXPECT_EQ(icews->Name("Kyrgyzstan"), "KGZ");
  auto no_convention = MakeWorldCountryMap(shared, {});
  EXPECT_EQ(no_convention->Name("Congo"), std::nullopt) << "an ambiguous name must not be guessed";
  if (!HaveShared()) GTEST_SKIP() << "shared samples absent: the sample rows were not checked";
  Loaded l = Load(SharedEvents() + "/icews_events.2018.sample.tab", InputFormat::kIcews, *icews);
  ASSERT_TRUE(l.status.ok()) << l.status.ToString();
  size_t brazzaville = 0;
  for (const StoredEvent& e : l.events) {
    if (e.id != 32891466u) continue;  // "Citizen (Congo)" rejected by "Police (Congo)" in Brazzaville
    EXPECT_EQ(e.src_country, "COG");
    EXPECT_EQ(e.geo_state, "COG");
    ++brazzaville;
  }
  EXPECT_EQ(brazzaville, 1u);
}

TEST(IcewsReader, EventIdRepeatsAcrossDatesAreNotDuplicates) {
  auto map = testing::SmallCountryMap();
  auto tax = Taxonomy::LoadDefault();
  std::string header =
      "Event ID\tEvent Date\tSource Name\tSource Sectors\tSource Country\tEvent Text\tCAMEO Code\t"
      "Intensity\tTarget Name\tTarget Sectors\tTarget Country\tStory ID\tSentence Number\t"
      "Publisher\tCity\tDistrict\tProvince\tCountry\tLatitude\tLongitude\n";
  auto row = [](const char* id, const char* date) {
    return std::string(id) + "\t" + date +
           "\tGovernment (Kyrgyzstan)\tGovernment\tKyrgyzstan\tConsult\t040\t1\tGovernment "
           "(Russia)\tGovernment\tRussia\t1\t1\tAKIpress\tBishkek\tNA\tChuy\tKyrgyzstan\t42.87\t74.59\n";
  };
  std::string data = header + row("7", "2012-03-01") + row("7", "2012-03-02") + row("7", "2012-03-01");
  RejectSink none;
  EventReader reader(**tax, *map, &none, {});
  int n = 0;
  ASSERT_TRUE(reader.ReadString(data, "icews.tab", InputFormat::kIcews, [&](const EventView&) {
    ++n;
    return Status::OK();
  }).ok());
  EXPECT_EQ(reader.counts().read, 3u);
  EXPECT_EQ(reader.counts().accepted, 2u);
  EXPECT_EQ(reader.counts().duplicates, 1u);
  EXPECT_EQ(n, 2);

  ReadOptions keep_opt;
  keep_opt.duplicates = DuplicatePolicy::kKeep;
  EventReader keep(**tax, *map, &none, keep_opt);
  n = 0;
  ASSERT_TRUE(keep.ReadString(data, "icews.tab", InputFormat::kIcews, [&](const EventView&) {
    ++n;
    return Status::OK();
  }).ok());
  EXPECT_EQ(keep.counts().accepted, 3u);
  EXPECT_EQ(keep.counts().duplicates, 1u);
  EXPECT_EQ(n, 3);
}

TEST(MalformedRows, ExactCountsAndRejectLines) {
  TempDir dir;
  std::string rejects_path = dir.path() + "/rejects.tsv";
  auto sink = RejectSink::Open(rejects_path);
  ASSERT_TRUE(sink.ok());
  auto map = testing::SmallCountryMap();
  Loaded l = Load(std::string(DYAD_EVENTS_TESTDATA) + "/malformed_gdelt.tsv", InputFormat::kGdelt,
                  *map, &*sink);
  ASSERT_TRUE(sink->Close().ok());
  ASSERT_TRUE(l.status.ok()) << l.status.ToString();
  EXPECT_EQ(l.counts.read, 14u);
  EXPECT_EQ(l.counts.accepted, 3u);
  EXPECT_EQ(l.counts.duplicates, 1u);
  EXPECT_EQ(l.counts.rejected, 10u);
  std::map<std::string, uint64_t> expect = {{"column-count", 3}, {"bad-date", 1},
                                            {"invalid-code", 2}, {"unknown-country", 1},
                                            {"invalid-utf8", 1}, {"bad-quad", 1},
                                            {"bad-number", 1}};
  EXPECT_EQ(l.counts.rejected_by_reason, expect);
  ASSERT_EQ(l.events.size(), 3u);
  EXPECT_EQ(l.events[0].id, 1001u);
  EXPECT_EQ(l.events[0].src_state, "USA");
  EXPECT_EQ(l.events[0].tgt_state, "KGZ");
  EXPECT_EQ(l.events[0].geo_state, "KGZ");
  EXPECT_EQ(l.events[1].id, 1002u);
  EXPECT_EQ(l.events[1].url, "");
  EXPECT_EQ(l.events[2].id, 1008u);  // the CRLF row
  EXPECT_EQ(l.events[2].url, "http://example.org/a");

  // The rejects file: header + one line per rejected row with file, line, column, reason.
  auto text = ReadFile(rejects_path);
  ASSERT_TRUE(text.ok());
  std::vector<std::string> lines;
  size_t pos = 0;
  while (pos < text->size()) {
    size_t nl = text->find('\n', pos);
    lines.push_back(text->substr(pos, nl - pos));
    pos = nl + 1;
  }
  ASSERT_EQ(lines.size(), 11u);
  auto fields = [&](int i) {
    std::vector<std::string> f;
    std::string s = lines[i];
    size_t p = 0;
    for (int k = 0; k < 3; ++k) {
      size_t t = s.find('\t', p);
      f.push_back(s.substr(p, t - p));
      p = t + 1;
    }
    return f;
  };
  EXPECT_EQ(fields(1)[1], "3");   // line 3: wrong column count
  EXPECT_EQ(fields(1)[2], "0");
  EXPECT_EQ(fields(2)[1], "4");   // bad date, column 2
  EXPECT_EQ(fields(2)[2], "2");
  EXPECT_EQ(fields(3)[2], "27");  // 13y in EventCode
  EXPECT_EQ(fields(5)[1], "7");   // QQQ in Actor2CountryCode, column 18
  EXPECT_EQ(fields(5)[2], "18");
  EXPECT_EQ(fields(10)[1], "14");  // the truncated last line
  EXPECT_NE(lines[3].find("13y"), std::string::npos);
}

TEST(IcewsReader, GoldsteinCanBeRecomputedInAnyVariant) {
  auto map = testing::SmallCountryMap();
  auto tax = Taxonomy::LoadDefault();
  std::string data =
      "Event ID\tEvent Date\tSource Name\tSource Sectors\tSource Country\tEvent Text\tCAMEO Code\t"
      "Intensity\tTarget Name\tTarget Sectors\tTarget Country\tStory ID\tSentence Number\t"
      "Publisher\tCity\tDistrict\tProvince\tCountry\tLatitude\tLongitude\n"
      "9\t2014-05-01\tGovernment (Russia)\tGovernment\tRussia\tDeny\t016\t-5\tGovernment "
      "(Georgia)\tGovernment\tGeorgia\t1\t1\tTASS\tNA\tNA\tNA\tNA\tNA\tNA\n";
  RejectSink none;
  for (auto [scale, want] : {std::pair{std::optional<GoldsteinScale>(), -5.0f},
                             std::pair{std::optional(GoldsteinScale::kGdelt), -2.0f},
                             std::pair{std::optional(GoldsteinScale::kPhoenix), 3.4f}}) {
    ReadOptions opt;
    opt.rescale = scale;
    EventReader reader(**tax, *map, &none, opt);
    float got = 0;
    ASSERT_TRUE(reader.ReadString(data, "x.tab", InputFormat::kIcews, [&](const EventView& v) {
      got = v.goldstein;
      return Status::OK();
    }).ok());
    EXPECT_EQ(reader.counts().accepted, 1u);
    EXPECT_FLOAT_EQ(got, want);
  }
}

TEST(MalformedRows, MissingIcewsHeaderIsRejected) {
  auto map = testing::SmallCountryMap();
  auto tax = Taxonomy::LoadDefault();
  RejectSink none;
  EventReader reader(**tax, *map, &none, {});
  ASSERT_TRUE(reader.ReadString("1\t2012-01-01\n", "x.tab", InputFormat::kIcews,
                                [](const EventView&) { return Status::OK(); }).ok());
  EXPECT_EQ(reader.counts().rejected_by_reason.at("bad-header"), 1u);
}

}  // namespace
}  // namespace dyad::events
