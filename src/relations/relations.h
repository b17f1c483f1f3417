// Relations: the bundled dyad-year datasets (UN votes, ATOP, COW trade, IGOs, MID, UCDP,
// contiguity, capitals), compiled and memory-mapped, and the queries the dossier and the
// research export ask of them.
//
// Every state argument is a world key (ISO alpha-3 where one exists: "KGZ", "USA"; former
// states "H-GFR"); importers mapped every upstream code through world as of the row's date.
// Every answer is a plain struct; a missing dyad-year is std::nullopt / an empty vector,
// which means "the dataset records nothing" (for ATOP, MID, UCDP, contiguity that is
// "none"; for trade and votes it is "no value"). Citations are in citations.h.
//
// Storage: a pack directory (data/relations) holds NAME.dyt.zst files; Open() maps each as
// a DyadTable from a cache directory, decompressing and publishing it atomically when the
// cache lacks the current version (the cache file is named by the pack file's size and
// modification time). `dyad compile` does the same at build time.
//
// Thread-safety: an opened Relations is immutable and safe to share.
#ifndef DYAD_RELATIONS_RELATIONS_H_
#define DYAD_RELATIONS_RELATIONS_H_

#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "base/status.h"
#include "relations/dyad_table.h"

namespace dyad::relations {

// UN General Assembly votes of a and b in one year (roll calls dated that year).
struct UnVoteYear {
  int year = 0;
  int votes_both = 0;  // roll calls in which both voted yes, no or abstain
  int agree = 0;       // of those, the ones with the same vote
  double agreement() const { return votes_both == 0 ? 0.0 : static_cast<double>(agree) / votes_both; }
  // |ideal point a − ideal point b| for the session opening that year, if both have one.
  std::optional<double> ideal_distance;
};

// ATOP obligations of a toward b in one year (directed: a's promises).
struct AllianceYear {
  int year = 0;
  bool defense = false, offense = false, neutral = false, nonagg = false, consul = false;
  bool any() const { return defense || offense || neutral || nonagg || consul; }
};

// COW trade, million current US dollars; nullopt where COW has no value.
struct TradeYear {
  int year = 0;
  std::optional<double> a_from_b;  // imports of a from b (COW flow1)
  std::optional<double> b_from_a;  // imports of b from a (COW flow2)
};

struct IgoYear {
  int year = 0;
  int shared = 0;  // COW IGO: organisations in which both are full members
};

// One year of a militarized interstate dispute between a and b (COW MID 5, directed).
struct DisputeYear {
  int dispnum = 0;
  int year = 0;
  bool onset = false;        // first year of this dyad's involvement (or re-entry)
  bool a_side_a = false;     // a on the initiating side
  int hostlev_a = 0, hostlev_b = 0;  // 1 no militarized action … 5 war
  int fatality_a = -9, fatality_b = -9;  // 0 none … 6 > 999, −9 unknown
};

// One year of a UCDP/PRIO armed conflict with a and b on opposite sides (primary parties).
struct ConflictYear {
  int conflict_id = 0;
  int year = 0;
  int intensity = 0;  // 1 minor (25–999 deaths), 2 war
  bool a_side_a = false;
};

// A COW direct-contiguity spell: 1 land or river border, 2–5 separated by ≤ 12/24/150/400 mi of water.
struct ContiguitySpell {
  int type = 0;
  int32_t start_day = 0, end_day = 0;  // days since 1970-01-01, inclusive
};

class Relations {
 public:
  // Opens every NAME.dyt.zst in pack_dir through cache_dir (created if absent; when it
  // cannot be written, tables are decompressed into memory instead).
  static Result<std::shared_ptr<const Relations>> Open(const std::string& pack_dir,
                                                       const std::string& cache_dir);
  // DataDir()/relations through $DYAD_CACHE or DataDir()/relations/compiled.
  static Result<std::shared_ptr<const Relations>> OpenDefault();
  static std::string DefaultPackDir();
  static std::string DefaultCacheDir();
  // Decompresses and verifies every table of pack_dir into cache_dir (build step).
  static Status Compile(const std::string& pack_dir, const std::string& cache_dir);

  // The table of a dataset ("unvotes", "unideal", "atop", "cow-trade", "cow-igo", "mid",
  // "ucdp", "contiguity", "capitals"), or nullptr when the pack lacks it.
  const DyadTable* table(std::string_view name) const;
  std::vector<std::string> table_names() const;

  std::optional<UnVoteYear> UnVoteAgreement(std::string_view a, std::string_view b, int year) const;
  std::vector<UnVoteYear> UnVoteSeries(std::string_view a, std::string_view b) const;
  std::optional<double> IdealPoint(std::string_view a, int year) const;

  std::optional<AllianceYear> Alliances(std::string_view a, std::string_view b, int year) const;
  std::vector<AllianceYear> AllianceSeries(std::string_view a, std::string_view b) const;

  std::optional<TradeYear> Trade(std::string_view a, std::string_view b, int year) const;
  std::vector<TradeYear> TradeSeries(std::string_view a, std::string_view b) const;

  std::optional<IgoYear> SharedIgos(std::string_view a, std::string_view b, int year) const;
  std::vector<IgoYear> SharedIgoSeries(std::string_view a, std::string_view b) const;

  std::vector<DisputeYear> Disputes(std::string_view a, std::string_view b) const;
  std::vector<ConflictYear> Conflicts(std::string_view a, std::string_view b) const;

  std::vector<ContiguitySpell> ContiguitySpells(std::string_view a, std::string_view b) const;
  // The closest contiguity type in force at any time of `year` (0 = none).
  int Contiguity(std::string_view a, std::string_view b, int year) const;
  // Great-circle distance between the capitals (COW capitals) on `day`, in km.
  std::optional<double> CapitalDistanceKm(std::string_view a, std::string_view b, int32_t day) const;

 private:
  std::map<std::string, std::shared_ptr<const DyadTable>, std::less<>> tables_;
};

// Where an undirected table keeps a dyad: the smaller key first.
inline std::pair<std::string_view, std::string_view> Undirected(std::string_view a, std::string_view b) {
  return a < b ? std::pair(a, b) : std::pair(b, a);
}

}  // namespace dyad::relations

#endif  // DYAD_RELATIONS_RELATIONS_H_
