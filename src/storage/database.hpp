// Opening a database by URL, and handing its connections to the threads that need them.
#pragma once

#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <vector>

#include "domain/result.hpp"
#include "domain/store.hpp"

namespace lumbung {

// What to do when the database's schema is older than this program's.
enum class MigrationPolicy {
  kMigrate,         // apply the missing migrations (lumbung migrate, and a new empty database)
  kRequireCurrent,  // refuse, naming the command that migrates (lumbung serve on old data)
  kReadOnly,        // the same, writing nothing: a streaming replica takes its schema from the
                    // primary
};

// A database: makes connections. Thread-safe.
class Database {
 public:
  virtual ~Database() = default;
  virtual std::unique_ptr<Store> Connect() = 0;
  // The schema version the database is at.
  virtual int SchemaVersion() = 0;
  // Human-readable description for logs ("sqlite:/path/lumbung.db").
  virtual std::string Describe() const = 0;
  // Reads into memory ahead of the first request what the database keeps there for searches
  // (the search index: seconds for a region, a minute or more for a national registry), so
  // that no request waits for it. False where nothing is kept.
  virtual bool WarmUp() { return false; }
  // Whether a search reads the database server's pages (PostgreSQL: its page's rows and texts
  // once the memory answers, and every match's document while the memory is read in) rather
  // than a file of its own process (SQLite): a server gives such searches threads of their
  // own.
  virtual bool SearchesReadPages() const { return true; }
};

// Opens `url` ("sqlite:PATH" or "postgresql://..."), creating an SQLite file when it does not
// exist, and brings its schema up to date as `policy` allows. A schema newer than this program
// knows is always refused.
Result<std::unique_ptr<Database>> OpenDatabase(std::string_view url, MigrationPolicy policy);

// A pool of connections to one database: a thread borrows one for the length of a request.
class StorePool {
 public:
  explicit StorePool(Database& database) : database_(database) {}

  // A borrowed connection, given back when the lease ends.
  class Lease {
   public:
    Lease(StorePool& pool, std::unique_ptr<Store> store) : pool_(&pool), store_(std::move(store)) {}
    Lease(Lease&& other) noexcept = default;
    Lease& operator=(Lease&&) = delete;
    ~Lease() {
      if (store_) pool_->Return(std::move(store_));
    }
    Store& operator*() { return *store_; }
    Store* operator->() { return store_.get(); }

   private:
    StorePool* pool_;
    std::unique_ptr<Store> store_;
  };

  Lease Acquire();

 private:
  void Return(std::unique_ptr<Store> store);

  Database& database_;
  std::mutex mutex_;
  std::vector<std::unique_ptr<Store>> idle_;
};

}  // namespace lumbung
