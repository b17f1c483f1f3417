#include "relations/dyad_years.h"

#include <fmt/format.h>

#include <algorithm>
#include <charconv>
#include <cmath>

#include "base/date.h"

namespace dyad::relations {
namespace {

// One table's key indexes for this year's members, and whether the year is covered.
struct Joined {
  const DyadTable* t = nullptr;
  std::vector<uint16_t> idx;
  bool covered = false;
  std::vector<int> cols;
};

Joined Join(const Relations& rel, std::string_view name, const std::vector<SystemMember>& m, int year,
            std::initializer_list<std::string_view> cols) {
  Joined j;
  j.t = rel.table(name);
  if (j.t == nullptr) return j;
  // Covered: from the first year with a row to the dataset's currency year (a contiguity
  // spell's row is dated by its start, so the last row's year is not the end of coverage).
  int last = j.t->max_year();
  if (auto cur = Date::ParseIso(j.t->meta().currency); cur.ok()) last = std::max(last, cur->year());
  j.covered = j.t->min_year() <= year && year <= last;
  for (const auto& s : m) j.idx.push_back(j.t->KeyIndex(s.key));
  for (auto c : cols) j.cols.push_back(j.t->Column(c));
  return j;
}

// The rows of (a, b) in `year`, as an empty range when either key is absent.
std::pair<size_t, size_t> Rows(const Joined& j, size_t a, size_t b, int year) {
  if (j.t == nullptr || j.idx[a] == kNoState || j.idx[b] == kNoState) return {0, 0};
  return j.t->RangeIdx(j.idx[a], j.idx[b], year);
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
    fmt::format_to(std::back_inserter(buf), "{}", v);
  }
  void Num(double v) {
    if (std::isnan(v)) return Empty();
    Sep();
    fmt::format_to(std::back_inserter(buf), "{}", v);
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

void WriteRow(Writer& w, int year, const std::vector<SystemMember>& m, size_t a, size_t b,
              const std::vector<Joined>& j) {
  w.Begin();
  w.Int(year);
  w.Key(m[a].key);
  w.Key(m[b].key);
  w.Int(m[a].cow);
  w.Int(m[b].cow);
  // ATOP: a's obligations toward b.
  auto [alo, ahi] = Rows(j[0], a, b, year);
  for (int c = 0; c < 5; ++c) Flag(w, j[0], alo < ahi && j[0].t->Value(alo, j[0].cols[c]) == 1);
  // Trade, stored with the smaller key first.
  bool swap = m[b].key < m[a].key;
  auto [tlo, thi] = swap ? Rows(j[1], b, a, year) : Rows(j[1], a, b, year);
  double f1 = tlo < thi ? j[1].t->Value(tlo, j[1].cols[0]) : NAN;
  double f2 = tlo < thi ? j[1].t->Value(tlo, j[1].cols[1]) : NAN;
  w.Num(swap ? f2 : f1);
  w.Num(swap ? f1 : f2);
  // UN votes, undirected.
  auto [ulo, uhi] = swap ? Rows(j[2], b, a, year) : Rows(j[2], a, b, year);
  int both = ulo < uhi ? static_cast<int>(j[2].t->Value(ulo, j[2].cols[0])) : 0;
  int agree = ulo < uhi ? static_cast<int>(j[2].t->Value(ulo, j[2].cols[1])) : 0;
  if (j[2].covered) w.Int(both); else w.Empty();
  if (j[2].covered && both > 0) w.Num(static_cast<double>(agree) / both); else w.Empty();
  // COW IGO, undirected.
  auto [ilo, ihi] = swap ? Rows(j[3], b, a, year) : Rows(j[3], a, b, year);
  if (!j[3].covered) w.Empty();
  else w.Int(ilo < ihi ? static_cast<int64_t>(j[3].t->Value(ilo, j[3].cols[0])) : 0);
  // MID: any dispute-dyad-year row, and any onset among them.
  auto [mlo, mhi] = Rows(j[4], a, b, year);
  bool onset = false;
  for (size_t r = mlo; r < mhi; ++r) onset |= j[4].t->Value(r, j[4].cols[0]) == 1;
  Flag(w, j[4], onset);
  Flag(w, j[4], mlo < mhi);
  // Contiguity: the closest type of any spell overlapping the year.
  if (!j[5].covered) {
    w.Empty();
  } else {
    auto [clo, chi] = Rows(j[5], a, b, -1);
    int32_t first = DaysFromCivil(year, 1, 1), last = DaysFromCivil(year, 12, 31);
    int best = 0;
    for (size_t r = clo; r < chi; ++r) {
      int type = static_cast<int>(j[5].t->Value(r, j[5].cols[0]));
      // A type-0 spell records that they are not contiguous: it never hides a closer one.
      if (type > 0 && j[5].t->Value(r, j[5].cols[1]) <= last && j[5].t->Value(r, j[5].cols[2]) >= first &&
          (best == 0 || type < best))
        best = type;
    }
    w.Int(best);
  }
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
  return out;
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
  for (int year = o.from; year <= o.to; ++year) {
    auto m = CowSystem(world, year);
    std::vector<Joined> j = {
        Join(rel, "atop", m, year, {"defense", "offense", "neutral", "nonagg", "consul"}),
        Join(rel, "cow-trade", m, year, {"flow1", "flow2"}),
        Join(rel, "unvotes", m, year, {"votes_both", "agree"}),
        Join(rel, "cow-igo", m, year, {"dyadigos"}),
        Join(rel, "mid", m, year, {"disponset"}),
        Join(rel, "contiguity", m, year, {"conttype", "start_day", "end_day"}),
    };
    for (size_t a = 0; a < m.size(); ++a)
      for (size_t b = 0; b < m.size(); ++b) {
        if (a == b || (o.undirected && m[a].cow >= m[b].cow)) continue;
        WriteRow(w, year, m, a, b, j);
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
