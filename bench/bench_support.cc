#include "bench/bench_support.h"

#include <errno.h>

#include <cstdio>
#include <cstdlib>

namespace txng::bench {

double Seconds(Clock::time_point since) {
  return std::chrono::duration<double>(Clock::now() - since).count();
}

void Die(const std::string& what, const Status& status) {
  std::fprintf(stderr, "%s: %s: %s\n", program_invocation_short_name, what.c_str(),
               status.ToString().c_str());
  std::exit(1);
}

std::unique_ptr<Store> OpenBenchStore(const std::string& url, int64_t* org_id) {
  DatabaseOptions options;
  options.pool_size = 2;
  auto store = std::make_unique<Store>(Must(OpenDatabase(url, options), "open " + url));
  Must(store->Migrate(), "migrate");
  Organisation org;
  org.name = "Benchmark Co.";
  org.gs1_company_prefix = "8930001";
  org.review_status = ReviewStatus::kApproved;
  *org_id = Must(store->CreateOrganisation(org, Actor::System("system:bench")), "organisation").id;
  return store;
}

}  // namespace txng::bench
