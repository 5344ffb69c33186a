// Traceability records as spreadsheets: the FSMA-204-style sortable
// spreadsheet (one row per critical tracking event per traceability lot
// code) for a lot, a product or a date range, and the ten items of
// Circular 02/2024/TT-BKHCN for a product. Both come as exports::Sheet,
// written as CSV or XLSX by the caller; the Circular 02 report also as JSON.
//
// Critical tracking events (CTEs) from EPCIS events, in this order:
//   TransformationEvent (any bizStep)                     → transformation
//   bizStep shipping or departing                         → shipping
//   bizStep receiving, arriving or accepting              → receiving
//   bizStep packing                                       → initial packing
//   ObjectEvent ADD, bizStep commissioning,
//     creating_class_instance or none                     → harvesting / growing
// (TXNG's producers commission a lot where it was grown or harvested; a
// processed lot comes out of a transformation.) Other events — storing,
// inspecting, unpacking, observations — are no CTE and give no row.
//
// The traceability lot code (TLC) of a row is a lot, an LGTIN: a class-level
// identifier is its own TLC; an instance (SGTIN) stands for its lot when the
// catalogue knows it, a container (SSCC, case) for the lots packed into it
// at the time of the event (from the aggregation events at hand, nested
// containers followed); otherwise the identifier itself is the TLC. One
// event gives one row per TLC (per role of a transformation and unit),
// quantities summed; instances are counted in EA.
#ifndef TXNG_SERVICE_TRACE_EXPORT_H_
#define TXNG_SERVICE_TRACE_EXPORT_H_

#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "common/status.h"
#include "export/sheet.h"
#include "service/catalog.h"
#include "service/principal.h"
#include "service/trace.h"
#include "store/store.h"
#include "trace/lineage_source.h"

namespace txng {

enum class ExportLang { kVi, kEn };

enum class Cte { kHarvesting, kInitialPacking, kShipping, kReceiving, kTransformation };
std::optional<Cte> CteOf(const trace::LineageEvent& e);

// The most rows one FSMA export holds; more are cut (by date, the earliest
// kept) and the export says so.
inline constexpr size_t kMaxFsmaRows = 100000;

// The column headers, in order.
std::vector<std::string> FsmaColumns(ExportLang lang);

struct FsmaInput {
  // The events that give rows.
  std::vector<trace::LineageEvent> events;
  // Further events read only for what they say about the lots of `events`:
  // where each lot was commissioned (its TLC source) and what containers
  // held. May repeat events of `events`.
  std::vector<trace::LineageEvent> context;
  NodeNames names;  // names of lots, products (by GTIN class), places, parties
  // Rows only for the TLCs it accepts (all when unset).
  std::function<bool(std::string_view tlc)> keep;
};

struct FsmaTable {
  exports::Sheet sheet;
  bool truncated = false;  // more rows than max_rows: the earliest max_rows kept
};

// The rows of `in`, sorted by event time, then TLC, then capture order.
FsmaTable BuildFsmaTable(const FsmaInput& in, ExportLang lang, size_t max_rows = kMaxFsmaRows);

// What to export: exactly one of a lot (an identifier in any form
// ParseTraceId accepts), a GTIN (every lot of the product), or a date range
// (from ≤ event time < to + 1 day, UTC; both YYYY-MM-DD).
struct FsmaRequest {
  std::string lot;
  std::string gtin;
  std::string from, to;
  ExportLang lang = ExportLang::kVi;
  size_t max_rows = kMaxFsmaRows;  // 1..kMaxFsmaRows (taken into that range)
};

struct FsmaExport {
  FsmaTable table;
  std::string filename_stem;  // "fsma-<what>", safe in a file name
};

// The export as `who` may see it (TraceVisibility: anonymous callers
// approved events only). kInvalidArgument naming the parameter for a bad
// request (none or several scopes, an unparsable lot — with ParseTraceId's
// reason, field "lot" — or GTIN, a bad date or range); kNotFound when no event the caller may see
// names the lot or a lot of the GTIN.
Result<FsmaExport> ExportFsma(Store& store, const FsmaRequest& request, const Principal& who);

// The ten items Circular 02/2024/TT-BKHCN (Art. 5) asks a product's
// traceability information to show, in the order the Circular lists them.
struct Circular02Item {
  std::string key;    // stable: product_name, image, producer_name, …
  std::string label;  // in the report's language
  std::string value;  // plain text; stages and their times one per line
};

// A production stage: a CTE at a place, from the product's approved events.
struct Circular02Stage {
  Cte cte = Cte::kHarvesting;
  std::string name;                   // "Thu hoạch / trồng trọt — Vườn điều A"
  std::string location;               // its id (internal form), empty when the events name none
  std::string first_date, last_date;  // YYYY-MM-DD, UTC
  int events = 0;
};

struct Circular02Report {
  Product product;
  std::vector<Circular02Item> items;  // ten
  std::vector<Circular02Stage> stages;
};

// The report of product `product_id` (kNotFound when `who` may not read it).
// Its stages come from the approved events that name the product's lots by
// class (at most kMaxCircular02Events of them, the earliest); `stem` is the
// Digital Link stem of the trace code ("https://id.gs1.org" when empty).
inline constexpr int kMaxCircular02Events = 10000;
Result<Circular02Report> Circular02(Store& store, CatalogService& catalog, int64_t product_id,
                                    const Principal& who, ExportLang lang, std::string_view stem);

// The report as a sheet: one row per item (number, item, value).
exports::Sheet Circular02Sheet(const Circular02Report& report, ExportLang lang);

}  // namespace txng

#endif  // TXNG_SERVICE_TRACE_EXPORT_H_
