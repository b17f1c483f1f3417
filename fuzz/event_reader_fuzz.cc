// Fuzzes the event readers (events/reader.h): GDELT 1.0/2.0, ICEWS and native TSV rows,
// with the world registry's country map. The first byte picks the format; the rest is
// the file. Every row read must be accepted, a duplicate or a reject: the counts add up.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <memory>
#include <string>

#include "base/paths.h"
#include "base/rejects.h"
#include "events/countries.h"
#include "events/reader.h"
#include "events/taxonomy.h"
#include "world/resolver.h"
#include "world/world.h"

namespace {

struct Loaded {
  std::shared_ptr<const dyad::events::Taxonomy> taxonomy;
  std::unique_ptr<dyad::events::CountryMap> countries;
};

const Loaded& Data() {
  static const Loaded* loaded = [] {
    auto* l = new Loaded;
    auto tax = dyad::events::Taxonomy::LoadDefault();
    auto regions = dyad::events::LoadCameoRegions(dyad::DataDir() + "/cameo/cameo-regions.tsv");
    auto aliases = dyad::events::LoadCountryNameAliases(dyad::DataDir() + "/cameo/icews-country-names.tsv");
    auto world = dyad::world::World::LoadDefault();
    if (!tax.ok() || !regions.ok() || !aliases.ok() || !world.ok()) std::abort();  // needs data/
    auto resolver = dyad::world::Resolver::LoadDefault(*world);
    if (!resolver.ok()) std::abort();
    l->taxonomy = *tax;
    l->countries = dyad::events::MakeWorldCountryMap(std::move(resolver).value(), *regions, *aliases);
    return l;
  }();
  return *loaded;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size == 0) return 0;
  const Loaded& l = Data();
  const dyad::events::InputFormat formats[] = {dyad::events::InputFormat::kGdelt,
                                               dyad::events::InputFormat::kIcews,
                                               dyad::events::InputFormat::kNative};
  const auto format = formats[data[0] % 3];
  dyad::RejectSink rejects;
  dyad::events::EventReader reader(*l.taxonomy, *l.countries, &rejects, {});
  uint64_t accepted = 0;
  auto sink = [&accepted](const dyad::events::EventView&) {
    ++accepted;
    return dyad::Status::OK();
  };
  std::string text(reinterpret_cast<const char*>(data) + 1, size - 1);
  dyad::Status st = reader.ReadString(std::move(text), "fuzz.tsv", format, sink);
  const dyad::ReadCounts& c = reader.counts();
  if (st.ok() && (c.accepted != accepted || c.accepted + c.rejected + c.duplicates != c.read)) {
    std::abort();  // a row was lost or counted twice
  }
  return 0;
}
