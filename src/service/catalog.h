// Catalog: an organisation's products, locations and lots, with the rules
// of who may see and change them and how they move through review.
//
// Visibility: CanRead (principal.h). A record the caller may not see is
// reported as kNotFound, never kPermissionDenied, so that its existence does
// not leak. Edits: draft and rejected records may be changed by their own
// organisation (a rejected record keeps its status and reason until it is
// submitted again); pending records
// wait for the reviewer; approved records are published and never changed in
// place.
#ifndef TXNG_SERVICE_CATALOG_H_
#define TXNG_SERVICE_CATALOG_H_

#include <optional>
#include <string>
#include <vector>

#include "common/status.h"
#include "service/principal.h"
#include "store/store.h"

namespace txng {

// Fields a client may set. Absent (nullopt) fields keep their value on
// update and take the default on create.
struct ProductFields {
  std::optional<int64_t> org_id;  // admins only, on create
  std::optional<std::string> gtin, name_vi, name_en, category, brand, description, standards,
      priority, image_url;
  std::optional<std::optional<int32_t>> shelf_life_days;  // inner nullopt clears it
  std::optional<int32_t> ocop_stars;
};

struct LocationFields {
  std::optional<int64_t> org_id;
  std::optional<std::string> gln, gln_extension, name, kind, address, district, area_code;
  std::optional<std::optional<double>> latitude, longitude;
};

struct LotFields {
  std::optional<int64_t> org_id;
  std::optional<int64_t> product_id;
  std::optional<std::string> lot_code, production_date, expiry_date, unit;
  std::optional<std::optional<double>> quantity;
  std::optional<std::optional<int64_t>> location_id;
};

// The public view of one approved product.
struct PublicProduct {
  Product product;
  Organisation producer;
  std::vector<Lot> lots;      // approved lots only
  std::string reviewer_name;  // who approved it, when known
};

// kPermissionDenied unless `p` may decide reviews; kInvalidArgument unless
// `d` approves, or rejects with a reason.
Status ValidateReviewDecision(const Principal& p, const ReviewDecision& d);

class CatalogService {
 public:
  explicit CatalogService(Store& store) : store_(store) {}

  Result<Organisation> GetOrganisation(const Principal& p, int64_t id);
  Result<Page<Organisation>> ListOrganisations(const Principal& p, OrganisationFilter f,
                                               PageRequest page);

  Result<Product> CreateProduct(const Principal& p, const ProductFields& f);
  Result<Product> GetProduct(const Principal& p, int64_t id);
  // Anonymous callers and other organisations see approved records only.
  Result<Page<Product>> ListProducts(const Principal& p, ProductFilter f, PageRequest page);
  Result<Product> UpdateProduct(const Principal& p, int64_t id, const ProductFields& f);
  Result<Product> SubmitProduct(const Principal& p, int64_t id);
  Result<Product> ReviewProduct(const Principal& p, int64_t id, const ReviewDecision& d);
  // The approved product with this GTIN (any GTIN length), its producer and
  // approved lots; kNotFound when absent or not approved.
  Result<PublicProduct> GetPublicProduct(const std::string& gtin);

  Result<Location> CreateLocation(const Principal& p, const LocationFields& f);
  Result<Location> GetLocation(const Principal& p, int64_t id);
  Result<Page<Location>> ListLocations(const Principal& p, LocationFilter f, PageRequest page);
  Result<Location> UpdateLocation(const Principal& p, int64_t id, const LocationFields& f);
  Result<Location> SubmitLocation(const Principal& p, int64_t id);
  Result<Location> ReviewLocation(const Principal& p, int64_t id, const ReviewDecision& d);

  Result<Lot> CreateLot(const Principal& p, const LotFields& f);
  Result<Lot> GetLot(const Principal& p, int64_t id);
  Result<Page<Lot>> ListLots(const Principal& p, LotFilter f, PageRequest page);
  Result<Lot> UpdateLot(const Principal& p, int64_t id, const LotFields& f);
  Result<Lot> SubmitLot(const Principal& p, int64_t id);
  Result<Lot> ReviewLot(const Principal& p, int64_t id, const ReviewDecision& d);

 private:
  // The organisation new records of `p` belong to.
  Result<int64_t> OwningOrg(const Principal& p, std::optional<int64_t> requested);
  // kNotFound unless `p` may read a record of `org_id` in `status`.
  Status CheckRead(const Principal& p, int64_t org_id, ReviewStatus status,
                   const std::string& what);
  Status ApplyLot(const Principal& p, const LotFields& f, Lot& lot);

  // The operations every kind of record shares; `Kind` (catalog.cc) says
  // how to load, save and review one kind.
  template <typename Kind>
  Result<typename Kind::Record> Read(const Principal& p, int64_t id);
  template <typename Kind, typename Apply>
  Result<typename Kind::Record> Change(const Principal& p, int64_t id,
                                       std::optional<int64_t> requested_org, Apply apply);
  template <typename Kind>
  Result<typename Kind::Record> Submit(const Principal& p, int64_t id);
  template <typename Kind>
  Result<typename Kind::Record> Decide(const Principal& p, int64_t id, const ReviewDecision& d);

  Store& store_;
};

}  // namespace txng

#endif  // TXNG_SERVICE_CATALOG_H_
