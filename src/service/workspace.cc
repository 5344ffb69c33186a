#include "service/workspace.h"

#include <cctype>
#include <utility>

#include "epcis/sha256.h"
#include "service/field_rules.h"

namespace txng {
namespace {

Result<int64_t> OwnOrgId(const Principal& p) {
  if (p.anonymous() || p.role != Role::kProducer || !p.org_id) {
    return Status::PermissionDenied("only a member of a producing organisation has a workspace");
  }
  return *p.org_id;
}

// Mã số thuế: 10 digits, or 10 digits, a hyphen and 3 digits for a branch.
bool IsTaxCode(std::string_view s) {
  auto digits = [](std::string_view d) {
    for (char c : d) {
      if (!std::isdigit(static_cast<unsigned char>(c))) return false;
    }
    return true;
  };
  if (s.size() == 10) return digits(s);
  return s.size() == 14 && s[10] == '-' && digits(s.substr(0, 10)) && digits(s.substr(11));
}

bool IsPhone(std::string_view s) {
  int digits = 0;
  for (char c : s) {
    if (std::isdigit(static_cast<unsigned char>(c))) {
      ++digits;
    } else if (c != ' ' && c != '+' && c != '-' && c != '.' && c != '(' && c != ')') {
      return false;
    }
  }
  return digits >= 8 && digits <= 15;
}

bool IsEmail(std::string_view s) {
  const size_t at = s.find('@');
  return at != std::string_view::npos && at > 0 && s.find('@', at + 1) == std::string_view::npos &&
         s.find('.', at) != std::string_view::npos && s.back() != '.' &&
         s.find_first_of(" \t\r\n<>\"") == std::string_view::npos;
}

Status ApplyProfile(const ProfileFields& f, Organisation& o) {
  if (f.name) o.name = *f.name;
  if (f.tax_code) o.tax_code = *f.tax_code;
  if (f.address) o.address = *f.address;
  if (f.district) o.district = *f.district;
  if (f.phone) o.phone = *f.phone;
  if (f.email) o.email = *f.email;
  TXNG_RETURN_IF_ERROR(RequireText(o.name, "name", 200));
  if (!o.tax_code.empty() && !IsTaxCode(o.tax_code)) {
    return Status::InvalidArgument(
        "tax code must be 10 digits, or 10 digits, '-' and 3 digits for a branch", "taxCode");
  }
  TXNG_RETURN_IF_ERROR(LimitText(o.address, "address", 500));
  TXNG_RETURN_IF_ERROR(LimitText(o.district, "district", 100));
  if (!o.phone.empty() && !IsPhone(o.phone)) {
    return Status::InvalidArgument("phone must be 8 to 15 digits (spaces, +, -, . allowed)",
                                   "phone");
  }
  TXNG_RETURN_IF_ERROR(LimitText(o.email, "email", 200));
  if (!o.email.empty() && !IsEmail(o.email)) {
    return Status::InvalidArgument("email must look like name@example.vn", "email");
  }
  return Status::Ok();
}

Status CheckProfileEditable(ReviewStatus s) {
  if (s == ReviewStatus::kPending) {
    return Status::FailedPrecondition(
        "the profile is waiting for review and cannot be changed until the reviewer decides");
  }
  if (s == ReviewStatus::kApproved) {
    return Status::FailedPrecondition(
        "the profile is approved and published; published records are never changed in place");
  }
  return Status::Ok();
}

}  // namespace

Result<Organisation> GetOwnOrganisation(Store& store, const Principal& p) {
  TXNG_ASSIGN_OR_RETURN(int64_t org_id, OwnOrgId(p));
  return store.GetOrganisation(org_id);
}

Result<Organisation> UpdateOwnOrganisation(Store& store, const Principal& p,
                                           const ProfileFields& f) {
  TXNG_ASSIGN_OR_RETURN(Organisation o, GetOwnOrganisation(store, p));
  TXNG_RETURN_IF_ERROR(CheckProfileEditable(o.review_status));
  TXNG_RETURN_IF_ERROR(ApplyProfile(f, o));
  return store.UpdateOrganisation(o, p.ToActor());
}

Result<Organisation> SubmitOwnOrganisation(Store& store, const Principal& p) {
  TXNG_ASSIGN_OR_RETURN(Organisation o, GetOwnOrganisation(store, p));
  if (o.review_status != ReviewStatus::kDraft && o.review_status != ReviewStatus::kRejected) {
    return Status::FailedPrecondition("the profile is already " +
                                      std::string(ToString(o.review_status)) +
                                      "; only a draft or rejected profile can be submitted");
  }
  TXNG_RETURN_IF_ERROR(ApplyProfile({}, o));
  o.review_status = ReviewStatus::kPending;
  return store.UpdateOrganisation(o, p.ToActor());
}

std::string MediaPath(int64_t image_id, std::string_view size) {
  return "/media/" + std::to_string(image_id) + "/" + std::string(size) + ".jpg";
}

Result<VisibleImage> GetVisibleImage(Store& store, const Principal& p, int64_t image_id) {
  const Status not_found = Status::NotFound("no picture " + std::to_string(image_id));
  Result<StoredImage> image = store.GetImage(image_id);
  if (!image.ok()) {
    return image.status().code() == StatusCode::kNotFound ? not_found : image.status();
  }
  ProductFilter showing;
  showing.review_status = ReviewStatus::kApproved;
  showing.image_url = MediaPath(image_id, "large");
  TXNG_ASSIGN_OR_RETURN(Page<Product> approved,
                        store.ListProducts(showing, {.limit = 1, .offset = 0}));
  if (!approved.items.empty()) return VisibleImage{std::move(image).value(), true};
  if (p.anonymous()) return not_found;
  Result<Organisation> org = store.GetOrganisation(image->org_id);
  if (!org.ok() && org.status().code() != StatusCode::kNotFound) return org.status();
  if (!CanRead(p, image->org_id, ReviewStatus::kPending, org.ok() ? &*org : nullptr)) {
    return not_found;
  }
  return VisibleImage{std::move(image).value(), false};
}

Result<StoredImage> SetProductImage(Store& store, CatalogService& catalog, const Principal& p,
                                    int64_t product_id, std::string_view bytes,
                                    const ImageOptions& options) {
  TXNG_ASSIGN_OR_RETURN(Product product, catalog.GetProduct(p, product_id));
  const std::string what = "product " + std::to_string(product_id);
  if (!CanWrite(p, product.org_id)) return Status::NotFound(what + " not found");
  if (product.review_status == ReviewStatus::kPending ||
      product.review_status == ReviewStatus::kApproved) {
    return Status::FailedPrecondition(what + " is " + std::string(ToString(product.review_status)) +
                                      "; its picture can change only while it is a draft or "
                                      "rejected");
  }
  if (bytes.empty()) return Status::InvalidArgument("choose a picture to upload", "image");
  if (bytes.size() > options.max_bytes) {
    return Status::PayloadTooLarge("the picture is " + std::to_string(bytes.size() / 1024) +
                                   " KiB; at most " + std::to_string(options.max_bytes / 1024) +
                                   " KiB are accepted");
  }
  Result<image::Bitmap> decoded = image::Decode(bytes, options.limits);
  if (!decoded.ok()) return Status::InvalidArgument(decoded.status().message(), "image");
  StoredImage stored;
  stored.org_id = product.org_id;
  stored.sha256 = epcis::Sha256Hex(bytes);
  stored.width = decoded->width;
  stored.height = decoded->height;
  for (auto [variant, width] :
       {std::pair{&stored.small, kSmallImageWidth}, std::pair{&stored.large, kLargeImageWidth}}) {
    image::Bitmap thumb = image::ResizeToWidth(*decoded, width);
    TXNG_ASSIGN_OR_RETURN(variant->jpeg, image::EncodeJpeg(thumb));
    variant->width = thumb.width;
    variant->height = thumb.height;
  }
  TXNG_ASSIGN_OR_RETURN(StoredImage saved, store.CreateImage(stored, p.ToActor()));
  ProductFields f;
  f.image_url = MediaPath(saved.id, "large");
  TXNG_RETURN_IF_ERROR(catalog.UpdateProduct(p, product_id, f).status());
  return saved;
}

}  // namespace txng
