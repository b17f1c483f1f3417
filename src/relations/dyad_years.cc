#include "relations/dyad_years.h"

#include <fmt/format.h>

#include <algorithm>
#include <charconv>
#include <cmath>

#include "base/date.h"

namespace dyad::relations {
namespace {

// A table's rows by year (a counting sort of the row numbers), built once per export.
struct ByYear {
  const DyadTable* t = nullptr;
  int first = 0;
  std::vector<uint32_t> start;  // rows of year y: order[start[y - first] .. start[y - first + 1])
  std::vector<uint32_t> order;
  ByYear() = default;
  explicit ByYear(const DyadTable& table) : t(&table), first(table.min_year()) {
    size_t years = table.rows() == 0 ? 0 : table.max_year() - first + 1;
    start.assign(years + 1, 0);
    for (size_t r = 0; r < table.rows(); ++r) ++start[table.year(r) - first + 1];
    for (size_t y = 0; y < years; ++y) start[y + 1] += start[y];
    order.resize(table.rows());
    std::vector<uint32_t> next(start.begin(), start.end() - 1);
    for (size_t r = 0; r < table.rows(); ++r) order[next[table.year(r) - first]++] = static_cast<uint32_t>(r);
  }
  std::pair<const uint32_t*, const uint32_t*> Year(int y) const {
    if (t == nullptr || y < first || y - first + 1 >= static_cast<int>(start.size())) return {nullptr, nullptr};
    return {order.data() + start[y - first], order.data() + start[y - first + 1]};
  }
};

// One table joined to this year's members: cell[a * m + b] is the first row of (a, b)
// that year (-1: none); for undirected tables both cells point at the one row.
struct Joined {
  const DyadTable* t = nullptr;
  bool covered = false;
  std::vector<int> cols;
  std::vector<int32_t> cell;
  int32_t at(size_t a, size_t b, size_t m) const { return cell.empty() ? -1 : cell[a * m + b]; }
};

// Position of each of the table's keys among this year's members (-1: not a member).
std::vector<int> Positions(const DyadTable& t, const std::vector<SystemMember>& m) {
  std::vector<int> pos(t.keys().size(), -1);
  for (size_t i = 0; i < m.size(); ++i)
    if (uint16_t k = t.KeyIndex(m[i].key); k != kNoState) pos[k] = static_cast<int>(i);
  return pos;
}

Joined Join(const ByYear& by, const std::vector<SystemMember>& m, int year, std::initializer_list<std::string_view> cols,
            bool undirected) {
  Joined j;
  j.t = by.t;
  if (j.t == nullptr) return j;
  // Covered: from the first year with a row to the dataset's currency year.
  int last = j.t->max_year();
  if (auto cur = Date::ParseIso(j.t->meta().currency); cur.ok()) last = std::max(last, cur->year());
  j.covered = j.t->min_year() <= year && year <= last;
  for (auto c : cols) j.cols.push_back(j.t->Column(c));
  size_t n = m.size();
  j.cell.assign(n * n, -1);
  auto pos = Positions(*j.t, m);
  auto [lo, hi] = by.Year(year);
  for (const uint32_t* r = lo; r != hi; ++r) {
    int pa = pos[j.t->a_index(*r)], pb = j.t->b_index(*r) == kNoState ? -1 : pos[j.t->b_index(*r)];
    if (pa < 0 || pb < 0) continue;
    int32_t& c = j.cell[pa * n + pb];
    if (c < 0 || static_cast<int32_t>(*r) < c) c = static_cast<int32_t>(*r);
    if (undirected) j.cell[pb * n + pa] = c;
  }
  return j;
}

// Contiguity: the closest type (> 0) of any spell overlapping the year, per member pair.
std::vector<int> ContiguityCells(const DyadTable* t, const std::vector<SystemMember>& m, int year) {
  size_t n = m.size();
  std::vector<int> best(n * n, 0);
  if (t == nullptr) return best;
  auto pos = Positions(*t, m);
  int ct = t->Column("conttype"), cs = t->Column("start_day"), ce = t->Column("end_day");
  int32_t first = DaysFromCivil(year, 1, 1), last = DaysFromCivil(year, 12, 31);
  for (size_t r = 0; r < t->rows(); ++r) {
    int pa = pos[t->a_index(r)], pb = pos[t->b_index(r)];
    int type = static_cast<int>(t->Value(r, ct));
    // A type-0 spell records that they are not contiguous: it never hides a closer one.
    if (pa < 0 || pb < 0 || type <= 0 || t->Value(r, cs) > last || t->Value(r, ce) < first) continue;
    int& b = best[pa * n + pb];
    if (b == 0 || type < b) b = type;
  }
  return best;
}

struct Writer {
  ExportFormat format;
  std::string buf;
  size_t field = 0;
  const std::vector<std::string_view>* names;

  void Begin() {
    field = 0;
    if (format == ExportFormat::kNdjson) buf.push_back('{');
  }
  void Sep() {
    if (field > 0) buf.push_back(format == ExportFormat::kTsv ? '\t' : ',');
    if (format == ExportFormat::kNdjson) fmt::format_to(std::back_inserter(buf), "\"{}\":", (*names)[field]);
    ++field;
  }
  void Empty() {
    Sep();
    if (format == ExportFormat::kNdjson) buf += "null";
  }
  void Int(int64_t v) {
    Sep();
    char tmp[24];
    auto r = std::to_chars(tmp, tmp + sizeof tmp, v);
    buf.append(tmp, r.ptr);
  }
  void Num(double v) {
    if (std::isnan(v)) return Empty();
    Sep();
    char tmp[32];
    auto r = std::to_chars(tmp, tmp + sizeof tmp, v);  // shortest form that reads back exactly
    buf.append(tmp, r.ptr);
  }
  void Key(std::string_view k) {
    Sep();
    if (format == ExportFormat::kNdjson) fmt::format_to(std::back_inserter(buf), "\"{}\"", k);
    else buf += k;  // world keys are [A-Z0-9-]: no quoting needed
  }
  void End() { buf += format == ExportFormat::kNdjson ? "}\n" : "\n"; }
};

void Flag(Writer& w, const Joined& j, bool v) {
  if (!j.covered) return w.Empty();
  w.Int(v ? 1 : 0);
}

struct YearJoin {
  std::vector<Joined> j;  // atop, trade, unvotes, igo, mid
  std::vector<int> contiguity;
  bool contiguity_covered = false;
};

void WriteRow(Writer& w, int year, const std::vector<SystemMember>& m, size_t a, size_t b, const YearJoin& y) {
  const auto& j = y.j;
  size_t n = m.size();
  w.Begin();
  w.Int(year);
  w.Key(m[a].key);
  w.Key(m[b].key);
  w.Int(m[a].cow);
  w.Int(m[b].cow);
  // ATOP: a's obligations toward b.
  int32_t ar = j[0].at(a, b, n);
  for (int c = 0; c < 5; ++c) Flag(w, j[0], ar >= 0 && j[0].t->Value(ar, j[0].cols[c]) == 1);
  // Trade, stored once with the smaller key first: flow1 is that key's imports.
  bool swap = m[b].key < m[a].key;
  int32_t tr = j[1].at(a, b, n);
  double f1 = tr >= 0 ? j[1].t->Value(tr, j[1].cols[0]) : NAN;
  double f2 = tr >= 0 ? j[1].t->Value(tr, j[1].cols[1]) : NAN;
  w.Num(swap ? f2 : f1);
  w.Num(swap ? f1 : f2);
  // UN votes, undirected.
  int32_t ur = j[2].at(a, b, n);
  int both = ur >= 0 ? static_cast<int>(j[2].t->Value(ur, j[2].cols[0])) : 0;
  int agree = ur >= 0 ? static_cast<int>(j[2].t->Value(ur, j[2].cols[1])) : 0;
  if (j[2].covered) w.Int(both); else w.Empty();
  if (j[2].covered && both > 0) w.Num(static_cast<double>(agree) / both); else w.Empty();
  // COW IGO, undirected.
  int32_t ir = j[3].at(a, b, n);
  if (!j[3].covered) w.Empty();
  else w.Int(ir >= 0 ? static_cast<int64_t>(j[3].t->Value(ir, j[3].cols[0])) : 0);
  // MID: any dispute-dyad-year row (one per dispute, adjacent), and any onset among them.
  int32_t mr = j[4].at(a, b, n);
  bool onset = false;
  if (mr >= 0) {
    const DyadTable& t = *j[4].t;
    for (size_t r = mr; r < t.rows() && t.a_index(r) == t.a_index(mr) && t.b_index(r) == t.b_index(mr) &&
                        t.year(r) == year; ++r)
      onset |= t.Value(r, j[4].cols[0]) == 1;
  }
  Flag(w, j[4], onset);
  Flag(w, j[4], mr >= 0);
  if (y.contiguity_covered) w.Int(y.contiguity[a * n + b]); else w.Empty();
  w.End();
}

}  // namespace

Result<ExportFormat> ParseExportFormat(std::string_view name) {
  if (name == "csv") return ExportFormat::kCsv;
  if (name == "tsv") return ExportFormat::kTsv;
  if (name == "ndjson") return ExportFormat::kNdjson;
  return Status::InvalidArgument(fmt::format("unknown format '{}' (csv, tsv or ndjson)", name));
}

const std::vector<std::string_view>& DyadYearColumns() {
  static const std::vector<std::string_view> kColumns = {
      "year", "a", "b", "cow_a", "cow_b", "atop_defense", "atop_offense", "atop_neutral", "atop_nonagg",
      "atop_consul", "trade_a_from_b", "trade_b_from_a", "un_votes_both", "un_agree", "cow_igo_shared",
      "mid_onset", "mid_ongoing", "contiguity"};
  return kColumns;
}

std::vector<SystemMember> CowSystem(const world::World& world, int year) {
  std::vector<SystemMember> out;
  auto on = Date::Make(year);
  if (!on.ok()) return out;
  for (const auto& s : world.states()) {
    bool member = false;
    for (const auto& sp : s.spells) member |= sp.system == "cow" && sp.valid.ContainsDate(*on);
    if (!member) continue;
    auto code = s.Code(world::Scheme::kCowNumeric, *on);
    int cow = 0;
    if (!code || std::from_chars(code->data(), code->data() + code->size(), cow).ec != std::errc()) continue;
    out.push_back({s.key, cow});
  }
  std::sort(out.begin(), out.end(), [](const auto& x, const auto& y) { return x.cow < y.cow; });
  // One member per COW code, as COW counts them: when two states held a code that year
  // (the USSR and Russia, 365, in 1991), the holder on 1 July, as the importers map it.
  auto mid = Date::Make(year, 7, 1);
  std::vector<SystemMember> unique;
  for (size_t i = 0; i < out.size();) {
    size_t k = i, pick = i;
    for (; k < out.size() && out[k].cow == out[i].cow; ++k) {
      const world::State* s = world.Find(out[k].key);
      if (mid.ok() && s != nullptr && s->ExistsOn(*mid) && s->Code(world::Scheme::kCowNumeric, *mid) == std::to_string(out[k].cow))
        pick = k;
    }
    unique.push_back(out[pick]);
    i = k;
  }
  return unique;
}

Result<uint64_t> WriteDyadYears(const world::World& world, const Relations& rel, const DyadYearsOptions& o,
                                const std::function<Status(std::string_view)>& sink) {
  if (o.from > o.to) return Status::InvalidArgument(fmt::format("--from {} is after --to {}", o.from, o.to));
  Writer w{o.format, {}, 0, &DyadYearColumns()};
  if (o.format != ExportFormat::kNdjson) {
    for (size_t i = 0; i < DyadYearColumns().size(); ++i) {
      if (i > 0) w.buf.push_back(o.format == ExportFormat::kTsv ? '\t' : ',');
      w.buf += DyadYearColumns()[i];
    }
    w.buf.push_back('\n');
  }
  uint64_t rows = 0;
  const char* names[] = {"atop", "cow-trade", "unvotes", "cow-igo", "mid"};
  std::vector<ByYear> by(5);
  for (int i = 0; i < 5; ++i)
    if (const DyadTable* t = rel.table(names[i])) by[i] = ByYear(*t);
  const DyadTable* cont = rel.table("contiguity");
  int cont_last = 0;
  if (cont != nullptr)
    if (auto cur = Date::ParseIso(cont->meta().currency); cur.ok()) cont_last = cur->year();
  for (int year = o.from; year <= o.to; ++year) {
    auto m = CowSystem(world, year);
    YearJoin y;
    y.j.push_back(Join(by[0], m, year, {"defense", "offense", "neutral", "nonagg", "consul"}, false));
    y.j.push_back(Join(by[1], m, year, {"flow1", "flow2"}, true));
    y.j.push_back(Join(by[2], m, year, {"votes_both", "agree"}, true));
    y.j.push_back(Join(by[3], m, year, {"dyadigos"}, true));
    y.j.push_back(Join(by[4], m, year, {"disponset"}, false));
    y.contiguity = ContiguityCells(cont, m, year);
    y.contiguity_covered = cont != nullptr && cont->min_year() <= year && year <= cont_last;
    for (size_t a = 0; a < m.size(); ++a)
      for (size_t b = 0; b < m.size(); ++b) {
        if (a == b || (o.undirected && m[a].cow >= m[b].cow)) continue;
        WriteRow(w, year, m, a, b, y);
        ++rows;
        if (w.buf.size() > (1u << 20)) {
          DYAD_RETURN_IF_ERROR(sink(w.buf));
          w.buf.clear();
        }
      }
  }
  DYAD_RETURN_IF_ERROR(sink(w.buf));
  return rows;
}

}  // namespace dyad::relations
