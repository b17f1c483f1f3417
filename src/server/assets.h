// The web app's files, held in memory and found by URL path.
//
// Load reads every regular file under a directory once (symlinks and other kinds are
// skipped), so a request never becomes a file-system path: "/../etc/passwd" and its
// encoded forms simply name no asset (404). Extra files (the world atlas from npm) are
// added under a chosen URL path.
#ifndef DYAD_SERVER_ASSETS_H_
#define DYAD_SERVER_ASSETS_H_

#include <map>
#include <string>
#include <string_view>

#include "base/status.h"

namespace dyad::server {

struct Asset {
  std::string bytes;
  std::string content_type;
  std::string etag;  // quoted, from the bytes
};

class Assets {
 public:
  // Every regular file under `dir`, as "/" + its relative path. Fails when `dir` is not
  // a directory or a file cannot be read; limited to 64 MiB in all.
  Status LoadDirectory(const std::string& dir);
  // One file at `url_path` ("/assets/countries-110m.json").
  Status AddFile(const std::string& url_path, const std::string& file);

  const Asset* Find(std::string_view url_path) const;
  size_t size() const { return by_path_.size(); }
  size_t bytes() const { return bytes_; }

 private:
  Status Add(std::string url_path, std::string bytes);
  std::map<std::string, Asset, std::less<>> by_path_;
  size_t bytes_ = 0;
};

// Content type from a file name's extension ("application/octet-stream" when unknown).
std::string_view ContentTypeOf(std::string_view name);

// A quoted strong entity tag from bytes ("\"3f2a…\"").
std::string EtagOf(std::string_view bytes);

}  // namespace dyad::server

#endif  // DYAD_SERVER_ASSETS_H_
