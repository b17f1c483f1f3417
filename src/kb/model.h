// The knowledge-base model: entities, facts, occurrences and sources.
//
// This is the in-memory form of a pack (docs/formats/packs.md). Everything here is plain
// data; validation lives in the pack loader (kb/pack.h) and queries in KnowledgeBase
// (kb/knowledge_base.h).
//
// Identifiers (the contract every reader and writer follows):
//   - A *state* is referenced by its World key, exactly as World stores it (USA, KGZ,
//     SUHH). State ids never contain ':' and need no row in entities.tsv.
//   - Every other entity id contains a ':' and starts with a kind prefix by convention:
//     org:osce, agency:us-dos-sca, office:us-asst-sec-sca, mission:usa-embassy-bishkek,
//     person:mcwilliams-edmund, place:bishkek, inst:manas-transit-center,
//     agr:kgz-usa-cooperation-1993, poll:gallup-2012-kgz, op:cis-peacekeeping-tajikistan.
//     The prefix is not interpreted; the `kind` column of entities.tsv is authoritative.
//   - Occurrence ids contain a ':' too (occ:kerry-visit-2015) and are unique per load.
//   - Source ids are global across all packs loaded together; prefix them with the pack
//     name (kgz-usa:seed, historian:pocom) so two packs never collide.
//   - Ids are ASCII letters, digits and `:._-`, at most 200 bytes.
//
// Time: every fact has a validity Interval of partial dates (base/interval.h), ends
// inclusive, either end open. Relations of shape kPoint (a recognition, an establishment
// of relations, a signature) hold on one date: start == end. A fact whose source gives no
// date at all (an undated "the ambassador is X") is `undated`: its interval is Always() and
// queries report it as undated instead of asserting it on every day.
#ifndef DYAD_KB_MODEL_H_
#define DYAD_KB_MODEL_H_

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "base/date.h"
#include "base/interval.h"
#include "base/status.h"

namespace dyad::kb {

// ---------------------------------------------------------------------------------------
// Entities

enum class EntityKind : uint8_t {
  kState,         // a state of the world registry (never listed in entities.tsv)
  kOrganization,  // an international organization, union, currency zone, company, pollster
  kAgency,        // a ministry, department or bureau of one state (US Dept of State, SCA)
  kOffice,        // a position within an agency (Assistant Secretary for SCA)
  kMission,       // an embassy, consulate, liaison office, permanent mission, field office
  kPerson,
  kPlace,         // a city, region or site (Bishkek, Fergana Valley)
  kInstallation,  // a military base or facility hosted by one state for another
  kAgreement,     // a treaty or agreement
  kPoll,          // one opinion poll (pollster, population, year)
  kOperation,     // a peacekeeping force or military operation
};
inline constexpr int kEntityKindCount = 11;

// "state", "organization", "agency", "office", "mission", "person", "place",
// "installation", "agreement", "poll", "operation".
std::string_view EntityKindName(EntityKind kind);
std::optional<EntityKind> ParseEntityKind(std::string_view name);

// Where a row came from, for messages ("data/packs/kgz-usa/facts.tsv:12"). `file` is
// interned (InternFileName): it stays valid for the life of the process, so rows carry no
// copy of their path.
struct Origin {
  std::string_view file;
  uint64_t line = 0;
};
std::string_view InternFileName(std::string_view path);  // thread-safe

struct Entity {
  std::string id;
  EntityKind kind = EntityKind::kOrganization;
  std::string subkind;  // free, lower-case: embassy, consulate-general, bureau, air-base, ...
  std::string name;     // English name, in the pack's own words
  // The state or organization the entity belongs to or acts for: the sending state of a
  // mission, the state of an agency or office, the nationality/government of a person,
  // the pollster of a poll, the organization of a field office. An id (state key or
  // entity id) or empty.
  std::string owner;
  // The state where the entity is: the receiving state of a mission, the host of an
  // installation, the country of a place, the population of a poll. A state key or empty.
  std::string host;
  std::string record;   // id of the record in the source (XML id, row number), or empty
  std::vector<std::string> sources;  // at least one source id
  std::string note;
  Origin origin;
};

// ---------------------------------------------------------------------------------------
// Relations: the documented vocabulary (docs/formats/packs.md lists the same table).

enum class Relation : uint8_t {
  // Recognition and diplomatic relations. Subject and object are states.
  kRecognized,            // point: subject recognized object
  kRelationsEstablished,  // point, symmetric
  kRelationsSuspended,    // point, symmetric (suspended, not severed)
  kRelationsSevered,      // point, symmetric
  kRelationsResumed,      // point, symmetric
  kNoRelations,           // span, symmetric: a source states there were no relations
  kRelationsStatement,    // span: subject states which states it has relations with;
                          // object an organization (org:un), qualifiers except=, also=
  // Missions. Subject a mission (owner = sending state, host = receiving state).
  kMissionOpened,         // point; object optional: the receiving state
  kMissionClosed,         // point
  kMissionLocatedAt,      // span; object optional place, value = street address
  kMissionBuilding,       // span; value describes the building (new chancery)
  // Chiefs of mission. Subject a person, object a mission. Qualifier role= is required
  // (ambassador-e-p, charge-daffaires-ad-interim, ...); optional date qualifiers
  // appointed=, credentials=, arrived=; validity = [started, ended].
  kChiefOfMission,
  kPostVacant,            // span; subject a mission
  // Agencies and offices.
  kPartOf,                // span; subject agency or office, object agency (or state)
  kHeadedBy,              // span; subject agency, object office (the position heading it)
  kReportsTo,             // span; subject office, object office
  kHoldsOffice,           // span; subject person, object office; qualifier acting=yes|no
  kResponsibleFor,        // span; subject agency, object state (a regional bureau)
  // Memberships.
  kMemberOf,              // span [joined, left]; subject state, object organization
  kObserverOf,            // span; subject state, object organization
  // Agreements. Subject an agreement unless stated.
  kPartyTo,               // span; subject state, object agreement
  kAgreementSigned,       // point; object optional place
  kAgreementInForce,      // span
  kAgreementTerminated,   // point; object optional: the state that terminated it
  // Installations. Subject an installation.
  kInstallationHostedBy,  // span; object state
  kInstallationOperatedBy,// span; object state
  kInstallationOpened,    // point
  kInstallationClosed,    // point
  // Assistance. Subject donor state, object recipient state, value = sector:
  // humanitarian, non-lethal-military, economic-reform, political-reform, health,
  // education, economic-development, conflict-resolution, accession-support, ...
  kAssistance,            // span; qualifier region= (a place id), org= (an organization)
  // Polls. Subject a poll, object the state the question is about (its leadership).
  kPollResult,            // span (the field period); value a number; qualifier answer=
                          // approve|disapprove|uncertain, unit=percent
  // Currency and trade.
  kCurrency,              // span; subject state, value the currency (som)
  kInCurrencyZone,        // span; subject state, object organization (org:ruble-zone)
  kTradeSuspended,        // span; subject state, object state (subject suspended trade)
  kTradeRestrictions,     // span; subject state, object state, value the measure
  kTradeTrend,            // span; subject state, object state, value (dramatic increase)
  // Other bilateral and regional facts.
  kContributesTo,         // span; subject state, object operation (peacekeeping)
  kCooperation,           // span; subject state, object state, value the field
  kPolicyStance,          // span; subject state, object state or organization, value
  kIndependenceDeclared,  // point; subject state, object optional predecessor state
  kNamed,                 // span; subject state or entity, value the name it bore
  kLocatedIn,             // span; subject entity, object place or state
  // Added for the relations datasets (src/ingest embassies, leaders, factbook).
  kAccreditedTo,          // span; subject mission, object a state it also covers
                          // (concurrent accreditation from its seat in the host state)
  kLeaderOf,              // span; subject person, object state; value the title
                          // (President), qualifier role=effective-leader|chief-of-state|
                          // head-of-government
  kParticipatesIn,        // span; subject state, object organization: a part other than
                          // member or observer; qualifier role= (partner, associate,
                          // candidate, non-state, correspondent, subscriber, subbureau,
                          // signatory, suspended, excluded, de-facto-member, other), value
                          // the source's words ("partners", "NGOs")
};
inline constexpr int kRelationCount = static_cast<int>(Relation::kParticipatesIn) + 1;

enum class Shape : uint8_t { kPoint, kSpan };

// What a relation's object must be.
enum class ObjectRule : uint8_t { kNone, kOptional, kRequired };
enum class ValueRule : uint8_t { kNone, kOptional, kRequired, kNumber };

struct RelationInfo {
  Relation relation;
  std::string_view name;         // the pack spelling: recognized, chief_of_mission, ...
  Shape shape;
  bool symmetric;                // (A,B) also states (B,A)
  uint32_t subject_kinds;        // bit set of EntityKind (1u << kind)
  ObjectRule object_rule;
  uint32_t object_kinds;         // bit set of EntityKind, when an object is given
  ValueRule value_rule;
  std::string_view description;  // one line, for docs and `dyad facts --help`
};

inline constexpr uint32_t KindBit(EntityKind k) { return 1u << static_cast<int>(k); }

const RelationInfo& Info(Relation relation);
std::string_view RelationName(Relation relation);
std::optional<Relation> ParseRelation(std::string_view name);
// Every relation, in enum order (for docs, help and tests).
const std::vector<RelationInfo>& AllRelations();

// Roles of a chief of mission (pocom role-title ids). Other lower-case ids are accepted;
// IsChargeRole tells a chargé d'affaires from a head of mission with full rank.
std::string_view RoleTitle(std::string_view role);  // "Ambassador Extraordinary and ..."
bool IsChargeRole(std::string_view role);            // charge-daffaires*, ...

// ---------------------------------------------------------------------------------------
// Facts

struct Qualifier {
  std::string key;    // lower-case [a-z0-9_]
  std::string value;
  friend bool operator==(const Qualifier&, const Qualifier&) = default;
};

// Qualifier keys whose values must parse as EDTF dates (validated by the loader).
bool IsDateQualifier(std::string_view key);  // appointed, credentials, arrived, announced, ...

struct Fact {
  std::string subject;  // state key or entity id
  Relation relation = Relation::kRecognized;
  std::string object;   // state key, entity id, or empty
  std::string value;    // text or number, or empty
  Interval valid;       // Always() when undated
  bool undated = false;
  std::vector<Qualifier> qualifiers;
  std::string record;   // id of the record in the source, or empty
  std::vector<std::string> sources;  // at least one source id
  std::string note;
  Origin origin;

  // The value of qualifier `key`, or empty.
  std::string_view QualifierValue(std::string_view key) const;
};

// ---------------------------------------------------------------------------------------
// Occurrences: dated happenings with participants.

struct Participant {
  std::string entity;  // state key or entity id
  // actor, target, visitor, host, victim, perpetrator, recipient, awarder, party,
  // mediator, subject, witness (docs/formats/packs.md).
  std::string role;
  std::vector<std::string> sources;
  Origin origin;
};

struct Occurrence {
  std::string id;
  std::string kind;     // visit, meeting, incident, protest, warning, award, statement, ...
  Interval when;        // a single date is [d, d]
  std::string cameo;    // CAMEO event code, 2-4 digits ("042", "1311")
  std::string place;    // place id, state key, or empty
  std::string summary;  // one sentence, the project's own words
  std::vector<Participant> participants;
  std::vector<Qualifier> qualifiers;
  std::string record;
  std::vector<std::string> sources;
  std::string note;
  Origin origin;

  std::string_view QualifierValue(std::string_view key) const;
};

// ---------------------------------------------------------------------------------------
// Sources

struct Source {
  std::string id;
  std::string title;
  std::string author;
  std::string publisher;
  std::string url;
  std::optional<Date> date;       // publication date
  std::optional<Date> retrieved;  // access date
  std::string licence;            // SPDX id or free text ("CC0-1.0", "CC-BY-SA-3.0")
  std::string note;
  Origin origin;
  // (Last, so that aggregate initializers written before it stay valid.)
  // The last date the source speaks for: a dataset's newest record, a curated source's
  // retrieval date (or, when it has none, the newest date it states). A span that the
  // source leaves open is known only up to this date; after it, queries answer "not known
  // after D" (KnowledgeBase::CurrentTo). nullopt: the source does not say.
  std::optional<Date> current_to = std::nullopt;
};

// ---------------------------------------------------------------------------------------
// A pack in memory: what the loader reads and the writer writes.

struct PackData {
  std::string name;  // directory name by default (kgz-usa)
  std::vector<Source> sources;
  std::vector<Entity> entities;
  std::vector<Fact> facts;
  std::vector<Occurrence> occurrences;  // participants inside each occurrence
  // Filled by ReadPack: the header of each file read (path -> column names), so later
  // checks can name the column of a field. Ignored by WritePack.
  std::map<std::string, std::vector<std::string>> headers;
};

}  // namespace dyad::kb

#endif  // DYAD_KB_MODEL_H_
