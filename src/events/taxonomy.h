// CAMEO event taxonomy: codes, labels, roots, quad classes, Goldstein weights, PLOVER types.
//
// Codes are strings of 2 to 4 digits whose first two digits are the root 01..20 (`010`,
// `0231`, `1384`). The quad class is the one GDELT assigns: roots 01-05 -> 1 (verbal
// cooperation), 06-09 -> 2 (material cooperation), 10-14 -> 3 (verbal conflict), 15-20 -> 4
// (material conflict). Goldstein weights come in three published variants that disagree
// on a few codes; GDELT's is the default. The table is data/cameo/cameo-codes.tsv
// (docs/formats/cameo-taxonomy.md). An invalid code is an error, never a default code.
#ifndef DYAD_EVENTS_TAXONOMY_H_
#define DYAD_EVENTS_TAXONOMY_H_

#include <array>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "base/status.h"

namespace dyad::events {

enum class GoldsteinScale : uint8_t { kGdelt = 0, kIcews = 1, kPhoenix = 2 };
// "gdelt", "icews", "phoenix".
Result<GoldsteinScale> ParseGoldsteinScale(std::string_view name);

struct CameoCode {
  std::string code;   // "0231"
  std::string level;  // "root", "base" or "sub"
  std::string root;   // "02"
  int quad = 0;       // 1..4, GDELT's assignment
  std::string label;
  std::array<std::optional<double>, 3> goldstein;  // indexed by GoldsteinScale
  std::string plover, plover_mode, plover_context;  // "" when CAMEO has no PLOVER type
  std::string source;  // per-field provenance, "label=gdelt-lookup;gdelt=...;..."
};

// Quad class of a root 1..20 as GDELT assigns it; 0 for anything else.
int QuadClassOfRoot(int root);
// Checks the shape of a code (2-4 ASCII digits, root 01..20) without a table.
Status CheckCameoSyntax(std::string_view code);

class Taxonomy {
 public:
  static Result<std::shared_ptr<const Taxonomy>> Load(const std::string& path);
  // DataDir()/cameo/cameo-codes.tsv, loaded once per process.
  static Result<std::shared_ptr<const Taxonomy>> LoadDefault();

  // The entry for `code`; InvalidArgument for a malformed code, NotFound for a
  // well-formed code CAMEO does not define.
  Result<const CameoCode*> Lookup(std::string_view code) const;
  // Fast path for readers: nullptr when unknown or malformed.
  const CameoCode* Find(std::string_view code) const;
  // The weight of `code` in `scale`; falls back to GDELT's value, then to the base
  // code's and root's, when the variant does not list the code.
  std::optional<double> Goldstein(const CameoCode& code, GoldsteinScale scale) const;
  const std::vector<CameoCode>& codes() const { return codes_; }

 private:
  static int Slot(std::string_view code);  // index into by_slot_, -1 when malformed
  std::vector<CameoCode> codes_;
  std::vector<int16_t> by_slot_;  // slot -> index into codes_, -1 if absent
};

}  // namespace dyad::events

#endif  // DYAD_EVENTS_TAXONOMY_H_
