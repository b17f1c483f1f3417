#include "report/markdown.h"

#include <algorithm>
#include <cctype>

#include "graphics/markup.h"

namespace dyad::report {

using namespace graphics;  // NOLINT: the drawing kit below report

namespace {

// A list marker, thematic break or setext underline ends at a space or the end of the line
// (or repeats: "---", "==="), so "-5.00" and "2.80" are numbers, not markup.
bool EndsMarker(std::string_view text, size_t i) {
  return i + 1 >= text.size() || text[i + 1] == ' ' || text[i + 1] == text[i];
}

}  // namespace

// Escapes only what can start markup, so names, dates and numbers stay readable as plain
// text: inline markers (\ ` * _ [ ] < > | ~) anywhere; '&' before a letter or '#' (an
// entity); and, at the very start of the text (newlines become spaces, so there is only one
// line start), '#' and '>', and '-', '+', '=' and the '.' or ')' of "1." / "1)" where they
// end a marker (EndsMarker).
std::string EscapeMarkdown(std::string_view text) {
  static constexpr std::string_view kInline = "\\`*_[]<>|~";
  static constexpr std::string_view kBlockStart = "#>";
  static constexpr std::string_view kMarkerStart = "-+=";
  std::string out;
  out.reserve(text.size() + 8);
  size_t digits = 0;  // leading digits seen so far (for "1." at the start)
  for (size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    const bool at_start = out.empty();
    if (c == '\n' || c == '\r' || c == '\t') {
      out += ' ';
      continue;
    }
    const bool entity = c == '&' && i + 1 < text.size() &&
                        (std::isalpha(static_cast<unsigned char>(text[i + 1])) || text[i + 1] == '#');
    const bool list_number = (c == '.' || c == ')') && digits == i && digits > 0 && EndsMarker(text, i);
    const bool marker = at_start && kMarkerStart.find(c) != std::string_view::npos && EndsMarker(text, i);
    if (kInline.find(c) != std::string_view::npos || entity || list_number || marker ||
        (at_start && kBlockStart.find(c) != std::string_view::npos)) {
      out += '\\';
    }
    if (std::isdigit(static_cast<unsigned char>(c)) && digits == i) ++digits;
    out += c;
  }
  return out;
}

std::string MarkdownHeading(int level, std::string_view text) {
  level = std::clamp(level, 1, 6);
  return std::string(static_cast<size_t>(level), '#') + " " + EscapeMarkdown(text);
}

std::string MarkdownLink(std::string_view text, std::string_view url) {
  if (SafeHref(url) == "#" && url != "#") return EscapeMarkdown(text);
  std::string target;
  for (char c : url) {
    switch (c) {
      case '<': target += "%3C"; break;
      case '>': target += "%3E"; break;
      case '\n': case '\r': break;
      case '\\': target += "%5C"; break;
      default: target += c;
    }
  }
  return "[" + EscapeMarkdown(text) + "](<" + target + ">)";
}

std::string MarkdownTable(const std::vector<std::string>& header,
                          const std::vector<std::vector<std::string>>& rows,
                          const std::vector<Align>& align) {
  const size_t n = header.size();
  if (n == 0) return "";
  std::string out = "|";
  for (const auto& h : header) out += " " + EscapeMarkdown(h) + " |";
  out += "\n|";
  for (size_t i = 0; i < n; ++i) {
    const Align a = i < align.size() ? align[i] : Align::kLeft;
    out += a == Align::kRight ? " ---: |" : a == Align::kCenter ? " :---: |" : " --- |";
  }
  out += '\n';
  for (const auto& row : rows) {
    out += '|';
    for (size_t i = 0; i < n; ++i) {
      out += ' ';
      if (i < row.size()) out += EscapeMarkdown(row[i]);
      out += " |";
    }
    out += '\n';
  }
  return out;
}

}  // namespace dyad::report
