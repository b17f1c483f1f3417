// Coverage of the dossier's pair sections over every pair of current sovereign states, as
// of today, from the bundled data alone (the knowledge-base snapshot and the relations
// pack): how many pairs have each section filled. Prints one line per section.
//
//   build/bench/pair_coverage_bench            (figures in docs/BENCHMARKS.md)
#include <fmt/format.h>

#include <chrono>
#include <cstdio>

#include "kb/knowledge_base.h"
#include "kb/snapshot.h"
#include "report/pair_sections.h"

namespace {

using namespace dyad;  // NOLINT

struct Counts {
  size_t pairs = 0, missions_any = 0, missions_both = 0, leaders_both = 0, igos_factbook = 0, igos_cow = 0,
         un_votes = 0, alliances_ever = 0, treaties_bilateral = 0, treaties_multilateral = 0, disputes = 0,
         conflicts = 0, contiguous = 0, distance = 0, all_four = 0;
};

void Count(const report::PairSections& s, bool un, Counts* c) {
  const bool ma = !s.missions.sides[0].missions.empty(), mb = !s.missions.sides[1].missions.empty();
  const bool leaders = !s.leaders.sides[0].leaders.empty() && !s.leaders.sides[1].leaders.empty();
  const bool igos = !s.igos.shared.empty();
  ++c->pairs;
  c->missions_any += ma || mb;
  c->missions_both += ma && mb;
  c->leaders_both += leaders;
  c->igos_factbook += igos;
  c->igos_cow += !s.igos.cow_series.empty();
  c->un_votes += un;
  c->alliances_ever += !s.alliances.history.empty();
  c->treaties_bilateral += !s.treaties.bilateral.empty();
  c->treaties_multilateral += s.treaties.multilateral_both > 0;
  c->disputes += !s.conflicts.disputes.empty();
  c->conflicts += !s.conflicts.conflicts.empty();
  c->contiguous += s.geography.contiguity_type > 0;
  c->distance += s.geography.distance_km.has_value();
  c->all_four += s.missions.available && leaders && igos && un;
}

void Print(const char* what, size_t n, size_t of) {
  std::printf("%-58s %6zu  %5.1f %%\n", what, n, of ? 100.0 * n / of : 0.0);
}

void Report(const Counts& c) {
  Print("pairs of current sovereign states", c.pairs, c.pairs);
  Print("missions: at least one way (else the absence is stated)", c.missions_any, c.pairs);
  Print("missions: both ways", c.missions_both, c.pairs);
  Print("leaders: both states", c.leaders_both, c.pairs);
  Print("shared organisations (Factbook)", c.igos_factbook, c.pairs);
  Print("shared IGOs by year (COW IGO)", c.igos_cow, c.pairs);
  Print("UN General Assembly voting agreement", c.un_votes, c.pairs);
  Print("missions section, both leaders, shared IGOs and UN votes", c.all_four, c.pairs);
  Print("ATOP alliance obligations (ever)", c.alliances_ever, c.pairs);
  Print("bilateral treaties", c.treaties_bilateral, c.pairs);
  Print("multilateral treaties both joined", c.treaties_multilateral, c.pairs);
  Print("militarized disputes (COW MID)", c.disputes, c.pairs);
  Print("armed conflicts (UCDP)", c.conflicts, c.pairs);
  Print("direct contiguity in 2016 (COW's last year)", c.contiguous, c.pairs);
  Print("distance between capitals", c.distance, c.pairs);
}

}  // namespace

int main() {
  auto t0 = std::chrono::steady_clock::now();
  auto world = world::World::LoadDefault();
  auto rel = relations::Relations::OpenDefault();
  if (!world.ok() || !rel.ok()) return std::fprintf(stderr, "world or relations pack missing\n"), 1;
  auto snap = kb::Snapshot::OpenOrCompile(**world, kb::Snapshot::DefaultPackDirs(), kb::Snapshot::DefaultPath());
  if (!snap.ok()) return std::fprintf(stderr, "%s\n", snap.status().ToString().c_str()), 1;
  const Date today = TodayUtc();
  std::vector<std::string> keys;
  for (const world::State& s : (*world)->states())
    if (s.kind == world::StateKind::kSovereign && s.ExistsOn(today)) keys.push_back(s.key);
  auto packs = (*snap)->Extract(keys);
  if (!packs.ok()) return std::fprintf(stderr, "%s\n", packs.status().ToString().c_str()), 1;
  kb::LoadReport report;
  auto kb = kb::KnowledgeBase::Build(**world, std::move(packs).value(), &report);
  auto t1 = std::chrono::steady_clock::now();
  Counts c;
  auto number = [](const report::CitedSource&) { return 1; };
  for (size_t i = 0; i < keys.size(); ++i)
    for (size_t j = i + 1; j < keys.size(); ++j) {
      report::PairInputs in{world->get(), kb.get(), rel->get(), "", keys[i], keys[j], today};
      bool un = false;
      for (const auto& v : (*rel)->UnVoteSeries(keys[i], keys[j])) un |= v.year <= today.year() && v.votes_both > 0;
      Count(report::BuildPairSections(in, number), un, &c);
    }
  auto t2 = std::chrono::steady_clock::now();
  std::printf("as of %s, %zu states (load %.1f s, %zu pairs in %.1f s)\n", today.ToString().c_str(), keys.size(),
              std::chrono::duration<double>(t1 - t0).count(), c.pairs, std::chrono::duration<double>(t2 - t1).count());
  Report(c);
  return 0;
}
