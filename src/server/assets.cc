#include "server/assets.h"

#include <fmt/format.h>
#include <zlib.h>

#include <filesystem>
#include <system_error>

#include "base/file.h"

namespace dyad::server {
namespace {

constexpr size_t kMaxAssetBytes = size_t{64} << 20;

bool EndsWith(std::string_view s, std::string_view suffix) {
  return s.size() >= suffix.size() && s.substr(s.size() - suffix.size()) == suffix;
}

}  // namespace

std::string_view ContentTypeOf(std::string_view name) {
  static const std::pair<std::string_view, std::string_view> kTypes[] = {
      {".html", "text/html; charset=utf-8"}, {".css", "text/css; charset=utf-8"},
      {".js", "text/javascript; charset=utf-8"}, {".mjs", "text/javascript; charset=utf-8"},
      {".json", "application/json"}, {".svg", "image/svg+xml"}, {".png", "image/png"},
      {".ico", "image/x-icon"}, {".txt", "text/plain; charset=utf-8"},
      {".webmanifest", "application/manifest+json"}};
  for (const auto& [ext, type] : kTypes) {
    if (EndsWith(name, ext)) return type;
  }
  return "application/octet-stream";
}

std::string EtagOf(std::string_view bytes) {
  const auto* p = reinterpret_cast<const Bytef*>(bytes.data());
  uLong crc = crc32(0L, p, static_cast<uInt>(bytes.size()));
  uLong adler = adler32(1L, p, static_cast<uInt>(bytes.size()));
  return fmt::format("\"{:08x}{:08x}\"", crc, adler);
}

Status Assets::Add(std::string url_path, std::string bytes) {
  bytes_ += bytes.size();
  if (bytes_ > kMaxAssetBytes) {
    return Status::ResourceExhausted(fmt::format("web assets exceed {} bytes", kMaxAssetBytes));
  }
  Asset a;
  a.content_type = std::string(ContentTypeOf(url_path));
  a.etag = EtagOf(bytes);
  a.bytes = std::move(bytes);
  by_path_[std::move(url_path)] = std::move(a);
  return Status::OK();
}

Status Assets::AddFile(const std::string& url_path, const std::string& file) {
  Result<std::string> bytes = ReadFile(file);
  if (!bytes.ok()) return bytes.status();
  return Add(url_path, std::move(bytes).value());
}

Status Assets::LoadDirectory(const std::string& dir) {
  namespace fs = std::filesystem;
  std::error_code ec;
  if (!fs::is_directory(dir, ec)) return Status::NotFound(dir + ": not a directory");
  for (fs::recursive_directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec)) {
    if (it->is_symlink(ec) || !it->is_regular_file(ec)) continue;
    std::string rel = fs::relative(it->path(), dir, ec).generic_string();
    Status st = AddFile("/" + rel, it->path().string());
    if (!st.ok()) return st;
  }
  if (ec) return Status::IOError(fmt::format("{}: {}", dir, ec.message()));
  return Status::OK();
}

const Asset* Assets::Find(std::string_view url_path) const {
  auto it = by_path_.find(url_path);
  return it == by_path_.end() ? nullptr : &it->second;
}

}  // namespace dyad::server
