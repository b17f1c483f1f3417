#include "world/world.h"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <cctype>
#include <unordered_map>

#include "base/strings.h"
#include "base/paths.h"
#include "world/world_builder.h"

namespace dyad::world {
namespace {

constexpr std::array<std::string_view, kSchemeCount> kSchemeNames = {
    "iso2", "iso3", "isonum", "iso4", "cow", "cowc", "gw", "gwc", "cameo", "fips", "wikidata"};

std::string Upper(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  return out;
}

// Codes compare case-insensitively; numeric codes ignore leading zeros ("4" == "004").
std::string CodeKey(Scheme scheme, std::string_view code) {
  std::string c = Upper(code);
  if (scheme == Scheme::kIsoNumeric || scheme == Scheme::kCowNumeric ||
      scheme == Scheme::kGwNumeric) {
    size_t nz = c.find_first_not_of('0');
    c = nz == std::string::npos ? "0" : c.substr(nz);
  }
  return fmt::format("{}:{}", static_cast<int>(scheme), c);
}

bool SpellValidOn(const CodeSpell& spell, const std::optional<Date>& on) {
  return !on || spell.valid.ContainsDate(*on);
}

}  // namespace

std::string_view SchemeName(Scheme scheme) { return kSchemeNames[static_cast<size_t>(scheme)]; }

Result<Scheme> ParseScheme(std::string_view name) {
  const std::string n = AsciiLower(name);
  for (size_t i = 0; i < kSchemeNames.size(); ++i)
    if (n == kSchemeNames[i]) return static_cast<Scheme>(i);
  static const std::unordered_map<std::string, Scheme> kAliases = {
      {"iso2c", Scheme::kIso2},        {"alpha2", Scheme::kIso2},
      {"iso3c", Scheme::kIso3},        {"alpha3", Scheme::kIso3},
      {"iso3n", Scheme::kIsoNumeric},  {"isonumeric", Scheme::kIsoNumeric},
      {"numeric", Scheme::kIsoNumeric}, {"un", Scheme::kIsoNumeric},
      {"m49", Scheme::kIsoNumeric},    {"alpha4", Scheme::kIso4},
      {"cown", Scheme::kCowNumeric},   {"ccode", Scheme::kCowNumeric},
      {"gwn", Scheme::kGwNumeric},     {"gwcode", Scheme::kGwNumeric},
      {"fips104", Scheme::kFips},      {"fips10-4", Scheme::kFips},
      {"gec", Scheme::kFips},          {"gdelt", Scheme::kCameo},
      {"qid", Scheme::kWikidata},
  };
  if (auto it = kAliases.find(n); it != kAliases.end()) return it->second;
  std::string known;
  for (auto s : kSchemeNames) known += fmt::format("{}{}", known.empty() ? "" : ", ", s);
  return Status::InvalidArgument(fmt::format("unknown code scheme '{}' (known: {})", name, known));
}

std::optional<std::string> State::Code(Scheme scheme, std::optional<Date> on) const {
  const CodeSpell* best = nullptr;
  for (const CodeSpell& spell : codes) {
    if (spell.scheme != scheme || !SpellValidOn(spell, on)) continue;
    // Without a date prefer the spell that is still open, then the latest start.
    if (best == nullptr) { best = &spell; continue; }
    auto later = [](const CodeSpell& a, const CodeSpell& b) {
      if (a.valid.open_end() != b.valid.open_end()) return a.valid.open_end();
      if (!a.valid.start()) return false;
      if (!b.valid.start()) return true;
      return *a.valid.start() > *b.valid.start();
    };
    if (later(spell, *best)) best = &spell;
  }
  if (best == nullptr) return std::nullopt;
  return best->code;
}

WorldSources WorldSources::Default() {
  return WorldSources{IsoCodesDir(), NodeModulesDir(), DataDir() + "/world"};
}

struct World::Index {
  std::unordered_map<std::string, size_t> by_key;                     // upper-case key
  std::unordered_map<std::string, std::vector<size_t>> by_code;       // CodeKey -> states
};

const State* World::Find(std::string_view key) const {
  auto it = index_->by_key.find(Upper(key));
  return it == index_->by_key.end() ? nullptr : &states_[it->second];
}

std::vector<const State*> World::ByCode(Scheme scheme, std::string_view code,
                                        std::optional<Date> on) const {
  std::vector<const State*> out;
  auto it = index_->by_code.find(CodeKey(scheme, code));
  if (it == index_->by_code.end()) return out;
  const std::string want = CodeKey(scheme, code);
  for (size_t i : it->second) {
    const State& s = states_[i];
    bool valid = std::any_of(s.codes.begin(), s.codes.end(), [&](const CodeSpell& c) {
      return c.scheme == scheme && CodeKey(scheme, c.code) == want && SpellValidOn(c, on);
    });
    if (valid) out.push_back(&s);
  }
  return out;
}

namespace {

// `s` is between two of its COW spells on `on`.
bool InSystemGap(const State& s, const Date& on) {
  bool earlier = false;
  for (const SystemSpell& sp : s.spells) {
    if (sp.system != "cow") continue;
    if (sp.valid.ContainsDate(on)) return false;
    earlier |= sp.valid.end() && sp.valid.end()->last_day() < on.first_day();
  }
  return earlier;
}

}  // namespace

namespace {

// A member of the state system on `on`: a Correlates of War spell covers it.
bool SystemMemberOn(const State& s, const Date& on) {
  return std::any_of(s.spells.begin(), s.spells.end(), [&](const SystemSpell& sp) {
    return sp.system == "cow" && sp.valid.ContainsDate(on);
  });
}

}  // namespace

// Among the predecessors existing on `on`, a member of the state system first (the Soviet
// Union, not the Russian SFSR), then the first listed in data/world/links.tsv (West
// Germany is listed before East Germany: the GDR acceded to the Federal Republic).
const State* World::StandIn(std::string_view key, const Date& on) const {
  const State* s = Find(key);
  if (s == nullptr || !InSystemGap(*s, on)) return nullptr;
  const State* first = nullptr;
  for (const Link& l : s->links) {
    if (l.kind != LinkKind::kPredecessor) continue;
    const State* p = Find(l.other);
    if (p == nullptr || p->kind != StateKind::kFormer || !p->existence.ContainsDate(on)) continue;
    if (SystemMemberOn(*p, on)) return p;
    if (first == nullptr) first = p;
  }
  return first;
}

Result<std::string> World::Convert(std::string_view code, Scheme from, Scheme to,
                                   std::optional<Date> on) const {
  const std::string when = on ? fmt::format(" on {}", on->ToString()) : "";
  std::vector<const State*> states = ByCode(from, code, on);
  if (states.empty()) {
    if (on && !ByCode(from, code).empty()) {
      return Status::NotFound(
          fmt::format("{} code '{}' is not valid{}", SchemeName(from), code, when));
    }
    return Status::NotFound(fmt::format("no state has {} code '{}'", SchemeName(from), code));
  }
  if (states.size() > 1) {
    std::string keys;
    for (const State* s : states) keys += fmt::format("{}{}", keys.empty() ? "" : ", ", s->key);
    return Status::InvalidArgument(fmt::format(
        "{} code '{}' names several states ({}); give a date with --on", SchemeName(from), code,
        keys));
  }
  std::optional<std::string> out = states.front()->Code(to, on);
  if (!out) {
    return Status::NotFound(fmt::format("{} ({}) has no {} code{}", states.front()->name,
                                        states.front()->key, SchemeName(to), when));
  }
  return *out;
}

State* WorldBuilder::Mutable(std::string_view key) {
  const std::string k = Upper(key);
  for (State& s : states_)
    if (Upper(s.key) == k) return &s;
  return nullptr;
}

Result<std::shared_ptr<const World>> WorldBuilder::Build() {
  auto world = std::shared_ptr<World>(new World());
  auto index = std::make_shared<World::Index>();
  for (size_t i = 0; i < states_.size(); ++i) {
    const State& s = states_[i];
    if (s.key.empty()) return Status::InvalidArgument(fmt::format("state #{} has no key", i));
    if (!index->by_key.emplace(Upper(s.key), i).second)
      return Status::AlreadyExists(fmt::format("state key '{}' appears twice", s.key));
  }
  for (size_t i = 0; i < states_.size(); ++i) {
    const State& s = states_[i];
    for (const Link& link : s.links) {
      if (!index->by_key.count(Upper(link.other)))
        return Status::InvalidArgument(
            fmt::format("state '{}' links to unknown state '{}'", s.key, link.other));
    }
    for (const CodeSpell& c : s.codes) {
      auto& v = index->by_code[CodeKey(c.scheme, c.code)];
      if (v.empty() || v.back() != i) v.push_back(i);
    }
  }
  world->states_ = std::move(states_);
  world->index_ = std::move(index);
  return std::shared_ptr<const World>(std::move(world));
}

}  // namespace dyad::world
