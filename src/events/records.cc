// The coder of records (events/records.h); the mapping is docs/formats/coded-records.md.
#include "events/records.h"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <set>
#include <tuple>

namespace dyad::events {
namespace {

using kb::Relation;

// The longest span an occurrence's dates may cover and still be one dated event (a visit
// of 2015-10-31/2015-11-01 is; "2001-12/2017-06-26" is not).
constexpr int32_t kMaxOccurrenceSpanDays = 31;

bool IsSourceRole(std::string_view r) {
  return r == "actor" || r == "visitor" || r == "perpetrator" || r == "awarder" || r == "mediator";
}
bool IsTargetRole(std::string_view r) {
  return r == "target" || r == "host" || r == "victim" || r == "recipient";
}

// The one state a participant stands for (a state, or an entity owned by one), or "".
std::string StateOfParticipant(const kb::KnowledgeBase& kb, std::string_view id) {
  std::vector<std::string> states = kb.StatesOf(id);
  if (states.size() != 1 || kb.world().Find(states[0]) == nullptr) return "";
  return states[0];
}

struct Sides {
  std::vector<std::string> sources, targets, parties;
};

void AddUnique(std::vector<std::string>* v, std::string s) {
  if (!s.empty() && std::find(v->begin(), v->end(), s) == v->end()) v->push_back(std::move(s));
}

Sides SidesOf(const kb::KnowledgeBase& kb, const kb::Occurrence& occ) {
  Sides s;
  for (const kb::Participant& p : occ.participants) {
    std::string state = StateOfParticipant(kb, p.entity);
    if (IsSourceRole(p.role)) AddUnique(&s.sources, state);
    else if (IsTargetRole(p.role)) AddUnique(&s.targets, state);
    else if (p.role == "party") AddUnique(&s.parties, state);
  }
  return s;
}

// The first source id of a row (every row has at least one).
std::string FirstSource(const std::vector<std::string>& sources) {
  return sources.empty() ? std::string() : sources.front();
}

CodedRecord Event(std::string src, std::string tgt, std::string_view code, const Date& when) {
  CodedRecord r;
  r.day = when.first_day();
  r.precision = when.precision();
  r.src_state = std::move(src);
  r.tgt_state = std::move(tgt);
  r.code = std::string(code);
  return r;
}

// Appends src → tgt unless it is a state to itself or already coded from this record
// (`out` holds one record's events).
void Push(std::vector<CodedRecord>* out, CodedRecord r) {
  if (r.src_state.empty() || r.tgt_state.empty() || r.src_state == r.tgt_state) return;
  for (const CodedRecord& o : *out)
    if (o.src_state == r.src_state && o.tgt_state == r.tgt_state && o.code == r.code) return;
  out->push_back(std::move(r));
}

// The date an occurrence is one event on: its start, when it spans at most a month.
std::optional<Date> OccurrenceDate(const kb::Occurrence& occ) {
  const std::optional<Date>& start = occ.when.start();
  if (!start) return std::nullopt;
  const std::optional<Date>& end = occ.when.end();
  // No end: the source dates it only "in or after" its start (kgz-usa pack), no day to code.
  if (!end || end->last_day() - start->first_day() > kMaxOccurrenceSpanDays) return std::nullopt;
  return start;
}

// Appends an event of a table row (each row is its own record: no duplicate check).
void PushRow(std::vector<CodedRecord>* out, CodedRecord r) {
  if (!r.src_state.empty() && !r.tgt_state.empty() && r.src_state != r.tgt_state) out->push_back(std::move(r));
}

void PushBothWays(std::vector<CodedRecord>* out, const CodedRecord& r) {
  Push(out, r);
  CodedRecord back = r;
  std::swap(back.src_state, back.tgt_state);
  Push(out, std::move(back));
}

void CodeOccurrenceSides(const kb::Occurrence& occ, const Sides& s, const Date& when,
                         std::vector<CodedRecord>* out) {
  const bool visit = occ.cameo == "042";
  for (const std::string& a : s.sources)
    for (const std::string& b : s.targets) {
      CodedRecord r = Event(a, b, occ.cameo, when);
      r.rule = visit ? "visit" : "occurrence";
      Push(out, r);
      if (!visit) continue;
      CodedRecord host = Event(b, a, "043", when);
      host.rule = "host-visit";
      Push(out, std::move(host));
    }
  for (const std::string& a : s.parties)
    for (const std::string& b : s.parties) {
      CodedRecord r = Event(a, b, occ.cameo, when);
      r.rule = "occurrence-parties";
      Push(out, std::move(r));
    }
}

void Stamp(std::vector<CodedRecord>* out, const std::string& source, const std::string& record) {
  for (CodedRecord& r : *out) {
    r.source = source;
    r.record = record;
  }
}

// A pack row with no record id of its own is named by its file and line, from the data
// directory on ("packs/kgz-usa/facts.tsv line 12").
std::string OriginRecord(const kb::Origin& o) {
  std::string_view file = o.file;
  if (size_t p = file.rfind("/data/"); p != std::string_view::npos) file.remove_prefix(p + 6);
  return fmt::format("{} line {}", file, o.line);
}

void Skip(RecordCounts* counts, const std::string& reason) { ++counts->skipped_by_reason[reason]; }

// ---- facts ---------------------------------------------------------------------------

struct FactRule {
  Relation relation;
  std::string_view code;
  bool both_ways;
};
// CAMEO codebook (dictionary notes): establishing relations is 054, restoring them 050;
// a break or suspension is 161. Missions: dyad's reading (coded-records.md).
constexpr FactRule kFactRules[] = {
    {Relation::kRecognized, "054", false},          {Relation::kRelationsEstablished, "054", true},
    {Relation::kRelationsResumed, "050", true},     {Relation::kRelationsSevered, "161", true},
    {Relation::kRelationsSuspended, "161", true},   {Relation::kMissionOpened, "050", false},
    {Relation::kMissionClosed, "161", false},       {Relation::kAgreementSigned, "057", true},
};

const FactRule* RuleOf(Relation r) {
  for (const FactRule& rule : kFactRules)
    if (rule.relation == r) return &rule;
  return nullptr;
}

// Sending and receiving state of a mission fact: the mission's owner and its host (or
// the fact's object when the mission names no host).
std::pair<std::string, std::string> MissionSides(const kb::KnowledgeBase& kb, const kb::Fact& f) {
  const kb::Entity* m = kb.FindEntity(f.subject);
  if (m == nullptr) return {};
  std::string host = m->host.empty() ? f.object : m->host;
  return {StateOfParticipant(kb, m->owner), StateOfParticipant(kb, host)};
}

// The two state parties of a bilateral agreement; empty pair otherwise.
std::pair<std::string, std::string> AgreementSides(const kb::KnowledgeBase& kb, const kb::Fact& f) {
  std::vector<std::string> parties;
  for (const std::string& s : kb.StatesOf(f.subject))
    if (kb.world().Find(s) != nullptr) AddUnique(&parties, s);
  if (parties.size() != 2) return {};
  return {parties[0], parties[1]};
}

std::pair<std::string, std::string> FactSides(const kb::KnowledgeBase& kb, const kb::Fact& f) {
  if (f.relation == Relation::kMissionOpened || f.relation == Relation::kMissionClosed)
    return MissionSides(kb, f);
  if (f.relation == Relation::kAgreementSigned) return AgreementSides(kb, f);
  return {StateOfParticipant(kb, f.subject), StateOfParticipant(kb, f.object)};
}

std::string FactRuleName(const kb::Fact& f) { return std::string(kb::RelationName(f.relation)); }

// A break or suspension of relations between `a` and `b` recorded within a year of `when`.
bool BreakNear(const kb::KnowledgeBase& kb, const std::string& a, const std::string& b, const Date& when) {
  for (Relation r : {Relation::kRelationsSevered, Relation::kRelationsSuspended})
    for (const auto& [x, y] : {std::pair(a, b), std::pair(b, a)})
      for (const kb::Fact* f : kb.FactsOf(x, r))
        if (f->object == y && f->valid.start() && std::abs(f->valid.start()->year() - when.year()) <= 1) return true;
  return false;
}

// A closing is a reduction of relations (161) only when a break or suspension between the
// two is recorded within a year of it (Havana 1961, Tehran 1979); most closings in the
// Historian's posts are administrative (a consular agency closed, a post moved).
bool CodedClosure(const kb::KnowledgeBase& kb, const kb::Fact& f, const std::string& a, const std::string& b) {
  return f.relation != Relation::kMissionClosed || a.empty() || b.empty() || BreakNear(kb, a, b, *f.valid.start());
}

// ---- MID and UCDP --------------------------------------------------------------------

int IntAt(const relations::DyadTable& t, size_t row, int col, int missing = -9) {
  if (col < 0) return missing;
  double v = t.Value(row, col);
  return std::isnan(v) ? missing : static_cast<int>(v);
}

Date YearDate(int year) { return *Date::Make(year); }

std::string TableRecord(const relations::DyadTable& t, size_t row, std::string_view id_name, int id) {
  std::string file = t.meta().files.empty() ? t.meta().dataset : t.meta().files.front();
  return fmt::format("{} row {} ({} {})", file, IntAt(t, row, t.Column("src_row")), id_name, id);
}

void CodeDisputeRow(const relations::DyadTable& t, size_t row, std::vector<CodedRecord>* out,
                    RecordCounts* counts) {
  if (IntAt(t, row, t.Column("disponset"), 0) != 1) return;
  std::string_view code = CameoOfMidAction(IntAt(t, row, t.Column("hiact1")), IntAt(t, row, t.Column("hostlev1")));
  if (code.empty()) return Skip(counts, "mid: no militarized action by the focal state");
  CodedRecord r = Event(std::string(t.a(row)), std::string(t.b(row)), code, YearDate(t.year(row)));
  r.rule = fmt::format("mid-onset hiact {}", IntAt(t, row, t.Column("hiact1")));
  r.source = "relations:mid";
  r.record = TableRecord(t, row, "dispute", IntAt(t, row, t.Column("dispnum")));
  r.military = true;
  PushRow(out, std::move(r));
}

// A new episode of a conflict for the directed dyad: no row of the same conflict for the
// dyad in the year before.
bool ConflictOnset(const relations::DyadTable& t, size_t row, int col_id) {
  const int id = IntAt(t, row, col_id);
  auto [lo, hi] = t.RangeIdx(t.a_index(row), t.b_index(row), t.year(row) - 1);
  for (size_t r = lo; r < hi; ++r)
    if (IntAt(t, r, col_id) == id) return false;
  return true;
}

}  // namespace

std::string_view CameoOfMidAction(int hiact, int hostlev) {
  // COW MID 5 highest action, 0-21 (MID codebook), to the CAMEO code of the same act.
  static constexpr std::string_view kByAction[] = {
      "",     "138", "1381", "1382", "138", "1385", "138",  // 0 none; 1-6 threats
      "150",  "152", "152",  "154",  "150", "150",          // 7-12 displays
      "191",  "192", "171",  "190",  "190", "190",          // 13-18 uses of force
      "2041", "190", "190",                                  // 19 CBR weapons; 20-21 war
  };
  if (hiact >= 0 && hiact <= 21) return kByAction[hiact];
  switch (hostlev) {
    case 2: return "130";
    case 3: return "150";
    case 4:
    case 5: return "190";
    default: return "";
  }
}

std::vector<CodedRecord> CodeOccurrence(const kb::KnowledgeBase& kb, const kb::Occurrence& occ,
                                        RecordCounts* counts) {
  std::vector<CodedRecord> out;
  std::optional<Date> when = OccurrenceDate(occ);
  if (!when) {
    Skip(counts, "occurrence dated only within a span of more than a month");
    return out;
  }
  CodeOccurrenceSides(occ, SidesOf(kb, occ), *when, &out);
  if (out.empty()) Skip(counts, "occurrence without two states");
  Stamp(&out, FirstSource(occ.sources), occ.record.empty() ? occ.id : occ.record);
  return out;
}

std::vector<CodedRecord> CodeFact(const kb::KnowledgeBase& kb, const kb::Fact& fact, RecordCounts* counts) {
  std::vector<CodedRecord> out;
  const FactRule* rule = RuleOf(fact.relation);
  if (rule == nullptr) return out;
  if (fact.undated || !fact.valid.start()) {
    Skip(counts, FactRuleName(fact) + ": undated");
    return out;
  }
  auto [a, b] = FactSides(kb, fact);
  if (!CodedClosure(kb, fact, a, b)) {
    Skip(counts, "mission_closed: no break or suspension of relations within a year (administrative)");
    return out;
  }
  CodedRecord r = Event(a, b, rule->code, *fact.valid.start());
  r.rule = FactRuleName(fact);
  if (rule->both_ways) PushBothWays(&out, r);
  else Push(&out, r);
  if (out.empty()) Skip(counts, FactRuleName(fact) + ": not between two states");
  Stamp(&out, FirstSource(fact.sources), fact.record.empty() ? OriginRecord(fact.origin) : fact.record);
  return out;
}

std::vector<CodedRecord> CodeDisputes(const relations::Relations& rel, RecordCounts* counts) {
  std::vector<CodedRecord> out;
  const relations::DyadTable* t = rel.table("mid");
  if (t == nullptr) return out;
  for (size_t row = 0; row < t->rows(); ++row) CodeDisputeRow(*t, row, &out, counts);
  return out;
}

std::vector<CodedRecord> CodeConflicts(const relations::Relations& rel, RecordCounts*) {
  std::vector<CodedRecord> out;
  const relations::DyadTable* t = rel.table("ucdp");
  if (t == nullptr) return out;
  const int col_id = t->Column("conflict_id");
  for (size_t row = 0; row < t->rows(); ++row) {
    if (!ConflictOnset(*t, row, col_id)) continue;
    CodedRecord r = Event(std::string(t->a(row)), std::string(t->b(row)), "190", YearDate(t->year(row)));
    r.rule = "ucdp-onset";
    r.source = "relations:ucdp";
    r.record = TableRecord(*t, row, "conflict", IntAt(*t, row, col_id));
    r.military = true;
    PushRow(&out, std::move(r));
  }
  return out;
}

namespace {

// The same event (direction, code, day, rule) from a second source is kept once.
void DropCrossSourceDuplicates(std::vector<CodedRecord>* events, RecordCounts* counts) {
  std::map<std::tuple<std::string, std::string, std::string, int32_t, std::string>, std::string> first;
  std::vector<CodedRecord> kept;
  for (CodedRecord& r : *events) {
    auto [it, fresh] = first.try_emplace({r.src_state, r.tgt_state, r.code, r.day, r.rule}, r.source);
    if (!fresh && it->second != r.source) {
      ++counts->duplicates;
      continue;
    }
    kept.push_back(std::move(r));
  }
  *events = std::move(kept);
}

void Append(std::vector<CodedRecord> more, const Taxonomy& tax, std::vector<CodedRecord>* all,
            RecordCounts* counts) {
  for (CodedRecord& r : more) {
    if (tax.Find(r.code) == nullptr) {
      Skip(counts, "code not in the CAMEO taxonomy: " + r.code);
      continue;
    }
    all->push_back(std::move(r));
  }
}

}  // namespace

std::vector<CodedRecord> CodeAllRecords(const RecordInputs& in, RecordCounts* counts) {
  std::vector<CodedRecord> all;
  if (in.kb != nullptr) {
    for (const kb::Occurrence& occ : in.kb->occurrences())
      if (!occ.cameo.empty()) Append(CodeOccurrence(*in.kb, occ, counts), *in.taxonomy, &all, counts);
    for (const kb::Fact& f : in.kb->facts()) Append(CodeFact(*in.kb, f, counts), *in.taxonomy, &all, counts);
  }
  if (in.relations != nullptr) {
    Append(CodeDisputes(*in.relations, counts), *in.taxonomy, &all, counts);
    Append(CodeConflicts(*in.relations, counts), *in.taxonomy, &all, counts);
  }
  DropCrossSourceDuplicates(&all, counts);
  for (const CodedRecord& r : all) ++counts->events_by_rule[r.rule.substr(0, r.rule.find(' '))];
  std::stable_sort(all.begin(), all.end(), [](const CodedRecord& x, const CodedRecord& y) { return x.day < y.day; });
  return all;
}

// ---- record references ---------------------------------------------------------------

std::string FormatRecordRef(const CodedRecord& r) {
  std::string_view p = r.precision == DatePrecision::kDay ? "day" : r.precision == DatePrecision::kMonth ? "month" : "year";
  return fmt::format("{} {} {}", p, r.source, r.record);
}

Result<RecordRef> ParseRecordRef(std::string_view url) {
  size_t s1 = url.find(' ');
  size_t s2 = s1 == std::string_view::npos ? s1 : url.find(' ', s1 + 1);
  if (s2 == std::string_view::npos)
    return Status::InvalidArgument(fmt::format("not a record reference (PRECISION SOURCE RECORD): '{}'", url));
  RecordRef ref;
  std::string_view p = url.substr(0, s1);
  if (p == "day") ref.precision = DatePrecision::kDay;
  else if (p == "month") ref.precision = DatePrecision::kMonth;
  else if (p == "year") ref.precision = DatePrecision::kYear;
  else return Status::InvalidArgument(fmt::format("record reference: unknown precision '{}'", p));
  ref.source = std::string(url.substr(s1 + 1, s2 - s1 - 1));
  ref.record = std::string(url.substr(s2 + 1));
  return ref;
}

}  // namespace dyad::events
