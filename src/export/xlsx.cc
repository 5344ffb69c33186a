#include <unistd.h>
#include <xlsxwriter.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <iterator>
#include <memory>
#include <sstream>
#include <utility>

#include "export/writers.h"

namespace txng::exports {
namespace {

constexpr double kMinWidth = 10;
constexpr double kMaxWidth = 60;
constexpr double kDateWidth = 12;

// Characters (code points) of valid UTF-8 text.
size_t CodePoints(std::string_view s) {
  return static_cast<size_t>(
      std::count_if(s.begin(), s.end(), [](char c) { return (c & 0xC0) != 0x80; }));
}

// The first `max_bytes` bytes of valid UTF-8 text, not splitting a character.
std::string_view CutUtf8(std::string_view s, size_t max_bytes) {
  if (s.size() <= max_bytes) return s;
  size_t end = max_bytes;
  while (end > 0 && (static_cast<unsigned char>(s[end]) & 0xC0) == 0x80) --end;
  return s.substr(0, end);
}

// A worksheet name Excel accepts: none of []:*?/\, no apostrophe at either
// end, 1..31 characters.
std::string SheetName(std::string_view title) {
  std::string name;
  size_t chars = 0;
  for (char c : CleanText(title)) {
    const bool continuation = (static_cast<unsigned char>(c) & 0xC0) == 0x80;
    if (!continuation && ++chars > 31) break;
    name += std::string_view("[]:*?/\\").find(c) == std::string_view::npos ? c : '_';
  }
  while (!name.empty() && name.front() == '\'') name.erase(0, 1);
  while (!name.empty() && name.back() == '\'') name.pop_back();
  return name.empty() ? "Sheet1" : name;
}

// Removes the file when it goes out of scope.
struct TempFile {
  std::string path;
  ~TempFile() {
    if (!path.empty()) std::remove(path.c_str());
  }
};

Result<TempFile> MakeTempFile() {
  const char* dir = std::getenv("TMPDIR");
  std::string path = std::string(dir != nullptr && *dir != '\0' ? dir : "/tmp") + "/txng-XXXXXX";
  const int fd = mkstemp(path.data());
  if (fd < 0) return Status::Internal("cannot create a temporary file for the XLSX workbook");
  close(fd);
  return TempFile{path};
}

Status XlsxError(lxw_error err, std::string_view what) {
  return Status::Internal("XLSX: " + std::string(what) + ": " + lxw_strerror(err));
}

// Column widths in Excel's units (characters of the default font): the
// longest value of the column, its header included, plus room for the
// autofilter's drop-down button.
std::vector<double> ColumnWidths(const Sheet& sheet) {
  std::vector<double> widths(sheet.columns.size(), 0);
  const auto widen = [&](size_t col, double w) { widths[col] = std::max(widths[col], w); };
  for (size_t c = 0; c < sheet.columns.size(); ++c) {
    widen(c, static_cast<double>(CodePoints(sheet.columns[c])) + 3);
  }
  for (const std::vector<Cell>& row : sheet.rows) {
    for (size_t c = 0; c < std::min(row.size(), widths.size()); ++c) {
      const Cell& cell = row[c];
      switch (cell.kind) {
        case Cell::Kind::kEmpty:
          break;
        case Cell::Kind::kText:
          widen(c, static_cast<double>(CodePoints(cell.text)) + 1);
          break;
        case Cell::Kind::kNumber:
          widen(c, 12);
          break;
        case Cell::Kind::kDate:
          widen(c, kDateWidth);
          break;
      }
    }
  }
  for (double& w : widths) w = std::clamp(w, kMinWidth, kMaxWidth);
  return widths;
}

class Workbook {
 public:
  explicit Workbook(lxw_workbook* wb) : wb_(wb) {}
  // A workbook abandoned on an error is freed without writing it;
  // workbook_close (Close) writes and frees.
  ~Workbook() {
    if (wb_ != nullptr) lxw_workbook_free(wb_);
  }
  lxw_workbook* get() { return wb_; }
  lxw_error Close() { return workbook_close(std::exchange(wb_, nullptr)); }

 private:
  lxw_workbook* wb_;
};

// OOXML strings escape characters as "_xHHHH_" (ST_Xstring), which
// libxlsxwriter uses for CR but does not apply to text that already reads
// like an escape: without "_x005F_" for its underscore, Excel would show
// "_x0041_" as "A".
std::string EscapeEscapes(std::string text) {
  for (size_t i = text.find("_x"); i != std::string::npos; i = text.find("_x", i + 1)) {
    const std::string_view rest = std::string_view(text).substr(i);
    if (rest.size() >= 7 && rest[6] == '_' &&
        rest.substr(2, 4).find_first_not_of("0123456789ABCDEFabcdef") == std::string_view::npos) {
      text.insert(i + 1, "x005F_");
      i += 6;
    }
  }
  return text;
}

Status WriteText(lxw_worksheet* ws, lxw_row_t r, lxw_col_t c, std::string_view raw,
                 lxw_format* format) {
  const std::string text = CleanText(raw);
  if (text.empty()) return Status::Ok();
  // worksheet_write_string always writes a string cell: text starting with
  // '=' stays text (only worksheet_write_formula makes formulas).
  const std::string cut(CutUtf8(EscapeEscapes(text), kXlsxMaxTextBytes));
  const lxw_error err = worksheet_write_string(ws, r, c, cut.c_str(), format);
  return err == LXW_NO_ERROR ? Status::Ok() : XlsxError(err, "writing a text cell");
}

Status WriteCell(lxw_worksheet* ws, lxw_row_t r, lxw_col_t c, const Cell& cell,
                 lxw_format* date_format) {
  lxw_error err = LXW_NO_ERROR;
  switch (cell.kind) {
    case Cell::Kind::kEmpty:
      return Status::Ok();
    case Cell::Kind::kText:
      return WriteText(ws, r, c, cell.text, nullptr);
    case Cell::Kind::kNumber:
      if (!std::isfinite(cell.number)) return Status::Ok();
      err = worksheet_write_number(ws, r, c, cell.number, nullptr);
      break;
    case Cell::Kind::kDate: {
      lxw_datetime dt{};
      if (!ParseDate(cell.text, &dt.year, &dt.month, &dt.day)) {
        return WriteText(ws, r, c, cell.text, nullptr);
      }
      err = worksheet_write_datetime(ws, r, c, &dt, date_format);
      break;
    }
  }
  return err == LXW_NO_ERROR ? Status::Ok() : XlsxError(err, "writing a cell");
}

}  // namespace

Result<std::string> WriteXlsx(const Sheet& sheet) {
  if (sheet.columns.empty()) return Status::InvalidArgument("a sheet needs at least one column");
  if (sheet.columns.size() > kXlsxMaxColumns) {
    return Status::InvalidArgument("XLSX holds at most " + std::to_string(kXlsxMaxColumns) +
                                   " columns; the sheet has " +
                                   std::to_string(sheet.columns.size()));
  }
  if (sheet.rows.size() + 1 > kXlsxMaxRows) {
    return Status::InvalidArgument("XLSX holds at most " + std::to_string(kXlsxMaxRows - 1) +
                                   " rows below the header; the sheet has " +
                                   std::to_string(sheet.rows.size()));
  }
  for (const std::vector<Cell>& row : sheet.rows) {
    if (row.size() > sheet.columns.size()) {
      return Status::InvalidArgument("a row has more cells than the sheet has columns");
    }
  }
  TXNG_ASSIGN_OR_RETURN(TempFile file, MakeTempFile());

  lxw_workbook_options options{};
  options.constant_memory = LXW_TRUE;  // rows go to a temporary file as written
  Workbook wb(workbook_new_opt(file.path.c_str(), &options));
  if (wb.get() == nullptr) return Status::Internal("XLSX: cannot create the workbook");
  const std::string name = SheetName(sheet.title);
  lxw_worksheet* ws = workbook_add_worksheet(wb.get(), name.c_str());
  if (ws == nullptr) return Status::Internal("XLSX: cannot add the worksheet");
  lxw_format* header = workbook_add_format(wb.get());
  format_set_bold(header);
  format_set_bottom(header, LXW_BORDER_THIN);
  lxw_format* date = workbook_add_format(wb.get());
  format_set_num_format(date, "yyyy-mm-dd");

  const auto last_col = static_cast<lxw_col_t>(sheet.columns.size() - 1);
  const std::vector<double> widths = ColumnWidths(sheet);
  for (lxw_col_t c = 0; c <= last_col; ++c) {
    const lxw_error err = worksheet_set_column(ws, c, c, widths[c], nullptr);
    if (err != LXW_NO_ERROR) return XlsxError(err, "setting a column width");
  }
  worksheet_freeze_panes(ws, 1, 0);
  if (const lxw_error err =
          worksheet_autofilter(ws, 0, 0, static_cast<lxw_row_t>(sheet.rows.size()), last_col);
      err != LXW_NO_ERROR) {
    return XlsxError(err, "setting the autofilter");
  }

  for (lxw_col_t c = 0; c <= last_col; ++c) {
    TXNG_RETURN_IF_ERROR(WriteText(ws, 0, c, sheet.columns[c], header));
  }
  for (size_t r = 0; r < sheet.rows.size(); ++r) {
    const std::vector<Cell>& row = sheet.rows[r];
    for (size_t c = 0; c < row.size(); ++c) {
      TXNG_RETURN_IF_ERROR(
          WriteCell(ws, static_cast<lxw_row_t>(r + 1), static_cast<lxw_col_t>(c), row[c], date));
    }
  }
  if (const lxw_error err = wb.Close(); err != LXW_NO_ERROR) {
    return XlsxError(err, "writing the file");
  }

  std::ifstream in(file.path, std::ios::binary);
  std::ostringstream bytes;
  bytes << in.rdbuf();
  if (!in) return Status::Internal("XLSX: cannot read back the written workbook");
  return std::move(bytes).str();
}

}  // namespace txng::exports
