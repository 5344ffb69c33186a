#include "epcis/cbv.h"

#include <algorithm>
#include <span>

namespace txng::epcis {
namespace {

constexpr std::string_view kBizSteps[] = {"accepting",
                                          "arriving",
                                          "assembling",
                                          "collecting",
                                          "commissioning",
                                          "consigning",
                                          "creating_class_instance",
                                          "cycle_counting",
                                          "decommissioning",
                                          "departing",
                                          "destroying",
                                          "disassembling",
                                          "dispensing",
                                          "encoding",
                                          "entering_exiting",
                                          "holding",
                                          "inspecting",
                                          "installing",
                                          "killing",
                                          "loading",
                                          "other",
                                          "packing",
                                          "picking",
                                          "receiving",
                                          "removing",
                                          "repackaging",
                                          "repairing",
                                          "replacing",
                                          "reserving",
                                          "retail_selling",
                                          "sampling",
                                          "sensor_reporting",
                                          "shipping",
                                          "staging_outbound",
                                          "stock_taking",
                                          "stocking",
                                          "storing",
                                          "transporting",
                                          "unloading",
                                          "unpacking",
                                          "void_shipping"};

constexpr std::string_view kDispositions[] = {"active",
                                              "available",
                                              "completeness_verified",
                                              "completeness_inferred",
                                              "conformant",
                                              "container_closed",
                                              "container_open",
                                              "damaged",
                                              "destroyed",
                                              "dispensed",
                                              "disposed",
                                              "encoded",
                                              "expired",
                                              "in_progress",
                                              "in_transit",
                                              "inactive",
                                              "mismatch_instance",
                                              "mismatch_class",
                                              "mismatch_quantity",
                                              "needs_replacement",
                                              "no_pedigree_match",
                                              "non_conformant",
                                              "non_sellable_other",
                                              "partially_dispensed",
                                              "recalled",
                                              "reserved",
                                              "retail_sold",
                                              "returned",
                                              "sellable_accessible",
                                              "sellable_not_accessible",
                                              "stolen",
                                              "unavailable",
                                              "unknown"};

constexpr std::string_view kBizTransactionTypes[] = {
    "bol",       "cert",   "desadv", "inv",     "pedigree", "po",   "poc",
    "prodorder", "recadv", "rma",    "testprd", "testres",  "upevt"};

constexpr std::string_view kSourceDestTypes[] = {"owning_party", "possessing_party", "location"};

constexpr std::string_view kErrorReasons[] = {"did_not_occur", "incorrect_data"};

constexpr std::string_view kComponents[] = {"x",
                                            "y",
                                            "z",
                                            "axial_distance",
                                            "azimuth",
                                            "height",
                                            "spherical_radius",
                                            "polar_angle",
                                            "elevation_angle",
                                            "easting",
                                            "northing",
                                            "latitude",
                                            "longitude",
                                            "altitude"};

constexpr std::string_view kMeasurementTypes[] = {"AbsoluteHumidity",
                                                  "AbsorbedDose",
                                                  "AbsorbedDoseRate",
                                                  "Acceleration",
                                                  "Radioactivity",
                                                  "Altitude",
                                                  "AmountOfSubstance",
                                                  "AmountOfSubstancePerUnitVolume",
                                                  "Angle",
                                                  "AngularAcceleration",
                                                  "AngularMomentum",
                                                  "AngularVelocity",
                                                  "Area",
                                                  "Capacitance",
                                                  "Conductance",
                                                  "Conductivity",
                                                  "Count",
                                                  "Density",
                                                  "Dimensionless",
                                                  "DoseEquivalent",
                                                  "DoseEquivalentRate",
                                                  "DynamicViscosity",
                                                  "ElectricCharge",
                                                  "ElectricCurrent",
                                                  "ElectricCurrentDensity",
                                                  "ElectricFieldStrength",
                                                  "Energy",
                                                  "Exposure",
                                                  "Force",
                                                  "Frequency",
                                                  "Illuminance",
                                                  "Inductance",
                                                  "Irradiance",
                                                  "KinematicViscosity",
                                                  "Length",
                                                  "LinearMomentum",
                                                  "Luminance",
                                                  "LuminousFlux",
                                                  "LuminousIntensity",
                                                  "MagneticFlux",
                                                  "MagneticFluxDensity",
                                                  "MagneticVectorPotential",
                                                  "Mass",
                                                  "MassConcentration",
                                                  "MassFlowRate",
                                                  "MassPerAreaTime",
                                                  "MemoryCapacity",
                                                  "MolalityOfSolute",
                                                  "MolarEnergy",
                                                  "MolarMass",
                                                  "MolarVolume",
                                                  "Power",
                                                  "Pressure",
                                                  "RadiantFlux",
                                                  "RadiantIntensity",
                                                  "RelativeHumidity",
                                                  "Resistance",
                                                  "Resistivity",
                                                  "SolidAngle",
                                                  "SpecificVolume",
                                                  "Speed",
                                                  "SurfaceDensity",
                                                  "SurfaceTension",
                                                  "Temperature",
                                                  "Time",
                                                  "Torque",
                                                  "Voltage",
                                                  "Volume",
                                                  "VolumeFlowRate",
                                                  "VolumeFraction",
                                                  "VolumetricFlux",
                                                  "Wavenumber"};

constexpr std::string_view kSensorAlertTypes[] = {"ALARM_CONDITION", "ERROR_CONDITION"};

struct VocabularyInfo {
  std::span<const std::string_view> terms;
  std::string_view web_prefix;  // Web URI = web_prefix + term
  std::string_view urn_prefix;  // CBV URN = urn_prefix + term; empty when none
  std::string_view name;        // for messages
};

VocabularyInfo InfoOf(Vocabulary vocabulary) {
  switch (vocabulary) {
    case Vocabulary::kBizStep:
      return {kBizSteps, "https://ref.gs1.org/cbv/BizStep-",
              "urn:epcglobal:cbv:bizstep:", "bizStep"};
    case Vocabulary::kDisposition:
      return {kDispositions, "https://ref.gs1.org/cbv/Disp-",
              "urn:epcglobal:cbv:disp:", "disposition"};
    case Vocabulary::kBizTransactionType:
      return {kBizTransactionTypes, "https://ref.gs1.org/cbv/BTT-",
              "urn:epcglobal:cbv:btt:", "bizTransaction type"};
    case Vocabulary::kSourceDestType:
      return {kSourceDestTypes, "https://ref.gs1.org/cbv/SDT-",
              "urn:epcglobal:cbv:sdt:", "source/destination type"};
    case Vocabulary::kErrorReason:
      return {kErrorReasons, "https://ref.gs1.org/cbv/ER-",
              "urn:epcglobal:cbv:er:", "error reason"};
    case Vocabulary::kSensorComponent:
      return {kComponents, "https://ref.gs1.org/cbv/Comp-", {}, "sensor component"};
    case Vocabulary::kMeasurementType:
      return {kMeasurementTypes, "https://gs1.org/voc/", {}, "measurement type"};
    case Vocabulary::kSensorAlertType:
      return {kSensorAlertTypes, "https://gs1.org/voc/", {}, "sensor alert type"};
  }
  return {};
}

bool IsTerm(const VocabularyInfo& info, std::string_view word) {
  return std::find(info.terms.begin(), info.terms.end(), word) != info.terms.end();
}

bool StartsWith(std::string_view s, std::string_view p) { return s.substr(0, p.size()) == p; }

// The term of a Web URI of the vocabulary, or empty.
std::string_view TermOfWebUri(const VocabularyInfo& info, std::string_view value) {
  if (!StartsWith(value, info.web_prefix)) return {};
  std::string_view term = value.substr(info.web_prefix.size());
  return IsTerm(info, term) ? term : std::string_view();
}

}  // namespace

Result<std::string> NormalizeVocabulary(Vocabulary vocabulary, std::string_view value) {
  VocabularyInfo info = InfoOf(vocabulary);
  if (value.find(':') == std::string_view::npos) {
    if (!IsTerm(info, value)) {
      return Status::InvalidArgument("\"" + std::string(value) + "\" is not a CBV " +
                                     std::string(info.name) +
                                     "; a value of your own must be a URI");
    }
    return std::string(info.web_prefix) + std::string(value);
  }
  if (!info.urn_prefix.empty() && StartsWith(value, info.urn_prefix)) {
    return std::string(info.web_prefix) + std::string(value.substr(info.urn_prefix.size()));
  }
  return std::string(value);
}

std::string CompactVocabulary(Vocabulary vocabulary, std::string_view value) {
  std::string_view term = TermOfWebUri(InfoOf(vocabulary), value);
  return std::string(term.empty() ? value : term);
}

std::string VocabularyUrn(Vocabulary vocabulary, std::string_view value) {
  VocabularyInfo info = InfoOf(vocabulary);
  std::string_view term = TermOfWebUri(info, value);
  if (term.empty() || info.urn_prefix.empty()) return std::string(value);
  return std::string(info.urn_prefix) + std::string(term);
}

std::string CbvUrnToWebUri(std::string_view value) {
  for (Vocabulary v :
       {Vocabulary::kBizStep, Vocabulary::kDisposition, Vocabulary::kBizTransactionType,
        Vocabulary::kSourceDestType, Vocabulary::kErrorReason}) {
    VocabularyInfo info = InfoOf(v);
    if (StartsWith(value, info.urn_prefix)) {
      return std::string(info.web_prefix) + std::string(value.substr(info.urn_prefix.size()));
    }
  }
  return std::string(value);
}

}  // namespace txng::epcis
