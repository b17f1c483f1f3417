// The CIA World Factbook (factbook.json, 2026-01-22 edition) to the "factbook" pack.
//
// Per <region>/<gec>.json (GEC code -> state through the world registry's FIPS/GEC spells,
// as of the edition date; oceans, Antarctica, "world" and other non-states are unmapped):
//   Government > Executive branch > chief of state / head of government
//       the first person named (before ';'): a person entity and a leader_of fact,
//       role=chief-of-state / head-of-government, value the title ("President"),
//       valid from the "(since ...)" date (or a bare "(28 October 2022)", or a since date in
//       an aside "; also referred to as premier (since ...)"), open-ended; without one, only
//       on the edition date: a record of the edition, not a start (the dossier says "as listed
//       on 2026-01-22", never "since"). The name is the ALL-CAPS surname with the given
//       names next to it, without parenthesised notes ("(Col.)" becomes the title when there
//       is none); "President (vacant)" records no holder (rejected as vacant).
//   Government > International organization participation
//       one fact per organization, valid on the edition date, its relation typed by the
//       parenthesised note (ParticipationOf): member_of for a full member (no note, or a
//       note on a member: "nonregional member", "temporary", "implementing country", kept
//       as participation=); observer_of for "(observer)"; participates_in with role= for
//       every other part ("partners", "NGOs", "national committees", "associate member",
//       "candidate country", "suspended" ...; the note as its value). A UN peacekeeping or
//       political mission (MINURSO, UNMISS, UNIFIL ...: the state contributes personnel) is
//       an operation entity with a contributes_to fact, not a membership.
#include <fmt/format.h>
#include <simdjson.h>

#include <algorithm>
#include <filesystem>
#include <set>

#include "ingest/import_util.h"
#include "ingest/kb_datasets_import.h"

namespace dyad::ingest {
namespace {

constexpr std::string_view kSource = "factbook:2026-01-22";

kb::Source FactbookSource(Date edition) {
  kb::Source s;
  s.id = std::string(kSource);
  s.title = "The World Factbook, 2026 edition (last updated 2026-01-22)";
  s.author = "Central Intelligence Agency";
  s.publisher = "CIA, via github.com/factbook/factbook.json";
  s.url = "https://github.com/factbook/factbook.json";
  s.date = edition;
  s.licence = "CC0-1.0 (factbook.json); a US-government public-domain work";
  s.note = "files <region>/<gec>.json at commit 8662a8b17a784841ab4528631b04090eb2f183eb "
           "(content of the weekly update of 2026-01-22, the final edition); currency 2026-01-22";
  return s;
}

// A few HTML entities the Factbook writes, and tags dropped.
std::string PlainText(std::string_view html) {
  static const std::pair<std::string_view, std::string_view> kEntities[] = {
      {"&Eacute;", "É"}, {"&eacute;", "é"}, {"&Aacute;", "Á"}, {"&aacute;", "á"}, {"&Oacute;", "Ó"},
      {"&oacute;", "ó"}, {"&Iacute;", "Í"}, {"&iacute;", "í"}, {"&Uacute;", "Ú"}, {"&uacute;", "ú"},
      {"&Ntilde;", "Ñ"}, {"&ntilde;", "ñ"}, {"&atilde;", "ã"}, {"&otilde;", "õ"}, {"&ccedil;", "ç"},
      {"&uuml;", "ü"}, {"&ouml;", "ö"}, {"&auml;", "ä"}, {"&rsquo;", "’"}, {"&amp;", "&"},
      {"&nbsp;", " "}, {"&egrave;", "è"}, {"&ocirc;", "ô"}, {"&Uuml;", "Ü"}, {"&Ouml;", "Ö"}};
  std::string out;
  for (size_t i = 0; i < html.size();) {
    if (html[i] == '<') {
      size_t close = html.find('>', i);
      i = close == std::string_view::npos ? html.size() : close + 1;
      out.push_back(' ');
      continue;
    }
    bool replaced = false;
    for (auto [ent, text] : kEntities) {
      if (html.substr(i).starts_with(ent)) {
        out.append(text);
        i += ent.size();
        replaced = true;
        break;
      }
    }
    if (!replaced) out.push_back(html[i++]);
  }
  return out;
}

std::vector<std::string> Words(std::string_view s) {
  std::vector<std::string> out;
  size_t i = 0;
  while (i < s.size()) {
    while (i < s.size() && s[i] == ' ') ++i;
    size_t j = s.find(' ', i);
    if (j == std::string_view::npos) j = s.size();
    if (j > i) out.emplace_back(s.substr(i, j - i));
    i = j;
  }
  return out;
}

// A surname as the Factbook writes it: two or more ASCII capitals and no lower-case ASCII.
bool IsCapsWord(const std::string& w) {
  int caps = 0;
  for (char c : w) {
    if (c >= 'a' && c <= 'z') return false;
    caps += c >= 'A' && c <= 'Z';
  }
  return caps >= 2;
}

bool IsTitleWord(const std::string& w) {
  static const std::set<std::string> kTitles = {
      "President", "Vice", "Prime", "Minister", "Ministers", "King", "Queen", "Emir", "Amir",
      "Sultan", "Grand", "Duke", "Prince", "Co-prince", "Chairman", "Chancellor", "Premier",
      "Supreme", "Leader", "Governor", "Governor-General", "General", "Chief", "Executive",
      "State", "Council", "Cabinet", "Federal", "Lord", "Mann", "Archbishop", "Pope", "Crown",
      "Head", "Government", "Transitional", "Sovereign", "Interim", "Acting", "Taliban",
      "Co-Vice", "Presidential", "Captains", "Regent", "Administrator", "Secretary", "Premier,"};
  return kTitles.count(w) > 0;
}

bool IsCapitalised(const std::string& w) {
  return !w.empty() && ((w[0] >= 'A' && w[0] <= 'Z') || static_cast<unsigned char>(w[0]) >= 0x80);
}

struct Holder {
  std::string title, name;
  std::optional<Date> since;
  bool vacant = false;  // "President (vacant)": no holder
};

// What one parenthesised note says of the holder: "(since 13 November 1989, assumed
// executive powers ...)" and "(28 October 2022)" give the start, "(vacant)" a vacancy;
// any other note ("Col.") is a rank, kept as the title when there is none.
void ReadNote(std::string_view note, Holder* h) {
  if (note == "vacant") {
    h->vacant = true;
    return;
  }
  std::string_view date = note.starts_with("since ") ? note.substr(6) : note;
  date = date.substr(0, date.find(','));
  if (auto d = Date::ParseEnglish(date); d.ok()) {
    if (!h->since) h->since = *d;
  } else if (!note.starts_with("since ") && h->title.empty()) {
    h->title = std::string(note);
  }
}

// `text` without its parenthesised notes, each read into `h`.
std::string TakeNotes(std::string_view text, Holder* h) {
  std::string out;
  for (size_t i = 0; i < text.size();) {
    size_t open = text.find('(', i);
    out.append(text.substr(i, open == std::string_view::npos ? open : open - i));
    if (open == std::string_view::npos) break;
    size_t close = text.find(')', open);
    ReadNote(text.substr(open + 1, close == std::string_view::npos ? close : close - open - 1), h);
    i = close == std::string_view::npos ? text.size() : close + 1;
  }
  return out;
}

// The clause naming the holder (before ';' or ", represented") and an aside about the
// same holder that follows it ("TAGELAGI; also referred to as premier (since 10 June 2020)").
std::pair<std::string, std::string> Clauses(const std::string& text) {
  size_t end = std::min(text.find(';'), text.find(", represented"));
  if (end == std::string::npos || text.compare(end, 7, "; also ") != 0) return {text.substr(0, end), ""};
  return {text.substr(0, end), text.substr(end + 2, text.find(';', end + 1) - end - 2)};
}

// The holder's name and title from the clause's words (notes taken out).
bool SplitName(const std::string& text, Holder* h) {
  std::vector<std::string> w = Words(text);
  if (w.empty()) return false;
  size_t caps = std::find_if(w.begin(), w.end(), IsCapsWord) - w.begin();
  size_t start = caps == w.size() ? 0 : caps;
  while (start > 0 && caps - start < 3 && IsCapitalised(w[start - 1]) && !IsTitleWord(w[start - 1])) --start;
  if (caps == w.size()) start = 0;
  std::string title, name;
  for (size_t i = 0; i < w.size(); ++i) {
    std::string& part = i < start ? title : name;
    if (!part.empty()) part.push_back(' ');
    part += w[i];
  }
  if (!title.empty()) h->title = title;
  h->name = name;
  // A sentence about the office ("... is the so-called Amir-ul Momineen ...") names no holder.
  return !name.empty() && w.size() - start <= 6;
}

// "President Sadyr JAPAROV (since 28 January 2021); ..." -> President / Sadyr JAPAROV / 2021-01-28.
// "President (vacant)" -> a vacancy (no name).
std::optional<Holder> ParseHolder(std::string_view html) {
  auto [clause, aside] = Clauses(PlainText(html));
  Holder h;
  std::string text = TakeNotes(clause, &h);
  if (!h.since) TakeNotes(aside, &h);
  if (h.vacant) return h;
  if (!SplitName(text, &h)) return std::nullopt;
  return h;
}

// "ADB, EITI (compliant country), NAM (observer)" -> items, commas inside () kept.
std::vector<std::string> SplitItems(std::string_view s) {
  std::vector<std::string> out;
  std::string cur;
  int depth = 0;
  for (char c : s) {
    depth += c == '(' ? 1 : c == ')' ? -1 : 0;
    if (c == ',' && depth == 0) {
      out.push_back(cur);
      cur.clear();
    } else if (!(cur.empty() && c == ' ')) {
      cur.push_back(c);
    }
  }
  if (!cur.empty()) out.push_back(cur);
  return out;
}

// How a state takes part in an organisation, by the Factbook's note.
struct Participation {
  kb::Relation relation = kb::Relation::kMemberOf;
  std::string role;  // participates_in's role=; "" otherwise
};

struct NoteRole {
  std::string_view note, role;  // role "member": member_of, "observer": observer_of
};
constexpr NoteRole kNoteRoles[] = {
    {"nonregional member", "member"}, {"nonregional members", "member"}, {"regional", "member"},
    {"permanent", "member"}, {"temporary", "member"}, {"compliant country", "member"},
    {"implementing country", "member"}, {"Chinese Taipei", "member"},
    {"observer", "observer"}, {"associate observer", "observer"},
    {"partner", "partner"}, {"partners", "partner"}, {"dialogue partner", "partner"},
    {"sectoral dialogue partner", "partner"}, {"dialogue member", "partner"},
    {"enhanced engagement", "partner"}, {"cooperating state", "partner"},
    {"candidate country", "candidate"}, {"candidate", "candidate"}, {"candidates", "candidate"},
    {"pending member", "candidate"}, {"accession candidate", "candidate"},
    {"NGOs", "non-state"}, {"national committees", "non-state"}, {"correspondent", "correspondent"},
    {"subscriber", "subscriber"}, {"subbureau", "subbureau"}, {"signatory", "signatory"},
    {"suspended", "suspended"}, {"temporarily suspended", "suspended"}, {"de facto member", "de-facto-member"}};

// A year alone ("WTO (2024)") notes a member's date; "associate member, has not ratified
// ..." and "participating member, ..." are associates; "excluded from ..." excluded.
std::string RoleOfNote(std::string_view note) {
  for (const NoteRole& n : kNoteRoles)
    if (n.note == note) return std::string(n.role);
  if (note.size() == 4 && std::all_of(note.begin(), note.end(), ::isdigit)) return "member";
  if (note.starts_with("associate") || note.starts_with("participating member")) return "associate";
  if (note.starts_with("excluded")) return "excluded";
  return "other";
}

Participation ParticipationOf(std::string_view note) {
  if (note.empty()) return {};
  std::string role = RoleOfNote(note);
  if (role == "member") return {};
  if (role == "observer") return {kb::Relation::kObserverOf, ""};
  return {kb::Relation::kParticipatesIn, role};
}

// The UN peacekeeping and political missions the Factbook lists among a contributor's
// organisations (UN Department of Peace Operations and of Political and Peacebuilding
// Affairs names).
constexpr std::pair<std::string_view, std::string_view> kUnOperations[] = {
    {"MINURCAT", "UN Mission in the Central African Republic and Chad"},
    {"MINURSO", "UN Mission for the Referendum in Western Sahara"},
    {"MINUSCA", "UN Multidimensional Integrated Stabilization Mission in the Central African Republic"},
    {"MINUSMA", "UN Multidimensional Integrated Stabilization Mission in Mali"},
    {"MINUSTAH", "UN Stabilization Mission in Haiti"},
    {"MONUSCO", "UN Organization Stabilization Mission in the Democratic Republic of the Congo"},
    {"UNAMA", "UN Assistance Mission in Afghanistan"},
    {"UNAMID", "African Union-UN Hybrid Operation in Darfur"},
    {"UNDOF", "UN Disengagement Observer Force"},
    {"UNFICYP", "UN Peacekeeping Force in Cyprus"},
    {"UNIFIL", "UN Interim Force in Lebanon"},
    {"UNISFA", "UN Interim Security Force for Abyei"},
    {"UNMHA", "UN Mission to support the Hudaydah Agreement"},
    {"UNMIL", "UN Mission in Liberia"},
    {"UNMIS", "UN Mission in the Sudan"},
    {"UNMISS", "UN Mission in the Republic of South Sudan"},
    {"UNMIT", "UN Integrated Mission in Timor-Leste"},
    {"UNMOGIP", "UN Military Observer Group in India and Pakistan"},
    {"UNOCI", "UN Operation in Cote d'Ivoire"},
    {"UNSMIL", "UN Support Mission in Libya"},
    {"UNSOM", "UN Assistance Mission in Somalia"},
    {"UNSOS", "UN Support Office in Somalia"},
    {"UNTSO", "UN Truce Supervision Organization"},
    {"UNVIM", "UN Verification and Inspection Mechanism for Yemen"}};

std::string_view OperationName(std::string_view acronym) {
  for (auto [a, name] : kUnOperations)
    if (a == acronym) return name;
  return "";
}

using simdjson::dom::element;

std::string TextAt(element doc, std::initializer_list<std::string_view> path) {
  element e = doc;
  for (std::string_view key : path) {
    if (e.at_key(key).get(e) != simdjson::SUCCESS) return "";
  }
  std::string_view s;
  if (e.at_key("text").get_string().get(s) != simdjson::SUCCESS) return "";
  return std::string(s);
}

class FactbookMapper {
 public:
  FactbookMapper(const ImportInputs& in, Date edition, ImportResult* out)
      : in_(in), edition_(edition), out_(out), map_(*in.world, world::Scheme::kFips, "GEC (FIPS 10-4)") {}
  void File(const std::string& path);
  void Finish() { AddCodeReport(map_, out_); }

 private:
  void Leader(const std::string& gec, const std::string& key, const std::string& text,
              std::string_view role, const std::string& record);
  void Igos(const std::string& key, const std::string& text, const std::string& record);
  void Igo(const std::string& key, const std::string& item, const std::string& record, ReadCounts& c);
  void Operation(const std::string& key, const std::string& acronym, const std::string& record, ReadCounts& c);
  void AddEntity(const std::string& id, kb::EntityKind kind, const std::string& name, const std::string& note);

  const ImportInputs& in_;
  Date edition_;
  ImportResult* out_;
  CodeMap map_;
  simdjson::dom::parser parser_;
  std::set<std::string> entities_;
  std::set<std::string> seen_;  // "KEY member org:x"
};

void FactbookMapper::Leader(const std::string& gec, const std::string& key, const std::string& text,
                            std::string_view role, const std::string& record) {
  ReadCounts& c = out_->counts["factbook/" + std::string(role)];
  if (text.empty()) return;
  ++c.read;
  auto h = ParseHolder(text);
  if (!h) {
    in_.rejects->Reject(record, 0, 0, "no-name", "no holder named (a description of the office)", text, &c);
    return;
  }
  if (h->vacant) {
    in_.rejects->Reject(record, 0, 0, "vacant", "the office is vacant: no holder to record", text, &c);
    return;
  }
  std::string id = fmt::format("person:factbook-{}-{}", gec, Slug(h->name));
  if (entities_.insert(id).second) {
    kb::Entity p;
    p.id = id;
    p.kind = kb::EntityKind::kPerson;
    p.name = h->name;
    p.owner = key;
    p.record = record;
    p.sources = {std::string(kSource)};
    out_->pack.entities.push_back(std::move(p));
  }
  Interval valid = h->since ? Interval::Since(*h->since) : Interval::Point(edition_);
  kb::Fact f = MakeFact(id, kb::Relation::kLeaderOf, key, valid, record, std::string(kSource));
  f.value = h->title;
  f.qualifiers.push_back({"role", std::string(role)});
  out_->pack.facts.push_back(std::move(f));
  ++c.accepted;
}

void FactbookMapper::AddEntity(const std::string& id, kb::EntityKind kind, const std::string& name,
                               const std::string& note) {
  if (!entities_.insert(id).second) return;
  kb::Entity o;
  o.id = id;
  o.kind = kind;
  o.name = name;
  o.note = note;
  o.sources = {std::string(kSource)};
  out_->pack.entities.push_back(std::move(o));
}

// A UN mission the state contributes to: operation:<acronym>, contributes_to.
void FactbookMapper::Operation(const std::string& key, const std::string& acronym, const std::string& record,
                               ReadCounts& c) {
  const std::string id = "operation:" + Slug(acronym);
  AddEntity(id, kb::EntityKind::kOperation, acronym, std::string(OperationName(acronym)));
  if (!seen_.insert(key + " contributes " + id).second) {
    ++c.duplicates;
    return;
  }
  out_->pack.facts.push_back(MakeFact(key, kb::Relation::kContributesTo, id, Interval::Point(edition_), record,
                                      std::string(kSource)));
  ++c.accepted;
}

void FactbookMapper::Igo(const std::string& key, const std::string& item, const std::string& record, ReadCounts& c) {
  size_t paren = item.find(" (");
  std::string acronym = item.substr(0, paren);
  std::string note = paren == std::string::npos ? "" : item.substr(paren + 2, item.size() - paren - 3);
  if (Slug(acronym).empty()) return;
  if (!OperationName(acronym).empty()) return Operation(key, acronym, record, c);
  std::string id = "org:" + Slug(acronym);
  AddEntity(id, kb::EntityKind::kOrganization, acronym, "");
  const Participation p = ParticipationOf(note);
  if (!seen_.insert(fmt::format("{} {} {}", key, kb::Info(p.relation).name, id)).second) {
    ++c.duplicates;  // listed twice ("ICC (national committees), ICC (NGOs)")
    return;
  }
  kb::Fact f = MakeFact(key, p.relation, id, Interval::Point(edition_), record, std::string(kSource));
  if (p.relation == kb::Relation::kParticipatesIn) {
    f.value = note;
    f.qualifiers.push_back({"role", p.role});
  } else if (p.relation == kb::Relation::kMemberOf && !note.empty()) {
    f.qualifiers.push_back({"participation", note});
  }
  out_->pack.facts.push_back(std::move(f));
  ++c.accepted;
}

void FactbookMapper::Igos(const std::string& key, const std::string& text, const std::string& record) {
  ReadCounts& c = out_->counts["factbook/igo"];
  for (const std::string& item : SplitItems(PlainText(text))) {
    ++c.read;
    Igo(key, item, record, c);
  }
}

void FactbookMapper::File(const std::string& path) {
  namespace fs = std::filesystem;
  ReadCounts& c = out_->counts["factbook/file"];
  ++c.read;
  std::string gec = fs::path(path).stem().string();
  std::string record = fmt::format("{}/{}", fs::path(path).parent_path().filename().string(),
                                   fs::path(path).filename().string());
  element doc;
  if (auto err = parser_.load(path).get(doc); err != simdjson::SUCCESS) {
    in_.rejects->Reject(path, 0, 0, "bad-json", simdjson::error_message(err), "", &c);
    return;
  }
  std::string code = gec;
  std::transform(code.begin(), code.end(), code.begin(), ::toupper);
  auto key = map_.Map(code, edition_);
  if (!key.ok()) {
    in_.rejects->Reject(path, 0, 0, "unmapped-code", key.status().message(), "", &c);
    return;
  }
  ++c.accepted;
  Leader(gec, *key, TextAt(doc, {"Government", "Executive branch", "chief of state"}), "chief-of-state", record);
  Leader(gec, *key, TextAt(doc, {"Government", "Executive branch", "head of government"}),
         "head-of-government", record);
  Igos(*key, TextAt(doc, {"Government", "International organization participation"}), record);
}

std::vector<std::string> JsonFiles(const std::string& dir) {
  namespace fs = std::filesystem;
  std::vector<std::string> files;
  std::error_code ec;
  for (auto it = fs::recursive_directory_iterator(dir, ec); it != fs::recursive_directory_iterator(); it.increment(ec)) {
    if (ec) break;
    if (it->is_regular_file() && it->path().extension() == ".json") files.push_back(it->path().string());
  }
  std::sort(files.begin(), files.end(), [](const std::string& a, const std::string& b) {
    return fs::path(a).filename() < fs::path(b).filename();
  });
  return files;
}

}  // namespace

Result<ImportResult> ImportFactbook(const ImportInputs& in) {
  const Date edition = *Date::Make(2026, 1, 22);
  std::vector<std::string> files = JsonFiles(in.dir);
  if (files.empty()) return Status::NotFound(fmt::format("no <region>/<gec>.json files in {}", in.dir));
  ImportResult out;
  out.pack.name = "factbook";
  out.pack.sources = {FactbookSource(edition)};
  FactbookMapper mapper(in, edition, &out);
  for (const std::string& f : files) mapper.File(f);
  mapper.Finish();
  return out;
}

}  // namespace dyad::ingest
