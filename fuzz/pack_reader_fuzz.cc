// Fuzzes the pack reader (kb/pack.h): the input is split at each byte 0x1E into
// sources.tsv, entities.tsv, facts.tsv, occurrences.tsv and participants.tsv of a pack
// directory, which ReadPack must parse or reject row by row without crashing.
#include <unistd.h>

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <string>
#include <string_view>

#include "kb/pack.h"

namespace {

const std::string& PackDir() {
  static const std::string* dir = [] {
    std::string tmpl = (std::filesystem::temp_directory_path() / "dyad-fuzz-pack-XXXXXX").string();
    if (::mkdtemp(tmpl.data()) == nullptr) std::abort();
    return new std::string(tmpl);
  }();
  return *dir;
}

void Write(const std::string& path, std::string_view text) {
  FILE* f = std::fopen(path.c_str(), "wb");
  if (f == nullptr) std::abort();
  if (!text.empty() && std::fwrite(text.data(), 1, text.size(), f) != text.size()) std::abort();
  std::fclose(f);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  static const char* const kFiles[] = {"sources.tsv", "entities.tsv", "facts.tsv", "occurrences.tsv",
                                       "participants.tsv"};
  std::string_view rest(reinterpret_cast<const char*>(data), size);
  for (const char* name : kFiles) {
    const size_t cut = rest.find('\x1e');
    Write(PackDir() + "/" + name, rest.substr(0, cut));
    rest = cut == std::string_view::npos ? std::string_view() : rest.substr(cut + 1);
  }
  dyad::kb::LoadReport report;
  dyad::Result<dyad::kb::PackData> pack = dyad::kb::ReadPack(PackDir(), &report);
  (void)pack;  // an error Status is a fine answer; only a crash or a sanitizer report is not
  return 0;
}
