#include "service/login_throttle.h"

#include <algorithm>

namespace txng {

UnixMillis LoginThrottle::Prune(Failures& f, int limit, UnixMillis now) const {
  while (!f.empty() && f.front() <= now - options_.window_ms) f.pop_front();
  if (static_cast<int>(f.size()) < limit) return 0;
  // The attempt is allowed again when enough old failures have expired.
  UnixMillis unblock_at = f[f.size() - limit] + options_.window_ms;
  return std::max<UnixMillis>(1, unblock_at - now);
}

UnixMillis LoginThrottle::RetryAfter(const std::string& username, const std::string& address,
                                     UnixMillis now) {
  std::lock_guard<std::mutex> lock(mu_);
  UnixMillis wait = 0;
  if (auto it = by_user_.find(username); it != by_user_.end()) {
    wait = std::max(wait, Prune(it->second, options_.max_failures_per_user, now));
    if (it->second.empty()) by_user_.erase(it);
  }
  if (auto it = by_address_.find(address); it != by_address_.end()) {
    wait = std::max(wait, Prune(it->second, options_.max_failures_per_address, now));
    if (it->second.empty()) by_address_.erase(it);
  }
  return wait;
}

void LoginThrottle::RecordFailure(const std::string& username, const std::string& address,
                                  UnixMillis now) {
  std::lock_guard<std::mutex> lock(mu_);
  by_user_[username].push_back(now);
  by_address_[address].push_back(now);
}

void LoginThrottle::RecordSuccess(const std::string& username) {
  std::lock_guard<std::mutex> lock(mu_);
  by_user_.erase(username);
}

}  // namespace txng
