// Store: the consumer side — product search over the folded search text,
// and consumer feedback.
#include "common/text_fold.h"
#include "store/audit_detail.h"
#include "store/store.h"
#include "store/store_internal.h"

namespace txng {
namespace {

using store_internal::InsertAudit;
using store_internal::InTransaction;
using store_internal::NotFound;

constexpr std::string_view kSelectSearchSource =
    "SELECT p.id, p.name_vi, p.name_en, p.brand, p.category, o.name, o.district "
    "FROM products p JOIN organisations o ON o.id = p.org_id";
constexpr std::string_view kUpdateSearchText = "UPDATE products SET search_text = $2 WHERE id = $1";

constexpr std::string_view kSelectFeedback =
    "SELECT f.id, f.product_id, f.lot_code, f.body, f.contact, f.remote_addr, f.created_at, "
    "f.status, f.closed_by, f.closed_at, f.note, p.gtin, p.name_vi, o.id, o.name, o.sector, "
    "o.district FROM feedback f JOIN products p ON p.id = f.product_id "
    "JOIN organisations o ON o.id = p.org_id";
constexpr std::string_view kInsertFeedback =
    "INSERT INTO feedback (product_id, lot_code, body, contact, remote_addr, created_at, status) "
    "VALUES ($1, $2, $3, $4, $5, $6, 'open') RETURNING id";
constexpr std::string_view kLockFeedback =
    "UPDATE feedback SET status = status WHERE id = $1 RETURNING status";
constexpr std::string_view kCloseFeedback =
    "UPDATE feedback SET status = 'closed', closed_by = $2, closed_at = $3, note = $4 "
    "WHERE id = $1";

Feedback FeedbackFromRow(const SqlRow& row) {
  Feedback f;
  f.id = row.Int(0);
  f.product_id = row.Int(1);
  f.lot_code = row.Text(2);
  f.body = row.Text(3);
  f.contact = row.Text(4);
  f.remote_addr = row.Text(5);
  f.created_at = row.Int(6);
  f.open = row.Text(7) == "open";
  f.closed_by = row.IsNull(8) ? "" : row.Text(8);
  f.closed_at = row.OptInt(9);
  f.note = row.Text(10);
  f.gtin = row.Text(11);
  f.product_name = row.Text(12);
  f.org_id = row.Int(13);
  f.org_name = row.Text(14);
  f.org_sector = row.Text(15);
  f.org_district = row.Text(16);
  return f;
}

Result<Feedback> LoadFeedback(SqlConnection& c, int64_t id) {
  TXNG_ASSIGN_OR_RETURN(SqlResult r,
                        c.Run(std::string(kSelectFeedback) + " WHERE f.id = $1", {id}));
  if (r.rows.empty()) return NotFound("feedback", id);
  return FeedbackFromRow(r.rows[0]);
}

// A LIKE pattern that finds `term` anywhere, with '\' escaping the
// pattern's own characters (queries say ESCAPE '\').
std::string ContainsPattern(std::string_view term) {
  std::string out = "%";
  for (char ch : term) {
    if (ch == '%' || ch == '_' || ch == '\\') out += '\\';
    out += ch;
  }
  return out + "%";
}

// SQL conditions joined by AND, with their parameters numbered from $1.
class Conditions {
 public:
  std::string Param(SqlValue v) {
    params_.push_back(std::move(v));
    return "$" + std::to_string(params_.size());
  }
  void Add(std::string condition) { sql_ += (sql_.empty() ? " WHERE " : " AND ") + condition; }
  const std::string& sql() const { return sql_; }
  const std::vector<SqlValue>& params() const { return params_; }
  // The k-th (k >= 1) parameter after the conditions' own, and the
  // parameters with `extra` after them.
  std::string Placeholder(size_t k) const { return "$" + std::to_string(params_.size() + k); }
  std::vector<SqlValue> ParamsWith(std::initializer_list<SqlValue> extra) const {
    std::vector<SqlValue> out = params_;
    out.insert(out.end(), extra.begin(), extra.end());
    return out;
  }

 private:
  std::string sql_;
  std::vector<SqlValue> params_;
};

Conditions FeedbackConditions(const FeedbackFilter& f) {
  Conditions where;
  if (f.open) where.Add("f.status = " + where.Param(std::string(*f.open ? "open" : "closed")));
  if (!f.sector.empty()) where.Add("o.sector = " + where.Param(f.sector));
  if (!f.district.empty()) where.Add("o.district = " + where.Param(f.district));
  return where;
}

}  // namespace

Status store_internal::RefreshProductSearchText(SqlConnection& c, std::optional<int64_t> product_id,
                                                std::optional<int64_t> org_id) {
  std::string sql(kSelectSearchSource);
  std::vector<SqlValue> params;
  if (product_id) {
    sql += " WHERE p.id = $1";
    params.push_back(*product_id);
  } else if (org_id) {
    sql += " WHERE p.org_id = $1";
    params.push_back(*org_id);
  } else {
    sql += " WHERE p.search_text IS NULL";
  }
  TXNG_ASSIGN_OR_RETURN(SqlResult rows, c.Run(sql, params));
  for (const SqlRow& row : rows.rows) {
    std::string text;
    for (size_t i = 1; i < row.size(); ++i) text += row.Text(i) + " ";
    TXNG_RETURN_IF_ERROR(c.Run(kUpdateSearchText, {row.Int(0), FoldForSearch(text)}).status());
  }
  return Status::Ok();
}

Status Store::BackfillProductSearchText() {
  return db_->Transact(TxMode::kWrite, [](SqlConnection& c) {
    return store_internal::RefreshProductSearchText(c, std::nullopt, std::nullopt);
  });
}

Result<Page<Product>> Store::SearchProducts(const ProductSearch& q, PageRequest page) {
  if (q.terms.empty()) return Status::InvalidArgument("a search needs at least one term", "q");
  page = store_internal::ClampPage(page);
  Conditions where;
  if (q.review_status) {
    where.Add("review_status = " + where.Param(std::string(ToString(*q.review_status))));
  }
  for (const ProductSearchTerm& t : q.terms) {
    std::string any = "search_text LIKE " + where.Param(ContainsPattern(t.folded)) + " ESCAPE '\\'";
    if (!t.categories.empty()) {
      std::string in;
      for (const std::string& cat : t.categories) in += (in.empty() ? "" : ", ") + where.Param(cat);
      any += " OR category IN (" + in + ")";
    }
    where.Add("(" + any + ")");
  }
  return InTransaction<Page<Product>>(
      *db_, TxMode::kRead, [&](SqlConnection& c) -> Result<Page<Product>> {
        const std::string limit = where.Placeholder(1);
        const std::string offset = where.Placeholder(2);
        const std::vector<SqlValue> params =
            where.ParamsWith({int64_t{page.limit}, int64_t{page.offset}});
        TXNG_ASSIGN_OR_RETURN(
            SqlResult rows,
            c.Run("SELECT " + std::string(store_internal::ProductColumns()) + " FROM products" +
                      where.sql() + " ORDER BY id LIMIT " + limit + " OFFSET " + offset,
                  params));
        TXNG_ASSIGN_OR_RETURN(SqlResult count,
                              c.Run("SELECT COUNT(*) FROM products" + where.sql(), where.params()));
        Page<Product> out;
        out.total = count.rows.at(0).Int(0);
        for (const SqlRow& row : rows.rows) {
          out.items.push_back(store_internal::ProductFromSqlRow(row));
        }
        return out;
      });
}

Result<Feedback> Store::CreateFeedback(const Feedback& f, const Actor& actor) {
  return InTransaction<Feedback>(*db_, TxMode::kWrite, [&](SqlConnection& c) -> Result<Feedback> {
    const UnixMillis now = NowMillis();
    Result<SqlResult> inserted =
        c.Run(kInsertFeedback, {f.product_id, f.lot_code, f.body, f.contact, f.remote_addr, now});
    if (!inserted.ok()) {
      return store_internal::OnMissingReference(
          inserted.status(), "product " + std::to_string(f.product_id) + " not found");
    }
    const int64_t id = inserted->rows.at(0).Int(0);
    TXNG_RETURN_IF_ERROR(InsertAudit(
        c, actor, "feedback.create", "feedback", std::to_string(id),
        AuditDetail().Int("product_id", f.product_id).Text("lot_code", f.lot_code).ToJson(), now));
    return LoadFeedback(c, id);
  });
}

Result<Feedback> Store::GetFeedback(int64_t id) {
  return InTransaction<Feedback>(*db_, TxMode::kRead,
                                 [&](SqlConnection& c) { return LoadFeedback(c, id); });
}

Result<Feedback> Store::CloseFeedback(int64_t id, const std::string& note, const Actor& actor) {
  return InTransaction<Feedback>(*db_, TxMode::kWrite, [&](SqlConnection& c) -> Result<Feedback> {
    TXNG_ASSIGN_OR_RETURN(SqlResult locked, c.Run(kLockFeedback, {id}));
    if (locked.rows.empty()) return NotFound("feedback", id);
    if (locked.rows[0].Text(0) != "open") {
      return Status::FailedPrecondition("feedback " + std::to_string(id) + " is closed already");
    }
    const UnixMillis now = NowMillis();
    TXNG_RETURN_IF_ERROR(c.Run(kCloseFeedback, {id, actor.label, now, note}).status());
    TXNG_RETURN_IF_ERROR(InsertAudit(c, actor, "feedback.close", "feedback", std::to_string(id),
                                     AuditDetail().Text("note", note).ToJson(), now));
    return LoadFeedback(c, id);
  });
}

Result<Page<Feedback>> Store::ListFeedback(const FeedbackFilter& f, PageRequest page) {
  page = store_internal::ClampPage(page);
  const Conditions where = FeedbackConditions(f);
  return InTransaction<Page<Feedback>>(
      *db_, TxMode::kRead, [&](SqlConnection& c) -> Result<Page<Feedback>> {
        const std::string limit = where.Placeholder(1);
        const std::string offset = where.Placeholder(2);
        const std::vector<SqlValue> params =
            where.ParamsWith({int64_t{page.limit}, int64_t{page.offset}});
        TXNG_ASSIGN_OR_RETURN(
            SqlResult rows,
            c.Run(std::string(kSelectFeedback) + where.sql() +
                      " ORDER BY CASE WHEN f.status = 'open' THEN 0 ELSE 1 END, f.id DESC LIMIT " +
                      limit + " OFFSET " + offset,
                  params));
        TXNG_ASSIGN_OR_RETURN(
            SqlResult count,
            c.Run("SELECT COUNT(*) FROM feedback f JOIN products p ON p.id = f.product_id "
                  "JOIN organisations o ON o.id = p.org_id" +
                      where.sql(),
                  where.params()));
        Page<Feedback> out;
        out.total = count.rows.at(0).Int(0);
        for (const SqlRow& row : rows.rows) out.items.push_back(FeedbackFromRow(row));
        return out;
      });
}

Result<int64_t> Store::CountFeedback(const FeedbackFilter& f) {
  const Conditions where = FeedbackConditions(f);
  return InTransaction<int64_t>(*db_, TxMode::kRead, [&](SqlConnection& c) -> Result<int64_t> {
    TXNG_ASSIGN_OR_RETURN(
        SqlResult count,
        c.Run("SELECT COUNT(*) FROM feedback f JOIN products p ON p.id = f.product_id "
              "JOIN organisations o ON o.id = p.org_id" +
                  where.sql(),
              where.params()));
    return count.rows.at(0).Int(0);
  });
}

}  // namespace txng
