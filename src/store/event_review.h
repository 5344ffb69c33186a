// The review of captured EPCIS events: what a reviewer's queue lists about
// each event, and the filter that chooses them.
#ifndef TXNG_STORE_EVENT_REVIEW_H_
#define TXNG_STORE_EVENT_REVIEW_H_

#include <cstdint>
#include <optional>
#include <string>

#include "common/clock.h"
#include "store/model.h"

namespace txng {

struct EventReviewFilter {
  std::optional<int64_t> org_id;
  std::optional<ReviewStatus> review_status;
};

// One captured event as the review queue shows it; the event itself is
// GET /epcis/events/{eventID}.
struct EventSubmission {
  int64_t id = 0;  // the stored row (capture order)
  std::string event_id;
  std::string event_type;
  UnixMillis event_time = 0;
  UnixMillis record_time = 0;
  std::string biz_step;
  std::string disposition;
  std::string read_point;
  std::string biz_location;
  bool declares_error = false;  // the event is a retraction of `event_id`
  std::optional<UnixMillis> declared_in_error_at;
  int64_t org_id = 0;
  ReviewStatus review_status = ReviewStatus::kPending;
  std::string review_reason;
  std::optional<int64_t> reviewed_by;
  std::optional<UnixMillis> reviewed_at;
};

}  // namespace txng

#endif  // TXNG_STORE_EVENT_REVIEW_H_
