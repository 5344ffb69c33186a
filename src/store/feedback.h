// Consumer feedback and product search as the store keeps them
// (store_consumer.cc). Who may report and who may read or close is the
// service's (service/feedback.h).
#ifndef TXNG_STORE_FEEDBACK_H_
#define TXNG_STORE_FEEDBACK_H_

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "common/clock.h"
#include "store/model.h"

namespace txng {

// A problem a consumer reported about a product (and maybe one lot).
struct Feedback {
  int64_t id = 0;
  int64_t product_id = 0;
  std::string lot_code;  // as shown on the page; empty for the product as a whole
  std::string body;
  std::string contact;  // optional, as the visitor typed it
  std::string remote_addr;
  UnixMillis created_at = 0;
  bool open = true;
  std::string closed_by;  // Actor::label
  std::optional<UnixMillis> closed_at;
  std::string note;  // the closing note
  // Read from the product and its organisation (not stored with the feedback).
  std::string gtin;
  std::string product_name;  // name_vi
  int64_t org_id = 0;
  std::string org_name;
  std::string org_sector;
  std::string org_district;
};

struct FeedbackFilter {
  std::optional<bool> open;  // only open (true) or closed (false) ones
  // Officers' scope: only feedback on products of organisations in this
  // sector / district (empty: any).
  std::string sector;
  std::string district;
};

// A search over products: every term must occur in the product's folded
// search text (products.search_text) unless the product's category is one
// of the term's `categories` (the categories whose label contains it).
struct ProductSearchTerm {
  std::string folded;  // common/text_fold.h FoldForSearch, no spaces
  std::vector<std::string> categories;
};
struct ProductSearch {
  std::vector<ProductSearchTerm> terms;  // at least one
  std::optional<ReviewStatus> review_status;
};

}  // namespace txng

#endif  // TXNG_STORE_FEEDBACK_H_
