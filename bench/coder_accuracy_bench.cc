// Event coder accuracy on the public gold suites, each coded with its own dictionaries, in one
// run; with --tabari-build, TABARI's own figure on its validation suite after dyad's.
//
//   coder_accuracy_bench [--tabari-build DIR] [--misses]
//   (--misses: every record whose coding differs from its gold, on stderr)
//
// Suites (under $DYAD_SHARED; a suite that is absent is reported as such and skipped):
//   PETRARCH-1 validation  data/coder/validation/petrarch1_validate  (PETR.Validate.*)
//   UD-PETRARCH validation data/coder/validation/udpetrarch_validate (PETR_Validate_*_2_02)
//   PETRARCH-2 unit tests  data/coder/validation/petrarch2_unittest  (PETR.UnitTest.records.xml)
//   TABARI validation      tools/peers/tabari/src (Validate.text with TABARI.Demo.actors,
//                          TABARI.Demo.verbs, Validate.agents, as Validate.project names them)
// Records: PETRARCH's <Sentence date=…><EventCoding sourcecode= targetcode= eventcode=/>
// <Text>…</Text>, read line by line (PETRARCH-1's file is not well-formed XML); TABARI's
// "YYMMDD  ID" header, text up to "/*", gold events "{ SRC / TGT / CODE }" in the comment,
// up to the record "This is the end of the standard validation records". PETRARCH-1 kept
// TABARI's verb format. A gold event is found when a
// coded event has the same source, target (state key and role, as the suites write them)
// and event code; coded events matching no gold event are extra. docs/BENCHMARKS.md has
// the figures and the command.
#include <algorithm>
#include <cctype>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include <fmt/format.h>

#include "base/file.h"
#include "base/paths.h"
#include "coder/coder.h"
#include "coder/foreign_dictionary.h"

namespace {

using namespace dyad;

struct Record {
  std::optional<Date> date;
  std::string text;
  std::multiset<std::string> gold;  // "SRC>TGT:CODE"
};

struct Suite {
  std::string name, dir, records, actors, agents, verbs;
  bool tabari_verbs = false;    // TABARI's verb format (PETRARCH-1 kept it), else PETRARCH-2's
  bool tabari_records = false;  // TABARI's record format, else PETRARCH's <Sentence>
};

std::string Trim(std::string_view s) {
  size_t b = s.find_first_not_of(" \t\r\n"), e = s.find_last_not_of(" \t\r\n");
  return b == std::string::npos ? "" : std::string(s.substr(b, e - b + 1));
}

std::vector<std::string> Lines(const std::string& data) {
  std::vector<std::string> out;
  size_t b = 0;
  while (b < data.size()) {
    size_t e = data.find('\n', b);
    if (e == std::string::npos) e = data.size();
    out.emplace_back(data, b, e - b);
    b = e + 1;
  }
  return out;
}

// The value of attribute `name` in an XML start tag on `line`, "" when absent.
std::string Attribute(const std::string& line, const std::string& name) {
  std::string key = " " + name + "=";
  size_t p = line.find(key);
  if (p == std::string::npos) return "";
  p += key.size();
  if (p >= line.size()) return "";
  char q = line[p];
  size_t e = line.find(q, p + 1);
  return e == std::string::npos ? "" : line.substr(p + 1, e - p - 1);
}

// PETRARCH-1's records mostly have no <Text> element: the sentence stands bare after the
// <EventCoding> lines, up to its parse tree (lines starting with '(').
void BareTextLine(const std::string& line, std::vector<Record>* out, bool* bare_done) {
  std::string t = Trim(line);
  if (t.empty() || t[0] == '<' || *bare_done) return;
  if (t[0] == '(' || t[0] == ')') { *bare_done = true; return; }
  out->back().text += t + " ";
}

void PetrarchLine(const std::string& line, bool* in_text, std::vector<Record>* out) {
  static bool bare_done = false;  // the record had a <Text> or its parse began
  if (line.find("<Sentence ") != std::string::npos) {
    bare_done = false;
    out->emplace_back();
    if (auto d = Date::ParseCompact(Attribute(line, "date")); d.ok()) out->back().date = *d;
  } else if (out->empty()) {
    return;
  } else if (line.find("<EventCoding ") != std::string::npos && !Attribute(line, "eventcode").empty()) {
    out->back().gold.insert(Attribute(line, "sourcecode") + ">" + Attribute(line, "targetcode") + ":" +
                            Attribute(line, "eventcode"));
  } else if (line.find("<Text>") != std::string::npos) {
    *in_text = true;
    bare_done = true;
    out->back().text.clear();
  } else if (line.find("</Text>") != std::string::npos) {
    *in_text = false;
  } else if (*in_text) {
    out->back().text += Trim(line) + " ";
  } else {
    BareTextLine(line, out, &bare_done);
  }
}

std::vector<Record> ReadPetrarchRecords(const std::string& data) {
  std::vector<Record> out;
  bool in_text = false;
  for (const std::string& line : Lines(data)) PetrarchLine(line, &in_text, &out);
  return out;
}

// "950101  DEMO-01": a TABARI record header (six digits of date, then the id).
bool TabariHeader(const std::string& line) {
  if (line.size() < 8) return false;
  for (int i = 0; i < 6; ++i)
    if (!std::isdigit(static_cast<unsigned char>(line[i]))) return false;
  return line[6] == ' ' || line[6] == '\t';
}

std::optional<Date> TabariDate(const std::string& yymmdd) {
  int yy = std::atoi(yymmdd.substr(0, 2).c_str());
  auto d = Date::ParseCompact((yy < 50 ? "20" : "19") + yymmdd);
  return d.ok() ? std::optional<Date>(*d) : std::nullopt;
}

// Gold events "{ SRC / TGT / CODE }" of a TABARI record's comment.
void TabariGold(const std::string& comment, std::multiset<std::string>* gold) {
  size_t b = 0;
  while ((b = comment.find('{', b)) != std::string::npos) {
    size_t e = comment.find('}', b);
    if (e == std::string::npos) return;
    std::string in = comment.substr(b + 1, e - b - 1);
    size_t s1 = in.find('/'), s2 = s1 == std::string::npos ? s1 : in.find('/', s1 + 1);
    if (s2 != std::string::npos && in.find('/', s2 + 1) == std::string::npos)
      gold->insert(Trim(in.substr(0, s1)) + ">" + Trim(in.substr(s1 + 1, s2 - s1 - 1)) + ":" +
                   Trim(in.substr(s2 + 1)));
    b = e + 1;
  }
}

std::vector<Record> ReadTabariRecords(const std::string& data) {
  std::vector<Record> out;
  std::string comment;
  bool in_text = false;
  for (const std::string& line : Lines(data)) {
    if (TabariHeader(line)) {
      if (!out.empty()) TabariGold(comment, &out.back().gold);
      if (!out.empty() && out.back().text.find("This is the end of the standard validation records") != std::string::npos) {
        out.pop_back();
        return out;
      }
      out.push_back({TabariDate(line.substr(0, 6)), "", {}});
      comment.clear();
      in_text = true;
    } else if (size_t open = line.find("/*"); !out.empty() && in_text && open != std::string::npos) {
      // The comment (and its gold events) may begin at the end of the text's last line:
      // "officials said./*".
      out.back().text += Trim(line.substr(0, open)) + " ";
      in_text = false;
      comment += line.substr(open);
    } else if (!out.empty()) {
      (in_text ? out.back().text : comment) += Trim(line) + " ";
    }
  }
  if (!out.empty()) TabariGold(comment, &out.back().gold);
  return out;
}

struct Tally {
  int records = 0, exact = 0, with_gold = 0, gold = 0, found = 0, coded = 0, extra = 0;
};

bool g_misses = false;

void PrintMiss(const Record& r, const std::multiset<std::string>& got) {
  std::string gold, coded;
  for (const std::string& g : r.gold) gold += g + " ";
  for (const std::string& g : got) coded += g + " ";
  std::fprintf(stderr, "MISS gold: %s| coded: %s| %s\n", gold.c_str(), coded.c_str(), r.text.substr(0, 240).c_str());
}

void Score(const coder::Coder& coder, const Record& r, Tally* t) {
  coder::DocumentState st;
  st.document_date = r.date;
  std::multiset<std::string> got;
  for (const coder::CodedEvent& e : coder.CodeText(r.text, &st))
    got.insert(e.source + e.source_role + ">" + e.target + e.target_role + ":" + e.code);
  ++t->records;
  t->exact += got == r.gold ? 1 : 0;
  if (g_misses && got != r.gold) PrintMiss(r, got);
  t->with_gold += r.gold.empty() ? 0 : 1;
  t->gold += static_cast<int>(r.gold.size());
  t->coded += static_cast<int>(got.size());
  for (const std::string& w : r.gold) {
    auto it = got.find(w);
    if (it != got.end()) { ++t->found; got.erase(it); }
  }
  t->extra += static_cast<int>(got.size());
}

double Pct(int a, int b) { return b ? 100.0 * a / b : 0.0; }

void Fail(const Suite& s, const std::string& what, const Status& st) {
  std::printf("%s: cannot read %s: %s\n", s.name.c_str(), what.c_str(), st.message().c_str());
}

// Codes one suite with its own dictionaries and prints its line.
void RunSuite(const Suite& s, const world::Resolver& resolver, const events::Taxonomy& taxonomy) {
  std::string rec_path = s.dir + "/" + s.records;
  if (!FileExists(rec_path)) { std::printf("%s: absent (%s; set DYAD_SHARED)\n", s.name.c_str(), rec_path.c_str()); return; }
  coder::Dictionary dict;
  coder::ForeignCounts vc;
  std::vector<coder::NamedActor> actors;
  if (Status st = coder::ReadForeignAgents(s.dir + "/" + s.agents, &dict); !st.ok()) return Fail(s, s.agents, st);
  Status vs = s.tabari_verbs ? coder::ReadTabariVerbs(s.dir + "/" + s.verbs, &dict, &vc)
                       : coder::ReadPetrarchVerbs(s.dir + "/" + s.verbs, &dict, &vc);
  if (!vs.ok()) return Fail(s, s.verbs, vs);
  if (Status st = coder::ReadForeignActors(s.dir + "/" + s.actors, &actors); !st.ok()) return Fail(s, s.actors, st);
  Result<std::string> data = ReadFile(rec_path);
  if (!data.ok()) return Fail(s, s.records, data.status());
  std::vector<Record> records = s.tabari_records ? ReadTabariRecords(*data) : ReadPetrarchRecords(*data);
  coder::Coder coder(resolver, taxonomy, std::move(dict), nullptr);
  coder.UseNamedActors(actors, true);
  Tally t;
  for (const Record& r : records) Score(coder, r, &t);
  std::printf("%s: %d records (%d with gold events; %d coded exactly as their gold, %.1f %%), %d gold events, %d found (%.1f %%); %d coded, %d extra "
              "(%.1f %%); dictionaries: %llu verb patterns imported (%llu with words before the verb), skipped "
              "%llu with synsets, %llu bad codes; %zu actor names\n",
              s.name.c_str(), t.records, t.with_gold, t.exact, Pct(t.exact, t.records), t.gold, t.found, Pct(t.found, t.gold), t.coded, t.extra,
              Pct(t.extra, t.coded), static_cast<unsigned long long>(vc.patterns),
              static_cast<unsigned long long>(vc.words_before_verb), static_cast<unsigned long long>(vc.synsets),
              static_cast<unsigned long long>(vc.bad_code), actors.size());
  std::fflush(stdout);
}

std::vector<Suite> Suites() {
  std::string v = SharedDir() + "/data/coder/validation";
  return {
      {"PETRARCH-1 validation", v + "/petrarch1_validate", "PETR.Validate.records.140226.txt",
       "PETR.Validate.actors.txt", "PETR.Validate.agents.txt", "PETR.Validate.verbs.txt", true, false},
      {"UD-PETRARCH validation", v + "/udpetrarch_validate", "PETR_Validate_records_2_02.xml",
       "PETR_Validate_actors_2_02.txt", "PETR_Validate_agents_2_02.txt", "PETR_Validate_verbs_2_02.txt", false, false},
      {"PETRARCH-2 unit tests", v + "/petrarch2_unittest", "PETR.UnitTest.records.xml", "PETR.Validate.actors.txt",
       "PETR.Validate.agents.txt", "PETR.Validate.verbs.txt", false, false},
      {"TABARI validation", SharedDir() + "/tools/peers/tabari/src", "Validate.text", "TABARI.Demo.actors",
       "Validate.agents", "TABARI.Demo.verbs", true, true},
  };
}

template <typename T>
T OrDie(Result<T> r, const char* what) {
  if (!r.ok()) {
    std::fprintf(stderr, "coder_accuracy_bench: %s: %s\n", what, r.status().message().c_str());
    std::exit(1);
  }
  return std::move(r).value();
}

}  // namespace

int main(int argc, char** argv) {
  std::string tabari_build;
  for (int i = 1; i < argc; ++i) {
    if (std::strcmp(argv[i], "--misses") == 0) g_misses = true;
    else if (std::strcmp(argv[i], "--tabari-build") == 0 && i + 1 < argc) tabari_build = argv[++i];
  }
  auto w = OrDie(world::World::LoadDefault(), "world");
  auto resolver = OrDie(world::Resolver::LoadDefault(w), "resolver");
  auto taxonomy = OrDie(events::Taxonomy::LoadDefault(), "taxonomy");
  std::printf("dyad coder, each suite with its own actors, agents and verbs (no knowledge base):\n");
  for (const Suite& s : Suites()) RunSuite(s, *resolver, *taxonomy);
  if (tabari_build.empty()) return 0;
  std::string cmd = fmt::format("{}/tools/peers/tabari/run.sh -b {} validate", SharedDir(), tabari_build);
  std::printf("TABARI 0.8.4b2 on its own validation suite (%s):\n", cmd.c_str());
  std::fflush(stdout);
  int rc = std::system(cmd.c_str());
  if (rc != 0) std::printf("  TABARI run failed (exit %d)\n", rc);
  return 0;
}
