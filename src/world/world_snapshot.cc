// The world snapshot (world/world_snapshot.h, docs/formats/world-snapshot.md).
#include "world/world_snapshot.h"

#include <sys/stat.h>

#include <fmt/format.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <unordered_map>

#include "base/binary_codec.h"
#include "base/file.h"
#include "base/mapped_file.h"
#include "base/paths.h"
#include "world/loader_id.h"  // generated: DYAD_WORLD_LOADER_ID, a hash of the loader's sources
#include "world/world_builder.h"

namespace dyad::world {
namespace {

constexpr char kMagic[8] = {'D', 'Y', 'A', 'D', 'W', 'L', 'D', '1'};
constexpr uint32_t kVersion = 1;
constexpr size_t kHeaderSize = 8 + 4 + 4 + 8 + 8;

// ---- input stamps -------------------------------------------------------------------------

struct FileStamp {
  std::string path;
  uint64_t size = 0;
  int64_t mtime_ns = 0;
  friend bool operator==(const FileStamp&, const FileStamp&) = default;
};

// Appends `path`'s stamp when it is a regular file (a missing input is simply absent, so
// its later appearance changes the list).
void StampFile(const std::string& path, std::vector<FileStamp>* out) {
  struct stat st {};
  if (::stat(path.c_str(), &st) != 0 || !S_ISREG(st.st_mode)) return;
  out->push_back({path, static_cast<uint64_t>(st.st_size),
                  static_cast<int64_t>(st.st_mtim.tv_sec) * 1000000000 + st.st_mtim.tv_nsec});
}

// Every regular file in `dir` whose name ends in `ext` ("" = every file), by path.
void StampDir(const std::string& dir, std::string_view ext, std::vector<FileStamp>* out) {
  std::vector<std::string> paths;
  std::error_code ec;
  for (const auto& entry : std::filesystem::directory_iterator(dir, ec)) {
    std::string p = entry.path().string();
    if (ext.empty() || std::string_view(p).ends_with(ext)) paths.push_back(std::move(p));
  }
  std::sort(paths.begin(), paths.end());
  for (const std::string& p : paths) StampFile(p, out);
}

// What World::Load reads (world/world_loader_internal.h), in a fixed order.
std::vector<FileStamp> InputStamps(const WorldSources& s) {
  std::vector<FileStamp> out;
  StampFile(s.iso_codes_dir + "/iso_3166-1.json", &out);
  StampFile(s.iso_codes_dir + "/iso_3166-3.json", &out);
  StampFile(s.node_modules_dir + "/world-countries/countries.json", &out);
  StampDir(s.node_modules_dir + "/i18n-iso-countries/langs", ".json", &out);
  StampDir(s.tables_dir, "", &out);
  return out;
}

// ---- encoding -----------------------------------------------------------------------------

// The distinct source strings, numbered in order of first use.
class SourceTable {
 public:
  uint32_t Id(const std::string& s) {
    auto [it, added] = ids_.try_emplace(s, static_cast<uint32_t>(list_.size()));
    if (added) list_.push_back(s);
    return it->second;
  }
  const std::vector<std::string>& list() const { return list_; }

 private:
  std::unordered_map<std::string, uint32_t> ids_;
  std::vector<std::string> list_;
};

void PutCodes(ByteWriter& o, SourceTable& t, const std::vector<CodeSpell>& codes) {
  o.Int<uint32_t>(static_cast<uint32_t>(codes.size()));
  for (const CodeSpell& c : codes) {
    o.Int<uint8_t>(static_cast<uint8_t>(c.scheme));
    o.Str(c.code);
    o.Span(c.valid);
    o.Int<uint32_t>(t.Id(c.source));
  }
}

void PutNames(ByteWriter& o, SourceTable& t, const std::vector<Name>& names) {
  o.Int<uint32_t>(static_cast<uint32_t>(names.size()));
  for (const Name& n : names) {
    o.Str(n.text);
    o.Str(n.lang);
    o.Int<uint8_t>(static_cast<uint8_t>(n.kind));
    o.Span(n.valid);
    o.Int<uint32_t>(t.Id(n.source));
  }
}

void PutSpellsAndLinks(ByteWriter& o, SourceTable& t, const State& s) {
  o.Int<uint32_t>(static_cast<uint32_t>(s.spells.size()));
  for (const SystemSpell& sp : s.spells) {
    o.Str(sp.system);
    o.Span(sp.valid);
    o.Int<uint32_t>(t.Id(sp.source));
  }
  o.Int<uint32_t>(static_cast<uint32_t>(s.links.size()));
  for (const Link& l : s.links) {
    o.Int<uint8_t>(static_cast<uint8_t>(l.kind));
    o.Str(l.other);
    o.OptDate(l.date);
    o.Str(l.note);
    o.Int<uint32_t>(t.Id(l.source));
  }
}

void PutState(ByteWriter& o, SourceTable& t, const State& s) {
  for (const std::string* f : {&s.key, &s.name, &s.official_name}) o.Str(*f);
  o.Int<uint8_t>(static_cast<uint8_t>(s.kind));
  o.Span(s.existence);
  o.Str(s.capital);
  for (const std::optional<double>* v : {&s.capital_lat, &s.capital_lon, &s.lat, &s.lon}) o.OptDouble(*v);
  o.Strs(s.borders);
  o.Str(s.region);
  o.Str(s.subregion);
  o.Int<uint8_t>(s.un_member);
  PutCodes(o, t, s.codes);
  PutNames(o, t, s.names);
  PutSpellsAndLinks(o, t, s);
  o.Int<uint32_t>(static_cast<uint32_t>(s.sources.size()));
  for (const std::string& src : s.sources) o.Int<uint32_t>(t.Id(src));
}

std::string EncodeBody(const World& world, const WorldSources& sources) {
  ByteWriter states;
  SourceTable table;
  states.Int<uint32_t>(static_cast<uint32_t>(world.states().size()));
  for (const State& s : world.states()) PutState(states, table, s);
  ByteWriter o;
  o.Str(DYAD_WORLD_LOADER_ID);
  for (const std::string* d : {&sources.iso_codes_dir, &sources.node_modules_dir, &sources.tables_dir}) o.Str(*d);
  const std::vector<FileStamp> stamps = InputStamps(sources);
  o.Int<uint32_t>(static_cast<uint32_t>(stamps.size()));
  for (const FileStamp& f : stamps) {
    o.Str(f.path);
    o.Int<uint64_t>(f.size);
    o.Int<int64_t>(f.mtime_ns);
  }
  o.Strs(table.list());
  o.buf() += states.buf();
  return std::move(o.buf());
}

// ---- decoding -----------------------------------------------------------------------------

// Reads the state records of a body whose header part was checked.
class StateReader {
 public:
  StateReader(ByteReader& in, std::vector<std::string> sources) : in_(in), sources_(std::move(sources)) {}

  State Read() {
    State s;
    for (std::string* f : {&s.key, &s.name, &s.official_name}) *f = in_.Str();
    s.kind = Enum<StateKind>(2);
    s.existence = in_.Span();
    s.capital = in_.Str();
    for (std::optional<double>* v : {&s.capital_lat, &s.capital_lon, &s.lat, &s.lon}) *v = in_.OptDouble();
    s.borders = in_.Strs();
    s.region = in_.Str();
    s.subregion = in_.Str();
    s.un_member = in_.Int<uint8_t>() != 0;
    ReadCodes(s);
    ReadNames(s);
    ReadSpellsAndLinks(s);
    s.sources.resize(in_.Count());
    for (std::string& src : s.sources) src = Source();
    return s;
  }

 private:
  // An enumerator stored as u8, at most `max`; a larger value fails the reader.
  template <typename E>
  E Enum(int max) {
    const int v = in_.Int<uint8_t>();
    if (v > max) in_.Fail();
    return static_cast<E>(v);
  }
  const std::string& Source() {
    const uint32_t i = in_.Int<uint32_t>();
    if (i < sources_.size()) return sources_[i];
    in_.Fail();
    return kNone;
  }
  void ReadCodes(State& s) {
    s.codes.resize(in_.Count());
    for (CodeSpell& c : s.codes) {
      c.scheme = Enum<Scheme>(kSchemeCount - 1);
      c.code = in_.Str();
      c.valid = in_.Span();
      c.source = Source();
    }
  }
  void ReadNames(State& s) {
    s.names.resize(in_.Count());
    for (Name& n : s.names) {
      n.text = in_.Str();
      n.lang = in_.Str();
      n.kind = Enum<NameKind>(static_cast<int>(NameKind::kAdjective));
      n.valid = in_.Span();
      n.source = Source();
    }
  }
  void ReadSpellsAndLinks(State& s) {
    s.spells.resize(in_.Count());
    for (SystemSpell& sp : s.spells) {
      sp.system = in_.Str();
      sp.valid = in_.Span();
      sp.source = Source();
    }
    s.links.resize(in_.Count());
    for (Link& l : s.links) {
      l.kind = Enum<LinkKind>(static_cast<int>(LinkKind::kSuccessor));
      l.other = in_.Str();
      l.date = in_.OptDate();
      l.note = in_.Str();
      l.source = Source();
    }
  }

  static inline const std::string kNone;
  ByteReader& in_;
  std::vector<std::string> sources_;
};

// The body's provenance: the loader, the sources and every input's stamp as recorded;
// FailedPrecondition when any differs from now.
Status CheckProvenance(ByteReader& in, const WorldSources& sources, const std::string& path) {
  if (in.View() != DYAD_WORLD_LOADER_ID)
    return Status::FailedPrecondition(path + ": stale (written by another version of the world loader)");
  for (const std::string* d : {&sources.iso_codes_dir, &sources.node_modules_dir, &sources.tables_dir})
    if (in.View() != *d) return Status::FailedPrecondition(path + ": stale (written from other sources)");
  std::vector<FileStamp> recorded(in.Count());
  for (FileStamp& f : recorded) f = {in.Str(), in.Int<uint64_t>(), in.Int<int64_t>()};
  if (!in.ok()) return Status::Corruption(path + ": truncated");
  if (recorded != InputStamps(sources)) return Status::FailedPrecondition(path + ": stale (an input file changed)");
  return Status::OK();
}

Result<std::string_view> CheckedBody(std::string_view file, const std::string& path) {
  if (file.size() < kHeaderSize || file.substr(0, 8) != std::string_view(kMagic, 8))
    return Status::Corruption(path + ": not a dyad world snapshot (bad magic)");
  ByteReader h(file.substr(8, kHeaderSize - 8));
  if (const uint32_t v = h.Int<uint32_t>(); v != kVersion)
    return Status::Corruption(fmt::format("{}: world snapshot version {} (this dyad reads {})", path, v, kVersion));
  h.Int<uint32_t>();
  const uint64_t length = h.Int<uint64_t>(), sum = h.Int<uint64_t>();
  if (length != file.size() - kHeaderSize) return Status::Corruption(path + ": truncated (length mismatch)");
  std::string_view body = file.substr(kHeaderSize);
  if (Checksum64(body) != sum) return Status::Corruption(path + ": checksum mismatch");
  return body;
}

Result<std::shared_ptr<const World>> DecodeStates(ByteReader& in, const std::string& path) {
  StateReader reader(in, in.Strs());
  WorldBuilder builder;
  const uint32_t n = in.Count();
  builder.states().reserve(n);
  for (uint32_t i = 0; i < n && in.ok(); ++i) builder.Add(reader.Read());
  if (!in.ok() || !in.at_end()) return Status::Corruption(path + ": damaged state records");
  return builder.Build();
}

}  // namespace

std::string DefaultWorldSnapshotPath() {
  if (const char* c = std::getenv("DYAD_CACHE"); c != nullptr && *c != '\0') return std::string(c) + "/world.snapshot";
  return DataDir() + "/kb-packs/compiled/world.snapshot";
}

Status WriteWorldSnapshot(const World& world, const WorldSources& sources, const std::string& path) {
  const std::string body = EncodeBody(world, sources);
  ByteWriter h;
  h.buf().append(kMagic, sizeof(kMagic));
  h.Int<uint32_t>(kVersion);
  h.Int<uint32_t>(0);
  h.Int<uint64_t>(body.size());
  h.Int<uint64_t>(Checksum64(body));
  std::error_code ec;
  std::filesystem::create_directories(std::filesystem::path(path).parent_path(), ec);
  return WriteFileAtomic(path, h.buf() + body);
}

Result<std::shared_ptr<const World>> ReadWorldSnapshot(const WorldSources& sources, const std::string& path) {
  DYAD_ASSIGN_OR_RETURN(std::unique_ptr<MappedFile> file, MappedFile::Open(path));
  DYAD_ASSIGN_OR_RETURN(std::string_view body, CheckedBody(file->bytes(), path));
  ByteReader in(body);
  DYAD_RETURN_IF_ERROR(CheckProvenance(in, sources, path));
  return DecodeStates(in, path);
}

Result<std::shared_ptr<const World>> LoadWorldCached(const WorldSources& sources, const std::string& path) {
  Result<std::shared_ptr<const World>> cached = ReadWorldSnapshot(sources, path);
  if (cached.ok()) return cached;
  DYAD_ASSIGN_OR_RETURN(std::shared_ptr<const World> world, World::Load(sources));
  (void)WriteWorldSnapshot(*world, sources, path);  // best effort: a read-only tree still works
  return world;
}

}  // namespace dyad::world
