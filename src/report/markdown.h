// Markdown helpers for the dossier's Markdown rendering (CommonMark + GFM tables).
//
// Contract: text from data goes through EscapeMarkdown (inline text) or the table and
// link helpers, which escape for you, so a name like "*Foo* | <script>" renders as the
// literal characters and can neither start markup nor break a table row.
#ifndef DYAD_REPORT_MARKDOWN_H_
#define DYAD_REPORT_MARKDOWN_H_

#include <string>
#include <string_view>
#include <vector>

namespace dyad::report {

// Backslash-escapes every ASCII punctuation character that can start or end inline
// markup (\ ` * _ { } [ ] ( ) < > # + - . ! | ~ & "), so the text renders literally
// anywhere in a paragraph, heading, list item or table cell. Newlines become spaces.
std::string EscapeMarkdown(std::string_view text);

// "## text" with the level clamped to 1..6; text escaped.
std::string MarkdownHeading(int level, std::string_view text);

// [text](<url>) with the text escaped and the URL in angle brackets (spaces, parentheses
// allowed; < > and newlines percent-encoded). Non-http(s)/mailto/relative URLs render as
// plain text, as in the HTML rendering.
std::string MarkdownLink(std::string_view text, std::string_view url);

enum class Align { kLeft, kRight, kCenter };

// A GFM pipe table. Cells are escaped (pipes cannot split a row); rows shorter than the
// header are padded with empty cells, longer ones are cut. Ends with a newline.
std::string MarkdownTable(const std::vector<std::string>& header,
                          const std::vector<std::vector<std::string>>& rows,
                          const std::vector<Align>& align = {});

}  // namespace dyad::report

#endif  // DYAD_REPORT_MARKDOWN_H_
