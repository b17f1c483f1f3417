// `dyad ingest text`: the event coder feeding the event store (coder_commands.cc).
#ifndef DYAD_CLI_CODER_COMMANDS_H_
#define DYAD_CLI_CODER_COMMANDS_H_

#include <string>
#include <vector>

namespace dyad::cli {

// Codes every file and loads the events into the store at `store`; returns the exit code.
int RunIngestText(const std::vector<std::string>& files, const std::string& store,
                  const std::string& date, bool quiet);

}  // namespace dyad::cli

#endif  // DYAD_CLI_CODER_COMMANDS_H_
