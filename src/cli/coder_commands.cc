// `dyad code FILE|-` (English text to coded events) and `dyad ingest text FILES --store DIR`.
#include "cli/coder_commands.h"

#include <fmt/format.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstring>

#include "base/file.h"
#include "base/paths.h"
#include "base/rejects.h"
#include "base/unicode.h"
#include "cli/commands.h"
#include "cli/session.h"
#include "coder/coder.h"
#include "coder/facts.h"
#include "coder/foreign_dictionary.h"
#include "coder/input.h"
#include "coder/output.h"
#include "events/countries.h"
#include "events/ingest.h"
#include "events/store.h"
#include "events/taxonomy.h"
#include "kb/pack.h"

namespace dyad::cli {
namespace {

struct CodeArgs {
  std::string input;
  std::string date;
  std::string format = "json";
  std::string facts;
  std::string dictionary;
  std::vector<std::string> tabari_verbs;
  bool no_kb = false;
};

// What both commands need: the session, the taxonomy and the coder.
struct CoderSession {
  std::unique_ptr<Session> session;
  std::shared_ptr<const events::Taxonomy> taxonomy;
  std::unique_ptr<coder::Coder> coder;
};

// Adds TABARI .verbs files to the dictionary, saying on stderr what was imported and skipped.
bool AddTabariVerbs(std::string_view cmd, const std::vector<std::string>& files, coder::Dictionary* d) {
  for (const std::string& f : files) {
    coder::ForeignCounts c;
    std::string first;
    Status st = coder::ReadTabariVerbs(f, d, &c, &first);
    if (!st.ok()) { PrintError(cmd, st.message()); return false; }
    std::fprintf(stderr, "dyad %s: %s: %llu verbs, %llu patterns imported (%llu with words "
                 "before the verb); skipped %llu with synsets, %llu without a code, %llu bad codes, %llu bad lines%s%s\n",
                 std::string(cmd).c_str(), f.c_str(), static_cast<unsigned long long>(c.verbs),
                 static_cast<unsigned long long>(c.patterns), static_cast<unsigned long long>(c.words_before_verb),
                 static_cast<unsigned long long>(c.synsets), static_cast<unsigned long long>(c.no_code),
                 static_cast<unsigned long long>(c.bad_code), static_cast<unsigned long long>(c.bad_lines),
                 first.empty() ? "" : "; first: ", EscapeForTerminal(first).c_str());
  }
  return true;
}

// The office holders of the packs, from the cache when it is fresh (office_holders.h).
std::shared_ptr<const coder::OfficeHolders> OpenOfficeHolders(std::string_view cmd, const Session& session) {
  kb::LoadReport report;
  auto holders = coder::OfficeHolders::OpenOrCompile(*session.world, coder::OfficeHolderPackDirs(),
                                                     coder::OfficeHolders::DefaultPath(), &report);
  if (!holders.ok()) { PrintError(cmd, holders.status().message()); return nullptr; }
  return std::make_shared<const coder::OfficeHolders>(std::move(holders).value());
}

std::unique_ptr<CoderSession> OpenCoder(std::string_view cmd, const std::string& dict_dir, bool kb,
                                        const std::vector<std::string>& tabari_verbs = {}) {
  auto cs = std::make_unique<CoderSession>();
  cs->session = OpenSession(cmd, false);
  if (cs->session == nullptr) return nullptr;
  std::shared_ptr<const coder::OfficeHolders> holders;
  if (kb && (holders = OpenOfficeHolders(cmd, *cs->session)) == nullptr) return nullptr;
  auto tax = events::Taxonomy::LoadDefault();
  if (!tax.ok()) { PrintError(cmd, tax.status().message()); return nullptr; }
  cs->taxonomy = *tax;
  auto dict = dict_dir.empty() ? coder::Dictionary::LoadDefault() : coder::Dictionary::Load(dict_dir);
  if (!dict.ok()) { PrintError(cmd, dict.status().message()); return nullptr; }
  if (!AddTabariVerbs(cmd, tabari_verbs, &*dict)) return nullptr;
  cs->coder = std::make_unique<coder::Coder>(*cs->session->resolver, *cs->taxonomy,
                                             std::move(*dict), std::move(holders));
  return cs;
}

// Codes one input file; every event goes to `sink` with its file:line.
Status CodeFile(const coder::Coder& c, const std::string& path, const coder::InputOptions& opt,
                const std::function<void(coder::LocatedEvent)>& sink, coder::InputCounts* counts,
                coder::CodeCounts* code_counts) {
  coder::DocumentState doc;
  std::string name = path == "-" ? "<stdin>" : path;
  return coder::ReadTextInput(path, opt, [&](const coder::InputLine& in) {
    if (in.new_document) doc = coder::DocumentState{in.date, std::nullopt, {}, {}};
    for (coder::CodedEvent& e : c.CodeText(in.text, &doc, code_counts)) {
      std::string where = fmt::format("{}:{}", name, in.line + e.sentence_line);  // the sentence's line
      sink({std::move(e), std::move(where), in.date});
    }
    return Status::OK();
  }, counts);
}

void PrintSkipped(std::string_view cmd, const coder::InputCounts& c) {
  for (const std::string& m : c.messages)
    std::fprintf(stderr, "dyad %s: warning: %s\n", std::string(cmd).c_str(), EscapeForTerminal(m).c_str());
  if (c.skipped() > 0)
    std::fprintf(stderr,
                 "dyad %s: %llu of %llu lines skipped (invalid UTF-8 %llu, binary %llu, too long %llu, "
                 "bad @date %llu)\n",
                 std::string(cmd).c_str(), static_cast<unsigned long long>(c.skipped()),
                 static_cast<unsigned long long>(c.lines), static_cast<unsigned long long>(c.invalid_utf8),
                 static_cast<unsigned long long>(c.binary), static_cast<unsigned long long>(c.too_long),
                 static_cast<unsigned long long>(c.bad_metadata));
}

Status WriteOut(const std::string& text) { return WriteStdout(text); }

Status WriteFacts(const std::string& dir, const std::vector<coder::LocatedEvent>& events,
                  const world::World& world, coder::CandidateCounts* counts) {
  kb::PackData pack = coder::CandidateFacts(events, "coded", world, counts);
  return kb::WritePack(pack, dir);
}

int RunCode(const CodeArgs& a) {
  coder::InputOptions opt;
  std::optional<Date> date;
  if (!ParseDateOption("code", "--date", a.date, &date)) return kExitUsage;
  opt.date = date;
  if (!a.facts.empty()) {  // before loading and coding, not after
    if (Status d = kb::CheckPackDestination(a.facts); !d.ok()) { PrintError("code", d.message()); return kExitError; }
  }
  auto cs = OpenCoder("code", a.dictionary, !a.no_kb, a.tabari_verbs);
  if (cs == nullptr) return kExitError;
  std::vector<coder::LocatedEvent> kept;
  Status out_status;
  bool tsv = a.format == "tsv";
  if (tsv) out_status = WriteOut(coder::EventTsvHeader());
  coder::InputCounts counts;
  coder::CodeCounts code_counts;
  Status st = CodeFile(*cs->coder, a.input, opt, [&](coder::LocatedEvent e) {
    if (out_status.ok())
      out_status = WriteOut(tsv ? coder::EventTsvRow(e) : coder::EventJson(e) + "\n");
    if (!a.facts.empty() && !e.event.fact.empty()) kept.push_back(std::move(e));
  }, &counts, &code_counts);
  PrintSkipped("code", counts);
  if (!st.ok()) { PrintError("code", st.message()); return kExitError; }
  if (StdoutFailed()) return kExitError;  // main says so, once
  if (!out_status.ok()) { PrintError("code", out_status.message()); return kExitError; }
  std::fprintf(stderr, "dyad code: %llu sentences, %llu events\n",
               static_cast<unsigned long long>(code_counts.sentences),
               static_cast<unsigned long long>(code_counts.events));
  if (!a.facts.empty()) {
    coder::CandidateCounts fc;
    if (Status w = WriteFacts(a.facts, kept, cs->session->resolver->world(), &fc); !w.ok()) {
      PrintError("code", w.message());
      return kExitError;
    }
    std::fprintf(stderr, "dyad code: %llu candidate rows in %s (%llu undated events left out); "
                 "review with `dyad check %s`\n", static_cast<unsigned long long>(fc.rows),
                 a.facts.c_str(), static_cast<unsigned long long>(fc.undated), a.facts.c_str());
  }
  return counts.skipped() > 0 ? kExitPartial : kExitOk;
}

void AddCode(CLI::App& app) {
  auto* cmd = app.add_subcommand("code", "Code English text into events (who did what to whom, when)");
  auto args = std::make_shared<CodeArgs>();
  cmd->add_option("input", args->input, "text file, one paragraph per line ('-' = stdin); "
                  "'@date D' lines and 'D<TAB>text' lines give document dates")->required();
  cmd->add_option("--date", args->date, "the date of documents that give none (EDTF: 2015-07-21)");
  cmd->add_option("--format", args->format, "json (JSON Lines, default) or tsv")
      ->check(CLI::IsMember({"json", "tsv"}));
  cmd->add_option("--facts", args->facts, "also write candidate facts as a pack into this directory");
  cmd->add_option("--dictionary", args->dictionary, "directory of verbs.tsv, agents.tsv, verb_forms.tsv "
                  "(default data/coder)");
  cmd->add_option("--tabari-verbs", args->tabari_verbs, "also read the verb patterns of a TABARI .verbs file "
                  "(repeatable; what dyad's model cannot hold is skipped and counted)");
  cmd->add_flag("--no-kb", args->no_kb, "do not load the knowledge base (no office holders)");
  cmd->callback([args] { SetExitCode(RunCode(*args)); });
}

// A stable id for an event of dataset "native": FNV-1a of where it was read and what it is.
uint64_t EventId(const coder::LocatedEvent& e, size_t index) {
  std::string key = fmt::format("{}|{}|{}|{}|{}|{}", e.where, index, e.event.source,
                                e.event.target, e.event.code, e.event.verb_span.begin);
  uint64_t h = 1469598103934665603ULL;
  for (unsigned char c : key) { h ^= c; h *= 1099511628211ULL; }
  return h >> 1;  // ids are read as signed 64-bit by some tools
}

struct TempFile {
  std::string path;
  ~TempFile() { if (!path.empty()) std::remove(path.c_str()); }
};

}  // namespace

int RunIngestText(const std::vector<std::string>& files, const std::string& store_dir,
                  const std::string& date_text, bool quiet) {
  coder::InputOptions opt;
  if (!ParseDateOption("ingest", "--date", date_text, &opt.date)) return kExitUsage;
  auto cs = OpenCoder("ingest", "", true);
  if (cs == nullptr) return kExitError;
  const world::World& world = cs->session->resolver->world();
  std::string tsv = coder::NativeTsvHeader();
  uint64_t events = 0, not_day = 0, skipped = 0;
  for (const std::string& f : files) {
    coder::InputCounts counts;
    size_t index = 0;
    Status st = CodeFile(*cs->coder, f, opt, [&](coder::LocatedEvent e) {
      std::string row = coder::NativeTsvRow(e, EventId(e, index++), world);
      ++events;
      if (row.empty()) ++not_day;
      tsv += row;
    }, &counts, nullptr);
    PrintSkipped("ingest", counts);
    skipped += counts.skipped();
    if (!st.ok()) { PrintError("ingest", st.message()); return kExitError; }
  }
  TempFile tmp;
  std::string name = TempDir() + "/dyad-ingest-text-XXXXXX";
  int fd = ::mkstemp(name.data());
  if (fd < 0) {
    PrintError("ingest", fmt::format("cannot create a temporary file in {} (TMPDIR): {}", TempDir(),
                                     std::strerror(errno)));
    return kExitError;
  }
  ::close(fd);
  tmp.path = name;
  if (Status w = WriteFileAtomic(tmp.path, tsv); !w.ok()) { PrintError("ingest", w.message()); return kExitError; }
  auto regions = events::LoadCameoRegions(DataDir() + "/cameo/cameo-regions.tsv");
  if (!regions.ok()) { PrintError("ingest", regions.status().message()); return kExitError; }
  auto countries = events::MakeCodeShapeCountryMap(std::move(*regions));
  auto store = events::Store::OpenForWrite(store_dir);
  if (!store.ok()) { PrintError("ingest", store.status().message()); return kExitError; }
  auto rejects = RejectSink::Open("", {});
  if (!rejects.ok()) { PrintError("ingest", rejects.status().message()); return kExitError; }
  events::IngestOptions io;
  io.read.progress = !quiet && isatty(2);
  auto report = events::IngestFiles(store->get(), {tmp.path}, events::InputFormat::kNative,
                                    *cs->taxonomy, *countries, &*rejects, io);
  if (!report.ok()) { PrintError("ingest", report.status().message()); return kExitError; }
  std::printf("coded %llu events from %zu files; %llu stored, %llu already in the store, %llu not "
              "dated to the day (not stored), %llu rejected; store %s: %llu rows\n",
              static_cast<unsigned long long>(events), files.size(),
              static_cast<unsigned long long>(report->counts.accepted),
              static_cast<unsigned long long>(report->already_stored),
              static_cast<unsigned long long>(not_day),
              static_cast<unsigned long long>(report->counts.rejected), store_dir.c_str(),
              static_cast<unsigned long long>((*store)->rows()));
  return skipped > 0 || report->counts.rejected > 0 ? kExitPartial : kExitOk;
}

namespace {
const CommandGroup kCoderGroup(75, AddCode);
}  // namespace

}  // namespace dyad::cli
