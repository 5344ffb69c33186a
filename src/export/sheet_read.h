// Spreadsheets people send back: the rows of a CSV file or of the first
// worksheet of an XLSX workbook, every cell as text. Pure: bytes in, rows
// out. Untrusted input, so every size is bounded: the file, the bytes the
// XLSX entries inflate to (a zip bomb is refused, whatever sizes its
// directory claims), the rows and the columns.
#ifndef TXNG_EXPORT_SHEET_READ_H_
#define TXNG_EXPORT_SHEET_READ_H_

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "common/status.h"

namespace txng::exports {

struct ReadLimits {
  size_t max_file_bytes = 2 * 1024 * 1024;
  size_t max_inflated_bytes = 32 * 1024 * 1024;  // all XLSX entries read, together
  size_t max_rows = 5000;                        // header included
  size_t max_columns = 64;
};

struct ReadRow {
  size_t number = 0;               // as the spreadsheet numbers it, from 1
  std::vector<std::string> cells;  // by column; missing cells are ""

  bool operator==(const ReadRow&) const = default;
};

// RFC 4180 CSV (a UTF-8 byte order mark is skipped; fields separated by ','
// or, when the first line has more of them outside quotes, by ';' as Excel
// writes under a decimal-comma locale). Rows with no text are left out.
// kInvalidArgument for an unclosed quote, invalid UTF-8 or a limit exceeded
// (kPayloadTooLarge for the file size).
Result<std::vector<ReadRow>> ReadCsv(std::string_view data, const ReadLimits& limits = {});

// The first worksheet (xl/worksheets/sheet1.xml) of an XLSX workbook,
// unzipped with libzip and parsed with pugixml: shared and inline strings as
// their text, numbers as written ("12.5"), booleans as "TRUE"/"FALSE",
// numbers in a date or time format as "YYYY-MM-DD" or "YYYY-MM-DD HH:MM"
// (1900 date system), formulas as their cached value. Rows with no text
// are left out. kInvalidArgument when it is no XLSX workbook or a limit is
// exceeded (kPayloadTooLarge for the file size).
Result<std::vector<ReadRow>> ReadXlsxRows(std::string_view data, const ReadLimits& limits = {});

// "YYYY-MM-DD" (and " HH:MM" when the serial has a time of day) of an Excel
// serial day number; "" when out of the years 1900..9999.
std::string SerialDateText(double serial);

}  // namespace txng::exports

#endif  // TXNG_EXPORT_SHEET_READ_H_
