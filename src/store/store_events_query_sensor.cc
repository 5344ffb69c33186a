// The sensor query parameters (SensorQuery) as SQL: one EXISTS over
// epcis_sensor_reports, so that every condition holds for the same report.
#include <cmath>
#include <string>
#include <vector>

#include "store/events_sensor_internal.h"
#include "store/sensor_units.h"

namespace txng::store_internal {

namespace {

// Values converted to the SI unit carry rounding error (26 CEL is 299.15 K
// only up to the last bit), so they compare within this relative margin.
// Values in the parameter's own unit compare exactly.
constexpr double kSiTolerance = 1e-9;

struct Columns {
  std::string_view as_given, in_si;
};

Columns ColumnsOf(SensorValueCondition::Field field) {
  using F = SensorValueCondition::Field;
  switch (field) {
    case F::kValue:
      break;
    case F::kMinValue:
      return {"s.min_value", "s.min_value_si"};
    case F::kMaxValue:
      return {"s.max_value", "s.max_value_si"};
    case F::kMeanValue:
      return {"s.mean_value", "s.mean_value_si"};
    case F::kSDev:
      return {"s.s_dev", "s.s_dev_si"};
    case F::kPercValue:
      return {"s.perc_value", "s.perc_value_si"};
    case F::kPercRank:
      return {"s.perc_rank", ""};
  }
  return {"s.value", "s.value_si"};
}

std::string_view OperatorOf(SensorValueCondition::Op op) {
  using O = SensorValueCondition::Op;
  switch (op) {
    case O::kEq:
      break;
    case O::kGt:
      return " > ";
    case O::kGe:
      return " >= ";
    case O::kLt:
      return " < ";
    case O::kLe:
      return " <= ";
  }
  return " = ";
}

class SensorSql {
 public:
  explicit SensorSql(const SqlParamAdder& param) : param_(param) {}

  void In(std::string_view column, const std::vector<std::string>& values) {
    if (values.empty()) return;
    std::string sql = std::string(column) + " IN (";
    for (std::size_t i = 0; i < values.size(); ++i) sql += (i ? ", " : "") + param_(values[i]);
    Where(sql + ")");
  }

  void Compare(std::string_view column, std::string_view op, const std::optional<int64_t>& v) {
    if (v) Where(std::string(column) + std::string(op) + param_(*v));
  }

  void Value(const SensorValueCondition& c) {
    const Columns columns = ColumnsOf(c.field);
    if (c.field == SensorValueCondition::Field::kPercRank) {
      Where(AsGiven(columns.as_given, c));
      return;
    }
    const std::string uom = param_(c.uom);
    const std::string same_unit = "(s.uom = " + uom + " AND " + AsGiven(columns.as_given, c) + ")";
    const std::optional<SiConversion> to_si = SiConversionOf(c.uom);
    if (!to_si) {
      Where(same_unit);
      return;
    }
    // A standard deviation is a difference: it converts without the offset.
    const double offset = c.field == SensorValueCondition::Field::kSDev ? 0 : to_si->offset;
    std::string other_unit =
        "(s.si_unit = " + param_(std::string(to_si->si_unit)) + " AND s.uom <> " + uom + " AND ";
    const std::string si(columns.in_si);
    if (c.op == SensorValueCondition::Op::kEq) {
      other_unit += "(";
      for (std::size_t i = 0; i < c.values.size(); ++i) {
        const double v = c.values[i] * to_si->factor + offset;
        const double margin = std::abs(v) * kSiTolerance;
        other_unit += (i ? " OR " : "") + si + " BETWEEN " + param_(v - margin) + " AND " +
                      param_(v + margin);
      }
      other_unit += ")";
    } else {
      const double v = c.values.at(0) * to_si->factor + offset;
      const double margin = std::abs(v) * kSiTolerance;
      // The margin widens GE/LE and narrows GT/LT, as for EQ.
      const bool above =
          c.op == SensorValueCondition::Op::kGt || c.op == SensorValueCondition::Op::kLe;
      other_unit += si + std::string(OperatorOf(c.op)) + param_(above ? v + margin : v - margin);
    }
    Where("(" + same_unit + " OR " + other_unit + "))");
  }

  void Where(std::string condition) { conditions_.push_back(std::move(condition)); }

  std::string Exists() const {
    std::string sql = "EXISTS (SELECT 1 FROM epcis_sensor_reports s WHERE s.event_row = e.id";
    for (const std::string& c : conditions_) sql += " AND " + c;
    return sql + ")";
  }

 private:
  // `column` compared with the values as given.
  std::string AsGiven(std::string_view column, const SensorValueCondition& c) {
    if (c.op != SensorValueCondition::Op::kEq) {
      return std::string(column) + std::string(OperatorOf(c.op)) + param_(c.values.at(0));
    }
    std::string sql = std::string(column) + " IN (";
    for (std::size_t i = 0; i < c.values.size(); ++i) sql += (i ? ", " : "") + param_(c.values[i]);
    return sql + ")";
  }

  const SqlParamAdder& param_;
  std::vector<std::string> conditions_;
};

}  // namespace

std::string SensorCondition(const SensorQuery& q, const SqlParamAdder& param) {
  if (q == SensorQuery()) return "";
  SensorSql sql(param);
  sql.Compare("s.sensor_time", " >= ", q.ge_time);
  sql.Compare("s.sensor_time", " < ", q.lt_time);
  sql.Compare("s.start_time", " >= ", q.ge_start_time);
  sql.Compare("s.start_time", " < ", q.lt_start_time);
  sql.Compare("s.end_time", " >= ", q.ge_end_time);
  sql.Compare("s.end_time", " < ", q.lt_end_time);
  sql.In("s.type", q.types);
  sql.In("s.device_id", q.device_ids);
  sql.In("s.data_processing_method", q.data_processing_methods);
  sql.In("s.microorganism", q.microorganisms);
  sql.In("s.chemical_substance", q.chemical_substances);
  sql.In("s.biz_rules", q.biz_rules);
  sql.In("s.string_value", q.string_values);
  sql.In("s.hex_binary_value", q.hex_binary_values);
  sql.In("s.uri_value", q.uri_values);
  if (q.boolean_value) sql.Where("s.boolean_value = " + param(int64_t{*q.boolean_value ? 1 : 0}));
  for (const SensorValueCondition& c : q.values) sql.Value(c);
  return sql.Exists();
}

}  // namespace txng::store_internal
