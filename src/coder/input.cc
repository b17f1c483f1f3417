#include "coder/input.h"

#include <fmt/format.h>

#include <algorithm>

#include "base/line_reader.h"
#include "base/strings.h"
#include "base/unicode.h"

namespace dyad::coder {
namespace {

void Note(InputCounts* c, std::string msg) {
  if (c->messages.size() < 20) c->messages.push_back(std::move(msg));
}

// Offset of the first NUL or control byte other than tab, or npos.
size_t BinaryAt(std::string_view s) {
  auto it = std::find_if(s.begin(), s.end(), [](char ch) {
    auto c = static_cast<unsigned char>(ch);
    return (c < 0x20 && c != '\t' && c != '\r') || c == 0x7F;
  });
  return it == s.end() ? std::string_view::npos : static_cast<size_t>(it - s.begin());
}

// Why a line is skipped: the count it goes to and "column: reason".
struct Problem {
  uint64_t InputCounts::*field = nullptr;
  std::string why;
};

Problem ProblemOf(const LineReader& r, std::string_view line, size_t max) {
  size_t bad = 0;
  if (r.line_too_long() || line.size() > max)
    return {&InputCounts::too_long, fmt::format("{}: line longer than {} bytes", max + 1, max)};
  if (!ValidateUtf8(line, &bad).ok()) return {&InputCounts::invalid_utf8, fmt::format("{}: invalid UTF-8", bad + 1)};
  size_t b = BinaryAt(line);
  if (b == std::string_view::npos) return {};
  return {&InputCounts::binary,
          fmt::format("{}: binary data: control byte 0x{:02x}", b + 1, static_cast<unsigned char>(line[b]))};
}

// Checks a line; false (with the count and message) when it is skipped.
bool Acceptable(const LineReader& r, std::string_view line, size_t max, InputCounts* c) {
  Problem p = ProblemOf(r, line, max);
  if (p.field == nullptr) return true;
  ++(c->*p.field);
  Note(c, fmt::format("{}:{}:{} (skipped)", r.name(), r.line_number(), p.why));
  return false;
}

struct State {
  const InputOptions& options;
  const ParagraphSink& sink;
  InputCounts* c;
  std::optional<Date> date;
  bool new_document = true;
  std::string paragraph;  // the lines of the paragraph being read, joined by '\n'
  InputLine pending;      // its first line, date and document flag
};

// Hands the paragraph read so far (if any) to the sink.
Status Flush(State* st) {
  if (st->paragraph.empty()) return Status::OK();
  st->pending.text = st->paragraph;
  ++st->c->paragraphs;
  Status s = st->sink(st->pending);
  st->paragraph.clear();
  return s;
}

Status Metadata(const LineReader& r, std::string_view line, State* st) {
  DYAD_RETURN_IF_ERROR(Flush(st));
  std::string_view value = TrimWhitespace(line.substr(5));
  Result<Date> d = Date::ParseIso(value);
  if (!d.ok()) {
    ++st->c->bad_metadata;
    Note(st->c, fmt::format("{}:{}:7: bad @date '{}': {} (skipped)", r.name(), r.line_number(),
                            value, d.status().message()));
    return Status::OK();
  }
  st->date = *d;
  st->new_document = true;
  return Status::OK();
}

// "D<TAB>text": a document of one line; true when `line` is one (and was handed on).
bool DatedLine(const LineReader& r, std::string_view line, State* st, Status* status) {
  size_t tab = line.find('\t');
  if (tab == std::string_view::npos || tab > 10) return false;
  Result<Date> d = Date::ParseIso(line.substr(0, tab));
  if (!d.ok()) return false;
  *status = Flush(st);
  if (!status->ok()) return true;
  InputLine in{r.line_number(), line.substr(tab + 1), true, *d};
  st->new_document = true;  // the next plain line starts another document
  ++st->c->paragraphs;
  ++st->c->documents;
  *status = st->sink(in);
  return true;
}

// A plain line continues the paragraph; one that would make it longer than the line limit
// starts the next one.
Status Paragraph(const LineReader& r, std::string_view line, State* st) {
  Status dated;
  if (DatedLine(r, line, st, &dated)) return dated;
  if (st->paragraph.size() + line.size() >= st->options.max_line_bytes) DYAD_RETURN_IF_ERROR(Flush(st));
  if (!st->paragraph.empty()) {
    st->paragraph += '\n';
    st->paragraph += line;
    return Status::OK();
  }
  st->paragraph.assign(line);
  st->pending = InputLine{r.line_number(), {}, st->new_document, st->date ? st->date : st->options.date};
  if (st->new_document) ++st->c->documents;
  st->new_document = false;
  return Status::OK();
}

Status NoText(const LineReader& r, const InputCounts* c) {
  std::string why = c->lines == 0 ? "empty input" : "no text to code";
  if (c->skipped() > 0) why += fmt::format(" ({} lines skipped)", c->skipped());
  return Status::InvalidArgument(fmt::format("{}: {}", r.name(), why));
}

// One line: a skipped or blank line ends the paragraph.
Status Line(const LineReader& r, std::string_view line, State* st) {
  ++st->c->lines;
  if (!Acceptable(r, line, st->options.max_line_bytes, st->c)) return Flush(st);
  if (TrimWhitespace(line).empty()) {
    ++st->c->blank;
    return Flush(st);
  }
  return line.substr(0, 6) == "@date " ? Metadata(r, line, st) : Paragraph(r, line, st);
}

Status ReadLines(LineReader& r, const InputOptions& options, const ParagraphSink& sink,
                 InputCounts* c) {
  State st{options, sink, c, std::nullopt, true, {}, {}};
  std::string_view line;
  while (r.Next(&line)) DYAD_RETURN_IF_ERROR(Line(r, line, &st));
  DYAD_RETURN_IF_ERROR(r.status());
  DYAD_RETURN_IF_ERROR(Flush(&st));
  return c->paragraphs == 0 ? NoText(r, c) : Status::OK();
}

}  // namespace

Status ReadTextInput(const std::string& path, const InputOptions& options,
                     const ParagraphSink& sink, InputCounts* counts) {
  DYAD_ASSIGN_OR_RETURN(std::unique_ptr<LineReader> r, LineReader::Open(path, options.max_line_bytes));
  return ReadLines(*r, options, sink, counts);
}

Status ReadTextString(std::string data, const std::string& name, const InputOptions& options,
                      const ParagraphSink& sink, InputCounts* counts) {
  std::unique_ptr<LineReader> r = LineReader::FromString(std::move(data), name);
  return ReadLines(*r, options, sink, counts);
}

}  // namespace dyad::coder
