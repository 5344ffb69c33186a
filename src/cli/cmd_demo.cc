#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <iostream>
#include <nlohmann/json.hpp>

#include "cli/commands.h"
#include "service/demo.h"

namespace txng::cli {
namespace {

struct DemoArgs {
  uint64_t seed = 1;
  bool password_stdin = false;
  std::string today;
  bool json = false;
};

// A one-line progress bar on stderr, redrawn at most every 100 ms; nothing
// when stderr is not a terminal.
class ProgressBar {
 public:
  ProgressBar() : enabled_(isatty(STDERR_FILENO) != 0), start_(Clock::now()) {}
  void Update(const DemoProgress& p) {
    if (!enabled_) return;
    const auto now = Clock::now();
    if (p.done != p.total && now - last_ < std::chrono::milliseconds(100)) return;
    last_ = now;
    const double secs = std::chrono::duration<double>(now - start_).count();
    const int width = 30;
    const int filled = p.total > 0 ? static_cast<int>(width * p.done / p.total) : 0;
    std::fprintf(stderr, "\r%-13.*s [%s%s] %lld/%lld  %.0f records/s ",
                 static_cast<int>(p.step.size()), p.step.data(), std::string(filled, '#').c_str(),
                 std::string(width - filled, '.').c_str(), static_cast<long long>(p.done),
                 static_cast<long long>(p.total), secs > 0 ? p.done / secs : 0.0);
  }
  ~ProgressBar() {
    if (enabled_) std::fprintf(stderr, "\n");
  }

 private:
  using Clock = std::chrono::steady_clock;
  bool enabled_;
  Clock::time_point start_;
  Clock::time_point last_{};
};

void PrintReport(const DemoReport& r, bool as_json) {
  if (as_json) {
    nlohmann::json users = nlohmann::json::array();
    for (const DemoCredential& c : r.credentials) {
      users.push_back({{"username", c.username},
                       {"password", c.password},
                       {"role", ToString(c.role)},
                       {"displayName", c.display_name},
                       {"organisation", c.organisation},
                       {"scope", c.scope}});
    }
    std::cout << nlohmann::json{{"province", r.province},
                                {"seed", r.seed},
                                {"organisations", r.organisations},
                                {"authorities", r.authorities},
                                {"users", r.users},
                                {"locations", r.locations},
                                {"products", r.products},
                                {"ocopProducts", r.ocop_products},
                                {"lots", r.lots},
                                {"approved", r.approved},
                                {"pending", r.pending},
                                {"rejected", r.rejected},
                                {"draft", r.draft},
                                {"credentials", users}}
                     .dump(2)
              << "\n";
    return;
  }
  std::cout << "Demo province " << r.province << " (seed " << r.seed << "):\n"
            << "  " << r.organisations << " organisations (" << r.authorities << " authorities), "
            << r.users << " users\n"
            << "  " << r.products << " products (" << r.ocop_products << " OCOP), " << r.locations
            << " locations, " << r.lots << " lots\n"
            << "  review: " << r.approved << " approved, " << r.pending << " pending, "
            << r.rejected << " rejected, " << r.draft << " draft\n\n"
            << "Accounts:\n";
  for (const DemoCredential& c : r.credentials) {
    std::cout << "  " << c.username << "\t" << c.password << "\t" << ToString(c.role);
    if (!c.organisation.empty()) std::cout << "\t" << c.organisation;
    if (!c.scope.empty()) std::cout << "\t" << c.scope;
    std::cout << "\n";
  }
}

}  // namespace

void AddDemoCommand(CLI::App& app, GlobalOptions& g) {
  auto a = std::make_shared<DemoArgs>();
  CLI::App* cmd = app.add_subcommand(
      "demo", "Fill an empty database with the demo province (Bình Phước) and print its logins");
  cmd->add_option("--seed", a->seed, "Random seed: the same seed gives the same province")
      ->capture_default_str();
  cmd->add_flag("--password-stdin", a->password_stdin,
                "Read the password of every demo account from stdin (default: random ones)");
  cmd->add_option("--today", a->today, "The demo's today, YYYY-MM-DD (default: today)");
  cmd->add_flag("--json", a->json, "Print the report and the logins as JSON");
  cmd->callback([&g, a] {
    DemoOptions options;
    options.seed = a->seed;
    options.today = a->today;
    if (a->password_stdin) {
      std::getline(std::cin, options.password);
      if (!options.password.empty() && options.password.back() == '\r') {
        options.password.pop_back();
      }
    }
    auto store = OpenStore(g);
    DemoReport report;
    {
      ProgressBar bar;
      options.progress = [&bar](const DemoProgress& p) { bar.Update(p); };
      Check(GenerateDemo(*store, options, &report), "txng demo");
    }
    PrintReport(report, a->json);
  });
}

}  // namespace txng::cli
