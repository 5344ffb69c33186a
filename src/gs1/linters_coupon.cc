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
  // the digit, which must be within [min_vli, max_vli].
  std::optional<LintError> TakeVli(const char* missing_code, const char* invalid_code, int min_vli,
                                   int max_vli, const char* field, std::size_t* length,
                                   std::size_t base) {
    if (AtEnd()) return Whole(missing_code, std::string("the ") + field + " length is missing");
    int vli = value_[position_] - '0';
    if (vli < min_vli || vli > max_vli) {
      return LintError{invalid_code, position_, 1,
                       std::string("the ") + field + " length indicator is invalid"};
    }
    ++position_;
    *length = base + static_cast<std::size_t>(vli);
    return std::nullopt;
  }

  // Takes one digit that must be in `allowed`.
  std::optional<LintError> TakeCode(std::string_view allowed, const char* missing_code,
                                    const char* invalid_code, const char* field) {
    if (AtEnd()) return Whole(missing_code, std::string("the ") + field + " is missing");
    if (allowed.find(value_[position_]) == std::string_view::npos) {
      return LintError{invalid_code, position_, 1, std::string("the ") + field + " is invalid"};
    }
    ++position_;
    return std::nullopt;
  }

  // The next digit, which the caller has checked exists.
  char Peek() const { return value_[position_]; }
  std::string_view Slice(std::size_t from, std::size_t length) const {
    return value_.substr(from, length);
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

// Codes of a purchase requirement: what the requirement counts.
constexpr std::string_view kRequirementCodes = "012349";

// A purchase requirement ("1ST", "2ND" or "3RD"): length indicator 1-5, the
// requirement, its code and a 3-digit family code.
std::optional<LintError> TakePurchaseRequirement(CouponReader& reader, const std::string& nth) {
  std::string prefix = "COUPON_";
  std::string field = nth + " purchase requirement";
  std::size_t length = 0;
  if (auto bad =
          reader.TakeVli((prefix + "MISSING_" + nth + "_PURCHASE_REQUIREMENT_VLI").c_str(),
                         (prefix + "INVALID_" + nth + "_PURCHASE_REQUIREMENT_LENGTH").c_str(), 1, 5,
                         field.c_str(), &length, 0)) {
    return bad;
  }
  if (auto bad = reader.Take(
          length, (prefix + "TRUNCATED_" + nth + "_PURCHASE_REQUIREMENT").c_str(), field.c_str())) {
    return bad;
  }
  if (auto bad = reader.TakeCode(
          kRequirementCodes, (prefix + "MISSING_" + nth + "_PURCHASE_REQUIREMENT_CODE").c_str(),
          (prefix + "INVALID_" + nth + "_PURCHASE_REQUIREMENT_CODE").c_str(), "requirement code")) {
    return bad;
  }
  return reader.Take(3, (prefix + "TRUNCATED_" + nth + "_PURCHASE_FAMILY_CODE").c_str(),
                     "family code");
}

// The company prefix of a 2nd or 3rd purchase: length indicator 0-6 (6-12
// digits), or 9 for none.
std::optional<LintError> TakePurchaseGcp(CouponReader& reader, const std::string& nth) {
  std::string prefix = "COUPON_";
  std::size_t length = 0;
  if (!reader.AtEnd() && reader.Peek() == '9') return reader.Take(1, "", "");
  if (auto bad = reader.TakeVli((prefix + "MISSING_" + nth + "_PURCHASE_GCP_VLI").c_str(),
                                (prefix + "INVALID_" + nth + "_PURCHASE_GCP_LENGTH").c_str(), 0, 6,
                                "company prefix", &length, 6)) {
    return bad;
  }
  return reader.Take(length, (prefix + "TRUNCATED_" + nth + "_PURCHASE_GCP").c_str(),
                     "company prefix");
}

// A yymmdd date field, or the given errors.
std::optional<LintError> TakeDate(CouponReader& reader, const char* short_code,
                                  const char* invalid_code) {
  std::size_t start = reader.position();
  if (auto bad = reader.Take(6, short_code, "date")) return bad;
  if (LintYymmdd(reader.Slice(start, 6))) {
    return LintError{invalid_code, start, 6, "the date is not a valid date"};
  }
  return std::nullopt;
}

// The optional fields after the 1st purchase requirement, each introduced by
// its identifier digit, in increasing order.
std::optional<LintError> TakeOptionalFields(CouponReader& reader) {
  std::size_t expiration_at = std::string_view::npos;
  char last = '0';
  while (!reader.AtEnd()) {
    char id = reader.Peek();
    std::size_t at = reader.position();
    if (id <= last || id == '7' || id == '8') break;
    last = id;
    reader.Take(1, "", "");
    std::optional<LintError> bad;
    std::size_t length = 0;
    switch (id) {
      case '1':
        bad = reader.TakeCode("0123", "COUPON_MISSING_ADDITIONAL_PURCHASE_RULES_CODE",
                              "COUPON_INVALID_ADDITIONAL_PURCHASE_RULES_CODE",
                              "additional purchase rules code");
        if (!bad) bad = TakePurchaseRequirement(reader, "2ND");
        if (!bad) bad = TakePurchaseGcp(reader, "2ND");
        break;
      case '2':
        bad = TakePurchaseRequirement(reader, "3RD");
        if (!bad) bad = TakePurchaseGcp(reader, "3RD");
        break;
      case '3':
        expiration_at = at;
        bad = TakeDate(reader, "COUPON_TOO_SHORT_FOR_EXPIRATION_DATE",
                       "COUPON_INVALID_EXIPIRATION_DATE");
        break;
      case '4':
        bad = TakeDate(reader, "COUPON_TOO_SHORT_FOR_START_DATE", "COUPON_INVALID_START_DATE");
        if (!bad && expiration_at != std::string_view::npos &&
            reader.Slice(expiration_at + 1, 6) < reader.Slice(at + 1, 6)) {
          bad = LintError{"COUPON_EXPIRATION_BEFORE_START", expiration_at,
                          reader.position() - expiration_at, "the coupon expires before it starts"};
        }
        break;
      case '5':
        bad = reader.TakeVli("COUPON_MISSING_SERIAL_NUMBER_VLI", "", 0, 9, "serial number", &length,
                             6);
        if (!bad) bad = reader.Take(length, "COUPON_TRUNCATED_SERIAL_NUMBER", "serial number");
        break;
      case '6':
        bad = reader.TakeVli("COUPON_MISSING_RETAILER_GCP_OR_GLN_VLI",
                             "COUPON_INVALID_RETAILER_GCP_OR_GLN_LENGTH", 1, 7, "retailer", &length,
                             6);
        if (!bad) bad = reader.Take(length, "COUPON_TRUNCATED_RETAILER_GCP_OR_GLN", "retailer");
        break;
      default:  // '9': miscellaneous elements
        bad = reader.TakeCode("01256", "COUPON_MISSING_SAVE_VALUE_CODE",
                              "COUPON_INVALID_SAVE_VALUE_CODE", "save value code");
        if (!bad) {
          bad = reader.TakeCode("012", "COUPON_MISSING_SAVE_VALUE_APPLIES_TO_ITEM",
                                "COUPON_INVALID_SAVE_VALUE_APPLIES_TO_ITEM", "applies-to item");
        }
        if (!bad) {
          bad = reader.TakeCode("0123456789", "COUPON_MISSING_STORE_COUPON_FLAG", "",
                                "store coupon flag");
        }
        if (!bad) {
          bad = reader.TakeCode("01", "COUPON_MISSING_DONT_MULTIPLY_FLAG",
                                "COUPON_INVALID_DONT_MULTIPLY_FLAG", "don't multiply flag");
        }
        break;
    }
    if (bad) return bad;
  }
  return std::nullopt;
}

}  // namespace

// AI (8110), North American coupon: company prefix (VLI 0-6), offer code (6
// digits), save value (VLI 1-5), 1st purchase requirement, then optional
// fields 1 (2nd purchase), 2 (3rd purchase), 3 (expiration date), 4 (start
// date), 5 (serial number), 6 (retailer), 9 (miscellaneous) in that order.
std::optional<LintError> LintCouponCode(std::string_view value) {
  if (auto bad = LintNumeric(value)) return bad;
  CouponReader reader(value);
  std::size_t length = 0;
  if (auto bad = reader.TakeVli("COUPON_MISSING_GCP_VLI", "COUPON_INVALID_GCP_LENGTH", 0, 6,
                                "company prefix", &length, 6)) {
    return bad;
  }
  if (auto bad = reader.Take(length, "COUPON_TRUNCATED_GCP", "company prefix")) return bad;
  if (auto bad = reader.Take(6, "COUPON_TRUNCATED_OFFER_CODE", "offer code")) return bad;
  if (auto bad = reader.TakeVli("COUPON_MISSING_SAVE_VALUE_VLI", "COUPON_INVALID_SAVE_VALUE_LENGTH",
                                1, 5, "save value", &length, 0)) {
    return bad;
  }
  if (auto bad = reader.Take(length, "COUPON_TRUNCATED_SAVE_VALUE", "save value")) return bad;
  if (auto bad = TakePurchaseRequirement(reader, "1ST")) return bad;
  if (auto bad = TakeOptionalFields(reader)) return bad;
  if (reader.AtEnd()) return std::nullopt;
  return LintError{"COUPON_EXCESS_DATA", reader.position(), value.size() - reader.position(),
                   "unexpected data in the coupon"};
}

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
  if (auto bad = reader.TakeVli("COUPON_MISSING_FUNDER_VLI", "COUPON_INVALID_FUNDER_LENGTH", 0, 6,
                                "funder", &length, 6)) {
    return bad;
  }
  if (auto bad = reader.Take(length, "COUPON_TRUNCATED_FUNDER", "funder")) return bad;
  if (auto bad = reader.Take(6, "COUPON_TRUNCATED_OFFER_CODE", "offer code")) return bad;
  if (auto bad = reader.TakeVli("COUPON_MISSING_SERIAL_NUMBER_VLI", "", 0, 9, "serial number",
                                &length, 6)) {
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
