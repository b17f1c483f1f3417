// What several commands share: today's date, date options, loading the world and the
// packs, and turning a user's state argument into a state key (with suggestions).
// Every function prints its own error to stderr as "dyad COMMAND: message".
#ifndef DYAD_CLI_SESSION_H_
#define DYAD_CLI_SESSION_H_

#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "base/date.h"
#include "kb/knowledge_base.h"
#include "world/resolver.h"
#include "world/world.h"

namespace dyad::cli {

void PrintError(std::string_view command, std::string_view message);

// Parses `text` (empty = not given) as a date for option `flag`; false after printing.
bool ParseDateOption(std::string_view command, std::string_view flag, const std::string& text,
                     std::optional<Date>* out);

// The world, the resolver and (optionally) the knowledge base of one command run.
struct Session {
  std::shared_ptr<const world::World> world;
  // Loaded by OpenSession; by OpenWorldSession only when ResolveState first needs it
  // (mutable for that; a Session belongs to one command on one thread).
  mutable std::unique_ptr<world::Resolver> resolver;
  std::unique_ptr<kb::KnowledgeBase> kb;
  kb::LoadReport report;
};

// Loads the world and resolver; with `load_kb`, also the packs in `packs` (default: every
// pack under data/packs). nullptr after printing on failure. With `warn`, prints how many
// pack rows were rejected.
std::unique_ptr<Session> OpenSession(std::string_view command, bool load_kb,
                                     std::vector<std::string> packs = {}, bool warn = true);

// The world alone: the resolver is loaded when a state argument is not a state key (a key
// such as KGZ needs none; the resolver's alias tables cost more than the world itself). For
// the commands that load their knowledge base with LoadKnowledgeFor (cli/pair_kb.h).
std::unique_ptr<Session> OpenWorldSession(std::string_view command);

// The state a user's argument names: a key, code, name, demonym or historical name, as
// of `on` when given (the command's --as-of: "Zaire" in 1990, "West Germany" in 1980).
// nullptr after printing when unknown (with up to three suggestions) or ambiguous (with
// the candidates). Resolve once per command and pass the State* on.
const world::State* ResolveState(std::string_view command, const Session& session, const std::string& text,
                                 std::optional<Date> on = std::nullopt);
// ResolveState for both states of a pair command (as of `on`): kExitOk with *sa and *sb
// set; after printing, kExitError when either is unknown or ambiguous and kExitUsage when
// both name the same state (a pair needs two states), as `report` has always done.
int ResolvePair(std::string_view command, const Session& session, const std::string& a,
                const std::string& b, std::optional<Date> on, const world::State** sa,
                const world::State** sb);
// ResolveState's key, or "" after printing.
std::string ResolveStateArg(std::string_view command, const Session& session,
                            const std::string& text, std::optional<Date> on = std::nullopt);

// Hands `session` to the process for the rest of its life: it is never destroyed. For a
// one-shot command that ends right after answering: freeing a knowledge base of ~10,000
// rows and the registry string by string costs up to a tenth of such a command. Held from
// a static, so leak checkers see it as reachable, not lost.
void KeepUntilExit(std::unique_ptr<Session> session);

// One CSV field (RFC 4180): quoted when it holds a comma, quote, CR or LF.
std::string CsvField(const std::string& s);

}  // namespace dyad::cli

#endif  // DYAD_CLI_SESSION_H_
