#include "ingest/csv_reader.h"

#include <utility>

namespace dyad::ingest {

Result<std::unique_ptr<CsvReader>> CsvReader::Open(const std::string& path, CsvOptions options) {
  auto lines = LineReader::Open(path);
  if (!lines.ok()) return lines.status();
  return std::unique_ptr<CsvReader>(new CsvReader(std::move(lines).value(), options));
}

std::unique_ptr<CsvReader> CsvReader::FromString(std::string data, std::string name,
                                                 CsvOptions options) {
  return std::unique_ptr<CsvReader>(
      new CsvReader(LineReader::FromString(std::move(data), std::move(name)), options));
}

CsvReader::CsvReader(std::unique_ptr<LineReader> lines, CsvOptions options)
    : lines_(std::move(lines)), options_(options) {}

namespace {

// True when `text` ends inside a quoted field (an odd number of quotes opened a field
// that has not closed). Counts quotes: inside RFC 4180 text every literal quote is doubled.
bool QuoteOpen(std::string_view text) {
  size_t quotes = 0;
  for (char c : text) quotes += c == '"';
  return quotes % 2 == 1;
}

}  // namespace

bool CsvReader::Next() {
  std::string_view line;
  if (!lines_->Next(&line)) return false;
  line_ = lines_->line_number();
  raw_.assign(line);
  bool open = options_.quoting && QuoteOpen(raw_);
  while (open && lines_->Next(&line)) {
    raw_.push_back('\n');
    raw_.append(line);
    open = QuoteOpen(raw_);
  }
  error_.clear();
  error_column_ = 0;
  if (options_.quoting) {
    Split();
  } else {
    SplitPlain();
  }
  if (open && error_.empty()) {
    error_ = "quoted field not closed before end of input";
    error_column_ = static_cast<int>(fields_.size());
  }
  return true;
}

void CsvReader::SplitPlain() {
  fields_.clear();
  quoted_.clear();
  size_t start = 0;
  while (true) {
    size_t end = raw_.find(options_.delimiter, start);
    fields_.emplace_back(raw_.substr(start, end == std::string::npos ? end : end - start));
    quoted_.push_back(0);
    if (end == std::string::npos) break;
    start = end + 1;
  }
}

bool CsvReader::QuotedField(size_t* pos, std::string* out) {
  size_t i = *pos + 1;
  while (i < raw_.size()) {
    if (raw_[i] != '"') {
      out->push_back(raw_[i++]);
    } else if (i + 1 < raw_.size() && raw_[i + 1] == '"') {
      out->push_back('"');
      i += 2;
    } else {
      *pos = i + 1;
      return true;
    }
  }
  *pos = i;
  return false;
}

void CsvReader::Split() {
  fields_.clear();
  quoted_.clear();
  size_t pos = 0;
  while (true) {
    std::string field;
    bool quoted = pos < raw_.size() && raw_[pos] == '"';
    if (quoted) {
      QuotedField(&pos, &field);
      size_t end = raw_.find(options_.delimiter, pos);
      size_t stop = end == std::string::npos ? raw_.size() : end;
      if (stop != pos && error_.empty()) {
        error_ = "text after the closing quote of a field";
        error_column_ = static_cast<int>(fields_.size() + 1);
      }
      pos = stop;
    } else {
      size_t end = raw_.find(options_.delimiter, pos);
      size_t stop = end == std::string::npos ? raw_.size() : end;
      field = raw_.substr(pos, stop - pos);
      if (field.find('"') != std::string::npos && error_.empty()) {
        error_ = "quote inside an unquoted field";
        error_column_ = static_cast<int>(fields_.size() + 1);
      }
      pos = stop;
    }
    fields_.push_back(std::move(field));
    quoted_.push_back(quoted ? 1 : 0);
    if (pos >= raw_.size()) break;
    ++pos;  // the delimiter
    if (pos == raw_.size()) {  // a trailing delimiter: one more empty field
      fields_.emplace_back();
      quoted_.push_back(0);
      break;
    }
  }
}

int CsvHeader::Column(std::string_view name) const {
  for (size_t i = 0; i < names_.size(); ++i) {
    if (names_[i] == name) return static_cast<int>(i + 1);
  }
  return 0;
}

}  // namespace dyad::ingest
