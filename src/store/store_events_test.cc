#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <vector>

#include "epcis/event_hash.h"
#include "epcis/json_decode.h"
#include "store/event_testing.h"
#include "store/store_test_fixture.h"

namespace txng {
namespace {

// Decodes one JSON-LD event (members without braces) into what capture takes.
NewEvent Event(const std::string& members) { return DecodeTestEvent(members); }

// An ObjectEvent of `epcs` (Digital Link URIs) at `time`.
NewEvent Observe(const std::string& time, const std::string& epcs,
                 const std::string& more = "\"bizStep\": \"receiving\"") {
  return Event("\"type\": \"ObjectEvent\", \"eventTime\": \"" + time +
               "\", \"eventTimeZoneOffset\": \"+07:00\", \"action\": \"OBSERVE\", \"epcList\": [" +
               epcs + "], " + more);
}

const std::string kItem1 = "\"https://id.gs1.org/01/08930001000018/21/A1\"";
const std::string kItem2 = "\"https://id.gs1.org/01/08930001000018/21/A2\"";
const std::string kOtherItem = "\"https://id.gs1.org/01/08930002000017/21/A1\"";

class EventsTest : public StoreTest {
 protected:
  void SetUp() override {
    StoreTest::SetUp();
    if (IsSkipped() || HasFatalFailure()) return;
    orgs_ = MakeOrganisations({"HTX A", "HTX B"});
    ASSERT_FALSE(HasFailure());
  }

  std::vector<CapturedEvent> Capture(const std::vector<NewEvent>& events, int org_index = 0,
                                     ReviewStatus status = ReviewStatus::kApproved) {
    CaptureContext ctx;
    ctx.org_id = orgs_.at(org_index);
    ctx.review_status = status;
    auto captured = store_->CaptureEvents(events, ctx, Admin());
    EXPECT_TRUE(IsOk(captured));
    return captured.ok() ? *captured : std::vector<CapturedEvent>{};
  }

  std::vector<int64_t> Ids(const EventQuery& q) {
    auto page = store_->QueryEvents(q);
    EXPECT_TRUE(IsOk(page));
    std::vector<int64_t> ids;
    if (page.ok()) {
      for (const StoredEvent& e : page->events) ids.push_back(e.id);
    }
    return ids;
  }

  std::vector<int64_t> orgs_;
};

TEST_P(EventsTest, CapturedEventReadsBackEqualWithRecordTime) {
  NewEvent in = Observe("2026-03-01T08:00:00.000+07:00", kItem1 + ", " + kItem2,
                        "\"bizStep\": \"shipping\", \"disposition\": \"in_transit\", "
                        "\"readPoint\": {\"id\": \"https://id.gs1.org/414/8930001000018\"}");
  auto captured = Capture({in});
  ASSERT_EQ(captured.size(), 1u);
  EXPECT_EQ(captured[0].result, CaptureResult::kStored);
  auto stored = store_->GetEvent(captured[0].id);
  ASSERT_TRUE(IsOk(stored));
  EXPECT_FALSE(stored->event.record_time.empty());
  epcis::Event expected = in.event;
  expected.record_time = stored->event.record_time;
  EXPECT_EQ(stored->event, expected);
  EXPECT_EQ(stored->hash_id, in.hash_id);
  EXPECT_EQ(stored->org_id, orgs_[0]);
  EXPECT_EQ(stored->review_status, ReviewStatus::kApproved);
  EXPECT_FALSE(stored->declared_in_error_at);
  EXPECT_EQ(CountRows("epcis_event_epcs"), 2);
  EXPECT_EQ(store_->GetEvent(captured[0].id + 100).status().code(), StatusCode::kNotFound);
}

TEST_P(EventsTest, GetEventsReadsRowsByIdInCaptureOrder) {
  auto captured = Capture({Observe("2026-03-01T08:00:00.000+07:00", kItem1),
                           Observe("2026-03-02T08:00:00.000+07:00", kItem2),
                           Observe("2026-03-03T08:00:00.000+07:00", kItem1 + ", " + kItem2)});
  ASSERT_EQ(captured.size(), 3u);
  // Out of order, repeated and absent ids; three ids pad to four parameters.
  auto got = store_->GetEvents({captured[2].id, captured[0].id, captured[2].id + 100});
  ASSERT_TRUE(IsOk(got));
  ASSERT_EQ(got->size(), 2u);
  EXPECT_EQ((*got)[0].id, captured[0].id);
  EXPECT_EQ((*got)[1].id, captured[2].id);
  EXPECT_EQ((*got)[1].event, store_->GetEvent(captured[2].id)->event);
  EXPECT_TRUE(store_->GetEvents({})->empty());
  auto too_many = store_->GetEvents(std::vector<int64_t>(501, captured[0].id));
  EXPECT_EQ(too_many.status().code(), StatusCode::kInvalidArgument);
  EXPECT_EQ(too_many.status().message(), "at most 500 events at once");
}

TEST_P(EventsTest, SameEventIdOrSameHashStoresNothingNew) {
  NewEvent with_id = Observe("2026-03-01T08:00:00Z", kItem1, "\"eventID\": \"urn:uuid:1\"");
  NewEvent without_id = Observe("2026-03-01T09:00:00Z", kItem2);
  auto first = Capture({with_id, without_id});
  const int64_t audits = CountRows("audit_log");
  // The same eventID with other content, and the same content again.
  NewEvent same_id = Observe("2026-03-02T08:00:00Z", kOtherItem, "\"eventID\": \"urn:uuid:1\"");
  auto again = Capture({same_id, without_id});
  ASSERT_EQ(again.size(), 2u);
  EXPECT_EQ(again[0].result, CaptureResult::kDuplicate);
  EXPECT_EQ(again[0].id, first[0].id);
  EXPECT_EQ(again[1].result, CaptureResult::kDuplicate);
  EXPECT_EQ(again[1].id, first[1].id);
  EXPECT_EQ(CountRows("epcis_events"), 2);
  EXPECT_EQ(CountRows("epcis_event_epcs"), 2);
  EXPECT_EQ(CountRows("audit_log"), audits + 1);
}

TEST_P(EventsTest, AnotherOrganisationsDeclarationRetractsNothing) {
  NewEvent original = Observe("2026-03-01T08:00:00Z", kItem1, "\"eventID\": \"urn:uuid:9\"");
  NewEvent retraction = Observe("2026-03-01T08:00:00Z", kItem1,
                                "\"eventID\": \"urn:uuid:9\", \"errorDeclaration\": "
                                "{\"declarationTime\": \"2026-03-05T10:00:00Z\"}");
  const int64_t original_row = Capture({original}, 0).at(0).id;
  const auto declared = Capture({retraction}, 1);
  ASSERT_EQ(declared.size(), 1u);
  EXPECT_EQ(declared[0].result, CaptureResult::kStored);
  EXPECT_FALSE(store_->GetEvent(original_row)->declared_in_error_at);
  // Nor does it mark an event of that ID captured later by its owner.
  NewEvent later = Observe("2026-03-02T08:00:00Z", kItem2, "\"eventID\": \"urn:uuid:10\"");
  NewEvent early = retraction;
  early.event.event_id = "urn:uuid:10";
  Capture({early}, 1);
  const int64_t later_row = Capture({later}, 0).at(0).id;
  EXPECT_FALSE(store_->GetEvent(later_row)->declared_in_error_at);
}

TEST_P(EventsTest, ErrorDeclarationIsKeptAndMarksTheEvent) {
  NewEvent original = Observe("2026-03-01T08:00:00Z", kItem1, "\"eventID\": \"urn:uuid:7\"");
  NewEvent retraction = Observe("2026-03-01T08:00:00Z", kItem1,
                                "\"eventID\": \"urn:uuid:7\", \"errorDeclaration\": "
                                "{\"declarationTime\": \"2026-03-05T10:00:00Z\", "
                                "\"reason\": \"incorrect_data\"}");
  // In either order the erroneous event ends up marked.
  for (bool declaration_first : {false, true}) {
    SCOPED_TRACE(declaration_first ? "declaration first" : "event first");
    NewEvent o = original, r = retraction;
    const std::string id = declaration_first ? "urn:uuid:8" : "urn:uuid:7";
    o.event.event_id = r.event.event_id = id;
    auto captured = declaration_first ? Capture({r, o}) : Capture({o, r});
    ASSERT_EQ(captured.size(), 2u);
    EXPECT_EQ(captured[0].result, CaptureResult::kStored);
    EXPECT_EQ(captured[1].result, CaptureResult::kStored);
    const int64_t original_row = declaration_first ? captured[1].id : captured[0].id;
    const int64_t retraction_row = declaration_first ? captured[0].id : captured[1].id;
    EXPECT_EQ(store_->GetEvent(original_row)->declared_in_error_at, 1772704800000);
    EXPECT_FALSE(store_->GetEvent(retraction_row)->declared_in_error_at);
    EXPECT_TRUE(store_->GetEvent(retraction_row)->event.error_declaration);
    // A second declaration of the same event is a duplicate.
    EXPECT_EQ(Capture({r})[0].result, CaptureResult::kDuplicate);
  }
}

TEST_P(EventsTest, RepeatWithinOneDocumentIsADuplicateOfTheFirst) {
  NewEvent a = Observe("2026-03-01T08:00:00Z", kItem1);
  NewEvent b = Observe("2026-03-01T09:00:00Z", kItem1 + ", " + kItem2,
                       "\"bizTransactionList\": [{\"type\": \"po\", \"bizTransaction\": "
                       "\"urn:epcglobal:cbv:bt:8930001000018:1\"}]");
  auto captured = Capture({a, b, a, b});
  ASSERT_EQ(captured.size(), 4u);
  EXPECT_EQ(captured[0].result, CaptureResult::kStored);
  EXPECT_EQ(captured[1].result, CaptureResult::kStored);
  EXPECT_EQ(captured[2].result, CaptureResult::kDuplicate);
  EXPECT_EQ(captured[2].id, captured[0].id);
  EXPECT_EQ(captured[3].result, CaptureResult::kDuplicate);
  EXPECT_EQ(captured[3].id, captured[1].id);
  EXPECT_EQ(CountRows("epcis_events"), 2);
  // Index rows of the stored events only, each once.
  EXPECT_EQ(CountRows("epcis_event_epcs"), 3);
  EXPECT_EQ(CountRows("epcis_event_links"), 1);
  EventQuery q;
  q.match_epc = {{"https://id.gs1.org/01/08930001000018/21/A2", false}};
  EXPECT_EQ(Ids(q), std::vector<int64_t>{captured[1].id});
}

// Capture inserts rows many to a statement (64, then 32, 16, …): a
// document of 203 events, with repeats across those statements, stores and
// answers in document order exactly as event by event.
TEST_P(EventsTest, LongDocumentKeepsDocumentOrderAcrossStatements) {
  constexpr int kEvents = 203;  // 3 × 64 + 8 + 2 + 1
  std::vector<NewEvent> events;
  for (int i = 0; i < kEvents; ++i) {
    const std::string serial = std::to_string(i);
    const std::string time =
        "2026-03-01T08:00:" + std::string(i % 60 < 10 ? "0" : "") + std::to_string(i % 60) + "Z";
    events.push_back(Observe(time, "\"https://id.gs1.org/01/08930001000018/21/S" + serial + "\"",
                             "\"eventID\": \"urn:uuid:long-" + serial + "\""));
  }
  // Repeats of earlier events, inside one statement and across statements.
  const std::vector<std::pair<int, int>> repeats = {{3, 1}, {70, 5}, {130, 129}, {200, 64}};
  for (auto [repeat, of] : repeats) events[repeat].event.event_id = events[of].event.event_id;
  // A retraction of an event later in the document, in another statement.
  events[10].event.event_id = events[150].event.event_id;
  events[10].event.error_declaration = epcis::ErrorDeclaration{};
  events[10].event.error_declaration->declaration_time = "2026-03-05T10:00:00Z";
  const auto captured = Capture(events);
  ASSERT_EQ(captured.size(), static_cast<size_t>(kEvents));
  int64_t last_id = 0;
  for (int i = 0; i < kEvents; ++i) {
    SCOPED_TRACE(i);
    auto repeat = std::find_if(repeats.begin(), repeats.end(),
                               [i](const std::pair<int, int>& r) { return r.first == i; });
    if (repeat != repeats.end()) {
      EXPECT_EQ(captured[i].result, CaptureResult::kDuplicate);
      EXPECT_EQ(captured[i].id, captured[repeat->second].id);
      continue;
    }
    EXPECT_EQ(captured[i].result, CaptureResult::kStored);
    EXPECT_GT(captured[i].id, last_id);  // rows in document order
    last_id = captured[i].id;
    auto stored = store_->GetEvent(captured[i].id);
    ASSERT_TRUE(IsOk(stored));
    EXPECT_EQ(stored->event.event_id, events[i].event.event_id);
    EXPECT_EQ(stored->event.epc_list, events[i].event.epc_list);
  }
  const int64_t stored = kEvents - static_cast<int64_t>(repeats.size());
  EXPECT_EQ(CountRows("epcis_events"), stored);
  EXPECT_EQ(CountRows("epcis_event_epcs"), stored);
  EXPECT_EQ(store_->GetEvent(captured[150].id)->declared_in_error_at, 1772704800000);
  EventQuery q;
  q.match_epc = {{"https://id.gs1.org/01/08930001000018/21/S199", false}};
  EXPECT_EQ(Ids(q), std::vector<int64_t>{captured[199].id});
}

TEST_P(EventsTest, DeclarationCapturedEarlierMarksTheEventWhenItArrives) {
  NewEvent original = Observe("2026-03-01T08:00:00Z", kItem1, "\"eventID\": \"urn:uuid:9\"");
  NewEvent retraction = Observe("2026-03-01T08:00:00Z", kItem1,
                                "\"eventID\": \"urn:uuid:9\", \"errorDeclaration\": "
                                "{\"declarationTime\": \"2026-03-05T10:00:00Z\"}");
  NewEvent unrelated = Observe("2026-03-01T09:00:00Z", kItem2, "\"eventID\": \"urn:uuid:10\"");
  Capture({retraction});
  auto captured = Capture({unrelated, original});
  ASSERT_EQ(captured.size(), 2u);
  EXPECT_FALSE(store_->GetEvent(captured[0].id)->declared_in_error_at);
  EXPECT_EQ(store_->GetEvent(captured[1].id)->declared_in_error_at, 1772704800000);
}

TEST_P(EventsTest, FailedCaptureStoresNothing) {
  // The good event has field rows too: they go with the failed batch.
  NewEvent good = Observe("2026-03-01T08:00:00Z", kItem1,
                          "\"persistentDisposition\": {\"set\": [\"in_transit\"]}, "
                          "\"https://ns.example.com/epcis/t\": 1");
  NewEvent bad = Observe("2026-03-01T09:00:00Z", kItem2);
  bad.event.event_time = "not a time";
  CaptureContext ctx;
  ctx.org_id = orgs_[0];
  auto r = store_->CaptureEvents({good, bad}, ctx, Admin());
  EXPECT_FALSE(r.ok());
  ctx.org_id = 99999;  // no such organisation
  EXPECT_FALSE(store_->CaptureEvents({good}, ctx, Admin()).ok());
  EXPECT_EQ(CountRows("epcis_events"), 0);
  EXPECT_EQ(CountRows("epcis_event_epcs"), 0);
  EXPECT_EQ(CountRows("epcis_event_fields"), 0);
}

TEST_P(EventsTest, QueriesByTypeTimeAndWhyWhere) {
  auto ids = Capture({
      Observe("2026-03-01T08:00:00+07:00", kItem1, "\"bizStep\": \"shipping\""),
      Observe("2026-03-02T08:00:00+07:00", kItem2,
              "\"bizStep\": \"receiving\", \"disposition\": \"in_progress\", "
              "\"bizLocation\": {\"id\": \"https://id.gs1.org/414/8930001000018\"}"),
      Event("\"type\": \"AggregationEvent\", \"eventTime\": \"2026-03-03T08:00:00Z\", "
            "\"eventTimeZoneOffset\": \"+00:00\", \"action\": \"ADD\", \"parentID\": "
            "\"https://id.gs1.org/00/389300010000000019\", \"childEPCs\": [" +
            kItem1 + "]"),
  });
  ASSERT_EQ(ids.size(), 3u);
  EventQuery q;
  q.event_types = {epcis::EventType::kAggregation};
  EXPECT_EQ(Ids(q), std::vector<int64_t>{ids[2].id});

  q = {};
  q.ge_event_time = 1772326800000;  // 2026-03-01T01:00:00Z, the first event exactly
  q.lt_event_time = 1772413200000;  // 2026-03-02T01:00:00Z, the second: excluded
  EXPECT_EQ(Ids(q), std::vector<int64_t>{ids[0].id});

  q = {};
  q.biz_steps = {"https://ref.gs1.org/cbv/BizStep-receiving"};
  EXPECT_EQ(Ids(q), std::vector<int64_t>{ids[1].id});
  q.dispositions = {"https://ref.gs1.org/cbv/Disp-in_progress"};
  q.biz_locations = {"https://id.gs1.org/414/8930001000018"};
  EXPECT_EQ(Ids(q), std::vector<int64_t>{ids[1].id});
  q.biz_locations = {"https://id.gs1.org/414/8930002000017"};
  EXPECT_TRUE(Ids(q).empty());

  q = {};
  q.actions = {epcis::Action::kAdd};
  EXPECT_EQ(Ids(q), std::vector<int64_t>{ids[2].id});
}

TEST_P(EventsTest, MatchesIdentifiersByRoleExactlyOrByPattern) {
  auto ids = Capture({
      Observe("2026-03-01T08:00:00Z", kItem1),
      Observe("2026-03-02T08:00:00Z", kOtherItem),
      Event("\"type\": \"AggregationEvent\", \"eventTime\": \"2026-03-03T08:00:00Z\", "
            "\"eventTimeZoneOffset\": \"+00:00\", \"action\": \"ADD\", \"parentID\": "
            "\"https://id.gs1.org/00/389300010000000019\", \"childEPCs\": [" +
            kItem2 +
            "], \"childQuantityList\": [{\"epcClass\": "
            "\"https://id.gs1.org/01/08930001000018/10/LOT1\", \"quantity\": 5, "
            "\"uom\": \"KGM\"}]"),
  });
  ASSERT_EQ(ids.size(), 3u);
  EventQuery q;
  q.match_epc = {{"https://id.gs1.org/01/08930001000018/21/A1", false}};
  EXPECT_EQ(Ids(q), std::vector<int64_t>{ids[0].id});
  // MATCH_epc looks at epcList and childEPCs; a parent is only "any" EPC.
  q.match_epc = {{"https://id.gs1.org/01/08930001000018/21/*", true}};
  EXPECT_EQ(Ids(q), (std::vector<int64_t>{ids[0].id, ids[2].id}));
  q.match_epc = {{"https://id.gs1.org/00/389300010000000019", false}};
  EXPECT_TRUE(Ids(q).empty());
  q = {};
  q.match_any_epc = {{"https://id.gs1.org/00/389300010000000019", false}};
  EXPECT_EQ(Ids(q), std::vector<int64_t>{ids[2].id});
  q = {};
  q.match_parent_id = {{"https://id.gs1.org/00/389300010000000019", false}};
  EXPECT_EQ(Ids(q), std::vector<int64_t>{ids[2].id});
  // '?' is one character: both GTINs, any serial.
  q = {};
  q.match_any_epc = {{"https://id.gs1.org/01/0893000?00001?/21/*", true}};
  EXPECT_EQ(Ids(q), (std::vector<int64_t>{ids[0].id, ids[1].id, ids[2].id}));
  q.match_any_epc = {{"https://id.gs1.org/01/0893000?00001?/21/??", true}};
  EXPECT_EQ(Ids(q), (std::vector<int64_t>{ids[0].id, ids[1].id, ids[2].id}));
  q.match_any_epc = {{"https://id.gs1.org/01/0893000?00001?/21/?", true}};
  EXPECT_TRUE(Ids(q).empty());
  // Patterns are case-sensitive, and LIKE's and GLOB's other special
  // characters are literal.
  q.match_any_epc = {{"https://id.gs1.org/01/08930001000018/21/a*", true},
                     {"https://id.gs1.org/01/0893000_*", true},
                     {"https://id.gs1.org/01/0893000%*", true},
                     {"https://id.gs1.org/01/[0]*", true}};
  EXPECT_TRUE(Ids(q).empty());
  q = {};
  q.match_epc_class = {{"https://id.gs1.org/01/08930001000018/10/LOT1", false}};
  EXPECT_EQ(Ids(q), std::vector<int64_t>{ids[2].id});
  q.match_epc_class = {{"https://id.gs1.org/01/08930001000018/10/*", true}};
  EXPECT_EQ(Ids(q), std::vector<int64_t>{ids[2].id});
  q = {};
  q.match_input_epc_class = {{"https://id.gs1.org/01/08930001000018*", true}};
  EXPECT_TRUE(Ids(q).empty());
}

TEST_P(EventsTest, MatchesBusinessTransactionsSourcesAndDestinations) {
  auto ids = Capture({
      Observe("2026-03-01T08:00:00Z", kItem1,
              "\"bizTransactionList\": [{\"type\": \"po\", \"bizTransaction\": "
              "\"urn:epcglobal:cbv:bt:8930001000018:PO-1\"}], \"destinationList\": "
              "[{\"type\": \"owning_party\", \"destination\": "
              "\"https://id.gs1.org/417/8930002000017\"}]"),
      Observe("2026-03-02T08:00:00Z", kItem2,
              "\"bizTransactionList\": [{\"type\": \"inv\", \"bizTransaction\": "
              "\"urn:epcglobal:cbv:bt:8930001000018:PO-1\"}]"),
  });
  ASSERT_EQ(ids.size(), 2u);
  LinkMatch po;
  po.kind = LinkMatch::Kind::kBizTransaction;
  po.type = "https://ref.gs1.org/cbv/BTT-po";
  po.values = {"urn:epcglobal:cbv:bt:8930001000018:PO-1", "other"};
  EventQuery q;
  q.link_matches = {po};
  EXPECT_EQ(Ids(q), std::vector<int64_t>{ids[0].id});
  LinkMatch owner;
  owner.kind = LinkMatch::Kind::kDestination;
  owner.type = "https://ref.gs1.org/cbv/SDT-owning_party";
  owner.values = {"https://id.gs1.org/417/8930002000017"};
  q.link_matches = {po, owner};
  EXPECT_EQ(Ids(q), std::vector<int64_t>{ids[0].id});
  owner.kind = LinkMatch::Kind::kSource;  // a destination is not a source
  q.link_matches = {owner};
  EXPECT_TRUE(Ids(q).empty());
}

TEST_P(EventsTest, VisibilityFollowsReviewAndOwnership) {
  auto approved = Capture({Observe("2026-03-01T08:00:00Z", kItem1)}, 0, ReviewStatus::kApproved);
  auto pending_a = Capture({Observe("2026-03-02T08:00:00Z", kItem1)}, 0, ReviewStatus::kPending);
  auto pending_b = Capture({Observe("2026-03-03T08:00:00Z", kItem1)}, 1, ReviewStatus::kPending);
  EventQuery q;
  EXPECT_EQ(Ids(q).size(), 3u);
  q.approved_only = true;
  EXPECT_EQ(Ids(q), std::vector<int64_t>{approved[0].id});
  q = {};
  q.visible_to_org = orgs_[1];
  EXPECT_EQ(Ids(q), (std::vector<int64_t>{approved[0].id, pending_b[0].id}));
  EXPECT_NE(pending_a[0].id, 0);
}

TEST_P(EventsTest, PagesStayPutWhileEventsArrive) {
  std::vector<NewEvent> batch;
  for (int i = 0; i < 5; ++i) {
    batch.push_back(Observe("2026-03-0" + std::to_string(9 - i) + "T08:00:00Z", kItem1,
                            "\"eventID\": \"urn:uuid:p" + std::to_string(i) + "\""));
  }
  auto ids = Capture(batch);
  for (EventOrder order : {EventOrder::kCapture, EventOrder::kEventTime}) {
    EventQuery q;
    q.order = order;
    q.limit = 2;
    std::vector<int64_t> seen;
    int pages = 0;
    while (true) {
      auto page = store_->QueryEvents(q);
      ASSERT_TRUE(IsOk(page));
      for (const StoredEvent& e : page->events) seen.push_back(e.id);
      ++pages;
      if (pages == 1 && order == EventOrder::kCapture) {
        // Captured between pages: comes after the last, never shifts a page.
        Capture({Observe("2026-03-10T08:00:00Z", kItem2)});
      }
      if (!page->next) break;
      q.after = page->next;
    }
    if (order == EventOrder::kCapture) {
      ASSERT_EQ(seen.size(), 6u);
      for (int i = 0; i < 5; ++i) EXPECT_EQ(seen[i], ids[i].id);
    } else {
      // Event times run backwards in capture order; the sixth is newest.
      ASSERT_EQ(seen.size(), 6u);
      for (int i = 0; i < 5; ++i) EXPECT_EQ(seen[i], ids[4 - i].id);
    }
  }
  EventQuery newest;
  newest.order = EventOrder::kEventTime;
  newest.descending = true;
  newest.limit = 1;
  auto page = store_->QueryEvents(newest);
  ASSERT_TRUE(IsOk(page));
  ASSERT_EQ(page->events.size(), 1u);
  EXPECT_EQ(page->events[0].event.epc_list,
            std::vector<std::string>{"https://id.gs1.org/01/08930001000018/21/A2"});
}

TEST(ExtensionFieldName, IsTheNamespaceIriThenTheLocalName) {
  EXPECT_EQ(ExtensionFieldName("{https://ns.example.com/epcis/}temperature"),
            "https://ns.example.com/epcis/temperature");
  EXPECT_EQ(ExtensionFieldName("{https://ns.example.com/epcis#}t"),
            "https://ns.example.com/epcis#t");
  EXPECT_EQ(ExtensionFieldName("{urn:epcglobal:cbv:mda:}lotNumber"),
            "urn:epcglobal:cbv:mda:lotNumber");
  // An XML namespace that ends in no separator gets EPCIS 1.x's '#'.
  EXPECT_EQ(ExtensionFieldName("{http://ns.example.com/epcis}t"), "http://ns.example.com/epcis#t");
  EXPECT_EQ(ExtensionFieldName("lotNumber"), "lotNumber");
}

TEST(TypedFieldValue, ReadsNumbersAndTimesWithAZone) {
  EXPECT_EQ(TypedFieldValue("21.5"), (FieldValue{"21.5", 21.5, std::nullopt}));
  EXPECT_EQ(TypedFieldValue("2026-03-01T08:00:00+07:00"),
            (FieldValue{"2026-03-01T08:00:00+07:00", std::nullopt, 1772326800000}));
  EXPECT_EQ(TypedFieldValue("2026-03-01T08:00:00"), (FieldValue{"2026-03-01T08:00:00", {}, {}}));
  EXPECT_EQ(TypedFieldValue("12kg"), (FieldValue{"12kg", {}, {}}));
  EXPECT_EQ(TypedFieldValue("inf"), (FieldValue{"inf", {}, {}}));
  EXPECT_EQ(TypedFieldValue(""), (FieldValue{"", {}, {}}));
}

TEST_P(EventsTest, MatchesPersistentDispositions) {
  auto ids = Capture({
      Observe("2026-03-01T08:00:00Z", kItem1,
              "\"persistentDisposition\": {\"set\": [\"completeness_verified\"], "
              "\"unset\": [\"completeness_inferred\", \"in_transit\"]}"),
      Observe("2026-03-02T08:00:00Z", kItem2),
  });
  ASSERT_EQ(ids.size(), 2u);
  EventQuery q;
  q.persistent_disposition_set = {"https://ref.gs1.org/cbv/Disp-in_transit",
                                  "https://ref.gs1.org/cbv/Disp-completeness_verified"};
  EXPECT_EQ(Ids(q), std::vector<int64_t>{ids[0].id});
  q.persistent_disposition_set = {"https://ref.gs1.org/cbv/Disp-in_transit"};  // unset, not set
  EXPECT_TRUE(Ids(q).empty());
  q = {};
  q.persistent_disposition_unset = {"https://ref.gs1.org/cbv/Disp-in_transit"};
  EXPECT_EQ(Ids(q), std::vector<int64_t>{ids[0].id});
}

TEST_P(EventsTest, QuantityBoundsHoldForOneQuantityElement) {
  const std::string lot = "\"https://id.gs1.org/01/08930001000018/10/LOT1\"";
  auto ids = Capture({
      Observe("2026-03-01T08:00:00Z", kItem1,
              "\"quantityList\": [{\"epcClass\": " + lot + ", \"quantity\": 5, \"uom\": \"KGM\"}]"),
      Event(
          "\"type\": \"AggregationEvent\", \"eventTime\": \"2026-03-03T08:00:00Z\", "
          "\"eventTimeZoneOffset\": \"+00:00\", \"action\": \"ADD\", \"parentID\": "
          "\"https://id.gs1.org/00/389300010000000019\", \"childQuantityList\": [{\"epcClass\": " +
          lot + ", \"quantity\": 12.5}]"),
      Observe("2026-03-04T08:00:00Z", kItem2, "\"quantityList\": [{\"epcClass\": " + lot + "}]"),
      Observe("2026-03-05T08:00:00Z", kItem2,
              "\"quantityList\": [{\"epcClass\": " + lot +
                  ", \"quantity\": 3}, {\"epcClass\": " + lot + ", \"quantity\": 20}]"),
  });
  ASSERT_EQ(ids.size(), 4u);
  EventQuery q;
  q.quantity_bounds = {{Comparison::kEq, 5}};
  EXPECT_EQ(Ids(q), std::vector<int64_t>{ids[0].id});
  q.quantity_bounds = {{Comparison::kGt, 5}};
  EXPECT_EQ(Ids(q), (std::vector<int64_t>{ids[1].id, ids[3].id}));
  q.quantity_bounds = {{Comparison::kGe, 5}, {Comparison::kLe, 12.5}};
  EXPECT_EQ(Ids(q), (std::vector<int64_t>{ids[0].id, ids[1].id}));
  q.quantity_bounds = {{Comparison::kLt, 5}};
  EXPECT_EQ(Ids(q), std::vector<int64_t>{ids[3].id});
  // 3 and 20 are each outside (5, 10): no one element of ids[3] is inside.
  q.quantity_bounds = {{Comparison::kGt, 5}, {Comparison::kLt, 10}};
  EXPECT_TRUE(Ids(q).empty());
}

TEST_P(EventsTest, ErrorDeclarationParametersFindTheDeclarations) {
  NewEvent original = Observe("2026-03-01T08:00:00Z", kItem1, "\"eventID\": \"urn:uuid:e1\"");
  NewEvent declaration = Observe(
      "2026-03-01T08:00:00Z", kItem1,
      "\"eventID\": \"urn:uuid:e1\", \"errorDeclaration\": {\"declarationTime\": "
      "\"2026-03-05T17:00:00+07:00\", \"reason\": \"incorrect_data\", \"correctiveEventIDs\": "
      "[\"urn:uuid:c1\", \"urn:uuid:c2\"], \"https://ns.example.com/epcis/ticket\": \"T-9\"}");
  NewEvent bare = Observe("2026-03-01T08:00:00Z", kItem2,
                          "\"eventID\": \"urn:uuid:e2\", \"errorDeclaration\": "
                          "{\"declarationTime\": \"2026-03-06T10:00:00Z\"}");
  auto ids = Capture({original, declaration, bare});
  ASSERT_EQ(ids.size(), 3u);
  EventQuery q;
  q.error_declaration = true;
  EXPECT_EQ(Ids(q), (std::vector<int64_t>{ids[1].id, ids[2].id}));
  q = {};
  q.ge_error_declaration_time = 1772704800000;  // 2026-03-05T10:00:00Z, the first exactly
  q.lt_error_declaration_time = 1772791200000;  // 2026-03-06T10:00:00Z, the second: excluded
  EXPECT_EQ(Ids(q), std::vector<int64_t>{ids[1].id});
  q = {};
  q.error_reasons = {"https://ref.gs1.org/cbv/ER-incorrect_data"};
  EXPECT_EQ(Ids(q), std::vector<int64_t>{ids[1].id});
  q.error_reasons = {"https://ref.gs1.org/cbv/ER-did_not_occur"};
  EXPECT_TRUE(Ids(q).empty());
  q = {};
  q.corrective_event_ids = {"urn:uuid:c9", "urn:uuid:c2"};
  EXPECT_EQ(Ids(q), std::vector<int64_t>{ids[1].id});
  q.corrective_event_ids = {"urn:uuid:e1"};
  EXPECT_TRUE(Ids(q).empty());
  q = {};
  FieldMatch ticket;
  ticket.scope = FieldMatch::Scope::kErrorDeclaration;
  ticket.name = "https://ns.example.com/epcis/ticket";
  ticket.op = Comparison::kEq;
  ticket.values = {TypedFieldValue("T-9")};
  q.field_matches = {ticket};
  EXPECT_EQ(Ids(q), std::vector<int64_t>{ids[1].id});
  ticket.scope = FieldMatch::Scope::kEvent;  // not a member of the event itself
  q.field_matches = {ticket};
  EXPECT_TRUE(Ids(q).empty());
}

FieldMatch Field(const std::string& local, std::optional<Comparison> op,
                 const std::vector<std::string>& values = {}) {
  FieldMatch m;
  m.name = "https://ns.example.com/epcis/" + local;
  m.op = op;
  for (const std::string& v : values) m.values.push_back(TypedFieldValue(v));
  return m;
}

TEST_P(EventsTest, ExtensionFieldsCompareAsNumbersTimesOrText) {
  const std::string ns = "\"https://ns.example.com/epcis/";
  auto ids = Capture({
      Event("\"type\": \"ObjectEvent\", \"eventTime\": \"2026-03-01T08:00:00Z\", "
            "\"eventTimeZoneOffset\": \"+00:00\", \"action\": \"ADD\", \"epcList\": [" +
            kItem1 + "], " + ns + "temperature\": 21.5, " + ns +
            "harvest\": \"2026-02-27T06:00:00+07:00\", " + ns + "grade\": \"A\", " + ns +
            "farm\": {" + ns + "plot\": \"P7\", " + ns + "area\": 3}, \"ilmd\": {" + ns +
            "lotCode\": \"L1\", \"lotNumber\": \"N1\"}"),
      Observe(
          "2026-03-02T08:00:00Z", kItem2,
          ns + "temperature\": \"8\", " + ns + "grade\": \"B\", " + ns + "tags\": [\"x\", \"y\"]"),
  });
  ASSERT_EQ(ids.size(), 2u);
  const std::vector<int64_t> first{ids[0].id}, second{ids[1].id}, both{ids[0].id, ids[1].id};
  auto ids_of = [&](std::vector<FieldMatch> matches) {
    EventQuery q;
    q.field_matches = std::move(matches);
    return Ids(q);
  };
  EXPECT_EQ(ids_of({Field("temperature", Comparison::kEq, {"21.50"})}), first);
  // "8" was captured as text (as XML gives every value): equal as text and
  // as a number.
  EXPECT_EQ(ids_of({Field("temperature", Comparison::kEq, {"8", "99"})}), second);
  EXPECT_EQ(ids_of({Field("temperature", Comparison::kEq, {"8.0"})}), second);
  EXPECT_EQ(ids_of({Field("temperature", Comparison::kGt, {"10"})}), first);
  EXPECT_EQ(ids_of({Field("temperature", Comparison::kLt, {"10"})}), second);
  EXPECT_EQ(ids_of({Field("temperature", Comparison::kGe, {"8"}),
                    Field("temperature", Comparison::kLe, {"21.5"})}),
            both);
  // Times compare as instants, whatever the zone.
  EXPECT_EQ(ids_of({Field("harvest", Comparison::kGe, {"2026-02-26T23:00:00Z"})}), first);
  EXPECT_EQ(ids_of({Field("harvest", Comparison::kGt, {"2026-02-26T23:00:00Z"})}),
            std::vector<int64_t>{});
  EXPECT_EQ(ids_of({Field("harvest", Comparison::kLt, {"2026-02-27T07:00:00+07:00"})}), first);
  // Other text compares in byte order ("a" sorts after "B").
  EXPECT_EQ(ids_of({Field("grade", Comparison::kGt, {"A"})}), second);
  EXPECT_EQ(ids_of({Field("grade", Comparison::kLt, {"a"})}), both);
  EXPECT_EQ(ids_of({Field("grade", Comparison::kEq, {"a"})}), std::vector<int64_t>{});
  // EXISTS_, INNER_ and arrays.
  EXPECT_EQ(ids_of({Field("farm", std::nullopt)}), first);
  EXPECT_EQ(ids_of({Field("tags", std::nullopt)}), second);
  EXPECT_EQ(ids_of({Field("tags", Comparison::kEq, {"y"})}), second);
  EXPECT_EQ(ids_of({Field("plot", std::nullopt)}), std::vector<int64_t>{});
  FieldMatch area = Field("area", Comparison::kEq, {"3"});
  area.nested = true;
  EXPECT_EQ(ids_of({area}), first);
  // ILMD_: namespaced and plain members.
  FieldMatch lot = Field("lotCode", Comparison::kEq, {"L1"});
  EXPECT_EQ(ids_of({lot}), std::vector<int64_t>{});
  lot.scope = FieldMatch::Scope::kIlmd;
  EXPECT_EQ(ids_of({lot}), first);
  lot.name = "lotNumber";
  lot.values = {TypedFieldValue("N1")};
  EXPECT_EQ(ids_of({lot}), first);
  // A comparison without a value matches nothing.
  EXPECT_EQ(ids_of({Field("temperature", Comparison::kGt)}), std::vector<int64_t>{});
  // The first condition holds for both, the second for one: AND.
  EXPECT_EQ(ids_of({Field("grade", std::nullopt), Field("farm", std::nullopt)}), first);
}

TEST_P(EventsTest, OrdersByAnExtensionFieldAcrossPages) {
  const std::string t = "\"https://ns.example.com/epcis/temperature\": ";
  auto ids = Capture({
      Observe("2026-03-01T08:00:00Z", kItem1, t + "21.5"),
      Observe("2026-03-02T08:00:00Z", kItem1, t + "\"8\""),
      Observe("2026-03-03T08:00:00Z", kItem1),
      Observe("2026-03-04T08:00:00Z", kItem1, t + "30"),
      Observe("2026-03-05T08:00:00Z", kItem1, t + "\"warm\""),
      Observe("2026-03-06T08:00:00Z", kItem1, t + "[\"cold\", \"Warm\"]"),
      Observe("2026-03-07T08:00:00Z", kItem1, t + "8"),
  });
  ASSERT_EQ(ids.size(), 7u);
  // Numbers, then text in byte order ("Warm" < "cold" < "warm"), then the
  // event without the field; equal keys by capture order.
  const std::vector<int> ascending = {1, 6, 0, 3, 5, 4, 2};
  for (bool descending : {false, true}) {
    SCOPED_TRACE(descending ? "DESC" : "ASC");
    EventQuery q;
    q.order = EventOrder::kField;
    q.order_field = "https://ns.example.com/epcis/temperature";
    q.descending = descending;
    q.limit = 2;
    std::vector<int64_t> seen;
    for (int pages = 0; pages < 10; ++pages) {
      auto page = store_->QueryEvents(q);
      ASSERT_TRUE(IsOk(page));
      for (const StoredEvent& e : page->events) seen.push_back(e.id);
      if (!page->next) break;
      ASSERT_TRUE(page->next->field);
      q.after = page->next;
    }
    std::vector<int64_t> expected;
    for (int i : ascending) expected.push_back(ids[i].id);
    if (descending) std::reverse(expected.begin(), expected.end());
    EXPECT_EQ(seen, expected);
  }
}

TXNG_INSTANTIATE_BACKENDS(EventsTest);

}  // namespace
}  // namespace txng
