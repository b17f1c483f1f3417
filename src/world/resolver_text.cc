#include "world/resolver_text.h"

#include <utf8proc.h>

#include <array>


namespace dyad::world::internal {
namespace {

enum CharClass : uint8_t { kSep, kUpper, kLower, kDigit, kApostrophe, kHigh };

constexpr std::array<uint8_t, 256> MakeClassTable() {
  std::array<uint8_t, 256> t{};
  for (int c = 0; c < 256; ++c) {
    if (c >= 'A' && c <= 'Z') t[c] = kUpper;
    else if (c >= 'a' && c <= 'z') t[c] = kLower;
    else if (c >= '0' && c <= '9') t[c] = kDigit;
    else if (c == '\'' || c == '`') t[c] = kApostrophe;
    else if (c >= 0x80) t[c] = kHigh;
    else t[c] = kSep;
  }
  return t;
}
constexpr std::array<uint8_t, 256> kClass = MakeClassTable();

bool IsApostropheCp(int32_t cp) { return cp == 0x2019 || cp == 0x02BC || cp == 0x2018; }

// What the code point at `i` is: word character, apostrophe or separator; *len gets its
// byte length (1 for an invalid byte, which counts as a separator).
enum class Kind { kWord, kApostrophe, kSep };
Kind Classify(std::string_view s, size_t i, size_t* len) {
  const auto c = static_cast<unsigned char>(s[i]);
  const uint8_t cls = kClass[c];
  *len = 1;
  if (cls != kHigh) {
    if (cls == kSep) return Kind::kSep;
    return cls == kApostrophe ? Kind::kApostrophe : Kind::kWord;
  }
  utf8proc_int32_t cp = 0;
  utf8proc_ssize_t n = utf8proc_iterate(reinterpret_cast<const utf8proc_uint8_t*>(s.data() + i),
                                        static_cast<utf8proc_ssize_t>(s.size() - i), &cp);
  if (n <= 0 || cp < 0) return Kind::kSep;
  *len = static_cast<size_t>(n);
  if (IsApostropheCp(cp)) return Kind::kApostrophe;
  switch (utf8proc_category(cp)) {
    case UTF8PROC_CATEGORY_LU: case UTF8PROC_CATEGORY_LL: case UTF8PROC_CATEGORY_LT:
    case UTF8PROC_CATEGORY_LM: case UTF8PROC_CATEGORY_LO: case UTF8PROC_CATEGORY_MN:
    case UTF8PROC_CATEGORY_MC: case UTF8PROC_CATEGORY_ME: case UTF8PROC_CATEGORY_ND:
    case UTF8PROC_CATEGORY_NL: case UTF8PROC_CATEGORY_NO: case UTF8PROC_CATEGORY_CF:
      return Kind::kWord;
    default:
      return Kind::kSep;
  }
}

struct Expansion {
  std::string_view from;
  std::array<std::string_view, 4> to;
  bool initialism;  // expands in prose only when written in capitals ("US", not "us")
  bool dotted;      // expands only when followed by a period ("Is." but not "is")
};
constexpr std::array<Expansion, 29> kExpansions = {{
    {"st", {"saint"}, false, false},          {"sint", {"saint"}, false, false},
    {"rep", {"republic"}, false, false},      {"repub", {"republic"}, false, false},
    {"dem", {"democratic"}, false, false},    {"isds", {"islands"}, false, false},
    {"isl", {"islands"}, false, false},       {"isls", {"islands"}, false, false},
    {"is", {"islands"}, false, true},         {"island", {"islands"}, false, false},
    {"fed", {"federal"}, false, false},       {"utd", {"united"}, false, false},
    {"peoples", {"people"}, false, false},    {"n", {"north"}, false, false},
    {"northern", {"north"}, false, false},    {"br", {"british"}, false, true},
    {"terr", {"territory"}, false, false},    {"occ", {"occupied"}, false, true},
    {"neth", {"netherlands"}, false, false},
    {"dr", {"democratic", "republic"}, false, false},
    {"pdr", {"people", "democratic", "republic"}, false, false},
    {"dpr", {"democratic", "people", "republic"}, false, false},
    {"us", {"united", "states"}, true, false},
    {"usa", {"united", "states", "america"}, true, false},
    {"uk", {"united", "kingdom"}, true, false},
    {"uae", {"united", "arab", "emirates"}, true, false},
    {"ussr", {"union", "soviet", "socialist", "republics"}, true, false},
    {"prc", {"people", "republic", "china"}, true, false},
    {"rok", {"republic", "korea"}, true, false},
}};

// Bit c - 'a' set when some expansion starts with letter c: most words skip the scan.
constexpr uint32_t ExpansionInitials() {
  uint32_t bits = 0;
  for (const Expansion& e : kExpansions) bits |= 1u << (e.from[0] - 'a');
  return bits;
}
constexpr uint32_t kExpansionInitials = ExpansionInitials();

const Expansion* FindExpansion(std::string_view w) {
  if (w.size() > 8 || w[0] < 'a' || w[0] > 'z' || !(kExpansionInitials & (1u << (w[0] - 'a'))))
    return nullptr;
  for (const Expansion& e : kExpansions)
    if (e.from == w) return &e;
  return nullptr;
}

// "sar" (special administrative region) qualifies Hong Kong and Macao only.
bool IsStopWord(std::string_view w) {
  return w == "the" || w == "of" || w == "and" || w == "sar";
}

// Appends the match form of a word to *out, one code point at a time and without
// allocating: compatibility decomposition, case folding, marks and default-ignorable
// code points removed, apostrophes dropped. This is FoldForMatch without the final
// recomposition, which matching does not need since both sides are folded alike.
void FoldInto(std::string_view word, std::string* out) {
  const auto* p = reinterpret_cast<const utf8proc_uint8_t*>(word.data());
  const auto n = static_cast<utf8proc_ssize_t>(word.size());
  constexpr auto kOptions = static_cast<utf8proc_option_t>(
      UTF8PROC_DECOMPOSE | UTF8PROC_COMPAT | UTF8PROC_CASEFOLD | UTF8PROC_STRIPMARK |
      UTF8PROC_IGNORE);
  utf8proc_int32_t buf[32];
  for (utf8proc_ssize_t i = 0; i < n;) {
    if (p[i] < 0x80) {
      const char c = static_cast<char>(p[i++]);
      if (c == '\'' || c == '`') continue;
      out->push_back(c >= 'A' && c <= 'Z' ? static_cast<char>(c + 32) : c);
      continue;
    }
    utf8proc_int32_t cp = 0;
    utf8proc_ssize_t len = utf8proc_iterate(p + i, n - i, &cp);
    if (len <= 0) return;
    i += len;
    if (IsApostropheCp(cp)) continue;
    int boundclass = UTF8PROC_BOUNDCLASS_START;
    utf8proc_ssize_t m = utf8proc_decompose_char(cp, buf, 32, kOptions, &boundclass);
    for (utf8proc_ssize_t k = 0; k < m && k < 32; ++k) {
      utf8proc_uint8_t enc[4];
      utf8proc_ssize_t el = utf8proc_encode_char(buf[k], enc);
      out->append(reinterpret_cast<const char*>(enc), static_cast<size_t>(el));
    }
  }
}

}  // namespace

void MatchTokenizer::ScanWords(std::string_view text) {
  words_.clear();
  size_t i = 0, prev_end = 0;
  const size_t n = text.size();
  while (i < n) {
    size_t len = 0;
    if (kClass[static_cast<unsigned char>(text[i])] == kSep) {
      ++i;
      continue;
    }
    if (Classify(text, i, &len) != Kind::kWord) {
      i += len;
      continue;
    }
    Word w{};
    w.begin = static_cast<uint32_t>(i);
    w.ascii = true;
    bool has_upper = false, has_lower = false;
    size_t last_apostrophe = std::string_view::npos;
    size_t j = i;
    while (j < n) {
      const uint8_t cls = kClass[static_cast<unsigned char>(text[j])];
      if (cls == kUpper || cls == kLower || cls == kDigit) {  // ASCII fast path
        has_upper |= cls == kUpper;
        has_lower |= cls == kLower;
        ++j;
        continue;
      }
      Kind k = Classify(text, j, &len);
      if (k == Kind::kApostrophe) {
        size_t next_len = 0;
        if (j + len >= n || Classify(text, j + len, &next_len) != Kind::kWord) break;
        last_apostrophe = j;
      } else if (k != Kind::kWord) {
        break;
      }
      const auto c = static_cast<unsigned char>(text[j]);
      if (c >= 0x80) w.ascii = false;
      has_upper |= kClass[c] == kUpper;
      has_lower |= kClass[c] == kLower;
      j += len;
    }
    w.end = static_cast<uint32_t>(j);
    if (last_apostrophe != std::string_view::npos) {
      size_t alen = 0;
      Classify(text, last_apostrophe, &alen);
      if (last_apostrophe + alen + 1 == j && (text[j - 1] == 's' || text[j - 1] == 'S'))
        w.end = static_cast<uint32_t>(last_apostrophe);
    }
    w.single_letter = j - i == 1 && (kClass[static_cast<unsigned char>(text[i])] == kUpper ||
                                     kClass[static_cast<unsigned char>(text[i])] == kLower);
    w.dotted = j < n && text[j] == '.';
    w.upper = has_upper && !has_lower && w.ascii;
    w.dot_space_gap = true;
    for (size_t k = prev_end; k < i; ++k)
      if (text[k] != '.' && text[k] != ' ') w.dot_space_gap = false;
    words_.push_back(w);
    prev_end = j;
    i = j;
  }
}

void MatchTokenizer::Push(std::string_view folded, const Word& span, bool caps,
                          bool continuation) {
  MatchToken t;
  t.begin = span.begin;
  t.end = span.end;
  t.off = static_cast<uint32_t>(arena_.size());
  t.len = static_cast<uint32_t>(folded.size());
  t.caps = caps;
  t.continuation = continuation;
  arena_.append(folded);
  tokens_.push_back(t);
}

// Folds words_[first..last] (one word, or a run of initials merged into one) and pushes
// the resulting tokens.
void MatchTokenizer::EmitWord(std::string_view text, size_t first, size_t last) {
  Word span = words_[first];
  span.end = words_[last].end;
  fold_.clear();
  bool ascii = true;
  for (size_t k = first; k <= last; ++k) ascii &= words_[k].ascii;
  if (ascii) {
    size_t total = 0;
    for (size_t k = first; k <= last; ++k) total += words_[k].end - words_[k].begin;
    fold_.resize(total);
    char* out = fold_.data();
    size_t n = 0;
    for (size_t k = first; k <= last; ++k) {
      for (uint32_t b = words_[k].begin; b < words_[k].end; ++b) {
        const char c = text[b];
        if (c == '\'' || c == '`') continue;
        out[n++] = c >= 'A' && c <= 'Z' ? static_cast<char>(c + 32) : c;
      }
    }
    fold_.resize(n);
  } else {
    for (size_t k = first; k <= last; ++k)
      FoldInto(text.substr(words_[k].begin, words_[k].end - words_[k].begin), &fold_);
  }
  if (fold_.empty() || IsStopWord(fold_)) return;
  const bool merged = last > first && words_[first].single_letter && words_[last].single_letter;
  const Word& w = words_[first];
  const bool caps = merged || w.upper || (w.single_letter && w.dotted);
  if (fold_ == "s") {  // "S." / "S" is south; a lone lower-case s is a broken possessive
    if (caps) Push("south", span, caps, false);
    return;
  }
  const Expansion* e = FindExpansion(fold_);
  if (e != nullptr && e->dotted && !(w.dotted && !merged)) e = nullptr;
  if (e != nullptr && e->initialism && prose_ && !caps) e = nullptr;
  if (e != nullptr) {
    for (size_t k = 0; k < e->to.size() && !e->to[k].empty(); ++k)
      Push(e->to[k], span, caps, k > 0);
    return;
  }
  Push(fold_, span, caps, false);
}

// French elision written without its apostrophe: "Cote d Ivoire" = "Cote d'Ivoire".
bool MatchTokenizer::IsElision(std::string_view text, size_t i) const {
  if (i + 1 >= words_.size() || !words_[i].single_letter || words_[i].dotted) return false;
  const char c = text[words_[i].begin];
  if (c != 'd' && c != 'l' && c != 'D' && c != 'L') return false;
  const Word& next = words_[i + 1];
  return !next.single_letter && next.begin == words_[i].end + 1 && text[words_[i].end] == ' ';
}

void MatchTokenizer::Tokenize(std::string_view text, bool prose) {
  prose_ = prose;
  tokens_.clear();
  arena_.clear();
  ScanWords(text);
  for (size_t i = 0; i < words_.size();) {
    size_t j = i;
    if (IsElision(text, i)) {
      j = i + 1;
    } else if (words_[i].single_letter) {
      while (j + 1 < words_.size() && words_[j + 1].single_letter &&
             words_[j + 1].dot_space_gap &&
             (words_[j].dotted || (words_[j].upper && words_[j + 1].upper)))
        ++j;
    }
    EmitWord(text, i, j);
    i = j + 1;
  }
}

}  // namespace dyad::world::internal
