// Every symbol kind, rendered to PNG at several module sizes, is read back by
// zxing-cpp: the decoded data and symbology identifier must be what was
// encoded.
#define ZX_USE_UTF8
#include <ReadBarcode.h>
#include <cairo.h>
#include <gtest/gtest.h>

#include <algorithm>
#include <functional>
#include <memory>
#include <string>

#include "barcode/encoders.h"
#include "barcode/render.h"

namespace txng::barcode {
namespace {

struct Decoded {
  std::string identifier;
  std::string text;
};

struct PngReader {
  std::string_view bytes;
  std::size_t offset = 0;
};

cairo_status_t ReadChunk(void* closure, unsigned char* data, unsigned int length) {
  auto* reader = static_cast<PngReader*>(closure);
  if (reader->bytes.size() - reader->offset < length) return CAIRO_STATUS_READ_ERROR;
  std::copy_n(reader->bytes.data() + reader->offset, length, data);
  reader->offset += length;
  return CAIRO_STATUS_SUCCESS;
}

// Decodes the PNG with cairo and reads it as `format` with zxing-cpp.
Decoded Decode(const std::string& png, ZXing::BarcodeFormat format) {
  PngReader reader{png};
  std::unique_ptr<cairo_surface_t, decltype(&cairo_surface_destroy)> surface(
      cairo_image_surface_create_from_png_stream(ReadChunk, &reader), cairo_surface_destroy);
  EXPECT_EQ(cairo_surface_status(surface.get()), CAIRO_STATUS_SUCCESS);
  EXPECT_EQ(cairo_image_surface_get_format(surface.get()), CAIRO_FORMAT_RGB24);
  // RGB24 is one native-endian 32-bit word per pixel: B, G, R, X in memory.
  ZXing::ImageView image(cairo_image_surface_get_data(surface.get()),
                         cairo_image_surface_get_width(surface.get()),
                         cairo_image_surface_get_height(surface.get()), ZXing::ImageFormat::BGRX,
                         cairo_image_surface_get_stride(surface.get()));
  ZXing::DecodeHints hints;
  hints.setFormats(format);
  const ZXing::Result result = ZXing::ReadBarcode(image, hints);
  if (!result.isValid()) return {};
  return {result.symbologyIdentifier(), result.text()};
}

struct Case {
  std::string name;
  std::function<Result<Symbol>()> encode;
  ZXing::BarcodeFormat format;
  std::string identifier;
  std::string text;  // what the scanner transmits after the identifier
};

class RoundTrip : public testing::TestWithParam<Case> {};

TEST_P(RoundTrip, DecodesToWhatWasEncoded) {
  const Case& c = GetParam();
  Result<Symbol> symbol = c.encode();
  ASSERT_TRUE(symbol.ok()) << symbol.status().ToString();
  EXPECT_EQ(symbol->data, c.text);
  EXPECT_EQ(SymbologyIdentifier(symbol->symbology), c.identifier);
  for (int module_px : {2, 3, 5}) {
    SCOPED_TRACE("module_px " + std::to_string(module_px));
    RenderOptions options;
    options.module_px = module_px;
    Result<std::string> png = RenderPng(*symbol, options);
    ASSERT_TRUE(png.ok()) << png.status().ToString();
    const Decoded decoded = Decode(*png, c.format);
    EXPECT_EQ(decoded.identifier, c.identifier);
    EXPECT_EQ(decoded.text, c.text);
  }
}

const std::string kDigitalLink = "https://id.gs1.org/01/08930000000019/10/LOT-2026.A?17=261231";

INSTANTIATE_TEST_SUITE_P(
    AllKinds, RoundTrip,
    testing::Values(
        Case{"QrLevelM", [] { return EncodeQr(kDigitalLink); }, ZXing::BarcodeFormat::QRCode, "]Q1",
             kDigitalLink},
        Case{"QrLevelH",
             [] { return EncodeQr(kDigitalLink, {.error_correction = QrErrorCorrection::kH}); },
             ZXing::BarcodeFormat::QRCode, "]Q1", kDigitalLink},
        Case{"Gs1DataMatrix",
             [] { return EncodeGs1DataMatrix("^0108930000000019^10LOT42^17261231"); },
             ZXing::BarcodeFormat::DataMatrix, "]d2",
             "010893000000001910LOT42\x1d"
             "17261231"},
        Case{"Gs1DataMatrixWithGsSeparators",
             [] {
               return EncodeGs1DataMatrix(
                   "\x1d"
                   "0109501101530003\x1d"
                   "21abc/123%\x1d"
                   "3103000150");
             },
             ZXing::BarcodeFormat::DataMatrix, "]d2",
             "010950110153000321abc/123%\x1d"
             "3103000150"},
        Case{"Gs1_128", [] { return EncodeGs1_128("^0108930000000019^10LOT42^17261231"); },
             ZXing::BarcodeFormat::Code128, "]C1",
             "010893000000001910LOT42\x1d"
             "17261231"},
        Case{"Gs1_128Sscc", [] { return EncodeGs1_128("^00389300000000000010"); },
             ZXing::BarcodeFormat::Code128, "]C1", "00389300000000000010"},
        Case{"Ean13", [] { return EncodeEan13("8930000000019"); }, ZXing::BarcodeFormat::EAN13,
             "]E0", "8930000000019"},
        Case{"UpcA", [] { return EncodeUpcA("036000291452"); }, ZXing::BarcodeFormat::UPCA, "]E0",
             "036000291452"}),
    [](const testing::TestParamInfo<Case>& info) { return info.param.name; });

}  // namespace
}  // namespace txng::barcode
