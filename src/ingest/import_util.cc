#include "ingest/import_util.h"

#include <fmt/format.h>

#include <algorithm>
#include <filesystem>

namespace dyad::ingest {

Result<std::string> FindFile(const std::string& dir, std::string_view prefix) {
  namespace fs = std::filesystem;
  std::vector<std::string> names;
  std::error_code ec;
  for (const auto& e : fs::directory_iterator(dir, ec)) {
    std::string name = e.path().filename().string();
    if (name.starts_with(prefix)) names.push_back(e.path().string());
  }
  if (ec) return Status::NotFound(fmt::format("{}: {}", dir, ec.message()));
  if (names.empty()) return Status::NotFound(fmt::format("no file {}* in {}", prefix, dir));
  std::sort(names.begin(), names.end());
  return names.front();
}

std::string BaseName(const std::string& path) {
  return std::filesystem::path(path).filename().string();
}

std::string Slug(std::string_view text) {
  std::string out;
  for (char c : text) {
    bool keep = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '.' || c == '_';
    if (c >= 'A' && c <= 'Z') {
      out.push_back(static_cast<char>(c - 'A' + 'a'));
    } else if (keep) {
      out.push_back(c);
    } else if (!out.empty() && out.back() != '-') {
      out.push_back('-');
    }
  }
  while (!out.empty() && out.back() == '-') out.pop_back();
  return out;
}

Result<Interval> MakeInterval(const std::optional<Date>& from, const std::optional<Date>& to) {
  return Interval::Make(from, to);
}

Result<std::unique_ptr<CsvReader>> OpenCsv(const std::string& path, const std::vector<std::string_view>& required,
                                           RejectSink* rejects, CsvOptions options) {
  auto csv = CsvReader::Open(path, options, rejects);
  if (!csv.ok()) return csv.status();
  if (auto cols = (*csv)->Columns(required); !cols.ok()) return cols.status();
  return csv;
}

std::string Field(const CsvReader& csv, const CsvRow& row, std::string_view column) {
  int c = csv.Column(column);
  return c < 0 ? std::string() : std::string(row[c]);
}

void AddCodeReport(const CodeMap& map, ImportResult* out) {
  for (const auto& [code, u] : map.unmapped()) {
    UnmappedCode& dst = out->unmapped[map.label()][code];
    if (dst.reason.empty()) dst.reason = u.reason;
    dst.rows += u.rows;
  }
  for (const auto& [code, rows] : map.outside_validity()) out->outside_validity[map.label()][code] += rows;
}

kb::Fact MakeFact(std::string subject, kb::Relation relation, std::string object,
                  Interval valid, std::string record, std::string source) {
  kb::Fact f;
  f.subject = std::move(subject);
  f.relation = relation;
  f.object = std::move(object);
  f.valid = valid;
  f.record = std::move(record);
  f.sources.push_back(std::move(source));
  return f;
}

}  // namespace dyad::ingest
