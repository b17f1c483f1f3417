// The knowledge-base commands: packs checked and queried from the command line.
//
//   dyad check [PACK_DIR...]
//     Validates packs (default: every directory under data/packs/). Prints every problem as
//     file:line:column: error: message [kind], then rows read/accepted/rejected per file.
//     Exit 0 when clean, 1 when any row was rejected.
//   dyad facts A B [--as-of D | --from D --to D] [--kind K] [--format table|json|csv]
//     Facts and occurrences of the dyad, in date order. Facts that sources give
//     differently (two recognition dates) are marked "disputed" and all shown.
//   dyad envoy A B [--on D]       A's chief of mission in B on D (or vacant, or a chargé).
//   dyad relations A [--on D]     States A has and has not relations with on D, and how
//                                 that compares with A's own statements (relations_statement).
// A and B are states: a key (KGZ), or any name or code the resolver knows. --packs DIR...
// replaces the default pack directories. Dates are EDTF or English; default today.
// Usage errors exit 2; query commands print a warning when packs had rejected rows.
#include <fmt/format.h>

#include <algorithm>
#include <chrono>
#include <climits>
#include <cstdio>
#include <map>
#include <memory>
#include <nlohmann/json.hpp>
#include <optional>
#include <set>

#include "base/unicode.h"
#include "base/date.h"
#include "cli/commands.h"
#include "cli/pair_kb.h"
#include "cli/session.h"
#include "kb/fact_kinds.h"
#include "kb/knowledge_base.h"
#include "world/resolver.h"
#include "world/world.h"

namespace dyad::cli {
namespace {

using kb::Fact;
using kb::KnowledgeBase;
using kb::Occurrence;
using nlohmann::json;

std::string Join(const std::vector<std::string>& v, std::string_view sep) {
  std::string out;
  for (const std::string& s : v) {
    if (!out.empty()) out += sep;
    out += s;
  }
  return out;
}

std::string Validity(const Fact& f) { return kb::FormatInterval(f.valid, f.undated); }

// "the United States'" / "Kyrgyzstan's": English possessive of a name.
std::string Possessive(const std::string& name) {
  return name + (!name.empty() && name.back() == 's' ? "'" : "'s");
}

// ---------------------------------------------------------------------------------------
// dyad check

struct CheckArgs {
  std::vector<std::string> dirs;
  bool quiet = false;
};

int RunCheck(const CheckArgs& args) {
  std::vector<std::string> dirs = args.dirs.empty() ? KnowledgeBase::DefaultPackDirs() : args.dirs;
  if (dirs.empty()) {
    PrintError("check", "no packs: data/packs/ has no directories");
    return kExitError;
  }
  Result<std::shared_ptr<const world::World>> w = world::World::LoadDefault();
  if (!w.ok()) {
    PrintError("check", "cannot load the world: " + w.status().message());
    return kExitError;
  }
  kb::LoadReport report;
  Result<std::unique_ptr<KnowledgeBase>> kb = KnowledgeBase::Load(**w, dirs, &report);
  for (const kb::Diagnostic& d : report.diagnostics) std::printf("%s\n", d.ToString().c_str());
  if (!kb.ok()) {
    PrintError("check", kb.status().message());
    return kExitError;
  }
  if (!args.quiet) {
    for (const auto& [file, counts] : report.by_file) {
      std::printf("%s: %s\n", file.c_str(), counts.ToString().c_str());
    }
  }
  std::printf("%zu pack(s): %zu sources, %zu entities, %zu facts, %zu occurrences; "
              "%d error(s), %d warning(s)\n",
              dirs.size(), (*kb)->sources().size(), (*kb)->entities().size(),
              (*kb)->facts().size(), (*kb)->occurrences().size(), report.errors(),
              report.warnings());
  return report.clean() ? kExitOk : kExitError;
}

// ---------------------------------------------------------------------------------------
// dyad facts

struct FactsArgs {
  std::string a, b, as_of, from, to, kind, format = "table";
  std::vector<std::string> packs;
};

// Facts with the same subject, relation and object that sources give differently.
std::set<const Fact*> Disputed(const std::vector<const Fact*>& facts) {
  std::map<std::string, std::vector<const Fact*>> groups;
  for (const Fact* f : facts) {
    if (kb::Info(f->relation).shape != kb::Shape::kPoint &&
        f->relation != kb::Relation::kChiefOfMission && f->relation != kb::Relation::kMemberOf &&
        f->relation != kb::Relation::kPollResult) {
      continue;
    }
    std::string key = fmt::format("{}|{}|{}|{}", f->subject, kb::RelationName(f->relation),
                                  f->object, f->QualifierValue("answer"));
    groups[key].push_back(f);
  }
  std::set<const Fact*> out;
  for (const auto& [key, g] : groups) {
    bool differ = false;
    for (const Fact* f : g) {
      differ |= f->valid != g[0]->valid || f->value != g[0]->value || f->undated != g[0]->undated;
    }
    if (differ) out.insert(g.begin(), g.end());
  }
  return out;
}

json FactJson(const KnowledgeBase& kb, const Fact& f, bool disputed) {
  json q = json::object();
  for (const kb::Qualifier& x : f.qualifiers) q[x.key] = x.value;
  return json{{"type", "fact"},
              {"valid", Validity(f)},
              {"subject", f.subject},
              {"subject_name", kb.NameOf(f.subject)},
              {"relation", kb::RelationName(f.relation)},
              {"object", f.object},
              {"object_name", f.object.empty() ? "" : kb.NameOf(f.object)},
              {"value", f.value},
              {"qualifiers", q},
              {"sources", f.sources},
              {"disputed", disputed},
              {"note", f.note},
              {"origin", fmt::format("{}:{}", f.origin.file, f.origin.line)}};
}

json OccurrenceJson(const Occurrence& o) {
  json parts = json::array();
  for (const kb::Participant& p : o.participants) {
    parts.push_back(json{{"entity", p.entity}, {"role", p.role}});
  }
  return json{{"type", "occurrence"}, {"id", o.id},          {"when", kb::FormatInterval(o.when, false)},
              {"kind", o.kind},       {"cameo", o.cameo},    {"place", o.place},
              {"summary", o.summary}, {"participants", parts}, {"sources", o.sources}};
}


// " (last recorded D)" for an open fact whose sources stop before the as-of date.
std::string StaleNote(const KnowledgeBase& kb, const Fact& f, const std::optional<Date>& on) {
  if (!on || !kb.BeyondCurrency(f, *on)) return "";
  return fmt::format("  (not known after {}: last recorded then)", kb.CurrentTo(f)->ToString());
}

void PrintFactsTable(const KnowledgeBase& kb, const std::vector<const Fact*>& facts,
                     const std::vector<const Occurrence*>& occs, const std::set<const Fact*>& disputed,
                     const std::optional<Date>& on) {
  if (!facts.empty()) std::printf("Facts (%zu)\n", facts.size());
  for (const Fact* f : facts) {
    std::string detail = f->value;
    std::string q = kb::FormatQualifiers(f->qualifiers);
    if (!q.empty()) detail += (detail.empty() ? "" : "; ") + q;
    std::printf("  %s %s %-26s %s %s%s%s [%s]\n", PadColumns(Validity(*f), 23).c_str(),
                PadColumns(kb.NameOf(f->subject), 28).c_str(), std::string(kb::RelationName(f->relation)).c_str(),
                PadColumns(f->object.empty() ? "" : kb.NameOf(f->object), 30).c_str(), detail.c_str(),
                disputed.count(f) ? "  (disputed)" : "", StaleNote(kb, *f, on).c_str(),
                Join(f->sources, ",").c_str());
  }
  if (!occs.empty()) std::printf("%sOccurrences (%zu)\n", facts.empty() ? "" : "\n", occs.size());
  for (const Occurrence* o : occs) {
    std::printf("  %-23s %-12s CAMEO %-5s %s [%s]\n", kb::FormatInterval(o->when, false).c_str(),
                o->kind.c_str(), o->cameo.c_str(), o->summary.c_str(),
                Join(o->sources, ",").c_str());
  }
  if (facts.empty() && occs.empty()) std::printf("No facts or occurrences.\n");
  if (on && kb.KnownUntil() && on->first_day() > kb.KnownUntil()->last_day()) {
    std::printf("\nThe sources are current to %s at the latest.\n", kb.KnownUntil()->ToString().c_str());
  }
}

void PrintFactsCsv(const KnowledgeBase& kb, const std::vector<const Fact*>& facts,
                   const std::vector<const Occurrence*>& occs, const std::set<const Fact*>& disputed) {
  std::printf("type,valid,subject,relation,object,value,qualifiers,disputed,sources\n");
  for (const Fact* f : facts) {
    std::printf("fact,%s,%s,%s,%s,%s,%s,%s,%s\n", CsvField(Validity(*f)).c_str(),
                CsvField(f->subject).c_str(), std::string(kb::RelationName(f->relation)).c_str(),
                CsvField(f->object).c_str(), CsvField(f->value).c_str(),
                CsvField(kb::FormatQualifiers(f->qualifiers)).c_str(),
                disputed.count(f) ? "yes" : "no", CsvField(Join(f->sources, ",")).c_str());
  }
  (void)kb;
  for (const Occurrence* o : occs) {
    std::printf("occurrence,%s,%s,%s,%s,%s,%s,no,%s\n",
                CsvField(kb::FormatInterval(o->when, false)).c_str(), CsvField(o->id).c_str(),
                CsvField(o->kind).c_str(), CsvField(o->cameo).c_str(),
                CsvField(o->summary).c_str(), CsvField(kb::FormatQualifiers(o->qualifiers)).c_str(),
                CsvField(Join(o->sources, ",")).c_str());
  }
}

std::string SinceText(const kb::RelationsAnswer& r);

// For --as-of: the state of relations on that date, with every recognition date.
std::string AsOfSummary(const KnowledgeBase& kb, const std::string& a, const std::string& b,
                        const Date& on) {
  kb::RelationsAnswer r = kb.Relations(a, b, on);
  std::string out = fmt::format("Relations on {}: {}", on.ToString(), kb::RelationsStateName(r.state));
  std::string since = SinceText(r);
  if (!since.empty()) out += " (" + since + ")";
  std::vector<std::string> rec;
  std::set<std::string> dates;
  for (const Fact* f : r.recognition) {
    rec.push_back(fmt::format("{} recognized {} on {} [{}]", kb.NameOf(f->subject),
                              kb.NameOf(f->object), f->valid.start()->ToString(),
                              Join(f->sources, ",")));
    dates.insert(f->subject + f->valid.start()->ToString());
  }
  if (!rec.empty()) out += "\nRecognition: " + Join(rec, "; ");
  if (dates.size() > 1) out += " — sources give different dates";
  return out;
}

bool PeriodOf(const FactsArgs& args, Interval* period) {
  std::optional<Date> as_of, from, to;
  if (!ParseDateOption("facts", "--as-of", args.as_of, &as_of) ||
      !ParseDateOption("facts", "--from", args.from, &from) ||
      !ParseDateOption("facts", "--to", args.to, &to)) {
    return false;
  }
  if (as_of && (from || to)) {
    PrintError("facts", "--as-of cannot be combined with --from/--to");
    return false;
  }
  if (as_of) {
    *period = Interval::Point(*as_of);
    return true;
  }
  Result<Interval> i = Interval::Make(from, to);
  if (!i.ok()) {
    PrintError("facts", i.status().message());
    return false;
  }
  *period = *i;
  return true;
}

int RunFacts(const FactsArgs& args) {
  Interval period;
  if (!PeriodOf(args, &period)) return kExitUsage;
  std::unique_ptr<Session> s = OpenWorldSession("facts");
  if (!s) return kExitError;
  const world::State *sa = nullptr, *sb = nullptr;
  if (int rc = ResolvePair("facts", *s, args.a, args.b, std::nullopt, &sa, &sb); rc != kExitOk) return rc;
  const std::string a = sa->key, b = sb->key;
  if (!LoadKnowledgeFor("facts", s.get(), args.packs, {a, b})) return kExitError;
  // The same selection as GET /api/pairs/{a}/{b}/facts.
  kb::PairFactsSelection selection = kb::PairFacts(*s->kb, a, b, period, args.kind);
  std::vector<const Fact*>& facts = selection.facts;
  std::vector<const Occurrence*>& occs = selection.occurrences;
  if (!kb::KindIsKnown(*s->kb, args.kind)) {
    PrintError("facts", fmt::format("unknown kind '{}': {}", args.kind, kb::KindVocabulary()));
    return kExitUsage;
  }
  // Disagreement is judged over all dates, so an as-of view still flags a fact whose
  // other version falls outside the period.
  std::set<const Fact*> disputed = Disputed(s->kb->Dyad(a, b, Interval::Always()).facts);
  std::optional<Date> as_of;
  if (!args.as_of.empty()) as_of = period.start();
  if (args.format == "json") {
    json out = json{{"a", a}, {"b", b}, {"period", period.ToString()}};
    if (!args.as_of.empty()) out["relations"] = AsOfSummary(*s->kb, a, b, *period.start());
    out["facts"] = json::array();
    for (const Fact* f : facts) {
      json j = FactJson(*s->kb, *f, disputed.count(f));
      std::optional<Date> cur = s->kb->CurrentTo(*f);
      j["current_to"] = cur ? cur->ToString() : "";
      j["beyond_currency"] = as_of && s->kb->BeyondCurrency(*f, *as_of);
      out["facts"].push_back(std::move(j));
    }
    out["occurrences"] = json::array();
    for (const Occurrence* o : occs) out["occurrences"].push_back(OccurrenceJson(*o));
    std::printf("%s\n", out.dump(2, ' ', false, nlohmann::json::error_handler_t::replace).c_str());
  } else if (args.format == "csv") {
    PrintFactsCsv(*s->kb, facts, occs, disputed);
  } else {
    std::printf("%s – %s, %s\n\n", s->kb->NameOf(a).c_str(), s->kb->NameOf(b).c_str(),
                period == Interval::Always() ? "all dates" : period.ToString().c_str());
    if (!args.as_of.empty()) {
      std::printf("%s\n\n", AsOfSummary(*s->kb, a, b, *period.start()).c_str());
    }
    PrintFactsTable(*s->kb, facts, occs, disputed, as_of);
  }
  return kExitOk;
}

// ---------------------------------------------------------------------------------------
// dyad envoy

struct EnvoyArgs {
  std::string a, b, on, format = "table";
  std::vector<std::string> packs;
};

std::string TermText(const KnowledgeBase& kb, const kb::Term& t) {
  const Fact& f = *t.fact;
  std::string role(kb::RoleTitle(f.QualifierValue("role")));
  std::string start = t.start ? t.start->ToString() : "?";
  std::string when = f.undated ? "undated"
                     : t.end   ? fmt::format("{} to {}{}", start, t.end->ToString(),
                                             t.implicit_end ? " (when the next term began)" : "")
                               : fmt::format("since {} (no end recorded)", start);
  std::string extra;
  for (std::string_view k : {"appointed", "credentials", "arrived", "departed", "acting"}) {
    std::string_view v = f.QualifierValue(k);
    if (!v.empty()) extra += fmt::format("; {} {}", k, v);
  }
  return fmt::format("{}, {} — {}{} [{}]", kb.NameOf(f.subject), role, when, extra,
                     Join(f.sources, ","));
}

json TermJson(const KnowledgeBase& kb, const kb::Term& t) {
  json j = FactJson(kb, *t.fact, false);
  j["role_title"] = std::string(kb::RoleTitle(t.fact->QualifierValue("role")));
  j["charge"] = kb::IsChargeRole(t.fact->QualifierValue("role"));
  j["end"] = t.end ? t.end->ToString() : "";
  j["implicit_end"] = t.implicit_end;
  return j;
}

int RunEnvoy(const EnvoyArgs& args) {
  std::optional<Date> on;
  if (!ParseDateOption("envoy", "--on", args.on, &on)) return kExitUsage;
  if (!on) on = TodayUtc();
  std::unique_ptr<Session> s = OpenWorldSession("envoy");
  if (!s) return kExitError;
  const world::State *sa = nullptr, *sb = nullptr;
  if (int rc = ResolvePair("envoy", *s, args.a, args.b, on, &sa, &sb); rc != kExitOk) return rc;
  const std::string a = sa->key, b = sb->key;
  if (!LoadKnowledgeFor("envoy", s.get(), args.packs, {a, b})) return kExitError;
  kb::EnvoyAnswer ans = s->kb->Envoy(a, b, *on);
  const KnowledgeBase& kb = *s->kb;
  if (args.format == "json") {
    json out = json{{"a", a}, {"b", b}, {"on", on->ToString()}};
    out["missions"] = json::array();
    for (const kb::Entity* m : ans.missions) out["missions"].push_back(m->id);
    for (auto [name, list] : {std::pair{"heads", &ans.heads}, std::pair{"undated", &ans.undated}}) {
      out[name] = json::array();
      for (const kb::Term& t : *list) out[name].push_back(TermJson(kb, t));
    }
    out["beyond_currency"] = json::array();
    for (const kb::Term& t : ans.beyond_currency) out["beyond_currency"].push_back(TermJson(kb, t));
    out["current_to"] = ans.current_to ? ans.current_to->ToString() : "";
    out["future"] = ans.future;
    out["known"] = !ans.future && ans.beyond_currency.empty();
    out["vacant"] = !ans.future && ans.beyond_currency.empty() &&
                    (!ans.vacant.empty() || (ans.heads.empty() && !ans.missions.empty()));
    if (ans.previous) out["previous"] = TermJson(kb, *ans.previous);
    if (ans.next) out["next"] = TermJson(kb, *ans.next);
    std::printf("%s\n", out.dump(2, ' ', false, nlohmann::json::error_handler_t::replace).c_str());
    return kExitOk;
  }
  std::printf("%s chief of mission in %s on %s\n", Possessive(kb.NameOf(a)).c_str(), kb.NameOf(b).c_str(),
              on->ToString().c_str());
  if (ans.missions.empty()) {
    std::printf("  No mission of %s in %s is recorded.\n", kb.NameOf(a).c_str(), kb.NameOf(b).c_str());
    return kExitOk;
  }
  if (ans.future) {
    std::printf("  Nothing is known for %s: it is after today (%s).\n", on->ToString().c_str(),
                kb.today().ToString().c_str());
    return kExitOk;
  }
  for (const kb::Term& t : ans.beyond_currency) {
    std::optional<Date> cur = kb.CurrentTo(*t.fact);
    std::printf("  Not known after %s (the source stops): last recorded %s\n",
                cur->ToString().c_str(), TermText(kb, t).c_str());
  }
  for (const kb::Term& t : ans.heads) {
    std::printf("  %s%s\n", TermText(kb, t).c_str(),
                kb::IsChargeRole(t.fact->QualifierValue("role")) ? "  (chargé, not an ambassador)" : "");
  }
  if (ans.heads.size() > 1) std::printf("  (several terms cover this date: see the sources)\n");
  if (ans.heads.empty() && ans.beyond_currency.empty()) {
    std::printf("  Vacant or not recorded%s.\n",
                ans.vacant.empty() ? "" : fmt::format(" (vacancy recorded: {})",
                                                      Validity(*ans.vacant[0])).c_str());
    if (ans.previous) std::printf("  Previous: %s\n", TermText(kb, *ans.previous).c_str());
    if (ans.next) std::printf("  Next: %s\n", TermText(kb, *ans.next).c_str());
  }
  for (const kb::Term& t : ans.undated) std::printf("  Undated: %s\n", TermText(kb, t).c_str());
  return kExitOk;
}

// ---------------------------------------------------------------------------------------
// dyad relations

struct RelationsArgs {
  std::string a, on, format = "table";
  std::vector<std::string> packs;
};

std::vector<std::string> SplitCommas(std::string_view v) {
  std::vector<std::string> out;
  size_t start = 0;
  while (start <= v.size() && !v.empty()) {
    size_t c = v.find(',', start);
    out.emplace_back(v.substr(start, c == v.npos ? v.npos : c - start));
    if (c == v.npos) break;
    start = c + 1;
  }
  return out;
}

std::string SinceText(const kb::RelationsAnswer& r) {
  std::vector<std::string> parts;
  for (const Fact* f : r.since) {
    parts.push_back(fmt::format("{} {} [{}]", kb::RelationName(f->relation) == "relations_resumed" ? "resumed" : "since",
                                f->valid.start()->ToString(), Join(f->sources, ",")));
  }
  if (r.last_break && r.state != kb::RelationsAnswer::State::kInRelations) {
    parts.push_back(fmt::format("{} {} [{}]", kb::RelationName(r.last_break->relation),
                                r.last_break->valid.start()->ToString(),
                                Join(r.last_break->sources, ",")));
  }
  for (const Fact* f : r.no_relations) {
    parts.push_back(fmt::format("no relations {} [{}]", Validity(*f), Join(f->sources, ",")));
  }
  if (!r.absent.empty()) parts.push_back(fmt::format("{} did not exist on that date", r.absent));
  if (r.future) parts.push_back("after today: nothing is known");
  if (r.beyond_currency) parts.push_back(fmt::format("last recorded {}", r.current_to->ToString()));
  if (r.inferred) {
    const Fact* f = r.evidence.front();
    std::string evidence = fmt::format("{} {}", kb::RelationName(f->relation), f->valid.start()->ToString());
    if (r.last_break) {
      parts.push_back(fmt::format("{} {}; inferred: {} after it [{}]", kb::RelationName(r.last_break->relation),
                                  r.last_break->valid.start()->ToString(), evidence, Join(f->sources, ",")));
    } else {
      parts.push_back(fmt::format("inferred: {}, no establishment recorded [{}]", evidence,
                                  Join(f->sources, ",")));
    }
  }
  return Join(parts, "; ");
}

// Compares a relations_statement with what the data says about each UN member.
void PrintStatementCheck(const Session& s, const std::string& a, const Fact& st, const Date& on,
                         json* out) {
  const KnowledgeBase& kb = *s.kb;
  std::vector<std::string> except = SplitCommas(st.QualifierValue("except"));
  std::vector<std::string> agree_no, disagree_no, unknown_no, agree_yes, disagree_yes, unknown_yes;
  for (const world::State& other : s.world->states()) {
    if (!other.un_member || other.key == a) continue;
    kb::RelationsAnswer r = kb.Relations(a, other.key, on);
    const bool excepted = std::find(except.begin(), except.end(), other.key) != except.end();
    using S = kb::RelationsAnswer::State;
    if (excepted) {
      (r.state == S::kNoRelations ? agree_no : r.state == S::kInRelations ? disagree_no : unknown_no)
          .push_back(other.key);
    } else {
      (r.state == S::kInRelations ? agree_yes : r.state == S::kNoRelations ? disagree_yes : unknown_yes)
          .push_back(other.key);
    }
  }
  if (out != nullptr) {
    (*out)["statement"] = json{{"text", st.value}, {"except", except}, {"sources", st.sources},
                               {"agree_no_relations", agree_no}, {"data_says_in_relations", disagree_no},
                               {"no_data_for_exception", unknown_no}, {"agree_in_relations", agree_yes.size()},
                               {"data_says_no_relations", disagree_yes}, {"no_data", unknown_yes}};
    return;
  }
  std::printf("\nStatement [%s]: %s (except %s)\n", Join(st.sources, ",").c_str(), st.value.c_str(),
              Join(except, ", ").c_str());
  std::printf("  Exceptions the data confirms (no relations on %s): %s\n", on.ToString().c_str(),
              agree_no.empty() ? "none" : Join(agree_no, " ").c_str());
  std::printf("  Exceptions the data contradicts (in relations): %s\n",
              disagree_no.empty() ? "none" : Join(disagree_no, " ").c_str());
  std::printf("  Exceptions with no dated record: %s\n",
              unknown_no.empty() ? "none" : Join(unknown_no, " ").c_str());
  std::printf("  Other UN members: %zu in relations per the data, %zu with no relations per the data%s%s, "
              "%zu with no record\n",
              agree_yes.size(), disagree_yes.size(), disagree_yes.empty() ? "" : ": ",
              Join(disagree_yes, " ").c_str(), unknown_yes.size());
  const bool agrees = disagree_no.empty() && disagree_yes.empty() && unknown_no.empty() && unknown_yes.empty();
  std::printf("  The data %s the statement.\n",
              agrees ? "agrees with"
                     : (disagree_no.empty() && disagree_yes.empty() ? "does not contradict, but does not fully cover,"
                                                                      : "contradicts"));
}

int RunRelations(const RelationsArgs& args) {
  std::optional<Date> on;
  if (!ParseDateOption("relations", "--on", args.on, &on)) return kExitUsage;
  if (!on) on = TodayUtc();
  std::unique_ptr<Session> s = OpenWorldSession("relations");
  if (!s) return kExitError;
  std::string a = ResolveStateArg("relations", *s, args.a, on);
  if (a.empty()) return kExitError;
  if (!LoadKnowledgeFor("relations", s.get(), args.packs, {a})) return kExitError;
  using S = kb::RelationsAnswer::State;
  std::map<S, std::vector<std::pair<std::string, kb::RelationsAnswer>>> by_state;
  std::vector<std::string> absent;  // states that did not exist on the date
  for (const world::State& other : s->world->states()) {
    if (other.key == a || other.kind == world::StateKind::kTerritory) continue;
    kb::RelationsAnswer r = s->kb->Relations(a, other.key, *on);
    if (!r.absent.empty()) {
      if (r.absent == other.key) absent.push_back(other.key);
      continue;
    }
    by_state[r.state].emplace_back(other.key, std::move(r));
  }
  const bool future = on->first_day() > s->kb->today().last_day();
  const std::optional<Date> known = s->kb->KnownUntil();
  if (args.format == "json") {
    json out = json{{"state", a}, {"on", on->ToString()}, {"future", future},
                    {"known_until", known ? known->ToString() : ""}, {"not_existing", absent}};
    for (S st : {S::kInRelations, S::kNoRelations, S::kDisputed, S::kUnknown}) {
      json list = json::array();
      for (const auto& [key, r] : by_state[st]) list.push_back(json{{"state", key}, {"evidence", SinceText(r)}});
      out[std::string(kb::RelationsStateName(st))] = list;
    }
    for (const Fact* st : s->kb->Statements(a)) PrintStatementCheck(*s, a, *st, *on, &out);
    std::printf("%s\n", out.dump(2, ' ', false, nlohmann::json::error_handler_t::replace).c_str());
    return kExitOk;
  }
  std::printf("Diplomatic relations of %s on %s\n", s->kb->NameOf(a).c_str(), on->ToString().c_str());
  if (future) {
    std::printf("Nothing is known for %s: it is after today (%s).\n", on->ToString().c_str(),
                s->kb->today().ToString().c_str());
    return kExitOk;
  }
  if (known && on->first_day() > known->last_day()) {
    std::printf("The sources are current to %s at the latest: what follows is as last recorded.\n",
                known->ToString().c_str());
  }
  std::printf("(%zu states that did not exist on that date are not listed.)\n", absent.size());
  for (S st : {S::kInRelations, S::kNoRelations, S::kDisputed, S::kUnknown}) {
    const auto& list = by_state[st];
    std::printf("\n%s: %zu\n", std::string(kb::RelationsStateName(st)).c_str(), list.size());
    if (st == S::kUnknown) {
      std::vector<std::string> keys;
      for (const auto& [key, r] : list) keys.push_back(r.no_relations.empty() ? key : key + "*");
      std::printf("  %s\n", Join(keys, " ").c_str());
      if (!list.empty()) std::printf("  (* an undated statement says there are no relations)\n");
      continue;
    }
    for (const auto& [key, r] : list) {
      std::printf("  %-5s %s %s\n", key.c_str(), PadColumns(s->kb->NameOf(key), 32).c_str(), SinceText(r).c_str());
    }
  }
  for (const Fact* st : s->kb->Statements(a)) PrintStatementCheck(*s, a, *st, *on, nullptr);
  return kExitOk;
}

// ---------------------------------------------------------------------------------------

void AddKbCommands(CLI::App& app) {
  auto cargs = std::make_shared<CheckArgs>();
  CLI::App* check = app.add_subcommand("check", "Validate knowledge-base packs (default: data/packs/*)");
  check->add_option("packs", cargs->dirs, "pack directories");
  check->add_flag("--quiet,-q", cargs->quiet, "only the problems and the totals");
  check->callback([cargs] { SetExitCode(RunCheck(*cargs)); });

  auto fargs = std::make_shared<FactsArgs>();
  CLI::App* facts = app.add_subcommand("facts", "Facts and occurrences of a pair of states");
  facts->add_option("a", fargs->a, "first state")->required();
  facts->add_option("b", fargs->b, "second state")->required();
  facts->add_option("--as-of", fargs->as_of, "only what holds on this date");
  facts->add_option("--from", fargs->from, "period start");
  facts->add_option("--to", fargs->to, "period end");
  facts->add_option("--kind", fargs->kind, "relation, family (relations, envoys, ...) or occurrences");
  facts->add_option("--format", fargs->format, "table, json or csv")
      ->check(CLI::IsMember({"table", "json", "csv"}));
  facts->add_option("--packs", fargs->packs, "pack directories (default: the compiled snapshot of data/packs and data/kb-packs)");
  facts->callback([fargs] { SetExitCode(RunFacts(*fargs)); });

  auto eargs = std::make_shared<EnvoyArgs>();
  CLI::App* envoy = app.add_subcommand("envoy", "A's chief of mission in B on a date");
  envoy->add_option("a", eargs->a, "sending state")->required();
  envoy->add_option("b", eargs->b, "receiving state")->required();
  envoy->add_option("--on", eargs->on, "date (default today)");
  envoy->add_option("--format", eargs->format, "table or json")
      ->check(CLI::IsMember({"table", "json"}));
  envoy->add_option("--packs", eargs->packs, "pack directories (default: the compiled snapshot of data/packs and data/kb-packs)");
  envoy->callback([eargs] { SetExitCode(RunEnvoy(*eargs)); });

  auto rargs = std::make_shared<RelationsArgs>();
  CLI::App* rel = app.add_subcommand("relations", "States A has and has not relations with");
  rel->add_option("a", rargs->a, "state")->required();
  rel->add_option("--on", rargs->on, "date (default today)");
  rel->add_option("--format", rargs->format, "table or json")
      ->check(CLI::IsMember({"table", "json"}));
  rel->add_option("--packs", rargs->packs, "pack directories (default: the compiled snapshot of data/packs and data/kb-packs)");
  rel->callback([rargs] { SetExitCode(RunRelations(*rargs)); });
}

const CommandGroup kKbGroup(20, AddKbCommands);

}  // namespace
}  // namespace dyad::cli
