// What every HTML page handler shares: the layout's data, the page response
// in the negotiated language, the error page, form fields and the wrapper
// that authenticates a page request.
#ifndef TXNG_HANDLERS_PAGE_SUPPORT_H_
#define TXNG_HANDLERS_PAGE_SUPPORT_H_

#include <nlohmann/json.hpp>
#include <string>
#include <string_view>

#include "common/status.h"
#include "handlers/app.h"
#include "handlers/auth.h"
#include "http/i18n.h"
#include "http/message.h"
#include "service/principal.h"

namespace txng::handlers {

// The catalogue text of `prefix + value`, or `value` itself when the
// catalogue has none (a category the catalogue does not know yet).
std::string Label(const http::Renderer& r, http::Lang lang, const std::string& prefix,
                  const std::string& value);

// A page response in the negotiated language; remembers a `?lang=` choice.
// Not cached (Cache-Control: no-store); public pages may override.
http::Response Page(const http::Request& req, int status, std::string html);

// The layout's names for the caller: user, csrf_token, target.
nlohmann::json LayoutData(const http::Request& req, const Principal& p);

// The error page for `s`, with the HTTP status HttpStatusFor gives; the
// message is hidden for internal errors.
http::Response ErrorPage(const AppContext& app, const http::Request& req, const Principal& p,
                         const Status& s);

// A same-site path to return to after signing in; "/dashboard" otherwise.
std::string SafeNext(const std::string& next);

// The first value of form field `name` of a urlencoded body; "" when absent.
std::string FormValue(const http::Request& req, std::string_view name);

// A redirect to the sign-in page that returns to this page afterwards.
http::Response SignInFirst(const http::Request& req);

// Wraps a page body: authenticate (a bad API key on a page is treated as a
// visitor), send a user who must choose a password to that page first
// (CheckPasswordChosen), then render.
template <typename Fn>
http::Handler PageHandler(AppContext& app, Fn fn) {
  return [&app, fn](http::Request& req) -> http::Response {
    auto p = Authenticate(req, app.accounts);
    const Principal who = p.ok() ? *p : Principal::Anonymous(req.remote_addr);
    if (!CheckPasswordChosen(req, who).ok()) {
      return http::Response::Redirect(303, kChangePasswordPage);
    }
    return fn(app, req, who);
  };
}

}  // namespace txng::handlers

#endif  // TXNG_HANDLERS_PAGE_SUPPORT_H_
