// The one file of src/server that calls src/report: the dossier in its three renderings.
#include <fmt/format.h>

#include "events/records.h"
#include "events/taxonomy.h"
#include "report/dossier.h"
#include "server/api.h"

namespace dyad::server {

struct DossierInputs {
  std::shared_ptr<const events::Taxonomy> taxonomy;  // with a store only
  std::optional<graphics::MapData> atlas;
  std::string atlas_error;
  std::shared_ptr<const relations::Relations> relations;  // the bundled dyad-year tables
  std::string relations_error;                             // why `relations` is absent
};

Result<std::shared_ptr<const DossierInputs>> LoadDossierInputs(const events::Store* store) {
  auto in = std::make_shared<DossierInputs>();
  if (store != nullptr) {
    Result<std::shared_ptr<const events::Taxonomy>> taxonomy = events::Taxonomy::LoadDefault();
    if (!taxonomy.ok()) return taxonomy.status().WithPrefix("cannot load the CAMEO taxonomy");
    in->taxonomy = *taxonomy;
  }
  Result<graphics::MapData> atlas = graphics::LoadDefaultMapData();
  if (atlas.ok()) in->atlas = std::move(atlas).value();
  else in->atlas_error = atlas.status().message();
  // As `dyad report` does: optional, the dossier says when the tables are absent.
  auto relations = relations::Relations::OpenDefault();
  if (relations.ok()) in->relations = *relations;
  else in->relations_error = "Relations pack not loaded: " + relations.status().message();
  return std::shared_ptr<const DossierInputs>(std::move(in));
}

Result<Answer> HandleDossier(const AppData& app, Query& q) {
  auto as_of = q.DateParam("as_of");
  if (!as_of.ok()) return as_of.status();
  Result<const world::State*> a = ResolveState(app, q.path(0), *as_of);
  if (!a.ok()) return a.status();
  Result<const world::State*> b = ResolveState(app, q.path(1), *as_of);
  if (!b.ok()) return b.status();
  if (*a == *b) return Status::InvalidArgument(fmt::format("a pair needs two different states, not {} twice", (*a)->key));
  const std::string ext = q.path(2).empty() ? ".json" : q.path(2);
  q.applied() = {{"a", (*a)->key}, {"b", (*b)->key}, {"as_of", *as_of ? Json((*as_of)->ToString()) : Json()}};
  report::DossierRequest req;
  req.a = *a;
  req.b = *b;
  req.as_of = *as_of;
  req.store = app.store;
  req.store_label = events::StoreLabel(app.store_label);
  if (app.dossier_inputs) {
    req.taxonomy = app.dossier_inputs->taxonomy.get();
    req.atlas = app.dossier_inputs->atlas ? &*app.dossier_inputs->atlas : nullptr;
    req.atlas_error = app.dossier_inputs->atlas_error;
    req.relations = app.dossier_inputs->relations.get();
    req.relations_error = app.dossier_inputs->relations_error;
  }
  Result<report::Dossier> dossier = report::BuildDossier(*app.world, *app.kb, req);
  if (!dossier.ok()) return dossier.status();
  Answer out;
  if (ext == ".md") {
    out.document = report::RenderMarkdown(*dossier);
    out.content_type = "text/markdown; charset=utf-8";
  } else if (ext == ".html") {
    out.document = report::RenderHtml(*dossier);
    out.content_type = "text/html; charset=utf-8";
  } else {
    out.raw_fields.emplace_back("dossier", report::RenderJson(*dossier, -1));
  }
  return out;
}

}  // namespace dyad::server
