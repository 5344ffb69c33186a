// The access log: one JSON line per answered request, through spdlog.
//
// Only the path of the target is logged, never its query string: queries
// carry one-time tokens and search terms (password-reset links, API keys a
// client put in the URL, personal data in filters), access logs are kept
// longer and read by more people than the database, and the route name plus
// the path is what debugging needs.
#ifndef TXNG_HTTP_ACCESS_LOG_H_
#define TXNG_HTTP_ACCESS_LOG_H_

#include <cstddef>
#include <memory>
#include <string>
#include <string_view>

#include "common/clock.h"

namespace spdlog {
class logger;
}  // namespace spdlog

namespace txng::http {

struct AccessLogEntry {
  UnixMillis time = 0;  // when the request was read
  std::string_view request_id;
  std::string_view remote;
  std::string_view method;
  std::string_view target;  // as received; the query is dropped when formatting
  std::string_view route;   // RouteMatch name or "unmatched"
  int status = 0;
  size_t bytes = 0;  // response body bytes
  double duration_ms = 0;
  std::string_view user_agent;
};

// {"time":"2026-01-02T03:04:05.678Z","request_id":"…","remote":"…","method":"GET",
//  "path":"/x","route":"GET /x","status":200,"bytes":12,"duration_ms":0.42,"user_agent":"…"}
// Path and user agent are cut to a bounded length.
std::string FormatAccessLogLine(const AccessLogEntry& entry);

class AccessLog {
 public:
  // Writes through `logger`; when null, through the logger registered with
  // spdlog under the name "access" if the application made one, else to
  // stdout with no prefix (the line carries its own time).
  explicit AccessLog(std::shared_ptr<spdlog::logger> logger = nullptr);
  ~AccessLog();

  void Write(const AccessLogEntry& entry);

 private:
  std::shared_ptr<spdlog::logger> logger_;
};

}  // namespace txng::http

#endif  // TXNG_HTTP_ACCESS_LOG_H_
