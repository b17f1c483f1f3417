// Readers for the US Office of the Historian's CC0 XML datasets (pocom, gsh, rdcr,
// visits, travels) into plain intermediate records.
//
// These records keep the source's own ids and text exactly as given (dates stay text,
// "9999" stays "9999"); interpreting them (dates, state keys, relations) is the job of
// historian_import.h. Every record carries a Provenance naming the dataset, the file
// (relative to the dataset root, e.g. "missions-countries/kyrgyzstan.xml"), the line of
// the record in that file, the record id and the dataset's source commit.
//
// Directory layout expected under DIR (the layout of the HistoryAtState repositories):
//   DIR/SOURCE_COMMITS.txt          "<dataset> <40-hex commit>" per line (optional)
//   DIR/pocom/{missions-countries,missions-orgs,positions-principals,
//              concurrent-appointments,roles-country-chiefs,people/*}/*.xml
//   DIR/gsh/data/{territories,posts,locales,regions,countries-old}/*.xml
//   DIR/rdcr/articles/*.xml         (TEI)
//   DIR/visits/data/*.xml
//   DIR/travels/{president-travels,secretary-travels}/*.xml
// A missing dataset folder is reported as a file error and the others are still read.
#ifndef DYAD_INGEST_HISTORIAN_XML_H_
#define DYAD_INGEST_HISTORIAN_XML_H_

#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "base/status.h"

namespace dyad::ingest {

// Where a record came from.
struct Provenance {
  std::string dataset;    // "pocom", "gsh", "rdcr", "visits", "travels"
  std::string file;       // relative to the dataset root
  uint64_t line = 0;      // 1-based line of the record's element, 0 if unknown
  std::string record_id;  // the source's id for the record
  std::string commit;     // from SOURCE_COMMITS.txt, "" if unknown
};

// A dated step of an appointment: raw date text ("1992-08-11", "1993-03", "") and note.
struct DatedNote {
  std::string date;
  std::string note;
};

// pocom: one <chief> of a country mission or of a mission to an organization.
struct ChiefRecord {
  Provenance prov;
  bool org_mission = false;          // missions-orgs/ rather than missions-countries/
  bool other_nominee = false;        // listed under other-nominees / other-appointees:
                                     // nominated or appointed but never served
  std::string mission_id;            // country id ("kyrgyzstan") or org mission id
  std::string person_id;
  std::string role_title_id;         // "ambassador-e-p", "charge-daffaires-ad-interim", ...
  std::string contemporary_territory_id;  // country missions only
  DatedNote appointed, arrived, started, ended;
  std::string note;
};

// pocom: one <mission-note> of a country mission ("The U.S. Embassy in Damascus suspended
// operations on February 6, 2012, ..."), in the order of the file.
struct MissionNoteRecord {
  Provenance prov;            // record_id "<mission>/mission-note/<n>", n from 1
  std::string mission_id;     // country id ("syria")
  std::string text;           // whitespace collapsed
};

// pocom: one <principal> holding a principal-officer position in the Department.
struct PrincipalRecord {
  Provenance prov;
  std::string position_id;    // "assistant-secretary-for-south-asian-affairs"
  std::string person_id;
  std::string role_title_id;
  bool other_appointee = false;  // under other-appointees: did not serve
  DatedNote appointed, started, ended;
  std::string note;
};

// pocom: a principal position (positions-principals/*.xml) or an org mission header.
struct PositionRecord {
  Provenance prov;
  std::string id;
  std::string category;  // "assistant-secretary-geo", "international-organization", ...
  std::string name;      // singular name
  std::string start, end;
  std::string ongoing;   // "true", "false" or ""
  std::string description;  // plain text of <description>
};

// pocom: concurrent appointments of one person resident at one place.
struct ConcurrentRecord {
  Provenance prov;
  std::string id;
  std::string person_id;
  std::string locale_id;
  std::string territory_id;
  std::vector<std::string> chief_ids;
};

// pocom: a person (people/*/*.xml).
struct PersonRecord {
  std::string id;
  std::string surname, forename, genname;
  std::string birth, death;
  std::string career_type;
};

// pocom: a role title (roles-country-chiefs/*.xml, also used for principals' titles).
struct RoleRecord {
  std::string id;
  std::string role_class;  // "chief"
  std::string category;    // "country"
  std::string singular;
};

// gsh: a territory (an incarnation of a country under one name and type).
struct TerritoryRecord {
  Provenance prov;
  std::string id;
  std::string short_name, long_name;
  std::string type;  // "independent-state", "dependency-or-area-of-special-sovereignty", ""
  std::string valid_since, valid_until;  // years as text; "9999" means still valid
  bool on_todays_map = false;
  std::vector<std::string> predecessors, successors;
  std::string notes;
};

// gsh: the older country list, with ISO 3166 alpha-2 codes (some pseudo codes "x?").
struct CountryRecord {
  std::string id;
  std::string iso2;
  std::string label;
  std::string region;
};

// gsh: a place (city) with coordinates.
struct LocaleRecord {
  std::string id;
  std::string name;
  std::string territory_id;
  std::string latitude, longitude;  // decimal degrees as text
};

// gsh: a US post abroad.
struct PostRecord {
  Provenance prov;
  std::string locale_id;
  std::string territory_id;
  std::string post_type;  // "embassy", "consulate-general", "consulate", ...
  std::string valid_since, valid_until;
  std::vector<std::pair<std::string, std::string>> events;  // (type, date): opened/closed
  std::string notes;
};

// gsh: a State Department bureau region and its territories.
struct RegionRecord {
  Provenance prov;
  std::string id;  // "sca"
  std::string label, description;
  std::string valid_since, valid_until;
  std::vector<std::string> territory_ids;
};

// rdcr: one <div type="timeline"> entry of a country article.
struct RdcrEntry {
  Provenance prov;           // record_id "kyrgyzstan/diplomatic_relations/2"
  std::string article_id;    // file stem, a historian country id
  std::string article_title; // the short title ("Kyrgyzstan")
  std::string section;       // xml:id of the enclosing section ("recognition")
  std::string head;          // the heading text, whitespace-normalised
  std::string head_when;     // @when of the heading's <date>, "" if none
  std::string text;          // the entry's paragraphs, whitespace-normalised
  std::string place_key;     // first <placeName key=...> of the heading, else of the text
};

// visits: a foreign leader's visit to the US.
struct VisitRecord {
  Provenance prov;
  std::string id;
  std::string start_date, end_date;
  std::string visitor;
  std::string from_id, from_label;
  std::string description;
};

// travels: a trip abroad by the President or the Secretary of State.
struct TripRecord {
  Provenance prov;
  std::string id;
  std::string role;  // "president" or "secretary"
  std::string who;   // person id ("baker-james-addison")
  std::string name;
  std::string start_date, end_date;
  std::string country_id, country_label;
  std::string locale;
  std::string remarks;
};

// A file that could not be read or parsed. `line` is 0 when unknown.
struct FileError {
  std::string file;  // path as opened
  uint64_t line = 0;
  std::string message;
};

// Everything read from a historian directory.
struct HistorianData {
  std::map<std::string, std::string> commits;  // dataset -> commit
  std::vector<ChiefRecord> chiefs;
  std::vector<MissionNoteRecord> mission_notes;
  std::vector<PrincipalRecord> principals;
  std::vector<PositionRecord> positions;     // principal positions
  std::vector<PositionRecord> org_missions;  // missions to organizations
  std::vector<ConcurrentRecord> concurrents;
  std::map<std::string, PersonRecord> people;
  std::map<std::string, RoleRecord> roles;
  std::vector<TerritoryRecord> territories;
  std::map<std::string, CountryRecord> countries;
  std::map<std::string, LocaleRecord> locales;
  std::vector<PostRecord> posts;
  std::vector<RegionRecord> regions;
  std::vector<RdcrEntry> rdcr;
  std::vector<VisitRecord> visits;
  std::vector<TripRecord> trips;
  std::vector<FileError> file_errors;
  uint64_t files_read = 0;
};

// Reads every dataset under `dir`. Fails only when `dir` is not a directory; unreadable
// or malformed files are listed in file_errors and the rest is read.
Result<HistorianData> ReadHistorianDir(const std::string& dir);

// Reads "<dataset> <commit>" lines. Missing file: empty map.
std::map<std::string, std::string> ReadSourceCommits(const std::string& path);

// Plain text of an English-language XML fragment with whitespace runs collapsed.
std::string CollapseSpace(std::string_view text);

}  // namespace dyad::ingest

#endif  // DYAD_INGEST_HISTORIAN_XML_H_
