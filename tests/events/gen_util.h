// Seeded random events for store tests, and their native-TSV form.
#ifndef DYAD_TESTS_EVENTS_GEN_UTIL_H_
#define DYAD_TESTS_EVENTS_GEN_UTIL_H_

#include <fmt/format.h>

#include <random>
#include <string>
#include <vector>

#include "base/date.h"
#include "events/segment.h"
#include "events/taxonomy.h"

namespace dyad::events::testing {

inline std::vector<StoredEvent> RandomEvents(uint64_t seed, size_t n, uint64_t first_id = 1) {
  static const char* kCountries[] = {"USA", "KGZ", "RUS", "CHN", "GEO", "AFR", ""};
  static const char* kCodes[] = {"010", "042", "043", "0231", "051", "061", "090", "111",
                                 "1384", "140", "173", "190", "20"};
  static const float kGold[] = {0.0f, 1.9f, 2.8f, 3.4f, 3.4f, 6.4f, -2.0f, -2.0f,
                                -7.0f, -6.5f, -5.0f, -10.0f, -10.0f};
  std::mt19937_64 rng(seed);
  auto pick = [&](size_t k) { return static_cast<size_t>(rng() % k); };
  std::vector<StoredEvent> out(n);
  int32_t d0 = DaysFromCivil(2012, 11, 20);
  for (size_t i = 0; i < n; ++i) {
    StoredEvent& e = out[i];
    e.id = first_id + i;
    e.day = d0 + static_cast<int32_t>(pick(900));
    e.src_country = kCountries[pick(7)];
    e.tgt_country = kCountries[pick(7)];
    e.src_state = e.src_country == "AFR" ? "" : e.src_country;
    e.tgt_state = e.tgt_country == "AFR" ? "" : e.tgt_country;
    e.src_actor = e.src_country + "GOV";
    e.tgt_actor = e.tgt_country;
    e.src_role = "GOV";
    size_t c = pick(13);
    e.code = kCodes[c];
    e.quad = QuadClassOfRoot(std::stoi(e.code.substr(0, 2)));
    e.goldstein = kGold[c];
    e.mentions = static_cast<int32_t>(pick(20));
    e.sources = 1;
    e.articles = e.mentions;
    e.tone = static_cast<float>(pick(100)) / 8.0f - 6.0f;
    e.geo_fips = "KG";
    e.geo_state = "KGZ";
    e.geo_type = 4;
    e.lat = 42.5f;
    e.lon = 74.5f;
    e.dataset = Dataset::kGdelt1;
    e.is_root = pick(2) == 0;
    e.url = fmt::format("https://example.org/{}/{}", e.id, pick(1000));
  }
  return out;
}

inline std::string NativeHeader() {
  return "dataset\tid\tdate\tsrc_country\ttgt_country\tsrc_state\ttgt_state\tsrc_actor\ttgt_actor\t"
         "src_role\ttgt_role\tcode\tquad\tgoldstein\tmentions\tsources\tarticles\ttone\tgeo_fips\t"
         "geo_state\tgeo_type\tlat\tlon\tis_root\turl\n";
}

inline std::string NativeRow(const StoredEvent& e) {
  return fmt::format("gdelt1\t{}\t{}\t{}\t{}\t{}\t{}\t{}\t{}\t{}\t{}\t{}\t{}\t{}\t{}\t{}\t{}\t{}\t{}\t{}\t{}\t{}\t{}\t{}\t{}\n",
                     e.id, Date::FromDays(e.day).ToString(), e.src_country, e.tgt_country,
                     e.src_state, e.tgt_state, e.src_actor, e.tgt_actor, e.src_role, e.tgt_role,
                     e.code, e.quad, e.goldstein, e.mentions, e.sources, e.articles, e.tone,
                     e.geo_fips, e.geo_state, e.geo_type, e.lat, e.lon, e.is_root ? 1 : 0, e.url);
}

}  // namespace dyad::events::testing

#endif  // DYAD_TESTS_EVENTS_GEN_UTIL_H_
