#include "http/access_log.h"

#include <gtest/gtest.h>
#include <spdlog/sinks/ostream_sink.h>
#include <spdlog/spdlog.h>

#include <nlohmann/json.hpp>
#include <sstream>

namespace txng::http {
namespace {

AccessLogEntry Sample() {
  AccessLogEntry e;
  e.time = 1767225600123;  // 2026-01-01T00:00:00.123Z
  e.request_id = "abc";
  e.remote = "127.0.0.1";
  e.method = "GET";
  e.target = "/reset?token=SECRET";
  e.route = "GET /reset";
  e.status = 200;
  e.bytes = 12;
  e.duration_ms = 1.23456;
  e.user_agent = "curl/7.88 \"quoted\"";
  return e;
}

TEST(AccessLog, FormatsOneJsonObjectWithoutTheQuery) {
  std::string line = FormatAccessLogLine(Sample());
  EXPECT_EQ(line.find("SECRET"), std::string::npos);
  EXPECT_EQ(line.find('\n'), std::string::npos);
  nlohmann::json j = nlohmann::json::parse(line);
  EXPECT_EQ(j, nlohmann::json({{"time", "2026-01-01T00:00:00.123Z"},
                               {"request_id", "abc"},
                               {"remote", "127.0.0.1"},
                               {"method", "GET"},
                               {"path", "/reset"},
                               {"route", "GET /reset"},
                               {"status", 200},
                               {"bytes", 12},
                               {"duration_ms", 1.235},
                               {"user_agent", "curl/7.88 \"quoted\""}}));
}

TEST(AccessLog, TruncatesLongFieldsOnCharacterBoundaries) {
  AccessLogEntry e = Sample();
  std::string agent;
  for (int i = 0; i < 200; ++i) agent += "\xC4\x91";  // 'đ', two bytes
  agent += "x";
  e.user_agent = agent;
  std::string path = "/" + std::string(5000, 'p');
  e.target = path;
  nlohmann::json j = nlohmann::json::parse(FormatAccessLogLine(e));
  EXPECT_EQ(j["user_agent"].get<std::string>().size(), 256u);
  EXPECT_EQ(j["path"].get<std::string>().size(), 1024u);
}

TEST(AccessLog, WritesThroughTheGivenLogger) {
  std::ostringstream os;
  auto logger = std::make_shared<spdlog::logger>(
      "access_test", std::make_shared<spdlog::sinks::ostream_sink_st>(os));
  logger->set_pattern("%v");
  AccessLog log(logger);
  log.Write(Sample());
  EXPECT_EQ(os.str(), FormatAccessLogLine(Sample()) + "\n");
}

}  // namespace
}  // namespace txng::http
