// Builds the typed dossier model (report/dossier_model.h) from world, kb and event store.
#include "report/dossier.h"

#include "relations/citations.h"

#include <fmt/format.h>

#include <algorithm>
#include <charconv>
#include <cmath>
#include <map>
#include <set>
#include <unordered_map>

#include "events/query.h"
#include "report/dossier_text.h"
#include "report/map_side.h"
#include "report/pair_sections.h"

namespace dyad::report {

using namespace graphics;  // NOLINT: the drawing kit below report
namespace {

using kb::Fact;
using kb::Relation;

// Numbers sources in order of first citation.
class Citations {
 public:
  explicit Citations(const kb::KnowledgeBase& kb) : kb_(kb) {}
  Cites Cite(const std::vector<std::string>& ids) {
    Cites out;
    for (const std::string& id : ids) out.push_back(Number(id));
    return out;
  }
  int Number(const std::string& id) {
    auto [it, added] = numbers_.emplace(id, static_cast<int>(order_.size()) + 1);
    if (added) order_.push_back(id);
    return it->second;
  }
  // A source that is not in the knowledge base (a bundled dataset), described by `entry`.
  int External(const CitedSource& entry) {
    external_.emplace(entry.id, entry);
    return Number(entry.id);
  }
  std::vector<CitedSource> List() const {
    std::vector<CitedSource> out;
    for (size_t i = 0; i < order_.size(); ++i) out.push_back(Entry(static_cast<int>(i) + 1, order_[i]));
    return out;
  }

 private:
  CitedSource Entry(int n, const std::string& id) const {
    CitedSource e;
    e.n = n;
    e.id = id;
    e.title = id;
    if (auto it = external_.find(id); it != external_.end()) {
      e = it->second;
      e.n = n;
      return e;
    }
    const kb::Source* s = kb_.FindSource(id);
    if (s == nullptr) return e;
    e.title = s->title;
    e.author = s->author;
    e.publisher = s->publisher;
    e.url = s->url;
    e.licence = s->licence;
    e.date = s->date;
    e.retrieved = s->retrieved;
    e.current_to = s->current_to;
    return e;
  }
  const kb::KnowledgeBase& kb_;
  std::unordered_map<std::string, int> numbers_;
  std::vector<std::string> order_;
  std::unordered_map<std::string, CitedSource> external_;
};

struct Ctx {
  const world::World& world;
  const kb::KnowledgeBase& kb;
  std::string a, b;
  Date as_of;
  Citations cites;
  bool present_tense = true;  // DateStanding::present_tense(): undated facts may be stated
};

// A fact counts as of D when it had begun by D. An undated (or startless) fact states its
// source's present, so it counts only when the sources can speak for D at all.
bool Began(const Fact& f, const Ctx& c) {
  if (f.undated || !f.valid.start()) return c.present_tense;
  return f.valid.start()->first_day() <= c.as_of.last_day();
}
// Still holding on D: a span whose end is open or not before D.
bool Ongoing(const Fact& f, const Ctx& c) {
  if (kb::Info(f.relation).shape == kb::Shape::kPoint) return false;
  return !f.valid.end() || f.valid.end()->last_day() >= c.as_of.first_day();
}
bool StartedBy(const std::optional<Date>& d, const Ctx& c) {
  return d && d->first_day() <= c.as_of.last_day();
}

// Qualifiers by key, first position kept, last value winning.
std::vector<Qualifier> QualifiersOf(const Fact& f) {
  std::vector<Qualifier> out;
  for (const kb::Qualifier& q : f.qualifiers) {
    auto it = std::find_if(out.begin(), out.end(), [&](const Qualifier& x) { return x.key == q.key; });
    if (it == out.end()) out.push_back({q.key, q.value});
    else it->value = q.value;
  }
  return out;
}

void AddParticipant(const std::string& id, const Ctx& c, std::vector<const world::State*>* out) {
  if (const world::State* s = id.empty() ? nullptr : c.world.Find(id)) out->push_back(s);
}

// The source's currency lies before D: what it calls open or current is only its last record.
bool BeyondCurrency(const std::optional<Date>& current_to, const Ctx& c) {
  return current_to && current_to->last_day() < c.as_of.first_day();
}

// "since 1992" → "since 1992 (last recorded 2021-01-20)"; "undated" → "undated; source
// current to 2017-06-26": an open term or an undated fact is never stated past its source.
void MarkCurrency(FactStatement& s) {
  const std::string d = s.current_to->ToString();
  s.when += s.undated || !s.start ? "; source current to " + d : " (last recorded " + d + ")";
}

FactStatement Statement(const Fact& f, Ctx& c) {
  FactStatement s;
  s.relation = f.relation;
  s.current_to = c.kb.CurrentTo(f);
  const bool open = f.undated || Ongoing(f, c);
  s.beyond_currency = open && BeyondCurrency(s.current_to, c);
  s.ongoing = Ongoing(f, c) && !s.beyond_currency;
  s.text = DescribeFact(f, c.kb, s.ongoing);
  s.subject = f.subject;
  s.subject_name = c.kb.NameOf(f.subject);
  s.object = f.object;
  if (!f.object.empty()) s.object_name = c.kb.NameOf(f.object);
  s.value = f.value;
  if (!f.undated) s.start = f.valid.start();
  // As of D, a span that ends after D is reported as still open.
  const bool end_after = f.valid.end() && f.valid.end()->first_day() > c.as_of.last_day();
  if (!f.undated && !end_after) s.end = f.valid.end();
  s.undated = f.undated;
  s.when = DescribeInterval(end_after ? Interval::Since(*f.valid.start()) : f.valid, f.undated);
  if (s.beyond_currency) MarkCurrency(s);
  s.qualifiers = QualifiersOf(f);
  s.note = f.note;
  s.cite = c.cites.Cite(f.sources);
  AddParticipant(f.subject, c, &s.participants);
  AddParticipant(f.object, c, &s.participants);
  return s;
}

std::vector<FactStatement> Statements(const std::vector<const Fact*>& facts, Ctx& c) {
  std::vector<FactStatement> out;
  for (const Fact* f : facts) out.push_back(Statement(*f, c));
  return out;
}

std::optional<FactStatement> MaybeStatement(const Fact* f, Ctx& c) {
  if (f == nullptr) return std::nullopt;
  return Statement(*f, c);
}

bool SortKeyLess(const Fact* x, const Fact* y) {
  if (x->undated != y->undated) return !x->undated;
  const auto& a = x->valid.start();
  const auto& b = y->valid.start();
  if (a.has_value() != b.has_value()) return !a.has_value();
  if (a && b && *a != *b) return *a < *b;
  return x->origin.line < y->origin.line;
}

std::vector<const Fact*> SortedBegun(std::vector<const Fact*> facts, const Ctx& c) {
  std::erase_if(facts, [&](const Fact* f) { return !Began(*f, c); });
  std::stable_sort(facts.begin(), facts.end(), SortKeyLess);
  return facts;
}

// ---- states -------------------------------------------------------------------------------

std::vector<StateCode> CodesOn(const world::State& s, const Date& on) {
  std::vector<StateCode> codes;
  for (int i = 0; i < world::kSchemeCount; ++i) {
    auto scheme = static_cast<world::Scheme>(i);
    if (auto code = s.Code(scheme, on)) codes.push_back({std::string(world::SchemeName(scheme)), *code});
  }
  return codes;
}

StateProfile Profile(const world::State& s, const Date& on) {
  StateProfile p;
  p.state = &s;
  p.key = s.key;
  p.name = s.name;
  p.official_name = s.official_name;
  if (s.ExistsOn(on)) p.capital = s.capital;  // a state that did not exist had no capital
  p.capital_lat = s.capital_lat;
  p.capital_lon = s.capital_lon;
  p.region = s.region;
  p.subregion = s.subregion;
  p.codes = CodesOn(s, on);
  for (const world::Link& l : s.links)
    p.links.push_back({l.kind == world::LinkKind::kPredecessor, l.other, l.date, l.note});
  p.registry_sources = s.sources;
  return p;
}

// ---- representation -----------------------------------------------------------------------

// Notes what a mission fact says about the mission itself (opening, address, closing).
void NoteMissionFact(const Fact& f, const FactStatement& s, Ctx& c, Mission* m) {
  if (f.relation == Relation::kMissionLocatedAt && (s.ongoing || (s.beyond_currency && c.present_tense))) {
    if (!f.value.empty()) m->address = f.value;
    m->city = f.object.empty() ? std::string() : c.kb.NameOf(f.object);
    m->address_cite = s.cite;
  }
  if (f.relation == Relation::kMissionOpened) {
    m->opened_recorded = true;
    m->opened = s.start;
    m->opened_cite = s.cite;
  }
  if (f.relation == Relation::kMissionClosed) {
    m->closed_recorded = true;
    m->closed = s.start;
  }
}

bool IsTermFact(const Fact& f) {
  return f.relation == Relation::kChiefOfMission || f.relation == Relation::kPostVacant;
}

Mission MissionOf(const kb::MissionInfo& info, Ctx& c) {
  const kb::Entity& e = *info.mission;
  Mission m;
  m.id = e.id;
  m.name = e.name;
  m.kind = e.subkind;
  m.sending_state = e.owner;
  m.receiving_state = e.host;
  for (const Fact* f : SortedBegun(info.facts, c)) {
    if (IsTermFact(*f)) continue;
    FactStatement s = Statement(*f, c);
    NoteMissionFact(*f, s, c, &m);
    m.facts.push_back(std::move(s));
  }
  m.cite = c.cites.Cite(e.sources);
  return m;
}

// Open on the date: the sources speak for it, opened by it (or opening undated) and not
// closed by it (a closing of unknown date counts as closed).
bool OpenOn(const Mission& m, const Ctx& c) {
  if (!c.present_tense) return false;  // no post is open in a state that did not exist, nor known in the future
  if (m.closed_recorded && (!m.closed || StartedBy(m.closed, c))) return false;
  return !m.opened || StartedBy(m.opened, c);
}

// Missions of `sender` in `receiver` open on the date.
std::vector<Mission> MissionsOf(const std::string& sender, const std::string& receiver, Ctx& c) {
  std::vector<Mission> out;
  if (!c.present_tense) return out;  // (before citing: every listed source is cited)
  for (const kb::MissionInfo& info : c.kb.Missions(sender, receiver)) out.push_back(MissionOf(info, c));
  std::erase_if(out, [&](const Mission& m) { return !OpenOn(m, c); });
  return out;
}

FactStatement TermStatement(const kb::Term& t, Ctx& c) {
  FactStatement s = Statement(*t.fact, c);
  const std::string_view role = t.fact->QualifierValue("role");
  TermDetail d;
  d.person = c.kb.NameOf(t.fact->subject);
  d.mission = c.kb.NameOf(t.fact->object);
  d.role = std::string(role);
  d.role_title = std::string(kb::RoleTitle(role));
  d.charge = kb::IsChargeRole(role);
  if (t.implicit_end && t.end && t.end->first_day() <= c.as_of.last_day()) {
    s.end = t.end;
    d.end_implicit = true;
  }
  for (const char* key : {"appointed", "credentials", "arrived"}) {
    std::string_view v = t.fact->QualifierValue(key);
    if (!v.empty()) d.dates.push_back({key, std::string(v)});
  }
  s.term = std::move(d);
  return s;
}

std::vector<FactStatement> Chiefs(const std::string& sender, const std::string& receiver, Ctx& c) {
  std::vector<const Fact*> terms;
  for (const kb::MissionInfo& m : c.kb.Missions(sender, receiver))
    for (const Fact* f : m.facts)
      if (IsTermFact(*f)) terms.push_back(f);
  std::vector<FactStatement> out;
  for (const Fact* f : SortedBegun(terms, c)) {
    if (f->relation != Relation::kPostVacant) {
      out.push_back(TermStatement(kb::Term{f, f->valid.end(), false}, c));
      continue;
    }
    out.push_back(Statement(*f, c));
    out.back().vacant = true;
  }
  return out;
}

Envoys EnvoysOf(const std::string& sender, const std::string& receiver, Ctx& c) {
  kb::EnvoyAnswer ans = c.kb.Envoy(sender, receiver, c.as_of);
  Envoys e;
  e.sending_state = sender;
  e.receiving_state = receiver;
  for (const kb::Term& t : ans.heads) e.heads.push_back(TermStatement(t, c));
  e.vacant = Statements(ans.vacant, c);
  if (ans.previous) e.previous = TermStatement(*ans.previous, c);
  if (c.present_tense)
    for (const kb::Term& t : ans.undated) e.undated.push_back(TermStatement(t, c));
  return e;
}

ChainStep Step(const kb::ChainStep& step, Ctx& c) {
  ChainStep s;
  s.entity = step.entity;
  s.name = c.kb.NameOf(step.entity);
  s.link = MaybeStatement(step.link, c);
  for (const Fact* h : step.holders) {
    FactStatement hs = Statement(*h, c);
    hs.holder = HolderDetail{c.kb.NameOf(h->subject), h->QualifierValue("acting") == "yes"};
    s.holders.push_back(std::move(hs));
  }
  return s;
}

bool OwnedBy(const std::string& entity, const std::string& state, const Ctx& c) {
  std::vector<std::string> owners = c.kb.StatesOf(entity);
  return std::find(owners.begin(), owners.end(), state) != owners.end();
}

// Offices of `side` responsible for `other`, with their reporting chains on the date.
std::vector<Office> Offices(const std::string& side, const std::string& other, Ctx& c) {
  std::vector<Office> out;
  for (const Fact* f : SortedBegun(c.kb.FactsAbout(other, Relation::kResponsibleFor), c)) {
    if (!Ongoing(*f, c) || !OwnedBy(f->subject, side, c)) continue;
    Office o;
    o.agency = f->subject;
    o.name = c.kb.NameOf(f->subject);
    o.responsible_for = Statement(*f, c);
    for (const kb::ChainStep& step : c.kb.ReportingChain(f->subject, c.as_of)) o.chain.push_back(Step(step, c));
    out.push_back(std::move(o));
  }
  return out;
}

// ---- grouped sections ---------------------------------------------------------------------

bool In(Relation r, std::initializer_list<Relation> set) {
  return std::find(set.begin(), set.end(), r) != set.end();
}

Group GroupOf(const std::string& id, const std::vector<const Fact*>& facts, Ctx& c) {
  Group g;
  g.id = id;
  g.name = c.kb.NameOf(id);
  const kb::Entity* e = c.kb.FindEntity(id);
  if (e != nullptr) g.kind = e->subkind;
  g.facts = Statements(facts, c);
  if (e != nullptr) g.cite = c.cites.Cite(e->sources);
  return g;
}

// Groups the facts whose relation is in `set` by their subject entity, in order of first fact.
std::vector<Group> GroupBySubject(const std::vector<const Fact*>& facts, std::initializer_list<Relation> set,
                                  Ctx& c) {
  std::map<std::string, std::vector<const Fact*>> groups;
  std::vector<std::string> order;
  for (const Fact* f : facts) {
    if (!In(f->relation, set)) continue;
    if (!groups.count(f->subject)) order.push_back(f->subject);
    groups[f->subject].push_back(f);
  }
  std::vector<Group> out;
  for (const std::string& id : order) out.push_back(GroupOf(id, groups[id], c));
  return out;
}

constexpr std::initializer_list<Relation> kAgreementRelations = {
    Relation::kAgreementSigned, Relation::kAgreementInForce, Relation::kAgreementTerminated};

// An agreement signed after the dossier's date does not exist yet, whatever an
// open-started in_force span says.
bool SignedBy(const std::string& id, const Ctx& c) {
  std::vector<const Fact*> signed_facts = c.kb.FactsOf(id, Relation::kAgreementSigned);
  return signed_facts.empty() ||
         std::any_of(signed_facts.begin(), signed_facts.end(), [&](const Fact* s) { return Began(*s, c); });
}

std::vector<const Fact*> AgreementFacts(const std::vector<const Fact*>& dyad, const Ctx& c) {
  std::vector<const Fact*> facts;
  std::set<std::string> seen;
  for (const Fact* f : dyad) {
    std::string id = f->relation == Relation::kPartyTo ? f->object : f->subject;
    const kb::Entity* e = c.kb.FindEntity(id);
    if (e == nullptr || e->kind != kb::EntityKind::kAgreement || !seen.insert(id).second) continue;
    if (!SignedBy(id, c)) continue;
    for (Relation r : kAgreementRelations)
      for (const Fact* x : c.kb.FactsOf(id, r)) facts.push_back(x);
  }
  return facts;
}

std::string AgreementStatus(const Group& g) {
  std::string status = "recorded";
  for (const FactStatement& f : g.facts) {
    if (f.relation == Relation::kAgreementSigned && status == "recorded") status = "signed";
    if (f.relation == Relation::kAgreementInForce) status = f.ongoing ? "in force" : "expired";
    if (f.relation == Relation::kAgreementTerminated) status = "terminated";
  }
  return status;
}

std::vector<Group> Agreements(const std::vector<const Fact*>& dyad, Ctx& c) {
  std::vector<Group> groups = GroupBySubject(SortedBegun(AgreementFacts(dyad, c), c), kAgreementRelations, c);
  for (Group& g : groups) {
    g.status = AgreementStatus(g);
    for (const Fact* p : c.kb.FactsAbout(g.id, Relation::kPartyTo)) g.parties.push_back(p->subject);
  }
  return groups;
}

// The organizations `s` belonged to on the date (first membership fact per organization).
std::map<std::string, const Fact*> OrganizationsOf(const std::string& s, const Ctx& c) {
  std::map<std::string, const Fact*> m;
  for (const Fact* f : c.kb.Memberships(s, c.as_of))
    if (Began(*f, c) && !m.count(f->object)) m[f->object] = f;
  return m;
}

FactStatement MembershipStatement(const Fact& f, Ctx& c) {
  FactStatement s = Statement(f, c);
  s.membership = MembershipDetail{f.object, c.kb.NameOf(f.object), f.relation == Relation::kObserverOf};
  return s;
}

Memberships MembershipsOf(Ctx& c) {
  auto ma = OrganizationsOf(c.a, c), mb = OrganizationsOf(c.b, c);
  Memberships out;
  for (const auto& [org, f] : ma) {
    auto it = mb.find(org);
    if (it == mb.end()) {
      out.only_a.push_back(MembershipStatement(*f, c));
      continue;
    }
    FactStatement sa = MembershipStatement(*f, c);
    out.shared.push_back({org, c.kb.NameOf(org), std::move(sa), MembershipStatement(*it->second, c)});
  }
  for (const auto& [org, f] : mb)
    if (!ma.count(org)) out.only_b.push_back(MembershipStatement(*f, c));
  return out;
}

Result<double> Percent(const FactStatement& f) {
  double v = 0;
  const char* end = f.value.data() + f.value.size();
  auto [ptr, ec] = std::from_chars(f.value.data(), end, v);
  if (ec != std::errc() || ptr != end)
    return Status::InvalidArgument(fmt::format("poll result '{}' of {} is not a number", f.value, f.subject));
  return v;
}

Status AddPollAnswer(const FactStatement& f, PollDetail* poll) {
  auto answer = std::find_if(f.qualifiers.begin(), f.qualifiers.end(), [](const Qualifier& q) { return q.key == "answer"; });
  if (answer == f.qualifiers.end()) return Status();
  DYAD_ASSIGN_OR_RETURN(double v, Percent(f));
  auto it = std::find_if(poll->results.begin(), poll->results.end(),
                         [&](const PollAnswer& p) { return p.answer == answer->value; });
  if (it == poll->results.end()) poll->results.push_back({answer->value, v});
  else it->percent = v;
  return Status();
}

Result<PollDetail> PollOf(const Group& g, const Ctx& c) {
  PollDetail poll;
  for (const FactStatement& f : g.facts) {
    DYAD_RETURN_IF_ERROR(AddPollAnswer(f, &poll));
    if (poll.year.empty() && f.start) poll.year = f.start->ToString().substr(0, 4);
  }
  const kb::Entity* e = c.kb.FindEntity(g.id);
  if (e && !e->owner.empty()) poll.pollster = c.kb.NameOf(e->owner);
  if (e && !e->host.empty()) poll.population = c.kb.NameOf(e->host);
  return poll;
}

Result<std::vector<Group>> Polls(const std::vector<const Fact*>& dyad, Ctx& c) {
  std::vector<Group> groups = GroupBySubject(dyad, {Relation::kPollResult}, c);
  for (Group& g : groups) {
    DYAD_ASSIGN_OR_RETURN(PollDetail poll, PollOf(g, c));
    g.poll = std::move(poll);
  }
  return groups;
}

std::vector<FactStatement> FactList(const std::vector<const Fact*>& facts, std::initializer_list<Relation> set,
                                    Ctx& c) {
  std::vector<FactStatement> out;
  for (const Fact* f : facts)
    if (In(f->relation, set)) out.push_back(Statement(*f, c));
  return out;
}

// Facts of either state alone (currency, trade with third states, peacekeeping ...).
std::vector<const Fact*> SideFacts(const std::string& s, std::initializer_list<Relation> set, const Ctx& c) {
  std::vector<const Fact*> out;
  for (Relation r : set) {
    for (const Fact* f : c.kb.FactsOf(s, r)) out.push_back(f);
    for (const Fact* f : c.kb.FactsAbout(s, r)) out.push_back(f);
  }
  std::sort(out.begin(), out.end());
  out.erase(std::unique(out.begin(), out.end()), out.end());
  return SortedBegun(out, c);
}

SidedFacts Sided(const std::vector<const Fact*>& dyad, std::initializer_list<Relation> set, Ctx& c) {
  SidedFacts s;
  s.pair = FactList(dyad, set, c);
  s.a = FactList(SideFacts(c.a, set, c), set, c);
  s.b = FactList(SideFacts(c.b, set, c), set, c);
  return s;
}

// ---- timeline -----------------------------------------------------------------------------

OccurrenceStatement OccurrenceOf(const kb::Occurrence& o, Ctx& c) {
  OccurrenceStatement s;
  s.id = o.id;
  s.kind = o.kind;
  s.start = o.when.start();
  s.end = o.when.end();
  s.when = DescribeInterval(o.when, false);
  s.text = o.summary;
  s.cameo = o.cameo;
  if (!o.place.empty()) s.place = c.kb.NameOf(o.place);
  for (const kb::Participant& p : o.participants) s.participants.push_back({p.entity, c.kb.NameOf(p.entity), p.role});
  s.cite = c.cites.Cite(o.sources);
  s.current_to = c.kb.CurrentTo(o.sources);
  return s;
}

bool HappenedBy(const kb::Occurrence& o, const Ctx& c) { return StartedBy(o.when.start(), c); }

std::string StartKey(const TimelineItem& item) {
  const std::optional<Date>& d = item.fact ? item.fact->start : item.occurrence->start;
  return d ? d->ToString() : std::string();
}

// A fact whose subject is a third state (another party to a small treaty both joined, say)
// is not a statement about the pair: the treaties section counts such treaties.
bool AboutAThirdState(const Fact& f, const Ctx& c) {
  return f.subject != c.a && f.subject != c.b && c.world.Find(f.subject) != nullptr;
}

std::vector<TimelineYear> Timeline(const kb::DyadView& view, Ctx& c) {
  std::map<int, std::vector<TimelineItem>> years;
  TimelineYear undated;
  for (const Fact* f : view.facts) {
    if (!Began(*f, c) || AboutAThirdState(*f, c)) continue;
    TimelineItem item;
    item.fact = Statement(*f, c);
    if (f->undated || !f->valid.start()) undated.items.push_back(std::move(item));
    else years[f->valid.start()->year()].push_back(std::move(item));
  }
  for (const kb::Occurrence* o : view.occurrences)
    if (HappenedBy(*o, c)) years[o->when.start()->year()].push_back(TimelineItem{std::nullopt, OccurrenceOf(*o, c)});
  std::vector<TimelineYear> out;
  for (auto& [year, items] : years) {
    std::stable_sort(items.begin(), items.end(),
                     [](const TimelineItem& x, const TimelineItem& y) { return StartKey(x) < StartKey(y); });
    out.push_back({year, std::move(items)});
  }
  if (!undated.items.empty()) out.push_back(std::move(undated));
  return out;
}

// ---- overview -----------------------------------------------------------------------------

std::string StartText(const Fact* f) { return f->valid.start() ? f->valid.start()->ToString() : ""; }

bool RecognitionDisagrees(const std::vector<const Fact*>& recognition) {
  std::map<std::string, std::set<std::string>> dates;
  for (const Fact* f : recognition) dates[f->subject + ">" + f->object].insert(StartText(f));
  return std::any_of(dates.begin(), dates.end(), [](const auto& kv) { return kv.second.size() > 1; });
}

RelationsOverview Relations(Ctx& c) {
  kb::RelationsAnswer r = c.kb.Relations(c.a, c.b, c.as_of);
  RelationsOverview o;
  o.state = std::string(kb::RelationsStateName(r.state));
  o.since = Statements(r.since, c);
  std::set<std::string> dates;
  for (const Fact* f : r.since) dates.insert(StartText(f));
  o.sources_disagree = dates.size() > 1;
  o.recognition = Statements(r.recognition, c);
  o.recognition_disagrees = RecognitionDisagrees(r.recognition);
  o.last_break = MaybeStatement(r.last_break, c);
  o.later_claims = Statements(r.later_claims, c);
  o.no_relations = Statements(r.no_relations, c);
  o.inferred = r.inferred;
  o.evidence = Statements(r.evidence, c);
  return o;
}

// "A", "A and B", "A, B and C".
std::string JoinNames(const std::vector<std::string>& names) {
  if (names.size() < 2) return names.empty() ? "" : names[0];
  const std::vector<std::string> head(names.begin(), names.end() - 1);
  return fmt::format("{} and {}", fmt::join(head, ", "), names.back());
}

// "(another source gives <when> [n])" for every statement after the first.
void AddOtherSources(const std::vector<const FactStatement*>& facts, Clause* clause) {
  for (size_t i = 1; i < facts.size(); ++i)
    clause->insert(clause->end(), {{" (another source gives " + facts[i]->when, facts[i]->cite}, {")", {}}});
}

Clause RelationsClause(const Dossier& d, const std::string& a, const std::string& b) {
  const RelationsOverview& rel = d.overview.relations;
  if (!rel.since.empty()) {
    Clause clause{{fmt::format("{} and {} have been in diplomatic relations since {}", a, b, rel.since[0].when),
                   rel.since[0].cite}};
    std::vector<const FactStatement*> all;
    for (const FactStatement& f : rel.since) all.push_back(&f);
    AddOtherSources(all, &clause);
    return clause;
  }
  if (rel.inferred && rel.last_break && !rel.evidence.empty()) {
    const FactStatement& ev = rel.evidence[0];
    return {{fmt::format("{} and {} are in diplomatic relations: no resumption is recorded after the break of {}",
                         a, b, rel.last_break->when),
             rel.last_break->cite},
            {fmt::format(", but {} ({})", ev.text, ev.when), ev.cite}};
  }
  if (rel.inferred && !rel.evidence.empty()) {
    const FactStatement& ev = rel.evidence[0];
    return {{fmt::format("{} and {} are in diplomatic relations by inference: no establishment is recorded", a, b),
             {}},
            {fmt::format(", but {} ({})", ev.text, ev.when), ev.cite}};
  }
  return {{fmt::format("The data records no establishment of diplomatic relations between {} and {} ({})", a, b,
                       rel.state),
           {}}};
}

// Recognition, one clause per direction; other sources' dates in parentheses.
void RecognitionClauses(const Dossier& d, std::vector<Clause>* out) {
  std::map<std::string, std::vector<const FactStatement*>> by_direction;
  for (const FactStatement& r : d.overview.relations.recognition)
    by_direction[r.subject + ">" + r.object].push_back(&r);
  for (const auto& [dir, facts] : by_direction) {
    Clause clause{{fmt::format("{} on {}", facts.front()->text, facts.front()->when), facts.front()->cite}};
    AddOtherSources(facts, &clause);
    out->push_back(std::move(clause));
  }
}

void EnvoyClauses(const Dossier& d, std::vector<Clause>* out) {
  for (const Envoys* env : {&d.envoys.a_in_b, &d.envoys.b_in_a}) {
    if (env->heads.empty()) continue;
    const FactStatement& h = env->heads[0];
    out->push_back({{fmt::format("{} heads {} as {}", h.term->person, h.term->mission, h.term->role_title), h.cite}});
  }
}

size_t TimelineCount(const Dossier& d) {
  size_t n = 0;
  for (const TimelineYear& y : d.timeline) n += y.items.size();
  return n;
}

// "1 statement", "2 statements".
std::string Counted(size_t n, std::string_view noun) { return fmt::format("{} {}{}", n, noun, n == 1 ? "" : "s"); }

Clause CountsClause(const Dossier& d) {
  return {{fmt::format("The data holds {} about the pair, {} and {}", Counted(TimelineCount(d), "statement"),
                       Counted(d.agreements.size(), "agreement"), Counted(d.sources.size(), "source")),
           {}}};
}

std::string NotExistingText(const std::vector<std::string>& names, const std::string& on) {
  if (names.size() == 1) return fmt::format("{} did not exist as a state on {}", StateInText(names[0]), on);
  return fmt::format("Neither {} nor {} existed as a state on {}", StateInText(names[0]), StateInText(names[1]), on);
}

// What the sources cannot say for the date, as the summary's first clause (none: they can).
std::optional<Clause> StandingClause(const Dossier& d) {
  const DateStanding& s = d.standing;
  const std::string on = d.as_of.ToString();
  if (!s.not_existing.empty()) return Clause{{NotExistingText(s.not_existing, on), {}}};
  if (!s.future) return std::nullopt;
  const std::string until = s.known_until ? " (the newest is current to " + s.known_until->ToString() + ")" : "";
  return Clause{{fmt::format("{} lies after today and the sources stop before it{}: nothing is known for that date; "
                             "what follows is the last record, not a statement about {}", on, until, on),
                 {}}};
}

// The summary, generated from the model; every clause cites its sources.
std::vector<Clause> Summary(const Dossier& d) {
  const std::string a = StateInText(d.states[0].name), b = StateInText(d.states[1].name);
  std::vector<Clause> out;
  if (std::optional<Clause> standing = StandingClause(d)) out.push_back(std::move(*standing));
  if (d.standing.present_tense()) out.push_back(RelationsClause(d, a, b));
  RecognitionClauses(d, &out);
  EnvoyClauses(d, &out);
  std::vector<std::string> shared;
  for (const SharedMembership& m : d.memberships.shared) shared.push_back(m.organization_name);
  if (!shared.empty()) out.push_back({{"Both are members of " + JoinNames(shared), {}}});
  AppendPairClauses(d, &out);
  out.push_back(CountsClause(d));
  return out;
}

// ---- events -------------------------------------------------------------------------------

MonthPoint Point(const events::SeriesPoint& p) {
  MonthPoint m;
  m.period = p.label;
  m.count = p.count;
  Result<Date> month = Date::Parse(p.label);
  if (month.ok()) m.month = *month;
  const double mean = p.goldstein_mean();
  if (!std::isnan(mean)) m.goldstein_mean = mean;
  for (int k = 0; k < 4; ++k) m.quad[k] = p.quad[k];
  return m;
}

events::SeriesQuery MonthlyQuery(const std::string& from, const std::string& to, const Ctx& c) {
  events::SeriesQuery q;
  q.a = from;
  q.b = to;
  q.by = events::Period::kMonth;
  q.range.to = c.as_of.last_day();
  return q;
}

Result<EventDirection> Direction(const events::Store& store, const std::string& from, const std::string& to,
                                 const Ctx& c) {
  EventDirection dir;
  dir.source = from;
  dir.target = to;
  Result<std::vector<events::SeriesPoint>> series = events::Series(store, MonthlyQuery(from, to, c));
  if (!series.ok()) return Status(series.status().code(), "event series " + from + "→" + to + ": " + series.status().message());
  for (const events::SeriesPoint& p : *series) {
    dir.monthly.push_back(Point(p));
    for (int k = 0; k < 4; ++k) dir.quad_totals[k] += p.quad[k];
  }
  return dir;
}

NotableMonth Notable(const events::SeriesPoint& p) { return {p.label, p.count, p.goldstein_mean()}; }

// Most cooperative and most hostile months, both directions together, at least 3 events.
Status Extremes(const events::Store& store, const std::string& ca, const std::string& cb, const Ctx& c,
                EventsSection* e) {
  events::SeriesQuery both = MonthlyQuery(ca, cb, c);
  both.both = true;
  Result<std::vector<events::SeriesPoint>> s = events::Series(store, both);
  if (!s.ok()) return Status(s.status().code(), "event series of the pair: " + s.status().message());
  const events::SeriesPoint *best = nullptr, *worst = nullptr;
  for (const events::SeriesPoint& p : *s) {
    if (p.count < 3) continue;
    if (!best || p.goldstein_mean() > best->goldstein_mean()) best = &p;
    if (!worst || p.goldstein_mean() < worst->goldstein_mean()) worst = &p;
  }
  if (best) e->most_cooperative = Notable(*best);
  if (worst) e->most_hostile = Notable(*worst);
  return Status();
}

void TopCodes(const events::Store& store, const events::Taxonomy& taxonomy, const std::string& ca,
              const std::string& cb, const Ctx& c, EventsSection* e) {
  events::DayRange range;
  range.to = c.as_of.last_day();
  for (const events::CodeCount& cc : events::TopCodes(store, ca, cb, true, range, 10)) {
    const events::CameoCode* code = taxonomy.Find(cc.code);
    e->top_codes.push_back({cc.code, code ? code->label : std::string(), cc.count});
  }
}

std::string CameoOf(const std::string& key, const Ctx& c) {
  const world::State* s = c.world.Find(key);
  return s ? s->Code(world::Scheme::kCameo, c.as_of).value_or(key) : key;
}

Result<EventsSection> Events(const DossierRequest& req, Ctx& c) {
  EventsSection e;
  e.queried = req.store != nullptr;
  e.store = req.store_label;
  if (req.store == nullptr) {
    e.note = "No event store was given, so there is no event-based index for this pair.";
    return e;
  }
  const std::string ca = CameoOf(c.a, c), cb = CameoOf(c.b, c);
  DYAD_ASSIGN_OR_RETURN(e.directions[0], Direction(*req.store, ca, cb, c));
  DYAD_ASSIGN_OR_RETURN(e.directions[1], Direction(*req.store, cb, ca, c));
  for (const EventDirection& dir : e.directions)
    for (const MonthPoint& p : dir.monthly) e.total += p.count;
  if (e.total == 0) {
    e.note = fmt::format("The event store holds no events between {} and {}.", ca, cb);
    return e;
  }
  DYAD_RETURN_IF_ERROR(Extremes(*req.store, ca, cb, c, &e));
  TopCodes(*req.store, *req.taxonomy, ca, cb, c, &e);
  return e;
}

// ---- see also and map ---------------------------------------------------------------------

std::vector<SeeAlsoEntry> SeeAlso(const Dossier& d) {
  const std::string& a = d.states[0].key;
  const std::string& b = d.states[1].key;
  std::vector<SeeAlsoEntry> out{{"Chiefs of mission, both ways", "representation",
                                 fmt::format("dyad facts {} {} --kind chief_of_mission", a, b)}};
  for (const auto* side : {&d.representation.missions.a_in_b, &d.representation.missions.b_in_a})
    for (const Mission& m : *side) out.push_back({m.name, "representation", fmt::format("dyad facts {} {}", a, b)});
  for (const auto* side : {&d.representation.offices_a, &d.representation.offices_b})
    for (const Office& o : *side) out.push_back({o.name, "representation", ""});
  for (const StateProfile& s : d.states)
    out.push_back({"Foreign relations of " + s.name, "", "dyad relations " + s.key});
  out.push_back({"Facts of the pair as CSV", "timeline", fmt::format("dyad facts {} {} --format csv", a, b)});
  return out;
}

MapPlan PlanMap(const world::State& a, const world::State& b, const DossierRequest& req) {
  MapPlan plan;
  if (req.atlas == nullptr) {
    plan.note = "map data unavailable" + (req.atlas_error.empty() ? "" : ": " + req.atlas_error);
    return plan;
  }
  LocatorMapSpec spec{MapSideFromState(a), MapSideFromState(b)};
  spec.width = 400;
  spec.height = 260;
  plan.spec = spec;
  plan.atlas = req.atlas;
  return plan;
}

Status CheckRequest(const DossierRequest& req) {
  if (req.a == nullptr || req.b == nullptr) return Status::InvalidArgument("a dossier needs two states");
  if (req.a == req.b)
    return Status::InvalidArgument(fmt::format("a dossier needs two different states, got {} twice", req.a->key));
  if (req.store != nullptr && req.taxonomy == nullptr)
    return Status::InvalidArgument("an event store needs the CAMEO taxonomy for its labels");
  return Status();
}

// The sections built from the knowledge base, in the order their citations are numbered.
// ---- bundled relations datasets ------------------------------------------------------------

DatasetRef CiteDataset(const relations::Relations& rel, std::string_view table, std::string_view dataset, Ctx& c) {
  DatasetRef ref;
  const relations::DyadTable* t = rel.table(table);
  const relations::DatasetCitation* cit = relations::FindCitation(dataset);
  if (t == nullptr || cit == nullptr) return ref;
  CitedSource s;
  s.id = fmt::format("dataset:{}", dataset);
  s.title = fmt::format("{} — {}", cit->title, t->meta().upstream_version);
  s.licence = std::string(cit->licence);
  if (auto cur = Date::ParseIso(t->meta().currency); cur.ok()) s.current_to = *cur;
  ref.cite = c.cites.External(s);
  ref.currency = t->meta().currency;
  return ref;
}

RelationsData RelationsDataOf(const DossierRequest& req, Ctx& c) {
  RelationsData r;
  if (req.relations == nullptr) {
    r.note = req.relations_error.empty() ? "No relations pack was loaded." : req.relations_error;
    return r;
  }
  const relations::Relations& rel = *req.relations;
  r.queried = true;
  int last = c.as_of.year();
  for (const auto& v : rel.UnVoteSeries(c.a, c.b))
    if (v.year <= last) r.un_votes.push_back({v.year, v.votes_both, v.agree, v.ideal_distance});
  for (const auto& t : rel.TradeSeries(c.a, c.b))
    if (t.year <= last) r.trade_series.push_back({t.year, t.a_from_b, t.b_from_a});
  std::map<int, AlliancePoint> years;
  for (int dir = 0; dir < 2; ++dir)
    for (const auto& y : dir == 0 ? rel.AllianceSeries(c.a, c.b) : rel.AllianceSeries(c.b, c.a)) {
      if (y.year > last || !y.any()) continue;
      AlliancePoint& p = years[y.year];
      p.year = y.year;
      p.obligations[dir] = {y.defense, y.offense, y.neutral, y.nonagg, y.consul};
    }
  for (const auto& [y, p] : years) r.alliance_series.push_back(p);
  if (!r.un_votes.empty()) r.un = CiteDataset(rel, "unvotes", "unvotes", c);
  if (!r.trade_series.empty()) r.trade = CiteDataset(rel, "cow-trade", "cow-trade", c);
  if (!r.alliance_series.empty()) r.alliances = CiteDataset(rel, "atop", "atop", c);
  return r;
}

Status BuildSections(const DossierRequest& req, Ctx& c, Dossier& d) {
  kb::DyadView view = c.kb.Dyad(c.a, c.b, Interval::Always());
  std::vector<const Fact*> dyad = SortedBegun(view.facts, c);
  d.representation.missions = {MissionsOf(c.a, c.b, c), MissionsOf(c.b, c.a, c)};
  d.overview.relations = Relations(c);
  d.envoys = {EnvoysOf(c.a, c.b, c), EnvoysOf(c.b, c.a, c)};
  d.representation.chiefs = {Chiefs(c.a, c.b, c), Chiefs(c.b, c.a, c)};
  d.representation.offices_a = Offices(c.a, c.b, c);
  d.representation.offices_b = Offices(c.b, c.a, c);
  d.agreements = Agreements(dyad, c);
  d.memberships = MembershipsOf(c);
  d.security.installations = GroupBySubject(dyad, {Relation::kInstallationHostedBy, Relation::kInstallationOperatedBy,
                                                   Relation::kInstallationOpened, Relation::kInstallationClosed}, c);
  for (const kb::Occurrence* o : view.occurrences)
    if (o->kind == "incident" && HappenedBy(*o, c)) d.security.incidents.push_back(OccurrenceOf(*o, c));
  d.assistance = FactList(dyad, {Relation::kAssistance}, c);
  DYAD_ASSIGN_OR_RETURN(d.public_opinion, Polls(dyad, c));
  d.trade_currency = Sided(dyad, {Relation::kCurrency, Relation::kInCurrencyZone, Relation::kTradeSuspended,
                                  Relation::kTradeRestrictions, Relation::kTradeTrend}, c);
  d.context = Sided(dyad, {Relation::kIndependenceDeclared, Relation::kContributesTo, Relation::kPolicyStance,
                           Relation::kCooperation}, c);
  d.timeline = Timeline(c.kb.Dyad(c.a, c.b, Interval::Make(std::nullopt, c.as_of).value()), c);
  DYAD_ASSIGN_OR_RETURN(d.events, Events(req, c));
  d.relations_data = RelationsDataOf(req, c);
  if (!c.present_tense) return Status();  // the pair sections speak in the present tense
  d.pairs = BuildPairSections({&c.world, &c.kb, req.relations, req.relations_error, c.a, c.b, c.as_of},
                              [&c](const CitedSource& s) { return c.cites.External(s); });
  return Status();
}

DateStanding StandingOn(const Date& on, const DossierRequest& req, const kb::KnowledgeBase& kb) {
  DateStanding s;
  for (const world::State* st : {req.a, req.b})
    if (!st->ExistsOn(on)) s.not_existing.push_back(st->name);
  s.future = on.first_day() > TodayUtc().last_day();
  s.known_until = kb.KnownUntil();
  return s;
}

}  // namespace

Result<Dossier> BuildDossier(const world::World& world, const kb::KnowledgeBase& kb, const DossierRequest& req) {
  DYAD_RETURN_IF_ERROR(CheckRequest(req));
  Ctx c{world, kb, req.a->key, req.b->key, req.as_of.value_or(TodayUtc()), Citations(kb)};
  Dossier d;
  d.title = fmt::format("{}–{} relations", req.a->name, req.b->name);
  d.as_of = c.as_of;
  d.as_of_given = req.as_of.has_value();
  d.standing = StandingOn(c.as_of, req, kb);
  c.present_tense = d.standing.present_tense();
  d.states = {Profile(*req.a, c.as_of), Profile(*req.b, c.as_of)};
  DYAD_RETURN_IF_ERROR(BuildSections(req, c, d));
  d.sources = c.cites.List();
  d.overview.summary = Summary(d);
  d.see_also = SeeAlso(d);
  d.map = PlanMap(*req.a, *req.b, req);
  return d;
}

}  // namespace dyad::report
