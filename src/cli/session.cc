#include "cli/session.h"

#include <fmt/format.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <mutex>

#include "base/unicode.h"
#include "cli/commands.h"
#include "world/suggest.h"

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

std::unique_ptr<Session> OpenWorldSession(std::string_view command) {
  auto s = std::make_unique<Session>();
  Result<std::shared_ptr<const world::World>> w = world::World::LoadDefault();
  if (!w.ok()) {
    PrintError(command, "cannot load the world registry: " + w.status().message());
    return nullptr;
  }
  s->world = *w;
  return s;
}

namespace {

// Loads session.resolver unless it is loaded; false after printing.
bool EnsureResolver(std::string_view command, const Session& session) {
  if (session.resolver) return true;
  Result<std::unique_ptr<world::Resolver>> r = world::Resolver::LoadDefault(session.world);
  if (!r.ok()) {
    PrintError(command, "cannot load the resolver: " + r.status().message());
    return false;
  }
  session.resolver = std::move(r).value();
  return true;
}

}  // namespace

std::unique_ptr<Session> OpenSession(std::string_view command, bool load_kb,
                                     std::vector<std::string> packs, bool warn) {
  std::unique_ptr<Session> s = OpenWorldSession(command);
  if (!s || !EnsureResolver(command, *s)) return nullptr;
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

// The resolver reads a bare number as an ISO numeric code (world/resolver.h); when the
// same number is a COW or G-W code of another state, says which scheme it was read in.
void NoteOtherNumericSchemes(std::string_view command, const world::World& world,
                             const std::string& text, const world::State& chosen,
                             std::optional<Date> on) {
  if (text.empty() || text.find_first_not_of("0123456789") != std::string::npos) return;
  std::string others;
  for (world::Scheme scheme : {world::Scheme::kCowNumeric, world::Scheme::kGwNumeric}) {
    for (const world::State* s : world.ByCode(scheme, text, on)) {
      if (s == &chosen) continue;
      others += fmt::format("; as a {} code it is {} ({})", world::SchemeName(scheme), s->name, s->key);
    }
  }
  if (others.empty()) return;
  PrintError(command, fmt::format("note: read '{}' as an ISO numeric code, {} ({}){}; pass a key to choose",
                                  text, chosen.name, chosen.key, others));
}

}  // namespace

const world::State* ResolveState(std::string_view command, const Session& session, const std::string& text,
                                 std::optional<Date> on) {
  if (const world::State* s = session.world->Find(text)) return s;
  if (!EnsureResolver(command, session)) return nullptr;
  world::ResolveOptions options;
  options.on = on;
  world::Resolution r = session.resolver->Resolve(text, options);
  if (r.outcome == world::Resolution::Outcome::kMatch) {
    NoteOtherNumericSchemes(command, *session.world, text, *r.best()->state, on);
    return r.best()->state;
  }
  if (r.outcome == world::Resolution::Outcome::kAmbiguous) {
    std::string names;
    for (const world::Match& m : r.candidates)
      names += fmt::format("{}{} ({})", names.empty() ? "" : ", ", m.state->name, m.state->key);
    PrintError(command, fmt::format("'{}' is ambiguous: it could be {}", text, names));
    return nullptr;
  }
  const std::vector<const world::State*> near = world::SuggestStates(*session.world, text);
  std::string hint;
  for (const world::State* n : near) hint += fmt::format("{}{} ({})", hint.empty() ? " Did you mean: " : ", ", n->name, n->key);
  PrintError(command, fmt::format("'{}' is not a state dyad knows.{}{}", text, hint,
                                  near.empty() ? "" : "?"));
  return nullptr;
}

int ResolvePair(std::string_view command, const Session& session, const std::string& a,
                const std::string& b, std::optional<Date> on, const world::State** sa,
                const world::State** sb) {
  *sa = ResolveState(command, session, a, on);
  *sb = ResolveState(command, session, b, on);
  if (*sa == nullptr || *sb == nullptr) return kExitError;
  if (*sa != *sb) return kExitOk;
  PrintError(command, fmt::format("a pair needs two different states, got {} twice", (*sa)->key));
  return kExitUsage;
}

std::string ResolveStateArg(std::string_view command, const Session& session, const std::string& text,
                            std::optional<Date> on) {
  const world::State* s = ResolveState(command, session, text, on);
  return s ? s->key : std::string();
}

void KeepUntilExit(std::unique_ptr<Session> session) {
  static std::mutex mu;
  static auto* kept = new std::vector<std::unique_ptr<Session>>();  // never deleted, on purpose
  std::lock_guard<std::mutex> lock(mu);
  kept->push_back(std::move(session));
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
