// Store: lots.
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

#define TXNG_LOT_COLUMNS                                                              \
  "id, org_id, product_id, lot_code, production_date, expiry_date, quantity, unit, "  \
  "location_id, review_status, review_reason, reviewed_by, reviewed_at, created_at, " \
  "updated_at"
constexpr std::string_view kSelectLots = "SELECT " TXNG_LOT_COLUMNS " FROM lots";
constexpr std::string_view kSelectLotById = "SELECT " TXNG_LOT_COLUMNS " FROM lots WHERE id = $1";
constexpr std::string_view kLotColumnList = TXNG_LOT_COLUMNS;
constexpr std::string_view kSelectLotByCode =
    "SELECT " TXNG_LOT_COLUMNS " FROM lots WHERE product_id = $1 AND lot_code = $2";
#undef TXNG_LOT_COLUMNS
constexpr std::string_view kInsertLot =
    "INSERT INTO lots (org_id, product_id, lot_code, production_date, expiry_date, quantity, "
    "unit, location_id, review_status, review_reason, reviewed_by, reviewed_at, created_at, "
    "updated_at) "
    "VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $13) RETURNING id";
// Takes the row lock before the old values are read, so that the audited
// list of changed fields is exact under concurrent updates.
constexpr std::string_view kLockLot = "UPDATE lots SET updated_at = updated_at WHERE id = $1";
constexpr std::string_view kUpdateLot =
    "UPDATE lots SET lot_code = $2, production_date = $3, expiry_date = $4, quantity = $5, "
    "unit = $6, location_id = $7, updated_at = $8 WHERE id = $1";
constexpr std::string_view kReviewLot =
    "UPDATE lots SET review_status = $2, review_reason = $3, reviewed_by = $4, "
    "reviewed_at = $5, updated_at = $6 WHERE id = $1";

Lot LotFromRow(const SqlRow& row) {
  Lot l;
  l.id = row.Int(0);
  l.org_id = row.Int(1);
  l.product_id = row.Int(2);
  l.lot_code = row.Text(3);
  l.production_date = row.Text(4);
  l.expiry_date = row.Text(5);
  l.quantity = row.OptDouble(6);
  l.unit = row.Text(7);
  l.location_id = row.OptInt(8);
  l.review_status = ParseReviewStatus(row.Text(9)).value_or(ReviewStatus::kDraft);
  l.review_reason = row.Text(10);
  l.reviewed_by = row.OptInt(11);
  l.reviewed_at = row.OptInt(12);
  l.created_at = row.Int(13);
  l.updated_at = row.Int(14);
  return l;
}

Result<Lot> LoadLot(SqlConnection& c, int64_t id) {
  return LoadById(c, kSelectLotById, "lot", id, &LotFromRow);
}

Status DuplicateLotCode(Status s, const Lot& l) {
  return OnDuplicate(
      std::move(s),
      "product " + std::to_string(l.product_id) + " already has a lot '" + l.lot_code + "'",
      "lot_code");
}

Status MissingLotReference(Status s, const Lot& l) {
  std::string refs =
      "organisation " + std::to_string(l.org_id) + ", product " + std::to_string(l.product_id);
  if (l.location_id) refs += " or location " + std::to_string(*l.location_id);
  return OnMissingReference(std::move(s), "the lot refers to a missing record (" + refs + ")");
}

}  // namespace

std::string_view store_internal::LotColumns() { return kLotColumnList; }
Lot store_internal::LotFromSqlRow(const SqlRow& row) { return LotFromRow(row); }

Result<Lot> Store::CreateLot(const Lot& l, const Actor& actor) {
  return InTransaction<Lot>(*db_, TxMode::kWrite, [&](SqlConnection& c) -> Result<Lot> {
    Lot out = l;
    const UnixMillis now = NowMillis();
    out.created_at = out.updated_at = CreationTime(l.created_at, now);
    Result<SqlResult> inserted =
        c.Run(kInsertLot, {l.org_id, l.product_id, l.lot_code, l.production_date, l.expiry_date,
                           SqlNullable(l.quantity), l.unit, SqlNullable(l.location_id),
                           std::string(ToString(l.review_status)), l.review_reason,
                           SqlNullable(l.reviewed_by), SqlNullable(l.reviewed_at), out.created_at});
    if (!inserted.ok()) return MissingLotReference(DuplicateLotCode(inserted.status(), l), l);
    out.id = inserted->rows.at(0).Int(0);
    TXNG_RETURN_IF_ERROR(InsertAudit(
        c, actor, "lot.create", "lot", std::to_string(out.id),
        AuditDetail().Int("product_id", l.product_id).Text("lot_code", l.lot_code).ToJson(), now));
    return out;
  });
}

Result<Lot> Store::GetLot(int64_t id) {
  return InTransaction<Lot>(*db_, TxMode::kRead, [&](SqlConnection& c) { return LoadLot(c, id); });
}

Result<Lot> Store::GetLotByCode(int64_t product_id, const std::string& lot_code) {
  return InTransaction<Lot>(*db_, TxMode::kRead, [&](SqlConnection& c) -> Result<Lot> {
    TXNG_ASSIGN_OR_RETURN(SqlResult r, c.Run(kSelectLotByCode, {product_id, lot_code}));
    if (r.rows.empty()) {
      return Status::NotFound("product " + std::to_string(product_id) + " has no lot '" + lot_code +
                              "'");
    }
    return LotFromRow(r.rows[0]);
  });
}

Result<Page<Lot>> Store::ListLots(const LotFilter& f, PageRequest page) {
  store_internal::WhereClause where;
  if (f.org_id) where.Equals("org_id", *f.org_id);
  if (f.product_id) where.Equals("product_id", *f.product_id);
  if (f.review_status) where.Equals("review_status", std::string(ToString(*f.review_status)));
  return InTransaction<Page<Lot>>(*db_, TxMode::kRead, [&](SqlConnection& c) {
    return store_internal::ListPage<Lot>(c, kSelectLots, "lots", where, page, LotFromRow);
  });
}

Result<Lot> Store::UpdateLot(const Lot& l, const Actor& actor) {
  return InTransaction<Lot>(*db_, TxMode::kWrite, [&](SqlConnection& c) -> Result<Lot> {
    TXNG_ASSIGN_OR_RETURN(SqlResult locked, c.Run(kLockLot, {l.id}));
    if (locked.affected == 0) return NotFound("lot", l.id);
    TXNG_ASSIGN_OR_RETURN(Lot before, LoadLot(c, l.id));
    const UnixMillis now = NowMillis();
    Result<SqlResult> updated =
        c.Run(kUpdateLot, {l.id, l.lot_code, l.production_date, l.expiry_date,
                           SqlNullable(l.quantity), l.unit, SqlNullable(l.location_id), now});
    if (!updated.ok()) {
      Lot as_stored = l;
      as_stored.product_id = before.product_id;
      as_stored.org_id = before.org_id;
      return MissingLotReference(DuplicateLotCode(updated.status(), as_stored), as_stored);
    }
    FieldChanges changes;
    changes.Compare("lot_code", before.lot_code, l.lot_code);
    changes.Compare("production_date", before.production_date, l.production_date);
    changes.Compare("expiry_date", before.expiry_date, l.expiry_date);
    changes.Compare("quantity", before.quantity, l.quantity);
    changes.Compare("unit", before.unit, l.unit);
    changes.Compare("location_id", before.location_id, l.location_id);
    TXNG_RETURN_IF_ERROR(InsertAudit(c, actor, "lot.update", "lot", std::to_string(l.id),
                                     AuditDetail().List("changed", changes.names()).ToJson(), now));
    return LoadLot(c, l.id);
  });
}

Result<Lot> Store::ReviewLot(int64_t id, const ReviewDecision& d, const Actor& actor) {
  return InTransaction<Lot>(*db_, TxMode::kWrite, [&](SqlConnection& c) -> Result<Lot> {
    TXNG_RETURN_IF_ERROR(ApplyReview(c, kReviewLot, "lot", id, d, actor));
    return LoadLot(c, id);
  });
}

}  // namespace txng
