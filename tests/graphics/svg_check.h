// Test helper: parses SVG/HTML output as XML (the renderers emit polyglot markup).
#ifndef DYAD_TESTS_REPORT_SVG_CHECK_H_
#define DYAD_TESTS_REPORT_SVG_CHECK_H_

#include <gtest/gtest.h>
#include <pugixml.hpp>

#include <string>

namespace dyad::graphics {

inline ::testing::AssertionResult ParsesAsXml(const std::string& text, pugi::xml_document* doc) {
  const pugi::xml_parse_result r = doc->load_buffer(text.data(), text.size(), pugi::parse_default | pugi::parse_doctype);
  if (r) return ::testing::AssertionSuccess();
  const size_t at = static_cast<size_t>(r.offset);
  return ::testing::AssertionFailure() << r.description() << " at " << at << ": "
                                       << text.substr(at > 60 ? at - 60 : 0, 120);
}

// The SVG has role="img", a <title> and a <desc>, and references nothing external.
inline void ExpectAccessibleSvg(const pugi::xml_node& svg) {
  ASSERT_TRUE(svg) << "no <svg>";
  EXPECT_STREQ(svg.attribute("role").value(), "img");
  EXPECT_FALSE(std::string(svg.child("title").text().get()).empty());
  EXPECT_FALSE(std::string(svg.child("desc").text().get()).empty());
  for (const auto& n : svg.select_nodes(".//*[@href or @xlink:href]"))
    ADD_FAILURE() << "external reference in " << n.node().name();
}

}  // namespace dyad::graphics

#endif  // DYAD_TESTS_REPORT_SVG_CHECK_H_
