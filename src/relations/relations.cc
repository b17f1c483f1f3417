#include "relations/relations.h"

#include <fmt/format.h>
#include <sys/stat.h>
#include <zstd.h>

#include <cmath>
#include <cstdlib>
#include <filesystem>

#include "base/date.h"
#include "base/file.h"
#include "base/paths.h"

namespace dyad::relations {
namespace {

namespace fs = std::filesystem;
constexpr std::string_view kPackSuffix = ".dyt.zst";

Result<std::string> Decompress(const std::string& path) {
  auto packed = ReadFile(path);
  if (!packed.ok()) return packed.status();
  unsigned long long size = ZSTD_getFrameContentSize(packed->data(), packed->size());
  if (size == ZSTD_CONTENTSIZE_ERROR || size == ZSTD_CONTENTSIZE_UNKNOWN)
    return Status::Corruption(fmt::format("{}: not a zstd frame with a content size", path));
  std::string out(size, '\0');
  size_t n = ZSTD_decompress(out.data(), out.size(), packed->data(), packed->size());
  if (ZSTD_isError(n) || n != size)
    return Status::Corruption(fmt::format("{}: zstd: {}", path, ZSTD_getErrorName(n)));
  return out;
}

// Cache name: NAME-SIZE-MTIMENS.dyt, so a changed pack file gets a new cache entry.
std::string CacheName(const fs::path& pack, std::string_view name) {
  struct stat st {};
  stat(pack.c_str(), &st);
  long long ns = static_cast<long long>(st.st_mtim.tv_sec) * 1000000000LL + st.st_mtim.tv_nsec;
  return fmt::format("{}-{}-{}.dyt", name, static_cast<long long>(st.st_size), ns);
}

void RemoveStale(const fs::path& cache_dir, std::string_view name, const std::string& keep) {
  std::error_code ec;
  for (const auto& e : fs::directory_iterator(cache_dir, ec)) {
    std::string f = e.path().filename().string();
    if (f != keep && f.starts_with(std::string(name) + "-") && f.ends_with(".dyt")) fs::remove(e.path(), ec);
  }
}

// Maps the cached table, making it first when needed; in memory when the cache is not writable.
Result<std::shared_ptr<const DyadTable>> LoadOne(const fs::path& pack, std::string_view name,
                                                 const fs::path& cache_dir) {
  std::string cname = CacheName(pack, name);
  fs::path cached = cache_dir / cname;
  if (FileExists(cached.string())) {
    auto t = DyadTable::Open(cached.string());
    if (t.ok()) return t;
  }
  auto bytes = Decompress(pack.string());
  if (!bytes.ok()) return bytes.status();
  auto t = DyadTable::FromBuffer(*bytes, pack.string());
  if (!t.ok()) return t.status();
  DYAD_RETURN_IF_ERROR((*t)->Verify());
  std::error_code ec;
  fs::create_directories(cache_dir, ec);
  if (!ec && WriteFileAtomic(cached.string(), *bytes).ok()) {
    RemoveStale(cache_dir, name, cname);
    if (auto mapped = DyadTable::Open(cached.string()); mapped.ok()) return mapped;
  }
  return t;
}

std::optional<double> Opt(const DyadTable& t, size_t row, int col) {
  double v = t.Value(row, col);
  if (std::isnan(v)) return std::nullopt;
  return v;
}

int Int(const DyadTable& t, size_t row, int col, int missing = 0) {
  double v = t.Value(row, col);
  return std::isnan(v) ? missing : static_cast<int>(v);
}

}  // namespace

std::string Relations::DefaultPackDir() { return DataDir() + "/relations"; }

std::string Relations::DefaultCacheDir() {
  if (const char* c = std::getenv("DYAD_CACHE"); c != nullptr && *c != '\0') return c;
  return DataDir() + "/relations/compiled";
}

Result<std::shared_ptr<const Relations>> Relations::Open(const std::string& pack_dir,
                                                         const std::string& cache_dir) {
  auto r = std::make_shared<Relations>();
  std::error_code ec;
  fs::directory_iterator it(pack_dir, ec);
  if (ec) return Status::NotFound(fmt::format("{}: cannot read the relations pack: {}", pack_dir, ec.message()));
  for (const auto& e : it) {
    std::string f = e.path().filename().string();
    if (!f.ends_with(kPackSuffix)) continue;
    std::string name = f.substr(0, f.size() - kPackSuffix.size());
    auto t = LoadOne(e.path(), name, cache_dir);
    if (!t.ok()) return t.status();
    r->tables_[name] = *t;
  }
  return std::shared_ptr<const Relations>(std::move(r));
}

Result<std::shared_ptr<const Relations>> Relations::OpenDefault() {
  return Open(DefaultPackDir(), DefaultCacheDir());
}

Status Relations::Compile(const std::string& pack_dir, const std::string& cache_dir) {
  std::error_code ec;
  fs::create_directories(cache_dir, ec);
  if (ec || !fs::is_directory(cache_dir, ec)) {
    return Status::IOError(fmt::format("cannot create the cache directory {}: {}", cache_dir,
                                       ec ? ec.message() : "it exists and is not a directory"));
  }
  auto r = Open(pack_dir, cache_dir);
  if (!r.ok()) return r.status();
  for (const auto& [name, t] : (*r)->tables_) DYAD_RETURN_IF_ERROR(t->Verify());
  // Open falls back to memory when the cache cannot be written; the build step must not
  // report a compile that wrote nothing.
  for (const auto& e : fs::directory_iterator(pack_dir, ec)) {
    const std::string f = e.path().filename().string();
    if (!f.ends_with(kPackSuffix)) continue;
    const std::string name = f.substr(0, f.size() - kPackSuffix.size());
    if (!FileExists((fs::path(cache_dir) / CacheName(e.path(), name)).string())) {
      return Status::IOError(fmt::format("cannot write the compiled table {} into {}", name, cache_dir));
    }
  }
  return Status::OK();
}

const DyadTable* Relations::table(std::string_view name) const {
  auto it = tables_.find(name);
  return it == tables_.end() ? nullptr : it->second.get();
}

std::vector<std::string> Relations::table_names() const {
  std::vector<std::string> out;
  for (const auto& [name, t] : tables_) out.push_back(name);
  return out;
}

std::optional<double> Relations::IdealPoint(std::string_view a, int year) const {
  const DyadTable* t = table("unideal");
  if (t == nullptr) return std::nullopt;
  auto [lo, hi] = t->Range(a, "", year);
  if (lo == hi) return std::nullopt;
  return Opt(*t, lo, t->Column("idealpoint"));
}

namespace {

UnVoteYear VoteRow(const DyadTable& t, size_t r) {
  UnVoteYear y;
  y.year = t.year(r);
  y.votes_both = Int(t, r, t.Column("votes_both"));
  y.agree = Int(t, r, t.Column("agree"));
  return y;
}

}  // namespace

std::optional<UnVoteYear> Relations::UnVoteAgreement(std::string_view a, std::string_view b, int year) const {
  const DyadTable* t = table("unvotes");
  if (t == nullptr) return std::nullopt;
  auto [x, y] = Undirected(a, b);
  auto [lo, hi] = t->Range(x, y, year);
  if (lo == hi) return std::nullopt;
  UnVoteYear v = VoteRow(*t, lo);
  auto ia = IdealPoint(a, year), ib = IdealPoint(b, year);
  if (ia && ib) v.ideal_distance = std::fabs(*ia - *ib);
  return v;
}

std::vector<UnVoteYear> Relations::UnVoteSeries(std::string_view a, std::string_view b) const {
  std::vector<UnVoteYear> out;
  const DyadTable* t = table("unvotes");
  if (t == nullptr) return out;
  auto [x, y] = Undirected(a, b);
  auto [lo, hi] = t->Range(x, y);
  for (size_t r = lo; r < hi; ++r) {
    UnVoteYear v = VoteRow(*t, r);
    auto ia = IdealPoint(a, v.year), ib = IdealPoint(b, v.year);
    if (ia && ib) v.ideal_distance = std::fabs(*ia - *ib);
    out.push_back(v);
  }
  return out;
}

namespace {

AllianceYear AllianceRow(const DyadTable& t, size_t r) {
  AllianceYear y;
  y.year = t.year(r);
  y.defense = Int(t, r, t.Column("defense")) == 1;
  y.offense = Int(t, r, t.Column("offense")) == 1;
  y.neutral = Int(t, r, t.Column("neutral")) == 1;
  y.nonagg = Int(t, r, t.Column("nonagg")) == 1;
  y.consul = Int(t, r, t.Column("consul")) == 1;
  return y;
}

TradeYear TradeRow(const DyadTable& t, size_t r, bool swapped) {
  TradeYear y;
  y.year = t.year(r);
  auto f1 = Opt(t, r, t.Column("flow1")), f2 = Opt(t, r, t.Column("flow2"));
  y.a_from_b = swapped ? f2 : f1;
  y.b_from_a = swapped ? f1 : f2;
  return y;
}

}  // namespace

std::optional<AllianceYear> Relations::Alliances(std::string_view a, std::string_view b, int year) const {
  const DyadTable* t = table("atop");
  if (t == nullptr) return std::nullopt;
  auto [lo, hi] = t->Range(a, b, year);
  if (lo == hi) return std::nullopt;
  return AllianceRow(*t, lo);
}

std::vector<AllianceYear> Relations::AllianceSeries(std::string_view a, std::string_view b) const {
  std::vector<AllianceYear> out;
  if (const DyadTable* t = table("atop")) {
    auto [lo, hi] = t->Range(a, b);
    for (size_t r = lo; r < hi; ++r) out.push_back(AllianceRow(*t, r));
  }
  return out;
}

std::optional<TradeYear> Relations::Trade(std::string_view a, std::string_view b, int year) const {
  const DyadTable* t = table("cow-trade");
  if (t == nullptr) return std::nullopt;
  auto [x, y] = Undirected(a, b);
  auto [lo, hi] = t->Range(x, y, year);
  if (lo == hi) return std::nullopt;
  return TradeRow(*t, lo, x != a);
}

std::vector<TradeYear> Relations::TradeSeries(std::string_view a, std::string_view b) const {
  std::vector<TradeYear> out;
  if (const DyadTable* t = table("cow-trade")) {
    auto [x, y] = Undirected(a, b);
    auto [lo, hi] = t->Range(x, y);
    for (size_t r = lo; r < hi; ++r) out.push_back(TradeRow(*t, r, x != a));
  }
  return out;
}

std::optional<IgoYear> Relations::SharedIgos(std::string_view a, std::string_view b, int year) const {
  const DyadTable* t = table("cow-igo");
  if (t == nullptr) return std::nullopt;
  auto [x, y] = Undirected(a, b);
  auto [lo, hi] = t->Range(x, y, year);
  if (lo == hi) return std::nullopt;
  return IgoYear{year, Int(*t, lo, t->Column("dyadigos"))};
}

std::vector<IgoYear> Relations::SharedIgoSeries(std::string_view a, std::string_view b) const {
  std::vector<IgoYear> out;
  if (const DyadTable* t = table("cow-igo")) {
    auto [x, y] = Undirected(a, b);
    auto [lo, hi] = t->Range(x, y);
    for (size_t r = lo; r < hi; ++r) out.push_back({t->year(r), Int(*t, r, t->Column("dyadigos"))});
  }
  return out;
}

std::vector<DisputeYear> Relations::Disputes(std::string_view a, std::string_view b) const {
  std::vector<DisputeYear> out;
  const DyadTable* t = table("mid");
  if (t == nullptr) return out;
  auto [lo, hi] = t->Range(a, b);
  for (size_t r = lo; r < hi; ++r) {
    DisputeYear d;
    d.dispnum = Int(*t, r, t->Column("dispnum"));
    d.year = t->year(r);
    d.onset = Int(*t, r, t->Column("disponset")) == 1;
    d.a_side_a = Int(*t, r, t->Column("sidea1")) == 1;
    d.hostlev_a = Int(*t, r, t->Column("hostlev1"));
    d.hostlev_b = Int(*t, r, t->Column("hostlev2"));
    d.fatality_a = Int(*t, r, t->Column("fatality1"), -9);
    d.fatality_b = Int(*t, r, t->Column("fatality2"), -9);
    out.push_back(d);
  }
  return out;
}

std::vector<ConflictYear> Relations::Conflicts(std::string_view a, std::string_view b) const {
  std::vector<ConflictYear> out;
  const DyadTable* t = table("ucdp");
  if (t == nullptr) return out;
  auto [lo, hi] = t->Range(a, b);
  for (size_t r = lo; r < hi; ++r)
    out.push_back({Int(*t, r, t->Column("conflict_id")), t->year(r), Int(*t, r, t->Column("intensity")),
                   Int(*t, r, t->Column("a_side_a")) == 1});
  return out;
}

std::vector<ContiguitySpell> Relations::ContiguitySpells(std::string_view a, std::string_view b) const {
  std::vector<ContiguitySpell> out;
  const DyadTable* t = table("contiguity");
  if (t == nullptr) return out;
  auto [lo, hi] = t->Range(a, b);
  for (size_t r = lo; r < hi; ++r)
    out.push_back({Int(*t, r, t->Column("conttype")), Int(*t, r, t->Column("start_day")),
                   Int(*t, r, t->Column("end_day"))});
  return out;
}

int Relations::Contiguity(std::string_view a, std::string_view b, int year) const {
  int best = 0;
  int32_t first = DaysFromCivil(year, 1, 1), last = DaysFromCivil(year, 12, 31);
  for (const auto& s : ContiguitySpells(a, b))
    if (s.start_day <= last && s.end_day >= first && s.type > 0 && (best == 0 || s.type < best)) best = s.type;
  return best;
}

std::optional<double> Relations::CapitalDistanceKm(std::string_view a, std::string_view b, int32_t day) const {
  const DyadTable* t = table("capitals");
  if (t == nullptr) return std::nullopt;
  auto where = [&](std::string_view k) -> std::optional<std::pair<double, double>> {
    auto [lo, hi] = t->Range(k, "");
    for (size_t r = lo; r < hi; ++r)
      if (Int(*t, r, t->Column("start_day")) <= day && day <= Int(*t, r, t->Column("end_day")))
        return std::pair(t->Value(r, t->Column("lat")), t->Value(r, t->Column("lng")));
    return std::nullopt;
  };
  auto pa = where(a), pb = where(b);
  if (!pa || !pb) return std::nullopt;
  constexpr double kRad = 3.14159265358979323846 / 180.0, kEarthKm = 6371.0088;
  double dlat = (pb->first - pa->first) * kRad, dlon = (pb->second - pa->second) * kRad;
  double h = std::sin(dlat / 2) * std::sin(dlat / 2) +
             std::cos(pa->first * kRad) * std::cos(pb->first * kRad) * std::sin(dlon / 2) * std::sin(dlon / 2);
  return 2 * kEarthKm * std::asin(std::min(1.0, std::sqrt(h)));
}

}  // namespace dyad::relations
