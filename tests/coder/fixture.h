// What the coder tests share: the world, resolver, taxonomy, knowledge base and coder,
// loaded once per test binary.
#ifndef DYAD_TESTS_CODER_FIXTURE_H_
#define DYAD_TESTS_CODER_FIXTURE_H_

#include <memory>
#include <string>
#include <vector>

#include "coder/coder.h"

namespace dyad::coder::testing {

struct Loaded {
  std::shared_ptr<const world::World> world;
  std::unique_ptr<world::Resolver> resolver;
  std::shared_ptr<const events::Taxonomy> taxonomy;
  std::unique_ptr<kb::KnowledgeBase> kb;
  std::unique_ptr<Coder> coder;
};

// Aborts the test binary when the bundled data cannot be loaded.
const Loaded& Shared();

// Codes `text` as one document dated `date` ("" = none).
std::vector<CodedEvent> Code(const std::string& text, const std::string& date = "");
// "SRC>TGT:CODE" of each event, in order.
std::vector<std::string> Triples(const std::vector<CodedEvent>& events);
std::vector<std::string> CodeTriples(const std::string& text, const std::string& date = "");

}  // namespace dyad::coder::testing

#endif  // DYAD_TESTS_CODER_FIXTURE_H_
