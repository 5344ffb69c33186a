#include "barcode/render.h"

#include <gtest/gtest.h>

#include "barcode/encoders.h"

namespace txng::barcode {
namespace {

Symbol MustEncode(Result<Symbol> result) {
  EXPECT_TRUE(result.ok()) << result.status().ToString();
  return std::move(result).value();
}

TEST(RenderSvg, MatrixSymbolHasItsSizeInModules) {
  const Symbol qr = MustEncode(EncodeQr("https://id.gs1.org/01/09501101530003"));
  RenderOptions options;
  options.module_px = 3;
  const std::string svg = RenderSvg(qr, options);
  const int side = qr.columns + 2 * 4;
  EXPECT_TRUE(svg.starts_with("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"" +
                              std::to_string(side * 3) + "\" height=\"" + std::to_string(side * 3) +
                              "\" viewBox=\"0 0 " + std::to_string(side) + " " +
                              std::to_string(side) + "\""))
      << svg.substr(0, 200);
  EXPECT_TRUE(svg.ends_with("</svg>\n"));
  EXPECT_EQ(svg.find("<text"), std::string::npos);
}

TEST(RenderSvg, LinearSymbolShowsEscapedTextUnderTheBars) {
  const Symbol symbol = MustEncode(EncodeGs1_128("^0109501101530003^10A&B<"));
  RenderOptions options;
  options.quiet_zone_modules = 5;
  options.bar_height = 40;
  const std::string svg = RenderSvg(symbol, options);
  // Height: quiet zone, bars, text band (1 + 8 + 2), quiet zone.
  EXPECT_NE(svg.find("viewBox=\"0 0 " + std::to_string(symbol.Width() + 10) + " 61\""),
            std::string::npos)
      << svg.substr(0, 200);
  EXPECT_NE(svg.find(">(01)09501101530003(10)A&amp;B&lt;</text>"), std::string::npos);
  EXPECT_NE(svg.find("y=\"54\""), std::string::npos);  // baseline 5 + 40 + 1 + 8

  options.show_text = false;
  const std::string bare = RenderSvg(symbol, options);
  EXPECT_EQ(bare.find("<text"), std::string::npos);
  EXPECT_NE(bare.find(" 50\""), std::string::npos);
}

TEST(RenderSvg, RetailSymbolsGroupTheirDigitsAndExtendTheGuards) {
  RenderOptions options;
  options.bar_height = 40;
  const std::string ean = RenderSvg(MustEncode(EncodeEan13("8930000000019")), options);
  // 1 + 6 + 6 digits: the first left of the bars, then under each half.
  EXPECT_NE(ean.find("<text x=\"7\" y=\"60\""), std::string::npos) << ean;
  EXPECT_NE(ean.find(">8</text>"), std::string::npos);
  EXPECT_NE(ean.find("<text x=\"35\" y=\"60\""), std::string::npos);
  EXPECT_NE(ean.find(">930000</text>"), std::string::npos);
  EXPECT_NE(ean.find("<text x=\"82\" y=\"60\""), std::string::npos);
  EXPECT_NE(ean.find(">000019</text>"), std::string::npos);
  // The left guard's first bar reaches 5 modules lower than a data bar.
  EXPECT_NE(ean.find("M11 11h1v45h-1z"), std::string::npos) << ean;
  EXPECT_NE(ean.find("v40h"), std::string::npos);

  const std::string upc = RenderSvg(MustEncode(EncodeUpcA("036000291452")), options);
  // 1 + 5 + 5 + 1, the outer digits smaller and outside the bars.
  EXPECT_NE(upc.find("font-size=\"6\" text-anchor=\"middle\" fill=\"#000\">0</text>"),
            std::string::npos)
      << upc;
  EXPECT_NE(upc.find(">36000</text>"), std::string::npos);
  EXPECT_NE(upc.find(">29145</text>"), std::string::npos);
  EXPECT_NE(upc.find("font-size=\"6\" text-anchor=\"middle\" fill=\"#000\">2</text>"),
            std::string::npos);
  EXPECT_NE(upc.find("viewBox=\"0 0 113 "), std::string::npos);  // 9 + 95 + 9

  options.show_text = false;
  EXPECT_EQ(RenderSvg(MustEncode(EncodeEan13("8930000000019")), options).find("v45h"),
            std::string::npos);
}

TEST(RenderSvg, ClampsOptionsOutOfRange) {
  const Symbol symbol = MustEncode(EncodeEan13("9501101530003"));
  RenderOptions options;
  options.module_px = 0;
  options.quiet_zone_modules = -3;
  options.show_text = false;
  EXPECT_NE(RenderSvg(symbol, options).find("width=\"95\" height=\"60\" viewBox=\"0 0 95 60\""),
            std::string::npos);
}

TEST(RenderPng, RejectsInvalidOptions) {
  const Symbol symbol = MustEncode(EncodeEan13("9501101530003"));
  RenderOptions options;
  options.module_px = 0;
  EXPECT_EQ(RenderPng(symbol, options).status().message(), "module_px must be at least 1, got 0");
  options.module_px = 400;
  EXPECT_EQ(RenderPng(symbol, options).status().message(),
            "image would be 46800x37200 px; at most 32767 px a side");
  options.module_px = 2;
  options.bar_height = 0;
  EXPECT_EQ(RenderPng(symbol, options).status().message(), "bar_height must be at least 1, got 0");
}

TEST(RenderPng, WritesPngBytes) {
  Result<std::string> png = RenderPng(MustEncode(EncodeUpcA("036000291452")));
  ASSERT_TRUE(png.ok()) << png.status().ToString();
  EXPECT_TRUE(png->starts_with("\x89PNG\r\n\x1a\n"));
}

}  // namespace
}  // namespace txng::barcode
