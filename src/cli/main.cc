// The `dyad` command: one subcommand group per module (see commands.h).
#include <fmt/format.h>

#include <algorithm>
#include <cstdio>

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

int main(int argc, char** argv) {
  CLI::App app{"dyad: the relations between states, as data"};
  app.require_subcommand(1);
  app.set_version_flag("--version", "dyad 0.1.0");
  for (const auto& [order, add] : dyad::cli::CommandGroups()) add(app);
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    int rc = app.exit(e);
    return rc == 0 ? 0 : dyad::cli::kExitUsage;
  }
  std::fflush(stdout);
  return dyad::cli::ExitCode();
}
