// `dyad import historian DIR`: the Office of the Historian datasets to a pack.
#include <fmt/format.h>

#include <chrono>
#include <cstdio>

#include "base/file.h"
#include "base/paths.h"
#include "base/rejects.h"
#include "base/unicode.h"
#include "cli/commands.h"
#include "ingest/historian_import.h"
#include "ingest/historian_xml.h"
#include "ingest/territory_keys.h"
#include "kb/pack.h"
#include "world/resolver.h"
#include "world/world.h"

namespace dyad::cli {
namespace {

struct HistorianArgs {
  std::string dir;
  std::string out;
  std::string rejects;
  std::string keys;
  bool print_keys = false;
  bool force = false;
};

double Seconds(std::chrono::steady_clock::time_point since) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - since).count();
}

void PrintCounts(const ingest::KindCounts& counts) {
  std::printf("%-24s %8s %8s %8s %10s\n", "kind", "read", "accepted", "rejected", "duplicates");
  for (const auto& [kind, c] : counts) {
    std::printf("%-24s %8llu %8llu %8llu %10llu\n", kind.c_str(), static_cast<unsigned long long>(c.read),
                static_cast<unsigned long long>(c.accepted),
                static_cast<unsigned long long>(c.rejected), static_cast<unsigned long long>(c.duplicates));
    for (const auto& [reason, n] : c.rejected_by_reason)
      std::printf("%-24s   %llu %s\n", "", static_cast<unsigned long long>(n), reason.c_str());
  }
}

int RunHistorian(const HistorianArgs& args) {
  auto t0 = std::chrono::steady_clock::now();
  auto data = ingest::ReadHistorianDir(args.dir);
  if (!data.ok()) {
    std::fprintf(stderr, "dyad import historian: %s\n", data.status().message().c_str());
    return kExitError;
  }
  double read_s = Seconds(t0);
  if (data->chiefs.empty() && data->territories.empty() && data->rdcr.empty() &&
      data->visits.empty() && data->posts.empty()) {
    std::fprintf(stderr,
                 "dyad import historian: read no records under %s (expected pocom/, gsh/, rdcr/, "
                 "visits/ or travels/ with XML files); nothing written\n",
                 EscapeForTerminal(args.dir).c_str());
    return kExitError;
  }

  std::unique_ptr<world::Resolver> resolver;
  if (auto w = world::World::LoadDefault(); !w.ok()) {
    std::fprintf(stderr, "warning: world registry not loaded (%s); only the override table "
                 "maps historian ids\n", w.status().message().c_str());
  } else if (auto r = world::Resolver::LoadDefault(*w); !r.ok()) {
    std::fprintf(stderr, "dyad import historian: %s\n", r.status().message().c_str());
    return kExitError;
  } else {
    resolver = std::move(r).value();
  }
  std::string keys_path = args.keys.empty() ? DataDir() + "/historian/territory_keys.tsv" : args.keys;
  std::vector<ingest::OverrideRow> overrides;
  if (FileExists(keys_path) || !args.keys.empty()) {
    auto rows = ingest::ReadOverrides(keys_path);
    if (!rows.ok()) {
      std::fprintf(stderr, "dyad import historian: %s\n", rows.status().message().c_str());
      return kExitError;
    }
    overrides = std::move(rows).value();
  }
  auto keys = ingest::TerritoryKeys::Make(*data, resolver.get(), std::move(overrides));

  RejectsOptions ropt;
  ropt.inputs = {args.dir, keys_path};
  ropt.force = args.force;
  auto sink = RejectSink::Open(args.rejects, ropt);
  if (!sink.ok()) {
    std::fprintf(stderr, "dyad import historian: %s\n", sink.status().message().c_str());
    return kExitError;
  }
  ingest::KindCounts counts;
  std::vector<ingest::PeriodRule> periods;
  if (std::string periods_path = DataDir() + "/historian/territory_periods.tsv";
      FileExists(periods_path)) {
    auto rows = ingest::ReadPeriodRules(periods_path);
    if (!rows.ok()) {
      std::fprintf(stderr, "dyad import historian: %s\n", rows.status().message().c_str());
      return kExitError;
    }
    periods = std::move(rows).value();
  }
  kb::PackData pack = ingest::MapHistorian(*data, keys, periods, &*sink, &counts);
  double map_s = Seconds(t0) - read_s;
  if (Status s = sink->Close(); !s.ok()) {
    std::fprintf(stderr, "dyad import historian: %s\n", s.message().c_str());
    return kExitError;
  }
  if (!args.out.empty()) {
    if (Status s = kb::WritePack(pack, args.out); !s.ok()) {
      std::fprintf(stderr, "dyad import historian: %s\n", s.message().c_str());
      return kExitError;
    }
  }
  double total_s = Seconds(t0);

  PrintCounts(counts);
  size_t participants = 0;
  for (const auto& o : pack.occurrences) participants += o.participants.size();
  std::printf("\npack %s: %zu sources, %zu entities, %zu facts, %zu occurrences, %zu participants%s\n",
              pack.name.c_str(), pack.sources.size(), pack.entities.size(), pack.facts.size(),
              pack.occurrences.size(), participants,
              args.out.empty() ? " (not written: no --out)" : fmt::format(" -> {}", args.out).c_str());
  std::printf("time: %.2f s (read XML %.2f s, map %.2f s, write %.2f s)\n", total_s, read_s, map_s,
              total_s - read_s - map_s);

  uint64_t rejected = 0;
  for (const auto& [kind, c] : counts) rejected += c.rejected;
  std::printf("\nunmapped historian ids:\n");
  for (const auto& [id, r] : keys.memo())
    if (!r.ok()) std::printf("  %s: %s\n", id.c_str(), r.status().message().c_str());
  if (args.print_keys) {
    std::printf("\nmapped historian ids:\n");
    for (const auto& [id, r] : keys.memo())
      if (r.ok()) std::printf("  %s\t%s\t%s\n", id.c_str(), r->key.c_str(), r->how.c_str());
  }
  if (rejected > 0) {
    std::printf("\n%llu records not mapped%s; first ones:\n",
                static_cast<unsigned long long>(rejected),
                args.rejects.empty() ? "" : fmt::format(" (all in {})", args.rejects).c_str());
    for (const std::string& m : sink->first_messages()) std::printf("  %s\n", m.c_str());
    return kExitPartial;
  }
  return kExitOk;
}

CommandGroup g_import(50, [](CLI::App& app) {
  CLI::App* import = app.add_subcommand("import", "Import external datasets into packs");
  import->require_subcommand(1);
  auto args = std::make_shared<HistorianArgs>();
  CLI::App* hist = import->add_subcommand(
      "historian", "US Office of the Historian XML (pocom, gsh, rdcr, visits, travels)");
  hist->add_option("DIR", args->dir, "directory holding pocom/, gsh/, rdcr/, visits/, travels/")
      ->required();
  hist->add_option("--out", args->out, "write the pack to this directory");
  hist->add_option("--rejects", args->rejects, "write every unmapped record to this TSV file");
  hist->add_option("--keys", args->keys,
                   "override table historian_id/key/source (default data/historian/territory_keys.tsv)");
  hist->add_flag("--print-keys", args->print_keys, "also list every id mapped and how");
  hist->add_flag("--force", args->force, "let --rejects replace an existing file that is not a rejects file");
  hist->callback([args] { SetExitCode(RunHistorian(*args)); });
});

}  // namespace
}  // namespace dyad::cli
