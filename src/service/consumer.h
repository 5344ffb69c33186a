// The consumer side of the portal: the public product search and consumer
// feedback (docs/PORTAL.md, "Consumer").
#ifndef TXNG_SERVICE_CONSUMER_H_
#define TXNG_SERVICE_CONSUMER_H_

#include <deque>
#include <map>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>

#include "common/clock.h"
#include "common/status.h"
#include "service/principal.h"
#include "store/store.h"

namespace txng {

// The published products whose names, brand, category, producer or
// producer's district hold every whitespace-separated term of `query`,
// ignoring case and Vietnamese diacritics (common/text_fold.h). A term also
// matches the products of a category whose label holds it:
// `category_labels` maps a category code to its display labels (any
// language, any case). Approved products only, whoever asks: this is the
// public search. kInvalidArgument when the query has no term.
Result<Page<Product>> SearchPublishedProducts(
    Store& store, std::string_view query, const std::map<std::string, std::string>& category_labels,
    PageRequest page);

inline constexpr size_t kFeedbackMaxChars = 2000;
inline constexpr size_t kFeedbackContactMaxChars = 200;
inline constexpr size_t kFeedbackNoteMaxChars = 1000;

// Files a consumer's report about the published product `gtin` (and, when
// `lot_code` is not empty, its published lot), from `p` (any caller,
// usually anonymous), audited as "feedback.create" with the caller's
// address. kInvalidArgument (field "text" or "contact") when the text is
// empty or longer than kFeedbackMaxChars characters, or the contact longer
// than kFeedbackContactMaxChars; kNotFound when the product or lot is not
// published.
Result<Feedback> ReportFeedback(Store& store, const Principal& p, const std::string& gtin,
                                const std::string& lot_code, const std::string& text,
                                const std::string& contact);

// Who reads the feedback queue: reviewers and admins all of it, officers
// the feedback on products of organisations in their sector and district.
// Anonymous callers are kUnauthenticated; everyone else kPermissionDenied.
Result<Page<Feedback>> ListFeedbackFor(Store& store, const Principal& p, std::optional<bool> open,
                                       PageRequest page);
// Closes feedback `id` with `note` (required, at most
// kFeedbackNoteMaxChars): same callers as ListFeedbackFor; feedback outside
// an officer's scope is kNotFound; kFailedPrecondition when closed already.
Result<Feedback> CloseFeedbackFor(Store& store, const Principal& p, int64_t id,
                                  const std::string& note);
// The number of open feedback reports `p` may see (0 for callers who see
// none): for the reviewers' queue, which links to /feedback.
Result<int64_t> OpenFeedbackCount(Store& store, const Principal& p);

// Limits how often one client address may report: at most `limit` reports
// in a sliding `window_ms`. State lives in this process (as LoginThrottle).
class FeedbackLimiter {
 public:
  explicit FeedbackLimiter(int limit = 5, UnixMillis window_ms = 10 * 60 * 1000)
      : limit_(limit), window_ms_(window_ms) {}
  // 0 and counts a report when `address` may report now; else the
  // milliseconds until it may (nothing counted).
  UnixMillis Admit(const std::string& address, UnixMillis now);

 private:
  static constexpr size_t kSweepAt = 4096;
  int limit_;
  UnixMillis window_ms_;
  std::mutex mu_;
  std::unordered_map<std::string, std::deque<UnixMillis>> reports_;
};

}  // namespace txng

#endif  // TXNG_SERVICE_CONSUMER_H_
