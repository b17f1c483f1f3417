#include "events/countries.h"

#include <fmt/format.h>

#include <cctype>

#include "base/strings.h"
#include "base/tsv_table.h"

namespace dyad::events {
namespace {

bool AllUpper(std::string_view s, size_t n) {
  if (s.size() != n) return false;
  for (char c : s) {
    if (c < 'A' || c > 'Z') return false;
  }
  return true;
}

class WorldCountryMap : public CountryMap {
 public:
  WorldCountryMap(std::shared_ptr<const world::Resolver> resolver, std::unordered_set<std::string> regions,
                  const std::unordered_map<std::string, std::string>& aliases)
      : resolver_(std::move(resolver)), regions_(std::move(regions)) {
    for (const auto& [name, key] : aliases) aliases_.emplace(AsciiLower(name), key);
  }
  std::optional<std::string> Cameo(std::string_view code) const override {
    if (regions_.count(std::string(code))) return std::string();
    return ByCode(world::Scheme::kCameo, code);
  }
  std::optional<std::string> Fips(std::string_view code) const override {
    return ByCode(world::Scheme::kFips, code);
  }
  // The dataset's convention first, then the resolver; an ambiguous name is unknown.
  std::optional<std::string> Name(std::string_view name) const override {
    auto it = aliases_.find(AsciiLower(name));
    if (it != aliases_.end()) return it->second;
    world::ResolveOptions options;
    options.allow_codes = false;
    options.allow_demonyms = false;
    options.other_languages = false;
    world::Resolution r = resolver_->Resolve(name, options);
    if (r.outcome != world::Resolution::Outcome::kMatch) return std::nullopt;
    return r.best()->state->key;
  }

 private:
  std::optional<std::string> ByCode(world::Scheme scheme, std::string_view code) const {
    auto states = resolver_->world().ByCode(scheme, code);
    if (states.empty()) return std::nullopt;
    return states.front()->key;
  }

  std::shared_ptr<const world::Resolver> resolver_;
  std::unordered_set<std::string> regions_;
  std::unordered_map<std::string, std::string> aliases_;  // lower-cased dataset name -> key
};

class CodeShapeCountryMap : public CountryMap {
 public:
  explicit CodeShapeCountryMap(std::unordered_set<std::string> regions)
      : regions_(std::move(regions)) {}
  std::optional<std::string> Cameo(std::string_view code) const override {
    if (regions_.count(std::string(code))) return std::string();
    if (AllUpper(code, 3)) return std::string(code);
    return std::nullopt;
  }
  std::optional<std::string> Fips(std::string_view code) const override {
    if (AllUpper(code, 2)) return std::string(code);
    return std::nullopt;
  }
  std::optional<std::string> Name(std::string_view) const override { return std::nullopt; }

 private:
  std::unordered_set<std::string> regions_;
};

}  // namespace

Result<std::unordered_set<std::string>> LoadCameoRegions(const std::string& path) {
  DYAD_ASSIGN_OR_RETURN(TsvTable t, TsvTable::Read(path, {"code", "label", "source"}));
  std::unordered_set<std::string> out;
  for (size_t r = 0; r < t.size(); ++r) {
    const std::string& code = t.Cell(r, "code");
    if (!AllUpper(code, 3)) {
      return Status::InvalidArgument(fmt::format("{}: bad region code '{}'", t.Where(r), code));
    }
    out.emplace(code);
  }
  return out;
}

std::unique_ptr<CountryMap> MakeWorldCountryMap(
    std::shared_ptr<const world::Resolver> resolver, std::unordered_set<std::string> regions,
    const std::unordered_map<std::string, std::string>& aliases) {
  return std::make_unique<WorldCountryMap>(std::move(resolver), std::move(regions), aliases);
}

Result<std::unordered_map<std::string, std::string>> LoadCountryNameAliases(
    const std::string& path) {
  DYAD_ASSIGN_OR_RETURN(TsvTable t, TsvTable::Read(path, {"name", "state", "source"}));
  std::unordered_map<std::string, std::string> out;
  for (size_t r = 0; r < t.size(); ++r) out.emplace(t.Cell(r, "name"), t.Cell(r, "state"));
  return out;
}

std::unique_ptr<CountryMap> MakeCodeShapeCountryMap(std::unordered_set<std::string> regions) {
  return std::make_unique<CodeShapeCountryMap>(std::move(regions));
}

}  // namespace dyad::events
