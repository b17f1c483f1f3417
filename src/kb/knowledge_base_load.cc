// KnowledgeBase::Load: cross-pack reference checks, merging and indexing.
#include <fmt/format.h>

#include <algorithm>
#include <filesystem>
#include <unordered_set>

#include "base/paths.h"
#include "kb/knowledge_base.h"

namespace dyad::kb {

using Severity = Diagnostic::Severity;

std::string DyadKey(std::string_view a, std::string_view b) {
  return a <= b ? fmt::format("{}|{}", a, b) : fmt::format("{}|{}", b, a);
}

// Runs the checks that need every pack: one Loader per Build.
class KnowledgeBase::Loader {
 public:
  Loader(KnowledgeBase* kb, LoadReport* report) : kb_(kb), report_(report) {}

  void Run(std::vector<PackData> packs);

 private:
  // Column (1-based) of `name` in the file of `origin`, 0 if absent.
  int Col(const Origin& origin, std::string_view name) const;
  void Reject(const Origin& origin, std::string_view column, std::string_view kind,
              std::string message);
  // The kind of `id`, or nullopt after reporting unknown-state / unknown-entity.
  std::optional<EntityKind> KindOf(std::string_view id, const Origin& origin,
                                   std::string_view column);
  bool CheckSources(const std::vector<std::string>& ids, const Origin& origin);
  bool CheckKind(std::string_view id, uint32_t allowed, const Origin& origin,
                 std::string_view column, std::string_view what);

  void AddSources(PackData& pack);
  void AddEntities(PackData& pack);
  void CheckEntities();
  void AddFacts(PackData& pack);
  void AddOccurrences(PackData& pack);
  void CheckTerms();

  KnowledgeBase* kb_;
  LoadReport* report_;
  StringMap<std::vector<std::string>> headers_;
  std::unordered_multimap<size_t, uint32_t> fact_keys_;  // content hash -> fact index
  bool row_failed_ = false;
};

int KnowledgeBase::Loader::Col(const Origin& origin, std::string_view name) const {
  auto it = headers_.find(origin.file);
  if (it == headers_.end() || name.empty()) return 0;
  for (size_t i = 0; i < it->second.size(); ++i) {
    if (it->second[i] == name) return static_cast<int>(i + 1);
  }
  return 0;
}

void KnowledgeBase::Loader::Reject(const Origin& origin, std::string_view column,
                                   std::string_view kind, std::string message) {
  report_->Add(Diagnostic{Severity::kError, std::string(origin.file), origin.line,
                          Col(origin, column),
                          std::string(kind), std::move(message)});
  if (!row_failed_) report_->Unaccept(origin.file, std::string(kind));
  row_failed_ = true;
}

std::optional<EntityKind> KnowledgeBase::Loader::KindOf(std::string_view id,
                                                        const Origin& origin,
                                                        std::string_view column) {
  if (IsStateRef(id)) {
    const world::State* s = kb_->world_->Find(id);
    if (s != nullptr && s->key == id) return EntityKind::kState;
    Reject(origin, column, "unknown-state",
           s != nullptr ? fmt::format("state '{}' must be written as its key '{}'", id, s->key)
                        : fmt::format("'{}' is not a state in the world registry", id));
    return std::nullopt;
  }
  auto it = kb_->entities_.find(id);
  if (it != kb_->entities_.end()) return it->second.kind;
  Reject(origin, column, "unknown-entity", fmt::format("unknown entity '{}'", id));
  return std::nullopt;
}

bool KnowledgeBase::Loader::CheckSources(const std::vector<std::string>& ids,
                                         const Origin& origin) {
  for (const std::string& id : ids) {
    if (!kb_->sources_.count(id)) {
      Reject(origin, "sources", "unknown-source",
             fmt::format("source '{}' is not defined in any sources.tsv", id));
      return false;
    }
  }
  return true;
}

bool KnowledgeBase::Loader::CheckKind(std::string_view id, uint32_t allowed,
                                      const Origin& origin, std::string_view column,
                                      std::string_view what) {
  std::optional<EntityKind> kind = KindOf(id, origin, column);
  if (!kind) return false;
  if ((allowed & KindBit(*kind)) == 0) {
    std::string kinds;
    for (int k = 0; k < kEntityKindCount; ++k) {
      if (allowed & (1u << k)) {
        if (!kinds.empty()) kinds += " or ";
        kinds += EntityKindName(static_cast<EntityKind>(k));
      }
    }
    Reject(origin, column, "wrong-kind",
           fmt::format("{} '{}' is a {}; {} must be a {}", what, id, EntityKindName(*kind), what,
                       kinds));
    return false;
  }
  return true;
}

void KnowledgeBase::Loader::AddSources(PackData& pack) {
  for (Source& s : pack.sources) {
    row_failed_ = false;
    auto it = kb_->sources_.find(s.id);
    if (it == kb_->sources_.end()) {
      kb_->sources_.emplace(s.id, std::move(s));
    } else if (it->second.title == s.title && it->second.url == s.url) {
      report_->CountDuplicate(s.origin.file);  // the same source listed by two packs
    } else {
      Reject(s.origin, "id", "duplicate-id",
             fmt::format("source '{}' is already defined differently at {}:{}", s.id,
                         it->second.origin.file, it->second.origin.line));
    }
  }
}

void KnowledgeBase::Loader::AddEntities(PackData& pack) {
  for (Entity& e : pack.entities) {
    row_failed_ = false;
    auto it = kb_->entities_.find(e.id);
    if (it == kb_->entities_.end()) {
      kb_->entities_.emplace(e.id, std::move(e));
    } else if (it->second.kind == e.kind) {
      for (std::string& s : e.sources) {
        auto& srcs = it->second.sources;
        if (std::find(srcs.begin(), srcs.end(), s) == srcs.end()) srcs.push_back(std::move(s));
      }
      report_->CountDuplicate(e.origin.file);
    } else {
      Reject(e.origin, "id", "duplicate-id",
             fmt::format("entity '{}' is already a {} at {}:{}", e.id,
                         EntityKindName(it->second.kind), it->second.origin.file,
                         it->second.origin.line));
    }
  }
}

void KnowledgeBase::Loader::CheckEntities() {
  std::vector<std::string> bad;
  for (auto& [id, e] : kb_->entities_) {
    row_failed_ = false;
    bool ok = CheckSources(e.sources, e.origin);
    if (ok && !e.owner.empty()) ok = KindOf(e.owner, e.origin, "owner").has_value();
    if (ok && !e.host.empty()) {
      ok = CheckKind(e.host, KindBit(EntityKind::kState), e.origin, "host", "host");
    }
    if (!ok) bad.push_back(id);
  }
  for (const std::string& id : bad) kb_->entities_.erase(id);
}

void KnowledgeBase::Loader::AddFacts(PackData& pack) {
  for (Fact& f : pack.facts) {
    row_failed_ = false;
    const RelationInfo& info = Info(f.relation);
    bool ok = CheckKind(f.subject, info.subject_kinds, f.origin, "subject", "subject");
    if (ok && !f.object.empty()) {
      ok = CheckKind(f.object, info.object_kinds, f.origin, "object", "object");
    }
    ok = ok && CheckSources(f.sources, f.origin);
    if (!ok) continue;
    const size_t hash = FactContentHash(f);
    Fact* same = nullptr;
    auto [lo, hi] = fact_keys_.equal_range(hash);
    for (auto it = lo; it != hi && same == nullptr; ++it) {
      if (SameFactContent(kb_->facts_[it->second], f)) same = &kb_->facts_[it->second];
    }
    if (same == nullptr) {
      fact_keys_.emplace(hash, kb_->facts_.size());
      kb_->facts_.push_back(std::move(f));
      continue;
    }
    // The same fact from another pack: one fact, both sources.
    Fact& kept = *same;
    for (std::string& s : f.sources) {
      if (std::find(kept.sources.begin(), kept.sources.end(), s) == kept.sources.end()) {
        kept.sources.push_back(std::move(s));
      }
    }
    report_->CountDuplicate(f.origin.file);
  }
}

void KnowledgeBase::Loader::AddOccurrences(PackData& pack) {
  std::unordered_set<std::string> ids;
  for (const Occurrence& o : kb_->occurrences_) ids.insert(o.id);
  for (Occurrence& o : pack.occurrences) {
    row_failed_ = false;
    bool ok = true;
    if (ids.count(o.id)) {
      Reject(o.origin, "id", "duplicate-id",
             fmt::format("occurrence '{}' is defined by another pack too", o.id));
      ok = false;
    }
    if (ok && !o.place.empty()) {
      ok = CheckKind(o.place, KindBit(EntityKind::kPlace) | KindBit(EntityKind::kState) |
                                  KindBit(EntityKind::kInstallation) |
                                  KindBit(EntityKind::kMission),
                     o.origin, "place", "place");
    }
    ok = ok && CheckSources(o.sources, o.origin);
    if (!ok) continue;
    std::vector<Participant> kept;
    for (Participant& p : o.participants) {
      row_failed_ = false;
      if (KindOf(p.entity, p.origin, "entity") && CheckSources(p.sources, p.origin)) {
        kept.push_back(std::move(p));
      }
    }
    o.participants = std::move(kept);
    ids.insert(o.id);
    kb_->occurrences_.push_back(std::move(o));
  }
}

// Overlapping terms of one post: see docs/formats/packs.md, "Terms of one post".
void KnowledgeBase::Loader::CheckTerms() {
  std::unordered_map<std::string, std::vector<uint32_t>> by_post;
  for (uint32_t i = 0; i < kb_->facts_.size(); ++i) {
    const Fact& f = kb_->facts_[i];
    // An open start is unknown, so it can never overlap definitely.
    if (f.relation == Relation::kChiefOfMission && !f.undated && f.valid.start()) {
      by_post[f.object].push_back(i);
    }
  }
  std::vector<bool> drop(kb_->facts_.size(), false);
  for (auto& [post, idx] : by_post) {
    auto start_of = [&](uint32_t i) {
      const auto& s = kb_->facts_[i].valid.start();
      return s ? s->first_day() : INT32_MIN;
    };
    std::sort(idx.begin(), idx.end(), [&](uint32_t a, uint32_t b) {
      return std::make_pair(start_of(a), a) < std::make_pair(start_of(b), b);
    });
    for (size_t j = 1; j < idx.size(); ++j) {
      const Fact& later = kb_->facts_[idx[j]];
      if (later.QualifierValue("concurrent") == "yes") continue;
      const int32_t later_start =
          later.valid.start() ? later.valid.start()->last_day() : INT32_MIN;
      for (size_t k = 0; k < j; ++k) {
        const Fact& earlier = kb_->facts_[idx[k]];
        if (drop[idx[k]] || earlier.subject == later.subject ||
            earlier.QualifierValue("concurrent") == "yes") {
          continue;
        }
        const int32_t earlier_end =
            earlier.valid.end() ? earlier.valid.end()->first_day() : INT32_MAX;
        // A definite overlap beyond a shared boundary day.
        if (earlier.valid.end() && later_start < earlier_end) {
          row_failed_ = false;
          Reject(later.origin, "valid", "overlapping-terms",
                 fmt::format("term of {} at {} ({}) overlaps the term of {} ({}) at {}:{}",
                             later.subject, post, later.valid.ToString(), earlier.subject,
                             earlier.valid.ToString(), earlier.origin.file,
                             earlier.origin.line));
          drop[idx[j]] = true;
          break;
        }
      }
    }
  }
  if (std::find(drop.begin(), drop.end(), true) == drop.end()) return;
  std::vector<Fact> kept;
  kept.reserve(kb_->facts_.size());
  for (size_t i = 0; i < kb_->facts_.size(); ++i) {
    if (!drop[i]) kept.push_back(std::move(kb_->facts_[i]));
  }
  kb_->facts_ = std::move(kept);
}

void KnowledgeBase::Loader::Run(std::vector<PackData> packs) {
  for (PackData& p : packs) {
    for (auto& [file, header] : p.headers) headers_[file] = header;
  }
  for (PackData& p : packs) AddSources(p);
  for (PackData& p : packs) AddEntities(p);
  CheckEntities();
  for (PackData& p : packs) AddFacts(p);
  for (PackData& p : packs) AddOccurrences(p);
  CheckTerms();
}

// ---------------------------------------------------------------------------------------

KnowledgeBase::~KnowledgeBase() = default;

std::unique_ptr<KnowledgeBase> KnowledgeBase::Build(const world::World& world,
                                                    std::vector<PackData> packs,
                                                    LoadReport* report) {
  std::unique_ptr<KnowledgeBase> kb(new KnowledgeBase());
  kb->world_ = &world;
  Loader(kb.get(), report).Run(std::move(packs));
  kb->Index();
  return kb;
}

Result<std::unique_ptr<KnowledgeBase>> KnowledgeBase::Load(const world::World& world,
                                                           const std::vector<std::string>& dirs,
                                                           LoadReport* report) {
  std::vector<PackData> packs;
  for (const std::string& dir : dirs) {
    DYAD_ASSIGN_OR_RETURN(PackData pack, ReadPack(dir, report));
    packs.push_back(std::move(pack));
  }
  return Build(world, std::move(packs), report);
}

std::vector<std::string> KnowledgeBase::DefaultPackDirs() {
  namespace fs = std::filesystem;
  std::vector<std::string> dirs;
  std::error_code ec;
  for (const auto& entry : fs::directory_iterator(DataDir() + "/packs", ec)) {
    if (entry.is_directory(ec)) dirs.push_back(entry.path().string());
  }
  std::sort(dirs.begin(), dirs.end());
  return dirs;
}

}  // namespace dyad::kb
