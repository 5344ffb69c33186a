#include "http/public_cache.h"

#include <algorithm>
#include <cctype>
#include <string_view>

namespace txng::http {
namespace {

bool EqualsIgnoreCase(std::string_view a, std::string_view b) {
  return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) {
           return std::tolower(static_cast<unsigned char>(x)) ==
                  std::tolower(static_cast<unsigned char>(y));
         });
}

const std::string* FindHeader(const Response& res, std::string_view name) {
  for (const auto& [key, value] : res.headers) {
    if (EqualsIgnoreCase(key, name)) return &value;
  }
  return nullptr;
}

// max-age of a `public` Cache-Control value; 0 when not public or absent.
int64_t PublicMaxAge(const std::string& cache_control) {
  std::string v = cache_control;
  for (char& c : v) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  if (v.find("public") == std::string::npos || v.find("no-store") != std::string::npos ||
      v.find("private") != std::string::npos) {
    return 0;
  }
  const size_t at = v.find("max-age=");
  if (at == std::string::npos) return 0;
  int64_t seconds = 0;
  for (size_t i = at + 8; i < v.size() && std::isdigit(static_cast<unsigned char>(v[i])); ++i) {
    seconds = std::min<int64_t>(seconds * 10 + (v[i] - '0'), 1'000'000);
  }
  return seconds;
}

bool ShareableStatus(int status) {
  return status == 200 || status == 301 || status == 307 || status == 308 || status == 400 ||
         status == 404;
}

size_t SizeOf(const std::string& key, const Response& res) {
  size_t n = key.size() + res.body.size() + res.content_type.size() + 128;
  for (const auto& [k, v] : res.headers) n += k.size() + v.size() + 32;
  return n;
}

}  // namespace

PublicCache::PublicCache(PublicCacheOptions options, Clock clock)
    : options_(std::move(options)), clock_(std::move(clock)) {}

std::optional<std::string> PublicCache::KeyFor(const Request& req) const {
  if (req.method != "GET" || req.Header("authorization")) return std::nullopt;
  for (const std::string& cookie : options_.credential_cookies) {
    if (req.Cookie(cookie)) return std::nullopt;
  }
  std::string key = req.target.empty() ? req.path : req.target;
  for (const char* header : {"accept", "accept-language", "cookie"}) {
    key += '\n';
    key += req.Header(header).value_or("");
  }
  return key;
}

std::optional<Response> PublicCache::Lookup(const Request& req) {
  const std::optional<std::string> key = KeyFor(req);
  if (!key) return std::nullopt;
  std::lock_guard lock(mu_);
  auto it = index_.find(*key);
  if (it == index_.end() || it->second->expires <= clock_()) {
    ++misses_;
    return std::nullopt;
  }
  ++hits_;
  lru_.splice(lru_.begin(), lru_, it->second);
  return it->second->response;
}

void PublicCache::Insert(const Request& req, const Response& res, uint64_t generation) {
  if (!ShareableStatus(res.status) || FindHeader(res, "set-cookie")) return;
  const std::string* cache_control = FindHeader(res, "cache-control");
  const int64_t max_age = cache_control ? PublicMaxAge(*cache_control) : 0;
  if (max_age <= 0) return;
  std::optional<std::string> key = KeyFor(req);
  if (!key) return;
  const size_t bytes = SizeOf(*key, res);
  if (bytes > options_.max_bytes / 4) return;  // one page never fills the cache
  const auto ttl = std::min(std::chrono::seconds(max_age), options_.max_ttl);
  std::lock_guard lock(mu_);
  if (generation != generation_) return;
  if (auto old = index_.find(*key); old != index_.end()) {
    bytes_ -= old->second->bytes;
    lru_.erase(old->second);
    index_.erase(old);
  }
  EvictLocked(bytes);
  lru_.push_front(Entry{*key, res, clock_() + ttl, bytes});
  index_.emplace(std::move(*key), lru_.begin());
  bytes_ += bytes;
}

void PublicCache::EvictLocked(size_t incoming) {
  while (!lru_.empty() && bytes_ + incoming > options_.max_bytes) {
    bytes_ -= lru_.back().bytes;
    index_.erase(lru_.back().key);
    lru_.pop_back();
  }
}

void PublicCache::Invalidate() {
  std::lock_guard lock(mu_);
  lru_.clear();
  index_.clear();
  bytes_ = 0;
  ++generation_;
}

uint64_t PublicCache::generation() const {
  std::lock_guard lock(mu_);
  return generation_;
}

PublicCache::Stats PublicCache::stats() const {
  std::lock_guard lock(mu_);
  return {hits_, misses_, lru_.size(), bytes_};
}

std::function<Response(Request&)> PublicCache::Wrap(std::function<Response(Request&)> handler) {
  return [this, handler = std::move(handler)](Request& req) {
    if (std::optional<Response> hit = Lookup(req)) return std::move(*hit);
    const uint64_t before = generation();
    Response res = handler(req);
    Insert(req, res, before);
    return res;
  };
}

std::function<Response(Request&)> PublicCache::InvalidateAfter(
    std::function<Response(Request&)> handler) {
  return [this, handler = std::move(handler)](Request& req) {
    Response res = handler(req);
    if (res.status < 400) Invalidate();
    return res;
  };
}

}  // namespace txng::http
