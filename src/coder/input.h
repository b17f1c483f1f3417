// Text input of the coder: paragraphs separated by blank lines (docs/formats/coder-input.md).
//
//   @date 2015-07-21          starts a new document dated 2015-07-21 (EDTF: 2015-07 too)
//   2015-07-21<TAB>text       one line that is a document of its own, with its date
//   any other line            a line of a paragraph of the current document: consecutive
//                             lines are one paragraph (hard-wrapped text), joined by '\n';
//                             a blank line, an @date line, a dated line or a skipped line
//                             ends it, and so does a paragraph reaching max_line_bytes
// Bad lines are skipped and counted, never coded, with a message naming file, line and
// column: invalid UTF-8, binary data (a NUL or other control byte), a line longer than
// max_line_bytes, a bad @date. Input with no text at all is an error (InvalidArgument).
#ifndef DYAD_CODER_INPUT_H_
#define DYAD_CODER_INPUT_H_

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "base/date.h"
#include "base/status.h"

namespace dyad::coder {

struct InputLine {
  uint64_t line = 0;           // 1-based, of the paragraph's first line
  std::string_view text;       // the paragraph (valid during the callback)
  bool new_document = false;   // the first paragraph of a document
  std::optional<Date> date;    // the document's date, when known
};

struct InputCounts {
  uint64_t lines = 0, paragraphs = 0, blank = 0, documents = 0;
  uint64_t invalid_utf8 = 0, binary = 0, too_long = 0, bad_metadata = 0;
  std::vector<std::string> messages;  // the first 20 "file:line:column: reason (skipped)"
  uint64_t skipped() const { return invalid_utf8 + binary + too_long + bad_metadata; }
};

struct InputOptions {
  size_t max_line_bytes = size_t{1} << 20;  // 1 MiB
  std::optional<Date> date;                 // --date: the date of documents without one
};

using ParagraphSink = std::function<Status(const InputLine&)>;

// Reads `path` ("-" = standard input; gzip/zstd detected) and hands each paragraph to
// `sink`. IOError when the file cannot be read; InvalidArgument when it holds no text.
Status ReadTextInput(const std::string& path, const InputOptions& options,
                     const ParagraphSink& sink, InputCounts* counts);
// The same over a string (tests); `name` appears in messages.
Status ReadTextString(std::string data, const std::string& name, const InputOptions& options,
                      const ParagraphSink& sink, InputCounts* counts);

}  // namespace dyad::coder

#endif  // DYAD_CODER_INPUT_H_
