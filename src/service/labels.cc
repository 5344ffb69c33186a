#include "service/labels.h"

#include "gs1/ai_table.h"
#include "gs1/digital_link.h"
#include "gs1/element_string.h"

namespace txng {
namespace {

constexpr const char* kDefaultStem = "https://id.gs1.org";

bool IsDigit(char c) { return c >= '0' && c <= '9'; }

// Adds one to the decimal number `digits`, keeping its width unless it
// overflows ("0099" → "0100", "99" → "100").
void Increment(std::string& digits) {
  for (size_t i = digits.size(); i-- > 0;) {
    if (digits[i] != '9') {
      ++digits[i];
      return;
    }
    digits[i] = '0';
  }
  digits.insert(digits.begin(), '1');
}

Status CheckLabelCount(int count, const char* field, const char* what) {
  if (count < 1) {
    return Status::InvalidArgument(
        std::string(field) + " must be at least 1, got " + std::to_string(count), field);
  }
  if (count > label::kMaxLabelsPerSheet) {
    return Status::InvalidArgument("at most " + std::to_string(label::kMaxLabelsPerSheet) +
                                       " labels can be printed at once, not " +
                                       std::to_string(count) + "; print the " + what +
                                       " in several runs",
                                   field);
  }
  return Status::Ok();
}

// "http(s)://host[/path]" without query or fragment; a trailing '/' is dropped.
Result<std::string> CheckStem(const std::string& stem) {
  if (stem.empty()) return std::string(kDefaultStem);
  const size_t scheme = stem.rfind("https://", 0) == 0 ? 8 : stem.rfind("http://", 0) == 0 ? 7 : 0;
  const bool bad_char = stem.find_first_of("?# \t\r\n") != std::string::npos;
  if (scheme == 0 || bad_char || stem.size() == scheme || stem[scheme] == '/') {
    return Status::InvalidArgument(
        "the Digital Link stem must be an http:// or https:// address without query or "
        "fragment, such as https://trace.example.vn, not '" +
            stem + "'",
        "stem");
  }
  std::string out = stem;
  if (out.back() == '/') out.pop_back();
  return out;
}

// How many labels the request makes, and the serials when it has some.
Result<std::vector<std::string>> CheckRequest(const LotLabelRequest& r, int* count) {
  TXNG_RETURN_IF_ERROR(label::ValidateSheetLayout(r.layout));
  if (r.serials && r.copies) {
    return Status::InvalidArgument(
        "give either serials (one label each) or copies of the lot's label, not both", "copies");
  }
  if (r.serials) {
    TXNG_ASSIGN_OR_RETURN(std::vector<std::string> serials, ExpandSerials(*r.serials));
    *count = static_cast<int>(serials.size());
    return serials;
  }
  *count = r.copies.value_or(r.layout.LabelsPerPage());
  TXNG_RETURN_IF_ERROR(CheckLabelCount(*count, "copies", "copies"));
  return std::vector<std::string>();
}

// The label of the lot with the given serial ("" for none).
Result<label::Label> MakeLabel(const label::Label& common, const std::string& gtin,
                               const std::string& serial, const std::string& stem) {
  std::vector<gs1::AiValue> ais = {{"01", gtin}, {"10", common.lot_code}};
  if (!serial.empty()) ais.push_back({"21", serial});
  TXNG_RETURN_IF_ERROR(gs1::ValidateAis(ais, gs1::ElementStringOptions()));
  label::Label l = common;
  l.serial = serial;
  l.trace_code = gs1::ToBracketed(ais);
  TXNG_ASSIGN_OR_RETURN(l.digital_link, gs1::ToDigitalLink(ais, stem, gs1::DigitalLinkOptions()));
  return l;
}

}  // namespace

Status ValidateDigitalLinkStem(const std::string& stem) { return CheckStem(stem).status(); }

Result<std::vector<std::string>> ExpandSerials(const SerialRange& range) {
  if (range.first.empty()) {
    return Status::InvalidArgument("the first serial is empty: give one such as 1 or A0001",
                                   "serialFrom");
  }
  TXNG_RETURN_IF_ERROR(CheckLabelCount(range.count, "serialCount", "serials"));
  size_t digits_at = range.first.size();
  while (digits_at > 0 && IsDigit(range.first[digits_at - 1])) --digits_at;
  if (digits_at == range.first.size()) {
    return Status::InvalidArgument("the first serial '" + range.first +
                                       "' must end in a digit: the digits at its end are "
                                       "counted up, one serial per label",
                                   "serialFrom");
  }
  const std::string prefix = range.first.substr(0, digits_at);
  std::string number = range.first.substr(digits_at);
  const gs1::AiEntry* serial_ai = gs1::FindAi("21");
  std::vector<std::string> serials;
  serials.reserve(range.count);
  for (int i = 0; i < range.count; ++i) {
    if (i > 0) Increment(number);
    std::string serial = prefix + number;
    Status valid = gs1::ValidateAiValue(*serial_ai, serial);
    if (!valid.ok()) {
      return Status::InvalidArgument("serial '" + serial + "': " + valid.message(),
                                     i == 0 ? "serialFrom" : "serialCount");
    }
    serials.push_back(std::move(serial));
  }
  return serials;
}

Result<std::vector<label::Label>> BuildLotLabels(CatalogService& catalog,
                                                 const Principal& principal,
                                                 const LotLabelRequest& request) {
  int count = 0;
  TXNG_ASSIGN_OR_RETURN(std::vector<std::string> serials, CheckRequest(request, &count));
  TXNG_ASSIGN_OR_RETURN(std::string stem, CheckStem(request.stem));

  TXNG_ASSIGN_OR_RETURN(Lot lot, catalog.GetLot(principal, request.lot_id));
  TXNG_ASSIGN_OR_RETURN(Product product, catalog.GetProduct(principal, lot.product_id));
  TXNG_ASSIGN_OR_RETURN(Organisation producer, catalog.GetOrganisation(principal, lot.org_id));

  label::Label common;
  const bool english = request.captions.language == label::LabelLanguage::kEnglish;
  common.product_name = english && !product.name_en.empty() ? product.name_en : product.name_vi;
  common.producer_name = producer.name;
  common.lot_code = lot.lot_code;
  common.production_date = lot.production_date;
  common.expiry_date = lot.expiry_date;

  std::vector<label::Label> labels;
  labels.reserve(count);
  if (serials.empty()) {
    auto one = MakeLabel(common, product.gtin, "", stem);
    if (!one.ok()) return one.status().WithContext("lot " + std::to_string(lot.id));
    labels.assign(count, *one);
  } else {
    for (const std::string& serial : serials) {
      auto l = MakeLabel(common, product.gtin, serial, stem);
      if (!l.ok()) return l.status().WithContext("lot " + std::to_string(lot.id));
      labels.push_back(std::move(l).value());
    }
  }
  // The stem is the caller's: prove that what it made reads back as a Digital Link.
  auto parsed = gs1::ParseDigitalLink(labels.front().digital_link, gs1::DigitalLinkOptions());
  if (!parsed.ok()) {
    return Status::InvalidArgument("the Digital Link stem '" + stem +
                                       "' does not make a valid "
                                       "GS1 Digital Link: " +
                                       parsed.status().message(),
                                   "stem");
  }
  return labels;
}

Result<LotLabelSheet> PrintLotLabels(CatalogService& catalog, const Principal& principal,
                                     const LotLabelRequest& request) {
  TXNG_ASSIGN_OR_RETURN(std::vector<label::Label> labels,
                        BuildLotLabels(catalog, principal, request));
  LotLabelSheet sheet;
  TXNG_ASSIGN_OR_RETURN(sheet.pdf,
                        label::RenderLabelSheetPdf(labels, request.layout, request.captions));
  sheet.filename = "labels-" + std::to_string(request.lot_id) + ".pdf";
  sheet.labels = static_cast<int>(labels.size());
  const int per_page = request.layout.LabelsPerPage();
  sheet.pages = (sheet.labels + per_page - 1) / per_page;
  return sheet;
}

}  // namespace txng
