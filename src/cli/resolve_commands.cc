// `dyad resolve`: names and codes to states, one answer per input.
//
//   dyad resolve TEXT...            each argument is one name (or code)
//   dyad resolve --file F           one name a line (plain or gzip; "-" is stdin)
//   dyad resolve --mentions TEXT... state mentions inside each text, with byte offsets
// Options: --format tsv|json, --scheme S (explicit code mode), --on DATE (date-aware).
//
// TSV output: `input<TAB>answer`, one line per input, where answer is the state's key
// (ISO alpha-3 for current states, e.g. KGZ; the ISO 3166-3 or project key for former
// ones, e.g. SUHH), empty for no match, or `?` followed by the candidates' keys joined by
// commas for an ambiguity (`Congo<TAB>?COD,COG`). With --mentions: `input<TAB>begin<TAB>
// end<TAB>answer<TAB>matched text`, one line per mention.
// JSON output: one object per input per line (JSON Lines) with the outcome, the state,
// the alias matched, its kind and how, and the candidates.
// Bad inputs (invalid UTF-8, empty lines, lines over 64 KiB) are reported on stderr as
// `F:LINE: message (byte offset N)` and skipped; the exit code is then 3 (partial).
#include <fmt/format.h>

#include <cstdio>
#include <iostream>
#include <nlohmann/json.hpp>
#include <optional>

#include "base/date.h"
#include "base/strings.h"
#include "base/line_reader.h"
#include "base/unicode.h"
#include "cli/commands.h"
#include "world/resolver.h"
#include "world/world.h"

namespace dyad::cli {
namespace {

using world::Match;
using world::Resolution;
using world::ResolveOptions;
using world::Resolver;

constexpr size_t kMaxLineBytes = 64 << 10;

struct ResolveArgs {
  std::vector<std::string> texts;
  std::string file;
  std::string format = "tsv";
  std::string scheme;
  std::string on;
  bool mentions = false;
};

std::string Answer(const Resolution& r) {
  switch (r.outcome) {
    case Resolution::Outcome::kMatch: return r.best()->state->key;
    case Resolution::Outcome::kNoMatch: return "";
    case Resolution::Outcome::kAmbiguous: break;
  }
  std::string out = "?";
  for (size_t i = 0; i < r.candidates.size(); ++i)
    out += fmt::format("{}{}", i ? "," : "", r.candidates[i].state->key);
  return out;
}

nlohmann::json MatchJson(const Match& m) {
  return {{"key", m.state->key}, {"name", m.state->name}, {"alias", m.alias},
          {"kind", std::string(world::MatchKindName(m.kind))}, {"how", m.how}};
}

nlohmann::json ResolutionJson(std::string_view input, const Resolution& r) {
  nlohmann::json j = {{"input", input}, {"outcome", std::string(world::OutcomeName(r.outcome))}};
  if (const Match* m = r.best()) j["match"] = MatchJson(*m);
  if (r.outcome == Resolution::Outcome::kAmbiguous) {
    j["candidates"] = nlohmann::json::array();
    for (const Match& c : r.candidates) j["candidates"].push_back(MatchJson(c));
  }
  return j;
}

class Printer {
 public:
  Printer(const Resolver& resolver, const ResolveArgs& args, const ResolveOptions& options)
      : resolver_(resolver), args_(args), options_(options) {}

  void Print(std::string_view input) {
    if (args_.mentions) return PrintMentions(input);
    Resolution r = resolver_.Resolve(input, options_);
    if (args_.format == "json") {
      std::puts(ResolutionJson(input, r).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace).c_str());
    } else {
      std::printf("%s\t%s\n", EscapeTsv(input).c_str(), Answer(r).c_str());
    }
  }

 private:
  void PrintMentions(std::string_view input) {
    auto mentions = resolver_.FindMentions(input, options_);
    if (args_.format == "json") {
      nlohmann::json j = {{"input", input}, {"mentions", nlohmann::json::array()}};
      for (const auto& m : mentions) {
        nlohmann::json mj = ResolutionJson(input.substr(m.begin, m.end - m.begin), m.resolution);
        mj["begin"] = m.begin;
        mj["end"] = m.end;
        j["mentions"].push_back(std::move(mj));
      }
      std::puts(j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace).c_str());
      return;
    }
    for (const auto& m : mentions) {
      std::printf("%s\t%zu\t%zu\t%s\t%s\n", EscapeTsv(input).c_str(), m.begin, m.end,
                  Answer(m.resolution).c_str(),
                  EscapeTsv(input.substr(m.begin, m.end - m.begin)).c_str());
    }
  }

  const Resolver& resolver_;
  const ResolveArgs& args_;
  const ResolveOptions& options_;
};

// Checks one input; an error message naming `where` and the byte offset (within the
// file when `file_offset` is given), or "".
std::string CheckInput(std::string_view text, std::string_view where,
                       std::optional<uint64_t> file_offset) {
  if (text.find_first_not_of(" \t\r") == std::string_view::npos) {
    return file_offset ? fmt::format("{}: empty line (byte offset {})", where, *file_offset)
                       : fmt::format("{}: empty input", where);
  }
  size_t bad = 0;
  if (ValidateUtf8(text, &bad).ok()) return "";
  return file_offset ? fmt::format("{}: invalid UTF-8 at byte {} of the line (byte offset {})",
                                   where, bad, *file_offset + bad)
                     : fmt::format("{}: invalid UTF-8 at byte {}", where, bad);
}

int RunFile(const ResolveArgs& args, Printer& printer) {
  const std::string path = args.file == "-" ? "/dev/stdin" : args.file;
  auto reader = LineReader::Open(path, kMaxLineBytes);
  if (!reader.ok()) {
    std::fprintf(stderr, "dyad resolve: %s\n", reader.status().message().c_str());
    return kExitError;
  }
  int rejected = 0;
  std::string_view line;
  while ((*reader)->Next(&line)) {
    const std::string where = fmt::format("{}:{}", args.file, (*reader)->line_number());
    std::string error;
    if ((*reader)->line_too_long()) {
      error = fmt::format("{}: line longer than {} bytes (byte offset {})", where,
                          kMaxLineBytes, (*reader)->byte_offset());
    } else {
      error = CheckInput(line, where, (*reader)->byte_offset());
    }
    if (!error.empty()) {
      std::fprintf(stderr, "dyad resolve: %s; skipped\n", error.c_str());
      ++rejected;
      continue;
    }
    printer.Print(line);
  }
  if (!(*reader)->status().ok()) {
    std::fprintf(stderr, "dyad resolve: %s: %s\n", args.file.c_str(),
                 (*reader)->status().message().c_str());
    return kExitError;
  }
  return rejected ? kExitPartial : kExitOk;
}

int RunResolve(const ResolveArgs& args) {
  if (args.texts.empty() == args.file.empty()) {
    std::fprintf(stderr, "dyad resolve: give either TEXT arguments or --file F\n");
    return kExitUsage;
  }
  ResolveOptions options;
  if (!args.scheme.empty()) {
    Result<world::Scheme> scheme = world::ParseScheme(args.scheme);
    if (!scheme.ok()) {
      std::fprintf(stderr, "dyad resolve: --scheme: %s\n", scheme.status().message().c_str());
      return kExitUsage;
    }
    options.scheme = *scheme;
  }
  if (!args.on.empty()) {
    Result<Date> on = Date::Parse(args.on);
    if (!on.ok()) {
      std::fprintf(stderr, "dyad resolve: --on: %s\n", on.status().message().c_str());
      return kExitUsage;
    }
    options.on = *on;
  }
  auto world = world::World::LoadDefault();
  if (!world.ok()) {
    std::fprintf(stderr, "dyad resolve: cannot load the world: %s\n",
                 world.status().message().c_str());
    return kExitError;
  }
  auto resolver = Resolver::LoadDefault(*world);
  if (!resolver.ok()) {
    std::fprintf(stderr, "dyad resolve: %s\n", resolver.status().message().c_str());
    return kExitError;
  }
  Printer printer(**resolver, args, options);
  if (!args.file.empty()) return RunFile(args, printer);
  int rejected = 0;
  for (size_t i = 0; i < args.texts.size(); ++i) {
    std::string error = CheckInput(args.texts[i], fmt::format("argument {}", i + 1), std::nullopt);
    if (!error.empty()) {
      std::fprintf(stderr, "dyad resolve: %s; skipped\n", error.c_str());
      ++rejected;
      continue;
    }
    printer.Print(args.texts[i]);
  }
  return rejected ? kExitPartial : kExitOk;
}

void AddResolveCommand(CLI::App& app) {
  auto args = std::make_shared<ResolveArgs>();
  CLI::App* cmd = app.add_subcommand(
      "resolve",
      "Resolve names and codes to states: prints input<TAB>key (empty: no match; "
      "?K1,K2: ambiguous)");
  cmd->add_option("text", args->texts, "names or codes, one answer each");
  cmd->add_option("--file", args->file, "read one name a line from this file ('-' = stdin)");
  cmd->add_option("--format", args->format, "tsv (default) or json (JSON Lines)")
      ->check(CLI::IsMember({"tsv", "json"}));
  cmd->add_option("--scheme", args->scheme,
                  "explicit code mode: iso2, iso3, isonum, iso4, cow, cowc, gw, gwc, cameo, "
                  "fips, wikidata");
  cmd->add_option("--on", args->on, "date for date-aware codes and names (1998, 1998-12-20)");
  cmd->add_flag("--mentions", args->mentions,
                "find every state mention inside each text (byte offsets)");
  cmd->callback([args] { SetExitCode(RunResolve(*args)); });
}

const CommandGroup kResolveGroup(20, AddResolveCommand);

}  // namespace
}  // namespace dyad::cli
