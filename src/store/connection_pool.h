// A bounded pool of connections, opened lazily, shared by the SQLite readers
// and the PostgreSQL backend. Internal to the store.
#ifndef TXNG_STORE_CONNECTION_POOL_H_
#define TXNG_STORE_CONNECTION_POOL_H_

#include <chrono>
#include <condition_variable>
#include <functional>
#include <memory>
#include <mutex>
#include <string>
#include <utility>
#include <vector>

#include "common/status.h"
#include "store/database.h"

namespace txng {

template <typename Conn>
class ConnectionPool {
 public:
  using Opener = std::function<Result<std::unique_ptr<Conn>>()>;

  // A connection checked out of the pool; goes back when destroyed, unless
  // Discard() was called (a broken connection), which frees its slot.
  class Lease {
   public:
    Lease(ConnectionPool* pool, std::unique_ptr<Conn> conn) : pool_(pool), conn_(std::move(conn)) {}
    Lease(Lease&& other) noexcept
        : pool_(std::exchange(other.pool_, nullptr)), conn_(std::move(other.conn_)) {}
    Lease& operator=(Lease&&) = delete;
    ~Lease() {
      if (pool_ != nullptr) pool_->Release(std::move(conn_));
    }
    Conn& operator*() const { return *conn_; }
    Conn* operator->() const { return conn_.get(); }
    void Discard() { conn_.reset(); }

   private:
    ConnectionPool* pool_;
    std::unique_ptr<Conn> conn_;
  };

  // `label` names the connections in errors ("PostgreSQL", "SQLite reader").
  ConnectionPool(std::string label, int max_size, std::chrono::milliseconds acquire_timeout,
                 Opener open)
      : label_(std::move(label)),
        max_size_(max_size),
        acquire_timeout_(acquire_timeout),
        opener_(std::move(open)) {}

  // Adds an already open connection (the one opened to check the URL).
  void Seed(std::unique_ptr<Conn> conn) {
    std::lock_guard lock(mu_);
    ++open_;
    idle_.push_back(std::move(conn));
  }

  // An idle connection, a newly opened one while under the size limit, or
  // kUnavailable "database pool exhausted" after waiting acquire_timeout.
  Result<Lease> Acquire() {
    std::unique_lock lock(mu_);
    auto available = [&] { return !idle_.empty() || open_ < max_size_; };
    if (!available()) {
      ++waiting_;
      bool got = cv_.wait_for(lock, acquire_timeout_, available);
      --waiting_;
      if (!got) {
        return Status::Unavailable("database pool exhausted: all " + std::to_string(max_size_) +
                                   " " + label_ + " connections stayed busy for " +
                                   std::to_string(acquire_timeout_.count()) + " ms; retry later");
      }
    }
    ++in_use_;
    ++acquired_total_;
    if (!idle_.empty()) {
      std::unique_ptr<Conn> conn = std::move(idle_.back());
      idle_.pop_back();
      return Lease(this, std::move(conn));
    }
    ++open_;
    lock.unlock();
    Result<std::unique_ptr<Conn>> opened = opener_();
    if (!opened.ok()) {
      Release(nullptr);
      return opened.status();
    }
    return Lease(this, std::move(opened).value());
  }

  PoolStats Stats() const {
    std::lock_guard lock(mu_);
    return PoolStats{
        .size = open_, .in_use = in_use_, .waiting = waiting_, .acquired_total = acquired_total_};
  }

 private:
  // Returns `conn` to the idle list; nullptr gives its slot back.
  void Release(std::unique_ptr<Conn> conn) {
    {
      std::lock_guard lock(mu_);
      --in_use_;
      if (conn) {
        idle_.push_back(std::move(conn));
      } else {
        --open_;
      }
    }
    cv_.notify_one();
  }

  const std::string label_;
  const int max_size_;
  const std::chrono::milliseconds acquire_timeout_;
  const Opener opener_;
  mutable std::mutex mu_;
  std::condition_variable cv_;
  std::vector<std::unique_ptr<Conn>> idle_;  // guarded by mu_
  int open_ = 0;                             // guarded by mu_
  int in_use_ = 0;                           // guarded by mu_
  int waiting_ = 0;                          // guarded by mu_
  int64_t acquired_total_ = 0;               // guarded by mu_
};

}  // namespace txng

#endif  // TXNG_STORE_CONNECTION_POOL_H_
