#include "gs1/check_digit.h"

#include <gtest/gtest.h>

namespace txng::gs1 {
namespace {

TEST(CheckDigit, KnownKeys) {
  // GS1 General Specifications worked example: 629104150021 -> 3.
  EXPECT_EQ(Mod10CheckDigit("629104150021"), '3');
  EXPECT_EQ(Mod10CheckDigit("0950110153000"), '3');  // GTIN-14 09501101530003
  EXPECT_EQ(Mod10CheckDigit("893000000001"), '9');
  EXPECT_EQ(Mod10CheckDigit(""), std::nullopt);
  EXPECT_EQ(Mod10CheckDigit("12a4"), std::nullopt);
}

TEST(CheckDigit, Validates) {
  EXPECT_TRUE(HasValidCheckDigit("09501101530003"));
  EXPECT_FALSE(HasValidCheckDigit("09501101530004"));
  EXPECT_FALSE(HasValidCheckDigit("3"));
  EXPECT_TRUE(IsValidGln("8930000000019"));
  EXPECT_FALSE(IsValidGln("893000000001"));
}

TEST(CheckDigit, NormalizesGtins) {
  EXPECT_EQ(NormalizeGtin("96385074"), "00000096385074");        // GTIN-8
  EXPECT_EQ(NormalizeGtin("036000291452"), "00036000291452");    // UPC-A
  EXPECT_EQ(NormalizeGtin("8930000000019"), "08930000000019");   // EAN-13
  EXPECT_EQ(NormalizeGtin("09501101530003"), "09501101530003");  // GTIN-14
  EXPECT_EQ(NormalizeGtin("0950110153000"), std::nullopt);       // bad check digit
  EXPECT_EQ(NormalizeGtin("123"), std::nullopt);
}

}  // namespace
}  // namespace txng::gs1
