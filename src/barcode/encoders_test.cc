#include "barcode/encoders.h"

#include <gtest/gtest.h>

#include <string>

namespace txng::barcode {
namespace {

std::string ErrorOf(const Result<Symbol>& result) {
  return result.ok() ? "ok" : result.status().message();
}

TEST(EncodeEan13, RejectsBadKeys) {
  EXPECT_EQ(ErrorOf(EncodeEan13("950110153000")), "EAN-13 needs 13 digits, got 12");
  EXPECT_EQ(ErrorOf(EncodeEan13("95011015300x3")),
            "EAN-13 must be digits only, got 'x' at position 12");
  EXPECT_EQ(ErrorOf(EncodeEan13("9501101530004")), "EAN-13 check digit is 4, expected 3");
  EXPECT_EQ(EncodeEan13("9501101530004").status().code(), StatusCode::kInvalidArgument);
}

TEST(EncodeEan13, KeepsTheKeyAsDataAndText) {
  Result<Symbol> symbol = EncodeEan13("9501101530003");
  ASSERT_TRUE(symbol.ok()) << symbol.status().ToString();
  EXPECT_EQ(symbol->data, "9501101530003");
  EXPECT_EQ(symbol->text, "9501101530003");
  EXPECT_EQ(symbol->Width(), 95);
  EXPECT_EQ(symbol->bar_widths.size() % 2, 1u);  // starts and ends with a bar
}

TEST(EncodeUpcA, RejectsBadKeys) {
  EXPECT_EQ(ErrorOf(EncodeUpcA("9501101530003")), "UPC-A needs 12 digits, got 13");
  EXPECT_EQ(ErrorOf(EncodeUpcA("036000291453")), "UPC-A check digit is 3, expected 2");
}

TEST(EncodeQr, RejectsWhatCannotBeEncoded) {
  EXPECT_EQ(ErrorOf(EncodeQr("")), "QR data is empty");
  EXPECT_EQ(ErrorOf(EncodeQr(std::string("a\0b", 3))), "QR data must not contain NUL bytes");
  // Lower case is byte mode, so 2332 bytes exceed version 40 at level M.
  EXPECT_EQ(ErrorOf(EncodeQr(std::string(2332, 'a'))),
            "data too long for a QR code at level M (max 2331 bytes)");
  EXPECT_EQ(ErrorOf(EncodeQr(std::string(1274, 'a'), {.error_correction = QrErrorCorrection::kH})),
            "data too long for a QR code at level H (max 1273 bytes)");
  EXPECT_TRUE(EncodeQr(std::string(2331, 'a')).ok());
}

TEST(EncodeQr, HigherErrorCorrectionNeedsABiggerSymbol) {
  const std::string uri = "https://id.gs1.org/01/09501101530003/10/ABC123?17=261231";
  Result<Symbol> low = EncodeQr(uri, {.error_correction = QrErrorCorrection::kL});
  Result<Symbol> high = EncodeQr(uri, {.error_correction = QrErrorCorrection::kH});
  ASSERT_TRUE(low.ok() && high.ok());
  EXPECT_LT(low->columns, high->columns);
  EXPECT_EQ(low->rows, low->columns);
  EXPECT_EQ(low->modules.size(), static_cast<std::size_t>(low->rows * low->columns));
  EXPECT_EQ(low->data, uri);
}

TEST(EncodeGs1, NormalisesSeparatorsAndBracketsTheText) {
  // No separator after the fixed-length GTIN, one after the lot.
  for (std::string_view input : {"^0109501101530003^10ABC^17261231",
                                 "0109501101530003\x1d"
                                 "10ABC\x1d"
                                 "17261231",
                                 "^010950110153000310ABC^17261231"}) {
    Result<Symbol> symbol = EncodeGs1_128(input);
    ASSERT_TRUE(symbol.ok()) << input << ": " << symbol.status().ToString();
    EXPECT_EQ(symbol->data,
              "010950110153000310ABC\x1d"
              "17261231");
    EXPECT_EQ(symbol->text, "(01)09501101530003(10)ABC(17)261231");
  }
  Result<Symbol> matrix = EncodeGs1DataMatrix("^0109501101530003^10ABC");
  ASSERT_TRUE(matrix.ok());
  EXPECT_EQ(matrix->data, "010950110153000310ABC");
}

TEST(EncodeGs1, NamesTheProblem) {
  EXPECT_EQ(ErrorOf(EncodeGs1_128("")), "GS1 element string is empty");
  EXPECT_EQ(ErrorOf(EncodeGs1_128("^")), "GS1 element string is empty");
  EXPECT_EQ(ErrorOf(EncodeGs1_128("^01095011015300")),
            "AI (01): too short: expected 14 more characters (position 1 of \"095011015300\")");
  EXPECT_EQ(ErrorOf(EncodeGs1DataMatrix("^0109501101530003^10")),
            "AI (10): too short: expected 1 more characters (position 1 of \"\")");
  EXPECT_EQ(ErrorOf(EncodeGs1DataMatrix("^10ABCDEFGHIJKLMNOPQRSTU")),
            "AI (10): too long: at most 20 characters (position 21 of \"ABCDEFGHIJKLMNOPQRSTU\")");
  EXPECT_EQ(ErrorOf(EncodeGs1_128("^10AB#C")),
            "AI (10): character '#' at position 3 is not in GS1 character set 82 (position 3 of "
            "\"AB#C\")");
  EXPECT_EQ(ErrorOf(EncodeGs1_128("^0109501101530003^2X")), "no known AI at position 19");
  // Values are validated as the gs1 layer validates them, not only shaped.
  EXPECT_EQ(ErrorOf(EncodeGs1DataMatrix("^0109501101530003^17261331")),
            "AI (17): month 13 is not a month (position 3 of \"261331\")");
  EXPECT_EQ(ErrorOf(EncodeGs1_128("^00389300000000000012")),
            "AI (00): check digit 2 should be 0 (position 18 of \"389300000000000012\")");
  EXPECT_EQ(ErrorOf(EncodeGs1_128("^0109501101530003^10ABC^21" + std::string(20, '9') + "^22" +
                                  std::string(10, 'X'))),
            "GS1-128 holds at most 48 data characters, got 55");
}

}  // namespace
}  // namespace txng::barcode
