#include "report/html_page.h"

#include <fmt/format.h>

#include <algorithm>

#include "graphics/charts.h"
#include "graphics/locator_map.h"
#include "graphics/markup.h"

namespace dyad::report {

using namespace graphics;  // NOLINT: the drawing kit below report
namespace {

constexpr std::string_view kBaseCss = R"css(:root {
  color-scheme: light dark;
  --bg: #ffffff; --fg: #1a1a1a; --muted: #5f6b75; --line: #d5dbe0; --panel: #f5f7f9;
  --link: #0b5cad; --accent: #0072b2;
}
@media (prefers-color-scheme: dark) {
  :root { --bg: #101418; --fg: #eef1f3; --muted: #aab6bf; --line: #36414a; --panel: #182028;
          --link: #8cc4ff; --accent: #56b4e9; }
  .dy-void { fill: #101418; }
}
*, *::before, *::after { box-sizing: border-box; }
html { -webkit-text-size-adjust: 100%; text-size-adjust: 100%; }
body { margin: 0; background: var(--bg); color: var(--fg);
  font: 16px/1.55 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif; }
a { color: var(--link); }
a:focus-visible, [tabindex]:focus-visible { outline: 3px solid var(--accent); outline-offset: 2px; }
.dy-skip { position: absolute; left: -999px; top: 0; background: var(--bg); padding: .5rem; }
.dy-skip:focus { left: .5rem; }
header.dy-header, main, footer.dy-footer, nav.dy-toc { max-width: 72rem; margin: 0 auto; padding: 0 1rem; }
header.dy-header h1 { font-size: 1.9rem; line-height: 1.2; margin: 1.2rem 0 .2rem; }
header.dy-header p { margin: 0 0 1rem; color: var(--muted); }
nav.dy-toc ol { display: flex; flex-wrap: wrap; gap: .25rem 1rem; padding: 0; margin: 0 0 1rem; list-style: none; }
main { display: block; }
h2 { font-size: 1.4rem; border-bottom: 1px solid var(--line); padding-bottom: .2rem; margin-top: 2rem; }
h3 { font-size: 1.15rem; }
.dy-infobox { float: right; width: 24rem; max-width: 100%; margin: 0 0 1rem 1.5rem; background: var(--panel);
  border: 1px solid var(--line); border-radius: 6px; padding: .75rem; font-size: .92rem; }
.dy-infobox h2 { margin: 0 0 .5rem; font-size: 1.1rem; text-align: center; border: 0; }
.dy-infobox figure { margin: 0 0 .5rem; }
.dy-infobox figcaption { font-size: .8rem; color: var(--muted); text-align: center; }
.dy-infobox table { width: 100%; border-collapse: collapse; }
.dy-infobox th { text-align: left; vertical-align: top; padding: .25rem .5rem .25rem 0; width: 38%; }
.dy-infobox td { vertical-align: top; padding: .25rem 0; }
svg { max-width: 100%; height: auto; display: block; }
table { border-collapse: collapse; }
caption { text-align: left; font-weight: 600; padding: .25rem 0; }
.dy-table { font-size: .88rem; width: 100%; }
.dy-table th, .dy-table td { border-bottom: 1px solid var(--line); padding: .2rem .5rem; text-align: left; }
.dy-table th[scope="row"] { white-space: nowrap; }
.dy-table .dy-num { text-align: right; font-variant-numeric: tabular-nums; }
.dy-figure { clear: both; display: grid; grid-template-columns: minmax(0, 2fr) minmax(0, 1fr); gap: 1rem; margin: 1rem 0 1.5rem; align-items: start; }
.dy-figure figcaption { grid-column: 1 / -1; color: var(--muted); font-size: .9rem; }
.dy-figure-table { max-height: 18rem; overflow: auto; border: 1px solid var(--line); border-radius: 4px; padding: 0 .25rem; }
.dy-scroll { max-width: 100%; overflow-x: auto; }
.dy-cite { font-size: .75em; line-height: 0; }
.dy-cite a { text-decoration: none; }
.dy-sources li { margin-bottom: .35rem; }
.dy-note { color: var(--muted); font-size: .9rem; }
footer.dy-footer { clear: both; border-top: 1px solid var(--line); margin-top: 2rem; padding-top: .75rem; padding-bottom: 2rem;
  color: var(--muted); font-size: .85rem; }
@media (max-width: 48rem) {
  .dy-infobox { float: none; width: auto; margin: 0 0 1rem; }
  .dy-figure { grid-template-columns: minmax(0, 1fr); }
  header.dy-header h1 { font-size: 1.5rem; }
}
@media print {
  :root { --bg: #ffffff; --fg: #000000; --muted: #333333; --line: #999999; --panel: #ffffff; --link: #000000; }
  body { font-size: 11pt; }
  nav.dy-toc, .dy-skip { display: none; }
  .dy-figure, .dy-infobox, table, figure { break-inside: avoid; }
  .dy-figure-table { max-height: none; overflow: visible; border: 0; }
  h2, h3 { break-after: avoid; }
  .dy-sources a[href^="http"]::after { content: " (" attr(href) ")"; font-size: .85em; word-break: break-all; }
}
)css";

}  // namespace

std::string PageCss() {
  std::string css(kBaseCss);
  css += MapCss();
  css += ChartCss();
  return css;
}

std::string RenderPage(const PageSpec& page, std::string_view aside_html, std::string_view main_html) {
  MarkupWriter w;
  w.Raw("<!DOCTYPE html>\n");
  w.Open("html", {{"lang", page.lang}});
  w.Open("head");
  w.Void("meta", {{"charset", "utf-8"}});
  w.Void("meta", {{"name", "viewport"}, {"content", "width=device-width, initial-scale=1"}});
  w.Void("meta", {{"name", "color-scheme"}, {"content", "light dark"}});
  // No network request: forbid every fetch the page could make, even a favicon.
  w.Void("meta", {{"http-equiv", "Content-Security-Policy"},
                  {"content", "default-src 'none'; style-src 'unsafe-inline'; img-src data:"}});
  w.Void("link", {{"rel", "icon"}, {"href", "data:,"}});
  if (!page.description.empty()) w.Void("meta", {{"name", "description"}, {"content", page.description}});
  w.Element("title", page.title);
  w.Open("style");
  w.Raw(PageCss());
  w.Close();
  w.Close();  // head
  w.Open("body");
  w.Element("a", "Skip to content", {{"class", "dy-skip"}, {"href", "#content"}});
  w.Open("header", {{"class", "dy-header"}});
  w.Element("h1", page.title);
  if (!page.subtitle.empty()) w.Element("p", page.subtitle);
  w.Close();
  if (!page.toc.empty()) {
    w.Open("nav", {{"class", "dy-toc"}, {"aria-label", "Contents"}});
    w.Open("ol");
    for (const auto& e : page.toc) {
      w.Open("li");
      w.Element("a", e.title, {{"href", "#" + e.id}});
      w.Close();
    }
    w.Close();
    w.Close();
  }
  w.Open("main", {{"id", "content"}});
  w.Raw(aside_html);
  w.Raw(main_html);
  w.Close();
  w.Open("footer", {{"class", "dy-footer"}});
  w.Element("p", page.footer);
  w.Close();
  w.Close();  // body
  w.Close();  // html
  return w.Finish() + "\n";
}

std::string Section(std::string_view id, std::string_view title, std::string_view body_html, int level) {
  level = std::clamp(level, 2, 6);
  MarkupWriter w;
  w.Open("section", {{"id", id}, {"aria-labelledby", std::string(id) + "-h"}});
  w.Element(fmt::format("h{}", level), title, {{"id", std::string(id) + "-h"}});
  w.Raw(body_html);
  return w.Finish();
}

std::string Paragraph(std::string_view text) { return "<p>" + EscapeText(text) + "</p>"; }

std::string Cite(int n) {
  return fmt::format("<sup class=\"dy-cite\"><a href=\"#src-{0}\" aria-label=\"source {0}\">[{0}]</a></sup>", n);
}

std::string Link(std::string_view text, std::string_view url) {
  return "<a href=\"" + SafeHref(url) + "\">" + EscapeText(text) + "</a>";
}

std::string Table(std::string_view caption, const std::vector<std::string>& header,
                  const std::vector<std::vector<std::string>>& rows, const std::vector<bool>& numeric) {
  MarkupWriter w;
  w.Open("table", {{"class", "dy-table"}});
  w.Element("caption", caption);
  if (!header.empty()) {
    w.Open("thead");
    w.Open("tr");
    for (const auto& h : header) w.Element("th", h, {{"scope", "col"}});
    w.Close();
    w.Close();
  }
  w.Open("tbody");
  for (const auto& row : rows) {
    w.Open("tr");
    for (size_t i = 0; i < row.size(); ++i) {
      const bool num = i < numeric.size() && numeric[i];
      if (i == 0) w.Element("th", row[i], {{"scope", "row"}});
      else w.Element("td", row[i], {{"class", num ? "dy-num" : std::string_view()}});
    }
    w.Close();
  }
  return w.Finish();
}

std::string ScrollRegion(std::string_view label, std::string_view content_html) {
  MarkupWriter w;
  w.Open("div", {{"class", "dy-scroll"}, {"role", "region"}, {"tabindex", "0"}, {"aria-label", label}});
  w.Raw(content_html);
  return w.Finish();
}

std::string Infobox(std::string_view title, std::string_view map_svg, std::string_view map_caption,
                    const std::vector<InfoboxRow>& rows) {
  MarkupWriter w;
  w.Open("aside", {{"class", "dy-infobox"}, {"aria-labelledby", "infobox-h"}});
  w.Element("h2", title, {{"id", "infobox-h"}});
  if (!map_svg.empty()) {
    w.Open("figure");
    w.Raw(map_svg);
    if (!map_caption.empty()) w.Element("figcaption", map_caption);
    w.Close();
  }
  w.Open("table");
  for (const auto& r : rows) {
    w.Open("tr");
    w.Element("th", r.label, {{"scope", "row"}});
    w.Open("td");
    w.Raw(r.value_html);
    w.Close();
    w.Close();
  }
  return w.Finish();
}

std::string SourceList(const std::vector<SourceEntry>& sources) {
  MarkupWriter w;
  w.Open("ol", {{"class", "dy-sources"}});
  for (const auto& s : sources) {
    w.Open("li", {{"id", fmt::format("src-{}", s.number)}, {"value", std::to_string(s.number)}});
    if (!s.url.empty()) w.Raw(Link(s.title, s.url));
    else w.Text(s.title);
    std::string rest;
    for (const std::string* part : {&s.publisher, &s.date}) {
      if (!part->empty()) rest += ". " + *part;
    }
    if (!s.licence.empty()) rest += ". Licence: " + s.licence;
    if (!rest.empty()) w.Text(rest + ".");
    w.Close();
  }
  return w.Finish();
}

}  // namespace dyad::report
