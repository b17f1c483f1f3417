#include "coder/foreign_dictionary.h"

#include <fmt/format.h>

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
  if (!events::CheckCameoSyntax(inner).ok()) return std::nullopt;
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

struct Reader {
  Dictionary* dict;
  ForeignCounts* c;
  std::string* first_error;
  std::string path;
  std::string verb;  // the current verb's lemma (lower case)
  uint64_t line = 0;

  void Bad(const std::string& why) {
    ++c->bad_lines;
    if (first_error != nullptr && first_error->empty()) *first_error = fmt::format("{}:{}: {}", path, line, why);
  }

  void Add(VerbPattern p, std::string_view text) {
    p.text = std::string(TrimWhitespace(text));
    p.origin = fmt::format("{}:{}", path, line);
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
    VerbPattern p;
    p.code = *code;
    p.lemma = verb;
    p.words.assign(head.begin() + 1, head.end());
    Add(std::move(p), l);
    ++c->patterns;
  }

  // "- words * words [code]"
  void PatternLine(std::string_view l) {
    if (verb.empty()) { Bad("pattern before any verb"); return; }
    std::vector<std::string> w = Words(l.substr(1));
    if (w.empty()) { Bad("empty pattern"); return; }
    std::optional<std::string> code = CodeOf(w.back());
    if (!code) { ++c->bad_code; return; }
    if (code->empty()) { ++c->no_code; return; }
    VerbPattern p;
    p.code = *code;
    p.lemma = verb;
    bool seen_verb = false, in_alt = false;
    for (size_t i = 0; i + 1 < w.size(); ++i) {
      const std::string& t = w[i];
      if (t == "*") { seen_verb = true; continue; }
      if (t == "$" || t == "+" || t == "%" || t == "|") continue;
      if (t[0] == '&') { ++c->synsets; return; }
      if (t == "{") { in_alt = true; p.words.push_back({}); continue; }
      if (t == "}") { in_alt = false; continue; }
      if (!seen_verb) { ++c->words_before_verb; return; }
      std::vector<PatternWord> parts = WordsOf(t);
      if (in_alt && !parts.empty()) p.words.back().alternatives.push_back(parts[0].alternatives[0]);
      else p.words.insert(p.words.end(), parts.begin(), parts.end());
    }
    if (!seen_verb) { ++c->words_before_verb; return; }
    Add(std::move(p), l);
    ++c->patterns;
  }

  void Line(std::string_view l) {
    l = l.substr(0, l.find(';'));
    l = TrimWhitespace(l);
    if (l.empty() || l[0] == '#' || l[0] == '<' || l[0] == '&' || l[0] == '+') return;
    if (l[0] == '-') PatternLine(l);
    else if (l.find('[') != std::string_view::npos) VerbLine(l);
    else Bad("neither a verb nor a pattern");
  }
};

}  // namespace

Status ReadTabariVerbs(const std::string& path, Dictionary* dict, ForeignCounts* counts,
                       std::string* first_error) {
  DYAD_ASSIGN_OR_RETURN(std::string data, ReadFile(path));
  Reader r{dict, counts, first_error, path, "", 0};
  bool in_synsets = false;
  size_t b = 0;
  while (b < data.size()) {
    size_t e = data.find('\n', b);
    if (e == std::string::npos) e = data.size();
    std::string_view l(data.data() + b, e - b);
    ++r.line;
    if (l.find("<SYNSETS>") != std::string_view::npos) in_synsets = true;
    else if (l.find("</SYNSETS>") != std::string_view::npos) in_synsets = false;
    else if (!in_synsets) r.Line(l);
    b = e + 1;
  }
  return Status::OK();
}

}  // namespace dyad::coder
