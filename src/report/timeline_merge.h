// One line per occurrence in the timeline: two sources telling the same happening (a
// dataset's visit and the curated pack's, an agreement's recorded end and the pack's
// account of it) become one statement with both citations.
//
// The rule (docs/formats/dossier.md, "One line per occurrence"): two timeline items tell
// the same occurrence when they start on the same day, at the same precision, and
//   - both are occurrences of the same kind, about the same states, in the same state
//     where both give a place, naming no two
//     different people in one role, from sources that share none (a source does not repeat itself); or
//   - one is a fact and the other an occurrence of the kind that fact records
//     (a termination for agreement_terminated, ...) whose participants include the fact's
//     subject.
//   - or they read the same: the same dates and the same sentence (a dataset that lists
//     one stop of a trip twice).
// The item whose sentence says more (the longer) is kept; the other's sources join its
// citations, and its dates, when they differ, its "another source gives".
#ifndef DYAD_REPORT_TIMELINE_MERGE_H_
#define DYAD_REPORT_TIMELINE_MERGE_H_

#include <vector>

#include "report/dossier_model.h"

namespace dyad::report {

// Merges the items of one year of the timeline that tell the same occurrence; keeps order.
std::vector<TimelineItem> MergeSameOccurrences(std::vector<TimelineItem> items);

}  // namespace dyad::report

#endif  // DYAD_REPORT_TIMELINE_MERGE_H_
