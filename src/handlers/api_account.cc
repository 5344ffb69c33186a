#include "handlers/api_account.h"

#include "handlers/api_handler.h"
#include "handlers/auth.h"
#include "handlers/entity_json.h"
#include "handlers/json_body.h"
#include "http/problem.h"

namespace txng::handlers {
namespace {

using nlohmann::json;

json ApiKeyToJson(const ApiKey& k) {
  return {{"keyId", k.key_id},
          {"organisationId", k.org_id},
          {"label", k.label},
          {"createdAt", FormatIso8601(k.created_at)},
          {"revokedAt", k.revoked_at ? json(FormatIso8601(*k.revoked_at)) : json(nullptr)},
          {"lastUsedAt", k.last_used_at ? json(FormatIso8601(*k.last_used_at)) : json(nullptr)}};
}

// Only an organisation's own producers (signed in) manage its keys; an API
// key cannot mint or list keys.
Result<int64_t> KeyOwnerOrg(const Principal& p) {
  if (p.anonymous()) return Status::Unauthenticated("sign in to manage API keys");
  if (p.kind != Principal::Kind::kUser || p.role != Role::kProducer || !p.org_id) {
    return Status::PermissionDenied(
        "API keys belong to an organisation: sign in as one of its producers");
  }
  return *p.org_id;
}

}  // namespace

void RegisterAccountApi(http::Router& router, AppContext& app) {
  router.Add("GET", "/api/v1/me",
             Api(app, [](http::Request&, const Principal& p) -> Result<ApiReply> {
               return ApiReply{ToJson(p)};
             }));

  // Sign in. Not wrapped by Api(): there is no principal yet, and a 429
  // must carry the real Retry-After.
  AccountService& accounts = app.accounts;
  const bool secure = app.site.secure_cookies;
  router.Add("POST", "/api/v1/session", [&accounts, secure](http::Request& r) -> http::Response {
    auto body = ParseJsonObject(r.body);
    if (!body.ok()) return http::ProblemResponse(body.status(), r.path);
    std::optional<std::string> username, password;
    JsonFields f(*body, {"username", "password"});
    f.Text("username", username);
    f.Text("password", password);
    if (!f.status().ok()) return http::ProblemResponse(f.status(), r.path);
    if (!username || !password) {
      return http::ProblemResponse(Status::InvalidArgument("username and password are required",
                                                           username ? "password" : "username"),
                                   r.path);
    }
    UnixMillis retry_after = 0;
    auto login = accounts.Login(*username, *password, r.remote_addr, &retry_after);
    if (!login.ok()) {
      http::Response res = http::ProblemResponse(login.status(), r.path);
      if (retry_after > 0) res.SetHeader("Retry-After", std::to_string((retry_after + 999) / 1000));
      return res;
    }
    http::Response res = http::Response::JsonText(200, DumpJson(ToJson(login->principal)));
    res.AddCookie(
        SessionCookie(login->token, login->session.expires_at - login->session.created_at, secure));
    res.SetHeader("Cache-Control", "no-store");
    return res;
  });

  // The signed-in user's own password: {"current": "...", "password": "..."}.
  router.Add("POST", "/api/v1/me/password",
             Api(app, [&accounts](http::Request& r, const Principal& p) -> Result<ApiReply> {
               TXNG_ASSIGN_OR_RETURN(json body, ParseJsonObject(r.body));
               std::optional<std::string> current, password;
               JsonFields f(body, {"current", "password"});
               f.Text("current", current);
               f.Text("password", password);
               TXNG_RETURN_IF_ERROR(f.status());
               if (!current || !password) {
                 return Status::InvalidArgument("current and password are required",
                                                current ? "password" : "current");
               }
               TXNG_RETURN_IF_ERROR(accounts.ChangeOwnPassword(
                   p, *current, *password, r.Cookie(kSessionCookie).value_or("")));
               return ApiReply{{{"passwordChanged", true}}};
             }));

  router.Add(
      "DELETE", "/api/v1/session",
      Api(app, [&accounts, secure](http::Request& r, const Principal& p) -> Result<ApiReply> {
        if (p.kind != Principal::Kind::kUser) {
          return Status::Unauthenticated("you are not signed in");
        }
        TXNG_RETURN_IF_ERROR(accounts.Logout(r.Cookie(kSessionCookie).value_or(""), p));
        ApiReply reply{{{"signedOut", true}}};
        reply.headers.emplace_back("Set-Cookie", ExpiredCookie(kSessionCookie, secure));
        return reply;
      }));

  Store& store = app.store;
  router.Add("GET", "/api/v1/apikeys",
             Api(app, [&store](http::Request&, const Principal& p) -> Result<ApiReply> {
               TXNG_ASSIGN_OR_RETURN(int64_t org, KeyOwnerOrg(p));
               TXNG_ASSIGN_OR_RETURN(std::vector<ApiKey> keys, store.ListApiKeys(org));
               json items = json::array();
               for (const ApiKey& k : keys) items.push_back(ApiKeyToJson(k));
               return ApiReply{{{"items", items}}};
             }));
  router.Add("POST", "/api/v1/apikeys",
             Api(app, [&accounts](http::Request& r, const Principal& p) -> Result<ApiReply> {
               TXNG_ASSIGN_OR_RETURN(int64_t org, KeyOwnerOrg(p));
               TXNG_ASSIGN_OR_RETURN(json body, ParseJsonObject(r.body));
               std::optional<std::string> label;
               JsonFields f(body, {"label"});
               f.Text("label", label);
               TXNG_RETURN_IF_ERROR(f.status());
               TXNG_ASSIGN_OR_RETURN(CreatedApiKey created,
                                     accounts.CreateApiKey(org, label.value_or(""), p.ToActor()));
               json j = ApiKeyToJson(created.key);
               j["token"] = created.token;  // shown once, never again
               return ApiReply{j, 201};
             }));
  router.Add(
      "DELETE", "/api/v1/apikeys/{keyId}",
      Api(app, [&accounts, &store](http::Request& r, const Principal& p) -> Result<ApiReply> {
        TXNG_ASSIGN_OR_RETURN(int64_t org, KeyOwnerOrg(p));
        const std::string key_id = r.Param("keyId");
        auto key = store.GetApiKeyByKeyId(key_id);
        if (!key.ok() || key->org_id != org) {
          return Status::NotFound("API key '" + key_id + "' not found");
        }
        TXNG_RETURN_IF_ERROR(accounts.RevokeApiKey(key_id, p.ToActor()));
        return ApiReply{{{"keyId", key_id}, {"revoked", true}}};
      }));
}

}  // namespace txng::handlers
