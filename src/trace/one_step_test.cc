#include "trace/one_step.h"

#include <gtest/gtest.h>

#include "trace/scenario_testing.h"
#include "trace/trace.h"

namespace txng::trace {
namespace {

using namespace scenario;  // NOLINT(build/namespaces): the scenario builders

// Farm → collector → processor → exporter, each hand-over a shipping event
// with owning parties; the processor turns the raw lot into kernels.
TEST(OneStepTest, EachActorsSuppliersAndCustomers) {
  Chain c;
  const std::string raw = Lot(kRawCashew, "R1"), kernel = Lot(kKernel, "K1");
  const std::string farm = Party("8930000000101"), collector = Party("8930000000200"),
                    processor = Party("8930000000309"), exporter = Party("8930000000408");
  c.Commission({Qty(raw, 900)}, Place("8930000000019"));
  c.Move({Qty(raw, 900)}, kShipping, farm, collector, Place("8930000000019"));
  c.Move({Qty(raw, 900)}, kShipping, collector, processor, Place("8930000000200"));
  c.Transform({Qty(raw, 900)}, {Qty(kernel, 300)}, Place("8930000000309"));
  c.Move({Qty(kernel, 300)}, kShipping, processor, exporter, Place("8930000000309"));
  MemorySource s = c.Source();
  TraceRequest r;
  r.root = kernel;
  Result<Graph> g = Trace(s, r);
  ASSERT_TRUE(g.ok());
  const OneStep view = OneStepView(*g);
  EXPECT_EQ(view.inputs, std::vector<std::string>{raw});
  EXPECT_TRUE(view.outputs.empty());
  const std::vector<ActorStep> want = {
      {farm, {}, {collector}, {}, {raw}},
      {collector, {farm}, {processor}, {raw}, {raw}},
      {processor, {collector}, {exporter}, {raw}, {kernel}},
      {exporter, {processor}, {}, {kernel}, {}},
  };
  std::vector<ActorStep> sorted_want = want;
  std::sort(sorted_want.begin(), sorted_want.end(),
            [](const ActorStep& a, const ActorStep& b) { return a.party < b.party; });
  EXPECT_EQ(view.actors, sorted_want);
}

TEST(OneStepTest, SourcesAndDestinationsOfDifferentTypesAreNotPaired) {
  Chain c;
  const std::string lot = Lot(kKernel, "K2");
  LineageEvent& e = c.Commission({Qty(lot, 1)}, Place("8930000000309"));
  e.sources.push_back({std::string(kOwningParty), Party("8930000000309")});
  e.destinations.push_back({"https://ref.gs1.org/cbv/SDT-location", Place("8930000000408")});
  MemorySource s = c.Source();
  TraceRequest r;
  r.root = lot;
  Result<Graph> g = Trace(s, r);
  ASSERT_TRUE(g.ok());
  EXPECT_TRUE(OneStepView(*g).actors.empty());
}

}  // namespace
}  // namespace txng::trace
