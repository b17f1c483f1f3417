#include "ingest/historian_xml.h"

#include <fmt/format.h>
#include <pugixml.hpp>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <functional>
#include <sstream>
#include <string_view>

#include "base/file.h"

namespace dyad::ingest {
namespace {

namespace fs = std::filesystem;

// One parsed XML file, with what is needed to turn node offsets into line numbers.
class XmlFile {
 public:
  // Parses `path`; on failure records a FileError (with the line when pugixml gives an
  // offset) in `errors` and returns false.
  bool Load(const std::string& path, std::vector<FileError>* errors) {
    path_ = path;
    auto content = ReadFile(path);
    if (!content.ok()) {
      errors->push_back({path, 0, content.status().message()});
      return false;
    }
    text_ = std::move(content).value();
    pugi::xml_parse_result result =
        doc_.load_buffer(text_.data(), text_.size(), pugi::parse_default, pugi::encoding_utf8);
    if (!result) {
      uint64_t line = result.offset >= 0 ? LineOf(static_cast<size_t>(result.offset)) : 0;
      errors->push_back({path, line,
                         fmt::format("XML parse error: {} (byte offset {})",
                                     result.description(), result.offset)});
      return false;
    }
    return true;
  }

  pugi::xml_node root() const { return doc_.document_element(); }

  // 1-based line of a node's start.
  uint64_t LineOf(pugi::xml_node node) {
    ptrdiff_t off = node.offset_debug();
    return off < 0 ? 0 : LineOf(static_cast<size_t>(off));
  }

 private:
  uint64_t LineOf(size_t offset) {
    if (newlines_.empty() && !text_.empty()) {
      newlines_.push_back(0);  // sentinel so the vector is non-empty once computed
      for (size_t i = 0; i < text_.size(); ++i)
        if (text_[i] == '\n') newlines_.push_back(i);
    }
    // Newlines strictly before offset (excluding the sentinel) + 1.
    auto it = std::lower_bound(newlines_.begin() + 1, newlines_.end(), offset);
    return static_cast<uint64_t>(it - (newlines_.begin() + 1)) + 1;
  }

  std::string path_;
  std::string text_;
  pugi::xml_document doc_;
  std::vector<size_t> newlines_;
};

// Trimmed text of a child element ("" if absent).
std::string Child(pugi::xml_node node, const char* name) {
  return CollapseSpace(node.child(name).child_value());
}

// All text under a node, whitespace collapsed.
std::string DeepText(pugi::xml_node node) {
  std::string out;
  std::function<void(pugi::xml_node)> walk = [&](pugi::xml_node n) {
    for (pugi::xml_node c : n.children()) {
      if (c.type() == pugi::node_pcdata || c.type() == pugi::node_cdata) {
        out += c.value();
      } else if (c.type() == pugi::node_element) {
        walk(c);
      }
    }
  };
  walk(node);
  return CollapseSpace(out);
}

DatedNote Dated(pugi::xml_node node, const char* name) {
  pugi::xml_node n = node.child(name);
  return {Child(n, "date"), Child(n, "note")};
}

std::vector<std::string> Children(pugi::xml_node node, const char* name) {
  std::vector<std::string> out;
  for (pugi::xml_node c : node.children(name)) {
    std::string v = CollapseSpace(c.child_value());
    if (!v.empty()) out.push_back(std::move(v));
  }
  return out;
}

// The .xml files of a folder, sorted by name. Records an error if it is missing.
std::vector<fs::path> XmlFiles(const fs::path& dir, std::vector<FileError>* errors,
                               bool recursive = false) {
  std::vector<fs::path> out;
  std::error_code ec;
  if (!fs::is_directory(dir, ec)) {
    errors->push_back({dir.string(), 0, "not a directory (dataset folder missing?)"});
    return out;
  }
  auto add = [&](const fs::directory_entry& e) {
    if (e.is_regular_file() && e.path().extension() == ".xml") out.push_back(e.path());
  };
  if (recursive) {
    for (const auto& e : fs::recursive_directory_iterator(dir, ec)) add(e);
  } else {
    for (const auto& e : fs::directory_iterator(dir, ec)) add(e);
  }
  std::sort(out.begin(), out.end());
  return out;
}

// Reads one dataset: every file of `sub` (relative to the dataset root) through `fn`.
class DatasetReader {
 public:
  DatasetReader(const fs::path& root, std::string dataset, HistorianData* data)
      : root_(root / dataset), dataset_(std::move(dataset)), data_(data) {
    auto it = data->commits.find(dataset_);
    if (it != data->commits.end()) commit_ = it->second;
  }

  void Each(const std::string& sub, const std::function<void(XmlFile&, Provenance)>& fn,
            bool recursive = false) {
    for (const fs::path& p : XmlFiles(root_ / sub, &data_->file_errors, recursive)) {
      XmlFile file;
      if (!file.Load(p.string(), &data_->file_errors)) continue;
      ++data_->files_read;
      Provenance prov;
      prov.dataset = dataset_;
      prov.file = fs::relative(p, root_).generic_string();
      prov.commit = commit_;
      fn(file, prov);
    }
  }

 private:
  fs::path root_;
  std::string dataset_;
  std::string commit_;
  HistorianData* data_;
};

Provenance At(Provenance prov, XmlFile& file, pugi::xml_node node, std::string id) {
  prov.line = file.LineOf(node);
  prov.record_id = std::move(id);
  return prov;
}

// ---- pocom ----

ChiefRecord ReadChief(XmlFile& file, const Provenance& base, pugi::xml_node c) {
  ChiefRecord r;
  r.prov = At(base, file, c, Child(c, "id"));
  r.person_id = Child(c, "person-id");
  r.role_title_id = Child(c, "role-title-id");
  r.contemporary_territory_id = Child(c, "contemporary-territory-id");
  r.appointed = Dated(c, "appointed");
  r.arrived = Dated(c, "arrived");
  r.started = Dated(c, "started");
  r.ended = Dated(c, "ended");
  r.note = Child(c, "note");
  return r;
}

PositionRecord ReadPosition(XmlFile& file, const Provenance& base, pugi::xml_node root) {
  PositionRecord p;
  p.id = Child(root, "id");
  p.prov = At(base, file, root, p.id);
  p.category = Child(root, "category");
  p.name = CollapseSpace(root.child("names").child("singular").child_value());
  p.start = Child(root, "start");
  p.end = Child(root, "end");
  p.ongoing = Child(root, "ongoing");
  p.description = DeepText(root.child("description"));
  return p;
}

void ReadPocom(const fs::path& dir, HistorianData* data) {
  DatasetReader reader(dir, "pocom", data);
  reader.Each("missions-countries", [&](XmlFile& f, Provenance prov) {
    pugi::xml_node root = f.root();
    std::string mission = Child(root, "territory-id");
    for (const char* list : {"chiefs", "other-nominees"}) {
      for (pugi::xml_node c : root.child(list).children("chief")) {
        ChiefRecord r = ReadChief(f, prov, c);
        r.mission_id = mission;
        r.other_nominee = std::string_view(list) != "chiefs";
        data->chiefs.push_back(std::move(r));
      }
    }
    int n = 0;
    for (pugi::xml_node note : root.child("chiefs").children("mission-note")) {
      MissionNoteRecord r;
      r.prov = At(prov, f, note, fmt::format("{}/mission-note/{}", mission, ++n));
      r.mission_id = mission;
      r.text = DeepText(note.child("text"));
      data->mission_notes.push_back(std::move(r));
    }
  });
  reader.Each("missions-orgs", [&](XmlFile& f, Provenance prov) {
    pugi::xml_node root = f.root();
    PositionRecord m = ReadPosition(f, prov, root);
    for (const char* list : {"chiefs", "other-appointees"}) {
      for (pugi::xml_node c : root.child(list).children("chief")) {
        ChiefRecord r = ReadChief(f, prov, c);
        r.org_mission = true;
        r.mission_id = m.id;
        r.other_nominee = std::string_view(list) != "chiefs";
        data->chiefs.push_back(std::move(r));
      }
    }
    data->org_missions.push_back(std::move(m));
  });
  reader.Each("positions-principals", [&](XmlFile& f, Provenance prov) {
    pugi::xml_node root = f.root();
    PositionRecord pos = ReadPosition(f, prov, root);
    for (const char* list : {"principals", "other-appointees"}) {
      for (pugi::xml_node c : root.child(list).children("principal")) {
        PrincipalRecord r;
        r.other_appointee = std::string_view(list) != "principals";
        r.prov = At(prov, f, c, Child(c, "id"));
        r.position_id = pos.id;
        r.person_id = Child(c, "person-id");
        r.role_title_id = Child(c, "role-title-id");
        r.appointed = Dated(c, "appointed");
        r.started = Dated(c, "started");
        r.ended = Dated(c, "ended");
        r.note = Child(c, "note");
        data->principals.push_back(std::move(r));
      }
    }
    data->positions.push_back(std::move(pos));
  });
  reader.Each("concurrent-appointments", [&](XmlFile& f, Provenance prov) {
    pugi::xml_node root = f.root();
    ConcurrentRecord r;
    r.id = Child(root, "id");
    r.prov = At(prov, f, root, r.id);
    r.person_id = Child(root, "person-id");
    r.locale_id = Child(root.child("resident-at"), "locale-id");
    r.territory_id = Child(root.child("resident-at"), "contemporary-territory-id");
    r.chief_ids = Children(root, "chief-id");
    data->concurrents.push_back(std::move(r));
  });
  reader.Each("roles-country-chiefs", [&](XmlFile& f, Provenance) {
    pugi::xml_node root = f.root();
    RoleRecord r;
    r.id = Child(root, "id");
    r.role_class = Child(root, "class");
    r.category = Child(root, "category");
    r.singular = CollapseSpace(root.child("names").child("singular").child_value());
    data->roles[r.id] = std::move(r);
  });
  reader.Each("people", [&](XmlFile& f, Provenance) {
    pugi::xml_node root = f.root();
    PersonRecord p;
    p.id = Child(root, "id");
    p.surname = Child(root.child("persName"), "surname");
    p.forename = Child(root.child("persName"), "forename");
    p.genname = Child(root.child("persName"), "genName");
    p.birth = Child(root, "birth");
    p.death = Child(root, "death");
    p.career_type = Child(root, "career-type");
    data->people[p.id] = std::move(p);
  }, /*recursive=*/true);
}

// ---- gsh ----

void ReadGsh(const fs::path& dir, HistorianData* data) {
  DatasetReader reader(dir, "gsh", data);
  reader.Each("data/territories", [&](XmlFile& f, Provenance prov) {
    pugi::xml_node root = f.root();
    TerritoryRecord t;
    t.id = Child(root, "id");
    t.prov = At(prov, f, root, t.id);
    t.short_name = Child(root, "short-form-name");
    t.long_name = Child(root, "long-form-name");
    t.type = Child(root, "type-of-territory");
    t.valid_since = Child(root, "valid-since");
    t.valid_until = Child(root, "valid-until");
    t.on_todays_map = Child(root, "exists-on-todays-map") == "true";
    t.predecessors = Children(root.child("predecessors"), "predecessor");
    t.successors = Children(root.child("successors"), "successor");
    t.notes = DeepText(root.child("notes"));
    data->territories.push_back(std::move(t));
  });
  reader.Each("data/countries-old", [&](XmlFile& f, Provenance) {
    pugi::xml_node root = f.root();
    CountryRecord c;
    c.id = Child(root, "id");
    c.iso2 = Child(root, "iso2");
    c.label = Child(root, "label");
    c.region = Child(root, "region");
    data->countries[c.id] = std::move(c);
  });
  reader.Each("data/locales", [&](XmlFile& f, Provenance) {
    pugi::xml_node root = f.root();
    LocaleRecord l;
    l.id = Child(root, "id");
    l.name = Child(root, "name");
    l.territory_id = Child(root, "current-territory");
    l.latitude = Child(root, "latitude");
    l.longitude = Child(root, "longitude");
    data->locales[l.id] = std::move(l);
  });
  reader.Each("data/posts", [&](XmlFile& f, Provenance prov) {
    pugi::xml_node root = f.root();
    PostRecord p;
    p.locale_id = Child(root, "locale-id");
    // Posts have no id element: the file stem is their id.
    p.prov = At(prov, f, root, fs::path(prov.file).stem().string());
    p.territory_id = Child(root, "territory-id");
    p.post_type = Child(root, "post-type");
    p.valid_since = Child(root, "valid-since");
    p.valid_until = Child(root, "valid-until");
    for (pugi::xml_node e : root.child("events").children("event"))
      p.events.emplace_back(Child(e, "type"), Child(e, "date"));
    p.notes = DeepText(root.child("notes"));
    data->posts.push_back(std::move(p));
  });
  reader.Each("data/regions", [&](XmlFile& f, Provenance prov) {
    pugi::xml_node root = f.root();
    RegionRecord r;
    r.id = Child(root, "id");
    r.prov = At(prov, f, root, r.id);
    r.label = Child(root, "label");
    r.description = Child(root, "description");
    r.valid_since = Child(root, "valid-since");
    r.valid_until = Child(root, "valid-until");
    r.territory_ids = Children(root, "territory-id");
    data->regions.push_back(std::move(r));
  });
}

// ---- rdcr ----

// The xml:id of the nearest enclosing <div type="section">.
std::string SectionOf(pugi::xml_node node) {
  for (pugi::xml_node p = node.parent(); p; p = p.parent()) {
    if (std::string_view(p.name()) == "div" &&
        std::string_view(p.attribute("type").value()) == "section")
      return p.attribute("xml:id").value();
  }
  return "";
}

void ReadRdcr(const fs::path& dir, HistorianData* data) {
  DatasetReader reader(dir, "rdcr", data);
  reader.Each("articles", [&](XmlFile& f, Provenance prov) {
    pugi::xml_node tei = f.root();
    std::string article = fs::path(prov.file).stem().string();
    std::string title;
    for (pugi::xml_node t : tei.child("teiHeader").child("fileDesc").child("titleStmt").children("title"))
      if (std::string_view(t.attribute("type").value()) == "short") title = DeepText(t);
    std::map<std::string, int> seq;  // per-section entry counter
    pugi::xpath_node_set divs = tei.select_nodes("//div[@type='timeline']");
    for (const pugi::xpath_node& xn : divs) {
      pugi::xml_node div = xn.node();
      RdcrEntry e;
      e.article_id = article;
      e.article_title = title;
      e.section = SectionOf(div);
      pugi::xml_node head = div.child("head");
      e.head = DeepText(head);
      pugi::xml_node date = head.find_node([](pugi::xml_node n) {
        return std::string_view(n.name()) == "date";
      });
      e.head_when = date.attribute("when").value();
      std::string text;
      for (pugi::xml_node c : div.children()) {
        std::string_view name = c.name();
        if (name == "head" || name == "div" || c.type() != pugi::node_element) continue;
        if (!text.empty()) text += ' ';
        text += DeepText(c);
      }
      e.text = CollapseSpace(text);
      auto is_keyed_place = [](pugi::xml_node n) {
        return std::string_view(n.name()) == "placeName" && !n.attribute("key").empty();
      };
      pugi::xml_node place = head.find_node(is_keyed_place);
      if (!place) place = div.find_node(is_keyed_place);
      e.place_key = place.attribute("key").value();
      int n = ++seq[e.section];
      e.prov = At(prov, f, div, fmt::format("{}/{}/{}", article, e.section, n));
      data->rdcr.push_back(std::move(e));
    }
  });
}

// ---- visits and travels ----

void ReadVisits(const fs::path& dir, HistorianData* data) {
  DatasetReader reader(dir, "visits", data);
  reader.Each("data", [&](XmlFile& f, Provenance prov) {
    for (pugi::xml_node v : f.root().children("visit")) {
      VisitRecord r;
      r.id = Child(v, "id");
      r.prov = At(prov, f, v, r.id);
      r.start_date = Child(v, "start-date");
      r.end_date = Child(v, "end-date");
      r.visitor = Child(v, "visitor");
      r.from_id = v.child("from").attribute("id").value();
      r.from_label = Child(v, "from");
      r.description = DeepText(v.child("description"));
      data->visits.push_back(std::move(r));
    }
  });
}

void ReadTravels(const fs::path& dir, HistorianData* data) {
  DatasetReader reader(dir, "travels", data);
  auto trips = [&](XmlFile& f, Provenance prov) {
    for (pugi::xml_node t : f.root().children("trip")) {
      TripRecord r;
      r.id = Child(t, "id");
      r.prov = At(prov, f, t, r.id);
      r.role = Child(t, "role");
      if (r.role.empty()) r.role = t.attribute("role").value();
      r.who = t.attribute("who").value();
      r.name = Child(t, "name");
      r.start_date = Child(t, "start-date");
      r.end_date = Child(t, "end-date");
      r.country_id = t.child("country").attribute("id").value();
      r.country_label = Child(t, "country");
      r.locale = Child(t, "locale");
      r.remarks = DeepText(t.child("remarks"));
      data->trips.push_back(std::move(r));
    }
  };
  reader.Each("president-travels", trips);
  reader.Each("secretary-travels", trips);
}

}  // namespace

std::string CollapseSpace(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  bool space = false;
  for (char ch : text) {
    if (ch == ' ' || ch == '\n' || ch == '\t' || ch == '\r') {
      space = !out.empty();
    } else {
      if (space) out += ' ';
      space = false;
      out += ch;
    }
  }
  return out;
}

std::map<std::string, std::string> ReadSourceCommits(const std::string& path) {
  std::map<std::string, std::string> out;
  std::ifstream in(path);
  std::string dataset, commit;
  while (in >> dataset >> commit) out[dataset] = commit;
  return out;
}

Result<HistorianData> ReadHistorianDir(const std::string& dir) {
  std::error_code ec;
  if (!fs::is_directory(dir, ec))
    return Status::NotFound(fmt::format("{}: not a directory", dir));
  HistorianData data;
  data.commits = ReadSourceCommits((fs::path(dir) / "SOURCE_COMMITS.txt").string());
  fs::path root(dir);
  ReadPocom(root, &data);
  ReadGsh(root, &data);
  ReadRdcr(root, &data);
  ReadVisits(root, &data);
  ReadTravels(root, &data);
  return data;
}

}  // namespace dyad::ingest
