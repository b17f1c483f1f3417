#include "report/dossier_model.h"

#include <fmt/format.h>

namespace dyad::report {

std::string PlainText(const std::vector<Clause>& clauses) {
  std::string out;
  for (const Clause& clause : clauses) {
    for (const Segment& s : clause) {
      out += s.text;
      if (!s.cite.empty()) out += " ";
      for (int n : s.cite) out += fmt::format("[{}]", n);
    }
    out += ". ";
  }
  if (!out.empty()) out.pop_back();
  return out;
}

}  // namespace dyad::report
