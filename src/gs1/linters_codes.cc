#include <algorithm>
#include <string>

#include "gs1/linters.h"

namespace txng::gs1 {
namespace internal {
// Sorted code lists, defined in the generated code_lists_data.cc.
extern const std::string_view kIso3166Numeric[];
extern const std::size_t kIso3166NumericCount;
extern const std::string_view kIso3166Alpha2[];
extern const std::size_t kIso3166Alpha2Count;
extern const std::string_view kIso4217Numeric[];
extern const std::size_t kIso4217NumericCount;
// Defined in package_type_codes.cc.
extern const std::string_view kRec21PackageTypes[];
extern const std::size_t kRec21PackageTypeCount;
extern const std::string_view kGs1PackageTypes[];
extern const std::size_t kGs1PackageTypeCount;
}  // namespace internal

namespace {

bool Contains(const std::string_view* codes, std::size_t count, std::string_view value) {
  return std::binary_search(codes, codes + count, value);
}

std::optional<LintError> NotIn(std::string_view value, const char* code, const char* what) {
  return LintError{code, 0, value.size(), "'" + std::string(value) + "' is not " + what};
}

}  // namespace

std::optional<LintError> LintIso3166(std::string_view value) {
  if (Contains(internal::kIso3166Numeric, internal::kIso3166NumericCount, value)) {
    return std::nullopt;
  }
  return NotIn(value, "NOT_ISO3166", "an ISO 3166 numeric country code");
}

std::optional<LintError> LintIso3166Or999(std::string_view value) {
  if (value == "999" ||
      Contains(internal::kIso3166Numeric, internal::kIso3166NumericCount, value)) {
    return std::nullopt;
  }
  return NotIn(value, "NOT_ISO3166_OR_999", "an ISO 3166 numeric country code or 999");
}

std::optional<LintError> LintIso3166Alpha2(std::string_view value) {
  if (Contains(internal::kIso3166Alpha2, internal::kIso3166Alpha2Count, value)) {
    return std::nullopt;
  }
  return NotIn(value, "NOT_ISO3166_ALPHA2", "an ISO 3166 alpha-2 country code");
}

std::optional<LintError> LintIso4217(std::string_view value) {
  if (Contains(internal::kIso4217Numeric, internal::kIso4217NumericCount, value)) {
    return std::nullopt;
  }
  return NotIn(value, "NOT_ISO4217", "an ISO 4217 numeric currency code");
}

std::optional<LintError> LintPackageType(std::string_view value) {
  if (Contains(internal::kRec21PackageTypes, internal::kRec21PackageTypeCount, value) ||
      Contains(internal::kGs1PackageTypes, internal::kGs1PackageTypeCount, value)) {
    return std::nullopt;
  }
  return NotIn(value, "INVALID_PACKAGE_TYPE",
               "a package type code (UN/ECE Recommendation 21 or GS1 PackageTypeCode)");
}

}  // namespace txng::gs1
