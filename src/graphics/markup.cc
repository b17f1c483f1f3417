#include "graphics/markup.h"

#include <fmt/format.h>

#include <algorithm>
#include <cctype>
#include <cmath>
#include <iterator>

namespace dyad::graphics {
namespace {

// The length of the UTF-8 sequence that byte c starts and its smallest code point; a
// length of 0 when c cannot start one.
std::pair<size_t, uint32_t> LeadByte(unsigned char c) {
  if (c < 0x80) return {1, 0};
  if ((c & 0xE0) == 0xC0) return {2, 0x80};
  if ((c & 0xF0) == 0xE0) return {3, 0x800};
  if ((c & 0xF8) == 0xF0) return {4, 0x10000};
  return {0, 0};
}

// Not overlong, not past U+10FFFF, not a surrogate.
bool ValidCodePoint(uint32_t cp, uint32_t min) {
  return cp >= min && cp <= 0x10FFFF && !(cp >= 0xD800 && cp <= 0xDFFF);
}

// Length of the valid UTF-8 sequence at s[i], or 0 when it is invalid.
size_t Utf8SequenceLength(std::string_view s, size_t i) {
  const auto c = static_cast<unsigned char>(s[i]);
  const auto [n, min] = LeadByte(c);
  if (n <= 1) return n;
  if (i + n > s.size()) return 0;
  uint32_t cp = c & (0x7F >> n);
  for (size_t k = 1; k < n; ++k) {
    const auto d = static_cast<unsigned char>(s[i + k]);
    if ((d & 0xC0) != 0x80) return 0;
    cp = (cp << 6) | (d & 0x3F);
  }
  return ValidCodePoint(cp, min) ? n : 0;
}

// One ASCII character: & < > (and in attributes " and ') as entities, tab and newline
// kept (a space in attributes), other control characters dropped.
void EscapeAscii(char c, bool attr, std::string& out) {
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
}

std::string Escape(std::string_view text, bool attr) {
  std::string out;
  out.reserve(text.size() + 16);
  for (size_t i = 0; i < text.size();) {
    const size_t n = Utf8SequenceLength(text, i);
    if (n == 0) out += "\xEF\xBF\xBD";  // U+FFFD for an invalid byte
    else if (n > 1) out.append(text.substr(i, n));
    else EscapeAscii(text[i], attr, out);
    i += std::max<size_t>(n, 1);
  }
  return out;
}

bool IsVoid(std::string_view tag) {
  static constexpr std::string_view kVoid[] = {"area", "base", "br", "col", "embed", "hr",
                                               "img", "input", "link", "meta", "source", "wbr"};
  return std::find(std::begin(kVoid), std::end(kVoid), tag) != std::end(kVoid);
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

// "1.50" → "1.5", "2.00" → "2"; numbers without a decimal point are kept.
std::string TrimZeros(std::string s) {
  if (s.find('.') == std::string::npos) return s;
  while (s.back() == '0') s.pop_back();
  if (s.back() == '.') s.pop_back();
  return s;
}

std::string Num(double value, int decimals) {
  if (!std::isfinite(value)) return "0";
  std::string s = TrimZeros(fmt::format("{:.{}f}", value, decimals));
  return s == "-0" ? "0" : s;
}

void MarkupWriter::WriteAttr(std::string_view name, std::string_view value) {
  out_.append(" ").append(name).append("=\"").append(EscapeAttr(value)).append("\"");
}

void MarkupWriter::WriteAttrs(std::initializer_list<Attr> attrs) {
  for (const auto& [name, value] : attrs)
    if (value.data() != nullptr) WriteAttr(name, value);
}

void MarkupWriter::EndOpen(std::string_view tag) {
  out_ += '>';
  stack_.emplace_back(tag);
}

void MarkupWriter::Open(std::string_view tag, std::initializer_list<Attr> attrs) {
  out_.append("<").append(tag);
  WriteAttrs(attrs);
  EndOpen(tag);
}

void MarkupWriter::Open(std::string_view tag, const std::vector<std::pair<std::string, std::string>>& attrs) {
  out_.append("<").append(tag);
  for (const auto& [name, value] : attrs) WriteAttr(name, value);
  EndOpen(tag);
}

void MarkupWriter::Close() {
  if (stack_.empty()) return;
  out_.append("</").append(stack_.back()).append(">");
  stack_.pop_back();
}

void MarkupWriter::CloseTo(size_t depth) {
  while (stack_.size() > depth) Close();
}

void MarkupWriter::Element(std::string_view tag, std::string_view text, std::initializer_list<Attr> attrs) {
  Open(tag, attrs);
  Text(text);
  Close();
}

void MarkupWriter::Void(std::string_view tag, std::initializer_list<Attr> attrs) {
  out_.append("<").append(tag);
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
