// The review of captured EPCIS events: the Department's queue and its
// decisions. Captured events start pending (service/epcis_capture.h); only
// approved events are public.
#ifndef TXNG_SERVICE_EVENT_REVIEW_H_
#define TXNG_SERVICE_EVENT_REVIEW_H_

#include <cstdint>
#include <vector>

#include "common/status.h"
#include "service/principal.h"
#include "store/store.h"

namespace txng {

// The largest number of events one decision names.
inline constexpr std::size_t kMaxEventsPerReview = 1000;

// Reviewers and admins see every organisation's events (narrowed by
// f.org_id when set); a producer or API key sees its own organisation's,
// with their review status and the reviewer's reason. Others:
// kPermissionDenied (kUnauthenticated when anonymous).
Result<Page<EventSubmission>> ListEventSubmissions(Store& store, const Principal& p,
                                                   EventReviewFilter f, PageRequest page);

// Approves or rejects the events with these stored ids (GET
// /api/v1/events lists them), all or none; returns how many.
Result<int64_t> ReviewEvents(Store& store, const Principal& p, const std::vector<int64_t>& ids,
                             const ReviewDecision& d);

}  // namespace txng

#endif  // TXNG_SERVICE_EVENT_REVIEW_H_
