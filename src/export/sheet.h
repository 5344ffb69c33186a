// Spreadsheets to hand to people: one table (a title, column headers, rows
// of text, number and date cells) written as CSV or XLSX. Pure: cells in,
// bytes out; no database, no message catalogue.
//
// Every writer guards against spreadsheet formula injection (OWASP "CSV
// injection"): text that a spreadsheet would take for a formula — starting
// with '=', '+', '-', '@', TAB or CR — is never written as one. Numbers and
// dates are typed cells and need no guard.
#ifndef TXNG_EXPORT_SHEET_H_
#define TXNG_EXPORT_SHEET_H_

#include <string>
#include <string_view>
#include <vector>

namespace txng::exports {

struct Cell {
  enum class Kind { kEmpty, kText, kNumber, kDate };
  Kind kind = Kind::kEmpty;
  std::string text;   // kText: UTF-8; kDate: "YYYY-MM-DD"
  double number = 0;  // kNumber; NaN and infinities are written as empty cells

  static Cell Empty() { return {}; }
  static Cell Text(std::string text) { return {Kind::kText, std::move(text), 0}; }
  static Cell Number(double n) { return {Kind::kNumber, {}, n}; }
  // A date in the proleptic Gregorian calendar. Text that is no valid
  // YYYY-MM-DD date is written as text (guarded like any other).
  static Cell Date(std::string ymd) { return {Kind::kDate, std::move(ymd), 0}; }

  bool operator==(const Cell&) const = default;
};

struct Sheet {
  // The worksheet's name in XLSX (characters Excel forbids in one are
  // replaced, and it is cut to Excel's 31 characters); CSV has no place for
  // it.
  std::string title;
  std::vector<std::string> columns;     // the header row
  std::vector<std::vector<Cell>> rows;  // each at most columns.size() cells

  bool operator==(const Sheet&) const = default;
};

// True when a spreadsheet would read `text` as a formula.
bool LooksLikeFormula(std::string_view text);

// `text` with invalid UTF-8 sequences and control characters other than
// TAB, LF and CR replaced by U+FFFD, so that every writer emits valid UTF-8
// (and XLSX valid XML).
std::string CleanText(std::string_view text);

// The year, month and day of a valid "YYYY-MM-DD" date (years 1900..9999,
// the range XLSX dates cover); false otherwise.
bool ParseDate(std::string_view ymd, int* year, int* month, int* day);

}  // namespace txng::exports

#endif  // TXNG_EXPORT_SHEET_H_
