// HTML rendering of the dossier model: one self-contained page (inline CSS and SVG, no
// script, no network request), light or dark after the reader's preference, printable.
// A pure function of the model: it sees only the model's types.
#include <fmt/format.h>

#include <algorithm>
#include <map>

#include "graphics/charts.h"
#include "report/dossier.h"
#include "report/dossier_text.h"
#include "report/html_page.h"
#include "report/pair_sections.h"
#include "graphics/locator_map.h"
#include "graphics/markup.h"

namespace dyad::report {

using namespace graphics;  // NOLINT: the drawing kit below report
namespace {

std::string DateText(const std::optional<Date>& d, std::string_view unknown = "") {
  return d ? d->ToString() : std::string(unknown);
}

class Page {
 public:
  explicit Page(const Dossier& d) : d_(d) {}

  void Cite(const Cites& cite) {
    if (cite.empty()) return;
    w_->Open("sup", {{"class", "dy-cite"}});
    for (int n : cite) w_->Element("a", fmt::format("[{}]", n), {{"href", fmt::format("#src-{}", n)}});
    w_->Close();
  }

  // Text followed by its citation marks.
  void TextCited(const std::string& text, const Cites& cite) {
    w_->Text(text);
    Cite(cite);
  }

  // <tag>text [n]</tag>
  void CitedElement(std::string_view tag, const std::string& text, const Cites& cite) {
    w_->Open(tag);
    TextCited(text, cite);
    w_->Close();
  }

  // A muted note; none for empty text.
  void Note(std::string_view text) {
    if (!text.empty()) w_->Element("p", text, {{"class", "dy-note"}});
  }

  // "<strong>when</strong> — ", nothing for an empty date.
  void When(const std::string& when) {
    if (when.empty()) return;
    w_->Element("strong", when);
    w_->Text(" — ");
  }

  // "<li><strong>when</strong> — text [n]</li>"
  void Item(const std::string& when, const std::string& text, const Cites& cite) {
    w_->Open("li");
    When(when);
    TextCited(text, cite);
    w_->Close();
  }
  // "<li><strong>when</strong> — text [n] (another source gives when [m])</li>"
  void Item(const std::string& when, const std::string& text, const Cites& cite, const std::vector<OtherDate>& also) {
    w_->Open("li");
    When(when);
    TextCited(text, cite);
    OtherDates(also);
    w_->Close();
  }
  void OtherDates(const std::vector<OtherDate>& also) {
    for (size_t i = 0; i < also.size(); ++i) {
      const char* lead = also.size() == 1 ? " (another source gives " : " (other sources give ";
      w_->Text(i == 0 ? lead : "; ");
      w_->Text(also[i].when);
      Cite(also[i].cite);
    }
    if (!also.empty()) w_->Text(")");
  }
  void Item(const FactStatement& f) { Item(f.when, f.text, f.cite, f.also); }
  void Item(const OccurrenceStatement& o) { Item(o.when, o.text, o.cite, o.also); }
  void Item(const TimelineItem& i) { i.fact ? Item(*i.fact) : Item(*i.occurrence); }

  template <typename List>
  void Bullets(const List& items) {
    w_->Open("ul");
    for (const auto& item : items) Item(item);
    w_->Close();
  }

  // The items as a bulleted list, or the note `empty` when there are none.
  template <typename List>
  void FactList(const List& items, std::string_view empty) {
    if (items.empty()) return Note(empty);
    Bullets(items);
  }

  void SectionOpen(std::string_view id, std::string_view title) {
    w_->Open("section", {{"id", id}});
    w_->Element("h2", title);
  }

  // Clauses of generated prose, each cited segment followed by its citation links.
  void Clauses(const std::vector<Clause>& clauses) {
    for (size_t i = 0; i < clauses.size(); ++i) ClauseText(clauses[i], i + 1 < clauses.size() ? ". " : ".");
  }
  void ClauseText(const Clause& clause, std::string_view end) {
    for (const Segment& s : clause) TextCited(s.text, s.cite);
    w_->Text(end);
  }

  MarkupWriter& w() { return *w_; }
  const Dossier& d() const { return d_; }
  // Sends output to `to` until the next call; returns the previous writer.
  MarkupWriter* Swap(MarkupWriter* to) { return std::exchange(w_, to); }

 private:
  const Dossier& d_;
  MarkupWriter main_;
  MarkupWriter* w_ = &main_;
};

// Writes a table through `build` into a scrollable region, so a wide table scrolls
// sideways on a phone instead of widening the page.
template <typename Build>
void ScrollTable(Page& p, const std::string& caption, Build build) {
  MarkupWriter table;
  MarkupWriter* outer = p.Swap(&table);
  table.Open("table", {{"class", "dy-table"}});
  table.Element("caption", caption);
  build(table);
  table.Close();
  p.Swap(outer);
  p.w().Raw(ScrollRegion(caption, table.Finish()));
}

void HeaderRow(MarkupWriter& w, const std::vector<std::string>& headers) {
  w.Open("tr");
  for (const std::string& h : headers) w.Element("th", h, {{"scope", "col"}});
  w.Close();
}

const std::string& AName(const Dossier& d) { return d.states[0].name; }
const std::string& BName(const Dossier& d) { return d.states[1].name; }

// The markup `write` produces through the page's writer (so citations work inside).
template <typename Write>
std::string Capture(Page& p, Write write) {
  MarkupWriter into;
  MarkupWriter* outer = p.Swap(&into);
  write(into);
  p.Swap(outer);
  return into.Finish();
}

// ---- infobox ------------------------------------------------------------------------------

struct MapFigure {
  std::string svg, caption, note;
};

MapFigure DrawMap(const Dossier& d) {
  MapFigure fig;
  fig.note = d.map.note;
  if (!d.map.spec || d.map.atlas == nullptr) return fig;
  Result<LocatorMap> map = RenderLocatorMap(*d.map.spec, *d.map.atlas);
  if (!map.ok()) {
    fig.note = map.status().message();
    return fig;
  }
  fig.svg = map->svg;
  fig.caption = fmt::format("{} and {}. {}", AName(d), BName(d), map->projection);
  fig.note = map->note;
  return fig;
}

void MissionLines(Page& p, const Mission& m) {
  p.w().Element("div", m.name);
  if (m.address) p.CitedElement("div", *m.address, m.address_cite);
}

void MissionCell(Page& p, const std::vector<Mission>& list) {
  if (list.empty()) p.w().Text("none recorded");
  for (const Mission& m : list) MissionLines(p, m);
}

// The head of mission shown: the first current one, else the first undated one.
const FactStatement* ShownHead(const Envoys& e) {
  return !e.heads.empty() ? &e.heads[0] : !e.undated.empty() ? &e.undated[0] : nullptr;
}

void HeadLines(Page& p, const FactStatement& h) {
  p.w().Element("div", h.term->person);
  p.CitedElement("div", h.term->role_title + ", " + h.when, h.cite);
}

void EnvoyCell(Page& p, const Envoys& e) {
  if (const FactStatement* h = ShownHead(e)) return HeadLines(p, *h);
  const Segment text = EnvoyText(e);
  p.TextCited(text.text, text.cite);
}

void RelationsCell(Page& p) {
  const FactStatement* since = p.d().RelationsSince();
  if (since == nullptr) return p.w().Text(p.d().overview.relations.state);
  p.TextCited("since " + since->when, since->cite);
}

std::string InfoboxHtml(Page& p, const MapFigure& map) {
  const Dossier& d = p.d();
  std::vector<InfoboxRow> rows;
  auto both = [&](const std::string& label, auto cell) {
    for (int side = 0; side < 2; ++side)
      rows.push_back({fmt::format("{} ({})", label, d.states[side].name), Capture(p, [&](MarkupWriter&) { cell(side); })});
  };
  both("Capital", [&](int side) { p.w().Text(d.states[side].capital); });
  both("Mission", [&](int side) {
    MissionCell(p, side == 0 ? d.representation.missions.a_in_b : d.representation.missions.b_in_a);
  });
  both("Chief of mission", [&](int side) { EnvoyCell(p, side == 0 ? d.envoys.a_in_b : d.envoys.b_in_a); });
  rows.push_back({"Diplomatic relations", Capture(p, [&](MarkupWriter&) { RelationsCell(p); })});
  return Infobox(d.title, map.svg, map.caption, rows);
}

// ---- sections -----------------------------------------------------------------------------

// "Status on 1 May 2024: <strong>in relations</strong>." ("Status in 1980" for a year).
void StatusLine(Page& p) {
  p.w().Open("p");
  p.w().Text(fmt::format("Status {}: ", OnDate(p.d().as_of)));
  const RelationsOverview& rel = p.d().overview.relations;
  p.w().Element("strong", rel.state);
  p.w().Text(StatusCurrency(rel) + ".");
  p.w().Close();
}

// Recognition, establishment and the last break, in that order.
std::vector<FactStatement> RelationsFacts(const RelationsOverview& rel) {
  std::vector<FactStatement> items = rel.recognition;
  items.insert(items.end(), rel.since.begin(), rel.since.end());
  if (rel.last_break) items.push_back(*rel.last_break);
  return items;
}

void OverviewHtml(Page& p) {
  const RelationsOverview& rel = p.d().overview.relations;
  p.SectionOpen("overview", "Overview");
  p.w().Open("p");
  p.Clauses(p.d().overview.summary);
  p.w().Close();
  StatusLine(p);
  p.FactList(RelationsFacts(rel), "No recognition or relations facts recorded.");
  if (rel.recognition_disagrees || rel.sources_disagree)
    p.Note("Sources disagree on these dates; each is shown with its source.");
  p.w().Close();
}

// The first words of `text`, cut at a space before 48 bytes (never inside a character).
std::string ShortLabel(const std::string& text) {
  if (text.size() <= 48) return text;
  size_t cut = text.rfind(' ', 47);
  return text.substr(0, cut == std::string::npos ? 0 : cut) + " …";
}

void AddTermSpan(const FactStatement& t, TimelineLane* lane) {
  if (t.start && !t.vacant) lane->spans.push_back({t.term->person, *t.start, t.end});
}

// The dated terms of chiefs of mission (vacancies left out), as spans of one lane.
TimelineLane EnvoyLane(const std::vector<FactStatement>& chiefs, const std::string& label) {
  TimelineLane lane{label, {}};
  for (const FactStatement& t : chiefs) AddTermSpan(t, &lane);
  return lane;
}

// The dated happenings of the timeline, as marks.
std::vector<TimelineMark> HappeningMarks(const Dossier& d) {
  std::vector<TimelineMark> marks;
  for (const TimelineYear& y : d.timeline)
    for (const TimelineItem& item : y.items)
      if (item.occurrence && item.occurrence->start)
        marks.push_back({ShortLabel(item.occurrence->text), *item.occurrence->start});
  return marks;
}

// The envoys of both sides (lanes with terms only) and the pair's happenings.
TimelineSpec EnvoyTimeline(const Dossier& d) {
  TimelineSpec spec;
  spec.title = "Envoys and happenings over time";
  spec.desc = fmt::format("Terms of the chiefs of mission of {} and {}, and dated happenings", AName(d), BName(d));
  spec.id_prefix = "tl";
  for (TimelineLane lane : {EnvoyLane(d.representation.chiefs.a_in_b, AName(d) + " envoys"),
                            EnvoyLane(d.representation.chiefs.b_in_a, BName(d) + " envoys")})
    if (!lane.spans.empty()) spec.lanes.push_back(std::move(lane));
  spec.marks = HappeningMarks(d);
  spec.to = d.as_of.year() + 1;
  return spec;
}

// The envoys of both sides and the pair's happenings on one time axis.
void EnvoyStrip(Page& p) {
  const TimelineSpec spec = EnvoyTimeline(p.d());
  if (spec.lanes.empty() && spec.marks.empty()) return;
  p.w().Raw(RenderFigure(RenderTimeline(spec), spec.title));
}

void TimelineYearHtml(Page& p, const TimelineYear& y) {
  p.w().Element("h3", y.year ? std::to_string(*y.year) : std::string("Undated"));
  p.FactList(y.items, "");
}

void Timeline(Page& p) {
  p.SectionOpen("timeline", "Timeline");
  if (p.d().timeline.empty()) p.Note("No dated facts or happenings are recorded for this pair.");
  for (const TimelineYear& y : p.d().timeline) TimelineYearHtml(p, y);
  p.w().Close();
}

void ChiefRow(Page& p, MarkupWriter& w, const FactStatement& t) {
  w.Open("tr");
  w.Element("td", t.vacant ? std::string("(post vacant)") : t.term->person);
  w.Element("td", t.vacant ? std::string() : t.term->role_title);
  w.Element("td", DateText(t.start, "?"));
  w.Element("td", TermEndText(t));
  p.CitedElement("td", "", t.cite);
  w.Close();
}

void ChiefsTable(Page& p, const std::vector<FactStatement>& chiefs, const std::string& caption) {
  if (chiefs.empty()) return p.Note(caption + ": none recorded.");
  ScrollTable(p, caption, [&](MarkupWriter& w) {
    HeaderRow(w, {"Name", "Title", "From", "To", "Sources"});
    for (const FactStatement& t : chiefs) ChiefRow(p, w, t);
  });
}

void MissionHtml(Page& p, const Mission& m) {
  p.w().Element("h4", m.name, {{"id", "m-" + m.id}});
  p.FactList(m.facts, "No dated facts about this mission.");
}

void MissionsOf(Page& p, const std::vector<Mission>& missions, const std::string& title) {
  p.w().Element("h3", "Missions of " + title);
  if (missions.empty()) p.Note("None recorded.");
  for (const Mission& m : missions) MissionHtml(p, m);
}

// A step of the reporting chain: the entity, its holders, the link's citation.
void ChainStepHtml(Page& p, const ChainStep& step) {
  p.w().Open("li");
  p.w().Text(step.name);
  for (const FactStatement& h : step.holders)
    p.TextCited(fmt::format(" — {}{}", h.holder->person, h.holder->acting ? " (acting)" : ""), h.cite);
  if (step.link) p.Cite(step.link->cite);
  p.w().Close();
}

bool AnyHolder(const Office& o) {
  return std::any_of(o.chain.begin(), o.chain.end(), [](const ChainStep& s) { return !s.holders.empty(); });
}

// The chain is one date's: its holders are those in office on the dossier's date.
void OfficeHtml(Page& p, const Office& o) {
  MarkupWriter& w = p.w();
  w.Element("h3", "Responsible office: " + o.name);
  p.FactList(std::vector<FactStatement>{o.responsible_for}, "");
  if (o.chain.empty()) return;
  p.Note(fmt::format("Reporting chain {}{}:", OnDate(p.d().as_of),
                     AnyHolder(o) ? "" : " (no holder recorded for that date)"));
  w.Open("ol", {{"aria-label", "Reporting chain"}});
  for (const ChainStep& step : o.chain) ChainStepHtml(p, step);
  w.Close();
}

void RepresentationHtml(Page& p) {
  const Dossier& d = p.d();
  const Representation& r = d.representation;
  p.SectionOpen("representation", "Diplomatic representation");
  EnvoyStrip(p);
  const std::string ab = AName(d) + " in " + BName(d), ba = BName(d) + " in " + AName(d);
  MissionsOf(p, r.missions.a_in_b, ab);
  ChiefsTable(p, r.chiefs.a_in_b, "Chiefs of mission, " + ab);
  MissionsOf(p, r.missions.b_in_a, ba);
  ChiefsTable(p, r.chiefs.b_in_a, "Chiefs of mission, " + ba);
  for (const auto* side : {&r.offices_a, &r.offices_b})
    for (const Office& o : *side) OfficeHtml(p, o);
  p.w().Close();
}

void GroupHtml(Page& p, const Group& g) {
  p.CitedElement("h3", g.name, g.cite);
  p.FactList(g.facts, "");
}

// A bilateral agreement: its one status with its dates, then what each source says of it.
void BilateralHtml(Page& p, const Group& g) {
  p.CitedElement("h3", g.name + " — " + g.status_text, g.cite);
  p.FactList(g.facts, "");
}

// The multilateral treaties both joined, one line each: name, status, every citation.
void MultilateralHtml(Page& p, const std::vector<Group>& agreements) {
  MarkupWriter& w = p.w();
  w.Element("h3", fmt::format("Multilateral treaties both joined ({})", MultilateralCount(p.d())));
  w.Open("ul");
  for (const Group& g : agreements) {
    if (!g.multilateral) continue;
    w.Open("li");
    w.Element("strong", g.name);
    p.TextCited(" — " + g.status_text, AgreementCites(g));
    w.Close();
  }
  w.Close();
}

void AgreementsHtml(Page& p) {
  const Dossier& d = p.d();
  if (SectionEmpty(d, "agreements")) return;
  p.SectionOpen("agreements", "Agreements");
  for (const Group& g : d.agreements)
    if (!g.multilateral) BilateralHtml(p, g);
  if (MultilateralCount(d) > 0) MultilateralHtml(p, d.agreements);
  p.w().Close();
}

// The part when not a full member: "observer; listed 22 January 2026".
void MembershipCell(Page& p, const FactStatement* f) {
  if (f == nullptr) return p.w().Element("td", "—");
  const bool member = !f->membership || f->membership->full_member();
  p.CitedElement("td", member ? f->when : f->membership->RoleText() + "; " + f->when, f->cite);
}

void MembershipRow(Page& p, MarkupWriter& w, const std::string& org, const FactStatement* a, const FactStatement* b) {
  w.Open("tr");
  w.Element("td", org);
  MembershipCell(p, a);
  MembershipCell(p, b);
  w.Close();
}

void MembershipsTable(Page& p) {
  const Dossier& d = p.d();
  const Memberships& m = d.memberships;
  ScrollTable(p, "Memberships in international organizations " + OnDate(d.as_of), [&](MarkupWriter& w) {
    HeaderRow(w, {"Organization", AName(d), BName(d)});
    for (const SharedMembership& s : m.shared) MembershipRow(p, w, s.organization_name, &s.a, &s.b);
    for (const FactStatement& s : m.only_a) MembershipRow(p, w, s.membership->organization_name, &s, nullptr);
    for (const FactStatement& s : m.only_b) MembershipRow(p, w, s.membership->organization_name, nullptr, &s);
  });
}

void MembershipsHtml(Page& p) {
  const Dossier& d = p.d();
  if (SectionEmpty(d, "memberships")) return;
  p.SectionOpen("memberships", "Memberships");
  MembershipsTable(p);
  p.w().Close();
}

// Poll n's answers as horizontal bars.
HBarChartSpec PollChart(const Group& poll, int n) {
  HBarChartSpec spec;
  spec.title = poll.name;
  spec.desc = fmt::format("{} {}", poll.poll->pollster, poll.poll->year);
  spec.id_prefix = fmt::format("poll{}", n);
  for (const PollAnswer& a : poll.poll->results) spec.items.push_back({a.answer, a.percent});
  return spec;
}

void Opinion(Page& p) {
  if (SectionEmpty(p.d(), "opinion")) return;
  p.SectionOpen("opinion", "Public opinion");
  for (size_t n = 0; n < p.d().public_opinion.size(); ++n) {
    const Group& poll = p.d().public_opinion[n];
    p.w().Raw(RenderFigure(RenderHBarChart(PollChart(poll, static_cast<int>(n))), poll.name));
    p.FactList(poll.facts, "");
  }
  p.w().Close();
}

// ---- events -------------------------------------------------------------------------------

LineChartSpec GoldsteinChart(const EventsSection& e) {
  LineChartSpec line;
  line.title = "Mean Goldstein score per month";
  line.desc = "Monthly mean Goldstein score of events in each direction (−10 hostile … +10 cooperative)";
  line.y_label = "Mean Goldstein";
  line.id_prefix = "gold";
  for (const EventDirection& dir : e.directions) {
    Series series{fmt::format("{} → {}", dir.source, dir.target), {}};
    const bool first = line.x_labels.empty();
    for (const MonthPoint& pt : dir.monthly) {
      if (first) line.x_labels.push_back(pt.period);
      series.values.push_back(pt.goldstein_mean);
    }
    if (series.values.size() == line.x_labels.size()) line.series.push_back(series);
  }
  return line;
}

BarChartSpec QuadChart(const EventsSection& e) {
  BarChartSpec bars;
  bars.title = "Events per year by quad class";
  bars.desc = "Verbal/material cooperation and conflict, both directions";
  bars.id_prefix = "quad";
  std::map<int, std::array<double, 4>> by_year;
  for (const EventDirection& dir : e.directions)
    for (const MonthPoint& pt : dir.monthly)
      for (int k = 0; k < 4; ++k) by_year[pt.month.year()][k] += static_cast<double>(pt.quad[k]);
  for (const char* name : {"Verbal cooperation", "Material cooperation", "Verbal conflict", "Material conflict"})
    bars.segments.push_back({name, {}});
  for (const auto& [year, q] : by_year) {
    bars.categories.push_back(std::to_string(year));
    for (int k = 0; k < 4; ++k) bars.segments[k].values.push_back(q[k]);
  }
  return bars;
}

void NotableMonthLine(MarkupWriter& w, const char* label, const std::optional<NotableMonth>& m) {
  if (!m) return;
  w.Element("p", fmt::format("{}: {} (mean Goldstein {:.2f}, {} events)", label, m->period, m->goldstein_mean, m->count));
}

void TopCodesTable(Page& p, const std::vector<CodeCount>& codes) {
  if (codes.empty()) return;
  ScrollTable(p, "Most frequent event types, both directions", [&](MarkupWriter& t) {
    HeaderRow(t, {"CAMEO", "Event type", "Events"});
    for (const CodeCount& c : codes) {
      t.Open("tr");
      t.Element("td", c.code);
      t.Element("td", c.label);
      t.Element("td", std::to_string(c.count), {{"class", "dy-num"}});
      t.Close();
    }
  });
}

void EventsHtml(Page& p) {
  const EventsSection& e = p.d().events;
  MarkupWriter& w = p.w();
  p.SectionOpen("events", "Event-based relations index");
  if (!e.available()) {
    w.Element("p", e.note, {{"class", "dy-note"}});
    w.Close();
    return;
  }
  w.Element("p", fmt::format("{} coded events between the two states in {}.", e.total, e.store));
  if (e.year_precision > 0) w.Element("p", YearPrecisionText(e));
  const LineChartSpec line = GoldsteinChart(e);
  w.Raw(RenderFigure(RenderLineChart(line), line.title));
  const BarChartSpec bars = QuadChart(e);
  w.Raw(RenderFigure(RenderBarChart(bars), bars.title));
  NotableMonthLine(w, "Most cooperative month", e.most_cooperative);
  NotableMonthLine(w, "Most hostile month", e.most_hostile);
  TopCodesTable(p, e.top_codes);
  w.Close();
}

// ---- sources, see also, the page ------------------------------------------------------------

// A source for the page's list: the author goes before the publisher.
SourceEntry SourceEntryOf(const CitedSource& s) {
  SourceEntry e{s.n, s.title, s.publisher, DateText(s.date), s.url, s.licence};
  if (!s.author.empty()) e.publisher = s.author + (e.publisher.empty() ? "" : ". " + e.publisher);
  if (s.current_to) e.date += std::string(e.date.empty() ? "" : "; ") + "current to " + s.current_to->ToString();
  return e;
}

void Sources(Page& p) {
  std::vector<SourceEntry> entries;
  for (const CitedSource& s : p.d().sources) entries.push_back(SourceEntryOf(s));
  p.SectionOpen("sources", "Sources");
  p.w().Raw(SourceList(entries));
  p.w().Close();
}

void SeeAlso(Page& p) {
  MarkupWriter& w = p.w();
  p.SectionOpen("see-also", "See also");
  w.Open("ul");
  for (const SeeAlsoEntry& s : p.d().see_also) {
    w.Open("li");
    if (!s.anchor.empty()) w.Element("a", s.label, {{"href", "#" + s.anchor}});
    else w.Text(s.label);
    if (!s.command.empty()) {
      w.Text(": ");
      w.Element("code", s.command);
    }
    w.Close();
  }
  w.Close();
  w.Close();
}

// A section of statements; none when it is empty (the not-recorded section says so).
template <typename List>
void SimpleSection(Page& p, std::string_view id, std::string_view title, const List& items) {
  if (SectionEmpty(p.d(), id)) return;
  p.SectionOpen(id, title);
  p.FactList(items, "");
  p.w().Close();
}

void SecurityHtml(Page& p) {
  if (SectionEmpty(p.d(), "security")) return;
  p.SectionOpen("security", "Security");
  for (const Group& g : p.d().security.installations) GroupHtml(p, g);
  if (!p.d().security.incidents.empty()) {
    p.w().Element("h3", "Incidents");
    p.FactList(p.d().security.incidents, "");
  }
  p.w().Close();
}

std::vector<FactStatement> AllSides(const SidedFacts& s) {
  std::vector<FactStatement> out = s.pair;
  for (const auto* side : {&s.a, &s.b}) out.insert(out.end(), side->begin(), side->end());
  return out;
}

void TradeHtml(Page& p) {
  SimpleSection(p, "trade", "Trade and currency", AllSides(p.d().trade_currency));
  SimpleSection(p, "context", "Context", AllSides(p.d().context));
}

// The sections with nothing for the pair, one paragraph per set of sources looked in.
void NotRecordedHtml(Page& p) {
  const Dossier& d = p.d();
  if (d.not_recorded.empty()) return;
  p.SectionOpen("not-recorded", "Not recorded");
  for (const NotRecorded& n : d.not_recorded) p.CitedElement("p", NotRecordedText(d, n) + ".", n.cite);
  p.w().Close();
}

// ---- bundled relations datasets ------------------------------------------------------------

void DatasetIntro(Page& p, const std::string& text, const DatasetRef& r) {
  p.w().Open("p");
  p.TextCited(text, {r.cite});
  p.w().Text(fmt::format(" Data to {}.", r.currency));
  p.w().Close();
}

// A dataset sub-section's heading, and its note when there are no rows; false then.
bool DatasetHeading(Page& p, const std::string& heading, bool has_rows, const std::string& none) {
  p.w().Element("h3", heading);
  if (!has_rows) p.Note(none);
  return has_rows;
}

// A per-year line chart: the common settings of the relations-data charts.
LineChartSpec YearLineChart(const std::string& title, const std::string& desc, const std::string& y_label,
                            int decimals, const std::string& id_prefix) {
  LineChartSpec line;
  line.title = title;
  line.desc = desc;
  line.x_label = "Year";
  line.y_label = y_label;
  line.decimals = decimals;
  line.id_prefix = id_prefix;
  return line;
}

void LineFigure(Page& p, const LineChartSpec& line) { p.w().Raw(RenderFigure(RenderLineChart(line), line.title)); }

LineChartSpec UnVotesChart(const RelationsData& r) {
  LineChartSpec line = YearLineChart("UN General Assembly voting agreement per year",
                                     "Per cent of the year's roll calls, among those in which both voted, with the same vote",
                                     "Agreement (%)", 1, "unv");
  line.y_min = 0;
  line.y_max = 100;
  Series agree{"Agreement", {}};
  for (const UnVotePoint& v : r.un_votes) {
    line.x_labels.push_back(std::to_string(v.year));
    agree.values.push_back(100.0 * v.agree / v.votes_both);
  }
  line.series.push_back(agree);
  return line;
}

void UnVotesHtml(Page& p, const RelationsData& r) {
  if (!DatasetHeading(p, "UN General Assembly voting", !r.un_votes.empty(), "No roll calls in which both voted.")) return;
  DatasetIntro(p, "Share of the roll calls in which both voted yes, no or abstain where they voted alike.", r.un);
  LineFigure(p, UnVotesChart(r));
}

LineChartSpec TradeChart(const Dossier& d, const RelationsData& r) {
  LineChartSpec line = YearLineChart("Imports each way per year (million current USD)",
                                     "COW dyadic trade: imports of each state from the other", "Million USD", 0, "trade");
  Series ab{d.states[0].name + " from " + d.states[1].name, {}}, ba{d.states[1].name + " from " + d.states[0].name, {}};
  for (const TradePoint& t : r.trade_series) {
    line.x_labels.push_back(std::to_string(t.year));
    ab.values.push_back(t.a_from_b);
    ba.values.push_back(t.b_from_a);
  }
  line.series = {ab, ba};
  return line;
}

void TradeSeriesHtml(Page& p, const RelationsData& r) {
  if (!DatasetHeading(p, "Trade", !r.trade_series.empty(), "No COW trade figures for the pair.")) return;
  DatasetIntro(p, "Imports each way, million current US dollars (COW rounds to whole millions).", r.trade);
  LineFigure(p, TradeChart(p.d(), r));
}

std::string Obligations(const std::array<bool, 5>& o) {
  static const char* kNames[] = {"defense", "offense", "neutrality", "non-aggression", "consultation"};
  std::string s;
  for (int k = 0; k < 5; ++k)
    if (o[k]) s += (s.empty() ? "" : ", ") + std::string(kNames[k]);
  return s.empty() ? "none" : s;
}

void AlliancesHtml(Page& p, const RelationsData& r) {
  MarkupWriter& w = p.w();
  w.Element("h3", "Alliance obligations");
  if (r.alliance_series.empty()) {
    w.Element("p", "No ATOP alliance obligations between them.", {{"class", "dy-note"}});
    return;
  }
  DatasetIntro(p, "ATOP obligations of each state toward the other, by year.", r.alliances);
  const Dossier& d = p.d();
  ScrollTable(p, "Alliance obligations by year (ATOP)", [&](MarkupWriter& t) {
    HeaderRow(t, {"Year", d.states[0].name + " toward " + d.states[1].name,
                  d.states[1].name + " toward " + d.states[0].name});
    for (const AlliancePoint& a : r.alliance_series) {
      t.Open("tr");
      t.Element("td", std::to_string(a.year));
      t.Element("td", Obligations(a.obligations[0]));
      t.Element("td", Obligations(a.obligations[1]));
      t.Close();
    }
  });
}

void RelationsDataHtml(Page& p) {
  const RelationsData& r = p.d().relations_data;
  if (!r.queried) return;
  p.SectionOpen("datasets", "Relations data");
  UnVotesHtml(p, r);
  TradeSeriesHtml(p, r);
  AlliancesHtml(p, r);
  p.w().Close();
}

void Body(Page& p) {
  const Dossier& d = p.d();
  OverviewHtml(p);
  Timeline(p);
  RepresentationHtml(p);
  AgreementsHtml(p);
  MembershipsHtml(p);
  SecurityHtml(p);
  SimpleSection(p, "assistance", "Assistance", d.assistance);
  Opinion(p);
  TradeHtml(p);
  NotRecordedHtml(p);
  EventsHtml(p);
  RelationsDataHtml(p);
  p.w().Raw(RenderPairSectionsHtml(d));
  Sources(p);
  SeeAlso(p);
}

PageSpec PageOf(const Dossier& d, const std::string& map_note) {
  PageSpec spec;
  spec.title = d.title;
  spec.subtitle = fmt::format("As of {}. Generated by dyad from its data; every statement cites its numbered source.",
                              d.as_of.ToEnglish());
  if (const std::string currency = CurrencyLine(d); !currency.empty()) spec.subtitle += " " + currency;
  spec.description = spec.title + ": a cited, data-backed dossier generated by dyad";
  spec.toc = {{"overview", "Overview"}, {"timeline", "Timeline"}, {"representation", "Representation"}};
  for (const TocEntry& t : std::initializer_list<TocEntry>{
           {"agreements", "Agreements"}, {"memberships", "Memberships"}, {"security", "Security"},
           {"assistance", "Assistance"}, {"opinion", "Public opinion"}, {"trade", "Trade and currency"},
           {"context", "Context"}})
    if (!SectionEmpty(d, t.id)) spec.toc.push_back(t);
  if (!d.not_recorded.empty()) spec.toc.push_back({"not-recorded", "Not recorded"});
  spec.toc.push_back({"events", "Events"});
  if (d.relations_data.queried) spec.toc.push_back({"datasets", "Relations data"});
  if (d.pairs.built) spec.toc.push_back({"pairs", "Between the two states"});
  spec.toc.push_back({"sources", "Sources"});
  spec.toc.push_back({"see-also", "See also"});
  spec.footer = "dyad dossier, schema dyad.dossier/1." + (map_note.empty() ? "" : " Map: " + map_note);
  return spec;
}

}  // namespace

std::string RenderHtml(const Dossier& d) {
  Page p(d);
  const MapFigure map = DrawMap(d);
  const std::string aside = InfoboxHtml(p, map);
  Body(p);
  return RenderPage(PageOf(d, map.note), aside, p.w().Finish());
}

}  // namespace dyad::report
