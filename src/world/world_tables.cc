// The project's own tables in data/world/ (formats: docs/formats/world-tables.md).
#include <fmt/format.h>

#include <algorithm>
#include <cstdlib>

#include "base/file.h"
#include "base/unicode.h"
#include "world/world_loader_internal.h"

namespace dyad::world::internal {
namespace {

std::vector<std::string> SplitTabs(std::string_view line) {
  std::vector<std::string> cells;
  size_t start = 0;
  while (true) {
    size_t tab = line.find('\t', start);
    cells.emplace_back(line.substr(start, tab - start));
    if (tab == std::string_view::npos) break;
    start = tab + 1;
  }
  return cells;
}

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

Result<TsvTable> TsvTable::Read(const std::string& path, const std::vector<std::string>& required) {
  DYAD_ASSIGN_OR_RETURN(std::string text, ReadFile(path));
  size_t bad = 0;
  if (Status s = ValidateUtf8(text, &bad); !s.ok())
    return Status::Corruption(fmt::format("{}: invalid UTF-8 at byte {}", path, bad));
  TsvTable t;
  t.path_ = path;
  size_t pos = 0;
  uint64_t line_no = 0;
  bool have_header = false;
  size_t width = 0;
  while (pos < text.size()) {
    size_t nl = text.find('\n', pos);
    std::string_view line(text.data() + pos, (nl == std::string::npos ? text.size() : nl) - pos);
    pos = nl == std::string::npos ? text.size() : nl + 1;
    ++line_no;
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (line.empty() || line.front() == '#') continue;
    std::vector<std::string> cells = SplitTabs(line);
    if (!have_header) {
      for (size_t i = 0; i < cells.size(); ++i) t.columns_.emplace(cells[i], i);
      width = cells.size();
      have_header = true;
      continue;
    }
    if (cells.size() != width) {
      return Status::Corruption(fmt::format("{}:{}: expected {} columns, got {}", path, line_no,
                                            width, cells.size()));
    }
    t.rows_.push_back(std::move(cells));
    t.lines_.push_back(line_no);
  }
  if (!have_header) return Status::Corruption(fmt::format("{}: no header row", path));
  for (const std::string& col : required) {
    if (!t.columns_.count(col))
      return Status::Corruption(fmt::format("{}: missing column '{}'", path, col));
  }
  if (t.columns_.count("source")) {
    for (size_t r = 0; r < t.rows_.size(); ++r) {
      if (t.Cell(r, "source").empty())
        return Status::Corruption(fmt::format("{}: empty source", t.Where(r)));
    }
  }
  return t;
}

const std::string& TsvTable::Cell(size_t row, std::string_view column) const {
  static const std::string kEmpty;
  auto it = columns_.find(std::string(column));
  return it == columns_.end() ? kEmpty : rows_[row][it->second];
}

std::string TsvTable::Where(size_t row) const { return fmt::format("{}:{}", path_, lines_[row]); }

Result<std::optional<Date>> TsvTable::DateCell(size_t row, std::string_view column) const {
  const std::string& text = Cell(row, column);
  if (text.empty()) return std::optional<Date>();
  Result<Date> d = Date::ParseIso(text);
  if (!d.ok()) {
    return Status::Corruption(
        fmt::format("{}: column {}: {}", Where(row), column, d.status().message()));
  }
  return std::optional<Date>(*d);
}

Result<double> TsvTable::NumberCell(size_t row, std::string_view column) const {
  const std::string& text = Cell(row, column);
  char* end = nullptr;
  double v = std::strtod(text.c_str(), &end);
  if (text.empty() || end != text.c_str() + text.size()) {
    return Status::Corruption(
        fmt::format("{}: column {}: '{}' is not a number", Where(row), column, text));
  }
  return v;
}

Result<Interval> TsvTable::IntervalCells(size_t row, std::string_view start,
                                         std::string_view end) const {
  DYAD_ASSIGN_OR_RETURN(std::optional<Date> from, DateCell(row, start));
  DYAD_ASSIGN_OR_RETURN(std::optional<Date> to, DateCell(row, end));
  Result<Interval> i = Interval::Make(from, to);
  if (!i.ok()) return Status::Corruption(fmt::format("{}: {}", Where(row), i.status().message()));
  return i;
}

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
