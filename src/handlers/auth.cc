#include "handlers/auth.h"

#include "service/passwords.h"

namespace txng::handlers {

Result<Principal> Authenticate(const http::Request& request, AccountService& accounts) {
  if (auto auth = request.Header("authorization")) {
    constexpr std::string_view kBearer = "Bearer ";
    if (auth->size() <= kBearer.size() || auth->compare(0, kBearer.size(), kBearer) != 0) {
      return Status::Unauthenticated("use 'Authorization: Bearer <API key>'");
    }
    return accounts.AuthenticateApiKey(auth->substr(kBearer.size()), request.remote_addr);
  }
  if (auto token = request.Cookie(kSessionCookie); token && !token->empty()) {
    auto p = accounts.AuthenticateSession(*token, request.remote_addr);
    if (p.ok()) return p;
    if (p.status().code() != StatusCode::kUnauthenticated) return p.status();
  }
  return Principal::Anonymous(request.remote_addr);
}

Status CheckCsrf(const http::Request& request, const Principal& principal) {
  const std::string& m = request.method;
  if (m == "GET" || m == "HEAD" || m == "OPTIONS") return Status::Ok();
  if (principal.kind != Principal::Kind::kUser || principal.csrf_token.empty()) return Status::Ok();
  std::optional<std::string> sent = request.Header("x-csrf-token");
  if (!sent) {
    for (auto& [k, v] : request.FormFields()) {
      if (k == "csrf_token") {
        sent = v;
        break;
      }
    }
  }
  if (!sent || !ConstantTimeEquals(*sent, principal.csrf_token)) {
    return Status::PermissionDenied(
        "missing or wrong CSRF token: send the X-CSRF-Token header from GET /api/v1/me, or reload "
        "the form");
  }
  return Status::Ok();
}

Status CheckPasswordChosen(const http::Request& request, const Principal& principal) {
  if (!principal.must_change_password) return Status::Ok();
  const std::string& path = request.path;
  const std::string& m = request.method;
  if (path == kChangePasswordPage || path == "/logout" || path == "/login" ||
      path == "/api/v1/session" || (m == "GET" && path == "/api/v1/me") ||
      (m == "POST" && path == "/api/v1/me/password")) {
    return Status::Ok();
  }
  return Status::PermissionDenied(
      "an administrator set your password: choose your own first (the page /account/password, or "
      "POST /api/v1/me/password)");
}

std::string SessionCookie(const std::string& token, UnixMillis max_age_ms, bool secure) {
  std::string c = std::string(kSessionCookie) + "=" + token +
                  "; Path=/; HttpOnly; SameSite=Lax; Max-Age=" + std::to_string(max_age_ms / 1000);
  if (secure) c += "; Secure";
  return c;
}

std::string ExpiredCookie(const char* name, bool secure) {
  std::string c = std::string(name) + "=; Path=/; HttpOnly; SameSite=Lax; Max-Age=0";
  if (secure) c += "; Secure";
  return c;
}

}  // namespace txng::handlers
