#include "report/dossier_model.h"

#include <fmt/format.h>

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

std::string CurrencyLine(const Dossier& d) {
  std::vector<std::string> parts;
  for (const SectionCurrency& s : d.currency)
    parts.push_back(fmt::format("{} {}", s.title, s.current_to ? s.current_to->ToString() : "not recorded"));
  return parts.empty() ? "" : fmt::format("Data current to: {}.", fmt::join(parts, "; "));
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
