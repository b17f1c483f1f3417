// The dossier's pair sections (model: report/pair_sections_model.h): built from the
// knowledge base (embassies, leaders, factbook and treaties packs) and the bundled dyad-year
// datasets (relations/relations.h), and rendered by three functions of the whole model.
//
// BuildDossier calls BuildPairSections once, after its own sections, and appends
// PairClauses to the overview's summary; each renderer makes one call to place them.
// Like the rest of report, the builder reads nothing but its inputs and the renderers are
// pure functions of the model.
#ifndef DYAD_REPORT_PAIR_SECTIONS_H_
#define DYAD_REPORT_PAIR_SECTIONS_H_

#include <functional>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "base/date.h"
#include "kb/knowledge_base.h"
#include "relations/relations.h"
#include "report/dossier_model.h"
#include "world/world.h"

namespace dyad::report {

struct PairInputs {
  const world::World* world = nullptr;
  const kb::KnowledgeBase* kb = nullptr;
  const relations::Relations* relations = nullptr;  // may be null: those sections say so
  std::string relations_error;                      // why it is null
  std::string a, b;                                 // state keys
  Date as_of;
};

// Adds a source to the dossier's numbered list (or finds it) and returns its number.
using NumberSource = std::function<int(const CitedSource&)>;

PairSections BuildPairSections(const PairInputs& in, const NumberSource& number);

// Clauses of the overview's summary generated from the pair sections, every one cited.
void AppendPairClauses(const Dossier& d, std::vector<Clause>* out);

// The pair sections as a JSON object (docs/formats/dossier.md, "pairs").
nlohmann::ordered_json RenderPairSectionsJson(const Dossier& d);
// Markdown: one "## Between the two states" section with a subsection each.
std::string RenderPairSectionsMarkdown(const Dossier& d);
// HTML: one <section id="pairs"> (charts beside their data tables), trusted markup.
std::string RenderPairSectionsHtml(const Dossier& d);

// Shared by the renderers: "defense", "offense", "neutrality", "non-aggression",
// "consultation"; COW contiguity types in words; MID hostility levels in words.
const char* ObligationName(int k);
std::string ContiguityText(int type);
const char* HostilityName(int level);
// The line of an empty section or side: `what` ("No bilateral treaties recorded"; empty:
// "None recorded") and the asked datasets' currency: "None recorded (data to 2022-11-16)."
// The renderers cite `asked.cite` beside it.
std::string NoneRecorded(std::string_view what, const PairAsked& asked);
// The datasets two sources of a section are (MID and UCDP; ATOP alone with a null second).
PairAsked AskedOf(const PairSource& x, const PairSource& y = {});
// "No militarized disputes (COW MID, data to 2014-12-31) or armed conflicts (UCDP, data
// to 2024-12-31) between them.": each dataset with its own currency.
std::string NoConflictsText(const PairConflicts& k);
// "on 1991-12-31", or "in 1980" for a dossier as of a year or a month.
std::string OnDateText(const Date& on);
// A leader's dates in words: ", since 2017-05-14; last recorded 2026-01-22, not known
// after", or for a holder the dataset lists only on its edition date ", as listed on
// 2026-01-22, no start date given; not known after".
std::string LeaderDates(const PairLeader& l);
// Whether the dossier's Agreements section shows the treaty (one of its records): the
// renderers list it there once, with its citations, and not again in the pair section.
bool InAgreements(const Dossier& d, const PairTreaty& t);
// "16 bilateral treaties are recorded; all are listed under Agreements, once each, with
// their citations." (empty when none is listed there).
std::string TreatiesInAgreementsText(const Dossier& d);

// "Both take part, not both as members, in 2 organisations: Arctic Council (the United
// States: member; Germany: observer), IGAD (both: partners)." (empty when none).
std::string OtherPartsText(const Dossier& d);
// "Both contribute to 2 UN missions (peacekeeping or political; not memberships): UNMISS,
// UNTSO." (empty when none).
std::string OperationsText(const PairIgos& g);

// The events section's line for coded records known only to the year (MID, UCDP onsets),
// which no month of its series holds: "9 of them are dated only to the year by their
// records (...) and are in no month of the monthly series; `dyad events series A B --both
// --by year` counts them." (empty when there are none).
std::string YearPrecisionText(const EventsSection& e);

}  // namespace dyad::report

#endif  // DYAD_REPORT_PAIR_SECTIONS_H_
