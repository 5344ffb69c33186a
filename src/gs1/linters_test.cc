#include "gs1/linters.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cstddef>
#include <string>
#include <string_view>

namespace txng::gs1 {
namespace internal {
extern const std::string_view kRec21PackageTypes[];
extern const std::size_t kRec21PackageTypeCount;
extern const std::string_view kGs1PackageTypes[];
extern const std::size_t kGs1PackageTypeCount;
}  // namespace internal
namespace {

TEST(LintersTest, FindsLintersByDictionaryName) {
  EXPECT_EQ(FindLinter("yymmd0"), LintYymmd0);
  EXPECT_EQ(FindLinter("packagetype"), LintPackageType);
  EXPECT_EQ(FindLinter("gcppos2"), LintGcpPos2);
  EXPECT_EQ(FindLinter("nosuchlinter"), nullptr);
}

TEST(LintersTest, PackageTypesFromRec21AndGs1) {
  EXPECT_FALSE(LintPackageType("BX"));   // Rec 21: box
  EXPECT_FALSE(LintPackageType("201"));  // GS1: pallet type
  EXPECT_FALSE(LintPackageType("BRI"));  // GS1: brick
  auto bad = LintPackageType("bx");
  ASSERT_TRUE(bad);
  EXPECT_EQ(bad->code, "INVALID_PACKAGE_TYPE");
  EXPECT_EQ(bad->position, 0u);
  EXPECT_EQ(bad->length, 2u);
  EXPECT_EQ(bad->message,
            "'bx' is not a package type code (UN/ECE Recommendation 21 or GS1 PackageTypeCode)");
  EXPECT_TRUE(LintPackageType("AE"));  // Rec 21 only; not in GS1's list
}

TEST(LintersTest, PackageTypeListsAreSortedForBinarySearch) {
  EXPECT_TRUE(std::is_sorted(internal::kRec21PackageTypes,
                             internal::kRec21PackageTypes + internal::kRec21PackageTypeCount));
  EXPECT_TRUE(std::is_sorted(internal::kGs1PackageTypes,
                             internal::kGs1PackageTypes + internal::kGs1PackageTypeCount));
  EXPECT_EQ(internal::kRec21PackageTypeCount + internal::kGs1PackageTypeCount, 431u);
}

TEST(LintersTest, CompanyPrefixPosition) {
  EXPECT_FALSE(LintGcpPos1("0123"));
  EXPECT_FALSE(LintGcpPos1("0123ABC"));
  auto short_value = LintGcpPos1("123");
  ASSERT_TRUE(short_value);
  EXPECT_EQ(short_value->code, "TOO_SHORT_FOR_GCP");
  EXPECT_EQ(short_value->length, 3u);
  auto letter = LintGcpPos1("12A4");
  ASSERT_TRUE(letter);
  EXPECT_EQ(letter->code, "INVALID_GCP_PREFIX");
  EXPECT_EQ(letter->position, 2u);
  EXPECT_EQ(letter->message,
            "character 3 ('A') cannot be part of a GS1 Company Prefix, which is all digits");
  EXPECT_FALSE(LintGcpPos2("I1234"));
  auto shifted = LintGcpPos2("1123X");
  ASSERT_TRUE(shifted);
  EXPECT_EQ(shifted->position, 4u);
  EXPECT_EQ(LintGcpPos2("")->code, "TOO_SHORT_FOR_GCP");
}

TEST(LintersTest, DatesReportTheOffendingField) {
  auto month = LintYymmdd("251331");
  ASSERT_TRUE(month);
  EXPECT_EQ(month->code, "ILLEGAL_MONTH");
  EXPECT_EQ(month->position, 2u);
  EXPECT_EQ(month->message, "month 13 is not a month");
  EXPECT_FALSE(LintYymmd0("250200"));
  EXPECT_TRUE(LintYymmdd("250200"));
  EXPECT_FALSE(LintYyyymmdd("20000229"));
  EXPECT_TRUE(LintYyyymmdd("21000229"));
}

TEST(LintersTest, IsDateKnowsMonthLengthsAndLeapYears) {
  EXPECT_TRUE(IsDate("261231", 2, false));
  EXPECT_TRUE(IsDate("240229", 2, false));  // 2024: leap
  EXPECT_FALSE(IsDate("250229", 2, false));
  EXPECT_TRUE(IsDate("000229", 2, false));  // 2000: leap
  EXPECT_FALSE(IsDate("260431", 2, false));
  EXPECT_TRUE(IsDate("260430", 2, false));
  EXPECT_FALSE(IsDate("261301", 2, false));
  EXPECT_FALSE(IsDate("260001", 2, false));
  EXPECT_FALSE(IsDate("260100", 2, false));
  EXPECT_TRUE(IsDate("260100", 2, true));
  EXPECT_FALSE(IsDate("260132", 2, true));
  EXPECT_FALSE(IsDate("26013", 2, false));
  EXPECT_FALSE(IsDate("2601011", 2, false));
  EXPECT_FALSE(IsDate("26O101", 2, false));
  EXPECT_TRUE(IsDate("20000229", 4, false));
  EXPECT_FALSE(IsDate("19000229", 4, false));
  EXPECT_TRUE(IsDate("19001200", 4, true));
  // Every six-digit date: IsDate says yes exactly when the linter passes.
  for (int n = 0; n < 1000000; n += 7) {
    std::string date = std::to_string(1000000 + n).substr(1);
    EXPECT_EQ(IsDate(date, 2, false), !LintYymmdd(date)) << date;
    EXPECT_EQ(IsDate(date, 2, true), !LintYymmd0(date)) << date;
  }
}

TEST(LintersTest, CheckCharacterPair) {
  EXPECT_FALSE(LintCsumAlpha("1987654Ad4X4bL5ttr2310c2K"));
  auto bad = LintCsumAlpha("1987654Ad4X4bL5ttr2310cXK");
  ASSERT_TRUE(bad);
  EXPECT_EQ(bad->code, "INCORRECT_CHECK_PAIR");
  EXPECT_EQ(bad->position, 23u);
}

TEST(LintersTest, PieceOfTotal) {
  EXPECT_FALSE(LintPieceOfTotal("0102"));
  EXPECT_EQ(LintPieceOfTotal("0302")->code, "PIECE_NUMBER_EXCEEDS_TOTAL");
  EXPECT_EQ(LintPieceOfTotal("0002")->code, "ZERO_PIECE_NUMBER");
}

TEST(LintersTest, IsoCodeLists) {
  EXPECT_FALSE(LintIso3166("704"));  // Viet Nam
  EXPECT_EQ(LintIso3166("999")->code, "NOT_ISO3166");
  EXPECT_FALSE(LintIso3166Or999("999"));
  EXPECT_FALSE(LintIso3166Alpha2("VN"));
  EXPECT_FALSE(LintIso4217("704"));  // dong
  EXPECT_TRUE(LintIso4217("191"));   // kuna, withdrawn
}

TEST(LintersTest, Formats) {
  EXPECT_FALSE(LintIban("DE91100000000123456789"));
  EXPECT_EQ(LintIban("DE92100000000123456789")->code, "INCORRECT_IBAN_CHECKSUM");
  EXPECT_FALSE(LintPercentEncoding("50%25 off"));
  EXPECT_EQ(LintPercentEncoding("50% off")->position, 2u);
  EXPECT_FALSE(LintMediaType("80"));
  EXPECT_TRUE(LintMediaType("11"));
  EXPECT_FALSE(LintImporterIndex("_"));
}

TEST(LintersTest, CouponPosOffer) {
  EXPECT_FALSE(LintCouponPosOffer("001234561234560123456"));
  auto cut = LintCouponPosOffer("0012345612345601");
  ASSERT_TRUE(cut);
  EXPECT_EQ(cut->code, "COUPON_TRUNCATED_SERIAL_NUMBER");
  EXPECT_EQ(cut->position, 15u);
  EXPECT_EQ(LintCouponPosOffer("07")->code, "COUPON_INVALID_FUNDER_LENGTH");
}

TEST(LintersTest, CouponCode) {
  EXPECT_FALSE(LintCouponCode("012345612345611110123"));
  EXPECT_FALSE(LintCouponCode("0123456123456111101233200229"));  // with expiration date
  auto bad_date = LintCouponCode("0123456123456111101233201232");
  ASSERT_TRUE(bad_date);
  EXPECT_EQ(bad_date->code, "COUPON_INVALID_EXIPIRATION_DATE");
  EXPECT_EQ(bad_date->position, 22u);
  EXPECT_EQ(LintCouponCode("01234561234561111012335006064500607")->code,
            "COUPON_EXPIRATION_BEFORE_START");
}

}  // namespace
}  // namespace txng::gs1
