// Store: product photos. The JPEG bytes are kept base64-encoded in TEXT
// columns (migration 0012 says why).
#include <array>

#include "store/audit_detail.h"
#include "store/store.h"
#include "store/store_internal.h"

namespace txng {
namespace {

using store_internal::InsertAudit;
using store_internal::InTransaction;
using store_internal::LoadById;
using store_internal::OnMissingReference;

constexpr std::string_view kInsertImage =
    "INSERT INTO images (org_id, sha256, width, height, small_width, small_height, small_jpeg, "
    "large_width, large_height, large_jpeg, created_at) "
    "VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11) RETURNING id";
constexpr std::string_view kSelectImage =
    "SELECT id, org_id, sha256, width, height, small_width, small_height, small_jpeg, "
    "large_width, large_height, large_jpeg, created_at FROM images WHERE id = $1";

constexpr char kAlphabet[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

std::string Base64(std::string_view in) {
  std::string out;
  out.reserve((in.size() + 2) / 3 * 4);
  size_t i = 0;
  for (; i + 2 < in.size(); i += 3) {
    const uint32_t v = static_cast<uint8_t>(in[i]) << 16 | static_cast<uint8_t>(in[i + 1]) << 8 |
                       static_cast<uint8_t>(in[i + 2]);
    for (int shift : {18, 12, 6, 0}) out += kAlphabet[(v >> shift) & 63];
  }
  if (i < in.size()) {
    uint32_t v = static_cast<uint8_t>(in[i]) << 16;
    if (i + 1 < in.size()) v |= static_cast<uint8_t>(in[i + 1]) << 8;
    out += kAlphabet[(v >> 18) & 63];
    out += kAlphabet[(v >> 12) & 63];
    out += i + 1 < in.size() ? kAlphabet[(v >> 6) & 63] : '=';
    out += '=';
  }
  return out;
}

// The bytes of base64 text this store wrote; stops at padding.
std::string Unbase64(std::string_view in) {
  std::array<int, 256> value;
  value.fill(-1);
  for (int k = 0; k < 64; ++k) value[static_cast<uint8_t>(kAlphabet[k])] = k;
  std::string out;
  out.reserve(in.size() / 4 * 3);
  uint32_t acc = 0;
  int bits = 0;
  for (char ch : in) {
    const int v = value[static_cast<uint8_t>(ch)];
    if (v < 0) break;
    acc = acc << 6 | static_cast<uint32_t>(v);
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out += static_cast<char>((acc >> bits) & 0xFF);
    }
  }
  return out;
}

StoredImage ImageFromRow(const SqlRow& row) {
  StoredImage im;
  im.id = row.Int(0);
  im.org_id = row.Int(1);
  im.sha256 = row.Text(2);
  im.width = static_cast<int>(row.Int(3));
  im.height = static_cast<int>(row.Int(4));
  im.small = {static_cast<int>(row.Int(5)), static_cast<int>(row.Int(6)), Unbase64(row.Text(7))};
  im.large = {static_cast<int>(row.Int(8)), static_cast<int>(row.Int(9)), Unbase64(row.Text(10))};
  im.created_at = row.Int(11);
  return im;
}

}  // namespace

Result<StoredImage> Store::CreateImage(const StoredImage& image, const Actor& actor) {
  return InTransaction<StoredImage>(
      *db_, TxMode::kWrite, [&](SqlConnection& c) -> Result<StoredImage> {
        StoredImage out = image;
        const UnixMillis now = NowMillis();
        out.created_at = now;
        Result<SqlResult> inserted = c.Run(
            kInsertImage, {image.org_id, image.sha256, int64_t{image.width}, int64_t{image.height},
                           int64_t{image.small.width}, int64_t{image.small.height},
                           Base64(image.small.jpeg), int64_t{image.large.width},
                           int64_t{image.large.height}, Base64(image.large.jpeg), now});
        if (!inserted.ok()) {
          return OnMissingReference(inserted.status(),
                                    "organisation " + std::to_string(image.org_id) + " not found");
        }
        out.id = inserted->rows.at(0).Int(0);
        TXNG_RETURN_IF_ERROR(InsertAudit(c, actor, "image.create", "image", std::to_string(out.id),
                                         AuditDetail()
                                             .Int("org_id", image.org_id)
                                             .Text("sha256", image.sha256)
                                             .Int("width", image.width)
                                             .Int("height", image.height)
                                             .ToJson(),
                                         now));
        return out;
      });
}

Result<StoredImage> Store::GetImage(int64_t id) {
  return InTransaction<StoredImage>(*db_, TxMode::kRead, [&](SqlConnection& c) {
    return LoadById<StoredImage>(c, kSelectImage, "image", id, ImageFromRow);
  });
}

}  // namespace txng
