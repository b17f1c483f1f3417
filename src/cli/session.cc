#include "cli/session.h"

#include <fmt/format.h>

#include <algorithm>
#include <chrono>
#include <cstdio>

#include "base/unicode.h"

namespace dyad::cli {

void PrintError(std::string_view command, std::string_view message) {
  const std::string safe = EscapeForTerminal(message);  // user input may hold ESC sequences
  std::fprintf(stderr, "dyad %.*s: %s\n", static_cast<int>(command.size()), command.data(),
               safe.c_str());
}

bool ParseDateOption(std::string_view command, std::string_view flag, const std::string& text,
                     std::optional<Date>* out) {
  if (text.empty()) return true;
  Result<Date> d = Date::Parse(text);
  if (!d.ok()) {
    PrintError(command, fmt::format("{}: {}", flag, d.status().message()));
    return false;
  }
  *out = *d;
  return true;
}

std::unique_ptr<Session> OpenSession(std::string_view command, bool load_kb,
                                     std::vector<std::string> packs, bool warn) {
  auto s = std::make_unique<Session>();
  Result<std::shared_ptr<const world::World>> w = world::World::LoadDefault();
  if (!w.ok()) {
    PrintError(command, "cannot load the world registry: " + w.status().message());
    return nullptr;
  }
  s->world = *w;
  Result<std::unique_ptr<world::Resolver>> r = world::Resolver::LoadDefault(s->world);
  if (!r.ok()) {
    PrintError(command, "cannot load the resolver: " + r.status().message());
    return nullptr;
  }
  s->resolver = std::move(r).value();
  if (!load_kb) return s;
  if (packs.empty()) packs = kb::KnowledgeBase::DefaultPackDirs();
  Result<std::unique_ptr<kb::KnowledgeBase>> kb = kb::KnowledgeBase::Load(*s->world, packs, &s->report);
  if (!kb.ok()) {
    PrintError(command, kb.status().message());
    return nullptr;
  }
  s->kb = std::move(kb).value();
  if (warn && !s->report.clean()) {
    PrintError(command, fmt::format("warning: {} pack row(s) rejected and left out (run dyad check)",
                                    s->report.total.rejected));
  }
  return s;
}

namespace {

size_t EditDistance(std::string_view a, std::string_view b) {
  std::vector<size_t> row(b.size() + 1);
  for (size_t j = 0; j <= b.size(); ++j) row[j] = j;
  for (size_t i = 1; i <= a.size(); ++i) {
    size_t diag = row[0];
    row[0] = i;
    for (size_t j = 1; j <= b.size(); ++j) {
      size_t up = row[j];
      row[j] = std::min({row[j] + 1, row[j - 1] + 1, diag + (a[i - 1] == b[j - 1] ? 0 : 1)});
      diag = up;
    }
  }
  return row[b.size()];
}

}  // namespace

std::vector<std::string> SuggestStates(const world::World& world, std::string_view text,
                                       size_t limit) {
  Result<std::string> folded = FoldForMatch(text);
  if (!folded.ok() || folded->empty()) return {};
  std::vector<std::pair<size_t, std::string>> scored;
  for (const world::State& s : world.states()) {
    Result<std::string> name = FoldForMatch(s.name);
    if (!name.ok()) continue;
    size_t d = EditDistance(*folded, *name);
    // Prefix matches count as close ("kyrgyz" for "kyrgyzstan").
    if (name->rfind(*folded, 0) == 0) d = std::min<size_t>(d, 1);
    if (d <= std::max<size_t>(2, folded->size() / 3))
      scored.emplace_back(d, fmt::format("{} ({})", s.name, s.key));
  }
  std::sort(scored.begin(), scored.end());
  std::vector<std::string> out;
  for (size_t i = 0; i < scored.size() && out.size() < limit; ++i) out.push_back(scored[i].second);
  return out;
}

const world::State* ResolveState(std::string_view command, const Session& session, const std::string& text,
                                 std::optional<Date> on) {
  if (const world::State* s = session.world->Find(text)) return s;
  world::ResolveOptions options;
  options.on = on;
  world::Resolution r = session.resolver->Resolve(text, options);
  if (r.outcome == world::Resolution::Outcome::kMatch) return r.best()->state;
  if (r.outcome == world::Resolution::Outcome::kAmbiguous) {
    std::string names;
    for (const world::Match& m : r.candidates)
      names += fmt::format("{}{} ({})", names.empty() ? "" : ", ", m.state->name, m.state->key);
    PrintError(command, fmt::format("'{}' is ambiguous: it could be {}", text, names));
    return nullptr;
  }
  std::vector<std::string> near = SuggestStates(*session.world, text);
  std::string hint;
  for (const std::string& n : near) hint += (hint.empty() ? " Did you mean: " : ", ") + n;
  PrintError(command, fmt::format("'{}' is not a state dyad knows.{}{}", text, hint,
                                  near.empty() ? "" : "?"));
  return nullptr;
}

std::string ResolveStateArg(std::string_view command, const Session& session, const std::string& text,
                            std::optional<Date> on) {
  const world::State* s = ResolveState(command, session, text, on);
  return s ? s->key : std::string();
}

std::string CsvField(const std::string& s) {
  if (s.find_first_of(",\"\r\n") == std::string::npos) return s;
  std::string out = "\"";
  for (char c : s) {
    if (c == '"') out += '"';
    out += c;
  }
  return out + "\"";
}

}  // namespace dyad::cli
