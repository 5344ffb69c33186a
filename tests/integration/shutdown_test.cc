// `txng serve` as a real process: SIGTERM while clients are writing lets
// every request in flight finish, exits 0, and loses no acknowledged write.
#include <gtest/gtest.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <atomic>
#include <chrono>
#include <cstdio>
#include <nlohmann/json.hpp>
#include <thread>

#include "gs1/check_digit.h"
#include "service/accounts.h"
#include "service/passwords.h"
#include "store/store_test_fixture.h"
#include "support/http_client.h"

namespace txng {
namespace {

using nlohmann::json;
using namespace std::chrono_literals;

// A child process running `txng --db URL serve --listen 127.0.0.1:0`.
class ServeProcess {
 public:
  explicit ServeProcess(const std::string& db_url) {
    int out[2];
    if (pipe(out) != 0) return;
    pid_ = fork();
    if (pid_ == 0) {
      dup2(out[1], STDOUT_FILENO);
      close(out[0]);
      close(out[1]);
      execl(TXNG_BINARY, TXNG_BINARY, "--db", db_url.c_str(), "serve", "--listen", "127.0.0.1:0",
            "--no-access-log", static_cast<char*>(nullptr));
      _exit(127);
    }
    close(out[1]);
    // The server prints "TXNG is listening on http://127.0.0.1:PORT/".
    FILE* f = fdopen(out[0], "r");
    char line[256];
    while (f && std::fgets(line, sizeof line, f)) {
      unsigned p = 0;
      if (std::sscanf(line, "TXNG is listening on http://127.0.0.1:%u/", &p) == 1) {
        port_ = static_cast<uint16_t>(p);
        break;
      }
    }
    stdout_ = f;
  }
  ~ServeProcess() {
    if (pid_ > 0 && !exited_) {
      kill(pid_, SIGKILL);
      waitpid(pid_, nullptr, 0);
    }
    if (stdout_) std::fclose(stdout_);
  }
  uint16_t port() const { return port_; }
  void Signal(int sig) { kill(pid_, sig); }
  // The exit status, or -1 when it did not exit within `timeout`.
  int WaitExit(std::chrono::milliseconds timeout) {
    const auto deadline = std::chrono::steady_clock::now() + timeout;
    while (std::chrono::steady_clock::now() < deadline) {
      int status = 0;
      if (waitpid(pid_, &status, WNOHANG) == pid_) {
        exited_ = true;
        return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
      }
      std::this_thread::sleep_for(20ms);
    }
    return -1;
  }

 private:
  pid_t pid_ = -1;
  uint16_t port_ = 0;
  FILE* stdout_ = nullptr;
  bool exited_ = false;
};

class ShutdownTest : public BackendTest {};

TEST_P(ShutdownTest, SigtermDuringLoadFinishesInFlightRequestsAndExitsZero) {
  ASSERT_TRUE(IsOk(InitCrypto()));
  std::string token;
  {
    Store store(OpenOrDie());
    ASSERT_TRUE(IsOk(store.Migrate()));
    Organisation org;
    org.name = "Hợp tác xã Tiêu Lộc Ninh";
    auto o = store.CreateOrganisation(org, Actor::System("system:test"));
    ASSERT_TRUE(IsOk(o));
    AccountService accounts(store);
    auto key = accounts.CreateApiKey(o->id, "load", Actor::System("system:test"));
    ASSERT_TRUE(IsOk(key));
    token = key->token;
  }

  ServeProcess server(test_db_->url());
  ASSERT_NE(server.port(), 0) << "txng serve did not start";

  std::atomic<bool> stop{false};
  std::atomic<int> acknowledged{0}, refused{0}, bad{0};
  auto writer = [&](int t) {
    for (int i = 0; !stop; ++i) {
      char base[32];
      std::snprintf(base, sizeof base, "89300%02d%05d", 10 + t, i);
      json p = {{"gtin", std::string(base) + *gs1::Mod10CheckDigit(base)}, {"nameVi", "Tiêu đen"}};
      try {
        // A fresh connection per request: after SIGTERM new connections are
        // refused, and a request either completes or is never accepted.
        test::HttpClient client("127.0.0.1", server.port(), 5s);
        auto r = client.Request(
            "POST", "/api/v1/products", p.dump(),
            {{"Content-Type", "application/json"}, {"Authorization", "Bearer " + token}});
        if (r.status == 201) {
          ++acknowledged;
        } else {
          ++bad;
        }
      } catch (const std::exception&) {
        ++refused;
        if (refused > 50) return;
        std::this_thread::sleep_for(5ms);
      }
    }
  };
  std::vector<std::thread> threads;
  for (int t = 0; t < 4; ++t) threads.emplace_back(writer, t);
  std::this_thread::sleep_for(700ms);
  const int before_signal = acknowledged.load();
  server.Signal(SIGTERM);
  const int status = server.WaitExit(15s);
  stop = true;
  for (auto& th : threads) th.join();

  EXPECT_EQ(status, 0);
  EXPECT_GT(before_signal, 10) << "the load did not get going";
  EXPECT_EQ(bad.load(), 0) << "a request got a response other than 201";

  // Every acknowledged write is in the database.
  Store store(OpenOrDie());
  auto products = store.ListProducts({}, {.limit = 1, .offset = 0});
  ASSERT_TRUE(IsOk(products));
  EXPECT_EQ(products->total, acknowledged.load());
  if (GetParam() == TestBackend::kSqlite) {
    Status integrity = store.db().Transact(TxMode::kRead, [](SqlConnection& c) -> Status {
      TXNG_ASSIGN_OR_RETURN(SqlResult r, c.Run("PRAGMA integrity_check"));
      if (r.rows.empty() || r.rows[0].Text(0) != "ok") {
        return Status::Internal("integrity_check failed");
      }
      return Status::Ok();
    });
    EXPECT_TRUE(IsOk(integrity));
  }
}

TXNG_INSTANTIATE_BACKENDS(ShutdownTest);

}  // namespace
}  // namespace txng
