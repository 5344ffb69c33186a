// The trace scenarios (trace/scenario_testing.h, hand-checked against the
// in-memory source in trace_test.cc) captured into each database: the
// store must give the same answers from every identifier in every
// direction.
#include <gtest/gtest.h>

#include <set>
#include <string>

#include "store/lineage_source.h"
#include "store/store_test_fixture.h"
#include "trace/scenario_testing.h"
#include "trace/trace.h"

namespace txng {
namespace {

using namespace trace::scenario;  // NOLINT(build/namespaces): the scenario builders

// Nodes and edges as sorted text: the order found may differ (the store
// answers an event's identifiers in value order), the graph may not.
std::set<std::string> Shape(const trace::Graph& g) {
  std::set<std::string> out;
  for (const trace::Node& n : g.nodes) {
    out.insert("node " + std::string(trace::ToString(n.reach)) + " " + n.id + " depth " +
               std::to_string(n.depth) + (n.origin_event ? " origin" : "") +
               (n.withheld ? " withheld" : "") + (n.depth_limited ? " limited" : ""));
  }
  for (const trace::Edge& e : g.edges) {
    out.insert("edge " + g.nodes[e.from].id + " " + std::string(trace::ToString(e.relation)) + " " +
               g.nodes[e.to].id + " at " + std::to_string(g.events[e.event].event_time) +
               (e.quantity ? " q " + std::to_string(*e.quantity) + e.uom : ""));
  }
  for (const trace::Finding& f : g.findings) {
    out.insert("finding " + std::string(trace::ToString(f.kind)) + " " + g.nodes[f.nodes.at(0)].id);
  }
  return out;
}

class LineageScenarioTest : public StoreTest {
 protected:
  void SetUp() override {
    StoreTest::SetUp();
    if (IsSkipped() || HasFatalFailure()) return;
    org_ = MakeOrganisations({"HTX Điều Bù Đăng"}).at(0);
  }

  // Captures the chain (one document, approved) and checks every
  // identifier it names in every direction and at two depths.
  void Check(const Chain& chain) {
    std::vector<NewEvent> events;
    std::set<std::string> ids;
    for (const trace::LineageEvent& e : chain.events_) {
      NewEvent n;
      n.event = trace::scenario::ToEpcisEvent(e);
      n.hash_id = "ni:///sha-256;scenario-" + std::to_string(e.row);
      events.push_back(std::move(n));
      for (const trace::NamedObject& o : e.objects) ids.insert(o.id);
    }
    CaptureContext ctx;
    ctx.org_id = org_;
    ctx.review_status = ReviewStatus::kApproved;
    ASSERT_TRUE(IsOk(store_->CaptureEvents(events, ctx, Admin())));
    trace::MemorySource memory = chain.Source();
    StoreLineageSource stored(*store_);
    int compared = 0;
    for (const std::string& id : ids) {
      for (trace::Direction d :
           {trace::Direction::kBackward, trace::Direction::kForward, trace::Direction::kBoth}) {
        for (int depth : {1, 32}) {
          trace::TraceRequest r;
          r.root = id;
          r.direction = d;
          r.max_depth = depth;
          auto want = trace::Trace(memory, r);
          auto got = trace::Trace(stored, r);
          ASSERT_TRUE(IsOk(want)) << id;
          ASSERT_TRUE(IsOk(got)) << id;
          EXPECT_EQ(Shape(*got), Shape(*want)) << id << " " << trace::ToString(d) << " " << depth;
          ++compared;
        }
      }
    }
    EXPECT_EQ(compared, static_cast<int>(ids.size()) * 6);
  }

  int64_t org_ = 0;
};

TEST_P(LineageScenarioTest, CashewChain) { Check(CashewScenario()); }
TEST_P(LineageScenarioTest, PalletRepack) { Check(PalletRepackScenario()); }
TEST_P(LineageScenarioTest, SplitAndMerge) { Check(SplitMergeScenario()); }
TEST_P(LineageScenarioTest, InstanceAndClassLevelMixed) { Check(MixedScenario()); }

TXNG_INSTANTIATE_BACKENDS(LineageScenarioTest);

}  // namespace
}  // namespace txng
