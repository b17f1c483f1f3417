// LoadKnowledgeFor: text packs plus the snapshot's chunks of the states a command is about.
#include "cli/pair_kb.h"

#include <fmt/format.h>

#include "kb/snapshot.h"

namespace dyad::cli {
namespace {

// The snapshot's packs restricted to `states`, or none after a warning.
std::vector<kb::PackData> SnapshotPacks(std::string_view command, const world::World& world,
                                        const std::vector<std::string>& states) {
  std::vector<std::string> dirs = kb::Snapshot::DefaultPackDirs();
  if (dirs.empty()) return {};
  auto snap = kb::Snapshot::OpenOrCompile(world, dirs, kb::Snapshot::DefaultPath());
  Result<std::vector<kb::PackData>> packs = snap.ok() ? (*snap)->Extract(states) : Result<std::vector<kb::PackData>>(snap.status());
  if (packs.ok()) return std::move(packs).value();
  PrintError(command, "warning: knowledge-base snapshot not used: " + packs.status().message());
  return {};
}

}  // namespace

bool LoadKnowledgeFor(std::string_view command, Session* s, std::vector<std::string> packs,
                      const std::vector<std::string>& states) {
  const bool defaults = packs.empty();
  if (defaults) packs = kb::KnowledgeBase::DefaultPackDirs();
  std::vector<kb::PackData> data;
  for (const std::string& dir : packs) {
    Result<kb::PackData> pack = kb::ReadPack(dir, &s->report);
    if (!pack.ok()) {
      PrintError(command, pack.status().message());
      return false;
    }
    data.push_back(std::move(pack).value());
  }
  if (defaults)
    for (kb::PackData& p : SnapshotPacks(command, *s->world, states)) data.push_back(std::move(p));
  s->kb = kb::KnowledgeBase::Build(*s->world, std::move(data), &s->report);
  if (!s->report.clean())
    PrintError(command, fmt::format("warning: {} pack row(s) rejected and left out (run dyad check)", s->report.total.rejected));
  return true;
}

}  // namespace dyad::cli
