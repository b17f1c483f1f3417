// The compiled knowledge-base snapshot (kb/snapshot.h, docs/formats/kb-snapshot.md).
#include "kb/snapshot.h"

#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <cstring>
#include <filesystem>
#include <map>
#include <set>
#include <unordered_map>
#include <unordered_set>

#include "base/binary_codec.h"
#include "base/file.h"
#include "base/paths.h"
#include "kb/knowledge_base.h"

namespace dyad::kb {
namespace {

constexpr char kMagic[8] = {'D', 'Y', 'A', 'D', 'K', 'B', 'S', '1'};
constexpr uint32_t kVersion = 3;
constexpr size_t kHeaderSize = 8 + 4 + 4 + 8 + 8 + 8;

// The byte vocabulary is base/binary_codec.h's.
using Out = ByteWriter;
using In = ByteReader;

void PutOrigin(Out& o, const Origin& origin) {
  o.Str(origin.file);
  o.Int<uint64_t>(origin.line);
}
// Rows of a chunk come mostly from one file: the last name interned is kept (per thread,
// as extracts may run on several).
std::string_view InternedFile(std::string_view name) {
  thread_local std::string last_name;
  thread_local std::string_view last_interned;
  if (last_interned.data() == nullptr || name != last_name) {
    last_interned = InternFileName(name);
    last_name.assign(name);
  }
  return last_interned;
}

Origin GetOrigin(In& in) {
  Origin origin;
  origin.file = InternedFile(in.View());
  origin.line = in.Int<uint64_t>();
  return origin;
}

void PutSource(Out& o, const Source& s) {
  for (const std::string* f : {&s.id, &s.title, &s.author, &s.publisher, &s.url, &s.licence, &s.note}) o.Str(*f);
  o.OptDate(s.date);
  o.OptDate(s.retrieved);
  o.OptDate(s.current_to);
  PutOrigin(o, s.origin);
}
Source GetSource(In& in) {
  Source s;
  for (std::string* f : {&s.id, &s.title, &s.author, &s.publisher, &s.url, &s.licence, &s.note}) *f = in.Str();
  s.date = in.OptDate();
  s.retrieved = in.OptDate();
  s.current_to = in.OptDate();
  s.origin = GetOrigin(in);
  return s;
}

void PutEntity(Out& o, const Entity& e) {
  o.Str(e.id);
  o.Int<uint8_t>(static_cast<uint8_t>(e.kind));
  for (const std::string* f : {&e.subkind, &e.name, &e.owner, &e.host, &e.record, &e.note}) o.Str(*f);
  o.Strs(e.sources);
  PutOrigin(o, e.origin);
}
Entity GetEntity(In& in) {
  Entity e;
  e.id = in.Str();
  e.kind = static_cast<EntityKind>(in.Int<uint8_t>());
  for (std::string* f : {&e.subkind, &e.name, &e.owner, &e.host, &e.record, &e.note}) *f = in.Str();
  e.sources = in.Strs();
  e.origin = GetOrigin(in);
  return e;
}

void PutQualifiers(Out& o, const std::vector<Qualifier>& qualifiers);
std::vector<Qualifier> GetQualifiers(In& in);

void PutFact(Out& o, const Fact& f) {
  o.Str(f.subject);
  o.Int<uint8_t>(static_cast<uint8_t>(f.relation));
  o.Str(f.object);
  o.Str(f.value);
  o.OptDate(f.valid.start());
  o.OptDate(f.valid.end());
  o.Int<uint8_t>(f.undated);
  PutQualifiers(o, f.qualifiers);
  o.Str(f.record);
  o.Strs(f.sources);
  o.Str(f.note);
  PutOrigin(o, f.origin);
}
Fact GetFact(In& in) {
  Fact f;
  f.subject = in.Str();
  f.relation = static_cast<Relation>(in.Int<uint8_t>());
  f.object = in.Str();
  f.value = in.Str();
  std::optional<Date> start = in.OptDate(), end = in.OptDate();
  Result<Interval> valid = Interval::Make(start, end);
  if (valid.ok()) f.valid = *valid;
  f.undated = in.Int<uint8_t>() != 0;
  f.qualifiers = GetQualifiers(in);
  f.record = in.Str();
  f.sources = in.Strs();
  f.note = in.Str();
  f.origin = GetOrigin(in);
  return f;
}

void PutQualifiers(Out& o, const std::vector<Qualifier>& qualifiers) {
  o.Int<uint32_t>(static_cast<uint32_t>(qualifiers.size()));
  for (const Qualifier& q : qualifiers) {
    o.Str(q.key);
    o.Str(q.value);
  }
}
std::vector<Qualifier> GetQualifiers(In& in) {
  std::vector<Qualifier> qualifiers(in.Count());
  for (Qualifier& q : qualifiers) {
    q.key = in.Str();
    q.value = in.Str();
  }
  return qualifiers;
}

void PutParticipant(Out& o, const Participant& p) {
  o.Str(p.entity);
  o.Str(p.role);
  o.Strs(p.sources);
  PutOrigin(o, p.origin);
}
Participant GetParticipant(In& in) {
  Participant p;
  p.entity = in.Str();
  p.role = in.Str();
  p.sources = in.Strs();
  p.origin = GetOrigin(in);
  return p;
}

void PutOccurrence(Out& o, const Occurrence& c) {
  for (const std::string* f : {&c.id, &c.kind}) o.Str(*f);
  o.OptDate(c.when.start());
  o.OptDate(c.when.end());
  for (const std::string* f : {&c.cameo, &c.place, &c.summary}) o.Str(*f);
  o.Int<uint32_t>(static_cast<uint32_t>(c.participants.size()));
  for (const Participant& p : c.participants) PutParticipant(o, p);
  PutQualifiers(o, c.qualifiers);
  o.Str(c.record);
  o.Strs(c.sources);
  o.Str(c.note);
  PutOrigin(o, c.origin);
}
Occurrence GetOccurrence(In& in) {
  Occurrence c;
  for (std::string* f : {&c.id, &c.kind}) *f = in.Str();
  std::optional<Date> start = in.OptDate(), end = in.OptDate();
  Result<Interval> when = Interval::Make(start, end);
  if (when.ok()) c.when = *when;
  for (std::string* f : {&c.cameo, &c.place, &c.summary}) *f = in.Str();
  c.participants.resize(in.Count());
  for (Participant& p : c.participants) p = GetParticipant(in);
  c.qualifiers = GetQualifiers(in);
  c.record = in.Str();
  c.sources = in.Strs();
  c.note = in.Str();
  c.origin = GetOrigin(in);
  return c;
}

// ---- which states a fact concerns ---------------------------------------------------------

using States = std::set<std::string>;

void AddState(const std::string& id, States* out) {
  if (!id.empty() && IsStateRef(id)) out->insert(id);
}

// The states an entity stands for: its owner and host, the states its owner stands for (an
// office of a bureau of the Department of State stands for the United States), and the
// states a mission is also accredited to.
std::unordered_map<std::string, States> EntityStates(const KnowledgeBase& kb) {
  std::unordered_map<std::string, States> out;
  for (const auto& [id, e] : kb.entities()) {
    AddState(e.owner, &out[id]);
    AddState(e.host, &out[id]);
  }
  for (const auto& [id, e] : kb.entities()) {
    std::set<std::string> seen{id};
    for (const Entity* o = kb.FindEntity(e.owner); o != nullptr && seen.insert(o->id).second; o = kb.FindEntity(o->owner)) {
      AddState(o->owner, &out[id]);
      AddState(o->host, &out[id]);
    }
  }
  for (const Fact& f : kb.facts())
    if (f.relation == Relation::kAccreditedTo) AddState(f.object, &out[f.subject]);
  return out;
}

States FactStates(const Fact& f, const std::unordered_map<std::string, States>& of_entity) {
  States s;
  AddState(f.subject, &s);
  AddState(f.object, &s);
  for (const std::string* id : {&f.subject, &f.object})
    if (auto it = of_entity.find(*id); it != of_entity.end()) s.insert(it->second.begin(), it->second.end());
  return s;
}

// One pack's part of a state's chunk.
struct Part {
  std::set<std::string> entities;
  std::vector<uint32_t> facts;
  std::vector<uint32_t> occurrences;
};
using Chunks = std::map<std::string, std::map<uint32_t, Part>>;  // state -> pack -> part

void AddEntity(const std::string& id, const KnowledgeBase& kb, Part* part) {
  if (!id.empty() && !IsStateRef(id) && kb.FindEntity(id) != nullptr) part->entities.insert(id);
}

void AddReferenced(const Fact& f, const KnowledgeBase& kb, Part* part) {
  for (const std::string* id : {&f.subject, &f.object}) AddEntity(*id, kb, part);
}

// The states an occurrence concerns: its place and participants (each a state or an entity
// standing for states), and the entities it names.
States OccurrenceStates(const Occurrence& o, const std::unordered_map<std::string, States>& of_entity) {
  States s;
  AddState(o.place, &s);
  for (const Participant& p : o.participants) {
    AddState(p.entity, &s);
    if (auto it = of_entity.find(p.entity); it != of_entity.end()) s.insert(it->second.begin(), it->second.end());
  }
  return s;
}

void AddReferenced(const Occurrence& o, const KnowledgeBase& kb, Part* part) {
  AddEntity(o.place, kb, part);
  for (const Participant& p : o.participants) AddEntity(p.entity, kb, part);
}

// An entity's owner must be loaded with it (the loader checks it): adds the owners of every
// entity of the part, and theirs.
void AddOwners(const KnowledgeBase& kb, Part* part) {
  std::vector<std::string> todo(part->entities.begin(), part->entities.end());
  while (!todo.empty()) {
    const Entity* e = kb.FindEntity(todo.back());
    todo.pop_back();
    if (e == nullptr || e->owner.empty() || IsStateRef(e->owner) || kb.FindEntity(e->owner) == nullptr) continue;
    if (part->entities.insert(e->owner).second) todo.push_back(e->owner);
  }
}

void AssignPack(uint32_t pack, const KnowledgeBase& kb, Chunks* chunks) {
  auto of_entity = EntityStates(kb);
  for (const auto& [id, states] : of_entity)
    for (const std::string& s : states) (*chunks)[s][pack].entities.insert(id);
  for (uint32_t i = 0; i < kb.facts().size(); ++i) {
    const Fact& f = kb.facts()[i];
    for (const std::string& s : FactStates(f, of_entity)) {
      Part& part = (*chunks)[s][pack];
      part.facts.push_back(i);
      AddReferenced(f, kb, &part);
    }
  }
  for (uint32_t i = 0; i < kb.occurrences().size(); ++i) {
    const Occurrence& o = kb.occurrences()[i];
    for (const std::string& s : OccurrenceStates(o, of_entity)) {
      Part& part = (*chunks)[s][pack];
      part.occurrences.push_back(i);
      AddReferenced(o, kb, &part);
    }
  }
}

// The kb lists a fact under each pair of its states only when it touches at most this many
// (KnowledgeBase's kMaxDyadStates): a party to a larger multilateral treaty is not a pair fact.
constexpr size_t kPairwiseStates = 8;
constexpr std::string_view kWitnessPrefix = "#parties:";

// Every treaty gets a witness chunk: the party_to facts of all its parties (of
// kPairwiseStates + 1 of them when it has more) and the treaty's own facts (signed, in
// force, terminated), added to every extract that names the treaty, so that an extract of
// two states answers about it as the text packs do (a small treaty with all its parties, a
// large one not as a fact of the pair).
void AddWitnesses(uint32_t pack, const KnowledgeBase& kb, Chunks* chunks) {
  for (const auto& [id, e] : kb.entities()) {
    if (e.kind != EntityKind::kAgreement) continue;
    std::vector<const Fact*> parties = kb.FactsAbout(id, Relation::kPartyTo);
    std::set<std::string> subjects;
    std::vector<uint32_t> chosen;
    for (const Fact* f : parties)
      if (subjects.size() <= kPairwiseStates && subjects.insert(f->subject).second)
        chosen.push_back(static_cast<uint32_t>(f - kb.facts().data()));
    for (int r = 0; r < kRelationCount; ++r)  // the treaty's own facts: signed, in force, ended
      for (const Fact* f : kb.FactsOf(id, static_cast<Relation>(r))) chosen.push_back(static_cast<uint32_t>(f - kb.facts().data()));
    if (!chosen.empty()) (*chunks)[std::string(kWitnessPrefix) + id][pack].facts = chosen;
  }
}

// Every entity a chunk names comes with its owners, and with its definition in every pack
// that defines it (the knowledge base keeps the first pack's name for an id several packs
// define, as org:un is "United Nations" in kgz-usa and "UN" in the Factbook pack).
void CloseOverOwners(const std::vector<std::unique_ptr<KnowledgeBase>>& kbs, Chunks* chunks) {
  for (auto& [state, parts] : *chunks) {
    for (auto& [pack, part] : parts) AddOwners(*kbs[pack], &part);
    std::set<std::string> named;
    for (const auto& [pack, part] : parts) named.insert(part.entities.begin(), part.entities.end());
    for (uint32_t p = 0; p < kbs.size(); ++p)
      for (const std::string& id : named)
        if (kbs[p]->FindEntity(id) != nullptr) parts[p].entities.insert(id);
    for (auto& [pack, part] : parts) AddOwners(*kbs[pack], &part);
  }
}

std::string EncodeChunk(const std::map<uint32_t, Part>& parts, const std::vector<std::unique_ptr<KnowledgeBase>>& kbs) {
  Out o;
  o.Int<uint32_t>(static_cast<uint32_t>(parts.size()));
  for (const auto& [pack, part] : parts) {
    const KnowledgeBase& kb = *kbs[pack];
    o.Int<uint32_t>(pack);
    o.Int<uint32_t>(static_cast<uint32_t>(part.entities.size()));
    for (const std::string& id : part.entities) PutEntity(o, *kb.FindEntity(id));
    o.Int<uint32_t>(static_cast<uint32_t>(part.facts.size()));
    for (uint32_t i : part.facts) {
      o.Int<uint32_t>(i);
      PutFact(o, kb.facts()[i]);
    }
    o.Int<uint32_t>(static_cast<uint32_t>(part.occurrences.size()));
    for (uint32_t i : part.occurrences) {
      o.Int<uint32_t>(i);
      PutOccurrence(o, kb.occurrences()[i]);
    }
  }
  return std::move(o.buf());
}

// ---- pack files and their stamps ----------------------------------------------------------

struct FileStamp {
  std::string path;
  uint64_t size = 0;
  int64_t mtime_ns = 0;
};

std::vector<FileStamp> StampsOf(const std::string& dir) {
  std::vector<FileStamp> out;
  std::error_code ec;
  for (const auto& entry : std::filesystem::directory_iterator(dir, ec)) {
    struct stat st {};
    if (!entry.is_regular_file(ec) || ::stat(entry.path().c_str(), &st) != 0) continue;
    out.push_back({entry.path().string(), static_cast<uint64_t>(st.st_size),
                   static_cast<int64_t>(st.st_mtim.tv_sec) * 1000000000 + st.st_mtim.tv_nsec});
  }
  std::sort(out.begin(), out.end(), [](const FileStamp& a, const FileStamp& b) { return a.path < b.path; });
  return out;
}

Result<std::vector<std::unique_ptr<KnowledgeBase>>> ValidatedPacks(const world::World& world,
                                                                    const std::vector<std::string>& dirs,
                                                                    LoadReport* report) {
  std::vector<std::unique_ptr<KnowledgeBase>> kbs;
  for (const std::string& dir : dirs) {
    DYAD_ASSIGN_OR_RETURN(auto kb, KnowledgeBase::Load(world, {dir}, report));
    kbs.push_back(std::move(kb));
  }
  return kbs;
}

std::string PackName(const std::string& dir) { return std::filesystem::path(dir).filename().string(); }

// The directory: stamps, packs with their sources, and the chunks' positions.
std::string EncodeDirectory(const std::vector<std::string>& dirs, const std::vector<std::unique_ptr<KnowledgeBase>>& kbs,
                            const std::vector<std::pair<std::string, std::array<uint64_t, 3>>>& chunks) {
  Out o;
  o.Int<uint32_t>(static_cast<uint32_t>(dirs.size()));
  for (size_t i = 0; i < dirs.size(); ++i) {
    o.Str(PackName(dirs[i]));
    o.Str(dirs[i]);
    std::vector<FileStamp> stamps = StampsOf(dirs[i]);
    o.Int<uint32_t>(static_cast<uint32_t>(stamps.size()));
    for (const FileStamp& s : stamps) {
      o.Str(s.path);
      o.Int<uint64_t>(s.size);
      o.Int<int64_t>(s.mtime_ns);
    }
    o.Int<uint32_t>(static_cast<uint32_t>(kbs[i]->sources().size()));
    for (const auto& [id, s] : kbs[i]->sources()) PutSource(o, s);
  }
  o.Int<uint32_t>(static_cast<uint32_t>(chunks.size()));
  for (const auto& [state, pos] : chunks) {
    o.Str(state);
    for (uint64_t v : pos) o.Int<uint64_t>(v);
  }
  return std::move(o.buf());
}

void PutHeader(std::string& file, uint64_t dir_offset, const std::string& directory) {
  Out h;
  h.buf().append(kMagic, sizeof(kMagic));
  h.Int<uint32_t>(kVersion);
  h.Int<uint32_t>(0);
  h.Int<uint64_t>(dir_offset);
  h.Int<uint64_t>(directory.size());
  h.Int<uint64_t>(Checksum64(directory));
  std::memcpy(file.data(), h.buf().data(), kHeaderSize);
}

}  // namespace

// ---- Snapshot -----------------------------------------------------------------------------

Snapshot::~Snapshot() {
  if (data_ != nullptr) ::munmap(const_cast<char*>(data_), size_);
}

Status Snapshot::Compile(const world::World& world, const std::vector<std::string>& dirs, const std::string& path,
                         LoadReport* report) {
  DYAD_ASSIGN_OR_RETURN(auto kbs, ValidatedPacks(world, dirs, report));
  Chunks chunks;
  for (uint32_t p = 0; p < kbs.size(); ++p) {
    AssignPack(p, *kbs[p], &chunks);
    AddWitnesses(p, *kbs[p], &chunks);
  }
  CloseOverOwners(kbs, &chunks);
  std::string file(kHeaderSize, '\0');
  std::vector<std::pair<std::string, std::array<uint64_t, 3>>> positions;
  for (const auto& [state, parts] : chunks) {
    std::string bytes = EncodeChunk(parts, kbs);
    positions.push_back({state, {file.size(), bytes.size(), Checksum64(bytes)}});
    file += bytes;
  }
  std::string directory = EncodeDirectory(dirs, kbs, positions);
  PutHeader(file, file.size(), directory);
  file += directory;
  std::error_code ec;
  std::filesystem::create_directories(std::filesystem::path(path).parent_path(), ec);
  return WriteFileAtomic(path, file);
}

Result<std::unique_ptr<Snapshot>> Snapshot::Open(const std::string& path) {
  int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) return Status::NotFound(fmt::format("{}: cannot open: {}", path, std::strerror(errno)));
  struct stat st {};
  if (::fstat(fd, &st) != 0 || !S_ISREG(st.st_mode) || static_cast<size_t>(st.st_size) < kHeaderSize) {
    ::close(fd);
    return Status::Corruption(fmt::format("{}: not a knowledge-base snapshot (too short or not a file)", path));
  }
  void* map = ::mmap(nullptr, static_cast<size_t>(st.st_size), PROT_READ, MAP_PRIVATE, fd, 0);
  ::close(fd);
  if (map == MAP_FAILED) return Status::Internal(fmt::format("{}: mmap failed: {}", path, std::strerror(errno)));
  std::unique_ptr<Snapshot> s(new Snapshot());
  s->path_ = path;
  s->data_ = static_cast<const char*>(map);
  s->size_ = static_cast<size_t>(st.st_size);
  DYAD_RETURN_IF_ERROR(s->ParseHeader());
  return s;
}

Status Snapshot::ParseHeader() {
  In h(data_, kHeaderSize);
  if (std::memcmp(data_, kMagic, sizeof(kMagic)) != 0) return Status::Corruption(path_ + ": bad magic (not a dyad kb snapshot)");
  for (size_t i = 0; i < sizeof(kMagic); ++i) h.Int<uint8_t>();
  if (uint32_t v = h.Int<uint32_t>(); v != kVersion)
    return Status::Corruption(fmt::format("{}: snapshot version {} (this dyad reads {})", path_, v, kVersion));
  h.Int<uint32_t>();
  const uint64_t off = h.Int<uint64_t>(), len = h.Int<uint64_t>(), sum = h.Int<uint64_t>();
  if (off > size_ || len > size_ - off) return Status::Corruption(path_ + ": directory outside the file (truncated?)");
  std::string_view dir(data_ + off, len);
  if (Checksum64(dir) != sum) return Status::Corruption(path_ + ": directory checksum mismatch");
  In in(dir.data(), dir.size());
  const uint32_t packs = in.Count();
  for (uint32_t p = 0; p < packs && in.ok(); ++p) {
    pack_names_.push_back(in.Str());
    pack_dirs_.push_back(in.Str());
    for (uint32_t n = in.Count(), i = 0; i < n && in.ok(); ++i) stamps_.push_back({in.Str(), in.Int<uint64_t>(), in.Int<int64_t>()});
    sources_.emplace_back();
    for (uint32_t n = in.Count(), i = 0; i < n && in.ok(); ++i) sources_.back().push_back(GetSource(in));
  }
  for (uint32_t n = in.Count(), i = 0; i < n && in.ok(); ++i) {
    Chunk c;
    c.state = in.Str();
    c.offset = in.Int<uint64_t>();
    c.length = in.Int<uint64_t>();
    c.checksum = in.Int<uint64_t>();
    if (c.offset > size_ || c.length > size_ - c.offset) return Status::Corruption(path_ + ": chunk outside the file");
    directory_.push_back(std::move(c));
  }
  return in.ok() ? Status() : Status::Corruption(path_ + ": directory truncated");
}

bool Snapshot::Fresh() const {
  size_t files = 0;
  for (const std::string& dir : pack_dirs_) files += StampsOf(dir).size();
  if (files != stamps_.size()) return false;
  for (const Stamp& s : stamps_) {
    struct stat st {};
    if (::stat(s.path.c_str(), &st) != 0 || static_cast<uint64_t>(st.st_size) != s.size) return false;
    if (static_cast<int64_t>(st.st_mtim.tv_sec) * 1000000000 + st.st_mtim.tv_nsec != s.mtime_ns) return false;
  }
  return true;
}

namespace {

// What one pack's parts of an extract hold so far (a row two chunks share is taken once).
struct Taken {
  std::unordered_set<std::string> entities;
  std::map<uint32_t, Fact> facts;              // by fact number: the text pack's order
  std::map<uint32_t, Occurrence> occurrences;  // likewise
};

// Adds one pack's part of a chunk to `pack`, skipping what an earlier chunk added.
void ReadPart(In& in, PackData* pack, Taken* taken) {
  for (uint32_t n = in.Count(), i = 0; i < n && in.ok(); ++i) {
    Entity e = GetEntity(in);
    if (taken->entities.insert(e.id).second) pack->entities.push_back(std::move(e));
  }
  for (uint32_t n = in.Count(), i = 0; i < n && in.ok(); ++i) {
    uint32_t id = in.Int<uint32_t>();
    Fact f = GetFact(in);
    taken->facts.try_emplace(id, std::move(f));
  }
  for (uint32_t n = in.Count(), i = 0; i < n && in.ok(); ++i) {
    uint32_t id = in.Int<uint32_t>();
    Occurrence o = GetOccurrence(in);
    taken->occurrences.try_emplace(id, std::move(o));
  }
}

// Moves what was taken into `pack` in the text pack's order (entities by line, facts and
// occurrences by number), so that a knowledge base built from an extract lists its rows as
// one built from the text packs does.
void InPackOrder(Taken* taken, PackData* pack) {
  std::vector<std::pair<uint64_t, uint32_t>> order(pack->entities.size());  // (line, arrival)
  for (uint32_t i = 0; i < order.size(); ++i) order[i] = {pack->entities[i].origin.line, i};
  std::sort(order.begin(), order.end());  // a stable sort by line, moving no entity twice
  std::vector<Entity> sorted;
  sorted.reserve(order.size());
  for (const auto& [line, i] : order) sorted.push_back(std::move(pack->entities[i]));
  pack->entities = std::move(sorted);
  for (auto& [n, f] : taken->facts) pack->facts.push_back(std::move(f));
  for (auto& [n, o] : taken->occurrences) pack->occurrences.push_back(std::move(o));
}

}  // namespace

Result<std::vector<PackData>> Snapshot::Extract(const std::vector<std::string>& states) const {
  std::vector<PackData> packs(pack_names_.size());
  std::vector<Taken> taken(packs.size());
  for (size_t p = 0; p < packs.size(); ++p) {
    packs[p].name = pack_names_[p];
    packs[p].sources = sources_[p];
  }
  auto read = [&](const std::string& key) -> Status {
    auto it = std::lower_bound(directory_.begin(), directory_.end(), key,
                               [](const Chunk& c, const std::string& s) { return c.state < s; });
    if (it == directory_.end() || it->state != key) return Status();
    std::string_view bytes(data_ + it->offset, it->length);
    if (Checksum64(bytes) != it->checksum) return Status::Corruption(fmt::format("{}: chunk of {} fails its checksum", path_, key));
    In in(bytes.data(), bytes.size());
    for (uint32_t n = in.Count(), i = 0; i < n && in.ok(); ++i) {
      uint32_t p = in.Int<uint32_t>();
      if (p >= packs.size()) return Status::Corruption(fmt::format("{}: chunk of {} names pack {}", path_, key, p));
      ReadPart(in, &packs[p], &taken[p]);
    }
    return in.ok() ? Status() : Status::Corruption(fmt::format("{}: chunk of {} is truncated", path_, key));
  };
  for (const std::string& state : std::set<std::string>(states.begin(), states.end())) DYAD_RETURN_IF_ERROR(read(state));
  std::set<std::string> agreements;
  for (const PackData& p : packs)
    for (const Entity& e : p.entities)
      if (e.kind == EntityKind::kAgreement) agreements.insert(e.id);
  for (const std::string& id : agreements) DYAD_RETURN_IF_ERROR(read(std::string(kWitnessPrefix) + id));
  for (size_t p = 0; p < packs.size(); ++p) InPackOrder(&taken[p], &packs[p]);
  return packs;
}

std::vector<std::string> Snapshot::DefaultPackDirs() {
  std::vector<std::string> dirs = KnowledgeBase::DefaultPackDirs();  // data/packs first
  std::vector<std::string> datasets;
  std::error_code ec;
  for (const auto& entry : std::filesystem::directory_iterator(DataDir() + "/kb-packs", ec))
    if (entry.is_directory(ec) && entry.path().filename() != "compiled") datasets.push_back(entry.path().string());
  std::sort(datasets.begin(), datasets.end());
  dirs.insert(dirs.end(), datasets.begin(), datasets.end());
  return dirs;
}

std::string Snapshot::DefaultPath() {
  if (const char* c = std::getenv("DYAD_CACHE"); c != nullptr && *c != '\0') return std::string(c) + "/kb.snapshot";
  return DataDir() + "/kb-packs/compiled/kb.snapshot";
}

Result<std::unique_ptr<Snapshot>> Snapshot::OpenOrCompile(const world::World& world, const std::vector<std::string>& dirs,
                                                          const std::string& path) {
  Result<std::unique_ptr<Snapshot>> s = Open(path);
  if (s.ok() && (*s)->Fresh() && (*s)->pack_dirs_ == dirs) return s;
  LoadReport report;
  DYAD_RETURN_IF_ERROR(Compile(world, dirs, path, &report));
  return Open(path);
}

}  // namespace dyad::kb
