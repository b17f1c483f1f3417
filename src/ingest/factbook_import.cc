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
//       one member_of fact per organization (observer_of for "(observer)", other
//       parenthesised notes as participation=), valid on the edition date.
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

void FactbookMapper::Igos(const std::string& key, const std::string& text, const std::string& record) {
  ReadCounts& c = out_->counts["factbook/igo"];
  for (const std::string& item : SplitItems(PlainText(text))) {
    ++c.read;
    size_t paren = item.find(" (");
    std::string acronym = item.substr(0, paren);
    std::string note = paren == std::string::npos ? "" : item.substr(paren + 2, item.size() - paren - 3);
    std::string id = "org:" + Slug(acronym);
    if (id == "org:") continue;
    if (entities_.insert(id).second) {
      kb::Entity o;
      o.id = id;
      o.kind = kb::EntityKind::kOrganization;
      o.name = acronym;
      o.sources = {std::string(kSource)};
      out_->pack.entities.push_back(std::move(o));
    }
    bool observer = note == "observer";
    if (!seen_.insert(key + (observer ? " observer " : " member ") + id).second) {
      ++c.duplicates;  // listed twice ("ICC (national committees), ICC (NGOs)")
      continue;
    }
    kb::Fact f = MakeFact(key, observer ? kb::Relation::kObserverOf : kb::Relation::kMemberOf, id,
                          Interval::Point(edition_), record, std::string(kSource));
    if (!observer && !note.empty()) f.qualifiers.push_back({"participation", note});
    out_->pack.facts.push_back(std::move(f));
    ++c.accepted;
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
