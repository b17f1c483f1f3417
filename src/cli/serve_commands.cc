// `dyad serve`: the HTTP API and the web app (src/server; docs/SERVER.md).
//
// Loads the world, the resolver, the knowledge base, the event store and the app's files
// once, then answers until SIGTERM or SIGINT, on which it stops accepting, finishes the
// requests in progress and exits 0. Prints "dyad serve: listening on http://HOST:PORT/"
// on stdout once it accepts connections (tests read the port from it).
#include <fmt/format.h>
#include <pthread.h>

#include <chrono>
#include <csignal>
#include <cstdio>
#include <ctime>

#include "base/file.h"
#include "base/paths.h"
#include "cli/commands.h"
#include "cli/pair_kb.h"
#include "cli/session.h"
#include "events/records.h"
#include "events/store.h"
#include "server/api.h"
#include "server/snapshot.h"

namespace dyad::cli {
namespace {

struct ServeArgs {
  int port = 8080;
  std::string bind = "127.0.0.1";
  std::string store;
  std::string web;
  std::vector<std::string> packs;
  std::vector<std::string> limits;
  bool print_limits = false;
};

std::string NowIso() {
  std::time_t t = std::time(nullptr);
  std::tm tm{};
  gmtime_r(&t, &tm);
  char buf[32];
  std::strftime(buf, sizeof(buf), "%Y-%m-%dT%H:%M:%SZ", &tm);
  return buf;
}

// Signals are taken by sigwait in main, so every thread started later has them blocked.
sigset_t BlockSignals() {
  sigset_t set;
  sigemptyset(&set);
  sigaddset(&set, SIGTERM);
  sigaddset(&set, SIGINT);
  pthread_sigmask(SIG_BLOCK, &set, nullptr);
  std::signal(SIGPIPE, SIG_IGN);
  return set;
}

// Every state's key: the server answers for any pair, so it loads the snapshot's chunks of
// all of them once (the dataset packs: missions, leaders, factbook, treaties).
std::vector<std::string> AllStateKeys(const world::World& world) {
  std::vector<std::string> keys;
  for (const world::State& st : world.states()) keys.push_back(st.key);
  return keys;
}

bool LoadStore(const ServeArgs& args, std::unique_ptr<events::Store>* store, std::string* label) {
  std::string dir = args.store.empty() ? events::DefaultQueryStoreDir() : args.store;
  if (args.store.empty() && !FileExists(dir + "/MANIFEST")) return true;
  Result<std::unique_ptr<events::Store>> s = events::Store::Open(dir);
  if (!s.ok()) {
    PrintError("serve", "cannot open the event store: " + s.status().message());
    return false;
  }
  *store = std::move(s).value();
  *label = dir;
  return true;
}

std::string WebDir(const ServeArgs& args) { return args.web.empty() ? DyadHome() + "/web" : args.web; }

// The app's files: read before the long load of the data, so a wrong --web fails at once.
bool LoadAssets(const ServeArgs& args, server::AppData* app) {
  Status st = app->assets.LoadDirectory(WebDir(args));
  if (st.ok()) st = app->assets.AddFile("/assets/countries-110m.json", NodeModulesDir() + "/world-atlas/countries-110m.json");
  if (!st.ok()) {
    PrintError("serve", "cannot load the web app: " + st.message());
    return false;
  }
  return true;
}

bool LoadApp(const ServeArgs& args, const Session& s, server::AppData* app) {
  const std::string web = WebDir(args);
  std::vector<std::string> paths = {DataDir(), web, DyadHome() + "/package-lock.json",
                                    IsoCodesDir() + "/iso_3166-1.json", IsoCodesDir() + "/iso_3166-3.json"};
  for (const std::string& p : args.packs) paths.push_back(p);
  if (!app->store_label.empty()) paths.push_back(app->store_label + "/MANIFEST");
  Result<std::string> sum = server::SnapshotChecksum(paths);
  if (!sum.ok()) {
    PrintError("serve", "cannot checksum the data: " + sum.status().message());
    return false;
  }
  app->snapshot = *sum;
  app->loaded_at = NowIso();
  app->world = s.world;
  app->resolver = s.resolver.get();
  app->kb = s.kb.get();
  app->completion = std::make_unique<server::Completion>(*s.world);
  return true;
}

int RunServe(const ServeArgs& args) {
  server::Limits limits;
  for (const std::string& l : args.limits) {
    if (Status st = server::ParseLimit(l, &limits); !st.ok()) {
      PrintError("serve", st.message());
      return kExitUsage;
    }
  }
  if (args.print_limits) {
    for (const server::LimitInfo& l : server::DescribeLimits(limits))
      std::printf("%-24s %10llu %-5s  %s\n", l.name.c_str(), static_cast<unsigned long long>(l.value), l.unit.c_str(), l.meaning.c_str());
    return kExitOk;
  }
  sigset_t signals = BlockSignals();
  // Everything the arguments name is checked before the data is loaded (~10 s): the
  // address and port (bound, not yet listening), the event store and the app's files.
  server::AppData app;
  std::unique_ptr<events::Store> store;
  std::unique_ptr<Session> s;
  server::HttpServer http(limits);  // declared last: stopped before what its routes use
  if (Status st = http.Bind(args.bind, args.port); !st.ok()) {
    PrintError("serve", st.message());
    return kExitError;
  }
  if (!LoadStore(args, &store, &app.store_label) || !LoadAssets(args, &app)) return kExitError;
  s = OpenSession("serve", /*load_kb=*/false, args.packs);
  if (!s || !LoadKnowledgeFor("serve", s.get(), args.packs, AllStateKeys(*s->world))) return kExitError;
  if (!LoadApp(args, *s, &app)) return kExitError;
  app.store = store.get();
  Result<std::shared_ptr<const server::DossierInputs>> inputs = server::LoadDossierInputs(app.store);
  if (!inputs.ok()) {
    PrintError("serve", inputs.status().message());
    return kExitError;
  }
  app.dossier_inputs = *inputs;
  server::IndexAppData(&app);
  server::InstallRoutes(http, app);
  if (Status st = http.Start(args.bind, args.port); !st.ok()) {
    PrintError("serve", st.message());
    return kExitError;
  }
  std::fprintf(stderr, "dyad serve: %zu states, %zu facts, %zu app files, event store %s; snapshot %s\n",
               s->world->states().size(), s->kb->facts().size(), app.assets.size(),
               app.store_label.empty() ? "none" : app.store_label.c_str(), app.snapshot.c_str());
  const std::string host = args.bind.find(':') != std::string::npos ? "[" + args.bind + "]" : args.bind;
  std::printf("dyad serve: listening on http://%s:%d/\n", host.c_str(), http.port());
  std::fflush(stdout);
  int sig = 0;
  sigwait(&signals, &sig);
  std::fprintf(stderr, "dyad serve: %s: finishing requests in progress\n", sig == SIGTERM ? "SIGTERM" : "SIGINT");
  http.Stop();
  std::fprintf(stderr, "dyad serve: stopped\n");
  return kExitOk;
}

void AddServe(CLI::App& app) {
  auto args = std::make_shared<ServeArgs>();
  CLI::App* cmd = app.add_subcommand("serve", "The HTTP API and the web app, on one port");
  cmd->add_option("--port", args->port, "TCP port (0: any free port; default 8080)")->check(CLI::Range(0, 65535));
  cmd->add_option("--bind", args->bind, "numeric address to listen on (default 127.0.0.1)");
  cmd->add_option("--store", args->store, "event store directory (default: data/events/store once events were ingested, else the bundled store of events coded from records)");
  cmd->add_option("--packs", args->packs, "pack directories (default: every pack under data/packs)");
  cmd->add_option("--web", args->web, "the app's files (default: web/ of the dyad tree)");
  cmd->add_option("--limit", args->limits, "NAME=VALUE, repeatable (see --print-limits and docs/SERVER.md)");
  cmd->add_flag("--print-limits", args->print_limits, "print every limit with its value and exit");
  cmd->callback([args] { SetExitCode(RunServe(*args)); });
}

const CommandGroup kServeGroup(60, AddServe);

}  // namespace
}  // namespace dyad::cli
