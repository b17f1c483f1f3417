// HTML rendering of a dossier document: one self-contained page (inline CSS and SVG, no
// script, no network request), light or dark after the reader's preference, printable.
#include <fmt/format.h>

#include <map>

#include "report/charts.h"
#include "report/dossier.h"
#include "report/locator_map.h"
#include "report/markup.h"

namespace dyad::report {
namespace {

std::string Str(const Json& j) { return j.is_string() ? j.get<std::string>() : std::string(); }

constexpr std::string_view kPageCss = R"css(
:root{color-scheme:light dark;--fg:#1b1f24;--muted:#57606a;--bg:#fff;--panel:#f6f8fa;--line:#d0d7de;--link:#0b5cad;--warn:#8a5a00}
@media (prefers-color-scheme:dark){:root{--fg:#e6edf3;--muted:#9da7b3;--bg:#0d1117;--panel:#161b22;--line:#30363d;--link:#6cb6ff;--warn:#e3b341}}
*{box-sizing:border-box}
body{margin:0;font:16px/1.55 system-ui,-apple-system,"Segoe UI",Roboto,"Noto Sans",sans-serif;color:var(--fg);background:var(--bg)}
a{color:var(--link)}
header,main,footer,nav{max-width:72rem;margin:0 auto;padding:0 1rem}
header h1{margin:1.2rem 0 .2rem;font-size:1.9rem}
.asof{color:var(--muted);margin:0 0 1rem}
nav ul{list-style:none;padding:0;margin:0 0 1rem;display:flex;flex-wrap:wrap;gap:.3rem 1rem;font-size:.92rem}
.infobox{float:right;width:24rem;max-width:100%;margin:0 0 1rem 1.5rem;border:1px solid var(--line);background:var(--panel);padding:.6rem;font-size:.9rem}
.infobox table{width:100%;border-collapse:collapse}
.infobox th,.infobox td{vertical-align:top;text-align:left;padding:.25rem .3rem;border-top:1px solid var(--line)}
.infobox svg{width:100%;height:auto}
section{clear:none;margin:0 0 1.6rem}
h2{border-bottom:1px solid var(--line);padding-bottom:.2rem;margin-top:1.8rem}
table.data{border-collapse:collapse;margin:.5rem 0;font-size:.92rem;display:block;overflow-x:auto}
table.data th,table.data td{border:1px solid var(--line);padding:.25rem .5rem;text-align:left;vertical-align:top}
table.data caption{text-align:left;color:var(--muted);font-size:.85rem}
sup.cite{font-size:.72em;line-height:0}
sup.cite a{text-decoration:none}
.when{font-weight:600;white-space:nowrap}
.note{border-left:3px solid var(--warn);padding:.2rem .6rem;color:var(--muted)}
.empty{color:var(--muted);font-style:italic}
ol.sources li{margin:.2rem 0}
ul.facts{padding-left:1.2rem}
figure{margin:1rem 0}
figure svg{max-width:100%;height:auto}
footer{color:var(--muted);font-size:.85rem;border-top:1px solid var(--line);padding:1rem;margin-top:2rem}
code{font-size:.88em;background:var(--panel);padding:.05rem .25rem;border-radius:3px}
@media (max-width:800px){.infobox{float:none;width:100%;margin:0 0 1rem}}
@media print{nav{display:none}.infobox{break-inside:avoid}a{color:inherit}section{break-inside:auto}h2{break-after:avoid}body{font-size:11pt}}
)css";

class Page {
 public:
  explicit Page(const Json& d) : d_(d) {}

  void Cite(const Json& cite) {
    if (!cite.is_array() || cite.empty()) return;
    w_.Open("sup", {{"class", "cite"}});
    for (const Json& n : cite) {
      const std::string num = std::to_string(n.get<int>());
      const std::string href = "#src-" + num;
      w_.Element("a", "[" + num + "]", {{"href", href}});
    }
    w_.Close();
  }

  // "<li><span class=when>when</span> text [n]</li>"
  void FactItem(const Json& f) {
    w_.Open("li");
    const std::string when = Str(f["when"]);
    if (!when.empty()) {
      w_.Element("span", when, {{"class", "when"}});
      w_.Text(" — ");
    }
    w_.Text(Str(f["text"]));
    Cite(f["cite"]);
    w_.Close();
  }

  void FactList(const Json& facts, std::string_view empty) {
    if (facts.empty()) {
      w_.Element("p", empty, {{"class", "empty"}});
      return;
    }
    w_.Open("ul", {{"class", "facts"}});
    for (const Json& f : facts) FactItem(f);
    w_.Close();
  }

  void SectionOpen(std::string_view id, std::string_view title) {
    w_.Open("section", {{"id", id}, {"aria-labelledby", std::string(id) == "" ? "" : ""}});
    w_.Element("h2", title);
  }

  // Text with "[n]" marks turned into citation links.
  void TextWithCites(const std::string& text) {
    size_t i = 0;
    while (i < text.size()) {
      size_t open = text.find('[', i);
      size_t close = open == std::string::npos ? open : text.find(']', open);
      bool digits = close != std::string::npos && close > open + 1 &&
                    text.find_first_not_of("0123456789", open + 1) == close;
      if (!digits) {
        w_.Text(text.substr(i, open == std::string::npos ? std::string::npos : open + 1 - i));
        if (open == std::string::npos) break;
        i = open + 1;
        continue;
      }
      w_.Text(text.substr(i, open - i));
      Cite(Json::array({std::stoi(text.substr(open + 1, close - open - 1))}));
      i = close + 1;
    }
  }

  MarkupWriter& w() { return w_; }
  const Json& d() const { return d_; }

 private:
  const Json& d_;
  MarkupWriter w_;
};

std::string AName(const Json& d) { return Str(d["states"][0]["name"]); }
std::string BName(const Json& d) { return Str(d["states"][1]["name"]); }

void Infobox(Page& p, const world::World& world, std::string* map_note) {
  const Json& d = p.d();
  MarkupWriter& w = p.w();
  w.Open("aside", {{"class", "infobox"}, {"aria-label", "Summary box"}});
  const world::State* sa = world.Find(Str(d["states"][0]["key"]));
  const world::State* sb = world.Find(Str(d["states"][1]["key"]));
  Result<MapData> data = LoadDefaultMapData();
  if (data.ok() && sa && sb) {
    LocatorMapSpec spec{MapSideFromState(*sa), MapSideFromState(*sb)};
    spec.width = 400;
    spec.height = 260;
    Result<LocatorMap> map = RenderLocatorMap(spec, *data);
    if (map.ok()) {
      w.Open("figure");
      w.Raw(map->svg);
      w.Element("figcaption", fmt::format("{} and {}. {}", AName(d), BName(d), map->projection));
      w.Close();
      *map_note = map->note;
    } else {
      *map_note = map.status().message();
    }
  } else {
    *map_note = data.ok() ? "" : "map data unavailable: " + data.status().message();
  }
  w.Open("table");
  w.Open("tr");
  w.Void("td");
  w.Element("th", AName(d), {{"scope", "col"}});
  w.Element("th", BName(d), {{"scope", "col"}});
  w.Close();
  auto row = [&](std::string_view label, auto cell) {
    w.Open("tr");
    w.Element("th", label, {{"scope", "row"}});
    for (int side = 0; side < 2; ++side) {
      w.Open("td");
      cell(side);
      w.Close();
    }
    w.Close();
  };
  row("Capital", [&](int side) { w.Text(Str(d["states"][side]["capital"])); });
  row("Mission", [&](int side) {
    const Json& list = d["infobox"]["missions"][side == 0 ? "a_in_b" : "b_in_a"];
    if (list.empty()) w.Text("none recorded");
    for (const Json& m : list) {
      w.Element("div", Str(m["name"]));
      if (m.contains("address")) {
        w.Open("div");
        w.Text(Str(m["address"]));
        p.Cite(m["address_cite"]);
        w.Close();
      }
    }
  });
  row("Chief of mission", [&](int side) {
    const Json& e = d["infobox"]["envoys"][side == 0 ? "a_in_b" : "b_in_a"];
    if (!e["heads"].empty()) {
      const Json& h = e["heads"][0];
      w.Element("div", Str(h["person"]));
      w.Open("div");
      w.Text(Str(h["role_title"]));
      if (h["start"].is_string()) w.Text(", since " + Str(h["start"]));
      p.Cite(h["cite"]);
      w.Close();
    } else if (!e["undated"].empty()) {
      const Json& h = e["undated"][0];
      w.Element("div", Str(h["person"]));
      w.Open("div");
      w.Text(Str(h["role_title"]) + " (undated)");
      p.Cite(h["cite"]);
      w.Close();
    } else if (!e["vacant"].empty()) {
      w.Text("vacant");
      p.Cite(e["vacant"][0]["cite"]);
    } else {
      w.Text("none recorded on this date");
    }
  });
  w.Open("tr");
  w.Element("th", "Relations", {{"scope", "row"}});
  w.Open("td", {{"colspan", "2"}});
  const Json& since = d["infobox"]["relations_since"];
  if (since.is_null()) {
    w.Text(Str(d["overview"]["relations"]["state"]));
  } else {
    w.Text("since " + Str(since["when"]));
    p.Cite(since["cite"]);
  }
  w.Close();
  w.Close();
  w.Close();  // table
  w.Close();  // aside
}

void Overview(Page& p) {
  const Json& d = p.d();
  MarkupWriter& w = p.w();
  p.SectionOpen("overview", "Overview");
  w.Open("p");
  p.TextWithCites(Str(d["overview"]["summary"]));
  w.Close();
  const Json& rel = d["overview"]["relations"];
  w.Open("p");
  w.Text(fmt::format("Status on {}: ", Str(d["as_of"])));
  w.Element("strong", Str(rel["state"]));
  w.Text(".");
  w.Close();
  Json items = Json::array();
  for (const Json& f : rel["recognition"]) items.push_back(f);
  for (const Json& f : rel["since"]) items.push_back(f);
  if (!rel["last_break"].is_null()) items.push_back(rel["last_break"]);
  p.FactList(items, "No recognition or relations facts recorded.");
  if (rel["recognition_disagrees"].get<bool>() || rel["sources_disagree"].get<bool>())
    w.Element("p", "Sources disagree on these dates; each is shown with its source.", {{"class", "note"}});
  w.Close();
}

// The first words of `text`, cut at a space before 48 bytes (never inside a character).
std::string ShortLabel(const std::string& text) {
  if (text.size() <= 48) return text;
  size_t cut = text.rfind(' ', 47);
  return text.substr(0, cut == std::string::npos ? 0 : cut) + " …";
}

double YearOf(const Json& date) {
  return date.is_string() ? DecimalYear(Str(date)).value_or(0) : 0;
}

void Timeline(Page& p) {
  const Json& d = p.d();
  MarkupWriter& w = p.w();
  p.SectionOpen("timeline", "Timeline");
  TimelineSpec spec;
  spec.title = "Dated facts and happenings";
  spec.desc = fmt::format("Spans of chiefs of mission and memberships, and dated events, {} and {}", AName(d), BName(d));
  spec.id_prefix = "tl";
  for (const auto& [side, label] : {std::pair{"a_in_b", AName(d) + " envoys"}, std::pair{"b_in_a", BName(d) + " envoys"}}) {
    TimelineLane lane{label, {}};
    for (const Json& t : d["representation"]["chiefs"][side]) {
      if (!t["start"].is_string() || t.value("vacant", false)) continue;
      TimelineSpan s{Str(t["person"]), YearOf(t["start"]), std::nullopt};
      if (t["end"].is_string()) s.end = YearOf(t["end"]);
      lane.spans.push_back(s);
    }
    if (!lane.spans.empty()) spec.lanes.push_back(lane);
  }
  for (const Json& y : d["timeline"])
    for (const Json& item : y["items"])
      if (item["type"] == "occurrence" && item["start"].is_string())
        spec.marks.push_back({ShortLabel(Str(item["text"])), YearOf(item["start"])});
  if (!spec.lanes.empty() || !spec.marks.empty()) {
    spec.to = YearOf(d["as_of"]) + 1;
    w.Raw(RenderFigure(RenderTimeline(spec), "Timeline of envoys and events"));
  }
  if (d["timeline"].empty()) w.Element("p", "No dated facts or happenings are recorded for this pair.", {{"class", "empty"}});
  for (const Json& y : d["timeline"]) {
    w.Element("h3", y["year"].is_null() ? std::string("Undated") : std::to_string(y["year"].get<int>()));
    p.FactList(y["items"], "");
  }
  w.Close();
}

void ChiefsTable(Page& p, const Json& chiefs, const std::string& caption) {
  MarkupWriter& w = p.w();
  if (chiefs.empty()) {
    w.Element("p", caption + ": none recorded.", {{"class", "empty"}});
    return;
  }
  w.Open("table", {{"class", "data"}});
  w.Element("caption", caption);
  w.Open("tr");
  for (const char* h : {"Name", "Title", "From", "To", "Sources"}) w.Element("th", h, {{"scope", "col"}});
  w.Close();
  for (const Json& t : chiefs) {
    w.Open("tr");
    const bool vacant = t.value("vacant", false);
    w.Element("td", vacant ? std::string("(post vacant)") : Str(t["person"]));
    w.Element("td", vacant ? std::string() : Str(t["role_title"]));
    w.Element("td", t["start"].is_string() ? Str(t["start"]) : "?");
    w.Element("td", t["end"].is_string() ? Str(t["end"]) : (t["ongoing"].get<bool>() ? "present" : ""));
    w.Open("td");
    p.Cite(t["cite"]);
    w.Close();
    w.Close();
  }
  w.Close();
}

void Representation(Page& p) {
  const Json& d = p.d();
  MarkupWriter& w = p.w();
  p.SectionOpen("representation", "Diplomatic representation");
  for (const auto& [side, title] : {std::pair{"a_in_b", AName(d) + " in " + BName(d)}, std::pair{"b_in_a", BName(d) + " in " + AName(d)}}) {
    w.Element("h3", "Missions of " + title);
    if (d["representation"]["missions"][side].empty()) w.Element("p", "None recorded.", {{"class", "empty"}});
    for (const Json& m : d["representation"]["missions"][side]) {
      w.Open("h4", {{"id", "m-" + Str(m["id"])}});
      w.Text(Str(m["name"]));
      w.Close();
      p.FactList(m["facts"], "No dated facts about this mission.");
    }
    ChiefsTable(p, d["representation"]["chiefs"][side], "Chiefs of mission, " + title);
  }
  for (const char* side : {"a", "b"}) {
    for (const Json& o : d["representation"]["offices"][side]) {
      w.Element("h3", "Responsible office: " + Str(o["name"]));
      p.FactList(Json::array({o["responsible_for"]}), "");
      w.Open("ol", {{"aria-label", "Reporting chain"}});
      for (const Json& step : o["chain"]) {
        w.Open("li");
        w.Text(Str(step["name"]));
        for (const Json& h : step["holders"]) {
          w.Text(fmt::format(" — {}{}", Str(h["person"]), h["acting"].get<bool>() ? " (acting)" : ""));
          p.Cite(h["cite"]);
        }
        if (!step["link"].is_null()) p.Cite(step["link"]["cite"]);
        w.Close();
      }
      w.Close();
    }
  }
  w.Close();
}

void Groups(Page& p, const Json& groups, std::string_view empty) {
  MarkupWriter& w = p.w();
  if (groups.empty()) w.Element("p", empty, {{"class", "empty"}});
  for (const Json& g : groups) {
    w.Open("h3");
    w.Text(Str(g["name"]) + (g.contains("status") ? " — " + Str(g["status"]) : ""));
    p.Cite(g["cite"]);
    w.Close();
    p.FactList(g["facts"], "");
  }
}

void Memberships(Page& p) {
  const Json& d = p.d();
  MarkupWriter& w = p.w();
  p.SectionOpen("memberships", "Memberships");
  const Json& m = d["memberships"];
  if (m["shared"].empty() && m["only_a"].empty() && m["only_b"].empty()) {
    w.Element("p", "No memberships recorded.", {{"class", "empty"}});
    w.Close();
    return;
  }
  w.Open("table", {{"class", "data"}});
  w.Element("caption", "Memberships in international organizations on " + Str(d["as_of"]));
  w.Open("tr");
  for (const std::string& h : {std::string("Organization"), AName(d), BName(d)}) w.Element("th", h, {{"scope", "col"}});
  w.Close();
  auto cell = [&](const Json& f) {
    w.Open("td");
    if (!f.is_null()) {
      w.Text(Str(f["when"]));
      p.Cite(f["cite"]);
    } else {
      w.Text("—");
    }
    w.Close();
  };
  for (const Json& s : m["shared"]) {
    w.Open("tr");
    w.Element("td", Str(s["organization_name"]));
    cell(s["a"]);
    cell(s["b"]);
    w.Close();
  }
  for (const char* side : {"only_a", "only_b"}) {
    for (const Json& s : m[side]) {
      w.Open("tr");
      w.Element("td", Str(s["organization_name"]));
      cell(std::string(side) == "only_a" ? s : Json());
      cell(std::string(side) == "only_b" ? s : Json());
      w.Close();
    }
  }
  w.Close();
  w.Close();
}

void Opinion(Page& p) {
  const Json& d = p.d();
  MarkupWriter& w = p.w();
  p.SectionOpen("opinion", "Public opinion");
  if (d["public_opinion"].empty()) w.Element("p", "No poll results recorded.", {{"class", "empty"}});
  int n = 0;
  for (const Json& poll : d["public_opinion"]) {
    HBarChartSpec spec;
    spec.title = Str(poll["name"]);
    spec.desc = fmt::format("{} {}", Str(poll["pollster"]), Str(poll["year"]));
    spec.id_prefix = fmt::format("poll{}", n++);
    for (const auto& [answer, value] : poll["results"].items()) spec.items.push_back({answer, value.get<double>()});
    w.Raw(RenderFigure(RenderHBarChart(spec), Str(poll["name"])));
    p.FactList(poll["facts"], "");
  }
  w.Close();
}

void Events(Page& p) {
  const Json& d = p.d();
  MarkupWriter& w = p.w();
  p.SectionOpen("events", "Event-based relations index");
  const Json& e = d["events"];
  if (!e["available"].get<bool>()) {
    w.Element("p", Str(e["note"]), {{"class", "empty"}});
    w.Close();
    return;
  }
  w.Element("p", fmt::format("{} coded events between the two states in {}.", e["total"].get<uint64_t>(), Str(e["store"])));
  LineChartSpec line;
  line.title = "Mean Goldstein score per month";
  line.desc = "Monthly mean Goldstein score of events in each direction (−10 hostile … +10 cooperative)";
  line.y_label = "Mean Goldstein";
  line.id_prefix = "gold";
  BarChartSpec bars;
  bars.title = "Events per year by quad class";
  bars.desc = "Verbal/material cooperation and conflict, both directions";
  bars.id_prefix = "quad";
  std::map<std::string, std::array<double, 4>> by_year;
  for (const char* dir : {"a_to_b", "b_to_a"}) {
    const Json& s = e["directions"][dir];
    Series series{fmt::format("{} → {}", Str(s["source"]), Str(s["target"])), {}};
    const bool first = line.x_labels.empty();
    for (const Json& pt : s["monthly"]) {
      if (first) line.x_labels.push_back(Str(pt["period"]));
      series.values.push_back(pt["goldstein_mean"].is_null() ? std::nullopt : std::optional<double>(pt["goldstein_mean"].get<double>()));
      auto& y = by_year[Str(pt["period"]).substr(0, 4)];
      for (int k = 0; k < 4; ++k) y[k] += pt["quad"][k].get<double>();
    }
    if (series.values.size() == line.x_labels.size()) line.series.push_back(series);
  }
  w.Raw(RenderFigure(RenderLineChart(line), line.title));
  const char* quad_names[] = {"Verbal cooperation", "Material cooperation", "Verbal conflict", "Material conflict"};
  for (int k = 0; k < 4; ++k) bars.segments.push_back({quad_names[k], {}});
  for (const auto& [year, q] : by_year) {
    bars.categories.push_back(year);
    for (int k = 0; k < 4; ++k) bars.segments[k].values.push_back(q[k]);
  }
  w.Raw(RenderFigure(RenderBarChart(bars), bars.title));
  for (const char* which : {"most_cooperative_month", "most_hostile_month"}) {
    if (e[which].is_null()) continue;
    w.Element("p", fmt::format("{}: {} (mean Goldstein {:.2f}, {} events)",
                               std::string(which) == "most_cooperative_month" ? "Most cooperative month" : "Most hostile month",
                               Str(e[which]["period"]), e[which]["goldstein_mean"].get<double>(), e[which]["count"].get<uint64_t>()));
  }
  if (!e["top_codes"].empty()) {
    w.Open("table", {{"class", "data"}});
    w.Element("caption", "Most frequent event types, both directions");
    w.Open("tr");
    for (const char* h : {"CAMEO", "Event type", "Events"}) w.Element("th", h, {{"scope", "col"}});
    w.Close();
    for (const Json& t : e["top_codes"]) {
      w.Open("tr");
      w.Element("td", Str(t["code"]));
      w.Element("td", Str(t["label"]));
      w.Element("td", std::to_string(t["count"].get<uint64_t>()));
      w.Close();
    }
    w.Close();
  }
  w.Close();
}

void Sources(Page& p) {
  const Json& d = p.d();
  MarkupWriter& w = p.w();
  p.SectionOpen("sources", "Sources");
  w.Open("ol", {{"class", "sources"}});
  for (const Json& s : d["sources"]) {
    const std::string id = "src-" + std::to_string(s["n"].get<int>());
    w.Open("li", {{"id", id}});
    if (s["url"].is_string()) {
      const std::string href = SafeHref(Str(s["url"]));
      w.Element("a", Str(s["title"]), {{"href", href}});
    } else {
      w.Text(Str(s["title"]));
    }
    for (const char* k : {"author", "publisher", "date", "licence"})
      if (s[k].is_string()) w.Text(". " + Str(s[k]));
    w.Close();
  }
  w.Close();
  w.Close();
}

void SeeAlso(Page& p) {
  MarkupWriter& w = p.w();
  p.SectionOpen("see-also", "See also");
  w.Open("ul");
  for (const Json& s : p.d()["see_also"]) {
    w.Open("li");
    if (s["anchor"].is_string()) {
      const std::string href = "#" + Str(s["anchor"]);
      w.Element("a", Str(s["label"]), {{"href", href}});
    } else {
      w.Text(Str(s["label"]));
    }
    if (s["command"].is_string()) {
      w.Text(": ");
      w.Element("code", Str(s["command"]));
    }
    w.Close();
  }
  w.Close();
  w.Close();
}

}  // namespace

Result<std::string> RenderHtml(const Json& d, const world::World& world) {
  Page p(d);
  MarkupWriter& w = p.w();
  w.Raw("<!DOCTYPE html>\n");
  w.Open("html", {{"lang", "en"}});
  w.Open("head");
  w.Void("meta", {{"charset", "utf-8"}});
  w.Void("meta", {{"name", "viewport"}, {"content", "width=device-width, initial-scale=1"}});
  w.Void("meta", {{"name", "color-scheme"}, {"content", "light dark"}});
  w.Void("meta", {{"name", "generator"}, {"content", "dyad"}});
  w.Element("title", Str(d["title"]));
  w.Open("style");
  w.Raw(kPageCss);
  w.Raw(MapCss());
  w.Raw(ChartCss());
  w.Close();
  w.Close();  // head
  w.Open("body");
  w.Open("header");
  w.Element("h1", Str(d["title"]));
  w.Element("p", fmt::format("As of {}. Generated by dyad from its data; every statement cites its numbered source.",
                             Str(d["as_of"])), {{"class", "asof"}});
  w.Close();
  w.Open("nav", {{"aria-label", "Sections"}});
  w.Open("ul");
  const std::pair<const char*, const char*> toc[] = {
      {"overview", "Overview"}, {"timeline", "Timeline"}, {"representation", "Representation"},
      {"agreements", "Agreements"}, {"memberships", "Memberships"}, {"security", "Security"},
      {"assistance", "Assistance"}, {"opinion", "Public opinion"}, {"trade", "Trade and currency"},
      {"events", "Events"}, {"sources", "Sources"}};
  for (const auto& [id, label] : toc) {
    w.Open("li");
    const std::string href = std::string("#") + id;
    w.Element("a", label, {{"href", href}});
    w.Close();
  }
  w.Close();
  w.Close();
  w.Open("main");
  std::string map_note;
  Infobox(p, world, &map_note);
  Overview(p);
  Timeline(p);
  Representation(p);
  p.SectionOpen("agreements", "Agreements");
  Groups(p, d["agreements"], "No agreements recorded.");
  w.Close();
  Memberships(p);
  p.SectionOpen("security", "Security");
  Groups(p, d["security"]["installations"], "No installations recorded.");
  if (!d["security"]["incidents"].empty()) {
    w.Element("h3", "Incidents");
    p.FactList(d["security"]["incidents"], "");
  }
  w.Close();
  p.SectionOpen("assistance", "Assistance");
  p.FactList(d["assistance"], "No assistance recorded.");
  w.Close();
  Opinion(p);
  p.SectionOpen("trade", "Trade and currency");
  Json trade = Json::array();
  for (const char* k : {"pair", "a", "b"})
    for (const Json& f : d["trade_currency"][k]) trade.push_back(f);
  p.FactList(trade, "Nothing recorded.");
  Json context = Json::array();
  for (const char* k : {"pair", "a", "b"})
    for (const Json& f : d["context"][k]) context.push_back(f);
  if (!context.empty()) {
    w.Element("h3", "Context");
    p.FactList(context, "");
  }
  w.Close();
  Events(p);
  Sources(p);
  SeeAlso(p);
  w.Close();  // main
  w.Open("footer");
  w.Text("dyad dossier, schema dyad.dossier/1. ");
  if (!map_note.empty()) w.Text("Map: " + map_note);
  w.Close();
  return w.Finish();
}

}  // namespace dyad::report
