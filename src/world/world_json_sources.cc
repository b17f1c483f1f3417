// Readers for the installed JSON data: Debian iso-codes (ISO 3166-1 and 3166-3), npm
// world-countries and npm i18n-iso-countries. The JSON parser runs without exceptions;
// a missing or ill-typed field is skipped, a file that does not parse is an error.
// simdjson (DOM) parses them: the whole load stays well under 100 ms.
#include <fmt/format.h>
#include <simdjson.h>

#include <algorithm>
#include <filesystem>
#include <unordered_map>

#include "base/file.h"
#include "world/world_loader_internal.h"

namespace dyad::world::internal {
namespace {

using simdjson::dom::array;
using simdjson::dom::element;
using simdjson::dom::object;

// Parses `path` into `parser` (the element lives until the parser's next parse).
Result<element> ParseJsonFile(simdjson::dom::parser& parser, const std::string& path) {
  DYAD_ASSIGN_OR_RETURN(std::string text, ReadFile(path));
  element doc;
  if (auto error = parser.parse(text).get(doc)) {
    return Status::Corruption(fmt::format("{}: not valid JSON ({})", path,
                                          simdjson::error_message(error)));
  }
  return doc;
}

// The string member `key` of `obj`, or "" when absent or not a string.
std::string Str(element obj, const char* key) {
  std::string_view s;
  if (obj[key].get_string().get(s) != simdjson::SUCCESS) return "";
  return std::string(s);
}

// The member `key` of `obj`, if present.
bool Member(element obj, const char* key, element* out) {
  return obj[key].get(*out) == simdjson::SUCCESS;
}

// A [lat, lon] array, if well formed.
bool LatLon(element obj, const char* key, std::optional<double>* lat, std::optional<double>* lon) {
  array arr;
  if (obj[key].get_array().get(arr) != simdjson::SUCCESS || arr.size() != 2) return false;
  double a = 0, b = 0;
  if (arr.at(0).get_double().get(a) != simdjson::SUCCESS ||
      arr.at(1).get_double().get(b) != simdjson::SUCCESS)
    return false;
  *lat = a;
  *lon = b;
  return true;
}

// world-countries uses ISO 639-3 language codes; names carry ISO 639-1 where one exists.
std::string Lang1(std::string_view lang3) {
  static const std::unordered_map<std::string_view, std::string_view> kMap = {
      {"ara", "ar"}, {"aze", "az"}, {"bel", "be"}, {"bre", "br"}, {"ces", "cs"}, {"cym", "cy"},
      {"dan", "da"}, {"deu", "de"}, {"ell", "el"}, {"eng", "en"}, {"est", "et"}, {"fas", "fa"},
      {"per", "fa"}, {"fin", "fi"}, {"fra", "fr"}, {"heb", "he"}, {"hin", "hi"}, {"hrv", "hr"},
      {"hun", "hu"}, {"hye", "hy"}, {"ind", "id"}, {"ita", "it"}, {"jpn", "ja"}, {"kat", "ka"},
      {"kaz", "kk"}, {"kir", "ky"}, {"kor", "ko"}, {"lav", "lv"}, {"lit", "lt"}, {"mon", "mn"},
      {"nld", "nl"}, {"nor", "no"}, {"pol", "pl"}, {"por", "pt"}, {"ron", "ro"}, {"rus", "ru"},
      {"slk", "sk"}, {"slv", "sl"}, {"spa", "es"}, {"sqi", "sq"}, {"srp", "sr"}, {"swe", "sv"},
      {"tgk", "tg"}, {"tha", "th"}, {"tuk", "tk"}, {"tur", "tr"}, {"ukr", "uk"}, {"urd", "ur"},
      {"uzb", "uz"}, {"vie", "vi"}, {"zho", "zh"},
  };
  auto it = kMap.find(lang3);
  return std::string(it == kMap.end() ? lang3 : it->second);
}

// world-countries spells Kosovo "UNK"; dyad keys it XKX.
std::string WcKey(std::string_view cca3) { return cca3 == "UNK" ? "XKX" : std::string(cca3); }

// The "common" and "official" members of each language entry of `langs`.
void AddLangNames(State& s, element langs) {
  object obj;
  if (langs.get_object().get(obj) != simdjson::SUCCESS) return;
  for (auto [lang, n] : obj) {
    const std::string l = Lang1(lang);
    AddName(s, Str(n, "common"), l, NameKind::kShort, kWorldCountriesSource);
    AddName(s, Str(n, "official"), l, NameKind::kOfficial, kWorldCountriesSource);
  }
}

void AddWcNames(State& s, element c) {
  element name, e;
  if (!Member(c, "name", &name)) return;
  AddName(s, Str(name, "common"), "en", NameKind::kShort, kWorldCountriesSource);
  AddName(s, Str(name, "official"), "en", NameKind::kOfficial, kWorldCountriesSource);
  if (Member(name, "native", &e)) AddLangNames(s, e);
  if (Member(c, "translations", &e)) AddLangNames(s, e);
  array alt;
  if (c["altSpellings"].get_array().get(alt) == simdjson::SUCCESS) {
    for (element a : alt) {
      std::string_view text;
      // Two-letter alt spellings are the ISO alpha-2 code itself, already a code.
      if (a.get_string().get(text) == simdjson::SUCCESS && text.size() > 2)
        AddName(s, std::string(text), "", NameKind::kCommon, kWorldCountriesSource);
    }
  }
  object dem;
  if (c["demonyms"].get_object().get(dem) == simdjson::SUCCESS) {
    for (auto [lang, forms] : dem) {
      AddName(s, Str(forms, "m"), Lang1(lang), NameKind::kDemonym, kWorldCountriesSource);
      AddName(s, Str(forms, "f"), Lang1(lang), NameKind::kDemonym, kWorldCountriesSource);
    }
  }
}

void ApplyWorldCountry(State& s, element c) {
  element name, info;
  if (Member(c, "name", &name)) {
    s.name = Str(name, "common");
    s.official_name = Str(name, "official");
  }
  AddWcNames(s, c);
  std::string_view capital;
  if (c["capital"].at(0).get_string().get(capital) == simdjson::SUCCESS)
    s.capital = std::string(capital);
  if (Member(c, "capitalInfo", &info)) LatLon(info, "latlng", &s.capital_lat, &s.capital_lon);
  LatLon(c, "latlng", &s.lat, &s.lon);
  array borders;
  if (c["borders"].get_array().get(borders) == simdjson::SUCCESS) {
    for (element b : borders) {
      std::string_view k;
      if (b.get_string().get(k) == simdjson::SUCCESS) s.borders.push_back(WcKey(k));
    }
  }
  s.region = Str(c, "region");
  s.subregion = Str(c, "subregion");
  bool flag = false;
  if (c["unMember"].get_bool().get(flag) == simdjson::SUCCESS) s.un_member = flag;
  if (c["independent"].get_bool().get(flag) == simdjson::SUCCESS)
    s.kind = flag ? StateKind::kSovereign : StateKind::kTerritory;
  AddSource(s, kWorldCountriesSource);
}

// Attaches an ISO 3166-3 entry's codes to `s`, valid until the withdrawal date. Codes the
// state already holds (Zaire's numeric 180 is still the DR Congo's) are not repeated.
void AttachIso3Codes(State& s, element e, const Interval& valid) {
  auto add = [&](Scheme scheme, std::string code) {
    if (code.empty()) return;
    for (const CodeSpell& c : s.codes)
      if (c.scheme == scheme && c.code == code) return;
    AddCode(s, scheme, std::move(code), valid, kIsoCodesSource);
  };
  add(Scheme::kIso4, Str(e, "alpha_4"));
  add(Scheme::kIso2, Str(e, "alpha_2"));
  add(Scheme::kIso3, Str(e, "alpha_3"));
  add(Scheme::kIsoNumeric, Str(e, "numeric"));
  AddSource(s, kIsoCodesSource);
}

// The array member `key` of the document, or Corruption naming `path`.
Result<array> TopArray(element doc, const char* key, const std::string& path) {
  array arr;
  if ((key ? doc[key].get_array() : doc.get_array()).get(arr) != simdjson::SUCCESS)
    return Status::Corruption(fmt::format("{}: no {} array", path, key ? key : "top-level"));
  return arr;
}

Result<std::unordered_map<std::string, std::string>> ReadIso3Map(const std::string& tables_dir) {
  DYAD_ASSIGN_OR_RETURN(TsvTable t, TsvTable::Read(tables_dir + "/iso3166_3.tsv",
                                                   {"alpha_4", "key", "source"}));
  std::unordered_map<std::string, std::string> map;
  for (size_t r = 0; r < t.size(); ++r) map[t.Cell(r, "alpha_4")] = t.Cell(r, "key");
  return map;
}

}  // namespace

Status LoadIsoCodes31661(const std::string& dir, LoadContext& ctx) {
  const std::string path = dir + "/iso_3166-1.json";
  simdjson::dom::parser parser;
  DYAD_ASSIGN_OR_RETURN(element doc, ParseJsonFile(parser, path));
  DYAD_ASSIGN_OR_RETURN(array list, TopArray(doc, "3166-1", path));
  for (element e : list) {
    const std::string a3 = Str(e, "alpha_3");
    if (a3.empty()) return Status::Corruption(fmt::format("{}: entry without alpha_3", path));
    State& s = ctx.GetOrAdd(a3);
    s.name = Str(e, "name");
    s.official_name = Str(e, "official_name").empty() ? s.name : Str(e, "official_name");
    AddCode(s, Scheme::kIso3, a3, Interval::Always(), kIsoCodesSource);
    AddCode(s, Scheme::kIso2, Str(e, "alpha_2"), Interval::Always(), kIsoCodesSource);
    AddCode(s, Scheme::kIsoNumeric, Str(e, "numeric"), Interval::Always(), kIsoCodesSource);
    AddName(s, Str(e, "name"), "en", NameKind::kShort, kIsoCodesSource);
    AddName(s, Str(e, "official_name"), "en", NameKind::kOfficial, kIsoCodesSource);
    AddName(s, Str(e, "common_name"), "en", NameKind::kCommon, kIsoCodesSource);
    AddSource(s, kIsoCodesSource);
    ctx.IndexIso2(Str(e, "alpha_2"), a3);
  }
  return Status::OK();
}

Status LoadWorldCountries(const std::string& node_modules_dir, LoadContext& ctx) {
  const std::string path = node_modules_dir + "/world-countries/countries.json";
  simdjson::dom::parser parser;
  DYAD_ASSIGN_OR_RETURN(element doc, ParseJsonFile(parser, path));
  DYAD_ASSIGN_OR_RETURN(array list, TopArray(doc, nullptr, path));
  for (element c : list) {
    const std::string cca3 = Str(c, "cca3");
    if (cca3.empty()) return Status::Corruption(fmt::format("{}: entry without cca3", path));
    const std::string key = WcKey(cca3);
    const bool is_new = ctx.Find(key) == nullptr;
    State& s = ctx.GetOrAdd(key);
    if (is_new) {  // Kosovo: not in ISO 3166-1; XK/XKX are user-assigned codes.
      AddCode(s, Scheme::kIso3, key, Interval::Always(), kWorldCountriesSource);
      AddCode(s, Scheme::kIso2, Str(c, "cca2"), Interval::Always(), kWorldCountriesSource);
      ctx.IndexIso2(Str(c, "cca2"), key);
    }
    ApplyWorldCountry(s, c);
  }
  return Status::OK();
}

namespace {

// One i18n-iso-countries language file: {"locale": "ky", "countries": {"KG": "..." or
// ["...", "..."]}}. The first name of an array is the short name, the rest are common.
Status LoadI18nFile(simdjson::dom::parser& parser, const std::string& path, LoadContext& ctx) {
  DYAD_ASSIGN_OR_RETURN(element doc, ParseJsonFile(parser, path));
  const std::string lang = Str(doc, "locale");
  object countries;
  if (lang.empty() || doc["countries"].get_object().get(countries) != simdjson::SUCCESS)
    return Status::Corruption(fmt::format("{}: expected locale and countries", path));
  for (auto [alpha2, value] : countries) {
    State* s = ctx.FindByIso2(alpha2);
    if (s == nullptr) continue;
    std::string_view text;
    array names;
    if (value.get_string().get(text) == simdjson::SUCCESS) {
      AddName(*s, std::string(text), lang, NameKind::kShort, kI18nSource);
    } else if (value.get_array().get(names) == simdjson::SUCCESS) {
      NameKind kind = NameKind::kShort;
      for (element v : names) {
        if (v.get_string().get(text) != simdjson::SUCCESS) continue;
        AddName(*s, std::string(text), lang, kind, kI18nSource);
        kind = NameKind::kCommon;
      }
    }
    AddSource(*s, kI18nSource);
  }
  return Status::OK();
}

}  // namespace

Status LoadI18nCountries(const std::string& node_modules_dir, LoadContext& ctx) {
  const std::string dir = node_modules_dir + "/i18n-iso-countries/langs";
  std::error_code ec;
  std::vector<std::string> files;
  for (const auto& entry : std::filesystem::directory_iterator(dir, ec)) {
    if (entry.path().extension() == ".json") files.push_back(entry.path().string());
  }
  if (ec) return Status::IOError(fmt::format("{}: {}", dir, ec.message()));
  std::sort(files.begin(), files.end());
  simdjson::dom::parser parser;
  for (const std::string& path : files) DYAD_RETURN_IF_ERROR(LoadI18nFile(parser, path, ctx));
  return Status::OK();
}

Status LoadIsoCodes31663(const std::string& iso_codes_dir, const std::string& tables_dir,
                         LoadContext& ctx) {
  const std::string path = iso_codes_dir + "/iso_3166-3.json";
  simdjson::dom::parser parser;
  DYAD_ASSIGN_OR_RETURN(element doc, ParseJsonFile(parser, path));
  DYAD_ASSIGN_OR_RETURN(auto renamed, ReadIso3Map(tables_dir));
  DYAD_ASSIGN_OR_RETURN(array list, TopArray(doc, "3166-3", path));
  for (element e : list) {
    const std::string a4 = Str(e, "alpha_4");
    if (a4.empty()) return Status::Corruption(fmt::format("{}: entry without alpha_4", path));
    Result<Date> withdrawn = Date::ParseIso(Str(e, "withdrawal_date"));
    if (!withdrawn.ok())
      return Status::Corruption(fmt::format("{}: {}: {}", path, a4, withdrawn.status().message()));
    auto it = renamed.find(a4);
    const std::string key = it == renamed.end() ? a4 : it->second;
    if (it != renamed.end() && ctx.Find(key) == nullptr)
      return Status::Corruption(fmt::format("iso3166_3.tsv: {} maps to unknown '{}'", a4, key));
    State& s = ctx.GetOrAdd(key);
    if (s.name.empty()) {  // a former country only ISO 3166-3 knows (Netherlands Antilles)
      s.kind = StateKind::kFormer;
      s.name = s.official_name = Str(e, "name");
      s.existence = *Interval::Make(std::nullopt, *withdrawn);
      AddName(s, s.name, "en", NameKind::kShort, kIsoCodesSource);
    }
    const Interval valid = s.existence.start() && s.kind == StateKind::kFormer
                               ? Interval::Make(s.existence.start(), *withdrawn).value_or(Interval())
                               : *Interval::Make(std::nullopt, *withdrawn);
    AttachIso3Codes(s, e, valid);
  }
  return Status::OK();
}

}  // namespace dyad::world::internal
