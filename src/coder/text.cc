#include "coder/text.h"

#include <array>
#include <cctype>

namespace dyad::coder {
namespace {

bool IsAsciiAlnum(unsigned char c) { return std::isalnum(c) != 0; }
bool IsUpper(unsigned char c) { return c >= 'A' && c <= 'Z'; }
bool IsSpace(unsigned char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\f' || c == '\v'; }

// Length of a typographic punctuation sequence at `i` (U+2013..U+201D, U+00A0), else 0.
size_t TypographicLength(std::string_view s, size_t i) {
  auto at = [&](size_t k) { return static_cast<unsigned char>(s[k]); };
  if (i + 2 < s.size() && at(i) == 0xE2 && at(i + 1) == 0x80 && at(i + 2) >= 0x93 &&
      at(i + 2) <= 0x9D)
    return 3;
  if (i + 1 < s.size() && at(i) == 0xC2 && at(i + 1) == 0xA0) return 2;
  return 0;
}

bool IsWordByte(std::string_view s, size_t i) {
  auto c = static_cast<unsigned char>(s[i]);
  if (c < 0x80) return IsAsciiAlnum(c);
  return TypographicLength(s, i) == 0;
}

bool IsApostrophe(std::string_view s, size_t i, size_t* len) {
  if (s[i] == '\'') { *len = 1; return true; }
  if (TypographicLength(s, i) == 3 && static_cast<unsigned char>(s[i + 2]) == 0x99) {
    *len = 3;
    return true;
  }
  return false;
}

constexpr std::array<std::string_view, 44> kAbbreviations = {
    "mr", "mrs", "ms", "dr", "gen", "col", "lt", "sgt", "capt", "maj", "adm", "gov",
    "sen", "rep", "prof", "st", "jr", "sr", "jan", "feb", "mar", "apr", "jun", "jul",
    "aug", "sep", "sept", "oct", "nov", "dec", "no", "vs", "etc", "inc", "corp", "ltd",
    "co", "dept", "ft", "mt", "gens", "amb", "pres", "cmdr"};

std::string LowerAscii(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

// The word ending just before the period at `dot` (letters and inner periods).
std::string_view WordBefore(std::string_view text, size_t dot) {
  size_t b = dot;
  while (b > 0 && (IsAsciiAlnum(static_cast<unsigned char>(text[b - 1])) || text[b - 1] == '.')) --b;
  return text.substr(b, dot - b);
}

bool IsAbbreviation(std::string_view word) {
  if (word.size() == 1 && IsUpper(static_cast<unsigned char>(word[0]))) return true;  // "F."
  if (word.find('.') != std::string_view::npos) return true;                          // "U.S"
  std::string lower = LowerAscii(word);
  for (std::string_view a : kAbbreviations)
    if (lower == a) return true;
  return false;
}

// Skips closing quotes, brackets and footnote marks after a terminator.
size_t SkipClosers(std::string_view text, size_t i) {
  while (i < text.size()) {
    if (text[i] == '"' || text[i] == '\'' || text[i] == ')') { ++i; continue; }
    size_t t = TypographicLength(text, i);
    if (t == 3) { i += 3; continue; }
    if (text[i] == '[') {
      size_t j = text.find(']', i);
      if (j == std::string_view::npos || j - i > 6) break;
      i = j + 1;
      continue;
    }
    break;
  }
  return i;
}

bool StartsSentence(std::string_view text, size_t i) {
  if (i >= text.size()) return true;
  auto c = static_cast<unsigned char>(text[i]);
  return IsUpper(c) || std::isdigit(c) != 0 || c == '"' || c >= 0x80 || c == '(';
}

// After the terminator at `i`: the end of the sentence, or npos when it does not end here.
size_t SentenceEndAt(std::string_view text, size_t i) {
  if (text[i] == '.' && IsAbbreviation(WordBefore(text, i))) return std::string_view::npos;
  size_t end = SkipClosers(text, i + 1);
  if (end < text.size() && !IsSpace(static_cast<unsigned char>(text[end])) && text[end] != '\n')
    return std::string_view::npos;
  size_t next = end;
  while (next < text.size() && (IsSpace(static_cast<unsigned char>(text[next])) || text[next] == '\n')) ++next;
  if (!StartsSentence(text, next)) return std::string_view::npos;
  return end;
}

void PushTrimmed(std::string_view text, size_t b, size_t e, std::vector<Span>* out) {
  while (b < e && (IsSpace(static_cast<unsigned char>(text[b])) || text[b] == '\n')) ++b;
  while (e > b && (IsSpace(static_cast<unsigned char>(text[e - 1])) || text[e - 1] == '\n')) --e;
  if (b < e) out->push_back({b, e});
}

// A line feed followed by white space and another line feed: a blank line.
bool BlankLineAt(std::string_view text, size_t i) {
  size_t j = text.find_first_not_of(" \t\r\f\v", i + 1);
  return text[i] == '\n' && j != std::string_view::npos && text[j] == '\n';
}

}  // namespace

size_t CodePoints(std::string_view s) {
  size_t n = 0;
  for (char c : s) n += (static_cast<unsigned char>(c) & 0xC0) != 0x80;
  return n;
}

Span CharSpan(std::string_view text, Span bytes) {
  if (bytes.empty()) return {};
  size_t begin = CodePoints(text.substr(0, bytes.begin));
  return {begin, begin + CodePoints(text.substr(bytes.begin, bytes.end - bytes.begin))};
}

std::vector<Span> SplitSentences(std::string_view text) {
  std::vector<Span> out;
  size_t start = 0;
  for (size_t i = 0; i < text.size(); ++i) {
    char c = text[i];
    if (BlankLineAt(text, i)) {
      PushTrimmed(text, start, i, &out);
      start = i + 1;
    } else if (c == '.' || c == '!' || c == '?') {
      size_t end = SentenceEndAt(text, i);
      if (end == std::string_view::npos) continue;
      PushTrimmed(text, start, end, &out);
      start = end;
      i = end - 1;
    }
  }
  PushTrimmed(text, start, text.size(), &out);
  return out;
}

namespace {

// End of dotted initials starting at `i` ("U.S.", "D.C."), or i when there are none.
size_t DottedInitialsEnd(std::string_view s, size_t i) {
  size_t j = i;
  while (j + 1 < s.size() && std::isalpha(static_cast<unsigned char>(s[j])) != 0 &&
         s[j + 1] == '.' && (j + 2 >= s.size() || !IsAsciiAlnum(static_cast<unsigned char>(s[j + 2])) ||
                             (j + 3 < s.size() && s[j + 3] == '.')))
    j += 2;
  return j - i >= 4 ? j : i;  // at least two letters with periods
}

size_t WordEnd(std::string_view s, size_t i) {
  size_t dotted = DottedInitialsEnd(s, i);
  if (dotted != i) return dotted;
  size_t j = i;
  while (j < s.size()) {
    if (IsWordByte(s, j)) {
      ++j;
      continue;
    }
    bool inner = (s[j] == '-' || ((s[j] == '.' || s[j] == ',') && j > i &&
                                  std::isdigit(static_cast<unsigned char>(s[j - 1])) != 0)) &&
                 j + 1 < s.size() && IsWordByte(s, j + 1);
    if (!inner) break;
    ++j;
  }
  return j;
}

Token MakeToken(std::string_view s, size_t b, size_t e, bool word) {
  Token t;
  t.span = {b, e};
  t.lower = LowerAscii(s.substr(b, e - b));
  auto c = static_cast<unsigned char>(s[b]);
  t.word = word;
  t.capitalised = word && (IsUpper(c) || c >= 0x80);
  t.number = word;
  for (size_t k = b; k < e && t.number; ++k)
    t.number = std::isdigit(static_cast<unsigned char>(s[k])) != 0;
  return t;
}

// Splits a trailing "n't" off a word ("didn't" -> "did", "n't"); returns the word's end.
size_t SplitNegation(std::string_view s, size_t b, size_t e, size_t* neg_end) {
  size_t len = 0;
  if (e - b >= 2 && (s[e - 1] == 'n' || s[e - 1] == 'N') && e < s.size() && IsApostrophe(s, e, &len) &&
      e + len < s.size() && (s[e + len] == 't' || s[e + len] == 'T')) {
    *neg_end = e + len + 1;
    return e - 1;
  }
  *neg_end = 0;
  return e;
}

}  // namespace

std::vector<Token> Tokenize(std::string_view s) {
  std::vector<Token> out;
  size_t i = 0;
  while (i < s.size()) {
    auto c = static_cast<unsigned char>(s[i]);
    size_t typo = TypographicLength(s, i);
    if (IsSpace(c) || c == '\n' || (typo == 2)) { i += typo == 2 ? 2 : 1; continue; }
    size_t apo = 0;
    if (IsApostrophe(s, i, &apo) && i + apo < s.size() && (s[i + apo] == 's' || s[i + apo] == 'S') &&
        (i + apo + 1 >= s.size() || !IsWordByte(s, i + apo + 1)) && !out.empty() && out.back().word &&
        out.back().span.end == i) {
      out.push_back(MakeToken(s, i, i + apo + 1, false));
      out.back().lower = "'s";
      i += apo + 1;
      continue;
    }
    if (!IsWordByte(s, i)) {
      size_t len = typo != 0 ? typo : 1;
      out.push_back(MakeToken(s, i, i + len, false));
      i += len;
      continue;
    }
    size_t e = WordEnd(s, i), neg_end = 0;
    size_t we = SplitNegation(s, i, e, &neg_end);
    out.push_back(MakeToken(s, i, we, true));
    if (neg_end != 0) {
      out.push_back(MakeToken(s, we, neg_end, true));
      out.back().lower = "n't";
      e = neg_end;
    }
    i = e;
  }
  return out;
}

}  // namespace dyad::coder
