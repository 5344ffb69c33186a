#include <string>

#include "gs1/linters.h"

namespace txng::gs1 {
namespace {

// Reads fixed-length and length-prefixed fields of a coupon value in order.
// A field cut short highlights what is left of it, or the whole value when
// nothing is.
class CouponReader {
 public:
  explicit CouponReader(std::string_view value) : value_(value) {}

  std::size_t position() const { return position_; }
  bool AtEnd() const { return position_ == value_.size(); }

  // Takes `length` digits, or reports `truncated_code`.
  std::optional<LintError> Take(std::size_t length, const char* truncated_code, const char* field) {
    if (value_.size() - position_ < length) return Truncated(truncated_code, field);
    position_ += length;
    return std::nullopt;
  }

  // Takes a variable-length indicator digit; the field length is `base` plus
  // the digit, which may be at most `max_vli`.
  std::optional<LintError> TakeVli(const char* missing_code, const char* invalid_code, int max_vli,
                                   const char* field, std::size_t* length, std::size_t base) {
    if (AtEnd()) return Whole(missing_code, std::string("the ") + field + " length is missing");
    int vli = value_[position_] - '0';
    if (vli > max_vli) {
      return LintError{invalid_code, position_, 1,
                       std::string("the ") + field + " length indicator is invalid"};
    }
    ++position_;
    *length = base + static_cast<std::size_t>(vli);
    return std::nullopt;
  }

  LintError Whole(const char* code, std::string message) const {
    return LintError{code, 0, value_.size(), std::move(message)};
  }

 private:
  LintError Truncated(const char* code, const char* field) const {
    std::string message = std::string("the ") + field + " is cut short";
    if (AtEnd()) return Whole(code, message);
    return LintError{code, position_, value_.size() - position_, message};
  }

  std::string_view value_;
  std::size_t position_ = 0;
};

}  // namespace

// AI (8112), paperless coupon for point of sale: format code 0 or 1, funder
// (VLI 0-6, 6-12 digits), offer code (6 digits), serial (VLI 0-9, 6-15 digits).
std::optional<LintError> LintCouponPosOffer(std::string_view value) {
  if (auto bad = LintNumeric(value)) return bad;
  CouponReader reader(value);
  if (value.empty()) return reader.Whole("COUPON_MISSING_FORMAT_CODE", "no format code");
  if (value[0] != '0' && value[0] != '1') {
    return LintError{"COUPON_INVALID_FORMAT_CODE", 0, 1, "the format code must be 0 or 1"};
  }
  reader.Take(1, "", "");
  std::size_t length = 0;
  if (auto bad = reader.TakeVli("COUPON_MISSING_FUNDER_VLI", "COUPON_INVALID_FUNDER_LENGTH", 6,
                                "funder", &length, 6)) {
    return bad;
  }
  if (auto bad = reader.Take(length, "COUPON_TRUNCATED_FUNDER", "funder")) return bad;
  if (auto bad = reader.Take(6, "COUPON_TRUNCATED_OFFER_CODE", "offer code")) return bad;
  if (auto bad =
          reader.TakeVli("COUPON_MISSING_SERIAL_NUMBER_VLI", "", 9, "serial number", &length, 6)) {
    return bad;
  }
  if (auto bad = reader.Take(length, "COUPON_TRUNCATED_SERIAL_NUMBER", "serial number")) {
    return bad;
  }
  if (reader.AtEnd()) return std::nullopt;
  return LintError{"COUPON_EXCESS_DATA", reader.position(), value.size() - reader.position(),
                   "data follows the serial number"};
}

}  // namespace txng::gs1
