// The SQLite backend of Database: one writer connection behind a lock (write
// transactions are BEGIN IMMEDIATE, so they never deadlock on lock upgrades)
// and a bounded pool of read-only connections, all in WAL mode so that
// readers never wait for the writer.
#ifndef TXNG_STORE_SQLITE_DATABASE_H_
#define TXNG_STORE_SQLITE_DATABASE_H_

#include <memory>
#include <string>

#include "common/status.h"
#include "store/database.h"

namespace txng {

// Opens the database file at `path`, creating it and its directory when
// missing. Every connection gets WAL, synchronous=NORMAL, foreign_keys=ON and
// a busy timeout of options.busy_timeout_ms.
Result<std::unique_ptr<Database>> OpenSqliteDatabase(const std::string& path,
                                                     const DatabaseOptions& options);

}  // namespace txng

#endif  // TXNG_STORE_SQLITE_DATABASE_H_
