#include "service/review.h"

#include <algorithm>
#include <nlohmann/json.hpp>

#include "epcis/timestamp.h"
#include "service/catalog.h"

namespace txng {
namespace {

Status CheckWorkspace(const Principal& p) {
  if (p.anonymous()) return Status::Unauthenticated("sign in to open the review workspace");
  if (!CanSeeReviewWorkspace(p)) {
    return Status::PermissionDenied(
        "only reviewers, admins and sector or district officers open the review workspace");
  }
  return Status::Ok();
}

// Narrows a scope field of a filter to the officer's scope. False when the
// filter asks for something outside it.
bool Narrow(std::string& wanted, const std::string& scope) {
  if (scope.empty()) return true;
  if (!wanted.empty() && wanted != scope) return false;
  wanted = scope;
  return true;
}

template <typename Filter>
bool NarrowToScope(const Principal& p, Filter& f) {
  if (!p.is(Role::kOfficer)) return true;
  // An officer without any scope sees nothing (CanRead agrees).
  if (p.scope_sector.empty() && p.scope_district.empty()) return false;
  return Narrow(f.sector, p.scope_sector) && Narrow(f.district, p.scope_district);
}

bool InScope(const Principal& p, const Organisation& org) {
  return CanReview(p) || CanRead(p, org.id, ReviewStatus::kPending, &org);
}

ReviewHistoryEntry::Step StepOf(const AuditEntry& e, std::string& reason) {
  using Step = ReviewHistoryEntry::Step;
  const std::string verb = e.action.substr(e.action.rfind('.') + 1);
  if (verb == "create") return Step::kCreated;
  if (verb == "submit") return Step::kSubmitted;
  if (verb == "review") {
    const nlohmann::json detail = nlohmann::json::parse(e.detail, nullptr, false);
    if (detail.is_object() && detail.value("status", "") == "rejected") {
      reason = detail.value("reason", "");
      return Step::kRejected;
    }
    return Step::kApproved;
  }
  return Step::kCorrected;
}

// The record's history from the audit log: creation, edits, submissions
// and decisions, oldest first. Only the entity's own entries count, so a
// lot's history does not list its product's.
Result<std::vector<ReviewHistoryEntry>> HistoryOf(Store& store, ReviewKind kind, int64_t id) {
  AuditFilter f;
  f.entity = std::string(AuditEntityOf(kind));
  f.entity_id = std::to_string(id);
  TXNG_ASSIGN_OR_RETURN(Page<AuditEntry> log, store.ListAudit(f, {.limit = 500, .offset = 0}));
  std::vector<ReviewHistoryEntry> out;
  for (const AuditEntry& e : log.items) {
    ReviewHistoryEntry h;
    h.step = StepOf(e, h.reason);
    h.at = e.at;
    h.actor = e.actor;
    out.push_back(std::move(h));
  }
  return out;
}

std::optional<UnixMillis> LastSubmission(const std::vector<ReviewHistoryEntry>& history) {
  std::optional<UnixMillis> at;
  for (const ReviewHistoryEntry& h : history) {
    if (h.step == ReviewHistoryEntry::Step::kSubmitted) at = h.at;
  }
  return at;
}

Status NotFoundFor(ReviewKind kind, int64_t id) {
  return Status::NotFound(std::string(ToString(kind)) + " " + std::to_string(id) + " not found");
}

// Loads the record of `item.kind` into `item` and returns its organisation id.
Result<int64_t> LoadRecord(Store& store, ReviewItem& item) {
  switch (item.kind) {
    case ReviewKind::kOrganisation: {
      TXNG_ASSIGN_OR_RETURN(item.org, store.GetOrganisation(item.id));
      item.status = item.org.review_status;
      return item.id;
    }
    case ReviewKind::kProduct: {
      TXNG_ASSIGN_OR_RETURN(Product product, store.GetProduct(item.id));
      item.status = product.review_status;
      item.reason = product.review_reason;
      item.product = std::move(product);
      return item.product->org_id;
    }
    case ReviewKind::kLocation: {
      TXNG_ASSIGN_OR_RETURN(Location location, store.GetLocation(item.id));
      item.status = location.review_status;
      item.reason = location.review_reason;
      item.location = std::move(location);
      return item.location->org_id;
    }
    case ReviewKind::kLot: {
      TXNG_ASSIGN_OR_RETURN(Lot lot, store.GetLot(item.id));
      item.status = lot.review_status;
      item.reason = lot.review_reason;
      TXNG_ASSIGN_OR_RETURN(item.product, store.GetProduct(lot.product_id));
      if (lot.location_id) {
        auto location = store.GetLocation(*lot.location_id);
        if (location.ok()) item.location = std::move(location).value();
      }
      item.lot = std::move(lot);
      return item.lot->org_id;
    }
    case ReviewKind::kEvent: {
      TXNG_ASSIGN_OR_RETURN(StoredEvent event, store.GetEvent(item.id));
      item.status = event.review_status;
      item.event = std::move(event);
      return item.event->org_id;
    }
  }
  return Status::Internal("unknown review kind");
}

}  // namespace

std::string_view ToString(ReviewHistoryEntry::Step s) {
  switch (s) {
    case ReviewHistoryEntry::Step::kCreated:
      return "created";
    case ReviewHistoryEntry::Step::kCorrected:
      return "corrected";
    case ReviewHistoryEntry::Step::kSubmitted:
      return "submitted";
    case ReviewHistoryEntry::Step::kApproved:
      return "approved";
    case ReviewHistoryEntry::Step::kRejected:
      return "rejected";
  }
  return "corrected";
}

bool CanSeeReviewWorkspace(const Principal& p) {
  return p.kind == Principal::Kind::kUser &&
         (p.role == Role::kReviewer || p.role == Role::kAdmin || p.role == Role::kOfficer);
}

Result<Page<ReviewQueueItem>> ListReviewQueue(Store& store, const Principal& p, ReviewQueueFilter f,
                                              PageRequest page) {
  TXNG_RETURN_IF_ERROR(CheckWorkspace(p));
  if (!NarrowToScope(p, f)) return Page<ReviewQueueItem>{};
  return store.ListReviewQueue(f, page);
}

Result<ReviewItem> GetReviewItem(Store& store, const Principal& p, ReviewKind kind, int64_t id) {
  TXNG_RETURN_IF_ERROR(CheckWorkspace(p));
  ReviewItem item;
  item.kind = kind;
  item.id = id;
  Result<int64_t> org_id = LoadRecord(store, item);
  if (!org_id.ok()) {
    return org_id.status().code() == StatusCode::kNotFound ? NotFoundFor(kind, id)
                                                           : org_id.status();
  }
  if (kind != ReviewKind::kOrganisation) {
    TXNG_ASSIGN_OR_RETURN(item.org, store.GetOrganisation(*org_id));
  }
  if (!InScope(p, item.org)) return NotFoundFor(kind, id);
  TXNG_ASSIGN_OR_RETURN(item.history, HistoryOf(store, kind, id));
  if (kind == ReviewKind::kEvent) {
    // Events are pending from capture: their submission is the record time.
    auto recorded = epcis::ParseTimestamp(item.event->event.record_time);
    const UnixMillis captured = recorded.ok() ? epcis::ToUnixMillis(*recorded) : 0;
    item.submitted_at = captured;
    ReviewHistoryEntry submitted;
    submitted.step = ReviewHistoryEntry::Step::kSubmitted;
    submitted.at = captured;
    submitted.actor = item.org.name;
    item.history.insert(item.history.begin(), submitted);
    for (const ReviewHistoryEntry& h : item.history) {
      if (h.step == ReviewHistoryEntry::Step::kRejected) item.reason = h.reason;
    }
  } else {
    item.submitted_at = LastSubmission(item.history);
    if (kind == ReviewKind::kOrganisation) {
      for (const ReviewHistoryEntry& h : item.history) {
        if (h.step == ReviewHistoryEntry::Step::kRejected) item.reason = h.reason;
      }
    }
  }
  if (item.status != ReviewStatus::kRejected) item.reason.clear();
  return item;
}

Result<int64_t> DecideReviews(Store& store, const Principal& p,
                              const std::vector<ReviewTarget>& targets, const ReviewDecision& d) {
  if (p.anonymous()) return Status::Unauthenticated("sign in to review records");
  TXNG_RETURN_IF_ERROR(ValidateReviewDecision(p, d));
  if (targets.empty()) return Status::InvalidArgument("choose at least one record", "items");
  if (targets.size() > kMaxReviewTargets) {
    return Status::InvalidArgument(
        "at most " + std::to_string(kMaxReviewTargets) + " records per decision", "items");
  }
  std::vector<std::pair<ReviewKind, int64_t>> sorted;
  for (const ReviewTarget& t : targets) sorted.emplace_back(t.kind, t.id);
  std::sort(sorted.begin(), sorted.end());
  if (std::adjacent_find(sorted.begin(), sorted.end()) != sorted.end()) {
    return Status::InvalidArgument("a record is named twice", "items");
  }
  ReviewDecision decision = d;
  decision.reviewer = p.user_id;
  return store.ReviewItems(targets, decision, p.ToActor());
}

Result<Organisation> SubmitOrganisation(Store& store, const Principal& p, int64_t org_id) {
  if (p.anonymous()) return Status::Unauthenticated("sign in to submit your organisation");
  const Status not_found =
      Status::NotFound("organisation " + std::to_string(org_id) + " not found");
  if (!p.is(Role::kAdmin) && !(p.is(Role::kProducer) && p.org_id == org_id)) return not_found;
  auto org = store.GetOrganisation(org_id);
  if (!org.ok()) return org.status().code() == StatusCode::kNotFound ? not_found : org.status();
  if (org->review_status != ReviewStatus::kDraft && org->review_status != ReviewStatus::kRejected) {
    return Status::FailedPrecondition("organisation " + std::to_string(org_id) + " is already " +
                                      std::string(ToString(org->review_status)) +
                                      "; only draft or rejected records can be submitted");
  }
  ReviewDecision submit;
  submit.status = ReviewStatus::kPending;
  return store.ReviewOrganisation(org_id, submit, p.ToActor());
}

Result<Page<AuditEntry>> ListAuditLog(Store& store, const Principal& p, AuditFilter f,
                                      PageRequest page) {
  if (p.anonymous()) return Status::Unauthenticated("sign in to read the audit log");
  if (!CanReview(p)) {
    return Status::PermissionDenied("only reviewers and admins read the audit log");
  }
  return store.ListAudit(f, page);
}

Result<Page<Organisation>> ListDirectoryOrganisations(Store& store, const Principal& p,
                                                      DirectoryFilter f, PageRequest page) {
  TXNG_RETURN_IF_ERROR(CheckWorkspace(p));
  if (!NarrowToScope(p, f)) return Page<Organisation>{};
  return store.ListDirectoryOrganisations(f, page);
}

Result<Page<DirectoryProduct>> ListDirectoryProducts(Store& store, const Principal& p,
                                                     DirectoryFilter f, PageRequest page) {
  TXNG_RETURN_IF_ERROR(CheckWorkspace(p));
  if (!NarrowToScope(p, f)) return Page<DirectoryProduct>{};
  return store.ListDirectoryProducts(f, page);
}

}  // namespace txng
