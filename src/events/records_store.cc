// Publishing the coded records as the bundled event store (events/records.h).
#include <fcntl.h>
#include <fmt/format.h>
#include <stdio.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <filesystem>

#include "base/file.h"
#include "base/paths.h"
#include "events/records.h"
#include "events/store.h"

namespace dyad::events {
namespace {

namespace fs = std::filesystem;

// The strings an EventView points to while the builder copies them.
struct ViewStrings {
  std::string src_country, tgt_country, src_actor, tgt_actor, url;
};

std::string CameoCountry(const world::World& w, const std::string& key, int32_t day) {
  const world::State* s = w.Find(key);
  if (s == nullptr) return key;
  return s->Code(world::Scheme::kCameo, Date::FromDays(day)).value_or(key);
}

uint64_t Fnv1a(std::string_view s, uint64_t h = 1469598103934665603ull) {
  for (unsigned char c : s) h = (h ^ c) * 1099511628211ull;
  return h;
}

uint64_t EventId(const CodedRecord& r) {
  uint64_t h = Fnv1a(r.source);
  for (std::string_view part : {std::string_view(r.record), std::string_view(r.code),
                                std::string_view(r.src_state), std::string_view(r.tgt_state)})
    h = Fnv1a(part, Fnv1a("\x1f", h));
  return h;
}

EventView ViewOf(const CodedRecord& r, const RecordInputs& in, ViewStrings* s) {
  const CameoCode* code = in.taxonomy->Find(r.code);
  std::string_view sector = r.military ? "MIL" : "GOV";
  s->src_country = CameoCountry(*in.world, r.src_state, r.day);
  s->tgt_country = CameoCountry(*in.world, r.tgt_state, r.day);
  s->src_actor = s->src_country + std::string(sector);
  s->tgt_actor = s->tgt_country + std::string(sector);
  s->url = FormatRecordRef(r);
  EventView v;
  v.day = r.day;
  v.src_country = s->src_country;
  v.tgt_country = s->tgt_country;
  v.src_state = r.src_state;
  v.tgt_state = r.tgt_state;
  v.src_actor = s->src_actor;
  v.tgt_actor = s->tgt_actor;
  v.src_role = v.tgt_role = sector;
  v.code = r.code;
  v.quad = code->quad;
  v.goldstein = static_cast<float>(in.taxonomy->Goldstein(*code, GoldsteinScale::kGdelt).value_or(0));
  v.dataset = Dataset::kRecords;
  v.id = EventId(r);
  v.is_root = true;
  v.url = s->url;
  return v;
}

// Moves `fresh` into place at `dir`: renamed when `dir` is absent, else exchanged with
// it in one renameat2(RENAME_EXCHANGE) and the old store removed. Readers see the old
// store or the new one, never neither.
Status SwapIntoPlace(const std::string& fresh, const std::string& dir) {
  if (::rename(fresh.c_str(), dir.c_str()) == 0) return SyncDirectory(fs::path(dir).parent_path().string());
  if (errno != ENOTEMPTY && errno != EEXIST)
    return Status::IOError(fmt::format("cannot rename {} to {}: {}", fresh, dir, std::strerror(errno)));
  if (::renameat2(AT_FDCWD, fresh.c_str(), AT_FDCWD, dir.c_str(), RENAME_EXCHANGE) != 0)
    return Status::IOError(fmt::format("cannot exchange {} with {}: {}", fresh, dir, std::strerror(errno)));
  std::error_code ec;
  fs::remove_all(fresh, ec);  // now the old store; a leftover is harmless
  return SyncDirectory(fs::path(dir).parent_path().string());
}

Status WriteStore(const std::vector<CodedRecord>& events, const RecordInputs& in, const std::string& dir,
                  BundleReport* rep) {
  DYAD_ASSIGN_OR_RETURN(std::unique_ptr<Store> store, Store::OpenForWrite(dir));
  SegmentBuilder builder;
  ViewStrings strings;
  for (const CodedRecord& r : events) builder.Add(ViewOf(r, in, &strings));
  DYAD_RETURN_IF_ERROR(store->Append(&builder));
  rep->rows = store->rows();
  rep->bytes = store->bytes();
  return Status::OK();
}

// Rows of one dyad directory entry whose day lies in `range` (the day column is sorted
// inside an entry's run).
std::pair<uint64_t, uint64_t> RowsInRange(const Segment& seg, const DyadEntry& e, DayRange range) {
  const int32_t* first = seg.day() + e.start;
  const int32_t* last = first + e.count;
  const int32_t* lo = std::lower_bound(first, last, range.from);
  const int32_t* hi = std::upper_bound(lo, last, range.to);
  return {static_cast<uint64_t>(lo - seg.day()), static_cast<uint64_t>(hi - lo)};
}

Status AppendDyadRows(const Segment& seg, const std::string& a, const std::string& b, DayRange range,
                      std::vector<StoredEvent>* out) {
  const int64_t src = seg.DictFind(a), tgt = seg.DictFind(b);
  if (src < 0 || tgt < 0) return Status::OK();
  auto [begin, end] = seg.DyadRange(static_cast<uint32_t>(src), static_cast<uint32_t>(tgt));
  for (uint32_t i = begin; i < end; ++i) {
    auto [first, n] = RowsInRange(seg, seg.dyads()[i], range);
    if (n == 0) continue;
    DYAD_ASSIGN_OR_RETURN(std::vector<StoredEvent> rows, seg.ReadRows(first, n));
    for (StoredEvent& ev : rows) out->push_back(std::move(ev));
  }
  return Status::OK();
}

}  // namespace

Result<std::vector<StoredEvent>> DyadEvents(const Store& store, const std::string& a, const std::string& b,
                                            bool both, DayRange range, size_t limit) {
  std::vector<StoredEvent> out;
  for (const auto& seg : store.segments()) {
    DYAD_RETURN_IF_ERROR(AppendDyadRows(*seg, a, b, range, &out));
    if (both) DYAD_RETURN_IF_ERROR(AppendDyadRows(*seg, b, a, range, &out));
  }
  std::stable_sort(out.begin(), out.end(), [](const StoredEvent& x, const StoredEvent& y) { return x.day < y.day; });
  if (out.size() > limit) out.resize(limit);
  return out;
}

Result<BundleReport> BuildRecordStore(const RecordInputs& in, const std::string& dir) {
  if (in.world == nullptr || in.taxonomy == nullptr)
    return Status::InvalidArgument("coding records needs the world registry and the CAMEO taxonomy");
  BundleReport rep;
  std::vector<CodedRecord> events = CodeAllRecords(in, &rep.counts);
  std::error_code ec;
  fs::create_directories(fs::path(dir).parent_path(), ec);
  const std::string fresh = fmt::format("{}.tmp-{}", dir, ::getpid());
  fs::remove_all(fresh, ec);
  Status st = WriteStore(events, in, fresh, &rep);
  if (st.ok()) st = SwapIntoPlace(fresh, dir);
  if (!st.ok()) fs::remove_all(fresh, ec);
  if (!st.ok()) return st;
  return rep;
}

std::string BundledStoreDir() {
  if (const char* c = std::getenv("DYAD_CACHE"); c != nullptr && *c != '\0') return std::string(c) + "/events-records";
  return DataDir() + "/events/records";
}

std::string UserStoreDir() { return DataDir() + "/events/store"; }

std::string StoreLabel(const std::string& dir) {
  return dir == BundledStoreDir() ? dir + ": events coded from records, not from news" : dir;
}

std::string DefaultQueryStoreDir() {
  const std::string user = UserStoreDir();
  return FileExists(user + "/MANIFEST") ? user : BundledStoreDir();
}

}  // namespace dyad::events
