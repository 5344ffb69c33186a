#include "service/field_rules.h"

#include <gtest/gtest.h>

namespace txng {
namespace {

TEST(FieldRules, TextLengthCountsCharactersNotBytes) {
  EXPECT_EQ(Utf8Length("Hạt điều"), 8u);
  EXPECT_TRUE(LimitText("Hạt điều", "name", 8).ok());
  Status s = LimitText("Hạt điều!", "name", 8);
  EXPECT_EQ(s.message(), "name is longer than 8 characters");
  EXPECT_EQ(s.field(), "name");
  EXPECT_EQ(RequireText("  ", "nameVi", 10).message(), "nameVi is required");
  EXPECT_FALSE(LimitText("a\x01", "x", 10).ok());
}

TEST(FieldRules, Urls) {
  EXPECT_TRUE(CheckUrl("", "u").ok());
  EXPECT_TRUE(CheckUrl("https://example.org/a.png", "u").ok());
  EXPECT_TRUE(CheckUrl("/static/a.png", "u").ok());
  EXPECT_FALSE(CheckUrl("javascript:alert(1)", "u").ok());
  EXPECT_FALSE(CheckUrl("//evil.example/x", "u").ok());
}

TEST(FieldRules, Gs1Characters) {
  EXPECT_TRUE(CheckGs1Chars("LOT-2026/11", "lotCode", 20).ok());
  EXPECT_EQ(CheckGs1Chars("LÔ1", "lotCode", 20)
                .message()
                .rfind("lotCode has a character not allowed in GS1 data at position 2", 0),
            0u);
  EXPECT_FALSE(CheckGs1Chars("A B", "lotCode", 20).ok());
  EXPECT_EQ(CheckGs1Chars("123456789012345678901", "lotCode", 20).message(),
            "lotCode is longer than 20 characters");
}

TEST(FieldRules, Dates) {
  EXPECT_TRUE(CheckDate("", "d").ok());
  EXPECT_TRUE(CheckDate("2024-02-29", "d").ok());
  EXPECT_EQ(CheckDate("2023-02-29", "d").message(), "d is not a real date: 2023-02-29");
  EXPECT_EQ(CheckDate("29/02/2024", "d").message(), "d must be a date written YYYY-MM-DD");
  EXPECT_FALSE(CheckDate("2024-13-01", "d").ok());
}

}  // namespace
}  // namespace txng
