// Builds the dossier's pair sections (report/pair_sections_model.h) from the knowledge base
// and the bundled dyad-year datasets.
#include "report/pair_sections.h"

#include <fmt/format.h>
#include <fmt/ranges.h>

#include <algorithm>
#include <cctype>
#include <map>
#include <set>

#include "kb/mission_posts.h"
#include "relations/citations.h"
#include "report/dossier.h"
#include "report/dossier_text.h"

namespace dyad::report {
namespace {

using kb::Fact;
using kb::Relation;

// What the knowledge base holds of each relation: whether any fact, and the bundled
// datasets that record it for every state (an empty section cites them; a curated pack's
// records of one pair are not a statement about every other pair).
struct Held {
  std::array<bool, kb::kRelationCount> any{};
  std::array<std::vector<std::string>, kb::kRelationCount> datasets;
  bool has(Relation r) const { return any[static_cast<size_t>(r)]; }
};

// The builder's inputs and the source numbering, for one dossier.
struct Ctx {
  const PairInputs& in;
  const NumberSource& number;
  const Held& held;
  const kb::KnowledgeBase& kb() const { return *in.kb; }
  const relations::Relations* rel() const { return in.relations; }
  int32_t day() const { return in.as_of.last_day(); }
};

// ---- sources ------------------------------------------------------------------------------

// A source's currency: its current_to, else its date when that is not in the future
// (the dataset packs give their currency as the source date).
std::optional<Date> KbCurrency(const kb::Source& s) {
  if (s.current_to) return s.current_to;
  if (s.date && s.date->last_day() <= TodayUtc().last_day()) return s.date;
  return std::nullopt;
}

std::vector<int> CiteKb(const std::vector<std::string>& ids, const Ctx& c) {
  std::vector<int> out;
  for (const std::string& id : ids) {
    int n = c.number(CitedSourceOf(c.kb(), id));
    if (std::find(out.begin(), out.end(), n) == out.end()) out.push_back(n);
  }
  return out;
}

void Merge(const std::vector<int>& from, std::vector<int>* into) {
  for (int n : from)
    if (std::find(into->begin(), into->end(), n) == into->end()) into->push_back(n);
}

// The latest currency among the sources of `f`.
std::optional<Date> CurrencyOf(const Fact& f, const Ctx& c) {
  std::optional<Date> out;
  for (const std::string& id : f.sources) {
    const kb::Source* s = c.kb().FindSource(id);
    std::optional<Date> cur = s ? KbCurrency(*s) : std::nullopt;
    if (cur && (!out || out->last_day() < cur->last_day())) out = cur;
  }
  return out;
}

void Later(const std::optional<Date>& d, std::optional<Date>* into) {
  if (d && (!*into || (*into)->last_day() < d->last_day())) *into = d;
}

// The datasets of `r`, cited, with their latest currency.
PairAsked Asked(Relation r, const Ctx& c) {
  PairAsked out;
  const std::vector<std::string>& ids = c.held.datasets[static_cast<size_t>(r)];
  out.cite = CiteKb(ids, c);
  for (const std::string& id : ids)
    if (const kb::Source* s = c.kb().FindSource(id)) Later(KbCurrency(*s), &out.current_to);
  return out;
}

PairAsked AskedOne(const PairSource& s) {
  PairAsked out;
  if (s.cite > 0) out.cite.push_back(s.cite);
  out.current_to = s.current_to;
  return out;
}

std::optional<Date> IsoDate(std::string_view text) {
  if (text.empty()) return std::nullopt;
  Result<Date> d = Date::ParseIso(text);
  return d.ok() ? std::optional<Date>(*d) : std::nullopt;
}

// A bundled dataset's source (the same entry the Relations data section cites).
PairSource Dataset(std::string_view table, std::string_view dataset, const Ctx& c) {
  PairSource ref;
  const relations::DyadTable* t = c.rel() ? c.rel()->table(table) : nullptr;
  const relations::DatasetCitation* cit = relations::FindCitation(dataset);
  if (t == nullptr || cit == nullptr) return ref;
  CitedSource s;
  s.id = fmt::format("dataset:{}", dataset);
  s.title = fmt::format("{} — {}", cit->title, t->meta().upstream_version);
  s.licence = std::string(cit->licence);
  s.current_to = IsoDate(t->meta().currency);
  ref.cite = c.number(s);
  ref.current_to = s.current_to;
  return ref;
}

// The currency of a bundled table, without citing it.
std::optional<Date> TableCurrency(std::string_view table, const Ctx& c) {
  const relations::DyadTable* t = c.rel() ? c.rel()->table(table) : nullptr;
  return t ? IsoDate(t->meta().currency) : std::nullopt;
}

// ---- dates of facts -----------------------------------------------------------------------

bool BeganBy(const Fact& f, int32_t day) {
  return f.undated || !f.valid.start() || f.valid.start()->first_day() <= day;
}
bool NotEndedBefore(const Fact& f, int32_t day) {
  return f.undated || !f.valid.end() || f.valid.end()->last_day() >= day;
}
// A snapshot record: a fact dated to the single day (or month) its source is current to,
// as a dataset lists what held on its date (the Factbook's memberships, Wikidata's missions).
// Other point-dated facts (attested once) are not carried past their date.
bool IsRecord(const Fact& f, const Ctx& c) {
  if (f.undated || !f.valid.start() || !f.valid.end() || *f.valid.start() != *f.valid.end()) return false;
  std::optional<Date> cur = CurrencyOf(f, c);
  return cur && *cur == *f.valid.start();
}
// Holding on `day`, or last recorded on a snapshot date before it.
bool HoldsOrRecorded(const Fact& f, const Ctx& c) {
  return BeganBy(f, c.day()) && (NotEndedBefore(f, c.day()) || IsRecord(f, c));
}

// ---- missions -----------------------------------------------------------------------------

// The latest location fact recorded by the dossier's date.
const Fact* Location(const std::string& mission, const Ctx& c) {
  const Fact* best = nullptr;
  for (const Fact* f : c.kb().FactsOf(mission, Relation::kMissionLocatedAt))
    if (HoldsOrRecorded(*f, c)) best = f;
  return best;
}

void NoteLocation(const Fact* f, const Ctx& c, PairMission* m) {
  if (f == nullptr) return;
  if (!f->object.empty()) m->city = c.kb().NameOf(f->object);
  if (!f->value.empty()) m->address = f->value;
  if (IsRecord(*f, c)) m->recorded = f->valid.start();
}

void NoteAccreditations(const std::string& receiver, const Ctx& c, PairMission* m) {
  for (const Fact* f : c.kb().FactsOf(m->id, Relation::kAccreditedTo))
    if (f->object != receiver && HoldsOrRecorded(*f, c)) m->also_accredited.push_back(c.kb().NameOf(f->object));
}

// The earliest currency among `ids` (an undated fact states its sources' present).
std::optional<Date> EarliestCurrency(const std::vector<std::string>& ids, const Ctx& c) {
  std::optional<Date> out;
  for (const std::string& id : ids) {
    const kb::Source* s = c.kb().FindSource(id);
    std::optional<Date> cur = s ? KbCurrency(*s) : std::nullopt;
    if (cur && (!out || cur->first_day() < out->first_day())) out = cur;
  }
  return out;
}

// A fact known by the date: a dated one by its start (with only an end, by that end); an
// undated one from its sources' earliest currency on (a 2017 source's undated embassy says
// nothing of 1991). The dossier's Diplomatic representation counts facts the same way.
bool KnownBy(const Fact& f, const Ctx& c) {
  if (f.undated || (!f.valid.start() && !f.valid.end())) {
    std::optional<Date> cur = EarliestCurrency(f.sources, c);
    return !cur || cur->first_day() <= c.day();
  }
  return f.valid.start() ? f.valid.start()->first_day() <= c.day() : f.valid.end()->last_day() <= c.day();
}

// A mission with no opening date is known on the date only once some fact of it (an
// address, an accreditation, a chief of mission's term) is.
bool Attested(const std::string& mission, const Ctx& c) {
  for (const kb::RelationInfo& r : kb::AllRelations()) {
    for (const Fact* f : c.kb().FactsOf(mission, r.relation))
      if (KnownBy(*f, c)) return true;
    for (const Fact* f : c.kb().FactsAbout(mission, r.relation))
      if (KnownBy(*f, c)) return true;
  }
  return false;
}

// Open on the date: opened by then (or, with no opening recorded, attested by then and at a
// location that holds or was recorded by then), not closed.
bool OpenOn(const std::string& mission, const Ctx& c) {
  for (const Fact* f : c.kb().FactsOf(mission, Relation::kMissionClosed))
    if (BeganBy(*f, c.day())) return false;
  std::vector<const Fact*> opened = c.kb().FactsOf(mission, Relation::kMissionOpened);
  if (!opened.empty()) return BeganBy(*opened.front(), c.day());
  if (!Attested(mission, c)) return false;
  return Location(mission, c) != nullptr || c.kb().FactsOf(mission, Relation::kMissionLocatedAt).empty();
}

PairMission MissionEntry(const kb::Entity& e, const std::string& receiver, const Ctx& c) {
  PairMission m;
  m.id = e.id;
  m.name = e.name;
  m.kind = e.subkind;
  m.seat = e.host;
  m.seat_name = c.kb().NameOf(e.host);
  m.resident = e.host == receiver;
  NoteLocation(Location(e.id, c), c, &m);
  NoteAccreditations(receiver, c, &m);
  m.cite = CiteKb(e.sources, c);
  return m;
}

// Missions of `sender` seated elsewhere and accredited to `receiver`.
std::vector<const kb::Entity*> AccreditedFrom(const std::string& sender, const std::string& receiver, const Ctx& c) {
  std::vector<const kb::Entity*> out;
  for (const Fact* f : c.kb().FactsAbout(receiver, Relation::kAccreditedTo)) {
    const kb::Entity* e = c.kb().FindEntity(f->subject);
    if (e != nullptr && e->owner == sender && e->host != receiver && HoldsOrRecorded(*f, c)) out.push_back(e);
  }
  return out;
}

bool MissionLess(const PairMission& x, const PairMission& y) {
  if (x.resident != y.resident) return x.resident;
  return x.name < y.name;
}

// Folds another source's mission of the same post into `have` (kb/mission_posts.h): every
// citation and accreditation, the city, address and listing date where `have` lacks them.
void FoldMission(PairMission m, PairMission* have) {
  if (have->city.empty()) have->city = m.city;
  if (!have->address) have->address = m.address;
  Later(m.recorded, &have->recorded);
  for (std::string& a : m.also_accredited)
    if (std::find(have->also_accredited.begin(), have->also_accredited.end(), a) == have->also_accredited.end())
      have->also_accredited.push_back(std::move(a));
  Merge(m.cite, &have->cite);
}

// Adds the mission entry of `e`, or folds it into the entry of its post.
void AddMission(const kb::Entity& e, const std::string& post, const std::string& receiver, const Ctx& c,
                std::map<std::string, size_t>* by_post, PairMissionSide* side) {
  PairMission m = MissionEntry(e, receiver, c);
  auto [it, added] = by_post->emplace(post, side->missions.size());
  if (added) side->missions.push_back(std::move(m));
  else FoldMission(std::move(m), &side->missions[it->second]);
}

PairMissionSide MissionSide(const std::string& sender, const std::string& receiver, const Ctx& c,
                            std::optional<Date>* currency) {
  PairMissionSide side{sender, receiver, {}};
  const std::vector<kb::MissionInfo> infos = c.kb().Missions(sender, receiver);
  std::map<std::string, std::string> posts = kb::PostsOf(c.kb(), infos);
  std::vector<const kb::Entity*> entities;
  for (const kb::MissionInfo& info : infos) entities.push_back(info.mission);
  for (const kb::Entity* e : AccreditedFrom(sender, receiver, c)) entities.push_back(e);
  std::set<std::string> seen;
  std::map<std::string, size_t> by_post;
  for (const kb::Entity* e : entities) {
    if (!seen.insert(e->id).second || !OpenOn(e->id, c)) continue;
    auto post = posts.find(e->id);
    AddMission(*e, post == posts.end() ? e->id : post->second, receiver, c, &by_post, &side);
    for (const std::string& id : e->sources)
      if (const kb::Source* s = c.kb().FindSource(id)) Later(KbCurrency(*s), currency);
  }
  std::sort(side.missions.begin(), side.missions.end(), MissionLess);
  return side;
}

PairMissions Missions(const Ctx& c) {
  PairMissions out;
  out.available = true;
  out.sides = {MissionSide(c.in.a, c.in.b, c, &out.current_to), MissionSide(c.in.b, c.in.a, c, &out.current_to)};
  if (out.sides[0].missions.empty() || out.sides[1].missions.empty()) out.asked = Asked(Relation::kAccreditedTo, c);
  return out;
}

// ---- leaders ------------------------------------------------------------------------------

// The day a dataset answers for: the dossier's date, or the dataset's last day before it.
int32_t AnswerDay(const std::optional<Date>& currency, const Ctx& c) {
  return currency ? std::min(c.day(), currency->last_day()) : c.day();
}

bool Covers(const Fact& f, int32_t day) {
  return !f.undated && BeganBy(f, day) && NotEndedBefore(f, day);
}

PairLeader LeaderEntry(const Fact& f, const std::optional<Date>& currency, const Ctx& c) {
  PairLeader l;
  l.person = c.kb().NameOf(f.subject);
  l.title = f.value;
  if (std::string_view role = f.QualifierValue("role"); !role.empty()) l.roles.emplace_back(role);
  if (IsRecord(f, c)) {
    l.listed = f.valid.start();
  } else {
    l.start = f.valid.start();
  }
  if (!l.listed && f.valid.end() && f.valid.end()->first_day() <= c.day()) l.end = f.valid.end();
  l.current_to = currency;
  l.beyond_currency = currency && currency->last_day() < c.in.as_of.first_day();
  l.cite = CiteKb(f.sources, c);
  return l;
}

// leader_of facts of a state, by the source that records them.
std::map<std::string, std::vector<const Fact*>> LeadersBySource(const std::string& state, const Ctx& c) {
  std::map<std::string, std::vector<const Fact*>> out;
  for (const Fact* f : c.kb().FactsAbout(state, Relation::kLeaderOf))
    if (!f->sources.empty()) out[f->sources.front()].push_back(f);
  return out;
}

// Sources whose currency reaches the date answer; when none does, the latest one does,
// as its last record.
bool Reaches(const std::optional<Date>& currency, const Ctx& c) {
  return !currency || currency->last_day() >= c.in.as_of.first_day();
}

std::optional<Date> SourceCurrency(const std::string& id, const Ctx& c) {
  const kb::Source* s = c.kb().FindSource(id);
  return s ? KbCurrency(*s) : std::nullopt;
}

std::vector<std::string> AnsweringSources(const std::map<std::string, std::vector<const Fact*>>& by, const Ctx& c) {
  std::vector<std::string> out;
  std::string latest;
  for (const auto& [id, facts] : by) {
    if (Reaches(SourceCurrency(id, c), c)) out.push_back(id);
    auto cur = SourceCurrency(id, c), best = SourceCurrency(latest, c);
    if (latest.empty() || (cur && (!best || best->last_day() < cur->last_day()))) latest = id;
  }
  if (out.empty() && !latest.empty()) out.push_back(latest);
  return out;
}

std::string Lower(std::string s) {
  for (char& ch : s) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
  return s;
}

// The words of a name, lower case, split at spaces, commas and full stops:
// "G.H.W. Bush" -> g h w bush, "Gandhi, I." -> gandhi i.
std::vector<std::string> NameWords(const std::string& person) {
  std::vector<std::string> out(1);
  for (char ch : Lower(person)) {
    if (ch == ' ' || ch == ',' || ch == '.') {
      if (!out.back().empty()) out.emplace_back();
    } else {
      out.back().push_back(ch);
    }
  }
  if (out.back().empty()) out.pop_back();
  return out;
}

// One word of a name matches another: the same, or an initial of it ("i" of "indira").
bool WordMatches(const std::string& x, const std::string& y) {
  return x == y || (x.size() == 1 && y.front() == x[0]) || (y.size() == 1 && x.front() == y[0]);
}

// Two datasets' spellings of one name: every word of the shorter matches a word of the
// longer, one of them a surname (three letters or more): "Bush" and "G.H.W. Bush",
// "Gandhi, I." and "Indira Gandhi", "Adama BARROW" and "Barrow"; not "Nyrup Rasmussen" and
// "Fogh Rasmussen".
bool SameName(const std::string& x, const std::string& y) {
  std::vector<std::string> a = NameWords(x), b = NameWords(y);
  if (a.size() > b.size()) std::swap(a, b);
  bool surname = false;
  for (const std::string& w : a) {
    auto hit = std::find_if(b.begin(), b.end(), [&](const std::string& v) { return WordMatches(w, v); });
    if (hit == b.end()) return false;
    surname = surname || (w.size() >= 3 && w == *hit);
  }
  return surname;
}

// A leader entry while the side is built, with the term's days (an open end: the date).
struct LeaderTerm {
  PairLeader leader;
  int32_t first = INT32_MIN, last = INT32_MAX;
};

LeaderTerm TermOf(PairLeader l, const Fact& f, int32_t day) {
  LeaderTerm t{std::move(l)};
  if (f.valid.start()) t.first = f.valid.start()->first_day();
  t.last = f.valid.end() ? f.valid.end()->last_day() : day;
  return t;
}

// The terms overlap for at least half of the shorter one: one term told twice (Olmert from
// 2006-01-04 in Archigos, as acting prime minister, and from 2006-04-14 in REIGN), not a
// handover on one day (REIGN's Kirchner to 2007-12, Archigos's Fernandez de Kirchner from
// 2007-12-10).
bool MostlyOverlap(const LeaderTerm& x, const LeaderTerm& y) {
  if (x.first == INT32_MIN || y.first == INT32_MIN) return true;
  const int64_t overlap = int64_t{std::min(x.last, y.last)} - std::max(x.first, y.first);
  const int64_t shorter = std::min(int64_t{x.last} - x.first, int64_t{y.last} - y.first);
  return overlap >= 0 && 2 * overlap >= shorter;
}

// One holder as two datasets (or two roles of one dataset) give them: a spelling of the same
// name (SameName) over one term (MostlyOverlap), whatever the start dates: Archigos's
// "Brezhnev" and REIGN's; the Factbook's president who is chief of state and head of
// government; REIGN's Kibaki from 2002-12-03 and Archigos's from 2002-12-31.
bool SameHolder(const LeaderTerm& x, const LeaderTerm& y) {
  return SameName(x.leader.person, y.leader.person) && MostlyOverlap(x, y);
}

void AddStart(const PairLeader& l, PairLeader* have) {
  if (!l.start) return;
  if (!have->start) {
    have->start = l.start;
    return;
  }
  if (*l.start == *have->start) return;
  for (PairLeader::OtherStart& o : have->other_starts)
    if (o.start == *l.start) return Merge(l.cite, &o.cite);
  have->other_starts.push_back({*l.start, l.cite});
}

// Folds `l` into `have`: the fuller name, every role, start date and citation, the later
// currency (beyond it only when both datasets are).
void FoldLeader(PairLeader l, PairLeader* have) {
  if (l.person.size() > have->person.size()) have->person = l.person;
  if (have->title.empty()) have->title = l.title;
  for (std::string& r : l.roles)
    if (std::find(have->roles.begin(), have->roles.end(), r) == have->roles.end()) have->roles.push_back(std::move(r));
  AddStart(l, have);
  if (l.current_to && (!have->current_to || have->current_to->last_day() < l.current_to->last_day())) have->current_to = l.current_to;
  have->beyond_currency = have->beyond_currency && l.beyond_currency;
  Merge(l.cite, &have->cite);
}

// Adds `t`, or folds it into the entry of the same holder: one person once, every source cited.
void AddLeader(LeaderTerm t, std::vector<LeaderTerm>* out) {
  for (LeaderTerm& have : *out) {
    if (!SameHolder(have, t)) continue;
    FoldLeader(std::move(t.leader), &have.leader);
    have.first = std::min(have.first, t.first);
    have.last = std::max(have.last, t.last);
    return;
  }
  out->push_back(std::move(t));
}

PairLeaderSide LeaderSide(const std::string& state, const Ctx& c) {
  PairLeaderSide side{state, c.kb().NameOf(state), {}};
  auto by = LeadersBySource(state, c);
  std::vector<LeaderTerm> terms;
  for (const std::string& id : AnsweringSources(by, c)) {
    std::optional<Date> cur = SourceCurrency(id, c);
    int32_t day = AnswerDay(cur, c);
    for (const Fact* f : by[id])
      if (Covers(*f, day)) AddLeader(TermOf(LeaderEntry(*f, cur, c), *f, day), &terms);
  }
  for (LeaderTerm& t : terms) side.leaders.push_back(std::move(t.leader));
  return side;
}

PairLeaders Leaders(const Ctx& c) {
  PairLeaders out;
  out.available = true;
  out.sides = {LeaderSide(c.in.a, c), LeaderSide(c.in.b, c)};
  if (out.sides[0].leaders.empty() || out.sides[1].leaders.empty()) out.asked = Asked(Relation::kLeaderOf, c);
  return out;
}

// ---- alliances ----------------------------------------------------------------------------

std::array<bool, 5> Flags(const relations::AllianceYear& y) {
  return {y.defense, y.offense, y.neutral, y.nonagg, y.consul};
}

// Adds `year` to the open spell of (direction, obligation) or starts a new one.
void Extend(int dir, int k, int year, std::map<std::pair<int, int>, size_t>* open, std::vector<AllianceSpell>* out) {
  auto it = open->find({dir, k});
  if (it != open->end() && (*out)[it->second].to == year - 1) {
    (*out)[it->second].to = year;
    return;
  }
  (*open)[{dir, k}] = out->size();
  out->push_back({dir, k, year, year});
}

bool SpellLess(const AllianceSpell& x, const AllianceSpell& y) {
  return std::tie(x.from, x.direction, x.obligation) < std::tie(y.from, y.direction, y.obligation);
}

void AllianceDirection(int dir, int last, const Ctx& c, PairAlliances* out,
                       std::map<std::pair<int, int>, size_t>* open) {
  const std::string& from = dir == 0 ? c.in.a : c.in.b;
  const std::string& to = dir == 0 ? c.in.b : c.in.a;
  for (const relations::AllianceYear& y : c.rel()->AllianceSeries(from, to)) {
    if (y.year > last) continue;
    std::array<bool, 5> f = Flags(y);
    for (int k = 0; k < 5; ++k)
      if (f[k]) Extend(dir, k, y.year, open, &out->history);
    if (out->year && y.year == *out->year) out->on_date[dir] = f;
  }
}

PairAlliances Alliances(const Ctx& c) {
  PairAlliances out;
  out.available = c.rel() != nullptr && c.rel()->table("atop") != nullptr;
  if (!out.available) return out;
  std::optional<Date> cur = TableCurrency("atop", c);
  out.year = cur ? std::min(c.in.as_of.year(), cur->year()) : c.in.as_of.year();
  out.beyond_currency = cur && cur->last_day() < c.in.as_of.first_day();
  std::map<std::pair<int, int>, size_t> open;
  for (int dir = 0; dir < 2; ++dir) AllianceDirection(dir, *out.year, c, &out, &open);
  std::sort(out.history.begin(), out.history.end(), SpellLess);
  out.source = Dataset("atop", "atop", c);
  return out;
}

// ---- treaties -----------------------------------------------------------------------------

// Agreements `state` had joined by the date: agreement id -> its party_to fact.
std::map<std::string, const Fact*> Joined(const std::string& state, const Ctx& c) {
  std::map<std::string, const Fact*> out;
  for (const Fact* f : c.kb().FactsOf(state, Relation::kPartyTo))
    if (BeganBy(*f, c.day())) out.emplace(f->object, f);
  return out;
}

PairTreaty TreatyEntry(const kb::Entity& e, const Fact& fa, const Fact& fb, const Ctx& c) {
  PairTreaty t;
  t.id = e.id;
  t.name = e.name;
  t.signed_on = IsoDate(fa.QualifierValue("signed"));
  t.in_force = IsoDate(fa.QualifierValue("in_force"));
  if (fa.valid.end() && fa.valid.end()->last_day() < c.day()) t.ended = fa.valid.end();
  t.cite = CiteKb(fa.sources, c);
  Merge(CiteKb(fb.sources, c), &t.cite);
  return t;
}

std::optional<Date> TreatySortDate(const PairTreaty& t) { return t.signed_on ? t.signed_on : t.in_force; }

bool TreatyLess(const PairTreaty& x, const PairTreaty& y) {
  auto a = TreatySortDate(x), b = TreatySortDate(y);
  if (a.has_value() != b.has_value()) return a.has_value();
  if (a && a->first_day() != b->first_day()) return a->first_day() < b->first_day();
  return x.name < y.name;
}


// Two datasets' records of one treaty (GPTAD's and DESTA's "Kyrgyzstan Russia" of 1992):
// the same name, case aside, and the same signature date.
bool SameTreaty(const PairTreaty& x, const PairTreaty& y) {
  return Lower(x.name) == Lower(y.name) && x.signed_on == y.signed_on;
}

void AddTreaty(PairTreaty t, std::vector<PairTreaty>* out) {
  for (PairTreaty& have : *out) {
    if (!SameTreaty(have, t)) continue;
    if (!have.in_force) have.in_force = t.in_force;
    if (!have.ended) have.ended = t.ended;
    have.merged_ids.push_back(t.id);
    Merge(t.cite, &have.cite);
    return;
  }
  out->push_back(std::move(t));
}

// Bilateral: the dataset says so ("bilateral", the curated packs' "bilateral-treaty"), or
// the pair are its only parties.
bool IsBilateral(const kb::Entity& e, const Ctx& c) {
  if (e.subkind.rfind("bilateral", 0) == 0) return true;
  if (e.subkind.rfind("multilateral", 0) == 0) return false;
  std::set<std::string> parties;
  for (const Fact* f : c.kb().FactsAbout(e.id, Relation::kPartyTo)) parties.insert(f->subject);
  return parties.size() == 2;
}

void AddShared(const kb::Entity& e, const Fact& fa, const Fact& fb, const Ctx& c, PairTreaties* out) {
  if (IsBilateral(e, c)) {
    AddTreaty(TreatyEntry(e, fa, fb, c), &out->bilateral);
  } else {
    ++out->multilateral_both;
    Merge(CiteKb(fa.sources, c), &out->multilateral_cite);
  }
  Later(CurrencyOf(fa, c), &out->current_to);
}

PairTreaties Treaties(const Ctx& c) {
  PairTreaties out;
  out.available = true;
  std::map<std::string, const Fact*> ja = Joined(c.in.a, c), jb = Joined(c.in.b, c);
  for (const auto& [id, fa] : ja) {
    auto it = jb.find(id);
    const kb::Entity* e = c.kb().FindEntity(id);
    if (it == jb.end() || e == nullptr || e->kind != kb::EntityKind::kAgreement) continue;
    AddShared(*e, *fa, *it->second, c, &out);
  }
  std::sort(out.bilateral.begin(), out.bilateral.end(), TreatyLess);
  if (out.bilateral.empty() || out.multilateral_both == 0) out.asked = Asked(Relation::kPartyTo, c);
  return out;
}

// ---- IGOs ---------------------------------------------------------------------------------

std::map<std::string, const Fact*> MemberOn(const std::string& state, const Ctx& c) {
  std::map<std::string, const Fact*> out;
  for (const Fact* f : c.kb().FactsOf(state, Relation::kMemberOf))
    if (HoldsOrRecorded(*f, c)) out.emplace(f->object, f);
  return out;
}

void SharedOrganisations(const Ctx& c, PairIgos* out) {
  std::map<std::string, const Fact*> ma = MemberOn(c.in.a, c), mb = MemberOn(c.in.b, c);
  for (const auto& [org, fa] : ma) {
    auto it = mb.find(org);
    if (it == mb.end()) continue;
    out->shared.push_back(c.kb().NameOf(org));
    Merge(CiteKb(fa->sources, c), &out->factbook_cite);
    Merge(CiteKb(it->second->sources, c), &out->factbook_cite);
    if (IsRecord(*fa, c)) Later(fa->valid.start(), &out->factbook_recorded);
  }
  std::sort(out->shared.begin(), out->shared.end());
}

// The organisations `state` takes part in on the date other than as a full member:
// organisation -> its observer_of or participates_in fact.
std::map<std::string, const Fact*> OtherPartsOn(const std::string& state, const Ctx& c) {
  std::map<std::string, const Fact*> out;
  for (Relation r : {Relation::kObserverOf, Relation::kParticipatesIn})
    for (const Fact* f : c.kb().FactsOf(state, r))
      if (HoldsOrRecorded(*f, c)) out.emplace(f->object, f);
  return out;
}

// "member", "observer", or the source's words for another part ("partners", "NGOs").
std::string PartOf(const Fact* f) {
  if (f->relation == Relation::kMemberOf) return "member";
  if (f->relation == Relation::kObserverOf) return "observer";
  return f->value.empty() ? std::string(f->QualifierValue("role")) : f->value;
}

void CitePart(const Fact* f, const Ctx& c, PairIgos* out) {
  Merge(CiteKb(f->sources, c), &out->factbook_cite);
  if (IsRecord(*f, c)) Later(f->valid.start(), &out->factbook_recorded);
}

// Organisations both take part in, not both as full members (an observer is no member).
void OtherParts(const Ctx& c, PairIgos* out) {
  std::array<std::map<std::string, const Fact*>, 2> all = {MemberOn(c.in.a, c), MemberOn(c.in.b, c)};
  std::array<std::map<std::string, const Fact*>, 2> other = {OtherPartsOn(c.in.a, c), OtherPartsOn(c.in.b, c)};
  for (int i = 0; i < 2; ++i)
    for (const auto& [org, f] : other[i]) all[i].emplace(org, f);
  for (const auto& [org, fa] : all[0]) {
    auto it = all[1].find(org);
    if (it == all[1].end() || (!other[0].count(org) && !other[1].count(org))) continue;
    out->other_parts.push_back({c.kb().NameOf(org), {PartOf(fa), PartOf(it->second)}});
    CitePart(fa, c, out);
    CitePart(it->second, c, out);
  }
  std::sort(out->other_parts.begin(), out->other_parts.end(),
            [](const PairIgoPart& x, const PairIgoPart& y) { return x.organisation < y.organisation; });
}

// UN missions both contribute to (contributes_to an operation, the Factbook's list).
void Operations(const Ctx& c, PairIgos* out) {
  std::map<std::string, const Fact*> a;
  for (const Fact* f : c.kb().FactsOf(c.in.a, Relation::kContributesTo))
    if (HoldsOrRecorded(*f, c)) a.emplace(f->object, f);
  for (const Fact* f : c.kb().FactsOf(c.in.b, Relation::kContributesTo)) {
    auto it = a.find(f->object);
    const kb::Entity* e = c.kb().FindEntity(f->object);
    if (it == a.end() || e == nullptr || e->kind != kb::EntityKind::kOperation || !HoldsOrRecorded(*f, c)) continue;
    out->operations.push_back(e->name);
    CitePart(it->second, c, out);
    CitePart(f, c, out);
  }
  std::sort(out->operations.begin(), out->operations.end());
}

void CowIgos(const Ctx& c, PairIgos* out) {
  if (c.rel() == nullptr) return;
  for (const relations::IgoYear& y : c.rel()->SharedIgoSeries(c.in.a, c.in.b))
    if (y.year <= c.in.as_of.year()) out->cow_series.push_back({y.year, y.shared});
  if (!out->cow_series.empty()) out->cow = Dataset("cow-igo", "igos", c);
}

PairIgos Igos(const Ctx& c) {
  PairIgos out;
  out.available = true;
  SharedOrganisations(c, &out);
  OtherParts(c, &out);
  Operations(c, &out);
  CowIgos(c, &out);
  if (!out.shared.empty() || !out.cow_series.empty() || !out.other_parts.empty() || !out.operations.empty()) return out;
  out.asked = Asked(Relation::kMemberOf, c);
  const PairSource cow = Dataset("cow-igo", "igos", c);
  Merge(AskedOne(cow).cite, &out.asked.cite);
  Later(cow.current_to, &out.asked.current_to);
  return out;
}

// ---- disputes and conflicts ---------------------------------------------------------------

void AddDisputeYear(const relations::DisputeYear& y, std::map<int, PairDispute>* by) {
  auto [it, added] = by->try_emplace(y.dispnum, PairDispute{y.dispnum, y.year, y.year, 0, y.a_side_a});
  PairDispute& d = it->second;
  if (y.year < d.first_year) d.a_initiated = y.a_side_a;
  d.first_year = std::min(d.first_year, y.year);
  d.last_year = std::max(d.last_year, y.year);
  d.hostility = std::max({d.hostility, y.hostlev_a, y.hostlev_b});
}

std::vector<PairDispute> Disputes(const Ctx& c) {
  std::map<int, PairDispute> by;
  for (const relations::DisputeYear& y : c.rel()->Disputes(c.in.a, c.in.b))
    if (y.year <= c.in.as_of.year()) AddDisputeYear(y, &by);
  std::vector<PairDispute> out;
  for (const auto& [n, d] : by) out.push_back(d);
  std::sort(out.begin(), out.end(), [](const PairDispute& x, const PairDispute& y) { return x.first_year < y.first_year; });
  return out;
}

std::vector<PairConflict> Conflicts(const Ctx& c) {
  std::map<int, PairConflict> by;
  for (const auto& [x, y] : {std::pair(c.in.a, c.in.b), std::pair(c.in.b, c.in.a)})
    for (const relations::ConflictYear& k : c.rel()->Conflicts(x, y)) {
      if (k.year > c.in.as_of.year()) continue;
      auto [it, added] = by.try_emplace(k.conflict_id, PairConflict{k.conflict_id, k.year, k.year, k.intensity});
      it->second.first_year = std::min(it->second.first_year, k.year);
      it->second.last_year = std::max(it->second.last_year, k.year);
      it->second.intensity = std::max(it->second.intensity, k.intensity);
    }
  std::vector<PairConflict> out;
  for (const auto& [n, k] : by) out.push_back(k);
  std::sort(out.begin(), out.end(), [](const PairConflict& x, const PairConflict& y) { return x.first_year < y.first_year; });
  return out;
}

PairConflicts ConflictsOf(const Ctx& c) {
  PairConflicts out;
  out.available = c.rel() != nullptr;
  if (!out.available) return out;
  out.disputes = Disputes(c);
  out.conflicts = Conflicts(c);
  out.mid = Dataset("mid", "mid", c);
  out.ucdp = Dataset("ucdp", "ucdp", c);
  return out;
}

// ---- geography ----------------------------------------------------------------------------

int ContiguityOn(int32_t day, const Ctx& c) {
  int best = 0;
  for (const relations::ContiguitySpell& s : c.rel()->ContiguitySpells(c.in.a, c.in.b))
    if (s.start_day <= day && day <= s.end_day && s.type > 0 && (best == 0 || s.type < best)) best = s.type;
  return best;
}

PairGeography Geography(const Ctx& c) {
  PairGeography g;
  g.available = c.rel() != nullptr && c.rel()->table("contiguity") != nullptr;
  if (!g.available) return g;
  std::optional<Date> cont = TableCurrency("contiguity", c), caps = TableCurrency("capitals", c);
  const int32_t cday = AnswerDay(cont, c), kday = AnswerDay(caps, c);
  g.contiguity_beyond = cday < c.day();
  // Past the dataset's currency, the last year it covers answers (its spells may stop a
  // few days before the currency date: COW's end on 2016-12-01, the data on 2016-12-31).
  g.contiguity_type = g.contiguity_beyond ? c.rel()->Contiguity(c.in.a, c.in.b, cont->year()) : ContiguityOn(cday, c);
  g.contiguity_on = g.contiguity_beyond ? *Date::Make(cont->year()) : Date::FromDays(cday);
  g.distance_km = c.rel()->CapitalDistanceKm(c.in.a, c.in.b, kday);
  if (g.distance_km) g.distance_on = Date::FromDays(kday);
  g.distance_beyond = kday < c.day();
  g.contiguity = Dataset("contiguity", "contiguity", c);
  g.capitals = g.contiguity;
  return g;
}

// The relations the knowledge base holds any fact of (a section built from a relation no
// loaded pack records is left out, not reported as empty), and each one's datasets.
// The bundled datasets (`dyad import NAME`, relations/citations.h) whose packs record a
// relation for every state; their sources' ids are "NAME:…".
struct DatasetOf {
  Relation relation;
  std::string_view dataset;
};
constexpr DatasetOf kDatasets[] = {{Relation::kAccreditedTo, "embassies"},
                                   {Relation::kLeaderOf, "leaders"},
                                   {Relation::kLeaderOf, "factbook"},
                                   {Relation::kPartyTo, "treaties"},
                                   {Relation::kMemberOf, "factbook"}};

void AddDatasetSource(const std::string& id, Held* held) {
  const std::string_view prefix = std::string_view(id).substr(0, id.find(':'));
  if (prefix.size() == id.size() || relations::FindCitation(prefix) == nullptr) return;
  for (const DatasetOf& d : kDatasets)
    if (d.dataset == prefix) held->datasets[static_cast<size_t>(d.relation)].push_back(id);
}

Held HeldOf(const kb::KnowledgeBase& kb) {
  Held held;
  for (const Fact& f : kb.facts()) held.any[static_cast<size_t>(f.relation)] = true;
  for (const auto& [id, source] : kb.sources()) AddDatasetSource(source.id, &held);
  for (std::vector<std::string>& ids : held.datasets) std::sort(ids.begin(), ids.end());
  return held;
}

std::string Notes(const PairInputs& in, const Held& held) {
  std::vector<std::string> missing;
  if (!held.has(Relation::kAccreditedTo)) missing.push_back("missions (embassies)");
  if (!held.has(Relation::kLeaderOf)) missing.push_back("leaders");
  if (!held.has(Relation::kPartyTo)) missing.push_back("treaties");
  std::string note;
  if (!missing.empty()) note = "The loaded knowledge base holds no data on " + fmt::format("{}", fmt::join(missing, ", ")) + ".";
  if (in.relations == nullptr)
    note += (note.empty() ? "" : " ") + (in.relations_error.empty() ? std::string("No relations pack was loaded.") : in.relations_error);
  return note;
}

}  // namespace

// ---- vocabulary shared by the renderers ---------------------------------------------------

const char* ObligationName(int k) {
  static const char* kNames[] = {"defense", "offense", "neutrality", "non-aggression", "consultation"};
  return k >= 0 && k < 5 ? kNames[k] : "?";
}

std::string ContiguityText(int type) {
  static const char* kWater[] = {"12", "24", "150", "400"};
  if (type == 1) return "a land or river border";
  if (type >= 2 && type <= 5) return fmt::format("at most {} miles of water between them", kWater[type - 2]);
  return "no direct contiguity";
}

const char* HostilityName(int level) {
  static const char* kNames[] = {"no militarized action", "threat to use force", "display of force",
                                 "use of force", "war"};
  return level >= 1 && level <= 5 ? kNames[level - 1] : "unknown";
}

bool InAgreements(const Dossier& d, const PairTreaty& t) {
  for (const Group& g : d.agreements)
    if (g.id == t.id || std::find(t.merged_ids.begin(), t.merged_ids.end(), g.id) != t.merged_ids.end()) return true;
  return false;
}

std::string TreatiesInAgreementsText(const Dossier& d) {
  const std::vector<PairTreaty>& all = d.pairs.treaties.bilateral;
  auto listed = std::count_if(all.begin(), all.end(), [&](const PairTreaty& t) { return InAgreements(d, t); });
  if (listed == 0) return "";
  return fmt::format("{} bilateral treat{} recorded; {} listed under Agreements, {}, with {} citations{}",
                     all.size(), all.size() == 1 ? "y is" : "ies are",
                     listed == static_cast<long>(all.size()) ? (all.size() == 1 ? "it is" : "all are") : fmt::format("{} of them are", listed),
                     listed == 1 ? "once" : "once each", all.size() == 1 ? "its" : "their", listed == static_cast<long>(all.size()) ? "." : "; the others:");
}

std::string NoneRecorded(std::string_view what, const PairAsked& asked) {
  std::string s = what.empty() ? std::string("None recorded") : std::string(what);
  if (asked.current_to) s += fmt::format(" (data to {})", asked.current_to->ToString());
  return s + ".";
}

PairAsked AskedOf(const PairSource& x, const PairSource& y) {
  PairAsked out = AskedOne(x);
  Merge(AskedOne(y).cite, &out.cite);
  Later(y.current_to, &out.current_to);
  return out;
}

std::string NoConflictsText(const PairConflicts& k) {
  auto to = [](const PairSource& s) { return s.current_to ? ", data to " + s.current_to->ToString() : std::string(); };
  return fmt::format("No militarized disputes (COW MID{}) or armed conflicts (UCDP{}) between them.", to(k.mid), to(k.ucdp));
}

std::string OnDateText(const Date& on) {
  return (on.precision() == DatePrecision::kDay ? "on " : "in ") + on.ToString();
}

std::string LeaderDates(const PairLeader& l) {
  std::string s;
  if (l.start) s += ", since " + l.start->ToString();
  if (l.listed) s += fmt::format(", as listed on {}, no start date given", l.listed->ToString());
  if (!l.beyond_currency || !l.current_to) return s;
  if (l.listed && *l.listed == *l.current_to) return s + "; not known after";
  return s + fmt::format("; last recorded {}, not known after", l.current_to->ToString());
}

std::string OtherPartsText(const Dossier& d) {
  const std::vector<PairIgoPart>& parts = d.pairs.igos.other_parts;
  if (parts.empty()) return "";
  std::vector<std::string> items;
  const std::string a = StateInText(d.states[0].name), b = StateInText(d.states[1].name);
  for (const PairIgoPart& p : parts)
    items.push_back(p.parts[0] == p.parts[1] ? fmt::format("{} (both: {})", p.organisation, p.parts[0])
                                             : fmt::format("{} ({}: {}; {}: {})", p.organisation, a, p.parts[0], b, p.parts[1]));
  return fmt::format("Both take part, not both as members, in {} organisation{}: {}.", parts.size(),
                     parts.size() == 1 ? "" : "s", fmt::join(items, ", "));
}

std::string OperationsText(const PairIgos& g) {
  if (g.operations.empty()) return "";
  return fmt::format("Both contribute to {} UN mission{} (peacekeeping or political; not memberships): {}.",
                     g.operations.size(), g.operations.size() == 1 ? "" : "s", fmt::join(g.operations, ", "));
}

std::string YearPrecisionText(const EventsSection& e) {
  if (e.year_precision == 0) return "";
  return fmt::format("{} of them {} dated only to the year by {} record{} (dispute and conflict onsets, posts opened in a "
                     "given year) and {} in no month of the monthly series; `dyad events series {} {} --both --by year` "
                     "counts {}.",
                     e.year_precision, e.year_precision == 1 ? "is" : "are", e.year_precision == 1 ? "its" : "their",
                     e.year_precision == 1 ? "" : "s", e.year_precision == 1 ? "is" : "are",
                     e.directions[0].source, e.directions[0].target, e.year_precision == 1 ? "it" : "them");
}

PairSections BuildPairSections(const PairInputs& in, const NumberSource& number) {
  const Held held = HeldOf(*in.kb);
  Ctx c{in, number, held};
  PairSections p;
  p.built = true;
  p.note = Notes(in, held);
  if (held.has(Relation::kAccreditedTo)) p.missions = Missions(c);
  if (held.has(Relation::kLeaderOf)) p.leaders = Leaders(c);
  p.alliances = Alliances(c);
  if (held.has(Relation::kPartyTo)) p.treaties = Treaties(c);
  p.igos = Igos(c);
  p.conflicts = ConflictsOf(c);
  p.geography = Geography(c);
  return p;
}

}  // namespace dyad::report
