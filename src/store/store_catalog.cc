// Store: products and locations.
#include "store/audit_detail.h"
#include "store/store.h"
#include "store/store_internal.h"

namespace txng {
namespace {

using store_internal::ApplyReview;
using store_internal::CreationTime;
using store_internal::FieldChanges;
using store_internal::InsertAudit;
using store_internal::InTransaction;
using store_internal::LoadById;
using store_internal::NotFound;
using store_internal::OnDuplicate;
using store_internal::OnMissingReference;

#define TXNG_PRODUCT_COLUMNS                                                         \
  "id, org_id, gtin, name_vi, name_en, category, brand, description, standards, "    \
  "shelf_life_days, ocop_stars, priority, image_url, review_status, review_reason, " \
  "reviewed_by, reviewed_at, created_at, updated_at"
constexpr std::string_view kSelectProducts = "SELECT " TXNG_PRODUCT_COLUMNS " FROM products";
constexpr std::string_view kSelectProductById =
    "SELECT " TXNG_PRODUCT_COLUMNS " FROM products WHERE id = $1";
constexpr std::string_view kSelectProductByGtin =
    "SELECT " TXNG_PRODUCT_COLUMNS " FROM products WHERE gtin = $1";
constexpr std::string_view kProductColumnList = TXNG_PRODUCT_COLUMNS;
#undef TXNG_PRODUCT_COLUMNS
constexpr std::string_view kInsertProduct =
    "INSERT INTO products (org_id, gtin, name_vi, name_en, category, brand, description, "
    "standards, shelf_life_days, ocop_stars, priority, image_url, review_status, review_reason, "
    "reviewed_by, reviewed_at, created_at, updated_at) "
    "VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $17) "
    "RETURNING id";
// Takes the row lock before the old values are read, so that the audited
// list of changed fields is exact under concurrent updates.
constexpr std::string_view kLockProduct =
    "UPDATE products SET updated_at = updated_at WHERE id = $1";
constexpr std::string_view kUpdateProduct =
    "UPDATE products SET gtin = $2, name_vi = $3, name_en = $4, category = $5, brand = $6, "
    "description = $7, standards = $8, shelf_life_days = $9, ocop_stars = $10, priority = $11, "
    "image_url = $12, updated_at = $13 WHERE id = $1";
constexpr std::string_view kReviewProduct =
    "UPDATE products SET review_status = $2, review_reason = $3, reviewed_by = $4, "
    "reviewed_at = $5, updated_at = $6 WHERE id = $1";

#define TXNG_LOCATION_COLUMNS                                                            \
  "id, org_id, gln, gln_extension, name, kind, address, district, area_code, latitude, " \
  "longitude, review_status, review_reason, reviewed_by, reviewed_at, created_at, updated_at"
constexpr std::string_view kSelectLocations = "SELECT " TXNG_LOCATION_COLUMNS " FROM locations";
constexpr std::string_view kSelectLocationById =
    "SELECT " TXNG_LOCATION_COLUMNS " FROM locations WHERE id = $1";
constexpr std::string_view kLocationColumnList = TXNG_LOCATION_COLUMNS;
#undef TXNG_LOCATION_COLUMNS
constexpr std::string_view kInsertLocation =
    "INSERT INTO locations (org_id, gln, gln_extension, name, kind, address, district, "
    "area_code, latitude, longitude, review_status, review_reason, reviewed_by, reviewed_at, "
    "created_at, updated_at) "
    "VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $15) "
    "RETURNING id";
constexpr std::string_view kLockLocation =
    "UPDATE locations SET updated_at = updated_at WHERE id = $1";
constexpr std::string_view kUpdateLocation =
    "UPDATE locations SET gln = $2, gln_extension = $3, name = $4, kind = $5, address = $6, "
    "district = $7, area_code = $8, latitude = $9, longitude = $10, updated_at = $11 "
    "WHERE id = $1";
constexpr std::string_view kReviewLocation =
    "UPDATE locations SET review_status = $2, review_reason = $3, reviewed_by = $4, "
    "reviewed_at = $5, updated_at = $6 WHERE id = $1";

Product ProductFromRow(const SqlRow& row) {
  Product p;
  p.id = row.Int(0);
  p.org_id = row.Int(1);
  p.gtin = row.Text(2);
  p.name_vi = row.Text(3);
  p.name_en = row.Text(4);
  p.category = row.Text(5);
  p.brand = row.Text(6);
  p.description = row.Text(7);
  p.standards = row.Text(8);
  if (!row.IsNull(9)) p.shelf_life_days = static_cast<int32_t>(row.Int(9));
  p.ocop_stars = static_cast<int32_t>(row.Int(10));
  p.priority = row.Text(11);
  p.image_url = row.Text(12);
  p.review_status = ParseReviewStatus(row.Text(13)).value_or(ReviewStatus::kDraft);
  p.review_reason = row.Text(14);
  p.reviewed_by = row.OptInt(15);
  p.reviewed_at = row.OptInt(16);
  p.created_at = row.Int(17);
  p.updated_at = row.Int(18);
  return p;
}

Location LocationFromRow(const SqlRow& row) {
  Location l;
  l.id = row.Int(0);
  l.org_id = row.Int(1);
  l.gln = row.Text(2);
  l.gln_extension = row.Text(3);
  l.name = row.Text(4);
  l.kind = ParseLocationKind(row.Text(5)).value_or(LocationKind::kFarm);
  l.address = row.Text(6);
  l.district = row.Text(7);
  l.area_code = row.Text(8);
  l.latitude = row.OptDouble(9);
  l.longitude = row.OptDouble(10);
  l.review_status = ParseReviewStatus(row.Text(11)).value_or(ReviewStatus::kDraft);
  l.review_reason = row.Text(12);
  l.reviewed_by = row.OptInt(13);
  l.reviewed_at = row.OptInt(14);
  l.created_at = row.Int(15);
  l.updated_at = row.Int(16);
  return l;
}

Result<Product> LoadProduct(SqlConnection& c, int64_t id) {
  return LoadById(c, kSelectProductById, "product", id, &ProductFromRow);
}

Result<Location> LoadLocation(SqlConnection& c, int64_t id) {
  return LoadById(c, kSelectLocationById, "location", id, &LocationFromRow);
}

Status DuplicateGtin(Status s, const Product& p) {
  return OnDuplicate(std::move(s), "a product with GTIN " + p.gtin + " already exists", "gtin");
}

Status DuplicateGln(Status s, const Location& l) {
  std::string what = "GLN " + l.gln;
  if (!l.gln_extension.empty()) what += " with extension " + l.gln_extension;
  return OnDuplicate(std::move(s), "a location with " + what + " already exists", "gln");
}

}  // namespace

std::string_view store_internal::ProductColumns() { return kProductColumnList; }
Product store_internal::ProductFromSqlRow(const SqlRow& row) { return ProductFromRow(row); }
std::string_view store_internal::LocationColumns() { return kLocationColumnList; }
Location store_internal::LocationFromSqlRow(const SqlRow& row) { return LocationFromRow(row); }

Result<Product> Store::CreateProduct(const Product& p, const Actor& actor) {
  return InTransaction<Product>(*db_, TxMode::kWrite, [&](SqlConnection& c) -> Result<Product> {
    Product out = p;
    const UnixMillis now = NowMillis();
    out.created_at = out.updated_at = CreationTime(p.created_at, now);
    Result<SqlResult> inserted =
        c.Run(kInsertProduct,
              {p.org_id, p.gtin, p.name_vi, p.name_en, p.category, p.brand, p.description,
               p.standards, SqlNullable(p.shelf_life_days), int64_t{p.ocop_stars}, p.priority,
               p.image_url, std::string(ToString(p.review_status)), p.review_reason,
               SqlNullable(p.reviewed_by), SqlNullable(p.reviewed_at), out.created_at});
    if (!inserted.ok()) {
      return OnMissingReference(DuplicateGtin(inserted.status(), p),
                                "organisation " + std::to_string(p.org_id) + " not found");
    }
    out.id = inserted->rows.at(0).Int(0);
    TXNG_RETURN_IF_ERROR(store_internal::RefreshProductSearchText(c, out.id, std::nullopt));
    TXNG_RETURN_IF_ERROR(
        InsertAudit(c, actor, "product.create", "product", std::to_string(out.id),
                    AuditDetail().Text("gtin", p.gtin).Text("name_vi", p.name_vi).ToJson(), now));
    return out;
  });
}

Result<Product> Store::GetProduct(int64_t id) {
  return InTransaction<Product>(*db_, TxMode::kRead,
                                [&](SqlConnection& c) { return LoadProduct(c, id); });
}

Result<Product> Store::GetProductByGtin(const std::string& gtin14) {
  return InTransaction<Product>(*db_, TxMode::kRead, [&](SqlConnection& c) -> Result<Product> {
    TXNG_ASSIGN_OR_RETURN(SqlResult r, c.Run(kSelectProductByGtin, {gtin14}));
    if (r.rows.empty()) return Status::NotFound("no product with GTIN " + gtin14);
    return ProductFromRow(r.rows[0]);
  });
}

Result<Page<Product>> Store::ListProducts(const ProductFilter& f, PageRequest page) {
  store_internal::WhereClause where;
  if (f.org_id) where.Equals("org_id", *f.org_id);
  if (f.review_status) where.Equals("review_status", std::string(ToString(*f.review_status)));
  if (!f.category.empty()) where.Equals("category", f.category);
  if (!f.image_url.empty()) where.Equals("image_url", f.image_url);
  return InTransaction<Page<Product>>(*db_, TxMode::kRead, [&](SqlConnection& c) {
    return store_internal::ListPage<Product>(c, kSelectProducts, "products", where, page,
                                             ProductFromRow);
  });
}

Result<Product> Store::UpdateProduct(const Product& p, const Actor& actor) {
  return InTransaction<Product>(*db_, TxMode::kWrite, [&](SqlConnection& c) -> Result<Product> {
    TXNG_ASSIGN_OR_RETURN(SqlResult locked, c.Run(kLockProduct, {p.id}));
    if (locked.affected == 0) return NotFound("product", p.id);
    TXNG_ASSIGN_OR_RETURN(Product before, LoadProduct(c, p.id));
    const UnixMillis now = NowMillis();
    Result<SqlResult> updated =
        c.Run(kUpdateProduct, {p.id, p.gtin, p.name_vi, p.name_en, p.category, p.brand,
                               p.description, p.standards, SqlNullable(p.shelf_life_days),
                               int64_t{p.ocop_stars}, p.priority, p.image_url, now});
    if (!updated.ok()) return DuplicateGtin(updated.status(), p);
    TXNG_RETURN_IF_ERROR(store_internal::RefreshProductSearchText(c, p.id, std::nullopt));
    FieldChanges changes;
    changes.Compare("gtin", before.gtin, p.gtin);
    changes.Compare("name_vi", before.name_vi, p.name_vi);
    changes.Compare("name_en", before.name_en, p.name_en);
    changes.Compare("category", before.category, p.category);
    changes.Compare("brand", before.brand, p.brand);
    changes.Compare("description", before.description, p.description);
    changes.Compare("standards", before.standards, p.standards);
    changes.Compare("shelf_life_days", before.shelf_life_days, p.shelf_life_days);
    changes.Compare("ocop_stars", before.ocop_stars, p.ocop_stars);
    changes.Compare("priority", before.priority, p.priority);
    changes.Compare("image_url", before.image_url, p.image_url);
    TXNG_RETURN_IF_ERROR(InsertAudit(c, actor, "product.update", "product", std::to_string(p.id),
                                     AuditDetail().List("changed", changes.names()).ToJson(), now));
    return LoadProduct(c, p.id);
  });
}

Result<Product> Store::ReviewProduct(int64_t id, const ReviewDecision& d, const Actor& actor) {
  return InTransaction<Product>(*db_, TxMode::kWrite, [&](SqlConnection& c) -> Result<Product> {
    TXNG_RETURN_IF_ERROR(ApplyReview(c, kReviewProduct, "product", id, d, actor));
    return LoadProduct(c, id);
  });
}

Result<Location> Store::CreateLocation(const Location& l, const Actor& actor) {
  return InTransaction<Location>(*db_, TxMode::kWrite, [&](SqlConnection& c) -> Result<Location> {
    Location out = l;
    const UnixMillis now = NowMillis();
    out.created_at = out.updated_at = CreationTime(l.created_at, now);
    Result<SqlResult> inserted =
        c.Run(kInsertLocation,
              {l.org_id, l.gln, l.gln_extension, l.name, std::string(ToString(l.kind)), l.address,
               l.district, l.area_code, SqlNullable(l.latitude), SqlNullable(l.longitude),
               std::string(ToString(l.review_status)), l.review_reason, SqlNullable(l.reviewed_by),
               SqlNullable(l.reviewed_at), out.created_at});
    if (!inserted.ok()) {
      return OnMissingReference(DuplicateGln(inserted.status(), l),
                                "organisation " + std::to_string(l.org_id) + " not found");
    }
    out.id = inserted->rows.at(0).Int(0);
    AuditDetail detail;
    detail.Text("gln", l.gln);
    if (!l.gln_extension.empty()) detail.Text("gln_extension", l.gln_extension);
    detail.Text("name", l.name).Text("kind", ToString(l.kind));
    TXNG_RETURN_IF_ERROR(InsertAudit(c, actor, "location.create", "location",
                                     std::to_string(out.id), detail.ToJson(), now));
    return out;
  });
}

Result<Location> Store::GetLocation(int64_t id) {
  return InTransaction<Location>(*db_, TxMode::kRead,
                                 [&](SqlConnection& c) { return LoadLocation(c, id); });
}

Result<Page<Location>> Store::ListLocations(const LocationFilter& f, PageRequest page) {
  store_internal::WhereClause where;
  if (f.org_id) where.Equals("org_id", *f.org_id);
  if (f.review_status) where.Equals("review_status", std::string(ToString(*f.review_status)));
  if (f.kind) where.Equals("kind", std::string(ToString(*f.kind)));
  if (f.gln) {
    where.Equals("gln", *f.gln);
    where.Equals("gln_extension", f.gln_extension);
  }
  return InTransaction<Page<Location>>(*db_, TxMode::kRead, [&](SqlConnection& c) {
    return store_internal::ListPage<Location>(c, kSelectLocations, "locations", where, page,
                                              LocationFromRow);
  });
}

Result<Location> Store::UpdateLocation(const Location& l, const Actor& actor) {
  return InTransaction<Location>(*db_, TxMode::kWrite, [&](SqlConnection& c) -> Result<Location> {
    TXNG_ASSIGN_OR_RETURN(SqlResult locked, c.Run(kLockLocation, {l.id}));
    if (locked.affected == 0) return NotFound("location", l.id);
    TXNG_ASSIGN_OR_RETURN(Location before, LoadLocation(c, l.id));
    const UnixMillis now = NowMillis();
    Result<SqlResult> updated =
        c.Run(kUpdateLocation,
              {l.id, l.gln, l.gln_extension, l.name, std::string(ToString(l.kind)), l.address,
               l.district, l.area_code, SqlNullable(l.latitude), SqlNullable(l.longitude), now});
    if (!updated.ok()) return DuplicateGln(updated.status(), l);
    FieldChanges changes;
    changes.Compare("gln", before.gln, l.gln);
    changes.Compare("gln_extension", before.gln_extension, l.gln_extension);
    changes.Compare("name", before.name, l.name);
    changes.Compare("kind", before.kind, l.kind);
    changes.Compare("address", before.address, l.address);
    changes.Compare("district", before.district, l.district);
    changes.Compare("area_code", before.area_code, l.area_code);
    changes.Compare("latitude", before.latitude, l.latitude);
    changes.Compare("longitude", before.longitude, l.longitude);
    TXNG_RETURN_IF_ERROR(InsertAudit(c, actor, "location.update", "location", std::to_string(l.id),
                                     AuditDetail().List("changed", changes.names()).ToJson(), now));
    return LoadLocation(c, l.id);
  });
}

Result<Location> Store::ReviewLocation(int64_t id, const ReviewDecision& d, const Actor& actor) {
  return InTransaction<Location>(*db_, TxMode::kWrite, [&](SqlConnection& c) -> Result<Location> {
    TXNG_RETURN_IF_ERROR(ApplyReview(c, kReviewLocation, "location", id, d, actor));
    return LoadLocation(c, id);
  });
}

}  // namespace txng
