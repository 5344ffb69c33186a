#include "image/image.h"

#include <gtest/gtest.h>
#include <png.h>
#include <zlib.h>

#include <cstring>
#include <string>

namespace txng::image {
namespace {

// A PNG written by libpng: `channels` 3 (RGB) or 4 (RGBA), each pixel from
// `pixel(x, y, channel)`.
template <typename Pixel>
std::string MakePng(int width, int height, int channels, Pixel pixel) {
  std::vector<uint8_t> px(static_cast<size_t>(width) * height * channels);
  for (int y = 0; y < height; ++y) {
    for (int x = 0; x < width; ++x) {
      for (int c = 0; c < channels; ++c) {
        px[(static_cast<size_t>(y) * width + x) * channels + c] = pixel(x, y, c);
      }
    }
  }
  png_image img;
  std::memset(&img, 0, sizeof img);
  img.version = PNG_IMAGE_VERSION;
  img.width = width;
  img.height = height;
  img.format = channels == 4 ? PNG_FORMAT_RGBA : PNG_FORMAT_RGB;
  png_alloc_size_t size = 0;
  EXPECT_TRUE(png_image_write_to_memory(&img, nullptr, &size, 0, px.data(), 0, nullptr));
  std::string out(size, '\0');
  EXPECT_TRUE(png_image_write_to_memory(&img, out.data(), &size, 0, px.data(), 0, nullptr));
  out.resize(size);
  return out;
}

std::string SolidPng(int width, int height, uint8_t r, uint8_t g, uint8_t b) {
  return MakePng(width, height, 3, [&](int, int, int c) { return c == 0 ? r : c == 1 ? g : b; });
}

Bitmap Solid(int width, int height, uint8_t r, uint8_t g, uint8_t b) {
  Bitmap bm;
  bm.width = width;
  bm.height = height;
  for (int i = 0; i < width * height; ++i) bm.rgb.insert(bm.rgb.end(), {r, g, b});
  return bm;
}

// Big-endian 32-bit value at `at`.
void PutU32(std::string& s, size_t at, uint32_t v) {
  s[at] = static_cast<char>(v >> 24);
  s[at + 1] = static_cast<char>(v >> 16);
  s[at + 2] = static_cast<char>(v >> 8);
  s[at + 3] = static_cast<char>(v);
}

TEST(Sniff, KnowsJpegAndPngByTheirFirstBytes) {
  EXPECT_EQ(Sniff(SolidPng(2, 2, 1, 2, 3)), Format::kPng);
  EXPECT_EQ(Sniff(*EncodeJpeg(Solid(2, 2, 1, 2, 3))), Format::kJpeg);
  EXPECT_EQ(Sniff("GIF89a...."), std::nullopt);
  EXPECT_EQ(Sniff("<script>alert(1)</script>"), std::nullopt);
  EXPECT_EQ(Sniff(""), std::nullopt);
  EXPECT_EQ(Sniff("\xFF\xD8"), std::nullopt);  // too short
}

TEST(Decode, ReadsPngPixels) {
  const std::string png = MakePng(3, 2, 3, [](int x, int y, int c) {
    return static_cast<uint8_t>(c == 0 ? x * 100 : c == 1 ? y * 200 : 7);
  });
  auto bm = Decode(png);
  ASSERT_TRUE(bm.ok()) << bm.status().message();
  EXPECT_EQ(bm->width, 3);
  EXPECT_EQ(bm->height, 2);
  ASSERT_EQ(bm->rgb.size(), 18u);
  // Pixel (2, 1): r = 200, g = 200, b = 7.
  EXPECT_EQ(bm->rgb[(1 * 3 + 2) * 3 + 0], 200);
  EXPECT_EQ(bm->rgb[(1 * 3 + 2) * 3 + 1], 200);
  EXPECT_EQ(bm->rgb[(1 * 3 + 2) * 3 + 2], 7);
}

TEST(Decode, FlattensPngAlphaOntoWhite) {
  // Left column fully transparent black, right column opaque black.
  const std::string png = MakePng(2, 1, 4, [](int x, int, int c) {
    return static_cast<uint8_t>(c == 3 ? (x == 0 ? 0 : 255) : 0);
  });
  auto bm = Decode(png);
  ASSERT_TRUE(bm.ok()) << bm.status().message();
  EXPECT_EQ(bm->rgb[0], 255);
  EXPECT_EQ(bm->rgb[1], 255);
  EXPECT_EQ(bm->rgb[2], 255);
  EXPECT_EQ(bm->rgb[3], 0);
  EXPECT_EQ(bm->rgb[5], 0);
}

TEST(Decode, JpegRoundTripKeepsSizeAndColour) {
  auto jpeg = EncodeJpeg(Solid(40, 30, 200, 100, 50), 95);
  ASSERT_TRUE(jpeg.ok());
  auto bm = Decode(*jpeg);
  ASSERT_TRUE(bm.ok()) << bm.status().message();
  EXPECT_EQ(bm->width, 40);
  EXPECT_EQ(bm->height, 30);
  EXPECT_NEAR(bm->rgb[0], 200, 4);
  EXPECT_NEAR(bm->rgb[1], 100, 4);
  EXPECT_NEAR(bm->rgb[2], 50, 4);
}

TEST(Decode, RefusesWhatIsNotAnImage) {
  for (const std::string& data :
       {std::string("<script>alert(1)</script>"), std::string("GIF89a\x01\x00\x01\x00"),
        std::string("%PDF-1.4\n"), std::string()}) {
    auto bm = Decode(data);
    ASSERT_FALSE(bm.ok());
    EXPECT_EQ(bm.status().code(), StatusCode::kInvalidArgument);
    EXPECT_EQ(bm.status().message(), "the file is not a JPEG or PNG image");
  }
}

TEST(Decode, RefusesTruncatedFiles) {
  const std::string png = SolidPng(64, 64, 10, 20, 30);
  auto cut_png = Decode(png.substr(0, png.size() / 2));
  ASSERT_FALSE(cut_png.ok());
  EXPECT_NE(cut_png.status().message().find("PNG"), std::string::npos)
      << cut_png.status().message();

  Bitmap noisy;
  noisy.width = noisy.height = 64;
  for (int i = 0; i < 64 * 64 * 3; ++i) noisy.rgb.push_back(static_cast<uint8_t>(i * 37));
  const std::string jpeg = *EncodeJpeg(noisy);
  auto cut_jpeg = Decode(jpeg.substr(0, jpeg.size() / 2));
  ASSERT_FALSE(cut_jpeg.ok());
  EXPECT_EQ(cut_jpeg.status().message(), "the JPEG file is truncated or damaged");
  // Only the magic number left.
  EXPECT_FALSE(Decode(jpeg.substr(0, 3)).ok());
  EXPECT_FALSE(Decode(png.substr(0, 8)).ok());
}

TEST(Decode, RefusesCorruptData) {
  std::string png = SolidPng(16, 16, 1, 2, 3);
  png[png.size() / 2] ^= 0x55;  // breaks the IDAT checksum
  auto bad_png = Decode(png);
  ASSERT_FALSE(bad_png.ok());
  EXPECT_EQ(bad_png.status().code(), StatusCode::kInvalidArgument);

  // A JPEG magic number followed by junk.
  auto bad_jpeg = Decode(std::string("\xFF\xD8\xFF\xE0") + std::string(200, 'x'));
  ASSERT_FALSE(bad_jpeg.ok());
  EXPECT_NE(bad_jpeg.status().message().find("JPEG"), std::string::npos);
}

TEST(Decode, RefusesHugeDimensionsBeforeDecoding) {
  // A valid 1 × 1 PNG whose header is then rewritten to claim 30000 × 30000
  // pixels (with the header's CRC fixed up): only the header is read.
  std::string png = SolidPng(1, 1, 0, 0, 0);
  PutU32(png, 16, 30000);
  PutU32(png, 20, 30000);
  PutU32(png, 29,
         static_cast<uint32_t>(crc32(crc32(0, nullptr, 0),
                                     reinterpret_cast<const unsigned char*>(png.data() + 12), 17)));
  auto bomb = Decode(png);
  ASSERT_FALSE(bomb.ok());
  EXPECT_EQ(bomb.status().message(),
            "the image is 30000 × 30000 pixels; at most 8000 pixels a side and 40 megapixels are "
            "accepted");

  // Limits apply to JPEG too, from its header.
  auto jpeg = EncodeJpeg(Solid(300, 200, 9, 9, 9));
  ASSERT_TRUE(jpeg.ok());
  auto refused = Decode(*jpeg, {.max_side = 250, .max_pixels = 1'000'000});
  ASSERT_FALSE(refused.ok());
  EXPECT_NE(refused.status().message().find("300 × 200"), std::string::npos);
  auto few_pixels = Decode(*jpeg, {.max_side = 1000, .max_pixels = 50'000});
  EXPECT_FALSE(few_pixels.ok());
  EXPECT_TRUE(Decode(*jpeg, {.max_side = 300, .max_pixels = 60'000}).ok());
}

TEST(Resize, KeepsAspectAndAveragesPixels) {
  // 4 × 2: left half black, right half white.
  Bitmap bm;
  bm.width = 4;
  bm.height = 2;
  for (int y = 0; y < 2; ++y) {
    for (int x = 0; x < 4; ++x) {
      const uint8_t v = x < 2 ? 0 : 255;
      bm.rgb.insert(bm.rgb.end(), {v, v, v});
    }
  }
  Bitmap half = ResizeToWidth(bm, 2);
  EXPECT_EQ(half.width, 2);
  EXPECT_EQ(half.height, 1);
  ASSERT_EQ(half.rgb.size(), 6u);
  EXPECT_EQ(half.rgb[0], 0);
  EXPECT_EQ(half.rgb[3], 255);
  Bitmap one = ResizeToWidth(bm, 1);
  EXPECT_EQ(one.height, 1);
  EXPECT_EQ(one.rgb[0], 128);  // mean of 0 and 255, rounded

  Bitmap wide = ResizeToWidth(Solid(1000, 3, 5, 5, 5), 160);
  EXPECT_EQ(wide.width, 160);
  EXPECT_EQ(wide.height, 1);  // never 0
  Bitmap photo = ResizeToWidth(Solid(1200, 900, 5, 5, 5), 640);
  EXPECT_EQ(photo.height, 480);
}

TEST(Resize, NeverEnlarges) {
  Bitmap small = Solid(100, 50, 1, 2, 3);
  Bitmap same = ResizeToWidth(small, 640);
  EXPECT_EQ(same.width, 100);
  EXPECT_EQ(same.height, 50);
  EXPECT_EQ(same.rgb, small.rgb);
}

TEST(EncodeJpeg, RefusesInconsistentBitmaps) {
  Bitmap bad;
  bad.width = 2;
  bad.height = 2;
  bad.rgb.resize(5);
  EXPECT_FALSE(EncodeJpeg(bad).ok());
  EXPECT_FALSE(EncodeJpeg(Solid(2, 2, 0, 0, 0), 0).ok());
  EXPECT_FALSE(EncodeJpeg(Solid(2, 2, 0, 0, 0), 101).ok());
}

}  // namespace
}  // namespace txng::image
