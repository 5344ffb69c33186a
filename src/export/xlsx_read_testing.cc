#include "export/xlsx_read_testing.h"

#include <zlib.h>

#include <cmath>
#include <cstdint>
#include <cstdlib>
#include <pugixml.hpp>

#include "export/sheet_read.h"

namespace txng::exports::testing {
namespace {

uint32_t Le(const std::string& s, size_t at, int bytes) {
  uint32_t v = 0;
  for (int i = bytes - 1; i >= 0; --i) v = (v << 8) | static_cast<unsigned char>(s[at + i]);
  return v;
}

Result<std::string> Inflate(std::string_view data, size_t size) {
  std::string out(size, '\0');
  z_stream zs{};
  if (inflateInit2(&zs, -MAX_WBITS) != Z_OK) return Status::Internal("inflateInit2 failed");
  zs.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(data.data()));
  zs.avail_in = static_cast<uInt>(data.size());
  zs.next_out = reinterpret_cast<Bytef*>(out.data());
  zs.avail_out = static_cast<uInt>(out.size());
  const int rc = inflate(&zs, Z_FINISH);
  inflateEnd(&zs);
  if (rc != Z_STREAM_END || zs.total_out != size) {
    return Status::InvalidArgument("a ZIP entry does not inflate to its recorded size");
  }
  return out;
}

// "BC12" → column 54, row 11 (both from 0).
bool ParseRef(std::string_view ref, size_t* col, size_t* row) {
  size_t i = 0, c = 0, r = 0;
  while (i < ref.size() && ref[i] >= 'A' && ref[i] <= 'Z') c = c * 26 + (ref[i++] - 'A' + 1);
  if (c == 0 || i == ref.size()) return false;
  for (; i < ref.size(); ++i) {
    if (ref[i] < '0' || ref[i] > '9') return false;
    r = r * 10 + (ref[i] - '0');
  }
  if (r == 0) return false;
  *col = c - 1;
  *row = r - 1;
  return true;
}

// Excel's serial day number (1900 date system, serials from 61 on) as a
// date: the day of sheet_read.h's reading.
std::string SerialToDate(double serial) { return SerialDateText(std::floor(serial)); }

// Text with OOXML's escapes (ST_Xstring: "_x000D_" for U+000D, as XLSX
// writers keep characters XML would not carry) decoded.
std::string Unescape(std::string_view s) {
  std::string out;
  for (size_t i = 0; i < s.size();) {
    if (s.substr(i, 2) == "_x" && i + 7 <= s.size() && s[i + 6] == '_' &&
        s.substr(i + 2, 4).find_first_not_of("0123456789ABCDEFabcdef") == std::string::npos) {
      const unsigned long cp = std::strtoul(std::string(s.substr(i + 2, 4)).c_str(), nullptr, 16);
      if (cp < 0x80) {
        out += static_cast<char>(cp);
      } else if (cp < 0x800) {
        out += static_cast<char>(0xC0 | (cp >> 6));
        out += static_cast<char>(0x80 | (cp & 0x3F));
      } else {
        out += static_cast<char>(0xE0 | (cp >> 12));
        out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (cp & 0x3F));
      }
      i += 7;
    } else {
      out += s[i++];
    }
  }
  return out;
}

std::string AllText(const pugi::xml_node& n) {
  std::string out;
  for (const pugi::xpath_node& t : n.select_nodes(".//t")) out += t.node().child_value();
  return Unescape(out);
}

Result<pugi::xml_document> ParseXml(const std::map<std::string, std::string>& files,
                                    const std::string& name, bool required) {
  pugi::xml_document doc;
  auto it = files.find(name);
  if (it == files.end()) {
    if (required) return Status::InvalidArgument("the workbook has no " + name);
    return doc;
  }
  if (!doc.load_buffer(it->second.data(), it->second.size())) {
    return Status::InvalidArgument(name + " is not well-formed XML");
  }
  return doc;
}

}  // namespace

Result<std::map<std::string, std::string>> Unzip(const std::string& zip) {
  if (zip.size() < 22) return Status::InvalidArgument("too short for a ZIP archive");
  size_t eocd = std::string::npos;
  for (size_t i = zip.size() - 22 + 1; i-- > 0;) {
    if (Le(zip, i, 4) == 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd == std::string::npos) return Status::InvalidArgument("no ZIP end of central directory");
  const uint32_t entries = Le(zip, eocd + 10, 2);
  size_t at = Le(zip, eocd + 16, 4);
  std::map<std::string, std::string> files;
  for (uint32_t e = 0; e < entries; ++e) {
    if (at + 46 > zip.size() || Le(zip, at, 4) != 0x02014b50) {
      return Status::InvalidArgument("a broken ZIP central directory entry");
    }
    const uint32_t method = Le(zip, at + 10, 2);
    const uint32_t csize = Le(zip, at + 20, 4), usize = Le(zip, at + 24, 4);
    const uint32_t nlen = Le(zip, at + 28, 2), xlen = Le(zip, at + 30, 2),
                   clen = Le(zip, at + 32, 2);
    const size_t local = Le(zip, at + 42, 4);
    std::string name = zip.substr(at + 46, nlen);
    at += 46 + nlen + xlen + clen;
    if (local + 30 > zip.size() || Le(zip, local, 4) != 0x04034b50) {
      return Status::InvalidArgument("a broken ZIP local header for " + name);
    }
    const size_t data = local + 30 + Le(zip, local + 26, 2) + Le(zip, local + 28, 2);
    if (data + csize > zip.size()) return Status::InvalidArgument("a truncated ZIP entry " + name);
    const std::string_view bytes(zip.data() + data, csize);
    if (method == 0) {
      files[name] = std::string(bytes);
    } else if (method == 8) {
      TXNG_ASSIGN_OR_RETURN(files[name], Inflate(bytes, usize));
    } else {
      return Status::InvalidArgument("ZIP compression method " + std::to_string(method));
    }
  }
  return files;
}

Result<ReadSheet> ReadXlsx(const std::string& xlsx) {
  TXNG_ASSIGN_OR_RETURN(auto files, Unzip(xlsx));
  TXNG_ASSIGN_OR_RETURN(pugi::xml_document workbook, ParseXml(files, "xl/workbook.xml", true));
  TXNG_ASSIGN_OR_RETURN(pugi::xml_document sheet_xml,
                        ParseXml(files, "xl/worksheets/sheet1.xml", true));
  TXNG_ASSIGN_OR_RETURN(pugi::xml_document shared, ParseXml(files, "xl/sharedStrings.xml", false));
  TXNG_ASSIGN_OR_RETURN(pugi::xml_document styles, ParseXml(files, "xl/styles.xml", true));

  ReadSheet out;
  out.name = workbook.child("workbook").child("sheets").child("sheet").attribute("name").value();

  std::vector<std::string> strings;
  for (pugi::xml_node si : shared.child("sst").children("si")) strings.push_back(AllText(si));

  // Styles: for each cellXfs entry, whether its font is bold and whether
  // its number format shows a date.
  std::map<int, std::string> formats;
  for (pugi::xml_node f : styles.child("styleSheet").child("numFmts").children("numFmt")) {
    formats[f.attribute("numFmtId").as_int()] = f.attribute("formatCode").value();
  }
  std::vector<bool> bold_fonts;
  for (pugi::xml_node f : styles.child("styleSheet").child("fonts").children("font")) {
    bold_fonts.push_back(static_cast<bool>(f.child("b")));
  }
  struct Style {
    bool bold = false, date = false;
  };
  std::vector<Style> xfs;
  for (pugi::xml_node xf : styles.child("styleSheet").child("cellXfs").children("xf")) {
    const int num = xf.attribute("numFmtId").as_int();
    const size_t font = xf.attribute("fontId").as_uint();
    const bool builtin_date = num >= 14 && num <= 22;
    const bool custom_date = formats.count(num) > 0 && formats[num].find("yy") != std::string::npos;
    xfs.push_back({font < bold_fonts.size() && bold_fonts[font], builtin_date || custom_date});
  }

  const pugi::xml_node ws = sheet_xml.child("worksheet");
  out.autofilter = ws.child("autoFilter").attribute("ref").value();
  const pugi::xml_node pane = ws.child("sheetViews").child("sheetView").child("pane");
  if (std::string_view(pane.attribute("state").value()) == "frozen") {
    out.frozen_rows = pane.attribute("ySplit").as_int();
  }
  for (pugi::xml_node col : ws.child("cols").children("col")) {
    const size_t max = col.attribute("max").as_uint();
    if (out.column_widths.size() < max) out.column_widths.resize(max, 0);
    for (size_t c = col.attribute("min").as_uint(); c <= max; ++c) {
      out.column_widths[c - 1] = col.attribute("width").as_double();
    }
  }
  for (pugi::xml_node row : ws.child("sheetData").children("row")) {
    for (pugi::xml_node c : row.children("c")) {
      size_t col = 0, r = 0;
      if (!ParseRef(c.attribute("r").value(), &col, &r)) {
        return Status::InvalidArgument(std::string("a cell reference ") + c.attribute("r").value());
      }
      if (out.rows.size() <= r) out.rows.resize(r + 1);
      if (out.rows[r].size() <= col) out.rows[r].resize(col + 1);
      ReadCell& cell = out.rows[r][col];
      const size_t style = c.attribute("s").as_uint();
      const Style st = style < xfs.size() ? xfs[style] : Style{};
      cell.bold = st.bold;
      const std::string_view t = c.attribute("t").value();
      if (c.child("f")) {
        ++out.formulas;
        cell.type = 'f';
        cell.value = c.child("f").child_value();
      } else if (t == "s") {
        const size_t index = std::strtoul(c.child("v").child_value(), nullptr, 10);
        if (index >= strings.size()) return Status::InvalidArgument("a shared string index");
        cell.value = strings[index];
      } else if (t == "inlineStr") {
        cell.value = AllText(c.child("is"));
      } else if (t == "b" || t == "e" || t == "str") {
        cell.type = t[0] == 's' ? 's' : t[0];
        cell.value = c.child("v").child_value();
      } else {
        cell.type = st.date ? 'd' : 'n';
        cell.value = c.child("v").child_value();
        if (st.date) cell.value = SerialToDate(std::strtod(cell.value.c_str(), nullptr));
      }
    }
  }
  return out;
}

}  // namespace txng::exports::testing
