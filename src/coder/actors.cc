#include "coder/actors.h"

#include <algorithm>

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
  if (i < 2) return true;
  const std::string& w = tokens[i - 2].lower;
  return !(w == "embassy" || w == "embassies" || w == "consulate" || w == "mission");
}

std::vector<std::string> WordsOf(std::string_view text) {
  std::vector<std::string> out;
  for (const Token& t : Tokenize(text))
    if (t.word) out.push_back(t.lower);
  return out;
}

bool WordsAt(const std::vector<Token>& tokens, size_t i, const std::vector<std::string>& words) {
  if (i + words.size() > tokens.size()) return false;
  for (size_t k = 0; k < words.size(); ++k)
    if (tokens[i + k].lower != words[k]) return false;
  return true;
}

bool Overlaps(const std::vector<Actor>& actors, size_t b, size_t e) {
  for (const Actor& a : actors)
    if (a.head_token < e && b < a.head_token + 1) return true;
  return false;
}

// The state an entity stands for: itself when it is a state key, else its owner, followed
// through owning entities.
std::string OwnerState(const kb::KnowledgeBase& kb, std::string id) {
  for (int depth = 0; depth < 6 && id.find(':') != std::string::npos; ++depth) {
    const kb::Entity* e = kb.FindEntity(id);
    if (e == nullptr) return "";
    id = e->owner;
  }
  return id.find(':') == std::string::npos ? id : "";
}

int CountWord(const std::string& w) {
  static constexpr std::string_view kCounts[] = {"two", "three", "four", "five", "six"};
  for (size_t i = 0; i < std::size(kCounts); ++i)
    if (w == kCounts[i]) return static_cast<int>(i + 2);
  return 0;
}

bool IsGroupNoun(const std::string& w) {
  return w == "countries" || w == "nations" || w == "states" || w == "sides" ||
         w == "governments" || w == "neighbours" || w == "neighbors";
}

}  // namespace

std::vector<std::string> OfficeHolderPackDirs() {
  std::vector<std::string> dirs = kb::KnowledgeBase::DefaultPackDirs();
  std::string leaders = DataDir() + "/kb-packs/leaders";
  if (FileExists(leaders + "/sources.tsv") || FileExists(leaders + "/sources.tsv.gz"))
    dirs.push_back(leaders);
  return dirs;
}

ActorFinder::ActorFinder(const world::Resolver& resolver, const Dictionary& dictionary,
                         const kb::KnowledgeBase* kb)
    : resolver_(resolver), dictionary_(dictionary), kb_(kb) {
  IndexCapitals();
  IndexPersons();
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

void ActorFinder::IndexPersons() {
  if (kb_ == nullptr) return;
  for (const auto& [id, e] : kb_->entities()) {
    if (e.kind != kb::EntityKind::kPerson) continue;
    std::vector<std::string> words = WordsOf(e.name);
    if (words.empty()) continue;  // a surname alone ("Obama") must hold office on the date
    persons_[words[0]].push_back({words, id});
    if (words.size() > 2) persons_[words[0]].push_back({{words.front(), words.back()}, id});
  }
}

void ActorFinder::AddResolved(std::string_view sentence, const std::vector<Token>& tokens,
                              std::optional<Date> on, std::vector<Actor>* out) const {
  world::ResolveOptions options;
  options.on = on;
  for (const world::Mention& m : resolver_.FindMentions(sentence, options)) {
    const world::Match* best = m.best();
    if (best == nullptr) continue;
    size_t first = tokens.size(), last = 0;
    for (size_t i = 0; i < tokens.size(); ++i) {
      if (tokens[i].span.begin >= m.begin && tokens[i].span.begin < m.end) {  // "U.S" of "U.S."
        first = std::min(first, i);
        last = i + 1;
      }
    }
    if (first >= last) continue;
    Actor a;
    a.state = best->state->key;
    a.first_token = first;
    a.last_token = last;
    a.head_token = last - 1;
    a.how = best->kind == world::MatchKind::kDemonym ? "demonym" : "name";
    out->push_back(std::move(a));
  }
}

void ActorFinder::AddCapitals(const std::vector<Token>& tokens, std::optional<Date> on,
                              std::vector<Actor>* out) const {
  for (size_t i = 0; i < tokens.size(); ++i) {
    if (!tokens[i].capitalised) continue;
    auto it = capitals_.find(tokens[i].lower);
    if (it == capitals_.end()) continue;
    if (LocativeUse(tokens, i)) continue;
    const Named* best = nullptr;
    for (const Named& n : it->second) {
      if (!WordsAt(tokens, i, n.words)) continue;
      const world::State* s = resolver_.world().Find(n.key);
      bool exists = on ? s->ExistsOn(*on) : s->current();
      if (exists && (best == nullptr || n.words.size() > best->words.size())) best = &n;
    }
    if (best == nullptr || Overlaps(*out, i, i + best->words.size())) continue;
    Actor a;
    a.state = best->key;
    a.first_token = i;
    a.last_token = i + best->words.size();
    a.head_token = a.last_token - 1;
    a.role = "GOV";
    a.how = "capital";
    out->push_back(std::move(a));
  }
}

bool ActorFinder::PersonOnDate(const std::string& id, std::optional<Date> on, std::string* state,
                               std::string* role) const {
  if (!on) return false;
  for (kb::Relation r : {kb::Relation::kLeaderOf, kb::Relation::kHoldsOffice,
                         kb::Relation::kChiefOfMission}) {
    for (const kb::Fact* f : kb_->FactsOf(id, r)) {
      if (f->undated || !f->valid.ContainsDate(*on)) continue;
      std::string s = OwnerState(*kb_, f->object);
      if (s.empty()) continue;
      *state = s;
      *role = "GOV";
      return true;
    }
  }
  return false;
}

void ActorFinder::AddPersons(const std::vector<Token>& tokens, std::optional<Date> on,
                             std::vector<Actor>* out) const {
  if (kb_ == nullptr) return;
  for (size_t i = 0; i < tokens.size(); ++i) {
    if (!tokens[i].capitalised) continue;
    auto it = persons_.find(tokens[i].lower);
    if (it == persons_.end()) continue;
    for (const Named& n : it->second) {
      if (!WordsAt(tokens, i, n.words)) continue;
      Actor a;
      if (!PersonOnDate(n.key, on, &a.state, &a.role)) continue;
      a.first_token = i;
      // given names before a surname ("Vladimir Putin")
      while (a.first_token > 0 && tokens[a.first_token - 1].capitalised &&
             tokens[a.first_token - 1].word && a.first_token + 2 > i)
        --a.first_token;
      a.last_token = i + n.words.size();
      a.head_token = a.last_token - 1;
      a.how = "office holder " + n.key;
      if (!Overlaps(*out, a.first_token, a.last_token)) out->push_back(std::move(a));
      break;
    }
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

void ActorFinder::AttachRoles(const std::vector<Token>& tokens, Actor* a) const {
  size_t j = a->last_token;
  if (j < tokens.size() && tokens[j].lower == "'s") ++j;
  for (size_t skip = 0; skip < 2 && j < tokens.size(); ++skip) {
    std::string role;
    size_t n = AgentAt(tokens, j, &role);
    if (n > 0) {
      if (a->role.empty() || a->how == "capital") a->role = role;
      a->last_token = j + n;
      break;
    }
    const std::string& w = tokens[j].lower;
    bool verb_like = dictionary_.PatternsForForm(w) != nullptr ||
                     (w.size() > 3 && w.compare(w.size() - 2, 2, "ed") == 0);
    if (!tokens[j].word || tokens[j].capitalised || verb_like) break;
    ++j;  // one modifier: "Kyrgyz foreign ministry" has "foreign ministry"; "Russian border guards"
  }
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

void ActorFinder::SetNamedActors(const std::vector<NamedActor>& named, bool only) {
  named_.clear();
  for (const NamedActor& n : named) named_[n.words[0]].push_back({n.words, n.code});
  only_named_ = only;
}

void ActorFinder::AddNamed(const std::vector<Token>& tokens, std::vector<Actor>* out) const {
  for (size_t i = 0; i < tokens.size(); ++i) {
    auto it = named_.find(tokens[i].lower);
    if (it == named_.end()) continue;
    const Named* best = nullptr;
    for (const Named& n : it->second)
      if (WordsAt(tokens, i, n.words) && (best == nullptr || n.words.size() > best->words.size())) best = &n;
    if (best == nullptr || Overlaps(*out, i, i + best->words.size())) continue;
    Actor a;
    a.state = best->key;
    a.first_token = i;
    a.last_token = i + best->words.size();
    a.head_token = a.last_token - 1;
    a.how = "named";
    i = a.last_token - 1;
    out->push_back(std::move(a));
  }
}

std::vector<Actor> ActorFinder::Find(std::string_view sentence, const std::vector<Token>& tokens,
                                     std::optional<Date> on,
                                     const std::vector<std::string>& recent) const {
  std::vector<Actor> out;
  AddNamed(tokens, &out);
  if (!only_named_) {
    AddResolved(sentence, tokens, on, &out);
    AddCapitals(tokens, on, &out);
    AddPersons(tokens, on, &out);
  }
  std::stable_sort(out.begin(), out.end(),
                   [](const Actor& x, const Actor& y) { return x.head_token < y.head_token; });
  AddCoreference(tokens, recent, &out);
  for (Actor& a : out) AttachRoles(tokens, &a);
  std::stable_sort(out.begin(), out.end(),
                   [](const Actor& x, const Actor& y) { return x.head_token < y.head_token; });
  for (Actor& a : out)
    a.span = {tokens[a.first_token].span.begin, tokens[a.last_token - 1].span.end};
  return out;
}

}  // namespace dyad::coder
