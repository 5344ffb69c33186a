#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "epcis/event_hash.h"
#include "epcis/json_decode.h"
#include "store/event_testing.h"
#include "store/store_test_fixture.h"

namespace txng {
namespace {

// An ObjectEvent observing one serial of a GTIN, pending review.
NewEvent Observation(const std::string& serial) {
  return DecodeTestEvent(
      R"("type": "ObjectEvent", "eventTime": "2026-03-01T08:00:00+07:00",
          "eventTimeZoneOffset": "+07:00", "action": "OBSERVE", "bizStep": "shipping",
          "epcList": ["https://id.gs1.org/01/08930001000018/21/)" +
      serial + R"("])");
}

class EventReviewTest : public StoreTest {
 protected:
  void SetUp() override {
    StoreTest::SetUp();
    if (IsSkipped() || HasFatalFailure()) return;
    orgs_ = MakeOrganisations({"HTX A", "HTX B"});
    ASSERT_FALSE(HasFailure());
  }

  int64_t Capture(const std::string& serial, int org_index) {
    CaptureContext ctx;
    ctx.org_id = orgs_.at(org_index);
    auto captured = store_->CaptureEvents({Observation(serial)}, ctx, Admin());
    EXPECT_TRUE(IsOk(captured));
    return captured.ok() ? captured->at(0).id : 0;
  }

  ReviewStatus StatusOf(int64_t id) {
    auto event = store_->GetEvent(id);
    EXPECT_TRUE(IsOk(event));
    return event.ok() ? event->review_status : ReviewStatus::kDraft;
  }

  static ReviewDecision Decision(ReviewStatus status, std::string reason = "") {
    ReviewDecision d;
    d.status = status;
    d.reason = std::move(reason);
    d.reviewer = std::nullopt;
    return d;
  }

  std::vector<int64_t> orgs_;
};

TEST_P(EventReviewTest, QueueListsPendingEventsPerOrganisation) {
  const int64_t a1 = Capture("A1", 0), a2 = Capture("A2", 0), b1 = Capture("B1", 1);
  EventReviewFilter pending;
  pending.review_status = ReviewStatus::kPending;
  auto all = store_->ListEventSubmissions(pending, {.limit = 10, .offset = 0});
  ASSERT_TRUE(IsOk(all));
  EXPECT_EQ(all->total, 3);
  ASSERT_EQ(all->items.size(), 3u);
  EXPECT_EQ(all->items[0].id, a1);
  EXPECT_EQ(all->items[0].event_type, "ObjectEvent");
  EXPECT_EQ(all->items[0].biz_step, "https://ref.gs1.org/cbv/BizStep-shipping");
  EXPECT_EQ(all->items[0].org_id, orgs_[0]);
  EXPECT_FALSE(all->items[0].declares_error);

  EventReviewFilter of_b = pending;
  of_b.org_id = orgs_[1];
  auto b = store_->ListEventSubmissions(of_b, {.limit = 10, .offset = 0});
  ASSERT_TRUE(IsOk(b));
  ASSERT_EQ(b->items.size(), 1u);
  EXPECT_EQ(b->items[0].id, b1);

  auto page = store_->ListEventSubmissions(pending, {.limit = 1, .offset = 1});
  ASSERT_TRUE(IsOk(page));
  EXPECT_EQ(page->total, 3);
  ASSERT_EQ(page->items.size(), 1u);
  EXPECT_EQ(page->items[0].id, a2);
}

TEST_P(EventReviewTest, ApprovesAndRejectsAllOrNothing) {
  const int64_t a1 = Capture("A1", 0), a2 = Capture("A2", 0), b1 = Capture("B1", 1);
  auto approved = store_->ReviewEvents({a1, a2}, Decision(ReviewStatus::kApproved), Admin());
  ASSERT_TRUE(IsOk(approved));
  EXPECT_EQ(*approved, 2);
  EXPECT_EQ(StatusOf(a1), ReviewStatus::kApproved);
  EXPECT_EQ(StatusOf(a2), ReviewStatus::kApproved);

  // a1 is no longer pending: nothing of the request changes, b1 included.
  Status again =
      store_->ReviewEvents({b1, a1}, Decision(ReviewStatus::kApproved), Admin()).status();
  EXPECT_EQ(again.code(), StatusCode::kFailedPrecondition);
  EXPECT_EQ(again.message(), "event " + std::to_string(a1) +
                                 " is approved, not pending: only pending events can be reviewed");
  EXPECT_EQ(StatusOf(b1), ReviewStatus::kPending);

  Status missing =
      store_->ReviewEvents({b1, b1 + 100}, Decision(ReviewStatus::kApproved), Admin()).status();
  EXPECT_EQ(missing.code(), StatusCode::kNotFound);
  EXPECT_EQ(missing.message(), "event " + std::to_string(b1 + 100) + " not found");
  EXPECT_EQ(StatusOf(b1), ReviewStatus::kPending);

  Status no_reason =
      store_->ReviewEvents({b1}, Decision(ReviewStatus::kRejected), Admin()).status();
  EXPECT_EQ(no_reason.code(), StatusCode::kInvalidArgument);
  EXPECT_EQ(no_reason.field(), "reason");
  EXPECT_EQ(store_->ReviewEvents({}, Decision(ReviewStatus::kApproved), Admin()).status().field(),
            "ids");
  EXPECT_EQ(store_->ReviewEvents({b1}, Decision(ReviewStatus::kPending), Admin()).status().field(),
            "decision");
  EXPECT_EQ(StatusOf(b1), ReviewStatus::kPending);

  auto rejected = store_->ReviewEvents(
      {b1}, Decision(ReviewStatus::kRejected, "the serial was never shipped"), Admin());
  ASSERT_TRUE(IsOk(rejected));
  EventReviewFilter of_b;
  of_b.org_id = orgs_[1];
  auto b = store_->ListEventSubmissions(of_b, {.limit = 10, .offset = 0});
  ASSERT_TRUE(IsOk(b));
  ASSERT_EQ(b->items.size(), 1u);
  EXPECT_EQ(b->items[0].review_status, ReviewStatus::kRejected);
  EXPECT_EQ(b->items[0].review_reason, "the serial was never shipped");
  EXPECT_TRUE(b->items[0].reviewed_at);

  AuditFilter audit;
  audit.entity = "epcis_event";
  auto log = store_->ListAudit(audit, {.limit = 10, .offset = 0});
  ASSERT_TRUE(IsOk(log));
  int reviews = 0;
  for (const AuditEntry& entry : log->items) {
    if (entry.action != "epcis_event.review") continue;
    ++reviews;
    if (entry.detail.find("rejected") != std::string::npos) {
      EXPECT_EQ(entry.entity_id, std::to_string(b1));
      EXPECT_EQ(entry.detail, R"({"status":"rejected","reason":"the serial was never shipped"})");
    }
  }
  EXPECT_EQ(reviews, 3);  // a1 and a2 approved, b1 rejected; the failed attempts left no trace
}

TXNG_INSTANTIATE_BACKENDS(EventReviewTest);

}  // namespace
}  // namespace txng
