// The production diary: what a producer records at each stage (planting and
// care, harvesting, processing, packing, storage, shipping, receiving,
// selling) as EPCIS 2.0 events with CBV 2.0 vocabulary. Forms and
// spreadsheet rows say the same things as text (DiaryInput); ResolveDiary
// checks them against the organisation's own lots and places and the
// approved partner organisations (DiaryEntry); DiaryEvent turns an entry
// into its event; CaptureDiary stores events through the normal capture
// path (validated, hashed, pending review). docs/PORTAL.md tabulates the
// mapping.
#ifndef TXNG_SERVICE_DIARY_H_
#define TXNG_SERVICE_DIARY_H_

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "common/status.h"
#include "epcis/model.h"
#include "service/epcis_capture.h"
#include "service/principal.h"
#include "store/store.h"

namespace txng {

enum class DiaryStage {
  kPlantingCare,
  kHarvesting,
  kProcessing,
  kPacking,
  kStorage,
  kShipping,
  kReceiving,
  kSelling
};
inline constexpr DiaryStage kDiaryStages[] = {DiaryStage::kPlantingCare, DiaryStage::kHarvesting,
                                              DiaryStage::kProcessing,   DiaryStage::kPacking,
                                              DiaryStage::kStorage,      DiaryStage::kShipping,
                                              DiaryStage::kReceiving,    DiaryStage::kSelling};

// "planting_care", "harvesting", "processing", "packing", "storage",
// "shipping", "receiving", "selling".
std::string_view DiaryStageName(DiaryStage stage);
std::optional<DiaryStage> DiaryStageFromName(std::string_view name);
// The bizStep (CBV Web URI, or TXNG's own for planting and care) that a
// stage's events carry; the diary list filters by it.
std::string DiaryBizStep(DiaryStage stage);
// The stage of an event's bizStep; nullopt for bizSteps no stage uses.
std::optional<DiaryStage> DiaryStageOfBizStep(std::string_view biz_step);

// The namespace of TXNG's extension fields and of its planting-and-care bizStep.
inline constexpr std::string_view kTxngNamespace = "https://txng.binhphuoc.gov.vn/epcis/";
// The time zone of the province's diary entries.
inline constexpr std::string_view kProvinceTimeZone = "+07:00";

// The units a diary quantity may have (UN/ECE Rec 20 / Rec 21 codes).
inline constexpr std::string_view kDiaryUnits[] = {"KGM", "TNE", "GRM", "LTR", "H87", "XBX", "XBG"};
// What was done in planting and care.
inline constexpr std::string_view kFarmActivities[] = {
    "planting", "fertilising", "spraying", "irrigating", "pruning", "weeding", "other"};

struct DiaryLot {
  std::string gtin;      // 14 digits
  std::string lot_code;  // AI (10)
  std::optional<double> quantity;
  std::string uom;  // one of kDiaryUnits; empty without a quantity

  bool operator==(const DiaryLot&) const = default;
};

struct DiaryPlace {
  std::string gln;        // 13 digits
  std::string extension;  // AI (254), empty when none
  std::string area_code;  // growing-area / packing-house code, empty when none

  bool operator==(const DiaryPlace&) const = default;
};

// One diary entry with every reference resolved. The fields a stage does
// not use are ignored.
struct DiaryEntry {
  DiaryStage stage = DiaryStage::kHarvesting;
  std::string local_time;         // "YYYY-MM-DDTHH:MM" in the province's time zone
  std::vector<DiaryLot> lots;     // what the stage handles; processing: its inputs
  std::vector<DiaryLot> outputs;  // processing: what it makes
  DiaryPlace place;               // where it happened (readPoint and bizLocation)
  std::string own_gln;            // the organisation's GLN (shipping source, receiving destination)
  std::string partner_gln;        // shipping: to whom; receiving: from whom
  std::string activity;           // planting and care: one of kFarmActivities
  std::string note;               // free text, kept as a TXNG extension field

  bool operator==(const DiaryEntry&) const = default;
};

// The event of `entry` (pure). Per stage:
//   planting_care  ObjectEvent OBSERVE, bizStep TXNG "farming", extension
//                  txng:farmActivity (+ txng:note)
//   harvesting     ObjectEvent ADD, commissioning, active; ilmd
//                  cbvmda:harvestStartDate/harvestEndDate (the day),
//                  cbvmda:lotNumber, txng:growingAreaCode (the place's code)
//   processing     TransformationEvent inputs → outputs,
//                  creating_class_instance, active
//   packing        ObjectEvent OBSERVE, packing, in_progress
//   storage        ObjectEvent OBSERVE, storing, sellable_not_accessible
//   shipping       ObjectEvent OBSERVE, shipping, in_transit; sources
//                  owning_party (own) and location (place); destination
//                  owning_party (partner)
//   receiving      ObjectEvent OBSERVE, receiving, in_progress; source
//                  owning_party (partner); destinations owning_party (own)
//                  and location (place)
//   selling        ObjectEvent OBSERVE, retail_selling, retail_sold
// kInvalidArgument (field named) when a code does not make an identifier.
Result<epcis::Event> DiaryEvent(const DiaryEntry& entry);

// A diary entry as a form or a spreadsheet row gives it: every field text.
// lot and output_lot: "GTIN/LOT"; place: "GLN" or "GLN/EXTENSION";
// partner: a GLN; time: "YYYY-MM-DDTHH:MM", "YYYY-MM-DD HH:MM" or
// "DD/MM/YYYY HH:MM" in the province's time zone.
struct DiaryInput {
  std::string stage, time, lot, quantity, unit, place, partner, output_lot, output_quantity,
      output_unit, activity, note;
};

// The spreadsheet columns, in order: the DiaryInput fields by name.
inline constexpr std::string_view kDiaryColumns[] = {"stage",       "time",       "lot",
                                                     "quantity",    "unit",       "place",
                                                     "partner",     "output_lot", "output_quantity",
                                                     "output_unit", "activity",   "note"};

// One problem with a DiaryInput: the field (a kDiaryColumns name) and a
// catalogue key under "diary.error." saying what is wrong.
struct DiaryError {
  std::string field;
  std::string reason;  // e.g. "required", "not_own_lot"

  bool operator==(const DiaryError&) const = default;
};

struct DiaryResolution {
  std::optional<DiaryEntry> entry;  // set when there are no errors
  std::vector<DiaryError> errors;
};

// Checks `input` for organisation `org_id`: lots must be the organisation's
// own products' lots, the place one of its locations, the partner an
// approved organisation with that GLN (not itself). Every problem is listed.
Result<DiaryResolution> ResolveDiary(Store& store, int64_t org_id, const DiaryInput& input);

// Validates the events (EPCIS 2.0 rules) and captures them as one document
// for `who`'s organisation, pending review: all or nothing.
Result<CaptureReport> CaptureDiary(Store& store, const Principal& who,
                                   const std::vector<epcis::Event>& events);

}  // namespace txng

#endif  // TXNG_SERVICE_DIARY_H_
