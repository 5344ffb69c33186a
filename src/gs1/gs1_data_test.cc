#include "gs1/gs1_data.h"

#include <gtest/gtest.h>

namespace txng::gs1 {
namespace {

TEST(Gs1DataTest, AcceptsEveryWrittenForm) {
  ElementStringOptions options;
  for (const char* data : {"^010893123456789710LOT7", "(01)08931234567897(10)LOT7",
                           "https://a/01/08931234567897/10/LOT7"}) {
    auto parsed = ParseGs1Data(data, options);
    ASSERT_TRUE(parsed.ok()) << data << ": " << parsed.status().message();
    ASSERT_EQ(parsed->size(), 1u);
    EXPECT_EQ(ToBracketed((*parsed)[0]), "(01)08931234567897(10)LOT7");
  }
}

TEST(Gs1DataTest, CompositeComponentsAreCheckedTogether) {
  ElementStringOptions options;
  auto parsed = ParseGs1Data("^0108931234567897|^10LOT7", options);
  ASSERT_TRUE(parsed.ok()) << parsed.status().message();
  EXPECT_EQ(parsed->size(), 2u);
  EXPECT_FALSE(ParseGs1Data("^99A^99B", options).ok());
}

TEST(Gs1DataTest, HriLines) {
  std::vector<AiValue> ais = {{"01", "08931234567897"}, {"10", "LOT7"}};
  EXPECT_EQ(HriLines(ais, false), (std::vector<std::string>{"(01) 08931234567897", "(10) LOT7"}));
  EXPECT_EQ(HriLines(ais, true)[1], "BATCH/LOT (10) LOT7");
}

}  // namespace
}  // namespace txng::gs1
