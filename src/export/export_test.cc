#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <cmath>
#include <limits>

#include "export/sheet.h"
#include "export/writers.h"
#include "export/xlsx_read_testing.h"

namespace txng::exports {
namespace {

using ::testing::ElementsAre;
using testing::ReadCell;
using testing::ReadXlsx;

constexpr std::string_view kBom = "\xEF\xBB\xBF";
const std::string kVietnamese = "Hạt điều rang muối Bình Phước – Đồng Xoài";

Sheet OneColumn(std::vector<Cell> cells) {
  Sheet s;
  s.title = "t";
  s.columns = {"c"};
  for (Cell& c : cells) s.rows.push_back({std::move(c)});
  return s;
}

TEST(LooksLikeFormula, EveryOwaspPrefix) {
  for (std::string_view s : {"=1+2", "+1", "-1", "@SUM(A1)", "\tx", "\rx", "=", "-"}) {
    EXPECT_TRUE(LooksLikeFormula(s)) << s;
  }
  for (std::string_view s : {"", "a=1", " =1", "1", "'=1", "\n=1", "Lô 1"}) {
    EXPECT_FALSE(LooksLikeFormula(s)) << s;
  }
}

TEST(CleanText, KeepsValidUtf8AndReplacesTheRest) {
  EXPECT_EQ(CleanText(kVietnamese), kVietnamese);
  EXPECT_EQ(CleanText("a\tb\nc\rd"), "a\tb\nc\rd");
  EXPECT_EQ(CleanText("a\x01z"), "a\xEF\xBF\xBDz");
  EXPECT_EQ(CleanText(std::string("a\0z", 3)), "a\xEF\xBF\xBDz");
  EXPECT_EQ(CleanText("\x7F"), "\xEF\xBF\xBD");
  EXPECT_EQ(CleanText("\xC3"), "\xEF\xBF\xBD");                                  // cut sequence
  EXPECT_EQ(CleanText("\xC0\xAF"), "\xEF\xBF\xBD\xEF\xBF\xBD");                  // overlong
  EXPECT_EQ(CleanText("\xED\xA0\x80"), "\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD");  // surrogate
  EXPECT_EQ(CleanText("\xF4\x90\x80\x80").substr(0, 3), "\xEF\xBF\xBD");         // > U+10FFFF
  EXPECT_EQ(CleanText("\xF0\x9F\x8C\xB0"), "\xF0\x9F\x8C\xB0");                  // 🌰
}

TEST(ParseDate, ValidDatesOnly) {
  int y = 0, m = 0, d = 0;
  EXPECT_TRUE(ParseDate("2024-02-29", &y, &m, &d));
  EXPECT_EQ(y * 10000 + m * 100 + d, 20240229);
  EXPECT_TRUE(ParseDate("2000-02-29", &y, &m, &d));
  for (std::string_view s :
       {"2023-02-29", "1900-02-29", "2026-13-01", "2026-00-10", "2026-04-31", "1899-12-31",
        "2026-1-01", "2026/01/01", "20260101", "", "2026-01-0x"}) {
    EXPECT_FALSE(ParseDate(s, &y, &m, &d)) << s;
  }
}

TEST(WriteCsv, BomHeaderAndCrlfRecords) {
  Sheet s;
  s.columns = {"Sản phẩm", "Số lượng"};
  s.rows = {{Cell::Text(kVietnamese), Cell::Number(12.5)}, {Cell::Text("b"), Cell::Number(-3)}};
  EXPECT_EQ(WriteCsv(s),
            std::string(kBom) + "Sản phẩm,Số lượng\r\n" + kVietnamese + ",12.5\r\nb,-3\r\n");
}

TEST(WriteCsv, EmptySheetIsBomAndHeader) {
  Sheet s;
  s.columns = {"a", "b"};
  EXPECT_EQ(WriteCsv(s), std::string(kBom) + "a,b\r\n");
}

TEST(WriteCsv, Rfc4180Quoting) {
  Sheet s = OneColumn({Cell::Text("a,b"), Cell::Text("say \"hi\""), Cell::Text("two\nlines"),
                       Cell::Text("cr\rhere"), Cell::Text("plain text"), Cell::Text(" spaced ")});
  EXPECT_EQ(WriteCsv(s), std::string(kBom) +
                             "c\r\n\"a,b\"\r\n\"say \"\"hi\"\"\"\r\n\"two\nlines\"\r\n"
                             "\"cr\rhere\"\r\nplain text\r\n spaced \r\n");
}

TEST(WriteCsv, EveryInjectionPrefixGetsAnApostrophe) {
  Sheet s = OneColumn({Cell::Text("=HYPERLINK(\"http://x\",\"y\")"), Cell::Text("+1+1"),
                       Cell::Text("-2+3"), Cell::Text("@SUM(A1:A2)"), Cell::Text("\t=1"),
                       Cell::Text("\r=1"), Cell::Text("=1,2")});
  EXPECT_EQ(WriteCsv(s), std::string(kBom) +
                             "c\r\n\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\"\r\n'+1+1\r\n"
                             "'-2+3\r\n'@SUM(A1:A2)\r\n'\t=1\r\n\"'\r=1\"\r\n\"'=1,2\"\r\n");
}

TEST(WriteCsv, HeadersAreGuardedToo) {
  Sheet s;
  s.columns = {"=cmd", "ok"};
  EXPECT_EQ(WriteCsv(s), std::string(kBom) + "'=cmd,ok\r\n");
}

TEST(WriteCsv, NumbersStayNumbers) {
  Sheet s = OneColumn({Cell::Number(-5), Cell::Number(0.1), Cell::Number(1e6), Cell::Number(0),
                       Cell::Number(1234567.125), Cell::Number(1e20), Cell::Number(1.5e-9),
                       Cell::Number(std::nan("")),
                       Cell::Number(std::numeric_limits<double>::infinity())});
  EXPECT_EQ(WriteCsv(s), std::string(kBom) +
                             "c\r\n-5\r\n0.1\r\n1000000\r\n0\r\n1234567.125\r\n1e+20\r\n1.5e-09\r\n"
                             "\r\n\r\n");
}

TEST(WriteCsv, DatesAsIsoTextAndInvalidDatesAsGuardedText) {
  Sheet s = OneColumn(
      {Cell::Date("2026-11-29"), Cell::Date("2026-02-30"), Cell::Date("=1+1"), Cell::Empty()});
  EXPECT_EQ(WriteCsv(s), std::string(kBom) + "c\r\n2026-11-29\r\n2026-02-30\r\n'=1+1\r\n\r\n");
}

TEST(WriteCsv, ShortRowsArePaddedToTheHeader) {
  Sheet s;
  s.columns = {"a", "b", "c"};
  s.rows = {{Cell::Text("x")}, {}};
  EXPECT_EQ(WriteCsv(s), std::string(kBom) + "a,b,c\r\nx,,\r\n,,\r\n");
}

TEST(WriteCsv, InvalidUtf8AndControlCharactersAreReplaced) {
  Sheet s = OneColumn({Cell::Text("a\xFFz"), Cell::Text("bell\x07")});
  EXPECT_EQ(WriteCsv(s), std::string(kBom) + "c\r\na\xEF\xBF\xBDz\r\nbell\xEF\xBF\xBD\r\n");
}

}  // namespace
}  // namespace txng::exports

namespace txng::exports::testing {
void PrintTo(const ReadCell& c, std::ostream* os) {
  *os << "{'" << c.type << "', \"" << c.value << "\"" << (c.bold ? ", bold" : "") << "}";
}
}  // namespace txng::exports::testing

namespace txng::exports {
namespace {

ReadCell S(std::string v, bool bold = false) { return {'s', std::move(v), bold}; }
ReadCell N(std::string v) { return {'n', std::move(v), false}; }
ReadCell D(std::string v) { return {'d', std::move(v), false}; }

TEST(WriteXlsx, ReadsBackCellByCell) {
  Sheet s;
  s.title = "FSMA 204";
  s.columns = {"Sản phẩm", "Số lượng", "Ngày", "Ghi chú"};
  s.rows = {{Cell::Text(kVietnamese), Cell::Number(12.5), Cell::Date("2026-11-29"),
             Cell::Text("a,\"b\"\nc")},
            {Cell::Text("x"), Cell::Number(-3), Cell::Date("2024-02-29"), Cell::Empty()},
            {Cell::Empty(), Cell::Number(1e6), Cell::Date("not a date"), Cell::Text("y")}};
  auto bytes = WriteXlsx(s);
  ASSERT_TRUE(bytes.ok()) << bytes.status().ToString();
  auto read = ReadXlsx(*bytes);
  ASSERT_TRUE(read.ok()) << read.status().ToString();
  EXPECT_EQ(read->name, "FSMA 204");
  ASSERT_EQ(read->rows.size(), 4u);
  EXPECT_THAT(read->rows[0], ElementsAre(S("Sản phẩm", true), S("Số lượng", true), S("Ngày", true),
                                         S("Ghi chú", true)));
  EXPECT_THAT(read->rows[1],
              ElementsAre(S(kVietnamese), N("12.5"), D("2026-11-29"), S("a,\"b\"\nc")));
  EXPECT_THAT(read->rows[2], ElementsAre(S("x"), N("-3"), D("2024-02-29")));
  EXPECT_THAT(read->rows[3], ElementsAre(S(""), N("1000000"), S("not a date"), S("y")));
  EXPECT_EQ(read->autofilter, "A1:D4");
  EXPECT_EQ(read->frozen_rows, 1);
  EXPECT_EQ(read->formulas, 0);
  // Widths: the longest value (the Vietnamese name, 41 characters) plus
  // one; short columns the minimum of 10 or the header plus the filter
  // button; dates 12.
  ASSERT_EQ(read->column_widths.size(), 4u);
  EXPECT_NEAR(read->column_widths[0], 42.7, 0.5);
  EXPECT_NEAR(read->column_widths[1], 12.7, 0.5);
  EXPECT_NEAR(read->column_widths[2], 12.7, 0.5);
  EXPECT_NEAR(read->column_widths[3], 10.7, 0.5);
}

TEST(WriteXlsx, FormulaLookingTextIsPlainTextNeverAFormula) {
  const std::vector<std::string> texts = {"=HYPERLINK(\"http://x\",\"y\")",
                                          "+1+1",
                                          "-2+3",
                                          "@SUM(A1:A2)",
                                          "\t=1",
                                          "\r=1",
                                          "=cmd|' /C calc'!A0"};
  std::vector<Cell> cells;
  for (const std::string& t : texts) cells.push_back(Cell::Text(t));
  Sheet s = OneColumn(cells);
  s.columns = {"=header"};
  auto bytes = WriteXlsx(s);
  ASSERT_TRUE(bytes.ok()) << bytes.status().ToString();
  auto read = ReadXlsx(*bytes);
  ASSERT_TRUE(read.ok()) << read.status().ToString();
  EXPECT_EQ(read->formulas, 0);
  ASSERT_EQ(read->rows.size(), texts.size() + 1);
  EXPECT_THAT(read->rows[0], ElementsAre(S("=header", true)));
  for (size_t i = 0; i < texts.size(); ++i) {
    EXPECT_THAT(read->rows[i + 1], ElementsAre(S(texts[i]))) << i;
  }
}

TEST(WriteXlsx, TextThatReadsLikeAnOoxmlEscapeStaysAsWritten) {
  auto bytes =
      WriteXlsx(OneColumn({Cell::Text("_x0041_ and _x00e9_"), Cell::Text("_x12_ _xZZZZ_")}));
  ASSERT_TRUE(bytes.ok()) << bytes.status().ToString();
  auto read = ReadXlsx(*bytes);
  ASSERT_TRUE(read.ok()) << read.status().ToString();
  EXPECT_THAT(read->rows[1], ElementsAre(S("_x0041_ and _x00e9_")));
  EXPECT_THAT(read->rows[2], ElementsAre(S("_x12_ _xZZZZ_")));
}

TEST(WriteXlsx, NegativeNumbersStayNumbers) {
  auto bytes = WriteXlsx(OneColumn({Cell::Number(-1), Cell::Number(std::nan(""))}));
  ASSERT_TRUE(bytes.ok()) << bytes.status().ToString();
  auto read = ReadXlsx(*bytes);
  ASSERT_TRUE(read.ok()) << read.status().ToString();
  ASSERT_EQ(read->rows.size(), 2u);  // the NaN is an empty cell
  EXPECT_THAT(read->rows[1], ElementsAre(N("-1")));
  EXPECT_EQ(read->autofilter, "A1:A3");
}

TEST(WriteXlsx, EmptySheetHasHeaderAndFilter) {
  Sheet s;
  s.title = "empty";
  s.columns = {"a", "b", "c"};
  auto bytes = WriteXlsx(s);
  ASSERT_TRUE(bytes.ok()) << bytes.status().ToString();
  auto read = ReadXlsx(*bytes);
  ASSERT_TRUE(read.ok()) << read.status().ToString();
  ASSERT_EQ(read->rows.size(), 1u);
  EXPECT_THAT(read->rows[0], ElementsAre(S("a", true), S("b", true), S("c", true)));
  EXPECT_EQ(read->autofilter, "A1:C1");
  EXPECT_EQ(read->frozen_rows, 1);
}

TEST(WriteXlsx, SheetNamesExcelAccepts) {
  const auto name_of = [](std::string title) {
    Sheet s = OneColumn({});
    s.title = std::move(title);
    auto bytes = WriteXlsx(s);
    EXPECT_TRUE(bytes.ok()) << bytes.status().ToString();
    auto read = ReadXlsx(*bytes);
    EXPECT_TRUE(read.ok()) << read.status().ToString();
    return read->name;
  };
  EXPECT_EQ(name_of("a/b:c*d?e[f]g\\h"), "a_b_c_d_e_f_g_h");
  EXPECT_EQ(name_of(""), "Sheet1");
  EXPECT_EQ(name_of("'quoted'"), "quoted");
  EXPECT_EQ(name_of("Truy xuất nguồn gốc sản phẩm Bình Phước 2026"),
            "Truy xuất nguồn gốc sản phẩm Bì");
}

TEST(WriteXlsx, OverlongTextIsCutAtACharacterBoundary) {
  std::string text = "a";
  while (text.size() < kXlsxMaxTextBytes + 10) text += "ệ";  // 3 bytes each
  auto bytes = WriteXlsx(OneColumn({Cell::Text(text)}));
  ASSERT_TRUE(bytes.ok()) << bytes.status().ToString();
  auto read = ReadXlsx(*bytes);
  ASSERT_TRUE(read.ok()) << read.status().ToString();
  const std::string& got = read->rows[1][0].value;
  EXPECT_EQ(got.size(), 1 + (kXlsxMaxTextBytes - 1) / 3 * 3);
  EXPECT_EQ(got, text.substr(0, got.size()));
}

TEST(WriteXlsx, ControlCharactersAreReplaced) {
  auto bytes = WriteXlsx(OneColumn({Cell::Text("bell\x07"), Cell::Text("bad\xFF")}));
  ASSERT_TRUE(bytes.ok()) << bytes.status().ToString();
  auto read = ReadXlsx(*bytes);
  ASSERT_TRUE(read.ok()) << read.status().ToString();
  EXPECT_THAT(read->rows[1], ElementsAre(S("bell\xEF\xBF\xBD")));
  EXPECT_THAT(read->rows[2], ElementsAre(S("bad\xEF\xBF\xBD")));
}

TEST(WriteXlsx, RejectsWhatXlsxCannotHold) {
  Sheet none;
  auto r = WriteXlsx(none);
  EXPECT_EQ(r.status().code(), StatusCode::kInvalidArgument);
  EXPECT_EQ(r.status().message(), "a sheet needs at least one column");

  Sheet wide = OneColumn({});
  wide.rows = {{Cell::Text("a"), Cell::Text("b")}};
  r = WriteXlsx(wide);
  EXPECT_EQ(r.status().code(), StatusCode::kInvalidArgument);
  EXPECT_EQ(r.status().message(), "a row has more cells than the sheet has columns");

  Sheet many;
  many.columns.assign(kXlsxMaxColumns + 1, "c");
  r = WriteXlsx(many);
  EXPECT_EQ(r.status().code(), StatusCode::kInvalidArgument);
  EXPECT_EQ(r.status().message(), "XLSX holds at most 16384 columns; the sheet has 16385");

  Sheet tall = OneColumn({});
  tall.rows.assign(kXlsxMaxRows, {});
  r = WriteXlsx(tall);
  EXPECT_EQ(r.status().code(), StatusCode::kInvalidArgument);
  EXPECT_EQ(r.status().message(),
            "XLSX holds at most 1048575 rows below the header; the sheet has 1048576");
}

TEST(ReadXlsx, RejectsWhatIsNoWorkbook) {
  EXPECT_EQ(ReadXlsx("not a zip").status().code(), StatusCode::kInvalidArgument);
}

}  // namespace
}  // namespace txng::exports
