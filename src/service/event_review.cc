#include "service/event_review.h"

#include <algorithm>
#include <string>

#include "service/catalog.h"

namespace txng {

Result<Page<EventSubmission>> ListEventSubmissions(Store& store, const Principal& p,
                                                   EventReviewFilter f, PageRequest page) {
  if (p.anonymous()) return Status::Unauthenticated("sign in to see submitted events");
  if (!CanReview(p)) {
    if (!p.org_id || p.role != Role::kProducer) {
      return Status::PermissionDenied(
          "only reviewers, admins and an organisation's producers see submitted events");
    }
    if (f.org_id && *f.org_id != *p.org_id) {
      return Status::PermissionDenied("you can only see your own organisation's events");
    }
    f.org_id = p.org_id;
  }
  return store.ListEventSubmissions(f, page);
}

Result<int64_t> ReviewEvents(Store& store, const Principal& p, const std::vector<int64_t>& ids,
                             const ReviewDecision& d) {
  if (p.anonymous()) return Status::Unauthenticated("sign in to review events");
  TXNG_RETURN_IF_ERROR(ValidateReviewDecision(p, d));
  if (ids.empty()) return Status::InvalidArgument("name at least one event to review", "ids");
  if (ids.size() > kMaxEventsPerReview) {
    return Status::InvalidArgument(
        "at most " + std::to_string(kMaxEventsPerReview) + " events per decision", "ids");
  }
  std::vector<int64_t> sorted = ids;
  std::sort(sorted.begin(), sorted.end());
  if (std::adjacent_find(sorted.begin(), sorted.end()) != sorted.end()) {
    return Status::InvalidArgument("an event is named twice", "ids");
  }
  ReviewDecision decision = d;
  decision.reviewer = p.user_id;
  return store.ReviewEvents(ids, decision, p.ToActor());
}

}  // namespace txng
