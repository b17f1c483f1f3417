#include "graphics/markup.h"

#include <fmt/format.h>

#include <cctype>
#include <cmath>

namespace dyad::graphics {
namespace {

// Length of the valid UTF-8 sequence at s[i], or 0 when it is invalid.
size_t Utf8SequenceLength(std::string_view s, size_t i) {
  const auto c = static_cast<unsigned char>(s[i]);
  size_t n = 0;
  uint32_t min = 0;
  if (c < 0x80) return 1;
  if ((c & 0xE0) == 0xC0) { n = 2; min = 0x80; }
  else if ((c & 0xF0) == 0xE0) { n = 3; min = 0x800; }
  else if ((c & 0xF8) == 0xF0) { n = 4; min = 0x10000; }
  else return 0;
  if (i + n > s.size()) return 0;
  uint32_t cp = c & (0x7F >> n);
  for (size_t k = 1; k < n; ++k) {
    const auto d = static_cast<unsigned char>(s[i + k]);
    if ((d & 0xC0) != 0x80) return 0;
    cp = (cp << 6) | (d & 0x3F);
  }
  if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return 0;
  return n;
}

std::string Escape(std::string_view text, bool attr) {
  std::string out;
  out.reserve(text.size() + 16);
  for (size_t i = 0; i < text.size();) {
    const char c = text[i];
    const size_t n = Utf8SequenceLength(text, i);
    if (n == 0) {
      out += "\xEF\xBF\xBD";  // U+FFFD
      ++i;
      continue;
    }
    if (n > 1) {
      out.append(text.substr(i, n));
      i += n;
      continue;
    }
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += attr ? "&quot;" : "\""; break;
      case '\'': out += attr ? "&#39;" : "'"; break;
      case '\t': case '\n': out += attr ? ' ' : c; break;
      default:
        if (static_cast<unsigned char>(c) >= 0x20 && c != 0x7F) out += c;
    }
    ++i;
  }
  return out;
}

bool IsVoid(std::string_view tag) {
  static constexpr std::string_view kVoid[] = {"area", "base", "br", "col", "embed", "hr",
                                               "img", "input", "link", "meta", "source", "wbr"};
  for (auto v : kVoid)
    if (v == tag) return true;
  return false;
}

}  // namespace

std::string EscapeText(std::string_view text) { return Escape(text, false); }
std::string EscapeAttr(std::string_view text) { return Escape(text, true); }

std::string SafeHref(std::string_view url) {
  size_t start = 0;
  while (start < url.size() && static_cast<unsigned char>(url[start]) <= 0x20) ++start;
  url.remove_prefix(start);
  const size_t colon = url.find(':');
  const size_t delim = url.find_first_of("/?#");
  if (colon != std::string_view::npos && (delim == std::string_view::npos || colon < delim)) {
    std::string scheme;
    for (char c : url.substr(0, colon))
      scheme += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    if (scheme != "http" && scheme != "https" && scheme != "mailto") return "#";
  }
  return EscapeAttr(url);
}

std::string Num(double value, int decimals) {
  if (!std::isfinite(value)) return "0";
  std::string s = fmt::format("{:.{}f}", value, decimals);
  if (s.find('.') != std::string::npos) {
    while (s.back() == '0') s.pop_back();
    if (s.back() == '.') s.pop_back();
  }
  if (s == "-0") s = "0";
  return s;
}

void MarkupWriter::WriteAttrs(std::initializer_list<Attr> attrs) {
  for (const auto& [name, value] : attrs) {
    if (value.data() == nullptr) continue;
    out_ += ' ';
    out_ += name;
    out_ += "=\"";
    out_ += EscapeAttr(value);
    out_ += '"';
  }
}

void MarkupWriter::Open(std::string_view tag, std::initializer_list<Attr> attrs) {
  out_ += '<';
  out_ += tag;
  WriteAttrs(attrs);
  out_ += '>';
  stack_.emplace_back(tag);
}

void MarkupWriter::Open(std::string_view tag,
                        const std::vector<std::pair<std::string, std::string>>& attrs) {
  out_ += '<';
  out_ += tag;
  for (const auto& [name, value] : attrs) {
    out_ += ' ';
    out_ += name;
    out_ += "=\"";
    out_ += EscapeAttr(value);
    out_ += '"';
  }
  out_ += '>';
  stack_.emplace_back(tag);
}

void MarkupWriter::Close() {
  if (stack_.empty()) return;
  out_ += "</";
  out_ += stack_.back();
  out_ += '>';
  stack_.pop_back();
}

void MarkupWriter::CloseTo(size_t depth) {
  while (stack_.size() > depth) Close();
}

void MarkupWriter::Element(std::string_view tag, std::string_view text,
                           std::initializer_list<Attr> attrs) {
  Open(tag, attrs);
  Text(text);
  Close();
}

void MarkupWriter::Void(std::string_view tag, std::initializer_list<Attr> attrs) {
  out_ += '<';
  out_ += tag;
  WriteAttrs(attrs);
  out_ += IsVoid(tag) ? " />" : "/>";
}

void MarkupWriter::Text(std::string_view text) { out_ += EscapeText(text); }
void MarkupWriter::Raw(std::string_view markup) { out_ += markup; }

std::string MarkupWriter::Finish() {
  CloseTo(0);
  return std::move(out_);
}

}  // namespace dyad::graphics
