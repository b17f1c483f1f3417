// English sentences for facts, generated from the relation vocabulary (no per-pair prose).
#ifndef DYAD_REPORT_DOSSIER_TEXT_H_
#define DYAD_REPORT_DOSSIER_TEXT_H_

#include <string>

#include "kb/knowledge_base.h"
#include "world/prose_name.h"

namespace dyad::report {

// One sentence without a final period, e.g. "The United States recognized Kyrgyzstan".
// `ongoing` selects the present tense for spans still holding on the dossier's date.
std::string DescribeFact(const kb::Fact& fact, const kb::KnowledgeBase& kb, bool ongoing);

// "25 December 1991", "December 1991 – July 2015", "since 2001-12", for display.
std::string DescribeInterval(const Interval& interval, bool undated);

// The name of a state in running text: "the United States", "Kyrgyzstan" (world's).
using world::StateInText;

// The date as a sentence gives it, at its own precision: "on 2 December 2026", "in December
// 1991", "in 1980" (never "on 1980").
std::string OnDate(const Date& date);

// The possessive of a name in running text: "Kyrgyzstan's", "the United States'".
std::string Possessive(const std::string& name);

}  // namespace dyad::report

#endif  // DYAD_REPORT_DOSSIER_TEXT_H_
