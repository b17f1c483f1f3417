#include "ingest/code_map.h"

#include <fmt/format.h>

namespace dyad::ingest {

Status CodeMap::Fail(std::string_view code, std::string reason) {
  UnmappedCode& u = unmapped_[std::string(code)];
  if (u.reason.empty()) u.reason = reason;
  ++u.rows;
  return Status::NotFound(std::move(reason));
}

Result<std::string> CodeMap::Map(std::string_view code, std::optional<Date> on) {
  if (code.empty()) return Fail(code, fmt::format("empty {}", label_));
  auto states = world_.ByCode(scheme_, code, on);
  if (states.size() == 1) return states.front()->key;
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
