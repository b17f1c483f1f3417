// The coder's dictionaries: verb patterns (actions -> CAMEO codes), agent words (sector
// roles) and irregular verb forms. Formats: docs/formats/coder-dictionary.md; the bundled
// dictionaries are data/coder/*.tsv. TABARI and PETRARCH verb dictionaries can be read
// into the same model (foreign_dictionary.h).
#ifndef DYAD_CODER_DICTIONARY_H_
#define DYAD_CODER_DICTIONARY_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "base/status.h"

namespace dyad::coder {

// One alternative set of a pattern word: "relations|ties" matches either; "agree*" any
// word starting with "agree".
struct PatternWord {
  std::vector<std::string> alternatives;
  bool Matches(std::string_view lower) const;
};

struct VerbPattern {
  std::string code;     // CAMEO code of the completed action ("057")
  std::string intent;   // CAMEO code when the action is only intended ("030"), or ""
  std::string lemma;    // the verb ("sign")
  std::vector<PatternWord> words;  // words that must follow the verb, in order
  // Words that must come before the verb, in order, in its clause (TABARI and PETRARCH
  // "- words * words" patterns: "- peace * talks"); each at most six tokens before the next.
  std::vector<PatternWord> before;
  bool reciprocal = false;  // a coordinated subject with no target acts on each other
  // a coordinated subject with no target acts on each other; with a target, on it alone
  // ("Uzbekistan and Kyrgyzstan agreed to reopen …"; "Russia agreed to … Kyrgyzstan")
  bool among = false;
  bool speech = false;      // a verb of saying: its target comes from the reported clause
  bool no_target = false;   // the action needs no target (coded only with one)
  // The lemma is a noun naming the action ("visit to", "sanctions on", "talks between"),
  // matched only where a noun stands (coder.h: nominal events).
  bool noun = false;
  // TABARI's and PETRARCH's convention: negation, modality and futurity are the patterns'
  // own business ("- WILL NOT * [904]"), so a pattern's code stands whatever words precede
  // the verb; dyad's own patterns leave them to the coder (coder.h).
  bool modes_in_patterns = false;
  std::string fact;     // candidate fact relation ("agreement_signed"), or ""
  std::string origin;   // "data/coder/verbs.tsv:12" (why an event was coded)
  std::string text;     // the pattern as written
};

struct AgentWord {
  std::vector<std::string> words;  // lower case ("foreign", "ministry")
  std::string role;                // "GOV"
};

class Dictionary {
 public:
  // Reads DIR/verbs.tsv, DIR/agents.tsv and DIR/verb_forms.tsv (the last may be absent).
  // Errors name file, line and column.
  static Result<Dictionary> Load(const std::string& dir);
  // DataDir()/coder.
  static Result<Dictionary> LoadDefault();

  // Adds patterns and agents (readers of foreign formats, tests). Forms of each new
  // lemma are generated.
  void AddPattern(VerbPattern pattern);
  void AddAgent(AgentWord agent);
  void AddIrregular(const std::string& lemma, const std::vector<std::string>& forms);

  // Patterns whose verb has the inflected form `lower` ("signed"), longest first.
  const std::vector<uint32_t>* PatternsForForm(std::string_view lower) const;
  // Is `lower` a past participle / past form of its lemma ("signed", "met")?
  bool IsPastForm(std::string_view lower) const;
  const VerbPattern& pattern(uint32_t i) const { return patterns_[i]; }
  const std::vector<VerbPattern>& patterns() const { return patterns_; }
  const std::vector<AgentWord>& agents() const { return agents_; }

 private:
  struct Hash {
    using is_transparent = void;
    size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
  };
  template <typename V>
  using Map = std::unordered_map<std::string, V, Hash, std::equal_to<>>;
  void IndexForms(const std::string& lemma, uint32_t index);
  std::vector<std::string> FormsOf(const std::string& lemma, std::vector<std::string>* past) const;

  std::vector<VerbPattern> patterns_;
  std::vector<AgentWord> agents_;
  Map<std::vector<std::string>> irregular_;   // lemma -> forms (past forms first)
  Map<std::vector<uint32_t>> by_form_;
  Map<bool> past_forms_;
};

// Regular English inflections of a verb: lemma, 3rd person, past, -ing ("stop" -> "stops",
// "stopped", "stopping" only when listed as irregular; rules: e-final, consonant+y, sibilants).
std::vector<std::string> RegularForms(const std::string& lemma, std::string* past);

}  // namespace dyad::coder

#endif  // DYAD_CODER_DICTIONARY_H_
