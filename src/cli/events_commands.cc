// `dyad ingest gdelt|icews|tsv` and `dyad events series|top|rank|stats|codes|compact|check`.
#include <fmt/format.h>
#include <fmt/ranges.h>
#include <unistd.h>

#include <chrono>
#include <cerrno>
#include <cmath>
#include <cstdio>
#include <filesystem>
#include <cstring>
#include <nlohmann/json.hpp>

#include "base/file.h"
#include "base/paths.h"
#include "base/unicode.h"
#include "base/rejects.h"
#include "cli/coder_commands.h"
#include "cli/commands.h"
#include "cli/session.h"
#include "events/countries.h"
#include "events/ingest.h"
#include "events/query.h"
#include "events/records.h"
#include "events/store.h"
#include "events/taxonomy.h"
#include "kb/snapshot.h"
#include "relations/relations.h"
#include "world/world.h"

namespace dyad::cli {
namespace {

// A numeric column's text as a JSON number (parsed without exceptions), else as text.
nlohmann::json NumberOrText(const std::string& text) {
  nlohmann::json v = nlohmann::json::parse(text, nullptr, /*allow_exceptions=*/false);
  return v.is_number() ? v : nlohmann::json(text);
}

using events::Store;

// Queries read the user's store once events were ingested into it, else the bundled store
// of coded records (events/records.h); `dyad ingest` writes the user's store.
std::string DefaultStore() { return events::DefaultQueryStoreDir(); }

void Fail(const std::string& cmd, const Status& st) { PrintError(cmd, st.message()); }

// A result table printed as an aligned table, CSV (with a header row) or JSON records.
struct Table {
  std::vector<std::string> header;
  std::vector<std::vector<std::string>> rows;
  std::vector<bool> numeric;  // per column: JSON number
};


// JSON records, written one at a time (a long series never becomes one big document in
// memory); the same text as one array dumped with an indent of 2.
void PrintJsonRecords(const Table& t) {
  std::printf("%s", t.rows.empty() ? "[]\n" : "[\n");
  for (size_t k = 0; k < t.rows.size(); ++k) {
    const auto& r = t.rows[k];
    nlohmann::json o = nlohmann::json::object();
    for (size_t i = 0; i < r.size(); ++i) {
      if (!t.numeric[i]) o[t.header[i]] = r[i];
      else if (r[i].empty()) o[t.header[i]] = nullptr;
      else o[t.header[i]] = NumberOrText(r[i]);
    }
    std::string text = "  " + o.dump(2, ' ', false, nlohmann::json::error_handler_t::replace);
    for (size_t p = text.find('\n'); p != std::string::npos; p = text.find('\n', p + 3)) text.insert(p + 1, "  ");
    std::printf("%s%s\n", text.c_str(), k + 1 < t.rows.size() ? "," : "");
  }
  if (!t.rows.empty()) std::printf("]\n");
}

void Print(const Table& t, const std::string& format) {
  if (format == "csv") {
    for (size_t i = 0; i < t.header.size(); ++i) std::printf("%s%s", i ? "," : "", CsvField(t.header[i]).c_str());
    std::printf("\n");
    for (const auto& r : t.rows) {
      for (size_t i = 0; i < r.size(); ++i) std::printf("%s%s", i ? "," : "", CsvField(r[i]).c_str());
      std::printf("\n");
    }
  } else if (format == "json") {
    PrintJsonRecords(t);
  } else {
    std::vector<size_t> w(t.header.size());
    for (size_t i = 0; i < w.size(); ++i) w[i] = t.header[i].size();
    for (const auto& r : t.rows)
      for (size_t i = 0; i < r.size(); ++i) w[i] = std::max(w[i], r[i].size());
    auto line = [&](const std::vector<std::string>& r) {
      std::string s;
      for (size_t i = 0; i < r.size(); ++i) {
        if (i) s += "  ";
        s += t.numeric[i] ? fmt::format("{:>{}}", r[i], w[i]) : fmt::format("{:<{}}", r[i], w[i]);
      }
      while (!s.empty() && s.back() == ' ') s.pop_back();
      std::printf("%s\n", s.c_str());
    };
    line(t.header);
    for (const auto& r : t.rows) line(r);
  }
}

std::string Num(double v, int digits = 3) {
  if (std::isnan(v)) return "";
  std::string s = fmt::format("{:.{}f}", v, digits);
  return s == "-0.000" ? "0.000" : s;
}

Result<std::unique_ptr<Store>> OpenStore(const std::string& dir) {
  auto store = Store::Open(dir);
  if (!store.ok() && store.status().code() == StatusCode::kNotFound && dir == events::BundledStoreDir()) {
    return Status::NotFound(fmt::format(
        "the bundled event store {} is not built; the build makes it (`dyad events bundle`), "
        "or load events with `dyad ingest gdelt FILES`, or pass --store DIR",
        dir));
  }
  return store;
}

// ------------------------------------------------------------------ ingest

struct IngestArgs {
  std::string format;
  std::vector<std::string> files;
  std::string store;
  std::string rejects;
  std::string duplicates = "drop";
  std::string goldstein = "source";
  std::string ack_file;
  std::string date;  // text only: the date of documents that give none
  int64_t batch_rows = int64_t{1} << 20;
  bool force = false;
  bool resume = false;
  bool no_world = false;
  bool compact = false;
  bool quiet = false;
};

Result<std::unique_ptr<events::CountryMap>> MakeCountries(bool no_world) {
  DYAD_ASSIGN_OR_RETURN(auto regions, events::LoadCameoRegions(DataDir() + "/cameo/cameo-regions.tsv"));
  if (!no_world) {
    auto world = world::World::LoadDefault();
    DYAD_ASSIGN_OR_RETURN(auto aliases,
                          events::LoadCountryNameAliases(DataDir() + "/cameo/icews-country-names.tsv"));
    if (world.ok()) {
      DYAD_ASSIGN_OR_RETURN(std::shared_ptr<const world::Resolver> resolver, world::Resolver::LoadDefault(*world));
      return events::MakeWorldCountryMap(std::move(resolver), std::move(regions), aliases);
    }
    std::fprintf(stderr, "warning: world registry not loaded (%s); country codes are checked "
                 "by shape only\n", world.status().message().c_str());
  }
  return events::MakeCodeShapeCountryMap(std::move(regions));
}

// Every input must be readable before the store is touched: a missing file creates
// nothing.
Status CheckInputs(const std::vector<std::string>& files) {
  for (const auto& f : files) {
    if (f == "-") continue;
    if (::access(f.c_str(), R_OK) != 0) {
      return Status::NotFound(fmt::format("cannot read input {}: {}", f, std::strerror(errno)));
    }
    // The line reader refuses these too, but only after the store was created.
    if (std::error_code ec; std::filesystem::is_directory(f, ec) || std::filesystem::is_block_file(f, ec)) {
      return Status::InvalidArgument(fmt::format("input {} is not a file", f));
    }
    if (std::error_code ec; std::filesystem::is_character_file(f, ec) && f != "/dev/null" && f != "/dev/stdin") {
      return Status::InvalidArgument(fmt::format("input {} is a character device, not a file or a pipe", f));
    }
  }
  return Status::OK();
}

// The --ack-file: one durable row count per line, appended after each publish. A failed
// write stops the ingest (the count would otherwise claim less than is durable).
class AckFile {
 public:
  Status Open(const std::string& path) {
    if (path.empty()) return Status::OK();
    f_ = std::fopen(path.c_str(), "a");
    if (f_ == nullptr) return Status::IOError(fmt::format("cannot open --ack-file {}: {}", path, std::strerror(errno)));
    path_ = path;
    return Status::OK();
  }
  void Write(uint64_t rows) {
    if (f_ == nullptr || !status_.ok()) return;
    if (std::fprintf(f_, "%llu\n", static_cast<unsigned long long>(rows)) < 0 ||
        std::fflush(f_) != 0 || ::fsync(fileno(f_)) != 0) {
      status_ = Status::IOError(fmt::format("cannot write --ack-file {}: {}", path_, std::strerror(errno)));
    }
  }
  Status Close() {
    if (f_ != nullptr && std::fclose(f_) != 0 && status_.ok()) {
      status_ = Status::IOError(fmt::format("cannot close --ack-file {}", path_));
    }
    f_ = nullptr;
    return status_;
  }
  ~AckFile() { Close().ok(); }

 private:
  FILE* f_ = nullptr;
  std::string path_;
  Status status_;
};

int RunIngest(const IngestArgs& a) {
  auto t0 = std::chrono::steady_clock::now();
  auto format = events::ParseInputFormat(a.format);
  if (!format.ok()) {
    Fail("ingest", format.status());
    return kExitUsage;
  }
  if (a.batch_rows < 1) {
    Fail("ingest", Status::InvalidArgument(fmt::format("--batch-rows must be at least 1, not {}", a.batch_rows)));
    return kExitUsage;
  }
  if (Status st = CheckInputs(a.files); !st.ok()) {
    Fail("ingest", st);
    return kExitError;
  }
  if (a.resume && !FileExists(a.store + "/MANIFEST")) {
    Fail("ingest", Status::NotFound(fmt::format("--resume: no event store at {} to resume", a.store)));
    return kExitError;
  }
  auto tax = events::Taxonomy::LoadDefault();
  if (!tax.ok()) {
    Fail("ingest", tax.status());
    return kExitError;
  }
  auto countries = MakeCountries(a.no_world);
  if (!countries.ok()) {
    Fail("ingest", countries.status());
    return kExitError;
  }
  RejectsOptions ropt;
  ropt.inputs = a.files;
  ropt.inputs.push_back(a.ack_file);
  ropt.force = a.force;
  auto rejects = RejectSink::Open(a.rejects, ropt);
  if (!rejects.ok()) {
    Fail("ingest", rejects.status());
    return kExitError;
  }
  auto store = Store::OpenForWrite(a.store);
  if (!store.ok()) {
    Fail("ingest", store.status());
    return kExitError;
  }
  AckFile ack;
  if (Status st = ack.Open(a.ack_file); !st.ok()) {
    Fail("ingest", st);
    return kExitError;
  }
  events::IngestOptions opt;
  opt.batch_rows = static_cast<size_t>(a.batch_rows);
  opt.read.duplicates = a.duplicates == "keep" ? events::DuplicatePolicy::kKeep
                                               : events::DuplicatePolicy::kDrop;
  opt.read.progress = !a.quiet && isatty(2);
  if (a.goldstein != "source") opt.read.rescale = *events::ParseGoldsteinScale(a.goldstein);
  opt.on_ack = [&](uint64_t rows) { ack.Write(rows); };
  auto report = events::IngestFiles(store->get(), a.files, *format, **tax, **countries,
                                    &*rejects, opt);
  Status acked = ack.Close();
  Status closed = rejects->Close();
  if (!report.ok()) {
    Fail("ingest", report.status());
    return kExitError;
  }
  if (!acked.ok()) {
    Fail("ingest", acked);
    return kExitError;
  }
  if (a.compact) {
    Status st = (*store)->Compact(uint64_t{1} << 22);
    if (!st.ok()) {
      Fail("ingest", st);
      return kExitError;
    }
  }
  double secs = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  const ReadCounts& c = report->counts;
  std::printf("%s\n", c.ToString().c_str());
  if (report->already_stored > 0) {
    std::printf("  %s %llu rows already in the store (not stored again)\n",
                a.resume ? "resumed: skipped" : "duplicates include", static_cast<unsigned long long>(report->already_stored));
  }
  for (const auto& [reason, n] : c.rejected_by_reason) {
    std::printf("  rejected %s: %llu\n", reason.c_str(), static_cast<unsigned long long>(n));
  }
  for (const auto& m : rejects->first_messages()) std::fprintf(stderr, "%s\n", EscapeForTerminal(m).c_str());
  std::printf("store %s: %llu rows in %zu segments, %llu bytes; %.2f s, %.0f rows/s\n",
              a.store.c_str(), static_cast<unsigned long long>((*store)->rows()),
              (*store)->segments().size(), static_cast<unsigned long long>((*store)->bytes()), secs,
              secs > 0 ? c.read / secs : 0.0);
  if (!closed.ok()) {
    Fail("ingest", closed);
    return kExitError;
  }
  return c.rejected ? kExitPartial : kExitOk;
}

void AddIngest(CLI::App& app) {
  auto* cmd = app.add_subcommand("ingest", "Load event files (GDELT, ICEWS, native TSV) or code English text (text) into an event store");
  auto args = std::make_shared<IngestArgs>();
  args->store = events::UserStoreDir();
  cmd->add_option("format", args->format, "gdelt (1.0 and 2.0), icews, tsv, or text (English, coded by `dyad code`)")->required()
      ->check(CLI::IsMember({"gdelt", "icews", "tsv", "text"}));
  cmd->add_option("--date", args->date, "text: the date of documents that give none");
  cmd->add_option("files", args->files, "input files: plain, gzip, zstd or zip ('-' = stdin)")->required();
  cmd->add_option("--store", args->store, "store directory (created if absent)");
  cmd->add_option("--rejects", args->rejects,
                  "write rejected rows here (TSV: file, line, column, reason, row); never an input, "
                  "and an existing file only if it is a rejects file");
  cmd->add_flag("--force", args->force, "let --rejects replace an existing file that is not a rejects file");
  cmd->add_flag("--resume", args->resume,
                "continue an interrupted ingest into an existing store: rows already stored are skipped");
  cmd->add_option("--duplicates", args->duplicates,
                  "drop (default) or keep later copies of an event id (ICEWS: id and date)")
      ->check(CLI::IsMember({"drop", "keep"}));
  cmd->add_option("--goldstein", args->goldstein,
                  "source (the file's value, default), or recompute from the CAMEO table: gdelt, icews, phoenix")
      ->check(CLI::IsMember({"source", "gdelt", "icews", "phoenix"}));
  cmd->add_option("--batch-rows", args->batch_rows, "rows per segment (bounds memory; default 1048576)");
  cmd->add_option("--ack-file", args->ack_file, "append the durable row count after each batch");
  cmd->add_flag("--no-world", args->no_world, "check country codes by shape, not against the world registry");
  cmd->add_flag("--compact", args->compact, "merge the store's segments after loading");
  cmd->add_flag("--quiet", args->quiet, "no progress line");
  cmd->callback([args, cmd] {
    // An option the chosen format does not use is a usage error, never silently ignored
    // (`ingest text --rejects F` wrote no rejects file and said nothing).
    const bool text = args->format == "text";
    for (const char* opt : {"--rejects", "--force", "--resume", "--duplicates", "--goldstein",
                            "--batch-rows", "--ack-file", "--no-world", "--compact", "--date"}) {
      if (cmd->count(opt) == 0 || text == (std::string_view(opt) == "--date")) continue;
      Fail("ingest", Status::InvalidArgument(fmt::format(
                         "{} does not apply to `ingest {}`", opt, args->format)));
      SetExitCode(kExitUsage);
      return;
    }
    if (text) {
      SetExitCode(RunIngestText(args->files, args->store, args->date, args->quiet));
      return;
    }
    SetExitCode(RunIngest(*args));
  });
}

// ------------------------------------------------------------------ events

struct EventsArgs {
  std::string store;
  std::string a, b;
  bool both = false;
  std::string by = "month";
  std::string from, to;
  bool share = false;
  std::string format = "table";
  size_t limit = 10;
  std::string month;
  uint64_t min = 50;
  bool desc = false;
  std::string code;
  std::string scale = "gdelt";
  uint64_t max_rows = uint64_t{1} << 22;
};

// How the store names a state's dyads: its CAMEO code when the store holds that (GDELT
// and coded records name dyads by CAMEO code: Romania is ROM, its key ROU), else the key
// (ICEWS stores name dyads by key).
std::string StoreCodeOf(const Session& session, const Store& store, const std::string& key) {
  const world::State* s = session.world->Find(key);
  std::optional<std::string> cameo = s != nullptr ? s->Code(world::Scheme::kCameo) : std::nullopt;
  if (cameo && *cameo != key && events::StoreHasCode(store, *cameo)) return *cameo;
  return key;
}

// The store key of one state argument: a code the store holds as written that is no world
// key (stores ingested with --no-world keep CAMEO codes), else the state the argument
// names (a world key, or the resolver's one state) as the store names it.
// "" after printing when the resolver finds none or several.
std::string EventStateKey(const std::string& cmd, const Session& session, const Store& store,
                          const std::string& text) {
  if (session.world->Find(text) == nullptr && events::StoreHasCode(store, text)) return text;
  std::string key = session.world->Find(text) != nullptr ? text : ResolveStateArg(cmd, session, text);
  return key.empty() ? key : StoreCodeOf(session, store, key);
}

// Both state arguments of `events series|top`: kExitOk, or the exit code after printing
// (unknown or ambiguous: 1; the same state twice: 2, as every pair command).
int EventPair(const std::string& cmd, const Store& store, const EventsArgs& a, std::string* ka,
              std::string* kb) {
  std::unique_ptr<Session> session = OpenSession(cmd, /*load_kb=*/false);
  if (!session) return kExitError;
  *ka = EventStateKey(cmd, *session, store, a.a);
  *kb = EventStateKey(cmd, *session, store, a.b);
  if (ka->empty() || kb->empty()) return kExitError;
  if (*ka != *kb) return kExitOk;
  PrintError(cmd, fmt::format("a pair needs two different states, got {} twice", *ka));
  return kExitUsage;
}

// The coded records a series by `by` left out (events::SeriesLeftOut), as one line: after
// the table, or on stderr for csv and json (their stdout stays one table or one array).
void PrintLeftOut(const events::SeriesLeftOut& l, const std::string& by, const std::string& format) {
  if (l.total() == 0) return;
  std::vector<std::string> parts;
  if (l.year_precision) parts.push_back(fmt::format("{} known only to the year", l.year_precision));
  if (l.month_precision) parts.push_back(fmt::format("{} known only to the month", l.month_precision));
  const std::string line = fmt::format("left out: {} event{} coded from records, dated more coarsely than a {} ({}); "
                                       "--by year counts {}",
                                       l.total(), l.total() == 1 ? "" : "s", by, fmt::join(parts, ", "),
                                       l.total() == 1 ? "it" : "them");
  std::fprintf(format == "table" ? stdout : stderr, "%s\n", line.c_str());
}

int RunSeries(const EventsArgs& a) {
  auto store = OpenStore(a.store);
  if (!store.ok()) return Fail("events series", store.status()), kExitError;
  events::SeriesQuery q;
  if (int rc = EventPair("events series", **store, a, &q.a, &q.b); rc != kExitOk) return rc;
  q.both = a.both;
  q.share = a.share;
  auto by = events::ParsePeriod(a.by);
  auto range = events::ParseDayRange(a.from, a.to);
  if (!by.ok()) return Fail("events series", by.status()), kExitUsage;
  if (!range.ok()) return Fail("events series", range.status()), kExitUsage;
  q.by = *by;
  q.range = *range;
  events::SeriesLeftOut left_out;
  auto points = events::Series(**store, q, &left_out);
  if (!points.ok()) {
    Fail("events series", points.status());
    return points.status().code() == StatusCode::kInvalidArgument ? kExitUsage : kExitError;
  }
  Table t;
  t.header = {"period", "events", "goldstein_sum", "goldstein_mean", "verbal_coop", "material_coop",
              "verbal_conflict", "material_conflict"};
  if (a.share) {
    t.header.push_back("all_events");
    t.header.push_back("share");
  }
  t.numeric.assign(t.header.size(), true);
  t.numeric[0] = false;
  for (const auto& p : *points) {
    std::vector<std::string> r = {p.label, std::to_string(p.count), Num(p.goldstein_sum, 1),
                                  Num(p.goldstein_mean()), std::to_string(p.quad[0]),
                                  std::to_string(p.quad[1]), std::to_string(p.quad[2]),
                                  std::to_string(p.quad[3])};
    if (a.share) {
      r.push_back(std::to_string(p.all_events));
      r.push_back(Num(p.share(), 6));
    }
    t.rows.push_back(std::move(r));
  }
  Print(t, a.format);
  PrintLeftOut(left_out, a.by, a.format);
  return kExitOk;
}

int RunTop(const EventsArgs& a) {
  auto store = OpenStore(a.store);
  if (!store.ok()) return Fail("events top", store.status()), kExitError;
  auto range = events::ParseDayRange(a.from, a.to);
  if (!range.ok()) return Fail("events top", range.status()), kExitUsage;
  auto tax = events::Taxonomy::LoadDefault();
  if (!tax.ok()) return Fail("events top", tax.status()), kExitError;
  std::string ka, kb;
  if (int rc = EventPair("events top", **store, a, &ka, &kb); rc != kExitOk) return rc;
  auto top = events::TopCodes(**store, ka, kb, a.both, *range, a.limit);
  Table t;
  t.header = {"code", "events", "quad", "label"};
  t.numeric = {false, true, true, false};
  for (const auto& c : top) {
    const auto* info = (*tax)->Find(c.code);
    t.rows.push_back({c.code, std::to_string(c.count), info ? std::to_string(info->quad) : "",
                      info ? info->label : ""});
  }
  Print(t, a.format);
  return kExitOk;
}

int RunRank(const EventsArgs& a) {
  auto store = OpenStore(a.store);
  if (!store.ok()) return Fail("events rank", store.status()), kExitError;
  auto month = Date::ParseIso(a.month);
  if (!month.ok() || month->precision() != DatePrecision::kMonth) {
    return Fail("events rank", Status::InvalidArgument("--month takes YYYY-MM")), kExitUsage;
  }
  int32_t m = month->year() * 12 + month->month() - 1;
  auto ranked = events::RankDyads(**store, m, a.min, a.limit, a.desc);
  Table t;
  t.header = {"source", "target", "events", "goldstein_mean"};
  t.numeric = {false, false, true, true};
  for (const auto& d : ranked) {
    t.rows.push_back({d.src, d.tgt, std::to_string(d.count), Num(d.goldstein_mean)});
  }
  Print(t, a.format);
  return kExitOk;
}

int RunStats(const EventsArgs& a) {
  auto store = OpenStore(a.store);
  if (!store.ok()) return Fail("events stats", store.status()), kExitError;
  const Store& s = **store;
  int32_t lo = INT32_MAX, hi = INT32_MIN;
  for (const auto& i : s.infos()) {
    if (i.rows == 0) continue;
    lo = std::min(lo, i.min_day);
    hi = std::max(hi, i.max_day);
  }
  if (a.format == "table") {
    std::printf("store %s: %llu events in %zu segments, %llu bytes (%.1f bytes/event)\n",
                s.dir().c_str(), static_cast<unsigned long long>(s.rows()), s.segments().size(),
                static_cast<unsigned long long>(s.bytes()),
                s.rows() ? static_cast<double>(s.bytes()) / s.rows() : 0.0);
    if (lo <= hi) {
      std::printf("days %s .. %s\n", Date::FromDays(lo).ToString().c_str(),
                  Date::FromDays(hi).ToString().c_str());
    }
  }
  Table t;
  t.header = {"year", "verbal_coop", "material_coop", "verbal_conflict", "material_conflict", "total"};
  t.numeric.assign(t.header.size(), true);
  t.numeric[0] = false;
  for (const auto& y : events::CountsByYearQuad(s)) {
    uint64_t total = y.quad[0] + y.quad[1] + y.quad[2] + y.quad[3];
    t.rows.push_back({std::to_string(y.year), std::to_string(y.quad[0]), std::to_string(y.quad[1]),
                      std::to_string(y.quad[2]), std::to_string(y.quad[3]), std::to_string(total)});
  }
  Print(t, a.format);
  return kExitOk;
}

int RunCodes(const EventsArgs& a) {
  auto tax = events::Taxonomy::LoadDefault();
  if (!tax.ok()) return Fail("events codes", tax.status()), kExitError;
  auto scale = events::ParseGoldsteinScale(a.scale);
  if (!scale.ok()) return Fail("events codes", scale.status()), kExitUsage;
  Table t;
  t.header = {"code", "root", "quad", "goldstein", "plover", "label"};
  t.numeric = {false, false, true, true, false, false};
  auto add = [&](const events::CameoCode& c) {
    auto g = (*tax)->Goldstein(c, *scale);
    t.rows.push_back({c.code, c.root, std::to_string(c.quad), g ? Num(*g, 1) : "", c.plover, c.label});
  };
  if (!a.code.empty()) {
    auto c = (*tax)->Lookup(a.code);
    if (!c.ok()) return Fail("events codes", c.status()), kExitUsage;
    add(**c);
  } else {
    for (const auto& c : (*tax)->codes()) add(c);
  }
  Print(t, a.format);
  return kExitOk;
}

int RunCompact(const EventsArgs& a) {
  auto store = Store::OpenForWrite(a.store);
  if (!store.ok()) return Fail("events compact", store.status()), kExitError;
  size_t before = (*store)->segments().size();
  Status st = (*store)->Compact(a.max_rows);
  if (!st.ok()) return Fail("events compact", st), kExitError;
  std::printf("%zu segments -> %zu segments, %llu bytes\n", before, (*store)->segments().size(),
              static_cast<unsigned long long>((*store)->bytes()));
  return kExitOk;
}

int RunCheck(const EventsArgs& a) {
  auto store = OpenStore(a.store);
  if (!store.ok()) return Fail("events check", store.status()), kExitError;
  Status st = (*store)->Check();
  if (!st.ok()) return Fail("events check", st), kExitError;
  std::printf("ok: %zu segments, %llu events, checksums match\n", (*store)->segments().size(),
              static_cast<unsigned long long>((*store)->rows()));
  return kExitOk;
}

// ------------------------------------------------------------------ records

// The bundled store: every dated record of the bundled data coded as CAMEO events.
int RunBundle(const std::string& out) {
  const std::string cmd = "events bundle";
  auto t0 = std::chrono::steady_clock::now();
  std::vector<std::string> dirs = kb::KnowledgeBase::DefaultPackDirs();
  for (std::string& d : kb::Snapshot::DefaultPackDirs()) dirs.push_back(std::move(d));
  std::unique_ptr<Session> session = OpenSession(cmd, /*load_kb=*/true, dirs, /*warn=*/false);
  if (!session) return kExitError;
  auto tax = events::Taxonomy::LoadDefault();
  if (!tax.ok()) return Fail(cmd, tax.status()), kExitError;
  auto rel = relations::Relations::OpenDefault();
  if (!rel.ok()) return Fail(cmd, rel.status()), kExitError;
  events::RecordInputs in{session->world.get(), session->kb.get(), rel->get(), tax->get()};
  const std::string dir = out.empty() ? events::BundledStoreDir() : out;
  auto rep = events::BuildRecordStore(in, dir);
  if (!rep.ok()) return Fail(cmd, rep.status()), kExitError;
  for (const auto& [rule, n] : rep->counts.events_by_rule) std::printf("  %-24s %8llu events\n", rule.c_str(), static_cast<unsigned long long>(n));
  for (const auto& [why, n] : rep->counts.skipped_by_reason) std::printf("  skipped %6llu: %s\n", static_cast<unsigned long long>(n), why.c_str());
  double secs = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  std::printf("store %s: %llu events coded from records (%llu cross-source duplicates dropped), %llu bytes; %.2f s\n",
              dir.c_str(), static_cast<unsigned long long>(rep->rows), static_cast<unsigned long long>(rep->counts.duplicates),
              static_cast<unsigned long long>(rep->bytes), secs);
  return kExitOk;
}

// Where a stored event came from: the record reference of a coded record (its date at
// the record's precision), else the dataset and event id.
std::vector<std::string> Provenance(const events::StoredEvent& e) {
  if (e.dataset == events::Dataset::kRecords) {
    if (auto ref = events::ParseRecordRef(e.url); ref.ok())
      return {Date::FromDays(e.day).Truncated(ref->precision).ToString(), ref->source, ref->record};
  }
  return {Date::FromDays(e.day).ToString(), std::string(events::DatasetName(e.dataset)),
          e.url.empty() ? std::to_string(e.id) : e.url};
}

int RunRecords(const EventsArgs& a) {
  const std::string cmd = "events records";
  auto store = OpenStore(a.store);
  if (!store.ok()) return Fail(cmd, store.status()), kExitError;
  auto range = events::ParseDayRange(a.from, a.to);
  if (!range.ok()) return Fail(cmd, range.status()), kExitUsage;
  auto tax = events::Taxonomy::LoadDefault();
  if (!tax.ok()) return Fail(cmd, tax.status()), kExitError;
  std::string ka, kb;
  if (int rc = EventPair(cmd, **store, a, &ka, &kb); rc != kExitOk) return rc;
  auto rows = events::DyadEvents(**store, ka, kb, a.both, *range, a.limit);
  if (!rows.ok()) return Fail(cmd, rows.status()), kExitError;
  Table t;
  t.header = {"date", "source", "target", "code", "goldstein", "plover", "label", "dataset", "record"};
  t.numeric = {false, false, false, false, true, false, false, false, false};
  for (const events::StoredEvent& e : *rows) {
    std::vector<std::string> p = Provenance(e);
    const auto* info = (*tax)->Find(e.code);
    t.rows.push_back({p[0], e.src_country, e.tgt_country, e.code, Num(e.goldstein, 1), info ? info->plover : "",
                      info ? info->label : "", p[1], p[2]});
  }
  Print(t, a.format);
  return kExitOk;
}

void AddEvents(CLI::App& app) {
  auto* ev = app.add_subcommand("events", "Query an event store (dyad series, top codes, rankings)");
  ev->require_subcommand(1);
  auto args = std::make_shared<EventsArgs>();
  args->store = DefaultStore();
  auto common = [&](CLI::App* c) {
    c->add_option("--store", args->store,
                  "store directory (default: data/events/store once events were ingested, else the "
                  "bundled store of events coded from records)");
    c->add_option("--format", args->format, "table, json or csv")
        ->check(CLI::IsMember({"table", "json", "csv"}));
  };
  auto dyad = [&](CLI::App* c) {
    c->add_option("A", args->a, "source country code (USA)")->required();
    c->add_option("B", args->b, "target country code (KGZ)")->required();
    c->add_flag("--both", args->both, "both directions");
    c->add_option("--from", args->from, "first day, month or year (2019-01)");
    c->add_option("--to", args->to, "last day, month or year");
  };
  auto* series = ev->add_subcommand("series", "Events of a dyad per period, zero-filled");
  common(series);
  dyad(series);
  series->add_option("--by", args->by, "day, week, month or year")
      ->check(CLI::IsMember({"day", "week", "month", "year"}));
  series->add_flag("--share", args->share, "add the period's total and the dyad's share");
  series->callback([args] { SetExitCode(RunSeries(*args)); });

  auto* top = ev->add_subcommand("top", "Most frequent event codes of a dyad");
  common(top);
  dyad(top);
  top->add_option("--limit", args->limit, "rows (default 10)")->check(CLI::Range(size_t{1}, SIZE_MAX));
  top->callback([args] { SetExitCode(RunTop(*args)); });

  auto* rank = ev->add_subcommand("rank", "Dyads by mean Goldstein in one month");
  common(rank);
  rank->add_option("--month", args->month, "YYYY-MM")->required();
  rank->add_option("--min", args->min, "minimum events (default 50)");
  rank->add_option("--limit", args->limit, "rows (default 10)")->check(CLI::Range(size_t{1}, SIZE_MAX));
  rank->add_flag("--desc", args->desc, "most cooperative first");
  rank->callback([args] { SetExitCode(RunRank(*args)); });

  auto* stats = ev->add_subcommand("stats", "Store size and events per year and quad class");
  common(stats);
  stats->callback([args] { SetExitCode(RunStats(*args)); });

  auto* codes = ev->add_subcommand("codes", "The CAMEO taxonomy: labels, quad class, Goldstein, PLOVER");
  common(codes);
  codes->add_option("code", args->code, "one code (all when omitted)");
  codes->add_option("--scale", args->scale, "Goldstein variant: gdelt, icews or phoenix")
      ->check(CLI::IsMember({"gdelt", "icews", "phoenix"}));
  codes->callback([args] { SetExitCode(RunCodes(*args)); });

  auto* compact = ev->add_subcommand("compact", "Merge segments");
  compact->add_option("--store", args->store, "store directory");
  compact->add_option("--max-rows", args->max_rows, "largest merged segment, in rows (default 4194304; ~500 bytes of memory per row)");
  compact->callback([args] { SetExitCode(RunCompact(*args)); });

  auto* records = ev->add_subcommand("records", "Events of a dyad one by one, each with the record it was coded from");
  common(records);
  dyad(records);
  records->add_option("--limit", args->limit, "rows, earliest first (default 10)");
  records->callback([args] { SetExitCode(RunRecords(*args)); });

  auto bundle_out = std::make_shared<std::string>();
  auto* bundle = ev->add_subcommand("bundle", "Build the bundled store: every dated record of the bundled data "
                                              "coded as CAMEO events (docs/formats/coded-records.md)");
  bundle->add_option("--out", *bundle_out, "store directory (default: the bundled store's, "
                                           "$DYAD_CACHE/events-records or data/events/records)");
  bundle->callback([bundle_out] { SetExitCode(RunBundle(*bundle_out)); });

  auto* check = ev->add_subcommand("check", "Verify segment checksums against the manifest");
  check->add_option("--store", args->store, "store directory");
  check->callback([args] { SetExitCode(RunCheck(*args)); });
}

const CommandGroup kIngestGroup(40, AddIngest);
const CommandGroup kEventsGroup(41, AddEvents);

}  // namespace
}  // namespace dyad::cli
