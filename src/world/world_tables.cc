// The project's own tables in data/world/ (formats: docs/formats/world-tables.md).
#include <fmt/format.h>

#include <algorithm>
#include <cstdlib>
#include <set>
#include <unordered_map>

#include "base/file.h"
#include "base/strings.h"
#include "base/unicode.h"
#include "base/tsv_table.h"
#include "world/world_loader_internal.h"

namespace dyad::world::internal {
namespace {

std::string TablePath(const std::string& dir, std::string_view file) {
  return fmt::format("{}/{}", dir, file);
}

// The named state, or NotFound naming the table row.
Result<State*> KnownState(LoadContext& ctx, const TsvTable& t, size_t row,
                          std::string_view column) {
  const std::string& key = t.Cell(row, column);
  State* state = ctx.Find(key);
  if (state == nullptr)
    return Status::NotFound(fmt::format("{}: unknown state key '{}'", t.Where(row), key));
  return state;
}

}  // namespace

Status LoadFormerStates(const std::string& dir, LoadContext& ctx) {
  DYAD_ASSIGN_OR_RETURN(
      TsvTable t, TsvTable::Read(TablePath(dir, "former_states.tsv"),
                                 {"key", "name", "official_name", "start", "end", "capital",
                                  "capital_lat", "capital_lon", "source"}));
  for (size_t r = 0; r < t.size(); ++r) {
    const std::string& key = t.Cell(r, "key");
    if (ctx.Find(key) != nullptr)
      return Status::Corruption(fmt::format("{}: state '{}' already exists", t.Where(r), key));
    State& s = ctx.GetOrAdd(key);
    s.kind = StateKind::kFormer;
    s.name = t.Cell(r, "name");
    s.official_name = t.Cell(r, "official_name");
    DYAD_ASSIGN_OR_RETURN(s.existence, t.IntervalCells(r, "start", "end"));
    s.capital = t.Cell(r, "capital");
    if (!t.Cell(r, "capital_lat").empty()) {
      DYAD_ASSIGN_OR_RETURN(s.capital_lat, t.NumberCell(r, "capital_lat"));
      DYAD_ASSIGN_OR_RETURN(s.capital_lon, t.NumberCell(r, "capital_lon"));
    }
    const std::string& source = t.Cell(r, "source");
    AddName(s, s.name, "en", NameKind::kShort, source);
    if (s.official_name != s.name) AddName(s, s.official_name, "en", NameKind::kOfficial, source);
    AddSource(s, source);
  }
  return Status::OK();
}

Status LoadStatus(const std::string& dir, LoadContext& ctx) {
  DYAD_ASSIGN_OR_RETURN(TsvTable t, TsvTable::Read(TablePath(dir, "status.tsv"),
                                                   {"key", "kind", "name", "source"}));
  for (size_t r = 0; r < t.size(); ++r) {
    const std::string& kind = t.Cell(r, "kind");
    if (kind != "sovereign" && kind != "territory") {
      return Status::Corruption(fmt::format("{}: kind must be sovereign or territory, not '{}'",
                                            t.Where(r), kind));
    }
    State& s = ctx.GetOrAdd(t.Cell(r, "key"));
    s.kind = kind == "sovereign" ? StateKind::kSovereign : StateKind::kTerritory;
    if (s.name.empty()) {
      s.name = s.official_name = t.Cell(r, "name");
      AddName(s, s.name, "en", NameKind::kShort, t.Cell(r, "source"));
    }
    AddSource(s, t.Cell(r, "source"));
  }
  return Status::OK();
}

namespace {

// English demonyms and adjectives (folded) -> the keys of the states holding them.
std::unordered_map<std::string, std::set<std::string>> NationalityHolders(LoadContext& ctx) {
  std::unordered_map<std::string, std::set<std::string>> out;
  for (const State& s : ctx.states())
    for (const Name& n : s.names)
      if (n.lang == "en" && (n.kind == NameKind::kDemonym || n.kind == NameKind::kAdjective))
        out[AsciiLower(n.text)].insert(s.key);
  return out;
}

}  // namespace

// nationality.tsv: key, kind (demonym | adjective), text, source; derived from the World
// Factbook by scripts/import_nationality.py. A form another state already holds (the
// Factbook's "Chinese" for Taiwan, "Dutch" for Curacao) is left to that state.
Status LoadNationality(const std::string& dir, LoadContext& ctx) {
  DYAD_ASSIGN_OR_RETURN(TsvTable t, TsvTable::Read(TablePath(dir, "nationality.tsv"),
                                                   {"key", "kind", "text", "source"}));
  const auto holders = NationalityHolders(ctx);
  for (size_t r = 0; r < t.size(); ++r) {
    const std::string& kind = t.Cell(r, "kind");
    if (kind != "demonym" && kind != "adjective") {
      return Status::Corruption(fmt::format("{}: kind must be demonym or adjective, not '{}'",
                                            t.Where(r), kind));
    }
    DYAD_ASSIGN_OR_RETURN(State * s, KnownState(ctx, t, r, "key"));
    const std::string& text = t.Cell(r, "text");
    auto h = holders.find(AsciiLower(text));
    if (h != holders.end() && !h->second.count(s->key)) continue;
    AddName(*s, text, "en", kind == "demonym" ? NameKind::kDemonym : NameKind::kAdjective,
            t.Cell(r, "source"));
  }
  return Status::OK();
}

// capitals.tsv: key, capital, lat, lon, source. The coordinates belong to the named
// capital, so the name replaces world-countries' when they differ.
Status LoadCapitals(const std::string& dir, LoadContext& ctx) {
  DYAD_ASSIGN_OR_RETURN(TsvTable t, TsvTable::Read(TablePath(dir, "capitals.tsv"),
                                                   {"key", "capital", "lat", "lon", "source"}));
  for (size_t r = 0; r < t.size(); ++r) {
    DYAD_ASSIGN_OR_RETURN(State * s, KnownState(ctx, t, r, "key"));
    s->capital = t.Cell(r, "capital");
    DYAD_ASSIGN_OR_RETURN(s->capital_lat, t.NumberCell(r, "lat"));
    DYAD_ASSIGN_OR_RETURN(s->capital_lon, t.NumberCell(r, "lon"));
    AddSource(*s, t.Cell(r, "source"));
  }
  return Status::OK();
}

// cow.tsv (key, ccode, stateabb, ...) and gw.tsv (key, gwcode, gwc, ...): each row is a
// spell of system membership and, over the same interval, of both codes.
Status LoadSystemTable(const std::string& dir, std::string_view system, LoadContext& ctx) {
  const bool cow = system == "cow";
  const std::string num_col = cow ? "ccode" : "gwcode";
  const std::string alpha_col = cow ? "stateabb" : "gwc";
  DYAD_ASSIGN_OR_RETURN(
      TsvTable t, TsvTable::Read(TablePath(dir, fmt::format("{}.tsv", system)),
                                 {"key", num_col, alpha_col, "start", "end", "source"}));
  for (size_t r = 0; r < t.size(); ++r) {
    DYAD_ASSIGN_OR_RETURN(State * s, KnownState(ctx, t, r, "key"));
    DYAD_ASSIGN_OR_RETURN(Interval valid, t.IntervalCells(r, "start", "end"));
    const std::string& source = t.Cell(r, "source");
    AddCode(*s, cow ? Scheme::kCowNumeric : Scheme::kGwNumeric, t.Cell(r, num_col), valid, source);
    AddCode(*s, cow ? Scheme::kCowAlpha : Scheme::kGwAlpha, t.Cell(r, alpha_col), valid, source);
    s->spells.push_back(SystemSpell{std::string(system), valid, source});
    AddSource(*s, source);
  }
  return Status::OK();
}

// cameo.tsv, fips.tsv: key, code, start, end, source, note.
Status LoadCodeTable(const std::string& dir, Scheme scheme, LoadContext& ctx) {
  DYAD_ASSIGN_OR_RETURN(
      TsvTable t, TsvTable::Read(TablePath(dir, fmt::format("{}.tsv", SchemeName(scheme))),
                                 {"key", "code", "start", "end", "source"}));
  for (size_t r = 0; r < t.size(); ++r) {
    DYAD_ASSIGN_OR_RETURN(State * s, KnownState(ctx, t, r, "key"));
    DYAD_ASSIGN_OR_RETURN(Interval valid, t.IntervalCells(r, "start", "end"));
    AddCode(*s, scheme, t.Cell(r, "code"), valid, t.Cell(r, "source"));
    AddSource(*s, t.Cell(r, "source"));
  }
  return Status::OK();
}

Status LoadHistoricalNames(const std::string& dir, LoadContext& ctx) {
  DYAD_ASSIGN_OR_RETURN(TsvTable t,
                        TsvTable::Read(TablePath(dir, "historical_names.tsv"),
                                       {"key", "name", "lang", "start", "end", "source"}));
  for (size_t r = 0; r < t.size(); ++r) {
    DYAD_ASSIGN_OR_RETURN(State * s, KnownState(ctx, t, r, "key"));
    DYAD_ASSIGN_OR_RETURN(Interval valid, t.IntervalCells(r, "start", "end"));
    AddName(*s, t.Cell(r, "name"), t.Cell(r, "lang"), NameKind::kHistorical, t.Cell(r, "source"),
            valid);
  }
  return Status::OK();
}

// links.tsv: from, to, date, note, source. Each row is a successor link on `from` and the
// matching predecessor link on `to`.
Status LoadLinks(const std::string& dir, LoadContext& ctx) {
  DYAD_ASSIGN_OR_RETURN(TsvTable t, TsvTable::Read(TablePath(dir, "links.tsv"),
                                                   {"from", "to", "date", "note", "source"}));
  for (size_t r = 0; r < t.size(); ++r) {
    DYAD_ASSIGN_OR_RETURN(State * from, KnownState(ctx, t, r, "from"));
    DYAD_ASSIGN_OR_RETURN(State * to, KnownState(ctx, t, r, "to"));
    DYAD_ASSIGN_OR_RETURN(std::optional<Date> date, t.DateCell(r, "date"));
    const std::string& note = t.Cell(r, "note");
    const std::string& source = t.Cell(r, "source");
    from->links.push_back(Link{LinkKind::kSuccessor, to->key, date, note, source});
    to->links.push_back(Link{LinkKind::kPredecessor, from->key, date, note, source});
  }
  return Status::OK();
}

void FinishStates(std::vector<State>& states) {
  for (State& s : states) {
    std::optional<Date> first;
    for (const SystemSpell& spell : s.spells) {
      if (spell.valid.start() && (!first || *spell.valid.start() < *first))
        first = spell.valid.start();
    }
    if (first && s.kind != StateKind::kFormer && s.existence.open_start())
      s.existence = Interval::Since(*first);
    std::sort(s.spells.begin(), s.spells.end(), [](const SystemSpell& a, const SystemSpell& b) {
      if (a.system != b.system) return a.system < b.system;
      return a.valid.start() < b.valid.start();
    });
  }
}

}  // namespace dyad::world::internal
