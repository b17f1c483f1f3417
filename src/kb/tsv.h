// TSV field escaping and splitting for packs (docs/formats/packs.md, "Text").
//
// A field never holds a raw tab or newline. The writer escapes backslash, tab, newline
// and carriage return as \\, \t, \n, \r; the reader undoes exactly those four, keeps
// "\;" as is (the qualifier list's escaped semicolon) and rejects any other backslash
// sequence (so a stray "\x" is reported, not guessed at).
#ifndef DYAD_KB_TSV_H_
#define DYAD_KB_TSV_H_

#include <string>
#include <string_view>
#include <vector>

namespace dyad::kb {

std::string EscapeField(std::string_view raw);

// Unescapes `field` into *out. Returns false on a bad escape; *bad_offset is then the
// byte offset of the backslash.
bool UnescapeField(std::string_view field, std::string* out, size_t* bad_offset);

// Splits a line on tabs (no unescaping); an empty line yields one empty field.
void SplitTabs(std::string_view line, std::vector<std::string_view>* fields);

}  // namespace dyad::kb

#endif  // DYAD_KB_TSV_H_
