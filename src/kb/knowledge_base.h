// KnowledgeBase: loaded packs, validated and indexed, with as-of queries.
//
// Load reads every pack directory given (ReadPack), then checks what needs all packs at
// once — states against the World registry, entity and source references, kinds of
// subjects and objects, overlapping terms of a post — and indexes the rest. A row failing
// any check is not loaded; every failure is in the LoadReport with file, line and column.
// Identical facts from different packs are merged (one fact, the union of their sources);
// facts that differ are all kept, so disagreeing sources stay visible in every answer.
//
// Dates in queries: `on` may be a partial date; a fact answers for `on` when it *possibly*
// holds on some day of it (so `--on 2012` lists every envoy who served in 2012).
//
// Currency (docs/formats/packs.md, "Currency"): every source may say the date it is current
// to. A fact whose validity is left open (a term with no end, "since 1994") is known only up
// to the latest currency of its sources; asked about a later date, queries do not assert it
// but report it as *last recorded* on that date (EnvoyAnswer::beyond_currency,
// RelationsAnswer::beyond_currency, ChainStep::last_recorded). A date after `today()` is in
// the future: nothing is known for it (the answers' `future` flag). A pair of which one
// state did not exist on the date has no relations then (RelationsAnswer::absent).
//
// Thread-safety: a loaded KnowledgeBase is immutable and safe to share between threads.
// Pointers returned by queries live as long as the KnowledgeBase.
#ifndef DYAD_KB_KNOWLEDGE_BASE_H_
#define DYAD_KB_KNOWLEDGE_BASE_H_

#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "base/date.h"
#include "base/interval.h"
#include "base/status.h"
#include "kb/model.h"
#include "kb/pack.h"
#include "world/world.h"

namespace dyad::kb {

// Hash maps keyed by std::string that can be searched with a string_view (no allocation).
struct StringHash {
  using is_transparent = void;
  size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
};
template <typename V>
using StringMap = std::unordered_map<std::string, V, StringHash, std::equal_to<>>;

// Are A and B in diplomatic relations on a date, and since when.
struct RelationsAnswer {
  enum class State : uint8_t {
    kInRelations,  // an establishment or resumption, and no later break, on or before `on`
    kNoRelations,  // a later break, or a no_relations fact covering `on`
    kDisputed,     // sources disagree (in relations per one, no relations per another)
    kUnknown,      // nothing recorded either way (recognition alone is not relations)
  };
  State state = State::kUnknown;
  // Establishing facts (established / resumed) of the current spell, earliest first.
  // More than one with different dates is a disagreement between sources.
  std::vector<const Fact*> since;
  // The same spell's establishing facts dated after `on` by some source (a source that
  // puts the start later than `on` while another puts it earlier).
  std::vector<const Fact*> later_claims;
  const Fact* last_break = nullptr;        // latest severed/suspended on or before `on`
  std::vector<const Fact*> recognition;    // recognized, either direction, on or before `on`
  // no_relations facts covering `on`, and undated ones (listed, but an undated statement
  // never decides the state on a particular day).
  std::vector<const Fact*> no_relations;
  // When no establishing fact follows the last break but the pair exchanged envoys of full
  // rank or opened a mission after it (France and the US after 1944: a reopened embassy
  // and an ambassador, no "resumed" entry), or when nothing establishes or breaks
  // relations but such envoys or missions exist (the Republic of China on Taiwan, 1949-1979),
  // the state is kInRelations with `inferred` set,
  // and `evidence` holds those facts, earliest first. Evidence is an envoy of full rank,
  // or the opening or a recorded location of a diplomatic mission (an embassy, legation,
  // high commission or nunciature; never a consulate: consular relations outlive a break).
  // An inference is as current as its evidence: its sources' currency is in `current_to`.
  bool inferred = false;
  std::vector<const Fact*> evidence;
  // Currency: the latest date the sources of this pair's relations facts are current to
  // (nullopt when none says). When `on` lies after it, an "in relations" answer rests on
  // the last record: beyond_currency is true and renderers say "since X (last recorded D)".
  std::optional<Date> current_to;
  bool beyond_currency = false;
  // `on` lies after today: nothing is known for it; state is kUnknown and nothing else is set.
  bool future = false;
  // A state of the pair that did not exist on `on` (ended before it or began after it), or
  // empty. Then no relations can hold: state is kNoRelations (never kInRelations).
  std::string absent;
  // A member of the pair that is a territory, not a state (Puerto Rico, Greenland), or
  // empty. A post in a territory is no evidence of relations (its sovereign is the state):
  // nothing is inferred, and only explicit records decide.
  std::string territory;
};
std::string_view RelationsStateName(RelationsAnswer::State state);  // "in relations", ...

// One chief of mission's term, with the start and end used for queries.
struct Term {
  Term() = default;
  // `start` defaults to the fact's own start.
  Term(const Fact* f, std::optional<Date> e, bool implicit_e)
      : fact(f), end(e), implicit_end(implicit_e),
        start(f != nullptr ? f->valid.start() : std::nullopt) {}
  Term(const Fact* f, std::optional<Date> e, bool implicit_e, std::optional<Date> s,
       bool implicit_s)
      : fact(f), end(e), implicit_end(implicit_e), start(s), implicit_start(implicit_s) {}

  const Fact* fact = nullptr;
  // The fact's end, or, for an open end, the day before the next term at the same post
  // begins (implicit_end is then true); nullopt when still open.
  std::optional<Date> end;
  bool implicit_end = false;
  // The fact's start, or, for an open start, the day after the previous term at the same
  // post ended (implicit_start is then true); nullopt when nothing bounds it.
  std::optional<Date> start;
  bool implicit_start = false;
};

// Who headed A's mission in B on a date.
struct EnvoyAnswer {
  std::vector<const Entity*> missions;  // A's missions in B
  std::vector<Term> heads;              // terms covering `on` (several: disagreement)
  std::vector<const Fact*> vacant;      // post_vacant facts covering `on`
  std::vector<Term> undated;            // undated attestations ("the ambassador is X")
  std::optional<Term> previous;         // the latest term ended before `on`
  std::optional<Term> next;             // the first term begun after `on`
  // Terms left open (no end given, none implied by a successor) whose sources are current
  // only to a date before `on`: the source stops, so they are not in `heads`; each was
  // last recorded on `current_to`. ("Donald Lu, since 2018-10-12, last recorded 2021-01-20".)
  std::vector<Term> beyond_currency;
  // The latest currency of the sources of these missions' terms (nullopt when none says).
  std::optional<Date> current_to;
  bool future = false;                  // `on` lies after today: nothing is known
};

struct SharedMembership {
  std::string organization;
  const Fact* a = nullptr;
  const Fact* b = nullptr;
};

struct MissionInfo {
  const Entity* mission = nullptr;
  std::vector<const Fact*> facts;  // facts with the mission as subject or object, by date
};

struct ChainStep {
  std::string entity;              // agency or office id
  const Fact* link = nullptr;      // headed_by / reports_to that led here (nullptr first)
  std::vector<const Fact*> holders;  // holds_office covering `on`
  // holds_office facts left open whose sources stop before `on` (not in `holders`).
  std::vector<const Fact*> last_recorded;
};

struct DyadView {
  std::vector<const Fact*> facts;              // sorted by start date, undated last
  std::vector<const Occurrence*> occurrences;  // sorted by date
};

class KnowledgeBase {
 public:
  // Reads and validates the packs in `dirs`. Fails (Status) only when a directory or its
  // sources.tsv is missing; row problems go to *report and the rows are left out.
  // `world` must outlive the KnowledgeBase.
  static Result<std::unique_ptr<KnowledgeBase>> Load(const world::World& world,
                                                     const std::vector<std::string>& dirs,
                                                     LoadReport* report);
  // The same from packs already in memory (tests, importers).
  static std::unique_ptr<KnowledgeBase> Build(const world::World& world,
                                              std::vector<PackData> packs, LoadReport* report);
  // Every directory under DataDir()/packs, sorted by name.
  static std::vector<std::string> DefaultPackDirs();

  ~KnowledgeBase();

  const world::World& world() const { return *world_; }
  const std::vector<Fact>& facts() const { return facts_; }
  const std::vector<Occurrence>& occurrences() const { return occurrences_; }
  const StringMap<Source>& sources() const { return sources_; }
  const StringMap<Entity>& entities() const { return entities_; }
  const Source* FindSource(std::string_view id) const;
  const Entity* FindEntity(std::string_view id) const;
  // The English name of a state or entity; the id itself when unknown.
  std::string NameOf(std::string_view id) const;
  // The states an id stands for: a state itself; an entity's owner and host states
  // (followed through owning entities); an agreement's parties.
  std::vector<std::string> StatesOf(std::string_view id) const;

  // The latest current_to among the fact's (or occurrence's) sources; nullopt when none says.
  std::optional<Date> CurrentTo(const Fact& f) const;
  std::optional<Date> CurrentTo(const std::vector<std::string>& source_ids) const;
  // The latest current_to of every loaded source: the last date anything is known for.
  std::optional<Date> KnownUntil() const { return known_until_; }
  // True when `f` is left open at its end and every source of it that states a currency
  // stops before `on` (a source without currency never makes a fact beyond currency).
  bool BeyondCurrency(const Fact& f, const Date& on) const;
  // The day queries take as today (TodayUtc() at load); dates after it are the future.
  const Date& today() const { return today_; }
  void SetTodayForTesting(const Date& d) { today_ = d; }

  // Facts with `subject` and `relation` (any date), in file order.
  std::vector<const Fact*> FactsOf(std::string_view subject, Relation relation) const;
  // Facts with `object` and `relation`.
  std::vector<const Fact*> FactsAbout(std::string_view object, Relation relation) const;

  RelationsAnswer Relations(std::string_view a, std::string_view b, const Date& on) const;
  EnvoyAnswer Envoy(std::string_view a, std::string_view b, const Date& on) const;
  // member_of and observer_of facts of `state` covering `on`.
  std::vector<const Fact*> Memberships(std::string_view state, const Date& on) const;
  std::vector<SharedMembership> SharedMemberships(std::string_view a, std::string_view b,
                                                  const Date& on) const;
  std::vector<MissionInfo> Missions(std::string_view a, std::string_view b) const;
  // Terms at a mission, by start date, with implicit ends (computed by Index()).
  const std::vector<Term>& TermsAt(std::string_view mission) const;
  // From an agency (through headed_by) or an office, up the reports_to links valid on `on`.
  std::vector<ChainStep> ReportingChain(std::string_view start, const Date& on) const;
  // Facts and occurrences involving both states, overlapping `period` (undated facts are
  // included and flagged by Fact::undated). Empty when one of the states existed on no day
  // of `period`, or when `period` lies wholly after today. An open chief_of_mission term counts as ended
  // the day before the next term at the same post begins (as in Envoy).
  DyadView Dyad(std::string_view a, std::string_view b, const Interval& period) const;
  // relations_statement facts whose subject is `state`.
  std::vector<const Fact*> Statements(std::string_view state) const;
  // Every state the KB records any relations fact with, for `state`.
  std::vector<std::string> RelationsPartners(std::string_view state) const;

 private:
  KnowledgeBase() = default;
  class Loader;
  void Index();
  void IndexTerms();
  void AppendStates(std::string_view id, std::vector<std::string_view>* out) const;
  static void AddToDyads(std::vector<std::string_view>& states, uint32_t item,
                         StringMap<std::vector<uint32_t>>* index);
  // Facts of `id` in `index` (sorted by relation, then start) with `relation`.
  std::vector<const Fact*> Lookup(const StringMap<std::vector<uint32_t>>& index,
                                  std::string_view id, Relation relation) const;
  // Full-rank chief-of-mission terms and mission openings between a and b (either way)
  // that begin after day `after` and by day `until`.
  std::vector<const Fact*> RelationsEvidence(std::string_view a, std::string_view b, int32_t after,
                                             int32_t until) const;

  std::string TerritoryOf(std::string_view a, std::string_view b) const;
  void QualifyRelations(std::string_view a, std::string_view b, const Date& on,
                        const std::vector<const Fact*>& facts, RelationsAnswer* ans) const;
  bool IsFuture(const Date& on) const { return on.first_day() > today_.last_day(); }

  const world::World* world_ = nullptr;
  Date today_ = TodayUtc();
  std::optional<Date> known_until_;
  std::vector<Fact> facts_;
  std::vector<Occurrence> occurrences_;
  StringMap<Source> sources_;
  StringMap<Entity> entities_;
  // Indexes (built by Index()).
  StringMap<std::vector<uint32_t>> by_subject_;    // subject -> facts, by relation, start
  StringMap<std::vector<uint32_t>> by_object_;     // object -> facts, by relation, start
  StringMap<std::vector<uint32_t>> by_dyad_;       // A|B (A<B) -> facts
  StringMap<std::vector<uint32_t>> occ_by_dyad_;   // A|B -> occurrences
  StringMap<std::vector<uint32_t>> relations_by_dyad_;  // A|B -> relations-family facts
  StringMap<std::vector<std::string>> missions_by_pair_;  // owner|host -> mission ids
  StringMap<std::vector<std::string>> states_of_;         // entity id -> states
  StringMap<std::vector<Term>> terms_;                    // mission id -> terms
  std::vector<int32_t> implicit_end_;    // per fact: implicit last day of an open term, or MAX
  std::vector<int32_t> implicit_start_;  // per fact: implicit first day, or MIN
};

// "A|B" with A <= B: the key of an undirected dyad.
std::string DyadKey(std::string_view a, std::string_view b);

}  // namespace dyad::kb

#endif  // DYAD_KB_KNOWLEDGE_BASE_H_
