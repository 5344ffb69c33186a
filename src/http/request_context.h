// The request a thread is serving, for code that has no Request at hand (the
// problem renderer names the request id in internal errors so that a user's
// report can be matched to the server log).
#ifndef TXNG_HTTP_REQUEST_CONTEXT_H_
#define TXNG_HTTP_REQUEST_CONTEXT_H_

#include <string_view>

namespace txng::http {

// The id of the request whose handler runs on this thread; "" outside one.
std::string_view CurrentRequestId();

// Sets CurrentRequestId() for its lifetime. The server wraps every handler
// call in one; `id` must outlive it.
class ScopedRequestId {
 public:
  explicit ScopedRequestId(std::string_view id);
  ~ScopedRequestId();
  ScopedRequestId(const ScopedRequestId&) = delete;
  ScopedRequestId& operator=(const ScopedRequestId&) = delete;

 private:
  std::string_view previous_;
};

}  // namespace txng::http

#endif  // TXNG_HTTP_REQUEST_CONTEXT_H_
