#include "service/catalog.h"

#include "gs1/check_digit.h"
#include "service/field_rules.h"

namespace txng {
namespace {

std::string Name(std::string_view what, int64_t id) {
  return std::string(what) + " " + std::to_string(id);
}

// Whether a record in `status` may be edited, and the message when not.
Status CheckEditable(ReviewStatus status, const std::string& what) {
  switch (status) {
    case ReviewStatus::kDraft:
    case ReviewStatus::kRejected:
      return Status::Ok();
    case ReviewStatus::kPending:
      return Status::FailedPrecondition(
          what + " is waiting for review and cannot be changed until the reviewer decides");
    case ReviewStatus::kApproved:
      return Status::FailedPrecondition(
          what + " is approved and published; published records are never changed in place");
  }
  return Status::Internal("unknown review status");
}

// The "decision" of a producer submitting a record for review.
ReviewDecision SubmitDecision() {
  ReviewDecision d;
  d.status = ReviewStatus::kPending;
  return d;
}

Status CheckSubmittable(ReviewStatus status, const std::string& what) {
  if (status == ReviewStatus::kDraft || status == ReviewStatus::kRejected) return Status::Ok();
  return Status::FailedPrecondition(what + " is already " + std::string(ToString(status)) +
                                    "; only draft or rejected records can be submitted");
}

// Restricts a list filter to what `p` may see: its own organisation's
// records in any status, everyone else's approved ones.
template <typename Filter>
void RestrictToVisible(const Principal& p, Filter& f) {
  if (p.is(Role::kAdmin) || p.is(Role::kReviewer)) return;
  const bool own_org = !p.anonymous() && p.org_id && (!f.org_id || f.org_id == p.org_id) &&
                       (p.role == Role::kProducer);
  if (own_org) {
    f.org_id = p.org_id;
    return;
  }
  f.review_status = ReviewStatus::kApproved;
}

}  // namespace

Status ValidateReviewDecision(const Principal& p, const ReviewDecision& d) {
  if (!CanReview(p)) {
    return Status::PermissionDenied(
        "only the reviewer (Department of Science and Technology) "
        "or an admin can approve or reject records");
  }
  if (d.status != ReviewStatus::kApproved && d.status != ReviewStatus::kRejected) {
    return Status::InvalidArgument("decision must be 'approve' or 'reject'", "decision");
  }
  if (d.status == ReviewStatus::kRejected && d.reason.empty()) {
    return Status::InvalidArgument("a rejection needs a reason the producer can act on", "reason");
  }
  return Status::Ok();
}

namespace {

Status ApplyProduct(const ProductFields& f, Product& p) {
  if (f.gtin) {
    auto gtin = gs1::NormalizeGtin(*f.gtin);
    if (!gtin) {
      return Status::InvalidArgument(
          "GTIN must be 8, 12, 13 or 14 digits with a valid GS1 check digit", "gtin");
    }
    p.gtin = *gtin;
  }
  if (f.name_vi) p.name_vi = *f.name_vi;
  if (f.name_en) p.name_en = *f.name_en;
  if (f.category) p.category = *f.category;
  if (f.brand) p.brand = *f.brand;
  if (f.description) p.description = *f.description;
  if (f.standards) p.standards = *f.standards;
  if (f.priority) p.priority = *f.priority;
  if (f.image_url) p.image_url = *f.image_url;
  if (f.shelf_life_days) p.shelf_life_days = *f.shelf_life_days;
  if (f.ocop_stars) p.ocop_stars = *f.ocop_stars;

  if (p.gtin.empty()) return Status::InvalidArgument("GTIN is required", "gtin");
  TXNG_RETURN_IF_ERROR(RequireText(p.name_vi, "nameVi", 200));
  TXNG_RETURN_IF_ERROR(LimitText(p.name_en, "nameEn", 200));
  TXNG_RETURN_IF_ERROR(LimitText(p.category, "category", 100));
  TXNG_RETURN_IF_ERROR(LimitText(p.brand, "brand", 200));
  TXNG_RETURN_IF_ERROR(LimitText(p.description, "description", 5000));
  TXNG_RETURN_IF_ERROR(LimitText(p.standards, "standards", 500));
  TXNG_RETURN_IF_ERROR(CheckUrl(p.image_url, "imageUrl"));
  if (p.ocop_stars != 0 && (p.ocop_stars < 3 || p.ocop_stars > 5)) {
    return Status::InvalidArgument("OCOP stars must be 3, 4 or 5 (or 0 when not rated)",
                                   "ocopStars");
  }
  if (!p.priority.empty() && p.priority != "key" && p.priority != "distinctive" &&
      p.priority != "potential") {
    return Status::InvalidArgument("priority must be 'key', 'distinctive' or 'potential'",
                                   "priority");
  }
  if (p.shelf_life_days && (*p.shelf_life_days < 1 || *p.shelf_life_days > 36500)) {
    return Status::InvalidArgument("shelf life must be between 1 and 36500 days", "shelfLifeDays");
  }
  return Status::Ok();
}

Status ApplyLocation(const LocationFields& f, Location& l) {
  if (f.gln) l.gln = *f.gln;
  if (f.gln_extension) l.gln_extension = *f.gln_extension;
  if (f.name) l.name = *f.name;
  if (f.kind) {
    auto kind = ParseLocationKind(*f.kind);
    if (!kind) {
      return Status::InvalidArgument(
          "kind must be one of farm, growing_area, packing_house, factory, warehouse, shop",
          "kind");
    }
    l.kind = *kind;
  }
  if (f.address) l.address = *f.address;
  if (f.district) l.district = *f.district;
  if (f.area_code) l.area_code = *f.area_code;
  if (f.latitude) l.latitude = *f.latitude;
  if (f.longitude) l.longitude = *f.longitude;

  if (!gs1::IsValidGln(l.gln)) {
    return Status::InvalidArgument("GLN must be 13 digits with a valid GS1 check digit", "gln");
  }
  TXNG_RETURN_IF_ERROR(CheckGs1Chars(l.gln_extension, "glnExtension", 20));
  TXNG_RETURN_IF_ERROR(RequireText(l.name, "name", 200));
  TXNG_RETURN_IF_ERROR(LimitText(l.address, "address", 500));
  TXNG_RETURN_IF_ERROR(LimitText(l.district, "district", 100));
  TXNG_RETURN_IF_ERROR(LimitText(l.area_code, "areaCode", 50));
  if (l.latitude && (*l.latitude < -90 || *l.latitude > 90)) {
    return Status::InvalidArgument("latitude must be between -90 and 90", "latitude");
  }
  if (l.longitude && (*l.longitude < -180 || *l.longitude > 180)) {
    return Status::InvalidArgument("longitude must be between -180 and 180", "longitude");
  }
  return Status::Ok();
}

LotFilter ApprovedLotsOf(int64_t product_id) {
  LotFilter f;
  f.product_id = product_id;
  f.review_status = ReviewStatus::kApproved;
  return f;
}

// How the generic record operations below reach each kind of record.
struct ProductRecord {
  using Record = Product;
  static constexpr const char* kName = "product";
  static Result<Product> Load(Store& s, int64_t id) { return s.GetProduct(id); }
  static Result<Product> Save(Store& s, const Product& r, const Actor& a) {
    return s.UpdateProduct(r, a);
  }
  static Result<Product> Review(Store& s, int64_t id, const ReviewDecision& d, const Actor& a) {
    return s.ReviewProduct(id, d, a);
  }
};

struct LocationRecord {
  using Record = Location;
  static constexpr const char* kName = "location";
  static Result<Location> Load(Store& s, int64_t id) { return s.GetLocation(id); }
  static Result<Location> Save(Store& s, const Location& r, const Actor& a) {
    return s.UpdateLocation(r, a);
  }
  static Result<Location> Review(Store& s, int64_t id, const ReviewDecision& d, const Actor& a) {
    return s.ReviewLocation(id, d, a);
  }
};

struct LotRecord {
  using Record = Lot;
  static constexpr const char* kName = "lot";
  static Result<Lot> Load(Store& s, int64_t id) { return s.GetLot(id); }
  static Result<Lot> Save(Store& s, const Lot& r, const Actor& a) { return s.UpdateLot(r, a); }
  static Result<Lot> Review(Store& s, int64_t id, const ReviewDecision& d, const Actor& a) {
    return s.ReviewLot(id, d, a);
  }
};

}  // namespace

template <typename Kind>
Result<typename Kind::Record> CatalogService::Read(const Principal& p, int64_t id) {
  TXNG_ASSIGN_OR_RETURN(typename Kind::Record r, Kind::Load(store_, id));
  TXNG_RETURN_IF_ERROR(CheckRead(p, r.org_id, r.review_status, Name(Kind::kName, id)));
  return r;
}

template <typename Kind, typename Apply>
Result<typename Kind::Record> CatalogService::Change(const Principal& p, int64_t id,
                                                     std::optional<int64_t> requested_org,
                                                     Apply apply) {
  TXNG_ASSIGN_OR_RETURN(typename Kind::Record r, Read<Kind>(p, id));
  if (!CanWrite(p, r.org_id)) return Status::NotFound(Name(Kind::kName, id) + " not found");
  if (requested_org && *requested_org != r.org_id) {
    return Status::InvalidArgument("a record cannot move to another organisation",
                                   "organisationId");
  }
  TXNG_RETURN_IF_ERROR(CheckEditable(r.review_status, Name(Kind::kName, id)));
  TXNG_RETURN_IF_ERROR(apply(r));
  return Kind::Save(store_, r, p.ToActor());
}

template <typename Kind>
Result<typename Kind::Record> CatalogService::Submit(const Principal& p, int64_t id) {
  TXNG_ASSIGN_OR_RETURN(typename Kind::Record r, Read<Kind>(p, id));
  if (!CanWrite(p, r.org_id)) return Status::NotFound(Name(Kind::kName, id) + " not found");
  TXNG_RETURN_IF_ERROR(CheckSubmittable(r.review_status, Name(Kind::kName, id)));
  return Kind::Review(store_, id, SubmitDecision(), p.ToActor());
}

template <typename Kind>
Result<typename Kind::Record> CatalogService::Decide(const Principal& p, int64_t id,
                                                     const ReviewDecision& d) {
  TXNG_RETURN_IF_ERROR(ValidateReviewDecision(p, d));
  TXNG_ASSIGN_OR_RETURN(typename Kind::Record r, Kind::Load(store_, id));
  if (r.review_status != ReviewStatus::kPending) {
    return Status::FailedPrecondition(Name(Kind::kName, id) + " is " +
                                      std::string(ToString(r.review_status)) +
                                      ", not pending: only submitted records can be reviewed");
  }
  ReviewDecision decision = d;
  decision.reviewer = p.user_id;
  return Kind::Review(store_, id, decision, p.ToActor());
}

Result<int64_t> CatalogService::OwningOrg(const Principal& p, std::optional<int64_t> requested) {
  if (p.anonymous()) return Status::Unauthenticated("sign in or send an API key to make changes");
  if (p.is(Role::kAdmin)) {
    if (!requested) {
      return Status::InvalidArgument("an admin must say which organisation the record belongs to",
                                     "organisationId");
    }
    auto org = store_.GetOrganisation(*requested);
    if (!org.ok()) {
      return org.status().code() == StatusCode::kNotFound
                 ? Status::InvalidArgument(Name("organisation", *requested) + " does not exist",
                                           "organisationId")
                 : org.status();
    }
    return *requested;
  }
  if (!p.org_id || p.role != Role::kProducer) {
    return Status::PermissionDenied(
        "only an organisation's producers and API keys can add records");
  }
  if (requested && *requested != *p.org_id) {
    return Status::PermissionDenied("you can only add records to your own organisation");
  }
  return *p.org_id;
}

Status CatalogService::CheckRead(const Principal& p, int64_t org_id, ReviewStatus status,
                                 const std::string& what) {
  if (CanRead(p, org_id, status)) return Status::Ok();
  if (p.is(Role::kOfficer)) {
    auto org = store_.GetOrganisation(org_id);
    if (org.ok() && CanRead(p, org_id, status, &*org)) return Status::Ok();
  }
  return Status::NotFound(what + " not found");
}

// ---- Organisations ----

Result<Organisation> CatalogService::GetOrganisation(const Principal& p, int64_t id) {
  TXNG_ASSIGN_OR_RETURN(Organisation o, store_.GetOrganisation(id));
  const bool own = p.org_id == id && !p.anonymous();
  if (!own) TXNG_RETURN_IF_ERROR(CheckRead(p, id, o.review_status, Name("organisation", id)));
  return o;
}

Result<Page<Organisation>> CatalogService::ListOrganisations(const Principal& p,
                                                             OrganisationFilter f,
                                                             PageRequest page) {
  if (!p.is(Role::kAdmin) && !p.is(Role::kReviewer)) f.review_status = ReviewStatus::kApproved;
  return store_.ListOrganisations(f, page);
}

// ---- Products ----

Result<Product> CatalogService::CreateProduct(const Principal& p, const ProductFields& f) {
  TXNG_ASSIGN_OR_RETURN(int64_t org_id, OwningOrg(p, f.org_id));
  Product product;
  product.org_id = org_id;
  TXNG_RETURN_IF_ERROR(ApplyProduct(f, product));
  return store_.CreateProduct(product, p.ToActor());
}

Result<Product> CatalogService::GetProduct(const Principal& p, int64_t id) {
  return Read<ProductRecord>(p, id);
}

Result<Page<Product>> CatalogService::ListProducts(const Principal& p, ProductFilter f,
                                                   PageRequest page) {
  RestrictToVisible(p, f);
  return store_.ListProducts(f, page);
}

Result<Product> CatalogService::UpdateProduct(const Principal& p, int64_t id,
                                              const ProductFields& f) {
  return Change<ProductRecord>(p, id, f.org_id, [&](Product& r) { return ApplyProduct(f, r); });
}

Result<Product> CatalogService::SubmitProduct(const Principal& p, int64_t id) {
  return Submit<ProductRecord>(p, id);
}

Result<Product> CatalogService::ReviewProduct(const Principal& p, int64_t id,
                                              const ReviewDecision& d) {
  return Decide<ProductRecord>(p, id, d);
}

Result<PublicProduct> CatalogService::GetPublicProduct(const std::string& gtin) {
  auto normal = gs1::NormalizeGtin(gtin);
  if (!normal) {
    return Status::InvalidArgument(
        "'" + gtin + "' is not a GTIN: expected 8, 12, 13 or 14 digits with a valid check digit",
        "gtin");
  }
  auto product = store_.GetProductByGtin(*normal);
  if (!product.ok() || product->review_status != ReviewStatus::kApproved) {
    if (!product.ok() && product.status().code() != StatusCode::kNotFound) {
      return product.status();
    }
    return Status::NotFound("no published product has GTIN " + *normal);
  }
  PublicProduct out;
  out.product = std::move(product).value();
  TXNG_ASSIGN_OR_RETURN(out.producer, store_.GetOrganisation(out.product.org_id));
  TXNG_ASSIGN_OR_RETURN(
      Page<Lot> lots, store_.ListLots(ApprovedLotsOf(out.product.id), {.limit = 100, .offset = 0}));
  out.lots = std::move(lots.items);
  if (out.product.reviewed_by) {
    auto reviewer = store_.GetUser(*out.product.reviewed_by);
    if (reviewer.ok()) out.reviewer_name = reviewer->display_name;
  }
  return out;
}

// ---- Locations ----

Result<Location> CatalogService::CreateLocation(const Principal& p, const LocationFields& f) {
  TXNG_ASSIGN_OR_RETURN(int64_t org_id, OwningOrg(p, f.org_id));
  Location location;
  location.org_id = org_id;
  TXNG_RETURN_IF_ERROR(ApplyLocation(f, location));
  return store_.CreateLocation(location, p.ToActor());
}

Result<Location> CatalogService::GetLocation(const Principal& p, int64_t id) {
  return Read<LocationRecord>(p, id);
}

Result<Page<Location>> CatalogService::ListLocations(const Principal& p, LocationFilter f,
                                                     PageRequest page) {
  RestrictToVisible(p, f);
  return store_.ListLocations(f, page);
}

Result<Location> CatalogService::UpdateLocation(const Principal& p, int64_t id,
                                                const LocationFields& f) {
  return Change<LocationRecord>(p, id, f.org_id, [&](Location& r) { return ApplyLocation(f, r); });
}

Result<Location> CatalogService::SubmitLocation(const Principal& p, int64_t id) {
  return Submit<LocationRecord>(p, id);
}

Result<Location> CatalogService::ReviewLocation(const Principal& p, int64_t id,
                                                const ReviewDecision& d) {
  return Decide<LocationRecord>(p, id, d);
}

// ---- Lots ----

Status CatalogService::ApplyLot(const Principal& p, const LotFields& f, Lot& lot) {
  if (f.product_id) {
    auto product = GetProduct(p, *f.product_id);
    if (!product.ok() || product->org_id != lot.org_id) {
      return Status::InvalidArgument(
          Name("product", *f.product_id) + " is not a product of this organisation", "productId");
    }
    lot.product_id = *f.product_id;
  }
  if (f.lot_code) lot.lot_code = *f.lot_code;
  if (f.production_date) lot.production_date = *f.production_date;
  if (f.expiry_date) lot.expiry_date = *f.expiry_date;
  if (f.unit) lot.unit = *f.unit;
  if (f.quantity) lot.quantity = *f.quantity;
  if (f.location_id) {
    if (*f.location_id) {
      auto location = GetLocation(p, **f.location_id);
      if (!location.ok() || location->org_id != lot.org_id) {
        return Status::InvalidArgument(
            Name("location", **f.location_id) + " is not a location of this organisation",
            "locationId");
      }
    }
    lot.location_id = *f.location_id;
  }

  if (lot.product_id == 0) return Status::InvalidArgument("productId is required", "productId");
  if (lot.lot_code.empty()) return Status::InvalidArgument("lotCode is required", "lotCode");
  TXNG_RETURN_IF_ERROR(CheckGs1Chars(lot.lot_code, "lotCode", 20));
  TXNG_RETURN_IF_ERROR(CheckDate(lot.production_date, "productionDate"));
  TXNG_RETURN_IF_ERROR(CheckDate(lot.expiry_date, "expiryDate"));
  if (!lot.production_date.empty() && !lot.expiry_date.empty() &&
      lot.expiry_date < lot.production_date) {
    return Status::InvalidArgument("expiry date is before the production date", "expiryDate");
  }
  if (lot.quantity && *lot.quantity < 0) {
    return Status::InvalidArgument("quantity cannot be negative", "quantity");
  }
  TXNG_RETURN_IF_ERROR(LimitText(lot.unit, "unit", 10));
  if (lot.quantity && lot.unit.empty()) {
    return Status::InvalidArgument("a quantity needs its unit (e.g. KGM, TNE, H87)", "unit");
  }
  return Status::Ok();
}

Result<Lot> CatalogService::CreateLot(const Principal& p, const LotFields& f) {
  TXNG_ASSIGN_OR_RETURN(int64_t org_id, OwningOrg(p, f.org_id));
  Lot lot;
  lot.org_id = org_id;
  TXNG_RETURN_IF_ERROR(ApplyLot(p, f, lot));
  return store_.CreateLot(lot, p.ToActor());
}

Result<Lot> CatalogService::GetLot(const Principal& p, int64_t id) {
  return Read<LotRecord>(p, id);
}

Result<Page<Lot>> CatalogService::ListLots(const Principal& p, LotFilter f, PageRequest page) {
  RestrictToVisible(p, f);
  return store_.ListLots(f, page);
}

Result<Lot> CatalogService::UpdateLot(const Principal& p, int64_t id, const LotFields& f) {
  return Change<LotRecord>(p, id, f.org_id, [&](Lot& r) -> Status {
    if (f.product_id && *f.product_id != r.product_id) {
      return Status::InvalidArgument(
          "a lot belongs to its product for good: create a new lot for another product",
          "productId");
    }
    return ApplyLot(p, f, r);
  });
}

Result<Lot> CatalogService::SubmitLot(const Principal& p, int64_t id) {
  return Submit<LotRecord>(p, id);
}

Result<Lot> CatalogService::ReviewLot(const Principal& p, int64_t id, const ReviewDecision& d) {
  return Decide<LotRecord>(p, id, d);
}

}  // namespace txng
