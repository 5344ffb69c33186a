#include "export/sheet_read.h"

#include <gtest/gtest.h>
#include <zip.h>

#include <map>

#include "export/sheet.h"
#include "export/writers.h"

namespace txng::exports {
namespace {

// A ZIP archive of `entries` (deflated), made with libzip in memory.
std::string Zip(const std::map<std::string, std::string>& entries) {
  zip_error_t error;
  zip_error_init(&error);
  zip_source_t* out = zip_source_buffer_create(nullptr, 0, 0, &error);
  zip_source_keep(out);
  zip_t* z = zip_open_from_source(out, ZIP_TRUNCATE, &error);
  for (const auto& [name, content] : entries) {
    zip_source_t* s = zip_source_buffer(z, content.data(), content.size(), 0);
    zip_file_add(z, name.c_str(), s, ZIP_FL_OVERWRITE);
  }
  zip_close(z);
  std::string bytes;
  zip_source_open(out);
  char buffer[4096];
  zip_int64_t n;
  while ((n = zip_source_read(out, buffer, sizeof buffer)) > 0) bytes.append(buffer, n);
  zip_source_close(out);
  zip_source_free(out);
  zip_error_fini(&error);
  return bytes;
}

std::string SheetXml(const std::string& rows) {
  return R"(<?xml version="1.0" encoding="UTF-8"?>)"
         R"(<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">)"
         "<sheetData>" +
         rows + "</sheetData></worksheet>";
}

Sheet Example() {
  Sheet s;
  s.title = "Nhật ký";
  s.columns = {"stage", "time", "lot", "quantity"};
  s.rows = {{Cell::Text("harvesting"), Cell::Text("2026-11-20 07:30"),
             Cell::Text("08930001000018/L1"), Cell::Number(120.5)},
            {Cell::Text("=HYPERLINK(\"x\")"), Cell::Date("2026-11-21"),
             Cell::Text("Hạt điều, \"A\""), Cell::Number(3)}};
  return s;
}

TEST(ReadCsvTest, ReadsBackWhatTheWriterWrote) {
  auto rows = ReadCsv(WriteCsv(Example()));
  ASSERT_TRUE(rows.ok()) << rows.status().ToString();
  ASSERT_EQ(rows->size(), 3u);
  EXPECT_EQ((*rows)[0], (ReadRow{1, {"stage", "time", "lot", "quantity"}}));
  EXPECT_EQ((*rows)[1],
            (ReadRow{2, {"harvesting", "2026-11-20 07:30", "08930001000018/L1", "120.5"}}));
  // The writer's formula guard stays: the text is never a formula.
  EXPECT_EQ((*rows)[2], (ReadRow{3, {"'=HYPERLINK(\"x\")", "2026-11-21", "Hạt điều, \"A\"", "3"}}));
}

TEST(ReadCsvTest, SemicolonsBlankLinesAndLineBreaksInQuotes) {
  auto rows = ReadCsv("a;b;c\r\n\r\n1;\"x\ny\";3\n;;\n4;5");
  ASSERT_TRUE(rows.ok()) << rows.status().ToString();
  ASSERT_EQ(rows->size(), 3u);
  EXPECT_EQ((*rows)[0], (ReadRow{1, {"a", "b", "c"}}));
  EXPECT_EQ((*rows)[1], (ReadRow{3, {"1", "x\ny", "3"}}));
  EXPECT_EQ((*rows)[2], (ReadRow{6, {"4", "5"}}));
}

TEST(ReadCsvTest, RefusesBrokenAndOversizedFiles) {
  auto unclosed = ReadCsv("a,b\n1,\"open\n");
  ASSERT_FALSE(unclosed.ok());
  EXPECT_EQ(unclosed.status().message(), "row 2: a quoted field is not closed");

  auto latin1 = ReadCsv("t\xEAn,gi\xE1\n");
  ASSERT_FALSE(latin1.ok());
  EXPECT_EQ(latin1.status().message(), "the file is not UTF-8 text (save it as \"CSV UTF-8\")");

  ReadLimits small;
  small.max_file_bytes = 8;
  auto big = ReadCsv("a,b,c,d,e,f\n", small);
  ASSERT_FALSE(big.ok());
  EXPECT_EQ(big.status().code(), StatusCode::kPayloadTooLarge);

  small = {};
  small.max_rows = 2;
  auto many = ReadCsv("a\nb\nc\n", small);
  ASSERT_FALSE(many.ok());
  EXPECT_EQ(many.status().message(), "the file has more than 2 rows");

  small = {};
  small.max_columns = 2;
  auto wide = ReadCsv("a,b,c\n", small);
  ASSERT_FALSE(wide.ok());
  EXPECT_EQ(wide.status().message(), "row 1 has more than 2 columns");
}

TEST(ReadXlsxTest, ReadsBackWhatTheWriterWrote) {
  auto xlsx = WriteXlsx(Example());
  ASSERT_TRUE(xlsx.ok());
  auto rows = ReadXlsxRows(*xlsx);
  ASSERT_TRUE(rows.ok()) << rows.status().ToString();
  ASSERT_EQ(rows->size(), 3u);
  EXPECT_EQ((*rows)[0], (ReadRow{1, {"stage", "time", "lot", "quantity"}}));
  EXPECT_EQ((*rows)[1],
            (ReadRow{2, {"harvesting", "2026-11-20 07:30", "08930001000018/L1", "120.5"}}));
  // A date cell reads as its day; formula-like text stays text.
  EXPECT_EQ((*rows)[2], (ReadRow{3, {"=HYPERLINK(\"x\")", "2026-11-21", "Hạt điều, \"A\"", "3"}}));
}

TEST(ReadXlsxTest, InlineStringsFormulasAsCachedValuesGapsAndDateTimes) {
  const std::string styles =
      R"(<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">)"
      R"(<numFmts count="1"><numFmt numFmtId="164" formatCode="dd/mm/yyyy\ hh:mm"/></numFmts>)"
      R"(<cellXfs count="3"><xf numFmtId="0"/><xf numFmtId="164"/><xf numFmtId="14"/></cellXfs>)"
      "</styleSheet>";
  const std::string shared =
      R"(<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">)"
      "<si><t>a</t></si><si><r><t>b</t></r><r><t>c</t></r></si></sst>";
  const std::string sheet = SheetXml(
      R"(<row r="1"><c r="A1" t="s"><v>0</v></c><c r="C1" t="s"><v>1</v></c></row>)"
      R"(<row r="4"><c r="A4" t="inlineStr"><is><t>&lt;script&gt;</t></is></c>)"
      R"(<c r="B4"><f>SUM(1,2)</f><v>3</v></c><c r="C4" t="str"><f>"x"&amp;"y"</f><v>xy</v></c>)"
      R"(<c r="D4" s="1"><v>46346.3125</v></c><c r="E4" s="2"><v>46346</v></c>)"
      R"(<c r="F4" t="b"><v>1</v></c></row>)");
  auto rows = ReadXlsxRows(Zip({{"xl/worksheets/sheet1.xml", sheet},
                                {"xl/sharedStrings.xml", shared},
                                {"xl/styles.xml", styles}}));
  ASSERT_TRUE(rows.ok()) << rows.status().ToString();
  ASSERT_EQ(rows->size(), 2u);
  EXPECT_EQ((*rows)[0], (ReadRow{1, {"a", "", "bc"}}));
  EXPECT_EQ((*rows)[1],
            (ReadRow{4, {"<script>", "3", "xy", "2026-11-20 07:30", "2026-11-20", "TRUE"}}));
}

TEST(ReadXlsxTest, ReadsTheFirstSheetInTheWorkbooksOrder) {
  // The user moved "Nhật ký" before "Hướng dẫn": sheet2.xml comes first.
  const std::string workbook =
      R"(<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" )"
      R"(xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets>)"
      R"(<sheet name="Nhật ký" sheetId="2" r:id="rId7"/>)"
      R"(<sheet name="Hướng dẫn" sheetId="1" r:id="rId1"/></sheets></workbook>)";
  const std::string rels =
      R"(<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">)"
      R"(<Relationship Id="rId1" Type="worksheet" Target="worksheets/sheet1.xml"/>)"
      R"(<Relationship Id="rId7" Type="worksheet" Target="/xl/worksheets/sheet2.xml"/>)"
      "</Relationships>";
  const std::string help =
      SheetXml(R"(<row r="1"><c t="inlineStr"><is><t>help</t></is></c></row>)");
  const std::string diary =
      SheetXml(R"(<row r="1"><c t="inlineStr"><is><t>stage</t></is></c></row>)");
  auto rows = ReadXlsxRows(Zip({{"xl/workbook.xml", workbook},
                                {"xl/_rels/workbook.xml.rels", rels},
                                {"xl/worksheets/sheet1.xml", help},
                                {"xl/worksheets/sheet2.xml", diary}}));
  ASSERT_TRUE(rows.ok()) << rows.status().ToString();
  ASSERT_EQ(rows->size(), 1u);
  EXPECT_EQ((*rows)[0], (ReadRow{1, {"stage"}}));

  // A relationship that leads nowhere is an error, not another sheet.
  std::string broken = rels;
  broken.replace(broken.find("rId7"), 4, "rId8");
  auto lost = ReadXlsxRows(Zip({{"xl/workbook.xml", workbook},
                                {"xl/_rels/workbook.xml.rels", broken},
                                {"xl/worksheets/sheet1.xml", help}}));
  ASSERT_FALSE(lost.ok());
  EXPECT_EQ(lost.status().message(),
            "the workbook's first sheet (rId7) has no part in the archive");
}

TEST(ReadXlsxTest, RefusesCorruptFiles) {
  auto garbage = ReadXlsxRows("PK\x03\x04 not really a zip");
  ASSERT_FALSE(garbage.ok());
  EXPECT_EQ(garbage.status().message(), "the file is not an XLSX workbook (not a ZIP archive)");

  auto no_sheet = ReadXlsxRows(Zip({{"hello.txt", "hi"}}));
  ASSERT_FALSE(no_sheet.ok());
  EXPECT_EQ(no_sheet.status().message(),
            "the file is not an XLSX workbook (it has no first worksheet)");

  auto bad_xml = ReadXlsxRows(Zip({{"xl/worksheets/sheet1.xml", "<worksheet><sheetData>"}}));
  ASSERT_FALSE(bad_xml.ok());
  EXPECT_EQ(bad_xml.status().message(), "the workbook's sheet1.xml is not valid XML");

  auto missing_string =
      ReadXlsxRows(Zip({{"xl/worksheets/sheet1.xml",
                         SheetXml(R"(<row r="1"><c r="A1" t="s"><v>7</v></c></row>)")}}));
  ASSERT_FALSE(missing_string.ok());
  EXPECT_EQ(missing_string.status().message(),
            "row 1: a cell names a shared string the workbook lacks");

  auto xlsx = WriteXlsx(Example());
  ASSERT_TRUE(xlsx.ok());
  auto truncated = ReadXlsxRows(xlsx->substr(0, xlsx->size() / 2));
  EXPECT_FALSE(truncated.ok());
}

TEST(ReadXlsxTest, RefusesOversizedFilesAndZipBombs) {
  auto xlsx = WriteXlsx(Example());
  ASSERT_TRUE(xlsx.ok());
  ReadLimits small;
  small.max_file_bytes = 1000;
  auto big = ReadXlsxRows(*xlsx, small);
  ASSERT_FALSE(big.ok());
  EXPECT_EQ(big.status().code(), StatusCode::kPayloadTooLarge);

  // 40 MiB of blanks inside the worksheet deflate to a few tens of KiB.
  const std::string bomb =
      Zip({{"xl/worksheets/sheet1.xml", SheetXml("") + std::string(40 << 20, ' ')}});
  ASSERT_LT(bomb.size(), 200u * 1024);
  auto refused = ReadXlsxRows(bomb);
  ASSERT_FALSE(refused.ok());
  EXPECT_EQ(refused.status().message(),
            "the workbook inflates to more than 32 MiB: refused as a possible zip bomb");
}

TEST(SerialDateTextTest, DaysAndTimes) {
  EXPECT_EQ(SerialDateText(61), "1900-03-01");
  EXPECT_EQ(SerialDateText(46346), "2026-11-20");
  EXPECT_EQ(SerialDateText(46346.75), "2026-11-20 18:00");
  EXPECT_EQ(SerialDateText(-1), "");
  EXPECT_EQ(SerialDateText(3e6), "");
}

}  // namespace
}  // namespace txng::exports
