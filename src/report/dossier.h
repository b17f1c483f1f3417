// The dossier: everything dyad knows about a pair of states, as of a date, with sources.
//
// BuildDossier fills the typed model (report/dossier_model.h); three renderers of equal
// standing turn it into text, each a pure function of the model (no World access, no I/O,
// no parsing): RenderJson (the documented product, docs/formats/dossier.md, schema
// "dyad.dossier/1"), RenderMarkdown and RenderHtml. All three show the same statements
// with the same source numbers.
//
// Contract of the builder:
//   - Every statement cites its sources by number (1-based, in order of first citation).
//     A statement without a source is never emitted.
//   - As of a date D: facts that began after D and occurrences after D are left out; spans
//     are reported with their state on D (current, ended, not yet begun is dropped).
//   - No prose is written per pair: the summary is generated from the data.
//   - All I/O goes through what the request gives (store, taxonomy, atlas); nothing is
//     read from files or process-wide caches here.
#ifndef DYAD_REPORT_DOSSIER_H_
#define DYAD_REPORT_DOSSIER_H_

#include <optional>
#include <string>

#include "base/date.h"
#include "base/status.h"
#include "events/store.h"
#include "events/taxonomy.h"
#include "kb/knowledge_base.h"
#include "relations/relations.h"
#include "report/dossier_model.h"
#include "graphics/locator_map.h"
#include "world/world.h"

namespace dyad::report {

struct DossierRequest {
  const world::State* a = nullptr;  // resolved once by the caller
  const world::State* b = nullptr;
  std::optional<Date> as_of;        // today when absent
  const events::Store* store = nullptr;  // optional: the event-based relations index
  std::string store_label;               // where the events came from (shown in the dossier)
  const events::Taxonomy* taxonomy = nullptr;  // labels of event codes; required with a store
  const graphics::MapData* atlas = nullptr;  // optional: the locator map's atlases (no map without)
  const relations::Relations* relations = nullptr;  // optional: the bundled dyad-year datasets
  std::string relations_error;     // why `relations` is absent
  std::string atlas_error;         // why `atlas` is absent, shown under the page
};

// Builds the dossier. InvalidArgument when a or b is missing or a == b; the event store's
// or the data's failures are returned, never dropped.
Result<Dossier> BuildDossier(const world::World& world, const kb::KnowledgeBase& kb,
                             const DossierRequest& request);

// The entry of the sources list for knowledge-base source `id` (numbered 0: the caller
// numbers it). The one rule for every section: a source's currency is its current_to, else
// its publication date; a date after the knowledge base's today is no date at all (a source
// is not published in the future) and gives no currency. An unknown id is listed by its id.
CitedSource CitedSourceOf(const kb::KnowledgeBase& kb, const std::string& id);

// The JSON document (docs/formats/dossier.md), `indent` spaces per level, no final newline.
std::string RenderJson(const Dossier& dossier, int indent = 2);
// CommonMark with GFM tables.
std::string RenderMarkdown(const Dossier& dossier);
// A self-contained HTML page (inline CSS and SVG, no script, no network request).
std::string RenderHtml(const Dossier& dossier);

}  // namespace dyad::report

#endif  // DYAD_REPORT_DOSSIER_H_
