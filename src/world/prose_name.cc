#include "world/prose_name.h"

#include <string_view>

namespace dyad::world {
namespace {

bool StartsWith(std::string_view s, std::string_view p) { return s.substr(0, p.size()) == p; }
bool EndsWith(std::string_view s, std::string_view p) {
  return s.size() >= p.size() && s.substr(s.size() - p.size()) == p;
}

// Names that take the article although no rule below catches them.
bool ListedWithArticle(std::string_view name) {
  static constexpr std::string_view kWithArticle[] = {
      "United States", "United Kingdom", "Netherlands", "Philippines", "Bahamas", "Gambia",
      "Comoros", "Maldives", "Holy See", "Soviet Union", "Russian Federation", "Ivory Coast",
      "West Bank", "Gaza Strip", "European Union"};
  for (std::string_view n : kWithArticle)
    if (name == n || StartsWith(name, std::string(n) + " of")) return true;
  return false;
}

// Formal and plural names: "Republic of the Congo", "Kingdom of Spain", "Federated States of
// Micronesia", "Cook Islands", "Czech Republic", "United Arab Emirates".
bool FormalOrPlural(std::string_view name) {
  static constexpr std::string_view kPrefixes[] = {
      "Republic of", "Kingdom of", "State of", "Federated States", "Federal Republic",
      "Democratic Republic", "People's Republic", "Islamic Republic", "Commonwealth of",
      "Principality of", "Sultanate of", "Grand Duchy", "Union of", "United "};
  for (std::string_view p : kPrefixes)
    if (StartsWith(name, p)) return true;
  return EndsWith(name, " Islands") || EndsWith(name, " Republic") || EndsWith(name, " Emirates");
}

}  // namespace

std::string StateInText(const std::string& name) {
  if (StartsWith(name, "the ") || StartsWith(name, "The ")) return name;
  return ListedWithArticle(name) || FormalOrPlural(name) ? "the " + name : name;
}

}  // namespace dyad::world
