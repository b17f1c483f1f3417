#include "kb/mission_posts.h"

#include <algorithm>

#include "base/unicode.h"

namespace dyad::kb {
namespace {

// Folded words of a city name (base/unicode.h FoldForMatch), split at spaces, commas, full
// stops and hyphens: "Washington, D.C." -> washington d c.
std::vector<std::string> CityWords(const std::string& name) {
  Result<std::string> folded = FoldForMatch(name);
  const std::string text = folded.ok() ? *folded : name;
  std::vector<std::string> out(1);
  for (char ch : text) {
    if (ch == ' ' || ch == ',' || ch == '.' || ch == '-') {
      if (!out.back().empty()) out.emplace_back();
    } else {
      out.back().push_back(ch);
    }
  }
  if (out.back().empty()) out.pop_back();
  return out;
}

// Kinds whose mission without a city is the sender's embassy there: the Historian's
// "United States Embassy in Germany", "mission to Germany" (POCOM), legations.
bool EmbassyLike(const std::string& kind) {
  return kind == "embassy" || kind == "legation" || kind == "mission" || kind == "bilateral-mission";
}

struct Placed {
  std::string kind, city, post;  // post: the id of its first mission
};

// The post a placed mission joins: the first one of its kind in the same city, else a new one.
std::string PlacedPost(const std::string& id, const std::string& kind, const std::string& city,
                       std::vector<Placed>* posts) {
  for (const Placed& p : *posts)
    if (p.kind == kind && SameCity(p.city, city)) return p.post;
  posts->push_back({kind, city, id});
  return id;
}

// Posts of `kind` (embassy-like kinds: of embassies).
std::vector<std::string> PostsOfKind(const std::string& kind, const std::vector<Placed>& posts) {
  const std::string want = EmbassyLike(kind) ? "embassy" : kind;
  std::vector<std::string> out;
  for (const Placed& p : posts)
    if (p.kind == want) out.push_back(p.post);
  return out;
}

}  // namespace

std::string PostKind(const Entity& mission) {
  const std::string& k = mission.subkind;
  return k.rfind("embassy", 0) == 0 || k == "high-commission" ? std::string("embassy") : k;
}

bool SameCity(const std::string& x, const std::string& y) {
  std::vector<std::string> a = CityWords(x), b = CityWords(y);
  if (a.empty() || b.empty()) return false;
  if (a.size() > b.size()) std::swap(a, b);
  return std::equal(a.begin(), a.end(), b.begin());
}

std::string MissionCity(const KnowledgeBase& kb, const MissionInfo& m) {
  for (const Fact* f : m.facts) {
    if (f->relation != Relation::kMissionLocatedAt || f->subject != m.mission->id || f->object.empty()) continue;
    if (kb.world().Find(f->object) != nullptr) continue;  // located at the state: no city
    return kb.NameOf(f->object);
  }
  return "";
}

std::map<std::string, std::string> PostsOf(const KnowledgeBase& kb, const std::vector<MissionInfo>& missions) {
  std::map<std::string, std::string> out;
  std::vector<Placed> posts;
  std::vector<const Entity*> unplaced;
  for (const MissionInfo& m : missions) {
    const std::string city = MissionCity(kb, m);
    if (city.empty()) {
      unplaced.push_back(m.mission);
      continue;
    }
    out[m.mission->id] = PlacedPost(m.mission->id, PostKind(*m.mission), city, &posts);
  }
  // Without a city: the only post of its kind; embassy-likes with no embassy placed are
  // one post together (the relations guide's "Embassy in Canada", POCOM's "mission to Canada").
  std::string unplaced_embassy;
  for (const Entity* e : unplaced) {
    const std::string kind = PostKind(*e);
    const std::vector<std::string> same = PostsOfKind(kind, posts);
    if (same.size() == 1) {
      out[e->id] = same[0];
    } else if (same.empty() && EmbassyLike(kind)) {
      if (unplaced_embassy.empty()) unplaced_embassy = e->id;
      out[e->id] = unplaced_embassy;
    } else {
      out[e->id] = e->id;
    }
  }
  return out;
}

}  // namespace dyad::kb
