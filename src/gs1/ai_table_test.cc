#include "gs1/ai_table.h"

#include <gtest/gtest.h>

namespace txng::gs1 {
namespace {

TEST(AiTableTest, FindsGtinWithItsRules) {
  const AiEntry* gtin = FindAi("01");
  ASSERT_NE(gtin, nullptr);
  EXPECT_EQ(gtin->title, "GTIN");
  EXPECT_FALSE(gtin->fnc1_required);
  EXPECT_TRUE(gtin->dl_primary_key);
  EXPECT_EQ(gtin->dl_qualifiers, "22,10,21|235");
  EXPECT_EQ(gtin->excludes_ais, "255,37");
  auto components = ComponentsOf(*gtin);
  ASSERT_EQ(components.size(), 1u);
  EXPECT_EQ(components[0].charset, CharSet::kNumeric);
  EXPECT_EQ(components[0].min_length, 14);
  EXPECT_EQ(components[0].max_length, 14);
  EXPECT_EQ(components[0].linters, "csum,gcppos2");
}

TEST(AiTableTest, ExpandsRangesAndKeepsOptionalComponents) {
  const AiEntry* weight = FindAi("3103");
  ASSERT_NE(weight, nullptr);
  EXPECT_EQ(weight->excludes_ais, "310n");
  const AiEntry* grai = FindAi("8003");
  ASSERT_NE(grai, nullptr);
  auto components = ComponentsOf(*grai);
  ASSERT_EQ(components.size(), 3u);
  EXPECT_TRUE(components[2].optional);
  EXPECT_EQ(components[2].max_length, 16);
  EXPECT_EQ(MaxValueLength(*grai), 30);
}

TEST(AiTableTest, UnknownAisAreAbsent) {
  EXPECT_EQ(FindAi("89"), nullptr);
  EXPECT_EQ(FindAi("3106"), nullptr);
  for (std::string_view not_an_ai :
       {"", "0", "1", "012", "0100", "01000", "0a", "\x00\x00", "9999"}) {
    EXPECT_EQ(FindAi(not_an_ai), nullptr) << not_an_ai;
  }
}

TEST(AiTableTest, FindsEveryEntryByItsAi) {
  for (const AiEntry& entry : AllAis()) {
    EXPECT_EQ(FindAi(entry.ai), &entry) << entry.ai;
    EXPECT_EQ(AiLengthByPrefix(entry.ai.substr(0, 2)), static_cast<int>(entry.ai.size()))
        << entry.ai;
  }
}

TEST(AiTableTest, LengthByPrefix) {
  EXPECT_EQ(AiLengthByPrefix("01"), 2);
  EXPECT_EQ(AiLengthByPrefix("23"), 3);
  EXPECT_EQ(AiLengthByPrefix("31"), 4);
  EXPECT_EQ(AiLengthByPrefix("89"), std::nullopt);
  EXPECT_EQ(AiLengthByPrefix("0"), std::nullopt);
  EXPECT_EQ(AiLengthByPrefix("011"), std::nullopt);
  EXPECT_EQ(AiLengthByPrefix("x1"), std::nullopt);
}

TEST(AiTableTest, EntriesAreSortedAndUnique) {
  auto all = AllAis();
  for (std::size_t i = 1; i < all.size(); ++i) EXPECT_LT(all[i - 1].ai, all[i].ai);
}

}  // namespace
}  // namespace txng::gs1
