// AnswerCache: API answers kept serialised, so a repeated request is answered without
// running its handler, building JSON or matching routes.
//
// The data is immutable while the server runs, so an answer depends only on the request
// and the day (answers default to today). Keys are "day request-target" with the query
// parameters in sorted order (the ETag is a hash of the same), so ?a=1&b=2 and ?b=2&a=1
// share an entry. Only complete 200 answers are kept, with the headers they were sent with.
// The cache holds at most `max_bytes` (limit answer_cache_bytes): bodies plus headers plus
// keys. When an insertion would pass that, the least recently used entries go first; an
// answer larger than an eighth of the limit is not kept (one big dossier cannot empty the
// cache of small answers). Thread-safe: every call takes one mutex, held for a hash lookup
// and a list splice (never while a body is copied out).
#ifndef DYAD_SERVER_ANSWER_CACHE_H_
#define DYAD_SERVER_ANSWER_CACHE_H_

#include <cstddef>
#include <list>
#include <memory>
#include <mutex>
#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

namespace dyad::server {

struct CachedAnswer {
  std::string body;
  std::string content_type;
  std::string etag;
  std::vector<std::pair<std::string, std::string>> headers;  // besides Content-Type
  size_t bytes() const;  // what the entry counts against the limit (key excluded)
};

class AnswerCache {
 public:
  explicit AnswerCache(size_t max_bytes) : max_bytes_(max_bytes) {}

  // The answer for `key`, or null; a hit makes the entry the most recently used.
  std::shared_ptr<const CachedAnswer> Find(const std::string& key);
  // Keeps `answer` under `key` (replacing an older one), evicting as needed. False when
  // the answer is too large to keep.
  bool Put(const std::string& key, std::shared_ptr<const CachedAnswer> answer);

  size_t bytes() const;
  size_t entries() const;
  size_t max_bytes() const { return max_bytes_; }

 private:
  using Entry = std::pair<std::string, std::shared_ptr<const CachedAnswer>>;
  static size_t Cost(const Entry& e) { return e.first.size() + e.second->bytes(); }
  void Erase(std::list<Entry>::iterator it);

  const size_t max_bytes_;
  mutable std::mutex mu_;
  std::list<Entry> lru_;  // most recently used first
  std::unordered_map<std::string, std::list<Entry>::iterator> index_;
  size_t bytes_ = 0;
};

}  // namespace dyad::server

#endif  // DYAD_SERVER_ANSWER_CACHE_H_
