// The `dyad` command: one subcommand group per module (see commands.h).
#include <fmt/format.h>

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <exception>

#include "base/unicode.h"

#include "cli/commands.h"

namespace dyad::cli {
namespace {

std::vector<std::pair<int, std::function<void(CLI::App&)>>>& MutableGroups() {
  static auto* groups = new std::vector<std::pair<int, std::function<void(CLI::App&)>>>();
  return *groups;
}

int g_exit_code = kExitOk;

}  // namespace

CommandGroup::CommandGroup(int order, std::function<void(CLI::App&)> add) {
  MutableGroups().emplace_back(order, std::move(add));
}

const std::vector<std::pair<int, std::function<void(CLI::App&)>>>& CommandGroups() {
  auto& groups = MutableGroups();
  std::stable_sort(groups.begin(), groups.end(),
                   [](const auto& a, const auto& b) { return a.first < b.first; });
  return groups;
}

void SetExitCode(int code) { g_exit_code = code; }
int ExitCode() { return g_exit_code; }

}  // namespace dyad::cli

namespace {

// "unknown command 'bogus'" when the first word names no subcommand (CLI11 would only
// say that an argument was not expected).
bool UnknownSubcommand(const CLI::App& app, int argc, char** argv) {
  if (argc < 2 || argv[1][0] == '-') return false;
  for (const CLI::App* sub : app.get_subcommands([](const CLI::App*) { return true; })) {
    if (sub->check_name(argv[1])) return false;
  }
  std::string names;
  for (const CLI::App* sub : app.get_subcommands([](const CLI::App*) { return true; })) {
    names += (names.empty() ? "" : ", ") + sub->get_name();
  }
  std::fprintf(stderr, "dyad: unknown command '%s'; commands: %s (see dyad --help)\n",
               dyad::EscapeForTerminal(argv[1], 200).c_str(), names.c_str());
  return true;
}

// Every command's output is flushed and checked here: a full disk or closed pipe on
// standard output is a failure (exit 1), never a silent success.
int FinishStdout(int rc) {
  if (std::fflush(stdout) != 0 || std::ferror(stdout)) {
    std::fprintf(stderr, "dyad: cannot write standard output: %s\n", std::strerror(errno));
    return dyad::cli::kExitError;
  }
  return rc;
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App app{"dyad: the relations between states, as data"};
  app.require_subcommand(1);
  app.set_version_flag("--version", "dyad 0.1.0");
  for (const auto& [order, add] : dyad::cli::CommandGroups()) add(app);
  if (UnknownSubcommand(app, argc, argv)) return dyad::cli::kExitUsage;
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    if (e.get_exit_code() == 0) return FinishStdout(app.exit(e));
    std::fprintf(stderr, "dyad: %s\nRun with --help for more information.\n",
                 dyad::EscapeForTerminal(e.what()).c_str());
    return dyad::cli::kExitUsage;
  } catch (const std::exception& e) {
    // A safety net, not a code path: modules return Status. An escaped exception is a
    // bug, reported as a failure instead of an abort.
    std::fflush(stdout);
    std::fprintf(stderr, "dyad: internal error: %s\n", dyad::EscapeForTerminal(e.what()).c_str());
    return dyad::cli::kExitError;
  }
  return FinishStdout(dyad::cli::ExitCode());
}
