// WritePack: PackData to the five TSV files of docs/formats/packs.md.
#include <fmt/format.h>
#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "base/file.h"
#include "kb/pack.h"
#include "kb/tsv.h"

namespace dyad::kb {
namespace {

std::string OptDate(const std::optional<Date>& d) { return d ? d->ToString() : std::string(); }

void AddRow(std::string* out, const std::vector<std::string>& fields) {
  for (size_t i = 0; i < fields.size(); ++i) {
    if (i > 0) out->push_back('\t');
    out->append(EscapeField(fields[i]));
  }
  out->push_back('\n');
}

std::string SourcesTsv(const PackData& pack) {
  std::string out;
  AddRow(&out, {"id", "title", "author", "publisher", "url", "date", "retrieved", "current_to",
                "licence", "note"});
  for (const Source& s : pack.sources) {
    AddRow(&out, {s.id, s.title, s.author, s.publisher, s.url, OptDate(s.date),
                  OptDate(s.retrieved), OptDate(s.current_to), s.licence, s.note});
  }
  return out;
}

std::string EntitiesTsv(const PackData& pack) {
  std::string out;
  AddRow(&out, {"id", "kind", "subkind", "name", "owner", "host", "record", "sources", "note"});
  for (const Entity& e : pack.entities) {
    AddRow(&out, {e.id, std::string(EntityKindName(e.kind)), e.subkind, e.name, e.owner,
                  e.host, e.record, JoinIds(e.sources), e.note});
  }
  return out;
}

std::string FactsTsv(const PackData& pack) {
  std::string out;
  AddRow(&out, {"subject", "relation", "object", "value", "valid", "qualifiers", "record",
                "sources", "note"});
  for (const Fact& f : pack.facts) {
    AddRow(&out, {f.subject, std::string(RelationName(f.relation)), f.object, f.value,
                  FormatInterval(f.valid, f.undated), FormatQualifiers(f.qualifiers),
                  f.record, JoinIds(f.sources), f.note});
  }
  return out;
}

std::string OccurrencesTsv(const PackData& pack) {
  std::string out;
  AddRow(&out, {"id", "kind", "when", "cameo", "place", "summary", "qualifiers", "record",
                "sources", "note"});
  for (const Occurrence& o : pack.occurrences) {
    AddRow(&out, {o.id, o.kind, FormatInterval(o.when, false), o.cameo, o.place, o.summary,
                  FormatQualifiers(o.qualifiers), o.record, JoinIds(o.sources), o.note});
  }
  return out;
}

std::string ParticipantsTsv(const PackData& pack) {
  std::string out;
  AddRow(&out, {"occurrence", "entity", "role", "sources"});
  for (const Occurrence& o : pack.occurrences) {
    for (const Participant& p : o.participants) {
      AddRow(&out, {o.id, p.entity, p.role, JoinIds(p.sources.empty() ? o.sources : p.sources)});
    }
  }
  return out;
}

}  // namespace

std::string FormatInterval(const Interval& valid, bool undated) {
  if (undated) return "undated";
  if (valid.start() && valid.end() && *valid.start() == *valid.end()) {
    return valid.start()->ToString();  // a single date
  }
  return valid.ToString();
}

std::string FormatQualifiers(const std::vector<Qualifier>& qualifiers) {
  std::string out;
  for (const Qualifier& q : qualifiers) {
    if (!out.empty()) out += "; ";
    out += q.key;
    out += '=';
    for (char c : q.value) {
      if (c == ';' || c == '\\') out.push_back('\\');
      out.push_back(c);
    }
  }
  return out;
}

std::string JoinIds(const std::vector<std::string>& ids) {
  std::string out;
  for (const std::string& id : ids) {
    if (!out.empty()) out += ',';
    out += id;
  }
  return out;
}

namespace {

// A hard link to each existing pack file ("" where none exists yet), so a failed publish
// can put the previous pack back. Named like a temporary file (*.tmp-*).
Result<std::vector<std::string>> LinkPrevious(const std::vector<std::unique_ptr<FileWriter>>& staged) {
  std::vector<std::string> previous;
  for (const auto& w : staged) {
    const std::string link = fmt::format("{}.tmp-prev-{}", w->path(), ::getpid());
    ::unlink(link.c_str());
    if (::link(w->path().c_str(), link.c_str()) == 0) {
      previous.push_back(link);
    } else if (errno == ENOENT) {
      previous.emplace_back();
    } else {
      const int err = errno;
      for (const std::string& p : previous) if (!p.empty()) ::unlink(p.c_str());
      return Status::IOError(fmt::format("cannot keep the previous {}: {}", w->path(), std::strerror(err)));
    }
  }
  return previous;
}

// After the publish of file `failed` went wrong: files 0..failed get their previous
// content back (or are removed when they are new); the other links are dropped.
void RestorePrevious(const std::vector<std::unique_ptr<FileWriter>>& staged,
                     const std::vector<std::string>& previous, size_t failed) {
  for (size_t i = 0; i < staged.size(); ++i) {
    if (i <= failed && !previous[i].empty()) ::rename(previous[i].c_str(), staged[i]->path().c_str());
    else if (i <= failed) ::unlink(staged[i]->path().c_str());
    // rename(2) between two links of one file (a file never replaced) leaves both.
    if (!previous[i].empty()) ::unlink(previous[i].c_str());
  }
}

// The column names of a header line (a leading BOM, the line end and a '\r' removed).
std::vector<std::string> ColumnsOf(std::string_view text) {
  std::string line(text.substr(0, text.find('\n')));
  if (line.starts_with("\xEF\xBB\xBF")) line.erase(0, 3);
  if (line.ends_with('\r')) line.pop_back();
  std::vector<std::string> names;
  for (size_t start = 0;;) {
    size_t tab = line.find('\t', start);
    names.push_back(line.substr(start, tab == std::string::npos ? tab : tab - start));
    if (tab == std::string::npos) return names;
    start = tab + 1;
  }
}

// The first 4 KiB of `path`; empty when it is not a regular file or cannot be read.
std::string HeadOf(const std::string& path) {
  std::error_code ec;
  if (!std::filesystem::is_regular_file(path, ec)) return {};
  std::ifstream in(path, std::ios::binary);
  std::string head(4096, '\0');
  in.read(head.data(), static_cast<std::streamsize>(head.size()));
  head.resize(static_cast<size_t>(in.gcount()));
  return head;
}

bool HasColumn(const std::vector<std::string>& names, std::string_view name) {
  return std::find(names.begin(), names.end(), name) != names.end();
}

// The five files of a pack, each with its text.
std::vector<std::pair<std::string_view, std::string>> PackFiles(const PackData& pack) {
  return {
      {kSourcesFile, SourcesTsv(pack)},
      {kEntitiesFile, EntitiesTsv(pack)},
      {kFactsFile, FactsTsv(pack)},
      {kOccurrencesFile, OccurrencesTsv(pack)},
      {kParticipantsFile, ParticipantsTsv(pack)},
  };
}

// A pack is written only into a new or empty directory or into a pack (a directory holding
// sources.tsv or sources.tsv.gz), and each file it replaces must be a pack file of its kind
// (its header holds the first two columns of the header written), so `--out DIR` or
// `--facts DIR` on a folder of someone's own files never replaces what is not dyad's.
Status CheckPackOwnership(const std::string& dir,
                          const std::vector<std::pair<std::string_view, std::string>>& files) {
  namespace fs = std::filesystem;
  std::error_code ec;
  if (!fs::exists(dir, ec)) return Status::OK();
  if (!fs::is_directory(dir, ec)) return Status::FailedPrecondition(fmt::format("{} is not a directory", dir));
  const bool empty = fs::is_empty(dir, ec);
  const bool pack = fs::exists(fs::path(dir) / kSourcesFile, ec) ||
                    fs::exists(fs::path(dir) / (std::string(kSourcesFile) + ".gz"), ec);
  if (!empty && !pack) {
    return Status::FailedPrecondition(fmt::format(
        "{} is not empty and is not a pack (no {}): not writing a pack into it", dir, kSourcesFile));
  }
  for (const auto& [name, text] : files) {
    const fs::path path = fs::path(dir) / name;
    if (!fs::exists(fs::symlink_status(path, ec))) continue;  // a new file (a dangling link: refused below)
    const std::vector<std::string> want = ColumnsOf(text);  // at least two columns
    const std::string& first = want.at(0);
    const std::string& second = want.at(1);
    const std::vector<std::string> have = ColumnsOf(HeadOf(path.string()));
    if (!HasColumn(have, first) || !HasColumn(have, second)) {
      return Status::FailedPrecondition(fmt::format(
          "{} is not a pack file (a regular file whose header has '{}' and '{}'): not replacing it",
          path.string(), first, second));
    }
  }
  return Status::OK();
}

// Creates and removes a file in `dir` (O_EXCL): whether a pack can be written there, as
// the user running dyad (root passes permission bits; a read-only file system does not).
Status ProbeWritable(const std::string& dir) {
  const std::string probe = fmt::format("{}/.dyad-write-probe-{}", dir, ::getpid());
  int fd = ::open(probe.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
  if (fd < 0) return Status::IOError(fmt::format("cannot write into {}: {}", dir, std::strerror(errno)));
  ::close(fd);
  ::unlink(probe.c_str());
  return Status::OK();
}

// The directory that WritePack would write into or create `dir` under.
std::string NearestExistingDirectory(const std::string& dir) {
  namespace fs = std::filesystem;
  std::error_code ec;
  fs::path p = fs::absolute(dir, ec);
  while (!p.empty() && !fs::exists(p, ec) && p != p.parent_path()) p = p.parent_path();
  return p.empty() ? "." : p.string();
}

}  // namespace

Status CheckPackDestination(const std::string& dir) {
  DYAD_RETURN_IF_ERROR(CheckPackOwnership(dir, PackFiles(PackData{})));
  return ProbeWritable(NearestExistingDirectory(dir));
}

Status WritePack(const PackData& pack, const std::string& dir) {
  const std::vector<std::pair<std::string_view, std::string>> files = PackFiles(pack);
  DYAD_RETURN_IF_ERROR(CheckPackOwnership(dir, files));
  std::error_code ec;
  std::filesystem::create_directories(dir, ec);
  if (ec) return Status::IOError(fmt::format("cannot create {}: {}", dir, ec.message()));
  // Every file is written and fsynced before any is renamed into place, so a failed write
  // (a full disk) leaves the previous pack as it was; a failed rename (or directory fsync)
  // puts back the files already renamed, from hard links taken before the first rename.
  std::vector<std::unique_ptr<FileWriter>> staged;
  for (const auto& [name, text] : files) {
    DYAD_ASSIGN_OR_RETURN(auto w, FileWriter::Create(fmt::format("{}/{}", dir, name)));
    DYAD_RETURN_IF_ERROR(w->Append(text));
    DYAD_RETURN_IF_ERROR(w->Sync());
    staged.push_back(std::move(w));
  }
  DYAD_ASSIGN_OR_RETURN(std::vector<std::string> previous, LinkPrevious(staged));
  for (size_t i = 0; i < staged.size(); ++i) {
    if (Status st = staged[i]->Commit(); !st.ok()) {
      RestorePrevious(staged, previous, i);
      return st;
    }
  }
  for (const std::string& p : previous) {
    if (!p.empty()) ::unlink(p.c_str());
  }
  return Status::OK();
}

}  // namespace dyad::kb
