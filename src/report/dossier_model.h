// The dossier model: everything dyad knows about a pair of states, as of a date, with
// sources, as plain typed structs. BuildDossier (report/dossier.h) fills it; the three
// renderers (JSON, Markdown, HTML) are pure functions of it and see nothing else.
//
// Contract:
//   - A statement carries its citation numbers in `cite` (1-based numbers into
//     Dossier::sources, in order of first citation); prose never contains "[n]" marks.
//     A statement without a source is never built.
//   - Dates are base::Date / base::Interval values; renderers format them. An absent
//     optional is "not known" (JSON null).
//   - `current_to` is the date the cited source is current to, where the knowledge base
//     records one; absent otherwise. Renderers must not say "present" past it.
//   - `participants` are the states a statement is about, resolved once while building.
//   - The JSON rendering (docs/formats/dossier.md) names every field below the same way;
//     fields marked "(not in JSON)" are model-only inputs for the other renderers.
#ifndef DYAD_REPORT_DOSSIER_MODEL_H_
#define DYAD_REPORT_DOSSIER_MODEL_H_

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "base/date.h"
#include "kb/model.h"
#include "graphics/locator_map.h"
#include "report/pair_sections_model.h"
#include "world/world.h"

namespace dyad::report {

using Cites = std::vector<int>;

// A run of prose followed by the citations that back it (empty: none after this run).
struct Segment {
  std::string text;
  Cites cite;
};
// One clause of generated prose: its segments in reading order.
using Clause = std::vector<Segment>;

struct Qualifier {
  std::string key, value;
};

// Extra fields of a chief-of-mission term.
struct TermDetail {
  std::string person, mission, role, role_title;
  bool charge = false;        // chargé d'affaires rather than ambassador
  bool end_implicit = false;  // the end is the next holder's start, not a recorded end
  std::vector<Qualifier> dates;  // "appointed", "credentials", "arrived" when recorded
};

struct MembershipDetail {
  std::string organization, organization_name;
  bool observer = false;
  // Neither member nor observer: the part the source names ("partners", "NGOs",
  // "candidate country"; a participates_in fact's value, else its role). Empty otherwise.
  std::string participation;
  bool full_member() const { return !observer && participation.empty(); }
  // "member", "observer" or the participation.
  std::string RoleText() const { return observer ? "observer" : participation.empty() ? "member" : participation; }
};

// A holder of an office in a reporting chain.
struct HolderDetail {
  std::string person;
  bool acting = false;
};

// The same fact dated otherwise by another source: one statement, "another source gives …".
struct OtherDate {
  std::string when;
  Cites cite;
};

// One fact, as a sentence with its dates and sources.
struct FactStatement {
  kb::Relation relation{};
  std::string text;  // one sentence without a final period, no citation marks
  std::string subject, subject_name;
  std::string object, object_name;  // empty: no object (JSON null)
  std::string value;                // empty: none (JSON null)
  std::optional<Date> start, end;   // as of the dossier's date: an end after it is absent
  bool undated = false;
  bool ongoing = false;  // a span still holding on the dossier's date (never past current_to)
  bool beyond_currency = false;  // open or undated, and the date lies after current_to
  std::string when;      // the dates for display ("since December 1991")
  std::vector<Qualifier> qualifiers;
  std::string note;
  Cites cite;
  std::vector<OtherDate> also;  // the same fact as other sources date it (JSON "other_dates")
  std::optional<Date> current_to;  // the newest currency of the cited sources (absent: not recorded)
  std::vector<const world::State*> participants;  // (not in JSON) subject/object states
  // Section-specific details; at most one is set.
  std::optional<TermDetail> term;
  std::optional<MembershipDetail> membership;
  std::optional<HolderDetail> holder;
  bool vacant = false;  // a "post vacant" entry among the chiefs of mission
};

struct OccurrenceParticipant {
  std::string entity, name, role;
};

// A dated happening (visit, incident, ...).
struct OccurrenceStatement {
  std::string id, kind;
  std::optional<Date> start, end;
  std::string when, text;
  std::string cameo, place;  // empty: none (JSON null)
  std::vector<OccurrenceParticipant> participants;
  Cites cite;
  std::optional<Date> current_to;  // the newest currency of the cited sources
  std::vector<OtherDate> also;     // the same occurrence as other sources date it (JSON "other_dates")
  std::vector<std::string> same_as;  // ids of the occurrences merged into this one (JSON "same_as")
  std::vector<std::string> states;   // (not in JSON) the states taking part, sorted: actors, people's, the place's
  std::vector<OccurrenceParticipant> people;  // (not in JSON) the persons taking part
  std::string place_state;                    // (not in JSON) the state of the place; empty: none
};

struct StateCode {
  std::string scheme, code;
};
struct StateLink {
  bool predecessor = false;  // else successor
  std::string state;
  std::optional<Date> date;
  std::string note;
};

struct StateProfile {
  const world::State* state = nullptr;  // (not in JSON)
  std::string key, name, official_name;
  std::string capital;  // empty: unknown (JSON null); likewise region, subregion
  std::optional<double> capital_lat, capital_lon;
  std::string region, subregion;
  std::vector<StateCode> codes;  // the codes valid on the dossier's date, scheme order
  std::vector<StateLink> links;
  std::vector<std::string> registry_sources;
};

struct RelationsOverview {
  std::string state;  // kb::RelationsStateName
  std::vector<FactStatement> since;
  bool sources_disagree = false;
  std::vector<FactStatement> recognition;
  bool recognition_disagrees = false;
  std::optional<FactStatement> last_break;
  std::vector<FactStatement> later_claims, no_relations;
  bool inferred = false;
  std::vector<FactStatement> evidence;
  // The newest currency of the records the state rests on; beyond_currency: the dossier's
  // date lies after it, so the state is the last recorded one (kb::RelationsAnswer).
  std::optional<Date> current_to;
  bool beyond_currency = false;
};

struct Overview {
  RelationsOverview relations;
  std::vector<Clause> summary;  // generated from the model, every clause cited
};

struct Mission {
  std::string id, name, kind, sending_state, receiving_state;
  bool opened_recorded = false;  // an opening fact exists (its date may be unknown)
  std::optional<Date> opened;
  Cites opened_cite;
  std::optional<std::string> address;  // where it is on the dossier's date
  std::string city;                    // empty: unknown (JSON null)
  Cites address_cite;
  bool closed_recorded = false;
  std::optional<Date> closed;
  std::vector<FactStatement> facts;
  Cites cite;
};

struct Envoys {
  std::string sending_state, receiving_state;
  std::vector<FactStatement> heads, vacant;
  std::optional<FactStatement> previous;
  std::vector<FactStatement> undated;  // undated attestations the sources still speak for
  // Open or undated terms whose sources stop before the dossier's date: not current, only
  // the last record ("not known after D").
  std::vector<FactStatement> last_recorded;
  std::optional<Date> current_to;  // the newest currency of the post's sources
  bool beyond_currency = false;    // the dossier's date lies after current_to
};

struct ChainStep {
  std::string entity, name;
  std::optional<FactStatement> link;
  std::vector<FactStatement> holders;
};

struct Office {
  std::string agency, name;
  FactStatement responsible_for;
  std::vector<ChainStep> chain;
};

// Both directions of something: a's in b, b's in a.
template <typename T>
struct Directions {
  T a_in_b{}, b_in_a{};
};

struct Representation {
  Directions<std::vector<Mission>> missions;
  Directions<std::vector<FactStatement>> chiefs;
  std::vector<Office> offices_a, offices_b;  // offices of a (resp. b) responsible for the other
};

struct PollAnswer {
  std::string answer;
  double percent = 0;
};
struct PollDetail {
  std::vector<PollAnswer> results;
  std::string year;
  std::string pollster, population;  // empty: unknown (JSON null)
};

// Facts grouped by the entity they are about (an agreement, an installation, a poll).
struct Group {
  std::string id, name;
  std::optional<std::string> kind;  // absent when the entity is not in the knowledge base
  std::vector<FactStatement> facts;
  Cites cite;
  std::optional<std::string> status;  // agreements: recorded, signed, in force, expired, terminated
  // Agreements: the status with its dates, consistent with the facts listed: "in force since
  // 17 April 1869 (last recorded 2023-10-11)", "terminated July 2015", "signed 1993".
  std::string status_text;
  std::vector<std::string> parties;   // agreements
  bool multilateral = false;          // agreements: a party other than the pair's two states
  std::optional<PollDetail> poll;     // polls
};

struct SharedMembership {
  std::string organization, organization_name;
  FactStatement a, b;
  // Both full members (not observers or other participants): "Both are members of" says so.
  bool both_members() const { return a.membership->full_member() && b.membership->full_member(); }
};
struct Memberships {
  std::vector<SharedMembership> shared;
  std::vector<FactStatement> only_a, only_b;
};

struct Security {
  std::vector<Group> installations;
  std::vector<OccurrenceStatement> incidents;
};

// Facts of the pair and of either state alone.
struct SidedFacts {
  std::vector<FactStatement> pair, a, b;
};

struct TimelineItem {
  std::optional<FactStatement> fact;              // exactly one of fact, occurrence
  std::optional<OccurrenceStatement> occurrence;
};
struct TimelineYear {
  std::optional<int> year;  // absent: the undated items
  std::vector<TimelineItem> items;
};

struct MonthPoint {
  std::string period;  // "YYYY-MM"
  Date month;          // the same month as a Date, for charts
  uint64_t count = 0;
  std::optional<double> goldstein_mean;
  std::array<uint64_t, 4> quad{};
};
struct EventDirection {
  std::string source, target;  // CAMEO actor codes
  std::vector<MonthPoint> monthly;
  std::array<uint64_t, 4> quad_totals{};
  // Events coded from records whose date is known only to the year (MID, UCDP onsets):
  // in no month of `monthly`, counted here (events::SeriesLeftOut) and in the total.
  uint64_t year_precision = 0;
};
struct NotableMonth {
  std::string period;
  uint64_t count = 0;
  double goldstein_mean = 0;
};
struct CodeCount {
  std::string code;
  std::string label;  // empty: not in the taxonomy (JSON null)
  uint64_t count = 0;
};

struct EventsSection {
  bool queried = false;  // an event store was given
  std::string store;     // its label; empty: none (JSON null)
  std::string note;      // why there is no index (when not available)
  std::array<EventDirection, 2> directions;  // a→b, b→a
  uint64_t total = 0;           // every event of the pair, those in no month included
  uint64_t year_precision = 0;  // of them, known only to the year (both directions)
  std::optional<NotableMonth> most_cooperative, most_hostile;
  std::vector<CodeCount> top_codes;
  bool available() const { return total > 0; }
};

// The bundled relations datasets (relations/relations.h) for the pair, up to the dossier's
// year: UN General Assembly voting agreement, COW trade both ways, ATOP obligations.
struct DatasetRef {
  int cite = 0;          // the dataset's source number
  std::string currency;  // last date the dataset speaks for (ISO)
};
struct UnVotePoint {
  int year = 0;
  int votes_both = 0, agree = 0;
  std::optional<double> ideal_distance;  // |ideal point a - ideal point b|
};
struct TradePoint {
  int year = 0;
  std::optional<double> a_from_b, b_from_a;  // million current USD; nullopt: no COW value
};
struct AlliancePoint {
  int year = 0;
  // [0] a's obligations toward b, [1] b's toward a: defense, offense, neutrality,
  // non-aggression, consultation.
  std::array<std::array<bool, 5>, 2> obligations{};
};
struct RelationsData {
  bool queried = false;  // a relations pack was given
  std::string note;      // why not, when not
  DatasetRef un, trade, alliances;
  std::vector<UnVotePoint> un_votes;
  std::vector<TradePoint> trade_series;
  std::vector<AlliancePoint> alliance_series;  // years with any obligation
};

struct CitedSource {
  int n = 0;
  std::string id, title;
  std::string author, publisher, url, licence;  // empty: unknown (JSON null)
  std::optional<Date> date, retrieved;
  std::optional<Date> current_to;  // the last date the source speaks for (absent: not recorded)
};

struct SeeAlsoEntry {
  std::string label;
  std::string anchor, command;  // empty: none (JSON null)
};

// What the locator map draws, resolved while building (the renderer only draws).
struct MapPlan {
  std::optional<graphics::LocatorMapSpec> spec;  // absent: no map (see note)
  const graphics::MapData* atlas = nullptr;
  std::string note;                    // why there is no map, or ""
};

// Whether the sources can speak for the dossier's date at all. When they cannot (a state of
// the pair did not exist on it, or it lies after today), the dossier holds no current-tense
// statement: no undated fact, no mission or term without a start, no pair sections.
struct DateStanding {
  std::vector<std::string> not_existing;  // names of the pair's states that did not exist on it
  bool future = false;                    // the date lies after today: nothing is known for it
  std::optional<Date> known_until;        // the newest currency of any knowledge-base source
  bool present_tense() const { return not_existing.empty() && !future; }
};

// How current a section's data is: the newest currency among the sources it cites.
struct SectionCurrency {
  std::string section, title;      // anchor id and heading
  std::optional<Date> current_to;  // absent: none of its sources records one
};

// Topics the dossier looked for and found nothing of for the pair, told in one line instead
// of empty sections: what was looked for, and the sources that hold such facts for either
// state with other states (cited; none: no source records them for either state).
struct NotRecorded {
  std::vector<std::string> sections;  // anchor ids of the sections left out ("security")
  std::vector<std::string> topics;    // what they hold ("military installations and security incidents")
  Cites cite;
};

struct Dossier {
  std::string title;
  Date as_of;
  bool as_of_given = false;
  DateStanding standing;
  std::array<StateProfile, 2> states;
  Overview overview;
  Directions<Envoys> envoys;
  Representation representation;
  std::vector<Group> agreements;  // bilateral ones first, then the multilateral treaties both joined
  Memberships memberships;
  Security security;
  std::vector<FactStatement> assistance;
  std::vector<Group> public_opinion;
  SidedFacts trade_currency, context;
  std::vector<TimelineYear> timeline;
  EventsSection events;
  RelationsData relations_data;
  PairSections pairs;  // report/pair_sections_model.h
  std::vector<CitedSource> sources;
  std::vector<NotRecorded> not_recorded;  // empty sections, by the sources looked in
  std::vector<SectionCurrency> currency;  // the header's "data current to …", section order
  std::vector<SeeAlsoEntry> see_also;
  MapPlan map;  // (not in JSON)

  // The first recorded establishment of relations, or nullptr.
  const FactStatement* RelationsSince() const {
    return overview.relations.since.empty() ? nullptr : &overview.relations.since.front();
  }
};

// The end of a chief of mission's term for tables: "1994-10-11", "c. 1992-09-16 (next chief
// of mission)" for an end inferred from the successor's start, "present", "last recorded
// 2021-01-20" for an open term past its source's currency, or "".
std::string TermEndText(const FactStatement& term);

// Who heads the post on the dossier's date, for the infobox: "Donald Lu (Ambassador, since
// 12 October 2018)", "vacant", "not known after 2021-01-20 (last recorded: Donald Lu, since
// 12 October 2018)", "none recorded on this date (last: X)" or "—", with its citations.
Segment EnvoyText(const Envoys& envoys);

// True when the section (by anchor id: agreements, memberships, security, assistance,
// opinion, trade, context) holds nothing: renderers leave it out, and the dossier's
// not_recorded line names it.
bool SectionEmpty(const Dossier& dossier, std::string_view section);

// "Agreements: nothing recorded for India and Pakistan as of 2 December 2026, in the sources
// that record such facts for either", "Assistance and public-opinion polls: no source of the
// knowledge base records such facts for France or Germany":
// one sentence per entry of not_recorded, without citation marks (the entry's cite follows).
std::string NotRecordedText(const Dossier& dossier, const NotRecorded& entry);

// The multilateral treaties both states joined, among the dossier's agreements.
size_t MultilateralCount(const Dossier& dossier);

// Every citation of an agreement: the entity's and its facts', in order of first mention.
Cites AgreementCites(const Group& agreement);

// What follows the relations status past its records' currency: " (last recorded
// 2022-11-16, not known after)", else "".
std::string StatusCurrency(const RelationsOverview& relations);

// The header's currency line: "Data current to: Overview 2024-07-19; Timeline 2025-02-19;
// …" (a section none of whose sources records a currency says "not recorded").
std::string CurrencyLine(const Dossier& dossier);

// Clauses as one paragraph of plain text: each cited segment followed by " [n][m]", each
// clause by ". " (the last one by "."). The form the JSON "summary" field holds.
std::string PlainText(const std::vector<Clause>& clauses);

}  // namespace dyad::report

#endif  // DYAD_REPORT_DOSSIER_MODEL_H_
