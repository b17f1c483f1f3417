// `dyad import unvotes|atop|cow-trade|igos|mid|ucdp|contiguity DIR --out PACK`,
// `dyad compile`, `dyad export dyad-years`, `dyad cite [DATASET]`.
#include <fmt/format.h>

#include <unistd.h>
#include <zstd.h>

#include <algorithm>
#include <cctype>
#include <cerrno>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <filesystem>

#include "base/file.h"
#include "base/paths.h"
#include "base/rejects.h"
#include "cli/commands.h"
#include "cli/session.h"
#include "ingest/relations_import.h"
#include "kb/snapshot.h"
#include "relations/citations.h"
#include "relations/dyad_years.h"
#include "relations/relations.h"

namespace dyad::cli {
namespace {

struct ImportArgs {
  std::string dir, out, rejects, peacesciencer;
  int level = 19;
  bool force = false;
};

// An import writes its tables into a staging directory beside --out (.NAME.tmp-import-PID)
// and only a complete import renames them into --out: an import that fails (a missing
// input file, after other tables were written) leaves the previous tables untouched.
Result<std::string> StagingDir(const std::string& out) {
  namespace fs = std::filesystem;
  std::error_code ec;
  if (fs::exists(out, ec) && !fs::is_directory(out, ec)) {
    return Status::FailedPrecondition(fmt::format("--out {} exists and is not a directory", out));
  }
  fs::path p = fs::path(out).lexically_normal();
  if (p.filename().empty()) p = p.parent_path();
  const fs::path parent = p.parent_path().empty() ? fs::path(".") : p.parent_path();
  fs::create_directories(parent, ec);
  const fs::path stage = parent / fmt::format(".{}.tmp-import-{}", p.filename().string(), ::getpid());
  fs::remove_all(stage, ec);
  if (!fs::create_directory(stage, ec)) {
    return Status::IOError(fmt::format("cannot create {}: {}", stage.string(), ec.message()));
  }
  return stage.string();
}

// Renames every staged file into `out` (created when absent) and fsyncs it; *written then
// names the published paths.
Status PublishStaged(const std::string& out, std::vector<std::string>* written) {
  namespace fs = std::filesystem;
  std::error_code ec;
  fs::create_directories(out, ec);
  if (ec) return Status::IOError(fmt::format("cannot create {}: {}", out, ec.message()));
  for (std::string& f : *written) {
    const std::string to = (fs::path(out) / fs::path(f).filename()).string();
    if (::rename(f.c_str(), to.c_str()) != 0) {
      return Status::IOError(fmt::format("cannot rename {} to {}: {}", f, to, std::strerror(errno)));
    }
    f = to;
  }
  return SyncDirectory(out);
}

int RunImport(const ingest::RelationsImporter& imp, const ImportArgs& args) {
  std::string cmd = "import " + imp.name;
  auto t0 = std::chrono::steady_clock::now();
  auto session = OpenSession(cmd, false);
  if (!session) return kExitError;
  // The rejects file never replaces an input: DIR, the peacesciencer tables (by default
  // DIR/../world/peacesciencer, as ingest/relations_import.h reads them).
  RejectsOptions ropt;
  ropt.inputs = {args.dir, args.peacesciencer.empty() ? args.dir + "/../world/peacesciencer" : args.peacesciencer};
  ropt.force = args.force;
  auto sink = RejectSink::Open(args.rejects, ropt);
  if (!sink.ok()) { PrintError(cmd, sink.status().message()); return kExitError; }
  auto stage = StagingDir(args.out);
  if (!stage.ok()) { PrintError(cmd, stage.status().message()); return kExitError; }
  ingest::ImportOptions o{args.dir, args.peacesciencer, *stage, &*sink, args.level};
  auto rep = imp.run(o, *session->world, *session->resolver);
  Status closed = sink->Close();
  if (rep.ok() && closed.ok()) closed = PublishStaged(args.out, &rep->written);
  std::error_code ec;
  std::filesystem::remove_all(*stage, ec);
  if (!rep.ok()) { PrintError(cmd, rep.status().message()); return kExitError; }
  if (!closed.ok()) { PrintError(cmd, closed.message()); return kExitError; }
  double s = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  std::printf("%s: %s\n", imp.name.c_str(), rep->counts.ToString().c_str());
  for (const auto& [reason, n] : rep->counts.rejected_by_reason)
    std::printf("  rejected %llu: %s\n", static_cast<unsigned long long>(n), reason.c_str());
  for (const auto& [t, n] : rep->table_rows) std::printf("table %s: %llu rows\n", t.c_str(), static_cast<unsigned long long>(n));
  std::printf("unmapped code rows: %llu (codes and reasons in %s/%s.unmapped.tsv)\n",
              static_cast<unsigned long long>(rep->unmapped_rows), args.out.c_str(), imp.name.c_str());
  for (const auto& f : rep->written) std::printf("wrote %s\n", f.c_str());
  std::printf("time: %.2f s\n", s);
  if (rep->counts.rejected > 0) {
    for (const auto& m : sink->first_messages()) std::printf("  %s\n", m.c_str());
    return kExitPartial;
  }
  return kExitOk;
}

void AddImports(CLI::App& app) {
  CLI::App* import = app.get_subcommand("import");
  for (const auto& imp : ingest::RelationsImporters()) {
    auto args = std::make_shared<ImportArgs>();
    CLI::App* c = import->add_subcommand(imp.name, imp.description);
    c->add_option("DIR", args->dir, "the prepared relations datasets (../shared/data/relations)")->required();
    c->add_option("--out", args->out, "pack directory to write (e.g. data/relations)")->required();
    c->add_option("--rejects", args->rejects, "write every rejected row to this TSV file");
    c->add_option("--peacesciencer", args->peacesciencer,
                  "peacesciencer tables (default DIR/../world/peacesciencer)");
    c->add_option("--zstd-level", args->level, "compression level of the written tables (default 19)")
        ->check(CLI::Range(ZSTD_minCLevel(), ZSTD_maxCLevel()));
    c->add_flag("--force", args->force, "let --rejects replace an existing file that is not a rejects file");
    const ingest::RelationsImporter* p = &imp;
    c->callback([p, args] { SetExitCode(RunImport(*p, *args)); });
  }
}

struct ExportArgs {
  int from = 1946, to = 2014;
  bool undirected = false;
  std::string format, out;  // format "": from -o's extension (.tsv, .ndjson, .jsonl), else csv
};

// The format of `-o FILE` when --format is not given, as `report -o X.JSON` is JSON.
std::string FormatOfOutput(const std::string& out) {
  std::string ext = std::filesystem::path(out).extension().string();
  std::transform(ext.begin(), ext.end(), ext.begin(), [](unsigned char c) { return std::tolower(c); });
  if (ext == ".tsv") return "tsv";
  if (ext == ".ndjson" || ext == ".jsonl") return "ndjson";
  return "csv";
}

int RunExport(const ExportArgs& args) {
  const char* cmd = "export dyad-years";
  auto format = relations::ParseExportFormat(args.format.empty() ? FormatOfOutput(args.out) : args.format);
  if (!format.ok()) { PrintError(cmd, format.status().message()); return kExitUsage; }
  auto session = OpenSession(cmd, false);
  if (!session) return kExitError;
  auto rel = relations::Relations::OpenDefault();
  if (!rel.ok()) { PrintError(cmd, rel.status().message()); return kExitError; }
  relations::DyadYearsOptions o{args.from, args.to, args.undirected, *format};
  if (o.from > o.to) {
    PrintError(cmd, fmt::format("--from {} is after --to {}", o.from, o.to));
    return kExitUsage;
  }
  // Rows are streamed: to standard output, or to a FileWriter published when complete
  // (never the whole export in memory).
  std::unique_ptr<FileWriter> file;
  if (!args.out.empty()) {
    auto w = FileWriter::Create(args.out);
    if (!w.ok()) { PrintError(cmd, w.status().message()); return kExitError; }
    file = std::move(w).value();
  }
  auto sink = [&file](std::string_view chunk) -> Status {
    if (file) return file->Append(chunk);
    return WriteStdout(chunk);
  };
  auto rows = relations::WriteDyadYears(*session->world, **rel, o, sink);
  if (!file && StdoutFailed()) return kExitError;  // main says so, once
  if (!rows.ok()) { PrintError(cmd, rows.status().message()); return kExitError; }
  if (file) {
    if (Status s = file->Commit(); !s.ok()) { PrintError(cmd, s.message()); return kExitError; }
    std::fprintf(stderr, "dyad export dyad-years: %llu rows -> %s\n", static_cast<unsigned long long>(*rows),
                 args.out.c_str());
  }
  return kExitOk;
}

int RunCite(const std::string& dataset) {
  std::vector<const relations::DatasetCitation*> which;
  if (dataset.empty()) {
    for (const auto& c : relations::DatasetCitations()) which.push_back(&c);
  } else if (const auto* c = relations::FindCitation(dataset)) {
    which.push_back(c);
  } else {
    std::string known;
    for (const auto& c : relations::DatasetCitations()) known += fmt::format(" {}", c.dataset);
    PrintError("cite", fmt::format("unknown dataset '{}'; known:{}", dataset, known));
    return kExitUsage;
  }
  for (const auto* c : which) {
    std::printf("%% %.*s: %.*s (currency %.*s)\n", int(c->dataset.size()), c->dataset.data(), int(c->title.size()),
                c->title.data(), int(c->currency.size()), c->currency.data());
    for (auto b : c->bibtex) std::printf("%.*s\n\n", int(b.size()), b.data());
  }
  return StdoutFailed() ? kExitError : kExitOk;  // main reports a failed write
}

// The knowledge-base snapshot of data/kb-packs (kb/snapshot.h), validated and compiled.
// `path`: where the snapshot goes (--cache DIR/kb.snapshot, else the default, which is
// $DYAD_CACHE/kb.snapshot: what the commands read when DYAD_CACHE is DIR).
int CompileKbSnapshot(const std::string& path) {
  std::vector<std::string> dirs = kb::Snapshot::DefaultPackDirs();
  if (dirs.empty()) return kExitOk;
  auto world = world::World::LoadDefault();
  if (!world.ok()) {
    PrintError("compile", "cannot load the world registry: " + world.status().message());
    return kExitError;
  }
  kb::LoadReport report;
  if (Status s = kb::Snapshot::Compile(**world, dirs, path, &report); !s.ok()) {
    PrintError("compile", s.message());
    return kExitError;
  }
  std::printf("compiled %zu knowledge-base packs -> %s (%d row(s) rejected)\n", dirs.size(), path.c_str(),
              static_cast<int>(report.total.rejected));
  return kExitOk;
}

int RunCompile(const std::string& pack, const std::string& cache) {
  std::string p = pack.empty() ? relations::Relations::DefaultPackDir() : pack;
  std::string c = cache.empty() ? relations::Relations::DefaultCacheDir() : cache;
  if (Status s = relations::Relations::Compile(p, c); !s.ok()) {
    PrintError("compile", s.message());
    return kExitError;
  }
  std::printf("compiled %s -> %s\n", p.c_str(), c.c_str());
  return CompileKbSnapshot(cache.empty() ? kb::Snapshot::DefaultPath() : c + "/kb.snapshot");
}

const CommandGroup kRelationsGroup(51, [](CLI::App& app) {
  AddImports(app);

  auto ex = std::make_shared<ExportArgs>();
  CLI::App* exp = app.add_subcommand("export", "Research exports of the bundled datasets");
  exp->require_subcommand(1);
  CLI::App* dy = exp->add_subcommand("dyad-years", "One row per directed dyad-year of COW system members "
                                                   "(docs/formats/dyad-years.md)");
  dy->add_option("--from", ex->from, "first year (default 1946)");
  dy->add_option("--to", ex->to, "last year (default 2014)");
  dy->add_flag("--undirected", ex->undirected, "only cow_a < cow_b");
  dy->add_option("--format", ex->format, "csv, tsv or ndjson (default: by -o's extension, else csv)")
      ->check(CLI::IsMember({"csv", "tsv", "ndjson"}));
  dy->add_option("-o,--output", ex->out, "write to this file (atomically) instead of standard output");
  dy->callback([ex] { SetExitCode(RunExport(*ex)); });

  auto ds = std::make_shared<std::string>();
  CLI::App* cite = app.add_subcommand("cite", "BibTeX citations of the bundled datasets");
  cite->add_option("DATASET", *ds, "one dataset (unvotes, atop, cow-trade, …); default every one");
  cite->callback([ds] { SetExitCode(RunCite(*ds)); });

  auto pack = std::make_shared<std::string>(), cache = std::make_shared<std::string>();
  CLI::App* comp = app.add_subcommand("compile", "Build the memory-mapped relations tables and the knowledge-base snapshot");
  comp->add_option("--pack", *pack, "pack directory (default data/relations)");
  comp->add_option("--cache", *cache, "where the compiled tables go (default $DYAD_CACHE or data/relations/compiled)");
  comp->callback([pack, cache] { SetExitCode(RunCompile(*pack, *cache)); });
});

}  // namespace
}  // namespace dyad::cli
