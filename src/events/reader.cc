#include "events/reader.h"

#include <fmt/format.h>
#include <sys/stat.h>
#include <unistd.h>

#include <charconv>
#include <cstdio>
#include <cmath>
#include <cstring>

#include "base/strings.h"
#include "base/date.h"
#include "base/line_reader.h"
#include "base/unicode.h"

namespace dyad::events {
namespace {

constexpr int kMaxFields = 64;

template <typename T>
bool ParseInt(std::string_view s, T* v) {
  if (s.empty()) return false;
  auto [p, ec] = std::from_chars(s.data(), s.data() + s.size(), *v);
  return ec == std::errc() && p == s.data() + s.size();
}

bool ParseFloat(std::string_view s, float* v) {
  if (s.empty()) return false;
  auto [p, ec] = std::from_chars(s.data(), s.data() + s.size(), *v);
  return ec == std::errc() && p == s.data() + s.size();
}

// Empty or "NA" -> NaN; otherwise must parse.
bool ParseOptFloat(std::string_view s, float* v) {
  if (s.empty() || s == "NA") {
    *v = NAN;
    return true;
  }
  return ParseFloat(s, v);
}

bool ParseDigits(std::string_view s, int* v) {
  int x = 0;
  for (char c : s) {
    if (c < '0' || c > '9') return false;
    x = x * 10 + (c - '0');
  }
  *v = x;
  return !s.empty();
}

bool ValidDay(int y, int m, int d, int32_t* day) {
  if (y < 1 || y > 9999 || m < 1 || m > 12 || d < 1 || d > DaysInMonth(y, m)) return false;
  *day = DaysFromCivil(y, m, d);
  return true;
}

// YYYYMMDD.
bool ParseCompactDay(std::string_view s, int32_t* day) {
  int y, m, d;
  if (s.size() != 8 || !ParseDigits(s.substr(0, 4), &y) || !ParseDigits(s.substr(4, 2), &m) ||
      !ParseDigits(s.substr(6, 2), &d)) {
    return false;
  }
  return ValidDay(y, m, d, day);
}

// YYYY-MM-DD.
bool ParseIsoDay(std::string_view s, int32_t* day) {
  int y, m, d;
  if (s.size() != 10 || s[4] != '-' || s[7] != '-' || !ParseDigits(s.substr(0, 4), &y) ||
      !ParseDigits(s.substr(5, 2), &m) || !ParseDigits(s.substr(8, 2), &d)) {
    return false;
  }
  return ValidDay(y, m, d, day);
}

// True when every byte is < 0x80, 8 bytes at a time; most event rows are ASCII.
bool IsAscii(std::string_view s) {
  const char* p = s.data();
  size_t n = s.size(), i = 0;
  uint64_t acc = 0;
  for (; i + 8 <= n; i += 8) {
    uint64_t w;
    std::memcpy(&w, p + i, 8);
    acc |= w;
  }
  for (; i < n; ++i) acc |= static_cast<unsigned char>(p[i]);
  return (acc & 0x8080808080808080ull) == 0;
}

std::string_view FirstOfList(std::string_view s) {
  if (s == "NA") return {};
  size_t comma = s.find(',');
  std::string_view first = comma == std::string_view::npos ? s : s.substr(0, comma);
  if (!first.empty() && first.front() == '"') first.remove_prefix(1);
  if (!first.empty() && first.back() == '"') first.remove_suffix(1);
  return first;
}

// The name of column `col` (0-based) of a row with `n` fields, for messages.
std::string GdeltFieldName(int n, int col) {
  static const char* const kHead[] = {
      "GLOBALEVENTID", "SQLDATE", "MonthYear", "Year", "FractionDate"};
  static const char* const kActor[] = {"Code", "Name", "CountryCode", "KnownGroupCode",
                                       "EthnicCode", "Religion1Code", "Religion2Code",
                                       "Type1Code", "Type2Code", "Type3Code"};
  static const char* const kEvent[] = {"IsRootEvent", "EventCode", "EventBaseCode",
                                       "EventRootCode", "QuadClass", "GoldsteinScale",
                                       "NumMentions", "NumSources", "NumArticles", "AvgTone"};
  static const char* const kGeo1[] = {"Type", "FullName", "CountryCode", "ADM1Code",
                                      "Lat", "Long", "FeatureID"};
  static const char* const kGeo2[] = {"Type", "FullName", "CountryCode", "ADM1Code",
                                      "ADM2Code", "Lat", "Long", "FeatureID"};
  static const char* const kGeoName[] = {"Actor1Geo_", "Actor2Geo_", "ActionGeo_"};
  if (col < 5) return kHead[col];
  if (col < 25) return fmt::format("Actor{}{}", col < 15 ? 1 : 2, kActor[(col - 5) % 10]);
  if (col < 35) return kEvent[col - 25];
  const int per = n == 61 ? 8 : 7;
  if (col < 35 + 3 * per) {
    int g = (col - 35) / per, k = (col - 35) % per;
    return fmt::format("{}{}", kGeoName[g], per == 8 ? kGeo2[k] : kGeo1[k]);
  }
  return col == 35 + 3 * per ? "DATEADDED" : "SOURCEURL";
}

constexpr const char* kIcewsFields[] = {
    "Event ID", "Event Date", "Source Name", "Source Sectors", "Source Country", "Event Text",
    "CAMEO Code", "Intensity", "Target Name", "Target Sectors", "Target Country", "Story ID",
    "Sentence Number", "Publisher", "City", "District", "Province", "Country", "Latitude",
    "Longitude"};

constexpr const char* kNativeFields[] = {
    "dataset", "id", "date", "src_country", "tgt_country", "src_state", "tgt_state",
    "src_actor", "tgt_actor", "src_role", "tgt_role", "code", "quad", "goldstein", "mentions",
    "sources", "articles", "tone", "geo_fips", "geo_state", "geo_type", "lat", "lon",
    "is_root", "url"};

std::string FieldName(InputFormat format, int n, int col) {
  if (format == InputFormat::kGdelt && (n == 57 || n == 58 || n == 61)) return GdeltFieldName(n, col);
  if (format == InputFormat::kIcews && col < 20) return kIcewsFields[col];
  if (format == InputFormat::kNative && col < 25) return kNativeFields[col];
  return fmt::format("field {}", col + 1);
}

bool InRange(float v, float lo, float hi) { return v >= lo && v <= hi; }  // false for NaN
bool OptInRange(float v, float lo, float hi) { return std::isnan(v) || InRange(v, lo, hi); }

constexpr int kNativeColumns = 25;
constexpr std::string_view kNativeHeader =
    "dataset\tid\tdate\tsrc_country\ttgt_country\tsrc_state\ttgt_state\tsrc_actor\ttgt_actor\t"
    "src_role\ttgt_role\tcode\tquad\tgoldstein\tmentions\tsources\tarticles\ttone\tgeo_fips\t"
    "geo_state\tgeo_type\tlat\tlon\tis_root\turl";

}  // namespace

std::string_view DatasetName(Dataset d) {
  switch (d) {
    case Dataset::kGdelt1: return "gdelt1";
    case Dataset::kGdelt2: return "gdelt2";
    case Dataset::kIcews: return "icews";
    case Dataset::kNative: return "native";
    case Dataset::kRecords: return "records";
    default: return "unknown";
  }
}

Result<InputFormat> ParseInputFormat(std::string_view name) {
  if (name == "gdelt") return InputFormat::kGdelt;
  if (name == "icews") return InputFormat::kIcews;
  if (name == "tsv") return InputFormat::kNative;
  return Status::InvalidArgument(
      fmt::format("unknown event format '{}' (expected gdelt, icews or tsv)", name));
}

EventReader::EventReader(const Taxonomy& taxonomy, const CountryMap& countries,
                         RejectSink* rejects, ReadOptions options)
    : taxonomy_(taxonomy), countries_(countries), rejects_(rejects), options_(options) {}

EventReader::~EventReader() = default;

bool EventReader::ResolveCameo(std::string_view code, std::string_view* state) {
  auto it = cameo_cache_.find(std::string(code));
  if (it == cameo_cache_.end()) {
    it = cameo_cache_.emplace(std::string(code), countries_.Cameo(code)).first;
  }
  if (!it->second) return false;
  *state = *it->second;
  return true;
}

std::string_view EventReader::ResolveFips(std::string_view code) {
  if (code.empty()) return {};
  auto it = fips_cache_.find(std::string(code));
  if (it == fips_cache_.end()) {
    it = fips_cache_.emplace(std::string(code), countries_.Fips(code)).first;
  }
  return it->second ? std::string_view(*it->second) : std::string_view();
}

bool EventReader::ResolveName(std::string_view name, std::string_view* key) {
  auto it = name_cache_.find(std::string(name));
  if (it == name_cache_.end()) {
    it = name_cache_.emplace(std::string(name), countries_.Name(name)).first;
  }
  if (!it->second) return false;
  *key = *it->second;
  return true;
}

namespace {

// The identity of an event other than GDELT's (whose GLOBALEVENTID alone is its key).
uint64_t EventKey(Dataset dataset, uint64_t id, int32_t day) {
  uint64_t key = id * 0x9E3779B97F4A7C15ull ^ static_cast<uint64_t>(dataset);
  if (dataset == Dataset::kIcews) key ^= static_cast<uint64_t>(day) * 0xC2B2AE3D27D4EB4Full;
  return key;
}

}  // namespace

bool EventReader::IsDuplicate(const EventView& ev) {
  if (ev.dataset == Dataset::kGdelt1) return !seen_gdelt_[0].Insert(ev.id);
  if (ev.dataset == Dataset::kGdelt2) return !seen_gdelt_[1].Insert(ev.id);
  return !seen_.Insert(EventKey(ev.dataset, ev.id, ev.day));
}

bool EventReader::IsStored(const EventView& ev) const {
  if (!any_stored_) return false;
  if (ev.dataset == Dataset::kGdelt1) return stored_gdelt_[0].Contains(ev.id);
  if (ev.dataset == Dataset::kGdelt2) return stored_gdelt_[1].Contains(ev.id);
  return stored_.Contains(EventKey(ev.dataset, ev.id, ev.day));
}

void EventReader::MarkStored(Dataset dataset, uint64_t id, int32_t day) {
  any_stored_ = true;
  if (dataset == Dataset::kGdelt1) stored_gdelt_[0].Insert(id);
  else if (dataset == Dataset::kGdelt2) stored_gdelt_[1].Insert(id);
  else stored_.Insert(EventKey(dataset, id, day));
}

// GDELT 1.0 / 2.0 column positions (0-based) that differ between the layouts.
struct GdeltLayout {
  int action_geo;  // ActionGeo_Type
  int geo_cc;      // ActionGeo_CountryCode
  int geo_lat;
  int url;         // SOURCEURL, -1 if absent
};

bool EventReader::ParseGdelt(std::string_view* f, int n, EventView* ev, int* col,
                             std::string_view* reason, std::string* msg) {
  GdeltLayout L;
  if (n == 57 || n == 58) {
    ev->dataset = Dataset::kGdelt1;
    L = {49, 51, 53, n == 58 ? 57 : -1};
  } else if (n == 61) {
    ev->dataset = Dataset::kGdelt2;
    L = {51, 53, 56, 60};
  } else {
    *col = 0;
    *reason = "column-count";
    *msg = fmt::format("expected 57, 58 or 61 columns, found {}", n);
    return false;
  }
  auto fail = [&](int c, std::string_view r, std::string m) {
    *col = c + 1;
    *reason = r;
    *msg = std::move(m);
    return false;
  };
  if (!ParseInt(f[0], &ev->id)) return fail(0, "bad-id", fmt::format("bad GLOBALEVENTID '{}'", f[0]));
  if (!ParseCompactDay(f[1], &ev->day)) return fail(1, "bad-date", fmt::format("bad SQLDATE '{}'", f[1]));
  ev->src_actor = f[5];
  ev->src_country = f[7];
  ev->src_role = f[12];
  ev->tgt_actor = f[15];
  ev->tgt_country = f[17];
  ev->tgt_role = f[22];
  ev->src_state = ev->tgt_state = {};
  if (!ev->src_country.empty() && !ResolveCameo(ev->src_country, &ev->src_state)) {
    return fail(7, "unknown-country", fmt::format("unknown Actor1CountryCode '{}'", f[7]));
  }
  if (!ev->tgt_country.empty() && !ResolveCameo(ev->tgt_country, &ev->tgt_state)) {
    return fail(17, "unknown-country", fmt::format("unknown Actor2CountryCode '{}'", f[17]));
  }
  ev->is_root = f[25] == "1";
  const CameoCode* code = taxonomy_.Find(f[26]);
  if (code == nullptr) {
    auto st = taxonomy_.Lookup(f[26]);
    return fail(26, "invalid-code", st.status().message());
  }
  ev->code = code->code;
  if (f[29] != std::string_view(&"01234"[code->quad], 1)) {
    return fail(29, "bad-quad",
                fmt::format("QuadClass '{}' but code {} is class {}", f[29], code->code, code->quad));
  }
  ev->quad = code->quad;
  if (!ParseFloat(f[30], &ev->goldstein)) return fail(30, "bad-number", fmt::format("bad GoldsteinScale '{}'", f[30]));
  if (!ParseInt(f[31], &ev->mentions)) return fail(31, "bad-number", fmt::format("bad NumMentions '{}'", f[31]));
  if (!ParseInt(f[32], &ev->sources)) return fail(32, "bad-number", fmt::format("bad NumSources '{}'", f[32]));
  if (!ParseInt(f[33], &ev->articles)) return fail(33, "bad-number", fmt::format("bad NumArticles '{}'", f[33]));
  if (!ParseFloat(f[34], &ev->tone)) return fail(34, "bad-number", fmt::format("bad AvgTone '{}'", f[34]));
  if (!InRange(ev->goldstein, -10, 10)) return fail(30, "out-of-range", fmt::format("GoldsteinScale {} outside [-10, 10]", f[30]));
  if (ev->mentions < 0) return fail(31, "out-of-range", fmt::format("NumMentions {} is negative", f[31]));
  if (ev->sources < 0) return fail(32, "out-of-range", fmt::format("NumSources {} is negative", f[32]));
  if (ev->articles < 0) return fail(33, "out-of-range", fmt::format("NumArticles {} is negative", f[33]));
  if (!InRange(ev->tone, -100, 100)) return fail(34, "out-of-range", fmt::format("AvgTone {} outside [-100, 100]", f[34]));
  if (!ParseInt(f[L.action_geo], &ev->geo_type)) ev->geo_type = 0;
  if (ev->geo_type < 0 || ev->geo_type > 5) return fail(L.action_geo, "out-of-range", fmt::format("ActionGeo_Type {} outside 0-5", f[L.action_geo]));
  ev->geo_fips = f[L.geo_cc];
  ev->geo_state = ResolveFips(ev->geo_fips);
  if (!ParseOptFloat(f[L.geo_lat], &ev->lat)) ev->lat = NAN;
  if (!ParseOptFloat(f[L.geo_lat + 1], &ev->lon)) ev->lon = NAN;
  // GDELT's geocoder writes longitudes a little past 180 near the antimeridian (Fiji): the
  // event is kept and its point is unknown, never an invalid coordinate.
  if (!OptInRange(ev->lat, -90, 90) || !OptInRange(ev->lon, -180, 180)) ev->lat = ev->lon = NAN;
  ev->url = L.url >= 0 ? f[L.url] : std::string_view();
  return true;
}

bool EventReader::ParseIcews(std::string_view* f, int n, EventView* ev, int* col,
                             std::string_view* reason, std::string* msg) {
  auto fail = [&](int c, std::string_view r, std::string m) {
    *col = c + 1;
    *reason = r;
    *msg = std::move(m);
    return false;
  };
  if (n != 20) {
    *col = 0;
    *reason = "column-count";
    *msg = fmt::format("expected 20 columns, found {}", n);
    return false;
  }
  ev->dataset = Dataset::kIcews;
  if (!ParseInt(f[0], &ev->id)) return fail(0, "bad-id", fmt::format("bad Event ID '{}'", f[0]));
  if (!ParseIsoDay(f[1], &ev->day)) return fail(1, "bad-date", fmt::format("bad Event Date '{}'", f[1]));
  ev->src_actor = f[2];
  ev->src_role = FirstOfList(f[3]);
  ev->tgt_actor = f[8];
  ev->tgt_role = FirstOfList(f[9]);
  ev->src_state = ev->tgt_state = {};
  if (!f[4].empty() && f[4] != "NA" && !ResolveName(f[4], &ev->src_state)) {
    return fail(4, "unknown-country", fmt::format("unknown Source Country '{}'", f[4]));
  }
  if (!f[10].empty() && f[10] != "NA" && !ResolveName(f[10], &ev->tgt_state)) {
    return fail(10, "unknown-country", fmt::format("unknown Target Country '{}'", f[10]));
  }
  ev->src_country = ev->src_state;
  ev->tgt_country = ev->tgt_state;
  const CameoCode* code = taxonomy_.Find(f[6]);
  if (code == nullptr) return fail(6, "invalid-code", taxonomy_.Lookup(f[6]).status().message());
  ev->code = code->code;
  ev->quad = code->quad;
  if (!ParseFloat(f[7], &ev->goldstein)) return fail(7, "bad-number", fmt::format("bad Intensity '{}'", f[7]));
  if (!InRange(ev->goldstein, -10, 10)) return fail(7, "out-of-range", fmt::format("Intensity {} outside [-10, 10]", f[7]));
  ev->mentions = ev->sources = ev->articles = 0;
  ev->tone = NAN;
  ev->geo_fips = {};
  ev->geo_state = {};
  if (!f[17].empty() && f[17] != "NA") {
    std::string_view key;
    if (ResolveName(f[17], &key)) ev->geo_state = key;
  }
  ev->geo_type = 0;
  if (!ParseOptFloat(f[18], &ev->lat)) return fail(18, "bad-number", fmt::format("bad Latitude '{}'", f[18]));
  if (!ParseOptFloat(f[19], &ev->lon)) return fail(19, "bad-number", fmt::format("bad Longitude '{}'", f[19]));
  if (!OptInRange(ev->lat, -90, 90)) return fail(18, "out-of-range", fmt::format("Latitude {} outside [-90, 90]", f[18]));
  if (!OptInRange(ev->lon, -180, 180)) return fail(19, "out-of-range", fmt::format("Longitude {} outside [-180, 180]", f[19]));
  ev->is_root = false;
  ev->url = {};
  return true;
}

bool EventReader::ParseNative(std::string_view* f, int n, EventView* ev, int* col,
                              std::string_view* reason, std::string* msg) {
  auto fail = [&](int c, std::string_view r, std::string m) {
    *col = c + 1;
    *reason = r;
    *msg = std::move(m);
    return false;
  };
  if (n != kNativeColumns) {
    *col = 0;
    *reason = "column-count";
    *msg = fmt::format("expected {} columns, found {}", kNativeColumns, n);
    return false;
  }
  int ds = 0;
  if (f[0] == "gdelt1") ds = 1;
  else if (f[0] == "gdelt2") ds = 2;
  else if (f[0] == "icews") ds = 3;
  else if (f[0] == "native" || f[0].empty()) ds = 4;
  else return fail(0, "bad-number", fmt::format("unknown dataset '{}'", f[0]));
  ev->dataset = static_cast<Dataset>(ds);
  if (!ParseInt(f[1], &ev->id)) return fail(1, "bad-id", fmt::format("bad id '{}'", f[1]));
  if (!ParseIsoDay(f[2], &ev->day)) return fail(2, "bad-date", fmt::format("bad date '{}'", f[2]));
  ev->src_country = f[3];
  ev->tgt_country = f[4];
  ev->src_state = f[5];
  ev->tgt_state = f[6];
  ev->src_actor = f[7];
  ev->tgt_actor = f[8];
  ev->src_role = f[9];
  ev->tgt_role = f[10];
  const CameoCode* code = taxonomy_.Find(f[11]);
  if (code == nullptr) return fail(11, "invalid-code", taxonomy_.Lookup(f[11]).status().message());
  ev->code = code->code;
  ev->quad = code->quad;
  if (f[12] != std::string_view(&"01234"[code->quad], 1)) {
    return fail(12, "bad-quad", fmt::format("quad '{}' but code {} is class {}", f[12], code->code, code->quad));
  }
  if (!ParseFloat(f[13], &ev->goldstein)) return fail(13, "bad-number", "bad goldstein");
  if (!ParseInt(f[14], &ev->mentions)) return fail(14, "bad-number", "bad mentions");
  if (!ParseInt(f[15], &ev->sources)) return fail(15, "bad-number", "bad sources");
  if (!ParseInt(f[16], &ev->articles)) return fail(16, "bad-number", "bad articles");
  if (!ParseOptFloat(f[17], &ev->tone)) return fail(17, "bad-number", "bad tone");
  ev->geo_fips = f[18];
  ev->geo_state = f[19];
  if (!ParseInt(f[20], &ev->geo_type)) return fail(20, "bad-number", "bad geo_type");
  if (!ParseOptFloat(f[21], &ev->lat)) return fail(21, "bad-number", "bad lat");
  if (!ParseOptFloat(f[22], &ev->lon)) return fail(22, "bad-number", "bad lon");
  ev->is_root = f[23] == "1";
  ev->url = f[24];
  if (!InRange(ev->goldstein, -10, 10)) return fail(13, "out-of-range", "goldstein outside [-10, 10]");
  if (ev->mentions < 0 || ev->sources < 0 || ev->articles < 0) {
    int c = ev->mentions < 0 ? 14 : ev->sources < 0 ? 15 : 16;
    return fail(c, "out-of-range", fmt::format("{} is negative", kNativeFields[c]));
  }
  if (!OptInRange(ev->tone, -100, 100)) return fail(17, "out-of-range", "tone outside [-100, 100]");
  if (ev->geo_type < 0 || ev->geo_type > 5) return fail(20, "out-of-range", "geo_type outside 0-5");
  if (!OptInRange(ev->lat, -90, 90)) return fail(21, "out-of-range", "lat outside [-90, 90]");
  if (!OptInRange(ev->lon, -180, 180)) return fail(22, "out-of-range", "lon outside [-180, 180]");
  return true;
}

Status EventReader::ReadLines(LineReader& lines, InputFormat format, uint64_t total_bytes,
                              const EventSink& sink) {
  std::string_view line;
  std::string_view fields[kMaxFields + 1];
  EventView ev;
  std::string msg;
  bool header_pending = format != InputFormat::kGdelt;
  bool progress = options_.progress && isatty(2);
  while (lines.Next(&line)) {
    if (header_pending) {
      header_pending = false;
      bool ok = format == InputFormat::kIcews ? line.substr(0, 8) == "Event ID"
                                              : line == kNativeHeader;
      if (!ok) {
        ++counts_.read;
        rejects_->Reject(lines.name(), lines.line_number(), 0, "bad-header",
                         "expected the header row", line, &counts_);
      }
      continue;
    }
    ++counts_.read;
    if (progress && (counts_.read & 0x3FFFF) == 0) {
      std::fprintf(stderr, "\r%s: %.0f MB of %.0f MB, %llu rows", lines.name().c_str(),
                   lines.bytes_read() / 1e6, total_bytes / 1e6,
                   static_cast<unsigned long long>(counts_.read));
    }
    int n = SplitTabs(line, fields, kMaxFields);
    if (!IsAscii(line)) {
      int bad_col = -1;
      size_t bad = 0;
      for (int i = 0; i < std::min(n, kMaxFields) && bad_col < 0; ++i) {
        if (!ValidateUtf8(fields[i], &bad).ok()) bad_col = i;
      }
      if (bad_col >= 0) {
        rejects_->Reject(lines.name(), lines.line_number(), bad_col + 1, "invalid-utf8",
                         fmt::format("invalid UTF-8 in {} at byte {} of the field",
                                     FieldName(format, n, bad_col), bad),
                         line, &counts_);
        continue;
      }
    }
    int col = 0;
    std::string_view reason;
    bool ok = format == InputFormat::kGdelt ? ParseGdelt(fields, n, &ev, &col, &reason, &msg)
              : format == InputFormat::kIcews ? ParseIcews(fields, n, &ev, &col, &reason, &msg)
                                              : ParseNative(fields, n, &ev, &col, &reason, &msg);
    if (!ok) {
      rejects_->Reject(lines.name(), lines.line_number(), col, reason, msg, line, &counts_);
      continue;
    }
    if (options_.rescale) {
      const CameoCode* c = taxonomy_.Find(ev.code);
      auto g = c ? taxonomy_.Goldstein(*c, *options_.rescale) : std::nullopt;
      if (g) ev.goldstein = static_cast<float>(*g);
    }
    if (IsStored(ev)) {
      ++counts_.duplicates;
      ++already_stored_;
      if (options_.duplicates == DuplicatePolicy::kDrop) continue;
    } else if (IsDuplicate(ev)) {
      ++counts_.duplicates;
      if (options_.duplicates == DuplicatePolicy::kDrop) continue;
    }
    ++counts_.accepted;
    DYAD_RETURN_IF_ERROR(sink(ev));
  }
  if (progress) std::fprintf(stderr, "\r%*s\r", 60, "");
  return lines.status();
}

Status EventReader::Read(const std::string& path, InputFormat format, const EventSink& sink) {
  DYAD_ASSIGN_OR_RETURN(auto lines, LineReader::Open(path));
  struct stat st;
  uint64_t size = path != "-" && ::stat(path.c_str(), &st) == 0 ? st.st_size : 0;
  return ReadLines(*lines, format, size, sink);
}

Status EventReader::ReadString(std::string data, const std::string& name, InputFormat format,
                               const EventSink& sink) {
  uint64_t size = data.size();
  auto lines = LineReader::FromString(std::move(data), name);
  return ReadLines(*lines, format, size, sink);
}

}  // namespace dyad::events
