#include "label/text_fit.h"

#include <gtest/gtest.h>

#include <memory>

namespace txng::label {
namespace {

class TextFitTest : public testing::Test {
 protected:
  void SetUp() override {
    surface_ = cairo_image_surface_create(CAIRO_FORMAT_RGB24, 10, 10);
    cr_ = cairo_create(surface_);
    measure_ = std::make_unique<TextMeasure>(cr_);
  }
  void TearDown() override {
    measure_.reset();
    cairo_destroy(cr_);
    cairo_surface_destroy(surface_);
  }

  double Width(const TextLine& line) {
    cairo_text_extents_t e;
    measure_->Select(cr_, line.face, line.size);
    cairo_text_extents(cr_, line.text.c_str(), &e);
    return e.x_advance;
  }

  // Every line within `box`: left edge, right edge, top and bottom.
  void ExpectInside(const std::vector<TextLine>& lines, const Rect& box) {
    for (const TextLine& line : lines) {
      EXPECT_GE(line.x, box.x) << line.text;
      EXPECT_LE(line.x + Width(line), box.x + box.width + 1e-9) << line.text;
      EXPECT_GE(line.baseline - line.size, box.y - 1e-9) << line.text;
      EXPECT_LE(line.baseline + 0.25 * line.size, box.y + box.height + 1e-9) << line.text;
    }
  }

  // The lines in `face`, joined by spaces (words) or nothing (element strings).
  static std::string Joined(const std::vector<TextLine>& lines, Face face) {
    std::string s;
    for (const TextLine& l : lines) {
      if (l.face != face) continue;
      if (!s.empty() && face != Face::kMono) s += ' ';
      s += l.text;
    }
    return s;
  }

  cairo_surface_t* surface_ = nullptr;
  cairo_t* cr_ = nullptr;
  std::unique_ptr<TextMeasure> measure_;
};

Paragraph Name(const std::string& text) {
  Paragraph p;
  p.text = text;
  p.face = Face::kBold;
  p.size = 10;
  p.max_lines = 3;
  return p;
}

Paragraph Code(const std::string& text) {
  Paragraph p;
  p.text = text;
  p.face = Face::kMono;
  p.size = 6.5;
  p.max_lines = 0;
  p.code = true;
  return p;
}

constexpr const char* kLongName = "Hạt điều rang muối vỏ lụa Bình Phước loại đặc biệt";

TEST_F(TextFitTest, LongVietnameseNameWrapsWithinTheBoxWithAllItsWords) {
  const Rect box{10, 20, 80, 70};  // about 28 × 25 mm
  auto lines = FitText(*measure_, {Name(kLongName), Code("(01)08930001000017(10)LOT1")}, box);
  ASSERT_TRUE(lines.ok()) << lines.status().ToString();
  ExpectInside(*lines, box);
  EXPECT_EQ(Joined(*lines, Face::kBold), kLongName);
  EXPECT_EQ(Joined(*lines, Face::kMono), "(01)08930001000017(10)LOT1");
  EXPECT_GT(lines->size(), 2u);
}

TEST_F(TextFitTest, LineBreaksAndTabsInANameAreSpaces) {
  auto lines = FitText(*measure_, {Name("Mật ong\nhoa\tcà phê\r\n")}, Rect{0, 0, 300, 300});
  ASSERT_TRUE(lines.ok());
  EXPECT_EQ(Joined(*lines, Face::kBold), "Mật ong hoa cà phê");
}

TEST_F(TextFitTest, TextGrowsInALargeBoxAndShrinksInASmallOne) {
  auto large = FitText(*measure_, {Name("Mật ong")}, Rect{0, 0, 300, 300});
  auto small = FitText(*measure_, {Name("Mật ong")}, Rect{0, 0, 30, 14});
  ASSERT_TRUE(large.ok());
  ASSERT_TRUE(small.ok()) << small.status().ToString();
  EXPECT_DOUBLE_EQ(large->at(0).size, 20);
  EXPECT_LT(small->at(0).size, 10);
  ExpectInside(*small, Rect{0, 0, 30, 14});
}

TEST_F(TextFitTest, ElementStringsBreakBeforeAnAiAndWordsBetweenCharacters) {
  const Rect box{0, 0, 45, 200};
  auto lines = FitText(*measure_, {Code("(01)08930001000017(10)LOT-2026-A(21)123456789")}, box);
  ASSERT_TRUE(lines.ok()) << lines.status().ToString();
  ExpectInside(*lines, box);
  EXPECT_EQ(Joined(*lines, Face::kMono), "(01)08930001000017(10)LOT-2026-A(21)123456789");
  EXPECT_GE(lines->size(), 3u);
}

TEST_F(TextFitTest, WhatCannotFitIsShortenedWithAnEllipsis) {
  const Rect box{0, 0, 60, 16};
  auto lines = FitText(*measure_, {Name(std::string(kLongName) + " " + kLongName)}, box);
  ASSERT_TRUE(lines.ok()) << lines.status().ToString();
  ExpectInside(*lines, box);
  ASSERT_FALSE(lines->empty());
  const std::string& last = lines->back().text;
  EXPECT_EQ(last.substr(last.size() - 3), "…");
}

TEST_F(TextFitTest, ABoxTooSmallForTheTraceCodeIsAnError) {
  auto lines =
      FitText(*measure_, {Code("(01)08930001000017(10)LOT1(21)SERIAL")}, Rect{0, 0, 10, 5});
  ASSERT_FALSE(lines.ok());
  EXPECT_EQ(lines.status().message(),
            "its text does not fit the label even at the smallest type size; use fewer columns or "
            "rows");
}

}  // namespace
}  // namespace txng::label
