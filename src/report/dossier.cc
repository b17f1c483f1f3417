// Builds the typed dossier model (report/dossier_model.h) from world, kb and event store.
#include "report/dossier.h"

#include "relations/citations.h"

#include <fmt/format.h>

#include <algorithm>
#include <cctype>
#include <charconv>
#include <cmath>
#include <map>
#include <set>
#include <unordered_map>

#include "events/query.h"
#include "kb/mission_posts.h"
#include "report/dossier_text.h"
#include "report/map_side.h"
#include "report/pair_sections.h"
#include "report/timeline_merge.h"

namespace dyad::report {

using namespace graphics;  // NOLINT: the drawing kit below report
namespace {

using kb::Fact;
using kb::Relation;

// Numbers sources in order of first citation, and notes which sources each section cites.
class Citations {
 public:
  explicit Citations(const kb::KnowledgeBase& kb) : kb_(&kb) {}
  Cites Cite(const std::vector<std::string>& ids) {
    Cites out;
    for (const std::string& id : ids) out.push_back(Number(id));
    return out;
  }
  int Number(const std::string& id) {
    auto [it, added] = numbers_.emplace(id, static_cast<int>(order_.size()) + 1);
    if (added) order_.push_back(id);
    if (!section_.empty()) by_section_[section_].insert(it->second);
    return it->second;
  }
  // A source that is not in the knowledge base (a bundled dataset), described by `entry`.
  int External(const CitedSource& entry) {
    external_.emplace(entry.id, entry);
    return Number(entry.id);
  }
  // Numbers already given are cited by the current section as well.
  void Mark(const Cites& cites) {
    if (!section_.empty()) by_section_[section_].insert(cites.begin(), cites.end());
  }
  // Citations from now on belong to `section` (its anchor id) as well.
  void Section(const std::string& section) { section_ = section; }
  const std::set<int>& CitedIn(const std::string& section) { return by_section_[section]; }
  std::vector<CitedSource> List() const {
    std::vector<CitedSource> out;
    for (size_t i = 0; i < order_.size(); ++i) out.push_back(Entry(static_cast<int>(i) + 1, order_[i]));
    return out;
  }

 private:
  CitedSource Entry(int n, const std::string& id) const {
    auto it = external_.find(id);
    CitedSource e = it != external_.end() ? it->second : CitedSourceOf(*kb_, id);
    e.n = n;
    return e;
  }
  const kb::KnowledgeBase* kb_;
  std::unordered_map<std::string, int> numbers_;
  std::vector<std::string> order_;
  std::unordered_map<std::string, CitedSource> external_;
  std::string section_;
  std::map<std::string, std::set<int>> by_section_;
};

// A mission as one post: the same embassy named by several sources is one (report the
// first source's id and name).
struct Post {
  std::string id, name;
};

struct Ctx {
  const world::World& world;
  const kb::KnowledgeBase& kb;
  std::string a, b;
  Date as_of;
  Citations cites;
  bool present_tense = true;  // DateStanding::present_tense(): undated facts may be stated
  std::map<std::string, Post> posts;  // mission id → the post it is one name of
};

std::optional<Date> EarliestCurrency(const std::vector<std::string>& ids, const Ctx& c);

// A fact counts as of D when it had begun by D. An undated fact states its sources'
// present: it counts only when the sources can speak for D at all and D is not before the
// earliest of their presents (a 2017 source's undated embassy address says nothing of 1991;
// an office a 2005 source and a 2017 one give was there in 2005). A fact with
// an end and no start had begun by its end: it counts from then (as of a date before its
// end nothing says it had begun, and its end lies in that date's future).
bool Began(const Fact& f, const Ctx& c) {
  if (f.undated || (!f.valid.start() && !f.valid.end())) {
    const std::optional<Date> cur = EarliestCurrency(f.sources, c);
    return c.present_tense && (!cur || cur->first_day() <= c.as_of.last_day());
  }
  if (!f.valid.start()) return c.present_tense && f.valid.end()->last_day() <= c.as_of.last_day();
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
  if (s.start && !s.undated && s.current_to->last_day() <= s.start->last_day()) {
    s.when += " (its source dates only the start; not known after)";
    return;
  }
  s.when += s.undated || !s.start ? "; source current to " + d : " (last recorded " + d + ")";
}

// "X" → "Y" once in `text`, where X is a name of the post Y.
void Rename(std::string& text, const std::string& from, const std::string& to) {
  if (from == to || from.empty()) return;
  if (size_t at = text.find(from); at != std::string::npos) text.replace(at, from.size(), to);
}

// A statement about a mission speaks of its post by the post's one name.
void NameThePost(const Ctx& c, FactStatement& s) {
  if (auto it = c.posts.find(s.subject); it != c.posts.end()) {
    Rename(s.text, s.subject_name, it->second.name);
    s.subject = it->second.id;
    s.subject_name = it->second.name;
  }
  if (auto it = c.posts.find(s.object); it != c.posts.end()) {
    Rename(s.text, s.object_name, it->second.name);
    s.object = it->second.id;
    s.object_name = it->second.name;
  }
}

// *into becomes `d` when `d` is later.
void Later(std::optional<Date>& into, const std::optional<Date>& d) {
  if (d && (!into || into->last_day() < d->last_day())) into = d;
}

// The newest currency of the sources, by the sources list's rule (CitedSourceOf): a
// dataset pack's source gives its currency as its date.
std::optional<Date> SourcesCurrency(const std::vector<std::string>& ids, const Ctx& c) {
  std::optional<Date> out;
  for (const std::string& id : ids) Later(out, CitedSourceOf(c.kb, id).current_to);
  return out;
}

// The earliest currency of the sources that carry one.
std::optional<Date> EarliestCurrency(const std::vector<std::string>& ids, const Ctx& c) {
  std::optional<Date> out;
  for (const std::string& id : ids) {
    const std::optional<Date> d = CitedSourceOf(c.kb, id).current_to;
    if (d && (!out || d->first_day() < out->first_day())) out = d;
  }
  return out;
}

// A span dated by one day only, the day its source is current to, is a listing ("a member
// as listed on 2026-01-22", as the Factbook and the Database of Embassies give them): the
// source says it held that day, not that it began then.
bool IsListing(const Fact& f, const Ctx& c) {
  if (f.undated || !f.valid.start() || !f.valid.end() || *f.valid.start() != *f.valid.end()) return false;
  if (kb::Info(f.relation).shape == kb::Shape::kPoint) return false;
  const std::optional<Date> cur = SourcesCurrency(f.sources, c);
  return cur && *cur == *f.valid.start();
}

// As of a date before its end, a span is told as open from its start; without a start
// it has no date to tell (Interval{}: "undated"), never "since " and nothing.
Interval SinceOrUndated(const Interval& valid) {
  return valid.start() ? Interval::Since(*valid.start()) : Interval{};
}

FactStatement Statement(const Fact& f, Ctx& c) {
  FactStatement s;
  s.relation = f.relation;
  s.current_to = SourcesCurrency(f.sources, c);
  const bool open = f.undated || Ongoing(f, c);
  s.beyond_currency = open && BeyondCurrency(s.current_to, c);
  s.ongoing = Ongoing(f, c) && !s.beyond_currency;
  s.text = DescribeFact(f, c.kb, s.ongoing);
  s.subject = f.subject;
  s.subject_name = c.kb.NameOf(f.subject);
  s.object = f.object;
  if (!f.object.empty()) s.object_name = c.kb.NameOf(f.object);
  NameThePost(c, s);
  s.value = f.value;
  if (!f.undated) s.start = f.valid.start();
  // As of D, a span that ends after D is reported as still open.
  const bool end_after = f.valid.end() && f.valid.end()->first_day() > c.as_of.last_day();
  if (!f.undated && !end_after) s.end = f.valid.end();
  s.undated = f.undated;
  s.when = DescribeInterval(end_after ? SinceOrUndated(f.valid) : f.valid, f.undated || (end_after && !f.valid.start()));
  if (IsListing(f, c)) s.when = "as listed on " + f.valid.start()->ToEnglish();
  if (s.beyond_currency) MarkCurrency(s);
  s.qualifiers = QualifiersOf(f);
  s.note = f.note;
  s.cite = c.cites.Cite(f.sources);
  AddParticipant(f.subject, c, &s.participants);
  AddParticipant(f.object, c, &s.participants);
  return s;
}

// ---- one statement per fact ---------------------------------------------------------------

void UnionCites(Cites& into, const Cites& more) {
  for (int n : more)
    if (std::find(into.begin(), into.end(), n) == into.end()) into.push_back(n);
}

// The same fact from several sources: relation, subject, object and value, by name (two
// treaty datasets give one treaty two ids). Both states' party to the same agreement over
// the same dates is one fact of the pair.
std::string SameFactKey(const FactStatement& s) {
  const bool party = s.relation == Relation::kPartyTo;
  return fmt::format("{}|{}|{}|{}|{}|{}", kb::RelationName(s.relation), party ? "" : s.subject_name, s.object_name,
                     s.value, s.undated, party ? s.when : "");
}

// "Kyrgyzstan and the United States were parties to T".
std::string Capitalized(std::string s) {
  if (!s.empty()) s[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(s[0])));
  return s;
}

void BothParties(FactStatement& keep, const FactStatement& other) {
  const std::string a = Capitalized(StateInText(keep.subject_name)), b = StateInText(other.subject_name);
  keep.text = fmt::format("{} and {} {} parties to {}", a, b, keep.ongoing ? "are" : "were", keep.object_name);
  keep.participants.insert(keep.participants.end(), other.participants.begin(), other.participants.end());
}

void Absorb(FactStatement& keep, const FactStatement& other) {
  if (other.relation == Relation::kPartyTo && other.subject_name != keep.subject_name) BothParties(keep, other);
  if (other.when == keep.when) return UnionCites(keep.cite, other.cite);
  for (OtherDate& o : keep.also)
    if (o.when == other.when) return UnionCites(o.cite, other.cite);
  keep.also.push_back({other.when, other.cite});
}

// One statement per fact, in the order of first mention: the others' sources join its
// citations, their other dates its "another source gives".
std::vector<FactStatement> MergeDuplicates(std::vector<FactStatement> in) {
  std::vector<FactStatement> out;
  std::map<std::string, size_t> at;
  for (FactStatement& s : in) {
    auto [it, added] = at.emplace(SameFactKey(s), out.size());
    if (added) out.push_back(std::move(s));
    else Absorb(out[it->second], s);
  }
  return out;
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

// `future`: the date lies after today, where nothing is known, not even the capital.
StateProfile Profile(const world::State& s, const Date& on, bool future) {
  StateProfile p;
  p.state = &s;
  p.key = s.key;
  p.name = s.name;
  p.official_name = s.official_name;
  if (s.ExistsOn(on) && !future) p.capital = s.capital;  // a state that did not exist had no capital
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

// One post per sending state, receiving state, kind and city (kb/mission_posts.h): the same
// embassy named by several sources (the Historian's posts, the pack, the Database of
// Embassies) is one mission, named by its first source's id and name.
void MapPosts(const std::vector<kb::MissionInfo>& missions, Ctx& c) {
  for (const auto& [mission, post] : kb::PostsOf(c.kb, missions))
    if (const kb::Entity* e = c.kb.FindEntity(post)) c.posts[mission] = {e->id, e->name};
}

std::string PostOf(const std::string& id, const Ctx& c) {
  auto it = c.posts.find(id);
  return it == c.posts.end() ? id : it->second.id;
}

// The missions of one post, their facts together (term facts are the chiefs table's).
Mission MissionOf(const std::vector<const kb::MissionInfo*>& infos, Ctx& c) {
  const kb::Entity& e = *infos.front()->mission;
  Mission m;
  m.id = e.id;
  m.name = e.name;
  m.kind = e.subkind;
  m.sending_state = e.owner;
  m.receiving_state = e.host;
  std::vector<const Fact*> facts;
  for (const kb::MissionInfo* info : infos) facts.insert(facts.end(), info->facts.begin(), info->facts.end());
  for (const Fact* f : SortedBegun(facts, c)) {
    if (IsTermFact(*f)) continue;
    FactStatement s = Statement(*f, c);
    NoteMissionFact(*f, s, c, &m);
    m.facts.push_back(std::move(s));
  }
  m.facts = MergeDuplicates(std::move(m.facts));
  for (const kb::MissionInfo* info : infos) UnionCites(m.cite, c.cites.Cite(info->mission->sources));
  return m;
}

// Open on the date: the sources speak for it, opened by it (or opening undated) and not
// closed by it (a closing of unknown date counts as closed), unless reopened after.
bool OpenOn(const Mission& m, const Ctx& c) {
  if (!c.present_tense) return false;  // no post is open in a state that did not exist, nor known in the future
  const bool reopened = m.closed && m.opened && m.closed->first_day() < m.opened->first_day();
  if (m.closed_recorded && !reopened && (!m.closed || StartedBy(m.closed, c))) return false;
  return !m.opened || StartedBy(m.opened, c);
}

// The newest listing of the sender's posts in the receiver (a dataset naming every post it
// knows, as the Database of Embassies does) by the date: absent when none lists them.
std::optional<Date> NewestListing(const std::vector<kb::MissionInfo>& infos, const Ctx& c) {
  std::optional<Date> out;
  for (const kb::MissionInfo& info : infos)
    for (const Fact* f : info.facts)
      if (f->relation == Relation::kMissionLocatedAt && IsListing(*f, c) && Began(*f, c)) Later(out, f->valid.start());
  return out;
}

// The newest currency of the sources of a post's facts.
std::optional<Date> PostCurrency(const std::vector<const kb::MissionInfo*>& infos, const Ctx& c) {
  std::optional<Date> out;
  for (const kb::MissionInfo* info : infos)
    for (const Fact* f : info->facts) Later(out, SourcesCurrency(f->sources, c));
  return out;
}

// A post no source records after a later listing of the sender's posts that leaves it out
// (Chengdu, closed in 2020: the Historian's posts stop in 2012, the 2022 listing omits it)
// is not shown as open.
bool LeftOutOfListing(const std::vector<const kb::MissionInfo*>& infos, const std::optional<Date>& listing,
                      const Ctx& c) {
  if (!listing) return false;
  const std::optional<Date> cur = PostCurrency(infos, c);
  return cur && cur->last_day() < listing->first_day();
}

// A post with no opening date is known on D only once some fact of it (a term, an
// address, a listing) had begun by D: an undated 2017 record does not open it in 1991.
bool Attested(const std::vector<const kb::MissionInfo*>& infos, const Ctx& c) {
  for (const kb::MissionInfo* info : infos)
    for (const Fact* f : info->facts)
      if (Began(*f, c)) return true;
  return false;
}

// Missions of `sender` in `receiver` open on the date, one per post. A post not open is
// built and dropped with its citations: every listed source is cited by a shown statement.
std::vector<Mission> MissionsOf(const std::string& sender, const std::string& receiver, Ctx& c) {
  std::vector<Mission> out;
  if (!c.present_tense) return out;
  const std::vector<kb::MissionInfo> infos = c.kb.Missions(sender, receiver);
  const std::optional<Date> listing = NewestListing(infos, c);
  std::map<std::string, std::vector<const kb::MissionInfo*>> by_post;
  std::vector<std::string> order;
  for (const kb::MissionInfo& info : infos) {
    const std::string post = PostOf(info.mission->id, c);
    if (by_post[post].empty()) order.push_back(post);
    by_post[post].push_back(&info);
  }
  for (const std::string& post : order) {
    if (LeftOutOfListing(by_post[post], listing, c)) continue;
    Citations before = c.cites;
    Mission m = MissionOf(by_post[post], c);
    if (OpenOn(m, c) && (m.opened || Attested(by_post[post], c))) out.push_back(std::move(m));
    else c.cites = before;
  }
  return out;
}

// A term left open that a later chief of mission at the same post ends: inferred, and said so.
void EndByNextChief(const kb::Term& t, Ctx& c, FactStatement& s) {
  s.end = t.end;
  s.ongoing = false;
  s.beyond_currency = false;
  s.text = DescribeFact(*t.fact, c.kb, false);
  s.subject = t.fact->subject;
  s.subject_name = c.kb.NameOf(t.fact->subject);
  s.object = t.fact->object;
  s.object_name = c.kb.NameOf(t.fact->object);
  NameThePost(c, s);
  const std::string from = t.fact->valid.start() ? t.fact->valid.start()->ToEnglish() + " " : "";
  s.when = fmt::format("{}until the next chief of mission, c. {}", from.empty() ? "" : "from " + from,
                       t.end->ToEnglish());
}

TermDetail TermDetailOf(const Fact& f, const FactStatement& s, const Ctx& c) {
  const std::string_view role = f.QualifierValue("role");
  return {c.kb.NameOf(f.subject), s.object_name, std::string(role), std::string(kb::RoleTitle(role)),
          kb::IsChargeRole(role), false, {}};
}

FactStatement TermStatement(const kb::Term& t, Ctx& c) {
  FactStatement s = Statement(*t.fact, c);
  TermDetail d = TermDetailOf(*t.fact, s, c);
  if (t.implicit_end && t.end && t.end->first_day() <= c.as_of.last_day()) {
    EndByNextChief(t, c, s);
    d.end_implicit = true;
  }
  for (const char* key : {"appointed", "credentials", "arrived"}) {
    std::string_view v = t.fact->QualifierValue(key);
    if (!v.empty()) d.dates.push_back({key, std::string(v)});
  }
  s.term = std::move(d);
  return s;
}

// Every term at the sender's posts in the receiver, with the ends the next term implies.
std::map<const Fact*, kb::Term> TermsOf(const std::string& sender, const std::string& receiver, const Ctx& c) {
  std::map<const Fact*, kb::Term> out;
  for (const kb::MissionInfo& m : c.kb.Missions(sender, receiver))
    for (const kb::Term& t : c.kb.TermsAt(m.mission->id)) out.emplace(t.fact, t);
  return out;
}

std::vector<FactStatement> Chiefs(const std::string& sender, const std::string& receiver, Ctx& c) {
  std::vector<const Fact*> terms;
  for (const kb::MissionInfo& m : c.kb.Missions(sender, receiver))
    for (const Fact* f : m.facts)
      if (IsTermFact(*f)) terms.push_back(f);
  const std::map<const Fact*, kb::Term> implied = TermsOf(sender, receiver, c);
  std::vector<FactStatement> out;
  for (const Fact* f : SortedBegun(terms, c)) {
    if (f->relation != Relation::kPostVacant) {
      auto it = implied.find(f);
      out.push_back(TermStatement(it != implied.end() ? it->second : kb::Term{f, f->valid.end(), false}, c));
      continue;
    }
    out.push_back(Statement(*f, c));
    out.back().vacant = true;
  }
  return out;
}

// Undated attestations the sources still speak for are shown as current; the others, and
// open terms past their source's currency, only as the last record.
void SortUndated(const kb::EnvoyAnswer& ans, Ctx& c, Envoys& e) {
  for (const kb::Term& t : ans.undated) {
    if (!Began(*t.fact, c)) continue;  // before its source's present: not known to serve yet
    FactStatement s = TermStatement(t, c);
    (s.beyond_currency ? e.last_recorded : e.undated).push_back(std::move(s));
  }
}

Envoys EnvoysOf(const std::string& sender, const std::string& receiver, Ctx& c) {
  kb::EnvoyAnswer ans = c.kb.Envoy(sender, receiver, c.as_of);
  Envoys e;
  e.sending_state = sender;
  e.receiving_state = receiver;
  for (const kb::Term& t : ans.heads) e.heads.push_back(TermStatement(t, c));
  e.vacant = Statements(ans.vacant, c);
  if (ans.previous) e.previous = TermStatement(*ans.previous, c);
  if (c.present_tense) {
    for (const kb::Term& t : ans.beyond_currency) e.last_recorded.push_back(TermStatement(t, c));
    SortUndated(ans, c, e);
  }
  e.current_to = ans.current_to;
  e.beyond_currency = BeyondCurrency(ans.current_to, c);
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
  g.facts = MergeDuplicates(Statements(facts, c));
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

// The agreement a fact speaks of (its subject, or a party_to fact's object), or "".
std::string AgreementOfFact(const Fact& f, const Ctx& c) {
  const std::string& id = f.relation == Relation::kPartyTo ? f.object : f.subject;
  const kb::Entity* e = c.kb.FindEntity(id);
  return e != nullptr && e->kind == kb::EntityKind::kAgreement ? id : std::string();
}

// The agreements the pair's facts name and that were signed by the date, in order of first mention.
std::vector<std::string> AgreementIds(const std::vector<const Fact*>& dyad, const Ctx& c) {
  std::vector<std::string> out;
  std::set<std::string> seen;
  for (const Fact* f : dyad) {
    std::string id = AgreementOfFact(*f, c);
    if (!id.empty() && seen.insert(id).second && SignedBy(id, c)) out.push_back(std::move(id));
  }
  return out;
}

// What an agreement's own facts say (signed, in force, terminated); when they say nothing,
// the pair's two party facts, which then are all the section can say of it.
std::vector<const Fact*> AgreementFacts(const std::string& id, const Ctx& c) {
  std::vector<const Fact*> facts;
  for (Relation r : kAgreementRelations)
    for (const Fact* x : c.kb.FactsOf(id, r)) facts.push_back(x);
  if (!facts.empty()) return SortedBegun(facts, c);
  for (const Fact* p : c.kb.FactsAbout(id, Relation::kPartyTo))
    if (p->subject == c.a || p->subject == c.b) facts.push_back(p);
  return SortedBegun(facts, c);
}

// One status per agreement, from the last fact that decides it: an in-force span whose
// source stops before the date is in force as last recorded, never "expired".
const FactStatement* StatusFact(const Group& g, std::string* status) {
  const FactStatement* by = g.facts.empty() ? nullptr : &g.facts.front();
  *status = "recorded";
  for (const FactStatement& f : g.facts) {
    if (f.relation == Relation::kAgreementSigned && *status == "recorded") *status = "signed", by = &f;
    if (f.relation == Relation::kAgreementInForce)
      *status = f.ongoing || f.beyond_currency ? "in force" : "expired", by = &f;
    if (f.relation == Relation::kAgreementTerminated) *status = "terminated", by = &f;
  }
  return by;
}

// "in force since 17 April 1869 (last recorded 2023-10-11)", "expired (in force 1958 – 1976)",
// "terminated July 2015", "signed 1993", "both are parties; the source gives no date": the
// status with the dates of the fact that decides it.
std::string StatusText(const std::string& status, const FactStatement* by) {
  if (by == nullptr) return status;
  if (status == "expired") return "expired (in force " + by->when + ")";
  if (status == "recorded" && !by->start) return "both are parties; the source gives no date";
  if (status == "recorded") return "both are parties " + by->when;
  if (by->when == "undated") return status + "; the source gives no date";
  return status + " " + by->when;
}

bool Multilateral(const std::vector<std::string>& parties, const Ctx& c) {
  return std::any_of(parties.begin(), parties.end(), [&](const std::string& p) { return p != c.a && p != c.b; });
}

// Two treaty datasets give one treaty two ids: the same name (in any case) is one agreement.
std::string AgreementKey(const std::string& id, const Ctx& c) {
  std::string key = c.kb.NameOf(id);
  for (char& ch : key) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
  return key;
}

// The agreements' ids, one list per agreement (AgreementKey), in order of first mention.
std::vector<std::vector<std::string>> SameAgreements(const std::vector<std::string>& ids, const Ctx& c) {
  std::vector<std::vector<std::string>> out;
  std::map<std::string, size_t> at;
  for (const std::string& id : ids) {
    auto [it, added] = at.emplace(AgreementKey(id, c), out.size());
    if (added) out.emplace_back();
    out[it->second].push_back(id);
  }
  return out;
}

void AddParties(const std::string& id, const Ctx& c, std::vector<std::string>& parties) {
  for (const Fact* p : c.kb.FactsAbout(id, Relation::kPartyTo))
    if (std::find(parties.begin(), parties.end(), p->subject) == parties.end()) parties.push_back(p->subject);
}

// One agreement from every dataset that names it: their facts as one group (one statement
// per fact, other sources' dates beside it), their entities' citations and parties.
Group AgreementOf(const std::vector<std::string>& ids, Ctx& c) {
  std::vector<const Fact*> facts;
  for (const std::string& id : ids) {
    const std::vector<const Fact*> more = AgreementFacts(id, c);
    facts.insert(facts.end(), more.begin(), more.end());
  }
  Group g = GroupOf(ids.front(), SortedBegun(facts, c), c);
  for (size_t i = 1; i < ids.size(); ++i)
    if (const kb::Entity* e = c.kb.FindEntity(ids[i])) UnionCites(g.cite, c.cites.Cite(e->sources));
  std::string status;
  const FactStatement* by = StatusFact(g, &status);
  g.status_text = StatusText(status, by);
  g.status = status;
  for (const std::string& id : ids) AddParties(id, c, g.parties);
  g.multilateral = Multilateral(g.parties, c);
  return g;
}

// The agreements of the pair: the bilateral ones first, then the multilateral treaties both joined.
std::vector<Group> Agreements(const std::vector<const Fact*>& dyad, Ctx& c) {
  std::vector<Group> groups;
  for (const std::vector<std::string>& ids : SameAgreements(AgreementIds(dyad, c), c)) {
    Group g = AgreementOf(ids, c);
    if (!g.facts.empty()) groups.push_back(std::move(g));
  }
  std::stable_partition(groups.begin(), groups.end(), [](const Group& g) { return !g.multilateral; });
  return groups;
}

// The membership facts of `s` per organization on the date: spans holding on it (or open
// past their source) and listings by it.
// A membership that had begun by D is corroborated by a later attestation of it (an undated
// fact or a listing whose source's present lies after D): member since 1991 and still one in
// 2017 was one in 2010. The later attestation adds its citation and currency, not its date.
void AddLaterAttestations(const std::vector<const Fact*>& all, const Ctx& c,
                          std::map<std::string, std::vector<const Fact*>>& m) {
  for (const Fact* f : all) {
    auto it = m.find(f->object);
    if (it == m.end() || Began(*f, c) || !(f->undated || IsListing(*f, c))) continue;
    it->second.push_back(f);
  }
}

std::map<std::string, std::vector<const Fact*>> OrganizationsOf(const std::string& s, const Ctx& c) {
  std::map<std::string, std::vector<const Fact*>> m;
  std::vector<const Fact*> all;
  for (Relation r : {Relation::kMemberOf, Relation::kObserverOf, Relation::kParticipatesIn}) {
    const std::vector<const Fact*> facts = c.kb.FactsOf(s, r);
    all.insert(all.end(), facts.begin(), facts.end());
    for (const Fact* f : SortedBegun(facts, c))
      if (IsListing(*f, c) || f->undated || Ongoing(*f, c)) m[f->object].push_back(f);
  }
  AddLaterAttestations(all, c, m);
  return m;
}

// The dates of a statement without its currency mark (MarkCurrency).
std::string Unmarked(const FactStatement& s) {
  if (!s.beyond_currency) return s.when;
  for (std::string_view mark : {" (last recorded ", "; source current to ", " (its source"})
    if (size_t at = s.when.find(mark); at != std::string::npos) return s.when.substr(0, at);
  return s.when;
}

void AddWhen(std::vector<std::string>& when, std::string w) {
  if (std::find(when.begin(), when.end(), w) == when.end()) when.push_back(std::move(w));
}

// One statement per state and organization from every source: "since 30 January 1992;
// listed 22 January 2026", all citations, the newest currency.
FactStatement MembershipStatement(std::vector<const Fact*> facts, Ctx& c) {
  std::stable_partition(facts.begin(), facts.end(), [&](const Fact* f) { return !IsListing(*f, c) && Began(*f, c); });
  FactStatement s = Statement(*facts[0], c);
  std::vector<std::string> when;
  for (const Fact* f : facts) {
    FactStatement o = Statement(*f, c);
    UnionCites(s.cite, o.cite);
    Later(s.current_to, o.current_to);
    if (!Began(*f, c)) continue;  // a later attestation: its citation and currency only
    if (!f->undated || facts.size() == 1) AddWhen(when, IsListing(*f, c) ? "listed " + f->valid.start()->ToEnglish() : Unmarked(o));
  }
  const Fact& first = *facts[0];
  const bool open = !IsListing(first, c) && (first.undated || Ongoing(first, c));
  s.beyond_currency = (open || IsListing(*facts.back(), c)) && BeyondCurrency(s.current_to, c);
  s.ongoing = open && !s.beyond_currency;
  s.text = DescribeFact(first, c.kb, s.ongoing);  // the tense of the merged statement
  s.when = fmt::format("{}", fmt::join(when, "; "));
  const bool listed_then = std::any_of(facts.begin(), facts.end(), [&](const Fact* f) {
    return IsListing(*f, c) && s.current_to && *f->valid.start() == *s.current_to;
  });
  if (s.beyond_currency && !listed_then) s.when += " (last recorded " + s.current_to->ToString() + ")";
  s.membership = MembershipDetail{first.object, c.kb.NameOf(first.object), first.relation == Relation::kObserverOf, ""};
  if (first.relation == Relation::kParticipatesIn)
    s.membership->participation = first.value.empty() ? std::string(first.QualifierValue("role")) : first.value;
  return s;
}

Memberships MembershipsOf(Ctx& c) {
  auto ma = OrganizationsOf(c.a, c), mb = OrganizationsOf(c.b, c);
  Memberships out;
  for (const auto& [org, f] : ma) {
    auto it = mb.find(org);
    if (it == mb.end()) {
      out.only_a.push_back(MembershipStatement(f, c));
      continue;
    }
    FactStatement sa = MembershipStatement(f, c);
    out.shared.push_back({org, c.kb.NameOf(org), std::move(sa), MembershipStatement(it->second, c)});
  }
  for (const auto& [org, f] : mb)
    if (!ma.count(org)) out.only_b.push_back(MembershipStatement(f, c));
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
  s.pair = MergeDuplicates(FactList(dyad, set, c));
  s.a = MergeDuplicates(FactList(SideFacts(c.a, set, c), set, c));
  s.b = MergeDuplicates(FactList(SideFacts(c.b, set, c), set, c));
  return s;
}

bool InvolvesAThirdState(const FactStatement& s, const Ctx& c) {
  return std::any_of(s.participants.begin(), s.participants.end(),
                     [&](const world::State* p) { return p->key != c.a && p->key != c.b; });
}

void MoveThirdStates(std::vector<FactStatement>& from, std::vector<FactStatement>& to, const Ctx& c) {
  auto third = std::stable_partition(from.begin(), from.end(),
                                     [&](const FactStatement& s) { return !InvolvesAThirdState(s, c); });
  std::move(third, from.end(), std::back_inserter(to));
  from.erase(third, from.end());
}

// A section about the pair holds no statement about a third state ("Kazakhstan suspended
// trade with Kyrgyzstan"): those are context.
void ThirdStatesToContext(SidedFacts& section, SidedFacts& context, const Ctx& c) {
  MoveThirdStates(section.a, context.a, c);
  MoveThirdStates(section.b, context.b, c);
}

// ---- timeline -----------------------------------------------------------------------------

// A happening with a start and no end is one the source dates no closer than "after the
// start": "in or after 2006", never "since 2006" (it does not go on) and never an end
// taken from the source's currency (which is when the source stops, not when it happened).
std::string OccurrenceWhen(const Interval& when) {
  if (when.start() && !when.end()) return "in or after " + when.start()->ToEnglish();
  return DescribeInterval(when, false);
}

// A summary is a line of the timeline like any fact: no full stop before its citation
// ("... at the base [4]"); one after an abbreviation ("U.S.") stays.
std::string Phrase(std::string text) {
  const size_t n = text.size();
  if (n >= 2 && text[n - 1] == '.' && std::islower(static_cast<unsigned char>(text[n - 2]))) text.pop_back();
  return text;
}

// The state an entity is or belongs to: a state itself, a person's or agency's owner, a
// place's host; empty when none is recorded.
std::string StateOf(const std::string& id, const Ctx& c) {
  if (c.world.Find(id) != nullptr) return id;
  const kb::Entity* e = c.kb.FindEntity(id);
  if (e == nullptr) return "";
  const std::string& s = e->kind == kb::EntityKind::kPlace ? e->host : e->owner;
  return c.world.Find(s) != nullptr ? s : "";
}

void AddState(const std::string& id, const Ctx& c, std::vector<std::string>& states) {
  const std::string s = StateOf(id, c);
  if (!s.empty() && std::find(states.begin(), states.end(), s) == states.end()) states.push_back(s);
}

// Who takes part, as the timeline's merge compares them (timeline_merge.h).
void NoteWhoTakesPart(const kb::Occurrence& o, const Ctx& c, OccurrenceStatement& s) {
  for (const kb::Participant& p : o.participants) {
    AddState(p.entity, c, s.states);
    const kb::Entity* e = c.kb.FindEntity(p.entity);
    if (e != nullptr && e->kind == kb::EntityKind::kPerson) s.people.push_back({p.entity, e->name, p.role});
  }
  if (!o.place.empty()) AddState(o.place, c, s.states);
  if (!o.place.empty()) s.place_state = StateOf(o.place, c);
  std::sort(s.states.begin(), s.states.end());
}

OccurrenceStatement OccurrenceOf(const kb::Occurrence& o, Ctx& c) {
  OccurrenceStatement s;
  s.id = o.id;
  s.kind = o.kind;
  s.start = o.when.start();
  s.end = o.when.end();
  s.when = OccurrenceWhen(o.when);
  s.text = Phrase(o.summary);
  s.cameo = o.cameo;
  if (!o.place.empty()) s.place = c.kb.NameOf(o.place);
  for (const kb::Participant& p : o.participants) s.participants.push_back({p.entity, c.kb.NameOf(p.entity), p.role});
  s.cite = c.cites.Cite(o.sources);
  s.current_to = SourcesCurrency(o.sources, c);
  NoteWhoTakesPart(o, c, s);
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

// A chief-of-mission fact as its term at the post (with the end a successor implies).
FactStatement TimelineStatement(const Fact& f, Ctx& c) {
  if (f.relation != Relation::kChiefOfMission) return Statement(f, c);
  for (const kb::Term& t : c.kb.TermsAt(f.object))
    if (t.fact == &f) return TermStatement(t, c);
  return Statement(f, c);
}

const FactStatement* FirstOf(const Group& g, Relation r) {
  for (const FactStatement& f : g.facts)
    if (f.relation == r) return &f;
  return nullptr;
}

// A bilateral agreement in the timeline: one line at its signature with its entry into force
// ("… was signed; in force since 1 July 1869 (last recorded 2023-10-11)"), its termination on
// its own date. An agreement known only by the pair's party facts keeps those.
std::vector<FactStatement> AgreementLines(const Group& g) {
  const FactStatement* sig = FirstOf(g, Relation::kAgreementSigned);
  const FactStatement* force = FirstOf(g, Relation::kAgreementInForce);
  const FactStatement* end = FirstOf(g, Relation::kAgreementTerminated);
  if (!sig && !force && !end) return g.facts;
  std::vector<FactStatement> out;
  const bool dated_force = force && force->start && !force->undated;
  if (sig) out.push_back(*sig);
  if (sig && dated_force && force->when != sig->when) {
    out.back().text += "; in force " + force->when;
    UnionCites(out.back().cite, force->cite);
  }
  if (!sig && dated_force) out.push_back(*force);
  if (end) out.push_back(*end);
  return out;
}

// The timeline is the pair's history: the bilateral agreements once each (AgreementLines);
// the multilateral treaties both joined are the agreements section's list, not lines here.
void AddAgreementLines(const std::vector<Group>& agreements, Ctx& c, std::vector<FactStatement>& facts) {
  for (const Group& g : agreements) {
    if (g.multilateral) continue;
    for (FactStatement& s : AgreementLines(g)) {
      c.cites.Mark(s.cite);
      facts.push_back(std::move(s));
    }
  }
}

std::vector<TimelineYear> Timeline(const kb::DyadView& view, const std::vector<Group>& agreements, Ctx& c) {
  std::vector<FactStatement> facts;
  for (const Fact* f : view.facts)
    if (Began(*f, c) && !AboutAThirdState(*f, c) && AgreementOfFact(*f, c).empty())
      facts.push_back(TimelineStatement(*f, c));
  AddAgreementLines(agreements, c, facts);
  std::map<int, std::vector<TimelineItem>> years;
  TimelineYear undated;
  for (FactStatement& s : MergeDuplicates(std::move(facts))) {
    const std::optional<Date> start = s.undated ? std::nullopt : s.start;
    (start ? years[start->year()] : undated.items).push_back(TimelineItem{std::move(s), std::nullopt});
  }
  for (const kb::Occurrence* o : view.occurrences)
    if (HappenedBy(*o, c)) years[o->when.start()->year()].push_back(TimelineItem{std::nullopt, OccurrenceOf(*o, c)});
  std::vector<TimelineYear> out;
  for (auto& [year, items] : years) {
    std::stable_sort(items.begin(), items.end(),
                     [](const TimelineItem& x, const TimelineItem& y) { return StartKey(x) < StartKey(y); });
    out.push_back({year, MergeSameOccurrences(std::move(items))});
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
  o.since = MergeDuplicates(Statements(r.since, c));
  std::set<std::string> dates;
  for (const Fact* f : r.since) dates.insert(StartText(f));
  o.sources_disagree = dates.size() > 1;
  o.recognition = MergeDuplicates(Statements(r.recognition, c));  // one line per fact, as in the timeline
  o.recognition_disagrees = RecognitionDisagrees(r.recognition);
  o.last_break = MaybeStatement(r.last_break, c);
  o.later_claims = Statements(r.later_claims, c);
  o.no_relations = Statements(r.no_relations, c);
  o.inferred = r.inferred;
  o.evidence = Statements(r.evidence, c);
  o.current_to = r.current_to;
  o.beyond_currency = r.beyond_currency;
  return o;
}

// "A", "A and B", "A, B and C".
std::string JoinNames(const std::vector<std::string>& names) {
  if (names.size() < 2) return names.empty() ? "" : names[0];
  const std::vector<std::string> head(names.begin(), names.end() - 1);
  return fmt::format("{} and {}", fmt::join(head, ", "), names.back());
}

// "(another source gives <when> [n])" for every statement after the first, and for the
// other dates merged into the first (one fact from several sources).
void AddOtherSources(const std::vector<const FactStatement*>& facts, Clause* clause) {
  for (const OtherDate& o : facts.front()->also)
    clause->insert(clause->end(), {{" (another source gives " + o.when, o.cite}, {")", {}}});
  for (size_t i = 1; i < facts.size(); ++i)
    clause->insert(clause->end(), {{" (another source gives " + facts[i]->when, facts[i]->cite}, {")", {}}});
}

// "are", or past the currency of the evidence "were, when last recorded on 2022-11-16,".
std::string InferredVerb(const RelationsOverview& rel) {
  if (!rel.beyond_currency || !rel.current_to) return "are";
  return fmt::format("were, when last recorded on {},", rel.current_to->ToString());
}

// The clause opens a sentence: "The Soviet Union and ...", never "the Soviet Union and ...".
Clause RelationsStateClause(const Dossier& d, const std::string& first, const std::string& b) {
  const RelationsOverview& rel = d.overview.relations;
  const std::string a = Capitalized(first);
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
    return {{fmt::format("{} and {} {} in diplomatic relations: no resumption is recorded after the break of {}",
                         a, b, InferredVerb(rel), rel.last_break->when),
             rel.last_break->cite},
            {fmt::format(", but {} ({})", ev.text, ev.when), ev.cite}};
  }
  if (rel.inferred && !rel.evidence.empty()) {
    const FactStatement& ev = rel.evidence[0];
    return {{fmt::format("{} and {} {} in diplomatic relations by inference: no establishment is recorded", a, b,
                         InferredVerb(rel)),
             {}},
            {fmt::format(", but {} ({})", ev.text, ev.when), ev.cite}};
  }
  return {{fmt::format("The data records no establishment of diplomatic relations between {} and {} ({})", a, b,
                       rel.state),
           {}}};
}

// The relations clause; past the records' currency it says when they were last recorded:
// "... since 25 December 1991 (last recorded 2024-07-19, not known after)".
Clause RelationsClause(const Dossier& d, const std::string& first, const std::string& b) {
  Clause clause = RelationsStateClause(d, first, b);
  const RelationsOverview& rel = d.overview.relations;
  const std::string currency = StatusCurrency(rel);
  if (!rel.since.empty() && !currency.empty()) clause.push_back({currency, {}});
  return clause;
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

// "Kyrgyzstan did not exist as a state in 1700" (`on`: OnDate's phrase).
std::string NotExistingText(const std::vector<std::string>& names, const std::string& on) {
  if (names.size() == 1) return fmt::format("{} did not exist as a state {}", Capitalized(StateInText(names[0])), on);
  return fmt::format("Neither {} nor {} existed as a state {}", StateInText(names[0]), StateInText(names[1]), on);
}

// What the sources cannot say for the date, as the summary's first clause (none: they can).
std::optional<Clause> StandingClause(const Dossier& d) {
  const DateStanding& s = d.standing;
  const std::string on = d.as_of.ToEnglish();
  if (!s.not_existing.empty()) return Clause{{NotExistingText(s.not_existing, OnDate(d.as_of)), {}}};
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
  std::vector<std::string> shared;  // full members both: an observer or a partner is no member
  for (const SharedMembership& m : d.memberships.shared)
    if (m.both_members()) shared.push_back(m.organization_name);
  // Beyond today the memberships are only the last record (the standing clause says so).
  if (!shared.empty() && !d.standing.future) out.push_back({{"Both are members of " + JoinNames(shared), {}}});
  if (!shared.empty() && d.standing.future)
    out.push_back({{"Both were last recorded as members of " + JoinNames(shared), {}}});
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
  events::SeriesLeftOut left_out;
  Result<std::vector<events::SeriesPoint>> series = events::Series(store, MonthlyQuery(from, to, c), &left_out);
  if (!series.ok()) return Status(series.status().code(), "event series " + from + "→" + to + ": " + series.status().message());
  dir.year_precision = left_out.year_precision;
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
  for (const EventDirection& dir : e.directions) {
    for (const MonthPoint& p : dir.monthly) e.total += p.count;
    e.total += dir.year_precision;
    e.year_precision += dir.year_precision;
  }
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

// ---- sections with nothing for the pair ------------------------------------------------------

struct Topic {
  const char* section;
  const char* what;
  std::initializer_list<Relation> relations;
  const char* occurrence_kind;  // occurrences of this kind count too ("" none)
};

constexpr Topic kTopics[] = {
    {"agreements", "agreements",
     {Relation::kAgreementSigned, Relation::kAgreementInForce, Relation::kAgreementTerminated, Relation::kPartyTo},
     ""},
    {"memberships", "memberships in international organizations", {Relation::kMemberOf, Relation::kObserverOf}, ""},
    {"security", "military installations and security incidents",
     {Relation::kInstallationHostedBy, Relation::kInstallationOperatedBy, Relation::kInstallationOpened,
      Relation::kInstallationClosed},
     "incident"},
    {"assistance", "assistance", {Relation::kAssistance}, ""},
    {"opinion", "public-opinion polls", {Relation::kPollResult}, ""},
    {"trade", "trade and currency",
     {Relation::kCurrency, Relation::kInCurrencyZone, Relation::kTradeSuspended, Relation::kTradeRestrictions,
      Relation::kTradeTrend},
     ""},
};

// The fact concerns one of the pair's states (as subject, object, owner or host).
bool ConcernsThePair(const Fact& f, const Ctx& c) {
  for (const std::string* id : {&f.subject, &f.object})
    for (const std::string& s : c.kb.StatesOf(*id))
      if (s == c.a || s == c.b) return true;
  return false;
}

// The sources of the knowledge base that record a topic's facts for either state of the pair
// (with any other state), sorted by id.
std::set<std::string> TopicSources(const Topic& t, const Ctx& c) {
  std::set<std::string> out;
  for (const Fact& f : c.kb.facts())
    if (In(f.relation, t.relations) && ConcernsThePair(f, c)) out.insert(f.sources.begin(), f.sources.end());
  if (*t.occurrence_kind == '\0') return out;
  for (const kb::Occurrence& o : c.kb.occurrences()) {
    if (o.kind != t.occurrence_kind) continue;
    const bool ours = std::any_of(o.participants.begin(), o.participants.end(), [&](const kb::Participant& p) {
      const std::vector<std::string> states = c.kb.StatesOf(p.entity);
      return std::find(states.begin(), states.end(), c.a) != states.end() ||
             std::find(states.begin(), states.end(), c.b) != states.end();
    });
    if (ours) out.insert(o.sources.begin(), o.sources.end());
  }
  return out;
}

// The empty sections in at most two entries, in section order: those some source records
// for either state (with all those sources cited), and those none does.
std::vector<NotRecorded> NotRecordedOf(const Dossier& d, Ctx& c) {
  std::array<NotRecorded, 2> by;  // [0] looked for in sources that hold such facts, [1] in none
  std::set<std::string> sources;
  for (const Topic& t : kTopics) {
    if (!SectionEmpty(d, t.section)) continue;
    const std::set<std::string> more = TopicSources(t, c);
    NotRecorded& into = by[more.empty() ? 1 : 0];
    into.sections.push_back(t.section);
    into.topics.push_back(t.what);
    sources.insert(more.begin(), more.end());
  }
  by[0].cite = c.cites.Cite({sources.begin(), sources.end()});
  std::vector<NotRecorded> out;
  for (NotRecorded& n : by)
    if (!n.sections.empty()) out.push_back(std::move(n));
  return out;
}

Status BuildSections(const DossierRequest& req, Ctx& c, Dossier& d) {
  kb::DyadView view = c.kb.Dyad(c.a, c.b, Interval::Always());
  std::vector<const Fact*> dyad = SortedBegun(view.facts, c);
  MapPosts(c.kb.Missions(c.a, c.b), c);
  MapPosts(c.kb.Missions(c.b, c.a), c);
  c.cites.Section("representation");
  d.representation.missions = {MissionsOf(c.a, c.b, c), MissionsOf(c.b, c.a, c)};
  c.cites.Section("overview");
  d.overview.relations = Relations(c);
  c.cites.Section("representation");
  d.envoys = {EnvoysOf(c.a, c.b, c), EnvoysOf(c.b, c.a, c)};
  d.representation.chiefs = {Chiefs(c.a, c.b, c), Chiefs(c.b, c.a, c)};
  d.representation.offices_a = Offices(c.a, c.b, c);
  d.representation.offices_b = Offices(c.b, c.a, c);
  c.cites.Section("agreements");
  d.agreements = Agreements(dyad, c);
  c.cites.Section("memberships");
  d.memberships = MembershipsOf(c);
  c.cites.Section("security");
  d.security.installations = GroupBySubject(dyad, {Relation::kInstallationHostedBy, Relation::kInstallationOperatedBy,
                                                   Relation::kInstallationOpened, Relation::kInstallationClosed}, c);
  for (const kb::Occurrence* o : view.occurrences)
    if (o->kind == "incident" && HappenedBy(*o, c)) d.security.incidents.push_back(OccurrenceOf(*o, c));
  c.cites.Section("assistance");
  d.assistance = MergeDuplicates(FactList(dyad, {Relation::kAssistance}, c));
  c.cites.Section("opinion");
  DYAD_ASSIGN_OR_RETURN(d.public_opinion, Polls(dyad, c));
  c.cites.Section("trade");
  d.trade_currency = Sided(dyad, {Relation::kCurrency, Relation::kInCurrencyZone, Relation::kTradeSuspended,
                                  Relation::kTradeRestrictions, Relation::kTradeTrend}, c);
  c.cites.Section("context");
  d.context = Sided(dyad, {Relation::kIndependenceDeclared, Relation::kContributesTo, Relation::kPolicyStance,
                           Relation::kCooperation}, c);
  ThirdStatesToContext(d.trade_currency, d.context, c);
  c.cites.Section("timeline");
  d.timeline = Timeline(c.kb.Dyad(c.a, c.b, Interval::Make(std::nullopt, c.as_of).value()), d.agreements, c);
  DYAD_ASSIGN_OR_RETURN(d.events, Events(req, c));
  c.cites.Section("datasets");
  d.relations_data = RelationsDataOf(req, c);
  c.cites.Section("not-recorded");
  d.not_recorded = NotRecordedOf(d, c);
  c.cites.Section("pairs");
  if (!c.present_tense) return Status();  // the pair sections speak in the present tense
  d.pairs = BuildPairSections({&c.world, &c.kb, req.relations, req.relations_error, c.a, c.b, c.as_of},
                              [&c](const CitedSource& s) { return c.cites.External(s); });
  return Status();
}

// The newest currency of the sources a section cites, per section that cites any.
std::vector<SectionCurrency> CurrencyOf(Ctx& c, const std::vector<CitedSource>& sources) {
  static const std::pair<const char*, const char*> kSections[] = {
      {"overview", "Overview"}, {"timeline", "Timeline"}, {"representation", "Diplomatic representation"},
      {"agreements", "Agreements"}, {"memberships", "Memberships"}, {"security", "Security"},
      {"assistance", "Assistance"}, {"opinion", "Public opinion"}, {"trade", "Trade and currency"},
      {"context", "Context"}, {"not-recorded", "Not recorded"}, {"datasets", "Relations data"}, {"pairs", "Between the two states"}};
  std::vector<SectionCurrency> out;
  for (const auto& [id, title] : kSections) {
    const std::set<int>& cited = c.cites.CitedIn(id);
    if (cited.empty()) continue;
    SectionCurrency sc{id, title, std::nullopt};
    for (int n : cited) Later(sc.current_to, sources[n - 1].current_to);
    out.push_back(std::move(sc));
  }
  return out;
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

CitedSource CitedSourceOf(const kb::KnowledgeBase& kb, const std::string& id) {
  CitedSource e;
  e.id = e.title = id;
  const kb::Source* s = kb.FindSource(id);
  if (s == nullptr) return e;
  e.title = s->title;
  e.author = s->author;
  e.publisher = s->publisher;
  e.url = s->url;
  e.licence = s->licence;
  if (s->date && s->date->first_day() <= kb.today().last_day()) e.date = s->date;
  e.retrieved = s->retrieved;
  e.current_to = s->current_to ? s->current_to : e.date;
  return e;
}

Result<Dossier> BuildDossier(const world::World& world, const kb::KnowledgeBase& kb, const DossierRequest& req) {
  DYAD_RETURN_IF_ERROR(CheckRequest(req));
  Ctx c{world, kb, req.a->key, req.b->key, req.as_of.value_or(TodayUtc()), Citations(kb), true, {}};
  Dossier d;
  d.title = fmt::format("{}–{} relations", req.a->name, req.b->name);
  d.as_of = c.as_of;
  d.as_of_given = req.as_of.has_value();
  d.standing = StandingOn(c.as_of, req, kb);
  c.present_tense = d.standing.present_tense();
  d.states = {Profile(*req.a, c.as_of, d.standing.future), Profile(*req.b, c.as_of, d.standing.future)};
  DYAD_RETURN_IF_ERROR(BuildSections(req, c, d));
  d.sources = c.cites.List();
  d.currency = CurrencyOf(c, d.sources);
  d.overview.summary = Summary(d);
  d.see_also = SeeAlso(d);
  d.map = PlanMap(*req.a, *req.b, req);
  return d;
}

}  // namespace dyad::report
