// The EPCIS sensor query parameters over HTTP, on GS1's sensor examples, on
// both backends.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "epcis/conformance_files_testing.h"
#include "integration/app_fixture.h"

namespace txng {
namespace {

const std::string kExample1 =
    "ni:///sha-256;74f1dc48ee22289bc40ddd9f1d0ecae0dd09a2f4c3dfa66fdbca16cb2d8a4e77?ver=CBV2.0";
const std::string kExample2 =
    "ni:///sha-256;0301ed4c40065cde36eb9cc80780312d903a031a91d105639df4e649a9d01200?ver=CBV2.0";

class EpcisSensorApiTest : public AppTest {
 protected:
  void SetUp() override {
    AppTest::SetUp();
    if (IsSkipped() || HasFatalFailure()) return;
    producer_ = Login("producer_a");
    for (const char* name : {"SensorDataExample1.jsonld", "SensorDataExample2.jsonld"}) {
      const std::string document = epcis::conformance_files::ReadFile(
          epcis::conformance_files::ConformanceDir() / "gs1-epcis/JSON/WithSensorData" / name);
      ASSERT_FALSE(document.empty()) << name;
      auto accepted = Call("POST", "/epcis/capture", producer_, document);
      ASSERT_EQ(accepted.status, 202) << accepted.body;
    }
    capture_->WaitIdle();
    const nlohmann::json jobs = Json(Call("GET", "/epcis/capture", producer_));
    ASSERT_EQ(jobs.size(), 2u);
    for (const auto& job : jobs) {
      ASSERT_EQ(job["success"], true) << job.dump();
    }
  }

  // The eventIDs that GET /epcis/events?`query` answers, in capture order.
  std::vector<std::string> Found(const std::string& query) {
    auto r = Call("GET", "/epcis/events?" + query, producer_);
    EXPECT_EQ(r.status, 200) << query << ": " << r.body;
    std::vector<std::string> ids;
    if (r.status != 200) return ids;
    const nlohmann::json body = Json(r);
    for (const auto& e : body["epcisBody"]["queryResults"]["resultsBody"]["eventList"]) {
      ids.push_back(e.value("eventID", ""));
    }
    return ids;
  }

  Caller producer_;
};

using Ids = std::vector<std::string>;

TEST_P(EpcisSensorApiTest, SensorParametersFindGs1SensorExamples) {
  EXPECT_EQ(Found("EXISTS_sensorElementList"), (Ids{kExample1, kExample2}));
  EXPECT_EQ(Found("EQ_deviceID=urn:epc:id:giai:4000001.111"), (Ids{kExample1, kExample2}));
  // 26.0 to 26.2 CEL are 299.15 to 299.35 K.
  EXPECT_EQ(Found("EQ_type=Temperature&GE_value_KEL=299"), Ids{kExample1});
  EXPECT_EQ(Found("EQ_type=Temperature&GE_value_KEL=299.4"), Ids{});
  EXPECT_EQ(Found("EQ_value_CEL=26.1"), Ids{kExample1});
  EXPECT_EQ(Found("GE_maxValue_CEL=26.2&EQ_bizRules=https://example.com/253/4012345000054987"),
            Ids{kExample2});
  EXPECT_EQ(Found("GE_startTime=2019-04-02T12:55:01Z&LT_endTime=2019-04-02T13:55:01Z"),
            Ids{kExample2});
  // The third reading of example 1 was at 14:55+01:00.
  EXPECT_EQ(Found("GE_time=2019-04-02T13:50:00Z&LT_time=2019-04-02T14:00:00Z"), Ids{kExample1});
  // 160 KMH is a speed, 26 CEL a temperature: no report is both.
  EXPECT_EQ(Found("EQ_type=Speed&LT_value_CEL=30"), Ids{});
  EXPECT_EQ(Found("EQ_type=Speed&GE_value_MTS=44.4"), Ids{kExample1});
}

TEST_P(EpcisSensorApiTest, BadSensorValuesAreQueryParameterExceptions) {
  for (const char* query : {"GE_value_cel=1", "EQ_booleanValue=maybe", "LT_percRank=high",
                            "EQ_minValue_CEL=1", "GE_time=today"}) {
    auto r = Call("GET", std::string("/epcis/events?") + query, producer_);
    EXPECT_EQ(r.status, 400) << query << ": " << r.body;
    EXPECT_EQ(Json(r)["type"], "epcisException:QueryParameterException") << query;
    const std::string name = std::string(query).substr(0, std::string(query).find('='));
    EXPECT_EQ(Json(r)["detail"].get<std::string>().rfind("query parameter " + name + ": ", 0), 0u)
        << r.body;
  }
}

TXNG_INSTANTIATE_BACKENDS(EpcisSensorApiTest);

}  // namespace
}  // namespace txng
