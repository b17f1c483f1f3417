#include "coder/actors.h"

#include <algorithm>
#include <set>

#include "base/file.h"
#include "base/paths.h"
#include "base/strings.h"

namespace dyad::coder {
namespace {

bool IsLocative(const std::string& w) {
  return w == "in" || w == "at" || w == "near" || w == "outside" || w == "inside";
}

// "in Bishkek" is a place, but "its embassy in Havana" stands for the host state.
bool LocativeUse(const std::vector<Token>& tokens, size_t i) {
  if (i == 0 || !IsLocative(tokens[i - 1].lower)) return false;
  static const std::set<std::string, std::less<>> kMissions = {"embassy", "embassies", "consulate", "mission"};
  return i < 2 || kMissions.count(tokens[i - 2].lower) == 0;
}

std::vector<std::string> WordsOf(std::string_view text) {
  std::vector<std::string> out;
  for (const Token& t : Tokenize(text)) if (t.word) out.push_back(t.lower);
  return out;
}

bool WordsAt(const std::vector<Token>& tokens, size_t i, const std::vector<std::string>& words) {
  if (i + words.size() > tokens.size()) return false;
  return std::equal(words.begin(), words.end(), tokens.begin() + static_cast<long>(i),
                    [](const std::string& w, const Token& t) { return t.lower == w; });
}

bool Overlaps(const std::vector<Actor>& actors, size_t b, size_t e) {
  for (const Actor& a : actors)
    if (a.head_token < e && b < a.head_token + 1) return true;
  return false;
}

int CountWord(const std::string& w) {
  static constexpr std::string_view kCounts[] = {"", "", "two", "three", "four", "five", "six"};
  auto it = std::find(std::begin(kCounts) + 2, std::end(kCounts), w);
  return it == std::end(kCounts) ? 0 : static_cast<int>(it - std::begin(kCounts));
}

bool IsGroupNoun(const std::string& w) {
  return w == "countries" || w == "nations" || w == "states" || w == "sides" ||
         w == "governments" || w == "neighbours" || w == "neighbors";
}

// The longest entry of `index` (keyed by first word) whose words start at token i and
// that `accept` takes, or nullptr: the one longest-match rule for capitals, office
// holders and foreign actors.
template <typename Index, typename Accept>
const typename Index::mapped_type::value_type* LongestAt(const Index& index, const std::vector<Token>& tokens,
                                                         size_t i, const Accept& accept) {
  auto it = index.find(tokens[i].lower);
  if (it == index.end()) return nullptr;
  const typename Index::mapped_type::value_type* best = nullptr;
  for (const auto& n : it->second) {
    bool longer = best == nullptr || n.words.size() > best->words.size();
    if (longer && WordsAt(tokens, i, n.words) && accept(n)) best = &n;
  }
  return best;
}

// The tokens [*first, *last) a resolver mention covers ("U.S" of "U.S." included).
bool MentionTokens(const std::vector<Token>& tokens, const world::Mention& m, size_t* first, size_t* last) {
  *first = tokens.size();
  *last = 0;
  for (size_t i = 0; i < tokens.size(); ++i) {
    if (tokens[i].span.begin < m.begin || tokens[i].span.begin >= m.end) continue;
    *first = std::min(*first, i);
    *last = i + 1;
  }
  return *first < *last;
}

// English writes names capitalised: "island" is no mention of Iceland ("Island").
bool AnyCapitalised(const std::vector<Token>& tokens, size_t first, size_t last) {
  for (size_t i = first; i < last; ++i)
    if (tokens[i].capitalised) return true;
  return false;
}

// "Russian-backed rebels", "Iranian-sponsored militias": the state named inside a
// hyphenated modifier is the patron, not the actor.
bool ProxyModifier(std::string_view sentence, const Token& t, size_t mention_end) {
  if (mention_end >= t.span.end || sentence[mention_end] != '-') return false;
  static const std::set<std::string, std::less<>> kPatrons = {"backed", "sponsored", "supported", "funded",
                                                               "armed", "allied", "aligned"};
  return kPatrons.count(sentence.substr(mention_end + 1, t.span.end - mention_end - 1)) != 0;
}

// "the Algiers Agreement", "the Minsk Protocol", "the Tehran Conference": a capital followed
// by a capitalised word (not a weekday) is part of a name, not the state.
bool PartOfName(const std::vector<Token>& tokens, size_t next) {
  static const std::set<std::string, std::less<>> kDays = {"monday", "tuesday", "wednesday", "thursday",
                                                            "friday", "saturday", "sunday"};
  return next < tokens.size() && tokens[next].word && tokens[next].capitalised && kDays.count(tokens[next].lower) == 0;
}

void SortByHead(std::vector<Actor>* actors) {
  std::stable_sort(actors->begin(), actors->end(),
                   [](const Actor& x, const Actor& y) { return x.head_token < y.head_token; });
}

Actor ActorAt(size_t first, size_t length, std::string state, std::string how) {
  Actor a;
  a.state = std::move(state);
  a.first_token = first;
  a.last_token = first + length;
  a.head_token = a.last_token - 1;
  a.how = std::move(how);
  return a;
}

}  // namespace

namespace {

bool PackAt(const std::string& dir) {
  return FileExists(dir + "/sources.tsv") || FileExists(dir + "/sources.tsv.gz");
}

}  // namespace

std::vector<std::string> OfficeHolderPackDirs() {
  std::vector<std::string> dirs = kb::KnowledgeBase::DefaultPackDirs();
  if (std::string leaders = DataDir() + "/kb-packs/leaders"; PackAt(leaders)) dirs.push_back(leaders);
  return dirs;
}

ActorFinder::ActorFinder(const world::Resolver& resolver, const Dictionary& dictionary,
                         const OfficeHolders* holders)
    : resolver_(resolver), dictionary_(dictionary), holders_(holders) {
  IndexCapitals(), IndexPersons();
}

void ActorFinder::IndexCapitals() {
  for (const world::State& s : resolver_.world().states()) {
    if (s.capital.empty()) continue;
    std::vector<std::string> words = WordsOf(s.capital);
    if (words.empty()) continue;
    capitals_[words[0]].push_back({words, s.key});
    if (words.size() > 1 && words.back().find('.') != std::string::npos) {
      words.pop_back();  // "Washington D.C." is also "Washington"
      capitals_[words[0]].push_back({words, s.key});
    }
  }
}

// English short forms of given names ("Mike" for Michael), formal name -> short forms.
const std::vector<std::string>& ShortForms(const std::string& given) {
  static const std::unordered_map<std::string, std::vector<std::string>> kShort = {
      {"michael", {"mike"}}, {"william", {"bill", "will"}}, {"robert", {"bob", "rob", "bobby"}},
      {"antony", {"tony"}}, {"anthony", {"tony"}}, {"james", {"jim", "jimmy"}}, {"joseph", {"joe"}},
      {"richard", {"dick", "rick"}}, {"thomas", {"tom"}}, {"benjamin", {"ben"}}, {"daniel", {"dan"}},
      {"david", {"dave"}}, {"charles", {"chuck", "charlie"}}, {"edward", {"ted", "ed"}},
      {"ronald", {"ron"}}, {"gerald", {"jerry"}}, {"albert", {"al"}}, {"alexander", {"alex"}},
      {"nicholas", {"nick"}}, {"peter", {"pete"}}, {"steven", {"steve"}}, {"stephen", {"steve"}},
      {"christopher", {"chris"}}, {"matthew", {"matt"}}, {"andrew", {"andy"}},
      {"lawrence", {"larry"}}, {"henry", {"hank"}}, {"frederick", {"fred"}}, {"samuel", {"sam"}},
      {"elizabeth", {"liz"}}, {"katherine", {"kate"}}, {"madeleine", {"madeline"}},
      {"kenneth", {"ken"}}, {"donald", {"don"}}, {"timothy", {"tim"}}, {"gregory", {"greg"}}};
  static const std::vector<std::string> kNone;
  auto it = kShort.find(given);
  return it == kShort.end() ? kNone : it->second;
}

void ActorFinder::IndexPersons() {
  if (holders_ == nullptr) return;
  for (const OfficeHolder& h : holders_->holders()) {
    std::vector<std::string> words = WordsOf(h.name);
    if (words.empty()) continue;
    persons_[words[0]].push_back({words, h.id});
    if (words.size() > 2) persons_[words[0]].push_back({{words.front(), words.back()}, h.id});
    if (words.size() < 2) continue;
    for (const std::string& nick : ShortForms(words[0])) persons_[nick].push_back({{nick, words.back()}, h.id});
    surnames_[words.back()].push_back(h.id);
  }
}

namespace {

bool IsTitle(const std::string& w) {
  static const std::set<std::string, std::less<>> kTitles = {
      "secretary", "president", "minister", "premier", "chancellor", "king", "queen", "prince",
      "sheikh", "emir", "sultan", "mr", "mrs", "ms", "dr", "general", "gen", "envoy", "ambassador",
      "senator", "sen", "vice-president", "leader", "chairman", "governor"};
  return kTitles.count(w) != 0;
}

}  // namespace

bool ActorFinder::SurnameAt(const std::vector<Token>& tokens, size_t i, std::optional<Date> on,
                            std::string* state) const {
  const Token& t = tokens[i];
  if (!on || !t.word || !t.capitalised || t.lower.size() < 3) return false;
  if (i > 0 && tokens[i - 1].capitalised && tokens[i - 1].word && !IsTitle(tokens[i - 1].lower)) return false;
  if (i + 1 < tokens.size() && tokens[i + 1].capitalised && tokens[i + 1].word) return false;
  auto it = surnames_.find(t.lower);
  if (it == surnames_.end()) return false;
  state->clear();
  for (const std::string& id : it->second) {
    const OfficeTerm* term = holders_->Find(id)->OfficeOn(*on);
    if (term == nullptr) continue;
    if (!state->empty() && *state != term->state) return false;  // two states: ambiguous
    *state = term->state;
  }
  return !state->empty();
}

void ActorFinder::AddSurnames(const std::vector<Token>& tokens, std::optional<Date> on,
                              std::vector<Actor>* out) const {
  std::string state;
  for (size_t i = 0; i < tokens.size(); ++i) {
    if (Overlaps(*out, i, i + 1) || !SurnameAt(tokens, i, on, &state)) continue;
    Actor a = ActorAt(i, 1, state, "office holder by surname");
    a.role = "GOV";
    if (i > 0 && IsTitle(tokens[i - 1].lower)) --a.first_token;
    out->push_back(std::move(a));
  }
}

void ActorFinder::AddResolved(std::string_view sentence, const std::vector<Token>& tokens,
                              std::optional<Date> on, std::vector<Actor>* out) const {
  world::ResolveOptions options;
  options.on = on;
  for (const world::Mention& m : resolver_.FindMentions(sentence, options)) {
    const world::Match* best = m.best();
    size_t first = 0, last = 0;
    if (best == nullptr || !MentionTokens(tokens, m, &first, &last)) continue;
    if (!AnyCapitalised(tokens, first, last) || ProxyModifier(sentence, tokens[last - 1], m.end)) continue;
    out->push_back(ActorAt(first, last - first, best->state->key,
                           best->kind == world::MatchKind::kDemonym ? "demonym" : "name"));
  }
}

// "four Americans", "two Ethiopians": a plural demonym is its state (the resolver knows the
// singular only).
void ActorFinder::AddPluralDemonyms(std::string_view sentence, const std::vector<Token>& tokens,
                                    std::optional<Date> on, std::vector<Actor>* out) const {
  world::ResolveOptions options;
  options.on = on;
  for (size_t i = 0; i < tokens.size(); ++i) {
    const Token& t = tokens[i];
    if (!t.capitalised || t.lower.size() < 5 || !t.lower.ends_with("ns") || Overlaps(*out, i, i + 1)) continue;
    std::string_view singular = sentence.substr(t.span.begin, t.span.end - t.span.begin - 1);
    std::vector<world::Mention> m = resolver_.FindMentions(singular, options);
    const world::Match* best = m.size() == 1 ? m[0].best() : nullptr;
    if (best == nullptr || best->kind != world::MatchKind::kDemonym || m[0].end != singular.size()) continue;
    out->push_back(ActorAt(i, 1, best->state->key, "demonym"));
  }
}

void ActorFinder::AddCapitals(const std::vector<Token>& tokens, std::optional<Date> on,
                              std::vector<Actor>* out) const {
  auto exists = [&](const Named& n) {
    const world::State* s = resolver_.world().Find(n.key);
    return on ? s->ExistsOn(*on) : s->current();
  };
  for (size_t i = 0; i < tokens.size(); ++i) {
    if (!tokens[i].capitalised || LocativeUse(tokens, i)) continue;
    const Named* best = LongestAt(capitals_, tokens, i, exists);
    if (best == nullptr || Overlaps(*out, i, i + best->words.size())) continue;
    if (PartOfName(tokens, i + best->words.size())) continue;
    out->push_back(ActorAt(i, best->words.size(), best->key, "capital"));
    out->back().role = "GOV";
  }
}

bool ActorFinder::PersonOnDate(const std::string& id, std::optional<Date> on, std::string* state,
                               std::string* role) const {
  const OfficeHolder* h = on ? holders_->Find(id) : nullptr;
  const OfficeTerm* t = h != nullptr ? h->TermOn(*on) : nullptr;
  if (t == nullptr) return false;
  *state = t->state;
  *role = "GOV";
  return true;
}

void ActorFinder::AddPersons(const std::vector<Token>& tokens, std::optional<Date> on,
                             std::vector<Actor>* out) const {
  if (holders_ == nullptr) return;
  std::string state, role;
  auto holds = [&](const Named& n) { return PersonOnDate(n.key, on, &state, &role); };
  for (size_t i = 0; i < tokens.size(); ++i) {
    const Named* best = tokens[i].capitalised ? LongestAt(persons_, tokens, i, holds) : nullptr;
    if (best == nullptr) continue;
    PersonOnDate(best->key, on, &state, &role);
    Actor a = ActorAt(i, best->words.size(), state, "office holder " + best->key);
    a.role = role;
    // up to two given names before a surname ("Vladimir Putin")
    while (a.first_token + 2 > i && a.first_token > 0 && tokens[a.first_token - 1].capitalised &&
           tokens[a.first_token - 1].word)
      --a.first_token;
    if (!Overlaps(*out, a.first_token, a.last_token)) out->push_back(std::move(a));
  }
}

// "the two countries", "both nations", "the three states": the last N states mentioned.
void ActorFinder::AddCoreference(const std::vector<Token>& tokens,
                                 const std::vector<std::string>& before,
                                 std::vector<Actor>* out) const {
  for (size_t i = 0; i + 1 < tokens.size(); ++i) {
    int n = tokens[i].lower == "both" ? 2 : CountWord(tokens[i].lower);
    if (n == 0 || !IsGroupNoun(tokens[i + 1].lower)) continue;
    if (n != 2 && (i == 0 || tokens[i - 1].lower != "the")) continue;
    // the states mentioned before, this sentence's up to here included
    std::vector<std::string> recent = before;
    for (const Actor& a : *out) {
      if (a.head_token >= i || a.how == "coreference") continue;
      std::erase(recent, a.state);
      recent.push_back(a.state);
    }
    if (recent.size() < static_cast<size_t>(n)) continue;
    for (size_t k = recent.size() - n; k < recent.size(); ++k) {
      Actor a;
      a.state = recent[k];
      a.first_token = i;
      a.last_token = i + 2;
      a.head_token = i + 1;
      a.how = "coreference";
      out->push_back(std::move(a));
    }
  }
}

size_t ActorFinder::AgentAt(const std::vector<Token>& tokens, size_t i, std::string* role) const {
  size_t best = 0;
  for (const AgentWord& a : dictionary_.agents()) {
    if (a.words.size() > best && WordsAt(tokens, i, a.words)) {
      best = a.words.size();
      *role = a.role;
    }
  }
  return best;
}

// A word that may stand between a state and its agent word ("Kyrgyz foreign ministry"):
// a lower-case word that is no verb.
bool ActorFinder::Modifier(const Token& t) const {
  bool verb_like = dictionary_.PatternsForForm(t.lower) != nullptr ||
                   (t.lower.size() > 3 && t.lower.compare(t.lower.size() - 2, 2, "ed") == 0);
  return t.word && !t.capitalised && !verb_like;
}

// "Kyrgyz foreign ministry", "Russia's troops", "Russian border guards": an agent word
// right after the state (or its "'s"), past at most one modifier.
void ActorFinder::AgentAfter(const std::vector<Token>& tokens, Actor* a) const {
  size_t j = a->last_token + (a->last_token < tokens.size() && tokens[a->last_token].lower == "'s");
  for (size_t skip = 0; skip < 2 && j < tokens.size(); ++skip, ++j) {
    std::string role;
    if (size_t n = AgentAt(tokens, j, &role); n > 0) {
      if (a->role.empty() || a->how == "capital") a->role = role;
      a->last_token = j + n;
      return;
    }
    if (!Modifier(tokens[j])) return;
  }
}

void ActorFinder::AttachRoles(const std::vector<Token>& tokens, Actor* a) const {
  AgentAfter(tokens, a);
  // "the President of Kyrgyzstan", "troops from Russia"
  size_t f = a->first_token;
  if (f >= 2 && (tokens[f - 1].lower == "of" || tokens[f - 1].lower == "from")) {
    for (size_t len = 1; len <= 4 && len + 1 <= f; ++len) {
      std::string role;
      if (AgentAt(tokens, f - 1 - len, &role) == len) {
        if (a->role.empty()) a->role = role;
        a->first_token = f - 1 - len;
      }
    }
  }
}

// Every CAMEO code of every state, alternates and former spells included (Romania's ROU
// and ROM).
std::vector<std::string> ActorFinder::WorldCameoCodes() const {
  std::vector<std::string> out;
  for (const world::State& s : resolver_.world().states())
    for (const world::CodeSpell& c : s.codes)
      if (c.scheme == world::Scheme::kCameo) out.push_back(c.code);
  return out;
}

// A foreign actor's state code as a world key when dyad's own states are found too ("ROM"
// on 1995-01-01 is ROU): the state whose CAMEO code it is on `on`; else the code itself.
std::string ActorFinder::StateOfCode(const std::string& code, std::optional<Date> on) const {
  if (only_named_) return code;
  std::vector<const world::State*> s = resolver_.world().ByCode(world::Scheme::kCameo, code, on);
  return s.empty() ? code : s[0]->key;
}

void ActorFinder::SetNamedActors(std::vector<NamedActor> named, bool only) {
  named_.clear();
  SplitComposedCodes(WorldCameoCodes(), &named);
  for (const NamedActor& n : named) {
    std::string first = n.words[0];
    if (first.size() > 1 && first.back() == '*') first.pop_back();
    named_[first].push_back(n);
  }
  only_named_ = only;
}

namespace {

// A foreign actor's word: "ethiop*" is a prefix of the token, "gondor" the token itself.
bool NamedWordIs(const std::string& word, const std::string& token) {
  if (word.size() > 1 && word.back() == '*') return token.compare(0, word.size() - 1, word, 0, word.size() - 1) == 0;
  return token == word;
}

bool NamedWordsAt(const std::vector<Token>& tokens, size_t i, const std::vector<std::string>& words) {
  if (i + words.size() > tokens.size()) return false;
  return std::equal(words.begin(), words.end(), tokens.begin() + static_cast<long>(i),
                    [](const std::string& w, const Token& t) { return NamedWordIs(w, t.lower); });
}

}  // namespace

// The longest foreign actor at token i: its first word is the token or one of its prefixes.
const NamedActor* ActorFinder::NamedAt(const std::vector<Token>& tokens, size_t i) const {
  const NamedActor* best = nullptr;
  const std::string& t = tokens[i].lower;
  for (size_t k = 1; k <= t.size(); ++k) {
    auto it = named_.find(t.substr(0, k));
    if (it == named_.end()) continue;
    for (const NamedActor& n : it->second)
      if ((best == nullptr || n.words.size() > best->words.size()) && NamedWordsAt(tokens, i, n.words)) best = &n;
  }
  return best;
}

bool ActorFinder::AddNamed(const std::vector<Token>& tokens, std::optional<Date> on, std::vector<Actor>* out) const {
  for (size_t i = 0; i < tokens.size(); ++i) {
    const NamedActor* best = tokens[i].word ? NamedAt(tokens, i) : nullptr;
    if (best == nullptr || Overlaps(*out, i, i + best->words.size())) continue;
    const DatedCode& code = best->On(on);
    if (DiscardCode(code.code)) return false;
    i += best->words.size() - 1;
    if (code.code.empty()) continue;
    out->push_back(ActorAt(i + 1 - best->words.size(), best->words.size(), StateOfCode(code.code, on), "named"));
    out->back().role = code.role;
  }
  return true;
}

std::vector<Actor> ActorFinder::Find(std::string_view sentence, const std::vector<Token>& tokens,
                                     std::optional<Date> on,
                                     const std::vector<std::string>& recent) const {
  std::vector<Actor> out;
  if (!AddNamed(tokens, on, &out)) return {};
  if (!only_named_) {
    AddResolved(sentence, tokens, on, &out);
    AddPluralDemonyms(sentence, tokens, on, &out);
    AddCapitals(tokens, on, &out);
    AddPersons(tokens, on, &out);
    if (holders_ != nullptr) AddSurnames(tokens, on, &out);
  }
  SortByHead(&out);
  AddCoreference(tokens, recent, &out);
  for (Actor& a : out) AttachRoles(tokens, &a);
  SortByHead(&out);
  for (Actor& a : out) a.span = {tokens[a.first_token].span.begin, tokens[a.last_token - 1].span.end};
  return out;
}

}  // namespace dyad::coder
