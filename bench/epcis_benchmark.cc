// EPCIS capture and query benchmark (./bench.sh capture, ./bench.sh query).
//
//   epcis_benchmark capture DB_URL FLOOR_DB_URL ENGINE_DB_URL EVENTS
//       Captures EVENTS generated events through Store::CaptureEvents in
//       documents of 1,000 on DB_URL (a fresh database), then inserts the same
//       rows with raw prepared statements (same tables and columns, every value
//       precomputed, explicit row ids, one transaction per 1,000 events)
//       through the same driver (RunBatch) on FLOOR_DB_URL (another fresh
//       database), then has the database engine itself make rows of the same
//       shape and number on ENGINE_DB_URL (a third): INSERT … SELECT from a
//       generated series of 1,000 events per transaction, three EPC rows and
//       one link row per event, random keys and documents of the corpus's
//       mean size — no client values, no parsing of rows, one statement per
//       table per transaction. That is what the schema and its indexes cost
//       the engine alone.
//   epcis_benchmark query DB_URL EVENTS QUERIES [bulk|capture]
//       Loads EVENTS events on DB_URL (a fresh database) in bulk (default:
//       bench/bulk_loader.h, the rows capture writes, indexes made after the
//       load) or through Store::CaptureEvents in documents of 1,000, then
//       times QUERIES random MATCH_epc queries (one SGTIN) and QUERIES random
//       EQ_bizStep + GE_eventTime/LT_eventTime (one week) queries through
//       Store::QueryEvents (limit 100, capture order).
//   epcis_benchmark check CAPTURE_URL BULK_URL EVENTS QUERIES
//       Loads the same EVENTS events through capture on CAPTURE_URL and in
//       bulk on BULK_URL (fresh databases), runs the query benchmark's
//       queries on both, and exits 1 unless every answer is the same (row
//       ids, hash IDs and stored documents, recordTime aside).
//
// Output: "key value ..." lines on stdout that bench.sh turns into tables.
// Events are generated deterministically (fixed seed): ObjectEvents ADD or
// OBSERVE with 1-5 SGTINs, one AggregationEvent in ten with an SSCC parent,
// each with a bizStep, disposition, readPoint, bizLocation, a purchase-order
// bizTransaction and an eventTime spread over 2025. Hash IDs (the capture
// key of events without an eventID) are computed before the timed part, as
// the capture service does while validating, and timed on their own.
#include <sys/resource.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <random>
#include <string>
#include <vector>

#include "bench/bench_support.h"
#include "bench/bulk_loader.h"
#include "epcis/event_hash.h"
#include "epcis/timestamp.h"
#include "store/database.h"
#include "store/events_internal.h"
#include "store/store.h"

namespace txng {
namespace {

constexpr int kDocumentEvents = 1000;
constexpr int kProducts = 50;
constexpr int64_t kYearStart = 1735689600000;  // 2025-01-01T00:00:00Z
constexpr int64_t kYearMillis = int64_t{365} * 24 * 3600 * 1000;
constexpr int64_t kWeekMillis = int64_t{7} * 24 * 3600 * 1000;

const char* const kBizSteps[] = {"commissioning", "packing",    "shipping",       "receiving",
                                 "storing",       "inspecting", "retail_selling", "loading"};
const char* const kDispositions[] = {"active", "in_progress", "in_transit", "sellable_accessible"};

using bench::Clock;
using bench::Die;
using bench::Must;
using bench::Seconds;

// CPU seconds (user + system) of this process so far: on a shared machine,
// wall time also counts the time other processes had the cores. The
// PostgreSQL server's own CPU time is not in it.
double CpuSeconds() {
  rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  auto seconds = [](const timeval& t) { return static_cast<double>(t.tv_sec) + t.tv_usec / 1e6; };
  return seconds(usage.ru_utime) + seconds(usage.ru_stime);
}

// Wall and CPU seconds of one timed part.
struct Timing {
  double wall = 0;
  double cpu = 0;
};

class Stopwatch {
 public:
  Timing Read() const { return {Seconds(wall_), CpuSeconds() - cpu_}; }

 private:
  Clock::time_point wall_ = Clock::now();
  double cpu_ = CpuSeconds();
};

// `digits` followed by its GS1 mod-10 check digit.
std::string WithCheckDigit(const std::string& digits) {
  int sum = 0;
  for (size_t i = 0; i < digits.size(); ++i) {
    const int d = digits[digits.size() - 1 - i] - '0';
    sum += i % 2 == 0 ? 3 * d : d;
  }
  return digits + static_cast<char>('0' + (10 - sum % 10) % 10);
}

std::string Gtin(int product) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "0893000%06d", product + 1);
  return WithCheckDigit(buf);
}

std::string Sgtin(int64_t serial) {
  return "https://id.gs1.org/01/" + Gtin(static_cast<int>(serial % kProducts)) + "/21/" +
         std::to_string(100000 + serial);
}

std::string Sscc(int64_t n) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "08930001%09lld", static_cast<long long>(n));
  return "https://id.gs1.org/00/" + WithCheckDigit(buf);
}

std::string Gln(int site) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "893000100%03d", site);
  return WithCheckDigit(buf);
}

std::string TimeOf(int64_t millis) {
  epcis::Instant instant;
  instant.seconds = millis / 1000;
  instant.micros = static_cast<int>(millis % 1000) * 1000;
  return epcis::FormatUtcMillis(instant);
}

// Events number `first` .. `first + count - 1` of a generated history whose
// SGTINs have serials 0 .. serials-1 (serials = the history's length gives
// about three events per SGTIN). Deterministic for given arguments.
std::vector<epcis::Event> GenerateEvents(int64_t first, int64_t count, int64_t serials) {
  std::vector<epcis::Event> events;
  std::mt19937_64 rng(20251129 + static_cast<uint64_t>(first));
  auto uniform = [&](int64_t n) {
    return static_cast<int64_t>(std::uniform_int_distribution<uint64_t>(0, n - 1)(rng));
  };
  events.reserve(count);
  for (int64_t i = 0; i < count; ++i) {
    epcis::Event e;
    const int64_t millis = kYearStart + uniform(kYearMillis);
    e.event_time = TimeOf(millis);
    e.event_time_zone_offset = "+07:00";
    const int site = static_cast<int>(uniform(40));
    e.read_point = epcis::Location{
        "https://id.gs1.org/414/" + Gln(site) + "/254/" + std::to_string(1 + uniform(4)), {}};
    e.biz_location = epcis::Location{"https://id.gs1.org/414/" + Gln(site), {}};
    e.biz_step = std::string("https://ref.gs1.org/cbv/BizStep-") + kBizSteps[uniform(8)];
    e.disposition = std::string("https://ref.gs1.org/cbv/Disp-") + kDispositions[uniform(4)];
    e.biz_transactions.push_back(
        {"https://ref.gs1.org/cbv/BTT-po",
         "urn:epcglobal:cbv:bt:" + Gln(0) + ":PO" + std::to_string(10000 + uniform(20000))});
    const int sgtins = static_cast<int>(1 + uniform(5));
    std::vector<std::string> epcs;
    for (int k = 0; k < sgtins; ++k) epcs.push_back(Sgtin(uniform(serials)));
    if (i % 10 == 9) {
      e.type = epcis::EventType::kAggregation;
      e.action = epcis::Action::kAdd;
      e.parent_id = Sscc(first + i);
      e.child_epcs = std::move(epcs);
    } else {
      e.type = epcis::EventType::kObject;
      e.action = uniform(3) == 0 ? epcis::Action::kAdd : epcis::Action::kObserve;
      e.epc_list = std::move(epcs);
    }
    events.push_back(std::move(e));
  }
  return events;
}

// Events ready for CaptureEvents, and how long their hash IDs took.
struct Corpus {
  std::vector<NewEvent> events;
  double hash_seconds = 0;
};

Corpus Generate(int64_t first, int64_t count, int64_t serials) {
  Corpus corpus;
  std::vector<epcis::Event> events = GenerateEvents(first, count, serials);
  corpus.events.reserve(events.size());
  const Clock::time_point start = Clock::now();
  for (epcis::Event& e : events) {
    std::string hash_id = epcis::EventHashId(e);
    corpus.events.push_back(NewEvent{std::move(e), std::move(hash_id)});
  }
  corpus.hash_seconds = Seconds(start);
  return corpus;
}

// Captures `corpus` in documents of 1,000 events; returns the time taken.
Timing CaptureAll(Store& store, const Corpus& corpus, int64_t org_id) {
  CaptureContext ctx;
  ctx.org_id = org_id;
  ctx.review_status = ReviewStatus::kApproved;
  const Actor actor = Actor::System("system:bench");
  std::vector<std::vector<NewEvent>> documents;
  for (size_t i = 0; i < corpus.events.size(); i += kDocumentEvents) {
    const size_t end = std::min(corpus.events.size(), i + kDocumentEvents);
    documents.emplace_back(corpus.events.begin() + static_cast<std::ptrdiff_t>(i),
                           corpus.events.begin() + static_cast<std::ptrdiff_t>(end));
  }
  const Stopwatch stopwatch;
  for (const std::vector<NewEvent>& document : documents) {
    std::vector<CapturedEvent> captured =
        Must(store.CaptureEvents(document, ctx, actor), "capture");
    if (captured.size() != document.size()) Die("capture", Status::Internal("short answer"));
  }
  return stopwatch.Read();
}

// The floor: the rows CaptureEvents writes for the events (epcis_events,
// epcis_event_epcs, epcis_event_links; the generated events have no
// quantities or sensor data), every value precomputed, with explicit row ids
// (no RETURNING), as raw prepared statements through the same driver and
// its cheapest path for many rows (SqlConnection::RunBatch: one step of the
// cached statement per row on SQLite, pipelines on PostgreSQL).
Timing InsertFloor(Database& db, const Corpus& corpus, int64_t org_id) {
  constexpr std::string_view kEvent =
      "INSERT INTO epcis_events (id, event_id, hash_id, event_type, action, event_time, "
      "event_time_zone_offset, record_time, biz_step, disposition, read_point, biz_location, "
      "transformation_id, declares_error, org_id, review_status, document) "
      "VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17)";
  constexpr std::string_view kEpc =
      "INSERT INTO epcis_event_epcs (event_row, role, epc) VALUES ($1, $2, $3)";
  constexpr std::string_view kLink =
      "INSERT INTO epcis_event_links (event_row, kind, type, value) VALUES ($1, $2, $3, $4)";
  struct Rows {
    std::vector<std::vector<SqlValue>> events, epcs, links;
  };
  std::vector<Rows> documents;
  const int64_t now = NowMillis();
  for (size_t i = 0; i < corpus.events.size(); ++i) {
    if (i % kDocumentEvents == 0) documents.emplace_back();
    Rows& rows = documents.back();
    epcis::Event e = corpus.events[i].event;
    e.record_time = TimeOf(now);
    const int64_t id = static_cast<int64_t>(i) + 1;
    const int64_t event_time = epcis::ToUnixMillis(*epcis::ParseTimestamp(e.event_time));
    rows.events.push_back({id, corpus.events[i].hash_id, corpus.events[i].hash_id,
                           std::string(epcis::EventTypeName(e.type)),
                           std::string(epcis::ActionName(e.action)), event_time,
                           e.event_time_zone_offset, now, e.biz_step, e.disposition,
                           e.read_point->id, e.biz_location->id, std::string(), int64_t{0}, org_id,
                           std::string("approved"), store_internal::EventDocument(e)});
    for (const std::string& epc : e.epc_list) rows.epcs.push_back({id, std::string("epc"), epc});
    if (!e.parent_id.empty()) rows.epcs.push_back({id, std::string("parent"), e.parent_id});
    for (const std::string& epc : e.child_epcs) {
      rows.epcs.push_back({id, std::string("child"), epc});
    }
    for (const epcis::TypedId& link : e.biz_transactions) {
      rows.links.push_back({id, std::string("bizTransaction"), link.type, link.id});
    }
  }
  const Stopwatch stopwatch;
  for (const Rows& rows : documents) {
    Status status = db.Transact(TxMode::kWrite, [&](SqlConnection& c) -> Status {
      TXNG_RETURN_IF_ERROR(c.RunBatch(kEvent, rows.events).status());
      TXNG_RETURN_IF_ERROR(c.RunBatch(kEpc, rows.epcs).status());
      return c.RunBatch(kLink, rows.links).status();
    });
    if (!status.ok()) Die("floor insert", status);
  }
  return stopwatch.Read();
}

// The engine-alone statements (see the file comment) for each dialect. All
// take $1 = the first row id; the events' also $2 = the organisation, $3 =
// the record time and $4 = the document length, the EPCs' $2 = the number
// of SGTIN serials. Keys are
// random like the generator's: hash IDs, event times, EPC serials,
// purchase-order numbers; bizStep, disposition and places from the same
// small sets.
struct EngineStatements {
  std::string events, epcs, links;
};

EngineStatements EngineInserts(Dialect dialect) {
  const bool sqlite = dialect == Dialect::kSqlite;
  // A parameter as an integer; a random integer in [0, n); n rows numbered
  // i = 0 .. n-1, with `columns` drawn once per row (MATERIALIZED: a column
  // used twice must be the same value).
  auto param = [&](int k) { return "$" + std::to_string(k) + (sqlite ? "" : "::bigint"); };
  auto below = [&](const std::string& n) {
    return sqlite ? "abs(random() % " + n + ")" : "floor(random() * " + n + ")::bigint";
  };
  auto rows = [&](int n, const std::string& columns) {
    const std::string last = std::to_string(n - 1);
    return (sqlite ? "WITH RECURSIVE n(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM n WHERE i < " +
                         last + ")"
                   : "WITH n(i) AS (SELECT generate_series(0, " + last + "))") +
           ", r AS MATERIALIZED (SELECT i, " + columns + " FROM n) ";
  };
  const std::string hash =
      sqlite ? "lower(hex(randomblob(32)))" : "md5(random()::text) || md5(random()::text)";
  const std::string document =
      sqlite ? "substr(hex(randomblob(($4 + 1) / 2)), 1, $4)"
             : "substr(repeat(md5(random()::text), ($4::int + 31) / 32), 1, $4::int)";
  return {
      rows(kDocumentEvents, "'ni:///sha-256;' || " + hash +
                                " || '?ver=CBV2.0' AS h, 1735689600000 + " + below("31536000000") +
                                " AS t, " + below("8") + " AS step, " + below("4") +
                                " AS disposition, 8930001000000 + " + below("40") + " AS gln, " +
                                below("4") + " AS sub, " + document + " AS d") +
          "INSERT INTO epcis_events (id, event_id, hash_id, event_type, action, event_time, "
          "event_time_zone_offset, record_time, biz_step, disposition, read_point, "
          "biz_location, transformation_id, declares_error, org_id, review_status, document) "
          "SELECT " +
          param(1) + " + i, h, h, 'ObjectEvent', 'OBSERVE', t, '+07:00', " + param(3) +
          ", 'https://ref.gs1.org/cbv/BizStep-' || step, "
          "'https://ref.gs1.org/cbv/Disp-' || disposition, "
          "'https://id.gs1.org/414/' || gln || '/254/' || sub, 'https://id.gs1.org/414/' || gln, "
          "'', 0, " +
          param(2) + ", 'approved', d FROM r",
      // Serial s belongs to product s % 50, as in the generator.
      rows(3 * kDocumentEvents, below(param(2)) + " AS s") +
          "INSERT INTO epcis_event_epcs (event_row, role, epc) SELECT " + param(1) +
          " + i / 3, 'epc', 'https://id.gs1.org/01/0893000000' || (100 + s % 50) || '/21/' || "
          "(100000 + s) FROM r",
      rows(kDocumentEvents, below("20000") + " AS po") +
          "INSERT INTO epcis_event_links (event_row, kind, type, value) SELECT " + param(1) +
          " + i, 'bizTransaction', 'https://ref.gs1.org/cbv/BTT-po', "
          "'urn:epcglobal:cbv:bt:8930001000007:PO' || (10000 + po) FROM r",
  };
}

// Has the engine make `count` events' rows (a multiple of 1,000), one
// transaction per 1,000 events; documents of `document_bytes`.
Timing InsertByEngine(Database& db, int64_t count, int64_t org_id, int64_t document_bytes) {
  const EngineStatements sql = EngineInserts(db.dialect());
  const int64_t now = NowMillis();
  const Stopwatch stopwatch;
  for (int64_t first = 1; first <= count; first += kDocumentEvents) {
    Status status = db.Transact(TxMode::kWrite, [&](SqlConnection& c) -> Status {
      TXNG_RETURN_IF_ERROR(c.Run(sql.events, {first, org_id, now, document_bytes}).status());
      TXNG_RETURN_IF_ERROR(c.Run(sql.epcs, {first, count}).status());
      return c.Run(sql.links, {first}).status();
    });
    if (!status.ok()) Die("engine insert", status);
  }
  return stopwatch.Read();
}

double Percentile(std::vector<double> values, double p) {
  std::sort(values.begin(), values.end());
  const size_t index = static_cast<size_t>(p * static_cast<double>(values.size() - 1) + 0.5);
  return values[index];
}

// The benchmark's two queries, the i-th of a fixed random sequence.
EventQuery MatchEpcQuery(std::mt19937_64& rng, int64_t serials) {
  EventQuery q;
  q.match_epc.push_back(
      {Sgtin(std::uniform_int_distribution<int64_t>(0, serials - 1)(rng)), false});
  return q;
}

EventQuery BizStepWeekQuery(std::mt19937_64& rng) {
  EventQuery q;
  q.biz_steps.push_back(std::string("https://ref.gs1.org/cbv/BizStep-") +
                        kBizSteps[std::uniform_int_distribution<int>(0, 7)(rng)]);
  const int64_t from =
      kYearStart + std::uniform_int_distribution<int64_t>(0, kYearMillis - kWeekMillis)(rng);
  q.ge_event_time = from;
  q.lt_event_time = from + kWeekMillis;
  return q;
}

// Times `queries` runs of `make(rng)`; prints p50 and p99 in milliseconds.
template <typename MakeQuery>
void TimeQueries(Store& store, const char* name, int queries, MakeQuery make) {
  std::mt19937_64 rng(7);
  std::vector<double> millis;
  millis.reserve(queries);
  int64_t answered = 0;
  for (int i = 0; i < queries; ++i) {
    EventQuery q = make(rng);
    const Clock::time_point start = Clock::now();
    EventPage page = Must(store.QueryEvents(q), name);
    millis.push_back(Seconds(start) * 1000);
    answered += static_cast<int64_t>(page.events.size());
  }
  std::printf("query %s queries %d p50_ms %.3f p99_ms %.3f mean_events %.1f\n", name, queries,
              Percentile(millis, 0.50), Percentile(millis, 0.99),
              static_cast<double>(answered) / queries);
}

void Report(const char* what, int64_t events, const Timing& t) {
  std::printf(
      "%s events %lld seconds %.3f events_per_s %.0f cpu_seconds %.3f events_per_cpu_s %.0f\n",
      what, static_cast<long long>(events), t.wall, static_cast<double>(events) / t.wall, t.cpu,
      static_cast<double>(events) / t.cpu);
}

int RunCapture(const std::string& url, const std::string& floor_url, const std::string& engine_url,
               int64_t count) {
  Corpus corpus = Generate(0, count, count);
  std::printf("hash events %lld seconds %.3f\n", static_cast<long long>(count),
              corpus.hash_seconds);
  int64_t org_id = 0;
  std::unique_ptr<Store> store = bench::OpenBenchStore(url, &org_id);
  Report("capture", count, CaptureAll(*store, corpus, org_id));
  int64_t floor_org = 0;
  std::unique_ptr<Store> floor_store = bench::OpenBenchStore(floor_url, &floor_org);
  Report("floor", count, InsertFloor(floor_store->db(), corpus, floor_org));
  int64_t document_bytes = 0;
  for (const NewEvent& e : corpus.events) {
    epcis::Event stored = e.event;
    stored.record_time = TimeOf(NowMillis());  // as capture stores it
    document_bytes += static_cast<int64_t>(store_internal::EventDocument(stored).size());
  }
  document_bytes /= count;
  int64_t engine_org = 0;
  std::unique_ptr<Store> engine_store = bench::OpenBenchStore(engine_url, &engine_org);
  const int64_t engine_count = count / kDocumentEvents * kDocumentEvents;
  Report("engine", engine_count,
         InsertByEngine(engine_store->db(), engine_count, engine_org, document_bytes));
  std::printf("document bytes %lld\n", static_cast<long long>(document_bytes));
  return 0;
}

// Loads the query benchmark's `count` events into `store` (fresh), in
// slices so that they need not all be in memory; returns the time taken.
Timing Load(Store& store, const std::string& url, int64_t org_id, int64_t count, bool bulk) {
  constexpr int64_t kSlice = 200000;
  std::unique_ptr<bench::BulkLoader> loader;
  const Stopwatch stopwatch;
  if (bulk) {
    loader = Must(bench::BulkLoader::Open(store, url, org_id), "bulk loader");
    Must(loader->DropIndexes(), "drop indexes");
  }
  for (int64_t done = 0; done < count; done += kSlice) {
    const int64_t slice = std::min(kSlice, count - done);
    if (bulk) {
      Must(loader->Write(GenerateEvents(done, slice, count)), "bulk write");
    } else {
      CaptureAll(store, Generate(done, slice, count), org_id);
    }
    std::fprintf(stderr, "loaded %lld events\n", static_cast<long long>(done + slice));
  }
  if (bulk) Must(loader->Finish(), "finish bulk load");
  return stopwatch.Read();
}

int RunQuery(const std::string& url, int64_t count, int queries, bool bulk) {
  int64_t org_id = 0;
  std::unique_ptr<Store> store = bench::OpenBenchStore(url, &org_id);
  Report(bulk ? "load_bulk" : "load_capture", count, Load(*store, url, org_id, count, bulk));
  TimeQueries(*store, "MATCH_epc", queries,
              [&](std::mt19937_64& rng) { return MatchEpcQuery(rng, count); });
  TimeQueries(*store, "EQ_bizStep+eventTime", queries, BizStepWeekQuery);
  return 0;
}

// One answer as text: each event's row id, hash ID and stored document
// without its recordTime (the time of the load, which differs).
std::string Describe(const EventPage& page) {
  std::string out;
  for (const StoredEvent& stored : page.events) {
    epcis::Event e = stored.event;
    e.record_time.clear();
    out += std::to_string(stored.id) + " " + stored.hash_id + " " +
           store_internal::EventDocument(e) + "\n";
  }
  return out;
}

int Check(const std::string& capture_url, const std::string& bulk_url, int64_t count, int queries) {
  int64_t capture_org = 0, bulk_org = 0;
  std::unique_ptr<Store> captured = bench::OpenBenchStore(capture_url, &capture_org);
  std::unique_ptr<Store> bulked = bench::OpenBenchStore(bulk_url, &bulk_org);
  Load(*captured, capture_url, capture_org, count, false);
  Load(*bulked, bulk_url, bulk_org, count, true);
  std::mt19937_64 rng(7);
  int same = 0;
  int64_t answered = 0;
  for (int i = 0; i < 2 * queries; ++i) {
    const EventQuery q = i % 2 == 0 ? MatchEpcQuery(rng, count) : BizStepWeekQuery(rng);
    const EventPage a = Must(captured->QueryEvents(q), "query the captured events");
    const EventPage b = Must(bulked->QueryEvents(q), "query the bulk-loaded events");
    answered += static_cast<int64_t>(a.events.size());
    if (Describe(a) == Describe(b) && a.next.has_value() == b.next.has_value()) {
      ++same;
    } else {
      std::fprintf(stderr, "answers differ for query %d:\n--- capture\n%s--- bulk\n%s", i,
                   Describe(a).c_str(), Describe(b).c_str());
    }
  }
  std::printf("check events %lld queries %d identical %d answered_events %lld\n",
              static_cast<long long>(count), 2 * queries, same, static_cast<long long>(answered));
  return same == 2 * queries && answered > 0 ? 0 : 1;
}

}  // namespace
}  // namespace txng

int main(int argc, char** argv) {
  const std::string mode = argc > 1 ? argv[1] : "";
  if (mode == "capture" && argc == 6) {
    return txng::RunCapture(argv[2], argv[3], argv[4], std::stoll(argv[5]));
  }
  const std::string load = argc == 6 ? argv[5] : "bulk";
  if (mode == "query" && (argc == 5 || argc == 6) && (load == "bulk" || load == "capture")) {
    return txng::RunQuery(argv[2], std::stoll(argv[3]), std::stoi(argv[4]), load == "bulk");
  }
  if (mode == "check" && argc == 6) {
    return txng::Check(argv[2], argv[3], std::stoll(argv[4]), std::stoi(argv[5]));
  }
  std::fprintf(stderr,
               "usage: epcis_benchmark capture DB_URL FLOOR_DB_URL ENGINE_DB_URL EVENTS\n"
               "       epcis_benchmark query DB_URL EVENTS QUERIES [bulk|capture]\n"
               "       epcis_benchmark check CAPTURE_URL BULK_URL EVENTS QUERIES\n");
  return 2;
}
