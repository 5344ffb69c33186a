// Product photos as uploaded by producers: recognise JPEG and PNG by their
// content, decode them fully (so a file that only starts like an image is
// refused), shrink them to a given width and encode the result as JPEG.
//
// Uploads are untrusted. Decode checks the dimensions in the header against
// DecodeLimits before it allocates any pixels, so a small file that claims
// to be a huge image (a decompression bomb) is refused cheaply; truncated or
// damaged files are refused rather than shown half grey.
#ifndef TXNG_IMAGE_IMAGE_H_
#define TXNG_IMAGE_IMAGE_H_

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "common/status.h"

namespace txng::image {

enum class Format { kJpeg, kPng };

// The format the first bytes of `data` announce (JPEG: FF D8 FF; PNG: the
// eight-byte PNG signature), or nullopt.
std::optional<Format> Sniff(std::string_view data);

// 8-bit RGB pixels, row after row, no padding: 3 * width * height bytes.
struct Bitmap {
  int width = 0;
  int height = 0;
  std::vector<uint8_t> rgb;
};

struct DecodeLimits {
  int max_side = 8000;              // pixels, either dimension
  int64_t max_pixels = 40'000'000;  // width * height
};

// The pixels of a JPEG or PNG file. Transparent PNG pixels are composited
// onto white (thumbnails are JPEG, which has no alpha); grey images become
// RGB. kInvalidArgument with a message for people when the data is neither
// format, is truncated or damaged, or exceeds `limits`.
Result<Bitmap> Decode(std::string_view data, const DecodeLimits& limits = {});

// `in` scaled to `width` pixels wide keeping its aspect ratio (height at
// least 1), averaging the source pixels each target pixel covers. Never
// enlarges: an image already at most `width` wide is returned unchanged.
Bitmap ResizeToWidth(const Bitmap& in, int width);

// A baseline JPEG of `in` at `quality` (1..100).
Result<std::string> EncodeJpeg(const Bitmap& in, int quality = 85);

}  // namespace txng::image

#endif  // TXNG_IMAGE_IMAGE_H_
