// How command groups join the `dyad` command.
//
// Each src/cli/*_commands.cc defines one static CommandGroup that adds its subcommands
// to the CLI11 app. main() runs every registered group, so adding a group needs no edit
// here or in main.cc. Only src/cli prints or exits.
#ifndef DYAD_CLI_COMMANDS_H_
#define DYAD_CLI_COMMANDS_H_

#include <CLI/CLI.hpp>

#include "base/status.h"

#include <functional>
#include <string_view>
#include <string>
#include <vector>

namespace dyad::cli {

// Exit codes of every dyad command.
inline constexpr int kExitOk = 0;
inline constexpr int kExitError = 1;       // the command ran and failed (bad data, I/O)
inline constexpr int kExitUsage = 2;       // bad arguments
inline constexpr int kExitPartial = 3;     // done, but some input rows were rejected

struct CommandGroup {
  // `order` sorts groups in --help; `add` adds subcommands to the app.
  CommandGroup(int order, std::function<void(CLI::App&)> add);
};

// Every registered group, in order.
const std::vector<std::pair<int, std::function<void(CLI::App&)>>>& CommandGroups();

// Sets the process exit code from a subcommand callback (CLI11 callbacks return void).
void SetExitCode(int code);
int ExitCode();

// Standard output. A failed write to it is reported once, by main after the command
// ("dyad: cannot write standard output: REASON", exit 1); a command that stops early
// because of it returns kExitError without a message of its own (a full disk printed
// two messages: the command's and main's).
Status WriteStdout(std::string_view bytes);  // IOError on a short write (reason kept for main)
bool StdoutFailed();                         // flushes; true once any write to stdout failed

}  // namespace dyad::cli

#endif  // DYAD_CLI_COMMANDS_H_
