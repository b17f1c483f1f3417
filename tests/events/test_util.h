// Helpers shared by the event tests: a small hand-made world and temporary directories.
#ifndef DYAD_TESTS_EVENTS_TEST_UTIL_H_
#define DYAD_TESTS_EVENTS_TEST_UTIL_H_

#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <memory>
#include <string>

#include "base/paths.h"
#include "events/countries.h"
#include "world/world_builder.h"

namespace dyad::events::testing {

// USA, KGZ, RUS, GEO, CHN with their CAMEO and FIPS codes and English names.
inline std::shared_ptr<const world::World> SmallWorld() {
  world::WorldBuilder b;
  struct Row {
    const char *key, *name, *fips;
  };
  for (const Row& r : {Row{"USA", "United States", "US"}, Row{"KGZ", "Kyrgyzstan", "KG"},
                       Row{"RUS", "Russia", "RS"}, Row{"GEO", "Georgia", "GG"},
                       Row{"CHN", "China", "CH"}}) {
    world::State s;
    s.key = r.key;
    s.name = r.name;
    s.codes.push_back({world::Scheme::kCameo, r.key, Interval::Always(), "test"});
    s.codes.push_back({world::Scheme::kFips, r.fips, Interval::Always(), "test"});
    b.Add(std::move(s));
  }
  return b.Build().value();
}

inline std::unique_ptr<CountryMap> SmallCountryMap() {
  return MakeWorldCountryMap(std::make_shared<world::Resolver>(SmallWorld()), {"AFR", "EUR"});
}

// A fresh directory under $TMPDIR, removed at destruction.
class TempDir {
 public:
  TempDir() {
    std::string tmpl = (std::filesystem::temp_directory_path() / "dyad-events-XXXXXX").string();
    path_ = ::mkdtemp(tmpl.data());
  }
  ~TempDir() {
    std::error_code ec;
    std::filesystem::remove_all(path_, ec);
  }
  const std::string& path() const { return path_; }

 private:
  std::string path_;
};

inline std::string SharedEvents() {
  return SharedDir() + "/data/events";
}

}  // namespace dyad::events::testing

#endif  // DYAD_TESTS_EVENTS_TEST_UTIL_H_
