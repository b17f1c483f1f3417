// The resolver's text normalisation: turns a name or a sentence into match tokens.
//
// One tokenizer serves both sides (the aliases when the index is built, and the queries),
// so every rule below makes two spellings equal by construction:
//   - Words are runs of letters, marks and digits (Unicode categories L*, M*, N*). An
//     apostrophe (' ’ ʼ ‘ `) between two word characters joins them and is then removed:
//     "Côte d'Ivoire" = "Cote dIvoire" = "Côte d’Ivoire". A final possessive "'s" is
//     dropped and excluded from the word's byte span: "Kyrgyzstan's" = "Kyrgyzstan".
//     Everything else (spaces, - – / , . ( ) & +) separates words.
//   - Each word is folded with FoldForMatch (NFKC, case fold, diacritics stripped); ASCII
//     words take a fast path (lower-casing only), which gives the same result.
//   - A lone d or l before a word is a French elision that lost its apostrophe and joins
//     the word: "Cote d Ivoire" = "Cote d'Ivoire".
//   - Initialisms: two or more single ASCII letters in a row, each but the last followed
//     by a period ("U.S.", "U. S.", "D.P.R"), or all written in capitals ("U S"), merge
//     into one word ("us"): `U.S.` = `US` = `U. S.`.
//   - Stop words "the", "of", "and", "sar" are dropped ("&" is a separator, so `&` =
//     `and`), as is a lone lower-case "s" left by a mangled possessive ("Lao People s").
//   - Abbreviations and variant words expand (kExpansions in the .cc): st/sint -> saint,
//     rep -> republic, dem -> democratic, isds/isl/island and "Is." -> islands,
//     n/northern -> north, S (capital or dotted) -> south, "Br." -> british, terr ->
//     territory, neth -> netherlands, peoples -> people; dr, pdr, dpr -> democratic
//     (people) republic; and well-known initialisms to the words they stand for: us,
//     usa, uk, uae, ussr, prc, rok (in prose only when written in capitals or with
//     periods). The tokens after the first of an expansion are marked `continuation`: a
//     mention never starts there.
// Invalid UTF-8 bytes are treated as separators (callers that must report them validate
// first).
#ifndef DYAD_WORLD_RESOLVER_TEXT_H_
#define DYAD_WORLD_RESOLVER_TEXT_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace dyad::world::internal {

struct MatchToken {
  uint32_t begin = 0, end = 0;  // byte span of the word(s) in the input
  uint32_t off = 0, len = 0;    // the folded text, in the tokenizer's arena
  bool caps = false;            // written in capitals, or as a dotted initialism
  bool continuation = false;    // second or later token of one expanded abbreviation
};

// Reusable tokenizer: keeps its buffers between calls, so scanning allocates nothing in
// the steady state. Not thread-safe; use one per thread.
class MatchTokenizer {
 public:
  // Replaces tokens() with the match tokens of `text`. In `prose`, initialisms expand
  // only when written in capitals or with periods ("US", "U.S." but not "us").
  void Tokenize(std::string_view text, bool prose = false);
  const std::vector<MatchToken>& tokens() const { return tokens_; }
  std::string_view Text(const MatchToken& t) const {
    return std::string_view(arena_).substr(t.off, t.len);
  }

 private:
  struct Word {
    uint32_t begin, end;  // raw span (end excludes a possessive 's)
    bool ascii;           // every byte is ASCII
    bool single_letter;   // one ASCII letter
    bool dotted;          // directly followed by '.'
    bool upper;           // has ASCII letters and no lower-case ASCII letter
    bool dot_space_gap;   // only '.' and ' ' between the previous word and this one
  };
  void ScanWords(std::string_view text);
  void EmitWord(std::string_view text, size_t first, size_t last);
  bool IsElision(std::string_view text, size_t i) const;
  void Push(std::string_view folded, const Word& span, bool caps, bool continuation);

  std::vector<Word> words_;
  std::vector<MatchToken> tokens_;
  std::string arena_;
  std::string fold_;
  bool prose_ = false;
};

}  // namespace dyad::world::internal

#endif  // DYAD_WORLD_RESOLVER_TEXT_H_
