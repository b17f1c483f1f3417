// `dyad report A B`: the dossier of a pair of states (src/report/dossier.h).
#include <fmt/format.h>

#include <cctype>

#include <cstdio>
#include <filesystem>

#include "base/file.h"
#include "base/heap.h"
#include "base/paths.h"
#include "cli/commands.h"
#include "relations/relations.h"
#include "cli/pair_kb.h"
#include "cli/session.h"
#include "events/records.h"
#include "events/store.h"
#include "report/dossier.h"

namespace dyad::cli {
namespace {

struct ReportArgs {
  std::string a, b;
  std::string as_of;
  std::string format;
  std::string output;
  std::vector<std::string> packs;
  std::string store;
  bool no_events = false;
};

std::string FormatFromPath(const std::string& path) {
  std::string ext = std::filesystem::path(path).extension().string();
  for (char& c : ext) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));  // X.JSON
  if (ext == ".json") return "json";
  if (ext == ".html" || ext == ".htm") return "html";
  return "md";
}

// The event store to use: --store, else the default one when it exists (the user's
// ingested store, else the bundled store of events coded from records).
Result<std::unique_ptr<events::Store>> OpenStoreFor(const ReportArgs& args, std::string* label) {
  if (args.no_events) return std::unique_ptr<events::Store>();
  std::string dir = args.store.empty() ? events::DefaultQueryStoreDir() : args.store;
  if (args.store.empty() && !FileExists(dir + "/MANIFEST")) return std::unique_ptr<events::Store>();
  *label = events::StoreLabel(dir);
  return events::Store::Open(dir);
}

// The dossier in the requested format (a pure rendering of the model).
std::string Render(const report::Dossier& dossier, const std::string& format) {
  if (format == "json") return report::RenderJson(dossier) + "\n";
  if (format == "md") return report::RenderMarkdown(dossier);
  return report::RenderHtml(dossier);
}

// What the builder reads besides world and kb: the event store and its taxonomy, and
// (for HTML) the map atlases. False after printing.
struct Inputs {
  std::unique_ptr<events::Store> store;
  std::shared_ptr<const events::Taxonomy> taxonomy;
  std::optional<graphics::MapData> atlas;
};

bool OpenInputs(std::string_view cmd, const ReportArgs& args, const std::string& format, Inputs* in,
                report::DossierRequest* req) {
  Result<std::unique_ptr<events::Store>> store = OpenStoreFor(args, &req->store_label);
  if (!store.ok()) {
    PrintError(cmd, "cannot open the event store: " + store.status().message());
    return false;
  }
  in->store = std::move(store).value();
  req->store = in->store.get();
  if (in->store) {
    Result<std::shared_ptr<const events::Taxonomy>> taxonomy = events::Taxonomy::LoadDefault();
    if (!taxonomy.ok()) {
      PrintError(cmd, "cannot load the CAMEO taxonomy: " + taxonomy.status().message());
      return false;
    }
    in->taxonomy = *taxonomy;
    req->taxonomy = in->taxonomy.get();
  }
  if (format != "html") return true;
  Result<graphics::MapData> atlas = graphics::LoadDefaultMapData();
  if (atlas.ok()) in->atlas = std::move(atlas).value();
  else req->atlas_error = atlas.status().message();
  req->atlas = in->atlas ? &*in->atlas : nullptr;
  return true;
}

int Publish(std::string_view cmd, const ReportArgs& args, const std::string& text) {
  if (args.output.empty() || args.output == "-") {
    std::fwrite(text.data(), 1, text.size(), stdout);
    return kExitOk;
  }
  Status st = WriteFileAtomic(args.output, text);
  if (!st.ok()) {
    PrintError(cmd, st.message());
    return kExitError;
  }
  std::fprintf(stderr, "dyad report: wrote %s (%zu bytes)\n", args.output.c_str(), text.size());
  return kExitOk;
}

int RunReport(const ReportArgs& args) {
  constexpr std::string_view kCmd = "report";
  PreferHugePageHeap(size_t{512} << 20);  // a one-shot command: fewer page faults (base/heap.h)
  std::string format = args.format.empty() ? FormatFromPath(args.output) : args.format;
  report::DossierRequest req;
  if (!ParseDateOption(kCmd, "--as-of", args.as_of, &req.as_of)) return kExitUsage;
  std::unique_ptr<Session> s = OpenWorldSession(kCmd);
  if (!s) return kExitError;
  if (int rc = ResolvePair(kCmd, *s, args.a, args.b, req.as_of, &req.a, &req.b); rc != kExitOk) return rc;
  if (!LoadKnowledgeFor(kCmd, s.get(), args.packs, {req.a->key, req.b->key})) return kExitError;
  Inputs inputs;
  if (!OpenInputs(kCmd, args, format, &inputs, &req)) return kExitError;
  // The bundled dyad-year datasets (data/relations): optional, the dossier says when absent.
  auto relations = relations::Relations::OpenDefault();
  if (relations.ok()) req.relations = relations->get();
  else req.relations_error = "Relations pack not loaded: " + relations.status().message();
  Result<report::Dossier> dossier = report::BuildDossier(*s->world, *s->kb, req);
  if (!dossier.ok()) {
    PrintError(kCmd, dossier.status().message());
    return kExitError;
  }
  KeepUntilExit(std::move(s));  // the process ends now: its knowledge base is not freed row by row
  return Publish(kCmd, args, Render(*dossier, format));
}

void AddReport(CLI::App& app) {
  auto args = std::make_shared<ReportArgs>();
  CLI::App* cmd = app.add_subcommand("report", "The dossier of a pair of states: JSON, Markdown or HTML");
  cmd->add_option("A", args->a, "first state: name, code or key (Kyrgyzstan, KG, KGZ)")->required();
  cmd->add_option("B", args->b, "second state")->required();
  cmd->add_option("--as-of", args->as_of, "show the relations as they stood on this date");
  cmd->add_option("--format", args->format, "json, md or html (default: from -o's extension, else md)")
      ->check(CLI::IsMember({"json", "md", "html"}));
  cmd->add_option("-o,--output", args->output, "write to this file (atomically) instead of stdout");
  cmd->add_option("--packs", args->packs, "pack directories (default: the compiled snapshot of data/packs and data/kb-packs)");
  cmd->add_option("--store", args->store, "event store directory (default: data/events/store once events were ingested, else the bundled store of events coded from records)");
  cmd->add_flag("--no-events", args->no_events, "leave out the event-based index");
  cmd->callback([args] { SetExitCode(RunReport(*args)); });
}

const CommandGroup kReportGroup(10, AddReport);

}  // namespace
}  // namespace dyad::cli
