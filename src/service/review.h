// The reviewer's workspace: the Department of Science and Technology's queue
// of everything waiting to become public, its decisions (one by one or in
// bulk), each record's review history, the audit log and the directory —
// and the officers' read-only, scoped view of the same.
//
// Who: reviewers and admins see and decide everything; officers see only
// the organisations (and their records) of their sector and/or district and
// never decide; everyone else is refused (kUnauthenticated when anonymous,
// kPermissionDenied otherwise). A record outside an officer's scope is
// kNotFound, so that its existence does not leak.
#ifndef TXNG_SERVICE_REVIEW_H_
#define TXNG_SERVICE_REVIEW_H_

#include <optional>
#include <string>
#include <vector>

#include "common/status.h"
#include "service/principal.h"
#include "store/store.h"

namespace txng {

// Reviewers, admins and officers (signed-in users).
bool CanSeeReviewWorkspace(const Principal& p);

// The pending records `p` may see, oldest submission first. An officer's
// scope narrows `f`; a filter outside the scope finds nothing.
Result<Page<ReviewQueueItem>> ListReviewQueue(Store& store, const Principal& p, ReviewQueueFilter f,
                                              PageRequest page);

// One step of a record's review history, oldest first.
struct ReviewHistoryEntry {
  enum class Step { kCreated, kCorrected, kSubmitted, kApproved, kRejected };
  Step step = Step::kCreated;
  UnixMillis at = 0;
  std::string actor;   // Actor::label, e.g. "user:reviewer"
  std::string reason;  // rejections
};
std::string_view ToString(ReviewHistoryEntry::Step s);

// One record as the reviewer previews it: the record of its kind, the
// owning organisation and the history.
struct ReviewItem {
  ReviewKind kind = ReviewKind::kProduct;
  int64_t id = 0;
  ReviewStatus status = ReviewStatus::kDraft;
  std::string reason;  // the last rejection's reason, when rejected
  Organisation org;
  std::optional<Product> product;    // products; lots: the lot's product
  std::optional<Location> location;  // locations; lots: where it was produced
  std::optional<Lot> lot;
  std::optional<StoredEvent> event;
  std::optional<UnixMillis> submitted_at;  // the last submission (events: capture)
  std::vector<ReviewHistoryEntry> history;
};

// kNotFound when there is no such record or `p` may not see it.
Result<ReviewItem> GetReviewItem(Store& store, const Principal& p, ReviewKind kind, int64_t id);

// The largest number of records one decision names.
inline constexpr std::size_t kMaxReviewTargets = 500;

// Approves or rejects every named record, all or none (a rejection needs a
// reason; every record must be pending); returns how many. Only reviewers
// and admins decide.
Result<int64_t> DecideReviews(Store& store, const Principal& p,
                              const std::vector<ReviewTarget>& targets, const ReviewDecision& d);

// A producer (or an admin) submits its organisation's profile for review:
// draft or rejected only.
Result<Organisation> SubmitOrganisation(Store& store, const Principal& p, int64_t org_id);

// The audit log, for reviewers and admins.
Result<Page<AuditEntry>> ListAuditLog(Store& store, const Principal& p, AuditFilter f,
                                      PageRequest page);

// The directory, for reviewers, admins and officers (scoped).
Result<Page<Organisation>> ListDirectoryOrganisations(Store& store, const Principal& p,
                                                      DirectoryFilter f, PageRequest page);
Result<Page<DirectoryProduct>> ListDirectoryProducts(Store& store, const Principal& p,
                                                     DirectoryFilter f, PageRequest page);

}  // namespace txng

#endif  // TXNG_SERVICE_REVIEW_H_
