#include "ingest/code_map.h"

#include <fmt/format.h>

namespace dyad::ingest {

Status CodeMap::Fail(std::string_view code, std::string reason) {
  UnmappedCode& u = unmapped_[std::string(code)];
  if (u.reason.empty()) u.reason = reason;
  ++u.rows;
  return Status::NotFound(std::move(reason));
}

// Schemes that follow system membership already name the predecessor on its dates.
bool FollowsSystem(world::Scheme s) {
  using world::Scheme;
  return s == Scheme::kCowNumeric || s == Scheme::kCowAlpha || s == Scheme::kGwNumeric || s == Scheme::kGwAlpha;
}

// `s`, or the predecessor of `s` that holds its COW code on `on` when `s` holds none then.
std::string CodeMap::AsOf(const world::State& s, std::optional<Date> on) const {
  if (!on || FollowsSystem(scheme_) || s.Code(world::Scheme::kCowNumeric, on)) return s.key;
  std::optional<std::string> cow = s.Code(world::Scheme::kCowNumeric);
  if (!cow) return s.key;
  for (const world::State* p : world_.ByCode(world::Scheme::kCowNumeric, *cow, on))
    for (const world::Link& l : s.links)
      if (l.kind == world::LinkKind::kPredecessor && l.other == p->key) return p->key;
  return s.key;
}

Result<std::string> CodeMap::Map(std::string_view code, std::optional<Date> on) {
  if (code.empty()) return Fail(code, fmt::format("empty {}", label_));
  auto states = world_.ByCode(scheme_, code, on);
  if (states.size() == 1) return AsOf(*states.front(), on);
  if (states.size() > 1) {
    return Fail(code, fmt::format("{} {} names {} states{}", label_, code, states.size(),
                                  on ? fmt::format(" on {}", on->ToString()) : ""));
  }
  if (on) {
    auto ever = world_.ByCode(scheme_, code);
    if (ever.size() == 1) {
      ++outside_[std::string(code)];
      return ever.front()->key;
    }
    if (!ever.empty())
      return Fail(code, fmt::format("{} {} is not valid on {} in the world registry and named "
                                    "{} states at other times", label_, code, on->ToString(), ever.size()));
  }
  return Fail(code, fmt::format("{} {} is not in the world registry", label_, code));
}

std::string_view StripWikidataPrefix(std::string_view url) {
  size_t slash = url.rfind('/');
  return slash == std::string_view::npos ? url : url.substr(slash + 1);
}

}  // namespace dyad::ingest
