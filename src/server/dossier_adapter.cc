// The one file of src/server that calls src/report: the dossier in its three renderings.
#include <fmt/format.h>

#include "report/dossier.h"
#include "server/api.h"

namespace dyad::server {

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
  report::DossierRequest req{(*a)->key, (*b)->key, *as_of, app.store, app.store_label};
  Result<report::Json> dossier = report::BuildDossier(*app.world, *app.kb, req);
  if (!dossier.ok()) return Status::InvalidArgument(dossier.status().message());
  Answer out;
  if (ext == ".md") {
    out.document = report::RenderMarkdown(*dossier);
    out.content_type = "text/markdown; charset=utf-8";
  } else if (ext == ".html") {
    Result<std::string> html = report::RenderHtml(*dossier, *app.world);
    if (!html.ok()) return Status::Internal(html.status().message());
    out.document = std::move(html).value();
    out.content_type = "text/html; charset=utf-8";
  } else {
    out.fields["dossier"] = std::move(dossier).value();
  }
  return out;
}

}  // namespace dyad::server
