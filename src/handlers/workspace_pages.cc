#include "handlers/workspace_pages.h"

#include <charconv>
#include <cstdio>
#include <functional>
#include <map>
#include <nlohmann/json.hpp>
#include <optional>

#include "handlers/api_handler.h"
#include "handlers/api_labels.h"
#include "handlers/auth.h"
#include "handlers/page_support.h"
#include "http/multipart.h"
#include "http/problem.h"
#include "service/labels.h"
#include "service/workspace.h"

namespace txng::handlers {
namespace {

using nlohmann::json;

// Every workspace page is the "workspace" template with one view section
// (the template's comment lists them) inside the workspace frame.
struct View {
  AppContext& app;
  http::Request& req;
  const Principal& p;
  http::Lang lang;
  json data;

  std::string T(std::string_view key) const {
    return std::string(app.renderer.catalogue().T(lang, key));
  }

  http::Response Render(int status = 200) {
    return Page(req, status, app.renderer.Render("workspace", data, lang));
  }
};

// The submitted form fields, first value of each name.
class Form {
 public:
  explicit Form(const http::Request& req) {
    for (auto& [k, v] : req.FormFields()) fields_.emplace(k, v);
  }
  std::string Get(const std::string& name) const {
    auto it = fields_.find(name);
    return it == fields_.end() ? "" : Trim(it->second);
  }

 private:
  static std::string Trim(const std::string& s) {
    const size_t b = s.find_first_not_of(" \t\r\n");
    if (b == std::string::npos) return "";
    return s.substr(b, s.find_last_not_of(" \t\r\n") - b + 1);
  }
  std::map<std::string, std::string> fields_;
};

std::optional<int64_t> ParseInt64(const std::string& s) {
  int64_t v = 0;
  auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
  if (ec != std::errc() || end != s.data() + s.size() || s.empty()) return std::nullopt;
  return v;
}

std::optional<double> ParseDouble(const std::string& s) {
  double v = 0;
  auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
  if (ec != std::errc() || end != s.data() + s.size() || s.empty()) return std::nullopt;
  return v;
}

// "" → cleared; otherwise a whole number or kInvalidArgument for `field`.
Result<std::optional<int64_t>> OptionalInt(const Form& f, const std::string& field,
                                           const std::string& message) {
  const std::string v = f.Get(field);
  if (v.empty()) return std::optional<int64_t>();
  auto n = ParseInt64(v);
  if (!n) return Status::InvalidArgument(message, field);
  return std::optional<int64_t>(*n);
}

Result<std::optional<double>> OptionalNumber(const Form& f, const std::string& field,
                                             const std::string& message) {
  std::string v = f.Get(field);
  if (v.empty()) return std::optional<double>();
  for (char& c : v) {
    if (c == ',') c = '.';  // Vietnamese decimal comma
  }
  auto n = ParseDouble(v);
  if (!n) return Status::InvalidArgument(message, field);
  return std::optional<double>(*n);
}

std::string NumberText(std::optional<double> v) {
  if (!v) return "";
  char text[32];
  std::snprintf(text, sizeof text, "%.10g", *v);
  return text;
}

bool Editable(ReviewStatus s) { return s == ReviewStatus::kDraft || s == ReviewStatus::kRejected; }

// The review facts every record row shows.
json ReviewFacts(const View& v, ReviewStatus s, const std::string& reason,
                 std::optional<UnixMillis> reviewed_at) {
  const std::string key(ToString(s));
  json j = {{"status", Label(v.app.renderer, v.lang, "review.", key)},
            {"status_key", key},
            {"reason", s == ReviewStatus::kRejected ? reason : ""},
            {"editable", Editable(s)},
            {"submittable", Editable(s)}};
  if (reviewed_at) j["reviewed"] = http::DateValue(v.lang, *reviewed_at);
  return j;
}

// "shelfLifeDays" → "shelf_life_days": a form field's name as a catalogue key segment.
std::string KeySegment(std::string_view field) {
  std::string out;
  for (char c : field) {
    if (c >= 'A' && c <= 'Z') {
      out += '_';
      out += static_cast<char>(c - 'A' + 'a');
    } else {
      out += c;
    }
  }
  return out;
}

// The error of a failed form and the field to mark. A service's message
// (`from_service`) names the rule precisely but in English, as the API gives
// it; when the catalogue says how to fix that field ("ws.fix.<field in
// snake case>"), that comes first in the reader's language.
void SetFormError(View& v, const Status& s, bool from_service = false) {
  std::string message = s.message();
  if (!s.field().empty()) {
    const auto fix = v.app.renderer.catalogue().Find(v.lang, "ws.fix." + KeySegment(s.field()));
    if (from_service && fix) message = std::string(*fix) + " (" + message + ")";
    v.data["invalid"][s.field()] = true;
  }
  v.data["error"] = {{"message", message}};
}

int FormErrorStatus(const Status& s) { return http::HttpStatusFor(s.code()); }

// Options for a <select>: {value, label, selected}.
json Options(const std::vector<std::pair<std::string, std::string>>& values,
             const std::string& selected) {
  json out = json::array();
  for (const auto& [value, label] : values) {
    out.push_back({{"value", value}, {"label", label}, {"selected", value == selected}});
  }
  return out;
}

json StatusOptions(const View& v, const std::string& selected) {
  std::vector<std::pair<std::string, std::string>> values = {{"", v.T("ws.filter_all")}};
  for (const char* s : {"draft", "pending", "approved", "rejected"}) {
    values.emplace_back(s, Label(v.app.renderer, v.lang, "review.", s));
  }
  return Options(values, selected);
}

json CategoryOptions(const View& v, const std::string& selected, bool any) {
  std::vector<std::pair<std::string, std::string>> values;
  values.emplace_back("", any ? v.T("ws.filter_all") : v.T("ws.choose"));
  bool known = selected.empty();
  for (const char* c :
       {"cashew", "pepper", "durian", "honey", "coffee", "rubber", "fruit", "other"}) {
    values.emplace_back(c, Label(v.app.renderer, v.lang, "category.", c));
    known = known || selected == c;
  }
  if (!known) values.emplace_back(selected, selected);  // a category set through the API
  return Options(values, selected);
}

// Why the caller may not do this in the workspace, as the response: visitors
// sign in first, users without an organisation get the 403 page, and a
// write (`write`) without the session's CSRF token gets 403; nullopt when
// the caller may go on.
std::optional<http::Response> Refusal(AppContext& app, const http::Request& req, const Principal& p,
                                      bool write) {
  if (p.kind != Principal::Kind::kUser) {
    if (write) return ErrorPage(app, req, p, Status::Unauthenticated("sign in first"));
    return SignInFirst(req);
  }
  if (p.role != Role::kProducer || !p.org_id) {
    const http::Lang lang = http::NegotiateLang(req);
    return ErrorPage(
        app, req, p,
        Status::PermissionDenied(std::string(app.renderer.catalogue().T(lang, "ws.no_org"))));
  }
  if (write) {
    if (Status s = CheckCsrf(req, p); !s.ok()) return ErrorPage(app, req, p, s);
  }
  return std::nullopt;
}

// The frame's data for `section` (the caller's organisation, the menu, the
// confirmation of the last action); nullopt with `out` set to the response
// when the caller may not be here (Refusal).
std::optional<View> Enter(AppContext& app, http::Request& req, const Principal& p,
                          const char* section, http::Response& out, bool write = false) {
  if (auto refused = Refusal(app, req, p, write)) {
    out = std::move(*refused);
    return std::nullopt;
  }
  const http::Lang lang = http::NegotiateLang(req);
  auto org = app.store.GetOrganisation(*p.org_id);
  if (!org.ok()) {
    out = ErrorPage(app, req, p, org.status());
    return std::nullopt;
  }
  View v{app, req, p, lang, LayoutData(req, p)};
  v.data["title"] = v.T(std::string("ws.") + section + ".title");
  v.data["ws"] = {{"org", org->name}, {"nav", {{section, true}}}};
  if (auto done = req.Query("done")) {
    auto text = app.renderer.catalogue().Find(lang, "ws.done." + *done);
    if (text) v.data["done"] = std::string(*text);
  }
  return v;
}

// The first lines of every workspace handler: enter `section` (a write
// also checks the CSRF token) or return the refusal; `v` is the view.
#define TXNG_ENTER(section, write)                            \
  http::Response refused;                                     \
  auto entered = Enter(app, req, p, section, refused, write); \
  if (!entered) return refused;                               \
  View& v = *entered

http::Response Redirect(const std::string& to) { return http::Response::Redirect(303, to); }

// ---- Products, locations and lots: one form each ----

// What the new, edit and save pages of one record kind need. Each kind is
// a draft of the caller's organisation until submitted (catalog.h).
template <typename Record, typename Fields>
struct RecordForm {
  const char* noun;     // "product": PathId's noun and the view's data key
  const char* section;  // "products": the path below /workspace/
  std::function<Result<Record>(int64_t id)> get;
  std::function<Result<Fields>(const Form&)> fields;
  std::function<Result<Record>(const Fields&)> create;
  std::function<Result<Record>(int64_t id, const Fields&)> update;
  std::function<std::string(const Record*)> title;  // nullptr: a new one
  std::function<json(const Record*, const Form*)> data;
};

// The caller's own record at the path's {id}. Other organisations' records
// are not found here, approved ones (public elsewhere) included.
template <typename Record, typename Fields>
Result<Record> Own(const View& v, const RecordForm<Record, Fields>& f) {
  TXNG_ASSIGN_OR_RETURN(int64_t id, PathId(v.req, "id", f.noun));
  Result<Record> r = f.get(id);
  if (!r.ok() || r->org_id != *v.p.org_id) {
    return Status::NotFound(std::string(f.noun) + " " + std::to_string(id) + " not found");
  }
  return r;
}

// The form for a record (nullptr: a new one), with the submitted values and
// the error when `form` is given.
template <typename Record, typename Fields>
http::Response RenderForm(View& v, const RecordForm<Record, Fields>& f, const Record* r,
                          const Form* form = nullptr, const Status* error = nullptr,
                          bool service_error = false) {
  v.data["title"] = f.title(r);
  v.data[f.noun] = f.data(r, form);
  if (error == nullptr) return v.Render();
  SetFormError(v, *error, service_error);
  return v.Render(FormErrorStatus(*error));
}

// GET /workspace/{section}/{id}.
template <typename Record, typename Fields>
http::Response EditRecord(View& v, const RecordForm<Record, Fields>& f) {
  Result<Record> r = Own(v, f);
  if (!r.ok()) return ErrorPage(v.app, v.req, v.p, r.status());
  return RenderForm(v, f, &*r);
}

// POST /workspace/{section} and /workspace/{section}/{id}: creates or
// changes the record and goes to its page, or shows the form again with the
// submitted values and the error.
template <typename Record, typename Fields>
http::Response SaveRecord(View& v, const RecordForm<Record, Fields>& f) {
  const bool create = v.req.Param("id").empty();
  std::optional<Record> existing;
  if (!create) {
    Result<Record> r = Own(v, f);
    if (!r.ok()) return ErrorPage(v.app, v.req, v.p, r.status());
    existing = std::move(r).value();
  }
  const Form form(v.req);
  Result<Fields> fields = f.fields(form);
  Result<Record> saved = !fields.ok() ? Result<Record>(fields.status())
                         : create     ? f.create(*fields)
                                      : f.update(existing->id, *fields);
  if (saved.ok()) {
    return Redirect("/workspace/" + std::string(f.section) + "/" + std::to_string(saved->id) +
                    (create ? "?done=created" : "?done=saved"));
  }
  return RenderForm(v, f, existing ? &*existing : nullptr, &form, &saved.status(),
                    /*service_error=*/fields.ok());
}

// POST /workspace/{section}/{id}/submit: draft or rejected → pending; back to
// the record's page, or to the submissions list when the form came from there.
http::Response SubmitRecord(AppContext& app, http::Request& req, const Principal& p,
                            const char* noun, const char* section,
                            const std::function<Status(int64_t id)>& submit) {
  if (auto refused = Refusal(app, req, p, true)) return std::move(*refused);
  auto id = PathId(req, "id", noun);
  if (!id.ok()) return ErrorPage(app, req, p, id.status());
  if (Status done = submit(*id); !done.ok()) return ErrorPage(app, req, p, done);
  return Redirect(FormValue(req, "next") == "/workspace/submissions"
                      ? "/workspace/submissions?done=submitted"
                      : "/workspace/" + std::string(section) + "/" + std::to_string(*id) +
                            "?done=submitted");
}

// ---- Home ----

template <typename Filter, typename ListFn>
Result<json> CountByStatus(const View& v, ListFn list) {
  json counts = json::object();
  for (ReviewStatus s : {ReviewStatus::kDraft, ReviewStatus::kPending, ReviewStatus::kApproved,
                         ReviewStatus::kRejected}) {
    Filter f;
    f.org_id = v.p.org_id;
    f.review_status = s;
    TXNG_ASSIGN_OR_RETURN(auto page, list(f));
    counts[std::string(ToString(s))] = page.total;
  }
  return counts;
}

http::Response Home(AppContext& app, http::Request& req, const Principal& p) {
  TXNG_ENTER("home", false);
  const PageRequest one{.limit = 1, .offset = 0};
  Store& store = app.store;
  auto products = CountByStatus<ProductFilter>(
      v, [&](const ProductFilter& f) { return store.ListProducts(f, one); });
  auto locations = CountByStatus<LocationFilter>(
      v, [&](const LocationFilter& f) { return store.ListLocations(f, one); });
  auto lots =
      CountByStatus<LotFilter>(v, [&](const LotFilter& f) { return store.ListLots(f, one); });
  for (const auto* r : {&products, &locations, &lots}) {
    if (!r->ok()) return ErrorPage(app, req, p, r->status());
  }
  v.data["home"] = {{"products", *products}, {"locations", *locations}, {"lots", *lots}};
  return v.Render();
}

// ---- Profile ----

json ProfileData(View& v, const Organisation& o) {
  return {{"name", o.name},
          {"taxCode", o.tax_code},
          {"address", o.address},
          {"district", o.district},
          {"phone", o.phone},
          {"email", o.email},
          {"kind", Label(v.app.renderer, v.lang, "org_kind.", std::string(ToString(o.kind)))},
          {"sector", o.sector},
          {"gs1_company_prefix", o.gs1_company_prefix},
          {"gln", o.gln},
          {"review", ReviewFacts(v, o.review_status, "", std::nullopt)},
          {"can_edit", Editable(o.review_status)}};
}

http::Response ProfilePage(AppContext& app, http::Request& req, const Principal& p) {
  TXNG_ENTER("profile", false);
  auto org = GetOwnOrganisation(app.store, p);
  if (!org.ok()) return ErrorPage(app, req, p, org.status());
  v.data["profile"] = ProfileData(v, *org);
  return v.Render();
}

http::Response ProfileSave(AppContext& app, http::Request& req, const Principal& p) {
  TXNG_ENTER("profile", true);
  const Form form(req);
  ProfileFields f;
  f.name = form.Get("name");
  f.tax_code = form.Get("taxCode");
  f.address = form.Get("address");
  f.district = form.Get("district");
  f.phone = form.Get("phone");
  f.email = form.Get("email");
  auto saved = UpdateOwnOrganisation(app.store, p, f);
  if (saved.ok()) return Redirect("/workspace/profile?done=saved");
  auto org = GetOwnOrganisation(app.store, p);
  if (!org.ok()) return ErrorPage(app, req, p, org.status());
  json profile = ProfileData(v, *org);
  for (const char* k : {"name", "taxCode", "address", "district", "phone", "email"}) {
    profile[k] = form.Get(k);
  }
  v.data["profile"] = std::move(profile);
  SetFormError(v, saved.status(), /*from_service=*/true);
  return v.Render(FormErrorStatus(saved.status()));
}

http::Response ProfileSubmit(AppContext& app, http::Request& req, const Principal& p) {
  if (auto refused = Refusal(app, req, p, true)) return std::move(*refused);
  auto done = SubmitOwnOrganisation(app.store, p);
  if (!done.ok()) return ErrorPage(app, req, p, done.status());
  return Redirect("/workspace/profile?done=submitted");
}

// ---- Products ----

json ProductRow(const View& v, const Product& pr) {
  json row = {{"id", pr.id},
              {"url", "/workspace/products/" + std::to_string(pr.id)},
              {"name", pr.name_vi},
              {"gtin", pr.gtin},
              {"category", Label(v.app.renderer, v.lang, "category.", pr.category)},
              {"review", ReviewFacts(v, pr.review_status, pr.review_reason, pr.reviewed_at)}};
  return row;
}

http::Response ProductsPage(AppContext& app, http::Request& req, const Principal& p) {
  TXNG_ENTER("products", false);
  ProductFilter f;
  const std::string status = req.Query("status").value_or("");
  const std::string category = req.Query("category").value_or("");
  f.review_status = ParseReviewStatus(status);
  f.category = category;
  auto page = app.catalog.ListProducts(p, f, {.limit = 500, .offset = 0});
  if (!page.ok()) return ErrorPage(app, req, p, page.status());
  json rows = json::array();
  for (const Product& pr : page->items) rows.push_back(ProductRow(v, pr));
  v.data["products"] = {{"rows", rows},
                        {"any", !rows.empty()},
                        {"total", page->total},
                        {"status_options", StatusOptions(v, f.review_status ? status : "")},
                        {"category_options", CategoryOptions(v, category, true)}};
  return v.Render();
}

// The product form's values: from the record, then the submitted form.
json ProductFormData(View& v, const Product* pr, const Form* form) {
  json f = json::object();
  if (pr) {
    f = {{"gtin", pr->gtin},
         {"nameVi", pr->name_vi},
         {"nameEn", pr->name_en},
         {"category", pr->category},
         {"brand", pr->brand},
         {"description", pr->description},
         {"standards", pr->standards},
         {"shelfLifeDays", pr->shelf_life_days ? std::to_string(*pr->shelf_life_days) : ""},
         {"ocopStars", std::to_string(pr->ocop_stars)},
         {"priority", pr->priority}};
  }
  if (form) {
    for (const char* k : {"gtin", "nameVi", "nameEn", "category", "brand", "description",
                          "standards", "shelfLifeDays", "ocopStars", "priority"}) {
      f[k] = form->Get(k);
    }
  }
  const std::string category = f.value("category", "");
  const std::string ocop = f.value("ocopStars", "0");
  const std::string priority = f.value("priority", "");
  json out = {
      {"f", f},
      {"category_options", CategoryOptions(v, category, false)},
      {"ocop_options",
       Options({{"0", v.T("ws.product.ocop_none")}, {"3", "3 ★"}, {"4", "4 ★"}, {"5", "5 ★"}},
               ocop)},
      {"priority_options",
       Options({{"", v.T("ws.product.priority_none")},
                {"key", Label(v.app.renderer, v.lang, "priority.", "key")},
                {"distinctive", Label(v.app.renderer, v.lang, "priority.", "distinctive")},
                {"potential", Label(v.app.renderer, v.lang, "priority.", "potential")}},
               priority)}};
  if (pr) {
    out["id"] = pr->id;
    out["action"] = "/workspace/products/" + std::to_string(pr->id);
    out["review"] = ReviewFacts(v, pr->review_status, pr->review_reason, pr->reviewed_at);
    out["upload_url"] = "/workspace/products/" + std::to_string(pr->id) + "/image";
    out["submit_url"] = "/workspace/products/" + std::to_string(pr->id) + "/submit";
    out["max_image_kib"] = v.app.site.max_image_bytes / 1024;
    out["can_edit"] = Editable(pr->review_status);
  } else {
    out["action"] = "/workspace/products";
    out["is_new"] = true;
    out["can_edit"] = true;
  }
  return out;
}

// Adds the product's photo (its thumbnails' URLs and sizes) to the form data.
void AddPhoto(View& v, const Product& pr, json& form) {
  const std::string prefix = "/media/";
  if (!pr.image_url.starts_with(prefix)) {
    if (!pr.image_url.empty()) form["photo"] = {{"url", pr.image_url}};
    return;
  }
  auto id = ParseInt64(
      pr.image_url.substr(prefix.size(), pr.image_url.find('/', prefix.size()) - prefix.size()));
  if (!id) return;
  auto image = v.app.store.GetImage(*id);
  if (!image.ok()) return;
  form["photo"] = {{"url", MediaPath(image->id, "large")},
                   {"width", image->large.width},
                   {"height", image->large.height},
                   {"small_url", MediaPath(image->id, "small")}};
}

Result<ProductFields> ProductFieldsFrom(const View& v, const Form& form) {
  ProductFields f;
  f.gtin = form.Get("gtin");
  f.name_vi = form.Get("nameVi");
  f.name_en = form.Get("nameEn");
  f.category = form.Get("category");
  f.brand = form.Get("brand");
  f.description = form.Get("description");
  f.standards = form.Get("standards");
  f.priority = form.Get("priority");
  TXNG_ASSIGN_OR_RETURN(std::optional<int64_t> shelf,
                        OptionalInt(form, "shelfLifeDays", v.T("ws.error.shelf_life")));
  f.shelf_life_days.emplace(std::nullopt);  // cleared unless given
  if (shelf) {
    if (*shelf < 1 || *shelf > 36500) {
      return Status::InvalidArgument("shelf life must be between 1 and 36500 days",
                                     "shelfLifeDays");
    }
    f.shelf_life_days.emplace(static_cast<int32_t>(*shelf));
  }
  TXNG_ASSIGN_OR_RETURN(std::optional<int64_t> ocop,
                        OptionalInt(form, "ocopStars", v.T("ws.error.ocop")));
  // Out of range: -1, which CatalogService refuses with its OCOP message.
  const int64_t stars = ocop.value_or(0);
  f.ocop_stars = stars >= 0 && stars <= 5 ? static_cast<int32_t>(stars) : -1;
  return f;
}

RecordForm<Product, ProductFields> ProductForm(View& v) {
  CatalogService& catalog = v.app.catalog;
  const Principal& p = v.p;
  return {
      .noun = "product",
      .section = "products",
      .get = [&catalog, &p](int64_t id) { return catalog.GetProduct(p, id); },
      .fields = [&v](const Form& form) { return ProductFieldsFrom(v, form); },
      .create = [&catalog, &p](const ProductFields& f) { return catalog.CreateProduct(p, f); },
      .update = [&catalog, &p](int64_t id,
                               const ProductFields& f) { return catalog.UpdateProduct(p, id, f); },
      .title = [&v](const Product* pr) { return pr ? pr->name_vi : v.T("ws.product.new_title"); },
      .data =
          [&v](const Product* pr, const Form* form) {
            json data = ProductFormData(v, pr, form);
            if (pr) AddPhoto(v, *pr, data);
            return data;
          },
  };
}

http::Response ProductNew(AppContext& app, http::Request& req, const Principal& p) {
  TXNG_ENTER("products", false);
  return RenderForm(v, ProductForm(v), static_cast<const Product*>(nullptr));
}

http::Response ProductEdit(AppContext& app, http::Request& req, const Principal& p) {
  TXNG_ENTER("products", false);
  return EditRecord(v, ProductForm(v));
}

http::Response ProductSave(AppContext& app, http::Request& req, const Principal& p) {
  TXNG_ENTER("products", true);
  return SaveRecord(v, ProductForm(v));
}

http::Response ProductImage(AppContext& app, http::Request& req, const Principal& p) {
  TXNG_ENTER("products", true);
  const RecordForm<Product, ProductFields> f = ProductForm(v);
  auto pr = Own(v, f);
  if (!pr.ok()) return ErrorPage(app, req, p, pr.status());
  const int64_t id = pr->id;
  std::string_view bytes;
  Result<std::vector<http::FormPart>> parts =
      http::ParseMultipart(req.Header("content-type").value_or(""), req.body);
  if (parts.ok()) {
    for (const http::FormPart& part : *parts) {
      if (part.is_file && part.name == "image") bytes = part.data;
    }
  }
  ImageOptions options;
  options.max_bytes = app.site.max_image_bytes;
  Result<StoredImage> saved =
      parts.ok() ? SetProductImage(app.store, app.catalog, p, id, bytes, options)
                 : Result<StoredImage>(Status::InvalidArgument(parts.status().message(), "image"));
  if (saved.ok()) return Redirect("/workspace/products/" + std::to_string(id) + "?done=image");
  // Only a refused picture goes back to the form; anything else (the
  // product is locked, the database fails) is the error page.
  const StatusCode code = saved.status().code();
  if (code != StatusCode::kInvalidArgument && code != StatusCode::kPayloadTooLarge) {
    return ErrorPage(app, req, p, saved.status());
  }
  v.data["title"] = f.title(&*pr);
  v.data["product"] = f.data(&*pr, nullptr);
  // The picture's own error, beside the upload field.
  Status s = saved.status();
  const bool too_large = code == StatusCode::kPayloadTooLarge;
  v.data["upload_error"] = {
      {"message", (too_large ? v.T("ws.error.image_too_large") : v.T("ws.error.image_refused")) +
                      " (" + s.message() + ")"}};
  v.data["invalid"]["image"] = true;
  return v.Render(FormErrorStatus(s));
}

http::Response ProductSubmit(AppContext& app, http::Request& req, const Principal& p) {
  return SubmitRecord(app, req, p, "product", "products",
                      [&](int64_t id) { return app.catalog.SubmitProduct(p, id).status(); });
}

// ---- Locations ----

json LocationKindOptions(const View& v, const std::string& selected) {
  std::vector<std::pair<std::string, std::string>> values;
  for (const char* k : {"farm", "growing_area", "packing_house", "factory", "warehouse", "shop"}) {
    values.emplace_back(k, Label(v.app.renderer, v.lang, "location_kind.", k));
  }
  return Options(values, selected);
}

http::Response LocationsPage(AppContext& app, http::Request& req, const Principal& p) {
  TXNG_ENTER("locations", false);
  LocationFilter f;
  const std::string status = req.Query("status").value_or("");
  f.review_status = ParseReviewStatus(status);
  auto page = app.catalog.ListLocations(p, f, {.limit = 500, .offset = 0});
  if (!page.ok()) return ErrorPage(app, req, p, page.status());
  json rows = json::array();
  for (const Location& l : page->items) {
    rows.push_back(
        {{"url", "/workspace/locations/" + std::to_string(l.id)},
         {"name", l.name},
         {"kind", Label(app.renderer, v.lang, "location_kind.", std::string(ToString(l.kind)))},
         {"gln", l.gln + (l.gln_extension.empty() ? "" : " / " + l.gln_extension)},
         {"area_code", l.area_code},
         {"review", ReviewFacts(v, l.review_status, l.review_reason, l.reviewed_at)}});
  }
  v.data["locations"] = {{"rows", rows},
                         {"any", !rows.empty()},
                         {"status_options", StatusOptions(v, f.review_status ? status : "")}};
  return v.Render();
}

json LocationFormData(View& v, const Location* l, const Form* form) {
  json f = json::object();
  if (l) {
    f = {{"gln", l->gln},
         {"glnExtension", l->gln_extension},
         {"name", l->name},
         {"kind", std::string(ToString(l->kind))},
         {"address", l->address},
         {"district", l->district},
         {"areaCode", l->area_code},
         {"latitude", NumberText(l->latitude)},
         {"longitude", NumberText(l->longitude)}};
  }
  if (form) {
    for (const char* k : {"gln", "glnExtension", "name", "kind", "address", "district", "areaCode",
                          "latitude", "longitude"}) {
      f[k] = form->Get(k);
    }
  }
  json out = {{"f", f}, {"kind_options", LocationKindOptions(v, f.value("kind", "farm"))}};
  if (l) {
    out["action"] = "/workspace/locations/" + std::to_string(l->id);
    out["submit_url"] = "/workspace/locations/" + std::to_string(l->id) + "/submit";
    out["review"] = ReviewFacts(v, l->review_status, l->review_reason, l->reviewed_at);
    out["can_edit"] = Editable(l->review_status);
  } else {
    out["action"] = "/workspace/locations";
    out["is_new"] = true;
    out["can_edit"] = true;
  }
  return out;
}

Result<LocationFields> LocationFieldsFrom(const View& v, const Form& form) {
  LocationFields f;
  f.gln = form.Get("gln");
  f.gln_extension = form.Get("glnExtension");
  f.name = form.Get("name");
  f.kind = form.Get("kind");
  f.address = form.Get("address");
  f.district = form.Get("district");
  f.area_code = form.Get("areaCode");
  TXNG_ASSIGN_OR_RETURN(f.latitude, OptionalNumber(form, "latitude", v.T("ws.error.latitude")));
  TXNG_ASSIGN_OR_RETURN(f.longitude, OptionalNumber(form, "longitude", v.T("ws.error.longitude")));
  if (f.latitude->has_value() != f.longitude->has_value()) {
    return Status::InvalidArgument(v.T("ws.error.coordinates"),
                                   f.latitude->has_value() ? "longitude" : "latitude");
  }
  return f;
}

RecordForm<Location, LocationFields> LocationForm(View& v) {
  CatalogService& catalog = v.app.catalog;
  const Principal& p = v.p;
  return {
      .noun = "location",
      .section = "locations",
      .get = [&catalog, &p](int64_t id) { return catalog.GetLocation(p, id); },
      .fields = [&v](const Form& form) { return LocationFieldsFrom(v, form); },
      .create = [&catalog, &p](const LocationFields& f) { return catalog.CreateLocation(p, f); },
      .update = [&catalog, &p](
                    int64_t id,
                    const LocationFields& f) { return catalog.UpdateLocation(p, id, f); },
      .title = [&v](const Location* l) { return l ? l->name : v.T("ws.location.new_title"); },
      .data = [&v](const Location* l, const Form* form) { return LocationFormData(v, l, form); },
  };
}

http::Response LocationNew(AppContext& app, http::Request& req, const Principal& p) {
  TXNG_ENTER("locations", false);
  return RenderForm(v, LocationForm(v), static_cast<const Location*>(nullptr));
}

http::Response LocationEdit(AppContext& app, http::Request& req, const Principal& p) {
  TXNG_ENTER("locations", false);
  return EditRecord(v, LocationForm(v));
}

http::Response LocationSave(AppContext& app, http::Request& req, const Principal& p) {
  TXNG_ENTER("locations", true);
  return SaveRecord(v, LocationForm(v));
}

http::Response LocationSubmit(AppContext& app, http::Request& req, const Principal& p) {
  return SubmitRecord(app, req, p, "location", "locations",
                      [&](int64_t id) { return app.catalog.SubmitLocation(p, id).status(); });
}

// ---- Lots ----

// The organisation's products and locations by id, for pickers and lists.
struct Pickers {
  std::vector<Product> products;
  std::vector<Location> locations;
};

Result<Pickers> LoadPickers(AppContext& app, const Principal& p) {
  Pickers out;
  TXNG_ASSIGN_OR_RETURN(auto products,
                        app.catalog.ListProducts(p, {}, {.limit = 500, .offset = 0}));
  TXNG_ASSIGN_OR_RETURN(auto locations,
                        app.catalog.ListLocations(p, {}, {.limit = 500, .offset = 0}));
  out.products = std::move(products.items);
  out.locations = std::move(locations.items);
  return out;
}

json UnitOptions(const View& v, const std::string& selected) {
  std::vector<std::pair<std::string, std::string>> values = {{"", v.T("ws.choose")}};
  bool known = selected.empty();
  for (const char* u : {"KGM", "TNE", "GRM", "LTR", "H87"}) {
    std::string key = "ws.unit.";
    for (const char* c = u; *c; ++c) key += static_cast<char>(*c - 'A' + 'a');
    values.emplace_back(u, v.T(key) + " (" + u + ")");
    known = known || selected == u;
  }
  if (!known) values.emplace_back(selected, selected);
  return Options(values, selected);
}

json LotFormData(View& v, const Pickers& pick, const Lot* lot, const Form* form) {
  json f = json::object();
  if (lot) {
    f = {{"productId", std::to_string(lot->product_id)},
         {"lotCode", lot->lot_code},
         {"productionDate", lot->production_date},
         {"expiryDate", lot->expiry_date},
         {"quantity", NumberText(lot->quantity)},
         {"unit", lot->unit},
         {"locationId", lot->location_id ? std::to_string(*lot->location_id) : ""}};
  }
  if (form) {
    for (const char* k : {"productId", "lotCode", "productionDate", "expiryDate", "quantity",
                          "unit", "locationId"}) {
      f[k] = form->Get(k);
    }
  }
  std::vector<std::pair<std::string, std::string>> products = {{"", v.T("ws.choose")}};
  for (const Product& pr : pick.products) {
    products.emplace_back(std::to_string(pr.id), pr.name_vi + " (" + pr.gtin + ")");
  }
  std::vector<std::pair<std::string, std::string>> locations = {{"", v.T("ws.lot.no_location")}};
  for (const Location& l : pick.locations) locations.emplace_back(std::to_string(l.id), l.name);
  json out = {{"f", f},
              {"product_options", Options(products, f.value("productId", ""))},
              {"location_options", Options(locations, f.value("locationId", ""))},
              {"unit_options", UnitOptions(v, f.value("unit", ""))}};
  if (lot) {
    out["action"] = "/workspace/lots/" + std::to_string(lot->id);
    out["submit_url"] = "/workspace/lots/" + std::to_string(lot->id) + "/submit";
    out["labels_url"] = "/workspace/lots/" + std::to_string(lot->id) + "/labels";
    out["review"] = ReviewFacts(v, lot->review_status, lot->review_reason, lot->reviewed_at);
    // A lot's product is fixed once it exists.
    out["product_fixed"] = true;
    for (const Product& pr : pick.products) {
      if (pr.id == lot->product_id) out["product_name"] = pr.name_vi + " (" + pr.gtin + ")";
    }
    out["can_edit"] = Editable(lot->review_status);
  } else {
    out["action"] = "/workspace/lots";
    out["is_new"] = true;
    out["can_edit"] = true;
  }
  return out;
}

Result<LotFields> LotFieldsFrom(const View& v, const Form& form, bool create) {
  LotFields f;
  if (create) {
    TXNG_ASSIGN_OR_RETURN(std::optional<int64_t> product,
                          OptionalInt(form, "productId", v.T("ws.error.product")));
    if (!product) return Status::InvalidArgument(v.T("ws.error.product"), "productId");
    f.product_id = *product;
  }
  f.lot_code = form.Get("lotCode");
  f.production_date = form.Get("productionDate");
  f.expiry_date = form.Get("expiryDate");
  f.unit = form.Get("unit");
  TXNG_ASSIGN_OR_RETURN(f.quantity, OptionalNumber(form, "quantity", v.T("ws.error.quantity")));
  TXNG_ASSIGN_OR_RETURN(f.location_id, OptionalInt(form, "locationId", v.T("ws.error.location")));
  return f;
}

// /workspace/lots, and /workspace/labels: the same list under the labels
// tab, where each lot leads to its label sheet.
http::Response LotList(AppContext& app, http::Request& req, const Principal& p,
                       const char* section) {
  TXNG_ENTER(section, false);
  auto pick = LoadPickers(app, p);
  if (!pick.ok()) return ErrorPage(app, req, p, pick.status());
  LotFilter f;
  const std::string status = req.Query("status").value_or("");
  const std::string product = req.Query("product").value_or("");
  f.review_status = ParseReviewStatus(status);
  f.product_id = ParseInt64(product);
  auto page = app.catalog.ListLots(p, f, {.limit = 500, .offset = 0});
  if (!page.ok()) return ErrorPage(app, req, p, page.status());
  std::map<int64_t, std::string> names;
  for (const Product& pr : pick->products) names[pr.id] = pr.name_vi;
  json rows = json::array();
  for (const Lot& l : page->items) {
    rows.push_back({{"url", "/workspace/lots/" + std::to_string(l.id)},
                    {"labels_url", "/workspace/lots/" + std::to_string(l.id) + "/labels"},
                    {"code", l.lot_code},
                    {"product", names[l.product_id]},
                    {"production_date", http::CalendarDateValue(v.lang, l.production_date)},
                    {"quantity", l.quantity ? NumberText(l.quantity) + " " + l.unit : ""},
                    {"review", ReviewFacts(v, l.review_status, l.review_reason, l.reviewed_at)}});
  }
  std::vector<std::pair<std::string, std::string>> products = {{"", v.T("ws.filter_all")}};
  for (const Product& pr : pick->products) products.emplace_back(std::to_string(pr.id), pr.name_vi);
  v.data["lots"] = {{"rows", rows},
                    {"any", !rows.empty()},
                    {"status_options", StatusOptions(v, f.review_status ? status : "")},
                    {"product_options", Options(products, f.product_id ? product : "")},
                    {"for_labels", std::string_view(section) == "labels"}};
  return v.Render();
}

http::Response LotsPage(AppContext& app, http::Request& req, const Principal& p) {
  return LotList(app, req, p, "lots");
}

http::Response LabelsIndex(AppContext& app, http::Request& req, const Principal& p) {
  return LotList(app, req, p, "labels");
}

RecordForm<Lot, LotFields> LotForm(View& v, const Pickers& pick) {
  CatalogService& catalog = v.app.catalog;
  const Principal& p = v.p;
  return {
      .noun = "lot",
      .section = "lots",
      .get = [&catalog, &p](int64_t id) { return catalog.GetLot(p, id); },
      .fields =
          [&v](const Form& form) { return LotFieldsFrom(v, form, v.req.Param("id").empty()); },
      .create = [&catalog, &p](const LotFields& f) { return catalog.CreateLot(p, f); },
      .update = [&catalog, &p](int64_t id,
                               const LotFields& f) { return catalog.UpdateLot(p, id, f); },
      .title =
          [&v](const Lot* lot) {
            return lot ? v.T("ws.lot.heading") + " " + lot->lot_code : v.T("ws.lot.new_title");
          },
      .data = [&v, &pick](const Lot* lot,
                          const Form* form) { return LotFormData(v, pick, lot, form); },
  };
}

// The lot form's pages need the organisation's products and locations for
// their pickers; nullopt with `out` set to the error page when they cannot
// be read.
std::optional<Pickers> PickersFor(View& v, http::Response& out) {
  auto pick = LoadPickers(v.app, v.p);
  if (!pick.ok()) {
    out = ErrorPage(v.app, v.req, v.p, pick.status());
    return std::nullopt;
  }
  return std::move(pick).value();
}

http::Response LotNew(AppContext& app, http::Request& req, const Principal& p) {
  TXNG_ENTER("lots", false);
  auto pick = PickersFor(v, refused);
  if (!pick) return refused;
  return RenderForm(v, LotForm(v, *pick), static_cast<const Lot*>(nullptr));
}

// The organisation's own lot at the path's {id} (the labels pages).
Result<Lot> OwnLot(View& v) {
  const Pickers none;
  return Own(v, LotForm(v, none));
}

http::Response LotEdit(AppContext& app, http::Request& req, const Principal& p) {
  TXNG_ENTER("lots", false);
  auto pick = PickersFor(v, refused);
  if (!pick) return refused;
  return EditRecord(v, LotForm(v, *pick));
}

http::Response LotSave(AppContext& app, http::Request& req, const Principal& p) {
  TXNG_ENTER("lots", true);
  auto pick = PickersFor(v, refused);
  if (!pick) return refused;
  return SaveRecord(v, LotForm(v, *pick));
}

http::Response LotSubmit(AppContext& app, http::Request& req, const Principal& p) {
  return SubmitRecord(app, req, p, "lot", "lots",
                      [&](int64_t id) { return app.catalog.SubmitLot(p, id).status(); });
}

// ---- Labels ----

// The label form's values as submitted (GET query), with defaults.
json LabelFormValues(const http::Request& req) {
  const label::SheetLayout defaults;
  return {{"columns", req.Query("columns").value_or(std::to_string(defaults.columns))},
          {"rows", req.Query("rows").value_or(std::to_string(defaults.rows))},
          {"copies", req.Query("copies").value_or("")},
          {"serialFrom", req.Query("serialFrom").value_or("")},
          {"serialCount", req.Query("serialCount").value_or("")},
          {"lang", req.Query("lang").value_or("vi")}};
}

http::Response RenderLabelsPage(View& v, const Lot& lot, int status, const Status* error) {
  const json f = LabelFormValues(v.req);
  v.data["title"] = v.T("ws.labels.sheet_title") + " " + lot.lot_code;
  v.data["labels"] = {
      {"lot_code", lot.lot_code},
      {"lot_url", "/workspace/lots/" + std::to_string(lot.id)},
      {"action", "/workspace/lots/" + std::to_string(lot.id) + "/labels.pdf"},
      {"f", f},
      {"lang_options", Options({{"vi", v.T("ws.labels.lang_vi")}, {"en", v.T("ws.labels.lang_en")}},
                               f["lang"].get<std::string>())}};
  if (error) SetFormError(v, *error);
  return v.Render(status);
}

http::Response LabelsPage(AppContext& app, http::Request& req, const Principal& p) {
  TXNG_ENTER("labels", false);
  auto lot = OwnLot(v);
  if (!lot.ok()) return ErrorPage(app, req, p, lot.status());
  return RenderLabelsPage(v, *lot, 200, nullptr);
}

Result<std::optional<int>> SmallInt(const http::Request& req, const char* name,
                                    const std::string& message) {
  const std::string v = req.Query(name).value_or("");
  if (v.empty()) return std::optional<int>();
  auto n = ParseInt64(v);
  if (!n || *n < -100000 || *n > 100000) return Status::InvalidArgument(message, name);
  return std::optional<int>(static_cast<int>(*n));
}

Result<LotLabelRequest> LabelRequestFrom(const View& v, const Lot& lot) {
  LotLabelRequest out;
  out.lot_id = lot.id;
  const std::string whole = v.T("ws.error.whole_number");
  TXNG_ASSIGN_OR_RETURN(std::optional<int> columns, SmallInt(v.req, "columns", whole));
  TXNG_ASSIGN_OR_RETURN(std::optional<int> rows, SmallInt(v.req, "rows", whole));
  TXNG_ASSIGN_OR_RETURN(out.copies, SmallInt(v.req, "copies", whole));
  TXNG_ASSIGN_OR_RETURN(std::optional<int> serial_count, SmallInt(v.req, "serialCount", whole));
  if (columns) out.layout.columns = *columns;
  if (rows) out.layout.rows = *rows;
  const std::string serial_from = v.req.Query("serialFrom").value_or("");
  if (!serial_from.empty() != serial_count.has_value()) {
    return Status::InvalidArgument(v.T("ws.error.serials"),
                                   serial_from.empty() ? "serialFrom" : "serialCount");
  }
  if (!serial_from.empty()) out.serials = SerialRange{serial_from, *serial_count};
  const http::Lang label_lang =
      http::ParseLang(v.req.Query("lang").value_or("vi")).value_or(http::Lang::kVi);
  out.captions = LabelCaptionsFor(v.app.renderer.catalogue(), label_lang);
  out.stem = v.app.site.public_url;
  return out;
}

// GET /workspace/lots/{id}/labels.pdf: the sheet as a download, or the
// form again with the reason it cannot be printed.
http::Response LabelsPdf(AppContext& app, http::Request& req, const Principal& p) {
  TXNG_ENTER("labels", false);
  auto lot = OwnLot(v);
  if (!lot.ok()) return ErrorPage(app, req, p, lot.status());
  Result<LotLabelRequest> request = LabelRequestFrom(v, *lot);
  Result<LotLabelSheet> sheet = request.ok() ? PrintLotLabels(app.catalog, p, *request)
                                             : Result<LotLabelSheet>(request.status());
  if (!sheet.ok()) {
    if (sheet.status().code() != StatusCode::kInvalidArgument) {
      return ErrorPage(app, req, p, sheet.status());
    }
    const Status why = sheet.status();
    return RenderLabelsPage(v, *lot, 400, &why);
  }
  http::Response res;
  res.status = 200;
  res.content_type = "application/pdf";
  res.body = std::move(sheet->pdf);
  res.SetHeader("Content-Disposition", "attachment; filename=\"" + sheet->filename + "\"");
  res.SetHeader("Cache-Control", "no-store");
  return res;
}

// ---- API keys ----

http::Response RenderApiKeys(View& v, int status) {
  auto keys = v.app.store.ListApiKeys(*v.p.org_id);
  if (!keys.ok()) return ErrorPage(v.app, v.req, v.p, keys.status());
  json rows = json::array();
  for (const ApiKey& k : *keys) {
    json row = {{"key_id", k.key_id},
                {"label", k.label},
                {"created_on", http::DateValue(v.lang, k.created_at)},
                {"revoke_url", "/workspace/apikeys/" + k.key_id + "/revoke"}};
    if (k.last_used_at) row["last_used"] = http::DateTimeValue(v.lang, *k.last_used_at);
    if (k.revoked_at) row["revoked"] = http::DateValue(v.lang, *k.revoked_at);
    rows.push_back(std::move(row));
  }
  v.data["apikeys"]["rows"] = std::move(rows);
  v.data["apikeys"]["any"] = !keys->empty();
  return v.Render(status);
}

http::Response ApiKeysPage(AppContext& app, http::Request& req, const Principal& p) {
  TXNG_ENTER("apikeys", false);
  return RenderApiKeys(v, 200);
}

http::Response ApiKeyCreate(AppContext& app, http::Request& req, const Principal& p) {
  TXNG_ENTER("apikeys", true);
  const std::string label = Form(req).Get("label");
  Status bad = label.empty()        ? Status::InvalidArgument(v.T("ws.error.key_label"), "label")
               : label.size() > 100 ? Status::InvalidArgument(v.T("ws.error.key_label"), "label")
                                    : Status::Ok();
  if (!bad.ok()) {
    SetFormError(v, bad);
    v.data["apikeys"]["label"] = label;
    return RenderApiKeys(v, 400);
  }
  auto created = app.accounts.CreateApiKey(*p.org_id, label, p.ToActor());
  if (!created.ok()) return ErrorPage(app, req, p, created.status());
  // Shown on this response only: it is not stored anywhere.
  v.data["apikeys"]["created"] = {{"token", created->token}, {"label", label}};
  return RenderApiKeys(v, 201);
}

http::Response ApiKeyRevoke(AppContext& app, http::Request& req, const Principal& p) {
  if (auto refused = Refusal(app, req, p, true)) return std::move(*refused);
  const std::string key_id = req.Param("keyId");
  auto key = app.store.GetApiKeyByKeyId(key_id);
  if (!key.ok() || key->org_id != *p.org_id) {
    return ErrorPage(app, req, p, Status::NotFound("API key '" + key_id + "' not found"));
  }
  if (Status s = app.accounts.RevokeApiKey(key_id, p.ToActor()); !s.ok()) {
    return ErrorPage(app, req, p, s);
  }
  return Redirect("/workspace/apikeys?done=revoked");
}

// ---- Submissions ----

http::Response SubmissionsPage(AppContext& app, http::Request& req, const Principal& p) {
  TXNG_ENTER("submissions", false);
  auto org = GetOwnOrganisation(app.store, p);
  if (!org.ok()) return ErrorPage(app, req, p, org.status());
  auto pick = LoadPickers(app, p);
  if (!pick.ok()) return ErrorPage(app, req, p, pick.status());
  auto lots = app.catalog.ListLots(p, {}, {.limit = 500, .offset = 0});
  if (!lots.ok()) return ErrorPage(app, req, p, lots.status());
  const std::string only = req.Query("status").value_or("");
  const std::optional<ReviewStatus> wanted = ParseReviewStatus(only);
  json rows = json::array();
  auto add = [&](const char* kind, const std::string& name, const std::string& url,
                 const std::string& submit_url, ReviewStatus s, const std::string& reason,
                 std::optional<UnixMillis> reviewed_at) {
    if (wanted && s != *wanted) return;
    rows.push_back({{"kind", v.T(std::string("ws.kind.") + kind)},
                    {"name", name},
                    {"url", url},
                    {"submit_url", submit_url},
                    {"review", ReviewFacts(v, s, reason, reviewed_at)}});
  };
  add("organisation", org->name, "/workspace/profile", "/workspace/profile/submit",
      org->review_status, "", std::nullopt);
  for (const Product& pr : pick->products) {
    const std::string url = "/workspace/products/" + std::to_string(pr.id);
    add("product", pr.name_vi, url, url + "/submit", pr.review_status, pr.review_reason,
        pr.reviewed_at);
  }
  for (const Location& l : pick->locations) {
    const std::string url = "/workspace/locations/" + std::to_string(l.id);
    add("location", l.name, url, url + "/submit", l.review_status, l.review_reason, l.reviewed_at);
  }
  for (const Lot& l : lots->items) {
    const std::string url = "/workspace/lots/" + std::to_string(l.id);
    add("lot", l.lot_code, url, url + "/submit", l.review_status, l.review_reason, l.reviewed_at);
  }
  v.data["submissions"] = {{"rows", rows},
                           {"any", !rows.empty()},
                           {"status_options", StatusOptions(v, wanted ? only : "")}};
  return v.Render();
}

// ---- Media ----

// GET /media/{id}/{size}.jpg: a stored product photo, under the publication
// rule of GetVisibleImage. The bytes behind an id never change (a new upload
// makes a new id), so caches keep them: every cache once it is published,
// only the viewer's own browser before.
http::Response Media(AppContext& app, http::Request& req, const Principal& p) {
  const std::string file = req.Param("file");
  auto id = ParseInt64(req.Param("id"));
  if (!id || (file != "small.jpg" && file != "large.jpg")) {
    return http::Response::Text(404, "not found\n");
  }
  auto visible = GetVisibleImage(app.store, p, *id);
  if (!visible.ok()) {
    return http::Response::Text(visible.status().code() == StatusCode::kNotFound ? 404 : 500,
                                visible.status().code() == StatusCode::kNotFound
                                    ? "not found\n"
                                    : "the picture cannot be read now\n");
  }
  http::Response res;
  res.status = 200;
  res.content_type = "image/jpeg";
  res.body = file == "small.jpg" ? visible->image.small.jpeg : visible->image.large.jpeg;
  res.SetHeader("Cache-Control", visible->published ? "public, max-age=31536000, immutable"
                                                    : "private, max-age=31536000, immutable");
  res.SetHeader("X-Content-Type-Options", "nosniff");
  return res;
}

}  // namespace

void RegisterWorkspacePages(http::Router& router, AppContext& app) {
  router.Add("GET", "/workspace", PageHandler(app, Home));
  router.Add("GET", "/workspace/profile", PageHandler(app, ProfilePage));
  router.Add("POST", "/workspace/profile", PageHandler(app, ProfileSave));
  router.Add("POST", "/workspace/profile/submit", PageHandler(app, ProfileSubmit));

  router.Add("GET", "/workspace/products", PageHandler(app, ProductsPage));
  router.Add("GET", "/workspace/products/new", PageHandler(app, ProductNew));
  router.Add("POST", "/workspace/products", PageHandler(app, ProductSave));
  router.Add("GET", "/workspace/products/{id}", PageHandler(app, ProductEdit));
  router.Add("POST", "/workspace/products/{id}", PageHandler(app, ProductSave));
  router.Add("POST", "/workspace/products/{id}/image", PageHandler(app, ProductImage));
  router.Add("POST", "/workspace/products/{id}/submit", PageHandler(app, ProductSubmit));

  router.Add("GET", "/workspace/locations", PageHandler(app, LocationsPage));
  router.Add("GET", "/workspace/locations/new", PageHandler(app, LocationNew));
  router.Add("POST", "/workspace/locations", PageHandler(app, LocationSave));
  router.Add("GET", "/workspace/locations/{id}", PageHandler(app, LocationEdit));
  router.Add("POST", "/workspace/locations/{id}", PageHandler(app, LocationSave));
  router.Add("POST", "/workspace/locations/{id}/submit", PageHandler(app, LocationSubmit));

  router.Add("GET", "/workspace/lots", PageHandler(app, LotsPage));
  router.Add("GET", "/workspace/lots/new", PageHandler(app, LotNew));
  router.Add("POST", "/workspace/lots", PageHandler(app, LotSave));
  router.Add("GET", "/workspace/lots/{id}", PageHandler(app, LotEdit));
  router.Add("POST", "/workspace/lots/{id}", PageHandler(app, LotSave));
  router.Add("POST", "/workspace/lots/{id}/submit", PageHandler(app, LotSubmit));
  router.Add("GET", "/workspace/labels", PageHandler(app, LabelsIndex));
  router.Add("GET", "/workspace/lots/{id}/labels", PageHandler(app, LabelsPage));
  router.Add("GET", "/workspace/lots/{id}/labels.pdf", PageHandler(app, LabelsPdf));

  router.Add("GET", "/workspace/apikeys", PageHandler(app, ApiKeysPage));
  router.Add("POST", "/workspace/apikeys", PageHandler(app, ApiKeyCreate));
  router.Add("POST", "/workspace/apikeys/{keyId}/revoke", PageHandler(app, ApiKeyRevoke));

  router.Add("GET", "/workspace/submissions", PageHandler(app, SubmissionsPage));

  router.Add("GET", "/media/{id}/{file}", PageHandler(app, Media));
}

}  // namespace txng::handlers
