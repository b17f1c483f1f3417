// `dyad import embassies|leaders|factbook|treaties DIR --out PACK`: the open relations
// datasets (ingest/kb_datasets_import.h) to knowledge-base packs.
#include <fmt/format.h>

#include <chrono>
#include <cstdio>
#include <functional>
#include <memory>

#include "base/rejects.h"
#include "cli/commands.h"
#include "ingest/kb_datasets_import.h"
#include "kb/pack.h"
#include "world/resolver.h"
#include "world/world.h"

namespace dyad::cli {
namespace {

struct RelationsArgs {
  std::string dir;
  std::string out;
  std::string rejects;
  bool print_keys = false;
  bool force = false;
};

using Importer = std::function<Result<ingest::ImportResult>(const ingest::ImportInputs&)>;

void PrintCounts(const ingest::ImportResult& r) {
  std::printf("%-24s %8s %8s %8s %10s\n", "kind", "read", "accepted", "rejected", "duplicates");
  for (const auto& [kind, c] : r.counts) {
    std::printf("%-24s %8llu %8llu %8llu %10llu\n", kind.c_str(),
                static_cast<unsigned long long>(c.read), static_cast<unsigned long long>(c.accepted),
                static_cast<unsigned long long>(c.rejected),
                static_cast<unsigned long long>(c.duplicates));
    for (const auto& [reason, n] : c.rejected_by_reason)
      std::printf("%-24s   %llu %s\n", "", static_cast<unsigned long long>(n), reason.c_str());
  }
}

void PrintUnmapped(const ingest::ImportResult& r) {
  for (const auto& [scheme, codes] : r.unmapped) {
    std::printf("\nunmapped %s (%zu codes):\n", scheme.c_str(), codes.size());
    for (const auto& [code, u] : codes)
      std::printf("  %s\t%llu rows\t%s\n", code.c_str(), static_cast<unsigned long long>(u.rows),
                  u.reason.c_str());
  }
}

void PrintOutsideValidity(const ingest::ImportResult& r) {
  for (const auto& [scheme, codes] : r.outside_validity) {
    std::printf("\n%s mapped outside the registry's validity (the code only ever named one state):", scheme.c_str());
    for (const auto& [code, rows] : codes) std::printf(" %s (%llu)", code.c_str(), static_cast<unsigned long long>(rows));
    std::printf("\n");
  }
}

void PrintPack(const kb::PackData& pack, const std::string& out) {
  size_t participants = 0;
  for (const auto& o : pack.occurrences) participants += o.participants.size();
  std::printf("\npack %s: %zu sources, %zu entities, %zu facts, %zu occurrences, %zu participants%s\n",
              pack.name.c_str(), pack.sources.size(), pack.entities.size(), pack.facts.size(),
              pack.occurrences.size(), participants,
              out.empty() ? " (not written: no --out)" : fmt::format(" -> {}", out).c_str());
}

int Fail(std::string_view what, const Status& s) {
  std::fprintf(stderr, "dyad import %s: %s\n", std::string(what).c_str(), s.message().c_str());
  return kExitError;
}

int Run(std::string_view name, const Importer& import, const RelationsArgs& args) {
  auto t0 = std::chrono::steady_clock::now();
  auto world = world::World::LoadDefault();
  if (!world.ok()) return Fail(name, world.status());
  auto resolver = world::Resolver::LoadDefault(*world);
  if (!resolver.ok()) return Fail(name, resolver.status());
  RejectsOptions ropt;
  ropt.inputs = {args.dir};  // never overwrite a file the import reads
  ropt.force = args.force;
  auto sink = RejectSink::Open(args.rejects, ropt);
  if (!sink.ok()) return Fail(name, sink.status());
  ingest::ImportInputs in{args.dir, world->get(), resolver->get(), &*sink};
  auto result = import(in);
  if (!result.ok()) return Fail(name, result.status());
  if (Status s = sink->Close(); !s.ok()) return Fail(name, s);
  if (!args.out.empty()) {
    if (Status s = kb::WritePack(result->pack, args.out); !s.ok()) return Fail(name, s);
  }
  PrintCounts(*result);
  PrintPack(result->pack, args.out);
  PrintUnmapped(*result);
  PrintOutsideValidity(*result);
  if (args.print_keys) {
    std::printf("\nmapped codes:\n");
    for (const auto& [code, how] : result->mapped) std::printf("  %s\t%s\n", code.c_str(), how.c_str());
  }
  std::printf("time: %.2f s\n",
              std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count());
  uint64_t rejected = 0;
  for (const auto& [kind, c] : result->counts) rejected += c.rejected;
  if (rejected == 0) return kExitOk;
  std::printf("\n%llu rows not imported%s; first ones:\n", static_cast<unsigned long long>(rejected),
              args.rejects.empty() ? "" : fmt::format(" (all in {})", args.rejects).c_str());
  for (const std::string& m : sink->first_messages()) std::printf("  %s\n", m.c_str());
  return kExitPartial;
}

void Add(CLI::App* import, std::string name, std::string help, std::string dir_help, Importer fn) {
  auto args = std::make_shared<RelationsArgs>();
  CLI::App* cmd = import->add_subcommand(name, help);
  cmd->add_option("DIR", args->dir, dir_help)->required();
  cmd->add_option("--out", args->out, "write the pack to this directory");
  cmd->add_option("--rejects", args->rejects, "write every row not imported to this TSV file");
  cmd->add_flag("--print-keys", args->print_keys, "also list every code mapped and how");
  cmd->add_flag("--force", args->force, "let --rejects replace an existing file that is not a rejects file");
  cmd->callback([args, name, fn] { SetExitCode(Run(name, fn, *args)); });
}

CommandGroup g_relations_import(51, [](CLI::App& app) {
  CLI::App* import = app.get_subcommand("import");
  Add(import, "embassies", "Wikidata embassies and consulates (database-of-embassies)",
      "folder holding database_of_embassies_<date>.csv[.gz]", ingest::ImportEmbassies);
  Add(import, "leaders", "Leaders: Archigos, LEAD and REIGN",
      "folder holding archigos.csv, LEAD.csv, reign_leaderlist_*.csv", ingest::ImportLeaders);
  Add(import, "factbook", "CIA World Factbook JSON: heads of state and government, IGOs",
      "folder holding <region>/<gec>.json", ingest::ImportFactbook);
  Add(import, "treaties", "Treaties and trade agreements (manytreaties, manytrade)",
      "folder holding manytreaties/ and manytrade/", ingest::ImportTreaties);
});

}  // namespace
}  // namespace dyad::cli
