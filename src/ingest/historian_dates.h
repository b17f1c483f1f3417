// The date of the event an rdcr heading names, read from the entry's paragraphs.
//
// An entry of the Historian's recognition-and-relations articles has a heading that
// names one or more events and a year ("Recognition of the German Democratic Republic,
// and the Establishment of Diplomatic Relations and the American Embassy in Berlin,
// 1974.") and paragraphs that tell the story with many dates, often of other events
// ("Following the German surrender to the Allied powers on May 8, 1945, ..."). The date
// of one event of the heading is picked by these rules:
//   1. candidates are the English dates of the text ("May 6, 1955", "May 1955", and
//      "December 5" without a year, which takes the year of the text's previous date),
//      restricted to the heading's years (its last year, or "1949-1955", "1838-40" as a
//      range) when the heading has some;
//   2. each candidate scores the event's words in its sentence ("established",
//      "diplomatic relations", "credentials" for relations established; "severed",
//      "suspended" for a break; "opened", "raised" for a mission), less a penalty when
//      its own clause opens with "following", "after" or "since" (the date of an earlier
//      event), or its sentence speaks of a nomination, a death, a birth or a surrender;
//   3. the highest score wins, the earliest in the text on a tie.
// A heading repeated in an article (the GDR's 1974 establishment, under "recognition" and
// under "diplomatic relations") is one event: the importer keeps the entry whose text
// scores the event best (historian_import.cc, MergeRepeatedHeadings).
// No candidate in the heading's years: none is picked here (the caller falls back).
#ifndef DYAD_INGEST_HISTORIAN_DATES_H_
#define DYAD_INGEST_HISTORIAN_DATES_H_

#include <cstddef>
#include <optional>
#include <string_view>
#include <vector>

#include "base/date.h"

namespace dyad::ingest {

// What the date is wanted for: the kinds of events rdcr headings name.
enum class RdcrEvent : uint8_t {
  kRecognition,     // recognized / mutual recognition
  kRelationsUp,     // relations established, resumed, restored
  kRelationsDown,   // relations severed, suspended, interrupted
  kMissionOpened,   // embassy, legation, consulate established, opened, raised, moved
  kMissionClosed,   // a mission closed or suspended
  kAgreement,       // a treaty, convention or agreement
};

struct TextDate {
  Date date;
  size_t begin = 0, end = 0;  // byte offsets of the date in the text
};

// Every English date of `text`, in order. A "Month D" without a year takes the year of
// the previous dated mention, or `default_year` (0: skipped) when there is none.
std::vector<TextDate> FindEnglishDates(std::string_view text, int default_year);

// The years a heading names: [first, last] of its trailing year or range; nullopt when
// the heading names none.
std::optional<std::pair<int, int>> HeadingYears(std::string_view heading);

struct PickedDate {
  Date date;
  int score = 0;  // rule 2's score: how plainly the sentence speaks of the event
};

// The date of `event` in `text` by the rules above; nullopt when no date of the text
// lies in `years` (or the text has none, when `years` is nullopt).
std::optional<PickedDate> PickEventDate(std::string_view text, RdcrEvent event,
                                        std::optional<std::pair<int, int>> years);

}  // namespace dyad::ingest

#endif  // DYAD_INGEST_HISTORIAN_DATES_H_
