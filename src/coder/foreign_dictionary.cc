#include "coder/foreign_dictionary.h"

#include <fmt/format.h>

#include <algorithm>
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

std::optional<std::string> BracketCode(std::string_view l) {
  size_t open = l.find('['), close = l.find(']', open);
  if (open == std::string_view::npos || close == std::string_view::npos) return std::nullopt;
  std::vector<std::string> w = Words(l.substr(open + 1, close - open - 1));
  if (w.empty() || w[0] == "---") return std::string();
  return w[0];
}

std::vector<std::string> NameWords(std::string_view name) {
  std::vector<std::string> out;
  for (const std::string& w : Words(name)) {
    for (const PatternWord& p : WordsOf(w)) {
      std::string a = p.alternatives[0];
      if (!a.empty() && a.back() == '*') a.pop_back();
      if (!a.empty()) out.push_back(a);
    }
  }
  return out;
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

Status ReadForeignActors(const std::string& path, std::vector<NamedActor>* out) {
  std::string code;
  return ForEachLine(path, [&](std::string_view l) {
    if (l[0] == '+' && !code.empty()) {
      std::vector<std::string> w = NameWords(l.substr(1));
      if (!w.empty()) out->push_back({w, code});
      return;
    }
    std::optional<std::string> c = BracketCode(l);
    if (!c) return;
    code = *c;
    if (code.empty() || code[0] == '~') { code.clear(); return; }
    std::vector<std::string> w = NameWords(l.substr(0, l.find('[')));
    if (!w.empty()) out->push_back({w, code});
  });
}

Status ReadForeignAgents(const std::string& path, Dictionary* dict) {
  return ForEachLine(path, [&](std::string_view l) {
    std::optional<std::string> c = BracketCode(l);
    if (!c || c->size() < 2 || (*c)[0] != '~') return;
    size_t end = std::min(l.find('['), l.find('{'));
    std::vector<std::string> w = NameWords(l.substr(0, end));
    if (!w.empty()) dict->AddAgent({w, c->substr(1)});
  });
}

namespace {

// Calls `f` with each line of `data`.
template <typename F>
void EachLine(std::string_view data, F f) {
  for (size_t b = 0; b < data.size();) {
    size_t e = std::min(data.find('\n', b), data.size());
    f(data.substr(b, e - b));
    b = e + 1;
  }
}

}  // namespace

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
