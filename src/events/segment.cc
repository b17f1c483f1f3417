#include "events/segment.h"

#include <fcntl.h>
#include <fmt/format.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>
#include <zstd.h>

#include <algorithm>
#include <cmath>
#include <cstring>
#include <numeric>

#include "base/date.h"

namespace dyad::events {
namespace {

constexpr char kMagic[8] = {'D', 'Y', 'A', 'D', 'S', 'E', 'G', '1'};
constexpr int kStringFields = 7;  // src_actor tgt_actor src_role tgt_role geo_fips geo_state url
constexpr uint32_t kDictLimit = 60000;  // < 2^16: code ids are 16-bit, sort keys pack 4 ids
constexpr int kZstdLevel = 1;

struct StrHash {
  using is_transparent = void;
  size_t operator()(std::string_view s) const { return std::hash<std::string_view>()(s); }
};
struct StrEq {
  using is_transparent = void;
  bool operator()(std::string_view a, std::string_view b) const { return a == b; }
};

template <typename T>
void Put(std::string* out, const T& v) {
  out->append(reinterpret_cast<const char*>(&v), sizeof(T));
}
template <typename T>
void PutArray(std::string* out, const std::vector<T>& v) {
  out->append(reinterpret_cast<const char*>(v.data()), v.size() * sizeof(T));
}
void Align8(std::string* out) {
  while (out->size() % 8) out->push_back('\0');
}

}  // namespace

int32_t MonthOfDay(int32_t day) {
  int y, m, d;
  CivilFromDays(day, &y, &m, &d);
  return y * 12 + (m - 1);
}

EventView StoredEvent::View() const {
  EventView v;
  v.day = day;
  v.src_country = src_country;
  v.tgt_country = tgt_country;
  v.src_state = src_state;
  v.tgt_state = tgt_state;
  v.src_actor = src_actor;
  v.tgt_actor = tgt_actor;
  v.src_role = src_role;
  v.tgt_role = tgt_role;
  v.code = code;
  v.quad = quad;
  v.goldstein = goldstein;
  v.mentions = mentions;
  v.sources = sources;
  v.articles = articles;
  v.tone = tone;
  v.geo_fips = geo_fips;
  v.geo_state = geo_state;
  v.geo_type = geo_type;
  v.lat = lat;
  v.lon = lon;
  v.dataset = dataset;
  v.id = id;
  v.is_root = is_root;
  v.url = url;
  return v;
}

// ------------------------------------------------------------------ builder

struct SegmentBuilder::Impl {
  struct Row {
    uint64_t id;
    uint64_t str_off;
    int32_t day;
    uint32_t src, tgt, src_state, tgt_state, code;
    int32_t mentions, sources, articles;
    float tone, lat, lon;
    uint32_t len[kStringFields];
    int16_t gold10;
    uint8_t quad, dataset, is_root, geo_type;
  };
  std::vector<Row> rows;
  bool has_records = false;  // some row is of dataset records (the header's flag)
  std::string arena;
  std::vector<std::string> dict;
  std::unordered_map<std::string, uint32_t, StrHash, StrEq> dict_ids;

  // Direct-mapped cache for strings of up to 7 bytes (country and event codes).
  struct CacheSlot {
    uint64_t key = 0;
    uint32_t id = 0;
  };
  std::vector<CacheSlot> cache = std::vector<CacheSlot>(4096);
  SegmentBuilder::Compressor compress = &ZSTD_compress;

  uint32_t Intern(std::string_view s) {
    if (s.size() <= 7) {
      uint64_t key = uint64_t{s.size() + 1} << 56;
      if (!s.empty()) std::memcpy(&key, s.data(), s.size());  // an empty view's data() may be null
      CacheSlot& slot = cache[(key * 0x9E3779B97F4A7C15ull) >> 52];
      if (slot.key == key) return slot.id;
      uint32_t id = InternSlow(s);
      slot.key = key;
      slot.id = id;
      return id;
    }
    return InternSlow(s);
  }
  uint32_t InternSlow(std::string_view s) {
    auto it = dict_ids.find(s);
    if (it != dict_ids.end()) return it->second;
    uint32_t id = static_cast<uint32_t>(dict.size());
    dict.emplace_back(s);
    dict_ids.emplace(dict.back(), id);
    return id;
  }

  // The steps of Finish, in order.
  std::vector<uint32_t> SortDictionary();
  void SortRows();
  struct Columns;
  Columns BuildColumns() const;
  void WriteDictionary(const std::vector<uint32_t>& order, std::string* out) const;
  void AppendChunk(uint64_t first, uint64_t last, std::string* raw) const;
  Result<std::vector<ChunkIndexEntry>> WriteChunks(uint64_t n_chunks, std::string* out) const;
  void Reset();
};

SegmentBuilder::SegmentBuilder() : impl_(std::make_unique<Impl>()) {}
SegmentBuilder::SegmentBuilder(Compressor compress) : SegmentBuilder() {
  if (compress != nullptr) impl_->compress = compress;
}
SegmentBuilder::~SegmentBuilder() = default;
size_t SegmentBuilder::rows() const { return impl_->rows.size(); }
bool SegmentBuilder::DictionaryFull() const { return impl_->dict.size() >= kDictLimit; }
size_t SegmentBuilder::MemoryBytes() const {
  return impl_->rows.capacity() * sizeof(Impl::Row) + impl_->arena.capacity() +
         impl_->dict.size() * 64;
}

void SegmentBuilder::Add(const EventView& ev) {
  Impl& m = *impl_;
  Impl::Row r;
  r.id = ev.id;
  r.day = ev.day;
  r.src = m.Intern(ev.src_country);
  r.tgt = m.Intern(ev.tgt_country);
  r.src_state = m.Intern(ev.src_state);
  r.tgt_state = m.Intern(ev.tgt_state);
  r.code = m.Intern(ev.code);
  r.mentions = ev.mentions;
  r.sources = ev.sources;
  r.articles = ev.articles;
  r.tone = ev.tone;
  r.lat = ev.lat;
  r.lon = ev.lon;
  r.gold10 = static_cast<int16_t>(std::lround(ev.goldstein * 10.0f));
  r.quad = static_cast<uint8_t>(ev.quad);
  r.dataset = static_cast<uint8_t>(ev.dataset);
  m.has_records = m.has_records || ev.dataset == Dataset::kRecords;
  r.is_root = ev.is_root;
  r.geo_type = static_cast<uint8_t>(ev.geo_type);
  r.str_off = m.arena.size();
  const std::string_view strs[kStringFields] = {ev.src_actor, ev.tgt_actor, ev.src_role,
                                                ev.tgt_role, ev.geo_fips, ev.geo_state, ev.url};
  for (int i = 0; i < kStringFields; ++i) {
    r.len[i] = static_cast<uint32_t>(strs[i].size());
    m.arena.append(strs[i]);
  }
  m.rows.push_back(r);
}

// Sorted dictionary: remaps ids so that id order is string order; returns the old ids in
// string order.
std::vector<uint32_t> SegmentBuilder::Impl::SortDictionary() {
  std::vector<uint32_t> order(dict.size());
  std::iota(order.begin(), order.end(), 0);
  std::sort(order.begin(), order.end(), [&](uint32_t a, uint32_t b) { return dict[a] < dict[b]; });
  std::vector<uint32_t> remap(dict.size());
  for (uint32_t i = 0; i < order.size(); ++i) remap[order[i]] = i;
  for (auto& r : rows) {
    r.src = remap[r.src];
    r.tgt = remap[r.tgt];
    r.src_state = remap[r.src_state];
    r.tgt_state = remap[r.tgt_state];
    r.code = remap[r.code];
  }
  return order;
}

// Rows by (src, tgt, src_state, tgt_state) packed in 64 bits (dictionary ids < 2^16), then
// (day, id): no indirection in the comparisons.
void SegmentBuilder::Impl::SortRows() {
  struct SortKey {
    uint64_t dyad;
    int64_t day;
    uint64_t id;
    uint32_t row;
  };
  std::vector<SortKey> keys(rows.size());
  for (uint32_t i = 0; i < keys.size(); ++i) {
    const auto& r = rows[i];
    keys[i] = {(uint64_t{r.src} << 48) | (uint64_t{r.tgt} << 32) | (uint64_t{r.src_state} << 16) | r.tgt_state,
               r.day, r.id, i};
  }
  std::sort(keys.begin(), keys.end(), [](const SortKey& x, const SortKey& y) {
    if (x.dyad != y.dyad) return x.dyad < y.dyad;
    if (x.day != y.day) return x.day < y.day;
    return x.id < y.id;
  });
  std::vector<uint32_t> perm(keys.size());
  for (size_t i = 0; i < keys.size(); ++i) perm[i] = keys[i].row;
  keys.clear();
  keys.shrink_to_fit();  // before the sorted copy, to keep the peak low
  std::vector<Row> sorted(perm.size());
  for (size_t i = 0; i < perm.size(); ++i) sorted[i] = rows[perm[i]];
  rows.swap(sorted);
}

// The dyad directory, the hot columns and the month-major summary of the sorted rows.
struct SegmentBuilder::Impl::Columns {
  std::vector<DyadEntry> dyads;
  std::vector<int32_t> day;
  std::vector<uint16_t> code;
  std::vector<int16_t> gold;
  std::vector<uint8_t> quad;
  std::vector<SummaryEntry> summary;
  int32_t min_day = 0, max_day = 0;

  void AddDyadOf(const Row& r, uint64_t i) {
    if (dyads.empty() || dyads.back().src != r.src || dyads.back().tgt != r.tgt ||
        dyads.back().src_state != r.src_state || dyads.back().tgt_state != r.tgt_state)
      dyads.push_back({r.src, r.tgt, r.src_state, r.tgt_state, i, 0});
    ++dyads.back().count;
  }
  void AddToSummary(const Row& r, int32_t month) {
    const uint32_t d = static_cast<uint32_t>(dyads.size() - 1);
    if (summary.empty() || summary.back().dyad != d || summary.back().month != month) {
      SummaryEntry e{};
      e.month = month;
      e.dyad = d;
      summary.push_back(e);
    }
    auto& e = summary.back();
    ++e.count;
    if (r.quad >= 1 && r.quad <= 4) ++e.quad[r.quad - 1];
    e.gold10 += r.gold10;
  }
};

SegmentBuilder::Impl::Columns SegmentBuilder::Impl::BuildColumns() const {
  const uint64_t n = rows.size();
  Columns c;
  c.day.resize(n);
  c.code.resize(n);
  c.gold.resize(n);
  c.quad.resize(n);
  c.min_day = n ? INT32_MAX : 0;
  c.max_day = n ? INT32_MIN : 0;
  int32_t cached_day = INT32_MIN, cached_month = 0;
  for (uint64_t i = 0; i < n; ++i) {
    const auto& r = rows[i];
    c.AddDyadOf(r, i);
    c.day[i] = r.day;
    c.code[i] = static_cast<uint16_t>(r.code);
    c.gold[i] = r.gold10;
    c.quad[i] = r.quad;
    c.min_day = std::min(c.min_day, r.day);
    c.max_day = std::max(c.max_day, r.day);
    if (r.day != cached_day) {
      cached_day = r.day;
      cached_month = MonthOfDay(r.day);
    }
    c.AddToSummary(r, cached_month);
  }
  std::sort(c.summary.begin(), c.summary.end(), [](const SummaryEntry& a, const SummaryEntry& b) {
    return a.month != b.month ? a.month < b.month : a.dyad < b.dyad;
  });
  return c;
}

// Offsets (n_dict + 1) then the strings, in string order.
void SegmentBuilder::Impl::WriteDictionary(const std::vector<uint32_t>& order, std::string* out) const {
  uint32_t off = 0;
  for (uint32_t i : order) {
    Put(out, off);
    off += static_cast<uint32_t>(dict[i].size());
  }
  Put(out, off);
  for (uint32_t i : order) *out += dict[i];
  Align8(out);
}

// The cold columns of rows [first, last), column after column, uncompressed.
void SegmentBuilder::Impl::AppendChunk(uint64_t first, uint64_t last, std::string* raw) const {
  auto col = [&](auto getter) {
    using T = decltype(getter(rows[0]));
    size_t at = raw->size();
    raw->resize(at + (last - first) * sizeof(T));
    char* p = raw->data() + at;
    for (uint64_t i = first; i < last; ++i, p += sizeof(T)) {
      T v = getter(rows[i]);
      std::memcpy(p, &v, sizeof(T));
    }
  };
  col([](const Row& r) { return r.id; });
  col([](const Row& r) { return r.mentions; });
  col([](const Row& r) { return r.sources; });
  col([](const Row& r) { return r.articles; });
  col([](const Row& r) { return r.tone; });
  col([](const Row& r) { return r.lat; });
  col([](const Row& r) { return r.lon; });
  col([](const Row& r) { return r.dataset; });
  col([](const Row& r) { return r.is_root; });
  col([](const Row& r) { return r.geo_type; });
  for (int s = 0; s < kStringFields; ++s) {
    col([s](const Row& r) { return r.len[s]; });
    for (uint64_t i = first; i < last; ++i) {
      const auto& r = rows[i];
      uint64_t off = r.str_off;
      for (int k = 0; k < s; ++k) off += r.len[k];
      raw->append(arena, off, r.len[s]);
    }
  }
}

// The zstd-compressed chunks of kChunkRows rows, appended to *out; returns their index.
Result<std::vector<ChunkIndexEntry>> SegmentBuilder::Impl::WriteChunks(uint64_t n_chunks,
                                                                       std::string* out) const {
  std::vector<ChunkIndexEntry> index(n_chunks);
  std::string raw, packed;
  for (uint64_t c = 0; c < n_chunks; ++c) {
    const uint64_t first = c * kChunkRows;
    const uint64_t last = std::min<uint64_t>(rows.size(), first + kChunkRows);
    raw.clear();
    AppendChunk(first, last, &raw);
    packed.resize(ZSTD_compressBound(raw.size()));
    size_t got = compress(packed.data(), packed.size(), raw.data(), raw.size(), kZstdLevel);
    if (ZSTD_isError(got)) {
      return Status::Internal(fmt::format("segment chunk {} does not compress: {}", c, ZSTD_getErrorName(got)));
    }
    index[c] = {out->size(), got, static_cast<uint32_t>(last - first), static_cast<uint32_t>(raw.size())};
    out->append(packed.data(), got);
  }
  return index;
}

void SegmentBuilder::Impl::Reset() {
  has_records = false;
  rows.clear();
  rows.shrink_to_fit();
  arena.clear();
  arena.shrink_to_fit();
  dict.clear();
  dict_ids.clear();
  cache.assign(cache.size(), CacheSlot());
}

template <typename T>
void PutAligned(std::string* out, uint64_t* offset, const std::vector<T>& v) {
  *offset = out->size();
  PutArray(out, v);
  Align8(out);
}

Result<std::string> SegmentBuilder::Finish() {
  Impl& m = *impl_;
  m.Intern("");
  const std::vector<uint32_t> order = m.SortDictionary();
  m.SortRows();
  const Impl::Columns cols = m.BuildColumns();
  const uint64_t n = m.rows.size();
  SegmentHeader h{};
  std::memcpy(h.magic, kMagic, 8);
  h.version = 1;
  h.flags = m.has_records ? kSegmentHasRecords : 0;
  h.rows = n;
  h.n_dict = static_cast<uint32_t>(m.dict.size());
  h.n_dyads = static_cast<uint32_t>(cols.dyads.size());
  h.n_summary = static_cast<uint32_t>(cols.summary.size());
  h.n_chunks = static_cast<uint32_t>((n + kChunkRows - 1) / kChunkRows);
  h.min_day = cols.min_day;
  h.max_day = cols.max_day;
  std::string out(sizeof h, '\0');
  h.off_dict = out.size();
  m.WriteDictionary(order, &out);
  PutAligned(&out, &h.off_dyads, cols.dyads);
  PutAligned(&out, &h.off_day, cols.day);
  PutAligned(&out, &h.off_code, cols.code);
  PutAligned(&out, &h.off_gold, cols.gold);
  PutAligned(&out, &h.off_quad, cols.quad);
  PutAligned(&out, &h.off_summary, cols.summary);
  h.off_chunk_index = out.size();
  out.append(h.n_chunks * sizeof(ChunkIndexEntry), '\0');
  Align8(&out);
  h.off_chunks = out.size();
  Result<std::vector<ChunkIndexEntry>> chunks = m.WriteChunks(h.n_chunks, &out);
  if (!chunks.ok()) {
    m.Reset();
    return chunks.status();
  }
  const std::vector<ChunkIndexEntry>& index = *chunks;
  if (!index.empty())
    std::memcpy(out.data() + h.off_chunk_index, index.data(), index.size() * sizeof(ChunkIndexEntry));
  std::memcpy(out.data(), &h, sizeof h);
  m.Reset();
  return out;
}

// ------------------------------------------------------------------ reader

Segment::~Segment() {
  if (map_ != nullptr) ::munmap(map_, size_);
}

Result<std::unique_ptr<Segment>> Segment::Open(const std::string& path) {
  int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) return Status::IOError(fmt::format("cannot open segment {}: {}", path, std::strerror(errno)));
  struct stat st;
  if (::fstat(fd, &st) != 0) {
    ::close(fd);
    return Status::IOError(fmt::format("cannot stat {}", path));
  }
  std::unique_ptr<Segment> seg(new Segment());
  seg->size_ = st.st_size;
  if (seg->size_ < sizeof(SegmentHeader)) {
    ::close(fd);
    return Status::Corruption(fmt::format("{}: too short for a segment", path));
  }
  seg->map_ = ::mmap(nullptr, seg->size_, PROT_READ, MAP_SHARED, fd, 0);
  ::close(fd);
  if (seg->map_ == MAP_FAILED) {
    seg->map_ = nullptr;
    return Status::IOError(fmt::format("cannot map {}", path));
  }
  DYAD_RETURN_IF_ERROR(seg->Validate(path));
  return seg;
}

Status Segment::Validate(const std::string& path) {
  const char* base = static_cast<const char*>(map_);
  h_ = reinterpret_cast<const SegmentHeader*>(base);
  auto bad = [&](std::string_view what) {
    return Status::Corruption(fmt::format("{}: bad segment ({})", path, what));
  };
  if (std::memcmp(h_->magic, kMagic, 8) != 0) return bad("magic");
  if (h_->version != 1) return bad("version");
  auto in = [&](uint64_t off, uint64_t bytes) {
    return off <= size_ && bytes <= size_ - off;
  };
  const uint64_t n = h_->rows;
  if (n > (uint64_t{1} << 40)) return bad("row count");
  if (!in(h_->off_dict, (uint64_t{h_->n_dict} + 1) * 4)) return bad("dictionary");
  dict_off_ = reinterpret_cast<const uint32_t*>(base + h_->off_dict);
  dict_bytes_ = base + h_->off_dict + (uint64_t{h_->n_dict} + 1) * 4;
  if (!in(dict_bytes_ - base, dict_off_[h_->n_dict])) return bad("dictionary bytes");
  for (uint32_t i = 0; i < h_->n_dict; ++i) {
    if (dict_off_[i] > dict_off_[i + 1]) return bad("dictionary offsets");
  }
  if (!in(h_->off_dyads, uint64_t{h_->n_dyads} * sizeof(DyadEntry))) return bad("dyads");
  if (!in(h_->off_day, n * 4) || !in(h_->off_code, n * 2) || !in(h_->off_gold, n * 2) ||
      !in(h_->off_quad, n)) {
    return bad("columns");
  }
  if (!in(h_->off_summary, uint64_t{h_->n_summary} * sizeof(SummaryEntry))) return bad("summary");
  if (!in(h_->off_chunk_index, uint64_t{h_->n_chunks} * sizeof(ChunkIndexEntry))) return bad("chunk index");
  dyads_ = reinterpret_cast<const DyadEntry*>(base + h_->off_dyads);
  day_ = reinterpret_cast<const int32_t*>(base + h_->off_day);
  code_ = reinterpret_cast<const uint16_t*>(base + h_->off_code);
  gold_ = reinterpret_cast<const int16_t*>(base + h_->off_gold);
  quad_ = reinterpret_cast<const uint8_t*>(base + h_->off_quad);
  summary_ = reinterpret_cast<const SummaryEntry*>(base + h_->off_summary);
  chunks_ = reinterpret_cast<const ChunkIndexEntry*>(base + h_->off_chunk_index);
  uint64_t expect = 0;
  for (uint32_t i = 0; i < h_->n_dyads; ++i) {
    const DyadEntry& d = dyads_[i];
    if (d.start != expect || d.count > n - d.start || d.src >= h_->n_dict || d.tgt >= h_->n_dict ||
        d.src_state >= h_->n_dict || d.tgt_state >= h_->n_dict) {
      return bad("dyad directory");
    }
    expect += d.count;
  }
  if (expect != n) return bad("dyad directory total");
  uint64_t chunk_rows = 0;
  for (uint32_t i = 0; i < h_->n_chunks; ++i) {
    if (!in(chunks_[i].offset, chunks_[i].compressed)) return bad("chunk bounds");
    chunk_rows += chunks_[i].rows;
  }
  if (chunk_rows != n) return bad("chunk rows");
  for (uint32_t i = 0; i < h_->n_summary; ++i) {
    if (summary_[i].dyad >= h_->n_dyads) return bad("summary dyad");
  }
  return Status::OK();
}

std::string_view Segment::dict(uint32_t id) const {
  return std::string_view(dict_bytes_ + dict_off_[id], dict_off_[id + 1] - dict_off_[id]);
}

int64_t Segment::DictFind(std::string_view s) const {
  uint32_t lo = 0, hi = h_->n_dict;
  while (lo < hi) {
    uint32_t mid = (lo + hi) / 2;
    if (dict(mid) < s) lo = mid + 1;
    else hi = mid;
  }
  // (int64_t: with a uint32_t branch, -1 would become 4294967295 and "found")
  return lo < h_->n_dict && dict(lo) == s ? static_cast<int64_t>(lo) : int64_t{-1};
}

std::pair<uint32_t, uint32_t> Segment::DyadRange(uint32_t src, uint32_t tgt) const {
  auto key = [](const DyadEntry& d) { return (uint64_t{d.src} << 32) | d.tgt; };
  uint64_t k = (uint64_t{src} << 32) | tgt;
  const DyadEntry* b = dyads_;
  const DyadEntry* e = dyads_ + h_->n_dyads;
  const DyadEntry* lo = std::lower_bound(b, e, k, [&](const DyadEntry& d, uint64_t v) { return key(d) < v; });
  const DyadEntry* hi = std::upper_bound(lo, e, k, [&](uint64_t v, const DyadEntry& d) { return v < key(d); });
  return {static_cast<uint32_t>(lo - b), static_cast<uint32_t>(hi - b)};
}

std::pair<uint32_t, uint32_t> Segment::MonthRange(int32_t month) const {
  const SummaryEntry* b = summary_;
  const SummaryEntry* e = summary_ + h_->n_summary;
  const SummaryEntry* lo = std::lower_bound(b, e, month, [](const SummaryEntry& s, int32_t m) { return s.month < m; });
  const SummaryEntry* hi = std::upper_bound(lo, e, month, [](int32_t m, const SummaryEntry& s) { return m < s.month; });
  return {static_cast<uint32_t>(lo - b), static_cast<uint32_t>(hi - b)};
}

Result<std::vector<StoredEvent>> Segment::ReadRows(uint64_t first, uint64_t count) const {
  std::vector<StoredEvent> out;
  if (first > rows() || count > rows() - first) return Status::InvalidArgument("row range out of bounds");
  out.reserve(count);
  const char* base = static_cast<const char*>(map_);
  // Dyad of each row, by walking the directory.
  uint32_t d = 0;
  std::string raw;
  uint64_t end = first + count;
  for (uint64_t c = first / kChunkRows; c * kChunkRows < end; ++c) {
    const ChunkIndexEntry& ci = chunks_[c];
    raw.resize(ci.raw);
    size_t got = ZSTD_decompress(raw.data(), raw.size(), base + ci.offset, ci.compressed);
    if (ZSTD_isError(got) || got != ci.raw) return Status::Corruption("segment chunk does not decompress");
    const uint64_t k = ci.rows;
    const char* p = raw.data();
    const char* rend = raw.data() + raw.size();
    auto take = [&](size_t bytes) -> const char* {
      if (static_cast<size_t>(rend - p) < bytes) return nullptr;
      const char* q = p;
      p += bytes;
      return q;
    };
    const char* ids = take(k * 8);
    const char* men = take(k * 4);
    const char* src = take(k * 4);
    const char* art = take(k * 4);
    const char* tone = take(k * 4);
    const char* lat = take(k * 4);
    const char* lon = take(k * 4);
    const char* ds = take(k);
    const char* root = take(k);
    const char* gt = take(k);
    if (gt == nullptr) return Status::Corruption("segment chunk too short");
    std::vector<std::string_view> strs[kStringFields];
    for (int s = 0; s < kStringFields; ++s) {
      const char* lens = take(k * 4);
      if (lens == nullptr) return Status::Corruption("segment chunk too short");
      strs[s].resize(k);
      for (uint64_t i = 0; i < k; ++i) {
        uint32_t len;
        std::memcpy(&len, lens + i * 4, 4);
        const char* b = take(len);
        if (b == nullptr) return Status::Corruption("segment chunk strings too short");
        strs[s][i] = std::string_view(b, len);
      }
    }
    uint64_t row0 = c * kChunkRows;
    for (uint64_t i = std::max(first, row0) - row0; i < k && row0 + i < end; ++i) {
      uint64_t row = row0 + i;
      while (d + 1 < h_->n_dyads && dyads_[d].start + dyads_[d].count <= row) ++d;
      const DyadEntry& dy = dyads_[d];
      StoredEvent e;
      e.day = day_[row];
      e.src_country = dict(dy.src);
      e.tgt_country = dict(dy.tgt);
      e.src_state = dict(dy.src_state);
      e.tgt_state = dict(dy.tgt_state);
      if (code_[row] >= h_->n_dict) return Status::Corruption("segment code id out of range");
      e.code = dict(code_[row]);
      e.quad = quad_[row];
      e.goldstein = gold_[row] / 10.0f;
      std::memcpy(&e.id, ids + i * 8, 8);
      std::memcpy(&e.mentions, men + i * 4, 4);
      std::memcpy(&e.sources, src + i * 4, 4);
      std::memcpy(&e.articles, art + i * 4, 4);
      std::memcpy(&e.tone, tone + i * 4, 4);
      std::memcpy(&e.lat, lat + i * 4, 4);
      std::memcpy(&e.lon, lon + i * 4, 4);
      e.dataset = static_cast<Dataset>(static_cast<uint8_t>(ds[i]));
      e.is_root = root[i] != 0;
      e.geo_type = static_cast<uint8_t>(gt[i]);
      e.src_actor = strs[0][i];
      e.tgt_actor = strs[1][i];
      e.src_role = strs[2][i];
      e.tgt_role = strs[3][i];
      e.geo_fips = strs[4][i];
      e.geo_state = strs[5][i];
      e.url = strs[6][i];
      out.push_back(std::move(e));
    }
  }
  return out;
}

}  // namespace dyad::events
