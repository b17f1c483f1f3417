#include "base/paths.h"

#include <cstdlib>

namespace dyad {
namespace {

std::string EnvOr(const char* name, const std::string& fallback) {
  const char* v = std::getenv(name);
  return (v != nullptr && *v != '\0') ? std::string(v) : fallback;
}

}  // namespace

std::string DyadHome() { return EnvOr("DYAD_HOME", DYAD_DEFAULT_HOME); }
std::string DataDir() { return DyadHome() + "/data"; }
std::string NodeModulesDir() { return DyadHome() + "/node_modules"; }
std::string SharedDir() { return EnvOr("DYAD_SHARED", DyadHome() + "/../shared"); }
std::string IsoCodesDir() { return EnvOr("DYAD_ISO_CODES", "/usr/share/iso-codes/json"); }
std::string TempDir() { return EnvOr("TMPDIR", "/tmp"); }

}  // namespace dyad
