// The event coder: English text to coded events (who did what to whom, when).
//
// Per sentence (text.h), the coder finds date expressions (dates.h), actors (actors.h)
// and verbs of the pattern dictionary (dictionary.h), then for each verb:
//   - the pattern: the longest one of the verb whose further words follow it in order
//     (at most five tokens apart) before the clause ends (';' or the sentence end);
//   - mode: negated ("did not sign", "never", "failed to"), modal ("may", "might",
//     "could", "should", "must", "can") -> no event; future or intention ("will",
//     "would", "plans to", "intends to", "is expected to", "agreed to") -> the pattern's
//     intent code, or no event when it has none;
//   - voice: a past form after a form of "be", or followed by "by" + actor, is passive:
//     the actor after "by" is the source, the actor before the verb the target;
//   - source: the nearest group of coordinated actors before the verb ("Kazakhstan,
//     Uzbekistan and Kyrgyzstan"), or for a pronoun subject ("it", "they") the last
//     source of the text; for a verb of saying, only a group directly before it
//     ("Russia said", not "..., a spokesman said");
//   - target: the first actor group after the verb, less the source's own states; for a
//     reciprocal pattern (sign, meet) with no target, every ordered pair of the group, and
//     with a target, both directions;
//   - reported speech: a verb of saying codes the speaker's statement (its pattern's
//     code) towards the first other state in what was said, unless what was said holds
//     a coded event of its own, which is coded instead;
//   - date: a date expression after the verb in its clause, else the nearest one before
//     it, else the date the text last spoke of, else the document date.
//   - nominal events (patterns flagged `noun`: "Kerry's visit to", "sanctions on", "talks
//     between"): the noun as the sentence's subject or in an adjunct ("during a visit to
//     Beijing"), its doer the actor before it, the parties after "between"/"by", or the
//     subject of the first verb (docs/formats/coder-dictionary.md);
//   - structure: a verb coordinated with the one before it ("…, but later blamed") keeps
//     its subject; an infinitive after a verb's object ("asked Kenya to withdraw") is what
//     was asked, not done; a speaker after what was said ("…, Cairo said") states it to the
//     first other state before it, unless what was said holds an event of its own.
// Every event carries the sentence, the character spans (Unicode code points, not bytes)
// of source, target, verb and date in it, and the pattern that fired (file and line).
//
// Thread-safety: a Coder is immutable; each call keeps its state in the DocumentState.
#ifndef DYAD_CODER_CODER_H_
#define DYAD_CODER_CODER_H_

#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "base/date.h"
#include "coder/actors.h"
#include "coder/dates.h"
#include "coder/dictionary.h"
#include "coder/text.h"
#include "events/taxonomy.h"
#include "coder/office_holders.h"
#include "kb/knowledge_base.h"
#include "world/resolver.h"

namespace dyad::coder {

enum class DateBasis : uint8_t { kSentence, kContext, kDocument, kNone };
std::string_view DateBasisName(DateBasis basis);  // "sentence", "context", "document", "none"

struct CodedEvent {
  std::string source, target;            // state keys
  std::string source_role, target_role;  // "GOV", "MIL", ... or ""
  std::string code;                      // CAMEO
  std::string plover;                    // "" when CAMEO has no PLOVER type
  int quad = 0;
  std::optional<double> goldstein;
  bool intent = false;                   // coded from a future or intended action
  std::optional<Date> date;
  DateBasis date_basis = DateBasis::kNone;
  std::string sentence;                  // the sentence's text
  // Character (code point) offsets [begin, end): of the sentence in the text given to
  // CodeText, and of the phrases in the sentence ("Türkiye" is 7 characters, 8 bytes).
  Span sentence_span;
  Span source_span, target_span, verb_span, date_span;
  size_t sentence_line = 0;              // line feeds before the sentence in that text
  std::string pattern;                   // "057 sign agreement"
  std::string pattern_origin;            // "data/coder/verbs.tsv:31"
  std::string fact;                      // candidate fact relation, or ""
};

// What the coder remembers between sentences of one document.
struct DocumentState {
  std::optional<Date> document_date;
  std::optional<Date> anchor;            // the date the text last spoke of
  std::vector<std::string> recent;       // states mentioned, most recent last
  std::vector<std::string> last_source;  // the last source group
};

struct CodeCounts {
  uint64_t sentences = 0;
  uint64_t events = 0;
  uint64_t negated = 0;     // verbs not coded: negated
  uint64_t modal = 0;       // verbs not coded: modal, or intended without an intent code
  uint64_t no_actors = 0;   // verbs with no source or no target
};

class Coder {
 public:
  // `kb` may be null (no office holders); its office holders are copied. resolver and
  // taxonomy must outlive the coder.
  Coder(const world::Resolver& resolver, const events::Taxonomy& taxonomy, Dictionary dictionary,
        const kb::KnowledgeBase* kb);
  // The same with office holders already extracted (OfficeHolders::OpenOrCompile: the
  // cache, without loading the knowledge base); `holders` may be null.
  Coder(const world::Resolver& resolver, const events::Taxonomy& taxonomy, Dictionary dictionary,
        std::shared_ptr<const OfficeHolders> holders);
  ~Coder();

  // Codes `text` (one or more paragraphs) as the continuation of the document in `state`.
  std::vector<CodedEvent> CodeText(std::string_view text, DocumentState* state,
                                   CodeCounts* counts = nullptr) const;
  const Dictionary& dictionary() const { return dictionary_; }
  // Another coder's actors (ActorFinder::SetNamedActors); call before coding.
  void UseNamedActors(const std::vector<NamedActor>& named, bool only) { actors_->SetNamedActors(named, only); }

 private:
  // Where a sentence is in the text: bytes, characters, and line feeds before it.
  struct Place {
    Span bytes, chars;
    size_t line = 0;
  };
  void CodeSentence(std::string_view text, const Place& at, DocumentState* state,
                    CodeCounts* counts, std::vector<CodedEvent>* out) const;

  const events::Taxonomy& taxonomy_;
  Dictionary dictionary_;
  std::shared_ptr<const OfficeHolders> holders_;
  std::unique_ptr<ActorFinder> actors_;
};

}  // namespace dyad::coder

#endif  // DYAD_CODER_CODER_H_
