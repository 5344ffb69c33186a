#include "gs1/linters.h"

#include <array>
#include <utility>

namespace txng::gs1 {

Linter FindLinter(std::string_view name) {
  static constexpr std::array<std::pair<std::string_view, Linter>, 39> kLinters = {{
      {"csetnumeric", LintNumeric},
      {"cset82", LintCset82},
      {"cset39", LintCset39},
      {"cset64", LintCset64},
      {"csum", LintCsum},
      {"csumalpha", LintCsumAlpha},
      {"yymmdd", LintYymmdd},
      {"yymmd0", LintYymmd0},
      {"yyyymmdd", LintYyyymmdd},
      {"yyyymmd0", LintYyyymmd0},
      {"hh", LintHh},
      {"mi", LintMi},
      {"ss", LintSs},
      {"hhmi", LintHhmi},
      {"yesno", LintYesNo},
      {"nonzero", LintNonZero},
      {"zero", LintZero},
      {"nozeroprefix", LintNoZeroPrefix},
      {"hasnondigit", LintHasNonDigit},
      {"winding", LintWinding},
      {"hyphen", LintHyphen},
      {"iso5218", LintIso5218},
      {"pieceoftotal", LintPieceOfTotal},
      {"posinseqslash", LintPosInSeqSlash},
      {"iso3166", LintIso3166},
      {"iso3166999", LintIso3166Or999},
      {"iso3166alpha2", LintIso3166Alpha2},
      {"iso4217", LintIso4217},
      {"packagetype", LintPackageType},
      {"gcppos1", LintGcpPos1},
      {"gcppos2", LintGcpPos2},
      {"importeridx", LintImporterIndex},
      {"mediatype", LintMediaType},
      {"pcenc", LintPercentEncoding},
      {"iban", LintIban},
      {"couponposoffer", LintCouponPosOffer},
      {"couponcode", LintCouponCode},
      {"latitude", LintLatitude},
      {"longitude", LintLongitude},
  }};
  for (const auto& [linter_name, linter] : kLinters) {
    if (linter_name == name) return linter;
  }
  return nullptr;
}

}  // namespace txng::gs1
