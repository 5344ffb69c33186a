#include "service/epcis_query_sensor.h"

#include <cctype>
#include <charconv>
#include <cmath>
#include <optional>
#include <string_view>
#include <vector>

#include "service/epcis_query_internal.h"

namespace txng {
namespace {

using epcis_query_internal::BadValue;
using epcis_query_internal::CbvValues;
using epcis_query_internal::Identifiers;
using epcis_query_internal::Time;
using epcis_query_internal::Values;

Result<double> Number(const std::string& name, const std::string& text) {
  double value = 0;
  auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (ec != std::errc() || end != text.data() + text.size() || !std::isfinite(value)) {
    return BadValue(name, "must be a number, got \"" + text + "\"");
  }
  return value;
}

// The numeric attributes of a sensorReport that queries compare, by the
// name the parameters use.
struct NumericAttribute {
  std::string_view name;
  SensorValueCondition::Field field;
};
constexpr NumericAttribute kNumericAttributes[] = {
    {"value", SensorValueCondition::Field::kValue},
    {"minValue", SensorValueCondition::Field::kMinValue},
    {"maxValue", SensorValueCondition::Field::kMaxValue},
    {"meanValue", SensorValueCondition::Field::kMeanValue},
    {"sDev", SensorValueCondition::Field::kSDev},
    {"percValue", SensorValueCondition::Field::kPercValue},
    {"percRank", SensorValueCondition::Field::kPercRank}};

struct Operator {
  std::string_view prefix;
  SensorValueCondition::Op op;
};
constexpr Operator kOperators[] = {{"EQ_", SensorValueCondition::Op::kEq},
                                   {"GT_", SensorValueCondition::Op::kGt},
                                   {"GE_", SensorValueCondition::Op::kGe},
                                   {"LT_", SensorValueCondition::Op::kLt},
                                   {"LE_", SensorValueCondition::Op::kLe}};

// A UN/ECE Recommendation 20 code as the query schema writes it in a
// parameter's name: 2 to 4 upper-case letters or digits.
bool IsRec20Code(std::string_view uom) {
  if (uom.size() < 2 || uom.size() > 4) return false;
  for (char ch : uom) {
    if (!std::isupper(static_cast<unsigned char>(ch)) &&
        !std::isdigit(static_cast<unsigned char>(ch))) {
      return false;
    }
  }
  return true;
}

// EQ_value_<uom>, {GT,GE,LT,LE}_{value,minValue,maxValue,meanValue,sDev,
// percValue}_<uom> and {GT,GE,LT,LE}_percRank; nullopt for other names.
Result<std::optional<SensorValueCondition>> ValueParameter(const std::string& name,
                                                           const std::string& text) {
  for (const Operator& o : kOperators) {
    if (!name.starts_with(o.prefix)) continue;
    const std::string_view rest = std::string_view(name).substr(o.prefix.size());
    for (const NumericAttribute& a : kNumericAttributes) {
      if (!rest.starts_with(a.name)) continue;
      const std::string_view tail = rest.substr(a.name.size());
      if (!tail.empty() && tail[0] != '_') continue;  // another name that starts alike
      SensorValueCondition c;
      c.field = a.field;
      c.op = o.op;
      const bool unitless = a.field == SensorValueCondition::Field::kPercRank;
      if (unitless && !tail.empty()) {
        return BadValue(name, "percRank is a percentile rank and has no unit");
      }
      if (!unitless) {
        c.uom = tail.empty() ? "" : std::string(tail.substr(1));
        if (!IsRec20Code(c.uom)) {
          return BadValue(name,
                          "the unit in the name must be a UN/ECE Rec 20 code of 2 to 4 "
                          "upper-case letters or digits, as in " +
                              std::string(o.prefix) + std::string(a.name) + "_CEL, got \"" + c.uom +
                              "\"");
        }
      }
      if (o.op == SensorValueCondition::Op::kEq) {
        if (a.field != SensorValueCondition::Field::kValue) {
          return BadValue(name, std::string(a.name) + " is compared with GT_, GE_, LT_ or LE_");
        }
        TXNG_ASSIGN_OR_RETURN(std::vector<std::string> values, Values(name, text));
        for (const std::string& v : values) {
          TXNG_ASSIGN_OR_RETURN(double number, Number(name, v));
          c.values.push_back(number);
        }
      } else {
        TXNG_ASSIGN_OR_RETURN(double number, Number(name, text));
        c.values.push_back(number);
      }
      return std::optional<SensorValueCondition>(std::move(c));
    }
  }
  return std::optional<SensorValueCondition>();
}

Result<std::vector<std::string>> HexValues(const std::string& name, const std::string& text) {
  TXNG_ASSIGN_OR_RETURN(std::vector<std::string> values, Values(name, text));
  for (std::string& value : values) {
    for (char& ch : value) {
      if (!std::isxdigit(static_cast<unsigned char>(ch))) {
        return BadValue(name, "must be hex digits, got \"" + value + "\"");
      }
      ch = static_cast<char>(std::toupper(static_cast<unsigned char>(ch)));
    }
    if (value.size() % 2 != 0) {
      return BadValue(name, "must have an even number of hex digits, got \"" + value + "\"");
    }
  }
  return values;
}

Result<bool> Boolean(const std::string& name, const std::string& text) {
  if (text == "true") return true;
  if (text == "false") return false;
  return BadValue(name, "must be true or false, got \"" + text + "\"");
}

}  // namespace

Result<bool> ReadSensorParameter(const std::string& name, const std::string& value,
                                 SensorQuery& q) {
  TXNG_ASSIGN_OR_RETURN(std::optional<SensorValueCondition> condition, ValueParameter(name, value));
  if (condition) {
    q.values.push_back(std::move(*condition));
    return true;
  }
  using epcis::Vocabulary;
  if (name == "EXISTS_sensorElementList") {
    // Like EXISTS_errorDeclaration: given without a value, or true.
    if (value.empty()) {
      q.exists = true;
    } else {
      TXNG_ASSIGN_OR_RETURN(q.exists, Boolean(name, value));
    }
  } else if (name == "GE_time") {
    TXNG_ASSIGN_OR_RETURN(q.ge_time, Time(name, value));
  } else if (name == "LT_time") {
    TXNG_ASSIGN_OR_RETURN(q.lt_time, Time(name, value));
  } else if (name == "GE_startTime") {
    TXNG_ASSIGN_OR_RETURN(q.ge_start_time, Time(name, value));
  } else if (name == "LT_startTime") {
    TXNG_ASSIGN_OR_RETURN(q.lt_start_time, Time(name, value));
  } else if (name == "GE_endTime") {
    TXNG_ASSIGN_OR_RETURN(q.ge_end_time, Time(name, value));
  } else if (name == "LT_endTime") {
    TXNG_ASSIGN_OR_RETURN(q.lt_end_time, Time(name, value));
  } else if (name == "EQ_type") {
    TXNG_ASSIGN_OR_RETURN(q.types, CbvValues(name, value, Vocabulary::kMeasurementType));
  } else if (name == "EQ_deviceID") {
    TXNG_ASSIGN_OR_RETURN(q.device_ids, Identifiers(name, value));
  } else if (name == "EQ_dataProcessingMethod") {
    TXNG_ASSIGN_OR_RETURN(q.data_processing_methods, Identifiers(name, value));
  } else if (name == "EQ_microorganism") {
    TXNG_ASSIGN_OR_RETURN(q.microorganisms, Identifiers(name, value));
  } else if (name == "EQ_chemicalSubstance") {
    TXNG_ASSIGN_OR_RETURN(q.chemical_substances, Identifiers(name, value));
  } else if (name == "EQ_bizRules") {
    TXNG_ASSIGN_OR_RETURN(q.biz_rules, Identifiers(name, value));
  } else if (name == "EQ_stringValue") {
    TXNG_ASSIGN_OR_RETURN(q.string_values, Values(name, value));
  } else if (name == "EQ_hexBinaryValue") {
    TXNG_ASSIGN_OR_RETURN(q.hex_binary_values, HexValues(name, value));
  } else if (name == "EQ_uriValue") {
    TXNG_ASSIGN_OR_RETURN(q.uri_values, Identifiers(name, value));
  } else if (name == "EQ_booleanValue") {
    TXNG_ASSIGN_OR_RETURN(q.boolean_value, Boolean(name, value));
  } else {
    return false;
  }
  return true;
}

}  // namespace txng
