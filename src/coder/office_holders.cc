#include "coder/office_holders.h"

#include <sys/stat.h>

#include <algorithm>
#include <charconv>
#include <cstdlib>
#include <filesystem>

#include <fmt/format.h>

#include "base/file.h"
#include "base/paths.h"
#include "base/strings.h"

namespace dyad::coder {
namespace {

constexpr std::string_view kMagic = "dyad-coder-office-holders\t2";
constexpr kb::Relation kOfficeRelations[] = {kb::Relation::kLeaderOf, kb::Relation::kHoldsOffice,
                                             kb::Relation::kChiefOfMission};

// The state an entity stands for: itself when it is a state key, else its owner, followed
// through owning entities.
std::string OwnerState(const kb::KnowledgeBase& kb, std::string id) {
  for (int depth = 0; depth < 6 && !kb::IsStateRef(id); ++depth) {
    const kb::Entity* e = kb.FindEntity(id);
    if (e == nullptr) return "";
    id = e->owner;
  }
  return kb::IsStateRef(id) ? id : "";
}

void AddTerms(const kb::KnowledgeBase& kb, kb::Relation r, OfficeHolder* h) {
  for (const kb::Fact* f : kb.FactsOf(h->id, r))
    if (std::string state = f->undated ? "" : OwnerState(kb, f->object); !state.empty())
      h->terms.push_back({std::move(state), f->valid, r == kb::Relation::kChiefOfMission});
}

bool Writable(std::string_view s) { return s.find_first_of("\t\n\r") == std::string_view::npos; }

bool StampOf(const std::string& path, FileStamp* out) {
  struct stat st {};
  if (::stat(path.c_str(), &st) != 0 || !S_ISREG(st.st_mode)) return false;
  *out = {path, static_cast<uint64_t>(st.st_size),
          static_cast<int64_t>(st.st_mtim.tv_sec) * 1000000000 + st.st_mtim.tv_nsec};
  return true;
}

void StampDir(const std::string& dir, std::vector<FileStamp>* out) {
  std::vector<FileStamp> here;
  std::error_code ec;
  for (const auto& entry : std::filesystem::directory_iterator(dir, ec)) {
    FileStamp s;
    if (StampOf(entry.path().string(), &s)) here.push_back(std::move(s));
  }
  std::sort(here.begin(), here.end(), [](const FileStamp& a, const FileStamp& b) { return a.path < b.path; });
  out->insert(out->end(), here.begin(), here.end());
}

template <typename T>
bool ParseInt(std::string_view s, T* out) {
  auto [p, ec] = std::from_chars(s.data(), s.data() + s.size(), *out);
  return ec == std::errc() && p == s.data() + s.size();
}

// Reads one row of the cache into `out`; false when it is malformed.
bool ReadRow(const std::vector<std::string_view>& f, std::vector<OfficeHolder>* holders,
             std::vector<FileStamp>* stamps) {
  if (f[0] == "stamp" && f.size() == 4) {
    FileStamp s{std::string(f[1])};
    if (!ParseInt(f[2], &s.size) || !ParseInt(f[3], &s.mtime_ns)) return false;
    stamps->push_back(std::move(s));
    return true;
  }
  if (f[0] != "term" || f.size() != 6 || f[1].empty() || f[3].empty()) return false;
  if (f[5] != "office" && f[5] != "envoy") return false;
  Result<Interval> valid = Interval::Parse(f[4]);
  if (!valid.ok()) return false;
  if (holders->empty() || holders->back().id != f[1])
    holders->push_back({std::string(f[1]), std::string(f[2]), {}});
  holders->back().terms.push_back({std::string(f[3]), *valid, f[5] == "envoy"});
  return true;
}

}  // namespace

const OfficeTerm* OfficeHolder::TermOn(const Date& on) const {
  for (const OfficeTerm& t : terms)
    if (t.valid.ContainsDate(on)) return &t;
  return nullptr;
}

const OfficeTerm* OfficeHolder::OfficeOn(const Date& on) const {
  for (const OfficeTerm& t : terms)
    if (!t.envoy && t.valid.ContainsDate(on)) return &t;
  return nullptr;
}

OfficeHolders OfficeHolders::FromKnowledgeBase(const kb::KnowledgeBase& kb) {
  OfficeHolders out;
  for (const auto& [id, e] : kb.entities()) {
    if (e.kind != kb::EntityKind::kPerson) continue;
    OfficeHolder h{id, e.name, {}};
    for (kb::Relation r : kOfficeRelations) AddTerms(kb, r, &h);
    if (!h.terms.empty()) out.holders_.push_back(std::move(h));
  }
  std::sort(out.holders_.begin(), out.holders_.end(),
            [](const OfficeHolder& a, const OfficeHolder& b) { return a.id < b.id; });
  out.Index();
  return out;
}

void OfficeHolders::Index() {
  by_id_.clear();
  for (size_t i = 0; i < holders_.size(); ++i) by_id_.emplace(holders_[i].id, i);
}

const OfficeHolder* OfficeHolders::Find(std::string_view id) const {
  auto it = by_id_.find(std::string(id));
  return it == by_id_.end() ? nullptr : &holders_[it->second];
}

size_t OfficeHolders::term_count() const {
  size_t n = 0;
  for (const OfficeHolder& h : holders_) n += h.terms.size();
  return n;
}

std::vector<FileStamp> OfficeHolders::StampsOf(const std::vector<std::string>& dirs) {
  std::vector<FileStamp> out;
  for (const std::string& d : dirs) StampDir(d, &out);
  StampDir(DataDir() + "/world", &out);
  return out;
}

Status OfficeHolders::Write(const std::string& path) const {
  std::string text = std::string(kMagic) + "\n";
  for (const FileStamp& s : stamps_)
    if (Writable(s.path)) text += fmt::format("stamp\t{}\t{}\t{}\n", s.path, s.size, s.mtime_ns);
  for (const OfficeHolder& h : holders_) {
    if (!Writable(h.id) || !Writable(h.name)) continue;
    for (const OfficeTerm& t : h.terms)
      text += fmt::format("term\t{}\t{}\t{}\t{}\t{}\n", h.id, h.name, t.state, t.valid.ToString(),
                          t.envoy ? "envoy" : "office");
  }
  std::error_code ec;
  std::filesystem::create_directories(std::filesystem::path(path).parent_path(), ec);
  return WriteFileAtomic(path, text);
}

Result<OfficeHolders> OfficeHolders::Read(const std::string& path) {
  DYAD_ASSIGN_OR_RETURN(std::string text, ReadFile(path));
  OfficeHolders out;
  size_t line = 0, b = 0;
  std::vector<std::string_view> fields;
  while (b < text.size()) {
    size_t e = text.find('\n', b);
    if (e == std::string::npos) e = text.size();
    std::string_view row(text.data() + b, e - b);
    ++line;
    b = e + 1;
    if (line == 1 && row == kMagic) continue;
    SplitTabs(row, &fields);
    if (line == 1 || !ReadRow(fields, &out.holders_, &out.stamps_))
      return Status::Corruption(fmt::format("{}:{}: not an office-holder cache row", path, line));
  }
  if (line == 0) return Status::Corruption(path + ": empty office-holder cache");
  out.Index();
  return out;
}

Result<OfficeHolders> OfficeHolders::OpenOrCompile(const world::World& world,
                                                   const std::vector<std::string>& dirs,
                                                   const std::string& path, kb::LoadReport* report,
                                                   bool* compiled, bool* written) {
  std::vector<FileStamp> now = StampsOf(dirs);
  if (compiled != nullptr) *compiled = false;
  if (written != nullptr) *written = false;
  if (FileExists(path)) {
    Result<OfficeHolders> cached = Read(path);
    if (cached.ok() && cached->stamps_ == now) return cached;
  }
  DYAD_ASSIGN_OR_RETURN(auto kb, kb::KnowledgeBase::Load(world, dirs, report));
  OfficeHolders out = FromKnowledgeBase(*kb);
  out.stamps_ = std::move(now);
  if (compiled != nullptr) *compiled = true;
  bool ok = out.Write(path).ok();
  if (written != nullptr) *written = ok;
  return out;
}

std::string OfficeHolders::DefaultPath() {
  if (const char* c = std::getenv("DYAD_CACHE"); c != nullptr && *c != '\0')
    return std::string(c) + "/coder-office-holders.tsv";
  return DataDir() + "/coder/compiled/office-holders.tsv";
}

}  // namespace dyad::coder
