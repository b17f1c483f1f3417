#include "server/completion.h"

#include <algorithm>
#include <set>

#include "base/unicode.h"

namespace dyad::server {

Completion::Completion(const world::World& world) {
  for (const world::State& s : world.states()) {
    for (const world::Name& n : s.names) {
      if (n.kind == world::NameKind::kDemonym || n.kind == world::NameKind::kAdjective) continue;
      Result<std::string> folded = FoldForMatch(n.text);
      if (!folded.ok() || folded->empty()) continue;
      entries_.push_back({*folded, &s, &n, false});
      for (size_t i = folded->find(' '); i != std::string::npos; i = folded->find(' ', i + 1)) {
        if (i + 1 < folded->size()) entries_.push_back({folded->substr(i + 1), &s, &n, true});
      }
    }
  }
  std::sort(entries_.begin(), entries_.end(),
            [](const Entry& a, const Entry& b) { return a.folded < b.folded; });
}

std::vector<Completed> Completion::Complete(std::string_view text, const std::optional<Date>& on,
                                            size_t limit) const {
  Result<std::string> folded = FoldForMatch(text);
  if (!folded.ok() || folded->empty()) return {};
  const std::string& key = *folded;
  struct Hit {
    int rank;
    size_t length;
    const Entry* entry;
  };
  std::vector<Hit> hits;
  const Date when = on.value_or(TodayUtc());
  for (auto it = std::lower_bound(entries_.begin(), entries_.end(), key,
                                  [](const Entry& e, const std::string& k) { return e.folded < k; });
       it != entries_.end() && it->folded.compare(0, key.size(), key) == 0; ++it) {
    const bool valid = it->state->ExistsOn(when) && it->name->valid.ContainsDate(when);
    const int rank = (it->word_start ? 4 : 0) + (valid ? 0 : 2) +
                     (it->state->kind == world::StateKind::kSovereign ? 0 : 1);
    hits.push_back({rank, it->name->text.size(), &*it});
    if (hits.size() > 4096) break;  // enough to rank; bounds the work for one letter
  }
  std::sort(hits.begin(), hits.end(), [](const Hit& a, const Hit& b) {
    return a.rank != b.rank ? a.rank < b.rank : a.length < b.length;
  });
  std::vector<Completed> out;
  std::set<const world::State*> seen;
  for (const Hit& h : hits) {
    if (out.size() >= limit) break;
    if (!seen.insert(h.entry->state).second) continue;
    out.push_back({h.entry->state, h.entry->name->text});
  }
  return out;
}

}  // namespace dyad::server
