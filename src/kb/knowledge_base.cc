// KnowledgeBase: indexes and as-of queries.
#include "kb/knowledge_base.h"

#include <fmt/format.h>

#include <algorithm>
#include <climits>
#include <initializer_list>
#include <set>

namespace dyad::kb {
namespace {

int32_t Lo(const Interval& i) { return i.start() ? i.start()->first_day() : INT32_MIN; }
int32_t Hi(const Interval& i) { return i.end() ? i.end()->last_day() : INT32_MAX; }

// A dated fact possibly holding on some day of [lo, hi].
bool Covers(const Fact& f, int32_t lo, int32_t hi) {
  return !f.undated && Lo(f.valid) <= hi && lo <= Hi(f.valid);
}

bool ByStart(const Fact* a, const Fact* b) {
  if (a->undated != b->undated) return !a->undated;
  if (Lo(a->valid) != Lo(b->valid)) return Lo(a->valid) < Lo(b->valid);
  return a < b;
}

bool IsEstablishing(Relation r) {
  return r == Relation::kRelationsEstablished || r == Relation::kRelationsResumed;
}
bool IsBreak(Relation r) {
  return r == Relation::kRelationsSevered || r == Relation::kRelationsSuspended;
}

// Relations answered by Relations(): the recognition and diplomatic-relations family.
bool Family(Relation r) {
  return r == Relation::kRecognized || r == Relation::kNoRelations || IsEstablishing(r) ||
         IsBreak(r);
}

// Orders each fact list of `indexes` by relation, then as ByStart does (dated first, then
// by first day, then in file order), from keys computed once per fact.
void SortByRelationThenStart(const std::vector<Fact>& facts,
                             std::initializer_list<StringMap<std::vector<uint32_t>>*> indexes) {
  std::vector<uint64_t> key(facts.size());  // relation, undated, first day: one integer
  for (size_t i = 0; i < facts.size(); ++i) {
    const Fact& f = facts[i];
    const uint64_t day = static_cast<uint32_t>(Lo(f.valid)) ^ 0x80000000u;  // order-preserving
    key[i] = (uint64_t{static_cast<uint8_t>(f.relation)} << 40) | (uint64_t{f.undated} << 32) | day;
  }
  auto before = [&key](uint32_t a, uint32_t b) { return key[a] != key[b] ? key[a] < key[b] : a < b; };
  for (auto* index : indexes)
    for (auto& [id, idx] : *index) std::sort(idx.begin(), idx.end(), before);
}

}  // namespace

std::string_view RelationsStateName(RelationsAnswer::State state) {
  switch (state) {
    case RelationsAnswer::State::kInRelations: return "in relations";
    case RelationsAnswer::State::kNoRelations: return "no relations";
    case RelationsAnswer::State::kDisputed: return "disputed";
    case RelationsAnswer::State::kUnknown: return "unknown";
  }
  return "unknown";
}

// ---------------------------------------------------------------------------------------
// Index

void KnowledgeBase::AppendStates(std::string_view id, std::vector<std::string_view>* out) const {
  if (IsStateRef(id)) {
    out->push_back(id);
    return;
  }
  auto it = states_of_.find(id);
  if (it == states_of_.end()) return;
  for (const std::string& s : it->second) out->push_back(s);
}

// A fact or occurrence touching more states than this (a party to a multilateral treaty
// reaches every other party) is not listed under each pair: n parties would make n^2/2
// entries per row. Shared multilateral treaties and memberships are found by intersecting
// the two states' own facts instead.
constexpr size_t kMaxDyadStates = 8;

// Adds `item` to the index of every pair of distinct states in `states`.
void KnowledgeBase::AddToDyads(std::vector<std::string_view>& states, uint32_t item,
                               StringMap<std::vector<uint32_t>>* index) {
  if (states.size() < 2) return;
  std::sort(states.begin(), states.end());
  states.erase(std::unique(states.begin(), states.end()), states.end());
  if (states.size() > kMaxDyadStates) return;
  for (size_t a = 0; a < states.size(); ++a) {
    for (size_t b = a + 1; b < states.size(); ++b) {
      (*index)[DyadKey(states[a], states[b])].push_back(item);
    }
  }
}

void KnowledgeBase::Index() {
  for (const auto& [id, src] : sources_) {
    if (src.current_to && (!known_until_ || known_until_->last_day() < src.current_to->last_day())) {
      known_until_ = src.current_to;
    }
  }
  // States of each entity: owner and host, through owning entities; agreements: parties.
  for (const auto& [id, e] : entities_) {
    std::vector<std::string> states;
    const Entity* cur = &e;
    for (int depth = 0; cur != nullptr && depth < 8; ++depth) {
      if (!cur->host.empty()) states.push_back(cur->host);
      if (cur->owner.empty()) break;
      if (IsStateRef(cur->owner)) {
        states.push_back(cur->owner);
        break;
      }
      cur = FindEntity(cur->owner);
    }
    states_of_[id] = std::move(states);
  }
  for (uint32_t i = 0; i < facts_.size(); ++i) {
    const Fact& f = facts_[i];
    if (f.relation == Relation::kPartyTo && IsStateRef(f.subject)) {
      states_of_[f.object].push_back(f.subject);
    }
  }
  for (auto& [id, states] : states_of_) {
    std::sort(states.begin(), states.end());
    states.erase(std::unique(states.begin(), states.end()), states.end());
  }
  std::vector<std::string_view> states;
  for (uint32_t i = 0; i < facts_.size(); ++i) {
    const Fact& f = facts_[i];
    by_subject_[f.subject].push_back(i);
    if (!f.object.empty()) by_object_[f.object].push_back(i);
    if (Family(f.relation) && IsStateRef(f.subject) && IsStateRef(f.object)) {
      relations_by_dyad_[DyadKey(f.subject, f.object)].push_back(i);
    }
    states.clear();
    AppendStates(f.subject, &states);
    if (!f.object.empty()) AppendStates(f.object, &states);
    AddToDyads(states, i, &by_dyad_);
  }
  for (uint32_t i = 0; i < occurrences_.size(); ++i) {
    states.clear();
    for (const Participant& p : occurrences_[i].participants) AppendStates(p.entity, &states);
    AddToDyads(states, i, &occ_by_dyad_);
  }
  SortByRelationThenStart(facts_, {&by_subject_, &by_object_});
  IndexTerms();
  for (const auto& [id, e] : entities_) {
    if (e.kind == EntityKind::kMission && !e.owner.empty() && !e.host.empty()) {
      missions_by_pair_[e.owner + "|" + e.host].push_back(id);
    }
  }
  for (auto& [pair, ids] : missions_by_pair_) std::sort(ids.begin(), ids.end());
}

// Where a term sits in the order of a post: its start, or for an open start its end.
int32_t TermKey(const Fact* f) {
  if (f->valid.start()) return f->valid.start()->first_day();
  return f->valid.end() ? f->valid.end()->first_day() : INT32_MIN;
}

// Terms of each post in order, with implicit ends and starts of open terms.
void KnowledgeBase::IndexTerms() {
  implicit_end_.assign(facts_.size(), INT32_MAX);
  implicit_start_.assign(facts_.size(), INT32_MIN);
  for (const auto& [mission, idx] : by_object_) {
    std::vector<const Fact*> facts = Lookup(by_object_, mission, Relation::kChiefOfMission);
    if (facts.empty()) continue;
    std::stable_sort(facts.begin(), facts.end(), [](const Fact* x, const Fact* y) {
      if (x->undated != y->undated) return !x->undated;
      return TermKey(x) < TermKey(y);
    });
    std::vector<Term>& terms = terms_[mission];
    for (const Fact* f : facts) {
      Term t{f, f->valid.end(), false, f->valid.start(), false};
      terms.push_back(t);
    }
    for (size_t i = 0; i < terms.size(); ++i) {
      Term& t = terms[i];
      const Fact* f = t.fact;
      if (f->undated) continue;
      // An open end: the day before the next term (by another person) begins.
      for (size_t j = i + 1; !t.end && j < terms.size(); ++j) {
        const Fact* n = terms[j].fact;
        if (n->undated || n->subject == f->subject || !n->valid.start()) continue;
        if (n->valid.start()->first_day() > TermKey(f)) {
          t.end = Date::FromDays(n->valid.start()->first_day() - 1);
          t.implicit_end = true;
          implicit_end_[f - facts_.data()] = t.end->last_day();
        }
      }
      // An open start: the day after the previous term (by another person) ended.
      for (size_t j = i; !t.start && j-- > 0;) {
        const Term& p = terms[j];
        if (p.fact->undated || p.fact->subject == f->subject || !p.end) continue;
        if (f->valid.end() && p.end->last_day() >= f->valid.end()->first_day()) continue;
        t.start = Date::FromDays(p.end->last_day() + 1);
        t.implicit_start = true;
        implicit_start_[f - facts_.data()] = t.start->first_day();
      }
    }
  }
}

// ---------------------------------------------------------------------------------------
// Lookups

const Source* KnowledgeBase::FindSource(std::string_view id) const {
  auto it = sources_.find(id);
  return it == sources_.end() ? nullptr : &it->second;
}

const Entity* KnowledgeBase::FindEntity(std::string_view id) const {
  auto it = entities_.find(id);
  return it == entities_.end() ? nullptr : &it->second;
}

std::string KnowledgeBase::NameOf(std::string_view id) const {
  if (IsStateRef(id)) {
    const world::State* s = world_->Find(id);
    return s != nullptr ? s->name : std::string(id);
  }
  const Entity* e = FindEntity(id);
  return e != nullptr ? e->name : std::string(id);
}

std::vector<std::string> KnowledgeBase::StatesOf(std::string_view id) const {
  if (IsStateRef(id)) return {std::string(id)};
  auto it = states_of_.find(id);
  return it == states_of_.end() ? std::vector<std::string>() : it->second;
}

std::vector<const Fact*> KnowledgeBase::Lookup(const StringMap<std::vector<uint32_t>>& index,
                                               std::string_view id, Relation relation) const {
  std::vector<const Fact*> out;
  auto it = index.find(id);
  if (it == index.end()) return out;
  const std::vector<uint32_t>& idx = it->second;
  auto lo = std::partition_point(idx.begin(), idx.end(),
                                 [&](uint32_t i) { return facts_[i].relation < relation; });
  for (auto p = lo; p != idx.end() && facts_[*p].relation == relation; ++p) {
    out.push_back(&facts_[*p]);
  }
  return out;
}

std::vector<const Fact*> KnowledgeBase::FactsOf(std::string_view subject,
                                                Relation relation) const {
  return Lookup(by_subject_, subject, relation);
}

std::vector<const Fact*> KnowledgeBase::FactsAbout(std::string_view object,
                                                   Relation relation) const {
  return Lookup(by_object_, object, relation);
}

// ---------------------------------------------------------------------------------------
// Currency

std::optional<Date> KnowledgeBase::CurrentTo(const std::vector<std::string>& source_ids) const {
  std::optional<Date> out;
  for (const std::string& id : source_ids) {
    const Source* src = FindSource(id);
    // A source's currency is its current_to, else its publication date (the dossier's rule,
    // report::CitedSourceOf): a snapshot published on its day speaks for that day.
    if (src == nullptr) continue;
    const std::optional<Date> cur = src->current_to ? src->current_to : src->date;
    if (!cur || cur->first_day() > today().last_day()) continue;
    if (!out || out->last_day() < cur->last_day()) out = cur;
  }
  return out;
}

std::optional<Date> KnowledgeBase::CurrentTo(const Fact& f) const { return CurrentTo(f.sources); }

bool KnowledgeBase::BeyondCurrency(const Fact& f, const Date& on) const {
  if (f.undated || f.valid.end()) return false;
  std::optional<Date> cur = CurrentTo(f);
  return cur && on.first_day() > cur->last_day();
}

namespace {

void Later(std::optional<Date>* acc, const std::optional<Date>& d) {
  if (d && (!*acc || (*acc)->last_day() < d->last_day())) *acc = d;
}

// A head of mission of diplomatic rank accredited to the host (ambassador, envoy,
// minister, diplomatic agent): not a chargé, not the principal officer of an interests
// section (pocom "principal-officer", Havana 1977-2015), director or representative.
bool IsFullRankRole(std::string_view role) {
  for (std::string_view rank : {"ambassador", "envoy", "minister", "diplomatic-agent",
                                "agent-consul-general"})
    if (role.starts_with(rank)) return true;
  return false;
}

// A diplomatic mission, whose existence is evidence of diplomatic relations: an embassy,
// legation, high commission, apostolic nunciature, or the Historian's mission of a chief of
// mission. Not a consular post (consular relations outlive a break of diplomatic ones:
// Vienna Convention on Consular Relations, art. 2(3)), not an interests section (under a
// protecting power's flag), a liaison office (Beijing 1973-1979), a de facto embassy or
// consulate (the American Institute in Taiwan, opened 1979-01-16, the day relations with
// the Republic of China had ended), a mission to an organisation or a trade office.
bool IsDiplomaticMission(std::string_view subkind) {
  for (std::string_view kind : {"embassy", "legation", "high-commission", "british-high-commission",
                                "australian-high-commission", "apostolic-nunciature",
                                "bilateral-mission", "mission"})
    if (subkind == kind) return true;
  return false;
}

// A fact of a diplomatic mission that shows it existed: its opening, or where it was on a
// recorded date (the Database of Embassies' snapshot: located there on 2022-11-16).
bool ShowsMission(const Fact& f) {
  return f.relation == Relation::kMissionOpened || f.relation == Relation::kMissionLocatedAt;
}

// The state of `world` with `key` possibly existing on no day of [lo, hi].
bool Absent(const world::World& world, std::string_view key, int32_t lo, int32_t hi) {
  const world::State* s = world.Find(key);
  if (s == nullptr) return false;
  if (world.StandIn(key, Date::FromDays(lo)) && world.StandIn(key, Date::FromDays(hi))) return true;
  return Lo(s->existence) > hi || Hi(s->existence) < lo;
}

}  // namespace

// The key of the member of the pair that is a territory (Puerto Rico), or empty.
std::string KnowledgeBase::TerritoryOf(std::string_view a, std::string_view b) const {
  for (std::string_view key : {a, b})
    if (const world::State* s = world_->Find(key); s != nullptr && s->kind == world::StateKind::kTerritory)
      return std::string(key);
  return {};
}

// One of the pair absent on `on`: no relations; the currency of the pair's records.
void KnowledgeBase::QualifyRelations(std::string_view a, std::string_view b, const Date& on,
                                     const std::vector<const Fact*>& facts,
                                     RelationsAnswer* ans) const {
  for (const Fact* f : facts) Later(&ans->current_to, CurrentTo(*f));
  for (const Fact* f : ans->evidence) Later(&ans->current_to, CurrentTo(*f));
  for (std::string_view key : {a, b}) {
    if (ans->absent.empty() && Absent(*world_, key, on.first_day(), on.last_day())) {
      ans->absent = std::string(key);
    }
  }
  if (!ans->absent.empty()) {
    ans->state = RelationsAnswer::State::kNoRelations;
    ans->since.clear();
    ans->later_claims.clear();
    ans->inferred = false;
    ans->evidence.clear();
    return;
  }
  ans->beyond_currency = ans->state != RelationsAnswer::State::kUnknown && ans->current_to &&
                         on.first_day() > ans->current_to->last_day();
}

// ---------------------------------------------------------------------------------------
// Relations

RelationsAnswer KnowledgeBase::Relations(std::string_view a, std::string_view b,
                                         const Date& on) const {
  RelationsAnswer ans;
  if (IsFuture(on)) {
    ans.future = true;
    return ans;
  }
  const int32_t lo = on.first_day(), hi = on.last_day();
  std::vector<const Fact*> transitions, all;
  if (auto it = relations_by_dyad_.find(DyadKey(a, b)); it != relations_by_dyad_.end()) {
    for (uint32_t i : it->second) {
      const Fact* f = &facts_[i];
      // Only facts between exactly a and b (a state may be paired with itself in no key).
      if (!((f->subject == a && f->object == b) || (f->subject == b && f->object == a))) continue;
      all.push_back(f);
      if (f->relation == Relation::kRecognized) {
        if (!f->undated && Lo(f->valid) <= hi) ans.recognition.push_back(f);
      } else if (f->relation == Relation::kNoRelations) {
        if (f->undated || Covers(*f, lo, hi)) ans.no_relations.push_back(f);
      } else if (!f->undated) {
        transitions.push_back(f);
      }
    }
  }
  std::sort(transitions.begin(), transitions.end(), ByStart);
  std::sort(ans.recognition.begin(), ans.recognition.end(), ByStart);

  // The latest break on or before `on`; the spell is everything after it.
  for (const Fact* f : transitions) {
    if (IsBreak(f->relation) && Lo(f->valid) <= hi) ans.last_break = f;
  }
  const int32_t spell_start = ans.last_break ? Hi(ans.last_break->valid) : INT32_MIN;
  const Fact* next_break = nullptr;
  for (const Fact* f : transitions) {
    if (IsBreak(f->relation) && Lo(f->valid) > hi) {
      next_break = f;
      break;
    }
  }
  for (const Fact* f : transitions) {
    if (!IsEstablishing(f->relation) || Lo(f->valid) < spell_start) continue;
    if (Lo(f->valid) <= hi) {
      ans.since.push_back(f);
    } else if (next_break == nullptr || Lo(f->valid) < Lo(next_break->valid)) {
      ans.later_claims.push_back(f);
    }
  }
  ans.territory = TerritoryOf(a, b);
  // Undated no_relations statements are listed but never decide a particular day.
  const bool dated_no = std::any_of(ans.no_relations.begin(), ans.no_relations.end(),
                                    [](const Fact* f) { return !f->undated; });
  const bool yes = !ans.since.empty();
  const bool no = ans.last_break != nullptr || dated_no;
  if (yes && dated_no) {
    ans.state = RelationsAnswer::State::kDisputed;
  } else if (yes) {
    ans.state = RelationsAnswer::State::kInRelations;
  } else if (!dated_no) {
    // After a break, or with nothing recorded at all (the Republic of China on Taiwan,
    // 1949-1979: ambassadors and an embassy, no "established" entry), envoys of full rank
    // or an opened mission are labelled evidence; they never outweigh a dated no_relations.
    ans.state = no ? RelationsAnswer::State::kNoRelations : RelationsAnswer::State::kUnknown;
    if (ans.territory.empty()) ans.evidence = RelationsEvidence(a, b, spell_start, hi);
    if (!ans.evidence.empty()) {
      ans.inferred = true;
      ans.state = RelationsAnswer::State::kInRelations;
    }
  } else {
    ans.state = RelationsAnswer::State::kNoRelations;
  }
  QualifyRelations(a, b, on, all, &ans);
  return ans;
}

std::vector<const Fact*> KnowledgeBase::RelationsEvidence(std::string_view a, std::string_view b,
                                                          int32_t after, int32_t until) const {
  std::vector<const Fact*> out;
  // Evidence is dated when both states existed: a consulate of 1919 in colonial Luanda
  // says nothing of relations with Angola.
  int32_t born = after;
  for (std::string_view key : {a, b})
    if (const world::State* s = world_->Find(key); s != nullptr && s->existence.start())
      born = std::max(born, s->existence.start()->first_day() - 1);
  for (const auto& [from, to] : {std::pair{a, b}, std::pair{b, a}}) {
    for (const MissionInfo& m : Missions(from, to)) {
      // A consulate, an interests section or a liaison office exists without relations.
      const bool diplomatic = m.mission != nullptr && IsDiplomaticMission(m.mission->subkind);
      for (const Fact* f : m.facts) {
        if (f->undated || Lo(f->valid) <= born || Lo(f->valid) > until) continue;
        const bool full_rank = f->relation == Relation::kChiefOfMission &&
                               IsFullRankRole(f->QualifierValue("role"));
        if (full_rank || (diplomatic && ShowsMission(*f))) out.push_back(f);
      }
    }
  }
  std::sort(out.begin(), out.end(), ByStart);
  return out;
}

std::vector<const Fact*> KnowledgeBase::Statements(std::string_view state) const {
  return FactsOf(state, Relation::kRelationsStatement);
}

std::vector<std::string> KnowledgeBase::RelationsPartners(std::string_view state) const {
  std::set<std::string> out;
  for (Relation r : {Relation::kRelationsEstablished, Relation::kRelationsResumed,
                     Relation::kRelationsSevered, Relation::kRelationsSuspended,
                     Relation::kNoRelations, Relation::kRecognized}) {
    for (const Fact* f : FactsOf(state, r)) out.insert(f->object);
    for (const Fact* f : FactsAbout(state, r)) out.insert(f->subject);
  }
  out.erase(std::string(state));
  return {out.begin(), out.end()};
}

// ---------------------------------------------------------------------------------------
// Envoys

const std::vector<Term>& KnowledgeBase::TermsAt(std::string_view mission) const {
  static const std::vector<Term> kNone;
  auto it = terms_.find(mission);
  return it == terms_.end() ? kNone : it->second;
}

EnvoyAnswer KnowledgeBase::Envoy(std::string_view a, std::string_view b,
                                 const Date& on) const {
  EnvoyAnswer ans;
  const int32_t lo = on.first_day(), hi = on.last_day();
  std::string pair = fmt::format("{}|{}", a, b);
  auto it = missions_by_pair_.find(pair);
  if (it == missions_by_pair_.end()) return ans;
  ans.future = IsFuture(on);
  for (const std::string& id : it->second) {
    ans.missions.push_back(FindEntity(id));
    if (ans.future) continue;
    for (const Term& t : TermsAt(id)) {
      const Fact& f = *t.fact;
      Later(&ans.current_to, CurrentTo(f));
      if (f.undated) {
        ans.undated.push_back(t);
        continue;
      }
      const int32_t start = t.start ? t.start->first_day() : INT32_MIN;
      const int32_t end = t.end ? t.end->last_day() : INT32_MAX;
      if (start <= hi && lo <= end && !t.end && BeyondCurrency(f, on)) {
        ans.beyond_currency.push_back(t);
      } else if (start <= hi && lo <= end) {
        ans.heads.push_back(t);
      } else if (end < lo) {
        if (!ans.previous || ans.previous->end->last_day() < end) ans.previous = t;
      } else if (start > hi) {
        if (!ans.next || ans.next->start->first_day() > start) ans.next = t;
      }
    }
    for (const Fact* f : FactsOf(id, Relation::kPostVacant)) {
      if (Covers(*f, lo, hi)) ans.vacant.push_back(f);
    }
  }
  std::sort(ans.heads.begin(), ans.heads.end(),
            [](const Term& x, const Term& y) { return ByStart(x.fact, y.fact); });
  return ans;
}

// ---------------------------------------------------------------------------------------
// Memberships, missions, chains

std::vector<const Fact*> KnowledgeBase::Memberships(std::string_view state,
                                                    const Date& on) const {
  std::vector<const Fact*> out;
  for (Relation r : {Relation::kMemberOf, Relation::kObserverOf}) {
    for (const Fact* f : FactsOf(state, r)) {
      if (Covers(*f, on.first_day(), on.last_day())) out.push_back(f);
    }
  }
  std::sort(out.begin(), out.end(), [](const Fact* x, const Fact* y) {
    return x->object != y->object ? x->object < y->object : ByStart(x, y);
  });
  return out;
}

std::vector<SharedMembership> KnowledgeBase::SharedMemberships(std::string_view a,
                                                               std::string_view b,
                                                               const Date& on) const {
  std::vector<SharedMembership> out;
  std::vector<const Fact*> mb = Memberships(b, on);
  std::set<std::string> done;
  for (const Fact* fa : Memberships(a, on)) {
    if (fa->relation != Relation::kMemberOf || done.count(fa->object)) continue;
    for (const Fact* fb : mb) {
      if (fb->relation == Relation::kMemberOf && fb->object == fa->object) {
        out.push_back(SharedMembership{fa->object, fa, fb});
        done.insert(fa->object);
        break;
      }
    }
  }
  return out;
}

std::vector<MissionInfo> KnowledgeBase::Missions(std::string_view a, std::string_view b) const {
  std::vector<MissionInfo> out;
  auto it = missions_by_pair_.find(fmt::format("{}|{}", a, b));
  if (it == missions_by_pair_.end()) return out;
  for (const std::string& id : it->second) {
    MissionInfo info{FindEntity(id), {}};
    for (const RelationInfo& r : AllRelations()) {
      for (const Fact* f : FactsOf(id, r.relation)) info.facts.push_back(f);
      for (const Fact* f : FactsAbout(id, r.relation)) info.facts.push_back(f);
    }
    std::sort(info.facts.begin(), info.facts.end(), ByStart);
    out.push_back(std::move(info));
  }
  return out;
}

std::vector<ChainStep> KnowledgeBase::ReportingChain(std::string_view start,
                                                     const Date& on) const {
  const int32_t lo = on.first_day(), hi = on.last_day();
  std::vector<ChainStep> chain;
  std::set<std::string> seen;
  auto holders = [&](std::string_view office, std::vector<const Fact*>* stale) {
    std::vector<const Fact*> out;
    for (const Fact* f : FactsAbout(office, Relation::kHoldsOffice)) {
      if (Covers(*f, lo, hi) && BeyondCurrency(*f, on)) {
        stale->push_back(f);
      } else if (Covers(*f, lo, hi) || f->undated) {
        out.push_back(f);
      }
    }
    std::sort(out.begin(), out.end(), ByStart);
    return out;
  };
  auto first_link = [&](std::string_view id, Relation r) -> const Fact* {
    for (const Fact* f : FactsOf(id, r)) {
      if (Covers(*f, lo, hi) || f->undated) return f;
    }
    return nullptr;
  };
  std::string cur(start);
  const Fact* link = nullptr;
  while (!cur.empty() && seen.insert(cur).second) {
    ChainStep step{cur, link, {}, {}};
    step.holders = holders(cur, &step.last_recorded);
    chain.push_back(std::move(step));
    link = first_link(cur, Relation::kHeadedBy);
    if (link == nullptr) link = first_link(cur, Relation::kReportsTo);
    cur = link ? link->object : std::string();
  }
  return chain;
}

// ---------------------------------------------------------------------------------------
// Dyad

DyadView KnowledgeBase::Dyad(std::string_view a, std::string_view b,
                             const Interval& period) const {
  DyadView view;
  const int32_t lo = Lo(period), hi = Hi(period);
  // Nothing holds between states when one did not exist, nor in the future.
  if (Absent(*world_, a, lo, hi) || Absent(*world_, b, lo, hi) ||
      lo > today_.last_day()) {
    return view;
  }
  const std::string key = DyadKey(a, b);
  if (auto it = by_dyad_.find(key); it != by_dyad_.end()) {
    for (uint32_t i : it->second) {
      const Fact& f = facts_[i];
      // A chief of mission's open term ends when the next term at the post begins.
      const bool covered =
          implicit_end_[i] == INT32_MAX && implicit_start_[i] == INT32_MIN
              ? Covers(f, lo, hi)
              : std::max(Lo(f.valid), implicit_start_[i]) <= hi &&
                    lo <= std::min(Hi(f.valid), implicit_end_[i]);
      if (f.undated || covered) view.facts.push_back(&f);
    }
  }
  if (auto it = occ_by_dyad_.find(key); it != occ_by_dyad_.end()) {
    for (uint32_t i : it->second) {
      const Occurrence& o = occurrences_[i];
      if (Lo(o.when) <= hi && lo <= Hi(o.when)) view.occurrences.push_back(&o);
    }
  }
  std::sort(view.facts.begin(), view.facts.end(), ByStart);
  std::sort(view.occurrences.begin(), view.occurrences.end(),
            [](const Occurrence* x, const Occurrence* y) {
              return Lo(x->when) != Lo(y->when) ? Lo(x->when) < Lo(y->when) : x < y;
            });
  return view;
}

}  // namespace dyad::kb
