// UTF-8 validation and the normal forms dyad matches text in.
#ifndef DYAD_BASE_UNICODE_H_
#define DYAD_BASE_UNICODE_H_

#include <cstddef>
#include <string>
#include <string_view>

#include "base/status.h"

namespace dyad {

// OK when `text` is valid UTF-8 (no overlongs, no surrogates, nothing above U+10FFFF).
// Otherwise InvalidArgument naming the byte offset of the first bad sequence, which is
// also stored in *bad_offset when given.
Status ValidateUtf8(std::string_view text, size_t* bad_offset = nullptr);

// NFC normalisation (canonical composition).
Result<std::string> NormalizeNfc(std::string_view text);

// NFKC with case folding: the form for caseless comparison ("Straße" -> "strasse").
Result<std::string> NfkcCasefold(std::string_view text);

// Removes combining marks after canonical decomposition: "Côte d'Ivoire" -> "Cote d'Ivoire".
Result<std::string> StripDiacritics(std::string_view text);

// The matching key used by the resolver and the coder: NFKC, case-folded, diacritics
// stripped, default-ignorable code points (soft hyphen, zero-width joiner) dropped.
Result<std::string> FoldForMatch(std::string_view text);

// Text safe to show on a terminal: control characters (C0 except newline, DEL, C1) and
// invalid UTF-8 bytes are written as \xHH escapes, and text longer
// than `max_bytes` is cut with "... (N more bytes)".
std::string EscapeForTerminal(std::string_view text, size_t max_bytes = 1024);

// Display columns of UTF-8 text on a terminal ("São Tomé" is 8, not 10 bytes' worth);
// an invalid byte counts as one column.
size_t DisplayColumns(std::string_view text);
// `text` followed by spaces up to `columns` display columns (never cut): printf's %-Ns
// pads bytes, so columns after a non-ASCII name would not line up.
std::string PadColumns(std::string_view text, size_t columns);

}  // namespace dyad

#endif  // DYAD_BASE_UNICODE_H_
