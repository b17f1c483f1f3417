// HTML rendering of a dossier document: one self-contained page (inline CSS and SVG, no
// script, no network request), light or dark after the reader's preference, printable.
#include <fmt/format.h>

#include <map>

#include "report/charts.h"
#include "report/dossier.h"
#include "report/html_page.h"
#include "report/locator_map.h"
#include "report/markup.h"

namespace dyad::report {
namespace {

std::string Str(const Json& j) { return j.is_string() ? j.get<std::string>() : std::string(); }


class Page {
 public:
  explicit Page(const Json& d) : d_(d) {}

  void Cite(const Json& cite) {
    if (!cite.is_array() || cite.empty()) return;
    w_->Open("sup", {{"class", "dy-cite"}});
    for (const Json& n : cite) {
      const std::string num = std::to_string(n.get<int>());
      const std::string href = "#src-" + num;
      w_->Element("a", "[" + num + "]", {{"href", href}});
    }
    w_->Close();
  }

  // "<li><span class=when>when</span> text [n]</li>"
  void FactItem(const Json& f) {
    w_->Open("li");
    const std::string when = Str(f["when"]);
    if (!when.empty()) {
      w_->Element("strong", when);
      w_->Text(" — ");
    }
    w_->Text(Str(f["text"]));
    Cite(f["cite"]);
    w_->Close();
  }

  void FactList(const Json& facts, std::string_view empty) {
    if (facts.empty()) {
      w_->Element("p", empty, {{"class", "dy-note"}});
      return;
    }
    w_->Open("ul");
    for (const Json& f : facts) FactItem(f);
    w_->Close();
  }

  void SectionOpen(std::string_view id, std::string_view title) {
    w_->Open("section", {{"id", id}});
    w_->Element("h2", title);
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
        w_->Text(text.substr(i, open == std::string::npos ? std::string::npos : open + 1 - i));
        if (open == std::string::npos) break;
        i = open + 1;
        continue;
      }
      w_->Text(text.substr(i, open - i));
      Cite(Json::array({std::stoi(text.substr(open + 1, close - open - 1))}));
      i = close + 1;
    }
  }

  MarkupWriter& w() { return *w_; }
  const Json& d() const { return d_; }
  // Sends output to `to` until the next call; returns the previous writer.
  MarkupWriter* Swap(MarkupWriter* to) { return std::exchange(w_, to); }

 private:
  const Json& d_;
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

std::string AName(const Json& d) { return Str(d["states"][0]["name"]); }
std::string BName(const Json& d) { return Str(d["states"][1]["name"]); }

// The markup `write` produces through the page's writer (so citations work inside).
template <typename Write>
std::string Capture(Page& p, Write write) {
  MarkupWriter into;
  MarkupWriter* outer = p.Swap(&into);
  write(into);
  p.Swap(outer);
  return into.Finish();
}

std::string InfoboxHtml(Page& p, const world::World& world, std::string* map_note) {
  const Json& d = p.d();
  std::string map_svg, map_caption;
  const world::State* sa = world.Find(Str(d["states"][0]["key"]));
  const world::State* sb = world.Find(Str(d["states"][1]["key"]));
  Result<MapData> data = LoadDefaultMapData();
  if (!data.ok()) {
    *map_note = "map data unavailable: " + data.status().message();
  } else if (sa && sb) {
    LocatorMapSpec spec{MapSideFromState(*sa), MapSideFromState(*sb)};
    spec.width = 400;
    spec.height = 260;
    Result<LocatorMap> map = RenderLocatorMap(spec, *data);
    if (map.ok()) {
      map_svg = map->svg;
      map_caption = fmt::format("{} and {}. {}", AName(d), BName(d), map->projection);
      *map_note = map->note;
    } else {
      *map_note = map.status().message();
    }
  }
  std::vector<InfoboxRow> rows;
  auto both = [&](const std::string& label, auto cell) {
    for (int side = 0; side < 2; ++side) {
      rows.push_back({fmt::format("{} ({})", label, Str(d["states"][side]["name"])),
                      Capture(p, [&](MarkupWriter& w) { cell(side, w); })});
    }
  };
  both("Capital", [&](int side, MarkupWriter& w) { w.Text(Str(d["states"][side]["capital"])); });
  both("Mission", [&](int side, MarkupWriter& w) {
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
  both("Chief of mission", [&](int side, MarkupWriter& w) {
    const Json& e = d["infobox"]["envoys"][side == 0 ? "a_in_b" : "b_in_a"];
    const Json* h = !e["heads"].empty() ? &e["heads"][0] : !e["undated"].empty() ? &e["undated"][0] : nullptr;
    if (h != nullptr) {
      w.Element("div", Str((*h)["person"]));
      w.Open("div");
      w.Text(Str((*h)["role_title"]));
      if ((*h)["start"].is_string()) w.Text(", since " + Str((*h)["start"]));
      if ((*h)["undated"].get<bool>()) w.Text(" (undated)");
      p.Cite((*h)["cite"]);
      w.Close();
    } else if (!e["vacant"].empty()) {
      w.Text("vacant");
      p.Cite(e["vacant"][0]["cite"]);
    } else {
      w.Text("none recorded on this date");
    }
  });
  rows.push_back({"Diplomatic relations", Capture(p, [&](MarkupWriter& w) {
                    const Json& since = d["infobox"]["relations_since"];
                    if (since.is_null()) {
                      w.Text(Str(d["overview"]["relations"]["state"]));
                    } else {
                      w.Text("since " + Str(since["when"]));
                      p.Cite(since["cite"]);
                    }
                  })});
  return Infobox(Str(d["title"]), map_svg, map_caption, rows);
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
    w.Element("p", "Sources disagree on these dates; each is shown with its source.", {{"class", "dy-note"}});
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

// The envoys of both sides and the pair's happenings on one time axis.
void EnvoyStrip(Page& p) {
  const Json& d = p.d();
  TimelineSpec spec;
  spec.title = "Envoys and happenings over time";
  spec.desc = fmt::format("Terms of the chiefs of mission of {} and {}, and dated happenings", AName(d), BName(d));
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
  if (spec.lanes.empty() && spec.marks.empty()) return;
  spec.to = YearOf(d["as_of"]) + 1;
  p.w().Raw(RenderFigure(RenderTimeline(spec), spec.title));
}

void Timeline(Page& p) {
  const Json& d = p.d();
  MarkupWriter& w = p.w();
  p.SectionOpen("timeline", "Timeline");
  if (d["timeline"].empty()) w.Element("p", "No dated facts or happenings are recorded for this pair.", {{"class", "dy-note"}});
  for (const Json& y : d["timeline"]) {
    w.Element("h3", y["year"].is_null() ? std::string("Undated") : std::to_string(y["year"].get<int>()));
    p.FactList(y["items"], "");
  }
  w.Close();
}

void ChiefsTable(Page& p, const Json& chiefs, const std::string& caption) {
  if (chiefs.empty()) {
    p.w().Element("p", caption + ": none recorded.", {{"class", "dy-note"}});
    return;
  }
  ScrollTable(p, caption, [&](MarkupWriter& w) {
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
  });
}

void Representation(Page& p) {
  const Json& d = p.d();
  MarkupWriter& w = p.w();
  p.SectionOpen("representation", "Diplomatic representation");
  EnvoyStrip(p);
  for (const auto& [side, title] : {std::pair{"a_in_b", AName(d) + " in " + BName(d)}, std::pair{"b_in_a", BName(d) + " in " + AName(d)}}) {
    w.Element("h3", "Missions of " + title);
    if (d["representation"]["missions"][side].empty()) w.Element("p", "None recorded.", {{"class", "dy-note"}});
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
  if (groups.empty()) w.Element("p", empty, {{"class", "dy-note"}});
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
    w.Element("p", "No memberships recorded.", {{"class", "dy-note"}});
    w.Close();
    return;
  }
  ScrollTable(p, "Memberships in international organizations on " + Str(d["as_of"]), [&](MarkupWriter& w) {
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
  });
  w.Close();
}

void Opinion(Page& p) {
  const Json& d = p.d();
  MarkupWriter& w = p.w();
  p.SectionOpen("opinion", "Public opinion");
  if (d["public_opinion"].empty()) w.Element("p", "No poll results recorded.", {{"class", "dy-note"}});
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
    w.Element("p", Str(e["note"]), {{"class", "dy-note"}});
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
    ScrollTable(p, "Most frequent event types, both directions", [&](MarkupWriter& t) {
      t.Open("tr");
      for (const char* h : {"CAMEO", "Event type", "Events"}) t.Element("th", h, {{"scope", "col"}});
      t.Close();
      for (const Json& c : e["top_codes"]) {
        t.Open("tr");
        t.Element("td", Str(c["code"]));
        t.Element("td", Str(c["label"]));
        t.Element("td", std::to_string(c["count"].get<uint64_t>()), {{"class", "dy-num"}});
        t.Close();
      }
    });
  }
  w.Close();
}

void Sources(Page& p) {
  std::vector<SourceEntry> entries;
  for (const Json& s : p.d()["sources"]) {
    SourceEntry e;
    e.number = s["n"].get<int>();
    e.title = Str(s["title"]);
    e.publisher = Str(s["publisher"]);
    if (s["author"].is_string()) e.publisher = Str(s["author"]) + (e.publisher.empty() ? "" : ". " + e.publisher);
    e.date = Str(s["date"]);
    e.url = Str(s["url"]);
    e.licence = Str(s["licence"]);
    entries.push_back(std::move(e));
  }
  p.SectionOpen("sources", "Sources");
  p.w().Raw(SourceList(entries));
  p.w().Close();
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
  std::string map_note;
  const std::string aside = InfoboxHtml(p, world, &map_note);
  MarkupWriter& w = p.w();
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

  PageSpec spec;
  spec.title = Str(d["title"]);
  spec.subtitle = fmt::format("As of {}. Generated by dyad from its data; every statement cites its numbered source.",
                              Str(d["as_of"]));
  spec.description = spec.title + ": a cited, data-backed dossier generated by dyad";
  spec.toc = {{"overview", "Overview"}, {"timeline", "Timeline"}, {"representation", "Representation"},
              {"agreements", "Agreements"}, {"memberships", "Memberships"}, {"security", "Security"},
              {"assistance", "Assistance"}, {"opinion", "Public opinion"}, {"trade", "Trade and currency"},
              {"events", "Events"}, {"sources", "Sources"}, {"see-also", "See also"}};
  spec.footer = "dyad dossier, schema dyad.dossier/1." + (map_note.empty() ? "" : " Map: " + map_note);
  return RenderPage(spec, aside, w.Finish());
}

}  // namespace dyad::report
