// Markdown rendering of the dossier model (report/dossier.h): a pure function of the model.
#include <algorithm>

#include <fmt/format.h>
#include <fmt/ranges.h>

#include "report/dossier.h"
#include "report/dossier_text.h"
#include "report/markdown.h"
#include "report/pair_sections.h"

namespace dyad::report {
namespace {

using Rows = std::vector<std::vector<std::string>>;

// One table row per item, made by `row`.
template <typename T, typename F>
Rows RowsOf(const std::vector<T>& items, F row) {
  Rows rows;
  for (const T& x : items) rows.push_back(row(x));
  return rows;
}

std::string DateText(const std::optional<Date>& d, std::string_view unknown = "") {
  return d ? d->ToString() : std::string(unknown);
}

// "[1][2]" unescaped, for table cells (MarkdownTable escapes them).
std::string CitesPlain(const Cites& cite) {
  std::string s;
  for (int n : cite) s += fmt::format("[{}]", n);
  return s;
}

// "\[1\]\[2\]", for running text.
std::string Cited(const Cites& cite) {
  std::string s;
  for (int n : cite) s += fmt::format("\\[{}\\]", n);
  return s;
}

// Escapes a statement and appends its citation marks: "Text \[1\]\[2\]".
std::string Stated(const std::string& text, const Cites& cite) {
  return EscapeMarkdown(text) + (cite.empty() ? "" : " " + Cited(cite));
}

std::string Item(const std::string& when, const std::string& text, const Cites& cite) {
  return fmt::format("- {}{}\n", when.empty() ? "" : "**" + EscapeMarkdown(when) + "** — ", Stated(text, cite));
}
// "(another source gives 1992 \[3\])" after a statement that other sources date otherwise.
std::string OtherDates(const std::vector<OtherDate>& also) {
  std::vector<std::string> others;
  for (const OtherDate& o : also) others.push_back(Stated(o.when, o.cite));
  if (others.empty()) return "";
  return fmt::format(" ({} {})", others.size() == 1 ? "another source gives" : "other sources give", fmt::join(others, "; "));
}
// The statement's line; other sources' dates follow it.
std::string Line(const std::string& when, const std::string& text, const Cites& cite, const std::vector<OtherDate>& also) {
  std::string line = Item(when, text, cite);
  line.pop_back();
  return line + OtherDates(also) + "\n";
}
std::string Line(const FactStatement& f) { return Line(f.when, f.text, f.cite, f.also); }
std::string Line(const OccurrenceStatement& o) { return Line(o.when, o.text, o.cite, o.also); }
std::string Line(const TimelineItem& i) { return i.fact ? Line(*i.fact) : Line(*i.occurrence); }

std::string Lines(const std::vector<FactStatement>& facts) {
  std::string out;
  for (const FactStatement& f : facts) out += Line(f);
  return out;
}

void Section(std::string& out, const std::string& title) { out += "\n" + MarkdownHeading(2, title) + "\n\n"; }

std::string MissionText(const Mission& m) { return m.name + (m.address ? ", " + *m.address : ""); }

std::string MissionCell(const std::vector<Mission>& list) {
  std::string s;
  for (const Mission& m : list) s += (s.empty() ? "" : "; ") + MissionText(m);
  return s.empty() ? std::string("—") : s;
}

std::string EnvoyCell(const Envoys& e) { return EnvoyText(e).text; }

void InfoboxMd(const Dossier& d, std::string& out) {
  const FactStatement* since = d.RelationsSince();
  const std::string rel = since ? since->when : "not recorded";
  Rows rows{{"Capital", d.states[0].capital, d.states[1].capital},
            {"Mission in the other", MissionCell(d.representation.missions.a_in_b),
             MissionCell(d.representation.missions.b_in_a)},
            {"Chief of mission", EnvoyCell(d.envoys.a_in_b), EnvoyCell(d.envoys.b_in_a)},
            {"Relations established", rel, rel}};
  out += MarkdownTable({"", d.states[0].name, d.states[1].name}, rows);
}

void OverviewMd(const Dossier& d, std::string& out) {
  Section(out, "Overview");
  out += EscapeMarkdown(PlainText(d.overview.summary)) + "\n\n";
  const RelationsOverview& rel = d.overview.relations;
  out += fmt::format("Status {}: **{}**{}.\n\n", OnDate(d.as_of), EscapeMarkdown(rel.state),
                     EscapeMarkdown(StatusCurrency(rel)));
  out += Lines(rel.recognition) + Lines(rel.since);
  if (rel.recognition_disagrees || rel.sources_disagree)
    out += "\n> Sources disagree on these dates; each is shown with its source.\n";
  if (rel.last_break) out += Line(*rel.last_break);
}

std::string TimelineYearMd(const TimelineYear& y) {
  std::string out = MarkdownHeading(3, y.year ? std::to_string(*y.year) : "Undated") + "\n\n";
  for (const TimelineItem& item : y.items) out += Line(item);
  return out + "\n";
}

void TimelineMd(const Dossier& d, std::string& out) {
  Section(out, "Timeline");
  if (d.timeline.empty()) out += "No dated facts or happenings are recorded for this pair.\n";
  for (const TimelineYear& y : d.timeline) out += TimelineYearMd(y);
}

std::vector<std::string> ChiefRow(const FactStatement& t) {
  if (t.vacant) return {"(vacant)", "", t.when, CitesPlain(t.cite)};
  return {t.term->person, t.term->role_title, fmt::format("{} – {}", DateText(t.start, "?"), TermEndText(t)),
          CitesPlain(t.cite)};
}

void MissionsMd(const std::vector<Mission>& missions, const std::string& title, std::string& out) {
  out += MarkdownHeading(3, "Missions of " + title) + "\n\n";
  if (missions.empty()) out += "None recorded.\n\n";
  for (const Mission& m : missions) out += fmt::format("**{}** {}\n\n", EscapeMarkdown(m.name), Cited(m.cite)) + Lines(m.facts) + "\n";
}

void ChiefsMd(const std::vector<FactStatement>& chiefs, const std::string& title, std::string& out) {
  out += MarkdownHeading(3, "Chiefs of mission, " + title) + "\n\n";
  const Rows rows = RowsOf(chiefs, ChiefRow);
  out += rows.empty() ? "None recorded.\n\n" : MarkdownTable({"Name", "Title", "Term", "Sources"}, rows) + "\n";
}

std::string HolderName(const FactStatement& h) { return h.holder->person + (h.holder->acting ? " (acting)" : ""); }

// "Nisha Desai Biswal \[11\]": each holder with the citation of their term.
std::string Holders(const ChainStep& step) {
  std::string holders;
  for (const FactStatement& h : step.holders)
    holders += (holders.empty() ? "" : ", ") + EscapeMarkdown(HolderName(h)) + (h.cite.empty() ? "" : " " + Cited(h.cite));
  return holders;
}

// A step of the reporting chain, indented under the one before: the office, the link's
// citation, then its holders with theirs ("Assistant Secretary … \[8\] — Blake \[9\]").
std::string ChainLine(const ChainStep& step, size_t depth) {
  const std::string holders = Holders(step), link = step.link ? Cited(step.link->cite) : "";
  return fmt::format("{}- {}{}{}\n", std::string(depth * 2, ' '), EscapeMarkdown(step.name),
                     link.empty() ? "" : " " + link, holders.empty() ? "" : " — " + holders);
}

bool AnyHolder(const Office& o) {
  return std::any_of(o.chain.begin(), o.chain.end(), [](const ChainStep& s) { return !s.holders.empty(); });
}

// The chain is one date's: its holders are those in office on the dossier's date.
std::string ChainLead(const Office& o, const Date& on) {
  return fmt::format("Reporting chain {}{}:\n\n", OnDate(on),
                     AnyHolder(o) ? "" : " (no holder recorded for that date)");
}

void OfficeText(const Office& o, const Date& on, std::string& out) {
  out += MarkdownHeading(3, "Responsible office: " + o.name) + "\n\n" + Line(o.responsible_for);
  if (!o.chain.empty()) out += "\n" + ChainLead(o, on);
  for (size_t depth = 0; depth < o.chain.size(); ++depth) out += ChainLine(o.chain[depth], depth);
  out += "\n";
}

void RepresentationMd(const Dossier& d, std::string& out) {
  Section(out, "Diplomatic representation");
  const std::string& an = d.states[0].name;
  const std::string& bn = d.states[1].name;
  const Representation& r = d.representation;
  MissionsMd(r.missions.a_in_b, an + " in " + bn, out);
  ChiefsMd(r.chiefs.a_in_b, an + " in " + bn, out);
  MissionsMd(r.missions.b_in_a, bn + " in " + an, out);
  ChiefsMd(r.chiefs.b_in_a, bn + " in " + an, out);
  for (const auto* side : {&r.offices_a, &r.offices_b})
    for (const Office& o : *side) OfficeText(o, d.as_of, out);
}

std::string GroupMd(const Group& g) {
  return fmt::format("**{}** {}\n\n", EscapeMarkdown(g.name), Cited(g.cite)) + Lines(g.facts) + "\n";
}

// A bilateral agreement: its one status with its dates, then what each source says of it.
std::string BilateralMd(const Group& g) {
  return fmt::format("**{}** — {} {}\n\n", EscapeMarkdown(g.name), EscapeMarkdown(g.status_text), Cited(g.cite)) +
         Lines(g.facts) + "\n";
}

// A multilateral treaty both joined, on one line: its name and status, every citation.
std::string MultilateralMd(const Group& g) {
  return "- **" + EscapeMarkdown(g.name) + "** — " + Stated(g.status_text, AgreementCites(g)) + "\n";
}

void AgreementsMd(const Dossier& d, std::string& out) {
  if (SectionEmpty(d, "agreements")) return;
  Section(out, "Agreements");
  const size_t multi = MultilateralCount(d);
  for (const Group& g : d.agreements)
    if (!g.multilateral) out += BilateralMd(g);
  if (multi == 0) return;
  out += MarkdownHeading(3, fmt::format("Multilateral treaties both joined ({})", multi)) + "\n\n";
  for (const Group& g : d.agreements)
    if (g.multilateral) out += MultilateralMd(g);
}

std::string WhenCited(const FactStatement& f) { return f.when + " " + CitesPlain(f.cite); }

// A membership cell: the part when not a full member ("observer; listed 22 January 2026").
std::string RoleWhenCited(const FactStatement& f) {
  if (!f.membership || f.membership->full_member()) return WhenCited(f);
  return f.membership->RoleText() + "; " + WhenCited(f);
}

// "both" for two full members; else each state's part: "United States: member; Germany: observer".
std::string SharedRole(const Dossier& d, const SharedMembership& s) {
  if (s.both_members()) return "both";
  return fmt::format("{}: {}; {}: {}", d.states[0].name, s.a.membership->RoleText(), d.states[1].name,
                     s.b.membership->RoleText());
}

// Shared memberships first, then those of either state alone.
Rows MembershipRows(const Dossier& d) {
  const Memberships& m = d.memberships;
  Rows rows;
  for (const SharedMembership& s : m.shared)
    rows.push_back({s.organization_name, SharedRole(d, s), RoleWhenCited(s.a), RoleWhenCited(s.b)});
  for (const FactStatement& s : m.only_a)
    rows.push_back({s.membership->organization_name, d.states[0].name, RoleWhenCited(s), ""});
  for (const FactStatement& s : m.only_b)
    rows.push_back({s.membership->organization_name, d.states[1].name, "", RoleWhenCited(s)});
  return rows;
}

void MembershipsMd(const Dossier& d, std::string& out) {
  if (SectionEmpty(d, "memberships")) return;
  Section(out, "Memberships");
  out += MarkdownTable({"Organization", "Member", d.states[0].name, d.states[1].name}, MembershipRows(d));
}

std::string AnswerOf(const FactStatement& f) {
  for (const Qualifier& q : f.qualifiers)
    if (q.key == "answer") return q.value;
  return "";
}

std::vector<std::string> PollRow(const FactStatement& f) { return {AnswerOf(f), f.value, CitesPlain(f.cite)}; }

// A poll: its name, year and pollster, and a table of the answers.
std::string PollMd(const Group& p) {
  return fmt::format("**{}** ({}{}) {}\n\n", EscapeMarkdown(p.name), EscapeMarkdown(p.poll->year),
                     p.poll->pollster.empty() ? "" : ", " + EscapeMarkdown(p.poll->pollster), Cited(p.cite)) +
         MarkdownTable({"Answer", "%", "Sources"}, RowsOf(p.facts, PollRow), {Align::kLeft, Align::kRight, Align::kLeft}) +
         "\n";
}

void OpinionMd(const Dossier& d, std::string& out) {
  if (SectionEmpty(d, "opinion")) return;
  Section(out, "Public opinion");
  for (const Group& p : d.public_opinion) out += PollMd(p);
}

// A section of statements; none when there are none (the not-recorded line says so).
void FactSection(const std::string& title, const std::vector<FactStatement>& facts, std::string& out) {
  if (facts.empty()) return;
  Section(out, title);
  out += Lines(facts);
}

std::vector<FactStatement> AllSides(const SidedFacts& s) {
  std::vector<FactStatement> out = s.pair;
  for (const auto* side : {&s.a, &s.b}) out.insert(out.end(), side->begin(), side->end());
  return out;
}

std::string NotableLine(const char* label, const std::optional<NotableMonth>& m) {
  if (!m) return "";
  return fmt::format("- {}: {} (mean Goldstein {:.2f}, {} events)\n", label, m->period, m->goldstein_mean, m->count);
}

std::string MonthsTable(const EventDirection& s) {
  Rows rows;
  for (const MonthPoint& p : s.monthly)
    if (p.count > 0)
      rows.push_back({p.period, std::to_string(p.count), p.goldstein_mean ? fmt::format("{:.2f}", *p.goldstein_mean) : ""});
  std::string out = fmt::format("\n{} → {}: months with events\n\n", s.source, s.target);
  return out + (rows.empty() ? "None.\n" : MarkdownTable({"Month", "Events", "Mean Goldstein"}, rows));
}

std::string TopCodesMd(const std::vector<CodeCount>& codes) {
  if (codes.empty()) return "";
  const Rows rows = RowsOf(codes, [](const CodeCount& t) -> std::vector<std::string> {
    return {t.code, t.label, std::to_string(t.count)};
  });
  return "\n" + MarkdownTable({"CAMEO", "Event type", "Events"}, rows);
}

void EventsMd(const Dossier& d, std::string& out) {
  Section(out, "Event-based relations index");
  const EventsSection& e = d.events;
  if (!e.available()) {
    out += EscapeMarkdown(e.note) + "\n";
    return;
  }
  out += fmt::format("{} events in the store ({}).\n\n", e.total, EscapeMarkdown(e.store));
  if (e.year_precision > 0) out += EscapeMarkdown(YearPrecisionText(e)) + "\n\n";
  out += NotableLine("Most cooperative month", e.most_cooperative) + NotableLine("Most hostile month", e.most_hostile);
  out += TopCodesMd(e.top_codes);
  for (const EventDirection& dir : e.directions) out += MonthsTable(dir);
}

std::string Money(const std::optional<double>& v) { return v ? fmt::format("{:.0f}", *v) : ""; }

std::string ObligationList(const std::array<bool, 5>& o) {
  static const char* kNames[] = {"defense", "offense", "neutrality", "non-aggression", "consultation"};
  std::string s;
  for (int k = 0; k < 5; ++k)
    if (o[k]) s += (s.empty() ? "" : ", ") + std::string(kNames[k]);
  return s.empty() ? "none" : s;
}

std::string DatasetLine(const char* what, const DatasetRef& r) {
  return fmt::format("{} [{}] (data to {}).\n\n", what, r.cite, r.currency);
}

std::vector<std::string> UnVoteRow(const UnVotePoint& v) {
  return {std::to_string(v.year), std::to_string(v.votes_both), fmt::format("{:.1f} %", 100.0 * v.agree / v.votes_both),
          v.ideal_distance ? fmt::format("{:.2f}", *v.ideal_distance) : ""};
}

// A sub-section of the relations data: its heading, then the note when there are no
// rows, else the dataset line and the table.
void DatasetMd(const std::string& heading, const Rows& rows, const std::string& none, const std::string& table,
               std::string& out) {
  out += MarkdownHeading(3, heading) + "\n\n";
  out += rows.empty() ? none : table;
}

void UnVotesMd(const RelationsData& r, std::string& out) {
  const Rows rows = RowsOf(r.un_votes, UnVoteRow);
  DatasetMd("UN General Assembly voting", rows, "No roll calls in which both voted.\n\n",
            DatasetLine("Roll calls in which both voted yes, no or abstain, and the share with the same vote", r.un) +
                MarkdownTable({"Year", "Both voted", "Agreement", "Ideal-point distance"}, rows),
            out);
}

void TradeMd(const Dossier& d, const RelationsData& r, std::string& out) {
  const Rows rows = RowsOf(r.trade_series, [](const TradePoint& t) -> std::vector<std::string> {
    return {std::to_string(t.year), Money(t.a_from_b), Money(t.b_from_a)};
  });
  const std::string& a = d.states[0].name;
  const std::string& b = d.states[1].name;
  DatasetMd("Trade", rows, "No COW trade figures for the pair.\n\n",
            DatasetLine("Imports each way, million current US dollars (COW rounds to whole millions)", r.trade) +
                MarkdownTable({"Year", EscapeMarkdown(a + " from " + b), EscapeMarkdown(b + " from " + a)}, rows),
            out);
}

void AlliancesMd(const Dossier& d, const RelationsData& r, std::string& out) {
  const Rows rows = RowsOf(r.alliance_series, [](const AlliancePoint& p) -> std::vector<std::string> {
    return {std::to_string(p.year), ObligationList(p.obligations[0]), ObligationList(p.obligations[1])};
  });
  const std::string& a = d.states[0].name;
  const std::string& b = d.states[1].name;
  DatasetMd("Alliance obligations", rows, "No ATOP alliance obligations between them.\n",
            DatasetLine("ATOP obligations by year", r.alliances) +
                MarkdownTable({"Year", EscapeMarkdown(a + " toward " + b), EscapeMarkdown(b + " toward " + a)}, rows),
            out);
}

void RelationsDataMd(const Dossier& d, std::string& out) {
  const RelationsData& r = d.relations_data;
  if (!r.queried) return;
  Section(out, "Relations data");
  UnVotesMd(r, out);
  out += "\n";
  TradeMd(d, r, out);
  out += "\n";
  AlliancesMd(d, r, out);
}

// "1. [Title](<url>). Author. Publisher. 2024-01-02. Licence"
std::string SourceLine(const CitedSource& s) {
  std::string line = fmt::format("{}. ", s.n);
  line += s.url.empty() ? EscapeMarkdown(s.title) : MarkdownLink(s.title, s.url);
  const std::string currency = s.current_to ? "current to " + s.current_to->ToString() : "";
  for (const std::string& k : {s.author, s.publisher, DateText(s.date), currency, s.licence})
    if (!k.empty()) line += ". " + EscapeMarkdown(k);
  return line;
}

void SourcesMd(const Dossier& d, std::string& out) {
  Section(out, "Sources");
  for (const CitedSource& s : d.sources) out += SourceLine(s) + "\n";
}

void SeeAlsoMd(const Dossier& d, std::string& out) {
  Section(out, "See also");
  for (const SeeAlsoEntry& s : d.see_also)
    out += "- " + EscapeMarkdown(s.label) + (s.command.empty() ? "" : ": `" + s.command + "`") + "\n";
}

void SecurityMd(const Dossier& d, std::string& out) {
  if (SectionEmpty(d, "security")) return;
  Section(out, "Security");
  for (const Group& g : d.security.installations) out += GroupMd(g);
  for (const OccurrenceStatement& i : d.security.incidents) out += Line(i);
}

void TradeContextMd(const Dossier& d, std::string& out) {
  FactSection("Trade and currency", AllSides(d.trade_currency), out);
  FactSection("Context", AllSides(d.context), out);
}

// The sections with nothing for the pair, in one line per set of sources looked in.
void NotRecordedMd(const Dossier& d, std::string& out) {
  if (d.not_recorded.empty()) return;
  Section(out, "Not recorded");
  for (const NotRecorded& n : d.not_recorded) out += Stated(NotRecordedText(d, n), n.cite) + ".\n\n";
}

// The sections after the infobox, in the order of the table of contents.
void BodyMd(const Dossier& d, std::string& out) {
  OverviewMd(d, out);
  TimelineMd(d, out);
  RepresentationMd(d, out);
  AgreementsMd(d, out);
  MembershipsMd(d, out);
  SecurityMd(d, out);
  FactSection("Assistance", d.assistance, out);
  OpinionMd(d, out);
  TradeContextMd(d, out);
  NotRecordedMd(d, out);
  EventsMd(d, out);
  RelationsDataMd(d, out);
  out += RenderPairSectionsMarkdown(d);
  SourcesMd(d, out);
  SeeAlsoMd(d, out);
}

}  // namespace

std::string RenderMarkdown(const Dossier& d) {
  std::string out = MarkdownHeading(1, d.title) + "\n\n";
  out += fmt::format("*As of {}. Generated by dyad from its data; every statement cites its numbered source.*\n\n",
                     d.as_of.ToEnglish());
  if (const std::string currency = CurrencyLine(d); !currency.empty()) out += EscapeMarkdown(currency) + "\n\n";
  InfoboxMd(d, out);
  BodyMd(d, out);
  return out;
}

}  // namespace dyad::report
