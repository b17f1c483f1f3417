#include "coder/dictionary.h"

#include <algorithm>

#include <fmt/format.h>

#include "base/file.h"
#include "base/paths.h"
#include "base/strings.h"
#include "base/tsv_table.h"
#include "events/taxonomy.h"

namespace dyad::coder {
namespace {

bool EndsWith(std::string_view s, std::string_view suffix) {
  return s.size() >= suffix.size() && s.substr(s.size() - suffix.size()) == suffix;
}

bool IsVowel(char c) { return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u'; }

std::vector<std::string> SplitOn(std::string_view s, char sep) {
  std::vector<std::string> out;
  size_t b = 0;
  while (b <= s.size()) {
    size_t e = s.find(sep, b);
    if (e == std::string_view::npos) e = s.size();
    std::string_view part = TrimWhitespace(s.substr(b, e - b));
    if (!part.empty()) out.emplace_back(part);
    b = e + 1;
  }
  return out;
}

Status BadCell(const TsvTable& t, size_t row, std::string_view column, const std::string& why) {
  return Status::InvalidArgument(fmt::format("{}: column {}: {}", t.Where(row), column, why));
}

Status CheckCode(const TsvTable& t, size_t row, std::string_view column, bool optional) {
  const std::string& code = t.Cell(row, column);
  if ((optional && code.empty()) || events::CheckCameoSyntax(code).ok()) return Status::OK();
  return BadCell(t, row, column, fmt::format("bad CAMEO code '{}'", code));
}

Status ApplyFlags(const TsvTable& t, size_t row, VerbPattern* p) {
  for (const std::string& flag : SplitOn(t.Cell(row, "flags"), ',')) {
    if (flag == "reciprocal") p->reciprocal = true;
    else if (flag == "among") p->among = true;
    else if (flag == "speech") p->speech = true;
    else if (flag == "no-target") p->no_target = true;
    else if (flag == "noun") p->noun = true;
    else return BadCell(t, row, "flags", fmt::format("unknown flag '{}'", flag));
  }
  return Status::OK();
}

constexpr std::string_view kFacts[] = {
    "recognized", "relations_established", "relations_severed", "relations_suspended",
    "relations_resumed", "agreement_signed", "agreement_terminated", "mission_opened",
    "mission_closed", "installation_opened", "installation_closed", "expulsion"};

Result<VerbPattern> ParsePattern(const TsvTable& t, size_t row) {
  DYAD_RETURN_IF_ERROR(CheckCode(t, row, "code", false));
  DYAD_RETURN_IF_ERROR(CheckCode(t, row, "intent", true));
  VerbPattern p;
  p.code = t.Cell(row, "code");
  p.intent = t.Cell(row, "intent");
  p.text = t.Cell(row, "pattern");
  std::vector<std::string> words = SplitOn(AsciiLower(p.text), ' ');
  if (words.empty()) return BadCell(t, row, "pattern", "empty pattern");
  p.lemma = words[0];
  for (size_t i = 1; i < words.size(); ++i) p.words.push_back({SplitOn(words[i], '|')});
  DYAD_RETURN_IF_ERROR(ApplyFlags(t, row, &p));
  p.fact = t.Cell(row, "fact");
  if (!p.fact.empty() && std::find(std::begin(kFacts), std::end(kFacts), p.fact) == std::end(kFacts))
    return BadCell(t, row, "fact", fmt::format("unknown fact relation '{}'", p.fact));
  p.origin = t.Where(row);
  return p;
}

}  // namespace

bool PatternWord::Matches(std::string_view lower) const {
  for (const std::string& a : alternatives) {
    if (!a.empty() && a.back() == '*') {
      if (lower.substr(0, a.size() - 1) == std::string_view(a).substr(0, a.size() - 1)) return true;
    } else if (lower == a) {
      return true;
    }
  }
  return false;
}

std::vector<std::string> RegularForms(const std::string& lemma, std::string* past) {
  std::string third, ing;
  char last = lemma.empty() ? ' ' : lemma.back();
  bool consonant_y = last == 'y' && lemma.size() > 1 && !IsVowel(lemma[lemma.size() - 2]);
  if (consonant_y) {
    std::string stem = lemma.substr(0, lemma.size() - 1);
    third = stem + "ies";
    *past = stem + "ied";
  } else {
    bool sibilant = EndsWith(lemma, "s") || EndsWith(lemma, "x") || EndsWith(lemma, "z") ||
                    EndsWith(lemma, "ch") || EndsWith(lemma, "sh");
    third = lemma + (sibilant ? "es" : "s");
    *past = lemma + (last == 'e' ? "d" : "ed");
  }
  bool drop_e = last == 'e' && !EndsWith(lemma, "ee") && lemma.size() > 2;
  ing = (drop_e ? lemma.substr(0, lemma.size() - 1) : lemma) + "ing";
  return {lemma, third, *past, ing};
}

std::vector<std::string> Dictionary::FormsOf(const std::string& lemma,
                                             std::vector<std::string>* past) const {
  auto it = irregular_.find(lemma);
  std::string regular_past;
  std::vector<std::string> forms = RegularForms(lemma, &regular_past);
  if (it == irregular_.end()) {
    past->push_back(regular_past);
    return forms;
  }
  // Irregular: the listed forms replace the regular past; third person and -ing stay
  // unless listed too.
  forms.erase(std::remove(forms.begin(), forms.end(), regular_past), forms.end());
  for (const std::string& f : it->second) {
    forms.push_back(f);
    if (!EndsWith(f, "ing") && !(EndsWith(f, "s") && !EndsWith(lemma, "s"))) past->push_back(f);
  }
  return forms;
}

void Dictionary::IndexForms(const std::string& lemma, uint32_t index) {
  std::vector<std::string> past;
  std::vector<std::string> forms = FormsOf(lemma, &past);
  std::sort(forms.begin(), forms.end());
  forms.erase(std::unique(forms.begin(), forms.end()), forms.end());
  for (const std::string& f : forms) {
    auto& list = by_form_[f];
    list.push_back(index);
    std::stable_sort(list.begin(), list.end(), [&](uint32_t a, uint32_t b) {
      return patterns_[a].words.size() + patterns_[a].before.size() >
             patterns_[b].words.size() + patterns_[b].before.size();
    });
  }
  for (const std::string& p : past) past_forms_[p] = true;
}

void Dictionary::AddPattern(VerbPattern pattern) {
  patterns_.push_back(std::move(pattern));
  IndexForms(patterns_.back().lemma, static_cast<uint32_t>(patterns_.size() - 1));
}

void Dictionary::AddAgent(AgentWord agent) { agents_.push_back(std::move(agent)); }

void Dictionary::AddIrregular(const std::string& lemma, const std::vector<std::string>& forms) {
  irregular_[lemma] = forms;
}

const std::vector<uint32_t>* Dictionary::PatternsForForm(std::string_view lower) const {
  auto it = by_form_.find(lower);
  return it == by_form_.end() ? nullptr : &it->second;
}

bool Dictionary::IsPastForm(std::string_view lower) const {
  return past_forms_.find(lower) != past_forms_.end();
}

namespace {

Status LoadForms(const std::string& path, Dictionary* d) {
  if (!FileExists(path)) return Status::OK();
  DYAD_ASSIGN_OR_RETURN(TsvTable t, TsvTable::Read(path, {"lemma", "forms"}));
  for (size_t r = 0; r < t.size(); ++r) {
    std::vector<std::string> forms = SplitOn(AsciiLower(t.Cell(r, "forms")), ',');
    if (forms.empty()) return BadCell(t, r, "forms", "no forms");
    d->AddIrregular(AsciiLower(t.Cell(r, "lemma")), forms);
  }
  return Status::OK();
}

Status LoadAgents(const std::string& path, Dictionary* d) {
  DYAD_ASSIGN_OR_RETURN(TsvTable t, TsvTable::Read(path, {"phrase", "role"}));
  for (size_t r = 0; r < t.size(); ++r) {
    AgentWord a{SplitOn(AsciiLower(t.Cell(r, "phrase")), ' '), t.Cell(r, "role")};
    if (a.words.empty()) return BadCell(t, r, "phrase", "empty phrase");
    if (a.role.size() != 3) return BadCell(t, r, "role", "a role is three capitals (GOV, MIL)");
    d->AddAgent(std::move(a));
  }
  return Status::OK();
}

}  // namespace

Result<Dictionary> Dictionary::Load(const std::string& dir) {
  Dictionary d;
  DYAD_RETURN_IF_ERROR(LoadForms(dir + "/verb_forms.tsv", &d));
  DYAD_RETURN_IF_ERROR(LoadAgents(dir + "/agents.tsv", &d));
  DYAD_ASSIGN_OR_RETURN(TsvTable t, TsvTable::Read(dir + "/verbs.tsv", {"code", "pattern"}));
  for (size_t r = 0; r < t.size(); ++r) {
    DYAD_ASSIGN_OR_RETURN(VerbPattern p, ParsePattern(t, r));
    d.AddPattern(std::move(p));
  }
  return d;
}

Result<Dictionary> Dictionary::LoadDefault() {
  DYAD_ASSIGN_OR_RETURN(Dictionary d, Load(DataDir() + "/coder"));
  std::string home = DyadHome() + "/";
  for (VerbPattern& p : d.patterns_)  // "data/coder/verbs.tsv:12", wherever dyad is installed
    if (p.origin.rfind(home, 0) == 0) p.origin.erase(0, home.size());
  return d;
}

}  // namespace dyad::coder
