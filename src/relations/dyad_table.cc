#include "relations/dyad_table.h"

#include <fcntl.h>
#include <fmt/format.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>
#include <zlib.h>

#include <algorithm>
#include <cstring>
#include <numeric>

namespace dyad::relations {
namespace {

constexpr char kMagic[8] = {'D', 'Y', 'A', 'D', 'T', 'B', 'L', '1'};
constexpr size_t kHeaderBytes = 32;  // magic, u64 rows, u32 crc, u32 reserved, u64 body bytes

template <typename T>
void Put(std::string* out, T v) {
  out->append(reinterpret_cast<const char*>(&v), sizeof v);
}
void PutString(std::string* out, std::string_view s) {
  Put<uint32_t>(out, static_cast<uint32_t>(s.size()));
  out->append(s);
}

// Reads the body in order; any overrun makes ok false.
struct Cursor {
  std::string_view bytes;
  size_t pos = 0;
  bool ok = true;
  template <typename T>
  T Get() {
    T v{};
    if (pos + sizeof v > bytes.size()) { ok = false; return v; }
    std::memcpy(&v, bytes.data() + pos, sizeof v);
    pos += sizeof v;
    return v;
  }
  std::string GetString() {
    uint32_t n = Get<uint32_t>();
    if (!ok || pos + n > bytes.size()) { ok = false; return {}; }
    std::string s(bytes.substr(pos, n));
    pos += n;
    return s;
  }
  const void* Array(size_t n, size_t width) {
    pos = (pos + 7) / 8 * 8;
    if (pos + n * width > bytes.size()) { ok = false; return nullptr; }
    const void* p = bytes.data() + pos;
    pos += n * width;
    return p;
  }
};

uint32_t Crc(std::string_view s) {
  uLong crc = crc32(0L, Z_NULL, 0);
  size_t off = 0;
  while (off < s.size()) {
    uInt chunk = static_cast<uInt>(std::min<size_t>(s.size() - off, 1u << 30));
    crc = crc32(crc, reinterpret_cast<const Bytef*>(s.data() + off), chunk);
    off += chunk;
  }
  return static_cast<uint32_t>(crc);
}

}  // namespace

DyadTableBuilder::DyadTableBuilder(TableMeta meta, std::vector<ColumnSpec> columns)
    : meta_(std::move(meta)), columns_(std::move(columns)), values_(columns_.size()) {}

uint16_t DyadTableBuilder::KeyIndex(std::string_view key) {
  auto [it, added] = key_index_.try_emplace(std::string(key), static_cast<uint16_t>(keys_.size()));
  if (added) keys_.emplace_back(key);
  return it->second;
}

void DyadTableBuilder::Add(std::string_view a, std::string_view b, int year,
                           std::span<const double> values) {
  a_.push_back(KeyIndex(a));
  b_.push_back(b.empty() ? kNoState : KeyIndex(b));
  year_.push_back(static_cast<int16_t>(year));
  for (size_t c = 0; c < values_.size(); ++c)
    values_[c].push_back(c < values.size() ? values[c] : std::nan(""));
}

std::string DyadTableBuilder::Serialize() const {
  // Keys sorted, so that index order is key order; rows sorted by (a, b, year, input order).
  std::vector<uint16_t> order(keys_.size()), remap(keys_.size());
  std::iota(order.begin(), order.end(), 0);
  std::sort(order.begin(), order.end(), [&](uint16_t x, uint16_t y) { return keys_[x] < keys_[y]; });
  for (size_t i = 0; i < order.size(); ++i) remap[order[i]] = static_cast<uint16_t>(i);
  auto map_b = [&](uint16_t b) { return b == kNoState ? kNoState : remap[b]; };
  std::vector<uint32_t> rows(year_.size());
  std::iota(rows.begin(), rows.end(), 0);
  std::stable_sort(rows.begin(), rows.end(), [&](uint32_t x, uint32_t y) {
    auto kx = std::tuple(remap[a_[x]], map_b(b_[x]), year_[x]);
    auto ky = std::tuple(remap[a_[y]], map_b(b_[y]), year_[y]);
    return kx < ky;
  });

  std::string body;
  PutString(&body, meta_.dataset);
  PutString(&body, meta_.upstream_version);
  PutString(&body, meta_.currency);
  Put<uint32_t>(&body, static_cast<uint32_t>(meta_.files.size()));
  for (const auto& f : meta_.files) PutString(&body, f);
  Put<uint32_t>(&body, static_cast<uint32_t>(keys_.size()));
  for (uint16_t k : order) PutString(&body, keys_[k]);
  Put<uint32_t>(&body, static_cast<uint32_t>(columns_.size()));
  for (const auto& c : columns_) {
    PutString(&body, c.name);
    Put<uint8_t>(&body, static_cast<uint8_t>(c.type));
  }
  auto put_array = [&](auto get) {
    body.resize((body.size() + kHeaderBytes + 7) / 8 * 8 - kHeaderBytes);
    for (uint32_t r : rows) Put(&body, get(r));
  };
  put_array([&](uint32_t r) { return remap[a_[r]]; });
  put_array([&](uint32_t r) { return map_b(b_[r]); });
  put_array([&](uint32_t r) { return year_[r]; });
  for (size_t c = 0; c < columns_.size(); ++c) {
    if (columns_[c].type == ColumnType::kInt32) {
      put_array([&](uint32_t r) {
        double v = values_[c][r];
        return std::isnan(v) ? kMissingInt : static_cast<int32_t>(std::llround(v));
      });
    } else {
      put_array([&](uint32_t r) { return values_[c][r]; });
    }
  }
  std::string out(kMagic, sizeof kMagic);
  Put<uint64_t>(&out, year_.size());
  Put<uint32_t>(&out, Crc(body));
  Put<uint32_t>(&out, 0);
  Put<uint64_t>(&out, body.size());
  out += body;
  return out;
}

DyadTable::~DyadTable() {
  if (map_ != nullptr) munmap(map_, map_size_);
}

Result<std::shared_ptr<const DyadTable>> DyadTable::Open(const std::string& path) {
  int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) return Status::NotFound(fmt::format("{}: cannot open: {}", path, std::strerror(errno)));
  struct stat st {};
  if (fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
    ::close(fd);
    return Status::InvalidArgument(fmt::format("{}: not a regular file", path));
  }
  size_t size = static_cast<size_t>(st.st_size);
  void* map = size == 0 ? MAP_FAILED : mmap(nullptr, size, PROT_READ, MAP_SHARED, fd, 0);
  ::close(fd);
  if (map == MAP_FAILED) return Status::Corruption(fmt::format("{}: empty or unmappable", path));
  std::shared_ptr<DyadTable> t(new DyadTable());
  t->name_ = path;
  t->map_ = map;
  t->map_size_ = size;
  DYAD_RETURN_IF_ERROR(t->Parse(std::string_view(static_cast<const char*>(map), size)));
  return std::shared_ptr<const DyadTable>(std::move(t));
}

Result<std::shared_ptr<const DyadTable>> DyadTable::FromBuffer(std::string bytes, std::string name) {
  std::shared_ptr<DyadTable> t(new DyadTable());
  t->name_ = std::move(name);
  t->owned_ = std::move(bytes);
  DYAD_RETURN_IF_ERROR(t->Parse(t->owned_));
  return std::shared_ptr<const DyadTable>(std::move(t));
}

Status DyadTable::Parse(std::string_view bytes) {
  auto bad = [&](std::string_view what) {
    return Status::Corruption(fmt::format("{}: not a dyad table ({})", name_, what));
  };
  if (bytes.size() < kHeaderBytes || std::memcmp(bytes.data(), kMagic, sizeof kMagic) != 0)
    return bad("bad magic");
  Cursor h{bytes.substr(8, kHeaderBytes - 8)};
  rows_ = h.Get<uint64_t>();
  crc_ = h.Get<uint32_t>();
  h.Get<uint32_t>();
  uint64_t body_bytes = h.Get<uint64_t>();
  if (body_bytes != bytes.size() - kHeaderBytes) return bad("truncated");
  bytes_ = bytes;
  body_offset_ = kHeaderBytes;
  // Arrays are aligned to 8 within the whole file: the cursor runs over the whole file.
  Cursor c{bytes, kHeaderBytes};
  meta_.dataset = c.GetString();
  meta_.upstream_version = c.GetString();
  meta_.currency = c.GetString();
  uint32_t nfiles = c.Get<uint32_t>();
  for (uint32_t i = 0; i < nfiles && c.ok; ++i) meta_.files.push_back(c.GetString());
  uint32_t nkeys = c.Get<uint32_t>();
  for (uint32_t i = 0; i < nkeys && c.ok; ++i) keys_.push_back(c.GetString());
  uint32_t ncols = c.Get<uint32_t>();
  for (uint32_t i = 0; i < ncols && c.ok; ++i) {
    ColumnSpec spec{c.GetString(), static_cast<ColumnType>(c.Get<uint8_t>())};
    if (spec.type != ColumnType::kInt32 && spec.type != ColumnType::kFloat64) return bad("column type");
    columns_.push_back(std::move(spec));
  }
  a_ = static_cast<const uint16_t*>(c.Array(rows_, 2));
  b_ = static_cast<const uint16_t*>(c.Array(rows_, 2));
  year_ = static_cast<const int16_t*>(c.Array(rows_, 2));
  for (const auto& spec : columns_)
    data_.push_back(c.Array(rows_, spec.type == ColumnType::kInt32 ? 4 : 8));
  if (!c.ok || c.pos != bytes.size()) return bad("sizes do not add up");
  return Status::OK();
}

std::pair<int, int> DyadTable::YearSpan() const {
  std::call_once(years_once_, [this] {
    if (rows_ == 0) return;
    auto [lo, hi] = std::minmax_element(year_, year_ + rows_);
    years_ = {*lo, *hi};
  });
  return years_;
}

Status DyadTable::Verify() const {
  if (Crc(bytes_.substr(body_offset_)) != crc_)
    return Status::Corruption(fmt::format("{}: checksum mismatch (the file is damaged)", name_));
  for (size_t r = 0; r < rows_; ++r)
    if (a_[r] >= keys_.size() || (b_[r] != kNoState && b_[r] >= keys_.size()))
      return Status::Corruption(fmt::format("{}: row {} names no key", name_, r));
  return Status::OK();
}

int DyadTable::Column(std::string_view name) const {
  for (size_t i = 0; i < columns_.size(); ++i)
    if (columns_[i].name == name) return static_cast<int>(i);
  return -1;
}

uint16_t DyadTable::KeyIndex(std::string_view key) const {
  auto it = std::lower_bound(keys_.begin(), keys_.end(), key);
  if (it == keys_.end() || *it != key) return kNoState;
  return static_cast<uint16_t>(it - keys_.begin());
}

double DyadTable::Value(size_t row, int col) const {
  if (columns_[col].type == ColumnType::kInt32) {
    int32_t v = static_cast<const int32_t*>(data_[col])[row];
    return v == kMissingInt ? std::nan("") : v;
  }
  return static_cast<const double*>(data_[col])[row];
}

std::pair<size_t, size_t> DyadTable::RangeIdx(uint16_t a, uint16_t b, int year) const {
  // Binary search on the (a, b, year) order; year < 0 means every year.
  auto less = [&](size_t r, bool upper) {
    auto row = std::tuple(a_[r], b_[r], year < 0 ? 0 : year_[r]);
    auto key = std::tuple(a, b, year < 0 ? 0 : static_cast<int16_t>(year));
    return upper ? !(key < row) : row < key;
  };
  size_t lo = 0, hi = rows_;
  while (lo < hi) {
    size_t mid = (lo + hi) / 2;
    if (less(mid, false)) lo = mid + 1; else hi = mid;
  }
  size_t first = lo;
  hi = rows_;
  while (lo < hi) {
    size_t mid = (lo + hi) / 2;
    if (less(mid, true)) lo = mid + 1; else hi = mid;
  }
  return {first, lo};
}

std::pair<size_t, size_t> DyadTable::Range(std::string_view a, std::string_view b, int year) const {
  uint16_t ia = KeyIndex(a);
  uint16_t ib = b.empty() ? kNoState : KeyIndex(b);
  if (ia == kNoState || (!b.empty() && ib == kNoState)) return {0, 0};
  return RangeIdx(ia, ib, year);
}

std::pair<size_t, size_t> DyadTable::Range(std::string_view a, std::string_view b) const {
  return Range(a, b, -1);
}

}  // namespace dyad::relations
