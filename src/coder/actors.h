// Actors in a sentence: states and their sector roles, as of the event's date.
//
// A state is found by the one resolver (world::Resolver::FindMentions: names, official
// and historical names, demonyms and adjectives), by its capital used as a metonym
// ("Washington warned Bishkek": World's capital names, not after a locative "in", "at",
// "near"), by a named office holder of the knowledge base (office_holders.h: "John Kerry"
// on 2015-10-31 holds office:us-dos-secretary, so USA GOV), or by coreference to the states last
// mentioned ("the two countries", "both nations", "the three states").
// The role comes from agent words (data/coder/agents.tsv) right after the state
// ("Kyrgyz foreign ministry", "Russia's troops") or before it with "of"/"from"
// ("the President of Kyrgyzstan"); a person in office is GOV. Office holders are found by
// their full name, first and last name, an English short form of the first name ("Mike
// Pompeo" for Michael R. Pompeo) or, after a title or alone, by surname (SurnameAt).
#ifndef DYAD_CODER_ACTORS_H_
#define DYAD_CODER_ACTORS_H_

#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "base/date.h"
#include "coder/dictionary.h"
#include "coder/foreign_dictionary.h"
#include "coder/office_holders.h"
#include "coder/text.h"
#include "world/resolver.h"

namespace dyad::coder {

struct Actor {
  std::string state;  // world key
  std::string role;   // "GOV", "MIL", ... or ""
  size_t first_token = 0, last_token = 0;  // the whole phrase, [first, last)
  size_t head_token = 0;                   // the token that named the state
  Span span;                               // bytes of the phrase in the sentence
  std::string how;  // "name", "demonym", "capital", "office holder", "coreference"
};

// The packs the coder takes office holders from: every pack under data/packs plus the
// bundled leaders pack (data/kb-packs/leaders: Archigos, REIGN heads of state).
std::vector<std::string> OfficeHolderPackDirs();

class ActorFinder {
 public:
  // `holders` may be null (no office holders). All must outlive the finder.
  ActorFinder(const world::Resolver& resolver, const Dictionary& dictionary,
              const OfficeHolders* holders);

  // The actors of one sentence, left to right. `recent` holds the states the text
  // mentioned before (most recent last), for coreference.
  std::vector<Actor> Find(std::string_view sentence, const std::vector<Token>& tokens,
                          std::optional<Date> on, const std::vector<std::string>& recent) const;

  // Actors from another coder's actor file (foreign_dictionary.h), matched in any case as
  // whole words or, for words marked so, prefixes; the code of the sentence's date (its
  // state part) stands in for the state key, its agent part is the role. A sentence naming
  // a discard actor ("[###]", "[+++]") has no actors. With `only`, states are found only
  // through them (validation suites of fictional states).
  // Composed codes are split first (SplitComposedCodes with every state's CAMEO codes);
  // without `only` a state code is translated to the world key it is the CAMEO code of.
  void SetNamedActors(std::vector<NamedActor> named, bool only);

 private:
  struct Named {
    std::vector<std::string> words;
    std::string key;  // state key (capital) or entity id (person)
  };
  void IndexCapitals();
  void IndexPersons();
  void AddResolved(std::string_view sentence, const std::vector<Token>& tokens,
                   std::optional<Date> on, std::vector<Actor>* out) const;
  void AddPluralDemonyms(std::string_view sentence, const std::vector<Token>& tokens,
                         std::optional<Date> on, std::vector<Actor>* out) const;
  void AddCapitals(const std::vector<Token>& tokens, std::optional<Date> on,
                   std::vector<Actor>* out) const;
  void AddPersons(const std::vector<Token>& tokens, std::optional<Date> on,
                  std::vector<Actor>* out) const;
  // False when the sentence names a discard actor.
  bool AddNamed(const std::vector<Token>& tokens, std::optional<Date> on, std::vector<Actor>* out) const;
  std::vector<std::string> WorldCameoCodes() const;
  std::string StateOfCode(const std::string& code, std::optional<Date> on) const;
  const NamedActor* NamedAt(const std::vector<Token>& tokens, size_t i) const;
  void AddCoreference(const std::vector<Token>& tokens, const std::vector<std::string>& recent,
                      std::vector<Actor>* out) const;
  void AttachRoles(const std::vector<Token>& tokens, Actor* actor) const;
  void AgentAfter(const std::vector<Token>& tokens, Actor* actor) const;
  bool Modifier(const Token& t) const;
  // Length of the longest agent phrase starting at token i (0 if none), and its role.
  size_t AgentAt(const std::vector<Token>& tokens, size_t i, std::string* role) const;
  bool PersonOnDate(const std::string& id, std::optional<Date> on, std::string* state,
                    std::string* role) const;
  // "Pompeo", "Secretary Pompeo": a surname alone at token i names the state that every
  // leader or office holder (no ambassador) of that surname in office on `on` serves.
  bool SurnameAt(const std::vector<Token>& tokens, size_t i, std::optional<Date> on, std::string* state) const;
  void AddSurnames(const std::vector<Token>& tokens, std::optional<Date> on, std::vector<Actor>* out) const;

  const world::Resolver& resolver_;
  const Dictionary& dictionary_;
  const OfficeHolders* holders_;
  std::unordered_map<std::string, std::vector<Named>> capitals_;  // by first word
  std::unordered_map<std::string, std::vector<Named>> persons_;   // by first word
  std::unordered_map<std::string, std::vector<std::string>> surnames_;  // last word -> person ids
  // foreign actors, by their first word without its prefix mark
  std::unordered_map<std::string, std::vector<NamedActor>> named_;
  bool only_named_ = false;
};

}  // namespace dyad::coder

#endif  // DYAD_CODER_ACTORS_H_
