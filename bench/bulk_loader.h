// Bulk loading of generated events for the storage benchmarks: the same rows
// Store::CaptureEvents writes (epcis_events with its stored document, and
// the epcis_event_epcs / epcis_event_quantities / epcis_event_links index
// rows), written without the capture path's per-document work. Before the
// load the tables' secondary indexes are dropped; afterwards they are made
// again from their own definitions (sqlite_master / pg_indexes), so the
// schema ends as the migrations left it. SQLite gets the rows through the
// store's driver (cached prepared INSERTs, one transaction per slice);
// PostgreSQL through COPY on its own libpq connection with foreign-key
// triggers off (session_replication_role = replica: the rows reference
// events of the same load). Row ids are given explicitly, 1, 2, ... in
// event order, as a fresh store's capture would number them.
#ifndef TXNG_BENCH_BULK_LOADER_H_
#define TXNG_BENCH_BULK_LOADER_H_

#include <memory>
#include <string>
#include <vector>

#include "store/store.h"

namespace txng::bench {

class BulkLoader {
 public:
  // `url` is the store's own database URL (PostgreSQL needs its own
  // connection for COPY).
  static Result<std::unique_ptr<BulkLoader>> Open(Store& store, const std::string& url,
                                                  int64_t org_id);
  ~BulkLoader();

  Status DropIndexes();
  // Writes the events' rows; their hash IDs are computed here.
  Status Write(const std::vector<epcis::Event>& events);
  // Makes the dropped indexes again, sets PostgreSQL's id sequence past the
  // rows written, and runs VACUUM ANALYZE on PostgreSQL: autovacuum does
  // both after many inserts, and without the visibility map a vacuum sets,
  // index-only scans read the heap as well. SQLite's store never runs
  // ANALYZE, so neither does this.
  Status Finish();

 private:
  struct Impl;
  BulkLoader(Store& store, int64_t org_id, std::unique_ptr<Impl> impl);

  Store& store_;
  int64_t org_id_;
  std::unique_ptr<Impl> impl_;
  std::vector<std::string> dropped_;  // definitions of the dropped indexes
  int64_t last_id_ = 0;               // the last row id written (rows already there come first)
};

}  // namespace txng::bench

#endif  // TXNG_BENCH_BULK_LOADER_H_
