// Who is calling: an API key (Authorization: Bearer), a session cookie, or
// nobody; and the CSRF rule for cookie-authenticated writes.
#ifndef TXNG_HANDLERS_AUTH_H_
#define TXNG_HANDLERS_AUTH_H_

#include <string>

#include "common/status.h"
#include "http/message.h"
#include "service/accounts.h"

namespace txng::handlers {

inline constexpr const char* kSessionCookie = "txng_session";
// Double-submit token for the login form, before there is a session.
inline constexpr const char* kLoginCsrfCookie = "txng_csrf";

// A Bearer token that is not a valid API key is kUnauthenticated. A session
// cookie that is unknown or expired is treated as no cookie (anonymous), so
// that public pages keep working after a session ends.
Result<Principal> Authenticate(const http::Request& request, AccountService& accounts);

// For unsafe methods (POST, PUT, PATCH, DELETE) from a session, the
// X-CSRF-Token header or the `csrf_token` form field must equal the
// session's token. API keys and anonymous callers are not subject to it
// (they carry no ambient credentials).
Status CheckCsrf(const http::Request& request, const Principal& principal);

// A user whose password an administrator set must choose their own before
// anything else: their requests are refused (kPermissionDenied) except
// GET /api/v1/me, POST /api/v1/me/password, the session's sign-in and
// sign-out, and the /account/password page. Pages redirect there instead
// (PageHandler).
Status CheckPasswordChosen(const http::Request& request, const Principal& principal);
inline constexpr const char* kChangePasswordPage = "/account/password";

// Set-Cookie values.
std::string SessionCookie(const std::string& token, UnixMillis max_age_ms, bool secure);
std::string ExpiredCookie(const char* name, bool secure);

}  // namespace txng::handlers

#endif  // TXNG_HANDLERS_AUTH_H_
