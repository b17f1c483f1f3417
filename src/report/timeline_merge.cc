#include "report/timeline_merge.h"

#include <algorithm>
#include <initializer_list>
#include <sstream>
#include <string>
#include <string_view>

namespace dyad::report {
namespace {

using kb::Relation;

std::optional<Date> StartOf(const TimelineItem& i) { return i.fact ? i.fact->start : i.occurrence->start; }
const std::string& TextOf(const TimelineItem& i) { return i.fact ? i.fact->text : i.occurrence->text; }

// The same day at the same precision ("2015-07" is not "2015-07-21").
bool SameStart(const TimelineItem& x, const TimelineItem& y) {
  const std::optional<Date> a = StartOf(x), b = StartOf(y);
  return a && b && a->ToString() == b->ToString();
}

bool Shares(const Cites& x, const Cites& y) {
  return std::any_of(x.begin(), x.end(), [&](int n) { return std::find(y.begin(), y.end(), n) != y.end(); });
}

std::vector<std::string> Words(const std::string& name) {
  std::istringstream in(name);
  std::vector<std::string> out;
  for (std::string w; in >> w;) out.push_back(w);
  return out;
}

// "John Kerry" and "John Forbes Kerry" are one person: every word of one is in the other.
bool SamePerson(const std::string& x, const std::string& y) {
  std::vector<std::string> a = Words(x), b = Words(y);
  if (a.size() > b.size()) std::swap(a, b);
  return !a.empty() && std::all_of(a.begin(), a.end(), [&](const std::string& w) {
    return std::find(b.begin(), b.end(), w) != b.end();
  });
}

// No role held by different people: every person of x in a role y fills too (the
// visitor, the host) is one of y's in that role. A role only one names does not differ.
bool SamePeople(const OccurrenceStatement& x, const OccurrenceStatement& y) {
  const auto fits = [](const OccurrenceParticipant& p, const OccurrenceStatement& o) {
    bool role_filled = false, found = false;
    for (const OccurrenceParticipant& q : o.people) {
      if (q.role != p.role) continue;
      role_filled = true;
      found = found || SamePerson(p.name, q.name);
    }
    return !role_filled || found;
  };
  return std::all_of(x.people.begin(), x.people.end(), [&](const OccurrenceParticipant& p) { return fits(p, y); }) &&
         std::all_of(y.people.begin(), y.people.end(), [&](const OccurrenceParticipant& p) { return fits(p, x); });
}

// Where both say where it happened, it happened in one state (a visit there, not here).
bool SamePlace(const OccurrenceStatement& x, const OccurrenceStatement& y) {
  return x.place_state.empty() || y.place_state.empty() || x.place_state == y.place_state;
}

bool SameOccurrence(const OccurrenceStatement& x, const OccurrenceStatement& y) {
  return x.kind == y.kind && x.states == y.states && SamePlace(x, y) && SamePeople(x, y) && !Shares(x.cite, y.cite);
}

// The facts an occurrence of `kind` records.
bool Records(std::string_view kind, Relation r) {
  const auto is = [&](std::initializer_list<std::string_view> kinds, std::initializer_list<Relation> rs) {
    return std::find(kinds.begin(), kinds.end(), kind) != kinds.end() && std::find(rs.begin(), rs.end(), r) != rs.end();
  };
  return is({"termination", "closure"}, {Relation::kAgreementTerminated, Relation::kMissionClosed,
                                         Relation::kInstallationClosed}) ||
         is({"signing", "agreement"}, {Relation::kAgreementSigned}) ||
         is({"opening"}, {Relation::kMissionOpened, Relation::kInstallationOpened}) ||
         is({"recognition"}, {Relation::kRecognized});
}

bool Involves(const OccurrenceStatement& o, const std::string& entity) {
  return std::any_of(o.participants.begin(), o.participants.end(),
                     [&](const OccurrenceParticipant& p) { return p.entity == entity; });
}

bool FactOfOccurrence(const FactStatement& f, const OccurrenceStatement& o) {
  return Records(o.kind, f.relation) && Involves(o, f.subject);
}

const std::string& WhenOf(const TimelineItem& i) { return i.fact ? i.fact->when : i.occurrence->when; }

bool Same(const TimelineItem& x, const TimelineItem& y) {
  if (!SameStart(x, y)) return false;
  if (WhenOf(x) == WhenOf(y) && TextOf(x) == TextOf(y)) return true;  // the same line, whoever says it
  if (x.occurrence && y.occurrence) return SameOccurrence(*x.occurrence, *y.occurrence);
  if (x.fact && y.occurrence) return FactOfOccurrence(*x.fact, *y.occurrence);
  if (x.occurrence && y.fact) return FactOfOccurrence(*y.fact, *x.occurrence);
  return false;  // two facts: MergeDuplicates has joined those that are one
}

void UnionCites(Cites& into, const Cites& more) {
  for (int n : more)
    if (std::find(into.begin(), into.end(), n) == into.end()) into.push_back(n);
}

void Later(std::optional<Date>& into, const std::optional<Date>& d) {
  if (d && (!into || *into < *d)) into = d;
}

// The kept statement's cites, currency and other dates, whichever kind it is.
template <typename S>
void Join(S& keep, const std::string& when, const Cites& cite, const std::optional<Date>& current_to) {
  Later(keep.current_to, current_to);
  if (when == keep.when) return UnionCites(keep.cite, cite);
  for (OtherDate& o : keep.also)
    if (o.when == when) return UnionCites(o.cite, cite);
  keep.also.push_back({when, cite});
}

template <typename S>
void JoinInto(S& keep, const TimelineItem& other) {
  if (other.fact) Join(keep, other.fact->when, other.fact->cite, other.fact->current_to);
  else Join(keep, other.occurrence->when, other.occurrence->cite, other.occurrence->current_to);
}

void SameAs(TimelineItem& keep, const TimelineItem& other) {
  if (!keep.occurrence || !other.occurrence) return;
  std::vector<std::string>& ids = keep.occurrence->same_as;
  ids.push_back(other.occurrence->id);
  ids.insert(ids.end(), other.occurrence->same_as.begin(), other.occurrence->same_as.end());
}

// `keep` takes in `other`; the one whose sentence says more stays in front.
void Absorb(TimelineItem& keep, TimelineItem other) {
  if (TextOf(other).size() > TextOf(keep).size()) std::swap(keep, other);
  if (keep.fact) JoinInto(*keep.fact, other);
  else JoinInto(*keep.occurrence, other);
  SameAs(keep, other);
}

}  // namespace

std::vector<TimelineItem> MergeSameOccurrences(std::vector<TimelineItem> items) {
  std::vector<TimelineItem> out;
  for (TimelineItem& i : items) {
    auto same = std::find_if(out.begin(), out.end(), [&](const TimelineItem& o) { return Same(o, i); });
    if (same == out.end()) out.push_back(std::move(i));
    else Absorb(*same, std::move(i));
  }
  return out;
}

}  // namespace dyad::report
