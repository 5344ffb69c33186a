#include "service/consumer.h"

#include <algorithm>

#include "common/text_fold.h"
#include "gs1/check_digit.h"

namespace txng {
namespace {

// Characters (code points) of UTF-8 text: its bytes that do not continue a
// sequence.
size_t Utf8Length(std::string_view s) {
  return static_cast<size_t>(std::count_if(
      s.begin(), s.end(), [](char c) { return (static_cast<unsigned char>(c) & 0xC0) != 0x80; }));
}

std::string Trimmed(std::string_view s) {
  const size_t first = s.find_first_not_of(" \t\r\n");
  if (first == std::string_view::npos) return "";
  return std::string(s.substr(first, s.find_last_not_of(" \t\r\n") - first + 1));
}

bool SeesFeedback(const Principal& p) {
  return p.is(Role::kReviewer) || p.is(Role::kAdmin) || p.is(Role::kOfficer);
}

Result<FeedbackFilter> ScopeOf(const Principal& p) {
  if (p.anonymous()) return Status::Unauthenticated("sign in to read consumer feedback");
  if (!SeesFeedback(p)) {
    return Status::PermissionDenied("only reviewers, officers and admins read consumer feedback");
  }
  FeedbackFilter f;
  if (p.is(Role::kOfficer)) {
    f.sector = p.scope_sector;
    f.district = p.scope_district;
  }
  return f;
}

}  // namespace

Result<Page<Product>> SearchPublishedProducts(
    Store& store, std::string_view query, const std::map<std::string, std::string>& category_labels,
    PageRequest page) {
  ProductSearch search;
  search.review_status = ReviewStatus::kApproved;
  std::map<std::string, std::string> folded_labels;
  for (const auto& [code, label] : category_labels) folded_labels[code] = FoldForSearch(label);
  for (std::string& term : FoldedSearchTerms(query)) {
    ProductSearchTerm t;
    for (const auto& [code, label] : folded_labels) {
      if (label.find(term) != std::string::npos) t.categories.push_back(code);
    }
    t.folded = std::move(term);
    search.terms.push_back(std::move(t));
  }
  if (search.terms.empty()) return Status::InvalidArgument("type a word to search for", "q");
  return store.SearchProducts(search, page);
}

Result<Feedback> ReportFeedback(Store& store, const Principal& p, const std::string& gtin,
                                const std::string& lot_code, const std::string& text,
                                const std::string& contact) {
  Feedback f;
  f.body = Trimmed(text);
  f.contact = Trimmed(contact);
  if (f.body.empty()) return Status::InvalidArgument("describe the problem", "text");
  if (Utf8Length(f.body) > kFeedbackMaxChars) {
    return Status::InvalidArgument(
        "the text is longer than " + std::to_string(kFeedbackMaxChars) + " characters", "text");
  }
  if (Utf8Length(f.contact) > kFeedbackContactMaxChars) {
    return Status::InvalidArgument(
        "the contact is longer than " + std::to_string(kFeedbackContactMaxChars) + " characters",
        "contact");
  }
  const std::optional<std::string> gtin14 = gs1::NormalizeGtin(gtin);
  Result<Product> product = gtin14 ? store.GetProductByGtin(*gtin14)
                                   : Result<Product>(Status::NotFound("no such product"));
  if (!product.ok() && product.status().code() != StatusCode::kNotFound) return product.status();
  if (!product.ok() || product->review_status != ReviewStatus::kApproved) {
    return Status::NotFound("no published product has GTIN " + gtin);
  }
  if (!lot_code.empty()) {
    Result<Lot> lot = store.GetLotByCode(product->id, lot_code);
    if (!lot.ok() && lot.status().code() != StatusCode::kNotFound) return lot.status();
    if (!lot.ok() || lot->review_status != ReviewStatus::kApproved) {
      return Status::NotFound("product " + product->gtin + " has no published lot " + lot_code);
    }
  }
  f.product_id = product->id;
  f.lot_code = lot_code;
  f.remote_addr = p.remote_addr;
  return store.CreateFeedback(f, p.ToActor());
}

Result<Page<Feedback>> ListFeedbackFor(Store& store, const Principal& p, std::optional<bool> open,
                                       PageRequest page) {
  TXNG_ASSIGN_OR_RETURN(FeedbackFilter f, ScopeOf(p));
  f.open = open;
  return store.ListFeedback(f, page);
}

Result<Feedback> CloseFeedbackFor(Store& store, const Principal& p, int64_t id,
                                  const std::string& note) {
  TXNG_ASSIGN_OR_RETURN(FeedbackFilter scope, ScopeOf(p));
  const std::string text = Trimmed(note);
  if (text.empty()) return Status::InvalidArgument("say how the report was handled", "note");
  if (Utf8Length(text) > kFeedbackNoteMaxChars) {
    return Status::InvalidArgument(
        "the note is longer than " + std::to_string(kFeedbackNoteMaxChars) + " characters", "note");
  }
  TXNG_ASSIGN_OR_RETURN(Feedback f, store.GetFeedback(id));
  if ((!scope.sector.empty() && f.org_sector != scope.sector) ||
      (!scope.district.empty() && f.org_district != scope.district)) {
    return Status::NotFound("feedback " + std::to_string(id) + " not found");
  }
  return store.CloseFeedback(id, text, p.ToActor());
}

Result<int64_t> OpenFeedbackCount(Store& store, const Principal& p) {
  Result<FeedbackFilter> scope = ScopeOf(p);
  if (!scope.ok()) return int64_t{0};
  scope->open = true;
  return store.CountFeedback(*scope);
}

UnixMillis FeedbackLimiter::Admit(const std::string& address, UnixMillis now) {
  std::lock_guard lock(mu_);
  // Forget addresses whose reports have all left the window, so that the
  // map stays bounded by the addresses of the last window.
  if (reports_.size() >= kSweepAt) {
    std::erase_if(reports_, [&](const auto& entry) {
      return entry.second.empty() || entry.second.back() <= now - window_ms_;
    });
  }
  std::deque<UnixMillis>& times = reports_[address];
  while (!times.empty() && times.front() <= now - window_ms_) times.pop_front();
  if (static_cast<int>(times.size()) >= limit_) return times.front() + window_ms_ - now;
  times.push_back(now);
  return 0;
}

}  // namespace txng
