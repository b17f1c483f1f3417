// The four benchmark queries of issue 4 over the event store, with their answers in a
// canonical text form shared by bench/events_bench and the SQLite cross-check test:
//   Q1  monthly count and mean Goldstein for USA -> KGZ over all years
//       "YYYYMM<TAB>count<TAB>mean" per month with events
//   Q2  top 10 event codes for USA -> KGZ, 2010-01-01..2015-12-31
//       "code<TAB>count"
//   Q3  the 20 dyads (two different, non-empty countries) with the lowest mean Goldstein
//       in 2014-07 with at least 50 events: "src<TAB>tgt<TAB>count<TAB>mean"
//   Q4  event counts per year per quad class: "year<TAB>quad<TAB>count" (non-zero)
// Means are printed with 6 decimals.
#ifndef DYAD_EVENTS_BENCH_QUERIES_H_
#define DYAD_EVENTS_BENCH_QUERIES_H_

#include <string>

#include "events/store.h"

namespace dyad::events {

std::string RunBenchQuery(const Store& store, int q);

}  // namespace dyad::events

#endif  // DYAD_EVENTS_BENCH_QUERIES_H_
