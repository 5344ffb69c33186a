#include "handlers/pages.h"

#include <cctype>
#include <cstdio>
#include <nlohmann/json.hpp>

#include "common/embedded.h"
#include "handlers/api_handler.h"
#include "handlers/auth.h"
#include "handlers/journey_view.h"
#include "handlers/page_support.h"
#include "http/i18n.h"
#include "http/problem.h"
#include "service/passwords.h"
#include "service/recall.h"
#include "service/trace.h"
#include "trace/one_step.h"

namespace txng::handlers {
namespace {

using nlohmann::json;

json ProductCard(const AppContext& app, http::Lang lang, const Product& p,
                 const std::string& producer) {
  const std::string& name = lang == http::Lang::kEn && !p.name_en.empty() ? p.name_en : p.name_vi;
  return {{"url", "/01/" + p.gtin},
          {"name", name},
          {"gtin", p.gtin},
          {"producer", producer},
          {"image_url", p.image_url},
          {"category", Label(app.renderer, lang, "category.", p.category)},
          {"ocop", http::OcopValue(p.ocop_stars)}};
}

http::Response Home(AppContext& app, http::Request& req, const Principal& p) {
  const http::Lang lang = http::NegotiateLang(req);
  json data = LayoutData(req, p);
  json featured = json::array();
  ProductFilter approved;
  approved.review_status = ReviewStatus::kApproved;
  auto products = app.store.ListProducts(approved, {.limit = 12, .offset = 0});
  if (!products.ok()) return ErrorPage(app, req, p, products.status());
  for (const Product& product : products->items) {
    auto org = app.store.GetOrganisation(product.org_id);
    featured.push_back(ProductCard(app, lang, product, org.ok() ? org->name : ""));
  }
  data["featured"] = std::move(featured);
  return Page(req, 200, app.renderer.Render("home", data, lang));
}

// GET /trace?id=…&direction=…: the journey, a drawing and the one step back
// – one step forward view of any code, as far as the caller may see.
http::Response TracePage(AppContext& app, http::Request& req, const Principal& p) {
  const http::Lang lang = http::NegotiateLang(req);
  json data = LayoutData(req, p);
  data["title"] = app.renderer.catalogue().T(lang, "trace.title");
  const std::string id = req.Query("id").value_or("");
  const std::string direction = req.Query("direction").value_or("both");
  data["query"] = {{"id", id},
                   {direction == "backward" || direction == "forward" ? direction : "both", true}};
  if (id.empty()) return Page(req, 200, app.renderer.Render("trace", data, lang));
  Result<trace::TraceRequest> request =
      ParseTraceQuery({{"id", id}, {"direction", direction}, {"limit", "300"}});
  Result<TraceAnswer> answer = request.ok() ? TraceIdentifier(app.store, *request, p)
                                            : Result<TraceAnswer>(request.status());
  if (!answer.ok()) {
    data["error"] = answer.status().message();
    const int status = answer.status().code() == StatusCode::kNotFound ? 404 : 400;
    if (answer.status().code() != StatusCode::kNotFound &&
        answer.status().code() != StatusCode::kInvalidArgument) {
      return ErrorPage(app, req, p, answer.status());
    }
    return Page(req, status, app.renderer.Render("trace", data, lang));
  }
  const trace::Graph& g = answer->graph;
  auto name = [&](const std::string& node) {
    auto it = answer->names.find(node);
    if (it == answer->names.end()) return node;
    const std::string& n = lang == http::Lang::kEn ? it->second.name_en : it->second.name_vi;
    return n.empty() ? node : n;
  };
  auto names = [&](const std::vector<std::string>& ids) {
    std::string out;
    for (const std::string& i : ids) out += (out.empty() ? "" : ", ") + name(i);
    return out;
  };
  json findings = json::array();
  const json answer_json = json::parse(TraceJson(*answer, *request));
  for (const json& f : answer_json["findings"]) findings.push_back({{"detail", f["detail"]}});
  json actors = json::array();
  for (const trace::ActorStep& a : trace::OneStepView(g).actors) {
    actors.push_back({{"party", name(a.party)},
                      {"suppliers", names(a.suppliers)},
                      {"customers", names(a.customers)}});
  }
  data["trace"] = {
      {"root", {{"id", request->root}, {"label", name(request->root)}}},
      {"withheld", answer_json["withheld"]},
      {"stages", JourneyStages(app.renderer, lang, *answer)},
      {"svg", TraceSvg(*answer)},
      {"findings", std::move(findings)},
      {"actors", std::move(actors)},
      {"api_url", "/api/v1/trace?id=" + http::PercentEncode(request->root) +
                      "&direction=" + std::string(trace::ToString(request->direction))}};
  return Page(req, 200, app.renderer.Render("trace", data, lang));
}

http::Response LoginForm(AppContext& app, http::Request& req, const Principal& p, int status = 200,
                         const std::string& error = "", const std::string& username = "") {
  const http::Lang lang = http::NegotiateLang(req);
  const std::string csrf = RandomToken(24);
  json data = LayoutData(req, p);
  data["csrf_token"] = csrf;
  data["next"] = req.Query("next").value_or(FormValue(req, "next"));
  data["username"] = username;
  data["error"] = error;
  http::Response res = Page(req, status, app.renderer.Render("login", data, lang));
  res.AddCookie(std::string(kLoginCsrfCookie) + "=" + csrf +
                "; Path=/login; HttpOnly; SameSite=Strict; Max-Age=3600" +
                (app.site.secure_cookies ? "; Secure" : ""));
  return res;
}

http::Response LoginSubmit(AppContext& app, http::Request& req, const Principal& p) {
  const http::Lang lang = http::NegotiateLang(req);
  const auto& cat = app.renderer.catalogue();
  const std::string username = FormValue(req, "username");
  const std::string cookie = req.Cookie(kLoginCsrfCookie).value_or("");
  if (cookie.empty() || !ConstantTimeEquals(cookie, FormValue(req, "csrf_token"))) {
    return LoginForm(app, req, p, 403, std::string(cat.T(lang, "login.error_expired")), username);
  }
  UnixMillis retry = 0;
  auto login = app.accounts.Login(username, FormValue(req, "password"), req.remote_addr, &retry);
  if (!login.ok()) {
    const StatusCode code = login.status().code();
    const char* key = code == StatusCode::kResourceExhausted  ? "login.error_throttled"
                      : code == StatusCode::kPermissionDenied ? "login.error_disabled"
                                                              : "login.error_invalid";
    const int status = code == StatusCode::kResourceExhausted  ? 429
                       : code == StatusCode::kPermissionDenied ? 403
                       : code == StatusCode::kUnauthenticated  ? 401
                                                               : 500;
    http::Response res = LoginForm(app, req, p, status, std::string(cat.T(lang, key)), username);
    if (retry > 0) res.SetHeader("Retry-After", std::to_string((retry + 999) / 1000));
    return res;
  }
  http::Response res = http::Response::Redirect(303, SafeNext(FormValue(req, "next")));
  res.AddCookie(SessionCookie(login->token, login->session.expires_at - login->session.created_at,
                              app.site.secure_cookies));
  res.AddCookie(std::string(kLoginCsrfCookie) + "=; Path=/login; HttpOnly; Max-Age=0");
  return res;
}

http::Response Logout(AppContext& app, http::Request& req, const Principal& p) {
  if (p.kind == Principal::Kind::kUser) {
    if (Status s = CheckCsrf(req, p); !s.ok()) return ErrorPage(app, req, p, s);
    if (Status s = app.accounts.Logout(req.Cookie(kSessionCookie).value_or(""), p); !s.ok()) {
      return ErrorPage(app, req, p, s);
    }
  }
  http::Response res = http::Response::Redirect(303, "/");
  res.AddCookie(ExpiredCookie(kSessionCookie, app.site.secure_cookies));
  return res;
}

// /account/password: the signed-in user's own password (forced after an
// administrator set it, see CheckPasswordChosen).
http::Response PasswordForm(AppContext& app, http::Request& req, const Principal& p,
                            int status = 200, const Status& error = Status::Ok()) {
  const http::Lang lang = http::NegotiateLang(req);
  json data = LayoutData(req, p);
  data["title"] = app.renderer.catalogue().T(lang, "account.password_title");
  data["forced"] = p.must_change_password;
  data["done"] = req.Query("done").has_value();
  if (!error.ok()) {
    // Which field is wrong, in the reader's language; for the new password
    // the rule it broke follows, as the API states it.
    const std::string& field = error.field();
    std::string message = error.message();
    if (field == "current" || field == "confirm" || field == "password") {
      const std::string fix(app.renderer.catalogue().T(lang, "account.error_" + field));
      message = field == "password" ? fix + " (" + message + ")" : fix;
      data["invalid"][field] = true;
    }
    data["error"] = {{"message", message}};
  }
  return Page(req, status, app.renderer.Render("account_password", data, lang));
}

http::Response PasswordPage(AppContext& app, http::Request& req, const Principal& p) {
  if (p.kind != Principal::Kind::kUser) return SignInFirst(req);
  return PasswordForm(app, req, p);
}

http::Response PasswordSubmit(AppContext& app, http::Request& req, const Principal& p) {
  if (p.kind != Principal::Kind::kUser) {
    return ErrorPage(app, req, p, Status::Unauthenticated("sign in first"));
  }
  if (Status s = CheckCsrf(req, p); !s.ok()) return ErrorPage(app, req, p, s);
  const std::string next = FormValue(req, "password");
  if (next != FormValue(req, "confirm")) {
    return PasswordForm(app, req, p, 400,
                        Status::InvalidArgument("the two new passwords differ", "confirm"));
  }
  Status changed = app.accounts.ChangeOwnPassword(p, FormValue(req, "current"), next,
                                                  req.Cookie(kSessionCookie).value_or(""));
  if (changed.code() == StatusCode::kInvalidArgument)
    return PasswordForm(app, req, p, 400, changed);
  if (!changed.ok()) return ErrorPage(app, req, p, changed);
  return http::Response::Redirect(303, std::string(kChangePasswordPage) + "?done=1");
}

// Counts of one kind of record of `org_id`, by review status.
template <typename Filter, typename ListFn>
Result<json> CountByStatus(int64_t org_id, ListFn list) {
  json counts = json::object();
  for (ReviewStatus s : {ReviewStatus::kDraft, ReviewStatus::kPending, ReviewStatus::kApproved,
                         ReviewStatus::kRejected}) {
    Filter f;
    f.org_id = org_id;
    f.review_status = s;
    TXNG_ASSIGN_OR_RETURN(auto page, list(f));
    counts[std::string(ToString(s))] = page.total;
  }
  return counts;
}

http::Response Dashboard(AppContext& app, http::Request& req, const Principal& p) {
  if (p.kind != Principal::Kind::kUser) {
    return SignInFirst(req);
  }
  const http::Lang lang = http::NegotiateLang(req);
  json data = LayoutData(req, p);
  data["user"] = {{"display_name", p.display_name},
                  {"username", p.name},
                  {"role", Label(app.renderer, lang, "role.", std::string(ToString(p.role)))}};
  data["api_docs_url"] = "/docs/api";
  if (p.org_id) {
    auto org = app.store.GetOrganisation(*p.org_id);
    if (!org.ok()) return ErrorPage(app, req, p, org.status());
    data["org"] = {
        {"name", org->name},
        {"kind", Label(app.renderer, lang, "org_kind.", std::string(ToString(org->kind)))},
        {"tax_code", org->tax_code},
        {"district", org->district}};
    const PageRequest one{.limit = 1, .offset = 0};
    Store& store = app.store;
    auto products = CountByStatus<ProductFilter>(
        *p.org_id, [&](const ProductFilter& f) { return store.ListProducts(f, one); });
    auto locations = CountByStatus<LocationFilter>(
        *p.org_id, [&](const LocationFilter& f) { return store.ListLocations(f, one); });
    auto lots = CountByStatus<LotFilter>(
        *p.org_id, [&](const LotFilter& f) { return store.ListLots(f, one); });
    for (const auto* r : {&products, &locations, &lots}) {
      if (!r->ok()) return ErrorPage(app, req, p, r->status());
    }
    data["counts"] = {{"products", *products}, {"locations", *locations}, {"lots", *lots}};
  }
  return Page(req, 200, app.renderer.Render("dashboard", data, lang));
}

// A quantity as people write it: 400, 12.5 (no trailing zeros).
std::string QuantityText(double q) {
  char text[32];
  std::snprintf(text, sizeof text, "%.15g", q);
  return text;
}

// A recall's list and page fields, as display text.
json RecallFacts(const AppContext& app, http::Lang lang, const Recall& r) {
  // Catalogue keys are lower case: "recall_severity.ii".
  std::string severity_key(ToString(r.severity));
  for (char& c : severity_key) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  json facts = {
      {"url", "/recalls/" + std::to_string(r.id)},
      {"id", r.id},
      {"identifier", r.root_id},
      {"lot", LotCodeOf(r.root_id)},
      {"reason", r.reason},
      {"severity", Label(app.renderer, lang, "recall_severity.", severity_key)},
      {"status", Label(app.renderer, lang, "recall_status.", std::string(ToString(r.status)))},
      {"opened", http::DateValue(lang, r.opened_at)},
      {"opened_by", r.opened_by},
      {"items", r.item_count},
      {"item_count", r.item_count},
      {"truncated", r.items_truncated}};
  if (!r.affected_from.empty() || !r.affected_to.empty()) {
    facts["period"] = r.affected_from + " – " + r.affected_to;
  }
  if (r.closed_at) {
    facts["closed"] = http::DateValue(lang, *r.closed_at);
    facts["closed_by"] = r.closed_by;
    facts["note"] = r.closing_note;
  }
  return facts;
}

// /recalls: the recalls the signed-in user may see (ListRecalls decides).
http::Response RecallsPage(AppContext& app, http::Request& req, const Principal& p) {
  if (p.kind != Principal::Kind::kUser) {
    return SignInFirst(req);
  }
  const http::Lang lang = http::NegotiateLang(req);
  auto page = PageFromQuery(req);
  if (!page.ok()) return ErrorPage(app, req, p, page.status());
  auto recalls = ListRecalls(app.store, p, {}, *page);
  if (!recalls.ok()) return ErrorPage(app, req, p, recalls.status());
  json data = LayoutData(req, p);
  json rows = json::array();
  for (const Recall& r : recalls->items) rows.push_back(RecallFacts(app, lang, r));
  data["any"] = !rows.empty();
  data["recalls"] = std::move(rows);
  data["total"] = recalls->total;
  if (page->offset + page->limit < recalls->total) {
    data["more"] = {{"url", "/recalls?offset=" + std::to_string(page->offset + page->limit) +
                                "&limit=" + std::to_string(page->limit)}};
  }
  return Page(req, 200, app.renderer.Render("recalls", data, lang));
}

// /recalls/{id}: one recall, a page of its impact set and its history.
http::Response RecallPage(AppContext& app, http::Request& req, const Principal& p) {
  if (p.kind != Principal::Kind::kUser) {
    return SignInFirst(req);
  }
  const http::Lang lang = http::NegotiateLang(req);
  auto id = PathId(req, "id", "recall");
  if (!id.ok()) return ErrorPage(app, req, p, id.status());
  auto page = PageFromQuery(req);
  if (!page.ok()) return ErrorPage(app, req, p, page.status());
  if (!req.Query("limit")) page->limit = 200;
  auto detail = GetRecall(app.store, p, *id, *page);
  if (!detail.ok()) return ErrorPage(app, req, p, detail.status());
  json data = LayoutData(req, p);
  data["title"] =
      std::string(app.renderer.catalogue().T(lang, "recall.heading")) + " " + std::to_string(*id);
  data["recall"] = RecallFacts(app, lang, detail->recall);
  json items = json::array();
  for (const RecallItem& i : detail->items.items) {
    items.push_back({{"identifier", i.identifier},
                     {"name", i.name},
                     {"reach", Label(app.renderer, lang, "recall_reach.", i.reach)},
                     {"quantity", i.quantity ? json(QuantityText(*i.quantity)) : json(nullptr)},
                     {"uom", i.uom},
                     {"holder", i.holder},
                     {"holder_name", i.holder_name},
                     {"location", i.location},
                     {"location_name", i.location_name}});
  }
  const int64_t total = detail->items.total;
  const std::string base =
      "/recalls/" + std::to_string(*id) + "?limit=" + std::to_string(page->limit) + "&offset=";
  json pager = {{"from", items.empty() ? 0 : page->offset + 1},
                {"to", page->offset + static_cast<int64_t>(items.size())},
                {"total", total}};
  if (page->offset > 0)
    pager["prev"] = base + std::to_string(std::max(0, page->offset - page->limit));
  if (page->offset + page->limit < total)
    pager["next"] = base + std::to_string(page->offset + page->limit);
  data["items"] = std::move(items);
  data["page"] = std::move(pager);
  json history = json::array();
  for (const RecallUpdate& u : detail->history) {
    std::string changed;
    for (const std::string& f : u.changed) changed += (changed.empty() ? "" : ", ") + f;
    history.push_back({{"at", http::DateTimeValue(lang, u.at)},
                       {"actor", u.actor},
                       {"action", Label(app.renderer, lang, "recall_action.", u.action)},
                       {"changed", changed},
                       {"note", u.note}});
  }
  data["history"] = std::move(history);
  return Page(req, 200, app.renderer.Render("recall", data, lang));
}

}  // namespace

void RegisterPages(http::Router& router, AppContext& app) {
  router.Add("GET", "/", PageHandler(app, Home));
  router.Add("GET", "/trace", PageHandler(app, TracePage));
  router.Add("GET", "/login",
             PageHandler(app, [](AppContext& a, http::Request& r, const Principal& p) {
               return LoginForm(a, r, p);
             }));
  router.Add("POST", "/login", PageHandler(app, LoginSubmit));
  router.Add("POST", "/logout", PageHandler(app, Logout));
  router.Add("GET", kChangePasswordPage, PageHandler(app, PasswordPage));
  router.Add("POST", kChangePasswordPage, PageHandler(app, PasswordSubmit));
  router.Add("GET", "/dashboard", PageHandler(app, Dashboard));
  router.Add("GET", "/recalls", PageHandler(app, RecallsPage));
  router.Add("GET", "/recalls/{id}", PageHandler(app, RecallPage));
  router.Add("GET", "/docs/api", [](http::Request&) {
    auto doc = FindEmbedded(EmbeddedDocs(), "API.md");
    http::Response res = http::Response::Text(200, std::string(doc.value_or("")));
    res.content_type = "text/plain; charset=utf-8";
    res.SetHeader("Cache-Control", "public, max-age=3600");
    return res;
  });
}

}  // namespace txng::handlers
