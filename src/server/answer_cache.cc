#include "server/answer_cache.h"

namespace dyad::server {

size_t CachedAnswer::bytes() const {
  size_t n = body.size() + content_type.size() + etag.size();
  for (const auto& [k, v] : headers) n += k.size() + v.size();
  return n;
}

std::shared_ptr<const CachedAnswer> AnswerCache::Find(const std::string& key) {
  std::lock_guard<std::mutex> lock(mu_);
  auto it = index_.find(key);
  if (it == index_.end()) return nullptr;
  lru_.splice(lru_.begin(), lru_, it->second);
  return it->second->second;
}

void AnswerCache::Erase(std::list<Entry>::iterator it) {
  bytes_ -= Cost(*it);
  index_.erase(it->first);
  lru_.erase(it);
}

bool AnswerCache::Put(const std::string& key, std::shared_ptr<const CachedAnswer> answer) {
  Entry entry{key, std::move(answer)};
  if (Cost(entry) > max_bytes_ / 8) return false;
  std::lock_guard<std::mutex> lock(mu_);
  if (auto it = index_.find(key); it != index_.end()) Erase(it->second);
  while (!lru_.empty() && bytes_ + Cost(entry) > max_bytes_) Erase(std::prev(lru_.end()));
  bytes_ += Cost(entry);
  lru_.push_front(std::move(entry));
  index_[key] = lru_.begin();
  return true;
}

size_t AnswerCache::bytes() const {
  std::lock_guard<std::mutex> lock(mu_);
  return bytes_;
}

size_t AnswerCache::entries() const {
  std::lock_guard<std::mutex> lock(mu_);
  return lru_.size();
}

}  // namespace dyad::server
