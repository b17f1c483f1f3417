// Sentence splitting and tokenisation of English news and encyclopedic prose.
//
// Offsets are byte offsets into the text given, [begin, end). The text must be valid
// UTF-8 (callers check with base/unicode.h ValidateUtf8); non-ASCII bytes are letters.
//
// Sentences end at '.', '!' or '?' (with closing quotes or brackets after them) followed
// by white space and an upper-case letter, digit or quote, and at a blank line. A single
// line feed is white space (hard-wrapped text: "signed an\nagreement" is one sentence). A period
// does not end a sentence after an abbreviation ("U.S.", "Dec.", "Gen.", "Mr.", "Jan.",
// "No.", "St.") or a single capital ("John F. Kennedy"), or when the next word starts in
// lower case. Footnote marks ("[2]") stay with the sentence before them.
//
// Tokens: words (letters, digits, inner hyphens, periods of dotted initials such as
// "U.S." and "D.C."), the possessive "'s" as its own token, "n't" as its own token, and
// every other punctuation character as a one-character token.
#ifndef DYAD_CODER_TEXT_H_
#define DYAD_CODER_TEXT_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace dyad::coder {

struct Span {
  size_t begin = 0, end = 0;  // byte offsets, [begin, end)
  bool empty() const { return begin == end; }
  friend bool operator==(const Span&, const Span&) = default;
};

struct Token {
  Span span;           // in the sentence
  std::string lower;   // ASCII lower case; "u.s." keeps its periods
  bool capitalised = false;  // first byte is an upper-case ASCII letter or non-ASCII
  bool word = false;         // letters or digits (not punctuation)
  bool number = false;       // all digits
};

// The number of characters (Unicode code points) of UTF-8 `s`: its bytes that are not
// continuation bytes.
size_t CodePoints(std::string_view s);
// A byte span of `text` as character offsets (what the coder's output reports).
Span CharSpan(std::string_view text, Span bytes);

// The sentences of `text`, in order (white space trimmed from each).
std::vector<Span> SplitSentences(std::string_view text);
// The tokens of `sentence`.
std::vector<Token> Tokenize(std::string_view sentence);

}  // namespace dyad::coder

#endif  // DYAD_CODER_TEXT_H_
