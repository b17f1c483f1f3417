// Wikidata embassies and consulates (database-of-embassies) to the "embassies" pack.
//
// File: `;`-separated, no quoting, a 26-name header ending in `;`, 25 fields per row.
// Per row (one mission, keyed by its QID):
//   entity  mission:wd-<QID>  kind mission, subkind from `type`, owner = operator state,
//           host = country state; place:wd-<cityQID> for the city (host = the country);
//           named by MissionName (the type, the registry's name of the sender, the city)
//   facts   mission_located_at (object the city, value the address, lat=/lon=) on the
//           snapshot date; accredited_to each other jurisdiction on the snapshot date;
//           mission_opened on `creation` when given (year precision when Wikidata wrote
//           January 1, the form its year-precision values take)
// QIDs map to states through the resolver on the labels the file gives for that QID
// (Wikidata QIDs are no scheme of the world registry): every label of a QID is tried, as
// of the snapshot date, until one resolves; labels that resolve to two states make the
// QID ambiguous. The snapshot date is the one in the file name.
#include <fmt/format.h>
#include <fmt/ranges.h>

#include <algorithm>
#include <map>
#include <set>
#include <vector>

#include "ingest/import_util.h"
#include "ingest/messy_date.h"
#include "ingest/kb_datasets_import.h"
#include "world/prose_name.h"

namespace dyad::ingest {
namespace {

constexpr std::string_view kPack = "embassies";
constexpr std::string_view kSource = "embassies:database-of-embassies";
constexpr std::string_view kScheme = "Wikidata QID";

enum Col {
  kOperator, kOperatorQid, kJurisdictions, kJurisdictionQids, kCountry, kCountryQid, kCity,
  kCityQid, kAddress, kLatitude, kLongitude, kType = 21, kTypeQid, kCreation, kQid,
  kFieldCount
};

std::vector<std::string_view> SplitBar(std::string_view s) {
  std::vector<std::string_view> out;
  if (s.empty()) return out;
  size_t start = 0;
  while (true) {
    size_t bar = s.find('|', start);
    out.push_back(s.substr(start, bar == std::string_view::npos ? bar : bar - start));
    if (bar == std::string_view::npos) return out;
    start = bar + 1;
  }
}

struct Row {
  uint64_t line = 0;  // in the file, for rejects
  uint64_t row = 0;   // data row, for records
  std::string raw;
  std::vector<std::string> f;
};

// Labels seen for each QID (operator, country and jurisdiction columns), in file order.
using Labels = std::map<std::string, std::vector<std::string>>;

void AddLabels(const Row& r, Labels* labels) {
  auto add = [&](std::string_view qid_url, std::string_view label) {
    auto& v = (*labels)[std::string(StripWikidataPrefix(qid_url))];
    if (std::find(v.begin(), v.end(), label) == v.end()) v.emplace_back(label);
  };
  add(r.f[kOperatorQid], r.f[kOperator]);
  add(r.f[kCountryQid], r.f[kCountry]);
  auto qids = SplitBar(r.f[kJurisdictionQids]);
  auto names = SplitBar(r.f[kJurisdictions]);
  for (size_t i = 0; i < qids.size() && i < names.size(); ++i) add(qids[i], names[i]);
}

class QidMap {
 public:
  QidMap(const world::Resolver& resolver, Date on, ImportResult* out)
      : resolver_(resolver), on_(on), out_(out) {}
  void Build(const Labels& labels);
  Result<std::string> Map(std::string_view qid_url);

 private:
  void Resolve(const std::string& qid, const std::vector<std::string>& labels);
  const world::Resolver& resolver_;
  Date on_;
  ImportResult* out_;
  std::map<std::string, std::string, std::less<>> key_;
  std::map<std::string, std::string, std::less<>> why_;
};

void QidMap::Resolve(const std::string& qid, const std::vector<std::string>& labels) {
  world::ResolveOptions opt;
  opt.on = on_;
  opt.allow_codes = false;
  opt.allow_demonyms = false;
  opt.other_languages = false;  // 'Salvador' (Bahia) is El Salvador only in Czech
  std::set<std::string> keys;
  std::string how;
  for (const std::string& label : labels) {
    world::Resolution r = resolver_.Resolve(label, opt);
    const world::Match* m = r.best();
    // A constituent country's own item (Scotland) is a sub-state actor, though the
    // resolver reads its name as the state in prose.
    if (m != nullptr && m->how.find("constituent") != std::string_view::npos) continue;
    if (m != nullptr) {
      if (keys.insert(m->state->key).second)
        how += fmt::format("{}'{}' ({})", how.empty() ? "" : ", ", label, m->how);
    }
  }
  std::string names = fmt::format("'{}'", fmt::join(labels, "', '"));
  if (keys.size() == 1) {
    key_[qid] = *keys.begin();
    out_->mapped[fmt::format("{} {}", kScheme, qid)] = fmt::format("{} via {}", *keys.begin(), how);
  } else if (keys.empty()) {
    why_[qid] = fmt::format("{} {} ({}) resolves to no state", kScheme, qid, names);
  } else {
    why_[qid] = fmt::format("{} {} ({}) resolves to {} states: {}", kScheme, qid, names,
                            keys.size(), fmt::join(keys, ", "));
  }
}

void QidMap::Build(const Labels& labels) {
  for (const auto& [qid, names] : labels) Resolve(qid, names);
}

Result<std::string> QidMap::Map(std::string_view qid_url) {
  std::string_view qid = StripWikidataPrefix(qid_url);
  if (auto it = key_.find(qid); it != key_.end()) return it->second;
  auto it = why_.find(qid);
  std::string why = it == why_.end() ? fmt::format("{} '{}' has no label", kScheme, qid) : it->second;
  UnmappedCode& u = out_->unmapped[std::string(kScheme)][std::string(qid)];
  u.reason = why;
  ++u.rows;
  return Status::NotFound(why);
}

// Reads every row (the base reader rejects rows without 25 fields); `counts` gets its counts.
Result<std::vector<Row>> ReadRows(const std::string& path, RejectSink* rejects, ReadCounts* counts) {
  CsvOptions options;
  options.delimiter = ';';
  options.quote = '\0';
  options.allow_trailing_empty_header = true;
  auto csv = CsvReader::Open(path, options, rejects);
  if (!csv.ok()) return csv.status();
  if ((*csv)->header().size() != kFieldCount || (*csv)->header()[kQid] != "QID")
    return Status::InvalidArgument(fmt::format(
        "{}:1: expected the 26-field header operator;...;QID; of database-of-embassies", path));
  std::vector<Row> rows;
  CsvRow row;
  while ((*csv)->Next(&row)) {
    Row r{(*csv)->line(), (*csv)->row(), "", {}};
    for (size_t i = 0; i < row.size(); ++i) {
      r.f.emplace_back(row[i]);
      r.raw += (i ? ";" : "") + r.f.back();
    }
    rows.push_back(std::move(r));
  }
  if (!(*csv)->status().ok()) return (*csv)->status();
  *counts = (*csv)->counts();
  return rows;
}

// "1927-01-01T00:00:00Z" -> 1927 (Wikidata writes year precision as January 1).
std::optional<Date> WikidataDate(const std::string& text, std::string* error) {
  MessyDate m = ParseMessyDate(text);
  if (m.bad()) *error = m.reason;
  if (!m.has_date()) return std::nullopt;
  Date d = *m.date;
  if (d.month() == 1 && d.day() == 1) return d.Truncated(DatePrecision::kYear);
  return d;
}

// ---- names of missions -------------------------------------------------------------------

// Types whose label already names the sender ("British High Commission").
bool TypeNamesSender(std::string_view type) {
  for (std::string_view p : {"British ", "Australian ", "Quebec ", "Taipei "})
    if (type.rfind(p, 0) == 0) return true;
  return false;
}

}  // namespace

// "Embassy of the United States in Bishkek": the type (without the sender some Wikidata
// types carry: "Embassy of the United States", "Consulate General of Sweden"), the
// sender's name in the world registry as it reads in prose, and the city (else the host).
// The operator's Wikidata label ("United States of America") is not used: with such a type
// it gave "Embassy of the United States of United States of America in Beijing".
std::string MissionName(std::string type, const std::string& sender, const std::string& place) {
  if (size_t of = type.find(" of "); of != std::string::npos) type.resize(of);
  if (type.empty()) type = "mission";
  if (type[0] >= 'a' && type[0] <= 'z') type[0] = static_cast<char>(type[0] - 32);
  if (TypeNamesSender(type)) return fmt::format("{} in {}", type, place);
  return fmt::format("{} of {} in {}", type, world::StateInText(sender), place);
}

namespace {

class Mapper {
 public:
  Mapper(const ImportInputs& in, std::string file, Date snapshot, ImportResult* out)
      : in_(in), file_(std::move(file)), snapshot_(snapshot), out_(out),
        qids_(*in.resolver, snapshot, out) {}
  void Run(const std::vector<Row>& rows);

 private:
  void MapRow(const Row& r);
  void Reject(const Row& r, int column, std::string_view kind, std::string_view message) {
    in_.rejects->Reject(file_, r.line, column, kind, message, r.raw, counts_);
  }
  void AddPlace(const Row& r, const std::string& host);
  void AddFacts(const Row& r, const std::string& id, const std::string& host);
  std::string Record(const Row& r) const {
    return fmt::format("{}:{}#{}", BaseName(file_), r.row, StripWikidataPrefix(r.f[kQid]));
  }

  const ImportInputs& in_;
  std::string file_;
  Date snapshot_;
  ImportResult* out_;
  QidMap qids_;
  ReadCounts* counts_ = nullptr;
  std::set<std::string> missions_, places_;
};

void Mapper::Run(const std::vector<Row>& rows) {
  counts_ = &out_->counts["embassies/row"];
  Labels labels;
  for (const Row& r : rows) AddLabels(r, &labels);
  qids_.Build(labels);
  for (const Row& r : rows) MapRow(r);
}

void Mapper::AddPlace(const Row& r, const std::string& host) {
  std::string qid(StripWikidataPrefix(r.f[kCityQid]));
  if (qid.empty() || !places_.insert(qid).second) return;
  kb::Entity p;
  p.id = "place:wd-" + qid;
  p.kind = kb::EntityKind::kPlace;
  p.subkind = "city";
  p.name = r.f[kCity].empty() ? qid : r.f[kCity];
  p.host = host;
  p.record = qid;
  p.sources = {std::string(kSource)};
  out_->pack.entities.push_back(std::move(p));
}

void Mapper::AddFacts(const Row& r, const std::string& id, const std::string& host) {
  const Interval on = Interval::Point(snapshot_);
  std::string city(StripWikidataPrefix(r.f[kCityQid]));
  kb::Fact at = MakeFact(id, kb::Relation::kMissionLocatedAt, city.empty() ? host : "place:wd-" + city,
                         on, Record(r), std::string(kSource));
  at.value = r.f[kAddress];
  if (!r.f[kLatitude].empty() && !r.f[kLongitude].empty())
    at.qualifiers = {{"lat", r.f[kLatitude]}, {"lon", r.f[kLongitude]}};
  out_->pack.facts.push_back(std::move(at));
  for (std::string_view j : SplitBar(r.f[kJurisdictionQids])) {
    auto key = qids_.Map(j);
    if (!key.ok() || *key == host) continue;
    out_->pack.facts.push_back(
        MakeFact(id, kb::Relation::kAccreditedTo, *key, on, Record(r), std::string(kSource)));
  }
  std::string error;
  if (auto opened = WikidataDate(r.f[kCreation], &error)) {
    out_->pack.facts.push_back(MakeFact(id, kb::Relation::kMissionOpened, host,
                                        Interval::Point(*opened), Record(r), std::string(kSource)));
  }
}

void Mapper::MapRow(const Row& r) {
  std::string qid(StripWikidataPrefix(r.f[kQid]));
  if (qid.empty()) return Reject(r, kQid + 1, "missing-id", "the mission has no QID");
  auto owner = qids_.Map(r.f[kOperatorQid]);
  if (!owner.ok()) return Reject(r, kOperatorQid + 1, "unmapped-code", owner.status().message());
  auto host = qids_.Map(r.f[kCountryQid]);
  if (!host.ok()) return Reject(r, kCountryQid + 1, "unmapped-code", host.status().message());
  if (*owner == *host)
    return Reject(r, kCountryQid + 1, "operator-is-host",
                  fmt::format("operator and country are both {}", *owner));
  std::string creation_error;
  WikidataDate(r.f[kCreation], &creation_error);
  if (!creation_error.empty()) return Reject(r, kCreation + 1, "bad-date", creation_error);
  if (!missions_.insert(qid).second) {
    ++counts_->duplicates;
    return;
  }
  kb::Entity m;
  m.id = "mission:wd-" + qid;
  m.kind = kb::EntityKind::kMission;
  std::string type = r.f[kType].substr(0, r.f[kType].find(" of "));  // "Embassy of the United States"
  m.subkind = type.empty() ? "mission" : Slug(type);
  const world::State* sender = in_.resolver->world().Find(*owner);
  m.name = MissionName(r.f[kType], sender ? sender->name : r.f[kOperator], r.f[kCity].empty() ? r.f[kCountry] : r.f[kCity]);
  m.owner = *owner;
  m.host = *host;
  m.record = Record(r);
  m.sources = {std::string(kSource)};
  AddPlace(r, *host);
  AddFacts(r, m.id, *host);
  out_->pack.entities.push_back(std::move(m));
  ++counts_->accepted;
}

// The snapshot date in "database_of_embassies_2022-11-16.csv.gz".
Result<Date> SnapshotDate(const std::string& path) {
  std::string name = BaseName(path);
  size_t us = name.rfind('_');
  if (us == std::string::npos || name.size() < us + 11)
    return Status::InvalidArgument(fmt::format("{}: no snapshot date in the file name", name));
  return Date::ParseIso(std::string_view(name).substr(us + 1, 10));
}

kb::Source MakeSource(const std::string& file, Date snapshot) {
  kb::Source s;
  s.id = std::string(kSource);
  s.title = fmt::format("Database of Embassies, generated from Wikidata, snapshot {}", snapshot.ToString());
  s.author = "database-of-embassies contributors; Wikidata contributors";
  s.publisher = "GitHub: database-of-embassies/database-of-embassies";
  s.url = "https://github.com/database-of-embassies/database-of-embassies";
  s.date = snapshot;
  s.licence = "CC0-1.0 (Wikidata content)";
  s.note = fmt::format("file {} (database_of_embassies.csv at commit "
                       "b1987a62f9412564fa33c5e9193a65319bc504a3, the 'Generated' commit of the "
                       "snapshot date); currency {}: the missions Wikidata listed that day",
                       BaseName(file), snapshot.ToString());
  return s;
}

}  // namespace

Result<ImportResult> ImportEmbassies(const ImportInputs& in) {
  if (in.resolver == nullptr) return Status::InvalidArgument("the embassies import needs the resolver");
  auto file = FindFile(in.dir, "database_of_embassies_");
  if (!file.ok()) return file.status();
  auto snapshot = SnapshotDate(*file);
  if (!snapshot.ok()) return snapshot.status();
  ImportResult out;
  out.pack.name = std::string(kPack);
  out.pack.sources.push_back(MakeSource(*file, *snapshot));
  auto rows = ReadRows(*file, in.rejects, &out.counts["embassies/row"]);
  if (!rows.ok()) return rows.status();
  Mapper(in, *file, *snapshot, &out).Run(*rows);
  return out;
}

}  // namespace dyad::ingest
