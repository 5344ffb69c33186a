#include "service/accounts.h"

#include <algorithm>
#include <mutex>

#include "service/passwords.h"

namespace txng {
namespace {

constexpr std::string_view kApiKeyPrefix = "txng_";
constexpr const char* kBadLogin = "wrong username or password";

bool ValidUsername(const std::string& u) {
  if (u.size() < 2 || u.size() > 64) return false;
  return std::all_of(u.begin(), u.end(), [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '.' || c == '_' || c == '-';
  });
}

// Hash of a password nobody has, verified when the username is unknown so
// that the response time does not reveal which usernames exist.
const std::string& DecoyHash() {
  static std::once_flag once;
  static std::string hash;
  std::call_once(once, [] {
    auto r = HashPassword(RandomToken(24));
    if (r.ok()) hash = r.value();
  });
  return hash;
}

}  // namespace

AccountService::AccountService(Store& store, AccountOptions options)
    : store_(store), options_(options), throttle_(options.throttle) {}

Result<Principal> AccountService::PrincipalFor(const User& u, const std::string& remote_addr) {
  if (u.disabled) return Status::PermissionDenied("account '" + u.username + "' is disabled");
  Principal p;
  p.kind = Principal::Kind::kUser;
  p.user_id = u.id;
  p.name = u.username;
  p.display_name = u.display_name.empty() ? u.username : u.display_name;
  p.role = u.role;
  p.org_id = u.org_id;
  p.scope_sector = u.scope_sector;
  p.scope_district = u.scope_district;
  p.remote_addr = remote_addr;
  p.must_change_password = u.must_change_password;
  return p;
}

Result<LoginResult> AccountService::Login(const std::string& username, const std::string& password,
                                          const std::string& remote_addr,
                                          UnixMillis* retry_after_ms) {
  const UnixMillis now = NowMillis();
  if (UnixMillis wait = throttle_.RetryAfter(username, remote_addr, now); wait > 0) {
    if (retry_after_ms) *retry_after_ms = wait;
    return Status::ResourceExhausted("too many failed logins; try again in " +
                                     std::to_string((wait + 999) / 1000) + " seconds");
  }
  auto user = store_.GetUserByUsername(username);
  if (!user.ok() && user.status().code() != StatusCode::kNotFound) return user.status();
  const bool match = user.ok() ? VerifyPassword(user->password_hash, password)
                               : (VerifyPassword(DecoyHash(), password), false);
  if (!match) {
    throttle_.RecordFailure(username, remote_addr, now);
    Actor a;
    a.label = "anonymous";
    a.remote_addr = remote_addr;
    (void)store_.AppendAudit(a, "session.login_failed", "user",
                             user.ok() ? std::to_string(user->id) : "", "{}");
    return Status::Unauthenticated(kBadLogin);
  }
  throttle_.RecordSuccess(username);
  TXNG_ASSIGN_OR_RETURN(Principal principal, PrincipalFor(*user, remote_addr));

  LoginResult out;
  out.token = RandomToken(32);
  out.session.token_hash = Sha256Hex(out.token);
  out.session.user_id = user->id;
  out.session.csrf_token = RandomToken(24);
  out.session.remote_addr = remote_addr;
  out.session.created_at = now;
  out.session.expires_at = now + options_.session_ttl_ms;
  TXNG_RETURN_IF_ERROR(store_.CreateSession(out.session));
  (void)store_.DeleteExpiredSessions(now);
  principal.csrf_token = out.session.csrf_token;
  out.principal = principal;
  TXNG_RETURN_IF_ERROR(store_.AppendAudit(principal.ToActor(), "session.login", "user",
                                          std::to_string(user->id), "{}"));
  return out;
}

Status AccountService::Logout(const std::string& token, const Principal& who) {
  TXNG_RETURN_IF_ERROR(store_.DeleteSession(Sha256Hex(token)));
  return store_.AppendAudit(who.ToActor(), "session.logout", "user",
                            who.user_id ? std::to_string(*who.user_id) : "", "{}");
}

Result<Principal> AccountService::AuthenticateSession(const std::string& token,
                                                      const std::string& remote_addr) {
  auto session = store_.GetSession(Sha256Hex(token), NowMillis());
  if (!session.ok()) {
    if (session.status().code() == StatusCode::kNotFound) {
      return Status::Unauthenticated("your session has expired; sign in again");
    }
    return session.status();
  }
  auto user = store_.GetUser(session->user_id);
  if (!user.ok()) return Status::Unauthenticated("your session has expired; sign in again");
  auto p = PrincipalFor(*user, remote_addr);
  if (!p.ok()) return Status::Unauthenticated(p.status().message());
  p->csrf_token = session->csrf_token;
  return p;
}

Result<Principal> AccountService::AuthenticateApiKey(const std::string& token,
                                                     const std::string& remote_addr) {
  const Status bad = Status::Unauthenticated("invalid API key");
  if (token.rfind(kApiKeyPrefix, 0) != 0) return bad;
  const size_t sep = token.find('_', kApiKeyPrefix.size());
  if (sep == std::string::npos) return bad;
  const std::string key_id = token.substr(kApiKeyPrefix.size(), sep - kApiKeyPrefix.size());
  const std::string secret = token.substr(sep + 1);
  auto key = store_.GetApiKeyByKeyId(key_id);
  if (!key.ok()) {
    return key.status().code() == StatusCode::kNotFound ? bad : key.status();
  }
  if (!ConstantTimeEquals(key->secret_hash, Sha256Hex(secret))) return bad;
  if (key->revoked_at) return Status::Unauthenticated("this API key has been revoked");
  (void)store_.TouchApiKey(key->id, NowMillis());
  Principal p;
  p.kind = Principal::Kind::kApiKey;
  p.api_key_id = key->id;
  p.name = key->key_id;
  p.display_name = key->label;
  p.role = Role::kProducer;
  p.org_id = key->org_id;
  p.remote_addr = remote_addr;
  return p;
}

Result<User> AccountService::AddUser(const NewUser& nu, const Actor& actor) {
  if (!ValidUsername(nu.username)) {
    return Status::InvalidArgument("username must be 2-64 characters of a-z, 0-9, '.', '_' or '-'",
                                   "username");
  }
  if (nu.role == Role::kProducer && !nu.org_id) {
    return Status::InvalidArgument("a producer belongs to one organisation: give its id", "org");
  }
  if (nu.role != Role::kProducer && nu.org_id && nu.role != Role::kReviewer &&
      nu.role != Role::kOfficer) {
    return Status::InvalidArgument(
        "only producers, reviewers and officers belong to an organisation", "org");
  }
  if (nu.role == Role::kOfficer && nu.scope_sector.empty() && nu.scope_district.empty()) {
    return Status::InvalidArgument("an officer is scoped to a sector or a district: give one",
                                   "scope");
  }
  if (nu.role != Role::kOfficer && (!nu.scope_sector.empty() || !nu.scope_district.empty())) {
    return Status::InvalidArgument("only officers have a sector or district scope", "scope");
  }
  if (nu.org_id) {
    auto org = store_.GetOrganisation(*nu.org_id);
    if (!org.ok()) {
      return org.status().code() == StatusCode::kNotFound
                 ? Status::InvalidArgument(
                       "organisation " + std::to_string(*nu.org_id) + " does not exist", "org")
                 : org.status();
    }
  }
  TXNG_ASSIGN_OR_RETURN(std::string hash, HashPassword(nu.password));
  User u;
  u.username = nu.username;
  u.display_name = nu.display_name;
  u.role = nu.role;
  u.org_id = nu.org_id;
  u.scope_sector = nu.scope_sector;
  u.scope_district = nu.scope_district;
  u.password_hash = std::move(hash);
  u.must_change_password = nu.must_change_password;
  return store_.CreateUser(u, actor);
}

Status AccountService::ChangePassword(const std::string& username, const std::string& password,
                                      bool must_change, const Actor& actor) {
  TXNG_ASSIGN_OR_RETURN(User u, store_.GetUserByUsername(username));
  Store::PasswordChange change;
  TXNG_ASSIGN_OR_RETURN(change.password_hash, HashPassword(password));
  change.must_change = must_change;
  return store_.SetUserPassword(u.id, change, actor);
}

Status AccountService::SetDisabled(const std::string& username, bool disabled, const Actor& actor) {
  TXNG_ASSIGN_OR_RETURN(User u, store_.GetUserByUsername(username));
  return store_.SetUserDisabled(u.id, disabled, actor);
}

namespace {

Status CheckAdmin(const Principal& p) {
  if (p.anonymous()) return Status::Unauthenticated("sign in to manage accounts");
  if (!(p.kind == Principal::Kind::kUser && p.role == Role::kAdmin)) {
    return Status::PermissionDenied("only the administrator manages accounts");
  }
  return Status::Ok();
}

}  // namespace

Result<Page<User>> AccountService::ListUsersAsAdmin(const Principal& admin, PageRequest page) {
  TXNG_RETURN_IF_ERROR(CheckAdmin(admin));
  return store_.ListUsers(page);
}

Result<User> AccountService::CreateUserAsAdmin(const Principal& admin, const NewUser& u) {
  TXNG_RETURN_IF_ERROR(CheckAdmin(admin));
  NewUser first = u;
  first.must_change_password = true;
  return AddUser(first, admin.ToActor());
}

Status AccountService::SetDisabledAsAdmin(const Principal& admin, int64_t user_id, bool disabled) {
  TXNG_RETURN_IF_ERROR(CheckAdmin(admin));
  if (disabled && admin.user_id == user_id) {
    return Status::FailedPrecondition(
        "you cannot disable your own account: ask another administrator");
  }
  return store_.SetUserDisabled(user_id, disabled, admin.ToActor());
}

Result<std::string> AccountService::ResetPasswordAsAdmin(const Principal& admin, int64_t user_id,
                                                         const std::string& password) {
  TXNG_RETURN_IF_ERROR(CheckAdmin(admin));
  // 12 random bytes: 16 characters of base64url, well above the minimum.
  const std::string chosen = password.empty() ? RandomToken(12) : password;
  Store::PasswordChange change;
  TXNG_ASSIGN_OR_RETURN(change.password_hash, HashPassword(chosen));
  change.must_change = true;
  TXNG_RETURN_IF_ERROR(store_.SetUserPassword(user_id, change, admin.ToActor()));
  return chosen;
}

Status AccountService::ChangeOwnPassword(const Principal& p, const std::string& current,
                                         const std::string& next,
                                         const std::string& session_token) {
  if (p.anonymous()) return Status::Unauthenticated("sign in to change your password");
  if (p.kind != Principal::Kind::kUser || !p.user_id) {
    return Status::PermissionDenied("an API key has no password to change");
  }
  TXNG_ASSIGN_OR_RETURN(User u, store_.GetUser(*p.user_id));
  if (!VerifyPassword(u.password_hash, current)) {
    return Status::InvalidArgument("the current password is not right", "current");
  }
  if (next == current) {
    return Status::InvalidArgument("the new password must differ from the current one", "password");
  }
  Store::PasswordChange change;
  TXNG_ASSIGN_OR_RETURN(change.password_hash, HashPassword(next));
  change.keep_session_hash = Sha256Hex(session_token);
  return store_.SetUserPassword(u.id, change, p.ToActor());
}

Result<CreatedApiKey> AccountService::CreateApiKey(int64_t org_id, const std::string& label,
                                                   const Actor& actor) {
  if (label.empty() || label.size() > 200) {
    return Status::InvalidArgument("label must be 1-200 characters", "label");
  }
  auto org = store_.GetOrganisation(org_id);
  if (!org.ok()) {
    return org.status().code() == StatusCode::kNotFound
               ? Status::InvalidArgument(
                     "organisation " + std::to_string(org_id) + " does not exist", "org")
               : org.status();
  }
  // The key id must not contain '_' (it delimits the token); hex is safe.
  const std::string key_id = Sha256Hex(RandomToken(16)).substr(0, 12);
  const std::string secret = RandomToken(32);
  ApiKey k;
  k.key_id = key_id;
  k.secret_hash = Sha256Hex(secret);
  k.org_id = org_id;
  k.label = label;
  k.created_by = actor.user_id;
  TXNG_ASSIGN_OR_RETURN(ApiKey stored, store_.CreateApiKey(k, actor));
  return CreatedApiKey{stored, std::string(kApiKeyPrefix) + key_id + "_" + secret};
}

Status AccountService::RevokeApiKey(const std::string& key_id, const Actor& actor) {
  return store_.RevokeApiKey(key_id, actor);
}

}  // namespace txng
