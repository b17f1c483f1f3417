#include "ingest/territory_keys.h"

#include <fmt/format.h>

#include <algorithm>
#include <set>

#include "base/strings.h"
#include "base/line_reader.h"
#include "base/unicode.h"

namespace dyad::ingest {
namespace {

std::string Upper(std::string_view s) {
  std::string out(s);
  for (char& c : out)
    if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
  return out;
}

// The dates a former gsh territory's names are read at, in order: 1 January of its last
// year ("republic-of-china-1949", valid 1912-1949, is read on 1949-01-01: the mainland
// ROC, before Taiwan's state begins on 1949-12-08), 31 December of the year before
// ("czechoslovakia-1993"), 1 July of the middle year (a name that ended before the
// territory's last year: "central-african-empire-1980"). Empty for territories still
// valid ("9999") or without a readable end year.
int Year(std::string_view text) {
  if (text.size() != 4) return 0;
  int year = 0;
  for (char c : text) {
    if (c < '0' || c > '9') return 0;
    year = year * 10 + (c - '0');
  }
  return year;
}

std::vector<Date> TerritoryDates(const TerritoryRecord& tr) {
  const int last = Year(tr.valid_until);
  if (last == 0 || last == 9999) return {};
  const int first = Year(tr.valid_since) != 0 ? Year(tr.valid_since) : last;
  std::vector<Date> out;
  for (auto d : {Date::Make(last, 1, 1), Date::Make(last - 1, 12, 31),
                 Date::Make((first + last) / 2, 7, 1)})
    if (d.ok()) out.push_back(*d);
  return out;
}

}  // namespace

Result<std::vector<OverrideRow>> ReadOverrides(const std::string& path) {
  DYAD_ASSIGN_OR_RETURN(auto reader, LineReader::Open(path));
  std::vector<OverrideRow> rows;
  std::string_view line;
  while (reader->Next(&line)) {
    uint64_t n = reader->line_number();
    if (n == 1 || line.empty() || line[0] == '#') continue;  // header, blank, comment
    auto cols = SplitTabs(line);
    if (cols.size() != 3)
      return Status::InvalidArgument(fmt::format("{}:{}: expected 3 tab-separated columns "
                                                 "(historian_id, key, source), found {}",
                                                 path, n, cols.size()));
    if (cols[0].empty() || cols[1].empty() || cols[2].empty())
      return Status::InvalidArgument(fmt::format("{}:{}: empty field", path, n));
    rows.push_back({std::string(cols[0]), std::string(cols[1]), std::string(cols[2]), n});
  }
  DYAD_RETURN_IF_ERROR(reader->status());
  return rows;
}

TerritoryKeys TerritoryKeys::Make(const HistorianData& data, const world::Resolver* resolver,
                                  std::vector<OverrideRow> overrides) {
  TerritoryKeys t;
  t.resolver_ = resolver;
  t.world_ = resolver != nullptr ? &resolver->world() : nullptr;
  for (OverrideRow& row : overrides) t.overrides_[row.id] = std::move(row);
  for (const auto& [id, c] : data.countries) {
    if (c.iso2.size() == 2 && c.iso2[0] != 'x') t.iso2_[id] = Upper(c.iso2);
    if (!c.label.empty()) t.names_[id].push_back(c.label);
  }
  for (const TerritoryRecord& tr : data.territories) {
    auto& names = t.names_[tr.id];
    if (!tr.short_name.empty()) names.push_back(tr.short_name);
    if (!tr.long_name.empty() && tr.long_name != "-") names.push_back(tr.long_name);
    if (auto on = TerritoryDates(tr); !on.empty()) t.dates_[tr.id] = std::move(on);
  }
  // Ids known only to rdcr, visits or travels ("bavaria", "czechia") resolve by the label
  // those datasets give them, when gsh has no name for them.
  auto label = [&t](const std::string& id, std::string name) {
    while (!name.empty() && name.back() == '*') name.pop_back();  // rdcr marks former states
    if (id.empty() || name.empty()) return;
    if (t.names_.count(id) && !t.extra_.count(id)) return;
    auto& v = t.names_[id];
    if (std::find(v.begin(), v.end(), name) == v.end()) v.push_back(std::move(name));
    t.extra_.insert(id);
  };
  for (const RdcrEntry& e : data.rdcr) label(e.article_id, e.article_title);
  for (const VisitRecord& v : data.visits) label(v.from_id, v.from_label);
  for (const TripRecord& tr : data.trips) label(tr.country_id, tr.country_label);
  return t;
}

std::string TerritoryKeys::ByName(std::string_view id, std::string_view name) const {
  world::ResolveOptions o;
  o.exact = true;
  o.allow_codes = false;
  o.allow_demonyms = false;
  o.other_languages = false;
  auto d = dates_.find(id);
  if (d == dates_.end()) {
    const world::Resolution r = resolver_->Resolve(name, o);
    return r.best() != nullptr ? r.best()->state->key : "";
  }
  o.strict_dates = true;
  for (const Date& on : d->second) {
    o.on = on;
    const world::Resolution r = resolver_->Resolve(name, o);
    if (r.outcome != world::Resolution::Outcome::kNoMatch)
      return r.best() != nullptr ? r.best()->state->key : "";
  }
  return "";
}

Result<KeyResolution> TerritoryKeys::Resolve(std::string_view id) const {
  auto it = memo_.find(id);
  if (it != memo_.end()) return it->second;
  std::string key(id);
  Result<KeyResolution> r = ResolveUncached(key);
  memo_.emplace(key, r);
  return r;
}

Result<KeyResolution> TerritoryKeys::ResolveUncached(const std::string& id) const {
  if (id.empty()) return Status::NotFound("no territory id given");
  if (auto o = overrides_.find(id); o != overrides_.end()) {
    if (o->second.key == "-")
      return Status::NotFound(fmt::format("'{}' is deliberately unmapped: {}", id, o->second.source));
    if (world_ != nullptr && world_->Find(o->second.key) == nullptr)
      return Status::NotFound(fmt::format("override maps '{}' to '{}', which World does not know",
                                          id, o->second.key));
    return KeyResolution{o->second.key, fmt::format("override ({})", o->second.source)};
  }
  if (world_ == nullptr)
    return Status::NotFound(fmt::format("'{}' is not in the override table and no World is loaded", id));
  std::vector<std::string> tried;
  // Names first: gsh's alpha-2 column holds a few FIPS codes ("cw" for the Cook Islands,
  // which is Curacao in ISO), so a name match wins over the code.
  auto n = names_.find(id);
  if (n != names_.end()) {
    for (const std::string& name : n->second) {
      std::string key = ByName(id, name);
      if (!key.empty()) return KeyResolution{key, fmt::format("name '{}'", name)};
      tried.push_back(fmt::format("name '{}'", name));
    }
  }
  if (auto c = iso2_.find(id); c != iso2_.end()) {
    auto states = world_->ByCode(world::Scheme::kIso2, c->second);
    if (states.size() == 1) return KeyResolution{states[0]->key, "iso2 " + c->second};
    tried.push_back(fmt::format("iso2 {} ({} states)", c->second, states.size()));
  }
  if (tried.empty())
    return Status::NotFound(fmt::format("'{}' is neither a gsh territory nor a gsh country", id));
  std::string what;
  for (const std::string& t : tried) what += (what.empty() ? "" : ", ") + t;
  return Status::NotFound(fmt::format("no World state for '{}' (tried {})", id, what));
}

}  // namespace dyad::ingest
