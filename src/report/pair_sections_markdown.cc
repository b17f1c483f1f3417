// Markdown rendering of the pair sections: a pure function of the model.
#include <fmt/format.h>
#include <fmt/ranges.h>

#include "report/dossier_text.h"
#include "report/markdown.h"
#include "report/pair_sections.h"

namespace dyad::report {
namespace {

using Rows = std::vector<std::vector<std::string>>;

std::string Cited(const std::vector<int>& cite) {
  std::string s;
  for (int n : cite)
    if (n > 0) s += fmt::format("\\[{}\\]", n);
  return s.empty() ? s : " " + s;
}
std::string CitesPlain(const std::vector<int>& cite) {
  std::string s;
  for (int n : cite) s += fmt::format("[{}]", n);
  return s;
}
std::string DateText(const std::optional<Date>& d) { return d ? d->ToString() : ""; }
std::string Sub(const std::string& title) { return MarkdownHeading(3, title) + "\n\n"; }
std::string Note(const std::string& text) { return EscapeMarkdown(text) + "\n\n"; }
// An empty section's or side's line, citing the datasets asked.
std::string NoneMd(std::string_view what, const PairAsked& asked) {
  return EscapeMarkdown(NoneRecorded(what, asked)) + Cited(asked.cite) + "\n\n";
}

std::string CurrencyLine(const std::optional<Date>& cur) {
  return cur ? fmt::format("Data to {}; not known after.\n\n", cur->ToString()) : "";
}

std::string MissionWhere(const PairMission& m) {
  std::string s = m.city.empty() ? m.seat_name : m.city;
  if (!m.resident) s += " (" + m.seat_name + ")";
  return s;
}

Rows MissionRows(const PairMissionSide& side) {
  Rows rows;
  for (const PairMission& m : side.missions)
    rows.push_back({m.name, m.kind, MissionWhere(m), m.address.value_or(""), m.resident ? "resident" : "non-resident",
                    [&] {
                      std::string s;
                      for (const std::string& x : m.also_accredited) s += (s.empty() ? "" : ", ") + x;
                      return s;
                    }(),
                    CitesPlain(m.cite)});
  return rows;
}

std::string MissionsMd(const Dossier& d) {
  const PairMissions& m = d.pairs.missions;
  if (!m.available) return "";
  std::string out = Sub("Missions");
  out += CurrencyLine(m.current_to);
  for (int i = 0; i < 2; ++i) {
    const std::string from = d.states[i].name, to = d.states[1 - i].name;
    out += fmt::format("**Missions of {} covering {}**\n\n", EscapeMarkdown(StateInText(from)), EscapeMarkdown(StateInText(to)));
    if (m.sides[i].missions.empty()) {
      out += NoneMd("", m.asked);
      continue;
    }
    out += MarkdownTable({"Mission", "Type", "Seat", "Address", "Residence", "Also accredited to", "Sources"},
                         MissionRows(m.sides[i])) + "\n";
  }
  return out;
}

std::string LeaderLine(const PairLeader& l) {
  std::string s = "- " + EscapeMarkdown(l.person);
  if (!l.title.empty()) s += ", " + EscapeMarkdown(l.title);
  if (!l.roles.empty()) s += " (" + EscapeMarkdown(fmt::format("{}", fmt::join(l.roles, ", "))) + ")";
  s += EscapeMarkdown(LeaderDates(l));
  for (const PairLeader::OtherStart& o : l.other_starts)
    s += EscapeMarkdown(fmt::format(" (another source gives the start as {}", o.start.ToString())) + Cited(o.cite) + ")";
  return s + Cited(l.cite) + "\n";
}

std::string LeadersMd(const Dossier& d) {
  const PairLeaders& l = d.pairs.leaders;
  if (!l.available) return "";
  std::string out = Sub("Leaders " + OnDateText(d.as_of));
  for (const PairLeaderSide& side : l.sides) {
    out += fmt::format("**{}**\n\n", EscapeMarkdown(side.state_name));
    if (side.leaders.empty()) out += NoneMd("", l.asked);
    for (const PairLeader& x : side.leaders) out += LeaderLine(x);
    out += "\n";
  }
  return out;
}

std::string ObligationsText(const std::array<bool, 5>& o) {
  std::string s;
  for (int k = 0; k < 5; ++k)
    if (o[k]) s += (s.empty() ? "" : ", ") + std::string(ObligationName(k));
  return s.empty() ? "none" : s;
}

std::string AlliancesMd(const Dossier& d) {
  const PairAlliances& a = d.pairs.alliances;
  if (!a.available) return "";
  std::string out = Sub("Alliance obligations");
  if (a.history.empty()) return out + NoneMd("ATOP records no alliance obligations between them", AskedOf(a.source));
  const std::string an = StateInText(d.states[0].name), bn = StateInText(d.states[1].name);
  out += EscapeMarkdown(fmt::format("In {}{}: {} toward {}: {}; {} toward {}: {}.", *a.year,
                                    a.beyond_currency ? " (the last year ATOP covers)" : "", an, bn,
                                    ObligationsText(a.on_date[0]), bn, an, ObligationsText(a.on_date[1])));
  out += Cited({a.source.cite}) + "\n\n";
  Rows rows;
  for (const AllianceSpell& s : a.history)
    rows.push_back({s.direction == 0 ? an + " toward " + bn : bn + " toward " + an, ObligationName(s.obligation),
                    std::to_string(s.from), std::to_string(s.to)});
  return out + MarkdownTable({"Direction", "Obligation", "From", "To"}, rows) + "\n";
}

std::string TreatiesMd(const Dossier& d) {
  const PairTreaties& t = d.pairs.treaties;
  if (!t.available) return "";
  std::string out = Sub("Treaties");
  out += EscapeMarkdown(fmt::format("Multilateral treaties both had joined by {}: {}.", d.as_of.ToString(), t.multilateral_both));
  out += Cited(t.multilateral_both > 0 ? t.multilateral_cite : t.asked.cite) + "\n\n";
  if (t.bilateral.empty()) return out + NoneMd("No bilateral treaties recorded", t.asked);
  if (std::string listed = TreatiesInAgreementsText(d); !listed.empty()) out += EscapeMarkdown(listed) + "\n\n";
  Rows rows;
  for (const PairTreaty& x : t.bilateral)
    if (!InAgreements(d, x)) rows.push_back({x.name, DateText(x.signed_on), DateText(x.in_force), DateText(x.ended), CitesPlain(x.cite)});
  if (rows.empty()) return out;
  return out + MarkdownTable({"Bilateral treaty", "Signed", "In force", "Ended", "Sources"}, rows) + "\n";
}

// The series without repeats: the years whose count differs from the year before, and the last.
Rows IgoChangeRows(const std::vector<PairIgoYear>& series) {
  Rows rows;
  for (size_t i = 0; i < series.size(); ++i)
    if (i == 0 || i + 1 == series.size() || series[i].shared != series[i - 1].shared)
      rows.push_back({std::to_string(series[i].year), std::to_string(series[i].shared)});
  return rows;
}

std::string IgosMd(const Dossier& d) {
  const PairIgos& g = d.pairs.igos;
  if (!g.available) return "";
  std::string out = Sub("Shared organisations");
  if (g.shared.empty() && g.cow_series.empty() && g.other_parts.empty() && g.operations.empty())
    return out + NoneMd("", g.asked);
  if (!g.shared.empty()) {
    std::string names;
    for (const std::string& n : g.shared) names += (names.empty() ? "" : ", ") + n;
    out += EscapeMarkdown(fmt::format("Both are members of {} organisation{}{}: {}.", g.shared.size(), g.shared.size() == 1 ? "" : "s",
                                      g.factbook_recorded ? ", as listed on " + g.factbook_recorded->ToString() : "", names));
    out += Cited(g.factbook_cite) + "\n\n";
  }
  for (const std::string& line : {OtherPartsText(d), OperationsText(g)})
    if (!line.empty()) out += EscapeMarkdown(line) + Cited(g.factbook_cite) + "\n\n";
  if (g.cow_series.empty()) return out;
  out += EscapeMarkdown("Shared full memberships in intergovernmental organisations (COW IGO), in the years the "
                        "count changed and the last year") + Cited({g.cow.cite}) + "\n\n";
  return out + MarkdownTable({"Year", "Shared IGOs"}, IgoChangeRows(g.cow_series), {Align::kLeft, Align::kRight}) + "\n";
}

std::string ConflictsMd(const Dossier& d) {
  const PairConflicts& k = d.pairs.conflicts;
  if (!k.available) return "";
  std::string out = Sub("Disputes and conflicts");
  if (k.disputes.empty() && k.conflicts.empty())
    return out + EscapeMarkdown(NoConflictsText(k)) + Cited(AskedOf(k.mid, k.ucdp).cite) + "\n\n";
  Rows rows;
  for (const PairDispute& x : k.disputes)
    rows.push_back({fmt::format("MID {}", x.dispnum), std::to_string(x.first_year), std::to_string(x.last_year),
                    HostilityName(x.hostility), fmt::format("[{}]", k.mid.cite)});
  for (const PairConflict& x : k.conflicts)
    rows.push_back({fmt::format("UCDP conflict {}", x.conflict_id), std::to_string(x.first_year), std::to_string(x.last_year),
                    x.intensity >= 2 ? "war" : "minor armed conflict", fmt::format("[{}]", k.ucdp.cite)});
  return out + MarkdownTable({"Dispute or conflict", "From", "To", "Highest level", "Sources"}, rows) + "\n";
}

std::string GeographyMd(const Dossier& d) {
  const PairGeography& g = d.pairs.geography;
  if (!g.available) return "";
  std::string out = Sub("Neighbours and distance");
  std::string text = fmt::format("Contiguity ({}): {}", DateText(g.contiguity_on), ContiguityText(g.contiguity_type));
  if (g.contiguity_beyond) text += " (the last year COW covers; not known after)";
  if (g.distance_km) text += fmt::format(". Capitals {:.0f} km apart (great circle)", *g.distance_km);
  return out + EscapeMarkdown(text + ".") + Cited({g.contiguity.cite}) + "\n\n";
}

}  // namespace

std::string RenderPairSectionsMarkdown(const Dossier& d) {
  if (!d.pairs.built) return "";
  std::string out = "\n" + MarkdownHeading(2, "Between the two states") + "\n\n";
  if (!d.pairs.note.empty()) out += Note(d.pairs.note);
  out += MissionsMd(d) + LeadersMd(d) + AlliancesMd(d) + TreatiesMd(d) + IgosMd(d) + ConflictsMd(d) + GeographyMd(d);
  while (out.size() > 1 && out.back() == '\n' && out[out.size() - 2] == '\n') out.pop_back();
  return out;
}

}  // namespace dyad::report
