#include "events/taxonomy.h"

#include <fmt/format.h>

#include <charconv>
#include <mutex>

#include "base/strings.h"
#include "base/file.h"
#include "base/paths.h"

namespace dyad::events {
namespace {

Result<std::optional<double>> ParseWeight(std::string_view text) {
  if (text.empty()) return std::optional<double>();
  double v = 0;
  auto [p, ec] = std::from_chars(text.data(), text.data() + text.size(), v);
  if (ec != std::errc() || p != text.data() + text.size() || v < -10 || v > 10) {
    return Status::InvalidArgument(fmt::format("bad Goldstein weight '{}'", text));
  }
  return std::optional<double>(v);
}

constexpr int kColumns = 12;

}  // namespace

Result<GoldsteinScale> ParseGoldsteinScale(std::string_view name) {
  if (name == "gdelt") return GoldsteinScale::kGdelt;
  if (name == "icews") return GoldsteinScale::kIcews;
  if (name == "phoenix") return GoldsteinScale::kPhoenix;
  return Status::InvalidArgument(
      fmt::format("unknown Goldstein scale '{}' (expected gdelt, icews or phoenix)", name));
}

int QuadClassOfRoot(int root) {
  if (root >= 1 && root <= 5) return 1;
  if (root >= 6 && root <= 9) return 2;
  if (root >= 10 && root <= 14) return 3;
  if (root >= 15 && root <= 20) return 4;
  return 0;
}

Status CheckCameoSyntax(std::string_view code) {
  if (code.size() < 2 || code.size() > 4) {
    return Status::InvalidArgument(fmt::format("CAMEO code '{}' must have 2 to 4 digits", code));
  }
  for (char c : code) {
    if (c < '0' || c > '9') {
      return Status::InvalidArgument(fmt::format("CAMEO code '{}' has a non-digit", code));
    }
  }
  int root = (code[0] - '0') * 10 + (code[1] - '0');
  if (root < 1 || root > 20) {
    return Status::InvalidArgument(fmt::format("CAMEO code '{}' has no root 01..20", code));
  }
  return Status::OK();
}

// Slots: length 2 -> 0..99, length 3 -> 100..1099, length 4 -> 1100..11099.
int Taxonomy::Slot(std::string_view code) {
  if (code.size() < 2 || code.size() > 4) return -1;
  int v = 0;
  for (char c : code) {
    if (c < '0' || c > '9') return -1;
    v = v * 10 + (c - '0');
  }
  if (code.size() == 2) return v;
  if (code.size() == 3) return 100 + v;
  return 1100 + v;
}

Result<std::shared_ptr<const Taxonomy>> Taxonomy::Load(const std::string& path) {
  DYAD_ASSIGN_OR_RETURN(std::string text, ReadFile(path));
  auto tax = std::make_shared<Taxonomy>();
  tax->by_slot_.assign(11100, -1);
  size_t pos = 0;
  int line_no = 0;
  bool header_seen = false;
  while (pos < text.size()) {
    size_t nl = text.find('\n', pos);
    if (nl == std::string::npos) nl = text.size();
    std::string_view line(text.data() + pos, nl - pos);
    pos = nl + 1;
    ++line_no;
    if (line.empty() || line[0] == '#') continue;
    auto where = [&](std::string_view msg) {
      return Status::InvalidArgument(fmt::format("{}:{}: {}", path, line_no, msg));
    };
    auto f = SplitTabs(line);
    if (!header_seen) {
      if (f.size() != kColumns || f[0] != "code") return where("expected the header row");
      header_seen = true;
      continue;
    }
    if (f.size() != kColumns) {
      return where(fmt::format("expected {} columns, found {}", kColumns, f.size()));
    }
    Status syntax = CheckCameoSyntax(f[0]);
    if (!syntax.ok()) return where(syntax.message());
    CameoCode c;
    c.code = f[0];
    c.level = f[1];
    c.root = f[2];
    c.quad = QuadClassOfRoot((f[0][0] - '0') * 10 + (f[0][1] - '0'));  // digits: CheckCameoSyntax
    if (f[3] != std::to_string(c.quad)) return where("quad class does not follow the root");
    c.label = f[4];
    for (int s = 0; s < 3; ++s) {
      auto w = ParseWeight(f[5 + s]);
      if (!w.ok()) return where(w.status().message());
      c.goldstein[s] = *w;
    }
    c.plover = f[8];
    c.plover_mode = f[9];
    c.plover_context = f[10];
    c.source = f[11];
    int slot = Slot(c.code);
    if (tax->by_slot_[slot] >= 0) return where(fmt::format("duplicate code {}", c.code));
    tax->by_slot_[slot] = static_cast<int16_t>(tax->codes_.size());
    tax->codes_.push_back(std::move(c));
  }
  if (tax->codes_.empty()) return Status::InvalidArgument(path + ": no codes");
  return std::shared_ptr<const Taxonomy>(std::move(tax));
}

Result<std::shared_ptr<const Taxonomy>> Taxonomy::LoadDefault() {
  static std::mutex mu;
  static std::shared_ptr<const Taxonomy> cached;
  std::lock_guard<std::mutex> lock(mu);
  if (cached) return cached;
  DYAD_ASSIGN_OR_RETURN(cached, Load(DataDir() + "/cameo/cameo-codes.tsv"));
  return cached;
}

const CameoCode* Taxonomy::Find(std::string_view code) const {
  int slot = Slot(code);
  if (slot < 0) return nullptr;
  int idx = by_slot_[slot];
  return idx < 0 ? nullptr : &codes_[idx];
}

Result<const CameoCode*> Taxonomy::Lookup(std::string_view code) const {
  DYAD_RETURN_IF_ERROR(CheckCameoSyntax(code));
  const CameoCode* c = Find(code);
  if (c == nullptr) return Status::NotFound(fmt::format("CAMEO code '{}' is not defined", code));
  return c;
}

std::optional<double> Taxonomy::Goldstein(const CameoCode& code, GoldsteinScale scale) const {
  int s = static_cast<int>(scale);
  for (size_t len = code.code.size(); len >= 2; --len) {
    const CameoCode* c = Find(std::string_view(code.code).substr(0, len));
    if (c == nullptr) continue;
    if (c->goldstein[s]) return c->goldstein[s];
    if (c->goldstein[0]) return c->goldstein[0];
  }
  return std::nullopt;
}

}  // namespace dyad::events
