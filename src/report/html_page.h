// The HTML page shell and building blocks the dossier's HTML renderer assembles.
//
// The page is one self-contained file: inline CSS and SVG, no script, no web font, no
// external image, so opening it makes no network request. It follows the reader's
// light/dark preference (prefers-color-scheme), reflows for phones, prints cleanly
// (@media print), and uses landmarks (header, nav, main, aside, footer), one <h1>, tables
// with captions and scoped headers. All helpers escape their text arguments; arguments
// named *_html are trusted markup built with these helpers or MarkupWriter.
#ifndef DYAD_REPORT_HTML_PAGE_H_
#define DYAD_REPORT_HTML_PAGE_H_

#include <string>
#include <string_view>
#include <vector>

namespace dyad::report {

struct TocEntry {
  std::string id;     // section element id (anchor)
  std::string title;
};

struct PageSpec {
  std::string title;        // <title> and the <h1>
  std::string subtitle;     // a line under the <h1>, may be ""
  std::string description;  // <meta name="description">
  std::string lang = "en";
  std::vector<TocEntry> toc;  // "Contents" navigation; none when empty
  std::string footer;         // plain text: generator, data versions, "data current to"
};

// The full document: <!DOCTYPE html> … </html>. `main_html` goes into <main>; `aside_html`
// (the infobox) is placed first inside <main>'s grid so it floats right on wide screens.
std::string RenderPage(const PageSpec& page, std::string_view aside_html, std::string_view main_html);

// <section id=…><h2>title</h2>body</section> (level 2..6 for the heading).
std::string Section(std::string_view id, std::string_view title, std::string_view body_html, int level = 2);

// <p>text</p>, text escaped.
std::string Paragraph(std::string_view text);

// A citation mark: <sup class="dy-cite"><a href="#src-3">[3]</a></sup>.
std::string Cite(int n);

// <a href=…>text</a>; unsafe schemes (javascript:) become "#".
std::string Link(std::string_view text, std::string_view url);

// A data table with caption, column headers and row headers (the first cell of a row).
// Cells are escaped text; `numeric` marks right-aligned columns.
std::string Table(std::string_view caption, const std::vector<std::string>& header,
                  const std::vector<std::vector<std::string>>& rows,
                  const std::vector<bool>& numeric = {});

// Wraps wide content (a table) in a keyboard-scrollable region, so it scrolls sideways
// on a phone instead of widening the page: <div class="dy-scroll" role="region" …>.
std::string ScrollRegion(std::string_view label, std::string_view content_html);

struct InfoboxRow {
  std::string label;       // escaped
  std::string value_html;  // trusted markup (escape data with EscapeText first)
};

// The infobox: a titled <aside> with the map on top and label/value rows.
std::string Infobox(std::string_view title, std::string_view map_svg, std::string_view map_caption,
                    const std::vector<InfoboxRow>& rows);

struct SourceEntry {
  int number = 0;
  std::string title, publisher, date, url, licence;
};

// The numbered sources list; entry n has id "src-n" so Cite(n) links to it.
std::string SourceList(const std::vector<SourceEntry>& sources);

// The page's stylesheet (includes the map and chart dark-mode rules).
std::string PageCss();

}  // namespace dyad::report

#endif  // DYAD_REPORT_HTML_PAGE_H_
