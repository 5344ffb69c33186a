// The producer workspace's operations beyond the catalog (catalog.h): the
// organisation's own profile and product photos.
//
// The profile follows the catalog's review rules: a draft or rejected
// profile may be edited by its organisation's producers and submitted for
// review; a pending one waits for the reviewer; an approved one is
// published and never changed in place (the authority changes it on
// request). Only the fields a producer answers for are editable here; the
// kind, sector, GS1 company prefix and GLN are set by the authority when it
// registers the organisation.
#ifndef TXNG_SERVICE_WORKSPACE_H_
#define TXNG_SERVICE_WORKSPACE_H_

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

#include "common/status.h"
#include "image/image.h"
#include "service/catalog.h"
#include "service/principal.h"
#include "store/store.h"

namespace txng {

struct ProfileFields {
  std::optional<std::string> name, tax_code, address, district, phone, email;
};

// The caller's own organisation; kPermissionDenied for callers without one.
Result<Organisation> GetOwnOrganisation(Store& store, const Principal& p);
// Changes the profile. kPermissionDenied unless `p` is a producer of an
// organisation; kFailedPrecondition when the profile is pending or approved;
// kInvalidArgument (with the field) for a bad value; kAlreadyExists (field
// "tax_code") when another organisation has the tax code.
Result<Organisation> UpdateOwnOrganisation(Store& store, const Principal& p,
                                           const ProfileFields& f);
// Draft or rejected → pending; kFailedPrecondition otherwise.
Result<Organisation> SubmitOwnOrganisation(Store& store, const Principal& p);

// Product photo sizes: thumbnails `kSmallImageWidth` and `kLargeImageWidth`
// pixels wide (narrower pictures are not enlarged).
inline constexpr int kSmallImageWidth = 160;
inline constexpr int kLargeImageWidth = 640;

struct ImageOptions {
  size_t max_bytes = 5 * 1024 * 1024;
  image::DecodeLimits limits;
};

// The path a stored image is served at: "/media/<id>/<size>.jpg", size
// "small" or "large".
std::string MediaPath(int64_t image_id, std::string_view size);

// A stored photo as `p` may see it. A photo is public once an approved
// product shows it (an approved product's picture never changes in place);
// before that only those who may read the uploading organisation's
// unapproved records see it: its producers, reviewers, admins and officers
// in scope. kNotFound otherwise, with the same message as for a missing id.
struct VisibleImage {
  StoredImage image;
  bool published = false;  // shown by an approved product: anyone may see it
};
Result<VisibleImage> GetVisibleImage(Store& store, const Principal& p, int64_t image_id);

// Checks `bytes` (at most options.max_bytes: kPayloadTooLarge; a JPEG or PNG
// by its content that decodes completely: kInvalidArgument), makes the
// thumbnails, stores them and points the product's image_url at the large
// one. The product must be one `p` may edit (as CatalogService::
// UpdateProduct: kNotFound, kFailedPrecondition); all checks come before
// anything is stored.
Result<StoredImage> SetProductImage(Store& store, CatalogService& catalog, const Principal& p,
                                    int64_t product_id, std::string_view bytes,
                                    const ImageOptions& options = {});

}  // namespace txng

#endif  // TXNG_SERVICE_WORKSPACE_H_
