#include "trace/journey.h"

#include <gtest/gtest.h>

#include "trace/scenario_testing.h"
#include "trace/trace.h"

namespace txng::trace {
namespace {

using namespace scenario;  // NOLINT(build/namespaces): the scenario builders

TEST(JourneyTest, TheKernelLotsWayFromBothFarmsToTheImporter) {
  Chain c = CashewScenario();
  MemorySource s = c.Source();
  TraceRequest r;
  r.root = cashew::kKernelLot;
  r.direction = Direction::kBackward;
  Result<Graph> g = Trace(s, r);
  ASSERT_TRUE(g.ok());
  const std::vector<JourneyStep> steps = JourneySteps(*g);
  std::vector<int64_t> rows;
  for (const JourneyStep& step : steps) rows.push_back(g->events[step.event].row);
  EXPECT_EQ(rows, (std::vector<int64_t>{1, 2, 3, 4, 5, 6, 7, 8, 9}));
  ASSERT_EQ(steps.size(), 9u);
  EXPECT_EQ(steps[0].subject, cashew::kRaw1);
  EXPECT_EQ(steps[0].place, cashew::kFarmA);
  EXPECT_EQ(steps[0].quantity, 1000);
  EXPECT_EQ(steps[0].uom, "KGM");
  EXPECT_EQ(steps[1].subject, cashew::kRaw2);
  EXPECT_EQ(steps[2].to, std::vector<std::string>{cashew::kCollector});
  EXPECT_EQ(steps[6].subject, cashew::kKernelLot);  // packed onto the pallet
  EXPECT_EQ(steps[6].quantity, 400);
  EXPECT_EQ(steps[8].subject, cashew::kPallet);  // received by the importer
  EXPECT_EQ(steps[8].to, std::vector<std::string>{cashew::kImporter});
}

TEST(JourneyTest, OtherItemsOfAPalletAreNotInAnItemsJourney) {
  Chain c = PalletRepackScenario();
  MemorySource s = c.Source();
  TraceRequest r;
  r.root = Item("3");
  r.direction = Direction::kBackward;
  Result<Graph> g = Trace(s, r);
  ASSERT_TRUE(g.ok());
  std::vector<int64_t> rows;
  for (const JourneyStep& step : JourneySteps(*g)) rows.push_back(g->events[step.event].row);
  // Commissioned, packed onto pallet 1, shipped on it, unpacked — never on
  // pallet 2.
  EXPECT_EQ(rows, (std::vector<int64_t>{1, 2, 3, 4}));
}

}  // namespace
}  // namespace txng::trace
