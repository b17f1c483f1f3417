// `dyad state` and `dyad convert`: the world registry from the command line.
//
//   dyad state NAME_OR_CODE [--as-of DATE] [--format table|json]
//     Finds the state by key (KGZ, SUHH, SU-KG), then through the Resolver (names in any
//     language, historical names, ISO codes), then by code in every other scheme (COW,
//     G-W, CAMEO, FIPS). Prints its codes in every scheme (only those valid on DATE with
//     --as-of), names, capital, system-membership spells, predecessors and successors.
//     A bare number (260) is looked up in every numeric scheme first: the output says
//     which scheme(s) it was read in, or lists the candidates with theirs.
//     Several candidates: lists them and exits 1. No match: says so, with suggestions.
//   dyad convert CODE --from SCHEME --to SCHEME [--on DATE]
//     Prints the code in the target scheme. Exit 1 when the code is unknown, not valid on
//     DATE, ambiguous without a date, or the state has no code in the target scheme.
// Usage errors (unknown scheme or format, a date such as 2024-02-30) exit 2.
#include <fmt/format.h>

#include <algorithm>
#include <cstdio>
#include <map>
#include <memory>
#include <nlohmann/json.hpp>
#include <optional>
#include <set>

#include "base/date.h"
#include "base/unicode.h"
#include "cli/commands.h"
#include "cli/session.h"
#include "world/resolver.h"
#include "world/kind_names.h"
#include "world/world.h"

namespace dyad::cli {
namespace {

using world::Scheme;
using world::State;
using world::World;

constexpr Scheme kAllSchemes[] = {
    Scheme::kIso2,      Scheme::kIso3,    Scheme::kIsoNumeric, Scheme::kIso4,
    Scheme::kCowNumeric, Scheme::kCowAlpha, Scheme::kGwNumeric, Scheme::kGwAlpha,
    Scheme::kCameo,     Scheme::kFips,    Scheme::kWikidata};

Result<std::shared_ptr<const World>> LoadWorld(std::string_view command) {
  Result<std::shared_ptr<const World>> w = World::LoadDefault();
  if (!w.ok()) PrintError(command, "cannot load the world: " + w.status().message());
  return w;
}

// ---------------------------------------------------------------------------------------
// Finding the state.

struct Lookup {
  std::vector<const State*> states;  // one: found; several: ambiguous; none: not found
  std::vector<std::string> how;      // parallel to states
};

// A state found again another way keeps one entry and lists every way ("cow code, gw code").
void AddCandidate(Lookup& l, const State* s, std::string how) {
  auto it = std::find(l.states.begin(), l.states.end(), s);
  if (it == l.states.end()) {
    l.states.push_back(s);
    l.how.push_back(std::move(how));
    return;
  }
  std::string& hows = l.how[static_cast<size_t>(it - l.states.begin())];
  if (hows.find(how) == std::string::npos) hows += ", " + how;
}

bool IsBareNumber(std::string_view text) {
  return !text.empty() && text.find_first_not_of("0123456789") == std::string_view::npos;
}

// Codes in every scheme, as of `on` when given.
Lookup ByAnyCode(const World& w, std::string_view text, std::optional<Date> on) {
  Lookup l;
  for (Scheme scheme : kAllSchemes) {
    for (const State* s : w.ByCode(scheme, text, on))
      AddCandidate(l, s, fmt::format("{} code", world::SchemeName(scheme)));
  }
  return l;
}

Lookup FindState(const World& w, std::string_view text, std::optional<Date> on) {
  Lookup l;
  if (const State* s = w.Find(text)) {
    AddCandidate(l, s, "key");
    return l;
  }
  // A bare number is a code in several schemes (COW 260 is West Germany, ISO numeric 260
  // the French Southern Territories): every scheme is asked, so the answer names the
  // scheme it was read in, or lists the candidates.
  if (IsBareNumber(text)) {
    Lookup codes = ByAnyCode(w, text, on);
    if (!codes.states.empty()) return codes;
  }
  Result<std::unique_ptr<world::Resolver>> resolver = world::Resolver::LoadDefault(
      std::shared_ptr<const World>(&w, [](const World*) {}));
  if (resolver.ok()) {
    world::ResolveOptions options;
    options.on = on;
    world::Resolution r = (*resolver)->Resolve(text, options);
    for (const world::Match& m : r.candidates) AddCandidate(l, m.state, std::string(m.how));
    if (!l.states.empty()) return l;
  }
  return ByAnyCode(w, text, on);
}

// Up to five states whose English names start like `text` (folded), for "did you mean".
std::vector<const State*> Suggestions(const World& w, std::string_view text) {
  Result<std::string> folded = FoldForMatch(text);
  if (!folded.ok() || folded->size() < 2) return {};
  const std::string prefix = folded->substr(0, std::min<size_t>(folded->size(), 4));
  std::vector<const State*> out;
  for (const State& s : w.states()) {
    for (const world::Name& n : s.names) {
      if (n.lang != "en" && !n.lang.empty()) continue;
      Result<std::string> f = FoldForMatch(n.text);
      if (f.ok() && f->compare(0, prefix.size(), prefix) == 0) {
        out.push_back(&s);
        break;
      }
    }
    if (out.size() == 5) break;
  }
  return out;
}

// ---------------------------------------------------------------------------------------
// Printing a state.

std::string Coords(std::optional<double> lat, std::optional<double> lon) {
  return lat && lon ? fmt::format("{:.4f}, {:.4f}", *lat, *lon) : "";
}

const State* Other(const World& w, const std::string& key) { return w.Find(key); }

std::set<std::string> Languages(const State& s) {
  std::set<std::string> langs;
  for (const world::Name& n : s.names)
    if (!n.lang.empty()) langs.insert(n.lang);
  return langs;
}

// The first name of `kind` in `lang` valid on `on`.
std::string NameIn(const State& s, std::string_view lang, world::NameKind kind,
                   std::optional<Date> on) {
  for (const world::Name& n : s.names) {
    if (n.lang == lang && n.kind == kind && (!on || n.valid.ContainsDate(*on))) return n.text;
  }
  return "";
}

void PrintCodes(const State& s, std::optional<Date> on) {
  std::printf("\nCodes%s\n", on ? fmt::format(" on {}", on->ToString()).c_str() : "");
  for (Scheme scheme : kAllSchemes) {
    if (on) {
      std::optional<std::string> code = s.Code(scheme, on);
      if (code) std::printf("  %-9s %s\n", std::string(world::SchemeName(scheme)).c_str(), code->c_str());
      continue;
    }
    std::vector<const world::CodeSpell*> spells;
    for (const world::CodeSpell& c : s.codes)
      if (c.scheme == scheme) spells.push_back(&c);
    for (const world::CodeSpell* c : spells) {
      const std::string line = fmt::format("  {:<9} {:<6} {}", world::SchemeName(scheme), c->code,
                                           c->valid == Interval::Always() ? "" : c->valid.ToString());
      std::printf("%s\n", line.substr(0, line.find_last_not_of(' ') + 1).c_str());
    }
  }
  if (s.Code(Scheme::kWikidata, on) == std::nullopt)
    std::printf("  %-9s (not in dyad's tables yet)\n", "wikidata");
}

void PrintNames(const State& s, std::optional<Date> on) {
  std::printf("\nNames (%zu, in %zu languages)\n", s.names.size(), Languages(s).size());
  for (std::string_view lang : {"en", "ru", "ky", "de", "fr", "es", "zh", "ar"}) {
    std::string shortn = NameIn(s, lang, world::NameKind::kShort, on);
    std::string official = NameIn(s, lang, world::NameKind::kOfficial, on);
    if (shortn.empty() && official.empty()) continue;
    std::printf("  %-3.*s %s%s%s\n", static_cast<int>(lang.size()), lang.data(), shortn.c_str(),
                official.empty() || official == shortn ? "" : " / ",
                official == shortn ? "" : official.c_str());
  }
  std::string common, demonyms;
  for (const world::Name& n : s.names) {
    if (n.kind == world::NameKind::kCommon && (n.lang.empty() || n.lang == "en"))
      common += fmt::format("{}{}", common.empty() ? "" : ", ", n.text);
    if (n.kind == world::NameKind::kDemonym && n.lang == "en" && demonyms.find(n.text) == std::string::npos)
      demonyms += fmt::format("{}{}", demonyms.empty() ? "" : ", ", n.text);
  }
  if (!common.empty()) std::printf("  also:      %s\n", common.c_str());
  if (!demonyms.empty()) std::printf("  demonyms:  %s\n", demonyms.c_str());
  for (const world::Name& n : s.names) {
    if (n.kind != world::NameKind::kHistorical) continue;
    std::printf("  historical: %s (%s)\n", n.text.c_str(), n.valid.ToString().c_str());
  }
}

void PrintSpellsAndLinks(const World& w, const State& s) {
  if (!s.spells.empty()) std::printf("\nState-system membership\n");
  for (const world::SystemSpell& sp : s.spells)
    std::printf("  %-4s %-23s %s\n", sp.system.c_str(), sp.valid.ToString().c_str(), sp.source.c_str());
  for (world::LinkKind kind : {world::LinkKind::kPredecessor, world::LinkKind::kSuccessor}) {
    bool header = false;
    for (const world::Link& l : s.links) {
      if (l.kind != kind) continue;
      if (!header) std::printf("\n%s\n", kind == world::LinkKind::kPredecessor ? "Predecessors" : "Successors");
      header = true;
      const State* o = Other(w, l.other);
      std::printf("  %-6s %-24s %-10s %s\n", l.other.c_str(), o ? o->name.c_str() : "",
                  l.date ? l.date->ToString().c_str() : "", l.note.c_str());
    }
  }
}

void PrintTable(const World& w, const State& s, std::optional<Date> on) {
  std::printf("%s (%s): %s%s\n", s.name.c_str(), s.key.c_str(), std::string(world::StateKindName(s.kind)).c_str(),
              s.un_member ? ", UN member" : "");
  if (!s.official_name.empty() && s.official_name != s.name)
    std::printf("  official name: %s\n", s.official_name.c_str());
  if (!(s.existence == Interval::Always())) std::printf("  exists:        %s\n", s.existence.ToString().c_str());
  if (on && !s.ExistsOn(*on)) std::printf("  (did not exist on %s)\n", on->ToString().c_str());
  if (!s.region.empty()) std::printf("  region:        %s / %s\n", s.region.c_str(), s.subregion.c_str());
  if (!s.capital.empty())
    std::printf("  capital:       %s %s\n", s.capital.c_str(),
                s.capital_lat ? fmt::format("({})", Coords(s.capital_lat, s.capital_lon)).c_str() : "");
  if (s.lat) std::printf("  centre:        %s\n", Coords(s.lat, s.lon).c_str());
  if (!s.borders.empty()) {
    std::string b;
    for (const std::string& k : s.borders) b += fmt::format("{}{}", b.empty() ? "" : " ", k);
    std::printf("  borders:       %s\n", b.c_str());
  }
  PrintCodes(s, on);
  PrintNames(s, on);
  PrintSpellsAndLinks(w, s);
  std::printf("\nSources: ");
  for (size_t i = 0; i < s.sources.size(); ++i) std::printf("%s%s", i ? "; " : "", s.sources[i].c_str());
  std::printf("\n");
}

nlohmann::json IntervalJson(const Interval& i) {
  return {{"start", i.start() ? nlohmann::json(i.start()->ToString()) : nlohmann::json()},
          {"end", i.end() ? nlohmann::json(i.end()->ToString()) : nlohmann::json()}};
}

nlohmann::json StateJson(const State& s, std::optional<Date> on) {
  nlohmann::json j = {{"key", s.key}, {"name", s.name}, {"official_name", s.official_name},
                      {"kind", std::string(world::StateKindName(s.kind))}, {"existence", IntervalJson(s.existence)},
                      {"un_member", s.un_member}, {"region", s.region}, {"subregion", s.subregion},
                      {"borders", s.borders}, {"sources", s.sources}};
  j["capital"] = {{"name", s.capital}, {"lat", s.capital_lat ? nlohmann::json(*s.capital_lat) : nlohmann::json()},
                  {"lon", s.capital_lon ? nlohmann::json(*s.capital_lon) : nlohmann::json()}};
  if (on) {
    j["as_of"] = on->ToString();
    j["exists_as_of"] = s.ExistsOn(*on);
    nlohmann::json codes = nlohmann::json::object();
    for (Scheme scheme : kAllSchemes)
      if (auto c = s.Code(scheme, on)) codes[std::string(world::SchemeName(scheme))] = *c;
    j["codes_as_of"] = codes;
  }
  j["codes"] = nlohmann::json::array();
  for (const world::CodeSpell& c : s.codes)
    j["codes"].push_back({{"scheme", std::string(world::SchemeName(c.scheme))}, {"code", c.code},
                          {"valid", IntervalJson(c.valid)}, {"source", c.source}});
  j["languages"] = Languages(s).size();
  j["names"] = nlohmann::json::array();
  for (const world::Name& n : s.names)
    j["names"].push_back({{"text", n.text}, {"lang", n.lang}, {"kind", std::string(world::NameKindName(n.kind))},
                          {"valid", IntervalJson(n.valid)}, {"source", n.source}});
  j["spells"] = nlohmann::json::array();
  for (const world::SystemSpell& sp : s.spells)
    j["spells"].push_back({{"system", sp.system}, {"valid", IntervalJson(sp.valid)}, {"source", sp.source}});
  j["links"] = nlohmann::json::array();
  for (const world::Link& l : s.links)
    j["links"].push_back({{"kind", l.kind == world::LinkKind::kPredecessor ? "predecessor" : "successor"},
                          {"other", l.other}, {"date", l.date ? nlohmann::json(l.date->ToString()) : nlohmann::json()},
                          {"note", l.note}, {"source", l.source}});
  return j;
}

// ---------------------------------------------------------------------------------------
// Commands.

struct StateArgs {
  std::string text;
  std::string as_of;
  std::string format = "table";
};

int ReportNoUniqueState(const World& w, const StateArgs& args, const Lookup& l) {
  if (l.states.empty()) {
    std::string msg = fmt::format("no state matches '{}'", args.text);
    std::vector<const State*> sugg = Suggestions(w, args.text);
    for (size_t i = 0; i < sugg.size(); ++i)
      msg += fmt::format("{}{} ({})", i ? ", " : "; did you mean ", sugg[i]->name, sugg[i]->key);
    PrintError("state", msg);
    return kExitError;
  }
  PrintError("state", fmt::format("'{}' is ambiguous; candidates:", args.text));
  for (size_t i = 0; i < l.states.size(); ++i)
    std::fprintf(stderr, "  %-6s %s (%s)\n", l.states[i]->key.c_str(), l.states[i]->name.c_str(),
                 l.how[i].c_str());
  return kExitError;
}

int RunState(const StateArgs& args) {
  std::optional<Date> on;
  if (!ParseDateOption("state", "--as-of", args.as_of, &on)) return kExitUsage;
  Result<std::shared_ptr<const World>> w = LoadWorld("state");
  if (!w.ok()) return kExitError;
  Lookup l = FindState(**w, args.text, on);
  if (l.states.size() != 1) return ReportNoUniqueState(**w, args, l);
  if (args.format == "json") {
    nlohmann::json j = StateJson(*l.states.front(), on);
    j["found_by"] = l.how.front();
    std::puts(j.dump(2, ' ', false, nlohmann::json::error_handler_t::replace).c_str());
  } else {
    if (l.how.front() != "key")
      std::printf("'%s' read as: %s\n", EscapeForTerminal(args.text, 80).c_str(), l.how.front().c_str());
    PrintTable(**w, *l.states.front(), on);
  }
  return kExitOk;
}

struct ConvertArgs {
  std::string code, from, to, on;
};

int RunConvert(const ConvertArgs& args) {
  Result<Scheme> from = world::ParseScheme(args.from);
  Result<Scheme> to = world::ParseScheme(args.to);
  for (const Result<Scheme>* r : {&from, &to}) {
    if (!r->ok()) {
      PrintError("convert", r->status().message());
      return kExitUsage;
    }
  }
  std::optional<Date> on;
  if (!ParseDateOption("convert", "--on", args.on, &on)) return kExitUsage;
  Result<std::shared_ptr<const World>> w = LoadWorld("convert");
  if (!w.ok()) return kExitError;
  Result<std::string> out = (*w)->Convert(args.code, *from, *to, on);
  if (!out.ok()) {
    PrintError("convert", out.status().message());
    return kExitError;
  }
  std::printf("%s\n", out->c_str());
  return kExitOk;
}

constexpr const char* kSchemeHelp =
    "iso2, iso3, isonum, iso4, cow, cowc, gw, gwc, cameo, fips, wikidata";

void AddWorldCommands(CLI::App& app) {
  auto sargs = std::make_shared<StateArgs>();
  CLI::App* state = app.add_subcommand(
      "state", "Show a state: codes in every scheme, names, capital, spells, predecessors");
  state->add_option("name_or_code", sargs->text, "a name (any language), key or code")->required();
  state->add_option("--as-of", sargs->as_of, "show the codes and names valid on this date");
  state->add_option("--format", sargs->format, "table (default) or json")
      ->check(CLI::IsMember({"table", "json"}));
  state->callback([sargs] { SetExitCode(RunState(*sargs)); });

  auto cargs = std::make_shared<ConvertArgs>();
  CLI::App* convert = app.add_subcommand("convert", "Convert a state code between schemes");
  convert->add_option("code", cargs->code, "the code to convert (703, KYR, KG ...)")->required();
  convert->add_option("--from", cargs->from, kSchemeHelp)->required();
  convert->add_option("--to", cargs->to, kSchemeHelp)->required();
  convert->add_option("--on", cargs->on, "date the code is valid on (codes changed over time)");
  convert->callback([cargs] { SetExitCode(RunConvert(*cargs)); });
}

const CommandGroup kWorldGroup(10, AddWorldCommands);

}  // namespace
}  // namespace dyad::cli
