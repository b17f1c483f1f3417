// `dyad export dyad-years` beside DuckDB computing the same table from the same source
// files, in one run; then both answers compared on a sample of rows.
//   build/bench/dyad_years_bench BUILD_DIR SHARED_DATA [FROM=1946] [TO=2014] [EVERY=25]
// (run from the source tree; needs `cd bench && npm ci` for @duckdb/node-api).
// Prints the wall time of each side as a whole process, the ratio, and per column how many
// sampled rows differ.
#include <fmt/format.h>

#include <chrono>
#include <cmath>
#include <cstdlib>
#include <fstream>
#include <map>
#include <set>
#include <sstream>
#include <unordered_map>

#include "base/csv_reader.h"
#include "base/file.h"
#include "ingest/relations_import.h"
#include "relations/dyad_years.h"

using namespace dyad;

namespace {

double Run(const std::string& cmd) {
  auto t0 = std::chrono::steady_clock::now();
  int rc = std::system(cmd.c_str());
  double s = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  if (rc != 0) {
    fmt::print(stderr, "failed ({}): {}\n", rc, cmd);
    std::exit(1);
  }
  return s;
}

// The mapping dyad's unvotes importer applies, per roll-call date, code and name, to COW.
std::string Crosswalk(const std::string& rel, const world::World& w, const world::Resolver& r) {
  ingest::CodeMapper map(w, &r);
  std::unordered_map<int64_t, Date> dates;
  auto calls = std::move(CsvReader::Open(rel + "/unvotes/un_roll_calls.csv.gz")).value();
  CsvRow row;
  while (calls->Next(&row)) dates[*row.Int(0)] = *Date::ParseIso(row[3]);
  auto votes = std::move(CsvReader::Open(rel + "/unvotes/un_votes.csv.gz")).value();
  std::set<std::tuple<std::string, std::string, std::string>> seen;
  std::string out = "date\tcode\tname\tcow\n";
  while (votes->Next(&row)) {
    const Date& d = dates[*row.Int(0)];
    auto k = std::tuple(d.ToString(), std::string(row[2]), std::string(row[1]));
    if (!seen.insert(k).second) continue;
    auto key = row.missing(2) ? map.MapName(row[1], d) : map.MapCodeOrName(world::Scheme::kIso2, row[2], row[1], d);
    const world::State* s = key.empty() ? nullptr : w.Find(key);
    auto cow = s ? s->Code(world::Scheme::kCowNumeric, *Date::Make(d.year())) : std::nullopt;
    if (cow) out += fmt::format("{}\t{}\t{}\t{}\n", std::get<0>(k), std::get<1>(k), std::get<2>(k), *cow);
  }
  return out;
}

std::vector<std::string> Split(const std::string& s) {
  std::vector<std::string> out(1);
  for (char c : s) {
    if (c == ',') out.emplace_back(); else out.back().push_back(c);
  }
  return out;
}

bool Same(const std::string& x, const std::string& y) {
  if (x.empty() || y.empty()) return x.empty() && y.empty();
  return std::fabs(std::stod(x) - std::stod(y)) < 1e-9;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 3) {
    fmt::print(stderr, "usage: dyad_years_bench BUILD_DIR SHARED_DATA [FROM] [TO] [EVERY]\n");
    return 2;
  }
  std::string build = argv[1], data = argv[2];
  int from = argc > 3 ? std::atoi(argv[3]) : 1946, to = argc > 4 ? std::atoi(argv[4]) : 2014;
  int every = argc > 5 ? std::atoi(argv[5]) : 25;
  std::string tmp = "/tmp/dyad_years_bench";
  std::system(("mkdir -p " + tmp).c_str());
  auto w = world::World::LoadDefault();
  auto r = world::Resolver::LoadDefault(*w);
  if (!w.ok() || !r.ok()) return 1;
  if (!WriteFileAtomic(tmp + "/un_xwalk.tsv", Crosswalk(data + "/relations", **w, **r)).ok()) return 1;

  double dyad_s = Run(fmt::format("{}/dyad export dyad-years --from {} --to {} -o {}/dyad.csv", build, from, to, tmp));
  double duck_s = Run(fmt::format("node bench/dyad_years_duckdb.mjs {} {}/un_xwalk.tsv {} {} {}/duckdb.csv", data, tmp,
                                  from, to, tmp));

  // Sample every EVERY-th dyad row; find the same (year, cow_a, cow_b) in DuckDB's output.
  std::ifstream dy(tmp + "/dyad.csv"), dk(tmp + "/duckdb.csv");
  std::string line;
  std::getline(dy, line);
  auto names = Split(line);
  std::map<std::tuple<int, int, int>, std::vector<std::string>> sample;
  uint64_t dyad_rows = 0;
  while (std::getline(dy, line))
    if (dyad_rows++ % every == 0) {
      auto f = Split(line);
      std::vector<std::string> v = {f[0], f[3], f[4]};
      v.insert(v.end(), f.begin() + 5, f.end());
      sample[{std::stoi(f[0]), std::stoi(f[3]), std::stoi(f[4])}] = v;
    }
  std::getline(dk, line);
  uint64_t duck_rows = 0, found = 0;
  std::map<std::string, uint64_t> differ;
  while (std::getline(dk, line)) {
    ++duck_rows;
    auto f = Split(line);
    auto it = sample.find({std::stoi(f[0]), std::stoi(f[1]), std::stoi(f[2])});
    if (it == sample.end()) continue;
    ++found;
    for (size_t c = 3; c < f.size(); ++c)
      if (!Same(it->second[c], f[c])) ++differ[names[c + 2]];
  }
  fmt::print("dyad-years {}-{}: dyad {} rows in {:.2f} s; DuckDB {} rows in {:.2f} s; dyad is {:.2f}x faster\n", from,
             to, dyad_rows, dyad_s, duck_rows, duck_s, duck_s / dyad_s);
  fmt::print("sample: {} dyad rows, {} found in DuckDB's output; differing cells:{}\n", sample.size(), found,
             differ.empty() ? " none" : "");
  for (const auto& [col, n] : differ) fmt::print("  {}: {}\n", col, n);
  return 0;
}
