// ImpactBuilder over hand-made trace pages: the bounds that HTTP tests
// cannot reach cheaply (a cut trace, an item count over the bound, an
// identifier named by more events than read) and paging.
#include "service/recall_impact.h"

#include <gtest/gtest.h>

#include <string>

namespace txng {
namespace {

using trace::Node;
using trace::NodeKind;
using trace::Reach;
using trace::Relation;

std::string Lot(int k) { return "https://id.gs1.org/01/08930001000018/10/L" + std::to_string(k); }

Node MakeNode(const std::string& id, Reach reach, int depth) {
  Node n;
  n.id = id;
  n.kind = NodeKind::kLot;
  n.reach = reach;
  n.depth = depth;
  return n;
}

// The root transformed, in one event at `time`, into `outputs` lots.
TraceAnswer Fan(int outputs, UnixMillis time = 1000) {
  TraceAnswer a;
  trace::Graph& g = a.graph;
  g.nodes.push_back(MakeNode(Lot(0), Reach::kRoot, 0));
  trace::LineageEvent e;
  e.row = 1;
  e.event_id = "e1";
  e.type = epcis::EventType::kTransformation;
  e.event_time = time;
  e.org_id = 7;
  g.events.push_back(e);
  for (int k = 1; k <= outputs; ++k) {
    g.nodes.push_back(MakeNode(Lot(k), Reach::kDownstream, 1));
    trace::Edge edge;
    edge.from = 0;
    edge.to = g.nodes.size() - 1;
    edge.relation = Relation::kTransformedInto;
    edge.event = 0;
    g.edges.push_back(edge);
  }
  return a;
}

TEST(ImpactBuilderTest, AWholeTraceIsNotCut) {
  ImpactBuilder b({});
  b.AddPage(Fan(3));
  ImpactSet set = b.Finish();
  ASSERT_EQ(set.items.size(), 4u);
  EXPECT_FALSE(set.truncated);
  EXPECT_EQ(set.items[0].reach, "root");
  EXPECT_EQ(set.items[3].identifier, Lot(3));
  EXPECT_EQ(set.items[3].reach, "downstream");
  // No catalogue owner, no commissioning: the earliest event's organisation.
  EXPECT_EQ(set.org_id, 7);
}

TEST(ImpactBuilderTest, MoreNodesThanReadCutTheSet) {
  TraceAnswer page = Fan(3);
  page.graph.next_offset = 4;
  ImpactBuilder b({});
  b.AddPage(page);
  EXPECT_TRUE(b.Finish().truncated);
}

TEST(ImpactBuilderTest, PagesAddUpAndOnlyTheLastOneSaysWhetherMoreFollow) {
  TraceAnswer first = Fan(2), second = Fan(4);
  first.graph.next_offset = 3;
  second.graph.page_start = 3;
  ImpactBuilder b({});
  b.AddPage(first);
  b.AddPage(second);
  ImpactSet set = b.Finish();
  EXPECT_FALSE(set.truncated);
  ASSERT_EQ(set.items.size(), 5u);
  EXPECT_EQ(set.items[4].identifier, Lot(4));
}

TEST(ImpactBuilderTest, AtMostTheItemBoundIsKept) {
  ImpactBuilder b({});
  b.AddPage(Fan(kMaxRecallItems + 5));
  ImpactSet set = b.Finish();
  EXPECT_EQ(set.items.size(), static_cast<size_t>(kMaxRecallItems));
  EXPECT_TRUE(set.truncated);
}

TEST(ImpactBuilderTest, AnIdentifierWithUnreadEventsCutsTheSet) {
  TraceAnswer page = Fan(2);
  page.graph.nodes[2].truncated = true;
  ImpactBuilder b({});
  b.AddPage(page);
  EXPECT_TRUE(b.Finish().truncated);
}

TEST(ImpactBuilderTest, ThePeriodIsHalfOpenAtItsEnd) {
  for (UnixMillis time : {UnixMillis{999}, UnixMillis{2000}}) {
    ImpactBuilder b({.from = 1000, .to = 2000});
    b.AddPage(Fan(2, time));
    EXPECT_EQ(b.Finish().items.size(), 1u) << time;
  }
  for (UnixMillis time : {UnixMillis{1000}, UnixMillis{1999}}) {
    ImpactBuilder b({.from = 1000, .to = 2000});
    b.AddPage(Fan(2, time));
    EXPECT_EQ(b.Finish().items.size(), 3u) << time;
  }
}

}  // namespace
}  // namespace txng
