#include "base/rejects.h"
#include "base/strings.h"

#include <fmt/format.h>

#include <algorithm>
#include <filesystem>
#include <iterator>

#include "base/file.h"

#include <cerrno>
#include <cstring>
#include <vector>

namespace dyad {

void ReadCounts::Add(const ReadCounts& o) {
  read += o.read;
  accepted += o.accepted;
  rejected += o.rejected;
  duplicates += o.duplicates;
  for (const auto& [k, v] : o.rejected_by_reason) rejected_by_reason[k] += v;
}

std::string ReadCounts::ToString() const {
  return fmt::format("read {}, accepted {}, rejected {}, duplicates {}", read, accepted, rejected,
                     duplicates);
}

std::string EscapeTsvField(std::string_view raw, size_t max_bytes) {
  std::string out = EscapeTsv(raw.substr(0, max_bytes));
  if (raw.size() > max_bytes) out += "...";
  return out;
}

namespace {

// True when `path` is `input`, or lies inside `input` when that is a directory (an
// import reads every file under its DIR).
bool IsInputOrInside(const std::string& input, const std::string& path) {
  if (input.empty()) return false;
  if (input == path || SameFile(input, path)) return true;
  std::error_code ec;
  if (!std::filesystem::is_directory(input, ec)) return false;
  const std::filesystem::path dir = std::filesystem::weakly_canonical(input, ec);
  if (ec) return false;
  const std::filesystem::path file = std::filesystem::weakly_canonical(path, ec);
  if (ec) return false;
  auto [d, f] = std::mismatch(dir.begin(), dir.end(), file.begin(), file.end());
  return d == dir.end();
}

// Refuses a rejects path that is an input of the run (or inside an input directory), or
// an existing file that is not a previous rejects file (unless forced).
Status CheckRejectsPath(const std::string& path, const RejectsOptions& options) {
  for (const auto& input : options.inputs) {
    if (IsInputOrInside(input, path)) {
      return Status::InvalidArgument(
          fmt::format("--rejects {} is also an input of this run; refusing to overwrite it", path));
    }
  }
  if (options.force || !FileExists(path)) return Status::OK();
  auto out = ClassifyOutput(path);
  if (!out.ok() || out->kind != OutputKind::kRegular) return out.status();
  FILE* f = std::fopen(out->path.c_str(), "rb");
  char head[64] = {0};
  size_t n = f ? std::fread(head, 1, kRejectsHeader.size(), f) : 0;
  if (f) std::fclose(f);
  if (std::string_view(head, n) == kRejectsHeader) return Status::OK();
  return Status::FailedPrecondition(fmt::format(
      "--rejects {} exists and is not a rejects file; refusing to replace it (pass --force "
      "to replace it)",
      path));
}

}  // namespace

Result<RejectSink> RejectSink::Open(const std::string& path, const RejectsOptions& options) {
  RejectSink sink;
  if (path.empty()) return sink;
  DYAD_RETURN_IF_ERROR(CheckRejectsPath(path, options));
  auto out = FileWriter::Create(path);
  if (!out.ok()) {
    return Status::IOError(fmt::format("cannot create rejects file: {}", out.status().message()));
  }
  sink.out_ = std::move(out).value();
  sink.path_ = path;
  sink.buf_ = std::string(kRejectsHeader) + "\n";
  return sink;
}

RejectSink::RejectSink(RejectSink&& o) noexcept = default;
RejectSink& RejectSink::operator=(RejectSink&& o) noexcept = default;
RejectSink::~RejectSink() = default;

void RejectSink::Flush() {
  if (out_ && status_.ok() && !buf_.empty()) status_ = out_->Append(buf_);
  buf_.clear();
}

void RejectSink::Reject(std::string_view file, uint64_t line, int column, std::string_view kind,
                        std::string_view message, std::string_view raw, ReadCounts* counts) {
  if (counts) {
    ++counts->rejected;
    ++counts->rejected_by_reason[std::string(kind)];
  }
  if (first_.size() < 20) first_.push_back(fmt::format("{}:{}:{}: {}", file, line, column, message));
  if (out_) {
    fmt::format_to(std::back_inserter(buf_), "{}\t{}\t{}\t{}\t{}\n", EscapeTsvField(file), line,
                   column, EscapeTsvField(message), EscapeTsvField(raw));
    if (buf_.size() >= (1u << 16)) Flush();
  }
}

Status RejectSink::Close() {
  if (!out_) return Status::OK();
  Flush();
  Status st = status_.ok() ? out_->Commit() : status_;
  out_.reset();
  if (!st.ok()) return Status::IOError(fmt::format("rejects file {}: {}", path_, st.message()));
  return Status::OK();
}

}  // namespace dyad
