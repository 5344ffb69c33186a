// Trace benchmark (./bench.sh trace): the lineage of lots through a
// generated six-tier chain (bench/trace_chain.h) on a store of many events.
//
//   trace_benchmark run DB_URL ROOTS [LOAD] [PARAM=VALUE ...]
//       Loads the chain into DB_URL (a fresh database) with LOAD = bulk
//       (default; bench/bulk_loader.h) or capture (Store::CaptureEvents in
//       documents of 1,000, what the product does), then, over ROOTS random
//       roots (a third each raw lots, kernel lots and pallets of complete
//       runs, after 100 untimed warm-up traces; each measure is the first
//       on a third of the roots): trace::Trace over
//       StoreLineageSource in Direction::kBoth (the target) and kBackward,
//       and the floor: the backward trace written as one recursive SQL
//       query (the set of identifiers upstream of the root: transformation
//       outputs to inputs, aggregation parents to children). For the first
//       100 roots the floor's set must equal the upstream nodes of the
//       kBackward trace. Then the recall impact: kForward traces from
//       ROOTS / 10 random raw lots (at least 10) through every tier, with
//       the largest page (trace::kMaxLimit nodes). Beside them, ROOTS empty
//       read transactions (BEGIN, SELECT 1, COMMIT).
//   trace_benchmark check CAPTURE_URL BULK_URL [PARAM=VALUE ...]
//       Loads the same chain into CAPTURE_URL through capture and into
//       BULK_URL in bulk, then traces (kBoth) every raw lot, kernel lot and
//       pallet of the complete runs (at most 300 of each) on both and
//       compares the answers whole (nodes, edges, events, findings); exits
//       1 on any difference.
//
// PARAM=VALUE sets a ChainParams member: events, raw_per_run, runs_per_raw,
// kernels_per_run, kernels_per_pallet, pallets_per_kernel, noise, farms,
// collectors, processors, exporters, importers, span_days, seed.
// Output: "key value ..." lines on stdout that bench.sh turns into tables;
// progress on stderr.
#include <time.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <initializer_list>
#include <map>
#include <random>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "bench/bench_support.h"
#include "bench/bulk_loader.h"
#include "bench/trace_chain.h"
#include "epcis/event_hash.h"
#include "export/writers.h"
#include "service/trace_export.h"
#include "store/lineage_source.h"
#include "store/store.h"
#include "trace/trace.h"

namespace txng::bench {
namespace {

constexpr int64_t kSlice = 20000;  // events generated and written at a time
constexpr int kDocumentEvents = 1000;
constexpr int kWarmUp = 100;
constexpr int kFloorChecks = 100;

ChainParams ParseParams(int argc, char** argv, int first) {
  ChainParams p;
  for (int i = first; i < argc; ++i) {
    const std::string arg = argv[i];
    const size_t eq = arg.find('=');
    const std::string key = arg.substr(0, eq == std::string::npos ? arg.size() : eq);
    const std::string value = eq == std::string::npos ? "" : arg.substr(eq + 1);
    const std::map<std::string, int*> ints = {
        {"raw_per_run", &p.raw_per_run},
        {"runs_per_raw", &p.runs_per_raw},
        {"kernels_per_run", &p.kernels_per_run},
        {"kernels_per_pallet", &p.kernels_per_pallet},
        {"pallets_per_kernel", &p.pallets_per_kernel},
        {"farms", &p.farms},
        {"collectors", &p.collectors},
        {"processors", &p.processors},
        {"exporters", &p.exporters},
        {"importers", &p.importers},
    };
    if (value.empty()) {
      Die("parameter " + arg, Status::InvalidArgument("expected PARAM=VALUE"));
    } else if (ints.contains(key)) {
      *ints.at(key) = std::stoi(value);
    } else if (key == "events") {
      p.events = std::stoll(value);
    } else if (key == "span_days") {
      p.span_days = std::stoll(value);
    } else if (key == "seed") {
      p.seed = std::stoull(value);
    } else if (key == "noise") {
      p.noise = std::stod(value);
    } else {
      Die("parameter " + arg, Status::InvalidArgument("unknown parameter"));
    }
  }
  const std::string problem = p.Check();
  if (!problem.empty()) Die("parameters", Status::InvalidArgument(problem));
  return p;
}

// Loads the whole chain; returns the seconds taken (generation included).
double Load(Store& store, const std::string& url, int64_t org_id, ChainGenerator& gen, bool bulk) {
  const Clock::time_point start = Clock::now();
  std::unique_ptr<BulkLoader> loader;
  if (bulk) {
    loader = Must(BulkLoader::Open(store, url, org_id), "bulk loader");
    Must(loader->DropIndexes(), "drop indexes");
  }
  CaptureContext ctx;
  ctx.org_id = org_id;
  ctx.review_status = ReviewStatus::kApproved;
  const Actor actor = Actor::System("system:bench");
  std::vector<epcis::Event> events;
  int64_t reported = 0;
  for (bool more = true; more;) {
    events.clear();
    more = gen.Next(kSlice, events);
    if (bulk) {
      Must(loader->Write(events), "bulk write");
    } else {
      for (size_t i = 0; i < events.size(); i += kDocumentEvents) {
        std::vector<NewEvent> document;
        for (size_t j = i; j < std::min(events.size(), i + kDocumentEvents); ++j) {
          document.push_back(NewEvent{events[j], epcis::EventHashId(events[j])});
        }
        Must(store.CaptureEvents(document, ctx, actor), "capture");
      }
    }
    if (gen.produced() - reported >= 1000000 || !more) {
      reported = gen.produced();
      std::fprintf(stderr, "loaded %lld events in %.0f s\n", static_cast<long long>(reported),
                   Seconds(start));
    }
  }
  if (bulk) {
    const Clock::time_point indexing = Clock::now();
    Must(loader->Finish(), "finish bulk load");
    std::fprintf(stderr, "indexes made in %.0f s\n", Seconds(indexing));
  }
  return Seconds(start);
}

double Percentile(std::vector<double> values, double p) {
  std::sort(values.begin(), values.end());
  const size_t index = static_cast<size_t>(p * static_cast<double>(values.size() - 1) + 0.5);
  return values[index];
}

struct Root {
  std::string id;
  const char* kind;
};

// Random roots of complete runs, a third of each kind, interleaved.
std::vector<Root> PickRoots(const ChainGenerator& gen, int count, uint64_t seed) {
  const int64_t runs = gen.complete_runs() - 1;  // a run's kernels may wait for the next's
  const int64_t pallets = gen.complete_pallets();
  if (runs < 1 || pallets < 1) {
    Die("roots", Status::FailedPrecondition("the chain has no complete run: more events needed"));
  }
  std::mt19937_64 rng(seed);
  auto uniform = [&](int64_t n) { return std::uniform_int_distribution<int64_t>(0, n - 1)(rng); };
  const ChainParams& p = gen.params();
  std::vector<Root> roots;
  for (int i = 0; i < count; ++i) {
    switch (i % 3) {
      case 0: {
        const std::vector<int64_t> lots = gen.RawLotsOf(uniform(runs));
        roots.push_back({RawLot(p, lots[static_cast<size_t>(uniform(p.raw_per_run))]), "raw"});
        break;
      }
      case 1: {
        const std::vector<int64_t> lots = gen.KernelLotsOf(uniform(runs));
        roots.push_back(
            {KernelLot(p, lots[static_cast<size_t>(uniform(p.kernels_per_run))]), "kernel"});
        break;
      }
      default:
        roots.push_back({Pallet(uniform(pallets)), "pallet"});
    }
  }
  return roots;
}

// StoreLineageSource, counting its calls (one per level of the walk) and
// the identifiers asked.
class CountingSource : public trace::LineageSource {
 public:
  explicit CountingSource(Store& store) : source_(store) {}
  Result<trace::NamingAnswer> EventsNaming(const trace::SourceQuery& q) override {
    ++calls;
    ids += static_cast<int64_t>(q.ids.size());
    return source_.EventsNaming(q);
  }
  static inline int64_t calls = 0, ids = 0;

 private:
  StoreLineageSource source_;
};

trace::Graph RunTrace(Store& store, const std::string& root, trace::Direction direction,
                      int limit = 1000) {
  CountingSource source(store);
  trace::TraceRequest r;
  r.root = root;
  r.direction = direction;
  r.limit = limit;
  return Must(trace::Trace(source, r), "trace " + root);
}

// The backward trace as one recursive query: every identifier upstream of
// $1, the root included. An identifier leads upstream through the events
// that name it as a transformation's output (to the inputs) or as the
// parent of an aggregation or association ADD or OBSERVE (to the
// children), instance-level or class-level, leaving out events declared in
// error. SQLite takes one recursive SELECT per pair of index tables;
// PostgreSQL allows only one, and gets both tables through LATERAL unions.
std::string FloorQuery(Dialect dialect) {
  const std::string event =
      "e.id = p.event_row AND e.declares_error = 0 AND e.declared_in_error_at IS NULL AND "
      "((p.role = 'output' AND e.event_type = 'TransformationEvent') OR (p.role = 'parent' AND "
      "e.event_type IN ('AggregationEvent', 'AssociationEvent') AND e.action IN ('ADD', "
      "'OBSERVE')))";
  const std::string child_role = "(CASE p.role WHEN 'output' THEN 'input' ELSE 'child' END)";
  if (dialect == Dialect::kPostgres) {
    return "WITH RECURSIVE up(id) AS (SELECT CAST($1 AS TEXT) UNION "
           "SELECT c.id FROM up CROSS JOIN LATERAL ("
           "SELECT event_row, role FROM epcis_event_epcs WHERE epc = up.id AND role IN "
           "('output', 'parent') UNION ALL SELECT event_row, role FROM epcis_event_quantities "
           "WHERE epc_class = up.id AND role = 'output') p JOIN epcis_events e ON " +
           event +
           " CROSS JOIN LATERAL (SELECT epc AS id FROM epcis_event_epcs WHERE event_row = e.id "
           "AND role = " +
           child_role +
           " UNION ALL SELECT epc_class FROM epcis_event_quantities WHERE event_row = e.id AND "
           "role = " +
           child_role + ") c) SELECT id FROM up";
  }
  struct Table {
    const char* name;
    const char* column;
  };
  const Table tables[] = {{"epcis_event_epcs", "epc"}, {"epcis_event_quantities", "epc_class"}};
  std::string sql = "WITH RECURSIVE up(id) AS (SELECT $1";
  for (const Table& from : tables) {
    for (const Table& to : tables) {
      sql += std::string(" UNION SELECT c.") + to.column + " FROM up JOIN " + from.name +
             " p ON p." + from.column + " = up.id AND p.role IN ('output', 'parent') JOIN " +
             "epcis_events e ON " + event + " JOIN " + to.name +
             " c ON c.event_row = e.id AND c.role = " + child_role;
    }
  }
  return sql + ") SELECT id FROM up";
}

std::set<std::string> FloorIds(Store& store, const std::string& sql, const std::string& root) {
  std::set<std::string> ids;
  Must(store.db().Transact(TxMode::kRead,
                           [&](SqlConnection& c) -> Status {
                             TXNG_ASSIGN_OR_RETURN(SqlResult r, c.Run(sql, {root}));
                             for (const SqlRow& row : r.rows) ids.insert(row.Text(0));
                             return Status::Ok();
                           }),
       "floor query");
  return ids;
}

// CPU seconds of this thread: on a shared machine wall time also counts
// the time other processes had the cores. A PostgreSQL server's own CPU
// time is not in it.
double ThreadCpuSeconds() {
  timespec t{};
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t);
  return static_cast<double>(t.tv_sec) + static_cast<double>(t.tv_nsec) / 1e9;
}

// Wall and CPU milliseconds of each run of one measure.
struct Samples {
  std::vector<double> wall, cpu;
  double nodes = 0, events = 0;
};

// Runs fn, adds its times to every sample set in `into`.
template <typename Fn>
auto Timed(std::initializer_list<Samples*> into, Fn fn) {
  const Clock::time_point start = Clock::now();
  const double cpu = ThreadCpuSeconds();
  auto out = fn();
  const double wall_ms = Seconds(start) * 1000;
  const double cpu_ms = (ThreadCpuSeconds() - cpu) * 1000;
  for (Samples* s : into) {
    s->wall.push_back(wall_ms);
    s->cpu.push_back(cpu_ms);
  }
  return out;
}

void Print(const char* what, const char* kind, const Samples& s) {
  const double n = static_cast<double>(s.wall.size());
  std::printf(
      "%s %s roots %zu p50_ms %.3f p99_ms %.3f max_ms %.3f cpu_p50_ms %.3f cpu_p99_ms %.3f "
      "mean_nodes %.1f mean_events %.1f\n",
      what, kind, s.wall.size(), Percentile(s.wall, 0.50), Percentile(s.wall, 0.99),
      *std::max_element(s.wall.begin(), s.wall.end()), Percentile(s.cpu, 0.50),
      Percentile(s.cpu, 0.99), s.nodes / n, s.events / n);
}

int Run(const std::string& url, int roots_wanted, bool bulk, const ChainParams& params) {
  int64_t org_id = 0;
  std::unique_ptr<Store> store = OpenBenchStore(url, &org_id);
  ChainGenerator gen(params);
  const double load_seconds = Load(*store, url, org_id, gen, bulk);
  std::printf("load events %lld seconds %.1f events_per_s %.0f mode %s\n",
              static_cast<long long>(gen.produced()), load_seconds,
              static_cast<double>(gen.produced()) / load_seconds, bulk ? "bulk" : "capture");
  Must(store->db().Transact(
           TxMode::kRead,
           [&](SqlConnection& c) -> Status {
             std::printf("rows");
             for (const char* table : {"epcis_events", "epcis_event_epcs", "epcis_event_quantities",
                                       "epcis_event_links"}) {
               TXNG_ASSIGN_OR_RETURN(SqlResult r,
                                     c.Run("SELECT COUNT(*) FROM " + std::string(table)));
               std::printf(" %s %lld", table, static_cast<long long>(r.rows[0].Int(0)));
             }
             std::printf("\n");
             return Status::Ok();
           }),
       "count rows");
  std::printf("chain complete_runs %lld complete_pallets %lld\n",
              static_cast<long long>(gen.complete_runs()),
              static_cast<long long>(gen.complete_pallets()));

  for (const Root& r : PickRoots(gen, kWarmUp, 1)) RunTrace(*store, r.id, trace::Direction::kBoth);

  const std::vector<Root> roots = PickRoots(gen, roots_wanted, 2);
  CountingSource::calls = CountingSource::ids = 0;
  const std::string floor_sql = FloorQuery(store->db().dialect());
  std::map<std::string, Samples> both, backward, floor;
  int floor_checked = 0, floor_same = 0;
  for (size_t i = 0; i < roots.size(); ++i) {
    const Root& r = roots[i];
    const std::string kind = r.kind;
    // Each measure comes first (and reads the root's pages first) for a
    // third of the roots.
    trace::Graph g, b;
    std::set<std::string> ids;
    for (size_t m = 0; m < 3; ++m) {
      switch ((i + m) % 3) {
        case 0:
          g = Timed({&both["all"], &both[kind]},
                    [&] { return RunTrace(*store, r.id, trace::Direction::kBoth); });
          break;
        case 1:
          b = Timed({&backward["all"], &backward[kind]},
                    [&] { return RunTrace(*store, r.id, trace::Direction::kBackward); });
          break;
        default:
          ids = Timed({&floor["all"], &floor[kind]},
                      [&] { return FloorIds(*store, floor_sql, r.id); });
      }
    }
    for (const std::string& k : {std::string("all"), kind}) {
      both[k].nodes += static_cast<double>(g.nodes.size());
      both[k].events += static_cast<double>(g.events.size());
      backward[k].nodes += static_cast<double>(b.nodes.size());
      backward[k].events += static_cast<double>(b.events.size());
      floor[k].nodes += static_cast<double>(ids.size());
    }
    if (i < kFloorChecks) {
      std::set<std::string> upstream;
      for (const trace::Node& n : b.nodes) {
        if (n.reach == trace::Reach::kRoot || n.reach == trace::Reach::kUpstream) {
          upstream.insert(n.id);
        }
      }
      ++floor_checked;
      if (upstream == ids) {
        ++floor_same;
      } else {
        std::fprintf(stderr, "floor differs for %s: %zu ids, trace %zu upstream\n", r.id.c_str(),
                     ids.size(), upstream.size());
      }
    }
  }
  for (const char* kind : {"all", "raw", "kernel", "pallet"}) {
    Print("trace_both", kind, both[kind]);
    Print("trace_backward", kind, backward[kind]);
    Print("floor_sql_backward", kind, floor[kind]);
  }
  std::printf("floor_check roots %d same %d\n", floor_checked, floor_same);
  // Both directions and backward, over every root.
  std::printf(
      "source_calls traces %zu events_naming_per_trace %.2f ids_per_call %.1f\n", 2 * roots.size(),
      static_cast<double>(CountingSource::calls) / static_cast<double>(2 * roots.size()),
      static_cast<double>(CountingSource::ids) / static_cast<double>(CountingSource::calls));

  // What a read transaction costs without any work in it (BEGIN, SELECT 1,
  // COMMIT): the part of each EventsNaming call that is round trips.
  Samples empty;
  for (size_t i = 0; i < roots.size(); ++i) {
    Must(Timed({&empty},
               [&] {
                 return store->db().Transact(
                     TxMode::kRead, [](SqlConnection& c) { return c.Run("SELECT 1").status(); });
               }),
         "empty transaction");
  }
  Print("empty_transaction", "all", empty);

  // Recall impact: everything downstream of a raw lot.
  std::vector<Root> lots;
  for (const Root& r : PickRoots(gen, 3 * std::max(10, roots_wanted / 10), 3)) {
    if (std::string(r.kind) == "raw") lots.push_back(r);
  }
  Samples recall;
  double reached = 0, parties = 0;
  for (const Root& r : lots) {
    const trace::Graph g = Timed({&recall}, [&] {
      return RunTrace(*store, r.id, trace::Direction::kForward, trace::kMaxLimit);
    });
    recall.nodes += static_cast<double>(g.nodes.size());
    recall.events += static_cast<double>(g.events.size());
    for (const trace::Node& n : g.nodes) {
      if (n.reach == trace::Reach::kDownstream || n.reach == trace::Reach::kCarrier) ++reached;
      if (n.kind == trace::NodeKind::kParty) ++parties;
    }
  }
  Print("recall_forward", "raw", recall);
  std::printf("recall_impact mean_downstream_objects %.1f mean_parties %.1f\n",
              reached / static_cast<double>(lots.size()),
              parties / static_cast<double>(lots.size()));

  // The FSMA-204 spreadsheet of the chain's first two months (the chain
  // runs over 2025), as an administrator exports it: the rows built (at most
  // kMaxFsmaRows), then written as CSV and as XLSX. One run each.
  Principal admin;
  admin.kind = Principal::Kind::kUser;
  admin.role = Role::kAdmin;
  FsmaRequest request;
  request.from = "2025-01-01";
  request.to = "2025-02-28";
  const Clock::time_point built = Clock::now();
  Result<FsmaExport> fsma = ExportFsma(*store, request, admin);
  Must(fsma.status(), "FSMA export");
  const double build_s = Seconds(built);
  const Clock::time_point csv_start = Clock::now();
  const std::string csv = exports::WriteCsv(fsma->table.sheet);
  const double csv_s = Seconds(csv_start);
  const Clock::time_point xlsx_start = Clock::now();
  Result<std::string> xlsx = exports::WriteXlsx(fsma->table.sheet);
  Must(xlsx.status(), "XLSX");
  const double xlsx_s = Seconds(xlsx_start);
  std::printf(
      "export_fsma rows %zu truncated %d build_s %.2f csv_s %.2f xlsx_s %.2f csv_bytes %zu "
      "xlsx_bytes %zu\n",
      fsma->table.sheet.rows.size(), fsma->table.truncated ? 1 : 0, build_s, csv_s, xlsx_s,
      csv.size(), xlsx->size());
  return 0;
}

// The whole answer as text, for comparing two stores' answers.
std::string Describe(const trace::Graph& g) {
  std::ostringstream out;
  out << "page_start " << g.page_start << " next " << g.next_offset.value_or(-1) << "\n";
  for (const trace::Node& n : g.nodes) {
    out << "node " << n.id << " " << trace::ToString(n.kind) << " " << trace::ToString(n.reach)
        << " " << n.depth << " " << (n.origin_event ? static_cast<int64_t>(*n.origin_event) : -1)
        << " " << n.withheld << n.truncated << n.depth_limited << "\n";
  }
  for (const trace::Edge& e : g.edges) {
    out << "edge " << e.from << " " << e.to << " " << trace::ToString(e.relation) << " " << e.event
        << " " << e.type << " " << (e.quantity ? *e.quantity : -1) << " " << e.uom << "\n";
  }
  for (const trace::LineageEvent& e : g.events) {
    out << "event " << e.row << " " << e.event_id << " " << epcis::EventTypeName(e.type) << " "
        << epcis::ActionName(e.action) << " " << e.event_time << " " << e.biz_step << " "
        << e.disposition << " " << e.read_point << " " << e.biz_location << " " << e.org_id << "\n";
    for (const trace::NamedObject& o : e.objects) {
      out << "  object " << o.id << " " << static_cast<int>(o.role) << " " << o.class_level << " "
          << (o.quantity ? *o.quantity : -1) << " " << o.uom << "\n";
    }
    for (const auto* list : {&e.sources, &e.destinations, &e.biz_transactions}) {
      for (const epcis::TypedId& t : *list) out << "  link " << t.type << " " << t.id << "\n";
    }
  }
  for (const trace::Finding& f : g.findings) {
    out << "finding " << trace::ToString(f.kind);
    for (size_t n : f.nodes) out << " " << n;
    out << "\n";
  }
  return out.str();
}

int Check(const std::string& capture_url, const std::string& bulk_url, const ChainParams& params) {
  int64_t capture_org = 0, bulk_org = 0;
  std::unique_ptr<Store> captured = OpenBenchStore(capture_url, &capture_org);
  std::unique_ptr<Store> bulked = OpenBenchStore(bulk_url, &bulk_org);
  ChainGenerator capture_gen(params), bulk_gen(params);
  const double capture_seconds = Load(*captured, capture_url, capture_org, capture_gen, false);
  const double bulk_seconds = Load(*bulked, bulk_url, bulk_org, bulk_gen, true);
  std::printf("check_load events %lld capture_s %.1f bulk_s %.1f\n",
              static_cast<long long>(params.events), capture_seconds, bulk_seconds);
  const ChainParams& p = capture_gen.params();
  std::vector<std::string> roots;
  const int64_t runs = std::min<int64_t>(300, capture_gen.complete_runs() - 1);
  for (int64_t run = 0; run < runs; ++run) {
    roots.push_back(RawLot(p, capture_gen.RawLotsOf(run).back()));
    roots.push_back(KernelLot(p, capture_gen.KernelLotsOf(run).front()));
  }
  for (int64_t pallet = 0; pallet < std::min<int64_t>(300, capture_gen.complete_pallets());
       ++pallet) {
    roots.push_back(Pallet(pallet));
  }
  int same = 0;
  for (const std::string& root : roots) {
    const std::string a = Describe(RunTrace(*captured, root, trace::Direction::kBoth));
    const std::string b = Describe(RunTrace(*bulked, root, trace::Direction::kBoth));
    if (a == b) {
      ++same;
    } else {
      std::fprintf(stderr, "answers differ for %s:\n--- capture\n%s--- bulk\n%s", root.c_str(),
                   a.c_str(), b.c_str());
    }
  }
  std::printf("check roots %zu identical %d\n", roots.size(), same);
  return same == static_cast<int>(roots.size()) && !roots.empty() ? 0 : 1;
}

}  // namespace
}  // namespace txng::bench

int main(int argc, char** argv) {
  const std::string mode = argc > 1 ? argv[1] : "";
  if (mode == "run" && argc >= 4) {
    int first = 4;
    bool bulk = true;
    if (argc > 4 && (std::string(argv[4]) == "bulk" || std::string(argv[4]) == "capture")) {
      bulk = std::string(argv[4]) == "bulk";
      first = 5;
    }
    return txng::bench::Run(argv[2], std::stoi(argv[3]), bulk,
                            txng::bench::ParseParams(argc, argv, first));
  }
  if (mode == "load" && argc >= 3) {
    // Only the load: fills an existing portal database (e.g. the demo
    // province, for ./bench.sh scan) with a chain of its own organisation.
    int64_t org_id = 0;
    std::unique_ptr<txng::Store> store = txng::bench::OpenBenchStore(argv[2], &org_id);
    txng::bench::ChainGenerator gen(txng::bench::ParseParams(argc, argv, 3));
    const double seconds = txng::bench::Load(*store, argv[2], org_id, gen, /*bulk=*/true);
    std::printf("load events %lld seconds %.1f\n", static_cast<long long>(gen.produced()), seconds);
    return 0;
  }
  if (mode == "check" && argc >= 4) {
    return txng::bench::Check(argv[2], argv[3], txng::bench::ParseParams(argc, argv, 4));
  }
  std::fprintf(stderr,
               "usage: trace_benchmark run DB_URL ROOTS [bulk|capture] [PARAM=VALUE ...]\n"
               "       trace_benchmark check CAPTURE_URL BULK_URL [PARAM=VALUE ...]\n"
               "       trace_benchmark load DB_URL [PARAM=VALUE ...]\n");
  return 2;
}
