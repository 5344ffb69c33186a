#include <malloc.h>
#include <spdlog/spdlog.h>

#include <charconv>
#include <iostream>

#include "cli/commands.h"
#include "common/embedded.h"
#include "handlers/app.h"
#include "http/server.h"
#include "http/templates.h"
#include "service/accounts.h"
#include "service/catalog.h"
#include "service/labels.h"

namespace txng::cli {

// Capture jobs that may wait for the worker before POST /epcis/capture
// answers 429: enough for bursts, bounded in memory (each holds a decoded
// document of at most --max-body-bytes).
constexpr int kMaxPendingCaptureJobs = 16;
namespace {

struct ServeArgs {
  std::string listen = "127.0.0.1:8080";
  int threads = 4;
  int pool_size = 8;
  int public_cache_mb = 32;
  std::string province = "Bình Phước";
  bool secure_cookies = false;
  std::string public_url;
  bool no_access_log = false;
  int64_t max_body_bytes = 8 * 1024 * 1024;
};

// "HOST:PORT" or "[IPv6]:PORT".
void ParseListen(const std::string& listen, http::ServerOptions& out) {
  const size_t colon = listen.rfind(':');
  if (colon == std::string::npos || colon == 0) {
    throw CommandFailed("--listen must be HOST:PORT, e.g. 127.0.0.1:8080, not '" + listen + "'");
  }
  std::string host = listen.substr(0, colon);
  if (host.size() > 2 && host.front() == '[' && host.back() == ']') {
    host = host.substr(1, host.size() - 2);
  }
  unsigned port = 0;
  const std::string p = listen.substr(colon + 1);
  auto [ptr, ec] = std::from_chars(p.data(), p.data() + p.size(), port);
  if (ec != std::errc() || ptr != p.data() + p.size() || port > 65535) {
    throw CommandFailed("--listen port must be a number from 0 to 65535, not '" + p + "'");
  }
  out.host = host;
  out.port = static_cast<uint16_t>(port);
}

// glibc hands freed memory back to the kernel as soon as 128 KiB sit free at
// the top of a heap, and serves 128 KiB and larger blocks with mmap; a page
// render allocates and frees such blocks (SQLite's temporary b-trees, the
// body) on every request, so the server spent its time in brk, madvise and
// TLB flushes. Keeping up to 32 MiB per heap halves the uncached
// consumer page's CPU time (docs/BENCHMARKS.md "Consumer scan page") at no
// measurable cost in RSS.
void TuneAllocator() {
  mallopt(M_MMAP_THRESHOLD, 4 << 20);
  mallopt(M_TRIM_THRESHOLD, 32 << 20);
}

void Serve(const GlobalOptions& g, const ServeArgs& a) {
  TuneAllocator();
  Check(ValidateDigitalLinkStem(a.public_url), "--public-url");
  http::ServerOptions options;
  ParseListen(a.listen, options);
  options.threads = a.threads;
  options.max_body_bytes = static_cast<size_t>(a.max_body_bytes);
  options.handle_signals = true;
  options.access_log = !a.no_access_log;

  DatabaseOptions db_options;
  db_options.pool_size = a.pool_size;
  auto db = Check(OpenDatabase(g.db, db_options), "cannot open the database " + g.db);
  Store store(std::move(db));
  const int version = Check(store.Migrate(), "cannot migrate the database");

  AccountService accounts(store);
  CatalogService catalog(store);
  http::Metrics metrics;
  http::Renderer renderer(EmbeddedWeb(), http::Site{.province = a.province});
  handlers::SiteOptions site;
  site.province = a.province;
  site.secure_cookies = a.secure_cookies;
  site.public_url = a.public_url;
  // Destroyed before the store: finishes the capture jobs it holds.
  CaptureQueue capture(store, kMaxPendingCaptureJobs);
  handlers::AppContext ctx{store, accounts, catalog, metrics, renderer, capture, site};
  http::Router router;
  handlers::RegisterRoutes(router, ctx);
  http::PublicCache public_cache(
      handlers::PublicCacheOptionsFor(static_cast<size_t>(a.public_cache_mb) << 20));
  if (a.public_cache_mb > 0) handlers::CachePublicResponses(router, public_cache);

  http::Server server(options, router, metrics);
  Check(server.Listen(), "cannot listen on " + a.listen);
  spdlog::info("txng serving {} on http://{}:{} with {} threads (schema version {})",
               store.db().Describe(), options.host, server.port(), options.threads, version);
  std::cout << "TXNG is listening on http://" << options.host << ":" << server.port() << "/"
            << std::endl;
  server.Run();
  spdlog::info("txng stopped");
}

}  // namespace

void AddServeCommand(CLI::App& app, GlobalOptions& g) {
  auto a = std::make_shared<ServeArgs>();
  CLI::App* cmd = app.add_subcommand(
      "serve", "Serve the portal, the JSON API and the operations endpoints over HTTP");
  cmd->add_option("--listen", a->listen, "Address to listen on, HOST:PORT (env TXNG_LISTEN)")
      ->envname("TXNG_LISTEN")
      ->capture_default_str();
  cmd->add_option("--threads", a->threads, "Worker threads (env TXNG_THREADS)")
      ->envname("TXNG_THREADS")
      ->check(CLI::Range(1, 256))
      ->capture_default_str();
  cmd->add_option("--db-pool", a->pool_size, "Database connections (env TXNG_DB_POOL)")
      ->envname("TXNG_DB_POOL")
      ->check(CLI::Range(1, 512))
      ->capture_default_str();
  cmd->add_option("--province", a->province, "Province shown in the portal (env TXNG_PROVINCE)")
      ->envname("TXNG_PROVINCE")
      ->capture_default_str();
  // "public_url" is the spelling of the [serve] table in the config file.
  cmd->add_option("--public-url,--public_url", a->public_url,
                  "Address the portal is reached at from outside, e.g. "
                  "https://truyxuat.binhphuoc.gov.vn: the GS1 Digital Link stem of printed labels; "
                  "unset: https://id.gs1.org (env TXNG_PUBLIC_URL)")
      ->envname("TXNG_PUBLIC_URL");
  cmd->add_option("--public-cache-mb", a->public_cache_mb,
                  "Memory for the cache of public pages (consumer pages answered without the "
                  "database for up to 60 s); 0 turns it off (env TXNG_PUBLIC_CACHE_MB)")
      ->envname("TXNG_PUBLIC_CACHE_MB")
      ->check(CLI::Range(0, 4096))
      ->capture_default_str();
  cmd->add_option("--max-body-bytes", a->max_body_bytes,
                  "Largest request body accepted; larger ones get 413 (env TXNG_MAX_BODY_BYTES)")
      ->envname("TXNG_MAX_BODY_BYTES")
      ->check(CLI::Range(int64_t{1024}, int64_t{1} << 32))
      ->capture_default_str();
  cmd->add_flag("--secure-cookies", a->secure_cookies,
                "Mark cookies Secure: set when users reach TXNG over HTTPS (env "
                "TXNG_SECURE_COOKIES)")
      ->envname("TXNG_SECURE_COOKIES");
  cmd->add_flag("--no-access-log", a->no_access_log, "Do not log one line per request")
      ->envname("TXNG_NO_ACCESS_LOG");
  cmd->callback([&g, a] { Serve(g, *a); });
}

}  // namespace txng::cli
