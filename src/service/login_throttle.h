// LoginThrottle: limits password guessing. Failed logins are counted per
// username and per remote address in a sliding window; once either count
// reaches its limit, further attempts are refused (even with the right
// password) until the oldest failure leaves the window. A successful login
// clears the username's count.
//
// State lives in this process: several app servers behind a load balancer
// each enforce their own limit, which still bounds guessing to
// servers × limit per window.
#ifndef TXNG_SERVICE_LOGIN_THROTTLE_H_
#define TXNG_SERVICE_LOGIN_THROTTLE_H_

#include <deque>
#include <mutex>
#include <string>
#include <unordered_map>

#include "common/clock.h"

namespace txng {

struct LoginThrottleOptions {
  int max_failures_per_user = 5;
  int max_failures_per_address = 20;
  UnixMillis window_ms = 15 * 60 * 1000;
};

class LoginThrottle {
 public:
  explicit LoginThrottle(LoginThrottleOptions options = {}) : options_(options) {}

  // Milliseconds until an attempt for (username, address) is allowed again;
  // 0 when it is allowed now.
  UnixMillis RetryAfter(const std::string& username, const std::string& address, UnixMillis now);
  void RecordFailure(const std::string& username, const std::string& address, UnixMillis now);
  void RecordSuccess(const std::string& username);

 private:
  using Failures = std::deque<UnixMillis>;
  // Drops failures older than the window and returns how long until the
  // count drops below `limit` (0 when already below).
  UnixMillis Prune(Failures& f, int limit, UnixMillis now) const;

  LoginThrottleOptions options_;
  std::mutex mu_;
  std::unordered_map<std::string, Failures> by_user_;
  std::unordered_map<std::string, Failures> by_address_;
};

}  // namespace txng

#endif  // TXNG_SERVICE_LOGIN_THROTTLE_H_
