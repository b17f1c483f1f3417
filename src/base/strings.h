// Small string helpers every module shares (ASCII only; Unicode folding is base/unicode.h).
#ifndef DYAD_BASE_STRINGS_H_
#define DYAD_BASE_STRINGS_H_

#include <string>
#include <string_view>
#include <vector>

namespace dyad {

// The fields of one tab-separated line, as views into it, without unescaping:
// "a\tb" -> {"a", "b"}, "" -> {""}, "a\t" -> {"a", ""}.
void SplitTabs(std::string_view line, std::vector<std::string_view>* fields);
std::vector<std::string_view> SplitTabs(std::string_view line);
// Into out[0..max): the field count, or max + 1 when the line has more than `max` fields
// (then out holds the first max). For hot loops that must not allocate.
int SplitTabs(std::string_view line, std::string_view* out, int max);

// One TSV field with backslash, tab, newline, carriage return and NUL escaped as \\, \t,
// \n, \r, \0, so it never holds a raw separator.
std::string EscapeTsv(std::string_view raw);

// ASCII letters lower-cased; other bytes (UTF-8 included) unchanged.
std::string AsciiLower(std::string_view s);

// Without leading and trailing ASCII whitespace (space, \t, \n, \v, \f, \r).
std::string_view TrimWhitespace(std::string_view s);

}  // namespace dyad

#endif  // DYAD_BASE_STRINGS_H_
