// ReadPack: the five TSV files of docs/formats/packs.md to PackData, with row-level
// validation. Reference checks (entities, sources, terms) are in knowledge_base_load.cc.
#include <fmt/format.h>

#include <algorithm>
#include <cctype>
#include <filesystem>
#include <unordered_map>
#include <unordered_set>

#include "base/file.h"
#include "base/line_reader.h"
#include "base/strings.h"
#include "base/unicode.h"
#include "kb/pack.h"
#include "kb/tsv.h"

namespace dyad::kb {

// ---------------------------------------------------------------------------------------
// LoadReport

std::string Diagnostic::ToString() const {
  return fmt::format("{}:{}:{}: {}: {} [{}]", file, line, column,
                     severity == Severity::kError ? "error" : "warning", message, kind);
}

int LoadReport::errors() const {
  return static_cast<int>(std::count_if(diagnostics.begin(), diagnostics.end(), [](auto& d) {
    return d.severity == Diagnostic::Severity::kError;
  }));
}

int LoadReport::warnings() const {
  return static_cast<int>(diagnostics.size()) - errors();
}

void LoadReport::Add(Diagnostic d) { diagnostics.push_back(std::move(d)); }

namespace {
ReadCounts& CountsOf(std::map<std::string, ReadCounts, std::less<>>& m, std::string_view file) {
  auto it = m.find(file);
  if (it == m.end()) it = m.emplace(std::string(file), ReadCounts()).first;
  return it->second;
}
}  // namespace

void LoadReport::CountRead(std::string_view file) {
  ++CountsOf(by_file, file).read;
  ++total.read;
}

void LoadReport::CountAccepted(std::string_view file) {
  ++CountsOf(by_file, file).accepted;
  ++total.accepted;
}

void LoadReport::CountRejected(std::string_view file, const std::string& reason) {
  ReadCounts& c = CountsOf(by_file, file);
  ++c.rejected;
  ++c.rejected_by_reason[reason];
  ++total.rejected;
  ++total.rejected_by_reason[reason];
}

void LoadReport::CountDuplicate(std::string_view file) {
  ++CountsOf(by_file, file).duplicates;
  ++total.duplicates;
}

void LoadReport::Unaccept(std::string_view file, const std::string& reason) {
  ReadCounts& c = CountsOf(by_file, file);
  if (c.accepted > 0) --c.accepted;
  if (total.accepted > 0) --total.accepted;
  CountRejected(file, reason);
}

std::string LoadReport::Summary(size_t max) const {
  std::string out;
  size_t shown = 0;
  for (const Diagnostic& d : diagnostics) {
    if (shown++ >= max) {
      out += fmt::format("... and {} more\n", diagnostics.size() - max);
      break;
    }
    out += d.ToString();
    out += '\n';
  }
  out += fmt::format("{} error(s), {} warning(s); rows {}\n", errors(), warnings(),
                     total.ToString());
  return out;
}

size_t FactContentHash(const Fact& f) {
  std::hash<std::string_view> h;
  size_t x = h(f.subject) * 31 + static_cast<size_t>(f.relation);
  x = x * 1000003 ^ h(f.object);
  x = x * 1000003 ^ h(f.value);
  x = x * 1000003 ^ static_cast<size_t>(f.undated);
  if (f.valid.start()) x = x * 1000003 ^ static_cast<size_t>(f.valid.start()->first_day());
  if (f.valid.end()) x = x * 1000003 ^ static_cast<size_t>(f.valid.end()->last_day());
  for (const Qualifier& q : f.qualifiers) x = (x * 1000003 ^ h(q.key)) * 31 ^ h(q.value);
  return x;
}

bool SameFactContent(const Fact& a, const Fact& b) {
  return a.relation == b.relation && a.subject == b.subject && a.object == b.object &&
         a.value == b.value && a.undated == b.undated && a.valid == b.valid &&
         a.qualifiers == b.qualifiers;
}

bool IsValidId(std::string_view id) {
  if (id.empty() || id.size() > 200) return false;
  return std::all_of(id.begin(), id.end(), [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
           c == ':' || c == '.' || c == '_' || c == '-';
  });
}

namespace {

using Severity = Diagnostic::Severity;

// Reads one TSV file row by row, maps header names to columns and records diagnostics.
class TableReader {
 public:
  TableReader(std::string path, LoadReport* report)
      : path_(std::move(path)), interned_(InternFileName(path_)), report_(report) {}

  // Reads the file and checks its header. Returns false (after a diagnostic) when the file
  // cannot be used at all; *missing is set when it does not exist.
  bool Open(const std::vector<std::string_view>& required,
            const std::vector<std::string_view>& optional, bool* missing);

  // Advances to the next data row; false at end. Skips blank and comment lines.
  bool Next();

  std::string_view Get(std::string_view column) const {
    int c = Col(column);
    return c == 0 ? std::string_view() : std::string_view(values_[c - 1]);
  }
  // 1-based column of `column` in the header, 0 if absent (a linear scan: headers are short
  // and this allocates nothing).
  int Col(std::string_view column) const {
    for (const auto& [name, index] : col_) {
      if (name == column) return index + 1;
    }
    return 0;
  }
  uint64_t line() const { return line_no_; }
  const std::string& path() const { return path_; }
  const std::vector<std::string>& header() const { return header_; }
  bool row_ok() const { return row_ok_; }

  void Error(std::string_view kind, std::string_view column, std::string message) {
    Report(Severity::kError, kind, Col(column), std::move(message));
  }
  void Warn(std::string_view kind, std::string_view column, std::string message) {
    Report(Severity::kWarning, kind, Col(column), std::move(message));
  }
  // Counts the current row as accepted or rejected (by its first error).
  void FinishRow();
  Origin origin() const { return Origin{interned_, line_no_}; }

 private:
  void Report(Severity sev, std::string_view kind, int column, std::string message);

  std::string path_;
  std::string_view interned_;
  LoadReport* report_;
  std::string data_;
  size_t pos_ = 0;
  uint64_t line_no_ = 0;
  std::vector<std::string> header_;
  std::vector<std::pair<std::string, int>> col_;
  std::vector<std::string_view> raw_;
  std::vector<std::string> values_;
  bool row_ok_ = true;
  std::string first_error_;
};

void TableReader::Report(Severity sev, std::string_view kind, int column, std::string message) {
  report_->Add(Diagnostic{sev, path_, line_no_, column, std::string(kind), std::move(message)});
  if (sev == Severity::kError && row_ok_) {
    row_ok_ = false;
    first_error_ = std::string(kind);
  }
}

// The text of a gzip-compressed pack file (`facts.tsv.gz`), lines joined with "\n".
Result<std::string> ReadGzipText(const std::string& path) {
  auto lines = LineReader::Open(path);
  if (!lines.ok()) return lines.status();
  std::string text;
  std::string_view line;
  while ((*lines)->Next(&line)) {
    text.append(line);
    text.push_back('\n');
    if (text.size() > kMaxPackFileBytes) {
      return Status::InvalidArgument(
          fmt::format("{}: decompressed text exceeds {} bytes", path, kMaxPackFileBytes));
    }
  }
  if (!(*lines)->status().ok()) return (*lines)->status();
  return text;
}

bool TableReader::Open(const std::vector<std::string_view>& required,
                       const std::vector<std::string_view>& optional, bool* missing) {
  *missing = false;
  Result<std::string> data = ReadFile(path_, kMaxPackFileBytes);
  if (!data.ok() && data.status().code() == StatusCode::kNotFound) {
    Result<std::string> gz = ReadGzipText(path_ + ".gz");
    if (gz.status().code() != StatusCode::kNotFound) data = std::move(gz);
  }
  if (!data.ok()) {
    *missing = data.status().code() == StatusCode::kNotFound;
    if (!*missing) Report(Severity::kError, "io", 0, data.status().message());
    return false;
  }
  data_ = std::move(data).value();
  if (data_.compare(0, 3, "\xEF\xBB\xBF") == 0) {
    pos_ = 3;  // a UTF-8 byte order mark: read past it, and say so
    Report(Severity::kWarning, "bom", 0, "file starts with a UTF-8 byte order mark (ignored)");
  }
  if (!Next()) {
    Report(Severity::kError, "bad-header", 0, "file has no header row");
    return false;
  }
  // Next() split the first non-comment line into values_: that is the header.
  header_ = values_;
  for (size_t i = 0; i < header_.size(); ++i) {
    const std::string& name = header_[i];
    const bool known = std::find(required.begin(), required.end(), name) != required.end() ||
                       std::find(optional.begin(), optional.end(), name) != optional.end();
    if (!known) {
      Report(Severity::kError, "bad-header", static_cast<int>(i + 1),
             fmt::format("unknown column '{}'", name));
    } else if (Col(name) != 0) {
      Report(Severity::kError, "bad-header", static_cast<int>(i + 1),
             fmt::format("column '{}' appears twice", name));
    } else {
      col_.emplace_back(name, static_cast<int>(i));
    }
  }
  for (std::string_view name : required) {
    if (Col(name) == 0) {
      Report(Severity::kError, "bad-header", 0,
             fmt::format("missing required column '{}'", name));
    }
  }
  if (!row_ok_) {
    Report(Severity::kError, "bad-header", 0, "file not loaded: its header is bad");
    return false;
  }
  return true;
}

bool TableReader::Next() {
  row_ok_ = true;
  first_error_.clear();
  while (pos_ < data_.size()) {
    size_t nl = data_.find('\n', pos_);
    size_t end = nl == std::string::npos ? data_.size() : nl;
    std::string_view line(data_.data() + pos_, end - pos_);
    pos_ = nl == std::string::npos ? data_.size() : nl + 1;
    ++line_no_;
    if (!line.empty() && line.back() == '\r') {
      line.remove_suffix(1);
      Report(Severity::kWarning, "crlf", 0, "line ends in CR LF");
    }
    if (line.empty() || line.front() == '#') continue;
    if (line.size() > kMaxPackLineBytes) {
      Report(Severity::kError, "line-too-long", 0,
             fmt::format("line of {} bytes, more than the limit of {}", line.size(), kMaxPackLineBytes));
      values_.assign(header_.empty() ? 1 : header_.size(), std::string());
      return true;
    }
    if (size_t bad = 0; !ValidateUtf8(line, &bad).ok()) {
      // Reported in the field that holds the bad byte, so no invalid text reaches a model.
      SplitTabs(line, &raw_);
      size_t start = 0, col = 0;
      while (col + 1 < raw_.size() && start + raw_[col].size() < bad) start += raw_[col++].size() + 1;
      const std::string name = col < header_.size() ? header_[col] : fmt::format("field {}", col + 1);
      Report(Severity::kError, "invalid-utf8", static_cast<int>(col + 1),
             fmt::format("invalid UTF-8 in '{}' at byte {} of the line", name, bad));
      values_.assign(header_.empty() ? raw_.size() : header_.size(), std::string());
      return true;
    }
    SplitTabs(line, &raw_);
    values_.resize(raw_.size());
    if (!header_.empty() && raw_.size() != header_.size()) {
      Report(Severity::kError, "column-count", 0,
             fmt::format("{} fields, the header has {}", raw_.size(), header_.size()));
      values_.assign(header_.size(), std::string());
      return true;
    }
    for (size_t i = 0; i < raw_.size(); ++i) {
      size_t bad = 0;
      if (!UnescapeField(raw_[i], &values_[i], &bad)) {
        Report(Severity::kError, "bad-escape", static_cast<int>(i + 1),
               fmt::format("bad escape '{}' (use \\\\ \\t \\n \\r)", raw_[i].substr(bad, 2)));
      }
    }
    return true;
  }
  return false;
}

void TableReader::FinishRow() {
  report_->CountRead(path_);
  if (row_ok_) {
    report_->CountAccepted(path_);
  } else {
    report_->CountRejected(path_, first_error_);
  }
}

// ---------------------------------------------------------------------------------------
// Field parsers: each returns false after reporting on the reader.

bool RequireField(TableReader& r, std::string_view col) {
  if (!r.Get(col).empty()) return true;
  r.Error("empty-field", col, fmt::format("'{}' is empty", col));
  return false;
}

bool ParseId(TableReader& r, std::string_view col, bool need_colon, std::string* out) {
  std::string_view v = r.Get(col);
  out->assign(v);
  if (v.empty()) return true;
  if (!IsValidId(v)) {
    r.Error("bad-id", col, fmt::format("bad id '{}' (letters, digits and :._- only)", v));
    return false;
  }
  if (need_colon && IsStateRef(v)) {
    r.Error("bad-id", col,
            fmt::format("entity id '{}' must contain ':' (ids without ':' are state keys)", v));
    return false;
  }
  return true;
}

bool ParseIdList(TableReader& r, std::string_view col, std::vector<std::string>* out) {
  out->clear();
  std::string_view v = r.Get(col);
  if (v.empty()) {
    r.Error("missing-source", col, "the row names no source");
    return false;
  }
  size_t start = 0;
  for (;;) {
    size_t comma = v.find(',', start);
    std::string_view id = v.substr(start, comma == std::string_view::npos ? v.npos : comma - start);
    if (!IsValidId(id)) {
      r.Error("bad-id", col, fmt::format("bad source id '{}' in '{}'", id, v));
      return false;
    }
    out->emplace_back(id);
    if (comma == std::string_view::npos) break;
    start = comma + 1;
  }
  return true;
}

bool ParseOptDate(TableReader& r, std::string_view col, std::optional<Date>* out) {
  std::string_view v = r.Get(col);
  out->reset();
  if (v.empty()) return true;
  Result<Date> d = Date::ParseIso(v);
  if (!d.ok()) {
    r.Error("bad-date", col, d.status().message());
    return false;
  }
  *out = *d;
  return true;
}

// The `valid` / `when` forms: D, A/B with '..' for an open side, '..', or 'undated'.
bool ParseValidity(TableReader& r, std::string_view col, bool allow_undated, Interval* out,
                   bool* undated) {
  std::string_view v = r.Get(col);
  *undated = false;
  if (v.empty()) {
    r.Error("empty-field", col, fmt::format("'{}' is empty (use '..' or 'undated')", col));
    return false;
  }
  if (v == "undated") {
    if (!allow_undated) {
      r.Error("bad-interval", col, "an occurrence needs a date");
      return false;
    }
    *undated = true;
    *out = Interval::Always();
    return true;
  }
  auto side = [&](std::string_view part, std::optional<Date>* d) {
    if (part.empty() || part == "..") return true;
    Result<Date> p = Date::ParseIso(part);
    if (!p.ok()) {
      r.Error("bad-date", col, p.status().message());
      return false;
    }
    *d = *p;
    return true;
  };
  std::optional<Date> start, end;
  size_t slash = v.find('/');
  if (v == "..") {
    *out = Interval::Always();
    return true;
  }
  if (slash == std::string_view::npos) {
    if (!side(v, &start)) return false;
    *out = Interval::Point(*start);
    return true;
  }
  if (!side(v.substr(0, slash), &start) || !side(v.substr(slash + 1), &end)) return false;
  Result<Interval> i = Interval::Make(start, end);
  if (!i.ok()) {
    r.Error("end-before-start", col, fmt::format("'{}': {}", v, i.status().message()));
    return false;
  }
  *out = *i;
  return true;
}

bool IsQualifierKey(std::string_view k) {
  return !k.empty() && std::all_of(k.begin(), k.end(), [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_';
  });
}

bool ParseQualifiers(TableReader& r, std::string_view col, std::vector<Qualifier>* out) {
  out->clear();
  std::string_view v = r.Get(col);
  std::string cur;
  std::vector<std::string> parts;
  for (size_t i = 0; i < v.size(); ++i) {
    if (v[i] == '\\' && i + 1 < v.size() && (v[i + 1] == ';' || v[i + 1] == '\\')) {
      cur.push_back(v[++i]);
    } else if (v[i] == ';') {
      parts.push_back(std::move(cur));
      cur.clear();
    } else {
      cur.push_back(v[i]);
    }
  }
  if (!v.empty()) parts.push_back(std::move(cur));
  for (const std::string& part : parts) {
    std::string_view p = TrimWhitespace(part);
    if (p.empty()) continue;
    size_t eq = p.find('=');
    std::string_view key = eq == p.npos ? p : TrimWhitespace(p.substr(0, eq));
    if (eq == p.npos || !IsQualifierKey(key)) {
      r.Error("bad-qualifier", col, fmt::format("'{}' is not key=value with a lower-case key", p));
      return false;
    }
    std::string_view value = TrimWhitespace(p.substr(eq + 1));
    if (IsDateQualifier(key) && !Date::ParseIso(value).ok()) {
      r.Error("bad-qualifier", col, fmt::format("{}: '{}' is not a date: {}", key, value,
                                                Date::ParseIso(value).status().message()));
      return false;
    }
    out->push_back(Qualifier{std::string(key), std::string(value)});
  }
  return true;
}

bool IsNumber(std::string_view v) {
  if (v.empty()) return false;
  char* end = nullptr;
  std::string s(v);
  std::strtod(s.c_str(), &end);
  return end == s.c_str() + s.size();
}

bool IsCameo(std::string_view c) {
  return c.size() >= 2 && c.size() <= 4 &&
         std::all_of(c.begin(), c.end(), [](char ch) { return ch >= '0' && ch <= '9'; });
}

// ---------------------------------------------------------------------------------------
// One parser per file.

void ReadSources(TableReader& r, PackData* pack) {
  std::unordered_set<std::string> seen;
  while (r.Next()) {
    Source s;
    if (r.row_ok() && RequireField(r, "id") && ParseId(r, "id", false, &s.id) &&
        RequireField(r, "title") && ParseOptDate(r, "date", &s.date) &&
        ParseOptDate(r, "retrieved", &s.retrieved) &&
        ParseOptDate(r, "current_to", &s.current_to)) {
      if (!seen.insert(s.id).second) {
        r.Error("duplicate-id", "id", fmt::format("source '{}' is defined twice", s.id));
      }
    }
    if (r.row_ok()) {
      s.title = r.Get("title");
      s.author = r.Get("author");
      s.publisher = r.Get("publisher");
      s.url = r.Get("url");
      s.licence = r.Get("licence");
      s.note = r.Get("note");
      s.origin = r.origin();
      pack->sources.push_back(std::move(s));
    }
    r.FinishRow();
  }
}

void ReadEntities(TableReader& r, PackData* pack) {
  std::unordered_set<std::string> seen;
  while (r.Next()) {
    Entity e;
    bool ok = r.row_ok() && RequireField(r, "id") && ParseId(r, "id", true, &e.id) &&
              RequireField(r, "kind") && RequireField(r, "name") &&
              ParseId(r, "owner", false, &e.owner) && ParseId(r, "host", false, &e.host) &&
              ParseIdList(r, "sources", &e.sources);
    if (ok) {
      std::optional<EntityKind> kind = ParseEntityKind(r.Get("kind"));
      if (!kind || *kind == EntityKind::kState) {
        r.Error("unknown-kind", "kind",
                kind ? "states come from the world registry, not entities.tsv"
                     : fmt::format("unknown entity kind '{}'", r.Get("kind")));
      } else {
        e.kind = *kind;
      }
      if (!e.host.empty() && !IsStateRef(e.host)) {
        r.Error("wrong-kind", "host", fmt::format("host '{}' must be a state key", e.host));
      }
      if (r.row_ok() && !seen.insert(e.id).second) {
        r.Error("duplicate-id", "id", fmt::format("entity '{}' is defined twice", e.id));
      }
    }
    if (r.row_ok()) {
      e.subkind = r.Get("subkind");
      e.name = r.Get("name");
      e.record = r.Get("record");
      e.note = r.Get("note");
      e.origin = r.origin();
      pack->entities.push_back(std::move(e));
    }
    r.FinishRow();
  }
}

// Checks the object and value columns against the relation's rules.
bool CheckShape(TableReader& r, const RelationInfo& info, const Fact& f) {
  if (f.object.empty() && info.object_rule == ObjectRule::kRequired) {
    r.Error("missing-object", "object", fmt::format("{} needs an object", info.name));
    return false;
  }
  if (!f.object.empty() && info.object_rule == ObjectRule::kNone) {
    r.Error("unexpected-object", "object", fmt::format("{} takes no object", info.name));
    return false;
  }
  if (f.value.empty() &&
      (info.value_rule == ValueRule::kRequired || info.value_rule == ValueRule::kNumber)) {
    r.Error("missing-value", "value", fmt::format("{} needs a value", info.name));
    return false;
  }
  if (!f.value.empty() && info.value_rule == ValueRule::kNumber && !IsNumber(f.value)) {
    r.Error("bad-number", "value", fmt::format("'{}' is not a number", f.value));
    return false;
  }
  if (!f.value.empty() && info.value_rule == ValueRule::kNone) {
    r.Error("unexpected-value", "value", fmt::format("{} takes no value", info.name));
    return false;
  }
  if (info.shape == Shape::kPoint && !f.undated &&
      !(f.valid.start() && f.valid.end() && *f.valid.start() == *f.valid.end())) {
    r.Error("not-a-point", "valid",
            fmt::format("{} happens on one date, not over '{}'", info.name, f.valid.ToString()));
    return false;
  }
  if (f.relation == Relation::kParticipatesIn && f.QualifierValue("role").empty()) {
    r.Error("missing-qualifier", "qualifiers", "participates_in needs role=");
    return false;
  }
  if (f.relation == Relation::kChiefOfMission && f.QualifierValue("role").empty()) {
    r.Error("missing-qualifier", "qualifiers", "chief_of_mission needs role=");
    return false;
  }
  if (f.relation == Relation::kPollResult && f.QualifierValue("answer").empty()) {
    r.Error("missing-qualifier", "qualifiers", "poll_result needs answer=");
    return false;
  }
  return true;
}

void ReadFacts(TableReader& r, PackData* pack) {
  std::unordered_multimap<size_t, size_t> seen;  // content hash -> index in pack->facts
  while (r.Next()) {
    Fact f;
    bool ok = r.row_ok() && RequireField(r, "subject") &&
              ParseId(r, "subject", false, &f.subject) && RequireField(r, "relation");
    if (ok) {
      std::optional<Relation> rel = ParseRelation(r.Get("relation"));
      if (!rel) {
        r.Error("unknown-relation", "relation",
                fmt::format("unknown relation '{}'", r.Get("relation")));
        ok = false;
      } else {
        f.relation = *rel;
      }
    }
    ok = ok && ParseId(r, "object", false, &f.object) &&
         ParseValidity(r, "valid", true, &f.valid, &f.undated) &&
         ParseQualifiers(r, "qualifiers", &f.qualifiers) && ParseIdList(r, "sources", &f.sources);
    if (ok) {
      f.value = r.Get("value");
      ok = CheckShape(r, Info(f.relation), f);
    }
    const size_t hash = ok ? FactContentHash(f) : 0;
    if (ok) {
      auto [lo, hi] = seen.equal_range(hash);
      for (auto it = lo; it != hi; ++it) {
        const Fact& other = pack->facts[it->second];
        if (SameFactContent(f, other)) {
          r.Error("duplicate-row", "",
                  fmt::format("same fact as line {}; list both sources in one row",
                              other.origin.line));
          break;
        }
      }
    }
    if (r.row_ok()) {
      f.record = r.Get("record");
      f.note = r.Get("note");
      f.origin = r.origin();
      seen.emplace(hash, pack->facts.size());
      pack->facts.push_back(std::move(f));
    }
    r.FinishRow();
  }
}

void ReadOccurrences(TableReader& r, PackData* pack) {
  std::unordered_set<std::string> seen;
  while (r.Next()) {
    Occurrence o;
    bool undated = false;
    bool ok = r.row_ok() && RequireField(r, "id") && ParseId(r, "id", true, &o.id) &&
              RequireField(r, "kind") && ParseValidity(r, "when", false, &o.when, &undated) &&
              ParseId(r, "place", false, &o.place) && RequireField(r, "summary") &&
              ParseQualifiers(r, "qualifiers", &o.qualifiers) &&
              ParseIdList(r, "sources", &o.sources);
    if (ok && !IsCameo(r.Get("cameo"))) {
      r.Error("bad-cameo", "cameo",
              fmt::format("'{}' is not a CAMEO code (2 to 4 digits)", r.Get("cameo")));
    }
    if (r.row_ok() && !seen.insert(o.id).second) {
      r.Error("duplicate-id", "id", fmt::format("occurrence '{}' is defined twice", o.id));
    }
    if (r.row_ok()) {
      o.kind = r.Get("kind");
      o.cameo = r.Get("cameo");
      o.summary = r.Get("summary");
      o.record = r.Get("record");
      o.note = r.Get("note");
      o.origin = r.origin();
      pack->occurrences.push_back(std::move(o));
    }
    r.FinishRow();
  }
}

void ReadParticipants(TableReader& r, PackData* pack) {
  std::unordered_map<std::string_view, size_t> by_id;  // views into pack->occurrences
  for (size_t i = 0; i < pack->occurrences.size(); ++i) by_id[pack->occurrences[i].id] = i;
  while (r.Next()) {
    Participant p;
    std::string occ;
    bool ok = r.row_ok() && RequireField(r, "occurrence") &&
              ParseId(r, "occurrence", true, &occ) && RequireField(r, "entity") &&
              ParseId(r, "entity", false, &p.entity) && RequireField(r, "role") &&
              ParseIdList(r, "sources", &p.sources);
    auto it = by_id.find(occ);
    if (ok && it == by_id.end()) {
      r.Error("unknown-occurrence", "occurrence",
              fmt::format("occurrence '{}' is not in this pack's occurrences.tsv", occ));
    }
    if (r.row_ok()) {
      for (const Participant& q : pack->occurrences[it->second].participants) {
        if (q.entity == p.entity && q.role == r.Get("role")) {
          r.Error("duplicate-row", "", "same participant, entity and role listed twice");
          break;
        }
      }
    }
    if (r.row_ok()) {
      p.role = r.Get("role");
      p.origin = r.origin();
      pack->occurrences[it->second].participants.push_back(std::move(p));
    }
    r.FinishRow();
  }
}

}  // namespace

Result<PackData> ReadPack(const std::string& dir, LoadReport* report) {
  // Packs are read whole: files above kMaxPackFileBytes (and FIFOs, devices) are refused.
  namespace fs = std::filesystem;
  std::error_code ec;
  if (!fs::is_directory(dir, ec)) {
    report->Add(Diagnostic{Severity::kError, dir, 0, 0, "missing-file", "not a directory"});
    return Status::NotFound(fmt::format("pack directory {} does not exist", dir));
  }
  PackData pack;
  pack.name = fs::path(dir).lexically_normal().filename().string();
  if (pack.name.empty()) pack.name = fs::path(dir).lexically_normal().parent_path().filename();

  struct Spec {
    std::string_view file;
    std::vector<std::string_view> required, optional;
    void (*read)(TableReader&, PackData*);
  };
  const Spec specs[] = {
      {kSourcesFile, {"id", "title"},
       {"author", "publisher", "url", "date", "retrieved", "current_to", "licence", "note"},
       ReadSources},
      {kEntitiesFile, {"id", "kind", "name", "sources"},
       {"subkind", "owner", "host", "record", "note"}, ReadEntities},
      {kFactsFile, {"subject", "relation", "valid", "sources"},
       {"object", "value", "qualifiers", "record", "note"}, ReadFacts},
      {kOccurrencesFile, {"id", "kind", "when", "cameo", "summary", "sources"},
       {"place", "qualifiers", "record", "note"}, ReadOccurrences},
      {kParticipantsFile, {"occurrence", "entity", "role", "sources"}, {}, ReadParticipants},
  };
  for (const Spec& spec : specs) {
    std::string path = (fs::path(dir) / spec.file).string();
    TableReader reader(path, report);
    bool missing = false;
    if (!reader.Open(spec.required, spec.optional, &missing)) {
      // `.gz` beside a missing plain file was read by Open; other compressions are not.
      for (const char* ext : {".zst", ".xz", ".bz2", ".zip"}) {
        if (missing && fs::exists(path + ext)) {
          report->Add(Diagnostic{Severity::kError, path + ext, 0, 0, "compressed-file",
                                 fmt::format("pack files are plain or gzip TSV: {}{} is not read; "
                                             "decompress it to {}", spec.file, ext, spec.file)});
        }
      }
      if (missing && spec.file == kSourcesFile) {
        report->Add(Diagnostic{Severity::kError, path, 0, 0, "missing-file",
                               "a pack needs sources.tsv"});
        return Status::NotFound(fmt::format("{} is missing", path));
      }
      continue;
    }
    pack.headers[path] = reader.header();
    spec.read(reader, &pack);
  }
  return pack;
}

}  // namespace dyad::kb
