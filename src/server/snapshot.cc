#include "server/snapshot.h"

#include <fmt/format.h>
#include <zlib.h>

#include <algorithm>
#include <filesystem>
#include <fstream>

namespace dyad::server {
namespace {

struct Sum {
  uLong crc = crc32(0L, Z_NULL, 0);
  uLong adler = adler32(0L, Z_NULL, 0);
  void Add(const char* p, size_t n) {
    crc = crc32(crc, reinterpret_cast<const Bytef*>(p), static_cast<uInt>(n));
    adler = adler32(adler, reinterpret_cast<const Bytef*>(p), static_cast<uInt>(n));
  }
  void Add(const std::string& s) { Add(s.data(), s.size()); }
};

Status AddFile(const std::string& path, const std::string& label, Sum* sum) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return Status::IOError(path + ": cannot open");
  sum->Add(label + "\n");
  std::vector<char> buf(1 << 16);
  uint64_t total = 0;
  while (in) {
    in.read(buf.data(), static_cast<std::streamsize>(buf.size()));
    size_t n = static_cast<size_t>(in.gcount());
    sum->Add(buf.data(), n);
    total += n;
  }
  if (in.bad()) return Status::IOError(path + ": read error");
  sum->Add(fmt::format("\n{}\n", total));
  return Status::OK();
}

}  // namespace

Result<std::string> SnapshotChecksum(const std::vector<std::string>& paths) {
  namespace fs = std::filesystem;
  Sum sum;
  if (Status st = AddFile("/proc/self/exe", "exe", &sum); !st.ok()) return st;
  for (const std::string& root : paths) {
    std::error_code ec;
    if (fs::is_regular_file(root, ec)) {
      if (Status st = AddFile(root, fs::path(root).filename().string(), &sum); !st.ok()) return st;
      continue;
    }
    std::vector<std::string> files;
    for (fs::recursive_directory_iterator it(root, ec), end; !ec && it != end; it.increment(ec)) {
      if (it->is_regular_file(ec) && !it->is_symlink(ec)) files.push_back(it->path().string());
    }
    if (ec) return Status::IOError(fmt::format("{}: {}", root, ec.message()));
    std::sort(files.begin(), files.end());
    for (const std::string& f : files) {
      if (Status st = AddFile(f, fs::relative(f, root).generic_string(), &sum); !st.ok()) return st;
    }
  }
  return fmt::format("{:08x}{:08x}", sum.crc, sum.adler);
}

}  // namespace dyad::server
