#include "coder/output.h"

#include <fmt/format.h>

#include <nlohmann/json.hpp>

#include "base/strings.h"

namespace dyad::coder {
namespace {

nlohmann::json SpanJson(const Span& s) {
  if (s.empty()) return nullptr;
  return nlohmann::json::array({s.begin, s.end});
}

std::string SpanText(const Span& s) { return s.empty() ? "" : fmt::format("{}-{}", s.begin, s.end); }

std::string Goldstein(const CodedEvent& e) {
  return e.goldstein ? fmt::format("{:.1f}", *e.goldstein) : "";
}

std::string CountryCode(const std::string& key, const CodedEvent& e, const world::World& w) {
  const world::State* s = w.Find(key);
  std::optional<std::string> c = s == nullptr ? std::nullopt : s->Code(world::Scheme::kCameo, e.date);
  return c ? *c : key;
}

}  // namespace

std::string EventJson(const LocatedEvent& le) {
  const CodedEvent& e = le.event;
  nlohmann::json j = {
      {"where", le.where},
      {"date", e.date ? nlohmann::json(e.date->ToString()) : nlohmann::json(nullptr)},
      {"date_basis", DateBasisName(e.date_basis)},
      {"source", e.source}, {"source_role", e.source_role},
      {"target", e.target}, {"target_role", e.target_role},
      {"code", e.code}, {"intent", e.intent}, {"quad", e.quad},
      {"goldstein", e.goldstein ? nlohmann::json(*e.goldstein) : nlohmann::json(nullptr)},
      {"plover", e.plover},
      {"sentence", e.sentence},
      {"sentence_span", SpanJson(e.sentence_span)},
      {"source_span", SpanJson(e.source_span)},
      {"target_span", SpanJson(e.target_span)},
      {"verb_span", SpanJson(e.verb_span)},
      {"date_span", SpanJson(e.date_span)},
      {"pattern", e.pattern}, {"pattern_origin", e.pattern_origin},
      {"fact", e.fact}};
  return j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

std::string EventTsvHeader() {
  return "where\tdate\tdate_basis\tsource\tsource_role\ttarget\ttarget_role\tcode\tintent\tquad\t"
         "goldstein\tplover\tsource_span\ttarget_span\tverb_span\tdate_span\tpattern\t"
         "pattern_origin\tfact\tsentence\n";
}

std::string EventTsvRow(const LocatedEvent& le) {
  const CodedEvent& e = le.event;
  std::vector<std::string> f = {
      le.where, e.date ? e.date->ToString() : "", std::string(DateBasisName(e.date_basis)),
      e.source, e.source_role, e.target, e.target_role, e.code, e.intent ? "yes" : "no",
      std::to_string(e.quad), Goldstein(e), e.plover, SpanText(e.source_span),
      SpanText(e.target_span), SpanText(e.verb_span), SpanText(e.date_span), e.pattern,
      e.pattern_origin, e.fact, e.sentence};
  std::string out;
  for (size_t i = 0; i < f.size(); ++i) {
    if (i > 0) out += '\t';
    out += EscapeTsv(f[i]);
  }
  return out + "\n";
}

std::string NativeTsvHeader() {
  return "dataset\tid\tdate\tsrc_country\ttgt_country\tsrc_state\ttgt_state\tsrc_actor\t"
         "tgt_actor\tsrc_role\ttgt_role\tcode\tquad\tgoldstein\tmentions\tsources\tarticles\t"
         "tone\tgeo_fips\tgeo_state\tgeo_type\tlat\tlon\tis_root\turl\n";
}

std::string NativeTsvRow(const LocatedEvent& le, uint64_t id, const world::World& world) {
  const CodedEvent& e = le.event;
  if (!e.date || e.date->precision() != DatePrecision::kDay) return "";
  const Date& day = *e.date;
  std::string src = CountryCode(e.source, e, world), tgt = CountryCode(e.target, e, world);
  std::string where = le.where;
  std::erase_if(where, [](char c) { return c == '\t' || c == '\n' || c == '\r'; });
  return fmt::format("native\t{}\t{}\t{}\t{}\t{}\t{}\t{}{}\t{}{}\t{}\t{}\t{}\t{}\t{}\t1\t1\t1\tNA\t\t\t0\tNA\tNA\t{}\t{}\n",
                     id, day.ToString(), src, tgt, e.source, e.target, src, e.source_role, tgt,
                     e.target_role, e.source_role, e.target_role, e.code, e.quad,
                     e.goldstein ? fmt::format("{:.1f}", *e.goldstein) : "0",
                     e.code.size() == 3 && e.code[2] == '0' ? 1 : 0, where);
}

}  // namespace dyad::coder
