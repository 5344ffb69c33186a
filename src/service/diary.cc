#include "service/diary.h"

#include <algorithm>
#include <cmath>
#include <cstdlib>

#include "epcis/timestamp.h"
#include "epcis/validation.h"
#include "gs1/check_digit.h"
#include "gs1/digital_link.h"
#include "gs1/element_string.h"

namespace txng {
namespace {

constexpr std::string_view kCbvBizStep = "https://ref.gs1.org/cbv/BizStep-";
constexpr std::string_view kCbvDisposition = "https://ref.gs1.org/cbv/Disp-";
constexpr std::string_view kCbvSourceDest = "https://ref.gs1.org/cbv/SDT-";
constexpr std::string_view kCbvMda = "{urn:epcglobal:cbv:mda:}";

constexpr std::string_view kStageNames[] = {"planting_care", "harvesting", "processing", "packing",
                                            "storage",       "shipping",   "receiving",  "selling"};

std::string Txng(std::string_view local) {
  return "{" + std::string(kTxngNamespace) + "}" + std::string(local);
}

// The canonical Digital Link URI of `ais` once their values are valid;
// kInvalidArgument naming `field` otherwise.
Result<std::string> Link(const std::vector<gs1::AiValue>& ais, const char* field) {
  Status valid = gs1::ValidateAis(ais, {});
  Result<std::string> id =
      valid.ok() ? gs1::ToDigitalLink(ais, "", {}) : Result<std::string>(std::move(valid));
  if (!id.ok()) return Status::InvalidArgument(id.status().message(), field);
  return id;
}

Result<std::string> LotId(const DiaryLot& lot, const char* field) {
  return Link({{"01", lot.gtin}, {"10", lot.lot_code}}, field);
}

Result<std::string> PlaceId(const DiaryPlace& place) {
  std::vector<gs1::AiValue> ais = {{"414", place.gln}};
  if (!place.extension.empty()) ais.push_back({"254", place.extension});
  return Link(ais, "place");
}

Result<std::string> PartyId(const std::string& gln, const char* field) {
  return Link({{"417", gln}}, field);
}

Result<std::vector<epcis::QuantityElement>> Quantities(const std::vector<DiaryLot>& lots,
                                                       const char* field) {
  std::vector<epcis::QuantityElement> out;
  for (const DiaryLot& lot : lots) {
    TXNG_ASSIGN_OR_RETURN(std::string id, LotId(lot, field));
    out.push_back({id, lot.quantity, lot.quantity ? lot.uom : ""});
  }
  return out;
}

}  // namespace

std::string_view DiaryStageName(DiaryStage stage) {
  return kStageNames[static_cast<size_t>(stage)];
}

std::optional<DiaryStage> DiaryStageFromName(std::string_view name) {
  for (DiaryStage s : kDiaryStages) {
    if (DiaryStageName(s) == name) return s;
  }
  return std::nullopt;
}

std::string DiaryBizStep(DiaryStage stage) {
  switch (stage) {
    case DiaryStage::kPlantingCare:
      // CBV 2.0 has no bizStep for field work; TXNG names its own.
      return std::string(kTxngNamespace) + "BizStep-farming";
    case DiaryStage::kHarvesting:
      return std::string(kCbvBizStep) + "commissioning";
    case DiaryStage::kProcessing:
      return std::string(kCbvBizStep) + "creating_class_instance";
    case DiaryStage::kPacking:
      return std::string(kCbvBizStep) + "packing";
    case DiaryStage::kStorage:
      return std::string(kCbvBizStep) + "storing";
    case DiaryStage::kShipping:
      return std::string(kCbvBizStep) + "shipping";
    case DiaryStage::kReceiving:
      return std::string(kCbvBizStep) + "receiving";
    case DiaryStage::kSelling:
      return std::string(kCbvBizStep) + "retail_selling";
  }
  return {};
}

std::optional<DiaryStage> DiaryStageOfBizStep(std::string_view biz_step) {
  for (DiaryStage s : kDiaryStages) {
    if (DiaryBizStep(s) == biz_step) return s;
  }
  return std::nullopt;
}

Result<epcis::Event> DiaryEvent(const DiaryEntry& entry) {
  epcis::Event e;
  e.event_time = entry.local_time + ":00" + std::string(kProvinceTimeZone);
  e.event_time_zone_offset = std::string(kProvinceTimeZone);
  e.biz_step = DiaryBizStep(entry.stage);
  TXNG_ASSIGN_OR_RETURN(std::string place, PlaceId(entry.place));
  e.read_point = epcis::Location{place, {}};
  e.biz_location = epcis::Location{place, {}};
  e.type = epcis::EventType::kObject;
  e.action = epcis::Action::kObserve;
  TXNG_ASSIGN_OR_RETURN(std::vector<epcis::QuantityElement> lots, Quantities(entry.lots, "lot"));
  const auto disposition = [](std::string_view d) {
    return std::string(kCbvDisposition) + std::string(d);
  };
  const auto typed = [](std::string_view type, std::string id) {
    return epcis::TypedId{std::string(kCbvSourceDest) + std::string(type), std::move(id)};
  };
  switch (entry.stage) {
    case DiaryStage::kPlantingCare:
      e.quantity_list = std::move(lots);
      e.extensions.push_back({Txng("farmActivity"), entry.activity});
      break;
    case DiaryStage::kHarvesting: {
      e.action = epcis::Action::kAdd;
      e.disposition = disposition("active");
      e.quantity_list = std::move(lots);
      const std::string day = entry.local_time.substr(0, 10);
      epcis::Extensions ilmd = {{std::string(kCbvMda) + "harvestStartDate", day},
                                {std::string(kCbvMda) + "harvestEndDate", day}};
      if (entry.lots.size() == 1) {
        ilmd.push_back({std::string(kCbvMda) + "lotNumber", entry.lots[0].lot_code});
      }
      if (!entry.place.area_code.empty()) {
        ilmd.push_back({Txng("growingAreaCode"), entry.place.area_code});
      }
      e.ilmd = std::move(ilmd);
      break;
    }
    case DiaryStage::kProcessing: {
      e.type = epcis::EventType::kTransformation;
      e.action = epcis::Action::kNone;
      e.disposition = disposition("active");
      e.input_quantity_list = std::move(lots);
      TXNG_ASSIGN_OR_RETURN(e.output_quantity_list, Quantities(entry.outputs, "output_lot"));
      break;
    }
    case DiaryStage::kPacking:
      e.disposition = disposition("in_progress");
      e.quantity_list = std::move(lots);
      break;
    case DiaryStage::kStorage:
      e.disposition = disposition("sellable_not_accessible");
      e.quantity_list = std::move(lots);
      break;
    case DiaryStage::kShipping: {
      e.disposition = disposition("in_transit");
      e.quantity_list = std::move(lots);
      if (!entry.own_gln.empty()) {
        TXNG_ASSIGN_OR_RETURN(std::string own, PartyId(entry.own_gln, "own_gln"));
        e.sources.push_back(typed("owning_party", own));
      }
      e.sources.push_back(typed("location", place));
      TXNG_ASSIGN_OR_RETURN(std::string partner, PartyId(entry.partner_gln, "partner"));
      e.destinations.push_back(typed("owning_party", partner));
      break;
    }
    case DiaryStage::kReceiving: {
      e.disposition = disposition("in_progress");
      e.quantity_list = std::move(lots);
      TXNG_ASSIGN_OR_RETURN(std::string partner, PartyId(entry.partner_gln, "partner"));
      e.sources.push_back(typed("owning_party", partner));
      if (!entry.own_gln.empty()) {
        TXNG_ASSIGN_OR_RETURN(std::string own, PartyId(entry.own_gln, "own_gln"));
        e.destinations.push_back(typed("owning_party", own));
      }
      e.destinations.push_back(typed("location", place));
      break;
    }
    case DiaryStage::kSelling:
      e.disposition = disposition("retail_sold");
      e.quantity_list = std::move(lots);
      break;
  }
  if (!entry.note.empty()) e.extensions.push_back({Txng("note"), entry.note});
  return e;
}

namespace {

std::string Trim(std::string s) {
  const auto space = [](unsigned char c) {
    return c == ' ' || c == '\t' || c == '\r' || c == '\n';
  };
  while (!s.empty() && space(s.back())) s.pop_back();
  size_t i = 0;
  while (i < s.size() && space(s[i])) ++i;
  return s.substr(i);
}

// "YYYY-MM-DDTHH:MM", "YYYY-MM-DD HH:MM(:SS)" or "DD/MM/YYYY HH:MM" →
// "YYYY-MM-DDTHH:MM" when the day and time exist.
std::optional<std::string> LocalTime(std::string text) {
  std::string date, time;
  const size_t sep = text.find_first_of("T ");
  if (sep == std::string::npos) return std::nullopt;
  date = text.substr(0, sep);
  time = Trim(text.substr(sep + 1));
  if (date.size() == 10 && date[2] == '/' && date[5] == '/') {
    date = date.substr(6, 4) + "-" + date.substr(3, 2) + "-" + date.substr(0, 2);
  }
  if (time.size() == 8 && time[5] == ':' && time.substr(6) == "00") time.resize(5);
  if (time.size() == 4 && time[1] == ':') time = "0" + time;
  if (date.size() != 10 || time.size() != 5) return std::nullopt;
  const std::string local = date + "T" + time;
  if (!epcis::ParseTimestamp(local + ":00" + std::string(kProvinceTimeZone)).ok()) {
    return std::nullopt;
  }
  return local;
}

// A positive quantity; a decimal comma is accepted ("12,5").
std::optional<double> Quantity(std::string text) {
  if (text.find('.') == std::string::npos) std::replace(text.begin(), text.end(), ',', '.');
  if (text.empty() || text.find_first_not_of("0123456789.") != std::string::npos) {
    return std::nullopt;
  }
  char* end = nullptr;
  const double q = std::strtod(text.c_str(), &end);
  if (end != text.c_str() + text.size() || !std::isfinite(q) || q <= 0) return std::nullopt;
  return q;
}

class Resolver {
 public:
  Resolver(Store& store, int64_t org_id) : store_(store), org_id_(org_id) {}

  void Error(std::string field, std::string reason) {
    errors_.push_back({std::move(field), std::move(reason)});
  }
  std::vector<DiaryError>& errors() { return errors_; }

  // A lot of the organisation's own products, with its quantity.
  Result<std::optional<DiaryLot>> Lot(const std::string& code, const std::string& quantity,
                                      const std::string& unit, const std::string& field,
                                      const std::string& quantity_field,
                                      const std::string& unit_field, bool quantity_required) {
    std::optional<DiaryLot> lot;
    const size_t slash = code.find('/');
    if (code.empty()) {
      Error(field, "required");
    } else if (slash == std::string::npos || slash + 1 == code.size() ||
               !gs1::NormalizeGtin(code.substr(0, slash))) {
      Error(field, "lot_format");
    } else {
      const std::string gtin = *gs1::NormalizeGtin(code.substr(0, slash));
      Result<Product> product = store_.GetProductByGtin(gtin);
      if (!product.ok() && product.status().code() != StatusCode::kNotFound) {
        return product.status();
      }
      if (!product.ok()) {
        Error(field, "unknown_lot");
      } else if (product->org_id != org_id_) {
        Error(field, "not_own_lot");
      } else {
        Result<txng::Lot> found = store_.GetLotByCode(product->id, code.substr(slash + 1));
        if (!found.ok() && found.status().code() != StatusCode::kNotFound) return found.status();
        if (!found.ok()) {
          Error(field, "unknown_lot");
        } else {
          lot = DiaryLot{gtin, found->lot_code, std::nullopt, ""};
        }
      }
    }
    std::optional<double> q;
    if (!quantity.empty()) {
      q = Quantity(quantity);
      if (!q) Error(quantity_field, "quantity_format");
    } else if (quantity_required) {
      Error(quantity_field, "required");
    }
    const bool known_unit =
        std::find(std::begin(kDiaryUnits), std::end(kDiaryUnits), unit) != std::end(kDiaryUnits);
    if (!unit.empty() && !known_unit) {
      Error(unit_field, "unit_unknown");
    } else if (!quantity.empty() && unit.empty()) {
      Error(unit_field, "required");
    } else if (quantity.empty() && !unit.empty()) {
      Error(unit_field, "unit_without_quantity");
    }
    if (lot && q) {
      lot->quantity = q;
      lot->uom = unit;
    }
    return lot;
  }

  // One of the organisation's own locations.
  Result<std::optional<DiaryPlace>> Place(const std::string& code) {
    if (code.empty()) {
      Error("place", "required");
      return std::optional<DiaryPlace>();
    }
    const size_t slash = code.find('/');
    const std::string gln = code.substr(0, slash);
    const std::string ext = slash == std::string::npos ? "" : code.substr(slash + 1);
    if (!gs1::IsValidGln(gln)) {
      Error("place", "place_format");
      return std::optional<DiaryPlace>();
    }
    LocationFilter f;
    f.gln = gln;
    f.gln_extension = ext;
    TXNG_ASSIGN_OR_RETURN(Page<Location> any, store_.ListLocations(f, {.limit = 1, .offset = 0}));
    if (any.items.empty()) {
      Error("place", "unknown_place");
      return std::optional<DiaryPlace>();
    }
    if (any.items[0].org_id != org_id_) {
      Error("place", "not_own_place");
      return std::optional<DiaryPlace>();
    }
    return std::optional<DiaryPlace>(DiaryPlace{gln, ext, any.items[0].area_code});
  }

  // An approved organisation other than this one.
  Result<std::string> Partner(const std::string& gln) {
    if (gln.empty()) {
      Error("partner", "required");
      return std::string();
    }
    if (!gs1::IsValidGln(gln)) {
      Error("partner", "partner_format");
      return std::string();
    }
    OrganisationFilter f;
    f.gln = gln;
    f.review_status = ReviewStatus::kApproved;
    TXNG_ASSIGN_OR_RETURN(Page<Organisation> found,
                          store_.ListOrganisations(f, {.limit = 1, .offset = 0}));
    if (found.items.empty()) {
      Error("partner", "unknown_partner");
    } else if (found.items[0].id == org_id_) {
      Error("partner", "partner_is_self");
    }
    return gln;
  }

 private:
  Store& store_;
  int64_t org_id_;
  std::vector<DiaryError> errors_;
};

}  // namespace

Result<DiaryResolution> ResolveDiary(Store& store, int64_t org_id, const DiaryInput& raw) {
  DiaryInput in = raw;
  for (std::string* s :
       {&in.stage, &in.time, &in.lot, &in.quantity, &in.unit, &in.place, &in.partner,
        &in.output_lot, &in.output_quantity, &in.output_unit, &in.activity, &in.note}) {
    *s = Trim(*s);
  }
  Resolver r(store, org_id);
  DiaryResolution out;
  const std::optional<DiaryStage> stage = DiaryStageFromName(in.stage);
  if (!stage) {
    r.Error("stage", in.stage.empty() ? "required" : "stage_unknown");
    out.errors = std::move(r.errors());
    return out;
  }
  DiaryEntry entry;
  entry.stage = *stage;
  entry.note = in.note;
  if (in.time.empty()) {
    r.Error("time", "required");
  } else if (auto local = LocalTime(in.time)) {
    entry.local_time = *local;
  } else {
    r.Error("time", "time_format");
  }
  const bool processing = *stage == DiaryStage::kProcessing;
  const bool harvesting = *stage == DiaryStage::kHarvesting;
  TXNG_ASSIGN_OR_RETURN(
      std::optional<DiaryLot> lot,
      r.Lot(in.lot, in.quantity, in.unit, "lot", "quantity", "unit", harvesting || processing));
  if (lot) entry.lots.push_back(*lot);
  if (processing) {
    TXNG_ASSIGN_OR_RETURN(std::optional<DiaryLot> output,
                          r.Lot(in.output_lot, in.output_quantity, in.output_unit, "output_lot",
                                "output_quantity", "output_unit", true));
    if (output) entry.outputs.push_back(*output);
    if (lot && output && lot->gtin == output->gtin && lot->lot_code == output->lot_code) {
      r.Error("output_lot", "output_is_input");
    }
  } else {
    for (auto [field, value] : {std::pair{"output_lot", &in.output_lot},
                                std::pair{"output_quantity", &in.output_quantity},
                                std::pair{"output_unit", &in.output_unit}}) {
      if (!value->empty()) r.Error(field, "not_for_stage");
    }
  }
  TXNG_ASSIGN_OR_RETURN(std::optional<DiaryPlace> place, r.Place(in.place));
  if (place) entry.place = *place;
  if (*stage == DiaryStage::kShipping || *stage == DiaryStage::kReceiving) {
    TXNG_ASSIGN_OR_RETURN(entry.partner_gln, r.Partner(in.partner));
    TXNG_ASSIGN_OR_RETURN(Organisation own, store.GetOrganisation(org_id));
    entry.own_gln = own.gln;
  } else if (!in.partner.empty()) {
    r.Error("partner", "not_for_stage");
  }
  if (*stage == DiaryStage::kPlantingCare) {
    if (in.activity.empty()) {
      r.Error("activity", "required");
    } else if (std::find(std::begin(kFarmActivities), std::end(kFarmActivities), in.activity) ==
               std::end(kFarmActivities)) {
      r.Error("activity", "activity_unknown");
    }
    entry.activity = in.activity;
  } else if (!in.activity.empty()) {
    r.Error("activity", "not_for_stage");
  }
  if (in.note.size() > 1000) r.Error("note", "note_too_long");
  out.errors = std::move(r.errors());
  if (out.errors.empty()) out.entry = std::move(entry);
  return out;
}

Result<CaptureReport> CaptureDiary(Store& store, const Principal& who,
                                   const std::vector<epcis::Event>& events) {
  epcis::Document doc;
  doc.schema_version = "2.0";
  for (size_t i = 0; i < events.size(); ++i) {
    TXNG_RETURN_IF_ERROR(
        epcis::ValidateEvent(events[i], i, "/epcisBody/eventList/" + std::to_string(i)));
  }
  doc.events = events;
  return CaptureDocument(store, doc, who, {}, who.ToActor());
}

}  // namespace txng
