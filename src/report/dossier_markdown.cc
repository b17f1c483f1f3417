// Markdown rendering of a dossier document (report/dossier.h).
#include <fmt/format.h>

#include "report/dossier.h"
#include "report/markdown.h"

namespace dyad::report {
namespace {

std::string Str(const Json& j) { return j.is_string() ? j.get<std::string>() : std::string(); }

// "[1][2]" unescaped, for table cells (MarkdownTable escapes them).
std::string CitesPlain(const Json& cite) {
  std::string s;
  if (!cite.is_array()) return s;
  for (const Json& n : cite) s += fmt::format("[{}]", n.get<int>());
  return s;
}

// "\[1\]\[2\]", for running text.
std::string Cites(const Json& cite) {
  std::string s;
  if (!cite.is_array()) return s;
  for (const Json& n : cite) s += fmt::format("\\[{}\\]", n.get<int>());
  return s;
}

// Escapes a statement and appends its citation marks: "Text \[1\]\[2\]".
std::string Stated(const std::string& text, const Json& cite) {
  std::string marks;
  for (const Json& n : cite) marks += fmt::format("\\[{}\\]", n.get<int>());
  return EscapeMarkdown(text) + (marks.empty() ? "" : " " + marks);
}

std::string Line(const Json& fact) {
  std::string when = Str(fact["when"]);
  return fmt::format("- {}{}\n", when.empty() ? "" : "**" + EscapeMarkdown(when) + "** — ",
                     Stated(Str(fact["text"]), fact["cite"]));
}

void Section(std::string& out, const std::string& title) { out += "\n" + MarkdownHeading(2, title) + "\n\n"; }

void Infobox(const Json& d, std::string& out) {
  const Json& a = d["states"][0];
  const Json& b = d["states"][1];
  std::vector<std::vector<std::string>> rows;
  rows.push_back({"Capital", Str(a["capital"]), Str(b["capital"])});
  auto mission_cell = [](const Json& list) {
    std::string s;
    for (const Json& m : list) {
      if (!s.empty()) s += "; ";
      s += Str(m["name"]);
      if (m.contains("address")) s += ", " + Str(m["address"]);
    }
    return s.empty() ? std::string("—") : s;
  };
  rows.push_back({"Mission in the other", mission_cell(d["infobox"]["missions"]["a_in_b"]),
                  mission_cell(d["infobox"]["missions"]["b_in_a"])});
  auto envoy_cell = [](const Json& e) {
    if (!e["heads"].empty()) {
      const Json& h = e["heads"][0];
      return fmt::format("{} ({}, since {})", Str(h["person"]), Str(h["role_title"]),
                         h["start"].is_string() ? Str(h["start"]) : "?");
    }
    if (!e["undated"].empty())
      return fmt::format("{} ({}, undated)", Str(e["undated"][0]["person"]), Str(e["undated"][0]["role_title"]));
    if (!e["vacant"].empty()) return std::string("vacant");
    if (!e["previous"].is_null())
      return fmt::format("none recorded on this date (last: {})", Str(e["previous"]["person"]));
    return std::string("—");
  };
  rows.push_back({"Chief of mission", envoy_cell(d["infobox"]["envoys"]["a_in_b"]),
                  envoy_cell(d["infobox"]["envoys"]["b_in_a"])});
  const Json& since = d["infobox"]["relations_since"];
  std::string rel = since.is_null() ? "not recorded" : Str(since["when"]);
  rows.push_back({"Relations established", rel, rel});
  out += MarkdownTable({"", Str(a["name"]), Str(b["name"])}, rows);
}

void Overview(const Json& d, std::string& out) {
  Section(out, "Overview");
  out += EscapeMarkdown(Str(d["overview"]["summary"])) + "\n\n";
  const Json& rel = d["overview"]["relations"];
  out += fmt::format("Status on {}: **{}**.\n\n", Str(d["as_of"]), EscapeMarkdown(Str(rel["state"])));
  for (const Json& f : rel["recognition"]) out += Line(f);
  for (const Json& f : rel["since"]) out += Line(f);
  if (rel["recognition_disagrees"].get<bool>() || rel["sources_disagree"].get<bool>())
    out += "\n> Sources disagree on these dates; each is shown with its source.\n";
  if (!rel["last_break"].is_null()) out += Line(rel["last_break"]);
}

void Timeline(const Json& d, std::string& out) {
  Section(out, "Timeline");
  if (d["timeline"].empty()) out += "No dated facts or happenings are recorded for this pair.\n";
  for (const Json& y : d["timeline"]) {
    out += MarkdownHeading(3, y["year"].is_null() ? "Undated" : std::to_string(y["year"].get<int>())) + "\n\n";
    for (const Json& item : y["items"]) out += Line(item);
    out += "\n";
  }
}

void Representation(const Json& d, std::string& out) {
  Section(out, "Diplomatic representation");
  const std::string an = Str(d["states"][0]["name"]), bn = Str(d["states"][1]["name"]);
  for (const auto& [side, title] : {std::pair{"a_in_b", an + " in " + bn}, std::pair{"b_in_a", bn + " in " + an}}) {
    out += MarkdownHeading(3, "Missions of " + title) + "\n\n";
    if (d["representation"]["missions"][side].empty()) out += "None recorded.\n\n";
    for (const Json& m : d["representation"]["missions"][side]) {
      out += fmt::format("**{}** {}\n\n", EscapeMarkdown(Str(m["name"])), Cites(m["cite"]));
      for (const Json& f : m["facts"]) out += Line(f);
      out += "\n";
    }
    out += MarkdownHeading(3, "Chiefs of mission, " + title) + "\n\n";
    std::vector<std::vector<std::string>> rows;
    for (const Json& t : d["representation"]["chiefs"][side]) {
      if (t.value("vacant", false)) {
        rows.push_back({"(vacant)", "", Str(t["when"]), CitesPlain(t["cite"])});
        continue;
      }
      std::string end = t["end"].is_string() ? Str(t["end"]) : (t["ongoing"].get<bool>() ? "present" : "");
      rows.push_back({Str(t["person"]), Str(t["role_title"]),
                      fmt::format("{} – {}", t["start"].is_string() ? Str(t["start"]) : "?", end),
                      CitesPlain(t["cite"])});
    }
    if (rows.empty()) out += "None recorded.\n\n";
    else out += MarkdownTable({"Name", "Title", "Term", "Sources"}, rows) + "\n";
  }
  for (const char* side : {"a", "b"}) {
    for (const Json& o : d["representation"]["offices"][side]) {
      out += MarkdownHeading(3, "Responsible office: " + Str(o["name"])) + "\n\n";
      out += Line(o["responsible_for"]);
      int depth = 0;
      for (const Json& step : o["chain"]) {
        std::string holders;
        for (const Json& h : step["holders"])
          holders += fmt::format("{}{}{}", holders.empty() ? "" : ", ", Str(h["person"]),
                                 h["acting"].get<bool>() ? " (acting)" : "");
        out += fmt::format("{}- {}{} {}\n", std::string(depth * 2, ' '), EscapeMarkdown(Str(step["name"])),
                           holders.empty() ? "" : " — " + EscapeMarkdown(holders),
                           step["link"].is_null() ? "" : Cites(step["link"]["cite"]));
        ++depth;
      }
      out += "\n";
    }
  }
}

void Groups(const Json& groups, const std::string& empty, std::string& out) {
  if (groups.empty()) out += empty + "\n";
  for (const Json& g : groups) {
    out += fmt::format("**{}**{} {}\n\n", EscapeMarkdown(Str(g["name"])),
                       g.contains("status") ? " — " + EscapeMarkdown(Str(g["status"])) : "", Cites(g["cite"]));
    for (const Json& f : g["facts"]) out += Line(f);
    out += "\n";
  }
}

void Memberships(const Json& d, std::string& out) {
  Section(out, "Memberships");
  const Json& m = d["memberships"];
  std::vector<std::vector<std::string>> rows;
  for (const Json& s : m["shared"])
    rows.push_back({Str(s["organization_name"]), "both", Str(s["a"]["when"]) + " " + CitesPlain(s["a"]["cite"]),
                    Str(s["b"]["when"]) + " " + CitesPlain(s["b"]["cite"])});
  for (const Json& s : m["only_a"])
    rows.push_back({Str(s["organization_name"]), Str(d["states"][0]["name"]), Str(s["when"]) + " " + CitesPlain(s["cite"]), ""});
  for (const Json& s : m["only_b"])
    rows.push_back({Str(s["organization_name"]), Str(d["states"][1]["name"]), "", Str(s["when"]) + " " + CitesPlain(s["cite"])});
  if (rows.empty()) out += "No memberships recorded.\n";
  else out += MarkdownTable({"Organization", "Member", Str(d["states"][0]["name"]), Str(d["states"][1]["name"])}, rows);
}

void Opinion(const Json& d, std::string& out) {
  Section(out, "Public opinion");
  if (d["public_opinion"].empty()) out += "No poll results recorded.\n";
  for (const Json& p : d["public_opinion"]) {
    out += fmt::format("**{}** ({}{}) {}\n\n", EscapeMarkdown(Str(p["name"])), EscapeMarkdown(Str(p["year"])),
                       p["pollster"].is_string() ? ", " + EscapeMarkdown(Str(p["pollster"])) : "", Cites(p["cite"]));
    std::vector<std::vector<std::string>> rows;
    for (const Json& f : p["facts"])
      rows.push_back({f.contains("qualifiers") ? Str(f["qualifiers"].value("answer", Json(""))) : "",
                      Str(f["value"]), CitesPlain(f["cite"])});
    out += MarkdownTable({"Answer", "%", "Sources"}, rows, {Align::kLeft, Align::kRight, Align::kLeft}) + "\n";
  }
}

void FactSection(const std::string& title, const Json& facts, const std::string& empty, std::string& out) {
  Section(out, title);
  if (facts.empty()) out += empty + "\n";
  for (const Json& f : facts) out += Line(f);
}

void Events(const Json& d, std::string& out) {
  Section(out, "Event-based relations index");
  const Json& e = d["events"];
  if (!e["available"].get<bool>()) {
    out += EscapeMarkdown(Str(e["note"])) + "\n";
    return;
  }
  out += fmt::format("{} events in the store ({}).\n\n", e["total"].get<uint64_t>(), EscapeMarkdown(Str(e["store"])));
  for (const char* which : {"most_cooperative_month", "most_hostile_month"}) {
    if (e[which].is_null()) continue;
    out += fmt::format("- {}: {} (mean Goldstein {:.2f}, {} events)\n",
                       std::string(which) == "most_cooperative_month" ? "Most cooperative month" : "Most hostile month",
                       Str(e[which]["period"]), e[which]["goldstein_mean"].get<double>(), e[which]["count"].get<uint64_t>());
  }
  std::vector<std::vector<std::string>> rows;
  for (const Json& t : e["top_codes"])
    rows.push_back({Str(t["code"]), Str(t["label"]), std::to_string(t["count"].get<uint64_t>())});
  if (!rows.empty()) out += "\n" + MarkdownTable({"CAMEO", "Event type", "Events"}, rows);
  for (const char* dir : {"a_to_b", "b_to_a"}) {
    const Json& s = e["directions"][dir];
    std::vector<std::vector<std::string>> mrows;
    for (const Json& p : s["monthly"]) {
      if (p["count"].get<uint64_t>() == 0) continue;
      mrows.push_back({Str(p["period"]), std::to_string(p["count"].get<uint64_t>()),
                       p["goldstein_mean"].is_null() ? "" : fmt::format("{:.2f}", p["goldstein_mean"].get<double>())});
    }
    out += fmt::format("\n{} → {}: months with events\n\n", Str(s["source"]), Str(s["target"]));
    out += mrows.empty() ? "None.\n" : MarkdownTable({"Month", "Events", "Mean Goldstein"}, mrows);
  }
}

void Sources(const Json& d, std::string& out) {
  Section(out, "Sources");
  for (const Json& s : d["sources"]) {
    std::string line = fmt::format("{}. ", s["n"].get<int>());
    line += s["url"].is_string() ? MarkdownLink(Str(s["title"]), Str(s["url"])) : EscapeMarkdown(Str(s["title"]));
    for (const char* k : {"author", "publisher", "date", "licence"})
      if (s[k].is_string()) line += ". " + EscapeMarkdown(Str(s[k]));
    out += line + "\n";
  }
}

void SeeAlso(const Json& d, std::string& out) {
  Section(out, "See also");
  for (const Json& s : d["see_also"]) {
    out += "- " + EscapeMarkdown(Str(s["label"]));
    if (s["command"].is_string()) out += ": `" + Str(s["command"]) + "`";
    out += "\n";
  }
}

}  // namespace

std::string RenderMarkdown(const Json& d) {
  std::string out = MarkdownHeading(1, Str(d["title"])) + "\n\n";
  out += fmt::format("*As of {}. Generated by dyad from its data; every statement cites its numbered source.*\n\n",
                     Str(d["as_of"]));
  Infobox(d, out);
  Overview(d, out);
  Timeline(d, out);
  Representation(d, out);
  Section(out, "Agreements");
  Groups(d["agreements"], "No agreements recorded.", out);
  Memberships(d, out);
  Section(out, "Security");
  Groups(d["security"]["installations"], "No installations recorded.", out);
  for (const Json& i : d["security"]["incidents"]) out += Line(i);
  FactSection("Assistance", d["assistance"], "No assistance recorded.", out);
  Opinion(d, out);
  Json trade = Json::array();
  for (const char* k : {"pair", "a", "b"})
    for (const Json& f : d["trade_currency"][k]) trade.push_back(f);
  FactSection("Trade and currency", trade, "Nothing recorded.", out);
  Json context = Json::array();
  for (const char* k : {"pair", "a", "b"})
    for (const Json& f : d["context"][k]) context.push_back(f);
  if (!context.empty()) FactSection("Context", context, "", out);
  Events(d, out);
  Sources(d, out);
  SeeAlso(d, out);
  return out;
}

}  // namespace dyad::report
