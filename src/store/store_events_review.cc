// The review of captured EPCIS events: the queue and the decisions.
#include <string>
#include <vector>

#include "store/audit_detail.h"
#include "store/store.h"
#include "store/store_internal.h"

namespace txng {

using store_internal::InTransaction;
using store_internal::kSelectSubmissions;
using store_internal::SubmissionFromRow;

namespace {

constexpr std::string_view kSelectReviewStatus =
    "SELECT review_status FROM epcis_events WHERE id = $1";
constexpr std::string_view kUpdateReview =
    "UPDATE epcis_events SET review_status = $2, review_reason = $3, reviewed_by = $4, "
    "reviewed_at = $5 WHERE id = $1";

}  // namespace

namespace store_internal {

EventSubmission SubmissionFromRow(const SqlRow& row) {
  EventSubmission s;
  s.id = row.Int(0);
  s.event_id = row.Text(1);
  s.event_type = row.Text(2);
  s.event_time = row.Int(3);
  s.record_time = row.Int(4);
  s.biz_step = row.Text(5);
  s.disposition = row.Text(6);
  s.read_point = row.Text(7);
  s.biz_location = row.Text(8);
  s.declares_error = row.Int(9) != 0;
  s.declared_in_error_at = row.OptInt(10);
  s.org_id = row.Int(11);
  s.review_status = ParseReviewStatus(row.Text(12)).value_or(ReviewStatus::kPending);
  s.review_reason = row.Text(13);
  s.reviewed_by = row.OptInt(14);
  s.reviewed_at = row.OptInt(15);
  return s;
}

}  // namespace store_internal

Result<Page<EventSubmission>> Store::ListEventSubmissions(const EventReviewFilter& f,
                                                          PageRequest page) {
  return InTransaction<Page<EventSubmission>>(
      *db_, TxMode::kRead, [&](SqlConnection& c) -> Result<Page<EventSubmission>> {
        store_internal::WhereClause where;
        if (f.org_id) where.Equals("org_id", *f.org_id);
        if (f.review_status) where.Equals("review_status", std::string(ToString(*f.review_status)));
        return store_internal::ListPage<EventSubmission>(c, kSelectSubmissions, "epcis_events",
                                                         where, page, SubmissionFromRow);
      });
}

Result<int64_t> Store::ReviewEvents(const std::vector<int64_t>& ids, const ReviewDecision& d,
                                    const Actor& actor) {
  if (d.status != ReviewStatus::kApproved && d.status != ReviewStatus::kRejected) {
    return Status::InvalidArgument("an event review approves or rejects", "decision");
  }
  if (d.status == ReviewStatus::kRejected && d.reason.empty()) {
    return Status::InvalidArgument("a rejection needs a reason the producer can act on", "reason");
  }
  if (ids.empty()) return Status::InvalidArgument("name at least one event to review", "ids");
  return InTransaction<int64_t>(*db_, TxMode::kWrite, [&](SqlConnection& c) -> Result<int64_t> {
    const UnixMillis now = NowMillis();
    for (int64_t id : ids) {
      // Checked row by row so that the error names the event; the
      // transaction undoes the rows already changed.
      TXNG_ASSIGN_OR_RETURN(SqlResult found, c.Run(kSelectReviewStatus, {id}));
      if (found.rows.empty()) return store_internal::NotFound("event", id);
      const std::string status = found.rows[0].Text(0);
      if (status != ToString(ReviewStatus::kPending)) {
        return Status::FailedPrecondition("event " + std::to_string(id) + " is " + status +
                                          ", not pending: only pending events can be reviewed");
      }
      TXNG_RETURN_IF_ERROR(c.Run(kUpdateReview, {id, std::string(ToString(d.status)), d.reason,
                                                 SqlNullable(d.reviewer), now})
                               .status());
      // One entry per event, as the review pages write them: each event's
      // history (review.h) is read from its own entries.
      AuditDetail detail;
      detail.Text("status", ToString(d.status));
      if (!d.reason.empty()) detail.Text("reason", d.reason);
      TXNG_RETURN_IF_ERROR(store_internal::InsertAudit(
          c, actor, "epcis_event.review", "epcis_event", std::to_string(id), detail.ToJson(), now));
    }
    return static_cast<int64_t>(ids.size());
  });
}

}  // namespace txng
