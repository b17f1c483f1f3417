// Readers for the installed JSON data: Debian iso-codes (ISO 3166-1 and 3166-3), npm
// world-countries and npm i18n-iso-countries. The JSON parser runs without exceptions;
// a missing or ill-typed field is skipped, a file that does not parse is an error.
#include <fmt/format.h>

#include <algorithm>
#include <filesystem>
#include <nlohmann/json.hpp>
#include <unordered_map>

#include "base/file.h"
#include "world/world_loader_internal.h"

namespace dyad::world::internal {
namespace {

using nlohmann::json;

Result<json> ParseJsonFile(const std::string& path) {
  DYAD_ASSIGN_OR_RETURN(std::string text, ReadFile(path));
  json doc = json::parse(text, nullptr, /*allow_exceptions=*/false);
  if (doc.is_discarded()) return Status::Corruption(fmt::format("{}: not valid JSON", path));
  return doc;
}

// The string member `key` of `obj`, or "" when absent or not a string.
std::string Str(const json& obj, const char* key) {
  if (!obj.is_object()) return "";
  auto it = obj.find(key);
  return it != obj.end() && it->is_string() ? it->get<std::string>() : "";
}

const json* Member(const json& obj, const char* key) {
  if (!obj.is_object()) return nullptr;
  auto it = obj.find(key);
  return it == obj.end() ? nullptr : &*it;
}

// A [lat, lon] array, if well formed.
bool LatLon(const json* arr, std::optional<double>* lat, std::optional<double>* lon) {
  if (arr == nullptr || !arr->is_array() || arr->size() != 2) return false;
  if (!(*arr)[0].is_number() || !(*arr)[1].is_number()) return false;
  *lat = (*arr)[0].get<double>();
  *lon = (*arr)[1].get<double>();
  return true;
}

// world-countries uses ISO 639-3 language codes; names carry ISO 639-1 where one exists.
std::string Lang1(const std::string& lang3) {
  static const std::unordered_map<std::string, std::string> kMap = {
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
  return it == kMap.end() ? lang3 : it->second;
}

// world-countries spells Kosovo "UNK"; dyad keys it XKX.
std::string WcKey(const std::string& cca3) { return cca3 == "UNK" ? "XKX" : cca3; }

void AddWcNames(State& s, const json& c) {
  const json* name = Member(c, "name");
  if (name == nullptr) return;
  AddName(s, Str(*name, "common"), "en", NameKind::kShort, kWorldCountriesSource);
  AddName(s, Str(*name, "official"), "en", NameKind::kOfficial, kWorldCountriesSource);
  if (const json* native = Member(*name, "native"); native && native->is_object()) {
    for (const auto& [lang, n] : native->items()) {
      AddName(s, Str(n, "common"), Lang1(lang), NameKind::kShort, kWorldCountriesSource);
      AddName(s, Str(n, "official"), Lang1(lang), NameKind::kOfficial, kWorldCountriesSource);
    }
  }
  if (const json* tr = Member(c, "translations"); tr && tr->is_object()) {
    for (const auto& [lang, n] : tr->items()) {
      AddName(s, Str(n, "common"), Lang1(lang), NameKind::kShort, kWorldCountriesSource);
      AddName(s, Str(n, "official"), Lang1(lang), NameKind::kOfficial, kWorldCountriesSource);
    }
  }
  if (const json* alt = Member(c, "altSpellings"); alt && alt->is_array()) {
    for (const json& a : *alt) {
      // Two-letter alt spellings are the ISO alpha-2 code itself, already a code.
      if (a.is_string() && a.get_ref<const std::string&>().size() > 2)
        AddName(s, a.get<std::string>(), "", NameKind::kCommon, kWorldCountriesSource);
    }
  }
  if (const json* dem = Member(c, "demonyms"); dem && dem->is_object()) {
    for (const auto& [lang, forms] : dem->items()) {
      AddName(s, Str(forms, "m"), Lang1(lang), NameKind::kDemonym, kWorldCountriesSource);
      AddName(s, Str(forms, "f"), Lang1(lang), NameKind::kDemonym, kWorldCountriesSource);
    }
  }
}

void ApplyWorldCountry(State& s, const json& c) {
  if (const json* name = Member(c, "name")) {
    s.name = Str(*name, "common");
    s.official_name = Str(*name, "official");
  }
  AddWcNames(s, c);
  if (const json* cap = Member(c, "capital"); cap && cap->is_array() && !cap->empty() &&
                                              (*cap)[0].is_string()) {
    s.capital = (*cap)[0].get<std::string>();
  }
  if (const json* info = Member(c, "capitalInfo"))
    LatLon(Member(*info, "latlng"), &s.capital_lat, &s.capital_lon);
  LatLon(Member(c, "latlng"), &s.lat, &s.lon);
  if (const json* borders = Member(c, "borders"); borders && borders->is_array()) {
    for (const json& b : *borders)
      if (b.is_string()) s.borders.push_back(WcKey(b.get<std::string>()));
  }
  s.region = Str(c, "region");
  s.subregion = Str(c, "subregion");
  if (const json* un = Member(c, "unMember"); un && un->is_boolean()) s.un_member = un->get<bool>();
  if (const json* ind = Member(c, "independent"); ind && ind->is_boolean())
    s.kind = ind->get<bool>() ? StateKind::kSovereign : StateKind::kTerritory;
  AddSource(s, kWorldCountriesSource);
}

// Attaches an ISO 3166-3 entry's codes to `s`, valid until the withdrawal date. Codes the
// state already holds (Zaire's numeric 180 is still the DR Congo's) are not repeated.
void AttachIso3Codes(State& s, const json& e, const Interval& valid) {
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
  DYAD_ASSIGN_OR_RETURN(json doc, ParseJsonFile(path));
  const json* list = Member(doc, "3166-1");
  if (list == nullptr || !list->is_array())
    return Status::Corruption(fmt::format("{}: no \"3166-1\" array", path));
  for (const json& e : *list) {
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
  DYAD_ASSIGN_OR_RETURN(json doc, ParseJsonFile(path));
  if (!doc.is_array()) return Status::Corruption(fmt::format("{}: expected an array", path));
  for (const json& c : doc) {
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

Status LoadI18nCountries(const std::string& node_modules_dir, LoadContext& ctx) {
  const std::string dir = node_modules_dir + "/i18n-iso-countries/langs";
  std::error_code ec;
  std::vector<std::string> files;
  for (const auto& entry : std::filesystem::directory_iterator(dir, ec)) {
    if (entry.path().extension() == ".json") files.push_back(entry.path().string());
  }
  if (ec) return Status::IOError(fmt::format("{}: {}", dir, ec.message()));
  std::sort(files.begin(), files.end());
  for (const std::string& path : files) {
    DYAD_ASSIGN_OR_RETURN(json doc, ParseJsonFile(path));
    const std::string lang = Str(doc, "locale");
    const json* countries = Member(doc, "countries");
    if (lang.empty() || countries == nullptr || !countries->is_object())
      return Status::Corruption(fmt::format("{}: expected locale and countries", path));
    for (const auto& [alpha2, value] : countries->items()) {
      State* s = ctx.FindByIso2(alpha2);
      if (s == nullptr) continue;
      if (value.is_string()) {
        AddName(*s, value.get<std::string>(), lang, NameKind::kShort, kI18nSource);
      } else if (value.is_array()) {
        bool first = true;
        for (const json& v : value) {
          if (!v.is_string()) continue;
          AddName(*s, v.get<std::string>(), lang, first ? NameKind::kShort : NameKind::kCommon,
                  kI18nSource);
          first = false;
        }
      }
      AddSource(*s, kI18nSource);
    }
  }
  return Status::OK();
}

Status LoadIsoCodes31663(const std::string& iso_codes_dir, const std::string& tables_dir,
                         LoadContext& ctx) {
  const std::string path = iso_codes_dir + "/iso_3166-3.json";
  DYAD_ASSIGN_OR_RETURN(json doc, ParseJsonFile(path));
  DYAD_ASSIGN_OR_RETURN(auto renamed, ReadIso3Map(tables_dir));
  const json* list = Member(doc, "3166-3");
  if (list == nullptr || !list->is_array())
    return Status::Corruption(fmt::format("{}: no \"3166-3\" array", path));
  for (const json& e : *list) {
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
