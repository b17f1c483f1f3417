// Not a test of its own: the shared fixture (the file name puts it in the coder test binary).
#include <cstdio>
#include <cstdlib>

#include "fixture.h"

namespace dyad::coder::testing {
namespace {

template <typename T>
T OrDie(Result<T> r, const char* what) {
  if (!r.ok()) {
    std::fprintf(stderr, "coder tests: cannot load %s: %s\n", what, r.status().message().c_str());
    std::abort();
  }
  return std::move(r).value();
}

Loaded* Load() {
  auto* l = new Loaded;
  l->world = OrDie(world::World::LoadDefault(), "world");
  l->resolver = OrDie(world::Resolver::LoadDefault(l->world), "resolver");
  l->taxonomy = OrDie(events::Taxonomy::LoadDefault(), "taxonomy");
  kb::LoadReport report;
  l->kb = OrDie(kb::KnowledgeBase::Load(*l->world, OfficeHolderPackDirs(), &report), "packs");
  l->coder = std::make_unique<Coder>(*l->resolver, *l->taxonomy,
                                     OrDie(Dictionary::LoadDefault(), "dictionary"), l->kb.get());
  return l;
}

}  // namespace

const Loaded& Shared() {
  static const Loaded* loaded = Load();
  return *loaded;
}

std::vector<CodedEvent> Code(const std::string& text, const std::string& date) {
  DocumentState doc;
  if (!date.empty()) doc.document_date = *Date::ParseIso(date);
  return Shared().coder->CodeText(text, &doc);
}

std::vector<std::string> Triples(const std::vector<CodedEvent>& events) {
  std::vector<std::string> out;
  for (const CodedEvent& e : events) out.push_back(e.source + ">" + e.target + ":" + e.code);
  return out;
}

std::vector<std::string> CodeTriples(const std::string& text, const std::string& date) {
  return Triples(Code(text, date));
}

}  // namespace dyad::coder::testing
