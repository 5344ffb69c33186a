// PublicCache: an in-process cache of responses that anyone may see, so that
// the consumer pages a QR scan opens are answered without the database.
//
// Only anonymous GET requests are cached (no Authorization header and no
// cookie named in `credential_cookies`), and only responses whose handler
// said they are shareable: status 200, 301, 307, 308, 400 or 404, a
// `Cache-Control: public, max-age=N` header with N > 0, and no Set-Cookie.
// An entry lives min(N, max_ttl) and is keyed by the request target and the
// headers that choose the representation (Accept, Accept-Language, Cookie).
// Invalidate() drops everything; the portal calls it after every successful
// state-changing request it serves, so this process never shows stale data;
// other processes (the CLI, other app servers) are bounded by max-age, the
// same staleness the header already allows to shared caches.
//
// Thread-safe. Memory is bounded by `max_bytes` (least recently used entries
// go first).
#ifndef TXNG_HTTP_PUBLIC_CACHE_H_
#define TXNG_HTTP_PUBLIC_CACHE_H_

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <list>
#include <mutex>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "http/message.h"

namespace txng::http {

struct PublicCacheOptions {
  size_t max_bytes = 32 * 1024 * 1024;
  std::chrono::seconds max_ttl{60};
  std::vector<std::string> credential_cookies;  // their presence bypasses the cache
};

class PublicCache {
 public:
  using Clock = std::function<std::chrono::steady_clock::time_point()>;

  explicit PublicCache(PublicCacheOptions options, Clock clock = std::chrono::steady_clock::now);

  // The cached response for `req`, when there is a fresh one.
  std::optional<Response> Lookup(const Request& req);
  // Keeps `res` for `req` when both qualify (see above) and the cache has
  // not been invalidated since `generation` (read before the response was
  // computed), so a page computed before a concurrent change is not kept.
  void Insert(const Request& req, const Response& res, uint64_t generation);
  // Drops every entry and starts a new generation.
  void Invalidate();
  uint64_t generation() const;

  // `handler` behind the cache: answers hits, stores shareable misses.
  std::function<Response(Request&)> Wrap(std::function<Response(Request&)> handler);
  // `handler` that invalidates the cache after every answer below 400.
  std::function<Response(Request&)> InvalidateAfter(std::function<Response(Request&)> handler);

  struct Stats {
    uint64_t hits = 0, misses = 0, entries = 0, bytes = 0;
  };
  Stats stats() const;

 private:
  struct Entry {
    std::string key;
    Response response;
    std::chrono::steady_clock::time_point expires;
    size_t bytes = 0;
  };
  // The cache key, or nullopt when the request may not be served from it.
  std::optional<std::string> KeyFor(const Request& req) const;
  void EvictLocked(size_t incoming);

  PublicCacheOptions options_;
  Clock clock_;
  mutable std::mutex mu_;
  std::list<Entry> lru_;  // most recently used first
  std::unordered_map<std::string, std::list<Entry>::iterator> index_;
  size_t bytes_ = 0;
  uint64_t generation_ = 0;
  uint64_t hits_ = 0, misses_ = 0;
};

}  // namespace txng::http

#endif  // TXNG_HTTP_PUBLIC_CACHE_H_
