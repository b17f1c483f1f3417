#include "coder/coder.h"

#include <algorithm>
#include <set>

namespace dyad::coder {
namespace {

bool In(std::string_view w, std::initializer_list<std::string_view> list) {
  return std::find(list.begin(), list.end(), w) != list.end();
}

bool IsNegation(std::string_view w) { return In(w, {"not", "n't", "never", "no"}); }
bool IsModal(std::string_view w) {
  return In(w, {"may", "might", "could", "should", "must", "can", "cannot", "ought"});
}
bool IsFuture(std::string_view w) { return In(w, {"will", "would", "shall", "'ll"}); }
bool IsBe(std::string_view w) {
  return In(w, {"is", "are", "was", "were", "be", "been", "being"});
}
bool IsIntentHead(std::string_view w) {
  return In(w, {"plans", "plan", "planned", "planning", "intends", "intend", "intended",
                "wants", "want", "wanted", "hopes", "hope", "hoped", "aims", "aim", "aimed",
                "expected", "expects", "going", "seeks", "sought", "agreed", "agree", "agrees",
                "pledged", "promised", "vowed", "proposed", "decided", "prepared", "preparing",
                "is", "are", "was", "were", "set", "likely", "ready", "due", "scheduled",
                "offered", "offers", "offer", "promises", "pledges", "vows", "threatens",
                "threatened", "threaten", "threatening", "vow", "pledge", "promise"});
}
bool IsFailHead(std::string_view w) {
  return In(w, {"failed", "fails", "fail", "refused", "refuses", "declined", "declines"});
}
bool IsDeterminer(std::string_view w) {
  return In(w, {"the", "a", "an", "its", "their", "his", "her", "this", "that", "'s", "our"});
}
// "more help", "further talks", "new sanctions": a word that makes the next one a noun.
bool IsQuantifier(std::string_view w) {
  return In(w, {"more", "further", "additional", "new", "fresh", "urgent", "greater", "much", "any", "some"});
}
bool IsConnector(std::string_view w) { return In(w, {",", "and", "both", "as", "well", "the", "or"}); }
bool IsPronoun(std::string_view w) { return In(w, {"it", "they", "he", "she", "we"}); }
bool IsClauseEnd(std::string_view w) { return In(w, {";", ":"}); }
bool IsPreposition(std::string_view w) {
  return In(w, {"on", "of", "for", "in", "with", "about", "over", "against", "after", "before",
                "during", "from", "by", "into", "at", "under", "amid", "despite"});
}

enum class Mode { kCompleted, kIntent, kNegated, kModal, kEmbedded };

struct Group {
  std::vector<size_t> actors;  // indices into the sentence's actors
  size_t first = 0, last = 0;  // tokens, [first, last)
};

struct VerbHit {
  size_t token = 0;
  const VerbPattern* pattern = nullptr;
  size_t pattern_end = 0;  // token after the last pattern word
  Mode mode = Mode::kCompleted;
  bool passive = false;
};

}  // namespace

std::string_view DateBasisName(DateBasis basis) {
  switch (basis) {
    case DateBasis::kSentence: return "sentence";
    case DateBasis::kContext: return "context";
    case DateBasis::kDocument: return "document";
    case DateBasis::kNone: break;
  }
  return "none";
}

namespace {

struct Sentence {
  std::string_view text;
  std::vector<Token> tokens;
  std::vector<DateMention> dates;
  std::vector<Actor> actors;
  std::vector<Group> groups;
  std::vector<VerbHit> verbs;
  std::vector<bool> in_actor;  // per token

  bool ActorToken(size_t i) const { return i < in_actor.size() && in_actor[i]; }
  const std::string& W(size_t i) const {
    static const std::string kNone;
    return i < tokens.size() ? tokens[i].lower : kNone;
  }
};

// Adjacent actors naming the same state are one actor ("U.S. Secretary of State John Kerry").
void MergeAdjacent(std::vector<Actor>* actors) {
  std::vector<Actor> out;
  for (Actor& a : *actors) {
    if (!out.empty() && out.back().state == a.state && a.first_token <= out.back().last_token &&
        out.back().how != "coreference") {
      out.back().last_token = std::max(out.back().last_token, a.last_token);
      if (out.back().role.empty()) out.back().role = a.role;
      out.back().span.end = std::max(out.back().span.end, a.span.end);
      continue;
    }
    out.push_back(std::move(a));
  }
  *actors = std::move(out);
}

bool OnlyConnectors(const std::vector<Token>& t, size_t b, size_t e) {
  return e - b <= 3 && std::all_of(t.begin() + static_cast<long>(b), t.begin() + static_cast<long>(e),
                                   [](const Token& k) { return IsConnector(k.lower); });
}

// Does actor `a` join group `g` (the same phrase, or coordinated with it: "Kazakhstan,
// Uzbekistan and Kyrgyzstan")? Coreference ("the two countries") is a group of its own.
bool Joins(const Group& g, const Actor& a, const std::vector<Actor>& actors, const std::vector<Token>& t) {
  const Actor& prev = actors[g.actors.back()];
  if (a.first_token == prev.first_token) return true;
  return a.how != "coreference" && prev.how != "coreference" && a.first_token >= g.last &&
         OnlyConnectors(t, g.last, a.first_token);
}

// "After a visit to Spain, Morocco hosted": the comma closing a sentence-initial adjunct
// coordinates nothing. Its token, or 0.
size_t AdjunctComma(const std::vector<Token>& t) {
  if (t.empty() || !(IsPreposition(t[0].lower) || In(t[0].lower, {"following", "since"}))) return 0;
  auto comma = std::find_if(t.begin(), t.end(), [](const Token& k) { return k.lower == ","; });
  return comma == t.end() ? 0 : static_cast<size_t>(comma - t.begin());
}

std::vector<Group> GroupActors(const std::vector<Actor>& actors, const std::vector<Token>& t) {
  std::vector<Group> groups;
  size_t adjunct_comma = AdjunctComma(t);
  for (size_t i = 0; i < actors.size(); ++i) {
    const Actor& a = actors[i];
    bool across = adjunct_comma > 0 && !groups.empty() && groups.back().last <= adjunct_comma && a.first_token > adjunct_comma;
    if (groups.empty() || across || !Joins(groups.back(), a, actors, t)) {
      groups.push_back({{i}, a.first_token, a.last_token});
      continue;
    }
    groups.back().actors.push_back(i);
    groups.back().last = std::max(groups.back().last, a.last_token);
  }
  return groups;
}

// Matches the pattern's further words after the verb; returns the token after the last
// one, or 0 when they do not all follow.
// "to" before a verb form opens an infinitive clause ("agreed to share intelligence on"):
// the words of a pattern do not reach into it.
size_t MatchWords(const Sentence& s, size_t verb, const VerbPattern& p, const Dictionary& dict);

// Does a pattern of the verb form at token i match there ("to continue cooperation": no
// pattern of "continue" takes "cooperation", so "promised to continue cooperation" is
// "promise cooperation")?
bool CodesAt(const Sentence& s, size_t i, const Dictionary& dict) {
  const std::vector<uint32_t>* pats = dict.PatternsForForm(s.W(i));
  if (pats == nullptr) return false;
  return std::any_of(pats->begin(), pats->end(), [&](uint32_t p) {
    const VerbPattern& pat = dict.pattern(p);
    return pat.words.empty() || MatchWords(s, i, pat, dict) != 0;
  });
}

bool InfinitiveAt(const Sentence& s, size_t i, const Dictionary& dict) {
  return s.W(i) == "to" && CodesAt(s, i + 1, dict);
}

size_t MatchWords(const Sentence& s, size_t verb, const VerbPattern& p, const Dictionary& dict) {
  size_t at = verb + 1;
  for (const PatternWord& w : p.words) {
    size_t limit = std::min(s.tokens.size(), at + 6);
    size_t found = 0;
    for (size_t i = at; i < limit && !IsClauseEnd(s.W(i)); ++i) {
      if (w.Matches(s.W(i))) { found = i + 1; break; }
      if (InfinitiveAt(s, i, dict) && !w.Matches(s.W(i + 1))) break;
    }
    if (found == 0) return 0;
    at = found;
  }
  return at;
}

// Matches the pattern's words before the verb, right to left, each within six tokens of
// the next and in the verb's clause.
bool MatchBefore(const Sentence& s, size_t verb, const VerbPattern& p) {
  size_t at = verb;
  for (size_t k = p.before.size(); k-- > 0;) {
    size_t stop = at >= 6 ? at - 6 : 0, found = at;
    for (size_t i = at; i-- > stop && !IsClauseEnd(s.W(i));)
      if (p.before[k].Matches(s.W(i))) { found = i; break; }
    if (found == at) return false;
    at = found;
  }
  return true;
}

// "asked Kenya to withdraw", "ordered French troops to leave": the infinitive after an actor
// that is the object of a verb is what was asked or ordered, not done (token i ends the actor).
bool ObjectOfVerb(const Sentence& s, size_t i, const Dictionary& dict) {
  bool actor = s.ActorToken(i);
  while (i > 0 && (s.ActorToken(i - 1) || IsDeterminer(s.W(i - 1)))) --i;
  return actor && i > 0 && dict.PatternsForForm(s.W(i - 1)) != nullptr;
}

// Looks left of the verb for negation, modality, futurity and intention.
Mode ModeOf(const Sentence& s, size_t verb, const Dictionary& dict) {
  size_t stop = verb >= 4 ? verb - 4 : 0;
  if (verb >= 2 && s.W(verb - 1) == "to") {
    const std::string& head = s.W(verb - 2);
    if (IsFailHead(head)) return Mode::kNegated;
    bool neg = verb >= 3 && IsNegation(s.W(verb - 3));
    if (IsIntentHead(head)) return neg ? Mode::kNegated : Mode::kIntent;
    if (dict.PatternsForForm(head) != nullptr || ObjectOfVerb(s, verb - 2, dict)) return Mode::kEmbedded;
  }
  for (size_t i = verb; i-- > stop;) {
    if (s.ActorToken(i) || s.W(i) == "," || IsClauseEnd(s.W(i))) break;
    if (IsNegation(s.W(i))) return Mode::kNegated;
    if (IsModal(s.W(i))) return Mode::kModal;
    if (IsFuture(s.W(i))) return Mode::kIntent;
  }
  return Mode::kCompleted;
}

// `end`: the token after the pattern's last word ("was shot down by": "by" at end).
// The pattern's words must follow the verb directly ("a proposal by Egypt" after "rejected"
// is no agent).
bool IsPassive(const Sentence& s, size_t verb, size_t end, const VerbPattern& p, const Dictionary& dict) {
  if (!dict.IsPastForm(s.W(verb))) return false;
  if (s.W(end) == "by" && end == verb + 1 + p.words.size()) return true;
  for (size_t i = verb; i-- > 0 && verb - i <= 3;) {
    if (IsBe(s.W(i))) return true;
    if (s.ActorToken(i) || !s.tokens[i].word) break;
  }
  return false;
}

// A verb form used as a noun: after a determiner ("the visit"), a preposition ("talks on
// trade") or another verb ("condemned attacks").
// Not a past form after a verb form ("Russian ships seized": "ships" is the noun).
bool NounUse(const Sentence& s, size_t i, const Dictionary& dict) {
  const std::string& prev = s.W(i - 1);
  if (i > 0 && (IsDeterminer(prev) || IsPreposition(prev) || IsQuantifier(prev))) return true;
  return i > 0 && dict.PatternsForForm(prev) != nullptr && !s.ActorToken(i - 1) && !dict.IsPastForm(s.W(i));
}

// A verb form that is also a noun modifying the noun after it ("a new trade agreement",
// "trading partners", "a loan deal"), unless an actor stands right before it ("Russia and
// China trade goods").
bool CompoundModifier(const Sentence& s, size_t i) {
  static const std::set<std::string, std::less<>> kModifiers = {
      "trade", "trading", "export", "import", "supply", "loan", "transit", "bomb", "strike", "arms"};
  static const std::set<std::string, std::less<>> kHeads = {
      "agreement", "agreements", "deal", "deals", "pact", "pacts", "treaty", "treaties",
      "partner", "partners", "partnership", "war", "wars", "dispute", "disputes", "zone", "route",
      "routes", "policy", "minister", "ministers", "ministry", "office", "offices", "surplus",
      "deficit", "volume", "mission", "missions", "delegation", "bloc", "corridor", "barriers",
      "ban", "bans", "restrictions", "quotas", "tariffs", "imbalance", "ties", "relations"};
  if (kModifiers.count(s.W(i)) == 0 || (i > 0 && s.ActorToken(i - 1))) return false;
  return kHeads.count(s.W(i + 1)) != 0;
}

// A foreign pattern that names a future, modal or negating word before its verb ("- $ WILL
// * +") codes that mode itself: its code is the event's.
bool ModeInPattern(const VerbPattern& p) {
  for (const PatternWord& w : p.before)
    for (std::string a : w.alternatives) {
      if (!a.empty() && a.back() == '*') a.pop_back();
      if (IsFuture(a) || IsModal(a) || IsNegation(a)) return true;
    }
  return false;
}

// A pattern ending in "to" ("agree to") gives way to the verb after it when that codes an
// event between the same states ("agreed to normalize ties with Israel": normalize's 030,
// once); else it stands ("Uzbekistan and Kyrgyzstan agreed to reopen border crossings").
bool EndsInTo(const VerbPattern& p) {
  return !p.words.empty() && p.words.back().alternatives.size() == 1 && p.words.back().alternatives[0] == "to";
}

// "China, the largest trading partner of Australia, imposed": a word inside an appositive
// (a comma right after an actor, then "the"/"a"/"an", up to the next comma) is no verb.
bool InApposition(const Sentence& s, size_t i) {
  size_t c = i;
  while (c-- > 0 && s.W(c) != "," && !IsClauseEnd(s.W(c))) {}
  if (c >= i || c == 0 || s.W(c) != "," || !s.ActorToken(c - 1) || !In(s.W(c + 1), {"the", "a", "an"})) return false;
  for (size_t j = i + 1; j < s.tokens.size() && !IsClauseEnd(s.W(j)); ++j)
    if (s.W(j) == ",") return true;
  return false;
}

// Nominal events (patterns flagged `noun`): "Kerry's visit to Kyrgyzstan", "American
// sanctions on Iran", "Talks between India and China", "during a visit to Beijing". A noun
// stands first in the sentence, after "'s", a demonym, a determiner, preposition or
// quantifier; it is coded only as the subject (no verb before it) or in an adjunct after
// "during", "after", ... (not as the object of another verb: "condemned the sanctions").
// "signed an agreement normalizing relations with Israel": an -ing form right after a noun,
// once the sentence has had its verb, modifies that noun (no verb of its own).
bool ReducedRelative(const Sentence& s, size_t i, const Dictionary& dict) {
  const Token& prev = s.tokens[i - (i > 0)];
  if (i == 0 || s.verbs.empty() || !s.W(i).ends_with("ing") || !prev.word || s.ActorToken(i - 1)) return false;
  return !IsBe(prev.lower) && !In(prev.lower, {"and", "or", "to", "of", "by"}) && dict.PatternsForForm(prev.lower) == nullptr;
}

// "American sanctions", "Russian attacks": a present form right after a singular demonym
// (no agent word between) is a noun; "Russian troops attacked", "four Americans visit" are verbs.
bool AfterDemonym(const Sentence& s, size_t i, const Dictionary& dict) {
  auto adjective = [&](const Actor& a) { return a.last_token == i && a.head_token + 1 == i && a.how == "demonym"; };
  bool after = std::any_of(s.actors.begin(), s.actors.end(), adjective);
  return after && !dict.IsPastForm(s.W(i)) && !s.W(i - 1).ends_with("ns");
}

// Up to two lower-case modifiers may stand between ("during a planned two-day visit").
bool NounPosition(const Sentence& s, size_t i, const Dictionary& dict) {
  for (size_t k = i, skipped = 0; skipped <= 2; --k, ++skipped) {
    auto demonym = [&](const Actor& a) { return a.last_token == k && a.how == "demonym"; };
    if (k == 0) return skipped == 0;
    if (s.W(k - 1) == "'s" || std::any_of(s.actors.begin(), s.actors.end(), demonym)) return true;
    if (NounUse(s, k, dict) || !s.tokens[k - 1].word || s.tokens[k - 1].capitalised || s.ActorToken(k - 1)) return NounUse(s, k, dict);
  }
  return false;
}

bool AdjunctBefore(const Sentence& s, size_t i) {
  for (size_t k = i; k-- > 0 && i - k <= 4 && !s.ActorToken(k);)
    if (In(s.W(k), {"during", "after", "before", "since", "following", "amid", "despite"})) return true;
  return false;
}

bool NominalCoded(const Sentence& s, size_t i, const Dictionary& dict) {
  return NounPosition(s, i, dict) && (s.verbs.empty() || AdjunctBefore(s, i));
}

// "a planned visit", "possible sanctions": intended; "no talks": none.
Mode NounMode(const Sentence& s, size_t i) {
  for (size_t k = i; k-- > 0 && i - k <= 3;) {
    if (In(s.W(k), {"planned", "proposed", "upcoming", "expected", "possible", "potential", "future"})) return Mode::kIntent;
    if (In(s.W(k), {"no", "without"})) return Mode::kNegated;
  }
  return Mode::kCompleted;
}

Mode HitMode(const Sentence& s, size_t i, const VerbPattern& pat, const Dictionary& dict) {
  if (pat.noun) return NounMode(s, i);
  return pat.modes_in_patterns || ModeInPattern(pat) ? Mode::kCompleted : ModeOf(s, i, dict);
}

bool HasNounPattern(const std::vector<uint32_t>& pats, const Dictionary& dict) {
  return std::any_of(pats.begin(), pats.end(), [&](uint32_t p) { return dict.pattern(p).noun; });
}

void FindVerbs(Sentence* s, const Dictionary& dict) {
  size_t consumed = 0;  // tokens up to here belong to the last pattern ("suspended trade")
  for (size_t i = 0; i < s->tokens.size(); ++i) {
    if (i < consumed || !s->tokens[i].word || s->ActorToken(i)) continue;
    if (i > 0 && s->tokens[i].capitalised) continue;  // a name: "World Trade Organization"
    const std::vector<uint32_t>* pats = dict.PatternsForForm(s->tokens[i].lower);
    if (pats == nullptr) continue;
    bool verb = !NounUse(*s, i, dict) && !CompoundModifier(*s, i) && !InApposition(*s, i) &&
                !ReducedRelative(*s, i, dict) && !AfterDemonym(*s, i, dict);
    bool noun = HasNounPattern(*pats, dict) && NominalCoded(*s, i, dict);  // checked only for nouns
    for (uint32_t p : *pats) {
      const VerbPattern& pat = dict.pattern(p);
      if (!(pat.noun ? noun : verb)) continue;
      size_t end = pat.words.empty() ? i + 1 : MatchWords(*s, i, pat, dict);
      if (end == 0 || !MatchBefore(*s, i, pat)) continue;
      VerbHit v{i, &pat, end, HitMode(*s, i, pat, dict), !pat.noun && IsPassive(*s, i, end, pat, dict)};
      s->verbs.push_back(v);
      consumed = end;
      break;
    }
  }
}

int GroupBefore(const Sentence& s, size_t verb, bool adjacent) {
  for (size_t g = s.groups.size(); g-- > 0;) {
    const Group& gr = s.groups[g];
    if (gr.last > verb) continue;
    for (size_t i = gr.last; i < verb; ++i) {
      if (IsClauseEnd(s.W(i))) return -1;
      if (adjacent && (s.W(i) == "," || verb - gr.last > 4)) return -1;
    }
    return static_cast<int>(g);
  }
  return -1;
}

// ", and Russian troops crossed": a comma and a conjunction start a clause of its own, whose
// actors are no object of the verb before them.
bool NewClauseAt(const Sentence& s, size_t i) {
  return s.W(i) == "," && In(s.W(i + 1), {"and", "but", "while", "whereas", "who", "which"});
}

int GroupAfter(const Sentence& s, size_t from, size_t limit) {
  for (size_t g = 0; g < s.groups.size(); ++g) {
    const Group& gr = s.groups[g];
    if (gr.first < from) continue;
    if (gr.first >= limit) return -1;
    for (size_t i = from; i < gr.first; ++i)
      if (IsClauseEnd(s.W(i)) || NewClauseAt(s, i)) return -1;
    return static_cast<int>(g);
  }
  return -1;
}

// Apposition: in "Russia, an ally of Syria, condemned" the subject is the group before the
// comma that opens the appositive, not the nearest one inside it.
int BeforeApposition(const Sentence& s, size_t verb, int g) {
  if (g < 0 || verb < 2 || s.W(verb - 1) != ",") return g;
  for (size_t c = verb - 1; c-- > 0;) {
    if (s.W(c) != ",") continue;
    for (int h = g; h >= 0; --h)
      if (s.groups[h].last == c) return h;
    return g;
  }
  return g;
}

// The subject of a verb: the nearest group before it (across an apposition); in "X v1 Y
// and v2 Z" the group before the object Y of the first verb phrase.
// Does another verb stand between group g and verb v, v not being coordinated with it ("X
// signed a memorandum on electricity trade": "trade" has no subject of its own)?
bool VerbBetween(const Sentence& s, int g, const VerbHit& v) {
  if (g < 0 || v.token == 0 || In(s.W(v.token - 1), {"and", ",", "but", "then", "or"})) return false;
  // "X agreed to restore": the head of the infinitive has the same subject
  // ("threatened to expel": the same for any verb whose infinitive v is)
  auto head = [&](const VerbHit& o) {
    return (EndsInTo(*o.pattern) && o.pattern_end == v.token) || (s.W(v.token - 1) == "to" && o.pattern_end + 1 == v.token);
  };
  auto between = [&](const VerbHit& o) { return o.token >= s.groups[g].last && o.token < v.token && !head(o); };
  return std::any_of(s.verbs.begin(), s.verbs.end(), between);
}

// "X v1 Y and v2", "X v1 Y ..., but later v2": a verb coordinated with the one before it
// (a conjunction, perhaps an adverb, right before it).
bool CoordinatedPredicate(const Sentence& s, size_t verb) {
  auto conj = [](std::string_view w) { return In(w, {"and", "but", "then", ","}); };
  if (verb >= 1 && conj(s.W(verb - 1)) && s.W(verb - 1) != ",") return true;
  return verb >= 2 && In(s.W(verb - 1), {"later", "also", "then", "subsequently", "afterwards"}) && conj(s.W(verb - 2));
}

// The verb hit before group g, or null.
const VerbHit* VerbBeforeGroup(const Sentence& s, int g, const VerbHit& v) {
  auto before = [&](const VerbHit& o) { return o.token < s.groups[g].first && o.token < v.token; };
  auto it = std::find_if(s.verbs.rbegin(), s.verbs.rend(), before);
  return it == s.verbs.rend() ? nullptr : &*it;
}

int SubjectGroup(const Sentence& s, const VerbHit& v) {
  int g = GroupBefore(s, v.token, v.pattern->speech);
  if (!v.pattern->speech) g = BeforeApposition(s, v.token, g);
  if (VerbBetween(s, g, v)) return -1;
  if (g < 0 || !CoordinatedPredicate(s, v.token)) return g;
  // the nearest group is the object of the verb before: the subject is that verb's
  const VerbHit* first = VerbBeforeGroup(s, g, v);
  if (first != nullptr && !first->passive) return SubjectGroup(s, *first);
  // "Bahrain and Sudan followed Saudi Arabia and broke off" (no pattern for "follow")
  bool adjacent = g > 0 && s.W(v.token - 1) == "and" && s.groups[g].last + 1 == v.token;
  return adjacent ? g - 1 : g;
}

size_t ClauseEnd(const Sentence& s, size_t from) {
  for (size_t i = from; i < s.tokens.size(); ++i)
    if (IsClauseEnd(s.W(i))) return i;
  return s.tokens.size();
}

}  // namespace

namespace {

struct Roles {
  std::vector<const Actor*> sources, targets;
  bool pairs_within = false;  // reciprocal with no target: each ordered pair of sources
};

// The last source stands in for a pronoun within three tokens before the verb (or, with
// `implied`, for the subject a participle leaves out: the token before the verb).
void PronounSource(const Sentence& s, size_t verb, const std::vector<std::string>& last_source,
                   std::vector<Actor>* scratch, Roles* r, bool implied = false) {
  for (size_t i = verb; i-- > 0 && verb - i <= 3;) {
    if (!implied && !IsPronoun(s.W(i))) continue;
    for (const std::string& key : last_source) {
      Actor a;
      a.state = key;
      a.first_token = a.head_token = i;
      a.last_token = i + 1;
      a.span = s.tokens[i].span;
      a.how = "pronoun";
      scratch->push_back(a);
    }
    break;
  }
  for (const Actor& a : *scratch) r->sources.push_back(&a);
}

void AddGroup(const Sentence& s, int g, std::vector<const Actor*>* out) {
  if (g < 0) return;
  for (size_t a : s.groups[g].actors) out->push_back(&s.actors[a]);
}

void DropSame(std::vector<const Actor*>* targets, const std::vector<const Actor*>& sources) {
  std::set<std::string> src;
  for (const Actor* a : sources) src.insert(a->state);
  std::erase_if(*targets, [&](const Actor* a) { return src.count(a->state) != 0; });
}

}  // namespace

namespace {

// "ceased a treaty signed by the two countries": with no target before the next verb, a
// later group that holds the source and others names the other parties.
void PartiesLater(const Sentence& s, const VerbHit& v, size_t end, Roles* r) {
  for (const Group& g : s.groups) {
    if (g.first <= v.token || g.first >= end || g.actors.size() < 2) continue;
    std::vector<const Actor*> members;
    AddGroup(s, static_cast<int>(&g - s.groups.data()), &members);
    bool has_source = false;
    for (const Actor* a : members) has_source |= a->state == r->sources.front()->state;
    if (!has_source) continue;
    r->targets = members;
    DropSame(&r->targets, r->sources);
    return;
  }
}

// "each other", "one another" after the verb, before `limit`.
bool EachOther(const Sentence& s, size_t verb, size_t limit) {
  for (size_t i = verb + 1; i + 1 < limit; ++i)
    if ((s.W(i) == "each" && s.W(i + 1) == "other") || (s.W(i) == "one" && s.W(i + 1) == "another")) return true;
  return false;
}

// "met in Singapore": the place of a meeting is no party to it.
// "agreed to restore relations in talks brokered by China": nor is the agent of a participle.
bool PlaceOfMeeting(const Sentence& s, const VerbHit& v, int g) {
  if (g < 0 || !v.pattern->reciprocal || s.groups[g].first == 0) return false;
  return In(s.W(s.groups[g].first - 1), {"in", "at", "by"});
}

// The word before group g, past determiners and compass words ("in northern Syria").
const std::string& WordBeforeGroup(const Sentence& s, int g) {
  size_t i = s.groups[g].first;
  while (i > 0 && In(s.W(i - 1), {"the", "northern", "southern", "eastern", "western", "central",
                                  "north", "south", "east", "west", "north-eastern", "north-western",
                                  "south-eastern", "south-western"}))
    --i;
  return s.W(i - 1);
}

// "bombed Houthi positions in Yemen", "an offensive against Kurdish forces in northern
// Syria": a state after "in"/"near"/"inside" following a named party that is no state (a
// capitalised word that is no actor) is where it happened; after a common noun it is the
// target ("bombed rebel positions in Yemen": YEM, as CAMEO codes a place).
bool PlaceOfObject(const Sentence& s, const VerbHit& v, int g) {
  if (g < 0 || s.groups[g].first == 0 || !In(WordBeforeGroup(s, g), {"in", "near", "inside"})) return false;
  for (size_t i = v.pattern_end; i < s.groups[g].first; ++i)
    if (s.tokens[i].capitalised && s.tokens[i].word && !s.ActorToken(i)) return true;
  return false;
}

// The object of an active verb: the first group after it (for a verb of saying, the first
// with a state other than the speaker's).
void ActiveTargets(const Sentence& s, const VerbHit& v, size_t limit, Roles* r) {
  int g = GroupAfter(s, v.token + 1, limit);
  while (PlaceOfMeeting(s, v, g) || PlaceOfObject(s, v, g)) g = GroupAfter(s, s.groups[g].last, limit);
  AddGroup(s, g, &r->targets);
  DropSame(&r->targets, r->sources);
  while (r->targets.empty() && g >= 0 && v.pattern->speech) {
    g = GroupAfter(s, s.groups[g].last, limit);
    AddGroup(s, g, &r->targets);
    DropSame(&r->targets, r->sources);
  }
}

// "Egypt will not allow Ethiopia to fill the dam, Cairo said": a verb of saying right after
// an actor that stands right after a comma; what was said is before it. The actor, or null.
const Actor* PostposedSpeaker(const Sentence& s, const VerbHit& v) {
  if (!v.pattern->speech) return nullptr;
  for (const Actor& a : s.actors) {
    if (a.last_token != v.token) continue;
    size_t f = a.first_token;
    while (f > 0 && s.W(f - 1) == "the") --f;
    return f > 0 && s.W(f - 1) == "," ? &a : nullptr;
  }
  return nullptr;
}

// The target of a postposed speaker's statement: the first state before it that is not the
// speaker's.
void SaidBefore(const Sentence& s, const VerbHit& v, Roles* r) {
  auto other = [&](const Actor& a) { return a.last_token < v.token && a.state != r->sources.front()->state; };
  auto it = std::find_if(s.actors.begin(), s.actors.end(), other);
  if (it != s.actors.end()) r->targets.push_back(&*it);
}

// ", accusing it of": a participle after a comma has the subject of the clause before it.
bool ParticipleAfterComma(const Sentence& s, const VerbHit& v) {
  const std::string& w = s.W(v.token);
  return v.token > 0 && s.W(v.token - 1) == "," && w.size() > 4 && w.ends_with("ing");
}

// "condemned it", "accusing it": an object pronoun stands for the last state named before
// the verb that is not the source.
void PronounTarget(const Sentence& s, const VerbHit& v, Roles* r) {
  if (!r->targets.empty() || r->sources.empty() || !In(s.W(v.pattern_end), {"it", "them"})) return;
  for (size_t a = s.actors.size(); a-- > 0;) {
    const Actor& x = s.actors[a];
    bool source = std::any_of(r->sources.begin(), r->sources.end(), [&](const Actor* y) { return y->state == x.state; });
    if (x.last_token <= v.token && !source) { r->targets.push_back(&x); return; }
  }
}

void ActiveRoles(const Sentence& s, const VerbHit& v, size_t limit,
                 const std::vector<std::string>& last_source, std::vector<Actor>* scratch, Roles* r) {
  if (ParticipleAfterComma(s, v)) PronounSource(s, v.token + 1, last_source, scratch, r, true);
  else AddGroup(s, SubjectGroup(s, v), &r->sources);
  if (r->sources.empty()) PronounSource(s, v.token, last_source, scratch, r);
  ActiveTargets(s, v, limit, r);
  PronounTarget(s, v, r);
  if (const Actor* speaker = PostposedSpeaker(s, v)) {
    r->sources = {speaker};  // not the actor before the comma ("of Kosovo, Belgrade said")
    r->targets.clear();
    SaidBefore(s, v, r);
  }
}

// "expelled each other's diplomats": the coordinated subject acts on itself.
bool MutualEachOther(const Sentence& s, const VerbHit& v, size_t limit, Roles* r) {
  if (!EachOther(s, v.token, limit) || r->sources.size() < 2) return false;
  r->targets.clear();
  return r->pairs_within = true;
}

// "signed association agreements with the European Union": a party after "with" that is no
// state (a capitalised name that is no actor), so the coordinated subject did not act on
// each other.
bool OtherPartyWith(const Sentence& s, const VerbHit& v, size_t end) {
  for (size_t i = v.pattern_end; i + 1 < end; ++i) {
    if (s.W(i) != "with") continue;
    size_t j = i + 1 + (s.W(i + 1) == "the");
    if (j < end && s.tokens[j].capitalised && !s.ActorToken(j)) return true;
  }
  return false;
}

// The actor naming the doer right before a noun ("Kerry's visit", "American sanctions").
const Actor* ActorBefore(const Sentence& s, size_t noun) {
  bool possessive = noun > 0 && s.W(noun - 1) == "'s";
  auto before = [&](const Actor& a) { return a.last_token == noun || (possessive && a.last_token + 1 == noun); };
  auto it = std::find_if(s.actors.begin(), s.actors.end(), before);
  return it == s.actors.end() ? nullptr : &*it;
}

// Nominal events: the doer before the noun, or the parties after "between" or "by" (each
// for the other: "talks between India and China", "the signing of the treaty by Russia and
// China"), or the subject of the sentence's first verb ("Duterte announced ... during a
// visit to Beijing"); the target is the first other group after the noun.
void NounParties(const Sentence& s, int g, Roles* r) {
  AddGroup(s, g, &r->sources);
  r->pairs_within = r->sources.size() >= 2;
}

const VerbHit* FirstVerb(const Sentence& s) {
  auto it = std::find_if(s.verbs.begin(), s.verbs.end(), [](const VerbHit& o) { return !o.pattern->noun; });
  return it == s.verbs.end() ? nullptr : &*it;
}

Roles NounRoles(const Sentence& s, const VerbHit& v, size_t limit) {
  Roles r;
  int after = GroupAfter(s, v.token + 1, limit);
  bool parties = after >= 0 && In(WordBeforeGroup(s, after), {"between", "by"});
  if (const Actor* a = ActorBefore(s, v.token)) r.sources.push_back(a);
  else if (parties) NounParties(s, after, &r);
  else if (const VerbHit* main = FirstVerb(s)) AddGroup(s, SubjectGroup(s, *main), &r.sources);
  if (!r.pairs_within) AddGroup(s, after, &r.targets);
  DropSame(&r.targets, r.sources);
  return r;
}

Roles FindRoles(const Sentence& s, const VerbHit& v, size_t limit,
                const std::vector<std::string>& last_source, std::vector<Actor>* scratch) {
  Roles r;
  size_t end = ClauseEnd(s, v.token);
  limit = std::min(limit, end);
  if (v.pattern->noun) return NounRoles(s, v, limit);
  if (v.passive && s.W(v.pattern_end) == "by" && v.pattern_end == v.token + 1 + v.pattern->words.size()) {
    AddGroup(s, GroupAfter(s, v.pattern_end + 1, std::min(limit, v.pattern_end + 3)), &r.sources);
    AddGroup(s, GroupBefore(s, v.token, false), &r.targets);
  } else if (v.passive && !v.pattern->reciprocal) {
    return r;  // "tankers were attacked off the coast of the UAE": the subject suffered it; no agent named
  } else {
    ActiveRoles(s, v, limit, last_source, scratch, &r);
  }
  DropSame(&r.targets, r.sources);
  if (MutualEachOther(s, v, limit, &r)) return r;
  if (r.targets.empty() && !r.sources.empty() && !v.passive) PartiesLater(s, v, end, &r);
  bool mutual = v.pattern->reciprocal || v.pattern->among;
  if (r.targets.empty() && mutual && r.sources.size() >= 2 && !OtherPartyWith(s, v, end)) r.pairs_within = true;
  return r;
}

// The token of the verb after verb k, or the sentence's end.
size_t NextVerbToken(const Sentence& s, size_t k) {
  return k + 1 < s.verbs.size() ? s.verbs[k + 1].token : s.tokens.size();
}

// Is date `d` the one of an earlier verb (it follows that verb, before the next one)?
bool ClaimedByEarlierVerb(const Sentence& s, const DateMention& d, const VerbHit& v) {
  for (size_t k = 0; k < s.verbs.size() && s.verbs[k].token < v.token; ++k)
    if (d.first_token > s.verbs[k].token && d.first_token < NextVerbToken(s, k)) return true;
  return false;
}

// The date of a verb: after it in its clause (before `limit`), else the nearest before it
// that no earlier verb has ("ceased a treaty signed in 1993 to award": not 1993).
const DateMention* DateFor(const Sentence& s, const VerbHit& v, size_t limit) {
  const DateMention* before = nullptr;
  for (const DateMention& d : s.dates) {
    if (d.first_token > v.token && d.first_token < limit) return &d;
    if (d.last_token <= v.token && !ClaimedByEarlierVerb(s, d, v)) before = &d;
  }
  return before;
}

// A date that sets the text's time when no event does: sentence-initial or after a
// preposition ("In 1993, ...", "on February 18, 2000"), not "Report - 2012 Gallup".
bool SetsScene(const Sentence& s, const DateMention& d) {
  return d.first_token == 0 || IsPreposition(s.W(d.first_token - 1)) || s.W(d.first_token - 1) == "since";
}

const DateMention* SceneDate(const Sentence& s) {
  auto it = std::find_if(s.dates.begin(), s.dates.end(), [&](const DateMention& d) { return SetsScene(s, d); });
  return it == s.dates.end() ? nullptr : &*it;
}

}  // namespace

Coder::Coder(const world::Resolver& resolver, const events::Taxonomy& taxonomy,
             Dictionary dictionary, const kb::KnowledgeBase* kb)
    : Coder(resolver, taxonomy, std::move(dictionary),
            kb == nullptr ? nullptr : std::make_shared<const OfficeHolders>(OfficeHolders::FromKnowledgeBase(*kb))) {}

Coder::Coder(const world::Resolver& resolver, const events::Taxonomy& taxonomy,
             Dictionary dictionary, std::shared_ptr<const OfficeHolders> holders)
    : taxonomy_(taxonomy), dictionary_(std::move(dictionary)), holders_(std::move(holders)) {
  actors_ = std::make_unique<ActorFinder>(resolver, dictionary_, holders_.get());
}

Coder::~Coder() = default;

namespace {

struct EventMaker {
  const events::Taxonomy& taxonomy;
  const Sentence& s;
  Span sentence_span;
  size_t sentence_line;
  const DocumentState& st;

  void SetDate(std::optional<dyad::Date> d, DateBasis basis, CodedEvent* e) const {
    e->date = d;
    e->date_basis = basis;
  }

  // The date mention of a verb; an intention is stated now, so a later date it names
  // ("next year") is when it would happen, not the event's.
  const DateMention* Mention(const VerbHit& v, size_t limit) const {
    const DateMention* d = DateFor(s, v, limit);
    bool later = d != nullptr && st.document_date && st.document_date->DefinitelyBefore(d->date);
    return v.mode == Mode::kIntent && later ? nullptr : d;
  }

  void Date(const VerbHit& v, size_t limit, CodedEvent* e) const {
    if (const DateMention* d = Mention(v, limit)) {
      SetDate(d->date, DateBasis::kSentence, e);
      e->date_span = CharSpan(s.text, d->span);
    } else if (st.anchor) {
      SetDate(st.anchor, DateBasis::kContext, e);
    } else if (st.document_date) {
      SetDate(st.document_date, DateBasis::kDocument, e);
    }
  }

  void Classify(CodedEvent* e) const {
    if (const events::CameoCode* c = taxonomy.Find(e->code)) {
      e->plover = c->plover;
      e->quad = c->quad;
      e->goldstein = taxonomy.Goldstein(*c, events::GoldsteinScale::kGdelt);
    } else if (e->code.size() >= 2) {
      e->quad = events::QuadClassOfRoot((e->code[0] - '0') * 10 + (e->code[1] - '0'));
    }
  }

  void Actors(const Actor& a, const Actor& b, CodedEvent* e) const {
    e->source = a.state;
    e->target = b.state;
    e->source_role = a.role;
    e->target_role = b.role;
    e->source_span = CharSpan(s.text, a.span);
    e->target_span = CharSpan(s.text, b.span);
  }

  void Provenance(const VerbHit& v, CodedEvent* e) const {
    e->sentence = std::string(s.text);
    e->sentence_span = sentence_span;
    e->sentence_line = sentence_line;
    e->verb_span = CharSpan(s.text, {s.tokens[v.token].span.begin, s.tokens[v.pattern_end - 1].span.end});
    e->pattern = v.pattern->code + " " + v.pattern->text;
    e->pattern_origin = v.pattern->origin;
  }

  CodedEvent Make(const VerbHit& v, const Actor& a, const Actor& b, size_t limit) const {
    CodedEvent e;
    Actors(a, b, &e);
    e.intent = v.mode == Mode::kIntent;
    e.code = e.intent ? v.pattern->intent : v.pattern->code;
    Classify(&e);
    Date(v, limit, &e);
    Provenance(v, &e);
    if (!e.intent) e.fact = v.pattern->fact;
    return e;
  }
};

void Emit(const EventMaker& m, const VerbHit& v, const Roles& r, size_t limit,
          std::vector<CodedEvent>* out) {
  auto emit = [&](const Actor* a, const Actor* b) {
    if (a->state != b->state) out->push_back(m.Make(v, *a, *b, limit));
  };
  if (r.pairs_within) {
    for (const Actor* a : r.sources)
      for (const Actor* b : r.sources) emit(a, b);
    return;
  }
  // "Sudan agreed to normalize ties with Israel": an intention is the subject's alone
  bool both = v.pattern->reciprocal && v.mode != Mode::kIntent;
  for (const Actor* a : r.sources)
    for (const Actor* b : r.targets) {
      emit(a, b);
      if (both) emit(b, a);
    }
}

// Moves `key` to the end of `list` (adding it when absent).
void MoveToBack(std::vector<std::string>* list, const std::string& key) {
  std::erase(*list, key);
  list->push_back(key);
}

// The states the sentence named, most recent last (at most 16 remembered).
void RememberStates(const Sentence& s, DocumentState* st) {
  for (const Actor& a : s.actors)
    if (a.how != "coreference") MoveToBack(&st->recent, a.state);
  if (st->recent.size() > 16) st->recent.erase(st->recent.begin());
}

// The sources of the sentence's events; only the first when another source follows it.
void RememberSources(const std::vector<CodedEvent>& coded, size_t first_new, DocumentState* st) {
  std::vector<std::string>& last = st->last_source;
  last.clear();
  for (size_t i = first_new; i < coded.size(); ++i)
    if (std::find(last.begin(), last.end(), coded[i].source) == last.end()) last.push_back(coded[i].source);
  if (last.size() > 1 && coded[first_new].source != last.front()) last.resize(1);
}

void Remember(const Sentence& s, const std::vector<CodedEvent>& coded, size_t first_new,
              DocumentState* st) {
  RememberStates(s, st);
  if (first_new >= coded.size()) {
    if (const DateMention* d = SceneDate(s)) st->anchor = d->date;
    return;
  }
  if (coded[first_new].date_basis == DateBasis::kSentence && !coded[first_new].intent)
    st->anchor = coded[first_new].date;
  RememberSources(coded, first_new, st);
}

}  // namespace

namespace {

std::optional<Date> ResolutionDate(const Sentence& s, const DocumentState& st) {
  if (!s.dates.empty()) return s.dates.front().date;
  return st.anchor ? st.anchor : st.document_date;
}

// "the Afghan Taliban", "Syrian Kurdish fighters" aside: a demonym followed by capitalised
// words that name no state is one actor with them ("The Afghan Taliban and Pakistan").
void ExtendDemonymsOverNames(const std::vector<Token>& t, std::vector<Actor>* actors) {
  for (size_t k = 0; k < actors->size(); ++k) {
    Actor& a = (*actors)[k];
    size_t next = k + 1 < actors->size() ? (*actors)[k + 1].first_token : t.size();
    if (a.how != "demonym") continue;
    for (int n = 0; n < 3 && a.last_token < next && t[a.last_token].word && t[a.last_token].capitalised; ++n)
      a.span.end = t[a.last_token++].span.end;
  }
}

void MarkActorTokens(Sentence* s) {
  s->in_actor.assign(s->tokens.size(), false);
  for (const Actor& a : s->actors)
    for (size_t i = a.first_token; i < a.last_token; ++i) s->in_actor[i] = true;
}

// Codes the verbs of one analysed sentence, in order.
struct VerbCoder {
  const Sentence& s;
  const EventMaker& maker;
  const DocumentState& st;
  CodeCounts* counts;
  std::vector<CodedEvent>* out;
  size_t first_new = 0;
  int speech_start = -1;  // first event of the last statement coded, or -1
  size_t speech_verb = 0;

  void Count(uint64_t CodeCounts::*field) const {
    if (counts != nullptr) ++(counts->*field);
  }

  // Negated, modal and intended-without-intent-code verbs give no event.
  bool Uncoded(const VerbHit& v) const {
    bool modal = v.mode == Mode::kModal || (v.mode == Mode::kIntent && v.pattern->intent.empty());
    if (v.mode == Mode::kNegated || modal) Count(modal ? &CodeCounts::modal : &CodeCounts::negated);
    return v.mode == Mode::kNegated || modal;
  }

  // A statement gives way to the event of what was said.
  void Speech(const VerbHit& v, size_t before) {
    if (v.pattern->speech) {
      speech_start = static_cast<int>(before);
      speech_verb = v.token;
    } else if (speech_start >= 0 && v.token > speech_verb) {
      out->erase(out->begin() + speech_start, out->begin() + static_cast<long>(before));
      speech_start = -1;
    }
  }

  void Verb(size_t k, std::vector<Actor>* scratch) {
    const VerbHit& v = s.verbs[k];
    if (v.mode == Mode::kEmbedded || Uncoded(v)) return;
    if (PostposedSpeaker(s, v) != nullptr && out->size() > first_new) return;  // what was said is coded
    size_t limit = k + 1 < s.verbs.size() && !v.pattern->speech ? s.verbs[k + 1].token : s.tokens.size();
    scratch->clear();
    // A pronoun refers to the last source, which may be this sentence's speaker.
    std::vector<std::string> last = out->size() > first_new ? std::vector<std::string>{out->back().source}
                                                            : st.last_source;
    Roles r = FindRoles(s, v, limit, last, scratch);
    size_t before = out->size();
    Emit(maker, v, r, limit, out);
    if (out->size() == before) Count(&CodeCounts::no_actors);
    else Speech(v, before);
  }
};

}  // namespace

namespace {

void Count(CodeCounts* counts, uint64_t CodeCounts::*field, uint64_t n = 1) {
  if (counts != nullptr) counts->*field += n;
}

// Tokens, dates, actors and their groups, and verbs of one sentence.
void Analyse(std::string_view text, const DocumentState& st, const ActorFinder& actors,
             const Dictionary& dictionary, Sentence* s) {
  s->text = text;
  s->tokens = Tokenize(s->text);
  s->dates = FindDates(s->tokens, {st.document_date, st.anchor});
  s->actors = actors.Find(s->text, s->tokens, ResolutionDate(*s, st), st.recent);
  MergeAdjacent(&s->actors);
  ExtendDemonymsOverNames(s->tokens, &s->actors);
  MarkActorTokens(s);
  s->groups = GroupActors(s->actors, s->tokens);
  FindVerbs(s, dictionary);
}

}  // namespace

namespace {

bool SamePair(const CodedEvent& a, const CodedEvent& b) { return a.source == b.source && a.target == b.target; }

// Drops the events of yielding hits that another event of the sentence repeats in pair.
void DropYielded(const std::vector<std::pair<size_t, size_t>>& ranges, size_t first,
                 std::vector<CodedEvent>* out) {
  std::vector<bool> drop(out->size(), false);
  for (auto [b, e] : ranges)
    for (size_t i = b; i < e; ++i)
      for (size_t j = first; j < out->size(); ++j)
        if ((j < b || j >= e) && SamePair((*out)[i], (*out)[j])) drop[i] = true;
  size_t k = 0;
  std::erase_if(*out, [&](const CodedEvent&) { return drop[k++]; });
}

}  // namespace

void Coder::CodeSentence(std::string_view text, const Place& at, DocumentState* st,
                         CodeCounts* counts, std::vector<CodedEvent>* out) const {
  Sentence s;
  Analyse(text.substr(at.bytes.begin, at.bytes.end - at.bytes.begin), *st, *actors_, dictionary_, &s);
  Count(counts, &CodeCounts::sentences);
  EventMaker maker{taxonomy_, s, at.chars, at.line, *st};
  VerbCoder vc{s, maker, *st, counts, out, out->size()};
  std::vector<Actor> scratch;
  scratch.reserve(8);
  std::vector<std::pair<size_t, size_t>> yielding;  // events of "agree to" hits, [begin, end)
  for (size_t k = 0; k < s.verbs.size(); ++k) {
    size_t before = out->size();
    vc.Verb(k, &scratch);
    if (EndsInTo(*s.verbs[k].pattern)) yielding.emplace_back(before, out->size());
  }
  DropYielded(yielding, vc.first_new, out);
  Remember(s, *out, vc.first_new, st);
  Count(counts, &CodeCounts::events, out->size() - vc.first_new);
}

std::vector<CodedEvent> Coder::CodeText(std::string_view text, DocumentState* state,
                                        CodeCounts* counts) const {
  std::vector<CodedEvent> out;
  Place at;  // characters and lines counted once, left to right
  size_t byte = 0;
  for (const Span& sp : SplitSentences(text)) {
    std::string_view gap = text.substr(byte, sp.begin - byte), body = text.substr(sp.begin, sp.end - sp.begin);
    at.line += static_cast<size_t>(std::count(gap.begin(), gap.end(), '\n'));
    at.chars.begin = at.chars.end + CodePoints(gap);
    at.chars.end = at.chars.begin + CodePoints(body);
    at.bytes = sp;
    CodeSentence(text, at, state, counts, &out);
    at.line += static_cast<size_t>(std::count(body.begin(), body.end(), '\n'));
    byte = sp.end;
  }
  return out;
}

}  // namespace dyad::coder
