#include "image/image.h"

#include <png.h>
// jpeglib.h needs FILE and size_t declared first.
#include <jpeglib.h>

#include <algorithm>
#include <csetjmp>
#include <cstdio>
#include <cstdlib>
#include <cstring>

namespace txng::image {
namespace {

constexpr unsigned char kJpegMagic[] = {0xFF, 0xD8, 0xFF};
constexpr unsigned char kPngMagic[] = {0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};

bool StartsWith(std::string_view data, const unsigned char* magic, size_t n) {
  return data.size() >= n && std::memcmp(data.data(), magic, n) == 0;
}

Status CheckSize(int64_t width, int64_t height, const DecodeLimits& limits) {
  if (width <= 0 || height <= 0) {
    return Status::InvalidArgument("the image has no pixels");
  }
  if (width > limits.max_side || height > limits.max_side || width * height > limits.max_pixels) {
    return Status::InvalidArgument(
        "the image is " + std::to_string(width) + " × " + std::to_string(height) +
        " pixels; at most " + std::to_string(limits.max_side) + " pixels a side and " +
        std::to_string(limits.max_pixels / 1'000'000) + " megapixels are accepted");
  }
  return Status::Ok();
}

// libjpeg reports fatal errors through error_exit, which must not return:
// it jumps back to the setjmp in the function that called libjpeg. Those
// functions hold no C++ objects with destructors between setjmp and the
// calls that may jump, so the jump skips no destructor.
struct JpegError {
  jpeg_error_mgr mgr;
  std::jmp_buf jump;
  char message[JMSG_LENGTH_MAX];
};

void JpegErrorExit(j_common_ptr cinfo) {
  auto* err = reinterpret_cast<JpegError*>(cinfo->err);
  (*cinfo->err->format_message)(cinfo, err->message);
  std::longjmp(err->jump, 1);
}

// Warnings (e.g. "premature end of data") count in num_warnings; nothing is
// printed.
void JpegQuiet(j_common_ptr cinfo, int level) {
  if (level < 0) ++cinfo->err->num_warnings;
}

// Outcomes of the setjmp-guarded steps, turned into Status by the callers.
enum class JpegStep { kOk, kError, kTooLarge, kWarnings };

struct JpegDecodeState {
  jpeg_decompress_struct cinfo;
  JpegError err;
  JDIMENSION width = 0, height = 0;
};

JpegStep JpegReadHeader(JpegDecodeState& s, std::string_view data, const DecodeLimits& limits) {
  s.cinfo.err = jpeg_std_error(&s.err.mgr);
  s.err.mgr.error_exit = JpegErrorExit;
  s.err.mgr.emit_message = JpegQuiet;
  s.err.message[0] = '\0';
  if (setjmp(s.err.jump)) return JpegStep::kError;
  jpeg_create_decompress(&s.cinfo);
  jpeg_mem_src(&s.cinfo, reinterpret_cast<const unsigned char*>(data.data()),
               static_cast<unsigned long>(data.size()));
  jpeg_read_header(&s.cinfo, TRUE);
  s.width = s.cinfo.image_width;
  s.height = s.cinfo.image_height;
  if (!CheckSize(s.width, s.height, limits).ok()) return JpegStep::kTooLarge;
  return JpegStep::kOk;
}

// Decodes into `out`, already sized to 3 * width * height bytes.
JpegStep JpegReadPixels(JpegDecodeState& s, uint8_t* out) {
  if (setjmp(s.err.jump)) return JpegStep::kError;
  s.cinfo.out_color_space = JCS_RGB;
  jpeg_start_decompress(&s.cinfo);
  if (s.cinfo.output_width != s.width || s.cinfo.output_height != s.height ||
      s.cinfo.output_components != 3) {
    std::snprintf(s.err.message, sizeof s.err.message, "unexpected output format");
    return JpegStep::kError;
  }
  const size_t stride = static_cast<size_t>(s.width) * 3;
  while (s.cinfo.output_scanline < s.cinfo.output_height) {
    JSAMPROW row = out + stride * s.cinfo.output_scanline;
    jpeg_read_scanlines(&s.cinfo, &row, 1);
  }
  jpeg_finish_decompress(&s.cinfo);
  return s.err.mgr.num_warnings > 0 ? JpegStep::kWarnings : JpegStep::kOk;
}

Result<Bitmap> DecodeJpeg(std::string_view data, const DecodeLimits& limits) {
  JpegDecodeState s{};
  JpegStep step = JpegReadHeader(s, data, limits);
  Bitmap out;
  if (step == JpegStep::kOk) {
    out.width = static_cast<int>(s.width);
    out.height = static_cast<int>(s.height);
    out.rgb.resize(static_cast<size_t>(out.width) * out.height * 3);
    step = JpegReadPixels(s, out.rgb.data());
  }
  jpeg_destroy_decompress(&s.cinfo);
  switch (step) {
    case JpegStep::kOk:
      return out;
    case JpegStep::kTooLarge:
      return CheckSize(s.width, s.height, limits);
    case JpegStep::kWarnings:
      return Status::InvalidArgument("the JPEG file is truncated or damaged");
    case JpegStep::kError:
      break;
  }
  return Status::InvalidArgument(std::string("the JPEG file cannot be read: ") + s.err.message);
}

// libpng's simplified API reports errors through its return value and
// png_image::message; it does its own setjmp internally.
Result<Bitmap> DecodePng(std::string_view data, const DecodeLimits& limits) {
  png_image img;
  std::memset(&img, 0, sizeof img);
  img.version = PNG_IMAGE_VERSION;
  if (!png_image_begin_read_from_memory(&img, data.data(), data.size())) {
    const std::string why = img.message;
    png_image_free(&img);
    return Status::InvalidArgument("the PNG file cannot be read: " + why);
  }
  if (Status s = CheckSize(img.width, img.height, limits); !s.ok()) {
    png_image_free(&img);
    return s;
  }
  img.format = PNG_FORMAT_RGB;
  Bitmap out;
  out.width = static_cast<int>(img.width);
  out.height = static_cast<int>(img.height);
  out.rgb.resize(PNG_IMAGE_SIZE(img));
  png_color white = {255, 255, 255};
  // Removing the alpha channel composites onto `white`.
  if (!png_image_finish_read(&img, &white, out.rgb.data(), 0, nullptr)) {
    const std::string why = img.message;
    png_image_free(&img);
    return Status::InvalidArgument("the PNG file is truncated or damaged: " + why);
  }
  png_image_free(&img);
  return out;
}

struct JpegEncodeState {
  jpeg_compress_struct cinfo;
  JpegError err;
  unsigned char* buffer = nullptr;
  unsigned long size = 0;
};

bool JpegWrite(JpegEncodeState& s, const Bitmap& in, int quality) {
  s.cinfo.err = jpeg_std_error(&s.err.mgr);
  s.err.mgr.error_exit = JpegErrorExit;
  s.err.mgr.emit_message = JpegQuiet;
  if (setjmp(s.err.jump)) return false;
  jpeg_create_compress(&s.cinfo);
  jpeg_mem_dest(&s.cinfo, &s.buffer, &s.size);
  s.cinfo.image_width = static_cast<JDIMENSION>(in.width);
  s.cinfo.image_height = static_cast<JDIMENSION>(in.height);
  s.cinfo.input_components = 3;
  s.cinfo.in_color_space = JCS_RGB;
  jpeg_set_defaults(&s.cinfo);
  jpeg_set_quality(&s.cinfo, quality, TRUE);
  jpeg_start_compress(&s.cinfo, TRUE);
  const size_t stride = static_cast<size_t>(in.width) * 3;
  while (s.cinfo.next_scanline < s.cinfo.image_height) {
    JSAMPROW row = const_cast<uint8_t*>(in.rgb.data()) + stride * s.cinfo.next_scanline;
    jpeg_write_scanlines(&s.cinfo, &row, 1);
  }
  jpeg_finish_compress(&s.cinfo);
  return true;
}

}  // namespace

std::optional<Format> Sniff(std::string_view data) {
  if (StartsWith(data, kJpegMagic, sizeof kJpegMagic)) return Format::kJpeg;
  if (StartsWith(data, kPngMagic, sizeof kPngMagic)) return Format::kPng;
  return std::nullopt;
}

Result<Bitmap> Decode(std::string_view data, const DecodeLimits& limits) {
  const std::optional<Format> format = Sniff(data);
  if (!format) return Status::InvalidArgument("the file is not a JPEG or PNG image");
  return *format == Format::kJpeg ? DecodeJpeg(data, limits) : DecodePng(data, limits);
}

Bitmap ResizeToWidth(const Bitmap& in, int width) {
  if (width <= 0 || in.width <= width) return in;
  Bitmap out;
  out.width = width;
  out.height = static_cast<int>(
      std::max<int64_t>(1, (static_cast<int64_t>(in.height) * width + in.width / 2) / in.width));
  out.rgb.resize(static_cast<size_t>(out.width) * out.height * 3);
  // Box filter: each target pixel is the mean of the source pixels whose
  // centres fall in its footprint (at least one).
  for (int y = 0; y < out.height; ++y) {
    const int y0 = static_cast<int>(static_cast<int64_t>(y) * in.height / out.height);
    const int y1 =
        std::max(y0 + 1, static_cast<int>(static_cast<int64_t>(y + 1) * in.height / out.height));
    for (int x = 0; x < out.width; ++x) {
      const int x0 = static_cast<int>(static_cast<int64_t>(x) * in.width / out.width);
      const int x1 =
          std::max(x0 + 1, static_cast<int>(static_cast<int64_t>(x + 1) * in.width / out.width));
      uint64_t sum[3] = {0, 0, 0};
      for (int sy = y0; sy < y1; ++sy) {
        const uint8_t* row = in.rgb.data() + (static_cast<size_t>(sy) * in.width + x0) * 3;
        for (int sx = x0; sx < x1; ++sx, row += 3) {
          sum[0] += row[0];
          sum[1] += row[1];
          sum[2] += row[2];
        }
      }
      const uint64_t n = static_cast<uint64_t>(y1 - y0) * (x1 - x0);
      uint8_t* px = out.rgb.data() + (static_cast<size_t>(y) * out.width + x) * 3;
      for (int c = 0; c < 3; ++c) px[c] = static_cast<uint8_t>((sum[c] + n / 2) / n);
    }
  }
  return out;
}

Result<std::string> EncodeJpeg(const Bitmap& in, int quality) {
  if (in.width <= 0 || in.height <= 0 ||
      in.rgb.size() != static_cast<size_t>(in.width) * in.height * 3) {
    return Status::InvalidArgument("the bitmap's size does not match its pixels");
  }
  if (quality < 1 || quality > 100) {
    return Status::InvalidArgument("JPEG quality must be 1..100");
  }
  JpegEncodeState s{};
  const bool ok = JpegWrite(s, in, quality);
  std::string out;
  if (ok) out.assign(reinterpret_cast<const char*>(s.buffer), s.size);
  jpeg_destroy_compress(&s.cinfo);
  std::free(s.buffer);
  if (!ok) return Status::Internal(std::string("JPEG encoding failed: ") + s.err.message);
  return out;
}

}  // namespace txng::image
