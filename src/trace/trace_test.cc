#include "trace/trace.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <map>
#include <set>

#include "trace/memory_source.h"
#include "trace/scenario_testing.h"

namespace txng::trace {
namespace {

using namespace scenario;  // NOLINT(build/namespaces): the scenario builders

// The nodes of a graph as "reach id" lines, sorted, for comparisons that
// do not depend on the order found.
std::set<std::string> Nodes(const Graph& g) {
  std::set<std::string> out;
  for (const Node& n : g.nodes) out.insert(std::string(ToString(n.reach)) + " " + n.id);
  return out;
}

// The edges as "from relation to", sorted.
std::set<std::string> Edges(const Graph& g, std::optional<Relation> only = std::nullopt) {
  std::set<std::string> out;
  for (const Edge& e : g.edges) {
    if (only && e.relation != *only) continue;
    out.insert(g.nodes[e.from].id + " " + std::string(ToString(e.relation)) + " " +
               g.nodes[e.to].id);
  }
  return out;
}

const Node& NodeOf(const Graph& g, const std::string& id) {
  auto it = std::find_if(g.nodes.begin(), g.nodes.end(), [&](const Node& n) { return n.id == id; });
  EXPECT_NE(it, g.nodes.end()) << id;
  return *it;
}

Graph MustTrace(LineageSource& s, const std::string& root, Direction d, int depth = 32) {
  TraceRequest r;
  r.root = root;
  r.direction = d;
  r.max_depth = depth;
  Result<Graph> g = Trace(s, r);
  EXPECT_TRUE(g.ok()) << g.status().ToString();
  return g.ok() ? *std::move(g) : Graph{};
}

// Farms → collector → processor transformation → packer aggregation →
// exporter shipping → importer receiving.
class CashewChain : public ::testing::Test {
 protected:
  Chain c = CashewScenario();
  const std::string raw1 = cashew::kRaw1, raw2 = cashew::kRaw2, kernel = cashew::kKernelLot;
  const std::string farm_a = cashew::kFarmA, farm_b = cashew::kFarmB, factory = cashew::kFactory;
  const std::string collector = cashew::kCollector, exporter = cashew::kExporter,
                    importer = cashew::kImporter;
};

TEST_F(CashewChain, BackwardFromTheKernelLotReachesBothFarmsAndItsPallet) {
  MemorySource s = c.Source();
  Graph g = MustTrace(s, kernel, Direction::kBackward);
  EXPECT_EQ(g.nodes[0].id, kernel);
  EXPECT_EQ(Nodes(g), (std::set<std::string>{
                          "root " + kernel,
                          "upstream " + raw1,
                          "upstream " + raw2,
                          "carrier " + Sscc("0017"),
                          "context " + factory,
                          "context " + farm_a,
                          "context " + farm_b,
                          "context " + Place("8930000000200"),
                          "context " + Party("8930000000101"),
                          "context " + Party("8930000000102"),
                          "context " + collector,
                          "context " + Place("8930000000400"),
                          "context " + Place("8930000000500"),
                          "context " + exporter,
                          "context " + importer,
                      }));
  EXPECT_EQ(Edges(g, Relation::kTransformedInto),
            (std::set<std::string>{raw1 + " transformedInto " + kernel,
                                   raw2 + " transformedInto " + kernel}));
  EXPECT_EQ(Edges(g, Relation::kCommissionedAt),
            (std::set<std::string>{raw1 + " commissionedAt " + farm_a,
                                   raw2 + " commissionedAt " + farm_b}));
  EXPECT_EQ(Edges(g, Relation::kPackedInto),
            (std::set<std::string>{kernel + " packedInto " + Sscc("0017")}));
  // Quantities travel with the edges: the input's for a transformation.
  for (const Edge& e : g.edges) {
    if (e.relation != Relation::kTransformedInto) continue;
    EXPECT_EQ(e.quantity, g.nodes[e.from].id == raw1 ? 1000 : 600);
    EXPECT_EQ(e.uom, "KGM");
    EXPECT_EQ(g.events[e.event].row, 6);
  }
  ASSERT_TRUE(NodeOf(g, raw1).origin_event);
  EXPECT_EQ(g.events[*NodeOf(g, raw1).origin_event].row, 1);
  EXPECT_TRUE(g.findings.empty());
  EXPECT_FALSE(g.next_offset);
}

TEST_F(CashewChain, ForwardFromOneFarmLotNeverReachesTheOtherFarm) {
  MemorySource s = c.Source();
  Graph g = MustTrace(s, raw1, Direction::kForward);
  const std::set<std::string> nodes = Nodes(g);
  EXPECT_TRUE(nodes.contains("downstream " + kernel));
  EXPECT_TRUE(nodes.contains("carrier " + Sscc("0017")));
  EXPECT_TRUE(nodes.contains("context " + importer));
  EXPECT_FALSE(nodes.contains("upstream " + raw2));
  EXPECT_FALSE(nodes.contains("context " + farm_b));
  EXPECT_EQ(Edges(g, Relation::kTo),
            (std::set<std::string>{raw1 + " to " + collector, Sscc("0017") + " to " + importer}));
}

TEST_F(CashewChain, BothDirectionsFromTheRawLotAndOneLevelPerSourceCall) {
  MemorySource s = c.Source();
  Graph g = MustTrace(s, kernel, Direction::kBoth);
  EXPECT_TRUE(Nodes(g).contains("upstream " + raw1));
  EXPECT_TRUE(Nodes(g).contains("carrier " + Sscc("0017")));
  // The root, then its inputs and its pallet together: two reads.
  EXPECT_EQ(s.calls(), 2);
}

TEST_F(CashewChain, DepthLimitStopsAndMarksTheNodeWhereItStopped) {
  MemorySource s = c.Source();
  Graph g = MustTrace(s, kernel, Direction::kBackward, 0);
  EXPECT_EQ(Edges(g, Relation::kTransformedInto), std::set<std::string>{});
  EXPECT_TRUE(g.nodes[0].depth_limited);
  EXPECT_FALSE(Nodes(g).contains("upstream " + raw1));
}

TEST_F(CashewChain, AsOfLeavesOutLaterEvents) {
  MemorySource s = c.Source();
  TraceRequest r;
  r.root = raw1;
  r.direction = Direction::kForward;
  r.as_of = c.events_[4].event_time;  // before the transformation
  Result<Graph> g = Trace(s, r);
  ASSERT_TRUE(g.ok());
  EXPECT_FALSE(Nodes(*g).contains("downstream " + kernel));
  EXPECT_TRUE(Nodes(*g).contains("context " + collector));
}

TEST_F(CashewChain, EventDeclaredInErrorIsLeftOut) {
  MemorySource s = c.Source({}, {6});  // the transformation
  Graph g = MustTrace(s, kernel, Direction::kBackward);
  EXPECT_FALSE(Nodes(g).contains("upstream " + raw1));
  // Nothing upstream and no commissioning of its own: a broken link.
  ASSERT_EQ(g.findings.size(), 1u);
  EXPECT_EQ(g.findings[0].kind, Finding::Kind::kNoOrigin);
  EXPECT_EQ(g.nodes[g.findings[0].nodes[0]].id, kernel);
}

TEST_F(CashewChain, UnpublishedDataOfOthersStopsTheTraceAndSaysSo) {
  for (LineageEvent& e : c.events_) {
    if (e.row <= 2) e.org_id = 2;  // the farms' commissioning, not approved
  }
  MemorySource s = c.Source({1, 2});
  TraceRequest r;
  r.root = kernel;
  r.direction = Direction::kBackward;
  r.visibility.visible_to_org = 1;
  Result<Graph> g = Trace(s, r);
  ASSERT_TRUE(g.ok());
  EXPECT_TRUE(NodeOf(*g, raw1).withheld);
  EXPECT_FALSE(NodeOf(*g, raw1).origin_event);
  EXPECT_FALSE(Edges(*g, Relation::kCommissionedAt).contains(raw1 + " commissionedAt " + farm_a));
  // Withheld nodes are not reported as broken links: the caller cannot know.
  EXPECT_TRUE(g->findings.empty());
  // The farms' organisation sees its own events.
  r.visibility.visible_to_org = 2;
  g = Trace(s, r);
  ASSERT_TRUE(g.ok());
  EXPECT_FALSE(NodeOf(*g, raw1).withheld);
  // Anonymous callers: approved only, the root's events are.
  r.visibility = {std::nullopt, true};
  g = Trace(s, r);
  ASSERT_TRUE(g.ok());
  EXPECT_TRUE(NodeOf(*g, raw1).withheld);
}

TEST_F(CashewChain, UnknownOrInvisibleRootIsNotFound) {
  MemorySource s = c.Source({1, 2, 3, 4, 5, 6, 7, 8, 9});
  TraceRequest r;
  r.root = Lot(kRawCashew, "NO-SUCH-LOT");
  Result<Graph> g = Trace(s, r);
  ASSERT_FALSE(g.ok());
  EXPECT_EQ(g.status().code(), StatusCode::kNotFound);
  EXPECT_EQ(g.status().message(), "no event you can see names " + r.root);
  r.root = kernel;
  r.visibility.approved_only = true;
  g = Trace(s, r);
  ASSERT_FALSE(g.ok());
  EXPECT_EQ(g.status().code(), StatusCode::kNotFound);
}

TEST(TraceRequestTest, LimitsAreChecked) {
  MemorySource s;
  struct Case {
    TraceRequest r;
    std::string field, message;
  };
  std::vector<Case> cases;
  TraceRequest base;
  base.root = Lot(kKernel, "L");
  cases.push_back({base, "id", "an identifier to trace is required"});
  cases.back().r.root.clear();
  cases.push_back({base, "depth", "depth must be 0..64"});
  cases.back().r.max_depth = 65;
  cases.push_back({base, "depth", "depth must be 0..64"});
  cases.back().r.max_depth = -1;
  cases.push_back({base, "limit", "limit must be 1..10000"});
  cases.back().r.limit = 0;
  cases.push_back({base, "limit", "limit must be 1..10000"});
  cases.back().r.limit = 10001;
  cases.push_back(
      {base, "offset",
       "offset must be 0..100000 minus the limit: a trace answers at most 100000 nodes"});
  cases.back().r.offset = 99001;
  cases.push_back(
      {base, "offset",
       "offset must be 0..100000 minus the limit: a trace answers at most 100000 nodes"});
  cases.back().r.offset = -1;
  for (const Case& c : cases) {
    Result<Graph> g = Trace(s, c.r);
    ASSERT_FALSE(g.ok());
    EXPECT_EQ(g.status().code(), StatusCode::kInvalidArgument);
    EXPECT_EQ(g.status().field(), c.field);
    EXPECT_EQ(g.status().message(), c.message);
  }
  EXPECT_EQ(s.calls(), 0);
}

// Aggregate three items on a pallet, take the pallet apart, put two of them
// on a new pallet, ship it.
class PalletRepack : public ::testing::Test {
 protected:
  Chain c = PalletRepackScenario();
  const std::string p1 = repack::kPallet1, p2 = repack::kPallet2;
};

TEST_F(PalletRepack, BackwardFromTheNewPalletShowsTheOldPalletButNotItsOtherItem) {
  MemorySource s = c.Source();
  Graph g = MustTrace(s, p2, Direction::kBackward);
  const std::set<std::string> nodes = Nodes(g);
  EXPECT_TRUE(nodes.contains("upstream " + Item("1")));
  EXPECT_TRUE(nodes.contains("upstream " + Item("2")));
  EXPECT_TRUE(nodes.contains("carrier " + p1));
  EXPECT_FALSE(nodes.contains("upstream " + Item("3")));
  EXPECT_FALSE(nodes.contains("carrier " + Item("3")));
  // The old pallet's shipping happened while it held item 1: its parties
  // are in the answer.
  EXPECT_TRUE(Edges(g, Relation::kTo).contains(p1 + " to " + Party("8930000000400")));
  EXPECT_TRUE(Edges(g, Relation::kUnpackedFrom).contains(p1 + " unpackedFrom " + Item("1")));
}

TEST_F(PalletRepack, ForwardFromTheOldPalletFollowsEveryItemOntoTheNewOne) {
  MemorySource s = c.Source();
  Graph g = MustTrace(s, p1, Direction::kForward);
  const std::set<std::string> nodes = Nodes(g);
  // An unpacking without a child list empties the pallet: all three items.
  EXPECT_TRUE(nodes.contains("downstream " + Item("1")));
  EXPECT_TRUE(nodes.contains("downstream " + Item("2")));
  EXPECT_TRUE(nodes.contains("downstream " + Item("3")));
  EXPECT_TRUE(nodes.contains("carrier " + p2));
  EXPECT_TRUE(Edges(g, Relation::kTo).contains(p2 + " to " + Party("8930000000500")));
}

TEST_F(PalletRepack, ForwardFromTheLeftOverItemDoesNotReachTheNewPallet) {
  MemorySource s = c.Source();
  Graph g = MustTrace(s, Item("3"), Direction::kForward);
  const std::set<std::string> nodes = Nodes(g);
  EXPECT_TRUE(nodes.contains("carrier " + p1));
  EXPECT_FALSE(nodes.contains("carrier " + p2));
  EXPECT_FALSE(nodes.contains("downstream " + Item("1")));
}

TEST_F(PalletRepack, ContainerShippedBeforeTheItemWasPackedIsNotItsJourney) {
  // Item 4 goes onto the new pallet only after its shipping.
  c.Commission({Epc(Item("4"))}, Place("8930000000300"));  // 7
  c.Pack(p2, {Epc(Item("4"))});                            // 8
  MemorySource s = c.Source();
  Graph g = MustTrace(s, Item("4"), Direction::kBackward);
  EXPECT_TRUE(Nodes(g).contains("carrier " + p2));
  EXPECT_FALSE(Edges(g, Relation::kTo).contains(p2 + " to " + Party("8930000000500")));
}

TEST(TraceLotsTest, SplitAndMerge) {
  Chain c = SplitMergeScenario();
  const std::string a = split::kA, a1 = split::kA1, a2 = split::kA2, b = split::kB, m = split::kM;
  MemorySource s = c.Source();
  Graph fwd = MustTrace(s, a, Direction::kForward);
  EXPECT_EQ(Edges(fwd, Relation::kTransformedInto),
            (std::set<std::string>{a + " transformedInto " + a1, a + " transformedInto " + a2,
                                   a2 + " transformedInto " + m}));
  EXPECT_FALSE(Nodes(fwd).contains("upstream " + b));
  Graph back = MustTrace(s, m, Direction::kBackward);
  EXPECT_EQ(Edges(back, Relation::kTransformedInto),
            (std::set<std::string>{a + " transformedInto " + a2, a2 + " transformedInto " + m,
                                   b + " transformedInto " + m}));
  EXPECT_FALSE(Nodes(back).contains("downstream " + a1));
  EXPECT_TRUE(back.findings.empty());
}

TEST(TraceLotsTest, InstanceAndClassLevelMixed) {
  // A lot of honey (class level) is bottled into serialised jars (instance
  // level), two jars go into a case.
  Chain c = MixedScenario();
  const std::string honey = mixed::kHoney;
  MemorySource s = c.Source();
  Graph back = MustTrace(s, Item("J2"), Direction::kBackward);
  EXPECT_EQ(Nodes(back), (std::set<std::string>{
                             "root " + Item("J2"),
                             "upstream " + honey,
                             "carrier " + Sscc("0031"),
                             "context " + Place("8930000000011"),
                             "context " + Place("8930000000300"),
                         }));
  Graph fwd = MustTrace(s, honey, Direction::kForward);
  EXPECT_TRUE(Nodes(fwd).contains("downstream " + Item("J1")));
  EXPECT_TRUE(Nodes(fwd).contains("downstream " + Item("J2")));
  EXPECT_TRUE(Nodes(fwd).contains("carrier " + Sscc("0031")));
  for (const Edge& e : fwd.edges) {
    if (e.relation == Relation::kTransformedInto) {
      EXPECT_EQ(e.quantity, 20);
    }
  }
}

TEST(TraceFindingsTest, TransformationCycleIsReportedOnceAndNotLoopedOn) {
  Chain c;
  const std::string a = Lot(kKernel, "A"), b = Lot(kKernel, "B");
  c.Commission({Qty(a, 1)}, Place("8930000000300"));
  c.Transform({Qty(a, 1)}, {Qty(b, 1)}, Place("8930000000300"));
  c.Transform({Qty(b, 1)}, {Qty(a, 1)}, Place("8930000000300"));
  MemorySource s = c.Source();
  Graph g = MustTrace(s, a, Direction::kBoth);
  ASSERT_EQ(g.findings.size(), 1u);
  EXPECT_EQ(g.findings[0].kind, Finding::Kind::kCycle);
  std::set<std::string> ids;
  for (size_t n : g.findings[0].nodes) ids.insert(g.nodes[n].id);
  EXPECT_EQ(ids, (std::set<std::string>{a, b}));
}

TEST(TraceFindingsTest, UnpackedFromAContainerItWasNeverPackedInto) {
  Chain c;
  c.Commission({Epc(Item("9"))}, Place("8930000000300"));
  c.Add(EventType::kAggregation, Action::kDelete,
        {Epc(Sscc("0048"), Role::kParent), Epc(Item("9"), Role::kChild)});
  MemorySource s = c.Source();
  Graph g = MustTrace(s, Item("9"), Direction::kBackward);
  ASSERT_EQ(g.findings.size(), 1u);
  EXPECT_EQ(g.findings[0].kind, Finding::Kind::kUnpackedWithoutPacking);
  EXPECT_EQ(g.nodes[g.findings[0].nodes[1]].id, Sscc("0048"));
}

TEST(TracePagingTest, HugeFanOutIsAnsweredInPagesThatContinueEachOther) {
  Chain c;
  const std::string bulk = Lot(kKernel, "BULK");
  c.Commission({Qty(bulk, 5000)}, Place("8930000000300"));
  std::vector<NamedObject> outputs;
  for (int i = 0; i < 250; ++i)
    outputs.push_back(Qty(Lot(kKernel, "BAG-" + std::to_string(i)), 20));
  c.Transform({Qty(bulk, 5000)}, outputs, Place("8930000000300"));
  MemorySource s = c.Source();
  TraceRequest r;
  r.root = bulk;
  r.direction = Direction::kForward;
  r.limit = 100;
  std::vector<std::string> seen;
  for (int page = 0; page < 5; ++page) {
    Result<Graph> g = Trace(s, r);
    ASSERT_TRUE(g.ok());
    EXPECT_LE(g->nodes.size(), static_cast<size_t>(r.offset + r.limit));
    for (size_t i = g->page_start; i < g->nodes.size(); ++i) seen.push_back(g->nodes[i].id);
    if (!g->next_offset) break;
    r.offset = *g->next_offset;
  }
  // 251 lots and one place, each exactly once over the pages.
  EXPECT_EQ(seen.size(), 252u);
  EXPECT_EQ(std::set<std::string>(seen.begin(), seen.end()).size(), 252u);
}

TEST(TracePagingTest, EventsPerIdentifierAreBoundedAndMarked) {
  Chain c;
  const std::string lot = Lot(kKernel, "BUSY");
  for (int i = 0; i < 5; ++i)
    c.Commission({Qty(lot, 1)}, Place("893000000030" + std::to_string(i)));
  MemorySource s = c.Source();
  TraceRequest r;
  r.root = lot;
  r.max_events_per_id = 3;
  Result<Graph> g = Trace(s, r);
  ASSERT_TRUE(g.ok());
  EXPECT_TRUE(g->nodes[0].truncated);
  EXPECT_EQ(Edges(*g, Relation::kCommissionedAt).size(), 3u);
}

TEST(IdentifierKindTest, FromTheDigitalLinkPath) {
  EXPECT_EQ(KindOfIdentifier(Item("1")), NodeKind::kObject);
  EXPECT_EQ(KindOfIdentifier(Lot(kKernel, "A")), NodeKind::kLot);
  EXPECT_EQ(KindOfIdentifier("https://id.gs1.org/01/08930000000035"), NodeKind::kProductClass);
  EXPECT_EQ(KindOfIdentifier(Sscc("0017")), NodeKind::kObject);
  EXPECT_EQ(KindOfIdentifier(Place("8930000000300")), NodeKind::kLocation);
  EXPECT_EQ(KindOfIdentifier(Place("8930000000300/254/A1")), NodeKind::kLocation);
  EXPECT_EQ(KindOfIdentifier(Party("8930000000300")), NodeKind::kParty);
  EXPECT_EQ(KindOfIdentifier("urn:epcglobal:cbv:bt:8930000000300:PO-1"), NodeKind::kOther);
  EXPECT_EQ(ParseDirection("backward"), Direction::kBackward);
  EXPECT_EQ(ParseDirection("sideways"), std::nullopt);
}

}  // namespace
}  // namespace txng::trace
