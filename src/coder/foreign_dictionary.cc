#include "coder/foreign_dictionary.h"

#include <fmt/format.h>

#include <algorithm>
#include <cctype>
#include <cstdlib>
#include <unordered_set>
#include <unordered_map>

#include "base/file.h"
#include "base/strings.h"
#include "events/taxonomy.h"

namespace dyad::coder {
namespace {

std::vector<std::string> Words(std::string_view s) {
  std::vector<std::string> out;
  size_t b = 0;
  while (b < s.size()) {
    while (b < s.size() && (s[b] == ' ' || s[b] == '\t')) ++b;
    size_t e = b;
    while (e < s.size() && s[e] != ' ' && s[e] != '\t') ++e;
    if (e > b) out.emplace_back(s.substr(b, e - b));
    b = e;
  }
  return out;
}

// "[042:043]" -> "042"; "" for [---]; nullopt when malformed.
std::optional<std::string> CodeOf(std::string_view bracket) {
  if (bracket.size() < 3 || bracket.front() != '[' || bracket.back() != ']') return std::nullopt;
  std::string_view inner = bracket.substr(1, bracket.size() - 2);
  inner = inner.substr(0, inner.find(':'));
  if (inner == "---" || inner.empty()) return std::string();
  // The dictionary's own code: CAMEO, or digits of another scheme (WEIS in PETRARCH's
  // validation verbs), which the coder passes through without a quad class.
  bool digits = inner.size() >= 2 && inner.size() <= 4 &&
                inner.find_first_not_of("0123456789") == std::string_view::npos;
  if (!digits) return std::nullopt;
  return std::string(inner);
}

// A TABARI word as dyad pattern alternatives: WORD_ exact, WORD a prefix; "A_B" is two words.
std::vector<PatternWord> WordsOf(const std::string& w) {
  std::vector<PatternWord> out;
  std::string lower = AsciiLower(w);
  bool exact = !lower.empty() && lower.back() == '_';
  if (exact) lower.pop_back();
  size_t b = 0;
  while (b <= lower.size()) {
    size_t e = lower.find('_', b);
    if (e == std::string::npos) e = lower.size();
    std::string part = lower.substr(b, e - b);
    bool last = e == lower.size();
    if (!part.empty()) out.push_back({{last && !exact ? part + "*" : part}});
    b = e + 1;
  }
  return out;
}

// "THE_*_OF" -> "THE_", "*", "OF": the verb marker as a token of its own.
void SplitStar(const std::string& t, std::vector<std::string>* out) {
  size_t star = t.find('*');
  if (star == std::string::npos || t.size() == 1) { out->push_back(t); return; }
  if (star > 0) out->push_back(t.substr(0, star - (t[star - 1] == '_' ? 1 : 0)) + "_");
  out->push_back("*");
  if (star + 1 < t.size()) out->push_back(t.substr(star + (t[star + 1] == '_' ? 2 : 1)));
}

// The words of a pattern with every verb marker split off; the last (the code) unchanged.
std::vector<std::string> SplitStars(const std::vector<std::string>& w) {
  if (w.empty()) return w;
  std::vector<std::string> out;
  for (size_t i = 0; i + 1 < w.size(); ++i) SplitStar(w[i], &out);
  out.push_back(w.back());
  return out;
}

struct Reader {
  Dictionary* dict;
  ForeignCounts* c;
  std::string* first_error;
  std::string path;
  std::string verb;  // the current verb's lemma (lower case)
  std::vector<std::string> also;  // PETRARCH: further verbs of the block sharing its patterns
  uint64_t line = 0;
  // Synsets of the file ("&CURRENCY" -> "dollar*", "euros*"), one-word members only.
  std::unordered_map<std::string, std::vector<std::string>> synsets = {};
  std::string synset_name = {};  // the synset being defined while collecting

  // "&NAME" as pattern alternatives; false when the file defines no one-word member.
  bool Synset(const std::string& t, PatternWord* out) const {
    std::string name = AsciiLower(std::string_view(t).substr(1));
    while (!name.empty() && name.back() == '_') name.pop_back();
    auto it = synsets.find(name);
    if (it == synsets.end() || it->second.empty()) return false;
    out->alternatives = it->second;
    return true;
  }

  // The words of one pattern line, read token by token into a VerbPattern.
  struct PatternBuilder {
    const Reader& r;
    VerbPattern p = {};
    bool seen_verb = false;
    std::vector<PatternWord>* alt_in = nullptr;  // where the `{ | }` alternatives being read are
    size_t alt_at = 0;

    std::vector<PatternWord>* Dest() { return seen_verb ? &p.words : &p.before; }
    void OpenAlternatives() {
      alt_in = Dest();
      alt_in->push_back({});
      alt_at = alt_in->size() - 1;
    }
    void AddWord(const std::string& t) {
      std::vector<PatternWord> parts = WordsOf(t);
      if (alt_in != nullptr && !parts.empty()) (*alt_in)[alt_at].alternatives.push_back(parts[0].alternatives[0]);
      else if (alt_in == nullptr) Dest()->insert(Dest()->end(), parts.begin(), parts.end());
    }
    bool AddSynset(const std::string& t) {
      PatternWord set;
      if (r.Synset(t, &set)) Dest()->push_back(set);
      return !set.alternatives.empty();
    }
    // False for a synset the file does not define usably.
    bool Token(const std::string& t) {
      if (t == "*") seen_verb = true;
      else if (t == "{") OpenAlternatives();
      else if (t == "}") alt_in = nullptr;
      else if (t[0] == '&') return AddSynset(t);
      else if (t != "$" && t != "+" && t != "%" && t != "|") AddWord(t);
      return true;
    }
  };

  void Bad(const std::string& why) {
    ++c->bad_lines;
    if (first_error != nullptr && first_error->empty()) *first_error = fmt::format("{}:{}: {}", path, line, why);
  }

  void Add(VerbPattern p, std::string_view text) {
    p.text = std::string(TrimWhitespace(text));
    p.origin = fmt::format("{}:{}", path, line);
    p.modes_in_patterns = true;
    for (const std::string& lemma : also) {
      VerbPattern q = p;
      q.lemma = lemma;
      dict->AddPattern(std::move(q));
    }
    dict->AddPattern(std::move(p));
  }

  // "VERB [code]" or "VERB {FORMS} [code]"
  void VerbLine(std::string_view l) {
    std::vector<std::string> w = Words(l);
    std::optional<std::string> code = CodeOf(w.back());
    std::vector<PatternWord> head = WordsOf(w[0]);
    if (head.empty()) { Bad("empty verb"); return; }
    verb = head[0].alternatives[0];
    if (!verb.empty() && verb.back() == '*') verb.pop_back();
    std::vector<std::string> forms;
    size_t open = l.find('{'), close = l.find('}');
    if (open != std::string_view::npos && close > open)
      for (const std::string& f : Words(l.substr(open + 1, close - open - 1))) forms.push_back(AsciiLower(f));
    if (!forms.empty()) dict->AddIrregular(verb, forms);
    ++c->verbs;
    if (!code) { ++c->bad_code; return; }
    if (code->empty()) { ++c->no_code; return; }
    if (!events::CheckCameoSyntax(*code).ok()) ++c->non_cameo;
    VerbPattern p;
    p.code = *code;
    p.lemma = verb;
    p.words.assign(head.begin() + 1, head.end());
    Add(std::move(p), l);
    ++c->patterns;
  }

  // The code of a pattern or verb line, counting a missing or foreign one; false to skip.
  bool Code(const std::string& bracket, std::string* out) {
    std::optional<std::string> code = CodeOf(bracket);
    if (!code) { ++c->bad_code; return false; }
    if (code->empty()) { ++c->no_code; return false; }
    if (!events::CheckCameoSyntax(*code).ok()) ++c->non_cameo;
    *out = *code;
    return true;
  }

  // "- words * words [code]"
  void PatternLine(std::string_view l) {
    if (verb.empty()) { Bad("pattern before any verb"); return; }
    std::vector<std::string> w = SplitStars(Words(l.substr(1)));
    if (w.empty()) { Bad("empty pattern"); return; }
    PatternBuilder b{*this};
    if (!Code(w.back(), &b.p.code)) return;
    b.p.lemma = verb;
    w.pop_back();
    for (const std::string& t : w)
      if (!b.Token(t)) { ++c->synsets; return; }
    if (!b.seen_verb) { Bad("pattern without the verb (*)"); return; }
    if (!b.p.before.empty()) ++c->words_before_verb;
    Add(std::move(b.p), l);
    ++c->patterns;
  }

  void TabariLine(std::string_view l) {
    l = l.substr(0, l.find(';'));
    l = TrimWhitespace(l);
    if (l.empty() || l[0] == '#' || l[0] == '<' || l[0] == '&' || l[0] == '+') return;
    if (l[0] == '-') PatternLine(l);
    else if (l.find('[') != std::string_view::npos) VerbLine(l);
    else Bad("neither a verb nor a pattern");
  }
};

// PETRARCH: "--- VERB [code] ---" opens a block; plain lines name its verbs.
struct PetrarchReader : Reader {
  bool fresh = false;  // the block header was the last verb line

  void Header(std::string_view l) {
    also.clear();
    VerbLine(TrimWhitespace(l.substr(3, l.size() - 6)));
    fresh = true;
  }

  void Lemma(std::string_view l) {
    std::vector<std::string> w = Words(l);
    std::vector<PatternWord> head = WordsOf(w[0]);
    if (head.empty()) return;
    std::string lemma = head[0].alternatives[0];
    if (!lemma.empty() && lemma.back() == '*') lemma.pop_back();
    if (lemma != verb) also.push_back(lemma);
  }

  void Line(std::string_view l) {
    l = TrimWhitespace(l.substr(0, l.find('#')));
    if (l.empty() || l[0] == '<' || l[0] == '&' || l[0] == '+' || l[0] == '!') return;
    if (l.size() > 6 && l.substr(0, 3) == "---" && l.substr(l.size() - 3) == "---") Header(l);
    else if (l[0] == '-') PatternLine(l);
    else if (l.find('[') == std::string_view::npos) Lemma(l);
    else Bad("unexpected line");
  }
};

// The synset definitions of a verbs file: "&NAME" starts one, each "+WORD" line adds a
// member (WORD_ exact, else a prefix); members of several words are left out.
void CollectSynset(std::string_view l, Reader* r) {
  std::string& current = r->synset_name;
  l = TrimWhitespace(l.substr(0, l.find(';')));
  if (l.empty() || (l[0] != '&' && l[0] != '+')) { current.clear(); return; }
  if (l[0] == '&') {
    current = AsciiLower(l.substr(1));
    while (!current.empty() && current.back() == '_') current.pop_back();
    r->synsets[current];
    return;
  }
  std::vector<PatternWord> parts = WordsOf(std::string(TrimWhitespace(l.substr(1))));
  bool one_word = parts.size() == 1 && l.find_first_of(" $") == std::string_view::npos;
  if (!current.empty() && one_word) r->synsets[current].push_back(parts[0].alternatives[0]);
}

// A TABARI date: YYMMDD (years before 50 are 20xx, as the records' dates) or YYYYMMDD.
std::string EightDigits(std::string_view d) {
  if (d.size() != 6) return std::string(d);
  return (std::atoi(std::string(d.substr(0, 2)).c_str()) < 50 ? "20" : "19") + std::string(d);
}

std::optional<int32_t> DayOf(std::string_view digits) {
  std::string d = EightDigits(digits);
  Result<Date> r = Date::ParseCompact(d);
  return r.ok() && d.size() == 8 ? std::optional<int32_t>(r->first_day()) : std::nullopt;
}

// The date restriction of a code ("<950601", ">990816", "950601-990815", spaces removed);
// false when malformed.
bool Restrict(const std::string& r, DatedCode* c) {
  if (r.empty()) return true;
  size_t dash = r.find('-');
  std::optional<int32_t> a = DayOf(r[0] == '<' || r[0] == '>' ? r.substr(1) : r.substr(0, dash));
  if (!a) return false;
  if (r[0] == '<') c->to = *a - 1;
  else if (r[0] == '>') c->from = *a;
  else if (dash == std::string::npos) return false;
  else if (std::optional<int32_t> b = DayOf(r.substr(dash + 1)); b) c->from = *a, c->to = *b;
  else return false;
  return true;
}

// "[HOBGOV 950601 - 990815]" -> {HOBGOV, 950601, 990815}; "[---]" -> {""}; nullopt for an
// agent code ("[~GOV]") or a malformed bracket ("[950601-990815]").
std::optional<DatedCode> BracketCode(std::string_view inner) {
  std::vector<std::string> w = Words(inner);
  if (w.empty() || w[0][0] == '~' || std::isdigit(static_cast<unsigned char>(w[0][0])) || w[0][0] == '<' ||
      w[0][0] == '>')
    return std::nullopt;
  DatedCode c;
  c.code = w[0] == "---" ? "" : w[0];
  std::string rest;
  for (size_t i = 1; i < w.size(); ++i) rest += w[i];
  if (!Restrict(rest, &c)) return std::nullopt;
  return c;
}

// Every bracketed code on a line, in order.
std::vector<DatedCode> BracketCodes(std::string_view l) {
  std::vector<DatedCode> out;
  for (size_t open = l.find('['); open != std::string_view::npos; open = l.find('[', open + 1)) {
    size_t close = l.find(']', open);
    if (close == std::string_view::npos) break;
    if (auto c = BracketCode(l.substr(open + 1, close - open - 1))) out.push_back(*c);
  }
  return out;
}

// The first bracketed code of a line (agent files: "[~GOV]"), "" for [---].
std::optional<std::string> FirstBracket(std::string_view l) {
  size_t open = l.find('['), close = l.find(']', open);
  if (open == std::string_view::npos || close == std::string_view::npos) return std::nullopt;
  std::vector<std::string> w = Words(l.substr(open + 1, close - open - 1));
  if (w.empty() || w[0] == "---") return std::string();
  return w[0];
}

// Name words with TABARI's matching: a trailing '*' marks a prefix ("ETHIOP" -> "ethiop*").
std::vector<std::string> NameWords(std::string_view name) {
  std::vector<std::string> out;
  for (const std::string& w : Words(name)) {
    for (const PatternWord& p : WordsOf(w)) {
      const std::string& a = p.alternatives[0];
      if (!a.empty() && a != "*") out.push_back(a);
    }
  }
  return out;
}

// One actor of an actor file being read: its names (the first line's and "+" synonyms) and
// codes (on its lines or the code lines of its block).
struct ActorBlock {
  std::vector<std::vector<std::string>> names;
  std::vector<DatedCode> codes;

  void Flush(std::vector<NamedActor>* out) {
    NamedActor a;
    for (const DatedCode& c : codes) {
      bool undated = c.from == INT32_MIN && c.to == INT32_MAX;
      if (undated) a.undated = c;
      else a.dated.push_back(c);
    }
    if (a.undated.code.empty() && a.dated.empty()) { names.clear(), codes.clear(); return; }
    for (std::vector<std::string>& n : names) {
      a.words = std::move(n);
      out->push_back(a);
    }
    names.clear(), codes.clear();
  }
};

// Calls `f` with each line of `data`.
template <typename F>
void EachLine(std::string_view data, F f) {
  for (size_t b = 0; b < data.size();) {
    size_t e = std::min(data.find('\n', b), data.size());
    f(data.substr(b, e - b));
    b = e + 1;
  }
}

template <typename F>
Status ForEachLine(const std::string& path, F f) {
  DYAD_ASSIGN_OR_RETURN(std::string data, ReadFile(path));
  size_t b = 0;
  while (b < data.size()) {
    size_t e = data.find('\n', b);
    if (e == std::string::npos) e = data.size();
    std::string_view l = TrimWhitespace(std::string_view(data.data() + b, e - b));
    l = TrimWhitespace(l.substr(0, l.find('#')));
    if (!l.empty() && l[0] != '<') f(l);
    b = e + 1;
  }
  return Status::OK();
}

}  // namespace

Status ReadPetrarchVerbs(const std::string& path, Dictionary* dict, ForeignCounts* counts,
                         std::string* first_error) {
  PetrarchReader r;
  r.dict = dict;
  r.c = counts;
  r.first_error = first_error;
  r.path = path;
  DYAD_RETURN_IF_ERROR(ForEachLine(path, [&](std::string_view l) { CollectSynset(l, &r); }));
  return ForEachLine(path, [&](std::string_view l) { ++r.line; r.Line(l); });
}

const DatedCode& NamedActor::On(std::optional<Date> on) const {
  auto covers = [&](const DatedCode& c) { return on && c.from <= on->first_day() && on->first_day() <= c.to; };
  auto it = std::find_if(dated.begin(), dated.end(), covers);
  return it == dated.end() ? undated : *it;
}

bool DiscardCode(const std::string& code) { return code == "###" || code == "+++"; }

namespace {

// The role of `code` after the state code `state` ("ARNGOVFRM", "ARN" -> "GOVFRM"); nullopt
// when the rest is no sequence of three-letter codes.
std::optional<std::string> RoleAfter(const std::string& code, const std::string& state) {
  std::string rest = code.size() > state.size() && code.starts_with(state) ? code.substr(state.size()) : "";
  bool upper = std::all_of(rest.begin(), rest.end(), [](char ch) { return std::isupper(static_cast<unsigned char>(ch)) != 0; });
  return rest.empty() || rest.size() % 3 != 0 || !upper ? std::nullopt : std::optional<std::string>(rest);
}

// Splits one code into its state part (left in c->code) and role.
void SplitCode(const std::unordered_set<std::string>& states, DatedCode* c) {
  if (c->code.size() <= 3 || DiscardCode(c->code)) return;
  for (size_t n = c->code.size() - 3; n >= 3; n -= 3) {
    std::optional<std::string> role = RoleAfter(c->code, c->code.substr(0, n));
    if (!role || states.count(c->code.substr(0, n)) == 0) continue;
    c->code.resize(n);
    c->role = *role + c->role;
    return;
  }
}

}  // namespace

void SplitComposedCodes(const std::vector<std::string>& world_codes, std::vector<NamedActor>* actors) {
  std::unordered_set<std::string> states(world_codes.begin(), world_codes.end());
  for (const NamedActor& a : *actors) {
    if (a.undated.code.size() == 3) states.insert(a.undated.code);
    for (const DatedCode& c : a.dated)
      if (c.code.size() == 3) states.insert(c.code);
  }
  for (NamedActor& a : *actors) {
    SplitCode(states, &a.undated);
    for (DatedCode& c : a.dated) SplitCode(states, &c);
  }
}

namespace {

// A line of an actor file without its comment: from a '#' or ';' outside brackets on
// ("[###]" is a code; "ROMANIA [ROM] #jw 10/18/91", "ZIMBABWE ;jw" are comments).
std::string_view WithoutComment(std::string_view l) {
  int depth = 0;
  for (size_t i = 0; i < l.size(); ++i) {
    if (l[i] == '[') ++depth;
    else if (l[i] == ']') --depth;
    else if ((l[i] == '#' || l[i] == ';') && depth <= 0) return TrimWhitespace(l.substr(0, i));
  }
  return TrimWhitespace(l);
}

}  // namespace

Status ReadForeignActors(const std::string& path, std::vector<NamedActor>* out) {
  DYAD_ASSIGN_OR_RETURN(std::string data, ReadFile(path));
  ActorBlock block;
  EachLine(data, [&](std::string_view l) {
    l = WithoutComment(l);
    if (l.empty() || l[0] == '<') return;
    std::vector<DatedCode> codes = BracketCodes(l);
    if (l[0] == '[') {
      block.codes.insert(block.codes.end(), codes.begin(), codes.end());
      return;
    }
    if (l[0] != '+') block.Flush(out);
    std::vector<std::string> w = NameWords(l.substr(l[0] == '+', l.find('[') - (l[0] == '+')));
    if (!w.empty()) block.names.push_back(std::move(w));
    block.codes.insert(block.codes.end(), codes.begin(), codes.end());
  });
  block.Flush(out);
  return Status::OK();
}

Status ReadForeignAgents(const std::string& path, Dictionary* dict) {
  return ForEachLine(path, [&](std::string_view l) {
    std::optional<std::string> c = FirstBracket(l);
    if (!c || c->size() < 2 || (*c)[0] != '~') return;
    size_t end = std::min(l.find('['), l.find('{'));
    std::vector<std::string> w = NameWords(l.substr(0, end));
    if (!w.empty()) dict->AddAgent({w, c->substr(1)});
  });
}


Status ReadTabariVerbs(const std::string& path, Dictionary* dict, ForeignCounts* counts,
                       std::string* first_error) {
  DYAD_ASSIGN_OR_RETURN(std::string data, ReadFile(path));
  Reader r{dict, counts, first_error, path, "", {}, 0, {}, {}};
  EachLine(data, [&](std::string_view l) { CollectSynset(l, &r); });
  bool in_synsets = false;
  EachLine(data, [&](std::string_view l) {
    ++r.line;
    if (l.find("<SYNSETS>") != std::string_view::npos) in_synsets = true;
    else if (l.find("</SYNSETS>") != std::string_view::npos) in_synsets = false;
    else if (!in_synsets) r.TabariLine(l);
  });
  return Status::OK();
}

}  // namespace dyad::coder
