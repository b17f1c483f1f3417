// Fuzzes the date parsers (base/date.h): every parser must return a Status for any bytes,
// and a date one parser accepts must print as text that Parse reads back as the same date.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "base/date.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  for (auto parse : {&dyad::Date::Parse, &dyad::Date::ParseIso, &dyad::Date::ParseEnglish,
                     &dyad::Date::ParseCompact}) {
    dyad::Result<dyad::Date> d = parse(text);
    if (!d.ok()) continue;
    dyad::Result<dyad::Date> again = dyad::Date::Parse(d->ToString());
    if (!again.ok() || !(*again == *d)) std::abort();  // ToString and Parse disagree
  }
  return 0;
}
