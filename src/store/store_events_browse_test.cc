#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "epcis/event_hash.h"
#include "epcis/json_decode.h"
#include "store/event_testing.h"
#include "store/store_test_fixture.h"

namespace txng {
namespace {

const std::string kA1 = "https://id.gs1.org/01/08930001000018/21/A1";
const std::string kA2 = "https://id.gs1.org/01/08930001000018/21/A2";
const std::string kB1 = "https://id.gs1.org/01/08930002000017/21/B1";
const std::string kPallet = "https://id.gs1.org/00/189300010000000015";
const std::string kReceiving = "https://ref.gs1.org/cbv/BizStep-receiving";
const std::string kShipping = "https://ref.gs1.org/cbv/BizStep-shipping";
const std::string kInTransit = "https://ref.gs1.org/cbv/Disp-in_transit";
const std::string kDock = "https://id.gs1.org/414/8930001000001/254/1";
const std::string kWarehouse = "https://id.gs1.org/414/8930001000001";

NewEvent Event(const std::string& members) {
  return DecodeTestEvent(
      R"("eventTime": "2026-03-01T08:00:00+07:00", "eventTimeZoneOffset": "+07:00", )" + members);
}

class EventBrowseTest : public StoreTest {
 protected:
  void SetUp() override {
    StoreTest::SetUp();
    if (IsSkipped() || HasFatalFailure()) return;
    orgs_ = MakeOrganisations({"HTX A", "HTX B"});
    ASSERT_FALSE(HasFailure());
    // Organisation A, approved: two items received at the dock of the
    // warehouse, then packed onto a pallet.
    Capture(0, ReviewStatus::kApproved,
            {Event(R"("type": "ObjectEvent", "action": "OBSERVE", "bizStep": "receiving",
                      "epcList": [")" +
                   kA2 + R"(", ")" + kA1 + R"("], "readPoint": {"id": ")" + kDock +
                   R"("}, "bizLocation": {"id": ")" + kWarehouse + R"("})"),
             Event(R"("type": "AggregationEvent", "action": "ADD", "parentID": ")" + kPallet +
                   R"(", "childEPCs": [")" + kA1 + R"("])")});
    // Organisation B, pending review: an item shipped, in transit.
    Capture(1, ReviewStatus::kPending,
            {Event(R"("type": "ObjectEvent", "action": "OBSERVE", "bizStep": "shipping",
                      "disposition": "in_transit", "epcList": [")" +
                   kB1 + R"("])")});
  }

  void Capture(int org_index, ReviewStatus status, const std::vector<NewEvent>& events) {
    CaptureContext ctx;
    ctx.org_id = orgs_.at(org_index);
    ctx.review_status = status;
    ASSERT_TRUE(IsOk(store_->CaptureEvents(events, ctx, Admin())));
  }

  std::vector<std::string> Values(EventField field, bool approved_only,
                                  std::optional<int64_t> org = std::nullopt) {
    EventValuesQuery q;
    q.field = field;
    q.approved_only = approved_only;
    q.visible_to_org = org;
    q.limit = 1000;
    auto page = store_->ListEventValues(q);
    EXPECT_TRUE(IsOk(page));
    EXPECT_FALSE(page.ok() && page->more);
    return page.ok() ? page->values : std::vector<std::string>{};
  }

  std::vector<int64_t> orgs_;
};

TEST_P(EventBrowseTest, DistinctValuesOfEachFieldAsTheCallerMaySeeThem) {
  using V = std::vector<std::string>;
  // EPCs of every role, each once, in byte order ("00/…" before "01/…").
  EXPECT_EQ(Values(EventField::kEpc, true), (V{kPallet, kA1, kA2}));
  EXPECT_EQ(Values(EventField::kEpc, false, orgs_[1]), (V{kPallet, kA1, kA2, kB1}));
  EXPECT_EQ(Values(EventField::kEpc, false), (V{kPallet, kA1, kA2, kB1}));
  EXPECT_EQ(Values(EventField::kBizStep, true), (V{kReceiving}));
  EXPECT_EQ(Values(EventField::kBizStep, false, orgs_[0]), (V{kReceiving}));
  EXPECT_EQ(Values(EventField::kBizStep, false, orgs_[1]), (V{kReceiving, kShipping}));
  EXPECT_EQ(Values(EventField::kDisposition, true), V{});
  EXPECT_EQ(Values(EventField::kDisposition, false), (V{kInTransit}));
  EXPECT_EQ(Values(EventField::kReadPoint, true), (V{kDock}));
  EXPECT_EQ(Values(EventField::kBizLocation, true), (V{kWarehouse}));
}

TEST_P(EventBrowseTest, PagesFollowOneAnotherByValue) {
  EventValuesQuery q;
  q.field = EventField::kEpc;
  q.limit = 2;
  auto first = store_->ListEventValues(q);
  ASSERT_TRUE(IsOk(first));
  EXPECT_EQ(first->values, (std::vector<std::string>{kPallet, kA1}));
  EXPECT_TRUE(first->more);
  // An event captured between pages with a value before the boundary does
  // not shift the next page.
  Capture(
      0, ReviewStatus::kApproved,
      {Event(
          R"("type": "ObjectEvent", "action": "OBSERVE", "epcList": ["https://id.gs1.org/01/08930001000018/21/A0"])")});
  q.after = first->values.back();
  auto second = store_->ListEventValues(q);
  ASSERT_TRUE(IsOk(second));
  EXPECT_EQ(second->values, (std::vector<std::string>{kA2, kB1}));
  EXPECT_FALSE(second->more);
  q.after = kB1;
  auto past_the_end = store_->ListEventValues(q);
  ASSERT_TRUE(IsOk(past_the_end));
  EXPECT_TRUE(past_the_end->values.empty());
  EXPECT_FALSE(past_the_end->more);
}

TXNG_INSTANTIATE_BACKENDS(EventBrowseTest);

}  // namespace
}  // namespace txng
