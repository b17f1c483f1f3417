// The merged resolver test table (SharedDir()/data/resolver/combined_name_variants.tsv,
// columns source, input, scheme, expected; `NA` = must not match), read once for both the
// accuracy test and bench/resolver_bench.
#ifndef DYAD_TESTS_WORLD_NAME_VARIANTS_H_
#define DYAD_TESTS_WORLD_NAME_VARIANTS_H_

#include <string>
#include <string_view>
#include <vector>

namespace dyad::world {

struct NameVariant {
  std::string source, input, scheme, expected;
};

// Reads the table; "\t" in an input is a tab. Rows of scheme "country.name.en(cldr)"
// (countrycode's CLDR names) become scheme "iso3c" with the name's ISO alpha-3, or
// expected "?NAME" for a CLDR name this reader does not know. Rows without 4 columns are
// skipped. Empty when the file cannot be read.
std::vector<NameVariant> ReadNameVariants(const std::string& path);

// The input as the resolver normalises it (its tokens, space-separated), to find rows of
// the suites that contradict each other.
std::string MatchKey(std::string_view text);

}  // namespace dyad::world

#endif  // DYAD_TESTS_WORLD_NAME_VARIANTS_H_
