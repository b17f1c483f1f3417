// Lenient reading of the dates the relations datasets write (globalgov "mdate" strings,
// Wikidata timestamps, R dates), into base::Date with the precision the text supports.
//
// Forms and what they become (never a day or month the text does not give):
//   ""                      missing
//   1998, 1998-12, 1998-12-20, 1998-12-20T00:00:00Z     the date at that precision
//   trailing ? ~ %          uncertain, approximate, both
//   1998-XX-XX, 1998-XX-16  1998 (an unspecified month leaves the year only)
//   1998-12-XX              1998-12
//   1990-05..1990-06        1990 (the finest precision holding both ends); a range over
//                           several years is rejected: base::Date has no such precision
//   a trailing '-'          ignored (2010-XX-XX-)
//   9999-12-31, 2899-01-01, any year >= 2100, any year < 1000 (0004)
//                           a placeholder: "open", "not in force", "unknown" (no date)
//   anything else           unparsed, with the reason
#ifndef DYAD_INGEST_MESSY_DATE_H_
#define DYAD_INGEST_MESSY_DATE_H_

#include <optional>
#include <string>
#include <string_view>

#include "base/date.h"

namespace dyad::ingest {

struct MessyDate {
  enum class Kind { kMissing, kDate, kPlaceholder, kUnparsed };
  Kind kind = Kind::kMissing;
  std::optional<Date> date;  // set for kDate only
  std::string reason;        // why a placeholder or unparsed

  bool has_date() const { return kind == Kind::kDate; }
  bool bad() const { return kind == Kind::kUnparsed; }
};

MessyDate ParseMessyDate(std::string_view text);

}  // namespace dyad::ingest

#endif  // DYAD_INGEST_MESSY_DATE_H_
