#include "label/sheet_geometry.h"

#include <gtest/gtest.h>

#include <cmath>

namespace txng::label {
namespace {

bool Inside(const Rect& inner, const Rect& outer) {
  constexpr double kSlack = 1e-6;
  return inner.x >= outer.x - kSlack && inner.y >= outer.y - kSlack &&
         inner.x + inner.width <= outer.x + outer.width + kSlack &&
         inner.y + inner.height <= outer.y + outer.height + kSlack;
}

bool Overlap(const Rect& a, const Rect& b) {
  return a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
}

TEST(SheetLayout, DefaultIsThreeByEightOnA4) {
  const SheetLayout layout;
  auto g = LayOutSheet(layout);
  ASSERT_TRUE(g.ok()) << g.status().ToString();
  EXPECT_NEAR(g->page_width, 595.28, 0.01);
  EXPECT_NEAR(g->page_height, 841.89, 0.01);
  ASSERT_EQ(g->cells.size(), 24u);
  EXPECT_EQ(layout.LabelsPerPage(), 24);
  // The first label starts at the margins; the last ends at them.
  EXPECT_NEAR(g->cells.front().x, 10 * kPointsPerMm, 1e-9);
  EXPECT_NEAR(g->cells.front().y, 10 * kPointsPerMm, 1e-9);
  EXPECT_NEAR(g->cells.back().x + g->cells.back().width, 200 * kPointsPerMm, 1e-9);
  EXPECT_NEAR(g->cells.back().y + g->cells.back().height, 287 * kPointsPerMm, 1e-9);
  // Row by row: the second cell is to the right of the first.
  EXPECT_GT(g->cells[1].x, g->cells[0].x);
  EXPECT_EQ(g->cells[1].y, g->cells[0].y);
}

TEST(SheetLayout, EveryAcceptedGridKeepsLabelsApartAndQrBesideText) {
  int accepted = 0;
  for (int columns = 1; columns <= 6; ++columns) {
    for (int rows = 1; rows <= 20; ++rows) {
      SheetLayout layout;
      layout.columns = columns;
      layout.rows = rows;
      auto g = LayOutSheet(layout);
      if (!g.ok()) {
        EXPECT_NE(g.status().message().find("are too small"), std::string::npos)
            << g.status().message();
        continue;
      }
      ++accepted;
      SCOPED_TRACE(std::to_string(columns) + "x" + std::to_string(rows));
      const Rect page{0, 0, g->page_width, g->page_height};
      ASSERT_EQ(g->cells.size(), static_cast<size_t>(columns * rows));
      for (size_t i = 0; i < g->cells.size(); ++i) {
        EXPECT_TRUE(Inside(g->cells[i], page));
        for (size_t j = i + 1; j < g->cells.size(); ++j) {
          EXPECT_FALSE(Overlap(g->cells[i], g->cells[j]));
        }
      }
      const Rect cell{0, 0, g->cells[0].width, g->cells[0].height};
      EXPECT_TRUE(Inside(g->qr, cell));
      EXPECT_TRUE(Inside(g->text, cell));
      EXPECT_FALSE(Overlap(g->qr, g->text));
      EXPECT_DOUBLE_EQ(g->qr.width, g->qr.height);
      EXPECT_GE(g->qr.width, 18 * kPointsPerMm - 1e-9);
    }
  }
  // Common label sheets are among them.
  EXPECT_GT(accepted, 40);
}

TEST(SheetLayout, CommonSheetsAreAccepted) {
  for (auto [columns, rows] : {std::pair{1, 1}, {2, 5}, {3, 8}, {3, 10}, {4, 10}, {6, 6}}) {
    SheetLayout layout;
    layout.columns = columns;
    layout.rows = rows;
    EXPECT_TRUE(ValidateSheetLayout(layout).ok())
        << columns << "x" << rows << ": " << ValidateSheetLayout(layout).message();
  }
}

TEST(SheetLayout, RangesAreCheckedWithPreciseMessages) {
  auto error = [](auto change) {
    SheetLayout layout;
    change(layout);
    Status s = ValidateSheetLayout(layout);
    return s.message() + " [" + s.field() + "]";
  };
  EXPECT_EQ(error([](SheetLayout& l) { l.columns = 0; }),
            "columns must be from 1 to 6, got 0 [columns]");
  EXPECT_EQ(error([](SheetLayout& l) { l.columns = 7; }),
            "columns must be from 1 to 6, got 7 [columns]");
  EXPECT_EQ(error([](SheetLayout& l) { l.rows = 21; }), "rows must be from 1 to 20, got 21 [rows]");
  EXPECT_EQ(error([](SheetLayout& l) { l.margin_mm = -1; }),
            "the page margin must be from 0 to 40 mm, got -1 [margin]");
  EXPECT_EQ(error([](SheetLayout& l) { l.column_gap_mm = 20.5; }),
            "the gap between columns must be from 0 to 20 mm, got 20.5 [columnGap]");
  EXPECT_EQ(error([](SheetLayout& l) { l.row_gap_mm = std::nan(""); }),
            "the gap between rows must be from 0 to 20 mm, got not a number [rowGap]");
}

TEST(SheetLayout, LabelsTooSmallForAQrCodeAreRefused) {
  SheetLayout layout;
  layout.columns = 6;
  layout.rows = 20;
  EXPECT_EQ(ValidateSheetLayout(layout).message(),
            "labels of 29.2 × 11 mm (6 columns × 20 rows on A4) are too small: each needs a QR "
            "code of at least 18 mm that scans and text of at least 20 × 17 mm; use fewer columns "
            "or rows, or smaller margins or gaps");
}

}  // namespace
}  // namespace txng::label
