// The two formats a Sheet is written in.
#ifndef TXNG_EXPORT_WRITERS_H_
#define TXNG_EXPORT_WRITERS_H_

#include <string>

#include "common/status.h"
#include "export/sheet.h"

namespace txng::exports {

inline constexpr const char* kCsvContentType = "text/csv; charset=utf-8";
inline constexpr const char* kXlsxContentType =
    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

// RFC 4180 CSV: a UTF-8 byte order mark first (without it Excel reads the
// file in the machine's code page and Vietnamese turns to mojibake), the
// header row, then the rows, each record ended by CRLF. A field is quoted
// when it holds a comma, a double quote, CR or LF (quotes doubled inside).
// Text that looks like a formula is written with a leading apostrophe, which
// spreadsheets show as text; numbers in the shortest form that reads back
// exactly; dates as YYYY-MM-DD.
std::string WriteCsv(const Sheet& sheet);

// The most rows (header included) and columns an XLSX worksheet holds.
inline constexpr size_t kXlsxMaxRows = 1048576;
inline constexpr size_t kXlsxMaxColumns = 16384;
// The longest text an XLSX cell holds, in bytes here (Excel counts
// characters, so this is within its limit); longer text is cut at a
// character boundary.
inline constexpr size_t kXlsxMaxTextBytes = 32767;

// An XLSX workbook of one worksheet (libxlsxwriter, in its constant-memory
// mode so that 100,000 rows need no more memory than one row): a bold,
// frozen header row, an autofilter over the whole table (every column
// sortable and filterable), column widths from the longest value (10 to 60
// characters). Text cells are always shared or inline strings — never
// formulas, whatever they start with; numbers are numbers, dates are date
// cells shown as yyyy-mm-dd. kInvalidArgument when the sheet has no column
// or more rows or columns than XLSX allows; kInternal when libxlsxwriter or
// the temporary file fails.
Result<std::string> WriteXlsx(const Sheet& sheet);

}  // namespace txng::exports

#endif  // TXNG_EXPORT_WRITERS_H_
