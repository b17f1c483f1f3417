#include "report/markdown.h"

#include <algorithm>
#include <cctype>

#include "report/markup.h"

namespace dyad::report {

std::string EscapeMarkdown(std::string_view text) {
  static constexpr std::string_view kSpecial = "\\`*_{}[]()<>#+-.!|~&\"";
  std::string out;
  out.reserve(text.size() + 8);
  for (char c : text) {
    if (c == '\n' || c == '\r' || c == '\t') {
      out += ' ';
    } else if (kSpecial.find(c) != std::string_view::npos) {
      out += '\\';
      out += c;
    } else {
      out += c;
    }
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
