// Verb dictionaries of other coders read into dyad's model (coder/dictionary.h).
//
// TABARI .verbs (TABARI 0.8 manual, ch. 5; e.g. ../shared/data/coder/dictionaries/tabari/
// CAMEO.091003.master.verbs):
//   VERB  [code]                      a verb; its own code unless [---]
//   VERB {FORM FORM}  [code]          with irregular forms
//   - words * words  [code]           a pattern of the verb above: `*` is the verb, `$` the
//                                     source, `+` the target, `%` a compound actor
//   - * words  [042:043]              two codes: the first is kept (source to target)
// Codes are the dictionary's own: CAMEO, or 2-4 digits of another scheme (counted in
// non_cameo; such events have no quad class and are not stored by `dyad ingest text`).
// Pattern words: WORD_ matches exactly, WORD as a prefix (TABARI's stemming); `{ A | B }`
// alternatives; `&SET` a synset; `;` starts a comment.
// What dyad's model holds is imported: a verb's own code and its patterns, with words
// before and after the verb (VerbPattern::before, words), `{ | }` alternatives and synsets
// (`&SET`, defined by "&SET" then "+WORD" lines anywhere in the file; members of one word).
// Patterns naming a synset with no one-word member, or with no code ([---]), are skipped
// and counted (ForeignCounts), never half-read.
#ifndef DYAD_CODER_FOREIGN_DICTIONARY_H_
#define DYAD_CODER_FOREIGN_DICTIONARY_H_

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "base/date.h"
#include "base/status.h"
#include "coder/dictionary.h"

namespace dyad::coder {

struct ForeignCounts {
  uint64_t verbs = 0, patterns = 0;              // imported
  uint64_t words_before_verb = 0;  // imported patterns with words before the verb
  uint64_t synsets = 0;            // skipped: a synset undefined or of multi-word members only
  uint64_t no_code = 0, bad_code = 0, bad_lines = 0;
  uint64_t non_cameo = 0;  // imported with a code of digits that is not CAMEO (WEIS)
};

// PETRARCH verbs (PETR.Validate.verbs.txt, CAMEO.2.0.txt): blocks "--- VERB [code] ---"
// listing the verbs that share them (one per line, optional {FORMS}), then "- pattern
// [code]" lines read as TABARI's; synset definitions (&SET, +WORD) are skipped.
Status ReadPetrarchVerbs(const std::string& path, Dictionary* dict, ForeignCounts* counts,
                         std::string* first_error = nullptr);

// PETRARCH/TABARI actor files (TABARI 0.8 manual, ch. 4): "NAME_WORDS [CODE]", "+SYNONYM"
// lines naming the same actor, and code blocks: a name line without a code, its synonyms,
// then lines holding only codes ("[HOB <950601]", "[HOBGOV 950601-990815]", "[HOBREB
// >990816]", "[GON]"). A code may hold for dates (YYMMDD or YYYYMMDD; "<D" before D, ">D"
// from D on, "A-B" from A to B); the undated code holds on every other date; "[---]" is no
// actor. A word ending in "_" matches exactly, any other as a prefix (TABARI's stemming:
// "ETHIOP" is "Ethiopia" and "Ethiopian"). "[###]" (discard) and "[+++]" (complex) are
// TABARI's codes that the sentence is not coded. A composed code ("ROMGOV", "ARNGOVFRM")
// splits into the state code the file or the world (CAMEO codes, alternates such as ROM
// for Romania included) knows and the agent code after it (SplitComposedCodes).
// Agent files: "WORD {PLURALS} [~ROLE]" add agent phrases with that role to `dict`.
struct DatedCode {
  std::string code;  // the state code ("ARN"; "" = no actor on these dates)
  std::string role;  // the agent part of a composed code ("GOV"), after SplitComposedCodes
  int32_t from = INT32_MIN, to = INT32_MAX;  // days (Date::first_day), both included
};
struct NamedActor {
  std::vector<std::string> words;  // lower case; a trailing '*' marks a prefix
  DatedCode undated;               // the code on every date no dated code covers
  std::vector<DatedCode> dated;    // codes restricted to dates, in the file's order

  // The code on `on` (the first dated code covering it, else the undated one); without a
  // date the undated code.
  const DatedCode& On(std::optional<Date> on) const;
};
// "###" or "+++": the sentence is not coded.
bool DiscardCode(const std::string& code);
// Splits every composed code of `actors` into state code + role: the longest leading part
// that is a code of `states` (codes of three letters the file gives alone, or the world's)
// with the rest a sequence of three-letter agent codes.
void SplitComposedCodes(const std::vector<std::string>& states, std::vector<NamedActor>* actors);
Status ReadForeignActors(const std::string& path, std::vector<NamedActor>* out);
Status ReadForeignAgents(const std::string& path, Dictionary* dict);

// Adds the verbs and patterns of a TABARI .verbs file to `dict`. IOError when the file
// cannot be read; bad lines are counted, the first named in `first_error`.
Status ReadTabariVerbs(const std::string& path, Dictionary* dict, ForeignCounts* counts,
                       std::string* first_error = nullptr);

}  // namespace dyad::coder

#endif  // DYAD_CODER_FOREIGN_DICTIONARY_H_
