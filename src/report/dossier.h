// The dossier: everything dyad knows about a pair of states, as of a date, with sources.
//
// The JSON document built here IS the model (schema: docs/formats/dossier.md, key
// "schema": "dyad.dossier/1"); the Markdown and HTML renderings read only this document,
// so every renderer shows the same statements with the same source numbers.
//
// Contract:
//   - Every statement carries "cite": [n, ...], numbers into "sources" (1-based, in order
//     of first citation). A statement without a source is never emitted.
//   - Dates are ISO/EDTF strings ("1991-12-25", "2015-07", "1993~"); open ends are null.
//   - As of a date D: facts that began after D and occurrences after D are left out; spans
//     are reported with their state on D (current, ended, not yet begun is dropped).
//   - No prose is written per pair: the summary is generated from the data.
#ifndef DYAD_REPORT_DOSSIER_H_
#define DYAD_REPORT_DOSSIER_H_

#include <nlohmann/json.hpp>

#include <optional>
#include <string>

#include "base/date.h"
#include "base/status.h"
#include "events/store.h"
#include "kb/knowledge_base.h"
#include "world/world.h"

namespace dyad::report {

using Json = nlohmann::ordered_json;

struct DossierRequest {
  std::string a, b;             // state keys (resolved by the caller)
  std::optional<Date> as_of;    // today when absent
  const events::Store* store = nullptr;  // optional: the event-based relations index
  std::string store_label;      // where the events came from (shown in the dossier)
};

// Builds the dossier. InvalidArgument when a or b is not a state key, or a == b.
Result<Json> BuildDossier(const world::World& world, const kb::KnowledgeBase& kb,
                          const DossierRequest& request);

// Renderings of a dossier document.
std::string RenderMarkdown(const Json& dossier);
// A self-contained HTML page (inline CSS and SVG, no script, no network request).
Result<std::string> RenderHtml(const Json& dossier, const world::World& world);

}  // namespace dyad::report

#endif  // DYAD_REPORT_DOSSIER_H_
