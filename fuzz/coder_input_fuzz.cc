// Fuzzes the coder's input path (coder/input.h, coder/text.h, coder/coder.h): the bytes are
// a text file as `dyad code` and `dyad ingest text` read it. Every line is a paragraph or a
// counted skip; every sentence span lies inside its paragraph and follows the one before;
// every token span lies inside its sentence; and the coder codes every paragraph (with
// the bundled dictionaries, no knowledge base) without reading outside the text.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <memory>
#include <string>
#include <string_view>

#include "coder/coder.h"
#include "coder/dictionary.h"
#include "coder/input.h"
#include "coder/text.h"
#include "events/taxonomy.h"
#include "world/resolver.h"
#include "world/world.h"

namespace {

struct Loaded {
  std::shared_ptr<const dyad::world::World> world;
  std::unique_ptr<dyad::world::Resolver> resolver;
  std::shared_ptr<const dyad::events::Taxonomy> taxonomy;
  std::unique_ptr<dyad::coder::Coder> coder;
};

const Loaded& TheCoder() {
  static const Loaded* loaded = [] {
    auto* l = new Loaded;
    auto world = dyad::world::World::LoadDefault();
    auto taxonomy = dyad::events::Taxonomy::LoadDefault();
    auto dictionary = dyad::coder::Dictionary::LoadDefault();
    if (!world.ok() || !taxonomy.ok() || !dictionary.ok()) std::abort();  // needs data/
    l->world = *world;
    auto resolver = dyad::world::Resolver::LoadDefault(l->world);
    if (!resolver.ok()) std::abort();
    l->resolver = std::move(resolver).value();
    l->taxonomy = *taxonomy;
    l->coder = std::make_unique<dyad::coder::Coder>(*l->resolver, *l->taxonomy,
                                                    std::move(dictionary).value(), nullptr);
    return l;
  }();
  return *loaded;
}

void CheckText(std::string_view text) {
  size_t after = 0;
  for (const dyad::coder::Span& s : dyad::coder::SplitSentences(text)) {
    if (s.begin < after || s.end < s.begin || s.end > text.size()) std::abort();
    after = s.end;
    const std::string_view sentence = text.substr(s.begin, s.end - s.begin);
    for (const dyad::coder::Token& t : dyad::coder::Tokenize(sentence)) {
      if (t.span.end < t.span.begin || t.span.end > sentence.size()) std::abort();
    }
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size > 8192) return 0;  // a few paragraphs are enough; longer inputs only slow the search
  const Loaded& l = TheCoder();
  dyad::coder::InputOptions options;
  options.max_line_bytes = 4096;  // small, so the fuzzer reaches the too-long branch
  dyad::coder::InputCounts counts;
  dyad::coder::DocumentState doc;
  auto sink = [&](const dyad::coder::InputLine& line) {
    CheckText(line.text);
    if (line.new_document) doc = dyad::coder::DocumentState{line.date, std::nullopt, {}, {}};  // as dyad code does
    for (const auto& e : l.coder->CodeText(line.text, &doc)) {
      if (e.sentence_span.end > line.text.size()) std::abort();
    }
    return dyad::Status::OK();
  };
  std::string text(reinterpret_cast<const char*>(data), size);
  dyad::Status st = dyad::coder::ReadTextString(std::move(text), "fuzz.txt", options, sink, &counts);
  if (st.ok() && counts.paragraphs + counts.blank + counts.skipped() > counts.lines) std::abort();
  return 0;
}
