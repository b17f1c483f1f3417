#include "base/strings.h"
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

// base/strings.h EscapeTsv (NUL, which packs never hold, also becomes \0).
std::string EscapeField(std::string_view raw);

// Unescapes `field` into *out. Returns false on a bad escape; *bad_offset is then the
// byte offset of the backslash.
bool UnescapeField(std::string_view field, std::string* out, size_t* bad_offset);

// Splitting lines is dyad::SplitTabs (base/strings.h).
using dyad::SplitTabs;

}  // namespace dyad::kb

#endif  // DYAD_KB_TSV_H_
