#include "gs1/ai_value.h"

#include <gtest/gtest.h>

#include <cstddef>
#include <random>
#include <string>
#include <vector>

#include "gs1/ai_table.h"
#include "gs1/check_digit.h"

namespace txng::gs1 {
namespace {

// Values of every shape the table's components take: digit runs of every
// length (with right and wrong check digits), dates, set 82 text, the other
// character sets, and bytes outside them.
std::vector<std::string> SampleValues() {
  std::vector<std::string> values = {"",       "261231", "991332", "990229", "960229",
                                     "000000", "260100", "AB-12",  "ab c",   "A/B+C",
                                     "ABC#-/", "QUJD=",  "é",      "12\x1D"};
  std::mt19937 random(20261129);
  for (std::size_t length = 1; length <= 30; ++length) {
    for (int round = 0; round < 4; ++round) {
      std::string digits;
      for (std::size_t i = 0; i < length; ++i) digits += static_cast<char>('0' + random() % 10);
      values.push_back(digits);
      // The same digits ending in their check digit.
      if (length >= 2) {
        for (char check = '0'; check <= '9'; ++check) {
          digits.back() = check;
          if (HasValidCheckDigit(digits)) values.push_back(digits);
        }
      }
      std::string text;
      for (std::size_t i = 0; i < length; ++i) text += static_cast<char>('!' + random() % 94);
      values.push_back(text);
    }
  }
  return values;
}

// The quick check may only say yes where CheckAiValue finds nothing wrong.
TEST(AiValueTest, QuickYesOnlyForValuesWithoutFault) {
  std::vector<std::string> values = SampleValues();
  std::size_t quick_yes = 0;
  for (const AiEntry& entry : AllAis()) {
    for (const std::string& value : values) {
      if (!PassesAiValueQuickly(entry, value)) continue;
      ++quick_yes;
      EXPECT_FALSE(CheckAiValue(entry, value).has_value()) << entry.ai << " " << value;
    }
  }
  EXPECT_GT(quick_yes, 1000u);
}

// Where it has shortcuts (digits, check digits, dates, company prefixes) the
// quick check agrees with CheckAiValue both ways.
TEST(AiValueTest, QuickCheckIsExactForKeysAndDates) {
  std::vector<std::string> values = SampleValues();
  for (std::string ai : {"00", "01", "414", "8017", "17", "11", "253", "8003"}) {
    const AiEntry* entry = FindAi(ai);
    ASSERT_NE(entry, nullptr);
    for (const std::string& value : values) {
      EXPECT_EQ(PassesAiValueQuickly(*entry, value), !CheckAiValue(*entry, value).has_value())
          << ai << " " << value;
    }
  }
  const AiEntry* gtin = FindAi("01");
  EXPECT_TRUE(PassesAiValueQuickly(*gtin, "08931234567897"));
  EXPECT_FALSE(PassesAiValueQuickly(*gtin, "08931234567892"));
  EXPECT_FALSE(PassesAiValueQuickly(*gtin, "0893123456789X"));
  const AiEntry* expiry = FindAi("17");
  EXPECT_TRUE(PassesAiValueQuickly(*expiry, "261200"));  // day 00 allowed
  EXPECT_FALSE(PassesAiValueQuickly(*expiry, "261301"));
}

TEST(AiValueTest, ValidateAiValueStillDescribesFaults) {
  const AiEntry* gtin = FindAi("01");
  EXPECT_TRUE(ValidateAiValue(*gtin, "08931234567897").ok());
  EXPECT_EQ(ValidateAiValue(*gtin, "08931234567892").message(),
            "AI (01): check digit 2 should be 7 (position 14 of \"08931234567892\")");
}

}  // namespace
}  // namespace txng::gs1
