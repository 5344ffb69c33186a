// Helpers shared by the files that implement Store. Internal to the store.
#ifndef TXNG_STORE_STORE_INTERNAL_H_
#define TXNG_STORE_STORE_INTERNAL_H_

#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "common/clock.h"
#include "common/status.h"
#include "store/database.h"
#include "store/model.h"
#include "store/store.h"

namespace txng::store_internal {

// Runs `fn` (Result<T>(SqlConnection&)) in one transaction and returns its
// value once committed.
template <typename T, typename Fn>
Result<T> InTransaction(Database& db, TxMode mode, Fn&& fn) {
  std::optional<T> out;
  TXNG_RETURN_IF_ERROR(db.Transact(mode, [&](SqlConnection& c) -> Status {
    Result<T> r = fn(c);
    if (!r.ok()) return r.status();
    out.emplace(std::move(r).value());
    return Status::Ok();
  }));
  return std::move(*out);
}

// limit clamped to 1..500, offset to >= 0.
PageRequest ClampPage(PageRequest page);

// The columns of epcis_events an EventSubmission is read from, and the
// reading (store_events_review.cc): the review queue's and the diary's rows.
inline constexpr std::string_view kSelectSubmissions =
    "SELECT id, event_id, event_type, event_time, record_time, biz_step, disposition, "
    "read_point, biz_location, declares_error, declared_in_error_at, org_id, review_status, "
    "review_reason, reviewed_by, reviewed_at FROM epcis_events";
EventSubmission SubmissionFromRow(const SqlRow& row);

// "WHERE a = $1 AND b = $2" built from the filters that are set; the
// columns are constants of the calling code, never user input.
class WhereClause {
 public:
  void Equals(std::string_view column, SqlValue value);
  // "column <op> $n", op one of =, <, <=, >, >=, LIKE (constants of the caller).
  void Compare(std::string_view column, std::string_view op, SqlValue value);
  const std::string& sql() const { return sql_; }  // "" when no filter is set
  // The filter values, then `extra`.
  std::vector<SqlValue> Params(std::initializer_list<SqlValue> extra = {}) const;
  // The placeholder of the k-th extra parameter (k >= 1), "$n".
  std::string ExtraPlaceholder(size_t k) const;

 private:
  std::string sql_;
  std::vector<SqlValue> params_;
};

// Runs `select_sql + where + ORDER BY id LIMIT/OFFSET` and the matching
// COUNT(*) over `table`, converting rows with `from_row`; newest (highest
// id) first when `descending`.
template <typename T, typename FromRow>
Result<Page<T>> ListPage(SqlConnection& c, std::string_view select_sql, std::string_view table,
                         const WhereClause& where, PageRequest page, FromRow from_row,
                         bool descending = false) {
  page = ClampPage(page);
  std::string sql = std::string(select_sql) + where.sql() + " ORDER BY id" +
                    (descending ? " DESC" : "") + " LIMIT " + where.ExtraPlaceholder(1) +
                    " OFFSET " + where.ExtraPlaceholder(2);
  TXNG_ASSIGN_OR_RETURN(SqlResult rows,
                        c.Run(sql, where.Params({int64_t{page.limit}, int64_t{page.offset}})));
  std::string count_sql = "SELECT COUNT(*) FROM " + std::string(table) + where.sql();
  TXNG_ASSIGN_OR_RETURN(SqlResult count, c.Run(count_sql, where.Params()));
  Page<T> out;
  out.total = count.rows.at(0).Int(0);
  out.items.reserve(rows.rows.size());
  for (const SqlRow& row : rows.rows) out.items.push_back(from_row(row));
  return out;
}

// Runs `head + "(" + placeholders + ")" + tail` once per chunk of
// `values` (distinct; at most 256 per statement) and hands every row to
// `on_row`. `fixed` are bound first as $1..$k, so `head` and `tail` may
// use them; the IN list follows. Each chunk is padded to a power of two
// with its last value, so that few statement texts reach the statement
// caches. Chunks run in the order of `values`.
Status ForEachRowIn(SqlConnection& c, std::string_view head, std::string_view tail,
                    const std::vector<SqlValue>& fixed, const std::vector<SqlValue>& values,
                    const std::function<Status(const SqlRow&)>& on_row);

// Inserts one audit_log row at `at`.
Status InsertAudit(SqlConnection& c, const Actor& actor, std::string_view action,
                   std::string_view entity, std::string_view entity_id, std::string_view detail,
                   UnixMillis at);

// Names the fields an update changed, for the audit detail.
class FieldChanges {
 public:
  template <typename T>
  void Compare(std::string_view field, const T& before, const T& after) {
    if (!(before == after)) names_.emplace_back(field);
  }
  std::vector<std::string> names() const { return names_; }

 private:
  std::vector<std::string> names_;
};

// `status` with a store-level message and field when it is a unique-key
// violation; any other status unchanged.
Status OnDuplicate(Status status, std::string message, std::string field);
// `status` with `message` when it is a foreign-key violation.
Status OnMissingReference(Status status, std::string message);

// kNotFound "<entity> <id> not found".
Status NotFound(std::string_view entity, int64_t id);

// The one row `sql` selects for `id` ($1), mapped by `from_row`; kNotFound
// "<entity> <id> not found" when there is none.
template <typename T>
Result<T> LoadById(SqlConnection& c, std::string_view sql, std::string_view entity, int64_t id,
                   T (*from_row)(const SqlRow&)) {
  TXNG_ASSIGN_OR_RETURN(SqlResult r, c.Run(sql, {id}));
  if (r.rows.empty()) return NotFound(entity, id);
  return from_row(r.rows[0]);
}

// The created_at of a new record: the caller's when set (imports and the
// demo keep their history), else now.
inline UnixMillis CreationTime(UnixMillis requested, UnixMillis now) {
  return requested != 0 ? requested : now;
}

// Review columns shared by products, locations and lots; `update_sql` sets
// (review_status, review_reason, reviewed_by, reviewed_at, updated_at) =
// ($2..$6) WHERE id = $1. Approving or rejecting records the reviewer and
// time; moving back to draft or pending (submission) clears them.
// kRejected needs a reason (kInvalidArgument, field "reason").
Status ApplyReview(SqlConnection& c, std::string_view update_sql, std::string_view entity,
                   int64_t id, const ReviewDecision& d, const Actor& actor);

// products.search_text (store_consumer.cc): recomputes the folded search
// text of product `product_id`, of every product of organisation `org_id`,
// or (both empty) of every product that has none yet.
Status RefreshProductSearchText(SqlConnection& c, std::optional<int64_t> product_id,
                                std::optional<int64_t> org_id);
// The products table's columns as ProductFromSqlRow reads them
// (store_catalog.cc).
std::string_view ProductColumns();
Product ProductFromSqlRow(const SqlRow& row);
// An organisations row read as id, name, tax_code, kind, sector, district,
// address, phone, email, gs1_company_prefix, gln, review_status,
// created_at, updated_at (store_accounts.cc).
Organisation OrganisationFromSqlRow(const SqlRow& row);
std::string_view OrganisationColumns();
// The locations and lots tables' columns as their readers read them
// (store_catalog.cc, store_lots.cc).
std::string_view LocationColumns();
Location LocationFromSqlRow(const SqlRow& row);
std::string_view LotColumns();
Lot LotFromSqlRow(const SqlRow& row);
// The master data that describes any of `element_ids` (distinct), every
// organisation's description, in capture order, children sorted
// (store_master_data.cc).
Result<std::vector<StoredVocabularyElement>> MasterDataOfElements(
    SqlConnection& c, const std::vector<std::string>& element_ids);
}  // namespace txng::store_internal

#endif  // TXNG_STORE_STORE_INTERNAL_H_
