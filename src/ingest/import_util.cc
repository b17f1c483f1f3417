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

Result<CsvHeader> ReadHeader(CsvReader* csv, const std::vector<std::string_view>& required) {
  if (!csv->Next()) {
    if (!csv->status().ok()) return csv->status();
    return Status::InvalidArgument(fmt::format("{}: empty file, no header", csv->name()));
  }
  CsvHeader header(csv->fields());
  for (std::string_view name : required) {
    if (header.Column(name) == 0)
      return Status::InvalidArgument(
          fmt::format("{}:1: header lacks the column '{}'", csv->name(), name));
  }
  return header;
}

void RejectRow(RejectSink* sink, const CsvReader& csv, int column, std::string_view kind,
               std::string_view message, ReadCounts* counts) {
  sink->Reject(csv.name(), csv.line(), column, kind, message, csv.raw(), counts);
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
