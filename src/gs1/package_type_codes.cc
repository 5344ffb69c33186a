// Package type codes for AI (7041) UN/CEFACT freight unit type: GS1's
// PackageTypeCode code list (https://navigator.gs1.org/edi/codelist-details?name=PackageTypeCode),
// which is UN/ECE Recommendation 21 (Annex V/VI alphanumeric codes) extended
// with GS1's own values. Source of the Rec 21 codes: UN/CEFACT's published
// list (uncefact/vocab-codes, CLR/Rec21/current/code-list.csv); GS1's list
// does not carry the Rec 21 codes AE, BA and the pallet codes O1-O9, OG-OZ,
// P1, P3, P4 added in later revisions, so neither do we. Each array is
// sorted (byte order) for binary search; linters_test.cc checks that.
#include <cstddef>
#include <string_view>

namespace txng::gs1::internal {

extern const std::string_view kRec21PackageTypes[] = {
    "1A", "1B", "1D", "1F", "1G", "1W", "2C", "3A", "3H", "43", "44", "4A", "4B", "4C", "4D", "4F",
    "4G", "4H", "5H", "5L", "5M", "6H", "6P", "7A", "7B", "8A", "8B", "8C", "AA", "AB", "AC", "AD",
    "AF", "AG", "AH", "AI", "AJ", "AL", "AM", "AP", "AT", "AV", "B4", "BB", "BC", "BD", "BE", "BF",
    "BG", "BH", "BI", "BJ", "BK", "BL", "BM", "BN", "BO", "BP", "BQ", "BR", "BS", "BT", "BU", "BV",
    "BW", "BX", "BY", "BZ", "CA", "CB", "CC", "CD", "CE", "CF", "CG", "CH", "CI", "CJ", "CK", "CL",
    "CM", "CN", "CO", "CP", "CQ", "CR", "CS", "CT", "CU", "CV", "CW", "CX", "CY", "CZ", "DA", "DB",
    "DC", "DG", "DH", "DI", "DJ", "DK", "DL", "DM", "DN", "DP", "DR", "DS", "DT", "DU", "DV", "DW",
    "DX", "DY", "EC", "ED", "EE", "EF", "EG", "EH", "EI", "EN", "FB", "FC", "FD", "FE", "FI", "FL",
    "FO", "FP", "FR", "FT", "FW", "FX", "GB", "GI", "GL", "GR", "GU", "GY", "GZ", "HA", "HB", "HC",
    "HG", "HN", "HR", "IA", "IB", "IC", "ID", "IE", "IF", "IG", "IH", "IK", "IL", "IN", "IZ", "JB",
    "JC", "JG", "JR", "JT", "JY", "KG", "KI", "LE", "LG", "LT", "LU", "LV", "LZ", "MA", "MB", "MC",
    "ME", "MR", "MS", "MT", "MW", "MX", "NA", "NE", "NF", "NG", "NS", "NT", "NU", "NV", "OA", "OB",
    "OC", "OD", "OE", "OF", "OK", "OT", "OU", "P2", "PA", "PB", "PC", "PD", "PE", "PF", "PG", "PH",
    "PI", "PJ", "PK", "PL", "PN", "PO", "PP", "PR", "PT", "PU", "PV", "PX", "PY", "PZ", "QA", "QB",
    "QC", "QD", "QF", "QG", "QH", "QJ", "QK", "QL", "QM", "QN", "QP", "QQ", "QR", "QS", "RD", "RG",
    "RJ", "RK", "RL", "RO", "RT", "RZ", "SA", "SB", "SC", "SD", "SE", "SH", "SI", "SK", "SL", "SM",
    "SO", "SP", "SS", "ST", "SU", "SV", "SW", "SX", "SY", "SZ", "T1", "TB", "TC", "TD", "TE", "TG",
    "TI", "TK", "TL", "TN", "TO", "TR", "TS", "TT", "TU", "TV", "TW", "TY", "TZ", "UC", "UN", "VA",
    "VG", "VI", "VK", "VL", "VN", "VO", "VP", "VQ", "VR", "VS", "VY", "WA", "WB", "WC", "WD", "WF",
    "WG", "WH", "WJ", "WK", "WL", "WM", "WN", "WP", "WQ", "WR", "WS", "WT", "WU", "WV", "WW", "WX",
    "WY", "WZ", "XA", "XB", "XC", "XD", "XF", "XG", "XH", "XJ", "XK", "YA", "YB", "YC", "YD", "YF",
    "YG", "YH", "YJ", "YK", "YL", "YM", "YN", "YP", "YQ", "YR", "YS", "YT", "YV", "YW", "YX", "YY",
    "YZ", "ZA", "ZB", "ZC", "ZD", "ZF", "ZG", "ZH", "ZJ", "ZK", "ZL", "ZM", "ZN", "ZP", "ZQ", "ZR",
    "ZS", "ZT", "ZU", "ZV", "ZW", "ZX", "ZY", "ZZ",
};
extern const std::size_t kRec21PackageTypeCount = std::size(kRec21PackageTypes);

// GS1's own additions to Rec 21: pallet types (200-212) and packaging types
// such as BRI (brick), PLP (peel pack) and WRP (wrapper).
extern const std::string_view kGs1PackageTypes[] = {
    "200", "201", "202", "203", "204", "205", "206", "210", "211", "212", "8",
    "9",   "APE", "BGE", "BME", "BRI", "CBL", "CCE", "DPE", "E1",  "E2",  "E3",
    "FOB", "FPE", "LAB", "MPE", "OPE", "PAE", "PLP", "POP", "PPE", "PUE", "RB1",
    "RB2", "RB3", "RCB", "S1",  "SEC", "STL", "TEV", "THE", "TRE", "TTE", "TWE",
    "UUE", "WRP", "X11", "X12", "X15", "X16", "X17", "X18", "X19", "X20", "X3",
};
extern const std::size_t kGs1PackageTypeCount = std::size(kGs1PackageTypes);

}  // namespace txng::gs1::internal
