// One post, one mission: the missions of one sending state in one receiving state that
// several sources name differently (the Historian's "United States Embassy in Berlin", its
// relations guide's "United States Embassy in Germany", POCOM's "United States mission to
// Germany", Wikidata's "Embassy of the United States in Mitte", now "... in Berlin") are
// one post. The dossier's Diplomatic representation and its pair sections both group
// missions by these posts.
//
// Rule: missions of one sender in one receiver are one post when they are of one kind
// (PostKind: embassies, high commissions and embassy-like Wikidata classes are "embassy")
// and their cities are one city (SameCity: "Frankfurt" and "Frankfurt am Main",
// "Washington" and "Washington, D.C."). A mission with no city (no location, or located at
// the receiving state itself) joins the only post of its kind there; an embassy, legation
// or "mission to <country>" with no city joins the only embassy there.
#ifndef DYAD_KB_MISSION_POSTS_H_
#define DYAD_KB_MISSION_POSTS_H_

#include <map>
#include <string>
#include <vector>

#include "kb/knowledge_base.h"

namespace dyad::kb {

// The kind a post is compared by: "embassy" for every embassy-like subkind, else the subkind.
std::string PostKind(const Entity& mission);
// Two spellings of one city: after folding case and Latin diacritics, the words of one are
// the first words of the other.
bool SameCity(const std::string& x, const std::string& y);
// The city a mission is recorded in (any date), by name; "" when it has none or is
// located at a state.
std::string MissionCity(const KnowledgeBase& kb, const MissionInfo& m);

// Mission id -> the id of the first mission (in `missions`' order) of its post, for every
// mission of `missions` (one sender, one receiver).
std::map<std::string, std::string> PostsOf(const KnowledgeBase& kb, const std::vector<MissionInfo>& missions);

}  // namespace dyad::kb

#endif  // DYAD_KB_MISSION_POSTS_H_
