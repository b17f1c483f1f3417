// LoadKnowledgeFor: the snapshot's chunks of the states a command is about, or the text
// packs a user names.
#include "cli/pair_kb.h"

#include <fmt/format.h>

#include "kb/snapshot.h"

namespace dyad::cli {
namespace {

// Every pack of the snapshot restricted to `states`; an error when the snapshot cannot be
// opened, compiled or read.
Result<std::vector<kb::PackData>> SnapshotPacks(const world::World& world, const std::vector<std::string>& states) {
  auto snap = kb::Snapshot::OpenOrCompile(world, kb::Snapshot::DefaultPackDirs(), kb::Snapshot::DefaultPath());
  if (!snap.ok()) return snap.status();
  return (*snap)->Extract(states);
}

// The text packs in `dirs`; false after printing.
bool ReadTextPacks(std::string_view command, const std::vector<std::string>& dirs, kb::LoadReport* report,
                   std::vector<kb::PackData>* out) {
  for (const std::string& dir : dirs) {
    Result<kb::PackData> pack = kb::ReadPack(dir, report);
    if (!pack.ok()) {
      PrintError(command, pack.status().message());
      return false;
    }
    out->push_back(std::move(pack).value());
  }
  return true;
}

// The default packs: the snapshot's, else (after a warning) the curated text packs alone.
bool DefaultPacks(std::string_view command, Session* s, const std::vector<std::string>& states,
                  std::vector<kb::PackData>* out) {
  Result<std::vector<kb::PackData>> packs = SnapshotPacks(*s->world, states);
  if (packs.ok()) {
    *out = std::move(packs).value();
    return true;
  }
  PrintError(command, "warning: knowledge-base snapshot not used: " + packs.status().message());
  return ReadTextPacks(command, kb::KnowledgeBase::DefaultPackDirs(), &s->report, out);
}

}  // namespace

bool LoadKnowledgeFor(std::string_view command, Session* s, std::vector<std::string> packs,
                      const std::vector<std::string>& states) {
  std::vector<kb::PackData> data;
  const bool ok = packs.empty() ? DefaultPacks(command, s, states, &data) : ReadTextPacks(command, packs, &s->report, &data);
  if (!ok) return false;
  s->kb = kb::KnowledgeBase::Build(*s->world, std::move(data), &s->report);
  if (!s->report.clean())
    PrintError(command, fmt::format("warning: {} pack row(s) rejected and left out (run dyad check)", s->report.total.rejected));
  return true;
}

}  // namespace dyad::cli
