#include "handlers/page_support.h"

#include "http/problem.h"
#include "service/review.h"

namespace txng::handlers {

using nlohmann::json;

std::string Label(const http::Renderer& r, http::Lang lang, const std::string& prefix,
                  const std::string& value) {
  if (value.empty()) return "";
  auto text = r.catalogue().Find(lang, prefix + value);
  return text ? std::string(*text) : value;
}

http::Response Page(const http::Request& req, int status, std::string html) {
  http::Response res = http::Response::Html(status, std::move(html));
  if (auto cookie = http::LangCookieToSet(req)) res.AddCookie(*cookie);
  res.SetHeader("Cache-Control", "no-store");
  return res;
}

json LayoutData(const http::Request& req, const Principal& p) {
  json data = {{"target", req.target}};
  if (p.kind == Principal::Kind::kUser) {
    data["user"] = {{"display_name", p.display_name}};
    data["csrf_token"] = p.csrf_token;
    data["nav_review"] = CanSeeReviewWorkspace(p);
    data["nav_admin"] = p.role == Role::kAdmin;
  }
  return data;
}

http::Response ErrorPage(const AppContext& app, const http::Request& req, const Principal& p,
                         const Status& s) {
  const int status = http::HttpStatusFor(s.code());
  const std::string message = status == 500 ? "" : s.message();
  return Page(
      req, status,
      app.renderer.RenderError(status, message, LayoutData(req, p), http::NegotiateLang(req)));
}

std::string SafeNext(const std::string& next) {
  if (next.size() > 1 && next[0] == '/' && next[1] != '/' && next[1] != '\\' &&
      next.find_first_of("\r\n") == std::string::npos) {
    return next;
  }
  return "/dashboard";
}

std::string FormValue(const http::Request& req, std::string_view name) {
  for (auto& [k, v] : req.FormFields()) {
    if (k == name) return v;
  }
  return "";
}

http::Response SignInFirst(const http::Request& req) {
  return http::Response::Redirect(303, "/login?next=" + http::PercentEncode(req.target));
}

}  // namespace txng::handlers
