#include "handlers/consumer_pages.h"

#include <algorithm>
#include <cstdio>
#include <memory>
#include <nlohmann/json.hpp>

#include "gs1/check_digit.h"
#include "gs1/digital_link.h"
#include "handlers/auth.h"
#include "handlers/journey_view.h"
#include "handlers/json_body.h"
#include "handlers/page_support.h"
#include "handlers/resolver_links.h"
#include "http/i18n.h"
#include "http/problem.h"
#include "service/consumer.h"
#include "service/gs1_inspect.h"
#include "service/passwords.h"
#include "service/recall.h"
#include "service/trace.h"

namespace txng::handlers {
namespace {

using nlohmann::json;

// Double-submit token of the anonymous feedback form (as kLoginCsrfCookie).
constexpr const char* kFeedbackCsrfCookie = "txng_fcsrf";

std::string Text(const AppContext& app, http::Lang lang, std::string_view key) {
  return std::string(app.renderer.catalogue().T(lang, key));
}

std::string NameIn(http::Lang lang, const Product& p) {
  return lang == http::Lang::kEn && !p.name_en.empty() ? p.name_en : p.name_vi;
}

// The public stem of Digital Links: the configured public URL, else
// https://id.gs1.org (as printed labels use).
std::string Stem(const AppContext& app) {
  std::string stem = app.site.public_url.empty() ? "https://id.gs1.org" : app.site.public_url;
  while (!stem.empty() && stem.back() == '/') stem.pop_back();
  return stem;
}

// Public pages: shared caches may keep a visitor's version briefly; a
// signed-in user's page names them. The answer depends on Accept (HTML,
// JSON, linkset), so caches must key on it.
void PublicCaching(http::Response& res, const Principal& p) {
  res.SetHeader("Cache-Control", p.anonymous() ? "public, max-age=60" : "private, no-store");
  res.SetHeader("Vary", "Accept, Accept-Language, Cookie");
}

http::Response JsonAnswer(int status, const json& body, const char* type, const Principal& p) {
  http::Response res = http::Response::JsonText(status, DumpJson(body));
  res.content_type = type;
  PublicCaching(res, p);
  return res;
}

// The 400 and 404 pages of the resolver and the search: what went wrong
// and a search box.
http::Response LookupErrorPage(const AppContext& app, const http::Request& req, const Principal& p,
                               int status, const std::string& message) {
  const http::Lang lang = http::NegotiateLang(req);
  json data = LayoutData(req, p);
  data["title"] = Text(app, lang, status == 404 ? "consumer.not_found" : "consumer.bad_code");
  data["status"] = status;
  data["message"] = message;
  return Page(req, status, app.renderer.Render("lookup_error", data, lang));
}

// A product card as home's.
json Card(const AppContext& app, http::Lang lang, const Product& p, const std::string& producer) {
  return {{"url", "/01/" + p.gtin},
          {"name", NameIn(lang, p)},
          {"gtin", p.gtin},
          {"producer", producer},
          {"image_url", p.image_url},
          {"category", Label(app.renderer, lang, "category.", p.category)},
          {"ocop", http::OcopValue(p.ocop_stars)}};
}

// The category labels of both languages, for the search.
std::map<std::string, std::string> CategoryLabels(const AppContext& app) {
  std::map<std::string, std::string> labels;
  for (http::Lang lang : {http::Lang::kVi, http::Lang::kEn}) {
    for (const auto& [key, text] : app.renderer.catalogue().All(lang)) {
      if (key.starts_with("category.")) labels[key.substr(9)] += text + " ";
    }
  }
  return labels;
}

// The query string of `target` without its linkType parameters, still
// encoded: what a redirect passes on.
std::string PassOn(std::string_view target) {
  const size_t q = target.find('?');
  if (q == std::string_view::npos) return "";
  std::string_view rest = target.substr(q + 1);
  rest = rest.substr(0, rest.find('#'));
  std::string out;
  while (!rest.empty()) {
    const size_t amp = rest.find('&');
    const std::string_view part = rest.substr(0, amp);
    if (!part.empty() && !part.starts_with("linkType=")) {
      out += (out.empty() ? "" : "&") + std::string(part);
    }
    if (amp == std::string_view::npos) break;
    rest = rest.substr(amp + 1);
  }
  return out;
}

// ---- the resolved items ----

struct Resolved {
  ResolverItem item;
  json facts;        // the item's public facts (JSON answer)
  std::string page;  // template
  json data;         // its data
};

std::string Ai(const gs1::DigitalLink& dl, std::string_view ai) {
  for (const gs1::AiValue& v : dl.ais) {
    if (v.ai == ai) return v.value;
  }
  return "";
}

std::string QuantityText(double q) {
  char text[32];
  std::snprintf(text, sizeof text, "%.15g", q);
  return text;
}

// The product's recall banner text: each open recall covering the product
// as a whole or (when `lot` is set) that lot.
Result<std::string> RecallMessage(AppContext& app, http::Lang lang, const std::string& gtin,
                                  const std::string& lot) {
  TXNG_ASSIGN_OR_RETURN(std::vector<RecallCover> covers, OpenRecallsForGtin(app.store, gtin));
  std::string message;
  for (const RecallCover& c : covers) {
    std::string lots;
    bool whole = false;
    bool affects = lot.empty();
    for (const std::string& id : c.identifiers) {
      const std::string code = LotCodeOf(id);
      if (code.empty()) {
        whole = true;
        affects = true;
      } else if (lots.find(code) == std::string::npos) {
        lots += (lots.empty() ? "" : ", ") + code;
      }
      affects = affects || code == lot;
    }
    if (!affects) continue;
    if (!message.empty()) message += " · ";
    message += c.recall.reason + " (" +
               (whole ? Text(app, lang, "product.recall_all_lots")
                      : Text(app, lang, "product.recall_lots") + " " + lots) +
               ")";
  }
  return message;
}

// The backward journey of `root` (a Digital Link under id.gs1.org) as the
// public sees it; empty when nothing is recorded.
// What the public page shows of a trace: the stages, and the certificates
// their events cite (EPCIS certificationInfo: one URI per certificate, e.g.
// a VietGAP or organic certificate), once each, in the journey's order.
struct Journey {
  json stages = json::array();
  std::vector<std::string> certificates;
};

// The events of a lot's journey that can cite certificates: a lot's own
// history is short, so more than this means a bulk chain, not a label.
constexpr size_t kMaxCertifyingEvents = 200;

Result<std::vector<std::string>> CertificatesOf(Store& store, const trace::Graph& g) {
  std::vector<int64_t> rows;
  for (const trace::LineageEvent& e : g.events) {
    if (rows.size() == kMaxCertifyingEvents) break;
    rows.push_back(e.row);
  }
  TXNG_ASSIGN_OR_RETURN(std::vector<StoredEvent> events, store.GetEvents(rows));
  std::vector<std::string> out;
  for (const StoredEvent& se : events) {
    // The trace already shows the public only approved events; checked
    // again because the rows were read in another transaction.
    if (se.review_status != ReviewStatus::kApproved) continue;
    for (const std::string& c : se.event.certification_info) {
      if (std::find(out.begin(), out.end(), c) == out.end()) out.push_back(c);
    }
  }
  return out;
}

Result<Journey> PublicJourney(AppContext& app, http::Lang lang, const std::string& root,
                              const std::string& remote) {
  trace::TraceRequest request;
  request.root = root;
  request.direction = trace::Direction::kBackward;
  Result<TraceAnswer> answer = TraceIdentifier(app.store, request, Principal::Anonymous(remote));
  Journey out;
  if (!answer.ok()) {
    if (answer.status().code() == StatusCode::kNotFound) return out;
    return answer.status();
  }
  out.stages = JourneyStages(app.renderer, lang, *answer);
  TXNG_ASSIGN_OR_RETURN(out.certificates, CertificatesOf(app.store, answer->graph));
  return out;
}

// A certificate to list: a link when it is a web address, else its text.
json CertificateItem(const std::string& text) {
  const bool web = text.starts_with("https://") || text.starts_with("http://");
  return web ? json{{"text", text}, {"url", text}} : json{{"text", text}};
}

Result<Resolved> ResolveTradeItem(AppContext& app, const http::Request& req,
                                  const gs1::DigitalLink& dl) {
  const http::Lang lang = http::NegotiateLang(req);
  const std::string gtin = Ai(dl, "01");
  const std::string lot_code = Ai(dl, "10");
  const std::string serial = Ai(dl, "21");
  TXNG_ASSIGN_OR_RETURN(PublicProduct found, app.catalog.GetPublicProduct(gtin));
  const Product& pr = found.product;
  const Organisation& org = found.producer;
  const Lot* lot = nullptr;
  if (!lot_code.empty()) {
    for (const Lot& l : found.lots) {
      if (l.lot_code == lot_code) lot = &l;
    }
    if (!lot) return Status::NotFound("product " + pr.gtin + " has no published lot " + lot_code);
  }
  std::vector<gs1::AiValue> key = {{"01", pr.gtin}};
  if (!lot_code.empty()) key.push_back({"10", lot_code});
  if (!serial.empty()) key.push_back({"21", serial});
  TXNG_ASSIGN_OR_RETURN(std::string canonical, gs1::ToDigitalLink(key, "", {}));
  TXNG_ASSIGN_OR_RETURN(std::string anchor, gs1::ToDigitalLink(key, Stem(app), {}));
  Resolved r;
  r.item.canonical = canonical;
  r.item.anchor = anchor;
  r.item.page = canonical.substr(std::string_view("https://id.gs1.org").size());
  r.item.title = pr.name_vi;
  r.item.instance = !serial.empty();
  // The journey: of this lot (or item), else of the newest published lot.
  std::string journey_root = canonical;
  if (lot_code.empty() && serial.empty() && !found.lots.empty()) {
    TXNG_ASSIGN_OR_RETURN(
        journey_root,
        gs1::ToDigitalLink({{"01", pr.gtin}, {"10", found.lots.back().lot_code}}, "", {}));
  }
  TXNG_ASSIGN_OR_RETURN(Journey journey, PublicJourney(app, lang, journey_root, req.remote_addr));
  TXNG_ASSIGN_OR_RETURN(std::string recall, RecallMessage(app, lang, pr.gtin, lot_code));

  json lot_json = nullptr;
  json lot_facts = nullptr;
  if (lot) {
    std::string place;
    if (lot->location_id) {
      Result<Location> where = app.store.GetLocation(*lot->location_id);
      if (where.ok() && where->review_status == ReviewStatus::kApproved) place = where->name;
    }
    const std::string quantity = lot->quantity ? QuantityText(*lot->quantity) + " " +
                                                     Label(app.renderer, lang, "unit.", lot->unit)
                                               : "";
    lot_json = {{"code", lot->lot_code},
                {"serial", serial},
                {"production_date", http::CalendarDateValue(lang, lot->production_date)},
                {"expiry_date", http::CalendarDateValue(lang, lot->expiry_date)},
                {"quantity", quantity},
                {"place", place}};
    lot_facts = {{"lot", lot->lot_code},
                 {"productionDate", lot->production_date},
                 {"expiryDate", lot->expiry_date},
                 {"quantity", lot->quantity ? json(*lot->quantity) : json(nullptr)},
                 {"unit", lot->unit},
                 {"place", place}};
  }
  json lots = json::array();
  for (const Lot& l : found.lots) {
    lots.push_back({{"code", l.lot_code},
                    {"url", "/01/" + pr.gtin + "/10/" + http::PercentEncode(l.lot_code)},
                    {"production_date", http::CalendarDateValue(lang, l.production_date)},
                    {"expiry_date", http::CalendarDateValue(lang, l.expiry_date)}});
  }
  json certifications = json::array();
  for (size_t start = 0; start < pr.standards.size();) {
    size_t comma = pr.standards.find(',', start);
    if (comma == std::string::npos) comma = pr.standards.size();
    std::string s = pr.standards.substr(start, comma - start);
    s.erase(0, s.find_first_not_of(' '));
    s.erase(s.find_last_not_of(' ') + 1);
    if (!s.empty()) certifications.push_back(CertificateItem(s));
    start = comma + 1;
  }
  for (const std::string& c : journey.certificates) certifications.push_back(CertificateItem(c));
  r.item.has_certifications = !certifications.empty();
  const bool address_names_district = org.address.find(org.district) != std::string::npos;
  r.page = "product";
  r.data = {
      {"title", NameIn(lang, pr)},
      {"product",
       {{"name_vi", pr.name_vi},
        {"name_en", pr.name_en},
        {"image_url", pr.image_url},
        {"gtin", pr.gtin},
        {"digital_link", anchor},
        {"category", Label(app.renderer, lang, "category.", pr.category)},
        {"brand", pr.brand},
        {"standards", pr.standards},
        {"shelf_life_days", pr.shelf_life_days ? json(*pr.shelf_life_days) : json(nullptr)},
        {"description", pr.description},
        {"priority", Label(app.renderer, lang, "priority.", pr.priority)},
        {"ocop", http::OcopValue(pr.ocop_stars)}}},
      {"producer",
       {{"name", org.name},
        {"address", org.address},
        {"district", address_names_district ? "" : org.district},
        {"phone", org.phone}}},
      {"lot", lot_json},
      {"lots", lots},
      {"certifications", certifications},
      {"stages", std::move(journey.stages)},
      {"feedback_url", "/feedback/new?gtin=" + pr.gtin +
                           (lot_code.empty() ? "" : "&lot=" + http::PercentEncode(lot_code))}};
  if (!recall.empty()) r.data["recall"] = {{"message", recall}};
  if (pr.reviewed_at) {
    r.data["approval"] = {{"by", found.reviewer_name},
                          {"date", http::DateValue(lang, *pr.reviewed_at)}};
  }
  r.facts = {
      {"gtin", pr.gtin},
      {"digitalLink", anchor},
      {"page", r.item.page},
      {"name", {{"vi", pr.name_vi}, {"en", pr.name_en}}},
      {"category", pr.category},
      {"brand", pr.brand},
      {"standards", pr.standards},
      {"shelfLifeDays", pr.shelf_life_days ? json(*pr.shelf_life_days) : json(nullptr)},
      {"ocopStars", pr.ocop_stars},
      {"imageUrl", pr.image_url},
      {"producer", {{"name", org.name}, {"address", org.address}, {"district", org.district}}},
      {"recalled", !recall.empty()}};
  if (lot) r.facts["lot"] = lot_facts;
  if (!serial.empty()) r.facts["serial"] = serial;
  if (pr.reviewed_at) r.facts["approvedAt"] = *pr.reviewed_at;
  return r;
}

Result<Resolved> ResolveLocation(AppContext& app, const http::Request& req,
                                 const gs1::DigitalLink& dl) {
  const http::Lang lang = http::NegotiateLang(req);
  LocationFilter f;
  f.gln = Ai(dl, "414");
  f.gln_extension = Ai(dl, "254");
  f.review_status = ReviewStatus::kApproved;
  TXNG_ASSIGN_OR_RETURN(txng::Page<Location> found,
                        app.store.ListLocations(f, {.limit = 1, .offset = 0}));
  if (found.items.empty()) return Status::NotFound("no published location has GLN " + *f.gln);
  const Location& l = found.items.front();
  TXNG_ASSIGN_OR_RETURN(Organisation org, app.store.GetOrganisation(l.org_id));
  std::vector<gs1::AiValue> key = {{"414", l.gln}};
  if (!l.gln_extension.empty()) key.push_back({"254", l.gln_extension});
  Resolved r;
  TXNG_ASSIGN_OR_RETURN(r.item.canonical, gs1::ToDigitalLink(key, "", {}));
  TXNG_ASSIGN_OR_RETURN(r.item.anchor, gs1::ToDigitalLink(key, Stem(app), {}));
  r.item.page = r.item.canonical.substr(std::string_view("https://id.gs1.org").size());
  r.item.title = l.name;
  r.item.trade_item = false;
  const std::string kind =
      Label(app.renderer, lang, "location_kind.", std::string(ToString(l.kind)));
  r.page = "place";
  r.data = {{"title", l.name},
            {"place",
             {{"name", l.name},
              {"kind", kind},
              {"address", l.address},
              {"district", l.district},
              {"area_code", l.area_code},
              {"gln", l.gln},
              {"extension", l.gln_extension},
              {"digital_link", r.item.anchor},
              {"org", org.review_status == ReviewStatus::kApproved ? org.name : ""}}}};
  r.facts = {{"gln", l.gln},
             {"extension", l.gln_extension},
             {"digitalLink", r.item.anchor},
             {"page", r.item.page},
             {"name", l.name},
             {"kind", std::string(ToString(l.kind))},
             {"address", l.address},
             {"district", l.district},
             {"areaCode", l.area_code},
             {"organisation", org.review_status == ReviewStatus::kApproved ? org.name : ""}};
  return r;
}

Result<Resolved> ResolveLogisticUnit(AppContext& app, const http::Request& req,
                                     const gs1::DigitalLink& dl) {
  const http::Lang lang = http::NegotiateLang(req);
  const std::string sscc = Ai(dl, "00");
  Resolved r;
  TXNG_ASSIGN_OR_RETURN(r.item.canonical, gs1::ToDigitalLink({{"00", sscc}}, "", {}));
  TXNG_ASSIGN_OR_RETURN(r.item.anchor, gs1::ToDigitalLink({{"00", sscc}}, Stem(app), {}));
  r.item.page = "/00/" + sscc;
  r.item.title = sscc;
  r.item.trade_item = false;
  TXNG_ASSIGN_OR_RETURN(Journey journey,
                        PublicJourney(app, lang, r.item.canonical, req.remote_addr));
  if (journey.stages.empty()) return Status::NotFound("nothing is published about SSCC " + sscc);
  r.page = "unit";
  r.facts = {{"sscc", sscc},
             {"digitalLink", r.item.anchor},
             {"page", r.item.page},
             {"stages", journey.stages.size()}};
  r.data = {{"title", "SSCC " + sscc},
            {"unit", {{"sscc", sscc}, {"digital_link", r.item.anchor}}},
            {"stages", std::move(journey.stages)},
            {"trace_url", "/trace?id=" + http::PercentEncode(r.item.canonical)}};
  return r;
}

// GET /01/…, /414/…, /00/…: the GS1 Digital Link resolver.
http::Response Resolve(AppContext& app, http::Request& req, const Principal& p) {
  gs1::DigitalLinkOptions options;
  options.permit_zero_suppressed_gtin = true;
  Result<gs1::DigitalLink> dl = gs1::ParseDigitalLink("https://id.gs1.org" + req.target, options);
  if (!dl.ok()) return LookupErrorPage(app, req, p, 400, dl.status().message());
  std::string link_type;
  for (const std::string& param : dl->other_query_params) {
    if (param.starts_with("linkType=")) {
      link_type = http::PercentDecode(param.substr(9), true).value_or("");
    }
  }
  const std::string primary = dl->ais.empty() ? "" : dl->ais.front().ai;
  Result<Resolved> found =
      primary == "01"    ? ResolveTradeItem(app, req, *dl)
      : primary == "414" ? ResolveLocation(app, req, *dl)
      : primary == "00"
          ? ResolveLogisticUnit(app, req, *dl)
          : Result<Resolved>(Status::NotFound("this portal resolves GTIN (01), GLN (414) "
                                              "and SSCC (00) links only"));
  if (!found.ok()) {
    const StatusCode code = found.status().code();
    if (code == StatusCode::kNotFound || code == StatusCode::kInvalidArgument) {
      return LookupErrorPage(app, req, p, code == StatusCode::kNotFound ? 404 : 400,
                             found.status().message());
    }
    return ErrorPage(app, req, p, found.status());
  }
  const ResolverDecision d = DecideResolverAnswer(
      found->item, link_type, req.Header("Accept").value_or(""), PassOn(req.target));
  switch (d.answer) {
    case ResolverAnswer::kRedirect: {
      http::Response res = http::Response::Redirect(307, d.location);
      PublicCaching(res, p);
      return res;
    }
    case ResolverAnswer::kLinkset:
      return JsonAnswer(200, Linkset(found->item, app.site.public_url), "application/linkset+json",
                        p);
    case ResolverAnswer::kJson:
      return JsonAnswer(200, found->facts, "application/json", p);
    case ResolverAnswer::kHtml:
      break;
  }
  const http::Lang lang = http::NegotiateLang(req);
  json data = LayoutData(req, p);
  data.update(found->data);
  http::Response res = Page(req, 200, app.renderer.Render(found->page, data, lang));
  PublicCaching(res, p);
  res.SetHeader("Link", LinksetLinkHeader(found->item));
  return res;
}

// ---- search ----

// True when `q` is meant as a code rather than words: digits only, or the
// start of an element string, scanner data, a URI or an EPC URI.
bool LooksLikeCode(std::string_view q) {
  if (q.empty()) return false;
  if (q.find_first_not_of("0123456789") == std::string_view::npos) return true;
  for (std::string_view start : {"(", "]", "^", "http://", "https://", "urn:epc:"}) {
    if (q.starts_with(start)) return true;
  }
  return false;
}

// The resolver page of an inspected code: the lot page when a lot is given.
std::optional<std::string> ResolverPath(const Gs1Inspection& code) {
  if (code.digital_link.empty()) return std::nullopt;
  std::vector<gs1::AiValue> key;
  for (const gs1::AiValue& v : code.ais) {
    if (v.ai == "01" || v.ai == "10" || v.ai == "21" || v.ai == "414" || v.ai == "254" ||
        v.ai == "00") {
      key.push_back(v);
    }
  }
  Result<std::string> link = gs1::ToDigitalLink(key, "", {});
  if (!link.ok()) return std::nullopt;
  return link->substr(std::string_view("https://id.gs1.org").size());
}

http::Response SearchPage(AppContext& app, http::Request& req, const Principal& p) {
  const http::Lang lang = http::NegotiateLang(req);
  std::string q = req.Query("q").value_or("");
  q.erase(0, q.find_first_not_of(" \t\r\n"));
  q.erase(q.find_last_not_of(" \t\r\n") + 1);
  json data = LayoutData(req, p);
  data["title"] = Text(app, lang, "consumer.search_title");
  data["q"] = q;
  if (q.empty()) return Page(req, 200, app.renderer.Render("search", data, lang));
  if (LooksLikeCode(q)) {
    Result<Gs1Inspection> code = InspectGs1(q);
    if (code.ok()) {
      if (std::optional<std::string> path = ResolverPath(*code)) {
        return http::Response::Redirect(303, *path);
      }
      data["code_error"] = Text(app, lang, "consumer.code_no_key");
    } else {
      data["code_error"] = code.status().message();
    }
    return Page(req, 400, app.renderer.Render("search", data, lang));
  }
  auto page = PageFromQuery(req);
  if (!page.ok()) return ErrorPage(app, req, p, page.status());
  if (!req.Query("limit")) page->limit = 24;
  Result<txng::Page<Product>> found =
      SearchPublishedProducts(app.store, q, CategoryLabels(app), *page);
  if (!found.ok()) return ErrorPage(app, req, p, found.status());
  json cards = json::array();
  for (const Product& product : found->items) {
    Result<Organisation> org = app.store.GetOrganisation(product.org_id);
    cards.push_back(Card(app, lang, product, org.ok() ? org->name : ""));
  }
  data["searched"] = true;
  data["results"] = std::move(cards);
  data["total"] = found->total;
  if (page->offset + page->limit < found->total) {
    data["more"] = "/search?q=" + http::PercentEncode(q) +
                   "&offset=" + std::to_string(page->offset + page->limit);
  }
  http::Response res = Page(req, 200, app.renderer.Render("search", data, lang));
  PublicCaching(res, p);
  return res;
}

// ---- feedback ----

struct FeedbackForm {
  std::string gtin, lot, text, contact;
};

http::Response FeedbackFormPage(AppContext& app, http::Request& req, const Principal& p, int status,
                                const FeedbackForm& form, const std::string& error) {
  const http::Lang lang = http::NegotiateLang(req);
  json data = LayoutData(req, p);
  data["title"] = Text(app, lang, "consumer.feedback_title");
  Result<PublicProduct> product = app.catalog.GetPublicProduct(form.gtin);
  if (!product.ok()) {
    return LookupErrorPage(app, req, p,
                           product.status().code() == StatusCode::kNotFound ? 404 : 400,
                           product.status().message());
  }
  std::string csrf = p.csrf_token;
  if (p.anonymous()) csrf = RandomToken(24);
  data["csrf_token"] = csrf;
  data["form"] = {{"gtin", product->product.gtin},
                  {"lot", form.lot},
                  {"text", form.text},
                  {"contact", form.contact},
                  {"product", NameIn(lang, product->product)},
                  {"back", "/01/" + product->product.gtin +
                               (form.lot.empty() ? "" : "/10/" + http::PercentEncode(form.lot))},
                  {"max", kFeedbackMaxChars},
                  {"contact_max", kFeedbackContactMaxChars}};
  data["error"] = error;
  http::Response res = Page(req, status, app.renderer.Render("feedback_form", data, lang));
  if (p.anonymous()) {
    res.AddCookie(std::string(kFeedbackCsrfCookie) + "=" + csrf +
                  "; Path=/feedback; HttpOnly; SameSite=Strict; Max-Age=3600" +
                  (app.site.secure_cookies ? "; Secure" : ""));
  }
  return res;
}

// A form's CSRF check: the session's token for users (CheckCsrf), the
// double-submit cookie for visitors.
bool FeedbackCsrfOk(const http::Request& req, const Principal& p) {
  if (!p.anonymous()) return CheckCsrf(req, p).ok();
  const std::string cookie = req.Cookie(kFeedbackCsrfCookie).value_or("");
  return !cookie.empty() && ConstantTimeEquals(cookie, FormValue(req, "csrf_token"));
}

http::Response FeedbackSubmit(AppContext& app, FeedbackLimiter& limiter, http::Request& req,
                              const Principal& p) {
  const http::Lang lang = http::NegotiateLang(req);
  const FeedbackForm form{FormValue(req, "gtin"), FormValue(req, "lot"), FormValue(req, "text"),
                          FormValue(req, "contact")};
  if (!FeedbackCsrfOk(req, p)) {
    return FeedbackFormPage(app, req, p, 403, form, Text(app, lang, "consumer.feedback_expired"));
  }
  if (UnixMillis wait = limiter.Admit(req.remote_addr, NowMillis()); wait > 0) {
    http::Response res = ErrorPage(
        app, req, p, Status::ResourceExhausted(Text(app, lang, "consumer.feedback_throttled")));
    res.SetHeader("Retry-After", std::to_string((wait + 999) / 1000));
    return res;
  }
  Result<Feedback> filed =
      ReportFeedback(app.store, p, form.gtin, form.lot, form.text, form.contact);
  if (!filed.ok()) {
    if (filed.status().code() == StatusCode::kInvalidArgument) {
      const std::string field = filed.status().field();
      const std::string key = field == "contact" ? "consumer.feedback_contact_long"
                              : form.text.find_first_not_of(" \t\r\n") == std::string::npos
                                  ? "consumer.feedback_text_required"
                                  : "consumer.feedback_text_long";
      return FeedbackFormPage(app, req, p, 400, form, Text(app, lang, key));
    }
    return ErrorPage(app, req, p, filed.status());
  }
  json data = LayoutData(req, p);
  data["title"] = Text(app, lang, "consumer.feedback_title");
  data["thanks"] = {{"back", "/01/" + filed->gtin +
                                 (form.lot.empty() ? "" : "/10/" + http::PercentEncode(form.lot))},
                    {"id", filed->id}};
  return Page(req, 201, app.renderer.Render("feedback_form", data, lang));
}

json FeedbackJson(const Feedback& f) {
  json out = {{"id", f.id},
              {"gtin", f.gtin},
              {"product", f.product_name},
              {"organisation", f.org_name},
              {"lot", f.lot_code},
              {"text", f.body},
              {"contact", f.contact},
              {"remoteAddr", f.remote_addr},
              {"createdAt", f.created_at},
              {"status", f.open ? "open" : "closed"}};
  if (!f.open) {
    out["closedBy"] = f.closed_by;
    out["closedAt"] = f.closed_at ? json(*f.closed_at) : json(nullptr);
    out["note"] = f.note;
  }
  return out;
}

Result<std::optional<bool>> OpenQuery(const http::Request& r) {
  const std::string status = r.Query("status").value_or("");
  if (status.empty()) return std::optional<bool>();
  if (status == "open") return std::optional<bool>(true);
  if (status == "closed") return std::optional<bool>(false);
  return Status::InvalidArgument("status must be open or closed", "status");
}

http::Response FeedbackQueuePage(AppContext& app, http::Request& req, const Principal& p) {
  if (p.anonymous()) return SignInFirst(req);
  const http::Lang lang = http::NegotiateLang(req);
  auto page = PageFromQuery(req);
  if (!page.ok()) return ErrorPage(app, req, p, page.status());
  auto open = OpenQuery(req);
  if (!open.ok()) return ErrorPage(app, req, p, open.status());
  auto list = ListFeedbackFor(app.store, p, *open, *page);
  if (!list.ok()) return ErrorPage(app, req, p, list.status());
  json rows = json::array();
  for (const Feedback& f : list->items) {
    json row = {{"id", f.id},
                {"product", f.product_name},
                {"url", "/01/" + f.gtin +
                            (f.lot_code.empty() ? "" : "/10/" + http::PercentEncode(f.lot_code))},
                {"lot", f.lot_code},
                {"org", f.org_name},
                {"text", f.body},
                {"contact", f.contact},
                {"created", http::DateTimeValue(lang, f.created_at)},
                {"open", f.open}};
    if (!f.open) {
      row["closed"] = {{"by", f.closed_by},
                       {"at", http::DateTimeValue(lang, f.closed_at.value_or(0))},
                       {"note", f.note}};
    }
    rows.push_back(std::move(row));
  }
  json data = LayoutData(req, p);
  data["title"] = Text(app, lang, "consumer.queue_title");
  data["items"] = std::move(rows);
  data["total"] = list->total;
  data["error"] = req.Query("error").value_or("") == "note"
                      ? Text(app, lang, "consumer.queue_note_required")
                      : "";
  return Page(req, 200, app.renderer.Render("feedback", data, lang));
}

http::Response FeedbackClosePage(AppContext& app, http::Request& req, const Principal& p) {
  if (p.anonymous()) return SignInFirst(req);
  if (Status s = CheckCsrf(req, p); !s.ok()) return ErrorPage(app, req, p, s);
  auto id = PathId(req, "id", "feedback");
  if (!id.ok()) return ErrorPage(app, req, p, id.status());
  Result<Feedback> closed = CloseFeedbackFor(app.store, p, *id, FormValue(req, "note"));
  if (!closed.ok() && closed.status().code() == StatusCode::kInvalidArgument) {
    return http::Response::Redirect(303, "/feedback?error=note");
  }
  if (!closed.ok()) return ErrorPage(app, req, p, closed.status());
  return http::Response::Redirect(303, "/feedback");
}

}  // namespace

Result<ApiReply> ProductSearchApi(AppContext& app, http::Request& r, const Principal&) {
  TXNG_ASSIGN_OR_RETURN(PageRequest page, PageFromQuery(r));
  TXNG_ASSIGN_OR_RETURN(
      txng::Page<Product> found,
      SearchPublishedProducts(app.store, r.Query("q").value_or(""), CategoryLabels(app), page));
  json items = json::array();
  for (const Product& product : found.items) {
    TXNG_ASSIGN_OR_RETURN(Organisation org, app.store.GetOrganisation(product.org_id));
    items.push_back({{"gtin", product.gtin},
                     {"name", {{"vi", product.name_vi}, {"en", product.name_en}}},
                     {"producer", {{"name", org.name}, {"district", org.district}}},
                     {"url", "/01/" + product.gtin}});
  }
  return ApiReply{json{{"items", std::move(items)},
                       {"total", found.total},
                       {"limit", page.limit},
                       {"offset", page.offset}}};
}

void RegisterConsumerPages(http::Router& router, AppContext& app) {
  for (const char* key : {"/01/{*rest}", "/414/{*rest}", "/00/{*rest}"}) {
    router.Add("GET", key, PageHandler(app, Resolve));
  }
  // The old product address keeps working for links already out there.
  router.Add("GET", "/products/{gtin}", [](http::Request& r) {
    const std::string gtin = r.Param("gtin");
    const std::optional<std::string> normal = gs1::NormalizeGtin(gtin);
    return http::Response::Redirect(301, "/01/" + (normal ? *normal : http::PercentEncode(gtin)));
  });
  router.Add("GET", "/search", PageHandler(app, SearchPage));
  router.Add("GET", "/feedback/new",
             PageHandler(app, [](AppContext& a, http::Request& r, const Principal& p) {
               return FeedbackFormPage(
                   a, r, p, 200,
                   {r.Query("gtin").value_or(""), r.Query("lot").value_or(""), "", ""}, "");
             }));
  auto limiter = std::make_shared<FeedbackLimiter>();
  router.Add("POST", "/feedback",
             PageHandler(app, [limiter](AppContext& a, http::Request& r, const Principal& p) {
               return FeedbackSubmit(a, *limiter, r, p);
             }));
  router.Add("GET", "/feedback", PageHandler(app, FeedbackQueuePage));
  router.Add("POST", "/feedback/{id}/close", PageHandler(app, FeedbackClosePage));
  Store& store = app.store;
  router.Add("GET", "/api/v1/feedback",
             Api(app, [&store](http::Request& r, const Principal& p) -> Result<ApiReply> {
               TXNG_ASSIGN_OR_RETURN(PageRequest page, PageFromQuery(r));
               TXNG_ASSIGN_OR_RETURN(std::optional<bool> open, OpenQuery(r));
               TXNG_ASSIGN_OR_RETURN(txng::Page<Feedback> list,
                                     ListFeedbackFor(store, p, open, page));
               json items = json::array();
               for (const Feedback& f : list.items) items.push_back(FeedbackJson(f));
               return ApiReply{json{{"items", std::move(items)},
                                    {"total", list.total},
                                    {"limit", page.limit},
                                    {"offset", page.offset}}};
             }));
  router.Add("POST", "/api/v1/feedback/{id}/close",
             Api(app, [&store](http::Request& r, const Principal& p) -> Result<ApiReply> {
               TXNG_ASSIGN_OR_RETURN(int64_t id, PathId(r, "id", "feedback"));
               TXNG_ASSIGN_OR_RETURN(json body, ParseJsonObject(r.body));
               const std::string note = body.contains("note") && body["note"].is_string()
                                            ? body["note"].get<std::string>()
                                            : "";
               TXNG_ASSIGN_OR_RETURN(Feedback closed, CloseFeedbackFor(store, p, id, note));
               return ApiReply{FeedbackJson(closed)};
             }));
}

}  // namespace txng::handlers
