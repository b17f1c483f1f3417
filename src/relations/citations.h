// Citations of every bundled dataset, as BibTeX, for `dyad cite` and docs/DATA.md.
// Keys follow peacesciencer's ps_cite where it has the dataset (leedsetal2002atop,
// barbierietal2009td …). Each dataset lists the works to cite, first the upstream data.
#ifndef DYAD_RELATIONS_CITATIONS_H_
#define DYAD_RELATIONS_CITATIONS_H_

#include <string>
#include <string_view>
#include <vector>

namespace dyad::relations {

struct DatasetCitation {
  std::string_view dataset;   // the `dyad import` name ("atop")
  std::string_view title;     // "ATOP 5.1 alliances"
  std::string_view licence;   // licence or terms of use, as far as the source states them
  std::string_view currency;  // last date the data speak for (ISO)
  std::vector<std::string_view> bibtex;  // one entry per work
};

// Every dataset, in the order of docs/DATA.md.
const std::vector<DatasetCitation>& DatasetCitations();
// The dataset's citations, or nullptr.
const DatasetCitation* FindCitation(std::string_view dataset);

}  // namespace dyad::relations

#endif  // DYAD_RELATIONS_CITATIONS_H_
