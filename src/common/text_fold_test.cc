#include "common/text_fold.h"

#include <gtest/gtest.h>

namespace txng {
namespace {

TEST(FoldForSearch, VietnameseExamples) {
  EXPECT_EQ(FoldForSearch("Hạt điều"), "hat dieu");
  EXPECT_EQ(FoldForSearch("Đồng Xoài"), "dong xoai");
  EXPECT_EQ(FoldForSearch("Đức"), "duc");
  EXPECT_EQ(FoldForSearch("Bù Đăng"), "bu dang");
}

TEST(FoldForSearch, NfcAndNfdFoldAlike) {
  const std::string nfc = "\xE1\xBA\xA1";  // ạ, U+1EA1
  const std::string nfd = "a\xCC\xA3";     // a + U+0323 COMBINING DOT BELOW
  EXPECT_EQ(FoldForSearch("H" + nfc + "t"), "hat");
  EXPECT_EQ(FoldForSearch("H" + nfd + "t"), "hat");
  // "Điều" written with a decomposed ề (e + U+0302 + U+0300).
  EXPECT_EQ(FoldForSearch("\xC4\x90i\x65\xCC\x82\xCC\x80u"), "dieu");
}

TEST(FoldForSearch, UpperCase) {
  EXPECT_EQ(FoldForSearch("HẠT ĐIỀU RANG MUỐI"), "hat dieu rang muoi");
  EXPECT_EQ(FoldForSearch("ĐĂK Ơ"), "dak o");
  EXPECT_EQ(FoldForSearch("Cashew NUTS"), "cashew nuts");
}

TEST(FoldForSearch, WhitespaceCollapsedAndTrimmed) {
  EXPECT_EQ(FoldForSearch("  Hồ \t tiêu\n"), "ho tieu");
  EXPECT_EQ(FoldForSearch(""), "");
  EXPECT_EQ(FoldForSearch("   "), "");
}

TEST(FoldForSearch, InvalidUtf8BytesDropped) {
  EXPECT_EQ(FoldForSearch("ca\xFF ph\xC3\xAA"), "ca phe");
  EXPECT_EQ(FoldForSearch("\xC4"), "");
}

TEST(FoldedSearchTerms, SplitsFoldsAndDropsRepeats) {
  EXPECT_EQ(FoldedSearchTerms("  Hạt   ĐIỀU hat "), (std::vector<std::string>{"hat", "dieu"}));
  EXPECT_TRUE(FoldedSearchTerms(" \t ").empty());
  EXPECT_EQ(FoldedSearchTerms("50%_x"), (std::vector<std::string>{"50%_x"}));
}

}  // namespace
}  // namespace txng
