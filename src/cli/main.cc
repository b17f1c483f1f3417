// The `dyad` command: one subcommand group per module (see commands.h).
#include <fmt/format.h>

#include <algorithm>
#include <charconv>
#include <cstdint>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <exception>
#include <string>
#include <string_view>

#include "base/unicode.h"

#include "cli/commands.h"

namespace dyad::cli {
namespace {

std::vector<std::pair<int, std::function<void(CLI::App&)>>>& MutableGroups() {
  static auto* groups = new std::vector<std::pair<int, std::function<void(CLI::App&)>>>();
  return *groups;
}

int g_exit_code = kExitOk;
int g_stdout_errno = 0;  // the reason of the first failed write to standard output

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

Status WriteStdout(std::string_view bytes) {
  if (std::fwrite(bytes.data(), 1, bytes.size(), stdout) == bytes.size()) return Status::OK();
  if (g_stdout_errno == 0) g_stdout_errno = errno != 0 ? errno : EIO;
  return Status::IOError("cannot write standard output");
}

bool StdoutFailed() {
  if (std::fflush(stdout) != 0 && g_stdout_errno == 0) g_stdout_errno = errno != 0 ? errno : EIO;
  if (std::ferror(stdout) && g_stdout_errno == 0) g_stdout_errno = EIO;
  return g_stdout_errno != 0;
}

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

// Every integer option reads plain decimal only: CLI11 2.1 converts with strtoull/strtoll in
// base 0, so `--limit -1` became 18446744073709551615, `--limit 99999999999999999999`
// (out of range) the largest value, and `--limit 010` eight. A sign on an unsigned option,
// a value beyond 64 bits, hex and octal are usage errors; leading zeros are decimal.
std::string PlainDecimal(std::string& text, bool is_signed) {
  std::string_view digits = text;
  const bool negative = is_signed && digits.starts_with('-');
  if (negative) digits.remove_prefix(1);
  if (digits.empty() || !std::all_of(digits.begin(), digits.end(), [](char c) { return c >= '0' && c <= '9'; })) {
    return fmt::format("'{}' is not a whole number{}", text, is_signed ? "" : " of 0 or more");
  }
  uint64_t value = 0;
  auto [end, ec] = std::from_chars(digits.data(), digits.data() + digits.size(), value);
  if (ec != std::errc() || end != digits.data() + digits.size() ||
      (is_signed && value > (negative ? uint64_t{1} << 63 : (uint64_t{1} << 63) - 1))) {
    return fmt::format("{} is out of range", text);
  }
  text = (negative && value != 0 ? "-" : "") + std::to_string(value);  // no octal reading of "010"
  return "";
}

void RequirePlainIntegers(CLI::App* app) {
  for (CLI::Option* opt : app->get_options()) {
    const std::string type = opt->get_type_name();
    const bool is_unsigned = type.starts_with("UINT");
    if (!is_unsigned && !type.starts_with("INT")) continue;
    opt->transform(CLI::Validator([is_unsigned](std::string& t) { return PlainDecimal(t, !is_unsigned); }, ""));
  }
  for (CLI::App* sub : app->get_subcommands([](CLI::App*) { return true; })) RequirePlainIntegers(sub);
}

// Every command's output is flushed and checked here: a full disk or closed pipe on
// standard output is a failure (exit 1), never a silent success.
int FinishStdout(int rc) {
  if (dyad::cli::StdoutFailed()) {
    std::fprintf(stderr, "dyad: cannot write standard output: %s\n", std::strerror(dyad::cli::g_stdout_errno));
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
  RequirePlainIntegers(&app);
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
