// The reviewer's workspace as the store sees it: the queue of everything
// waiting for a decision (organisations, products, locations, lots and
// captured EPCIS events in one list), decisions over several kinds of record
// at once, and the directory of organisations and products.
#ifndef TXNG_STORE_REVIEW_QUEUE_H_
#define TXNG_STORE_REVIEW_QUEUE_H_

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "common/clock.h"
#include "store/model.h"

namespace txng {

// The kinds of record a reviewer decides on. Their names ("organisation",
// "product", "location", "lot", "event") appear in URLs and forms.
enum class ReviewKind { kOrganisation, kProduct, kLocation, kLot, kEvent };
std::string_view ToString(ReviewKind k);
std::optional<ReviewKind> ParseReviewKind(std::string_view s);
// The entity name of the kind in the audit log ("epcis_event" for events).
std::string_view AuditEntityOf(ReviewKind k);

// Which pending records the queue lists. District and sector are the
// owning organisation's; empty strings do not filter.
struct ReviewQueueFilter {
  std::optional<ReviewKind> kind;
  std::optional<int64_t> org_id;
  std::string district;
  std::string sector;
  // Only records submitted at or before this time ("waiting more than N days").
  std::optional<UnixMillis> submitted_before;
};

// One pending record in the queue.
struct ReviewQueueItem {
  ReviewKind kind = ReviewKind::kProduct;
  int64_t id = 0;
  int64_t org_id = 0;
  std::string title;            // name, "product / lot code" or "event type bizStep"
  UnixMillis submitted_at = 0;  // when it became pending (events: record time)
  std::string org_name;
  std::string district;
  std::string sector;
};

// One record a decision names.
struct ReviewTarget {
  ReviewKind kind = ReviewKind::kProduct;
  int64_t id = 0;
};

// The directory's filter; every field narrows when set. `text` matches a
// part of the name (products: Vietnamese name, English name or GTIN;
// organisations: name or tax code), ignoring ASCII case.
struct DirectoryFilter {
  std::string district;  // the organisation's
  std::string sector;    // the organisation's
  std::optional<ReviewStatus> review_status;
  std::string text;
};

// A product with the organisation that owns it.
struct DirectoryProduct {
  Product product;
  std::string org_name;
  std::string district;
  std::string sector;
};

}  // namespace txng

#endif  // TXNG_STORE_REVIEW_QUEUE_H_
