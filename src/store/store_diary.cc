// The production diary's list and the spreadsheet import's staging rows
// (store/diary.h).
#include <string>
#include <vector>

#include "store/store.h"
#include "store/store_internal.h"

namespace txng {

using store_internal::ClampPage;
using store_internal::InTransaction;

namespace {

constexpr std::string_view kInsertStaging =
    "INSERT INTO import_staging (token, org_id, user_id, file_name, rows, created_at, expires_at) "
    "VALUES ($1, $2, $3, $4, $5, $6, $7)";
constexpr std::string_view kDeleteExpiredStaging =
    "DELETE FROM import_staging WHERE expires_at <= $1";
constexpr std::string_view kSelectStaging =
    "SELECT token, org_id, user_id, file_name, rows, created_at, expires_at FROM import_staging "
    "WHERE token = $1 AND user_id = $2 AND expires_at > $3";
constexpr std::string_view kDeleteStaging = "DELETE FROM import_staging WHERE token = $1";

// The conditions of `f` and their parameters ($1 …).
std::string DiaryWhere(const DiaryFilter& f, std::vector<SqlValue>* params) {
  // Built in place: moving a SqlValue into the vector trips GCC 12's
  // -Wmaybe-uninitialized on std::variant.
  const auto next = [&]<typename T>(const T& v) {
    params->emplace_back(std::in_place_type<T>, v);
    return "$" + std::to_string(params->size());
  };
  std::string where = " WHERE org_id = " + next(int64_t{f.org_id});
  if (!f.biz_steps.empty()) {
    where += " AND biz_step IN (";
    for (size_t i = 0; i < f.biz_steps.size(); ++i) {
      where += (i ? ", " : "") + next(f.biz_steps[i]);
    }
    where += ")";
  }
  if (!f.epc_class.empty()) {
    where += " AND id IN (SELECT event_row FROM epcis_event_quantities WHERE epc_class = " +
             next(f.epc_class) + ")";
  }
  if (f.ge_event_time) where += " AND event_time >= " + next(int64_t{*f.ge_event_time});
  if (f.lt_event_time) where += " AND event_time < " + next(int64_t{*f.lt_event_time});
  if (f.review_status) {
    where += " AND review_status = " + next(std::string(ToString(*f.review_status)));
  }
  return where;
}

ImportStaging StagingFromRow(const SqlRow& row) {
  ImportStaging s;
  s.token = row.Text(0);
  s.org_id = row.Int(1);
  s.user_id = row.Int(2);
  s.file_name = row.Text(3);
  s.rows = row.Text(4);
  s.created_at = row.Int(5);
  s.expires_at = row.Int(6);
  return s;
}

}  // namespace

Result<Page<EventSubmission>> Store::ListDiaryEvents(const DiaryFilter& f, PageRequest page) {
  page = ClampPage(page);
  return InTransaction<Page<EventSubmission>>(
      *db_, TxMode::kRead, [&](SqlConnection& c) -> Result<Page<EventSubmission>> {
        std::vector<SqlValue> params;
        const std::string where = DiaryWhere(f, &params);
        TXNG_ASSIGN_OR_RETURN(SqlResult count,
                              c.Run("SELECT COUNT(*) FROM epcis_events" + where, params));
        // Limit and offset are clamped integers, written into the text.
        const std::string sql = std::string(store_internal::kSelectSubmissions) + where +
                                " ORDER BY event_time DESC, id DESC LIMIT " +
                                std::to_string(page.limit) + " OFFSET " +
                                std::to_string(page.offset);
        TXNG_ASSIGN_OR_RETURN(SqlResult rows, c.Run(sql, params));
        Page<EventSubmission> out;
        out.total = count.rows.at(0).Int(0);
        for (const SqlRow& row : rows.rows) {
          out.items.push_back(store_internal::SubmissionFromRow(row));
        }
        return out;
      });
}

Status Store::PutImportStaging(const ImportStaging& s) {
  return db_->Transact(TxMode::kWrite, [&](SqlConnection& c) -> Status {
    TXNG_RETURN_IF_ERROR(c.Run(kDeleteExpiredStaging, {s.created_at}).status());
    return c
        .Run(kInsertStaging,
             {s.token, s.org_id, s.user_id, s.file_name, s.rows, s.created_at, s.expires_at})
        .status();
  });
}

Result<ImportStaging> Store::GetImportStaging(const std::string& token, int64_t user_id,
                                              UnixMillis now) {
  return InTransaction<ImportStaging>(
      *db_, TxMode::kRead, [&](SqlConnection& c) -> Result<ImportStaging> {
        TXNG_ASSIGN_OR_RETURN(SqlResult found, c.Run(kSelectStaging, {token, user_id, now}));
        if (found.rows.empty()) return Status::NotFound("no such import waiting for confirmation");
        return StagingFromRow(found.rows[0]);
      });
}

Result<ImportStaging> Store::TakeImportStaging(const std::string& token, int64_t user_id,
                                               UnixMillis now) {
  return InTransaction<ImportStaging>(
      *db_, TxMode::kWrite, [&](SqlConnection& c) -> Result<ImportStaging> {
        TXNG_ASSIGN_OR_RETURN(SqlResult found, c.Run(kSelectStaging, {token, user_id, now}));
        if (found.rows.empty()) return Status::NotFound("no such import waiting for confirmation");
        TXNG_RETURN_IF_ERROR(c.Run(kDeleteStaging, {token}).status());
        return StagingFromRow(found.rows[0]);
      });
}

}  // namespace txng
