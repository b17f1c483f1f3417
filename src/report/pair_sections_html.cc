// HTML rendering of the pair sections: one <section id="pairs">, charts beside their data
// tables. A pure function of the model.
#include <fmt/format.h>
#include <fmt/ranges.h>

#include "graphics/charts.h"
#include "graphics/markup.h"
#include "report/dossier_text.h"
#include "report/html_page.h"
#include "report/pair_sections.h"

namespace dyad::report {
namespace {

using graphics::MarkupWriter;

std::string CiteMarks(const std::vector<int>& cite) {
  std::string s;
  for (int n : cite)
    if (n > 0) s += Cite(n);
  return s;
}
std::string DateText(const std::optional<Date>& d) { return d ? d->ToString() : ""; }

void Para(MarkupWriter& w, const std::string& text, const std::vector<int>& cite = {}, bool note = false) {
  if (note) w.Open("p", {{"class", "dy-note"}});
  else w.Open("p");
  w.Text(text);
  w.Raw(CiteMarks(cite));
  w.Close();
}

// An empty section's or side's line, citing the datasets asked.
void None(MarkupWriter& w, std::string_view what, const PairAsked& asked) { Para(w, NoneRecorded(what, asked), asked.cite, true); }

void Currency(MarkupWriter& w, const std::optional<Date>& cur) {
  if (cur) Para(w, fmt::format("Data to {}; not known after.", cur->ToString()), {}, true);
}

std::string Joined(const std::vector<std::string>& v) {
  std::string s;
  for (const std::string& x : v) s += (s.empty() ? "" : ", ") + x;
  return s;
}

std::string CitesPlain(const std::vector<int>& cite) {
  std::string s;
  for (int n : cite) s += fmt::format("[{}]", n);
  return s;
}

std::vector<std::string> MissionRow(const PairMission& m) {
  std::string seat = m.city.empty() ? m.seat_name : m.city;
  if (!m.resident) seat += " (" + m.seat_name + ")";
  return {m.name, m.kind, seat, m.address.value_or(""), m.resident ? "resident" : "non-resident",
          Joined(m.also_accredited), CitesPlain(m.cite)};
}

void MissionsHtml(MarkupWriter& w, const Dossier& d) {
  const PairMissions& m = d.pairs.missions;
  if (!m.available) return;
  w.Element("h3", "Missions");
  Currency(w, m.current_to);
  for (int i = 0; i < 2; ++i) {
    const std::string caption =
        fmt::format("Missions of {} covering {}", StateInText(d.states[i].name), StateInText(d.states[1 - i].name));
    if (m.sides[i].missions.empty()) {
      None(w, caption + ": none recorded", m.asked);
      continue;
    }
    std::vector<std::vector<std::string>> rows;
    for (const PairMission& x : m.sides[i].missions) rows.push_back(MissionRow(x));
    w.Raw(ScrollRegion(caption, Table(caption, {"Mission", "Type", "Seat", "Address", "Residence", "Also accredited to", "Sources"}, rows)));
  }
}

std::string LeaderText(const PairLeader& l) {
  std::string s = l.person;
  if (!l.title.empty()) s += ", " + l.title;
  if (!l.roles.empty()) s += " (" + fmt::format("{}", fmt::join(l.roles, ", ")) + ")";
  s += LeaderDates(l);
  return s;
}

void LeadersHtml(MarkupWriter& w, const Dossier& d) {
  const PairLeaders& l = d.pairs.leaders;
  if (!l.available) return;
  w.Element("h3", "Leaders " + OnDateText(d.as_of));
  for (const PairLeaderSide& side : l.sides) {
    w.Element("h4", side.state_name);
    if (side.leaders.empty()) {
      None(w, "", l.asked);
      continue;
    }
    w.Open("ul");
    for (const PairLeader& x : side.leaders) {
      w.Open("li");
      w.Text(LeaderText(x));
      for (const PairLeader::OtherStart& o : x.other_starts) {
        w.Text(" (another source gives the start as " + o.start.ToString());
        w.Raw(CiteMarks(o.cite));
        w.Text(")");
      }
      w.Raw(CiteMarks(x.cite));
      w.Close();
    }
    w.Close();
  }
}

std::string ObligationsText(const std::array<bool, 5>& o) {
  std::string s;
  for (int k = 0; k < 5; ++k)
    if (o[k]) s += (s.empty() ? "" : ", ") + std::string(ObligationName(k));
  return s.empty() ? "none" : s;
}

std::string Direction(const Dossier& d, int dir) {
  return StateInText(d.states[dir].name) + " toward " + StateInText(d.states[1 - dir].name);
}

graphics::TimelineSpec AllianceTimeline(const Dossier& d) {
  graphics::TimelineSpec spec;
  spec.title = "Alliance obligations (ATOP), by direction";
  spec.desc = "Years in which ATOP records each obligation";
  spec.id_prefix = "atop";
  std::map<std::string, size_t> lanes;
  for (const AllianceSpell& s : d.pairs.alliances.history) {
    std::string lane = Direction(d, s.direction) + ": " + ObligationName(s.obligation);
    auto [it, added] = lanes.emplace(lane, spec.lanes.size());
    if (added) spec.lanes.push_back({lane, {}});
    spec.lanes[it->second].spans.push_back({ObligationName(s.obligation), *Date::Make(s.from), *Date::Make(s.to)});
  }
  return spec;
}

void AlliancesHtml(MarkupWriter& w, const Dossier& d) {
  const PairAlliances& a = d.pairs.alliances;
  if (!a.available) return;
  w.Element("h3", "Alliance obligations");
  if (a.history.empty()) return None(w, "ATOP records no alliance obligations between them", AskedOf(a.source));
  Para(w, fmt::format("In {}{}: {}: {}; {}: {}.", *a.year, a.beyond_currency ? " (the last year ATOP covers)" : "",
                      Direction(d, 0), ObligationsText(a.on_date[0]), Direction(d, 1), ObligationsText(a.on_date[1])),
       {a.source.cite});
  graphics::TimelineSpec spec = AllianceTimeline(d);
  w.Raw(graphics::RenderFigure(graphics::RenderTimeline(spec), spec.title));
}

void TreatiesHtml(MarkupWriter& w, const Dossier& d) {
  const PairTreaties& t = d.pairs.treaties;
  if (!t.available) return;
  w.Element("h3", "Treaties");
  Para(w, fmt::format("Multilateral treaties both had joined by {}: {}.", d.as_of.ToString(), t.multilateral_both),
       t.multilateral_both > 0 ? t.multilateral_cite : t.asked.cite);
  if (t.bilateral.empty()) return None(w, "No bilateral treaties recorded", t.asked);
  if (std::string listed = TreatiesInAgreementsText(d); !listed.empty()) Para(w, listed, {}, false);
  std::vector<std::vector<std::string>> rows;
  for (const PairTreaty& x : t.bilateral)
    if (!InAgreements(d, x)) rows.push_back({x.name, DateText(x.signed_on), DateText(x.in_force), DateText(x.ended), CitesPlain(x.cite)});
  if (rows.empty()) return;
  const std::string caption = fmt::format("Bilateral treaties ({})", rows.size());
  w.Raw(ScrollRegion(caption, Table(caption, {"Treaty", "Signed", "In force", "Ended", "Sources"}, rows)));
}

void CowIgoChart(MarkupWriter& w, const PairIgos& g) {
  graphics::LineChartSpec line;
  line.title = "Shared IGO memberships per year (COW IGO)";
  line.desc = "Intergovernmental organisations in which both are full members";
  line.x_label = "Year";
  line.y_label = "Organisations";
  line.decimals = 0;
  line.id_prefix = "igo";
  graphics::Series s{"Shared IGOs", {}};
  for (const PairIgoYear& y : g.cow_series) {
    line.x_labels.push_back(std::to_string(y.year));
    s.values.push_back(y.shared);
  }
  line.series.push_back(s);
  w.Raw(graphics::RenderFigure(graphics::RenderLineChart(line), line.title));
}

void IgosHtml(MarkupWriter& w, const Dossier& d) {
  const PairIgos& g = d.pairs.igos;
  if (!g.available) return;
  w.Element("h3", "Shared organisations");
  if (g.shared.empty() && g.cow_series.empty() && g.other_parts.empty() && g.operations.empty())
    return None(w, "", g.asked);
  if (!g.shared.empty())
    Para(w, fmt::format("Both are members of {} organisation{}{}: {}.", g.shared.size(), g.shared.size() == 1 ? "" : "s",
                        g.factbook_recorded ? ", as listed on " + g.factbook_recorded->ToString() : "", Joined(g.shared)),
         g.factbook_cite);
  for (const std::string& line : {OtherPartsText(d), OperationsText(g)})
    if (!line.empty()) Para(w, line, g.factbook_cite);
  if (g.cow_series.empty()) return;
  Para(w, "Shared full memberships by year (COW IGO).", {g.cow.cite});
  CowIgoChart(w, g);
}

void ConflictsHtml(MarkupWriter& w, const Dossier& d) {
  const PairConflicts& k = d.pairs.conflicts;
  if (!k.available) return;
  w.Element("h3", "Disputes and conflicts");
  if (k.disputes.empty() && k.conflicts.empty())
    return Para(w, NoConflictsText(k), AskedOf(k.mid, k.ucdp).cite, true);
  std::vector<std::vector<std::string>> rows;
  for (const PairDispute& x : k.disputes)
    rows.push_back({fmt::format("MID {}", x.dispnum), std::to_string(x.first_year), std::to_string(x.last_year),
                    HostilityName(x.hostility), fmt::format("[{}]", k.mid.cite)});
  for (const PairConflict& x : k.conflicts)
    rows.push_back({fmt::format("UCDP conflict {}", x.conflict_id), std::to_string(x.first_year),
                    std::to_string(x.last_year), x.intensity >= 2 ? "war" : "minor armed conflict",
                    fmt::format("[{}]", k.ucdp.cite)});
  const std::string caption = "Disputes (COW MID) and armed conflicts (UCDP) between them";
  w.Raw(ScrollRegion(caption, Table(caption, {"Dispute or conflict", "From", "To", "Highest level", "Sources"}, rows)));
}

void GeographyHtml(MarkupWriter& w, const Dossier& d) {
  const PairGeography& g = d.pairs.geography;
  if (!g.available) return;
  w.Element("h3", "Neighbours and distance");
  std::string text = fmt::format("Contiguity ({}): {}", DateText(g.contiguity_on), ContiguityText(g.contiguity_type));
  if (g.contiguity_beyond) text += " (the last year COW covers; not known after)";
  if (g.distance_km) text += fmt::format(". Capitals {:.0f} km apart (great circle)", *g.distance_km);
  Para(w, text + ".", {g.contiguity.cite});
}

}  // namespace

std::string RenderPairSectionsHtml(const Dossier& d) {
  if (!d.pairs.built) return "";
  MarkupWriter w;
  w.Open("section", {{"id", "pairs"}});
  w.Element("h2", "Between the two states");
  if (!d.pairs.note.empty()) Para(w, d.pairs.note, {}, true);
  MissionsHtml(w, d);
  LeadersHtml(w, d);
  AlliancesHtml(w, d);
  TreatiesHtml(w, d);
  IgosHtml(w, d);
  ConflictsHtml(w, d);
  GeographyHtml(w, d);
  w.Close();
  return w.Finish();
}

}  // namespace dyad::report
