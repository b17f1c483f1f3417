#include "base/rejects.h"
#include "base/strings.h"

#include <fmt/format.h>

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

Result<RejectSink> RejectSink::Open(const std::string& path) {
  RejectSink sink;
  if (path.empty()) return sink;
  sink.f_ = std::fopen(path.c_str(), "w");
  if (sink.f_ == nullptr) {
    return Status::IOError(fmt::format("cannot create rejects file {}: {}", path, std::strerror(errno)));
  }
  sink.path_ = path;
  std::fputs("file\tline\tcolumn\treason\traw\n", sink.f_);
  return sink;
}

RejectSink::RejectSink(RejectSink&& o) noexcept
    : f_(o.f_), path_(std::move(o.path_)), first_(std::move(o.first_)) {
  o.f_ = nullptr;
}

RejectSink& RejectSink::operator=(RejectSink&& o) noexcept {
  if (this != &o) {
    if (f_) std::fclose(f_);
    f_ = o.f_;
    o.f_ = nullptr;
    path_ = std::move(o.path_);
    first_ = std::move(o.first_);
  }
  return *this;
}

RejectSink::~RejectSink() {
  if (f_) std::fclose(f_);
}

void RejectSink::Reject(std::string_view file, uint64_t line, int column, std::string_view kind,
                        std::string_view message, std::string_view raw, ReadCounts* counts) {
  if (counts) {
    ++counts->rejected;
    ++counts->rejected_by_reason[std::string(kind)];
  }
  if (first_.size() < 20) first_.push_back(fmt::format("{}:{}:{}: {}", file, line, column, message));
  if (f_) {
    fmt::print(f_, "{}\t{}\t{}\t{}\t{}\n", EscapeTsvField(file), line, column,
               EscapeTsvField(message), EscapeTsvField(raw));
  }
}

Status RejectSink::Close() {
  if (f_ == nullptr) return Status::OK();
  int rc = std::fclose(f_);
  f_ = nullptr;
  if (rc != 0) return Status::IOError(fmt::format("cannot close rejects file {}", path_));
  return Status::OK();
}

}  // namespace dyad
