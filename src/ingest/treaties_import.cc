// Treaties and their parties (manytreaties 1.0.0: GGO, IEADB, DESTA, GPTAD, TFDD; manytrade
// 0.4.0: HUGGO memberships) to the "treaties" pack.
//
// Only the party files are read: each row names the state, the treaty (treatyID, Title)
// and the treaty's and the state's dates. Per treatyID (the same id in two databases is
// one treaty; differently spelled ids of one treaty stay apart):
//   entity agr:<slug of treatyID>, kind agreement, subkind bilateral / multilateral (by
//          the number of parties over every database)
//   facts  agreement_signed on Signature; agreement_in_force from Force to End
//          party_to (state -> agreement) from the state's entry into force (else its
//          signature, else the treaty's) to its end; qualifiers signed= and in_force=
//          ("no" where the database writes its not-in-force placeholder 2899-01-01)
// A (state, treaty) pair given by a second database adds that source to the first row.
// Each database's source carries its own currency: the latest signature (the treaty's
// Signature or Begin, the party's own signature) in its file, the last act it records as
// done. Entry-into-force dates are not currency: they may be prospective, and one GGO row
// gives the United States' StateForce of the 1983 Cartagena Convention as 2038-03-13
// (ratified 1984-10-31), which made every source read "2038".
// stateID is a manystates code: ISO alpha-3 as of the row's date, else the COW letters
// (AUH, YUG); IOs and sub-state parties (IO-IBRD, Bayern, EUE) are unmapped.
#include <fmt/format.h>

#include <algorithm>
#include <map>
#include <set>

#include "ingest/import_util.h"
#include "ingest/messy_date.h"
#include "ingest/kb_datasets_import.h"

namespace dyad::ingest {
namespace {

struct PartyFile {
  std::string_view package, database, file, version;
  std::string_view state_signature, state_force, state_end, treaty_end;
};

constexpr PartyFile kFiles[] = {
    {"manytreaties", "GGO", "parties_GGO.csv", "1.0.0", "StateSignature", "StateForce", "StateEnd", "End"},
    {"manytreaties", "IEADB", "parties_IEADB.csv", "1.0.0", "stateSignature", "Force", "End", ""},
    {"manytreaties", "DESTA", "parties_DESTA.csv", "1.0.0", "", "", "", ""},
    {"manytreaties", "GPTAD", "parties_GPTAD.csv", "1.0.0", "", "", "", ""},
    {"manytreaties", "TFDD", "parties_TFDD.csv", "1.0.0", "", "", "", ""},
    {"manytrade", "HUGGO", "memberships_HUGGO_MEM.csv", "0.4.0", "StateSignature", "StateForce", "StateEnd", "End"},
};

std::string SourceId(const PartyFile& f) { return fmt::format("treaties:{}-{}", f.package, Slug(f.database)); }

kb::Source MakeSource(const PartyFile& f, const std::string& path) {
  kb::Source s;
  s.id = SourceId(f);
  s.title = fmt::format("{} {}: {} parties ({})", f.package, f.version, f.database,
                        f.package == "manytrade" ? "trade agreements" : "international agreements");
  s.author = f.package == "manytrade" ? "Hollway, James" : "Hollway, James; Sposito, Henrique";
  s.publisher = "globalgov (manydata), GitHub";
  s.url = fmt::format("https://github.com/globalgov/{}", f.package);
  s.licence = "CC-BY-4.0 (data package); the component database keeps its own terms";
  s.note = fmt::format("file {} from data/{}.rda#{} at commit {}; cite {} too; currency: the "
                       "latest signature in the file",
                       BaseName(path), f.package == "manytrade" ? "memberships" : "parties", f.database,
                       f.package == "manytrade" ? "878032250b6893e75800f1f8432762f7fd66f28d"
                                                : "4bf79f94c78a9f9016bd55b99135b45208500631",
                       f.database);
  return s;
}

class TreatyMapper {
 public:
  TreatyMapper(const ImportInputs& in, ImportResult* out)
      : in_(in), out_(out), iso3_(*in.world, world::Scheme::kIso3, "manystates stateID"),
        cowc_(*in.world, world::Scheme::kCowAlpha, "COW letters") {}
  Status Read(const PartyFile& spec, const std::string& path);
  void Finish();

 private:
  struct Agreement {
    std::string title, record, source;
    std::optional<Date> signature, force, end;
    std::set<std::string> parties;
  };
  Result<std::string> MapState(const std::string& code, std::optional<Date> on);
  void Party(const PartyFile& spec, CsvReader& csv, const CsvRow& row);

  const ImportInputs& in_;
  ImportResult* out_;
  CodeMap iso3_, cowc_;
  std::map<std::string, Agreement> agreements_;
  std::map<std::pair<std::string, std::string>, size_t> party_fact_;  // (state, agr) -> fact
  std::map<std::string, std::optional<Date>> latest_;  // by source id: the latest signature
  std::map<std::string_view, uint64_t> duplicates_;  // by database
  void NoteActs(const std::string& source, std::initializer_list<const MessyDate*> acts);
};

Result<std::string> TreatyMapper::MapState(const std::string& code, std::optional<Date> on) {
  if (!in_.world->ByCode(world::Scheme::kIso3, code, on).empty()) return iso3_.Map(code, on);
  if (!in_.world->ByCode(world::Scheme::kCowAlpha, code, on).empty()) {
    auto key = cowc_.Map(code, on);
    if (key.ok()) out_->mapped["manystates " + code] = *key + " (COW letters)";
    return key;
  }
  return iso3_.Map(code, on);
}

// The dates a party row may give (a column a database lacks reads as missing).
struct Dates {
  MessyDate signature, force, end, state_signature, state_force, state_end, begin;
};

MessyDate Get(const CsvReader& csv, const CsvRow& row, std::string_view col) {
  return col.empty() ? MessyDate{} : ParseMessyDate(Field(csv, row, col));
}

// The latest of `acts` that holds a date, kept as `source`'s currency when later. Dates
// compare by their first day: a year-precision "2023" is not later than 2023-10-11.
void TreatyMapper::NoteActs(const std::string& source, std::initializer_list<const MessyDate*> acts) {
  std::optional<Date>& latest = latest_[source];
  for (const MessyDate* d : acts)
    if (d->has_date() && (!latest || latest->first_day() < d->date->first_day())) latest = d->date;
}

// The first of `ds` that holds a date.
std::optional<Date> First(std::initializer_list<const MessyDate*> ds) {
  for (const MessyDate* d : ds)
    if (d->has_date()) return d->date;
  return std::nullopt;
}

void TreatyMapper::Party(const PartyFile& spec, CsvReader& csv, const CsvRow& row) {
  Dates d{Get(csv, row, "Signature"), Get(csv, row, "Force"), Get(csv, row, spec.treaty_end),
          Get(csv, row, spec.state_signature), Get(csv, row, spec.state_force), Get(csv, row, spec.state_end),
          Get(csv, row, "Begin")};
  const std::pair<const MessyDate*, std::string_view> checks[] = {
      {&d.signature, "Signature"}, {&d.force, "Force"}, {&d.end, spec.treaty_end},
      {&d.state_signature, spec.state_signature}, {&d.state_force, spec.state_force},
      {&d.state_end, spec.state_end}, {&d.begin, "Begin"}};
  for (auto [m, col] : checks) {
    if (m->bad()) return csv.Reject(Col1(csv, col), "bad-date", m->reason);
  }
  const std::string treaty = Field(csv, row, "treatyID");
  if (treaty.empty()) return csv.Reject(Col1(csv, "treatyID"), "missing-id", "no treatyID");
  // The state's own dates where the database has them; DESTA, GPTAD and TFDD rows give
  // only the treaty's, which are then the party's. Without a date of the party the code is
  // mapped over all time and the party's start left open.
  const bool per_state = !spec.state_force.empty();
  std::optional<Date> on = per_state ? First({&d.state_force, &d.state_signature})
                                     : First({&d.force, &d.signature, &d.begin});
  auto state = MapState(Field(csv, row, "stateID"), on);
  if (!state.ok()) return csv.Reject(Col1(csv, "stateID"), "unmapped-code", state.status().message());
  std::optional<Date> from = on, to = per_state ? First({&d.state_end}) : First({&d.end});
  auto valid = MakeInterval(from, to);
  std::string note;
  if (!valid.ok()) {
    // The database's end precedes the party's own start (a succession or late accession
    // to a treaty it lists as ended): keep only the day the party's start names.
    note = fmt::format("the database's end {} precedes this party's start; only the start is kept", to->ToString());
    valid = Interval::Point(*from);
    ++out_->counts["treaties/end-before-start-kept-as-start"].accepted;
  }
  std::string id = "agr:" + Slug(treaty);
  std::string source = SourceId(spec);
  NoteActs(source, {&d.signature, &d.begin, &d.state_signature});
  std::string record = fmt::format("{}:{}#{}", spec.file, csv.row(), treaty);
  Agreement& a = agreements_[id];
  if (a.record.empty()) {
    a = Agreement{Field(csv, row, "Title"), record, source, d.signature.date, d.force.date, d.end.date, {}};
  }
  a.parties.insert(*state);
  auto [it, fresh] = party_fact_.try_emplace({*state, id}, out_->pack.facts.size());
  if (!fresh) {
    auto& srcs = out_->pack.facts[it->second].sources;
    if (std::find(srcs.begin(), srcs.end(), source) == srcs.end()) srcs.push_back(source);
    ++duplicates_[spec.database];
    csv.Accept();  // merged into the first database's row
    return;
  }
  kb::Fact f = MakeFact(*state, kb::Relation::kPartyTo, id, *valid, record, source);
  f.note = std::move(note);
  if (d.state_signature.has_date()) f.qualifiers.push_back({"signed", d.state_signature.date->ToString()});
  if (d.state_force.has_date()) f.qualifiers.push_back({"in_force", d.state_force.date->ToString()});
  if (d.state_force.kind == MessyDate::Kind::kPlaceholder || d.force.kind == MessyDate::Kind::kPlaceholder)
    f.qualifiers.push_back({"in_force", "no"});
  out_->pack.facts.push_back(std::move(f));
  csv.Accept();
}

Status TreatyMapper::Read(const PartyFile& spec, const std::string& path) {
  auto opened = OpenCsv(path, {"stateID", "treatyID", "Title", "Signature"}, in_.rejects);
  if (!opened.ok()) return opened.status();
  CsvReader& csv = **opened;
  out_->pack.sources.push_back(MakeSource(spec, path));
  CsvRow row;
  while (csv.Next(&row)) Party(spec, csv, row);
  ReadCounts& c = out_->counts[fmt::format("{}/{}", spec.package, spec.database)];
  c = csv.counts();
  c.duplicates = duplicates_[spec.database];
  return csv.status();
}

void TreatyMapper::Finish() {
  for (auto& [id, a] : agreements_) {
    kb::Entity e;
    e.id = id;
    e.kind = kb::EntityKind::kAgreement;
    e.subkind = a.parties.size() == 2 ? "bilateral" : "multilateral";
    e.name = a.title.empty() ? id : a.title;
    e.record = a.record;
    e.sources = {a.source};
    out_->pack.entities.push_back(std::move(e));
    if (a.signature)
      out_->pack.facts.push_back(MakeFact(id, kb::Relation::kAgreementSigned, "", Interval::Point(*a.signature), a.record, a.source));
    if (auto iv = MakeInterval(a.force, a.end); a.force && iv.ok())
      out_->pack.facts.push_back(MakeFact(id, kb::Relation::kAgreementInForce, "", *iv, a.record, a.source));
  }
  for (auto& s : out_->pack.sources) s.date = latest_[s.id];
  AddCodeReport(iso3_, out_);
  AddCodeReport(cowc_, out_);
}

}  // namespace

Result<ImportResult> ImportTreaties(const ImportInputs& in) {
  ImportResult out;
  out.pack.name = "treaties";
  TreatyMapper mapper(in, &out);
  for (const PartyFile& spec : kFiles) {
    std::string base = fmt::format("{}/{}/", in.dir, spec.package);
    auto path = FindFile(base, spec.file);
    if (!path.ok()) return path.status();
    if (Status s = mapper.Read(spec, *path); !s.ok()) return s;
  }
  mapper.Finish();
  return out;
}

}  // namespace dyad::ingest
