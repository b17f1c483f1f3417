// World::Load: assembles the registry from the installed data and the project's tables.
#include <fmt/format.h>

#include <unordered_set>

#include "world/world.h"
#include "world/world_loader_internal.h"
#include "world/world_snapshot.h"

namespace dyad::world {
namespace internal {

State* LoadContext::Find(std::string_view key) {
  auto it = by_key_.find(std::string(key));
  return it == by_key_.end() ? nullptr : &builder_->states()[it->second];
}

State& LoadContext::GetOrAdd(const std::string& key) {
  if (State* s = Find(key)) return *s;
  State s;
  s.key = key;
  builder_->Add(std::move(s));
  by_key_.emplace(key, builder_->states().size() - 1);
  return builder_->states().back();
}

State* LoadContext::FindByIso2(std::string_view alpha2) {
  auto it = iso2_to_key_.find(std::string(alpha2));
  return it == iso2_to_key_.end() ? nullptr : Find(it->second);
}

void LoadContext::IndexIso2(const std::string& alpha2, const std::string& key) {
  if (!alpha2.empty()) iso2_to_key_.emplace(alpha2, key);
}

void AddSource(State& state, std::string_view source) {
  for (const std::string& s : state.sources)
    if (s == source) return;
  state.sources.emplace_back(source);
}

void AddCode(State& state, Scheme scheme, std::string code, Interval valid,
             std::string_view source) {
  if (code.empty()) return;
  state.codes.push_back(CodeSpell{scheme, std::move(code), valid, std::string(source)});
}

void AddName(State& state, std::string text, std::string lang, NameKind kind,
             std::string_view source, Interval valid) {
  if (text.empty()) return;
  state.names.push_back(Name{std::move(text), std::move(lang), kind, valid, std::string(source)});
}

namespace {

// Drops repeated names (same text, language and kind), keeping the first source.
void DedupeNames(State& s) {
  std::unordered_set<std::string> seen;
  seen.reserve(s.names.size() * 2);
  std::vector<Name> kept;
  kept.reserve(s.names.size());
  std::string id;
  for (Name& n : s.names) {
    id.assign(n.text).append(1, '\t').append(n.lang).append(1, static_cast<char>('0' + static_cast<int>(n.kind)));
    if (seen.insert(id).second) kept.push_back(std::move(n));
  }
  s.names = std::move(kept);
}

Status LoadAll(const WorldSources& src, LoadContext& ctx) {
  DYAD_RETURN_IF_ERROR(LoadIsoCodes31661(src.iso_codes_dir, ctx));
  DYAD_RETURN_IF_ERROR(LoadWorldCountries(src.node_modules_dir, ctx));
  DYAD_RETURN_IF_ERROR(LoadI18nCountries(src.node_modules_dir, ctx));
  DYAD_RETURN_IF_ERROR(LoadFormerStates(src.tables_dir, ctx));
  DYAD_RETURN_IF_ERROR(LoadStatus(src.tables_dir, ctx));
  DYAD_RETURN_IF_ERROR(LoadCapitals(src.tables_dir, ctx));
  DYAD_RETURN_IF_ERROR(LoadIsoCodes31663(src.iso_codes_dir, src.tables_dir, ctx));
  DYAD_RETURN_IF_ERROR(LoadSystemTable(src.tables_dir, "cow", ctx));
  DYAD_RETURN_IF_ERROR(LoadSystemTable(src.tables_dir, "gw", ctx));
  DYAD_RETURN_IF_ERROR(LoadCodeTable(src.tables_dir, Scheme::kCameo, ctx));
  DYAD_RETURN_IF_ERROR(LoadCodeTable(src.tables_dir, Scheme::kFips, ctx));
  DYAD_RETURN_IF_ERROR(LoadHistoricalNames(src.tables_dir, ctx));
  DYAD_RETURN_IF_ERROR(LoadNationality(src.tables_dir, ctx));
  DYAD_RETURN_IF_ERROR(LoadLinks(src.tables_dir, ctx));
  return Status::OK();
}

}  // namespace
}  // namespace internal

Result<std::shared_ptr<const World>> World::Load(const WorldSources& sources) {
  WorldBuilder builder;
  internal::LoadContext ctx(&builder);
  DYAD_RETURN_IF_ERROR(internal::LoadAll(sources, ctx));
  internal::FinishStates(builder.states());
  for (State& s : builder.states()) internal::DedupeNames(s);
  return builder.Build();
}

// The default sources through the world snapshot (world/world_snapshot.h): decoded when
// fresh, else loaded from the text and republished.
Result<std::shared_ptr<const World>> World::LoadDefault() {
  return LoadWorldCached(WorldSources::Default(), DefaultWorldSnapshotPath());
}

}  // namespace dyad::world
