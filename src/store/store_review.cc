// Store: the reviewer's workspace — the queue of pending records of every
// kind, decisions over several records at once, organisation review and the
// directory.
#include <algorithm>
#include <cctype>

#include "store/audit_detail.h"
#include "store/store.h"
#include "store/store_internal.h"

namespace txng {

std::string_view ToString(ReviewKind k) {
  switch (k) {
    case ReviewKind::kOrganisation:
      return "organisation";
    case ReviewKind::kProduct:
      return "product";
    case ReviewKind::kLocation:
      return "location";
    case ReviewKind::kLot:
      return "lot";
    case ReviewKind::kEvent:
      return "event";
  }
  return "product";
}

std::optional<ReviewKind> ParseReviewKind(std::string_view s) {
  for (ReviewKind k : {ReviewKind::kOrganisation, ReviewKind::kProduct, ReviewKind::kLocation,
                       ReviewKind::kLot, ReviewKind::kEvent}) {
    if (ToString(k) == s) return k;
  }
  return std::nullopt;
}

std::string_view AuditEntityOf(ReviewKind k) {
  return k == ReviewKind::kEvent ? "epcis_event" : ToString(k);
}

namespace {

using store_internal::InsertAudit;
using store_internal::InTransaction;
using store_internal::NotFound;

// Every pending record as (kind, id, org_id, title, submitted_at), with the
// owning organisation's name, district and sector. A record becomes pending
// when it is submitted, which stamps updated_at; events are pending from
// capture.
constexpr std::string_view kQueueFrom =
    " FROM (SELECT 'organisation' AS kind, id, id AS org_id, name AS title, "
    "updated_at AS submitted_at FROM organisations WHERE review_status = 'pending' "
    "UNION ALL SELECT 'product', id, org_id, name_vi, updated_at FROM products "
    "WHERE review_status = 'pending' "
    "UNION ALL SELECT 'location', id, org_id, name, updated_at FROM locations "
    "WHERE review_status = 'pending' "
    "UNION ALL SELECT 'lot', l.id, l.org_id, p.name_vi || ' / ' || l.lot_code, l.updated_at "
    "FROM lots l JOIN products p ON p.id = l.product_id WHERE l.review_status = 'pending' "
    "UNION ALL SELECT 'event', id, org_id, event_type || ' ' || biz_step, record_time "
    "FROM epcis_events WHERE review_status = 'pending') q "
    "JOIN organisations o ON o.id = q.org_id";
constexpr std::string_view kQueueColumns =
    "SELECT q.kind, q.id, q.org_id, q.title, q.submitted_at, o.name, o.district, o.sector";

// The review columns of each kind's table: (id, status, reason, reviewer, at) = $1..$5.
constexpr std::string_view kDecideProduct =
    "UPDATE products SET review_status = $2, review_reason = $3, reviewed_by = $4, "
    "reviewed_at = $5, updated_at = $5 WHERE id = $1";
constexpr std::string_view kDecideLocation =
    "UPDATE locations SET review_status = $2, review_reason = $3, reviewed_by = $4, "
    "reviewed_at = $5, updated_at = $5 WHERE id = $1";
constexpr std::string_view kDecideLot =
    "UPDATE lots SET review_status = $2, review_reason = $3, reviewed_by = $4, "
    "reviewed_at = $5, updated_at = $5 WHERE id = $1";
constexpr std::string_view kDecideEvent =
    "UPDATE epcis_events SET review_status = $2, review_reason = $3, reviewed_by = $4, "
    "reviewed_at = $5 WHERE id = $1";
constexpr std::string_view kSetOrganisationStatus =
    "UPDATE organisations SET review_status = $2, updated_at = $3 WHERE id = $1";

std::string_view TableOf(ReviewKind k) {
  switch (k) {
    case ReviewKind::kOrganisation:
      return "organisations";
    case ReviewKind::kProduct:
      return "products";
    case ReviewKind::kLocation:
      return "locations";
    case ReviewKind::kLot:
      return "lots";
    case ReviewKind::kEvent:
      return "epcis_events";
  }
  return "products";
}

std::string_view DecideSql(ReviewKind k) {
  switch (k) {
    case ReviewKind::kProduct:
      return kDecideProduct;
    case ReviewKind::kLocation:
      return kDecideLocation;
    case ReviewKind::kLot:
      return kDecideLot;
    case ReviewKind::kEvent:
      return kDecideEvent;
    case ReviewKind::kOrganisation:
      break;
  }
  return kDecideProduct;
}

Status AuditReview(SqlConnection& c, ReviewKind kind, int64_t id, const ReviewDecision& d,
                   const Actor& actor, UnixMillis now) {
  AuditDetail detail;
  detail.Text("status", ToString(d.status));
  const bool decided = d.status == ReviewStatus::kApproved || d.status == ReviewStatus::kRejected;
  if (decided && !d.reason.empty()) detail.Text("reason", d.reason);
  const std::string action = std::string(AuditEntityOf(kind)) +
                             (d.status == ReviewStatus::kPending ? ".submit" : ".review");
  return InsertAudit(c, actor, action, AuditEntityOf(kind), std::to_string(id), detail.ToJson(),
                     now);
}

// Sets the review state of one record of `kind` and audits it; kNotFound
// when there is no such record.
Status DecideOne(SqlConnection& c, ReviewKind kind, int64_t id, const ReviewDecision& d,
                 const Actor& actor, UnixMillis now) {
  const bool decided = d.status == ReviewStatus::kApproved || d.status == ReviewStatus::kRejected;
  Result<SqlResult> updated =
      kind == ReviewKind::kOrganisation
          ? c.Run(kSetOrganisationStatus, {id, std::string(ToString(d.status)), now})
          : c.Run(DecideSql(kind),
                  {id, std::string(ToString(d.status)), decided ? d.reason : std::string(),
                   decided ? SqlNullable(d.reviewer) : SqlValue(),
                   decided ? SqlValue(now) : SqlValue()});
  if (!updated.ok()) return updated.status();
  if (updated->affected == 0) return NotFound(ToString(kind), id);
  return AuditReview(c, kind, id, d, actor, now);
}

ReviewQueueItem QueueItemFromRow(const SqlRow& row) {
  ReviewQueueItem item;
  item.kind = ParseReviewKind(row.Text(0)).value_or(ReviewKind::kProduct);
  item.id = row.Int(1);
  item.org_id = row.Int(2);
  item.title = row.Text(3);
  item.submitted_at = row.Int(4);
  item.org_name = row.Text(5);
  item.district = row.Text(6);
  item.sector = row.Text(7);
  return item;
}

// "%text%" in ASCII lower case, with LIKE's wildcards in `text` escaped.
std::string LikePattern(const std::string& text) {
  std::string out = "%";
  for (char ch : text) {
    if (ch == '%' || ch == '_' || ch == '\\') out += '\\';
    out += static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
  }
  return out + "%";
}

constexpr std::string_view kDirectoryOrganisationColumns =
    "SELECT o.id, o.name, o.tax_code, o.kind, o.sector, o.district, o.address, o.phone, o.email, "
    "o.gs1_company_prefix, o.gln, o.review_status, o.created_at, o.updated_at";
constexpr std::string_view kDirectoryProductColumns =
    "SELECT p.id, p.org_id, p.gtin, p.name_vi, p.name_en, p.category, p.brand, p.review_status, "
    "p.reviewed_at, p.updated_at, o.name, o.district, o.sector";

DirectoryProduct DirectoryProductFromRow(const SqlRow& row) {
  DirectoryProduct d;
  d.product.id = row.Int(0);
  d.product.org_id = row.Int(1);
  d.product.gtin = row.Text(2);
  d.product.name_vi = row.Text(3);
  d.product.name_en = row.Text(4);
  d.product.category = row.Text(5);
  d.product.brand = row.Text(6);
  d.product.review_status = ParseReviewStatus(row.Text(7)).value_or(ReviewStatus::kDraft);
  d.product.reviewed_at = row.OptInt(8);
  d.product.updated_at = row.Int(9);
  d.org_name = row.Text(10);
  d.district = row.Text(11);
  d.sector = row.Text(12);
  return d;
}

// The directory's WHERE over organisations `o` (and products `p` when
// `products`): each set field of `f` narrows; the values go to `params`.
std::string DirectoryWhere(const DirectoryFilter& f, bool products, std::vector<SqlValue>& params) {
  std::string sql;
  auto add = [&](const std::string& condition) {
    sql += sql.empty() ? " WHERE " : " AND ";
    sql += condition;
  };
  auto param = [&](SqlValue v) {
    params.push_back(std::move(v));
    return "$" + std::to_string(params.size());
  };
  if (!f.district.empty()) add("o.district = " + param(f.district));
  if (!f.sector.empty()) add("o.sector = " + param(f.sector));
  if (f.review_status) {
    add(std::string(products ? "p" : "o") +
        ".review_status = " + param(std::string(ToString(*f.review_status))));
  }
  if (!f.text.empty()) {
    const std::string like = param(LikePattern(f.text));
    add(products ? "(LOWER(p.name_vi) LIKE " + like + " ESCAPE '\\' OR LOWER(p.name_en) LIKE " +
                       like + " ESCAPE '\\' OR p.gtin LIKE " + like + " ESCAPE '\\')"
                 : "(LOWER(o.name) LIKE " + like + " ESCAPE '\\' OR o.tax_code LIKE " + like +
                       " ESCAPE '\\')");
  }
  return sql;
}

template <typename T, typename FromRow>
Result<Page<T>> RunPage(SqlConnection& c, const std::string& select, const std::string& from_where,
                        const std::string& order, std::vector<SqlValue> params, PageRequest page,
                        FromRow from_row) {
  page = store_internal::ClampPage(page);
  TXNG_ASSIGN_OR_RETURN(SqlResult count, c.Run("SELECT COUNT(*)" + from_where, params));
  const std::string limit = " LIMIT $" + std::to_string(params.size() + 1) + " OFFSET $" +
                            std::to_string(params.size() + 2);
  const std::initializer_list<SqlValue> bounds = {int64_t{page.limit}, int64_t{page.offset}};
  params.insert(params.end(), bounds.begin(), bounds.end());
  TXNG_ASSIGN_OR_RETURN(SqlResult rows, c.Run(select + from_where + order + limit, params));
  Page<T> out;
  out.total = count.rows.at(0).Int(0);
  for (const SqlRow& row : rows.rows) out.items.push_back(from_row(row));
  return out;
}

}  // namespace

Result<Page<ReviewQueueItem>> Store::ListReviewQueue(const ReviewQueueFilter& f, PageRequest page) {
  store_internal::WhereClause where;
  if (f.kind) where.Equals("q.kind", std::string(ToString(*f.kind)));
  if (f.org_id) where.Equals("q.org_id", *f.org_id);
  if (!f.district.empty()) where.Equals("o.district", f.district);
  if (!f.sector.empty()) where.Equals("o.sector", f.sector);
  if (f.submitted_before) where.Compare("q.submitted_at", "<=", *f.submitted_before);
  return InTransaction<Page<ReviewQueueItem>>(*db_, TxMode::kRead, [&](SqlConnection& c) {
    return RunPage<ReviewQueueItem>(
        c, std::string(kQueueColumns), std::string(kQueueFrom) + where.sql(),
        " ORDER BY q.submitted_at, q.kind, q.id", where.Params(), page, QueueItemFromRow);
  });
}

Result<int64_t> Store::ReviewItems(const std::vector<ReviewTarget>& targets,
                                   const ReviewDecision& d, const Actor& actor) {
  if (d.status != ReviewStatus::kApproved && d.status != ReviewStatus::kRejected) {
    return Status::InvalidArgument("a review approves or rejects", "decision");
  }
  if (d.status == ReviewStatus::kRejected && d.reason.empty()) {
    return Status::InvalidArgument("a rejection needs a reason the producer can act on", "reason");
  }
  if (targets.empty()) return Status::InvalidArgument("choose at least one record", "items");
  return InTransaction<int64_t>(*db_, TxMode::kWrite, [&](SqlConnection& c) -> Result<int64_t> {
    const UnixMillis now = NowMillis();
    for (const ReviewTarget& t : targets) {
      // Checked record by record so that the error names it; the
      // transaction undoes the records already decided.
      TXNG_ASSIGN_OR_RETURN(
          SqlResult found,
          c.Run("SELECT review_status FROM " + std::string(TableOf(t.kind)) + " WHERE id = $1",
                {t.id}));
      if (found.rows.empty()) return NotFound(ToString(t.kind), t.id);
      const std::string status = found.rows[0].Text(0);
      if (status != ToString(ReviewStatus::kPending)) {
        return Status::FailedPrecondition(std::string(ToString(t.kind)) + " " +
                                          std::to_string(t.id) + " is " + status +
                                          ", not pending: only submitted records can be reviewed");
      }
      TXNG_RETURN_IF_ERROR(DecideOne(c, t.kind, t.id, d, actor, now));
    }
    return static_cast<int64_t>(targets.size());
  });
}

Result<Organisation> Store::ReviewOrganisation(int64_t id, const ReviewDecision& d,
                                               const Actor& actor) {
  if (d.status == ReviewStatus::kRejected && d.reason.empty()) {
    return Status::InvalidArgument("a rejection needs a reason the producer can act on", "reason");
  }
  TXNG_RETURN_IF_ERROR(db_->Transact(TxMode::kWrite, [&](SqlConnection& c) {
    return DecideOne(c, ReviewKind::kOrganisation, id, d, actor, NowMillis());
  }));
  return GetOrganisation(id);
}

Result<Page<Organisation>> Store::ListDirectoryOrganisations(const DirectoryFilter& f,
                                                             PageRequest page) {
  std::vector<SqlValue> params;
  const std::string where = DirectoryWhere(f, false, params);
  return InTransaction<Page<Organisation>>(*db_, TxMode::kRead, [&](SqlConnection& c) {
    return RunPage<Organisation>(c, std::string(kDirectoryOrganisationColumns),
                                 " FROM organisations o" + where, " ORDER BY o.name, o.id", params,
                                 page, store_internal::OrganisationFromSqlRow);
  });
}

Result<Page<DirectoryProduct>> Store::ListDirectoryProducts(const DirectoryFilter& f,
                                                            PageRequest page) {
  std::vector<SqlValue> params;
  const std::string where = DirectoryWhere(f, true, params);
  return InTransaction<Page<DirectoryProduct>>(*db_, TxMode::kRead, [&](SqlConnection& c) {
    return RunPage<DirectoryProduct>(
        c, std::string(kDirectoryProductColumns),
        " FROM products p JOIN organisations o ON o.id = p.org_id" + where,
        " ORDER BY p.name_vi, p.id", params, page, DirectoryProductFromRow);
  });
}

}  // namespace txng
