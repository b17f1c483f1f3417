#include "world/resolver.h"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <limits>
#include <mutex>
#include <unordered_map>
#include <unordered_set>
#include <utility>

#include "base/strings.h"
#include "base/unicode.h"
#include "world/resolver_index.h"
#include "world/resolver_text.h"

namespace dyad::world {
namespace {

using internal::MatchToken;
using internal::MatchTokenizer;

constexpr uint32_t kNoToken = internal::kNoId;
constexpr int kExcluded = -1;
constexpr std::string_view kNotAState = "-";  // alias table: the text names no state

// One alias of one state, at one trie node.
struct Entry {
  uint32_t state = 0;
  std::string alias;
  NameKind kind = NameKind::kShort;
  std::string lang;
  Interval valid;
  std::string source;
  bool caps_only = false;      // one word in capitals: matches capitals in prose only
  bool prose_ok = true;        // may match in FindMentions at all
  bool needs_capital = false;  // written with a capital: prose must be capitalised too
  int base_tier = 0;           // Tier() with default options, precomputed
  std::string how;             // Match::how, precomputed
};

// Words that name a form of state, dropped from the ends of a name as a last resort.
constexpr std::array<std::string_view, 20> kFormWords = {
      "republic", "kingdom", "state",     "states",      "federal",  "federation", "commonwealth",
      "principality", "grand", "duchy", "sultanate", "emirate", "union", "independent",
      "plurinational", "bolivarian", "islamic", "socialist", "hashemite", "islands"};
bool IsFormWord(std::string_view w) {
  return std::find(kFormWords.begin(), kFormWords.end(), w) != kFormWords.end();
}

// A parenthetical with one of these words qualifies a place that is not the state, or
// only part of it: "Georgia (US state)", "Ireland (Northern)".
bool NamesSubdivision(std::string_view folded_word) {
  static constexpr std::array<std::string_view, 20> kWords = {
      "state", "province", "city", "county", "region", "district", "department", "oblast",
      "capital", "town", "north", "northern", "south", "southern", "east", "eastern", "west",
      "western", "upper", "lower"};
  return std::find(kWords.begin(), kWords.end(), folded_word) != kWords.end();
}

std::string_view NameKindLabel(NameKind kind) {
  switch (kind) {
    case NameKind::kShort: return "short name";
    case NameKind::kOfficial: return "official name";
    case NameKind::kCommon: return "common name";
    case NameKind::kHistorical: return "historical name";
    case NameKind::kDemonym: return "demonym";
    case NameKind::kAdjective: return "adjective";
  }
  return "name";
}

MatchKind KindOf(NameKind kind) {
  switch (kind) {
    case NameKind::kHistorical: return MatchKind::kHistorical;
    case NameKind::kDemonym:
    case NameKind::kAdjective: return MatchKind::kDemonym;
    default: return MatchKind::kName;
  }
}

bool IsEnglish(std::string_view lang) { return lang.empty() || lang == "en"; }

// World's existence intervals begin no earlier than 1816-01-01, where the COW and G-W
// state lists begin: a state that exists on that day is taken to exist before it too
// (Great Britain in 1801), one born later is not (Brazil in 1815).
bool ExistsOrPrecedesLists(const State& s, const Date& on) {
  if (s.ExistsOn(on)) return true;
  const auto& start = s.existence.start();
  return start && *start == Date::Make(1816, 1, 1).value() && on < *start;
}

MatchTokenizer& LocalTokenizer() {
  thread_local MatchTokenizer tokenizer;
  return tokenizer;
}

}  // namespace

std::string_view MatchKindName(MatchKind kind) {
  switch (kind) {
    case MatchKind::kCode: return "code";
    case MatchKind::kName: return "name";
    case MatchKind::kHistorical: return "historical";
    case MatchKind::kDemonym: return "demonym";
  }
  return "name";
}

std::string_view OutcomeName(Resolution::Outcome outcome) {
  switch (outcome) {
    case Resolution::Outcome::kMatch: return "match";
    case Resolution::Outcome::kAmbiguous: return "ambiguous";
    case Resolution::Outcome::kNoMatch: return "none";
  }
  return "none";
}

struct Resolver::Impl {
  const World* world = nullptr;
  internal::TokenTable token_ids;  // folded token -> id
  internal::EdgeTable edges;        // (node, token id) -> child node
  std::vector<std::vector<uint32_t>> node_entries{1};
  std::vector<Entry> entries;
  std::vector<bool> form_token;  // by token id: a state-form word (IsFormWord)
  std::vector<std::vector<std::string>> code_how;  // [state][spell]: Match::how of a code
  std::vector<uint32_t> root_child;  // by token id: Child(0, id), for the mention scan
  std::vector<bool> blocked_node;  // by node: an alias table "-" row (a place, not a state)
  std::unordered_map<std::string, std::vector<uint32_t>> bags;  // BagKey -> entries

  uint32_t TokenId(std::string_view t) const {
    return token_ids.Find(t);
  }
  uint32_t Child(uint32_t node, uint32_t token) const {
    if (token == kNoToken) return 0;
    return edges.Find(node, token);
  }
  void AddAlias(uint32_t state, std::string_view text, NameKind kind, std::string_view lang,
                const Interval& valid, std::string_view source);
  int Tier(const Entry& e, const ResolveOptions& o) const;
  int ComputeTier(const Entry& e, const ResolveOptions& o) const;
  std::string How(const Entry& e) const;
  Resolution Choose(const std::vector<uint32_t>& candidates, const ResolveOptions& o) const;
  // The best-tier entries among candidates, one per state, sorted by state key.
  void ChooseEntries(const uint32_t* candidates, size_t n, const ResolveOptions& o,
                     std::vector<uint32_t>* chosen) const;
  Resolution Build(const uint32_t* chosen, size_t n) const;
  static bool DefaultOptions(const ResolveOptions& o);
  void PrecomputeChoices();
  bool ProseEligibleFlags(const Entry& e, bool all_caps, bool capitalised) const;

  struct Span {
    uint32_t offset = 0, count = 0;
  };
  static constexpr int kChoiceVariants = 5;  // 0-3: prose (bit 0 caps, bit 1 capital); 4: Resolve
  static constexpr int kResolveVariant = 4;
  std::vector<Span> choice;          // [node * kChoiceVariants + variant] into choice_pool
  std::vector<uint32_t> choice_pool;
  Match MakeMatch(const Entry& e) const;
  // The trie node reached by the token ids, 0 when the sequence is not an alias.
  uint32_t Walk(const std::vector<uint32_t>& ids) const;
  std::vector<uint32_t> Ids(std::string_view text) const;
  Resolution ResolveName(std::string_view text, const ResolveOptions& o, int depth = 0) const;
  Resolution Attempt(const std::vector<uint32_t>& ids, const ResolveOptions& o,
                     bool* blocked) const;
  Resolution AttemptBag(const std::vector<uint32_t>& ids, const ResolveOptions& o) const;
  Resolution StripForms(const std::vector<uint32_t>& ids, const ResolveOptions& o) const;
  Resolution TerritoryOfState(std::string_view a, std::string_view b, const ResolveOptions& o,
                              int depth) const;
  static std::string BagKey(std::vector<uint32_t> ids);
  static std::string RepairMojibake(std::string_view text);
  Resolution PluralDemonym(std::string_view text, const ResolveOptions& o) const;
  Resolution ResolveCode(std::string_view code, Scheme scheme, const ResolveOptions& o) const;
  Resolution AutoCode(std::string_view text, const ResolveOptions& o) const;
  Resolution DropParenthetical(std::string_view outer, std::string_view inner,
                               const ResolveOptions& o, int depth) const;
  void StandIn(const Date& on, Resolution* r) const;
  std::vector<const State*> HoldersOn(const State& s, const Date& on) const;
  // Match::how texts made while answering (stand-ins), kept as long as the Resolver.
  std::string_view Keep(std::string text) const;
  mutable std::mutex kept_mu;
  mutable std::unordered_set<std::string> kept;
};

void Resolver::Impl::AddAlias(uint32_t state, std::string_view text, NameKind kind,
                              std::string_view lang, const Interval& valid,
                              std::string_view source) {
  MatchTokenizer& tz = LocalTokenizer();
  tz.Tokenize(text);
  const auto& toks = tz.tokens();
  if (toks.empty()) return;
  uint32_t node = 0;
  bool one_word = true, caps = true;
  size_t letters = 0;
  std::vector<uint32_t> ids;
  for (const MatchToken& t : toks) {
    std::string_view w = tz.Text(t);
    const uint32_t id = token_ids.Insert(w);
    ids.push_back(id);
    bool fresh = false;
    node = edges.FindOrInsert(node, id, static_cast<uint32_t>(node_entries.size()), &fresh);
    if (fresh) node_entries.emplace_back();
    one_word &= t.begin == toks.front().begin;
    caps &= t.caps;
    letters += w.size();
  }
  Entry e;
  e.state = state;
  e.alias = std::string(text);
  e.kind = kind;
  e.lang = std::string(lang);
  e.valid = valid;
  e.source = std::string(source);
  e.caps_only = one_word && caps;
  const std::string_view folded = tz.Text(toks.front());
  e.prose_ok = !(e.caps_only && letters <= 2 && folded != "us" && folded != "uk");
  const char first = text[toks.front().begin];
  e.needs_capital = first >= 'A' && first <= 'Z';
  e.base_tier = ComputeTier(e, ResolveOptions{});
  // One entry per state and rank: "Chad" in forty languages is one entry.
  for (uint32_t idx : node_entries[node]) {
    const Entry& o = entries[idx];
    if (o.state == e.state && o.base_tier == e.base_tier && o.valid == e.valid &&
        IsEnglish(o.lang) == IsEnglish(e.lang) && o.caps_only == e.caps_only &&
        o.prose_ok == e.prose_ok && o.needs_capital == e.needs_capital)
      return;
  }
  e.how = How(e);
  node_entries[node].push_back(static_cast<uint32_t>(entries.size()));
  if (ids.size() >= 2) bags[BagKey(ids)].push_back(static_cast<uint32_t>(entries.size()));
  entries.push_back(std::move(e));
}

int Resolver::Impl::Tier(const Entry& e, const ResolveOptions& o) const {
  if (!o.on && o.allow_demonyms && o.other_languages) return e.base_tier;
  return ComputeTier(e, o);
}

int Resolver::Impl::ComputeTier(const Entry& e, const ResolveOptions& o) const {
  const bool demonym = e.kind == NameKind::kDemonym || e.kind == NameKind::kAdjective;
  if (demonym && !o.allow_demonyms) return kExcluded;
  if (!IsEnglish(e.lang) && !o.other_languages) return kExcluded;
  int tier = 0;
  if (e.kind == NameKind::kHistorical) tier = 2;
  else if (demonym) tier = 3;
  else if (!IsEnglish(e.lang)) tier = 1;
  const State& s = world->states()[e.state];
  if (o.on) {
    const bool valid = e.valid.ContainsDate(*o.on) && ExistsOrPrecedesLists(s, *o.on);
    if (!valid && o.strict_dates) return kExcluded;
    if (!valid) tier += 10;
  } else if (!s.current()) {
    tier += 5;
  }
  return tier;
}

std::string Resolver::Impl::How(const Entry& e) const {
  std::string detail = e.lang.empty() ? "" : e.lang;
  if (!(e.valid == Interval::Always()))
    detail += fmt::format("{}valid {}", detail.empty() ? "" : ", ", e.valid.ToString());
  if (!e.source.empty()) detail += fmt::format("{}{}", detail.empty() ? "" : ", ", e.source);
  return detail.empty() ? std::string(NameKindLabel(e.kind))
                        : fmt::format("{} ({})", NameKindLabel(e.kind), detail);
}

Match Resolver::Impl::MakeMatch(const Entry& e) const {
  Match m;
  m.state = &world->states()[e.state];
  m.alias = e.alias;
  m.kind = KindOf(e.kind);
  m.how = e.how;
  return m;
}

void Resolver::Impl::ChooseEntries(const uint32_t* candidates, size_t n, const ResolveOptions& o,
                                   std::vector<uint32_t>* chosen) const {
  chosen->clear();
  int best = std::numeric_limits<int>::max();
  for (size_t i = 0; i < n; ++i) {
    int t = Tier(entries[candidates[i]], o);
    if (t != kExcluded) best = std::min(best, t);
  }
  if (best == std::numeric_limits<int>::max()) return;
  for (size_t i = 0; i < n; ++i) {
    const Entry& e = entries[candidates[i]];
    if (Tier(e, o) != best) continue;
    auto same = [&](uint32_t c) { return entries[c].state == e.state; };
    if (std::none_of(chosen->begin(), chosen->end(), same)) chosen->push_back(candidates[i]);
  }
  const bool demonyms = (best % 5) == 3;
  if (demonyms && chosen->size() > 1) {  // "American": the state, not the outlying islands
    auto territory = [&](uint32_t c) {
      return world->states()[entries[c].state].kind != StateKind::kSovereign;
    };
    if (!std::all_of(chosen->begin(), chosen->end(), territory))
      chosen->erase(std::remove_if(chosen->begin(), chosen->end(), territory), chosen->end());
  }
  std::sort(chosen->begin(), chosen->end(), [&](uint32_t a, uint32_t b) {
    return world->states()[entries[a].state].key < world->states()[entries[b].state].key;
  });
}

Resolution Resolver::Impl::Build(const uint32_t* chosen, size_t n) const {
  Resolution r;
  if (n == 0) return r;
  r.candidates.reserve(n);
  for (size_t i = 0; i < n; ++i) r.candidates.push_back(MakeMatch(entries[chosen[i]]));
  r.outcome = n == 1 ? Resolution::Outcome::kMatch : Resolution::Outcome::kAmbiguous;
  return r;
}

Resolution Resolver::Impl::Choose(const std::vector<uint32_t>& candidates,
                                  const ResolveOptions& o) const {
  thread_local std::vector<uint32_t> chosen;
  ChooseEntries(candidates.data(), candidates.size(), o, &chosen);
  return Build(chosen.data(), chosen.size());
}

bool Resolver::Impl::DefaultOptions(const ResolveOptions& o) {
  return !o.on && o.allow_demonyms && o.other_languages;
}

// For every node, the answer with default options: for Resolve, and for the four prose
// cases (matched text in capitals or not, starting with a capital or not).
void Resolver::Impl::PrecomputeChoices() {
  choice.assign(node_entries.size() * kChoiceVariants, Span{});
  std::vector<uint32_t> eligible, chosen;
  for (size_t node = 0; node < node_entries.size(); ++node) {
    const auto& all = node_entries[node];
    if (all.empty() || blocked_node[node]) continue;
    for (int v = 0; v < kChoiceVariants; ++v) {
      eligible.clear();
      for (uint32_t idx : all) {
        const Entry& e = entries[idx];
        if (v == kResolveVariant || ProseEligibleFlags(e, v & 1, v & 2)) eligible.push_back(idx);
      }
      ChooseEntries(eligible.data(), eligible.size(), ResolveOptions{}, &chosen);
      choice[node * kChoiceVariants + v] =
          Span{static_cast<uint32_t>(choice_pool.size()), static_cast<uint32_t>(chosen.size())};
      choice_pool.insert(choice_pool.end(), chosen.begin(), chosen.end());
    }
  }
}

uint32_t Resolver::Impl::Walk(const std::vector<uint32_t>& ids) const {
  uint32_t node = 0;
  for (uint32_t id : ids) {
    node = Child(node, id);
    if (node == 0) return 0;
  }
  return node;
}

std::vector<uint32_t> Resolver::Impl::Ids(std::string_view text) const {
  MatchTokenizer& tz = LocalTokenizer();
  tz.Tokenize(text);
  std::vector<uint32_t> ids;
  ids.reserve(tz.tokens().size());
  for (const MatchToken& t : tz.tokens()) ids.push_back(TokenId(tz.Text(t)));
  return ids;
}

Resolution Resolver::Impl::ResolveCode(std::string_view code, Scheme scheme,
                                       const ResolveOptions& o) const {
  Resolution r;
  for (const State* s : world->ByCode(scheme, code, o.on)) {
    Match m;
    m.state = s;
    m.kind = MatchKind::kCode;
    const auto& spells = s->codes;
    const std::string want = s->Code(scheme, o.on).value_or(std::string(code));
    for (size_t k = 0; k < spells.size(); ++k) {
      const CodeSpell& spell = spells[k];
      if (spell.scheme != scheme || spell.code != want) continue;
      if (o.on && !spell.valid.ContainsDate(*o.on)) continue;
      m.alias = spell.code;
      m.how = code_how[static_cast<size_t>(s - world->states().data())][k];
      break;
    }
    if (m.alias.empty()) continue;
    r.candidates.push_back(std::move(m));
  }
  if (r.candidates.size() == 1) r.outcome = Resolution::Outcome::kMatch;
  else if (r.candidates.size() > 1) r.outcome = Resolution::Outcome::kAmbiguous;
  return r;
}

// A whole input that is one short code-like word: ISO alpha-2/3, numeric or alpha-4.
Resolution Resolver::Impl::AutoCode(std::string_view text, const ResolveOptions& o) const {
  const bool letters = std::all_of(text.begin(), text.end(), [](char c) {
    return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');
  });
  const bool digits = std::all_of(text.begin(), text.end(), [](char c) { return c >= '0' && c <= '9'; });
  const bool upper = std::all_of(text.begin(), text.end(), [](char c) { return c >= 'A' && c <= 'Z'; });
  if (letters && text.size() == 2) return ResolveCode(text, Scheme::kIso2, o);
  if (letters && text.size() == 3) return ResolveCode(text, Scheme::kIso3, o);
  if (upper && text.size() == 4) return ResolveCode(text, Scheme::kIso4, o);
  if (digits && !text.empty() && text.size() <= 3) return ResolveCode(text, Scheme::kIsoNumeric, o);
  return {};
}

// "X (Y)" read as "X": only when Y is no demonym of another state and names no
// subdivision or part ("Guam (US)" and "Sudan (up to 2011)" yes; "Georgia (US state)",
// "Ireland (North)", "Saint Martin (Dutch)" no).
Resolution Resolver::Impl::DropParenthetical(std::string_view outer, std::string_view inner,
                                             const ResolveOptions& o, int depth) const {
  const std::vector<uint32_t> outer_ids = Ids(outer);
  if (outer_ids.empty()) return {};
  Resolution r = Attempt(outer_ids, o, nullptr);
  if (r.outcome != Resolution::Outcome::kMatch) return r;
  MatchTokenizer& tz = LocalTokenizer();
  tz.Tokenize(inner);
  for (const MatchToken& t : tz.tokens())
    if (NamesSubdivision(tz.Text(t))) return {};
  ResolveOptions names_only = o;
  names_only.allow_codes = false;
  Resolution qualifier = ResolveName(inner, names_only, depth + 1);
  for (const Match& m : qualifier.candidates)
    if (m.state != r.best()->state && m.kind == MatchKind::kDemonym) return {};
  return r;
}

Resolution Resolver::Impl::Attempt(const std::vector<uint32_t>& ids, const ResolveOptions& o,
                                   bool* blocked) const {
  if (ids.empty()) return {};
  uint32_t node = Walk(ids);
  if (node == 0) return {};
  if (blocked_node[node]) {
    if (blocked != nullptr) *blocked = true;
    return {};
  }
  if (DefaultOptions(o)) {
    const Span& c = choice[node * kChoiceVariants + kResolveVariant];
    return Build(choice_pool.data() + c.offset, c.count);
  }
  return Choose(node_entries[node], o);
}

std::string Resolver::Impl::BagKey(std::vector<uint32_t> ids) {
  std::sort(ids.begin(), ids.end());
  return std::string(reinterpret_cast<const char*>(ids.data()), ids.size() * sizeof(uint32_t));
}

// The same words in any order ("Korea DPR", "Bonaire, Saba and Sint Eustatius").
Resolution Resolver::Impl::AttemptBag(const std::vector<uint32_t>& ids,
                                      const ResolveOptions& o) const {
  if (ids.size() < 2 || std::find(ids.begin(), ids.end(), kNoToken) != ids.end()) return {};
  auto it = bags.find(BagKey(ids));
  return it == bags.end() ? Resolution{} : Choose(it->second, o);
}

Resolution Resolver::Impl::StripForms(const std::vector<uint32_t>& ids,
                                      const ResolveOptions& o) const {
  size_t b = 0, e = ids.size();
  auto form = [&](uint32_t id) { return id != kNoToken && form_token[id]; };
  while (b < e && form(ids[b])) ++b;
  while (e > b && form(ids[e - 1])) --e;
  if (b == 0 && e == ids.size()) return {};
  return Attempt(std::vector<uint32_t>(ids.begin() + b, ids.begin() + e), o, nullptr);
}

// "Hong Kong, China", "France, Martinique": a territory and a sovereign state, in
// either order, mean the territory.
Resolution Resolver::Impl::TerritoryOfState(std::string_view a, std::string_view b,
                                            const ResolveOptions& o, int depth) const {
  Resolution ra = ResolveName(a, o, depth + 1), rb = ResolveName(b, o, depth + 1);
  if (ra.outcome != Resolution::Outcome::kMatch || rb.outcome != Resolution::Outcome::kMatch)
    return {};
  const StateKind ka = ra.best()->state->kind, kb = rb.best()->state->kind;
  if (ka == StateKind::kTerritory && kb == StateKind::kSovereign) return ra;
  if (kb == StateKind::kTerritory && ka == StateKind::kSovereign) return rb;
  return {};
}

// Text that was UTF-8, read as Latin-1 and written again as UTF-8 ("CÃ´te d'Ivoire"),
// once or twice: the repaired text, or "" when `text` does not look like that.
std::string Resolver::Impl::RepairMojibake(std::string_view text) {
  if (text.find("\xC3\x83") == std::string_view::npos &&
      text.find("\xC3\x82") == std::string_view::npos)
    return "";
  std::string out;
  for (size_t i = 0; i < text.size();) {
    const auto c = static_cast<unsigned char>(text[i]);
    if (c < 0x80) { out += text[i++]; continue; }
    if ((c == 0xC2 || c == 0xC3) && i + 1 < text.size()) {
      out += static_cast<char>(((c & 0x03) << 6) | (static_cast<unsigned char>(text[i + 1]) & 0x3F));
      i += 2;
      continue;
    }
    return "";  // a code point above U+00FF: not Latin-1 mojibake
  }
  return ValidateUtf8(out).ok() ? out : "";
}

Resolution Resolver::Impl::ResolveName(std::string_view text, const ResolveOptions& o,
                                       int depth) const {
  if (depth > 3) return {};
  bool blocked = false;
  const std::vector<uint32_t> ids = Ids(text);
  Resolution r = Attempt(ids, o, &blocked);
  if (r.outcome != Resolution::Outcome::kNoMatch || blocked || o.exact) return r;
  if (o.allow_codes && depth == 0) {
    r = AutoCode(text, o);
    if (r.outcome != Resolution::Outcome::kNoMatch) return r;
  }
  if (std::string repaired = RepairMojibake(text); !repaired.empty())
    return ResolveName(repaired, o, depth + 1);
  for (std::string_view excl : {" excluding ", " excl. ", " excl "}) {
    std::string lower(text);
    for (char& c : lower) c = (c >= 'A' && c <= 'Z') ? static_cast<char>(c + 32) : c;
    if (size_t at = lower.find(excl); at != std::string::npos && at > 0)
      return ResolveName(text.substr(0, at), o, depth + 1);
  }
  std::vector<std::vector<uint32_t>> readings = {ids};
  const size_t sep = text.find_first_of(",:");
  if (sep != std::string_view::npos) {
    readings.push_back(Ids(fmt::format("{} {}", text.substr(sep + 1), text.substr(0, sep))));
    r = Attempt(readings.back(), o, nullptr);
    if (r.outcome != Resolution::Outcome::kNoMatch) return r;
  }
  if (size_t open = text.find('('); open != std::string_view::npos) {
    size_t close = text.find(')', open);
    std::string_view inner = text.substr(open + 1, close == std::string_view::npos
                                                       ? std::string_view::npos
                                                       : close - open - 1);
    std::string outer(text.substr(0, open));
    if (close != std::string_view::npos) outer += fmt::format(" {}", text.substr(close + 1));
    r = Attempt(Ids(fmt::format("{} {}", inner, outer)), o, nullptr);
    if (r.outcome != Resolution::Outcome::kNoMatch) return r;
    r = DropParenthetical(outer, inner, o, depth);
    if (r.outcome != Resolution::Outcome::kNoMatch) return r;
  }
  for (const auto& reading : readings) {
    r = AttemptBag(reading, o);
    if (r.outcome != Resolution::Outcome::kNoMatch) return r;
  }
  for (const auto& reading : readings) {
    r = StripForms(reading, o);
    if (r.outcome != Resolution::Outcome::kNoMatch) return r;
  }
  if (sep != std::string_view::npos)
    return TerritoryOfState(text.substr(0, sep), text.substr(sep + 1), o, depth);
  return depth == 0 ? PluralDemonym(text, o) : Resolution{};
}

// "Kazakhs", "Americans": a plural in -s of a demonym is the demonym's state (only a
// demonym: "Wales" is not a plural of "Wale").
Resolution Resolver::Impl::PluralDemonym(std::string_view text, const ResolveOptions& o) const {
  if (text.size() < 4 || text.back() != 's' || !o.allow_demonyms) return {};
  Resolution r = ResolveName(text.substr(0, text.size() - 1), o, 1);
  for (const Match& m : r.candidates)
    if (m.kind != MatchKind::kDemonym) return {};
  return r;
}

bool Resolver::Impl::ProseEligibleFlags(const Entry& e, bool all_caps, bool capitalised) const {
  if (!e.prose_ok) return false;
  if (e.caps_only && !all_caps) return false;
  return !e.needs_capital || capitalised;
}

Resolver::Resolver(std::shared_ptr<const World> world, std::vector<ResolverAlias> extra)
    : world_(std::move(world)), impl_(std::make_unique<Impl>()) {
  impl_->world = world_.get();
  for (std::string_view w : kFormWords)
    impl_->token_ids.Insert(w);
  const auto& states = world_->states();
  for (uint32_t i = 0; i < states.size(); ++i) {
    const State& s = states[i];
    if (!s.name.empty()) impl_->AddAlias(i, s.name, NameKind::kShort, "en", Interval::Always(), "");
    if (!s.official_name.empty())
      impl_->AddAlias(i, s.official_name, NameKind::kOfficial, "en", Interval::Always(), "");
    for (const Name& n : s.names) impl_->AddAlias(i, n.text, n.kind, n.lang, n.valid, n.source);
  }
  for (const ResolverAlias& a : extra) {
    const State* s = world_->Find(a.state_key);
    if (s == nullptr) continue;
    impl_->AddAlias(static_cast<uint32_t>(s - states.data()), a.text, a.kind, a.lang, a.valid,
                    a.source);
  }
  for (const State& s : states) {
    auto& hows = impl_->code_how.emplace_back();
    for (const CodeSpell& spell : s.codes)
      hows.push_back(fmt::format("{} code valid {}{}", SchemeName(spell.scheme), spell.valid.ToString(),
                                 spell.source.empty() ? "" : fmt::format(" ({})", spell.source)));
  }
  impl_->root_child.assign(impl_->token_ids.size(), 0);
  for (uint32_t id = 0; id < impl_->token_ids.size(); ++id) impl_->root_child[id] = impl_->Child(0, id);
  impl_->form_token.assign(impl_->token_ids.size(), false);
  for (uint32_t id = 0; id < impl_->token_ids.size(); ++id)
    impl_->form_token[id] = IsFormWord(impl_->token_ids.word(id));
  impl_->blocked_node.assign(impl_->node_entries.size(), false);
  for (const ResolverAlias& a : extra) {
    if (a.state_key != kNotAState) continue;
    if (uint32_t node = impl_->Walk(impl_->Ids(a.text)); node != 0) impl_->blocked_node[node] = true;
  }
  impl_->PrecomputeChoices();
}

Resolver::~Resolver() = default;

Result<std::unique_ptr<Resolver>> Resolver::Create(std::shared_ptr<const World> world,
                                                   std::vector<ResolverAlias> extra) {
  for (const ResolverAlias& a : extra) {
    if (a.state_key != kNotAState && world->Find(a.state_key) == nullptr) {
      return Status::InvalidArgument(fmt::format("resolver alias '{}' names unknown state '{}'",
                                                 a.text, a.state_key));
    }
  }
  return std::make_unique<Resolver>(std::move(world), std::move(extra));
}

Resolution Resolver::Resolve(std::string_view text, const ResolveOptions& options) const {
  text = TrimWhitespace(text);
  if (text.empty() || !ValidateUtf8(text).ok()) return {};
  Resolution r = options.scheme ? impl_->ResolveCode(text, *options.scheme, options)
                                : impl_->ResolveName(text, options);
  if (options.on && !options.exact) impl_->StandIn(*options.on, &r);
  return r;
}

// The states that held `s`'s place on `on` when `s` did not, sorted by key (none when it did).
std::vector<const State*> Resolver::Impl::HoldersOn(const State& s, const Date& on) const {
  std::vector<const State*> out;
  if (const State* p = world->StandIn(s.key, on)) return {p};
  if (s.ExistsOn(on)) return out;
  for (const Link& l : s.links) {
    const State* p = l.kind == LinkKind::kPredecessor ? world->Find(l.other) : nullptr;
    if (p != nullptr && p->kind == StateKind::kFormer && p->ExistsOn(on) &&
        std::find(out.begin(), out.end(), p) == out.end())
      out.push_back(p);
  }
  std::sort(out.begin(), out.end(), [](const State* a, const State* b) { return a->key < b->key; });
  return out;
}

std::string_view Resolver::Impl::Keep(std::string text) const {
  std::lock_guard<std::mutex> lock(kept_mu);
  return *kept.insert(std::move(text)).first;
}

// Rule 4 of resolver.h's Resolve: with `on` (and not `exact`), in Resolve and in
// FindMentions, names and codes alike, a single match whose state did not hold its place
// that day answers with the state that did.
// With `on`, a single match whose state had not its place that day answers with the
// state that had: World::StandIn (Germany on 1980 is West Germany, Russia on 1980 the
// Soviet Union, ISO "RU" on 1985 too), else, for a state that did not exist yet, its
// former predecessors existing that day (Yemen on 1980: North and South Yemen, ambiguous).
void Resolver::Impl::StandIn(const Date& on, Resolution* r) const {
  if (r->outcome != Resolution::Outcome::kMatch) return;
  const Match m = r->candidates.front();
  const std::vector<const State*> instead = HoldersOn(*m.state, on);
  if (instead.empty()) return;
  r->candidates.clear();
  for (const State* p : instead) {
    Match sub = m;
    sub.state = p;
    sub.how = Keep(fmt::format("{}; on {} {} held the place of {} ({})", m.how, on.ToString(),
                               p->name, m.state->name, m.state->key));
    r->candidates.push_back(sub);
  }
  r->outcome = instead.size() == 1 ? Resolution::Outcome::kMatch : Resolution::Outcome::kAmbiguous;
}

namespace {

// "New Mexico", "New Jersey", "Mexico City", "Kuwait City": a match directly preceded by
// a capitalised "New" or followed by a capitalised "City" names another place; so does
// "America" after a capitalised Latin, South, North, Central or Middle.
bool PartOfLongerPlaceName(std::string_view sentence, const MatchTokenizer& tz, size_t first,
                           size_t end) {
  const auto& toks = tz.tokens();
  auto adjacent = [&](size_t a, size_t b) {  // only spaces between tokens a and b
    for (size_t k = toks[a].end; k < toks[b].begin; ++k)
      if (sentence[k] != ' ') return false;
    return true;
  };
  auto capitalised = [&](size_t t) {
    const char c = sentence[toks[t].begin];
    return c >= 'A' && c <= 'Z';
  };
  if (first > 0 && tz.Text(toks[first - 1]) == "new" && capitalised(first - 1) &&
      adjacent(first - 1, first))
    return true;
  // "Latin America", "South America", "Central America": regions, not the United States.
  static constexpr std::string_view kRegionWords[] = {"latin", "south", "north", "central", "middle"};
  if (first > 0 && end == first + 1 && tz.Text(toks[first]) == "america" && capitalised(first - 1) &&
      adjacent(first - 1, first) &&
      std::find(std::begin(kRegionWords), std::end(kRegionWords), tz.Text(toks[first - 1])) !=
          std::end(kRegionWords))
    return true;
  return end < toks.size() && tz.Text(toks[end]) == "city" && capitalised(end) &&
         adjacent(end - 1, end);
}

}  // namespace

std::vector<Mention> Resolver::FindMentions(std::string_view sentence,
                                            const ResolveOptions& options) const {
  std::vector<Mention> out;
  MatchTokenizer& tz = LocalTokenizer();
  tz.Tokenize(sentence, /*prose=*/true);
  const auto& toks = tz.tokens();
  thread_local std::vector<uint32_t> ids, eligible, chosen, best;
  const bool defaults = Impl::DefaultOptions(options);
  ids.clear();
  for (const MatchToken& t : toks) ids.push_back(impl_->TokenId(tz.Text(t)));
  for (size_t i = 0; i < toks.size();) {
    if (toks[i].continuation || ids[i] == kNoToken) {
      ++i;
      continue;
    }
    uint32_t node = 0;
    size_t best_end = 0;
    bool all_caps = true;
    const char first = sentence[toks[i].begin];
    const bool capitalised = !(first >= 'a' && first <= 'z');
    best.clear();
    for (size_t j = i; j < toks.size(); ++j) {
      node = j == i ? impl_->root_child[ids[j]] : impl_->Child(node, ids[j]);
      if (node == 0) break;
      all_caps &= toks[j].caps;
      if (impl_->blocked_node[node] || impl_->node_entries[node].empty()) continue;
      if (defaults) {
        const int v = (all_caps ? 1 : 0) | (capitalised ? 2 : 0);
        const Impl::Span& c = impl_->choice[node * Impl::kChoiceVariants + v];
        if (c.count == 0) continue;
        best.assign(impl_->choice_pool.begin() + c.offset,
                    impl_->choice_pool.begin() + c.offset + c.count);
      } else {
        eligible.clear();
        for (uint32_t idx : impl_->node_entries[node])
          if (impl_->ProseEligibleFlags(impl_->entries[idx], all_caps, capitalised))
            eligible.push_back(idx);
        impl_->ChooseEntries(eligible.data(), eligible.size(), options, &chosen);
        if (chosen.empty()) continue;
        best.swap(chosen);
      }
      best_end = j + 1;
    }
    if (best.empty() || PartOfLongerPlaceName(sentence, tz, i, best_end)) {
      ++i;
      continue;
    }
    Mention m;
    m.begin = toks[i].begin;
    m.end = toks[best_end - 1].end;
    m.resolution = impl_->Build(best.data(), best.size());
    if (options.on && !options.exact) impl_->StandIn(*options.on, &m.resolution);
    out.push_back(std::move(m));
    i = best_end;
    while (i < toks.size() && toks[i].begin < out.back().end) ++i;
  }
  return out;
}

}  // namespace dyad::world
