#include "base/csv_reader.h"

#include <csv.h>
#include <fmt/format.h>

#include <charconv>
#include <deque>

#include "base/line_reader.h"
#include "base/unicode.h"

namespace dyad {
namespace {

// One record as libcsv delivered it: field bytes back to back, with their ends.
struct Record {
  std::string bytes;
  std::vector<uint32_t> ends;
  std::vector<uint8_t> missing;
  std::string raw;  // the input lines, for the rejects file
  uint64_t line = 0;
  int bad_quote_column = 0;  // > 0: a quoting error in this field
};

int KeepSpaces(unsigned char) { return 0; }
int IsTerminator(unsigned char c) { return c == '\n' ? 1 : 0; }

}  // namespace

struct CsvReader::Impl {
  csv_parser parser{};
  std::unique_ptr<LineReader> lines;
  Record partial;
  std::deque<Record> ready;
  Record current;
  bool done = false;

  void InitParser(const CsvOptions& o) {
    csv_init(&parser, CSV_STRICT | CSV_STRICT_FINI | CSV_EMPTY_IS_NULL);
    csv_set_delim(&parser, static_cast<unsigned char>(o.delimiter));
    csv_set_quote(&parser, static_cast<unsigned char>(o.quote));
    csv_set_space_func(&parser, KeepSpaces);
    csv_set_term_func(&parser, IsTerminator);
  }
  ~Impl() { csv_free(&parser); }

  static void OnField(void* s, size_t len, void* self) {
    Record& r = static_cast<Impl*>(self)->partial;
    if (s != nullptr) r.bytes.append(static_cast<const char*>(s), len);
    r.ends.push_back(static_cast<uint32_t>(r.bytes.size()));
    r.missing.push_back(s == nullptr ? 1 : 0);
  }
  static void OnRecord(int, void* self) {
    auto* impl = static_cast<Impl*>(self);
    impl->ready.push_back(std::move(impl->partial));
    impl->partial = Record{};
  }
  // Feeds one input line (with its newline); a quoting error turns the partial record
  // into a rejected one and restarts the parser at the next line.
  void Feed(std::string_view line, uint64_t number, const CsvOptions& o) {
    if (partial.line == 0) partial.line = number;
    partial.raw.append(line);
    partial.raw.push_back('\n');
    bool ok = csv_parse(&parser, line.data(), line.size(), OnField, OnRecord, this) == line.size() &&
              csv_parse(&parser, "\n", 1, OnField, OnRecord, this) == 1;
    if (!ok) Resync(o);
  }
  void Resync(const CsvOptions& o) {
    partial.bad_quote_column = static_cast<int>(partial.ends.size()) + 1;
    ready.push_back(std::move(partial));
    partial = Record{};
    csv_free(&parser);
    InitParser(o);
  }
  void Finish(const CsvOptions& o) {
    if (csv_fini(&parser, OnField, OnRecord, this) != 0 && partial.line != 0) Resync(o);
    done = true;
  }
};

CsvReader::~CsvReader() = default;

Result<std::unique_ptr<CsvReader>> CsvReader::Open(const std::string& path, CsvOptions options,
                                                   RejectSink* rejects) {
  auto lines = LineReader::Open(path);
  if (!lines.ok()) return lines.status();
  std::unique_ptr<CsvReader> r(new CsvReader());
  r->impl_ = std::make_unique<Impl>();
  r->impl_->lines = std::move(lines).value();
  r->name_ = path;
  r->options_ = options;
  r->rejects_ = rejects;
  r->impl_->InitParser(options);
  DYAD_RETURN_IF_ERROR(r->ReadHeader());
  return r;
}

Result<std::unique_ptr<CsvReader>> CsvReader::FromString(std::string data, std::string name,
                                                         CsvOptions options, RejectSink* rejects) {
  std::unique_ptr<CsvReader> r(new CsvReader());
  r->impl_ = std::make_unique<Impl>();
  r->impl_->lines = LineReader::FromString(std::move(data), name);
  r->name_ = std::move(name);
  r->options_ = options;
  r->rejects_ = rejects;
  r->impl_->InitParser(options);
  DYAD_RETURN_IF_ERROR(r->ReadHeader());
  return r;
}

bool CsvReader::Fill() {
  Impl& m = *impl_;
  std::string_view line;
  while (m.ready.empty() && !m.done) {
    if (!m.lines->Next(&line)) {
      if (!m.lines->status().ok()) {
        status_ = m.lines->status();
        return false;
      }
      m.Finish(options_);
      break;
    }
    // Blank lines between records are not records (libcsv skips them too).
    if (line.empty() && m.partial.line == 0 && m.partial.ends.empty()) continue;
    m.Feed(line, m.lines->line_number(), options_);
  }
  return !m.ready.empty();
}

Status CsvReader::ReadHeader() {
  if (!Fill()) {
    if (!status_.ok()) return status_;
    return Status::InvalidArgument(fmt::format("{}:1:1: empty file (no header row)", name_));
  }
  Record r = std::move(impl_->ready.front());
  impl_->ready.pop_front();
  if (r.bad_quote_column > 0)
    return Status::InvalidArgument(
        fmt::format("{}:{}:{}: bad quoting in the header row", name_, r.line, r.bad_quote_column));
  uint32_t start = 0;
  for (uint32_t end : r.ends) {
    header_.emplace_back(r.bytes.substr(start, end - start));
    start = end;
  }
  if (!header_.empty() && header_[0].starts_with("\xEF\xBB\xBF")) header_[0].erase(0, 3);
  if (options_.allow_trailing_empty_header && header_.size() > 1 && header_.back().empty())
    header_.pop_back();
  return Status::OK();
}

int CsvReader::Column(std::string_view name) const {
  for (size_t i = 0; i < header_.size(); ++i)
    if (header_[i] == name) return static_cast<int>(i);
  return -1;
}

Result<std::vector<int>> CsvReader::Columns(const std::vector<std::string_view>& names) const {
  std::vector<int> out;
  for (std::string_view n : names) {
    int c = Column(n);
    if (c < 0) return Status::InvalidArgument(fmt::format("{}:1: no column '{}' in the header", name_, n));
    out.push_back(c);
  }
  return out;
}

void CsvReader::Reject(int column, std::string_view reason_kind, std::string_view message) {
  const std::string& raw = impl_->current.raw;
  std::string_view text(raw);
  if (!text.empty() && text.back() == '\n') text.remove_suffix(1);
  if (rejects_ != nullptr) {
    rejects_->Reject(name_, record_line_, column, reason_kind, message, text, &counts_);
  } else {
    ++counts_.rejected;
    ++counts_.rejected_by_reason[std::string(reason_kind)];
  }
}

// Validates the current record; false (after rejecting it) when it is bad.
bool CsvReader::Check(CsvRow* row) {
  const Record& r = impl_->current;
  if (r.bad_quote_column > 0) {
    Reject(r.bad_quote_column, "bad-quote", "bad quoting (a quote inside an unquoted field, "
           "text after a closing quote, or an unterminated quoted field)");
    return false;
  }
  size_t want = header_.size();
  if (r.ends.size() != want) {
    int col = static_cast<int>(std::min(r.ends.size(), want) + 1);
    Reject(col, "column-count", fmt::format("{} fields, the header has {}", r.ends.size(), want));
    return false;
  }
  size_t bad = 0;
  if (!ValidateUtf8(r.bytes, &bad).ok()) {
    int col = 1;
    while (col <= static_cast<int>(r.ends.size()) && r.ends[col - 1] <= bad) ++col;
    Reject(col, "bad-utf8", fmt::format("invalid UTF-8 at byte {} of the field", bad));
    return false;
  }
  row->fields_.clear();
  row->missing_.assign(r.missing.begin(), r.missing.end());
  uint32_t start = 0;
  for (uint32_t end : r.ends) {
    row->fields_.emplace_back(r.bytes.data() + start, end - start);
    start = end;
  }
  return true;
}

bool CsvReader::Next(CsvRow* row) {
  while (Fill()) {
    impl_->current = std::move(impl_->ready.front());
    impl_->ready.pop_front();
    record_line_ = impl_->current.line;
    ++row_;
    ++counts_.read;
    if (Check(row)) return true;
  }
  return false;
}

std::optional<int64_t> CsvRow::Int(size_t i) const {
  std::string_view f = fields_[i];
  if (missing_[i] || f.empty()) return std::nullopt;
  int64_t v = 0;
  auto [p, ec] = std::from_chars(f.data(), f.data() + f.size(), v);
  if (ec != std::errc() || p != f.data() + f.size()) return std::nullopt;
  return v;
}

std::optional<double> CsvRow::Double(size_t i) const {
  std::string_view f = fields_[i];
  if (missing_[i] || f.empty()) return std::nullopt;
  double v = 0;
  auto [p, ec] = std::from_chars(f.data(), f.data() + f.size(), v);
  if (ec != std::errc() || p != f.data() + f.size()) return std::nullopt;
  return v;
}

}  // namespace dyad
