// The review of captured EPCIS events over HTTP (/api/v1/events), on both
// backends: pending events reach the public only once a reviewer approves.
#include <gtest/gtest.h>

#include "integration/app_fixture.h"

namespace txng {
namespace {

class EventReviewApiTest : public AppTest {
 protected:
  static std::string ObjectEvent(const std::string& serial) {
    return R"({"@context": ["https://ref.gs1.org/standards/epcis/2.0.0/epcis-context.jsonld"],
      "type": "ObjectEvent", "eventTime": "2026-03-01T08:00:00+07:00",
      "eventTimeZoneOffset": "+07:00", "action": "OBSERVE", "bizStep": "shipping",
      "epcList": ["https://id.gs1.org/01/08930001000018/21/)" +
           serial + R"("]})";
  }

  // Captures one event as `who` and returns its id in the review queue.
  int64_t Capture(const Caller& who, const std::string& serial) {
    auto created = Call("POST", "/epcis/events", who, ObjectEvent(serial));
    EXPECT_EQ(created.status, 201) << created.body;
    auto queue = Call("GET", "/api/v1/events?status=pending", Login("reviewer"));
    EXPECT_EQ(queue.status, 200) << queue.body;
    const nlohmann::json items = Json(queue)["items"];
    for (const auto& item : items) {
      if (item["href"] == created.Header("location").value_or("")) return item["id"].get<int64_t>();
    }
    ADD_FAILURE() << "not in the queue: " << created.body;
    return 0;
  }

  size_t PublicEvents() {
    auto r = Call("GET", "/epcis/events", Caller{});
    EXPECT_EQ(r.status, 200) << r.body;
    return Json(r)["epcisBody"]["queryResults"]["resultsBody"]["eventList"].size();
  }

  static std::string Review(const std::vector<int64_t>& ids, const std::string& decision,
                            const std::string& reason = "") {
    nlohmann::json body = {{"ids", ids}, {"decision", decision}};
    if (!reason.empty()) body["reason"] = reason;
    return body.dump();
  }
};

TEST_P(EventReviewApiTest, ApprovedEventsBecomePublicRejectedOnesTellTheProducerWhy) {
  Caller producer_a = Login("producer_a"), reviewer = Login("reviewer");
  const int64_t a1 = Capture(producer_a, "A1"), a2 = Capture(producer_a, "A2");
  const int64_t b1 = Capture(Login("producer_b"), "B1");
  EXPECT_EQ(PublicEvents(), 0u);

  auto queue = Call("GET", "/api/v1/events?status=pending", reviewer);
  ASSERT_EQ(queue.status, 200) << queue.body;
  EXPECT_EQ(Json(queue)["total"], 3);
  const nlohmann::json first = Json(queue)["items"][0];
  EXPECT_EQ(first["eventType"], "ObjectEvent");
  EXPECT_EQ(first["eventTime"], "2026-03-01T01:00:00.000Z");
  EXPECT_EQ(first["bizStep"], "https://ref.gs1.org/cbv/BizStep-shipping");
  EXPECT_EQ(first["reviewStatus"], "pending");
  EXPECT_EQ(first["href"].get<std::string>().rfind("/epcis/events/ni%3A%2F%2F%2Fsha-256", 0), 0u)
      << first;

  auto approved = Call("POST", "/api/v1/events/review", reviewer, Review({a1, b1}, "approve"));
  ASSERT_EQ(approved.status, 200) << approved.body;
  EXPECT_EQ(Json(approved)["reviewed"], 2);
  EXPECT_EQ(PublicEvents(), 2u);

  auto rejected = Call("POST", "/api/v1/events/review", reviewer,
                       Review({a2}, "reject", "serial A2 was never produced"));
  ASSERT_EQ(rejected.status, 200) << rejected.body;
  // The producer sees its own events with the reviewer's reason, not B's.
  auto own = Call("GET", "/api/v1/events", producer_a);
  ASSERT_EQ(own.status, 200) << own.body;
  ASSERT_EQ(Json(own)["total"], 2);
  EXPECT_EQ(Json(own)["items"][1]["id"], a2);
  EXPECT_EQ(Json(own)["items"][1]["reviewStatus"], "rejected");
  EXPECT_EQ(Json(own)["items"][1]["reviewReason"], "serial A2 was never produced");
  EXPECT_FALSE(Json(own)["items"][1]["reviewedAt"].is_null());
  EXPECT_EQ(PublicEvents(), 2u);
}

TEST_P(EventReviewApiTest, BadReviewsChangeNothing) {
  Caller producer_a = Login("producer_a"), reviewer = Login("reviewer");
  const int64_t a1 = Capture(producer_a, "A1"), a2 = Capture(producer_a, "A2");
  struct Case {
    Caller who;
    std::string body;
    int status;
    std::string detail;
  };
  const std::vector<Case> cases = {
      {producer_a, Review({a1}, "approve"), 403,
       "only the reviewer (Department of Science and Technology) or an admin can approve or "
       "reject records"},
      {Login("officer"), Review({a1}, "approve"), 403,
       "only the reviewer (Department of Science and Technology) or an admin can approve or "
       "reject records"},
      {Caller{}, Review({a1}, "approve"), 401, ""},
      {reviewer, Review({a1}, "reject"), 400, "a rejection needs a reason the producer can act on"},
      {reviewer, Review({a1}, "publish"), 400, "decision must be 'approve' or 'reject'"},
      {reviewer, Review({}, "approve"), 400, "name at least one event to review"},
      {reviewer, Review({a1, a1}, "approve"), 400, "an event is named twice"},
      {reviewer, R"({"decision": "approve"})", 400, "ids is required"},
      {reviewer, R"({"ids": "1", "decision": "approve"})", 400,
       "ids must be an array of event ids"},
      {reviewer, R"({"ids": [1], "decision": "approve", "colour": "red"})", 400, ""},
      {reviewer, Review({a1, a2 + 100}, "approve"), 404,
       "event " + std::to_string(a2 + 100) + " not found"},
  };
  for (const Case& c : cases) {
    auto r = Call("POST", "/api/v1/events/review", c.who, c.body);
    EXPECT_EQ(r.status, c.status) << c.body << " → " << r.body;
    if (!c.detail.empty()) {
      EXPECT_EQ(Json(r)["detail"], c.detail) << c.body;
    }
  }
  ASSERT_EQ(Call("POST", "/api/v1/events/review", reviewer, Review({a1}, "approve")).status, 200);
  auto twice = Call("POST", "/api/v1/events/review", reviewer, Review({a2, a1}, "approve"));
  EXPECT_EQ(twice.status, 409) << twice.body;
  EXPECT_EQ(Json(twice)["detail"], "event " + std::to_string(a1) +
                                       " is approved, not pending: only pending events can be "
                                       "reviewed");
  EXPECT_EQ(PublicEvents(), 1u);  // a2 stayed pending

  EXPECT_EQ(Call("GET", "/api/v1/events", Caller{}).status, 401);
  EXPECT_EQ(Call("GET", "/api/v1/events", Login("officer")).status, 403);
  auto other = Call("GET", "/api/v1/events?organisationId=" + std::to_string(org_b_), producer_a);
  EXPECT_EQ(other.status, 403) << other.body;
  EXPECT_EQ(Call("GET", "/api/v1/events?status=done", reviewer).status, 400);
}

TXNG_INSTANTIATE_BACKENDS(EventReviewApiTest);

}  // namespace
}  // namespace txng
