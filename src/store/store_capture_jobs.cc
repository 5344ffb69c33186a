// EPCIS capture jobs: the record of each asynchronous capture.
#include <algorithm>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "store/store.h"
#include "store/store_internal.h"

namespace txng {

using store_internal::InTransaction;

namespace {

constexpr std::string_view kJobColumns =
    "id, org_id, actor, error_behaviour, running, success, event_count, stored, duplicates, "
    "errors, created_at, finished_at";
constexpr std::string_view kInsertJob =
    "INSERT INTO capture_jobs (org_id, actor, error_behaviour, event_count, created_at) "
    "VALUES ($1, $2, $3, $4, $5) RETURNING id";
constexpr std::string_view kFinishJob =
    "UPDATE capture_jobs SET running = 0, success = $2, stored = $3, duplicates = $4, "
    "errors = $5, finished_at = $6 WHERE id = $1 AND running = 1";
constexpr std::string_view kAbandonJobs =
    "UPDATE capture_jobs SET running = 0, success = 0, errors = $1, finished_at = $2 "
    "WHERE running = 1";

CaptureJob JobFromRow(const SqlRow& row) {
  CaptureJob job;
  job.id = row.Int(0);
  job.org_id = row.Int(1);
  job.actor = row.Text(2);
  job.proceed = row.Text(3) == "proceed";
  job.running = row.Int(4) != 0;
  job.success = row.Int(5) != 0;
  job.event_count = row.Int(6);
  job.stored = row.Int(7);
  job.duplicates = row.Int(8);
  job.errors = row.Text(9);
  job.created_at = row.Int(10);
  job.finished_at = row.OptInt(11);
  return job;
}

std::string SelectJobs(std::string_view where) {
  return "SELECT " + std::string(kJobColumns) + " FROM capture_jobs " + std::string(where);
}

}  // namespace

Result<CaptureJob> Store::CreateCaptureJob(const CaptureJob& job) {
  return InTransaction<CaptureJob>(
      *db_, TxMode::kWrite, [&](SqlConnection& c) -> Result<CaptureJob> {
        CaptureJob out = job;
        out.created_at = NowMillis();
        out.running = true;
        out.success = true;
        Result<SqlResult> inserted = c.Run(
            kInsertJob, {job.org_id, job.actor, std::string(job.proceed ? "proceed" : "rollback"),
                         job.event_count, out.created_at});
        if (!inserted.ok()) {
          return store_internal::OnMissingReference(
              inserted.status(), "organisation " + std::to_string(job.org_id) + " not found");
        }
        out.id = inserted->rows.at(0).Int(0);
        return out;
      });
}

Status Store::FinishCaptureJob(const CaptureJob& job) {
  return db_->Transact(TxMode::kWrite, [&](SqlConnection& c) -> Status {
    TXNG_ASSIGN_OR_RETURN(SqlResult r,
                          c.Run(kFinishJob, {job.id, int64_t{job.success ? 1 : 0}, job.stored,
                                             job.duplicates, job.errors, NowMillis()}));
    if (r.affected == 0) return store_internal::NotFound("running capture job", job.id);
    return Status::Ok();
  });
}

Result<CaptureJob> Store::GetCaptureJob(int64_t id) {
  return InTransaction<CaptureJob>(*db_, TxMode::kRead, [&](SqlConnection& c) {
    static const std::string sql = SelectJobs("WHERE id = $1");
    return store_internal::LoadById<CaptureJob>(c, sql, "capture job", id, JobFromRow);
  });
}

Result<std::vector<CaptureJob>> Store::ListCaptureJobs(std::optional<int64_t> org_id, int limit) {
  limit = std::clamp(limit, 1, 500);
  return InTransaction<std::vector<CaptureJob>>(
      *db_, TxMode::kRead, [&](SqlConnection& c) -> Result<std::vector<CaptureJob>> {
        static const std::string all = SelectJobs("ORDER BY id DESC LIMIT $1");
        static const std::string own = SelectJobs("WHERE org_id = $2 ORDER BY id DESC LIMIT $1");
        TXNG_ASSIGN_OR_RETURN(SqlResult r, org_id ? c.Run(own, {int64_t{limit}, *org_id})
                                                  : c.Run(all, {int64_t{limit}}));
        std::vector<CaptureJob> out;
        for (const SqlRow& row : r.rows) out.push_back(JobFromRow(row));
        return out;
      });
}

Result<int64_t> Store::AbandonRunningCaptureJobs(const std::string& reason) {
  return InTransaction<int64_t>(*db_, TxMode::kWrite, [&](SqlConnection& c) -> Result<int64_t> {
    const std::string errors = nlohmann::json::array({{{"detail", reason}}}).dump();
    TXNG_ASSIGN_OR_RETURN(SqlResult r, c.Run(kAbandonJobs, {errors, NowMillis()}));
    return r.affected;
  });
}

}  // namespace txng
