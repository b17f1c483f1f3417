#include "coder/facts.h"

#include <map>
#include <set>

#include <fmt/format.h>

namespace dyad::coder {
namespace {

std::string Lower(std::string s) {
  for (char& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return s;
}

std::string DateId(const Date& d) {
  std::string s = d.ToString();
  std::erase_if(s, [](char c) { return c == '~' || c == '?' || c == '%'; });
  return s;
}

struct Builder {
  const world::World& world;
  const std::string& pack;
  kb::PackData out;
  std::map<std::string, std::string> source_of;  // where + sentence -> source id
  std::set<std::string> seen;                    // row identities
  CandidateCounts* counts;

  std::string Name(const std::string& key) const {
    const world::State* s = world.Find(key);
    return s != nullptr ? s->name : key;
  }

  std::string Source(const LocatedEvent& le) {
    std::string key = le.where + "\n" + le.event.sentence;
    auto it = source_of.find(key);
    if (it != source_of.end()) return it->second;
    kb::Source s;
    s.id = fmt::format("{}:s{}", pack, out.sources.size() + 1);
    s.title = le.event.sentence.substr(0, 1000);
    s.date = le.document_date;
    s.current_to = le.document_date ? le.document_date : le.event.date;
    s.note = fmt::format("sentence read by dyad code from {}; pattern {} ({})", le.where,
                         le.event.pattern, le.event.pattern_origin);
    out.sources.push_back(s);
    source_of.emplace(key, s.id);
    return s.id;
  }

  bool Once(const std::string& identity) { return seen.insert(identity).second; }

  void AddFact(std::string subject, kb::Relation r, std::string object, Interval valid,
               const std::string& src) {
    std::string id = fmt::format("{}|{}|{}|{}", subject, static_cast<int>(r), object,
                                 kb::FormatInterval(valid, false));
    if (!Once(id)) return;
    kb::Fact f;
    f.subject = std::move(subject);
    f.relation = r;
    f.object = std::move(object);
    f.valid = valid;
    f.sources = {src};
    f.note = "candidate fact coded from text";
    out.facts.push_back(std::move(f));
    ++counts->rows;
  }

  std::string AddEntity(kb::EntityKind kind, std::string id, std::string name, std::string owner,
                        std::string host, std::string subkind, const std::string& src) {
    if (!Once("entity|" + id)) return id;
    kb::Entity e;
    e.id = id;
    e.kind = kind;
    e.subkind = std::move(subkind);
    e.name = std::move(name);
    e.owner = std::move(owner);
    e.host = std::move(host);
    e.sources = {src};
    out.entities.push_back(std::move(e));
    ++counts->rows;
    return id;
  }

  // A symmetric relation between keys in order; recognition from the recogniser.
  void Relations(const CodedEvent& e, kb::Relation r, const std::string& src) {
    const std::string& a = r != kb::Relation::kRecognized && e.target < e.source ? e.target : e.source;
    const std::string& b = &a == &e.source ? e.target : e.source;
    AddFact(a, r, b, Interval::Point(*e.date), src);
  }

  void Agreement(const CodedEvent& e, bool signed_, const std::string& src) {
    const std::string& a = e.source < e.target ? e.source : e.target;
    const std::string& b = e.source < e.target ? e.target : e.source;
    std::string id = fmt::format("agr:coded-{}-{}-{}", Lower(a), Lower(b), DateId(*e.date));
    std::string name = fmt::format("Agreement between {} and {} ({} {}, coded from text)",
                                   Name(a), Name(b), signed_ ? "signed" : "terminated",
                                   e.date->ToEnglish());
    AddEntity(kb::EntityKind::kAgreement, id, name, "", "", "", src);
    Interval party = signed_ ? Interval::Since(*e.date)
                             : Interval::Make(std::nullopt, *e.date).value_or(Interval::Always());
    AddFact(a, kb::Relation::kPartyTo, id, party, src);
    AddFact(b, kb::Relation::kPartyTo, id, party, src);
    if (signed_) AddFact(id, kb::Relation::kAgreementSigned, "", Interval::Point(*e.date), src);
    else AddFact(id, kb::Relation::kAgreementTerminated, e.source, Interval::Point(*e.date), src);
  }

  void Mission(const CodedEvent& e, bool opened, const std::string& src) {
    std::string id = fmt::format("mission:coded-{}-in-{}", Lower(e.source), Lower(e.target));
    AddEntity(kb::EntityKind::kMission, id,
              fmt::format("Mission of {} in {} (coded from text)", Name(e.source), Name(e.target)),
              e.source, e.target, "", src);
    if (opened) AddFact(id, kb::Relation::kMissionOpened, e.target, Interval::Point(*e.date), src);
    else AddFact(id, kb::Relation::kMissionClosed, "", Interval::Point(*e.date), src);
  }

  void Installation(const CodedEvent& e, bool opened, const std::string& src) {
    std::string id = fmt::format("inst:coded-{}-base-in-{}", Lower(e.source), Lower(e.target));
    AddEntity(kb::EntityKind::kInstallation, id,
              fmt::format("Base of {} in {} (coded from text)", Name(e.source), Name(e.target)),
              e.source, e.target, "base", src);
    AddFact(id, kb::Relation::kInstallationHostedBy, e.target, Interval::Since(*e.date), src);
    AddFact(id, opened ? kb::Relation::kInstallationOpened : kb::Relation::kInstallationClosed,
            "", Interval::Point(*e.date), src);
  }

  void Expulsion(const CodedEvent& e, const std::string& src) {
    std::string id = fmt::format("occ:coded-{}-expels-{}-{}", Lower(e.source), Lower(e.target),
                                 DateId(*e.date));
    if (!Once("occ|" + id)) return;
    kb::Occurrence o;
    o.id = id;
    o.kind = "expulsion";
    o.when = Interval::Point(*e.date);
    o.cameo = e.code;
    o.summary = fmt::format("{} expelled diplomats of {} (coded from text).", Name(e.source),
                            Name(e.target));
    o.sources = {src};
    o.participants = {{e.source, "actor", {src}, {}}, {e.target, "target", {src}, {}}};
    out.occurrences.push_back(std::move(o));
    ++counts->rows;
  }

  void Add(const LocatedEvent& le) {
    const CodedEvent& e = le.event;
    if (e.fact.empty()) return;
    if (!e.date) { ++counts->undated; return; }
    std::string src = Source(le);
    const std::string& f = e.fact;
    if (std::optional<kb::Relation> r = kb::ParseRelation(f);
        r && (f == "recognized" || f.rfind("relations_", 0) == 0)) Relations(e, *r, src);
    else if (f == "agreement_signed" || f == "agreement_terminated") Agreement(e, f == "agreement_signed", src);
    else if (f == "mission_opened" || f == "mission_closed") Mission(e, f == "mission_opened", src);
    else if (f == "installation_opened" || f == "installation_closed") Installation(e, f == "installation_opened", src);
    else if (f == "expulsion") Expulsion(e, src);
  }
};

}  // namespace

kb::PackData CandidateFacts(const std::vector<LocatedEvent>& events, const std::string& pack,
                            const world::World& world, CandidateCounts* counts) {
  CandidateCounts local;
  Builder b{world, pack, {}, {}, {}, counts != nullptr ? counts : &local};
  b.out.name = pack;
  for (const LocatedEvent& le : events) b.Add(le);
  return std::move(b.out);
}

}  // namespace dyad::coder
