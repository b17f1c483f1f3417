// One event as readers produce it and the store keeps it.
//
// An EventView points into the reader's buffers and is valid only during the sink call
// that receives it; the store copies what it keeps. The dyad of an event is
// (src_country, tgt_country): CAMEO country codes as GDELT gives them (KGZ, or a region
// such as AFR), or state keys for ICEWS, whose rows name countries in English. Either may
// be "" when the source gives no country for that actor.
#ifndef DYAD_EVENTS_EVENT_H_
#define DYAD_EVENTS_EVENT_H_

#include <cmath>
#include <cstdint>
#include <string_view>

namespace dyad::events {

enum class Dataset : uint8_t {
  kUnknown = 0,
  kGdelt1 = 1,   // GDELT 1.0 events (57 or 58 columns)
  kGdelt2 = 2,   // GDELT 2.0 events (61 columns)
  kIcews = 3,    // ICEWS coded event data (20 columns)
  kNative = 4,   // dyad's own TSV (docs/formats/event-store.md, "Native TSV")
  kRecords = 5,  // coded from records, not news (events/records.h, docs/formats/coded-records.md)
};
std::string_view DatasetName(Dataset d);

struct EventView {
  int32_t day = 0;  // days since 1970-01-01 (base/date.h DaysFromCivil)
  std::string_view src_country, tgt_country;  // the dyad
  std::string_view src_state, tgt_state;      // world state keys, "" if none
  std::string_view src_actor, tgt_actor;      // GDELT actor code (USAGOV) or ICEWS name
  std::string_view src_role, tgt_role;        // GDELT Type1Code (GOV) or first ICEWS sector
  std::string_view code;                      // CAMEO event code, validated
  int quad = 0;                               // 1..4
  float goldstein = 0;                        // as the source gives it
  int32_t mentions = 0, sources = 0, articles = 0;
  float tone = 0;
  std::string_view geo_fips;   // action location: FIPS country code (GDELT), "" if none
  std::string_view geo_state;  // its state key, "" if unresolved
  int geo_type = 0;            // GDELT Geo_Type 0..5
  float lat = NAN, lon = NAN;
  Dataset dataset = Dataset::kUnknown;
  uint64_t id = 0;             // GLOBALEVENTID / ICEWS Event ID
  bool is_root = false;
  std::string_view url;        // SOURCEURL, "" when absent
};

}  // namespace dyad::events

#endif  // DYAD_EVENTS_EVENT_H_
