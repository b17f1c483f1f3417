// The dossier's pair sections: what the bundled relations datasets and knowledge-base packs
// say about any pair of states (missions both ways, leaders, alliances, treaties, shared
// IGOs, disputes and conflicts, neighbours and distance), as plain typed structs.
// report/pair_sections.h builds them; pair_sections_{json,markdown,html}.cc render them.
//
// Contract (as for the rest of the model, report/dossier_model.h):
//   - `cite` holds 1-based numbers into Dossier::sources; prose never holds "[n]".
//   - `current_to` is the last date the cited dataset speaks for. An answer for a later
//     date rests on that last record: `beyond_currency` is set and renderers say
//     "not known after D" instead of presenting it as current.
//   - `available` is false when the dataset (or pack) was not loaded; `note` says why.
//     An available section with no rows means "the dataset records nothing".
#ifndef DYAD_REPORT_PAIR_SECTIONS_MODEL_H_
#define DYAD_REPORT_PAIR_SECTIONS_MODEL_H_

#include <array>
#include <optional>
#include <string>
#include <vector>

#include "base/date.h"

namespace dyad::report {

// The dataset a section (or part of one) rests on.
struct PairSource {
  int cite = 0;                    // 0: nothing cited (the dataset holds nothing here)
  std::optional<Date> current_to;  // the dataset's currency
};

// The datasets a section (or one side of it) asked, as an empty one cites them: "none
// recorded" is a statement of those datasets, to their currency (cite empty: none loaded).
struct PairAsked {
  std::vector<int> cite;
  std::optional<Date> current_to;  // the latest currency among them
};

// One diplomatic mission of a sending state that covers the receiving state.
struct PairMission {
  std::string id, name, kind;          // kind: embassy, consulate-general, honorary-consulate, ...
  std::string city;                    // empty: unknown (JSON null)
  std::optional<std::string> address;  // street address when recorded
  bool resident = true;                // seated in the receiving state; else accredited from `seat`
  std::string seat, seat_name;         // the state it sits in
  std::vector<std::string> also_accredited;  // names of the other states it covers
  std::optional<Date> recorded;        // the date the source records it on
  std::vector<int> cite;
};
struct PairMissionSide {
  std::string sender, receiver;  // state keys
  std::vector<PairMission> missions;
};
struct PairMissions {
  bool available = false;
  std::array<PairMissionSide, 2> sides;  // a's missions covering b, b's covering a
  std::optional<Date> current_to;        // latest currency of the missions' sources
  PairAsked asked;                       // the datasets listing missions of every state
};

// One leader of a state on the dossier's date, from one dataset: one entry per person and
// title, with every role the dataset gives them (one person both head of state and of
// government is listed once, with both roles).
struct PairLeader {
  std::string person, title;
  std::vector<std::string> roles;  // effective-leader, chief-of-state, head-of-government
  std::optional<Date> start, end;   // end absent: open in the dataset
  // Other datasets' start of the same term when they differ (REIGN's Kibaki from
  // 2002-12-03, Archigos's from 2002-12-31): every dataset's date, none dropped.
  struct OtherStart {
    Date start;
    std::vector<int> cite;  // the dataset that gives it
  };
  std::vector<OtherStart> other_starts;
  // Set instead of `start` when the dataset lists the holder only on its edition date (the
  // Factbook without a "since" date): a record of that day, not when the term began.
  std::optional<Date> listed;
  std::optional<Date> current_to;   // the dataset's currency
  bool beyond_currency = false;     // the dossier's date lies after it: last recorded holder
  std::vector<int> cite;
};
struct PairLeaderSide {
  std::string state, state_name;
  std::vector<PairLeader> leaders;
};
struct PairLeaders {
  bool available = false;
  std::array<PairLeaderSide, 2> sides;
  PairAsked asked;  // the leader datasets
};

// ATOP obligations: [0] a toward b, [1] b toward a; defense, offense, neutrality,
// non-aggression, consultation.
using Obligations = std::array<std::array<bool, 5>, 2>;
struct AllianceSpell {
  int direction = 0;   // 0: a toward b, 1: b toward a
  int obligation = 0;  // index into the five kinds above
  int from = 0, to = 0;  // years, inclusive
};
struct PairAlliances {
  bool available = false;
  PairSource source;
  std::optional<int> year;   // the year `on_date` answers for (the dossier's, or the last known)
  bool beyond_currency = false;
  Obligations on_date{};
  std::vector<AllianceSpell> history;
};

struct PairTreaty {
  std::string id, name;
  std::vector<std::string> merged_ids;  // other datasets' records of the same treaty
  std::optional<Date> signed_on, in_force, ended;
  std::vector<int> cite;
};
struct PairTreaties {
  bool available = false;
  std::vector<PairTreaty> bilateral;  // by signature date
  int multilateral_both = 0;          // multilateral treaties both had joined by the date
  std::vector<int> multilateral_cite;
  std::optional<Date> current_to;
  PairAsked asked;  // the treaty datasets
};

struct PairIgoYear {
  int year = 0, shared = 0;
};
// An organisation both take part in, not both as full members (the Factbook's Arctic
// Council: the United States a member, Germany an observer; IGAD: both partners).
struct PairIgoPart {
  std::string organisation;
  std::array<std::string, 2> parts;  // "member", "observer", or the source's words ("partners")
};
struct PairIgos {
  bool available = false;
  PairSource cow;                        // COW IGO: count of shared full memberships per year
  std::vector<PairIgoYear> cow_series;   // up to the dossier's year
  std::vector<std::string> shared;       // Factbook: organisations both are full members of (names)
  std::vector<PairIgoPart> other_parts;  // Factbook: both take part, not both as full members
  std::vector<std::string> operations;   // Factbook: UN missions both contribute to ("UNMISS")
  std::vector<int> factbook_cite;
  std::optional<Date> factbook_recorded;  // the date the Factbook lists them on
  PairAsked asked;  // the membership datasets of the knowledge base (the Factbook)
};

struct PairDispute {
  int dispnum = 0, first_year = 0, last_year = 0;
  int hostility = 0;  // highest hostility level of either side (1 none … 5 war)
  bool a_initiated = false;
};
struct PairConflict {
  int conflict_id = 0, first_year = 0, last_year = 0;
  int intensity = 0;  // highest: 1 minor, 2 war
};
struct PairConflicts {
  bool available = false;
  PairSource mid, ucdp;
  std::vector<PairDispute> disputes;
  std::vector<PairConflict> conflicts;
};

struct PairGeography {
  bool available = false;
  PairSource contiguity, capitals;
  int contiguity_type = 0;          // COW: 0 none, 1 land/river, 2–5 water ≤ 12/24/150/400 mi
  std::optional<Date> contiguity_on;  // the day it answers for
  bool contiguity_beyond = false;
  std::optional<double> distance_km;  // great circle between the capitals
  std::optional<Date> distance_on;
  bool distance_beyond = false;
};

struct PairSections {
  bool built = false;  // the builder ran (false: an older model without these sections)
  std::string note;    // why some datasets are missing, or ""
  PairMissions missions;
  PairLeaders leaders;
  PairAlliances alliances;
  PairTreaties treaties;
  PairIgos igos;
  PairConflicts conflicts;
  PairGeography geography;
};

}  // namespace dyad::report

#endif  // DYAD_REPORT_PAIR_SECTIONS_MODEL_H_
