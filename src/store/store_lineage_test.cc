#include <gtest/gtest.h>

#include <algorithm>
#include <ostream>
#include <string>
#include <vector>

#include "epcis/event_hash.h"
#include "epcis/json_decode.h"
#include "store/event_testing.h"
#include "store/lineage_source.h"
#include "store/store_test_fixture.h"
#include "trace/memory_source.h"
#include "trace/trace.h"

namespace txng::trace {
// Readable failures.
void PrintTo(const LineageEvent& e, std::ostream* os) {
  *os << "{row " << e.row << " " << e.event_id << " type " << static_cast<int>(e.type) << " action "
      << static_cast<int>(e.action) << " t " << e.event_time << " step " << e.biz_step << " disp "
      << e.disposition << " rp " << e.read_point << " bl " << e.biz_location << " org " << e.org_id;
  for (const NamedObject& o : e.objects) {
    *os << " [" << static_cast<int>(o.role) << (o.class_level ? " class " : " ") << o.id << " "
        << (o.quantity ? std::to_string(*o.quantity) : "-") << " " << o.uom << "]";
  }
  for (const auto& l : e.sources) *os << " src " << l.type << " " << l.id;
  for (const auto& l : e.destinations) *os << " dst " << l.type << " " << l.id;
  for (const auto& l : e.biz_transactions) *os << " bt " << l.type << " " << l.id;
  *os << "}";
}
}  // namespace txng::trace

namespace txng {
namespace {

const std::string kRaw = "https://id.gs1.org/01/08930000000019/10/RAW-1";
const std::string kKernel = "https://id.gs1.org/01/08930000000033/10/W320-1";
const std::string kSscc = "https://id.gs1.org/00/089300000000000019";
const std::string kFarm = "https://id.gs1.org/414/8930000000019";
const std::string kWrong = "https://id.gs1.org/01/08930000000033/10/WRONG-1";

NewEvent Event(const std::string& members) {
  return DecodeTestEvent("\"eventTimeZoneOffset\": \"+07:00\", " + members);
}

// Objects and links in one order, whatever order a source answered them in.
trace::LineageEvent Sorted(trace::LineageEvent e) {
  auto key = [](const trace::NamedObject& o) {
    return std::tuple(static_cast<int>(o.role), o.class_level, o.id);
  };
  std::sort(e.objects.begin(), e.objects.end(),
            [&](const auto& a, const auto& b) { return key(a) < key(b); });
  auto by_value = [](const epcis::TypedId& a, const epcis::TypedId& b) {
    return std::tie(a.type, a.id) < std::tie(b.type, b.id);
  };
  std::sort(e.sources.begin(), e.sources.end(), by_value);
  std::sort(e.destinations.begin(), e.destinations.end(), by_value);
  std::sort(e.biz_transactions.begin(), e.biz_transactions.end(), by_value);
  return e;
}

// Farm A commissions and ships a raw lot; processor B transforms it (not
// yet reviewed) and packs the kernel onto a pallet; B also records an event
// that it then declares erroneous.
class LineageSourceTest : public StoreTest {
 protected:
  void SetUp() override {
    StoreTest::SetUp();
    if (IsSkipped() || HasFatalFailure()) return;
    orgs_ = MakeOrganisations({"HTX Điều A", "Chế biến B"});
    ASSERT_FALSE(HasFailure());
    Capture(
        0, ReviewStatus::kApproved,
        {Event("\"type\": \"ObjectEvent\", \"eventTime\": \"2026-03-01T08:00:00+07:00\", "
               "\"action\": \"ADD\", \"bizStep\": \"commissioning\", \"quantityList\": "
               "[{\"epcClass\": \"" +
               kRaw + "\", \"quantity\": 1000, \"uom\": \"KGM\"}], \"bizLocation\": {\"id\": \"" +
               kFarm + "\"}"),
         Event("\"type\": \"ObjectEvent\", \"eventTime\": \"2026-03-02T08:00:00+07:00\", "
               "\"action\": \"OBSERVE\", \"bizStep\": \"shipping\", \"quantityList\": "
               "[{\"epcClass\": \"" +
               kRaw +
               "\", \"quantity\": 1000, \"uom\": \"KGM\"}], \"sourceList\": [{\"type\": "
               "\"owning_party\", \"source\": \"https://id.gs1.org/417/8930000000019\"}], "
               "\"destinationList\": [{\"type\": \"owning_party\", \"destination\": "
               "\"https://id.gs1.org/417/8930000000026\"}], \"bizTransactionList\": "
               "[{\"type\": \"po\", \"bizTransaction\": "
               "\"urn:epcglobal:cbv:bt:8930000000026:PO-7\"}]")});
    Capture(1, ReviewStatus::kPending,
            {Event("\"type\": \"TransformationEvent\", \"eventTime\": "
                   "\"2026-03-05T08:00:00+07:00\", \"bizStep\": \"creating_class_instance\", "
                   "\"inputQuantityList\": [{\"epcClass\": \"" +
                   kRaw +
                   "\", \"quantity\": 1000, \"uom\": \"KGM\"}], \"outputQuantityList\": "
                   "[{\"epcClass\": \"" +
                   kKernel + "\", \"quantity\": 400, \"uom\": \"KGM\"}]")});
    Capture(1, ReviewStatus::kApproved,
            {Event("\"type\": \"AggregationEvent\", \"eventTime\": \"2026-03-06T08:00:00+07:00\", "
                   "\"action\": \"ADD\", \"bizStep\": \"packing\", \"parentID\": \"" +
                   kSscc + "\", \"childQuantityList\": [{\"epcClass\": \"" + kKernel +
                   "\", \"quantity\": 400, \"uom\": \"KGM\"}]"),
             Event("\"type\": \"ObjectEvent\", \"eventID\": \"urn:uuid:6f6b4c1e-0b5e-4b55-9d7e-"
                   "1c2b3d4e5f60\", \"eventTime\": \"2026-03-06T09:00:00+07:00\", \"action\": "
                   "\"OBSERVE\", \"quantityList\": [{\"epcClass\": \"" +
                   kKernel + "\", \"quantity\": 5}, {\"epcClass\": \"" + kWrong +
                   "\", \"quantity\": 5}]")});
    Capture(1, ReviewStatus::kApproved,
            {Event("\"type\": \"ObjectEvent\", \"eventID\": \"urn:uuid:6f6b4c1e-0b5e-4b55-9d7e-"
                   "1c2b3d4e5f60\", \"eventTime\": \"2026-03-06T09:00:00+07:00\", \"action\": "
                   "\"OBSERVE\", \"quantityList\": [{\"epcClass\": \"" +
                   kKernel + "\", \"quantity\": 5}, {\"epcClass\": \"" + kWrong +
                   "\", \"quantity\": 5}], \"errorDeclaration\": {\"declarationTime\": "
                   "\"2026-03-07T08:00:00+07:00\", \"reason\": \"incorrect_data\"}")});
  }

  void Capture(int org, ReviewStatus status, const std::vector<NewEvent>& events) {
    CaptureContext ctx;
    ctx.org_id = orgs_.at(org);
    ctx.review_status = status;
    auto captured = store_->CaptureEvents(events, ctx, Admin());
    ASSERT_TRUE(IsOk(captured));
    for (const CapturedEvent& c : *captured) rows_.push_back(c.id);
  }

  // The same events, read back whole and held in memory: the reference.
  trace::MemorySource Reference() {
    trace::MemorySource m;
    for (int64_t row : rows_) {
      auto stored = store_->GetEvent(row);
      EXPECT_TRUE(IsOk(stored));
      if (!stored.ok()) continue;
      auto e = trace::ToLineageEvent(stored->event, stored->id, stored->org_id, stored->hash_id);
      EXPECT_TRUE(IsOk(e));
      if (!e.ok()) continue;
      const bool in_error =
          stored->declared_in_error_at.has_value() || stored->event.error_declaration.has_value();
      m.Add(*e, stored->review_status == ReviewStatus::kApproved, in_error);
    }
    return m;
  }

  static std::vector<trace::LineageEvent> SortedEvents(const trace::NamingAnswer& a) {
    std::vector<trace::LineageEvent> out;
    for (const auto& e : a.events) out.push_back(Sorted(e));
    return out;
  }

  std::vector<int64_t> orgs_;
  std::vector<int64_t> rows_;
};

TEST_P(LineageSourceTest, AnswersWhatTheWholeEventsSayForEveryViewer) {
  StoreLineageSource source(*store_);
  trace::MemorySource reference = Reference();
  const std::vector<trace::Visibility> viewers = {
      {}, {orgs_[0], false}, {orgs_[1], false}, {std::nullopt, true}};
  for (const trace::Visibility& v : viewers) {
    trace::SourceQuery q;
    q.ids = {kRaw, kKernel, kSscc, kWrong, "https://id.gs1.org/01/08930000000040/10/NONE"};
    q.visibility = v;
    auto got = source.EventsNaming(q);
    auto want = reference.EventsNaming(q);
    ASSERT_TRUE(IsOk(got));
    ASSERT_TRUE(IsOk(want));
    EXPECT_EQ(SortedEvents(*got), SortedEvents(*want));
    EXPECT_EQ(got->withheld, want->withheld);
    EXPECT_EQ(got->truncated, want->truncated);
  }
  // Spot checks of the reference itself.
  trace::SourceQuery q;
  q.ids = {kRaw};
  q.visibility = {orgs_[0], false};
  auto a = source.EventsNaming(q);
  ASSERT_TRUE(IsOk(a));
  ASSERT_EQ(a->events.size(), 2u);
  EXPECT_EQ(a->events[1].biz_step, "https://ref.gs1.org/cbv/BizStep-shipping");
  ASSERT_EQ(a->events[1].biz_transactions.size(), 1u);
  EXPECT_EQ(a->events[1].destinations.at(0).id, "https://id.gs1.org/417/8930000000026");
  EXPECT_EQ(a->withheld, std::vector<std::string>{kRaw});  // B's transformation
}

TEST_P(LineageSourceTest, DeclaredInErrorAsOfAndPerIdentifierBound) {
  StoreLineageSource source(*store_);
  trace::SourceQuery q;
  q.ids = {kWrong};
  auto wrong = source.EventsNaming(q);
  ASSERT_TRUE(IsOk(wrong));
  EXPECT_TRUE(wrong->events.empty());  // only named by the erroneous event
  q.ids = {kRaw};
  q.max_events_per_id = 2;
  auto bounded = source.EventsNaming(q);
  ASSERT_TRUE(IsOk(bounded));
  EXPECT_EQ(bounded->events.size(), 2u);
  EXPECT_EQ(bounded->truncated, std::vector<std::string>{kRaw});
  q.max_events_per_id = 3;
  q.as_of = 1772672400000;  // 2026-03-05T08:00:00+07:00, the transformation itself
  auto as_of = source.EventsNaming(q);
  ASSERT_TRUE(IsOk(as_of));
  EXPECT_EQ(as_of->events.size(), 3u);
  EXPECT_TRUE(as_of->truncated.empty());
  q.as_of = 1772672400000 - 1;
  as_of = source.EventsNaming(q);
  ASSERT_TRUE(IsOk(as_of));
  EXPECT_EQ(as_of->events.size(), 2u);
}

TEST_P(LineageSourceTest, ManyIdentifiersAreAskedInChunks) {
  StoreLineageSource source(*store_);
  trace::MemorySource reference = Reference();
  trace::SourceQuery q;
  for (int i = 0; i < 1300; ++i) q.ids.push_back(kRaw + "-" + std::to_string(i));
  q.ids.push_back(kSscc);
  q.ids.push_back(kRaw);
  auto got = source.EventsNaming(q);
  auto want = reference.EventsNaming(q);
  ASSERT_TRUE(IsOk(got));
  ASSERT_TRUE(IsOk(want));
  EXPECT_EQ(SortedEvents(*got), SortedEvents(*want));
  EXPECT_EQ(got->events.size(), 4u);
}

TEST_P(LineageSourceTest, TraceOverTheStoreStopsAtUnpublishedDataOfOthers) {
  StoreLineageSource source(*store_);
  trace::TraceRequest r;
  r.root = kKernel;
  r.direction = trace::Direction::kBackward;
  r.visibility = {orgs_[0], false};
  auto farm_view = trace::Trace(source, r);
  ASSERT_TRUE(IsOk(farm_view));
  EXPECT_TRUE(farm_view->nodes[0].withheld);
  EXPECT_EQ(farm_view->edges.size(), 1u);  // packed onto the pallet, nothing upstream
  r.visibility = {orgs_[1], false};
  auto processor_view = trace::Trace(source, r);
  ASSERT_TRUE(IsOk(processor_view));
  EXPECT_FALSE(processor_view->nodes[0].withheld);
  ASSERT_GE(processor_view->nodes.size(), 2u);
  EXPECT_EQ(processor_view->nodes[1].id, kRaw);
  EXPECT_EQ(processor_view->nodes[1].reach, trace::Reach::kUpstream);
  ASSERT_TRUE(processor_view->nodes[1].origin_event);
  EXPECT_EQ(processor_view->events[*processor_view->nodes[1].origin_event].row, rows_[0]);
}

TXNG_INSTANTIATE_BACKENDS(LineageSourceTest);

}  // namespace
}  // namespace txng
