#include "report/dossier_model.h"

#include <fmt/format.h>
#include <fmt/ranges.h>

#include <algorithm>
#include <cctype>

#include "world/prose_name.h"

namespace dyad::report {

std::string PlainText(const std::vector<Clause>& clauses) {
  std::string out;
  for (const Clause& clause : clauses) {
    for (const Segment& s : clause) {
      out += s.text;
      if (!s.cite.empty()) out += " ";
      for (int n : s.cite) out += fmt::format("[{}]", n);
    }
    out += ". ";
  }
  if (!out.empty()) out.pop_back();
  return out;
}

bool SectionEmpty(const Dossier& d, std::string_view section) {
  const Memberships& m = d.memberships;
  const auto none = [](const SidedFacts& f) { return f.pair.empty() && f.a.empty() && f.b.empty(); };
  if (section == "agreements") return d.agreements.empty();
  if (section == "memberships") return m.shared.empty() && m.only_a.empty() && m.only_b.empty();
  if (section == "security") return d.security.installations.empty() && d.security.incidents.empty();
  if (section == "assistance") return d.assistance.empty();
  if (section == "opinion") return d.public_opinion.empty();
  if (section == "trade") return none(d.trade_currency);
  if (section == "context") return none(d.context);
  return false;
}

// "A", "A and B", "A, B, and C" (a topic may hold an "and" of its own).
std::string JoinAnd(const std::vector<std::string>& items) {
  if (items.size() < 2) return items.empty() ? "" : items[0];
  return fmt::format("{}{} and {}", fmt::join(items.begin(), items.end() - 1, ", "), items.size() > 2 ? "," : "",
                     items.back());
}

std::string NotRecordedText(const Dossier& d, const NotRecorded& e) {
  std::string topics = JoinAnd(e.topics);
  if (!topics.empty()) topics[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(topics[0])));
  const std::string a = world::StateInText(d.states[0].name), b = world::StateInText(d.states[1].name);
  if (e.cite.empty()) return fmt::format("{}: no source of the knowledge base records such facts for {} or {}", topics, a, b);
  return fmt::format("{}: nothing recorded for {} and {} as of {}, in the sources that record such facts for either",
                     topics, a, b, d.as_of.ToEnglish());
}

size_t MultilateralCount(const Dossier& d) {
  return static_cast<size_t>(std::count_if(d.agreements.begin(), d.agreements.end(),
                                           [](const Group& g) { return g.multilateral; }));
}

Cites AgreementCites(const Group& g) {
  Cites out = g.cite;
  for (const FactStatement& f : g.facts)
    for (int n : f.cite)
      if (std::find(out.begin(), out.end(), n) == out.end()) out.push_back(n);
  return out;
}

std::string CurrencyLine(const Dossier& d) {
  std::vector<std::string> parts;
  for (const SectionCurrency& s : d.currency)
    parts.push_back(fmt::format("{} {}", s.title, s.current_to ? s.current_to->ToString() : "not recorded"));
  return parts.empty() ? "" : fmt::format("Data current to: {}.", fmt::join(parts, "; "));
}

std::string StatusCurrency(const RelationsOverview& r) {
  if (!r.beyond_currency || !r.current_to) return "";
  return fmt::format(" (last recorded {}, not known after)", r.current_to->ToString());
}

std::string TermEndText(const FactStatement& t) {
  if (t.end && t.term && t.term->end_implicit) return "c. " + t.end->ToString() + " (next chief of mission)";
  if (t.end) return t.end->ToString();
  if (t.ongoing) return "present";
  if (t.beyond_currency && t.current_to) return "last recorded " + t.current_to->ToString();
  return "";
}

namespace {

std::string Head(const FactStatement& h) { return fmt::format("{} ({}, {})", h.term->person, h.term->role_title, h.when); }

// The dates of a last record without its currency mark (the cell states the currency once).
std::string LastWhen(const FactStatement& f) {
  if (f.end) return f.when;
  return f.start ? "since " + f.start->ToEnglish() : "undated";
}

// The last record of the post: an open term past its source, else the previous term.
const FactStatement* LastOf(const Envoys& e) {
  return !e.last_recorded.empty() ? &e.last_recorded[0] : e.previous ? &*e.previous : nullptr;
}

}  // namespace

Segment EnvoyText(const Envoys& e) {
  if (!e.heads.empty()) return {Head(e.heads[0]), e.heads[0].cite};
  if (!e.undated.empty()) return {Head(e.undated[0]), e.undated[0].cite};
  if (!e.vacant.empty()) return {"vacant", e.vacant[0].cite};
  const FactStatement* last = LastOf(e);
  if (last == nullptr) return {"—", {}};
  const std::string who = fmt::format("{}, {}", last->term->person, LastWhen(*last));
  if (e.beyond_currency && e.current_to)
    return {fmt::format("not known after {} (last recorded: {})", e.current_to->ToString(), who), last->cite};
  return {fmt::format("none recorded on this date (last: {})", who), last->cite};
}

}  // namespace dyad::report
