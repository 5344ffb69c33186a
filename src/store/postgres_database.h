// The PostgreSQL backend of Database, on libpq: a bounded pool of
// connections, statements prepared once per connection (by SQL text), text
// parameters and results converted by column type.
#ifndef TXNG_STORE_POSTGRES_DATABASE_H_
#define TXNG_STORE_POSTGRES_DATABASE_H_

#include <memory>
#include <string>

#include "common/status.h"
#include "store/database.h"

namespace txng {

// Connects to `url` (a libpq connection URI) once to check it, and keeps
// that connection as the first of the pool. kUnavailable when the server
// cannot be reached.
Result<std::unique_ptr<Database>> OpenPostgresDatabase(const std::string& url,
                                                       const DatabaseOptions& options);

}  // namespace txng

#endif  // TXNG_STORE_POSTGRES_DATABASE_H_
