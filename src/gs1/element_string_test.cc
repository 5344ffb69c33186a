#include "gs1/element_string.h"

#include <gtest/gtest.h>

#include "gs1/ai_table.h"
#include "gs1/ai_value.h"
#include "gs1/check_digit.h"

namespace txng::gs1 {
namespace {

ElementStringOptions Defaults() { return ElementStringOptions(); }

TEST(ElementStringTest, ParsesBracketedInOrder) {
  auto parsed = ParseBracketed("(01)09501101530003(17)251231(10)ABC", Defaults());
  ASSERT_TRUE(parsed.ok()) << parsed.status().message();
  std::vector<AiValue> expected = {{"01", "09501101530003"}, {"17", "251231"}, {"10", "ABC"}};
  EXPECT_EQ(*parsed, expected);
  EXPECT_EQ(ToElementString(*parsed),
            "^010950110153000317251231"
            "10ABC");
  EXPECT_EQ(ToBracketed(*parsed), "(01)09501101530003(17)251231(10)ABC");
}

TEST(ElementStringTest, ParsesEncodedWithFnc1OrGroupSeparator) {
  auto with_fnc1 = ParseElementString(
      "^0109501101530003"
      "10ABC^17251231",
      Defaults());
  auto with_gs = ParseElementString(
      "^0109501101530003"
      "10ABC\x1D"
      "17251231",
      Defaults());
  ASSERT_TRUE(with_fnc1.ok()) << with_fnc1.status().message();
  ASSERT_TRUE(with_gs.ok()) << with_gs.status().message();
  EXPECT_EQ(*with_fnc1, *with_gs);
  EXPECT_EQ((*with_fnc1)[1], (AiValue{"10", "ABC"}));
  EXPECT_EQ(ToElementString(*with_gs, '\x1D'),
            "^010950110153000310ABC\x1D"
            "17251231");
}

TEST(ElementStringTest, ErrorsNameAiPositionAndRule) {
  auto parsed = ParseBracketed("(01)09501101530003(17)251331", Defaults());
  ASSERT_FALSE(parsed.ok());
  EXPECT_EQ(parsed.status().message(),
            "AI (17): month 13 is not a month (position 3 of \"251331\")");
  EXPECT_EQ(parsed.status().field(), "17");
}

TEST(ElementStringTest, RejectsBadCheckDigitAndLength) {
  EXPECT_EQ(ParseBracketed("(01)09501101530004", Defaults()).status().message(),
            "AI (01): check digit 4 should be 3 (position 14 of \"09501101530004\")");
  EXPECT_FALSE(ParseBracketed("(01)0950110153000", Defaults()).ok());
  EXPECT_FALSE(ParseElementString("^2421234567", Defaults()).ok());
}

TEST(ElementStringTest, ChecksRequiredAndExcludedAis) {
  EXPECT_EQ(ParseBracketed("(10)ABC", Defaults()).status().message(),
            "AI (10) requires one of: 01,02,03,8006,8026");
  ElementStringOptions syntax_only;
  syntax_only.validate_requisites = false;
  EXPECT_TRUE(ParseBracketed("(10)ABC", syntax_only).ok());
  EXPECT_EQ(ParseBracketed("(01)09501101530003(37)1(00)006141411234567890", Defaults())
                .status()
                .message(),
            "AI (01) may not be used with AI (37)");
}

TEST(ElementStringTest, UnknownAisOnlyWhenPermitted) {
  EXPECT_FALSE(ParseBracketed("(89)ABC", Defaults()).ok());
  ElementStringOptions permissive;
  permissive.permit_unknown_ais = true;
  EXPECT_TRUE(ParseBracketed("(89)ABC", permissive).ok());
  EXPECT_FALSE(ParseElementString("^891234", permissive).ok());
}

TEST(ElementStringTest, EscapedBracketRoundTrips) {
  auto parsed = ParseBracketed("(01)09501101530003(10)A\\(B", Defaults());
  ASSERT_TRUE(parsed.ok()) << parsed.status().message();
  EXPECT_EQ((*parsed)[1].value, "A(B");
  EXPECT_EQ(ToBracketed(*parsed), "(01)09501101530003(10)A\\(B");
}

TEST(ElementStringTest, MarksUpTheOffendingCharacters) {
  const AiEntry* dimensions = FindAi("8001");
  ASSERT_NE(dimensions, nullptr);
  EXPECT_EQ(MarkUpAiValueError(*dimensions, "12341X34567890"), "(8001)12341|X|345");
  EXPECT_EQ(MarkUpAiValueError(*dimensions, "12341234512311"), std::nullopt);
}

// Values are checked with a quick mod-10 test before the "csum" linter; both
// must agree with HasValidCheckDigit for every key length and check digit.
TEST(ElementStringTest, CheckDigitOfKeysOfEveryLength) {
  for (std::string ai : {"00", "01", "414", "8017"}) {
    const AiEntry* entry = FindAi(ai);
    ASSERT_NE(entry, nullptr);
    std::size_t length = static_cast<std::size_t>(MaxValueLength(*entry));
    for (std::string body : {"089312345678901234", "123456789012345678", "000000000000000000"}) {
      body.resize(length - 1);
      for (char check = '0'; check <= '9'; ++check) {
        std::string key = body + check;
        EXPECT_EQ(ValidateAiValue(*entry, key).ok(), HasValidCheckDigit(key)) << ai << " " << key;
      }
    }
  }
}

}  // namespace
}  // namespace txng::gs1
