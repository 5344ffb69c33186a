// Accounts: users, login sessions and API keys.
//
// Session cookies and API keys are bearer secrets; the store only ever sees
// their SHA-256. An API key token reads "txng_<key_id>_<secret>": the key id
// finds the row, the secret is compared by hash in constant time.
#ifndef TXNG_SERVICE_ACCOUNTS_H_
#define TXNG_SERVICE_ACCOUNTS_H_

#include <optional>
#include <string>
#include <vector>

#include "common/status.h"
#include "service/login_throttle.h"
#include "service/principal.h"
#include "store/store.h"

namespace txng {

struct AccountOptions {
  UnixMillis session_ttl_ms = 12LL * 60 * 60 * 1000;  // 12 hours
  LoginThrottleOptions throttle;
};

struct NewUser {
  std::string username;
  std::string display_name;
  Role role = Role::kProducer;
  std::optional<int64_t> org_id;
  std::string scope_sector;
  std::string scope_district;
  std::string password;
  bool must_change_password = false;  // set by CreateUserAsAdmin
};

struct LoginResult {
  std::string token;  // the cookie value; not stored anywhere
  Session session;
  Principal principal;
};

struct CreatedApiKey {
  ApiKey key;
  std::string token;  // shown once
};

class AccountService {
 public:
  AccountService(Store& store, AccountOptions options = {});

  // Checks the password and opens a session. Wrong username or password →
  // kUnauthenticated with the same message for both; too many failures →
  // kResourceExhausted (retry_after_ms set); disabled account → kPermissionDenied.
  Result<LoginResult> Login(const std::string& username, const std::string& password,
                            const std::string& remote_addr, UnixMillis* retry_after_ms = nullptr);
  Status Logout(const std::string& token, const Principal& who);

  // The principal behind a session cookie value; kUnauthenticated when the
  // session is unknown, expired or its user disabled.
  Result<Principal> AuthenticateSession(const std::string& token, const std::string& remote_addr);
  // The principal behind an API key token; kUnauthenticated when malformed,
  // unknown, revoked or not matching.
  Result<Principal> AuthenticateApiKey(const std::string& token, const std::string& remote_addr);

  // Users (CLI and admin). Validates username, role/organisation/scope
  // consistency and the password rules.
  Result<User> AddUser(const NewUser& u, const Actor& actor);
  // Sets the password and ends the user's sessions. With `must_change` the
  // password is temporary (an operator's reset, told to the user): the user
  // must choose their own at the next sign-in.
  Status ChangePassword(const std::string& username, const std::string& password, bool must_change,
                        const Actor& actor);
  Status SetDisabled(const std::string& username, bool disabled, const Actor& actor);

  // Account management by the authority's administrator (/admin/users).
  // Every function refuses callers that are not admin users
  // (kUnauthenticated when anonymous, kPermissionDenied otherwise); every
  // change is audited with the admin as actor. A user is named by id
  // (kNotFound when absent).
  Result<Page<User>> ListUsersAsAdmin(const Principal& admin, PageRequest page);
  // AddUser's rules; a taken username is kAlreadyExists (field "username").
  // The admin knows the first password, so the user must change it.
  Result<User> CreateUserAsAdmin(const Principal& admin, const NewUser& u);
  // Disabling ends the user's sessions; an admin cannot disable themself.
  Status SetDisabledAsAdmin(const Principal& admin, int64_t user_id, bool disabled);
  // Sets `password`, or when it is empty a random one-time password, which
  // is returned (shown once to the admin, never stored in clear). Ends the
  // user's sessions; the user must change the password at the next sign-in.
  Result<std::string> ResetPasswordAsAdmin(const Principal& admin, int64_t user_id,
                                           const std::string& password);

  // A signed-in user's own change (session principals only: an API key has
  // no password, kPermissionDenied). `current` must be the password now
  // (kInvalidArgument, field "current"); `next` must follow the password
  // rules and differ from it (kInvalidArgument, field "password"). Clears
  // must_change_password and ends every other session of the user, keeping
  // the one whose cookie value is `session_token`.
  Status ChangeOwnPassword(const Principal& p, const std::string& current, const std::string& next,
                           const std::string& session_token);

  // API keys for one organisation.
  Result<CreatedApiKey> CreateApiKey(int64_t org_id, const std::string& label, const Actor& actor);
  Status RevokeApiKey(const std::string& key_id, const Actor& actor);

 private:
  Result<Principal> PrincipalFor(const User& u, const std::string& remote_addr);

  Store& store_;
  AccountOptions options_;
  LoginThrottle throttle_;
};

}  // namespace txng

#endif  // TXNG_SERVICE_ACCOUNTS_H_
