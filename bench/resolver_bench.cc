// Resolver benchmark: dyad's resolver and pycountry, side by side, on the same names.
//
//   build-resolver/bench/resolver_bench [--python /usr/bin/python3] [--no-pycountry]
//
// 1. Accuracy and names/s on the merged suites (SharedDir()/data/resolver/
//    combined_name_variants.tsv), restricted to the rows pycountry can answer: those that
//    expect an ISO alpha-3 code or no match (the COW rows are left out; CLDR names are
//    mapped to ISO alpha-3). The rows are written to a temporary file that
//    bench/pycountry_resolve.py reads, so both see exactly the same names.
// 2. dyad's exact/alias lookups per second on one core: every English short and official
//    name and every alias of every state, resolved in a loop.
// 3. Mention scanning in MB/s over a generated corpus of English sentences (seeded, so
//    every run scans the same text).
// Not a test: it prints figures and exits 0 unless the inputs are missing.
#include <fmt/format.h>

#include <ctime>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <map>
#include <random>
#include <set>
#include <string>
#include <vector>

#include "base/line_reader.h"
#include "base/paths.h"
#include "world/resolver.h"
#include "world/resolver_text.h"
#include "world/world.h"
#include "name_variants.h"

namespace dyad::world {
namespace {

// Rates are per second of this thread's CPU time, so they measure one core even when
// other processes share the machine; wall-clock time is shown beside them.
struct Clock {
  double cpu, wall;
  static Clock now() {
    timespec cpu_ts, wall_ts;
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &cpu_ts);
    clock_gettime(CLOCK_MONOTONIC, &wall_ts);
    return {cpu_ts.tv_sec + cpu_ts.tv_nsec * 1e-9, wall_ts.tv_sec + wall_ts.tv_nsec * 1e-9};
  }
};

double Seconds(Clock since) { return Clock::now().cpu - since.cpu; }
double WallSeconds(Clock since) { return Clock::now().wall - since.wall; }

struct Row {
  std::string input, expected;  // expected: ISO alpha-3 or NA
};

// The rows pycountry can answer: ISO alpha-3 or no match (not COW letters, not CLDR names
// the table reader does not know).
std::vector<Row> ReadRows(const std::string& path) {
  std::vector<Row> rows;
  for (NameVariant& v : ReadNameVariants(path)) {
    if (v.scheme == "cowc" || v.expected.starts_with("?")) continue;
    rows.push_back({std::move(v.input), std::move(v.expected)});
  }
  return rows;
}

// ISO alpha-3 of a state; a former state answers through its only successor.
std::string Iso3(const World& world, const State* s) {
  if (auto code = s->Code(Scheme::kIso3)) return *code;
  const State* only = nullptr;
  int n = 0;
  for (const Link& l : s->links)
    if (l.kind == LinkKind::kSuccessor && (only = world.Find(l.other)) != nullptr) ++n;
  return n == 1 ? only->Code(Scheme::kIso3).value_or("") : "";
}

void Accuracy(const Resolver& resolver, const std::vector<Row>& rows) {
  int right = 0, wrong = 0, ambiguous = 0, missed = 0, nomatch_rows = 0, nomatch_hits = 0;
  std::set<std::string> expected_somewhere;  // the suites contradict each other on these
  for (const Row& row : rows)
    if (row.expected != "NA") expected_somewhere.insert(MatchKey(row.input));
  for (const Row& row : rows) {
    Resolution r = resolver.Resolve(row.input);
    std::string got = r.best() ? Iso3(resolver.world(), r.best()->state) : "";
    if (row.expected == "NA") {
      ++nomatch_rows;
      nomatch_hits += !got.empty();
      if (!got.empty()) {
        fmt::print("  dyad matched a no-match row: {} -> {}{}\n", row.input, got,
                   expected_somewhere.count(MatchKey(row.input))
                       ? " (contested: another suite expects a state for it)" : "");
      }
    } else if (r.outcome == Resolution::Outcome::kAmbiguous) {
      ++ambiguous;
    } else if (got == row.expected) {
      ++right;
    } else if (!got.empty()) {
      ++wrong;
    } else {
      ++missed;
    }
  }
  const int repeat = 200;
  auto start = Clock::now();
  size_t sink = 0;
  for (int i = 0; i < repeat; ++i)
    for (const Row& row : rows) sink += resolver.Resolve(row.input).candidates.size();
  const double rate = repeat * rows.size() / Seconds(start);
  const double wall_rate = repeat * rows.size() / WallSeconds(start);
  const int expecting = static_cast<int>(rows.size()) - nomatch_rows;
  fmt::print("dyad               rows={} right={} ({:.1f}%) wrong={} ambiguous={} missed={} "
             "nomatch_rows={} nomatch_hits={} names_per_s={:.0f} (wall {:.0f}; sink {})\n",
             expecting, right, 100.0 * right / expecting, wrong, ambiguous, missed, nomatch_rows,
             nomatch_hits, rate, wall_rate, sink % 10);
}

void AliasLookups(const Resolver& resolver) {
  std::vector<std::string> names;
  for (const State& s : resolver.world().states()) {
    names.push_back(s.name);
    if (!s.official_name.empty()) names.push_back(s.official_name);
    for (const Name& n : s.names) names.push_back(n.text);
  }
  size_t matched = 0;
  for (const std::string& n : names) matched += resolver.Resolve(n).outcome != Resolution::Outcome::kNoMatch;
  auto start = Clock::now();
  size_t lookups = 0;
  while (Seconds(start) < 2.0) {
    for (const std::string& n : names) matched += resolver.Resolve(n).candidates.size() > 0;
    lookups += names.size();
  }
  fmt::print("dyad alias lookups: {} distinct alias texts, {:.2f} M lookups/s on one core "
             "(wall {:.2f})\n",
             names.size(), lookups / Seconds(start) / 1e6, lookups / WallSeconds(start) / 1e6);
  (void)matched;
}

// Sentences of news-like filler with state names, demonyms and near misses.
std::string Corpus(const World& world, size_t bytes) {
  std::mt19937 rng(42);
  std::vector<std::string> names;
  for (const State& s : world.states())
    if (s.current()) names.push_back(s.name);
  const std::vector<std::string> filler = {
      "the", "minister", "said", "on", "Tuesday", "that", "talks", "with", "officials",
      "from", "would", "resume", "after", "a", "meeting", "in", "Geneva", "between",
      "delegations", "of", "and", "trade", "security", "agreement", "signed", "President",
      "government", "border", "cooperation", "us", "Perugia", "New", "Mexico", "City",
      "Central", "Asia", "European", "Union", "American", "officials", "U.S.", "visit"};
  std::string out;
  out.reserve(bytes + 256);
  while (out.size() < bytes) {
    const int words = 12 + static_cast<int>(rng() % 20);
    for (int w = 0; w < words; ++w) {
      if (rng() % 8 == 0) out += names[rng() % names.size()];
      else out += filler[rng() % filler.size()];
      out += w + 1 == words ? ".\n" : " ";
    }
  }
  return out;
}

void MentionScan(const Resolver& resolver) {
  const std::string corpus = Corpus(resolver.world(), 32u << 20);
  std::vector<std::string_view> sentences;
  for (size_t start = 0, nl; (nl = corpus.find('\n', start)) != std::string::npos; start = nl + 1)
    sentences.push_back(std::string_view(corpus).substr(start, nl - start));
  size_t mentions = 0;
  auto start = Clock::now();
  for (std::string_view s : sentences) mentions += resolver.FindMentions(s).size();
  const double secs = Seconds(start), wall = WallSeconds(start);
  fmt::print("dyad mention scan: {:.1f} MB in {} sentences, {} mentions, {:.1f} MB/s on one core "
             "(wall {:.1f})\n",
             corpus.size() / 1e6, sentences.size(), mentions, corpus.size() / 1e6 / secs,
             corpus.size() / 1e6 / wall);
}

int Main(int argc, char** argv) {
  std::string python = "/usr/bin/python3";
  bool pycountry = true, mentions_only = false;
  for (int i = 1; i < argc; ++i) {
    std::string a = argv[i];
    if (a == "--python" && i + 1 < argc) python = argv[++i];
    else if (a == "--no-pycountry") pycountry = false;
    else if (a == "--mentions-only") mentions_only = true;  // for profiling the scan
  }
  auto t0 = Clock::now();
  auto world = World::LoadDefault();
  if (!world.ok()) { fmt::print(stderr, "{}\n", world.status().ToString()); return 1; }
  auto resolver = Resolver::LoadDefault(*world);
  if (!resolver.ok()) { fmt::print(stderr, "{}\n", resolver.status().ToString()); return 1; }
  fmt::print("dyad world + resolver loaded in {:.0f} ms CPU ({} states)\n", Seconds(t0) * 1000,
             (*world)->states().size());

  if (mentions_only) {
    MentionScan(**resolver);
    return 0;
  }
  const std::string table = SharedDir() + "/data/resolver/combined_name_variants.tsv";
  std::vector<Row> rows = ReadRows(table);
  if (rows.empty()) { fmt::print(stderr, "no rows in {}\n", table); return 1; }
  fmt::print("names: {} rows of {} (ISO alpha-3 or no-match expected)\n", rows.size(), table);
  Accuracy(**resolver, rows);
  if (pycountry) {
    const std::string names_file = "/tmp/dyad_resolver_bench_names.tsv";
    {
      std::ofstream out(names_file);
      for (const Row& r : rows) {
        std::string input = r.input;
        for (char& c : input) if (c == '\t' || c == '\n') c = ' ';
        out << input << '\t' << r.expected << '\n';
      }
    }
    const std::string script = DyadHome() + "/bench/pycountry_resolve.py";
    std::fflush(stdout);
    int rc = std::system(fmt::format("'{}' '{}' '{}'", python, script, names_file).c_str());
    if (rc != 0) fmt::print("pycountry run failed (exit {}); is python3-pycountry installed?\n", rc);
  }
  AliasLookups(**resolver);
  MentionScan(**resolver);
  return 0;
}

}  // namespace
}  // namespace dyad::world

int main(int argc, char** argv) { return dyad::world::Main(argc, argv); }
