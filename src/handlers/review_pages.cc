// The reviewer's workspace pages (/review, /review/{kind}/{id},
// /review/audit), the directory (/directory/*) and account management
// (/admin/users). Thin: parse the form or query, call service/review.h or
// AccountService, render. Who may do what is decided by the services.
#include "handlers/review_pages.h"

#include <chrono>
#include <map>
#include <nlohmann/json.hpp>
#include <set>

#include "handlers/api_handler.h"
#include "handlers/page_support.h"
#include "http/problem.h"
#include "service/consumer.h"
#include "service/passwords.h"
#include "service/review.h"

namespace txng::handlers {
namespace {

using nlohmann::json;

constexpr UnixMillis kDayMs = 24LL * 60 * 60 * 1000;
// Dates typed into filters are calendar days in Vietnam (UTC+7).
constexpr UnixMillis kVietnamOffsetMs = 7LL * 60 * 60 * 1000;

std::string T(const AppContext& app, http::Lang lang, const std::string& key) {
  return std::string(app.renderer.catalogue().T(lang, key));
}

std::string StatusText(const AppContext& app, http::Lang lang, ReviewStatus s) {
  return Label(app.renderer, lang, "review.", std::string(ToString(s)));
}

std::string Trimmed(std::string s) {
  s.erase(0, s.find_first_not_of(" \t\r\n"));
  s.erase(s.find_last_not_of(" \t\r\n") + 1);
  return s;
}

std::string QueryText(const http::Request& req, const char* name) {
  return Trimmed(req.Query(name).value_or(""));
}

// A non-negative integer query parameter; nullopt when absent or empty.
Result<std::optional<int64_t>> Count(const http::Request& req, const char* name) {
  const std::string text = QueryText(req, name);
  if (text.empty()) return std::optional<int64_t>();
  int64_t value = 0;
  for (char c : text) {
    if (c < '0' || c > '9' || value > 1000000000) {
      return Status::InvalidArgument(std::string(name) + " must be a whole number", name);
    }
    value = value * 10 + (c - '0');
  }
  return std::optional<int64_t>(value);
}

// "yyyy-mm-dd" (a calendar day in Vietnam) → its first millisecond.
Result<std::optional<UnixMillis>> DayStart(const http::Request& req, const char* name) {
  const std::string text = QueryText(req, name);
  if (text.empty()) return std::optional<UnixMillis>();
  int y = 0;
  unsigned m = 0, d = 0;
  if (text.size() != 10 || std::sscanf(text.c_str(), "%4d-%2u-%2u", &y, &m, &d) != 3) {
    return Status::InvalidArgument(std::string(name) + " must be a date (yyyy-mm-dd)", name);
  }
  const std::chrono::year_month_day day{std::chrono::year(y), std::chrono::month(m),
                                        std::chrono::day(d)};
  if (!day.ok()) {
    return Status::InvalidArgument(std::string(name) + " must be a date (yyyy-mm-dd)", name);
  }
  const auto since = std::chrono::sys_days(day).time_since_epoch();
  return std::optional<UnixMillis>(
      std::chrono::duration_cast<std::chrono::milliseconds>(since).count() - kVietnamOffsetMs);
}

// The request's query string without `offset`, to build the pager's links.
std::string QueryWithout(const http::Request& req, std::string_view drop) {
  std::string out;
  const size_t q = req.target.find('?');
  if (q == std::string::npos) return out;
  for (auto& [k, v] : http::ParseQueryString(std::string_view(req.target).substr(q + 1))) {
    if (k == drop || k == "lang" || v.empty()) continue;
    out += (out.empty() ? "" : "&") + http::PercentEncode(k) + "=" + http::PercentEncode(v);
  }
  return out;
}

// {prev, next, from, to, total} links of a paginated list at `path`.
json Pager(const http::Request& req, const std::string& path, PageRequest page, int64_t total) {
  const std::string rest = QueryWithout(req, "offset");
  auto link = [&](int64_t offset) {
    std::string q = rest;
    if (offset > 0) q += (q.empty() ? "" : "&") + std::string("offset=") + std::to_string(offset);
    return path + (q.empty() ? "" : "?" + q);
  };
  json pager = {{"total", total},
                {"from", total == 0 ? 0 : page.offset + 1},
                {"to", std::min<int64_t>(total, page.offset + page.limit)}};
  if (page.offset > 0) pager["prev"] = link(std::max(0, page.offset - page.limit));
  if (page.offset + page.limit < total) pager["next"] = link(page.offset + page.limit);
  return pager;
}

// Options of a <select>: [{value, label, selected}], with an "all" entry first.
json Options(const std::vector<std::pair<std::string, std::string>>& values,
             const std::string& selected, const std::string& all_label) {
  json out = json::array();
  out.push_back({{"value", ""}, {"label", all_label}, {"selected", selected.empty()}});
  for (const auto& [value, label] : values) {
    out.push_back({{"value", value}, {"label", label}, {"selected", value == selected}});
  }
  return out;
}

// The districts and sectors of the organisations `p` may see, and the
// organisations themselves, for the filters' choices.
struct Choices {
  std::vector<std::pair<std::string, std::string>> orgs, districts, sectors;
};

Result<Choices> FilterChoices(AppContext& app, http::Lang lang, const Principal& p) {
  TXNG_ASSIGN_OR_RETURN(txng::Page<Organisation> orgs,
                        ListDirectoryOrganisations(app.store, p, {}, {.limit = 500, .offset = 0}));
  Choices c;
  std::set<std::string> districts, sectors;
  for (const Organisation& o : orgs.items) {
    c.orgs.emplace_back(std::to_string(o.id), o.name);
    if (!o.district.empty()) districts.insert(o.district);
    if (!o.sector.empty()) sectors.insert(o.sector);
  }
  for (const std::string& d : districts) c.districts.emplace_back(d, d);
  for (const std::string& s : sectors)
    c.sectors.emplace_back(s, Label(app.renderer, lang, "rw.sector_name.", s));
  return c;
}

json StatusOptions(const AppContext& app, http::Lang lang, const std::string& selected) {
  std::vector<std::pair<std::string, std::string>> values;
  for (ReviewStatus s : {ReviewStatus::kDraft, ReviewStatus::kPending, ReviewStatus::kApproved,
                         ReviewStatus::kRejected}) {
    values.emplace_back(std::string(ToString(s)), StatusText(app, lang, s));
  }
  return Options(values, selected, T(app, lang, "rw.all"));
}

json KindOptions(const AppContext& app, http::Lang lang, const std::string& selected) {
  std::vector<std::pair<std::string, std::string>> values;
  for (ReviewKind k : {ReviewKind::kOrganisation, ReviewKind::kProduct, ReviewKind::kLocation,
                       ReviewKind::kLot, ReviewKind::kEvent}) {
    values.emplace_back(std::string(ToString(k)),
                        Label(app.renderer, lang, "rw.kind.", std::string(ToString(k))));
  }
  return Options(values, selected, T(app, lang, "rw.all"));
}

// The stage of an event in plain words, as the journey shows it.
std::string StageText(const AppContext& app, http::Lang lang, const std::string& biz_step) {
  constexpr std::string_view kCbv = "https://ref.gs1.org/cbv/BizStep-";
  std::string word = biz_step.starts_with(kCbv) ? biz_step.substr(kCbv.size()) : biz_step;
  if (word.empty()) return T(app, lang, "stage.recorded");
  auto text = app.renderer.catalogue().Find(lang, "stage." + word);
  return text ? std::string(*text) : word;
}

// The title a queue row shows: events by their stage.
std::string RowTitle(const AppContext& app, http::Lang lang, const ReviewQueueItem& i) {
  if (i.kind != ReviewKind::kEvent) return i.title;
  const size_t space = i.title.find(' ');
  const std::string step = space == std::string::npos ? "" : i.title.substr(space + 1);
  return StageText(app, lang, step) + " (" + i.title.substr(0, space) + ")";
}

// ---- /review ----

struct QueueOutcome {
  int status = 200;
  std::string error;
  std::string notice;
};

http::Response QueuePage(AppContext& app, http::Request& req, const Principal& p,
                         const QueueOutcome& outcome = {}) {
  if (p.kind != Principal::Kind::kUser) return SignInFirst(req);
  const http::Lang lang = http::NegotiateLang(req);
  ReviewQueueFilter f;
  const std::string kind = QueryText(req, "kind");
  if (!kind.empty()) {
    f.kind = ParseReviewKind(kind);
    if (!f.kind) {
      return ErrorPage(app, req, p,
                       Status::InvalidArgument("kind must be organisation, product, location, "
                                               "lot or event",
                                               "kind"));
    }
  }
  f.district = QueryText(req, "district");
  f.sector = QueryText(req, "sector");
  auto org = Count(req, "org");
  auto age = Count(req, "age");
  auto page = PageFromQuery(req);
  for (const Status& s : {org.status(), age.status(), page.status()}) {
    if (!s.ok()) return ErrorPage(app, req, p, s);
  }
  if (*org) f.org_id = **org;
  if (*age) f.submitted_before = NowMillis() - **age * kDayMs;
  auto queue = ListReviewQueue(app.store, p, f, *page);
  if (!queue.ok()) return ErrorPage(app, req, p, queue.status());
  auto choices = FilterChoices(app, lang, p);
  if (!choices.ok()) return ErrorPage(app, req, p, choices.status());

  const bool can_decide = CanReview(p);
  const UnixMillis now = NowMillis();
  json rows = json::array();
  for (const ReviewQueueItem& i : queue->items) {
    const std::string k(ToString(i.kind));
    rows.push_back({{"key", k + ":" + std::to_string(i.id)},
                    {"url", "/review/" + k + "/" + std::to_string(i.id)},
                    {"kind", Label(app.renderer, lang, "rw.kind.", k)},
                    {"title", RowTitle(app, lang, i)},
                    {"org", i.org_name},
                    {"district", i.district},
                    {"submitted", http::DateValue(lang, i.submitted_at)},
                    {"days", std::max<int64_t>(0, (now - i.submitted_at) / kDayMs)}});
  }
  json data = LayoutData(req, p);
  data["can_decide"] = can_decide;
  data["any"] = !rows.empty();
  data["rows"] = std::move(rows);
  data["pager"] = Pager(req, "/review", *page, queue->total);
  data["filter"] = {
      {"kinds", KindOptions(app, lang, kind)},
      {"districts", Options(choices->districts, f.district, T(app, lang, "rw.all"))},
      {"sectors", Options(choices->sectors, f.sector, T(app, lang, "rw.all"))},
      {"orgs", Options(choices->orgs, *org ? std::to_string(**org) : "", T(app, lang, "rw.all"))},
      {"age", *age ? std::to_string(**age) : ""}};
  auto feedback = OpenFeedbackCount(app.store, p);
  if (!feedback.ok()) return ErrorPage(app, req, p, feedback.status());
  data["feedback_open"] = *feedback > 0 ? std::to_string(*feedback) : "";
  data["error"] = outcome.error;
  data["notice"] = outcome.notice;
  data["reason"] = FormValue(req, "reason");
  return Page(req, outcome.status, app.renderer.Render("review_queue", data, lang));
}

// The form's error message: the catalogue's for the errors a reviewer
// makes, the service's otherwise.
std::string DecisionError(const AppContext& app, http::Lang lang, const Status& s) {
  if (s.field() == "reason") return T(app, lang, "rw.error_reason");
  if (s.field() == "items") return T(app, lang, "rw.error_items");
  if (s.field() == "decision") return T(app, lang, "rw.error_decision");
  return s.message();
}

Result<ReviewDecision> DecisionFromForm(const http::Request& req) {
  ReviewDecision d;
  const std::string decision = FormValue(req, "decision");
  if (decision == "approve") {
    d.status = ReviewStatus::kApproved;
  } else if (decision == "reject") {
    d.status = ReviewStatus::kRejected;
  } else {
    return Status::InvalidArgument("decision must be 'approve' or 'reject'", "decision");
  }
  d.reason = Trimmed(FormValue(req, "reason"));
  return d;
}

// POST /review: the bulk decision over the checked rows.
http::Response QueueDecide(AppContext& app, http::Request& req, const Principal& p) {
  if (Status s = CheckCsrf(req, p); !s.ok()) return ErrorPage(app, req, p, s);
  const http::Lang lang = http::NegotiateLang(req);
  std::vector<ReviewTarget> targets;
  for (auto& [k, v] : req.FormFields()) {
    if (k != "item") continue;
    const size_t colon = v.find(':');
    auto kind = ParseReviewKind(std::string_view(v).substr(0, colon));
    int64_t id = 0;
    if (colon == std::string::npos || !kind ||
        std::sscanf(v.c_str() + colon + 1, "%ld", &id) != 1 || id <= 0) {
      return ErrorPage(app, req, p, Status::InvalidArgument("unknown record '" + v + "'", "item"));
    }
    targets.push_back({*kind, id});
  }
  Result<ReviewDecision> d = DecisionFromForm(req);
  Result<int64_t> decided =
      d.ok() ? DecideReviews(app.store, p, targets, *d) : Result<int64_t>(d.status());
  if (!decided.ok()) {
    const StatusCode code = decided.status().code();
    if (code != StatusCode::kInvalidArgument && code != StatusCode::kFailedPrecondition &&
        code != StatusCode::kNotFound) {
      return ErrorPage(app, req, p, decided.status());
    }
    return QueuePage(app, req, p,
                     {http::HttpStatusFor(code), DecisionError(app, lang, decided.status()), ""});
  }
  const std::string key =
      d->status == ReviewStatus::kApproved ? "rw.done_approved" : "rw.done_rejected";
  return QueuePage(app, req, p, {200, "", T(app, lang, key) + " " + std::to_string(*decided)});
}

// ---- /review/{kind}/{id} ----

void AddField(json& fields, std::string label, std::string value) {
  fields.push_back({{"label", std::move(label)}, {"value", std::move(value)}});
}

std::string Joined(const std::vector<std::string>& values) {
  std::string out;
  for (const std::string& v : values) out += (out.empty() ? "" : ", ") + v;
  return out;
}

std::string DayText(http::Lang lang, const std::string& iso) {
  json v = http::CalendarDateValue(lang, iso);
  return v.is_object() ? v["text"].get<std::string>() : "";
}

// What the public pages will show of the record, as [{label, value}];
// products use the public product page's labels and fields.
json PreviewFields(const AppContext& app, http::Lang lang, const ReviewItem& item) {
  json fields = json::array();
  const Organisation& org = item.org;
  switch (item.kind) {
    case ReviewKind::kOrganisation:
      AddField(fields, T(app, lang, "rw.org_name"), org.name);
      AddField(fields, T(app, lang, "rw.org_kind"),
               Label(app.renderer, lang, "org_kind.", std::string(ToString(org.kind))));
      AddField(fields, T(app, lang, "rw.tax_code"), org.tax_code);
      AddField(fields, T(app, lang, "rw.sector"),
               Label(app.renderer, lang, "rw.sector_name.", org.sector));
      AddField(fields, T(app, lang, "rw.district"), org.district);
      AddField(fields, T(app, lang, "product.item_address"), org.address);
      AddField(fields, T(app, lang, "rw.phone"), org.phone);
      AddField(fields, T(app, lang, "rw.email"), org.email);
      AddField(fields, T(app, lang, "rw.company_prefix"), org.gs1_company_prefix);
      AddField(fields, T(app, lang, "rw.gln"), org.gln);
      break;
    case ReviewKind::kProduct: {
      const Product& pr = *item.product;
      AddField(fields, T(app, lang, "product.item_name"),
               pr.name_vi + (pr.name_en.empty() ? "" : " / " + pr.name_en));
      AddField(fields, T(app, lang, "product.item_image"), pr.image_url);
      AddField(fields, T(app, lang, "product.item_producer"), org.name);
      AddField(
          fields, T(app, lang, "product.item_address"),
          org.address + (org.district.empty() || org.address.find(org.district) != std::string::npos
                             ? ""
                             : ", " + org.district));
      AddField(fields, T(app, lang, "product.item_trace_code"), pr.gtin + " · /01/" + pr.gtin);
      AddField(fields, T(app, lang, "product.item_brand"), pr.brand);
      AddField(fields, T(app, lang, "product.item_shelf_life"),
               pr.shelf_life_days
                   ? std::to_string(*pr.shelf_life_days) + " " + T(app, lang, "product.days")
                   : "");
      AddField(fields, T(app, lang, "product.item_standards"), pr.standards);
      AddField(fields, T(app, lang, "rw.category"),
               Label(app.renderer, lang, "category.", pr.category));
      AddField(fields, T(app, lang, "product.ocop"),
               pr.ocop_stars
                   ? std::to_string(pr.ocop_stars) + " " + T(app, lang, "product.stars_unit")
                   : "");
      AddField(fields, T(app, lang, "rw.description"), pr.description);
      break;
    }
    case ReviewKind::kLocation: {
      const Location& l = *item.location;
      AddField(fields, T(app, lang, "rw.location_name"), l.name);
      AddField(fields, T(app, lang, "rw.location_kind"),
               Label(app.renderer, lang, "location_kind.", std::string(ToString(l.kind))));
      AddField(fields, T(app, lang, "rw.gln"),
               l.gln + (l.gln_extension.empty() ? "" : " / " + l.gln_extension));
      AddField(fields, T(app, lang, "stage.code"), l.area_code);
      AddField(fields, T(app, lang, "product.item_address"), l.address);
      AddField(fields, T(app, lang, "rw.district"), l.district);
      if (l.latitude && l.longitude) {
        AddField(fields, T(app, lang, "rw.coordinates"),
                 json(*l.latitude).dump() + ", " + json(*l.longitude).dump());
      }
      AddField(fields, T(app, lang, "product.item_producer"), org.name);
      break;
    }
    case ReviewKind::kLot: {
      const Lot& lot = *item.lot;
      AddField(fields, T(app, lang, "product.item_name"), item.product->name_vi);
      AddField(fields, T(app, lang, "product.item_trace_code"),
               item.product->gtin + " · " + T(app, lang, "product.lot") + " " + lot.lot_code);
      AddField(fields, T(app, lang, "product.production_date"), DayText(lang, lot.production_date));
      AddField(fields, T(app, lang, "product.expiry_date"), DayText(lang, lot.expiry_date));
      AddField(fields, T(app, lang, "rw.quantity"),
               lot.quantity ? json(*lot.quantity).dump() + " " + lot.unit : "");
      AddField(fields, T(app, lang, "rw.location_name"), item.location ? item.location->name : "");
      AddField(fields, T(app, lang, "product.item_producer"), org.name);
      break;
    }
    case ReviewKind::kEvent: {
      const epcis::Event& e = item.event->event;
      std::vector<std::string> what = e.epc_list;
      for (const auto* list : {&e.child_epcs, &e.input_epc_list, &e.output_epc_list}) {
        what.insert(what.end(), list->begin(), list->end());
      }
      for (const auto* list : {&e.quantity_list, &e.child_quantity_list, &e.input_quantity_list,
                               &e.output_quantity_list}) {
        for (const auto& q : *list) what.push_back(q.epc_class);
      }
      if (!e.parent_id.empty()) what.insert(what.begin(), e.parent_id);
      AddField(fields, T(app, lang, "rw.event_stage"), StageText(app, lang, e.biz_step));
      AddField(fields, T(app, lang, "rw.event_what"), Joined(what));
      AddField(fields, T(app, lang, "rw.event_when"),
               e.event_time + " (" + e.event_time_zone_offset + ")");
      AddField(
          fields, T(app, lang, "rw.event_where"),
          Joined({e.read_point ? e.read_point->id : "", e.biz_location ? e.biz_location->id : ""}));
      AddField(fields, T(app, lang, "rw.event_why"), e.disposition);
      AddField(fields, T(app, lang, "product.item_producer"), org.name);
      break;
    }
  }
  // Empty values show as "not available" in the template.
  return fields;
}

struct ItemOutcome {
  int status = 200;
  std::string error;
};

http::Response ItemPage(AppContext& app, http::Request& req, const Principal& p,
                        const ItemOutcome& outcome = {}) {
  if (p.kind != Principal::Kind::kUser) return SignInFirst(req);
  const http::Lang lang = http::NegotiateLang(req);
  auto kind = ParseReviewKind(req.Param("kind"));
  if (!kind) return ErrorPage(app, req, p, Status::NotFound("no such kind of record"));
  auto id = PathId(req, "id", std::string(ToString(*kind)).c_str());
  if (!id.ok()) return ErrorPage(app, req, p, id.status());
  auto item = GetReviewItem(app.store, p, *kind, *id);
  if (!item.ok()) return ErrorPage(app, req, p, item.status());

  json history = json::array();
  for (const ReviewHistoryEntry& h : item->history) {
    history.push_back(
        {{"step", Label(app.renderer, lang, "rw.step.", std::string(ToString(h.step)))},
         {"when", http::DateTimeValue(lang, h.at)},
         {"actor", h.actor},
         {"reason", h.reason}});
  }
  const std::string k(ToString(*kind));
  json data = LayoutData(req, p);
  data["title"] = Label(app.renderer, lang, "rw.kind.", k) + " " + std::to_string(*id);
  data["item"] = {{"kind", Label(app.renderer, lang, "rw.kind.", k)},
                  {"id", *id},
                  {"action", "/review/" + k + "/" + std::to_string(*id)},
                  {"status", StatusText(app, lang, item->status)},
                  {"reason", item->reason},
                  {"org", item->org.name},
                  {"org_url", "/review/organisation/" + std::to_string(item->org.id)},
                  {"district", item->org.district},
                  {"submitted", item->submitted_at ? http::DateTimeValue(lang, *item->submitted_at)
                                                   : json(nullptr)}};
  data["fields"] = PreviewFields(app, lang, *item);
  data["history"] = std::move(history);
  data["can_decide"] = CanReview(p) && item->status == ReviewStatus::kPending;
  data["decided"] = req.Query("decided").has_value();
  data["error"] = outcome.error;
  data["reason"] = FormValue(req, "reason");
  return Page(req, outcome.status, app.renderer.Render("review_item", data, lang));
}

// POST /review/{kind}/{id}: one decision.
http::Response ItemDecide(AppContext& app, http::Request& req, const Principal& p) {
  if (Status s = CheckCsrf(req, p); !s.ok()) return ErrorPage(app, req, p, s);
  const http::Lang lang = http::NegotiateLang(req);
  auto kind = ParseReviewKind(req.Param("kind"));
  if (!kind) return ErrorPage(app, req, p, Status::NotFound("no such kind of record"));
  auto id = PathId(req, "id", std::string(ToString(*kind)).c_str());
  if (!id.ok()) return ErrorPage(app, req, p, id.status());
  // Out of scope or absent: 404 before anything else is said about it.
  if (auto item = GetReviewItem(app.store, p, *kind, *id); !item.ok()) {
    return ErrorPage(app, req, p, item.status());
  }
  Result<ReviewDecision> d = DecisionFromForm(req);
  Result<int64_t> decided =
      d.ok() ? DecideReviews(app.store, p, {{*kind, *id}}, *d) : Result<int64_t>(d.status());
  if (!decided.ok()) {
    const StatusCode code = decided.status().code();
    if (code != StatusCode::kInvalidArgument && code != StatusCode::kFailedPrecondition) {
      return ErrorPage(app, req, p, decided.status());
    }
    return ItemPage(app, req, p,
                    {http::HttpStatusFor(code), DecisionError(app, lang, decided.status())});
  }
  return http::Response::Redirect(
      303, "/review/" + std::string(ToString(*kind)) + "/" + std::to_string(*id) + "?decided=1");
}

// ---- /review/audit ----

http::Response AuditPage(AppContext& app, http::Request& req, const Principal& p) {
  if (p.kind != Principal::Kind::kUser) return SignInFirst(req);
  const http::Lang lang = http::NegotiateLang(req);
  AuditFilter f;
  f.actor = QueryText(req, "actor");
  f.action = QueryText(req, "action");
  f.entity = QueryText(req, "entity");
  f.entity_id = QueryText(req, "entity_id");
  f.newest_first = true;
  auto from = DayStart(req, "from");
  auto to = DayStart(req, "to");
  auto page = PageFromQuery(req);
  for (const Status& s : {from.status(), to.status(), page.status()}) {
    if (!s.ok()) return ErrorPage(app, req, p, s);
  }
  f.from = *from;
  if (*to) f.to = **to + kDayMs;  // the whole last day
  auto log = ListAuditLog(app.store, p, f, *page);
  if (!log.ok()) return ErrorPage(app, req, p, log.status());
  json rows = json::array();
  for (const AuditEntry& e : log->items) {
    rows.push_back({{"when", http::DateTimeValue(lang, e.at)},
                    {"actor", e.actor},
                    {"action", e.action},
                    {"entity", e.entity},
                    {"entity_id", e.entity_id},
                    {"detail", e.detail == "{}" ? "" : e.detail},
                    {"remote_addr", e.remote_addr}});
  }
  json data = LayoutData(req, p);
  data["any"] = !rows.empty();
  data["rows"] = std::move(rows);
  data["pager"] = Pager(req, "/review/audit", *page, log->total);
  data["filter"] = {{"actor", f.actor},
                    {"action", f.action},
                    {"entity", f.entity},
                    {"entity_id", f.entity_id},
                    {"from", QueryText(req, "from")},
                    {"to", QueryText(req, "to")}};
  return Page(req, 200, app.renderer.Render("review_audit", data, lang));
}

// ---- /directory ----

Result<DirectoryFilter> DirectoryFilterFrom(const http::Request& req) {
  DirectoryFilter f;
  f.district = QueryText(req, "district");
  f.sector = QueryText(req, "sector");
  f.text = QueryText(req, "q");
  TXNG_ASSIGN_OR_RETURN(f.review_status, ReviewStatusQuery(req));
  return f;
}

json DirectoryFilterData(const AppContext& app, http::Lang lang, const Choices& c,
                         const DirectoryFilter& f) {
  return {
      {"districts", Options(c.districts, f.district, T(app, lang, "rw.all"))},
      {"sectors", Options(c.sectors, f.sector, T(app, lang, "rw.all"))},
      {"statuses",
       StatusOptions(app, lang, f.review_status ? std::string(ToString(*f.review_status)) : "")},
      {"q", f.text}};
}

// One directory page: the filter and page from the query, `list(filter,
// page)` for the rows, `row(lang, item)` for each row's view data; the
// template `name` renders it and the pager links to `path`.
template <typename List, typename Row>
http::Response DirectoryPage(AppContext& app, http::Request& req, const Principal& p,
                             const std::string& name, const std::string& path, List list, Row row) {
  if (p.kind != Principal::Kind::kUser) return SignInFirst(req);
  const http::Lang lang = http::NegotiateLang(req);
  auto f = DirectoryFilterFrom(req);
  auto page = PageFromQuery(req);
  if (!f.ok()) return ErrorPage(app, req, p, f.status());
  if (!page.ok()) return ErrorPage(app, req, p, page.status());
  auto items = list(*f, *page);
  if (!items.ok()) return ErrorPage(app, req, p, items.status());
  auto choices = FilterChoices(app, lang, p);
  if (!choices.ok()) return ErrorPage(app, req, p, choices.status());
  json rows = json::array();
  for (const auto& item : items->items) rows.push_back(row(lang, item));
  json data = LayoutData(req, p);
  data["any"] = !rows.empty();
  data["rows"] = std::move(rows);
  data["pager"] = Pager(req, path, *page, items->total);
  data["filter"] = DirectoryFilterData(app, lang, *choices, *f);
  return Page(req, 200, app.renderer.Render(name, data, lang));
}

http::Response DirectoryOrganisationsPage(AppContext& app, http::Request& req, const Principal& p) {
  return DirectoryPage(
      app, req, p, "directory_organisations", "/directory/organisations",
      [&](const DirectoryFilter& f, PageRequest page) {
        return ListDirectoryOrganisations(app.store, p, f, page);
      },
      [&](http::Lang lang, const Organisation& o) -> json {
        return {{"url", "/review/organisation/" + std::to_string(o.id)},
                {"name", o.name},
                {"kind", Label(app.renderer, lang, "org_kind.", std::string(ToString(o.kind)))},
                {"tax_code", o.tax_code},
                {"district", o.district},
                {"sector", Label(app.renderer, lang, "rw.sector_name.", o.sector)},
                {"status", StatusText(app, lang, o.review_status)}};
      });
}

http::Response DirectoryProductsPage(AppContext& app, http::Request& req, const Principal& p) {
  return DirectoryPage(
      app, req, p, "directory_products", "/directory/products",
      [&](const DirectoryFilter& f, PageRequest page) {
        return ListDirectoryProducts(app.store, p, f, page);
      },
      [&](http::Lang lang, const DirectoryProduct& d) -> json {
        return {{"url", "/review/product/" + std::to_string(d.product.id)},
                {"name", d.product.name_vi},
                {"gtin", d.product.gtin},
                {"org", d.org_name},
                {"district", d.district},
                {"status", StatusText(app, lang, d.product.review_status)}};
      });
}

// ---- /admin/users ----

struct UsersOutcome {
  int status = 200;
  std::string error;
  std::string notice;
  std::string password;  // a one-time password to show once
};

http::Response UsersPage(AppContext& app, http::Request& req, const Principal& p,
                         const UsersOutcome& outcome = {}) {
  if (p.kind != Principal::Kind::kUser) return SignInFirst(req);
  const http::Lang lang = http::NegotiateLang(req);
  auto page = PageFromQuery(req);
  if (!page.ok()) return ErrorPage(app, req, p, page.status());
  auto users = app.accounts.ListUsersAsAdmin(p, *page);
  if (!users.ok()) return ErrorPage(app, req, p, users.status());
  OrganisationFilter all;
  auto orgs = app.store.ListOrganisations(all, {.limit = 500, .offset = 0});
  if (!orgs.ok()) return ErrorPage(app, req, p, orgs.status());
  std::map<int64_t, std::string> org_names;
  std::vector<std::pair<std::string, std::string>> org_options;
  for (const Organisation& o : orgs->items) {
    org_names[o.id] = o.name;
    org_options.emplace_back(std::to_string(o.id), o.name);
  }
  json rows = json::array();
  for (const User& u : users->items) {
    std::string scope =
        u.scope_sector.empty() ? "" : Label(app.renderer, lang, "rw.sector_name.", u.scope_sector);
    if (!u.scope_district.empty()) scope += (scope.empty() ? "" : " · ") + u.scope_district;
    rows.push_back({{"id", u.id},
                    {"username", u.username},
                    {"display_name", u.display_name},
                    {"role", Label(app.renderer, lang, "role.", std::string(ToString(u.role)))},
                    {"org", u.org_id ? org_names[*u.org_id] : ""},
                    {"scope", scope},
                    {"disabled", u.disabled},
                    {"self", p.user_id == u.id}});
  }
  std::vector<std::pair<std::string, std::string>> roles;
  for (Role r : {Role::kProducer, Role::kReviewer, Role::kOfficer, Role::kAdmin}) {
    roles.emplace_back(std::string(ToString(r)),
                       Label(app.renderer, lang, "role.", std::string(ToString(r))));
  }
  json role_options = json::array();
  const std::string chosen_role = FormValue(req, "role");
  for (const auto& [value, label] : roles) {
    role_options.push_back(
        {{"value", value}, {"label", label}, {"selected", value == chosen_role}});
  }
  json data = LayoutData(req, p);
  data["rows"] = std::move(rows);
  data["pager"] = Pager(req, "/admin/users", *page, users->total);
  data["roles"] = std::move(role_options);
  data["orgs"] = Options(org_options, FormValue(req, "org"), T(app, lang, "admin_users.no_org"));
  // A refused form keeps what was typed (never the password).
  const bool refill = !outcome.error.empty();
  auto typed = [&](const char* name) { return refill ? FormValue(req, name) : std::string(); };
  data["form"] = {{"username", typed("username")},
                  {"display_name", typed("display_name")},
                  {"scope_sector", typed("scope_sector")},
                  {"scope_district", typed("scope_district")}};
  data["error"] = outcome.error;
  data["notice"] = outcome.notice;
  data["password"] = outcome.password;
  return Page(req, outcome.status, app.renderer.Render("admin_users", data, lang));
}

// The page again with the error of a refused change (its status), or the
// error page when it is not the form's fault.
http::Response UsersRefused(AppContext& app, http::Request& req, const Principal& p,
                            const Status& s) {
  const StatusCode code = s.code();
  if (code != StatusCode::kInvalidArgument && code != StatusCode::kAlreadyExists &&
      code != StatusCode::kFailedPrecondition) {
    return ErrorPage(app, req, p, s);
  }
  return UsersPage(app, req, p, {http::HttpStatusFor(code), s.message(), "", ""});
}

http::Response UsersCreate(AppContext& app, http::Request& req, const Principal& p) {
  if (Status s = CheckCsrf(req, p); !s.ok()) return ErrorPage(app, req, p, s);
  const http::Lang lang = http::NegotiateLang(req);
  NewUser u;
  u.username = Trimmed(FormValue(req, "username"));
  u.display_name = Trimmed(FormValue(req, "display_name"));
  auto role = ParseRole(FormValue(req, "role"));
  if (!role) {
    return UsersRefused(
        app, req, p,
        Status::InvalidArgument("role must be producer, reviewer, officer or admin", "role"));
  }
  u.role = *role;
  const std::string org = FormValue(req, "org");
  if (!org.empty()) {
    int64_t id = 0;
    if (std::sscanf(org.c_str(), "%ld", &id) != 1) {
      return UsersRefused(app, req, p, Status::InvalidArgument("unknown organisation", "org"));
    }
    u.org_id = id;
  }
  u.scope_sector = Trimmed(FormValue(req, "scope_sector"));
  u.scope_district = Trimmed(FormValue(req, "scope_district"));
  u.password = FormValue(req, "password");
  const bool generated = u.password.empty();
  // 12 random bytes: 16 characters, shown once to the admin.
  if (generated) u.password = RandomToken(12);
  auto created = app.accounts.CreateUserAsAdmin(p, u);
  if (!created.ok()) return UsersRefused(app, req, p, created.status());
  return UsersPage(app, req, p,
                   {201, "", T(app, lang, "admin_users.created") + " " + created->username,
                    generated ? u.password : ""});
}

Result<int64_t> UserIdParam(const http::Request& req) { return PathId(req, "id", "user"); }

http::Response UsersSetDisabled(AppContext& app, http::Request& req, const Principal& p,
                                bool disabled) {
  if (Status s = CheckCsrf(req, p); !s.ok()) return ErrorPage(app, req, p, s);
  const http::Lang lang = http::NegotiateLang(req);
  auto id = UserIdParam(req);
  if (!id.ok()) return ErrorPage(app, req, p, id.status());
  if (Status s = app.accounts.SetDisabledAsAdmin(p, *id, disabled); !s.ok()) {
    return UsersRefused(app, req, p, s);
  }
  return UsersPage(
      app, req, p,
      {200, "", T(app, lang, disabled ? "admin_users.disabled_done" : "admin_users.enabled_done"),
       ""});
}

http::Response UsersResetPassword(AppContext& app, http::Request& req, const Principal& p) {
  if (Status s = CheckCsrf(req, p); !s.ok()) return ErrorPage(app, req, p, s);
  const http::Lang lang = http::NegotiateLang(req);
  auto id = UserIdParam(req);
  if (!id.ok()) return ErrorPage(app, req, p, id.status());
  const std::string wanted = FormValue(req, "password");
  auto password = app.accounts.ResetPasswordAsAdmin(p, *id, wanted);
  if (!password.ok()) return UsersRefused(app, req, p, password.status());
  return UsersPage(
      app, req, p,
      {200, "", T(app, lang, "admin_users.password_done"), wanted.empty() ? *password : ""});
}

}  // namespace

void RegisterReviewPages(http::Router& router, AppContext& app) {
  router.Add("GET", "/review",
             PageHandler(app, [](AppContext& a, http::Request& r, const Principal& p) {
               return QueuePage(a, r, p);
             }));
  router.Add("POST", "/review", PageHandler(app, QueueDecide));
  router.Add("GET", "/review/audit", PageHandler(app, AuditPage));
  router.Add("GET", "/review/{kind}/{id}",
             PageHandler(app, [](AppContext& a, http::Request& r, const Principal& p) {
               return ItemPage(a, r, p);
             }));
  router.Add("POST", "/review/{kind}/{id}", PageHandler(app, ItemDecide));
  router.Add("GET", "/directory/organisations", PageHandler(app, DirectoryOrganisationsPage));
  router.Add("GET", "/directory/products", PageHandler(app, DirectoryProductsPage));
  router.Add("GET", "/admin/users",
             PageHandler(app, [](AppContext& a, http::Request& r, const Principal& p) {
               return UsersPage(a, r, p);
             }));
  router.Add("POST", "/admin/users", PageHandler(app, UsersCreate));
  router.Add("POST", "/admin/users/{id}/disable",
             PageHandler(app, [](AppContext& a, http::Request& r, const Principal& p) {
               return UsersSetDisabled(a, r, p, true);
             }));
  router.Add("POST", "/admin/users/{id}/enable",
             PageHandler(app, [](AppContext& a, http::Request& r, const Principal& p) {
               return UsersSetDisabled(a, r, p, false);
             }));
  router.Add("POST", "/admin/users/{id}/password", PageHandler(app, UsersResetPassword));
}

}  // namespace txng::handlers
