// Text escaping and a small HTML/SVG element writer shared by every renderer.
//
// Contract: every piece of text that comes from data (names, titles, URLs, labels) goes
// through EscapeText or EscapeAttr, or through MarkupWriter::Text / attribute values,
// which escape for you. Raw() is only for markup dyad produced itself (an SVG string).
// The output is polyglot: valid HTML5 and well-formed XML (void elements self-close),
// so tests can check a whole page with an XML parser.
#ifndef DYAD_GRAPHICS_MARKUP_H_
#define DYAD_GRAPHICS_MARKUP_H_

#include <initializer_list>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace dyad::graphics {

// Escapes & < > (text content). Invalid UTF-8 bytes become U+FFFD; control characters
// other than tab and newline are dropped (they are not allowed in XML 1.0).
std::string EscapeText(std::string_view text);
// Escapes & < > " ' (attribute values, always written double-quoted).
std::string EscapeAttr(std::string_view text);
// A URL safe to put in href: http(s), mailto, relative and #fragment links pass (escaped
// as an attribute); anything else (javascript:, data:, vbscript:) becomes "#".
std::string SafeHref(std::string_view url);

// Formats a coordinate or length compactly: at most `decimals` decimals, no trailing
// zeros, "-0" written as "0". Locale-independent.
std::string Num(double value, int decimals = 1);

using Attr = std::pair<std::string_view, std::string_view>;

// Appends elements to a string, keeping a stack of open elements.
//   MarkupWriter w;
//   w.Open("section", {{"id", "timeline"}});
//   w.Element("h2", "Timeline");
//   w.Close();  // </section>
class MarkupWriter {
 public:
  // Opens <tag attrs...>. Attribute values are escaped; an attribute whose value is
  // the empty string_view with a null data() pointer is omitted.
  void Open(std::string_view tag, std::initializer_list<Attr> attrs = {});
  void Open(std::string_view tag, const std::vector<std::pair<std::string, std::string>>& attrs);
  // Closes the innermost open element.
  void Close();
  // Closes elements until `depth()` equals `depth`.
  void CloseTo(size_t depth);
  // <tag attrs>escaped text</tag>
  void Element(std::string_view tag, std::string_view text, std::initializer_list<Attr> attrs = {});
  // <tag attrs/> for void elements (meta, br, circle, path...).
  void Void(std::string_view tag, std::initializer_list<Attr> attrs = {});
  void Text(std::string_view text);
  // Appends trusted markup verbatim.
  void Raw(std::string_view markup);
  void Newline() { out_ += '\n'; }

  size_t depth() const { return stack_.size(); }
  // Closes everything still open and returns the markup.
  std::string Finish();
  const std::string& str() const { return out_; }

 private:
  void WriteAttr(std::string_view name, std::string_view value);
  void WriteAttrs(std::initializer_list<Attr> attrs);
  void EndOpen(std::string_view tag);  // ends the start tag and pushes `tag`
  std::string out_;
  std::vector<std::string> stack_;
};

}  // namespace dyad::graphics

#endif  // DYAD_GRAPHICS_MARKUP_H_
