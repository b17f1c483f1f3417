// Runs commands from tests: the built `dyad` binary (its path is DYAD_BINARY, defined by CMake
// for each test target that runs it) or a shell script, capturing what they print.
#ifndef DYAD_TESTS_CLI_RUNNER_H_
#define DYAD_TESTS_CLI_RUNNER_H_

#include <sys/wait.h>

#include <cstdio>
#include <string>

namespace dyad::testing {

struct CmdResult {
  int exit_code = -1;  // -1: the command could not be started or did not exit normally
  std::string output;  // what it printed on the captured streams
};

// Runs `command` with /bin/sh and captures its standard output (add " 2>&1" to the command to
// capture standard error too).
inline CmdResult RunShell(const std::string& command) {
  CmdResult r;
  FILE* p = popen(command.c_str(), "r");
  if (p == nullptr) return r;
  char buf[65536];
  size_t n;
  while ((n = fread(buf, 1, sizeof buf, p)) > 0) r.output.append(buf, n);
  const int status = pclose(p);
  r.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  return r;
}

#ifdef DYAD_BINARY
// The quoted path of the built binary, for command lines.
inline std::string DyadPath() { return "'" + std::string(DYAD_BINARY) + "'"; }

// Runs `dyad ARGS` (ARGS as written on a shell command line), capturing stdout and stderr.
inline CmdResult Dyad(const std::string& args) { return RunShell(DyadPath() + " " + args + " 2>&1"); }

// Runs `dyad ARGS`, capturing stdout only (stderr is discarded).
inline CmdResult DyadStdout(const std::string& args) {
  return RunShell(DyadPath() + " " + args + " 2>/dev/null");
}

// Runs `sh -c SCRIPT` with $DYAD set to the binary, capturing stdout and stderr.
inline CmdResult Sh(const std::string& script) {
  return RunShell("DYAD=" + DyadPath() + "; " + script + " 2>&1");
}
#endif

}  // namespace dyad::testing

#endif  // DYAD_TESTS_CLI_RUNNER_H_
