#include "events/countries.h"

#include <fmt/format.h>

#include <cctype>

#include "base/tsv_table.h"

namespace dyad::events {
namespace {

std::string Lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

bool AllUpper(std::string_view s, size_t n) {
  if (s.size() != n) return false;
  for (char c : s) {
    if (c < 'A' || c > 'Z') return false;
  }
  return true;
}

class WorldCountryMap : public CountryMap {
 public:
  WorldCountryMap(std::shared_ptr<const world::World> world,
                  std::unordered_set<std::string> regions,
                  const std::unordered_map<std::string, std::string>& aliases)
      : world_(std::move(world)), regions_(std::move(regions)) {
    for (const auto& [name, key] : aliases) names_.emplace(Lower(name), key);
    for (const auto& s : world_->states()) {
      if (!s.name.empty()) names_.emplace(Lower(s.name), s.key);
      if (!s.official_name.empty()) names_.emplace(Lower(s.official_name), s.key);
      for (const auto& n : s.names) {
        if ((n.lang == "en" || n.lang.empty()) && n.kind != world::NameKind::kDemonym &&
            n.kind != world::NameKind::kAdjective) {
          names_.emplace(Lower(n.text), s.key);
        }
      }
    }
  }
  std::optional<std::string> Cameo(std::string_view code) const override {
    if (regions_.count(std::string(code))) return std::string();
    auto states = world_->ByCode(world::Scheme::kCameo, code);
    if (states.empty()) return std::nullopt;
    return states.front()->key;
  }
  std::optional<std::string> Fips(std::string_view code) const override {
    auto states = world_->ByCode(world::Scheme::kFips, code);
    if (states.empty()) return std::nullopt;
    return states.front()->key;
  }
  std::optional<std::string> Name(std::string_view name) const override {
    auto it = names_.find(Lower(name));
    if (it == names_.end()) return std::nullopt;
    return it->second;
  }

 private:
  std::shared_ptr<const world::World> world_;
  std::unordered_set<std::string> regions_;
  std::unordered_map<std::string, std::string> names_;
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
    std::shared_ptr<const world::World> world, std::unordered_set<std::string> regions,
    const std::unordered_map<std::string, std::string>& aliases) {
  return std::make_unique<WorldCountryMap>(std::move(world), std::move(regions), aliases);
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
