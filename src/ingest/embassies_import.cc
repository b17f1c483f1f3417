// Wikidata embassies and consulates (database-of-embassies) to the "embassies" pack.
//
// File: `;`-separated, no quoting, a 26-name header ending in `;`, 25 fields per row.
// Per row (one mission, keyed by its QID):
//   entity  mission:wd-<QID>  kind mission, subkind from `type`, owner = operator state,
//           host = country state; place:wd-<cityQID> for the city (host = the country);
//           named by MissionName (the type, the registry's name of the sender, the city)
//   city    the city, not its district (CityOf): "2nd arrondissement of Marseille" is
//           Marseille; a place within 20 km of the host's capital (world registry
//           coordinates) that is not the capital's name ("Mitte") is the capital; a mission
//           with coordinates and no city is in the city of the nearest mission of the file
//           in the same country within 10 km. A city so found is place:city-<host>-<slug>,
//           the district kept as district= on the location fact.
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
#include <charconv>
#include <cmath>
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
  // The state of a QID without counting a failure (for looking ahead at rows).
  std::optional<std::string> Find(std::string_view qid_url) const {
    auto it = key_.find(StripWikidataPrefix(qid_url));
    return it == key_.end() ? std::nullopt : std::optional<std::string>(it->second);
  }

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

// ---- cities --------------------------------------------------------------------------------

// Great-circle distance in km.
double DistanceKm(double lat1, double lon1, double lat2, double lon2) {
  constexpr double kRad = 3.14159265358979323846 / 180.0;
  const double dlat = (lat2 - lat1) * kRad, dlon = (lon2 - lon1) * kRad;
  const double h = std::sin(dlat / 2) * std::sin(dlat / 2) +
                   std::cos(lat1 * kRad) * std::cos(lat2 * kRad) * std::sin(dlon / 2) * std::sin(dlon / 2);
  return 2 * 6371.0 * std::asin(std::min(1.0, std::sqrt(h)));
}

std::optional<std::pair<double, double>> Coordinates(const std::vector<std::string>& f) {
  double lat = 0, lon = 0;
  const std::string& a = f[kLatitude];
  const std::string& b = f[kLongitude];
  if (a.empty() || b.empty()) return std::nullopt;
  if (std::from_chars(a.data(), a.data() + a.size(), lat).ec != std::errc() ||
      std::from_chars(b.data(), b.data() + b.size(), lon).ec != std::errc())
    return std::nullopt;
  return std::pair(lat, lon);
}

// "2nd arrondissement of Marseille" -> "Marseille" (Wikidata places many missions in a
// city's arrondissement); "" when `place` names no arrondissement.
std::string ArrondissementCity(const std::string& place) {
  static constexpr std::string_view kOf = " arrondissement of ";
  const size_t at = place.find(kOf);
  if (at == std::string::npos || at == 0 || !std::isdigit(static_cast<unsigned char>(place[0]))) return "";
  return place.substr(at + kOf.size());
}

// The city the file's own rows place at a point: the nearest row of the same country with
// a city and coordinates, within 10 km.
struct CityPoint {
  std::string host, city;
  double lat, lon;
};

}  // namespace

struct MissionCity {
  std::string name;      // the city ("" unknown)
  std::string district;  // the place the file names when it is a part of the city
};

namespace {

class CityFinder {
 public:
  CityFinder(const world::World& world, Date on) : world_(world), on_(on) {}
  void Add(const std::string& host, const std::string& city, const std::vector<std::string>& f);
  MissionCity Find(const std::string& host, const std::vector<std::string>& f) const;

 private:
  std::string Capital(const std::string& host, double lat, double lon, double km) const;
  std::string Nearest(const std::string& host, double lat, double lon) const;
  const world::World& world_;
  Date on_;
  std::vector<CityPoint> points_;
};

void CityFinder::Add(const std::string& host, const std::string& city, const std::vector<std::string>& f) {
  auto at = Coordinates(f);
  if (at && !city.empty()) points_.push_back({host, city, at->first, at->second});
}

// The host's capital when (lat, lon) lies within `km` of it.
std::string CityFinder::Capital(const std::string& host, double lat, double lon, double km) const {
  const world::State* s = world_.Find(host);
  if (s == nullptr || s->capital.empty() || !s->capital_lat || !s->capital_lon) return "";
  return DistanceKm(lat, lon, *s->capital_lat, *s->capital_lon) <= km ? s->capital : "";
}

std::string CityFinder::Nearest(const std::string& host, double lat, double lon) const {
  const CityPoint* best = nullptr;
  double best_km = 10.0;
  for (const CityPoint& p : points_) {
    if (p.host != host) continue;
    const double km = DistanceKm(lat, lon, p.lat, p.lon);
    if (km <= best_km) best = &p, best_km = km;
  }
  return best ? best->city : "";
}

MissionCity CityFinder::Find(const std::string& host, const std::vector<std::string>& f) const {
  const std::string& place = f[kCity];
  if (std::string city = ArrondissementCity(place); !city.empty()) return {city, place};
  auto at = Coordinates(f);
  if (!at) return {place, ""};
  std::string capital = Capital(host, at->first, at->second, 20.0);
  if (!place.empty()) return capital.empty() || capital == place ? MissionCity{place, ""} : MissionCity{capital, place};
  std::string near = Nearest(host, at->first, at->second);
  if (std::string city = ArrondissementCity(near); !city.empty()) near = city;
  if (!near.empty() && !capital.empty() && near != capital) near = capital;  // a district of the capital
  return {near.empty() ? capital : near, ""};
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
  std::string AddPlace(const Row& r, const std::string& host, const MissionCity& city);
  void AddFacts(const Row& r, const std::string& id, const std::string& host, const std::string& place,
                const MissionCity& city);
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
  CityFinder cities_{in_.resolver->world(), snapshot_};
};

void Mapper::Run(const std::vector<Row>& rows) {
  counts_ = &out_->counts["embassies/row"];
  Labels labels;
  for (const Row& r : rows) AddLabels(r, &labels);
  qids_.Build(labels);
  for (const Row& r : rows)
    if (auto host = qids_.Find(r.f[kCountryQid])) cities_.Add(*host, r.f[kCity], r.f);
  for (const Row& r : rows) MapRow(r);
}

// The place entity of the mission's city: the file's (place:wd-<cityQID>) when it names the
// city itself, else place:city-<host>-<slug> named by the city found (CityOf); "" unknown.
std::string Mapper::AddPlace(const Row& r, const std::string& host, const MissionCity& city) {
  std::string qid(StripWikidataPrefix(r.f[kCityQid]));
  const bool own = !qid.empty() && city.district.empty() && city.name == r.f[kCity];
  if (!own && city.name.empty()) return "";
  const std::string id = own ? "place:wd-" + qid : fmt::format("place:city-{}-{}", Slug(host), Slug(city.name));
  if (!places_.insert(id).second) return id;
  kb::Entity p;
  p.id = id;
  p.kind = kb::EntityKind::kPlace;
  p.subkind = "city";
  p.name = own && r.f[kCity].empty() ? qid : city.name;
  p.host = host;
  p.record = own ? qid : Record(r);
  p.sources = {std::string(kSource)};
  out_->pack.entities.push_back(std::move(p));
  return id;
}

void Mapper::AddFacts(const Row& r, const std::string& id, const std::string& host, const std::string& place,
                      const MissionCity& city) {
  const Interval on = Interval::Point(snapshot_);
  kb::Fact at = MakeFact(id, kb::Relation::kMissionLocatedAt, place.empty() ? host : place, on, Record(r),
                         std::string(kSource));
  at.value = r.f[kAddress];
  if (!r.f[kLatitude].empty() && !r.f[kLongitude].empty())
    at.qualifiers = {{"lat", r.f[kLatitude]}, {"lon", r.f[kLongitude]}};
  if (!city.district.empty()) at.qualifiers.push_back({"district", city.district});
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
  const MissionCity city = cities_.Find(*host, r.f);
  m.name = MissionName(r.f[kType], sender ? sender->name : r.f[kOperator], city.name.empty() ? r.f[kCountry] : city.name);
  m.owner = *owner;
  m.host = *host;
  m.record = Record(r);
  m.sources = {std::string(kSource)};
  AddFacts(r, m.id, *host, AddPlace(r, *host, city), city);
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
