// A read-only memory map of a whole regular file, for the compiled files commands read
// (the world snapshot): pages are read on first touch, shared with every process that
// maps the same file, and never copied onto the heap.
#ifndef DYAD_BASE_MAPPED_FILE_H_
#define DYAD_BASE_MAPPED_FILE_H_

#include <memory>
#include <string>
#include <string_view>

#include "base/status.h"

namespace dyad {

class MappedFile {
 public:
  // NotFound when `path` does not exist; InvalidArgument when it is not a regular file;
  // IOError when it cannot be opened or mapped. An empty file maps to an empty view.
  static Result<std::unique_ptr<MappedFile>> Open(const std::string& path);
  ~MappedFile();
  MappedFile(const MappedFile&) = delete;
  MappedFile& operator=(const MappedFile&) = delete;

  std::string_view bytes() const { return {data_, size_}; }

 private:
  MappedFile(const char* data, size_t size) : data_(data), size_(size) {}
  const char* data_;
  size_t size_;
};

}  // namespace dyad

#endif  // DYAD_BASE_MAPPED_FILE_H_
