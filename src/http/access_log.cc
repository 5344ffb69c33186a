#include "http/access_log.h"

#include <spdlog/sinks/stdout_sinks.h>
#include <spdlog/spdlog.h>

#include <charconv>

#include "http/json_text.h"

namespace txng::http {
namespace {

constexpr size_t kMaxPathChars = 1024;
constexpr size_t kMaxUserAgentChars = 256;

// At most `max` bytes of `s`, cut before a UTF-8 continuation byte so that
// the line stays valid UTF-8.
std::string_view Truncate(std::string_view s, size_t max) {
  if (s.size() <= max) return s;
  while (max > 0 && (static_cast<unsigned char>(s[max]) & 0xC0) == 0x80) --max;
  return s.substr(0, max);
}

void AppendField(std::string& out, std::string_view name, std::string_view value) {
  out += ",\"";
  out += name;
  out += "\":";
  AppendJsonString(out, value);
}

std::shared_ptr<spdlog::logger> DefaultLogger() {
  if (auto registered = spdlog::get("access")) return registered;
  // One sink for every AccessLog of the process, so that lines never interleave.
  static auto sink = std::make_shared<spdlog::sinks::stdout_sink_mt>();
  auto logger = std::make_shared<spdlog::logger>("access", sink);
  logger->set_pattern("%v");
  return logger;
}

}  // namespace

std::string FormatAccessLogLine(const AccessLogEntry& e) {
  std::string out = "{\"time\":";
  AppendJsonString(out, FormatIso8601(e.time));
  AppendField(out, "request_id", e.request_id);
  AppendField(out, "remote", e.remote);
  AppendField(out, "method", e.method);
  std::string_view path = e.target.substr(0, e.target.find('?'));
  AppendField(out, "path", Truncate(path, kMaxPathChars));
  AppendField(out, "route", e.route);
  out += ",\"status\":";
  out += std::to_string(e.status);
  out += ",\"bytes\":";
  out += std::to_string(e.bytes);
  out += ",\"duration_ms\":";
  char buf[32];
  auto [end, ec] = std::to_chars(buf, buf + sizeof buf, e.duration_ms, std::chars_format::fixed, 3);
  out.append(buf, end);
  AppendField(out, "user_agent", Truncate(e.user_agent, kMaxUserAgentChars));
  out += '}';
  return out;
}

AccessLog::AccessLog(std::shared_ptr<spdlog::logger> logger)
    : logger_(logger ? std::move(logger) : DefaultLogger()) {}

AccessLog::~AccessLog() = default;

void AccessLog::Write(const AccessLogEntry& entry) { logger_->info(FormatAccessLogLine(entry)); }

}  // namespace txng::http
