#include "handlers/diary_pages.h"

#include <algorithm>
#include <map>
#include <nlohmann/json.hpp>

#include "epcis/timestamp.h"
#include "export/sheet_read.h"
#include "export/writers.h"
#include "gs1/digital_link.h"
#include "handlers/api_handler.h"
#include "handlers/page_support.h"
#include "http/multipart.h"
#include "service/diary.h"
#include "service/passwords.h"

namespace txng::handlers {
namespace {

using nlohmann::json;

constexpr int kPageSize = 20;
constexpr size_t kMaxUploadBytes = 1024 * 1024;
// How long an uploaded file waits for its confirmation.
constexpr UnixMillis kStagingMillis = 60 * 60 * 1000;

// The organisation user the pages are for; an error response otherwise.
std::optional<http::Response> RefuseNonProducer(AppContext& app, http::Request& req,
                                                const Principal& p) {
  if (p.kind != Principal::Kind::kUser) return SignInFirst(req);
  if (!p.org_id) {
    return ErrorPage(app, req, p,
                     Status::PermissionDenied("the production diary is for organisation users"));
  }
  return std::nullopt;
}

std::string T(const AppContext& app, http::Lang lang, const std::string& key) {
  return std::string(app.renderer.catalogue().T(lang, key));
}

// What the pickers offer: the organisation's lots and places, and the
// approved partner organisations with a GLN.
struct Pickers {
  json lots = json::array(), places = json::array(), partners = json::array();
  std::map<std::string, std::string> names;  // identifier (Digital Link) → display name
};

Result<Pickers> LoadPickers(AppContext& app, int64_t org_id) {
  Pickers out;
  const PageRequest all{.limit = 500, .offset = 0};
  LotFilter lf;
  lf.org_id = org_id;
  TXNG_ASSIGN_OR_RETURN(txng::Page<Lot> lots, app.store.ListLots(lf, all));
  std::map<int64_t, Product> products;
  for (const Lot& lot : lots.items) {
    if (!products.count(lot.product_id)) {
      TXNG_ASSIGN_OR_RETURN(products[lot.product_id], app.store.GetProduct(lot.product_id));
    }
    const Product& pr = products[lot.product_id];
    const std::string label = pr.name_vi + " — " + lot.lot_code;
    out.lots.push_back({{"value", pr.gtin + "/" + lot.lot_code}, {"label", label}});
    auto id = gs1::ToDigitalLink({{"01", pr.gtin}, {"10", lot.lot_code}}, "", {});
    if (id.ok()) out.names[*id] = label;
  }
  LocationFilter pf;
  pf.org_id = org_id;
  TXNG_ASSIGN_OR_RETURN(txng::Page<Location> places, app.store.ListLocations(pf, all));
  for (const Location& l : places.items) {
    std::string label = l.name + (l.area_code.empty() ? "" : " (" + l.area_code + ")");
    out.places.push_back({{"value", l.gln + (l.gln_extension.empty() ? "" : "/" + l.gln_extension)},
                          {"label", label}});
    std::vector<gs1::AiValue> ais = {{"414", l.gln}};
    if (!l.gln_extension.empty()) ais.push_back({"254", l.gln_extension});
    auto id = gs1::ToDigitalLink(ais, "", {});
    if (id.ok()) out.names[*id] = l.name;
  }
  OrganisationFilter of;
  of.review_status = ReviewStatus::kApproved;
  TXNG_ASSIGN_OR_RETURN(txng::Page<Organisation> orgs, app.store.ListOrganisations(of, all));
  for (const Organisation& o : orgs.items) {
    if (o.gln.empty()) continue;
    auto id = gs1::ToDigitalLink({{"417", o.gln}}, "", {});
    if (id.ok()) out.names[*id] = o.name;
    if (o.id == org_id) continue;
    out.partners.push_back({{"value", o.gln}, {"label", o.name + " · " + o.district}});
  }
  return out;
}

// Marks the option whose value is `chosen` as selected.
json Selected(json options, const std::string& chosen) {
  for (json& o : options) o["selected"] = o["value"] == chosen;
  return options;
}

json Options(const AppContext& app, http::Lang lang, const std::string& prefix,
             std::span<const std::string_view> values, const std::string& chosen) {
  json out = json::array();
  for (std::string_view v : values) {
    std::string key(v);
    std::transform(key.begin(), key.end(), key.begin(), ::tolower);
    out.push_back({{"value", v}, {"label", T(app, lang, prefix + key)}, {"selected", v == chosen}});
  }
  return out;
}

json StageLinks(const AppContext& app, http::Lang lang) {
  json out = json::array();
  for (DiaryStage s : kDiaryStages) {
    const std::string name(DiaryStageName(s));
    out.push_back({{"url", "/workspace/diary/new?stage=" + name},
                   {"name", name},
                   {"label", T(app, lang, "diary.stage." + name)}});
  }
  return out;
}

DiaryInput InputFromForm(const http::Request& req) {
  DiaryInput in;
  in.stage = FormValue(req, "stage");
  in.time = FormValue(req, "time");
  in.lot = FormValue(req, "lot");
  in.quantity = FormValue(req, "quantity");
  in.unit = FormValue(req, "unit");
  in.place = FormValue(req, "place");
  in.partner = FormValue(req, "partner");
  in.output_lot = FormValue(req, "output_lot");
  in.output_quantity = FormValue(req, "output_quantity");
  in.output_unit = FormValue(req, "output_unit");
  in.activity = FormValue(req, "activity");
  in.note = FormValue(req, "note");
  return in;
}

json ErrorList(const AppContext& app, http::Lang lang, const std::vector<DiaryError>& errors) {
  json out = json::array();
  for (const DiaryError& e : errors) {
    out.push_back({{"field", e.field},
                   {"column", T(app, lang, "diary.field." + e.field)},
                   {"reason", T(app, lang, "diary.error." + e.reason)}});
  }
  return out;
}

http::Response DiaryForm(AppContext& app, http::Request& req, const Principal& p, DiaryStage stage,
                         const DiaryInput& in, const std::vector<DiaryError>& errors,
                         const std::string& capture_error) {
  const http::Lang lang = http::NegotiateLang(req);
  auto pickers = LoadPickers(app, *p.org_id);
  if (!pickers.ok()) return ErrorPage(app, req, p, pickers.status());
  const std::string name(DiaryStageName(stage));
  json data = LayoutData(req, p);
  data["title"] = T(app, lang, "diary.stage." + name);
  data["stage"] = {{"name", name},
                   {"label", T(app, lang, "diary.stage." + name)},
                   {"help", T(app, lang, "diary.help." + name)}};
  data["stages"] = StageLinks(app, lang);
  const bool processing = stage == DiaryStage::kProcessing;
  data["show"] = {{"output", processing},
                  {"partner", stage == DiaryStage::kShipping || stage == DiaryStage::kReceiving},
                  {"activity", stage == DiaryStage::kPlantingCare},
                  {"quantity_required", processing || stage == DiaryStage::kHarvesting}};
  data["lot_label"] = T(app, lang, processing ? "diary.field.input_lot" : "diary.field.lot");
  data["partner_label"] =
      T(app, lang,
        stage == DiaryStage::kReceiving ? "diary.field.partner_from" : "diary.field.partner_to");
  data["values"] = {{"time", in.time},
                    {"quantity", in.quantity},
                    {"output_quantity", in.output_quantity},
                    {"note", in.note}};
  data["lots"] = Selected(pickers->lots, in.lot);
  data["output_lots"] = Selected(pickers->lots, in.output_lot);
  data["places"] = Selected(pickers->places, in.place);
  data["partners"] = Selected(pickers->partners, in.partner);
  data["units"] = Options(app, lang, "diary.unit.", kDiaryUnits, in.unit);
  data["output_units"] = Options(app, lang, "diary.unit.", kDiaryUnits, in.output_unit);
  data["activities"] = Options(app, lang, "diary.activity.", kFarmActivities, in.activity);
  data["errors"] = ErrorList(app, lang, errors);
  data["has_errors"] = !errors.empty();
  for (const DiaryError& e : errors) data["invalid"][e.field] = true;
  if (!capture_error.empty()) data["capture_error"] = capture_error;
  data["no_lots"] = pickers->lots.empty();
  data["no_places"] = pickers->places.empty();
  const int status = errors.empty() && capture_error.empty() ? 200 : 400;
  return Page(req, status, app.renderer.Render("diary_form", data, lang));
}

// GET /workspace/diary/new?stage=…
http::Response NewEntry(AppContext& app, http::Request& req, const Principal& p) {
  if (auto refused = RefuseNonProducer(app, req, p)) return *refused;
  auto stage = DiaryStageFromName(req.Query("stage").value_or("harvesting"));
  if (!stage) {
    return ErrorPage(app, req, p, Status::NotFound("no such diary stage"));
  }
  DiaryInput in;
  in.stage = std::string(DiaryStageName(*stage));
  return DiaryForm(app, req, p, *stage, in, {}, "");
}

// POST /workspace/diary: one entry → one event, captured pending review.
http::Response RecordEntry(AppContext& app, http::Request& req, const Principal& p) {
  if (auto refused = RefuseNonProducer(app, req, p)) return *refused;
  if (Status s = CheckCsrf(req, p); !s.ok()) return ErrorPage(app, req, p, s);
  const DiaryInput in = InputFromForm(req);
  auto stage = DiaryStageFromName(in.stage);
  if (!stage) return ErrorPage(app, req, p, Status::InvalidArgument("no such diary stage"));
  auto resolved = ResolveDiary(app.store, *p.org_id, in);
  if (!resolved.ok()) return ErrorPage(app, req, p, resolved.status());
  if (!resolved->entry) return DiaryForm(app, req, p, *stage, in, resolved->errors, "");
  auto event = DiaryEvent(*resolved->entry);
  Result<CaptureReport> report =
      event.ok() ? CaptureDiary(app.store, p, {*event}) : Result<CaptureReport>(event.status());
  if (!report.ok()) {
    if (report.status().code() != StatusCode::kInvalidArgument) {
      return ErrorPage(app, req, p, report.status());
    }
    return DiaryForm(app, req, p, *stage, in, {}, report.status().message());
  }
  return http::Response::Redirect(303,
                                  "/workspace/diary?recorded=" + std::to_string(report->stored));
}

// A diary event in plain words: what, how much, where, with whom.
json EntryView(const AppContext& app, http::Lang lang, const EventSubmission& s,
               const epcis::Event& e, const std::map<std::string, std::string>& names) {
  const auto name = [&](const std::string& id) {
    auto it = names.find(id);
    return it == names.end() ? id : it->second;
  };
  const auto quantities = [&](const std::vector<epcis::QuantityElement>& list) {
    std::string out;
    for (const epcis::QuantityElement& q : list) {
      if (!out.empty()) out += "; ";
      out += name(q.epc_class);
      if (q.quantity) {
        std::string number = json(*q.quantity).dump();
        if (number.ends_with(".0")) number.resize(number.size() - 2);
        std::string unit = q.uom;
        std::transform(unit.begin(), unit.end(), unit.begin(), ::tolower);
        const auto text = app.renderer.catalogue().Find(lang, "diary.unit." + unit);
        out += " · " + number + " " + (text ? std::string(*text) : q.uom);
      }
    }
    return out;
  };
  json v;
  const std::optional<DiaryStage> stage = DiaryStageOfBizStep(s.biz_step);
  if (stage) {
    v["stage"] = T(app, lang, "diary.stage." + std::string(DiaryStageName(*stage)));
  } else {
    constexpr std::string_view kCbv = "https://ref.gs1.org/cbv/BizStep-";
    const std::string key =
        s.biz_step.starts_with(kCbv) ? "stage." + s.biz_step.substr(kCbv.size()) : "stage.recorded";
    const auto text = app.renderer.catalogue().Find(lang, key);
    v["stage"] = std::string(text ? *text : app.renderer.catalogue().T(lang, "stage.recorded"));
  }
  v["time"] = http::DateTimeValue(lang, s.event_time);
  if (e.type == epcis::EventType::kTransformation) {
    v["what"] = quantities(e.input_quantity_list) + " → " + quantities(e.output_quantity_list);
  } else {
    v["what"] = quantities(e.quantity_list);
  }
  if (e.biz_location) v["place"] = name(e.biz_location->id);
  for (const epcis::TypedId& d : e.destinations) {
    if (d.type.ends_with("owning_party") && stage == DiaryStage::kShipping) {
      v["partner"] = T(app, lang, "diary.list.to") + " " + name(d.id);
    }
  }
  for (const epcis::TypedId& d : e.sources) {
    if (d.type.ends_with("owning_party") && stage == DiaryStage::kReceiving) {
      v["partner"] = T(app, lang, "diary.list.from") + " " + name(d.id);
    }
  }
  for (const epcis::Extension& x : e.extensions) {
    if (x.name.ends_with("}farmActivity") && x.value.is_string()) {
      v["activity"] = T(app, lang, "diary.activity." + x.value.get<std::string>());
    }
    if (x.name.ends_with("}note") && x.value.is_string()) v["note"] = x.value;
  }
  const std::string status(ToString(s.review_status));
  v["status"] = {{"name", status}, {"label", T(app, lang, "review." + status)}};
  if (!s.review_reason.empty()) v["reason"] = s.review_reason;
  return v;
}

// "YYYY-MM-DD" at the start of that day in the province, as UTC ms.
std::optional<UnixMillis> DayStart(const std::string& day) {
  auto t = epcis::ParseTimestamp(day + "T00:00:00" + std::string(kProvinceTimeZone));
  if (day.size() != 10 || !t.ok()) return std::nullopt;
  return epcis::ToUnixMillis(*t);
}

// GET /workspace/diary?stage=&lot=&from=&to=&status=&offset=
http::Response DiaryList(AppContext& app, http::Request& req, const Principal& p) {
  if (auto refused = RefuseNonProducer(app, req, p)) return *refused;
  const http::Lang lang = http::NegotiateLang(req);
  auto pickers = LoadPickers(app, *p.org_id);
  if (!pickers.ok()) return ErrorPage(app, req, p, pickers.status());
  const std::string stage = req.Query("stage").value_or("");
  const std::string lot = req.Query("lot").value_or("");
  const std::string from = req.Query("from").value_or("");
  const std::string to = req.Query("to").value_or("");
  const std::string status = req.Query("status").value_or("");
  DiaryFilter f;
  f.org_id = *p.org_id;
  std::vector<std::string> problems;
  if (!stage.empty()) {
    auto s = DiaryStageFromName(stage);
    if (s) f.biz_steps.push_back(DiaryBizStep(*s));
    if (!s) problems.push_back(T(app, lang, "diary.list.bad_stage"));
  }
  if (!lot.empty()) {
    const size_t slash = lot.find('/');
    std::optional<std::string> id;
    if (slash != std::string::npos) {
      auto link =
          gs1::ToDigitalLink({{"01", lot.substr(0, slash)}, {"10", lot.substr(slash + 1)}}, "", {});
      if (link.ok()) id = *link;
    }
    if (id) {
      f.epc_class = *id;
    } else {
      problems.push_back(T(app, lang, "diary.list.bad_lot"));
    }
  }
  if (!from.empty()) {
    f.ge_event_time = DayStart(from);
    if (!f.ge_event_time) problems.push_back(T(app, lang, "diary.list.bad_date"));
  }
  if (!to.empty()) {
    auto end = DayStart(to);
    if (end) f.lt_event_time = *end + 24 * 60 * 60 * 1000;
    if (!end) problems.push_back(T(app, lang, "diary.list.bad_date"));
  }
  if (!status.empty()) {
    f.review_status = ParseReviewStatus(status);
    if (!f.review_status) problems.push_back(T(app, lang, "diary.list.bad_status"));
  }
  auto page = PageFromQuery(req);
  if (!page.ok()) return ErrorPage(app, req, p, page.status());
  page->limit = kPageSize;
  json data = LayoutData(req, p);
  data["title"] = T(app, lang, "diary.list.title");
  data["stages"] = StageLinks(app, lang);
  for (json& s : data["stages"]) s["selected"] = s["name"] == stage;
  data["lots"] = Selected(pickers->lots, lot);
  data["filter"] = {{"from", from}, {"to", to}};
  json statuses = json::array();
  for (ReviewStatus s :
       {ReviewStatus::kPending, ReviewStatus::kApproved, ReviewStatus::kRejected}) {
    const std::string n(ToString(s));
    statuses.push_back(
        {{"value", n}, {"label", T(app, lang, "review." + n)}, {"selected", n == status}});
  }
  data["statuses"] = std::move(statuses);
  if (auto recorded = req.Query("recorded")) data["recorded"] = *recorded;
  if (!problems.empty()) {
    data["problems"] = problems;
    data["entries"] = json::array();
    return Page(req, 400, app.renderer.Render("diary", data, lang));
  }
  auto events = app.store.ListDiaryEvents(f, *page);
  if (!events.ok()) return ErrorPage(app, req, p, events.status());
  json entries = json::array();
  for (const EventSubmission& s : events->items) {
    auto stored = app.store.GetEvent(s.id);
    if (!stored.ok()) return ErrorPage(app, req, p, stored.status());
    entries.push_back(EntryView(app, lang, s, stored->event, pickers->names));
  }
  data["entries"] = std::move(entries);
  data["total"] = events->total;
  std::string query = "stage=" + http::PercentEncode(stage) + "&lot=" + http::PercentEncode(lot) +
                      "&from=" + http::PercentEncode(from) + "&to=" + http::PercentEncode(to) +
                      "&status=" + http::PercentEncode(status);
  if (page->offset > 0) {
    data["prev"] = "/workspace/diary?" + query +
                   "&offset=" + std::to_string(std::max(0, page->offset - kPageSize));
  }
  if (page->offset + kPageSize < events->total) {
    data["next"] =
        "/workspace/diary?" + query + "&offset=" + std::to_string(page->offset + kPageSize);
  }
  return Page(req, 200, app.renderer.Render("diary", data, lang));
}

// --- Spreadsheet import ---

exports::Sheet TemplateSheet() {
  exports::Sheet s;
  s.title = "diary";
  for (std::string_view c : kDiaryColumns) s.columns.emplace_back(c);
  return s;
}

// GET /workspace/import/template.csv and .xlsx
http::Response Template(AppContext& app, http::Request& req, const Principal& p, bool xlsx) {
  if (auto refused = RefuseNonProducer(app, req, p)) return *refused;
  http::Response res;
  res.status = 200;
  if (xlsx) {
    auto bytes = exports::WriteXlsx(TemplateSheet());
    if (!bytes.ok()) return ErrorPage(app, req, p, bytes.status());
    res.body = std::move(*bytes);
    res.content_type = exports::kXlsxContentType;
  } else {
    res.body = exports::WriteCsv(TemplateSheet());
    res.content_type = exports::kCsvContentType;
  }
  res.SetHeader("Content-Disposition", std::string("attachment; filename=\"txng-diary-template.") +
                                           (xlsx ? "xlsx" : "csv") + "\"");
  res.SetHeader("Cache-Control", "no-store");
  return res;
}

http::Response ImportPage(AppContext& app, http::Request& req, const Principal& p, int status,
                          const std::string& error) {
  const http::Lang lang = http::NegotiateLang(req);
  json data = LayoutData(req, p);
  data["title"] = T(app, lang, "diary.import.title");
  json columns = json::array();
  for (std::string_view c : kDiaryColumns) {
    columns.push_back({{"name", c}, {"help", T(app, lang, "diary.column." + std::string(c))}});
  }
  data["columns"] = std::move(columns);
  data["stages"] = StageLinks(app, lang);
  if (!error.empty()) data["error"] = error;
  return Page(req, status, app.renderer.Render("diary_import", data, lang));
}

// A staged row's cells (column name → text) as a DiaryInput.
DiaryInput InputFromRow(const json& row) {
  const auto get = [&](const char* k) { return row.value(k, std::string()); };
  DiaryInput in;
  in.stage = get("stage");
  in.time = get("time");
  in.lot = get("lot");
  in.quantity = get("quantity");
  in.unit = get("unit");
  in.place = get("place");
  in.partner = get("partner");
  in.output_lot = get("output_lot");
  in.output_quantity = get("output_quantity");
  in.output_unit = get("output_unit");
  in.activity = get("activity");
  in.note = get("note");
  return in;
}

// The staged rows checked again (the organisation's data may have changed
// since the preview): each row's number, fields, errors, and its event when
// valid.
struct CheckedRow {
  int64_t number = 0;
  json cells;
  std::vector<DiaryError> errors;
  std::optional<epcis::Event> event;
};

Result<std::vector<CheckedRow>> CheckRows(AppContext& app, int64_t org_id, const json& rows) {
  std::vector<CheckedRow> out;
  for (const json& r : rows) {
    CheckedRow c;
    c.number = r.value("row", int64_t{0});
    c.cells = r.value("cells", json::object());
    for (const json& e : r.value("errors", json::array())) {
      c.errors.push_back({e.value("field", ""), e.value("reason", "")});
    }
    if (c.errors.empty()) {
      TXNG_ASSIGN_OR_RETURN(DiaryResolution res,
                            ResolveDiary(app.store, org_id, InputFromRow(c.cells)));
      c.errors = res.errors;
      if (res.entry) {
        auto event = DiaryEvent(*res.entry);
        if (event.ok()) c.event = *event;
        if (!event.ok()) c.errors.push_back({event.status().field(), "invalid_code"});
      }
    }
    out.push_back(std::move(c));
  }
  return out;
}

http::Response Preview(AppContext& app, http::Request& req, const Principal& p,
                       const ImportStaging& staged, const std::vector<CheckedRow>& rows, int status,
                       const std::string& error) {
  const http::Lang lang = http::NegotiateLang(req);
  json data = LayoutData(req, p);
  data["title"] = T(app, lang, "diary.import.preview_title");
  data["file_name"] = staged.file_name;
  data["token"] = staged.token;
  json view = json::array();
  int valid = 0;
  for (const CheckedRow& r : rows) {
    json cells = json::array();
    for (std::string_view c : kDiaryColumns) cells.push_back(r.cells.value(std::string(c), ""));
    view.push_back({{"row", r.number},
                    {"cells", std::move(cells)},
                    {"ok", r.errors.empty()},
                    {"errors", ErrorList(app, lang, r.errors)}});
    valid += r.errors.empty() ? 1 : 0;
  }
  data["columns"] = kDiaryColumns;
  data["rows"] = std::move(view);
  data["count"] = {{"all", rows.size()}, {"valid", valid}, {"invalid", rows.size() - valid}};
  data["all_valid"] = valid == static_cast<int>(rows.size()) && valid > 0;
  data["some_valid"] = valid > 0 && valid < static_cast<int>(rows.size());
  if (!error.empty()) data["error"] = error;
  return Page(req, status, app.renderer.Render("diary_preview", data, lang));
}

// POST /workspace/import: the uploaded file → staged rows → preview.
http::Response Upload(AppContext& app, http::Request& req, const Principal& p) {
  if (auto refused = RefuseNonProducer(app, req, p)) return *refused;
  if (Status s = CheckCsrf(req, p); !s.ok()) return ErrorPage(app, req, p, s);
  const http::Lang lang = http::NegotiateLang(req);
  const std::string content_type = req.Header("content-type").value_or("");
  if (!http::IsMultipartFormData(content_type)) {
    return ImportPage(app, req, p, 400, T(app, lang, "diary.import.error_no_file"));
  }
  auto parts = http::ParseMultipart(content_type, req.body);
  if (!parts.ok()) return ImportPage(app, req, p, 400, parts.status().message());
  const http::FormPart* file = nullptr;
  for (const http::FormPart& part : *parts) {
    if (part.is_file && part.name == "file") file = &part;
  }
  if (file == nullptr || file->data.empty()) {
    return ImportPage(app, req, p, 400, T(app, lang, "diary.import.error_no_file"));
  }
  if (file->data.size() > kMaxUploadBytes) {
    return ImportPage(app, req, p, 413, T(app, lang, "diary.import.error_too_large"));
  }
  std::string lower = file->filename;
  std::transform(lower.begin(), lower.end(), lower.begin(), ::tolower);
  const bool xlsx = lower.ends_with(".xlsx") && file->data.starts_with("PK\x03\x04");
  const bool csv = lower.ends_with(".csv") && !file->data.starts_with("PK");
  if (!xlsx && !csv) return ImportPage(app, req, p, 415, T(app, lang, "diary.import.error_type"));
  exports::ReadLimits limits;
  limits.max_file_bytes = kMaxUploadBytes;
  limits.max_rows = 1001;
  auto read =
      xlsx ? exports::ReadXlsxRows(file->data, limits) : exports::ReadCsv(file->data, limits);
  if (!read.ok()) {
    return ImportPage(
        app, req, p, 400,
        T(app, lang, "diary.import.error_unreadable") + " " + read.status().message());
  }
  if (read->size() < 2)
    return ImportPage(app, req, p, 400, T(app, lang, "diary.import.error_empty"));
  // The header row names the columns; they may come in any order.
  std::map<size_t, std::string> column_of;
  const std::vector<std::string>& header = read->front().cells;
  for (size_t i = 0; i < header.size(); ++i) {
    std::string h = header[i];
    h.erase(0, h.find_first_not_of(" '"));
    h.erase(h.find_last_not_of(' ') + 1);
    if (std::find(std::begin(kDiaryColumns), std::end(kDiaryColumns), h) ==
        std::end(kDiaryColumns)) {
      return ImportPage(app, req, p, 400,
                        T(app, lang, "diary.import.error_header") + " \"" + header[i] + "\"");
    }
    column_of[i] = h;
  }
  json staged_rows = json::array();
  for (size_t r = 1; r < read->size(); ++r) {
    const exports::ReadRow& row = (*read)[r];
    json cells = json::object();
    json errors = json::array();
    for (size_t i = 0; i < row.cells.size(); ++i) {
      auto it = column_of.find(i);
      if (it != column_of.end()) cells[it->second] = row.cells[i];
      if (it == column_of.end() && !row.cells[i].empty()) {
        errors.push_back({{"field", "extra"}, {"reason", "extra_cell"}});
      }
    }
    staged_rows.push_back({{"row", row.number}, {"cells", cells}, {"errors", errors}});
  }
  ImportStaging staged;
  staged.token = RandomToken(24);
  staged.org_id = *p.org_id;
  staged.user_id = p.user_id.value_or(0);
  staged.file_name = file->filename;
  staged.rows = staged_rows.dump();
  staged.created_at = NowMillis();
  staged.expires_at = staged.created_at + kStagingMillis;
  if (Status s = app.store.PutImportStaging(staged); !s.ok()) return ErrorPage(app, req, p, s);
  auto rows = CheckRows(app, *p.org_id, staged_rows);
  if (!rows.ok()) return ErrorPage(app, req, p, rows.status());
  return Preview(app, req, p, staged, *rows, 200, "");
}

// POST /workspace/import/confirm: token, mode=all|valid.
http::Response Confirm(AppContext& app, http::Request& req, const Principal& p) {
  if (auto refused = RefuseNonProducer(app, req, p)) return *refused;
  if (Status s = CheckCsrf(req, p); !s.ok()) return ErrorPage(app, req, p, s);
  const http::Lang lang = http::NegotiateLang(req);
  const std::string token = FormValue(req, "token");
  const bool valid_only = FormValue(req, "mode") == "valid";
  auto staged = app.store.GetImportStaging(token, p.user_id.value_or(0), NowMillis());
  if (!staged.ok()) {
    if (staged.status().code() != StatusCode::kNotFound)
      return ErrorPage(app, req, p, staged.status());
    return ImportPage(app, req, p, 404, T(app, lang, "diary.import.error_expired"));
  }
  if (staged->org_id != *p.org_id) {
    return ImportPage(app, req, p, 404, T(app, lang, "diary.import.error_expired"));
  }
  auto rows = CheckRows(app, *p.org_id, json::parse(staged->rows));
  if (!rows.ok()) return ErrorPage(app, req, p, rows.status());
  std::vector<epcis::Event> events;
  bool any_invalid = false;
  for (const CheckedRow& r : *rows) {
    if (r.event) events.push_back(*r.event);
    any_invalid = any_invalid || !r.errors.empty();
  }
  if (events.empty() || (any_invalid && !valid_only)) {
    return Preview(app, req, p, *staged, *rows, 400,
                   T(app, lang, "diary.import.error_not_all_valid"));
  }
  auto report = CaptureDiary(app.store, p, events);
  if (!report.ok()) {
    if (report.status().code() != StatusCode::kInvalidArgument) {
      return ErrorPage(app, req, p, report.status());
    }
    return Preview(app, req, p, *staged, *rows, 400, report.status().message());
  }
  // Used once: a second confirmation finds nothing (and would only make
  // duplicates, which capture ignores).
  if (auto taken = app.store.TakeImportStaging(token, p.user_id.value_or(0), NowMillis());
      !taken.ok() && taken.status().code() != StatusCode::kNotFound) {
    return ErrorPage(app, req, p, taken.status());
  }
  return http::Response::Redirect(303,
                                  "/workspace/diary?recorded=" + std::to_string(report->stored));
}

}  // namespace

void RegisterDiaryPages(http::Router& router, AppContext& app) {
  router.Add("GET", "/workspace/diary", PageHandler(app, DiaryList));
  router.Add("GET", "/workspace/diary/new", PageHandler(app, NewEntry));
  router.Add("POST", "/workspace/diary", PageHandler(app, RecordEntry));
  router.Add("GET", "/workspace/import",
             PageHandler(app, [](AppContext& a, http::Request& req, const Principal& p) {
               if (auto refused = RefuseNonProducer(a, req, p)) return *refused;
               return ImportPage(a, req, p, 200, "");
             }));
  router.Add("GET", "/workspace/import/template.csv",
             PageHandler(app, [](AppContext& a, http::Request& req, const Principal& p) {
               return Template(a, req, p, false);
             }));
  router.Add("GET", "/workspace/import/template.xlsx",
             PageHandler(app, [](AppContext& a, http::Request& req, const Principal& p) {
               return Template(a, req, p, true);
             }));
  router.Add("POST", "/workspace/import", PageHandler(app, Upload));
  router.Add("POST", "/workspace/import/confirm", PageHandler(app, Confirm));
}

}  // namespace txng::handlers
