#include <string>

#include "gs1/linters.h"

namespace txng::gs1 {
namespace {

LintError Whole(std::string_view value, const char* code, std::string message) {
  return LintError{code, 0, value.size(), std::move(message)};
}

std::optional<LintError> OneOf(std::string_view value, std::string_view allowed, const char* code,
                               const char* what) {
  if (value.size() == 1 && allowed.find(value[0]) != std::string_view::npos) return std::nullopt;
  return Whole(value, code, "'" + std::string(value) + "' is not " + what);
}

bool AllZeros(std::string_view digits) { return digits.find_first_not_of('0') == digits.npos; }

// Compares two digit strings of equal length as numbers.
bool Exceeds(std::string_view a, std::string_view b) { return a > b; }

std::optional<LintError> LintCoordinate(std::string_view value, std::string_view max,
                                        const char* name, const char* upper_name) {
  if (value.size() != 10) {
    return Whole(value, (std::string(upper_name) + "_INVALID_LENGTH").c_str(),
                 std::string(name) + " must have 10 digits");
  }
  if (auto bad = LintNumeric(value)) return bad;
  if (!Exceeds(value, max)) return std::nullopt;
  return Whole(value, (std::string("INVALID_") + upper_name).c_str(),
               std::string(value) + " is not a " + name);
}

}  // namespace

std::optional<LintError> LintYesNo(std::string_view value) {
  return OneOf(value, "01", "NOT_ZERO_OR_ONE", "0 or 1");
}

std::optional<LintError> LintWinding(std::string_view value) {
  return OneOf(value, "019", "INVALID_WINDING_DIRECTION", "a winding direction (0, 1 or 9)");
}

std::optional<LintError> LintIso5218(std::string_view value) {
  return OneOf(value, "0129", "INVALID_BIOLOGICAL_SEX_CODE", "an ISO/IEC 5218 code");
}

std::optional<LintError> LintZero(std::string_view value) {
  if (!value.empty() && AllZeros(value)) return std::nullopt;
  return Whole(value, "NOT_ZERO", "'" + std::string(value) + "' is not zero");
}

std::optional<LintError> LintNonZero(std::string_view value) {
  if (auto bad = LintNumeric(value)) return bad;
  if (!AllZeros(value)) return std::nullopt;
  return Whole(value, "ILLEGAL_ZERO_VALUE", "must not be zero");
}

std::optional<LintError> LintNoZeroPrefix(std::string_view value) {
  if (auto bad = LintNumeric(value)) return bad;
  if (value.empty() || value[0] != '0') return std::nullopt;
  return LintError{"ILLEGAL_ZERO_PREFIX", 0, 1, "must not start with 0"};
}

std::optional<LintError> LintHasNonDigit(std::string_view value) {
  if (value.find_first_not_of("0123456789") != std::string_view::npos) return std::nullopt;
  return Whole(value, "REQUIRES_NON_DIGIT_CHARACTER", "must hold a character other than a digit");
}

std::optional<LintError> LintHyphen(std::string_view value) {
  if (!value.empty() && value.find_first_not_of('-') == std::string_view::npos) {
    return std::nullopt;
  }
  return Whole(value, "NOT_HYPHEN", "'" + std::string(value) + "' is not made of hyphens");
}

// Piece number then total count, each half of the value.
std::optional<LintError> LintPieceOfTotal(std::string_view value) {
  if (value.size() < 2 || value.size() % 2 != 0) {
    return Whole(value, "INVALID_LENGTH_FOR_PIECE_OF_TOTAL", "must have an even number of digits");
  }
  if (auto bad = LintNumeric(value)) return bad;
  std::size_t half = value.size() / 2;
  std::string_view piece = value.substr(0, half);
  std::string_view total = value.substr(half);
  if (AllZeros(piece)) return LintError{"ZERO_PIECE_NUMBER", 0, half, "piece number is zero"};
  if (AllZeros(total)) return LintError{"ZERO_TOTAL_PIECES", half, half, "total is zero"};
  if (Exceeds(piece, total)) {
    return Whole(value, "PIECE_NUMBER_EXCEEDS_TOTAL", "piece number exceeds the total");
  }
  return std::nullopt;
}

// "position/end", both positive numbers without leading zeros.
std::optional<LintError> LintPosInSeqSlash(std::string_view value) {
  std::size_t slash = value.find('/');
  std::string_view pos = value.substr(0, slash);
  std::string_view end = slash == std::string_view::npos ? "" : value.substr(slash + 1);
  auto is_number = [](std::string_view s) {
    return !s.empty() && s.find_first_not_of("0123456789") == std::string_view::npos;
  };
  if (slash == std::string_view::npos || !is_number(pos) || !is_number(end)) {
    return Whole(value, "POSITION_IN_SEQUENCE_MALFORMED", "must be position/end");
  }
  if (pos[0] == '0')
    return LintError{"ILLEGAL_ZERO_PREFIX", 0, pos.size(), "position starts with 0"};
  if (end[0] == '0') {
    return LintError{"ILLEGAL_ZERO_PREFIX", slash + 1, end.size(), "end starts with 0"};
  }
  if (pos.size() > end.size() || (pos.size() == end.size() && pos > end)) {
    return Whole(value, "POSITION_EXCEEDS_END", "position exceeds the end");
  }
  return std::nullopt;
}

std::optional<LintError> LintLatitude(std::string_view value) {
  return LintCoordinate(value, "1800000000", "latitude", "LATITUDE");
}

std::optional<LintError> LintLongitude(std::string_view value) {
  return LintCoordinate(value, "3600000000", "longitude", "LONGITUDE");
}

}  // namespace txng::gs1
