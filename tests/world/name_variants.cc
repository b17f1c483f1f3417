#include "name_variants.h"

#include <fmt/format.h>

#include <map>

#include "base/line_reader.h"
#include "base/tsv_table.h"
#include "world/resolver_text.h"

namespace dyad::world {
namespace {

// The CLDR English names the countrycode "known variations" suite expects, as ISO3.
const std::map<std::string, std::string>& CldrNames() {
  static const auto* names = new std::map<std::string, std::string>{
      {"China", "CHN"}, {"Congo - Brazzaville", "COG"}, {"Congo - Kinshasa", "COD"},
      {"French Guiana", "GUF"}, {"Guyana", "GUY"}, {"Hong Kong SAR China", "HKG"},
      {"Ireland", "IRL"}, {"Italy", "ITA"}, {"Macao SAR China", "MAC"},
      {"Martinique", "MTQ"}, {"North Korea", "PRK"}, {"North Macedonia", "MKD"},
      {"South Africa", "ZAF"}, {"South Korea", "KOR"}, {"Suriname", "SUR"},
      {"Taiwan", "TWN"}, {"Turkey", "TUR"}, {"U.S. Virgin Islands", "VIR"},
      {"United Arab Emirates", "ARE"}, {"United Kingdom", "GBR"}, {"United States", "USA"},
      {"United States Minor Outlying Islands (the)", "UMI"}, {"Yemen", "YEM"}};
  return *names;
}

std::string Unescape(std::string_view s) {
  std::string out;
  for (size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '\\' && i + 1 < s.size() && s[i + 1] == 't') {
      out += '\t';
      ++i;
    } else {
      out += s[i];
    }
  }
  return out;
}

}  // namespace

std::vector<NameVariant> ReadNameVariants(const std::string& path) {
  std::vector<NameVariant> rows;
  auto reader = LineReader::Open(path);
  if (!reader.ok()) return rows;
  std::string_view line;
  bool header = true;
  while ((*reader)->Next(&line)) {
    if (header) {
      header = false;
      continue;
    }
    std::vector<std::string_view> f = SplitTabs(line);
    if (f.size() != 4) continue;
    NameVariant r{std::string(f[0]), Unescape(f[1]), std::string(f[2]), std::string(f[3])};
    if (r.scheme == "country.name.en(cldr)") {
      auto it = CldrNames().find(r.expected);
      r.expected = it == CldrNames().end() ? "?" + r.expected : it->second;
      r.scheme = "iso3c";
    }
    rows.push_back(std::move(r));
  }
  return rows;
}

std::string MatchKey(std::string_view text) {
  internal::MatchTokenizer tz;
  tz.Tokenize(text);
  std::string key;
  for (const auto& t : tz.tokens()) key += fmt::format("{} ", tz.Text(t));
  return key;
}

}  // namespace dyad::world
