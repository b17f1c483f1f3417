// Reads data/world/resolver_aliases.tsv (format: docs/formats/resolver_aliases.md).
#include <fmt/format.h>

#include <fstream>

#include "base/line_reader.h"
#include "base/strings.h"
#include "base/paths.h"
#include "base/unicode.h"
#include "world/resolver.h"

namespace dyad::world {
namespace {

constexpr std::string_view kHeader = "alias\tstate\tkind\tlang\tvalid\tsource";

Result<NameKind> ParseNameKind(std::string_view s) {
  if (s == "short") return NameKind::kShort;
  if (s == "official") return NameKind::kOfficial;
  if (s == "common") return NameKind::kCommon;
  if (s == "historical") return NameKind::kHistorical;
  if (s == "demonym") return NameKind::kDemonym;
  if (s == "adjective") return NameKind::kAdjective;
  return Status::InvalidArgument(fmt::format(
      "unknown kind '{}' (short, official, common, historical, demonym, adjective)", s));
}

Result<ResolverAlias> ParseRow(std::string_view line) {
  std::vector<std::string_view> f = SplitTabs(line);
  if (f.size() != 6)
    return Status::InvalidArgument(fmt::format("expected 6 tab-separated fields, got {}", f.size()));
  DYAD_RETURN_IF_ERROR(ValidateUtf8(line));
  ResolverAlias a;
  a.text = std::string(f[0]);
  a.state_key = std::string(f[1]);
  if (a.text.empty() || a.state_key.empty())
    return Status::InvalidArgument("alias and state must not be empty");
  DYAD_ASSIGN_OR_RETURN(a.kind, ParseNameKind(f[2]));
  a.lang = std::string(f[3]);
  if (!f[4].empty()) {
    DYAD_ASSIGN_OR_RETURN(a.valid, Interval::Parse(f[4]));
  }
  a.source = std::string(f[5]);
  if (a.source.empty()) return Status::InvalidArgument("every row needs a source");
  return a;
}

}  // namespace

Result<std::vector<ResolverAlias>> LoadResolverAliases(const std::string& path) {
  DYAD_ASSIGN_OR_RETURN(auto reader, LineReader::Open(path));
  std::vector<ResolverAlias> out;
  std::string_view line;
  bool header = false;
  while (reader->Next(&line)) {
    if (line.empty() || line.front() == '#') continue;
    if (!header) {
      if (line != kHeader) {
        return Status::InvalidArgument(fmt::format("{}:{}: expected header '{}'", path,
                                                   reader->line_number(), kHeader));
      }
      header = true;
      continue;
    }
    Result<ResolverAlias> row = ParseRow(line);
    if (!row.ok()) return row.status().WithPrefix(fmt::format("{}:{}", path, reader->line_number()));
    out.push_back(std::move(row).value());
  }
  DYAD_RETURN_IF_ERROR(reader->status());
  return out;
}

Result<std::unique_ptr<Resolver>> Resolver::LoadDefault(std::shared_ptr<const World> world) {
  const std::string path = DataDir() + "/world/resolver_aliases.tsv";
  std::vector<ResolverAlias> extra;
  if (std::ifstream(path).good()) {
    DYAD_ASSIGN_OR_RETURN(extra, LoadResolverAliases(path));
  }
  return Create(std::move(world), std::move(extra));
}

}  // namespace dyad::world
