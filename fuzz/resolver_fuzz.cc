// Fuzzes the resolver (world/resolver.h) on the bundled world registry: any text, with
// and without a date, resolves to a match, several candidates or none, and every state
// it names is one of the registry's.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <memory>
#include <string_view>

#include "base/date.h"
#include "world/resolver.h"
#include "world/world.h"

namespace {

struct Loaded {
  std::shared_ptr<const dyad::world::World> world;
  std::unique_ptr<dyad::world::Resolver> resolver;
};

const Loaded& TheResolver() {
  static const Loaded* loaded = [] {
    auto* l = new Loaded;
    auto w = dyad::world::World::LoadDefault();
    if (!w.ok()) std::abort();  // the harness needs data/world
    l->world = *w;
    auto r = dyad::world::Resolver::LoadDefault(l->world);
    if (!r.ok()) std::abort();
    l->resolver = std::move(r).value();
    return l;
  }();
  return *loaded;
}

void Check(const Loaded& l, const dyad::world::Resolution& r) {
  for (const auto& m : r.candidates) {
    if (m.state == nullptr || l.world->Find(m.state->key) != m.state) std::abort();
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const Loaded& l = TheResolver();
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  Check(l, l.resolver->Resolve(text));
  dyad::world::ResolveOptions on_1980;
  on_1980.on = dyad::Date::FromDays(3652);  // 1980-01-01
  Check(l, l.resolver->Resolve(text, on_1980));
  l.world->Find(text);
  return 0;
}
