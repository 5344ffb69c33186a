// Test support: reads an XLSX workbook back the way a spreadsheet would —
// unzips it (zlib) and parses the first worksheet's XML (pugixml) — so that
// tests compare cells, not bytes.
#ifndef TXNG_EXPORT_XLSX_READ_TESTING_H_
#define TXNG_EXPORT_XLSX_READ_TESTING_H_

#include <map>
#include <string>
#include <vector>

#include "common/status.h"

namespace txng::exports::testing {

struct ReadCell {
  // 's' a string (shared or inline), 'n' a number, 'd' a number whose style
  // is a date format (value then "YYYY-MM-DD"), 'b' a boolean, 'e' an error,
  // 'f' a formula (value its text).
  char type = 's';
  std::string value;  // numbers in the text the file holds
  bool bold = false;  // its style's font is bold

  bool operator==(const ReadCell&) const = default;
};

struct ReadSheet {
  std::string name;                         // the worksheet's name
  std::vector<std::vector<ReadCell>> rows;  // by position; missing cells are {'s', ""}
  std::string autofilter;                   // the autoFilter ref, e.g. "A1:P42"
  int frozen_rows = 0;                      // ySplit of a frozen pane
  std::vector<double> column_widths;        // by column, 0 when not set
  int formulas = 0;                         // cells with an <f> element
};

// The entries of a ZIP archive by name (stored or deflated only).
Result<std::map<std::string, std::string>> Unzip(const std::string& zip);

// The first worksheet of an XLSX workbook.
Result<ReadSheet> ReadXlsx(const std::string& xlsx);

}  // namespace txng::exports::testing

#endif  // TXNG_EXPORT_XLSX_READ_TESTING_H_
