#include "ingest/historian_dates.h"

#include <algorithm>
#include <regex>
#include <string>

#include "base/strings.h"

namespace dyad::ingest {
namespace {

struct Cue {
  std::string_view word;  // lower-case substring
  int weight;
};

// Words whose presence in a date's sentence says the date is of `event`.
std::vector<Cue> CuesOf(RdcrEvent event) {
  switch (event) {
    case RdcrEvent::kRecognition:
      return {{"recogni", 3}, {"accredit", 1}, {"credentials", 1}, {"signed", 1}, {"treaty", 1},
              {"exchange", 1}};
    case RdcrEvent::kRelationsUp:
      return {{"diplomatic relations", 2}, {"relations were", 1}, {"establish", 2}, {"resum", 2},
              {"restor", 1}, {"normaliz", 2}, {"credentials", 1}, {"recogni", 1}, {"accredit", 1},
              {"presented", 1}, {"exchange", 1}, {"joint communiqu", 1}};
    case RdcrEvent::kRelationsDown:
      // Not "sever" ("Several months later"), not "closed" (a legation may close long after).
      return {{"severed", 3}, {"severing", 3}, {"severance", 3}, {"declared war", 2}, {"broke", 3},
              {"break", 2}, {"suspend", 3}, {"terminat", 3}, {"interrupt", 3}, {"withdr", 2},
              {"recalled", 2}, {"departed", 1}, {"left", 1}, {"ended", 1}};
    case RdcrEvent::kMissionOpened:
      return {{"established", 2}, {"opened", 3}, {"raised", 2}, {"elevat", 2}, {"upgrad", 2},
              {"credentials", 2}, {"moved", 2}, {"relocat", 2}, {"arrived", 1}, {"reopen", 3},
              {"resumed operations", 3}, {"became", 2}, {"embassy", 1}, {"legation", 1},
              {"consulate", 1}};
    case RdcrEvent::kMissionClosed:
      return {{"closed", 3}, {"closing", 3}, {"closure", 3}, {"suspend", 3}, {"evacuat", 2},
              {"ceased", 2}, {"withdr", 1}, {"departed", 1}, {"left", 1}};
    case RdcrEvent::kAgreement:
      return {{"signed", 3}, {"conclud", 2}, {"treaty", 1}, {"convention", 1}, {"agreement", 1}};
  }
  return {};
}

// Sentence and clause boundaries: a sentence ends at ". " before a capital when the
// period follows a lower-case letter, a digit or a closing mark ("U.S. Minister" goes on).
bool SentenceEndAt(std::string_view t, size_t i) {
  if (t[i] != '.' || i == 0 || i + 2 >= t.size() || t[i + 1] != ' ') return false;
  const char prev = t[i - 1], next = t[i + 2];
  const bool after_word = (prev >= 'a' && prev <= 'z') || (prev >= '0' && prev <= '9') ||
                          prev == ')' || prev == '"';
  return after_word && ((next >= 'A' && next <= 'Z') || next == '"');
}

size_t SentenceBegin(std::string_view t, size_t at) {
  for (size_t i = at; i-- > 0;)
    if (SentenceEndAt(t, i)) return i + 2;
  return 0;
}

size_t SentenceEnd(std::string_view t, size_t at) {
  for (size_t i = at; i < t.size(); ++i)
    if (SentenceEndAt(t, i)) return i + 1;
  return t.size();
}

int CueWeight(const std::string& lower, const std::vector<Cue>& cues) {
  int w = 0;
  for (const Cue& c : cues)
    if (lower.find(c.word) != std::string::npos) w += c.weight;
  return w;
}

// The date belongs to an earlier event when its clause opens with "following", "after",
// "since", "before", "prior to" or "dated", or one of them stands in the 30 bytes before it.
bool OfAnEarlierEvent(std::string_view text, size_t clause_begin, size_t date_begin) {
  std::string clause = AsciiLower(text.substr(clause_begin, date_begin - clause_begin));
  const size_t first = clause.find_first_not_of(' ');
  clause = first == std::string::npos ? "" : clause.substr(first);
  const size_t near_begin = std::max(clause_begin, date_begin >= 30 ? date_begin - 30 : 0);
  const std::string near = " " + AsciiLower(text.substr(near_begin, date_begin - near_begin)) + " ";
  for (std::string_view w : {"following", "after", "since", "before", "prior to", "dated"}) {
    const std::string word(w);
    if (clause.starts_with(word + " ") || near.find(" " + word + " ") != std::string::npos) return true;
  }
  return false;
}

// A sentence about the other state's mission or envoy in the United States ("Libyan
// diplomats reestablished a presence in Washington on July 8, 2004"; "presented his letters
// of credence to the United States Government"; "The Italian Legation to the United States
// became the Italian Embassy"): not the date of a US mission's event.
bool OfTheOtherStatesMission(const std::string& lower_sentence) {
  for (std::string_view w : {"in washington", "to the united states", "to u.s. president"})
    if (lower_sentence.find(w) != std::string::npos) return true;
  return false;
}

// The score of date `d` of `text` (rule 2 of the header): the cues of its sentence, plus
// those of the 60 bytes before it once more, less 2 per nomination, death, birth or
// surrender in the sentence, less 4 for a mission event told of the other state's mission
// in the United States; a date of an earlier event loses 4 and gets no bonus.
int Score(std::string_view text, const TextDate& d, const std::vector<Cue>& cues, bool mission) {
  const size_t sb = SentenceBegin(text, d.begin), se = SentenceEnd(text, d.end);
  int score = CueWeight(AsciiLower(text.substr(sb, se - sb)), cues);
  const std::string sentence = AsciiLower(text.substr(sb, se - sb));
  for (std::string_view bad : {"nominat", "died", "death of", "born", "surrender"})
    if (sentence.find(bad) != std::string::npos) score -= 2;
  if (mission && OfTheOtherStatesMission(sentence)) score -= 4;
  size_t cb = text.substr(0, d.begin).find_last_of(",;");
  cb = cb == std::string_view::npos || cb < sb ? sb : cb + 1;
  if (OfAnEarlierEvent(text, cb, d.begin)) return score - 4;
  const size_t wb = std::max(sb, d.begin >= 60 ? d.begin - 60 : 0);
  return score + CueWeight(AsciiLower(text.substr(wb, d.begin - wb)), cues);
}

}  // namespace

std::vector<TextDate> FindEnglishDates(std::string_view text, int default_year) {
  static const std::regex kDate(
      "(January|February|March|April|May|June|July|August|September|October|November|December)"
      "(?:\\s+(\\d{1,2})(?!\\d))?(?:,?\\s+(\\d{4})(?!\\d))?");
  std::vector<TextDate> out;
  const std::string s(text);
  int last_year = default_year;
  for (auto it = std::sregex_iterator(s.begin(), s.end(), kDate); it != std::sregex_iterator(); ++it) {
    const std::smatch& m = *it;
    if (!m[2].matched && !m[3].matched) continue;  // a bare month name ("May", "March")
    const int year = m[3].matched ? std::stoi(m[3].str()) : last_year;
    if (year == 0) continue;
    std::string english = m[1].str();
    if (m[2].matched) english += " " + m[2].str() + ",";
    english += " " + std::to_string(year);
    auto d = Date::ParseEnglish(english);
    if (!d.ok()) continue;
    if (m[3].matched) last_year = year;
    const size_t begin = static_cast<size_t>(m.position(0));
    out.push_back({*d, begin, begin + static_cast<size_t>(m.length(0))});
  }
  return out;
}

std::optional<std::pair<int, int>> HeadingYears(std::string_view heading) {
  static const std::regex kYears("(\\d{4})(?:\\s*(?:-|\u2013)\\s*(\\d{2,4}))?");
  const std::string h(heading);
  std::smatch last;
  for (auto it = std::sregex_iterator(h.begin(), h.end(), kYears); it != std::sregex_iterator(); ++it)
    last = *it;
  if (last.empty()) return std::nullopt;
  const int first = std::stoi(last[1].str());
  int end = first;
  if (last[2].matched) {
    const std::string tail = last[2].str();
    end = tail.size() == 4 ? std::stoi(tail) : first / 100 * 100 + std::stoi(tail);
    if (end < first) end = first;
  }
  return std::make_pair(first, end);
}

std::optional<PickedDate> PickEventDate(std::string_view text, RdcrEvent event,
                                        std::optional<std::pair<int, int>> years) {
  const std::vector<TextDate> dates = FindEnglishDates(text, years ? years->second : 0);
  const std::vector<Cue> cues = CuesOf(event);
  const bool mission = event == RdcrEvent::kMissionOpened || event == RdcrEvent::kMissionClosed;
  std::optional<PickedDate> best;
  for (const TextDate& d : dates) {
    if (years && (d.date.year() < years->first || d.date.year() > years->second)) continue;
    const int score = Score(text, d, cues, mission);
    if (!best || score > best->score) best = PickedDate{d.date, score};
  }
  return best;
}

}  // namespace dyad::ingest
