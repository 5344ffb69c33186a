#include "gs1/ai_associations.h"

#include <gtest/gtest.h>

#include <cstddef>
#include <random>
#include <string>
#include <vector>

#include "gs1/ai_lookup.h"
#include "gs1/ai_table.h"

namespace txng::gs1 {
namespace {

// The AIs `ais` (each with the value "1") with their entries and codes.
struct Set {
  explicit Set(const std::vector<std::string>& names) {
    for (const std::string& ai : names) {
      ais.push_back({ai, "1"});
      lookup.Add(ai, FindAi(ai));
    }
  }

  std::vector<AiValue> ais;
  AiLookup lookup;
};

// The quick check may only say yes where the describing checks pass, for
// each combination of the two checks.
void ExpectQuickYesOnlyWhenValid(const std::vector<std::string>& names, std::size_t& quick_yes) {
  Set set(names);
  for (bool exclusions : {false, true}) {
    for (bool requisites : {false, true}) {
      if (!AssociationsHoldQuickly(set.lookup, exclusions, requisites)) continue;
      ++quick_yes;
      if (exclusions) {
        EXPECT_TRUE(ValidateExclusionsAndRepeats(set.ais, set.lookup).ok())
            << ::testing::PrintToString(names);
      }
      if (requisites) {
        EXPECT_TRUE(ValidateRequisites(set.ais, set.lookup).ok())
            << ::testing::PrintToString(names);
      }
    }
  }
}

TEST(AiAssociationsTest, QuickYesOnlyWhenEveryPairOfTableAisIsValid) {
  std::size_t quick_yes = 0;
  for (const AiEntry& a : AllAis()) {
    ExpectQuickYesOnlyWhenValid({std::string(a.ai)}, quick_yes);
    for (const AiEntry& b : AllAis()) {
      ExpectQuickYesOnlyWhenValid({std::string(a.ai), std::string(b.ai)}, quick_yes);
    }
  }
  EXPECT_GT(quick_yes, 10000u);
}

TEST(AiAssociationsTest, QuickYesOnlyWhenLargerSetsAreValid) {
  // AIs that the rules name, so that random sets of them meet and break
  // rules often, and a few outside the table.
  const std::vector<std::string> pool = {
      "00",   "01",   "02",   "03",   "10",   "11",   "17",   "21",   "22",
      "235",  "250",  "251",  "253",  "254",  "255",  "30",   "3100", "3103",
      "3922", "3900", "3910", "37",   "414",  "415",  "416",  "422",  "4300",
      "7021", "7240", "8003", "8004", "8006", "8010", "8011", "8017", "8018",
      "8020", "8026", "8030", "8040", "8041", "8111", "99",   "89",   "3338"};
  std::mt19937 random(20261129);
  std::size_t quick_yes = 0;
  for (int round = 0; round < 20000; ++round) {
    std::vector<std::string> names;
    std::size_t size = 2 + random() % 10;  // up to 11: beyond the eight held in place
    for (std::size_t i = 0; i < size; ++i) names.push_back(pool[random() % pool.size()]);
    ExpectQuickYesOnlyWhenValid(names, quick_yes);
  }
  EXPECT_GT(quick_yes, 100u);
}

TEST(AiAssociationsTest, QuickCheckSaysYesToUsualSetsAndNoToBrokenRules) {
  EXPECT_TRUE(AssociationsHoldQuickly(Set({"01", "10", "17", "3103"}).lookup, true, true));
  EXPECT_TRUE(AssociationsHoldQuickly(Set({"414", "254"}).lookup, true, true));
  EXPECT_FALSE(AssociationsHoldQuickly(Set({"10"}).lookup, true, true));         // needs 01...
  EXPECT_TRUE(AssociationsHoldQuickly(Set({"10"}).lookup, true, false));         // req off
  EXPECT_FALSE(AssociationsHoldQuickly(Set({"01", "37"}).lookup, true, false));  // ex
  EXPECT_FALSE(AssociationsHoldQuickly(Set({"01", "3103", "3102"}).lookup, true, true));
  EXPECT_FALSE(AssociationsHoldQuickly(Set({"01", "01"}).lookup, true, true));  // repeat
  EXPECT_FALSE(AssociationsHoldQuickly(Set({"01", "89"}).lookup, true, true));  // 89 not in table
  EXPECT_TRUE(AssociationsHoldQuickly(Set({"01", "89"}).lookup, false, false));
}

TEST(AiLookupTest, HoldsMoreAisThanInPlace) {
  AiLookup lookup;
  std::vector<std::string> names;
  for (int i = 10; i < 30; ++i) names.push_back(std::to_string(i));
  for (const std::string& ai : names) lookup.Add(ai, FindAi(ai));
  ASSERT_EQ(lookup.size(), names.size());
  for (std::size_t i = 0; i < names.size(); ++i) {
    EXPECT_EQ(lookup.entry(i), FindAi(names[i])) << names[i];
    EXPECT_EQ(lookup.code(i), AiCode(names[i])) << names[i];
    EXPECT_EQ(lookup.codes()[i], AiCode(names[i])) << names[i];
  }
}

}  // namespace
}  // namespace txng::gs1
