// Date expressions in a sentence, resolved against the document's date and the date the
// text last spoke of (the anchor), each with the precision it was given.
//
//   absolute  "December 26, 1991", "26 December 1991", "in December 2001", "Dec. 1998",
//             "in 1993", "In 2006,"                       -> day / month / year
//   partial   "on March 3", "in July" (year from the anchor, else the document)
//   deictic   "today", "yesterday", "on Tuesday" (the latest Tuesday on or before the
//             document date), "last year", "this year", "last month", "N years ago"
//             (all need the document date)
//   anaphoric "three months later", "a year later", "the following month", "the next
//             day" (from the anchor)
// A year written as a modifier ("the 1993 treaty", "its 2014 award") is no event date.
#ifndef DYAD_CODER_DATES_H_
#define DYAD_CODER_DATES_H_

#include <optional>
#include <string>
#include <vector>

#include "base/date.h"
#include "coder/text.h"

namespace dyad::coder {

struct DateContext {
  std::optional<Date> document;  // --date or the input's metadata
  std::optional<Date> anchor;    // the date the text last spoke of
};

struct DateMention {
  Date date;
  size_t first_token = 0, last_token = 0;  // [first, last) in the sentence's tokens
  Span span;                               // bytes in the sentence
  bool relative = false;                   // resolved against the anchor or document
};

// Every date expression of the sentence, left to right. Expressions that need a
// document date or anchor that is absent are left out.
std::vector<DateMention> FindDates(const std::vector<Token>& tokens, const DateContext& context);

// Month number 1..12 of an English month name or abbreviation ("dec", "december"), else 0.
int MonthOfWord(std::string_view lower);

}  // namespace dyad::coder

#endif  // DYAD_CODER_DATES_H_
