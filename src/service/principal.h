// Principal: who is making a request, after authentication, and the one
// visibility rule every read goes through.
#ifndef TXNG_SERVICE_PRINCIPAL_H_
#define TXNG_SERVICE_PRINCIPAL_H_

#include <optional>
#include <string>

#include "store/model.h"

namespace txng {

struct Principal {
  enum class Kind { kAnonymous, kUser, kApiKey };
  Kind kind = Kind::kAnonymous;
  std::optional<int64_t> user_id;
  std::optional<int64_t> api_key_id;
  std::string name;  // username, or the API key id
  std::string display_name;
  Role role = Role::kProducer;        // meaningless for kAnonymous
  std::optional<int64_t> org_id;      // producers and API keys
  std::string scope_sector;           // officers
  std::string scope_district;         // officers
  std::string csrf_token;             // session principals only
  bool must_change_password = false;  // users: an administrator set the password
  std::string remote_addr;

  static Principal Anonymous(std::string remote_addr);
  bool anonymous() const { return kind == Kind::kAnonymous; }
  bool is(Role r) const { return !anonymous() && role == r; }
  // The audit identity of this principal ("user:admin", "apikey:ab12", "anonymous").
  Actor ToActor() const;
};

// True when `p` may read a record of organisation `org_id` (whose district
// and sector are given for officers' scopes) in review status `status`.
// Approved records are public; anything else is visible only to its own
// organisation, to admins and reviewers, and to officers within their scope.
bool CanRead(const Principal& p, int64_t org_id, ReviewStatus status,
             const Organisation* org = nullptr);

// True when `p` may create or change records of organisation `org_id`:
// that organisation's producers and API keys, and admins.
bool CanWrite(const Principal& p, int64_t org_id);

// True for the roles that decide reviews: reviewers and admins.
bool CanReview(const Principal& p);

}  // namespace txng

#endif  // TXNG_SERVICE_PRINCIPAL_H_
