#include "ingest/historian_import.h"

#include "ingest/historian_dates.h"

#include "base/strings.h"
#include "base/tsv_table.h"
#include "kb/pack.h"

#include <fmt/format.h>

#include <algorithm>
#include <cctype>
#include <regex>
#include <set>
#include <unordered_map>
#include <unordered_set>

namespace dyad::ingest {
namespace {

using kb::Entity;
using kb::EntityKind;
using kb::Fact;
using kb::Occurrence;
using kb::Participant;
using kb::Qualifier;
using kb::Relation;

constexpr std::string_view kUs = "USA";
constexpr std::string_view kUsName = "United States";

bool Contains(std::string_view hay, std::string_view needle) {
  return hay.find(needle) != std::string_view::npos;
}

// A slug fit for an id: lower-case ASCII letters and digits, other runs become '-'.
std::string Slug(std::string_view s) {
  std::string out;
  for (unsigned char c : s) {
    if (std::isalnum(c) && c < 128) {
      out += static_cast<char>(std::tolower(c));
    } else if (!out.empty() && out.back() != '-') {
      out += '-';
    }
  }
  while (!out.empty() && out.back() == '-') out.pop_back();
  return out;
}

// "mcwilliams-edmund" -> "Mcwilliams Edmund": a fallback name when no people record exists.
std::string NameFromId(std::string_view id) {
  std::string out;
  bool start = true;
  for (char c : id) {
    if (c == '-') {
      out += ' ';
      start = true;
    } else {
      out += start ? static_cast<char>(std::toupper(static_cast<unsigned char>(c))) : c;
      start = false;
    }
  }
  return out;
}

// Dataset repository and folder labels for source rows.
struct DatasetInfo {
  std::string_view repo;
  std::string_view title;
};

DatasetInfo Dataset(std::string_view dataset) {
  if (dataset == "pocom") return {"HistoryAtState/pocom", "Principal Officers and Chiefs of Mission"};
  if (dataset == "gsh") return {"joewiz/gsh", "Historical Country Names (gsh)"};
  if (dataset == "rdcr")
    return {"HistoryAtState/rdcr",
            "A Guide to the United States' History of Recognition, Diplomatic, and Consular "
            "Relations, by Country, since 1776"};
  if (dataset == "visits") return {"HistoryAtState/visits", "Visits by Foreign Leaders"};
  if (dataset == "travels")
    return {"HistoryAtState/travels", "Travels of the President and the Secretary of State"};
  return {"", dataset};
}

// The folder of a record within its dataset: "missions-countries", "posts" (gsh's data/
// prefix dropped), "people".
std::string FolderOf(const Provenance& prov) {
  std::string_view f = prov.file;
  if (f.starts_with("data/") && prov.dataset == "gsh") f.remove_prefix(5);
  size_t slash = f.find('/');
  return std::string(slash == std::string_view::npos ? std::string_view("") : f.substr(0, slash));
}

// Geographic assistant secretaries and the gsh region of their bureau.
std::string_view RegionOfPosition(std::string_view position_id) {
  static const std::pair<std::string_view, std::string_view> kMap[] = {
      {"assistant-secretary-for-african-affairs", "af"},
      {"assistant-secretary-for-east-asian-pacific-affairs", "eap"},
      {"assistant-secretary-for-european-affairs", "eur"},
      {"assistant-secretary-for-near-eastern-affairs", "nea"},
      {"assistant-secretary-for-south-asian-affairs", "sca"},
      {"assistant-secretary-for-western-hemisphere", "wha"},
  };
  for (const auto& [pos, region] : kMap)
    if (pos == position_id) return region;
  return "";
}

// Organizations of the missions-orgs files.
std::string_view OrgOfMission(std::string_view mission_id) {
  static const std::pair<std::string_view, std::string_view> kMap[] = {
      {"representative-to-asean", "org:asean"},   {"representative-to-au", "org:au"},
      {"representative-to-eu", "org:eu"},         {"representative-to-iaea", "org:iaea"},
      {"representative-to-icao", "org:icao"},     {"representative-to-nato", "org:nato"},
      {"representative-to-oas", "org:oas"},       {"representative-to-oecd", "org:oecd"},
      {"representative-to-osce", "org:osce"},     {"representative-to-un", "org:un"},
      {"representative-to-unafa", "org:un-rome"}, {"representative-to-unesco", "org:unesco"},
      {"representative-to-unido", "org:unido"},   {"representative-to-usoarn", "org:un-geneva"},
      {"representative-uneo", "org:un-geneva"},   {"representative-unvo", "org:un-vienna"},
  };
  for (const auto& [m, org] : kMap)
    if (m == mission_id) return org;
  return "";
}

// ---- rdcr heading classification ----

struct RdcrClass {
  bool us_recognized = false;    // the US recognized the country
  bool they_recognized = false;  // the country recognized the US
  std::optional<Relation> relations;       // established / suspended / severed / resumed
  std::optional<Relation> mission_action;  // opened / closed
  std::string mission_type;                // embassy, legation, consulate, ...
  bool agreement = false;
};

std::string MissionTypeIn(std::string_view h) {
  // The last-mentioned type wins: "Elevation of the Legation to Embassy" is an embassy.
  static const std::pair<std::string_view, std::string_view> kTypes[] = {
      {"embassy", "embassy"},        {"legation", "legation"},
      {"consulate general", "consulate-general"}, {"consulate", "consulate"},
      {"liaison office", "liaison-office"},       {"interest section", "interests-section"},
      {"interests section", "interests-section"}, {"diplomatic mission", "mission"},
  };
  size_t best = std::string_view::npos;
  std::string type;
  for (const auto& [word, t] : kTypes) {
    size_t at = h.rfind(word);
    if (at != std::string_view::npos && (best == std::string_view::npos || at > best)) {
      // "consulate general" also contains "consulate" at the same position: keep the longer.
      if (at == best) continue;
      best = at;
      type = t;
    }
  }
  return type;
}

RdcrClass Classify(std::string_view heading) {
  std::string h = AsciiLower(heading);
  RdcrClass c;
  bool non = Contains(h, "non-recognition") || Contains(h, "withdrawn");
  if ((Contains(h, "recogni") || Contains(h, "recogntion")) && !non) {
    bool reverse = Contains(h, "of the united states") || Contains(h, "of u.s.") ||
                   Contains(h, "recognize the united states") ||
                   Contains(h, "of the independence of the united states");
    bool mutual = Contains(h, "mutual") || Contains(h, "between the u.s.");
    bool international = Contains(h, "international recognition");
    if (!international) {
      c.us_recognized = mutual || !reverse;
      c.they_recognized = mutual || reverse;
    }
  }
  // Relations: the class whose keyword comes first in the heading wins, so that
  // "Establishment of Diplomatic Relations with PRC/Termination of Diplomatic Relations
  // with the Republic of China" is an establishment.
  c.mission_type = MissionTypeIn(h);
  bool relations = Contains(h, "relations");
  if (relations || c.mission_type.empty()) {
    static const std::pair<std::string_view, Relation> kWords[] = {
        {"sever", Relation::kRelationsSevered},
        {"cessation", Relation::kRelationsSevered},
        {"relations ended", Relation::kRelationsSevered},
        {"termination of diplomatic", Relation::kRelationsSevered},
        {"termination of relations", Relation::kRelationsSevered},
        {"broken", Relation::kRelationsSevered},
        {"suspen", Relation::kRelationsSuspended},
        {"interrupt", Relation::kRelationsSuspended},
        {"reestablish", Relation::kRelationsResumed},
        {"re-establish", Relation::kRelationsResumed},
        {"resum", Relation::kRelationsResumed},
        {"restor", Relation::kRelationsResumed},
        {"re-open", Relation::kRelationsResumed},
        {"reopen", Relation::kRelationsResumed},
        {"normaliz", Relation::kRelationsResumed},
        {"establish", Relation::kRelationsEstablished},
    };
    size_t best = std::string::npos;
    for (const auto& [word, rel] : kWords) {
      size_t at = h.find(word);
      // "establish" alone counts only for relations ("Establishment of the Legation" is
      // a mission); the other words imply relations when no mission is named.
      if (rel == Relation::kRelationsEstablished && !relations) continue;
      if (at != std::string::npos && at < best) {
        best = at;
        c.relations = rel;
      }
    }
  }
  if (!c.mission_type.empty()) {
    if (Contains(h, "closed") || Contains(h, "closure") || Contains(h, "closing") ||
        (Contains(h, "suspen") && !relations)) {
      c.mission_action = Relation::kMissionClosed;
    } else if (Contains(h, "establish") || Contains(h, "open") || Contains(h, "elevat") ||
               Contains(h, "raised") || Contains(h, "return") || Contains(h, "first") ||
               Contains(h, "moved to") ||
               (Contains(h, "resum") && !relations)) {
      c.mission_action = Relation::kMissionOpened;
    }
  }
  if (!c.us_recognized && !c.they_recognized && !c.relations && !c.mission_action &&
      (Contains(h, "treaty") || Contains(h, "convention") || Contains(h, "agreement"))) {
    c.agreement = true;
  }
  return c;
}

RdcrEvent RelationsEvent(Relation rel) {
  return rel == Relation::kRelationsSevered || rel == Relation::kRelationsSuspended
             ? RdcrEvent::kRelationsDown
             : RdcrEvent::kRelationsUp;
}

RdcrEvent MissionEvent(Relation rel) {
  return rel == Relation::kMissionClosed ? RdcrEvent::kMissionClosed : RdcrEvent::kMissionOpened;
}

// The kind of event whose date a fact of relation `rel` takes.
RdcrEvent EventOf(Relation rel) {
  if (rel == Relation::kRecognized) return RdcrEvent::kRecognition;
  if (rel == Relation::kMissionOpened || rel == Relation::kMissionClosed) return MissionEvent(rel);
  return RelationsEvent(rel);
}

// ---- the mapper ----

class Mapper {
 public:
  Mapper(const HistorianData& data, const TerritoryKeys& keys,
         const std::vector<PeriodRule>& periods, RejectSink* rejects, KindCounts* counts)
      : data_(data), keys_(keys), periods_(periods), rejects_(rejects), counts_(counts) {
    pack_.name = "historian-us";
  }

  kb::PackData Run() {
    CountFiles();
    AddEntity(StateDept());
    MapChiefs();
    MapConcurrents();
    MapPrincipals();
    MapPosts();
    MapRegions();
    MapTerritories();
    MapRdcr();
    MapMissionNotes();
    MapVisits();
    MapTrips();
    MarkOverlappingTerms();
    MergeDuplicateFacts();
    SetCurrency();
    return std::move(pack_);
  }

  // Each source is current to the newest date its rows hold (a validity end or start, a
  // dated qualifier, an occurrence's date): the dataset's last record, derived from data.
  void SetCurrency() {
    std::map<std::string, Date> newest;
    auto note = [&](const std::vector<std::string>& sources, const Date& d) {
      for (const std::string& id : sources) {
        auto [it, fresh] = newest.emplace(id, d);
        if (!fresh && it->second.last_day() < d.last_day()) it->second = d;
      }
    };
    auto note_interval = [&](const std::vector<std::string>& sources, const Interval& i) {
      if (i.start()) note(sources, *i.start());
      if (i.end()) note(sources, *i.end());
    };
    for (const Fact& f : pack_.facts) {
      if (!f.undated) note_interval(f.sources, f.valid);
      for (const kb::Qualifier& q : f.qualifiers) {
        if (!kb::IsDateQualifier(q.key)) continue;
        if (auto d = Date::ParseIso(q.value); d.ok()) note(f.sources, *d);
      }
    }
    for (const Occurrence& o : pack_.occurrences) note_interval(o.sources, o.when);
    for (kb::Source& s : pack_.sources) {
      if (auto it = newest.find(s.id); it != newest.end()) s.current_to = it->second;
    }
  }

 private:
  // -- bookkeeping --

  std::string SourceId(const Provenance& prov) {
    std::string folder = FolderOf(prov);
    std::string id = fmt::format("historian:{}{}{}", prov.dataset, folder.empty() ? "" : ":", folder);
    if (sources_.insert(id).second) {
      DatasetInfo info = Dataset(prov.dataset);
      kb::Source s;
      s.id = id;
      s.title = folder.empty() ? std::string(info.title)
                               : fmt::format("{}: {}", info.title, folder);
      s.publisher = "Office of the Historian, U.S. Department of State";
      std::string path = prov.dataset == "gsh" ? "data/" + folder : folder;
      s.url = prov.commit.empty()
                  ? fmt::format("https://github.com/{}", info.repo)
                  : fmt::format("https://github.com/{}/tree/{}/{}", info.repo, prov.commit, path);
      s.licence = "CC0-1.0";
      s.note = fmt::format("dataset {}, folder {}, source commit {}", prov.dataset, path,
                           prov.commit.empty() ? "unknown" : prov.commit);
      pack_.sources.push_back(std::move(s));
    }
    return id;
  }

  static std::string Record(const Provenance& prov) {
    return prov.record_id.empty() ? prov.file : prov.file + "#" + prov.record_id;
  }

  void Read(const std::string& kind) { ++(*counts_)[kind].read; }
  void Accept(const std::string& kind) { ++(*counts_)[kind].accepted; }
  void Reject(const std::string& kind, const Provenance& prov, std::string_view reason,
              const std::string& message) {
    rejects_->Reject(prov.dataset + "/" + prov.file, prov.line, 0, reason, message,
                     prov.record_id, &(*counts_)[kind]);
  }

  void CountFiles() {
    ReadCounts& files = (*counts_)["files"];
    files.read = data_.files_read + data_.file_errors.size();
    files.accepted = data_.files_read;
    for (const FileError& e : data_.file_errors)
      rejects_->Reject(e.file, e.line, 0, "unreadable-file", e.message, "", &files);
  }

  bool AddEntity(Entity e) {
    if (!entities_.insert(e.id).second) return false;
    pack_.entities.push_back(std::move(e));
    return true;
  }

  Entity StateDept() {
    Provenance prov{"pocom", "positions-principals/x.xml", 0, "", Commit("pocom")};
    Entity e;
    e.id = "agency:us-dos";
    e.kind = EntityKind::kAgency;
    e.subkind = "ministry";
    e.name = "U.S. Department of State";
    e.owner = std::string(kUs);
    e.sources = {SourceId(prov)};
    return e;
  }

  // The period rule for a record of `id` dated `on` whose heading or note is `text`.
  const PeriodRule* Period(std::string_view id, const std::optional<Date>& on,
                           std::string_view text) const {
    std::string lower = AsciiLower(text);
    for (const PeriodRule& p : periods_) {
      if (p.historian_id != id || !Contains(lower, AsciiLower(p.match))) continue;
      if (p.period == Interval::Always() || (on && p.period.ContainsDate(*on))) return &p;
    }
    return nullptr;
  }

  // A term that began within a bounded period rule and runs past its end (Vernon Walters,
  // at Bonn 1989-04-24..1991-08-18; Robert Strauss, at Moscow 1991-08-24..1992-11-19)
  // ends, for the period's state, on the period's last day; the rest of the term is
  // returned as a fact of `successor_mission` (the file's own state) from the next day.
  std::optional<Fact> SplitAtPeriodEnd(const PeriodRule& p, const std::string& successor_mission,
                                       Fact* f) const {
    if (!p.period.end() || successor_mission == f->object) return std::nullopt;
    int32_t last = p.period.end()->last_day();
    bool ends_after = !f->valid.end() || f->valid.end()->last_day() > last;
    bool starts_within = f->valid.start() && f->valid.start()->first_day() <= last;
    if (!ends_after || !starts_within) return std::nullopt;
    Fact rest = *f;
    rest.object = successor_mission;
    rest.valid = Interval::Make(Date::FromDays(last + 1), f->valid.end()).value();
    rest.qualifiers.push_back({"continued_from", p.key});
    f->valid = Interval::Make(f->valid.start(), Date::FromDays(last)).value();
    f->qualifiers.push_back({"continued_by", rest.object});
    return rest;
  }

  // The World key of a historian id; on failure rejects the record and returns "".
  std::string KeyOr(const std::string& kind, const Provenance& prov, std::string_view id) {
    auto r = keys_.Resolve(id);
    if (r.ok()) return r->key;
    Reject(kind, prov, "no-world-key", r.status().message());
    return "";
  }

  // Parses a date field; on failure rejects the record. Returns false when rejected.
  bool DateOr(const std::string& kind, const Provenance& prov, std::string_view what,
              std::string_view text, std::optional<Date>* out) {
    auto r = ParseHistorianDate(text);
    if (r.ok()) {
      *out = *r;
      return true;
    }
    Reject(kind, prov, "bad-date", fmt::format("{}: {}", what, r.status().message()));
    return false;
  }

  // An interval; a reversed one rejects the record.
  bool IntervalOr(const std::string& kind, const Provenance& prov, std::optional<Date> start,
                  std::optional<Date> end, Interval* out) {
    auto r = Interval::Make(start, end);
    if (r.ok()) {
      *out = *r;
      return true;
    }
    Reject(kind, prov, "end-before-start", r.status().message());
    return false;
  }

  std::string Person(const std::string& person_id, const std::string& source_hint) {
    std::string id = "person:" + person_id;
    if (entities_.count(id)) return id;
    Entity e;
    e.id = id;
    e.kind = EntityKind::kPerson;
    auto it = data_.people.find(person_id);
    if (it != data_.people.end()) {
      const PersonRecord& p = it->second;
      e.name = p.forename.empty() ? p.surname : p.forename + " " + p.surname;
      if (!p.genname.empty()) e.name += " " + p.genname;
      e.record = fmt::format("people/{}/{}.xml", person_id.substr(0, 1), person_id);
      if (!p.birth.empty() || !p.death.empty())
        e.note = fmt::format("born {}{}", p.birth.empty() ? "?" : p.birth,
                             p.death.empty() ? "" : ", died " + p.death);
      Provenance people{"pocom", "people/x.xml", 0, "", Commit("pocom")};
      e.sources = {SourceId(people)};
    } else {
      e.name = NameFromId(person_id);
      e.sources = {source_hint};
      e.note = "no people record; name derived from the id";
    }
    e.owner = std::string(kUs);
    AddEntity(std::move(e));
    return id;
  }

  std::string Commit(const std::string& dataset) const {
    auto it = data_.commits.find(dataset);
    return it == data_.commits.end() ? "" : it->second;
  }

  std::string CountryName(const std::string& historian_id, const std::string& key) const {
    auto c = data_.countries.find(historian_id);
    if (c != data_.countries.end() && !c->second.label.empty()) return c->second.label;
    for (const TerritoryRecord& t : data_.territories)
      if (t.id == historian_id) return t.short_name;
    return key;
  }

  // The name of the state a period rule sends a record to, else the file's country name.
  std::string PeriodName(const std::string& historian_id, const std::string& key,
                         const PeriodRule* period) const {
    const world::State* st = period && keys_.world() ? keys_.world()->Find(key) : nullptr;
    return st ? st->name : CountryName(historian_id, key);
  }

  // -- pocom --

  // mission:usa-to-<slug>; `file_id` names the pocom file the chiefs come from.
  std::string CountryMission(const std::string& slug, const std::string& key,
                             const std::string& source, const std::string& file_id) {
    std::string id = "mission:usa-to-" + slug;
    if (!entities_.count(id)) {
      Entity e;
      e.id = id;
      e.kind = EntityKind::kMission;
      e.subkind = "bilateral-mission";
      const world::State* st = keys_.world() ? keys_.world()->Find(key) : nullptr;
      e.name = fmt::format("United States mission to {}",
                           slug == file_id || st == nullptr ? CountryName(file_id, key) : st->name);
      e.owner = std::string(kUs);
      e.host = key;
      e.record = "missions-countries/" + file_id + ".xml";
      e.sources = {source};
      e.note = "the chiefs of mission of the US to this country, whatever the post's rank";
      AddEntity(std::move(e));
    }
    return id;
  }

  std::string OrgMission(const std::string& mission_id, const std::string& source) {
    std::string id = "mission:usa-" + mission_id;
    if (!entities_.count(id)) {
      Entity e;
      e.id = id;
      e.kind = EntityKind::kMission;
      e.subkind = "permanent-mission";
      e.name = mission_id;
      for (const PositionRecord& m : data_.org_missions)
        if (m.id == mission_id) e.name = "United States mission: " + m.name;
      e.owner = std::string(kUs);
      e.record = "missions-orgs/" + mission_id + ".xml";
      e.sources = {source};
      std::string_view org = OrgOfMission(mission_id);
      if (!org.empty()) e.note = fmt::format("mission to {}", org);
      AddEntity(std::move(e));
    }
    return id;
  }

  void AddDateQualifier(std::vector<Qualifier>* qs, std::string key, const std::optional<Date>& d) {
    if (d) qs->push_back({std::move(key), d->ToString()});
  }

  void MapChiefs() {
    for (const ChiefRecord& c : data_.chiefs) {
      const std::string kind = c.org_mission ? "pocom/org-chief" : "pocom/chief";
      Read(kind);
      if (c.other_nominee) {
        Reject(kind, c.prov, "did-not-serve",
               fmt::format("{} is listed among other nominees of {} (did not serve)",
                           c.person_id, c.mission_id));
        continue;
      }
      if (c.person_id.empty() || c.role_title_id.empty()) {
        Reject(kind, c.prov, "missing-field", "chief without person-id or role-title-id");
        continue;
      }
      std::string source = SourceId(c.prov);
      std::optional<Date> appointed, arrived, started, ended;
      if (!DateOr(kind, c.prov, "appointed", c.appointed.date, &appointed) ||
          !DateOr(kind, c.prov, "arrived", c.arrived.date, &arrived) ||
          !DateOr(kind, c.prov, "started", c.started.date, &started) ||
          !DateOr(kind, c.prov, "ended", c.ended.date, &ended))
        continue;
      std::string mission, successor_mission;
      const PeriodRule* period = nullptr;
      if (c.org_mission) {
        mission = OrgMission(c.mission_id, source);
      } else {
        std::string key = KeyOr(kind, c.prov, c.mission_id);
        if (key.empty()) continue;
        successor_mission = CountryMission(c.mission_id, key, source, c.mission_id);
        period = Period(c.mission_id, started ? started : ended, c.note);
        mission = period ? CountryMission(period->slug, period->key, source, c.mission_id)
                         : successor_mission;
      }
      Fact f;
      f.subject = Person(c.person_id, source);
      f.relation = Relation::kChiefOfMission;
      f.object = mission;
      f.qualifiers.push_back({"role", c.role_title_id});
      AddDateQualifier(&f.qualifiers, "appointed", appointed);
      AddDateQualifier(&f.qualifiers, "arrived", arrived);
      // pocom's "started" is the presentation of credentials for accredited chiefs; a
      // chargé d'affaires (accredited to the foreign minister) assumes charge instead.
      if (!kb::IsChargeRole(c.role_title_id)) AddDateQualifier(&f.qualifiers, "credentials", started);
      if (!c.started.note.empty()) f.qualifiers.push_back({"started_note", c.started.note});
      if (!c.ended.note.empty()) f.qualifiers.push_back({"ended_note", c.ended.note});
      if (!c.org_mission && !c.contemporary_territory_id.empty() &&
          c.contemporary_territory_id != c.mission_id)
        f.qualifiers.push_back({"territory", c.contemporary_territory_id});
      if (!started && !ended) {
        // Appointed (or nothing) but no term dates: not asserted on any day.
        f.undated = true;
      } else if (!IntervalOr(kind, c.prov, started, ended, &f.valid)) {
        continue;
      }
      f.record = Record(c.prov);
      f.sources = {source};
      f.note = c.note;
      chief_facts_[c.prov.record_id] = pack_.facts.size();
      std::optional<Fact> continued;
      if (period && !f.undated) continued = SplitAtPeriodEnd(*period, successor_mission, &f);
      pack_.facts.push_back(std::move(f));
      if (continued) pack_.facts.push_back(std::move(*continued));
      Accept(kind);
    }
  }

  void MapConcurrents() {
    const std::string kind = "pocom/concurrent";
    for (const ConcurrentRecord& r : data_.concurrents) {
      Read(kind);
      std::vector<size_t> facts;
      std::string missing;
      for (const std::string& id : r.chief_ids) {
        auto it = chief_facts_.find(id);
        if (it == chief_facts_.end()) {
          missing += (missing.empty() ? "" : ", ") + id;
        } else {
          facts.push_back(it->second);
        }
      }
      if (facts.empty()) {
        Reject(kind, r.prov, "chiefs-not-imported",
               fmt::format("none of its chief records was imported (nominees who did not "
                           "serve, or unmapped countries): {}", missing));
        continue;
      }
      for (size_t i : facts) {
        Fact& f = pack_.facts[i];
        f.qualifiers.push_back({"concurrent_group", r.id});
        if (!r.locale_id.empty()) f.qualifiers.push_back({"resident_at", r.locale_id});
        if (!missing.empty()) f.note += (f.note.empty() ? "" : "; ") +
                                        fmt::format("concurrent with unimported {}", missing);
      }
      Accept(kind);
    }
  }

  std::string Office(const PositionRecord& pos, const std::string& source) {
    std::string id = "office:us-dos-" + pos.id;
    if (!entities_.count(id)) {
      Entity e;
      e.id = id;
      e.kind = EntityKind::kOffice;
      e.subkind = pos.category;
      e.name = pos.name.empty() ? NameFromId(pos.id) : pos.name;
      e.owner = std::string(kUs);
      e.record = pos.prov.file + "#" + pos.id;
      e.sources = {source};
      std::string record = e.record;
      AddEntity(std::move(e));
      Fact part;
      part.subject = id;
      part.relation = Relation::kPartOf;
      part.object = "agency:us-dos";
      part.undated = true;
      part.record = record;
      part.sources = {source};
      pack_.facts.push_back(std::move(part));
    }
    return id;
  }

  void MapPrincipals() {
    std::map<std::string, const PositionRecord*> positions;
    for (const PositionRecord& p : data_.positions) positions[p.id] = &p;
    const std::string kind = "pocom/principal";
    for (const PrincipalRecord& r : data_.principals) {
      Read(kind);
      if (r.other_appointee) {
        Reject(kind, r.prov, "did-not-serve",
               fmt::format("{} is listed among other appointees of {} (did not serve)",
                           r.person_id, r.position_id));
        continue;
      }
      if (r.person_id.empty()) {
        Reject(kind, r.prov, "missing-field", "principal without person-id");
        continue;
      }
      std::optional<Date> appointed, started, ended;
      if (!DateOr(kind, r.prov, "appointed", r.appointed.date, &appointed) ||
          !DateOr(kind, r.prov, "started", r.started.date, &started) ||
          !DateOr(kind, r.prov, "ended", r.ended.date, &ended))
        continue;
      std::string source = SourceId(r.prov);
      Fact f;
      f.subject = Person(r.person_id, source);
      f.relation = Relation::kHoldsOffice;
      f.object = Office(*positions.at(r.position_id), source);
      std::string lrole = AsciiLower(r.role_title_id);
      f.qualifiers.push_back({"acting", Contains(lrole, "acting") || Contains(lrole, "ad-interim") ? "yes" : "no"});
      if (r.role_title_id != r.position_id) f.qualifiers.push_back({"role", r.role_title_id});
      AddDateQualifier(&f.qualifiers, "appointed", appointed);
      if (!r.ended.note.empty()) f.qualifiers.push_back({"ended_note", r.ended.note});
      if (!started && !ended) {
        f.undated = true;
      } else if (!IntervalOr(kind, r.prov, started, ended, &f.valid)) {
        continue;
      }
      f.record = Record(r.prov);
      f.sources = {source};
      f.note = r.note;
      pack_.facts.push_back(std::move(f));
      Accept(kind);
    }
  }

  // -- gsh --

  // place:<locale> with its located_in fact (lat=, lon=); "" when gsh has no such locale.
  std::string Place(const std::string& locale_id) {
    std::string id = "place:" + locale_id;
    if (entities_.count(id)) return id;
    auto it = data_.locales.find(locale_id);
    if (it == data_.locales.end()) return "";
    const LocaleRecord& l = it->second;
    Entity e;
    e.id = id;
    e.kind = EntityKind::kPlace;
    e.subkind = "city";
    e.name = l.name;
    auto key = keys_.Resolve(l.territory_id);
    if (key.ok()) e.host = key->key;
    e.record = "data/locales/" + locale_id + ".xml";
    Provenance lp{"gsh", "data/locales/" + locale_id + ".xml", 0, locale_id, Commit("gsh")};
    e.sources = {SourceId(lp)};
    AddEntity(std::move(e));
    if (key.ok()) {
      Fact f;
      f.subject = id;
      f.relation = Relation::kLocatedIn;
      f.object = key->key;
      f.undated = true;
      if (!l.latitude.empty() && !l.longitude.empty()) {
        f.qualifiers.push_back({"lat", l.latitude});
        f.qualifiers.push_back({"lon", l.longitude});
      }
      f.record = Record(lp);
      f.sources = {SourceId(lp)};
      pack_.facts.push_back(std::move(f));
    }
    return id;
  }

  static std::string PostTypeName(std::string_view type) {
    if (type == "embassy") return "Embassy";
    if (type == "consulate-general") return "Consulate General";
    if (type == "consulate") return "Consulate";
    if (type == "consular-agency") return "Consular Agency";
    if (type == "branch-office") return "Branch Office";
    if (type == "legation") return "Legation";
    if (type == "liaison-office") return "Liaison Office";
    if (type == "interests-section") return "Interests Section";
    return "Mission";
  }

  // mission:usa-<type>-<place>: shared by gsh posts and rdcr headings.
  std::string PostMission(const std::string& type, const std::string& place_slug,
                          const std::string& place_name, const std::string& key,
                          const std::string& record, const std::string& source) {
    std::string id = fmt::format("mission:usa-{}-{}", type, place_slug);
    AddMission(id, fmt::format("United States {} in {}", PostTypeName(type), place_name), type,
               std::string(kUs), key, record, source);
    return id;
  }

  // mission:<owner>-<type>-in-usa: the other state's mission in the United States, which
  // rdcr headings name ("Establishment of the Austrian Legation in Washington"; Andorra's
  // embassy is its UN mission in New York, so the name says "in the United States").
  std::string MissionInUs(const std::string& type, const std::string& owner,
                                const std::string& record, const std::string& source) {
    std::string id = fmt::format("mission:{}-{}-in-usa", AsciiLower(owner), type);
    const world::State* st = keys_.world() ? keys_.world()->Find(owner) : nullptr;
    std::string owner_name = st != nullptr ? st->name : owner;
    AddMission(id, fmt::format("{} of {} in the United States", PostTypeName(type), owner_name), type, owner,
               std::string(kUs), record, source);
    return id;
  }

  void AddMission(const std::string& id, std::string name, const std::string& type,
                  std::string owner, std::string host, const std::string& record,
                  const std::string& source) {
    if (entities_.count(id)) return;
    Entity e;
    e.id = id;
    e.kind = EntityKind::kMission;
    e.subkind = type;
    e.name = std::move(name);
    e.owner = std::move(owner);
    e.host = std::move(host);
    e.record = record;
    e.sources = {source};
    AddEntity(std::move(e));
  }

  // Whether an rdcr heading names the other state's mission, not the United States':
  // "... Legation in Washington", "Elevation of Polish Legation to Embassy Status" (the
  // first mission word follows a demonym of a state other than the US), "Legation of the
  // Kingdom of Sardinia becomes ...". "Elevation of America Legation" is the US's.
  bool NamesTheirMission(std::string_view heading) const {
    const std::string h = AsciiLower(heading);
    if (Contains(h, "in washington")) return true;
    const size_t legation = h.find("legation"), embassy = h.find("embassy");
    const size_t at = std::min(legation, embassy);
    if (at == std::string::npos) return false;
    const size_t word = at == legation ? 8 : 7;
    if (h.compare(at + word, 18, " of the kingdom of") == 0) return true;
    std::string before = LastWordBefore(std::string_view(heading).substr(0, at));
    return IsOtherDemonym(before);
  }

  static std::string LastWordBefore(std::string_view text) {
    while (!text.empty() && text.back() == ' ') text.remove_suffix(1);
    size_t sp = text.rfind(' ');
    return std::string(sp == std::string_view::npos ? text : text.substr(sp + 1));
  }

  bool IsOtherDemonym(const std::string& word) const {
    const world::Resolver* r = keys_.resolver();
    if (r == nullptr || word.empty()) return false;
    world::ResolveOptions o;
    o.allow_codes = false;
    o.exact = true;
    const world::Resolution res = r->Resolve(word, o);
    const world::Match* m = res.best();
    return m != nullptr && m->kind == world::MatchKind::kDemonym && m->state->key != kUs;
  }

  void MapPosts() {
    const std::string kind = "gsh/post";
    for (const PostRecord& p : data_.posts) {
      Read(kind);
      std::string key = KeyOr(kind, p.prov, p.territory_id);
      if (key.empty()) continue;
      std::optional<Date> since, until;
      if (!DateOr(kind, p.prov, "valid-since", p.valid_since == "?" ? "" : p.valid_since, &since) ||
          !DateOr(kind, p.prov, "valid-until", p.valid_until, &until))
        continue;
      std::vector<std::pair<Relation, Date>> events;
      bool bad = false;
      for (const auto& [type, text] : p.events) {
        std::optional<Date> d;
        if (!DateOr(kind, p.prov, "event " + type, text, &d)) { bad = true; break; }
        if (!d) continue;
        if (type == "opened") {
          events.emplace_back(Relation::kMissionOpened, *d);
        } else if (type == "closed") {
          events.emplace_back(Relation::kMissionClosed, *d);
        } else {
          Reject(kind, p.prov, "unknown-event", fmt::format("post event type '{}'", type));
          bad = true;
          break;
        }
      }
      if (bad) continue;
      Interval valid;
      if (!IntervalOr(kind, p.prov, since, until, &valid)) continue;
      std::string source = SourceId(p.prov);
      std::string record = Record(p.prov);
      auto loc = data_.locales.find(p.locale_id);
      std::string place_name = loc == data_.locales.end() ? NameFromId(p.locale_id) : loc->second.name;
      std::string mission = PostMission(p.post_type.empty() ? "post" : p.post_type,
                                        Slug(p.locale_id), place_name, key, record, source);
      for (const auto& [rel, d] : events) {
        Fact f;
        f.subject = mission;
        f.relation = rel;
        if (rel == Relation::kMissionOpened) f.object = key;
        f.valid = Interval::Point(d);
        f.record = record;
        f.sources = {source};
        pack_.facts.push_back(std::move(f));
      }
      std::string place = Place(p.locale_id);
      Fact at;
      at.subject = mission;
      at.relation = Relation::kMissionLocatedAt;
      at.object = place.empty() ? key : place;
      if (!since && !until) {
        at.undated = true;
      } else {
        at.valid = valid;
      }
      at.record = record;
      at.sources = {source};
      at.note = p.notes;
      pack_.facts.push_back(std::move(at));
      Accept(kind);
    }
  }

  static std::string BureauName(const RegionRecord& r) {
    size_t at = r.description.find("Bureau of ");
    if (at != std::string::npos) return r.description.substr(at);
    return "Bureau for " + r.label;
  }

  void MapRegions() {
    const std::string kind = "gsh/region";
    for (const RegionRecord& r : data_.regions) {
      Read(kind);
      std::string source = SourceId(r.prov);
      std::string bureau = "agency:us-dos-" + r.id;
      Entity e;
      e.id = bureau;
      e.kind = EntityKind::kAgency;
      e.subkind = "bureau";
      e.name = BureauName(r);
      e.owner = std::string(kUs);
      e.record = Record(r.prov);
      e.sources = {source};
      AddEntity(std::move(e));
      Fact part;
      part.subject = bureau;
      part.relation = Relation::kPartOf;
      part.object = "agency:us-dos";
      part.undated = true;
      part.record = Record(r.prov);
      part.sources = {source};
      pack_.facts.push_back(std::move(part));
      for (const PositionRecord& pos : data_.positions) {
        if (RegionOfPosition(pos.id) != r.id) continue;
        Fact head;
        head.subject = bureau;
        head.relation = Relation::kHeadedBy;
        head.object = Office(pos, SourceId(pos.prov));
        std::optional<Date> start, end;
        (void)DateOr(kind, r.prov, "position start", pos.start, &start);
        if (pos.ongoing != "true") (void)DateOr(kind, r.prov, "position end", pos.end, &end);
        auto valid = Interval::Make(start, end);
        if (valid.ok() && (start || end)) {
          head.valid = *valid;
        } else {
          head.undated = true;
        }
        head.record = pos.prov.file + "#" + pos.id;
        head.sources = {SourceId(pos.prov), source};
        pack_.facts.push_back(std::move(head));
      }
      int unmapped = 0;
      for (const std::string& t : r.territory_ids) {
        auto key = keys_.Resolve(t);
        if (!key.ok()) {
          ++unmapped;
          rejects_->Reject(r.prov.dataset + "/" + r.prov.file, r.prov.line, 0, "no-world-key",
                           fmt::format("region {} territory: {}", r.id, key.status().message()),
                           r.id + "/" + t, &(*counts_)["gsh/region-territory"]);
          continue;
        }
        Fact f;
        f.subject = bureau;
        f.relation = Relation::kResponsibleFor;
        f.object = key->key;
        f.undated = true;  // gsh gives the current coverage only
        f.record = Record(r.prov) + "/" + t;
        f.sources = {source};
        pack_.facts.push_back(std::move(f));
      }
      (*counts_)["gsh/region-territory"].read += r.territory_ids.size();
      (*counts_)["gsh/region-territory"].accepted += r.territory_ids.size() - unmapped;
      Accept(kind);
    }
  }

  void MapTerritories() {
    const std::string kind = "gsh/territory";
    for (const TerritoryRecord& t : data_.territories) {
      Read(kind);
      std::string key = KeyOr(kind, t.prov, t.id);
      if (key.empty()) continue;
      std::optional<Date> since, until;
      if (!DateOr(kind, t.prov, "valid-since", t.valid_since, &since) ||
          !DateOr(kind, t.prov, "valid-until", t.valid_until, &until))
        continue;
      Fact f;
      f.subject = key;
      f.relation = Relation::kNamed;
      f.value = t.short_name;
      if (!since && !until) {
        f.undated = true;
      } else if (!IntervalOr(kind, t.prov, since, until, &f.valid)) {
        continue;
      }
      const world::State* state = keys_.world() ? keys_.world()->Find(key) : nullptr;
      if (state != nullptr && !f.undated && !state->existence.Overlaps(f.valid)) {
        Reject(kind, t.prov, "not-in-period",
               fmt::format("'{}' ({}) resolves to {}, which World says existed {}", t.id,
                           f.valid.ToString(), key, state->existence.ToString()));
        continue;
      }
      if (!t.long_name.empty() && t.long_name != "-") f.qualifiers.push_back({"long_name", t.long_name});
      if (!t.type.empty()) f.qualifiers.push_back({"type", t.type});
      f.qualifiers.push_back({"historian_id", t.id});
      auto join = [](const std::vector<std::string>& v) {
        std::string out;
        for (const std::string& s : v) out += (out.empty() ? "" : ",") + s;
        return out;
      };
      if (!t.predecessors.empty()) f.qualifiers.push_back({"predecessors", join(t.predecessors)});
      if (!t.successors.empty()) f.qualifiers.push_back({"successors", join(t.successors)});
      f.record = Record(t.prov);
      f.sources = {SourceId(t.prov)};
      pack_.facts.push_back(std::move(f));
      Accept(kind);
    }
  }

  // -- rdcr --

  // The date of an rdcr entry: the first English date of the text in the heading's year;
  // else the first date of the text (noting the heading's year); else the heading's date.
  std::optional<Date> RdcrDate(const RdcrEntry& e, std::string* note) {
    int head_year = 0;
    if (auto hd = Date::ParseIso(e.head_when); hd.ok()) head_year = hd->year();
    if (head_year != 0) {
      if (auto d = FindEnglishDate(e.text, head_year)) return d;
      if (auto d = FindEnglishDate(e.text, 0)) {
        *note = fmt::format("the heading gives {}; the text gives {}", head_year, d->ToString());
        return d;
      }
      if (auto hd = Date::ParseIso(e.head_when); hd.ok()) return *hd;
    }
    return FindEnglishDate(e.text, 0);
  }

  void MapRdcr() {
    const std::string kind = "rdcr/entry";
    for (const RdcrEntry& e : data_.rdcr) {
      Read(kind);
      std::vector<std::string> clauses = HeadingClauses(e.head);
      bool mapped = false;
      for (const std::string& clause : clauses) mapped |= MapRdcrClause(kind, e, clause);
      if (mapped) Accept(kind);
    }
    MergeRepeatedHeadings();
  }

  // One event of an rdcr article: the article, the relation, the state (a mission's type
  // and host for mission facts, whose ids differ with the heading's wording) and the year.
  // A mission without a place in its heading is "mission:usa-<type>-in-<slug>": it joins
  // the one mission of that type, host and year with a place, when there is exactly one.
  struct RepeatedEvent {
    size_t fact = 0;
    std::string key;       // article|relation|subject|object|year
    std::string type_key;  // for missions: article|relation|mission:usa-<type>|object|year
    bool placeless = false;
    int score = 0;
  };
  static RepeatedEvent Repeat(const RdcrEntry& e, Relation rel, const std::string& subject,
                              const std::string& object, const Date& when, size_t fact, int score) {
    RepeatedEvent r;
    r.fact = fact;
    r.score = score;
    const std::string head = fmt::format("{}|{}|", e.article_id, kb::RelationName(rel));
    const std::string tail = fmt::format("|{}|{}", object, when.year());
    r.key = head + subject + tail;
    if (rel == Relation::kMissionOpened || rel == Relation::kMissionClosed) {
      const size_t type_end = subject.find('-', subject.find('-') + 1);
      r.type_key = head + subject.substr(0, type_end) + tail;
      r.placeless = subject.compare(type_end, 4, "-in-") == 0;
    }
    return r;
  }

  // A heading repeated in an article is one event (historian_dates.h): every fact of the
  // event takes the subject and date of the entry that scores it best (the earliest on a
  // tie), so MergeDuplicateFacts keeps one row naming the other records.
  void MergeRepeatedHeadings() {
    JoinPlacelessMissions();
    std::unordered_map<std::string, std::vector<size_t>> groups;  // key -> indices into repeated_
    for (size_t i = 0; i < repeated_.size(); ++i) groups[repeated_[i].key].push_back(i);
    for (const auto& [key, members] : groups)
      if (members.size() > 1) MergeEvent(members);
  }

  // A mission without a place in its heading joins the one mission of its type, host and
  // year that has one.
  void JoinPlacelessMissions() {
    std::unordered_map<std::string, std::set<std::string>> placed;  // type_key -> keys
    for (const RepeatedEvent& r : repeated_)
      if (!r.type_key.empty() && !r.placeless) placed[r.type_key].insert(r.key);
    for (RepeatedEvent& r : repeated_)
      if (auto p = placed.find(r.type_key); r.placeless && p != placed.end() && p->second.size() == 1)
        r.key = *p->second.begin();
  }

  // Every fact of one event takes the best-scoring entry's date (the earliest on a tie) and
  // the first subject that names a place.
  void MergeEvent(const std::vector<size_t>& members) {
    size_t best = members.front();
    std::string subject;
    for (size_t i : members) {
      const RepeatedEvent& r = repeated_[i];
      const Fact& f = pack_.facts[r.fact];
      const Fact& bf = pack_.facts[repeated_[best].fact];
      if (r.score > repeated_[best].score ||
          (r.score == repeated_[best].score && f.valid.start() < bf.valid.start()))
        best = i;
      if (subject.empty() && !r.placeless) subject = f.subject;
    }
    const Fact winner = pack_.facts[repeated_[best].fact];
    for (size_t i : members) {
      Fact& f = pack_.facts[repeated_[i].fact];
      f.subject = subject.empty() ? winner.subject : subject;
      f.valid = winner.valid;
    }
  }

  // One heading names two events when it joins two relations clauses with "/"
  // ("Establishment of Diplomatic Relations with PRC/Termination of Diplomatic Relations
  // with the Republic of China, 1979"); the heading's trailing year belongs to both.
  static std::vector<std::string> HeadingClauses(const std::string& head) {
    size_t slash = head.find('/');
    if (slash == std::string::npos) return {head};
    std::string first = head.substr(0, slash), second = head.substr(slash + 1);
    if (!Contains(first, "Relations") || !Contains(second, "Relations")) return {head};
    size_t comma = second.rfind(',');
    if (comma != std::string::npos) first += second.substr(comma);
    return {first, second};
  }

  // Maps one heading (or clause of a heading) of `e`; false when it was rejected.
  bool MapRdcrClause(const std::string& kind, const RdcrEntry& e, const std::string& head) {
    {
      RdcrClass c = Classify(head);
      bool any = c.us_recognized || c.they_recognized || c.relations || c.mission_action || c.agreement;
      if (!any) {
        Reject(kind, e.prov, "unclassified-heading",
               fmt::format("no relation for the heading '{}'", head));
        return false;
      }
      std::string key = KeyOr(kind, e.prov, e.article_id);
      if (key.empty()) return false;
      std::string note;
      std::optional<Date> fallback = RdcrDate(e, &note);
      const auto years = HeadingYears(head);
      // The date of each event the heading names (historian_dates.h), with its score;
      // the entry's first date in the heading's year, as before, when the text dates none.
      auto picked = [&](RdcrEvent ev) -> std::optional<PickedDate> {
        if (auto d = PickEventDate(e.text, ev, years)) return d;
        if (fallback) return PickedDate{*fallback, -100};
        return std::nullopt;
      };
      const RdcrEvent primary = c.us_recognized || c.they_recognized ? RdcrEvent::kRecognition
                                : c.relations ? RelationsEvent(*c.relations)
                                : c.mission_action ? MissionEvent(*c.mission_action)
                                                   : RdcrEvent::kAgreement;
      std::optional<Date> date;
      if (auto p = picked(primary)) date = p->date;
      if (!date) {
        Reject(kind, e.prov, "no-date", fmt::format("no date in heading or text of '{}'", head));
        return false;
      }
      const PeriodRule* period = Period(e.article_id, date, head);
      const std::string article_key = key;
      if (period) key = period->key;
      std::string source = SourceId(e.prov);
      std::string record = Record(e.prov);
      auto add = [&](std::string subject, Relation rel, std::string object) {
        const PickedDate when = picked(EventOf(rel)).value_or(PickedDate{*date, -100});
        repeated_.push_back(Repeat(e, rel, subject, object, when.date, pack_.facts.size(), when.score));
        Fact f;
        f.subject = std::move(subject);
        f.relation = rel;
        f.object = std::move(object);
        f.valid = Interval::Point(when.date);
        f.record = record;
        f.sources = {source};
        f.note = note;
        pack_.facts.push_back(std::move(f));
      };
      if (c.us_recognized) add(std::string(kUs), Relation::kRecognized, key);
      if (c.they_recognized) add(key, Relation::kRecognized, std::string(kUs));
      if (c.relations) add(std::string(kUs), *c.relations, key);
      if (c.relations == Relation::kRelationsSuspended || c.relations == Relation::kRelationsSevered) {
        // "Interruption of Relations, 1917-1922": the range's end is the resumption.
        static const std::regex kRange("(\\d{4}) ?(?:-|\u2013) ?(\\d{4})\\.?$");
        std::smatch m;
        if (std::regex_search(head, m, kRange)) {
          auto end_year = Date::ParseIso(m[2].str());
          if (end_year.ok() && end_year->year() > date->year()) {
            Fact f;
            f.subject = std::string(kUs);
            f.relation = Relation::kRelationsResumed;
            f.object = key;
            f.valid = Interval::Point(*end_year);
            f.record = record;
            f.sources = {source};
            f.note = "the end year of the heading's range";
            pack_.facts.push_back(std::move(f));
          }
        }
      }
      if (c.mission_action) {
        // A period rule that matched on a place ("Closing of U.S. Embassy at Taipei") names it.
        std::string place_key = e.place_key.empty() && period && !period->match.empty()
                                    ? Slug(period->match) : e.place_key;
        std::string place_slug = place_key.empty() ? "in-" + (period ? period->slug : e.article_id) : Slug(place_key);
        std::string place_name = place_key.empty() ? PeriodName(e.article_id, key, period) : NameFromId(place_key);
        if (auto l = data_.locales.find(place_key); l != data_.locales.end()) place_name = l->second.name;
        if (NamesTheirMission(head)) {
          // Their legation in Washington is theirs: it opens in the United States.
          std::string mission = MissionInUs(c.mission_type, key, record, source);
          add(mission, *c.mission_action, *c.mission_action == Relation::kMissionOpened ? std::string(kUs) : "");
        } else {
          std::string mission = PostMission(c.mission_type, place_slug, place_name, key, record, source);
          add(mission, *c.mission_action, *c.mission_action == Relation::kMissionOpened ? key : "");
          MoveRelations(e, head, article_key, key, record, source);
        }
      }
      if (c.agreement) {
        Occurrence o;
        o.id = fmt::format("occ:historian-rdcr-{}-{}-{}", e.article_id, Slug(e.section),
                           e.prov.record_id.substr(e.prov.record_id.rfind('/') + 1));
        o.kind = "agreement";
        o.when = Interval::Point(picked(RdcrEvent::kAgreement).value_or(PickedDate{*date, 0}).date);
        o.cameo = "057";  // sign formal agreement
        o.summary = fmt::format("The United States and {}: {}", PeriodName(e.article_id, key, period), head);
        o.participants = {{std::string(kUs), "actor", {}, {}}, {key, "target", {}, {}},
                          {std::string(kUs), "party", {}, {}}, {key, "party", {}, {}}};
        o.record = record;
        o.sources = {source};
        o.note = note;
        pack_.occurrences.push_back(std::move(o));
      }
      return true;
    }
  }

  // "Embassy Moved to Taipei, Formosa (Taiwan), 1949": when a period rule sends an embassy
  // move to a rival government's key (the Republic of China on Taiwan, COW 713), the
  // relations moved with it: they end with the article's state (China, COW 710, the
  // People's Republic from then on) and begin with the rival's, on the move's date.
  void MoveRelations(const RdcrEntry& e, const std::string& head, const std::string& from,
                     const std::string& to, const std::string& record, const std::string& source) {
    if (from == to || AsciiLower(head).find("moved to") == std::string::npos) return;
    const Fact& move = pack_.facts.back();
    const std::string why = fmt::format(
        "the embassy moved with the government to {} ({}): relations continue with {}, not {}",
        to, e.prov.record_id, to, from);
    for (auto [rel, state] : {std::pair{Relation::kRelationsSevered, from},
                              std::pair{Relation::kRelationsEstablished, to}}) {
      Fact f;
      f.subject = std::string(kUs);
      f.relation = rel;
      f.object = state;
      f.valid = move.valid;
      f.record = record;
      f.sources = {source};
      f.note = why;
      pack_.facts.push_back(std::move(f));
    }
  }

  // -- pocom mission notes --

  // "The U.S. Embassy in Damascus suspended operations on February 6, 2012, and all U.S.
  // personnel were withdrawn": relations suspended on that date (Syria, 2012), unless the
  // note says relations were kept ("the United States did not sever diplomatic relations",
  // Libya 2014). Other notes repeat what the chiefs and rdcr articles record.
  void MapMissionNotes() {
    const std::string kind = "pocom/mission-note";
    for (const MissionNoteRecord& n : data_.mission_notes) {
      Read(kind);
      std::optional<Date> when = SuspensionDate(n.text);
      if (!when) {
        Reject(kind, n.prov, "not-a-suspension",
               "mission note without a suspension of operations (what it tells is in the chiefs "
               "or the rdcr articles)");
        continue;
      }
      std::string key = KeyOr(kind, n.prov, n.mission_id);
      if (key.empty()) continue;
      Fact f;
      f.subject = std::string(kUs);
      f.relation = Relation::kRelationsSuspended;
      f.object = key;
      f.valid = Interval::Point(*when);
      f.record = Record(n.prov);
      f.sources = {SourceId(n.prov)};
      f.note = "pocom mission note: the embassy suspended operations and its personnel were "
               "withdrawn; no resumption is recorded";
      pack_.facts.push_back(std::move(f));
      Accept(kind);
    }
  }

  // The date after "suspended operations on" in a note that does not say relations were
  // kept; nullopt otherwise.
  static std::optional<Date> SuspensionDate(const std::string& text) {
    const std::string lower = AsciiLower(text);
    const size_t at = lower.find("suspended operations on ");
    if (at == std::string::npos || lower.find("did not sever") != std::string::npos) return std::nullopt;
    for (const TextDate& d : FindEnglishDates(text, 0))
      if (d.begin == at + 24 && d.date.precision() == DatePrecision::kDay) return d.date;
    return std::nullopt;
  }

  // -- visits and travels --

  void MapVisits() {
    const std::string kind = "visits/visit";
    for (const VisitRecord& v : data_.visits) {
      Read(kind);
      std::string key = KeyOr(kind, v.prov, v.from_id);
      if (key.empty()) continue;
      std::optional<Date> start, end;
      if (!DateOr(kind, v.prov, "start-date", v.start_date, &start) ||
          !DateOr(kind, v.prov, "end-date", v.end_date, &end))
        continue;
      if (!start) {
        Reject(kind, v.prov, "no-date", "visit without start-date");
        continue;
      }
      // visits id "korea" (the Korean Empire's id) is once given to a 2017 visit from
      // South Korea: a visit from a state that had ended is not that state's.
      if (const world::State* st = keys_.world() ? keys_.world()->Find(key) : nullptr;
          st != nullptr && !st->current() && st->existence.end() &&
          st->existence.end()->DefinitelyBefore(*start)) {
        Reject(kind, v.prov, "state-ended",
               fmt::format("'{}' is {} ({}), which ended {} before the visit on {}", v.from_id,
                           key, st->name, st->existence.end()->ToString(), start->ToString()));
        continue;
      }
      Occurrence o;
      o.id = "occ:historian-visit-" + v.id;
      o.kind = "visit";
      if (!IntervalOr(kind, v.prov, start, end ? end : start, &o.when)) continue;
      o.cameo = "042";  // make a visit (the visitor's state is the actor)
      o.place = std::string(kUs);
      o.summary = fmt::format("{} ({}) visited the United States", v.visitor, v.from_label);
      // CAMEO 042: the actor visits the target; the roles say who visited and who hosted.
      o.participants = {{key, "actor", {}, {}}, {std::string(kUs), "target", {}, {}}};
      o.qualifiers.push_back({"visitor", v.visitor});
      if (v.from_label != CountryName(v.from_id, key)) o.qualifiers.push_back({"country_label", v.from_label});
      o.record = Record(v.prov);
      o.sources = {SourceId(v.prov)};
      pack_.occurrences.push_back(std::move(o));
      Accept(kind);
    }
  }

  void MapTrips() {
    const std::string kind = "travels/trip";
    for (const TripRecord& t : data_.trips) {
      Read(kind);
      std::string key = KeyOr(kind, t.prov, t.country_id);
      if (key.empty()) continue;
      std::optional<Date> start, end;
      if (!DateOr(kind, t.prov, "start-date", t.start_date, &start) ||
          !DateOr(kind, t.prov, "end-date", t.end_date, &end))
        continue;
      if (!start) {
        Reject(kind, t.prov, "no-date", "trip without start-date");
        continue;
      }
      Occurrence o;
      o.id = "occ:historian-trip-" + t.id;
      o.kind = "visit";
      if (!IntervalOr(kind, t.prov, start, end ? end : start, &o.when)) continue;
      o.cameo = "042";  // make a visit (the United States is the actor)
      o.place = key;
      std::string title = t.role == "president" ? "President" : "Secretary of State";
      std::string where = t.locale.empty() ? t.country_label : t.locale + ", " + t.country_label;
      o.summary = fmt::format("{} {} visited {}", title, t.name, where);
      std::string source = SourceId(t.prov);
      std::string person;
      if (!t.who.empty()) {
        person = "person:" + t.who;
        if (!entities_.count(person)) {
          if (data_.people.count(t.who)) {
            Person(t.who, source);
          } else {
            Entity e;
            e.id = person;
            e.kind = EntityKind::kPerson;
            e.name = t.name;
            e.owner = std::string(kUs);
            e.record = Record(t.prov);
            e.sources = {source};
            AddEntity(std::move(e));
          }
        }
      }
      o.participants = {{std::string(kUs), "actor", {}, {}}, {key, "target", {}, {}}};
      if (!person.empty()) o.participants.push_back({person, "visitor", {}, {}});
      o.qualifiers.push_back({"traveller_role", t.role});
      if (!t.locale.empty()) o.qualifiers.push_back({"locale", t.locale});
      if (t.country_label != CountryName(t.country_id, key))
        o.qualifiers.push_back({"country_label", t.country_label});
      o.record = Record(t.prov);
      o.sources = {source};
      pack_.occurrences.push_back(std::move(o));
      Accept(kind);
    }
  }

  // -- overlapping terms --

  // Two chiefs of one mission whose terms overlap are both in the source (a chargé serving
  // while the ambassador was away, a successor presenting credentials before the
  // predecessor left, a term whose start pocom does not give). Using the rule of
  // docs/formats/packs.md ("Terms of one post", with an unknown start read as open), one
  // row of each overlapping pair is marked concurrent=yes, with a note naming the other:
  // the row whose start is unknown if there is one, else the later row.
  void MarkOverlappingTerms() {
    std::map<std::string, std::vector<size_t>> by_mission;
    for (size_t i = 0; i < pack_.facts.size(); ++i) {
      const Fact& f = pack_.facts[i];
      if (f.relation == Relation::kChiefOfMission && !f.undated) by_mission[f.object].push_back(i);
    }
    auto concurrent = [](const Fact& f) { return f.QualifierValue("concurrent") == "yes"; };
    auto mark = [](Fact& f, const Fact& other) {
      f.qualifiers.push_back({"concurrent", "yes"});
      f.note += (f.note.empty() ? "" : "; ") +
                fmt::format("term overlaps {} in the source", other.record);
    };
    for (auto& [mission, idx] : by_mission) {
      auto start_of = [&](size_t i) {
        const auto& st = pack_.facts[i].valid.start();
        return st ? st->first_day() : INT32_MIN;
      };
      std::sort(idx.begin(), idx.end(), [&](size_t a, size_t b) {
        return std::make_pair(start_of(a), a) < std::make_pair(start_of(b), b);
      });
      for (size_t k = 1; k < idx.size(); ++k) {
        Fact& later = pack_.facts[idx[k]];
        if (concurrent(later)) continue;
        int32_t later_start = later.valid.start() ? later.valid.start()->last_day() : INT32_MIN;
        for (size_t j = 0; j < k; ++j) {
          Fact& earlier = pack_.facts[idx[j]];
          if (earlier.subject == later.subject || concurrent(earlier) || !earlier.valid.end())
            continue;
          if (later_start >= earlier.valid.end()->first_day()) continue;
          if (!earlier.valid.start()) {
            mark(earlier, later);  // start unknown: this row is the doubtful one
            continue;
          }
          mark(later, earlier);
          break;
        }
      }
    }
  }

  // The same fact from two records (gsh keeps "ancona-fix.xml" beside "ancona.xml") is one
  // row: the first keeps its record and the note names the others; sources are merged.
  void MergeDuplicateFacts() {
    std::unordered_map<std::string, size_t> seen;
    std::vector<Fact> kept;
    kept.reserve(pack_.facts.size());
    for (Fact& f : pack_.facts) {
      std::string key = fmt::format("{}\t{}\t{}\t{}\t{}\t{}", f.subject, kb::RelationName(f.relation),
                                    f.object, f.value, kb::FormatInterval(f.valid, f.undated),
                                    kb::FormatQualifiers(f.qualifiers));
      auto [it, inserted] = seen.emplace(std::move(key), kept.size());
      if (inserted) {
        kept.push_back(std::move(f));
        continue;
      }
      Fact& first = kept[it->second];
      first.note += (first.note.empty() ? "also " : "; also ") + f.record;
      for (const std::string& s : f.sources)
        if (std::find(first.sources.begin(), first.sources.end(), s) == first.sources.end())
          first.sources.push_back(s);
      ++duplicates_;
    }
    pack_.facts = std::move(kept);
    (*counts_)["facts/merged-duplicates"].duplicates = duplicates_;
  }

  const HistorianData& data_;
  const TerritoryKeys& keys_;
  const std::vector<PeriodRule>& periods_;
  uint64_t duplicates_ = 0;
  RejectSink* rejects_;
  KindCounts* counts_;
  kb::PackData pack_;
  std::unordered_set<std::string> entities_;
  std::unordered_set<std::string> sources_;
  std::unordered_map<std::string, size_t> chief_facts_;  // chief record id -> fact index
  std::vector<RepeatedEvent> repeated_;  // rdcr facts, for MergeRepeatedHeadings
};

}  // namespace

Result<std::optional<Date>> ParseHistorianDate(std::string_view text) {
  if (text.empty() || text == "9999") return std::optional<Date>();
  // gsh writes early years with fewer digits ("599" for 599 AD).
  std::string padded(text);
  if (!padded.empty() && padded.size() < 4 &&
      std::all_of(padded.begin(), padded.end(), [](char c) { return c >= '0' && c <= '9'; }))
    padded.insert(0, 4 - padded.size(), '0');
  auto d = Date::ParseIso(padded);
  if (!d.ok()) return d.status();
  return std::optional<Date>(*d);
}

std::optional<Date> FindEnglishDate(std::string_view text, int year) {
  static const std::regex kDate(
      "(January|February|March|April|May|June|July|August|September|October|November|December)"
      "(\\s+\\d{1,2})?,?\\s+(\\d{4})");
  std::string s(text);
  for (auto it = std::sregex_iterator(s.begin(), s.end(), kDate); it != std::sregex_iterator(); ++it) {
    std::string m = (*it)[1].str();
    if ((*it)[2].matched) m += " " + CollapseSpace((*it)[2].str()) + ",";
    m += " " + (*it)[3].str();
    auto d = Date::ParseEnglish(m);
    if (!d.ok()) continue;
    if (year == 0 || d->year() == year) return *d;
  }
  return std::nullopt;
}

kb::PackData MapHistorian(const HistorianData& data, const TerritoryKeys& keys,
                          RejectSink* rejects, KindCounts* counts) {
  static const std::vector<PeriodRule> kNone;
  return Mapper(data, keys, kNone, rejects, counts).Run();
}

kb::PackData MapHistorian(const HistorianData& data, const TerritoryKeys& keys,
                          const std::vector<PeriodRule>& periods, RejectSink* rejects,
                          KindCounts* counts) {
  return Mapper(data, keys, periods, rejects, counts).Run();
}

Result<std::vector<PeriodRule>> ReadPeriodRules(const std::string& path) {
  auto t = TsvTable::Read(path, {"historian_id", "from", "to", "match", "key", "slug", "source"});
  if (!t.ok()) return t.status();
  std::vector<PeriodRule> out;
  for (size_t r = 0; r < t->size(); ++r) {
    auto period = t->IntervalCells(r, "from", "to");
    if (!period.ok()) return period.status();
    out.push_back(PeriodRule{t->Cell(r, "historian_id"), *period, t->Cell(r, "match"),
                             t->Cell(r, "key"), t->Cell(r, "slug"), t->Cell(r, "source")});
  }
  return out;
}

}  // namespace dyad::ingest
