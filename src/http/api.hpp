// The JSON API v1: the handlers behind every route, and the dispatch that maps their results
// and failures to HTTP responses.
#pragma once

#include <atomic>
#include <chrono>
#include <memory>
#include <shared_mutex>
#include <string>
#include <unordered_map>

#include "domain/dates.hpp"
#include "http/message.hpp"
#include "http/router.hpp"
#include "storage/database.hpp"

namespace lumbung::http {

// Pages derived from the data, kept while the data's change counter stays the same.
class PageCache {
 public:
  struct Entry {
    std::string version;
    std::shared_ptr<const std::string> body;
    std::string etag;
  };
  std::optional<Entry> Find(const std::string& key, const std::string& version) const;
  void Put(const std::string& key, Entry entry);

 private:
  static constexpr std::size_t kCapacity = 4096;
  mutable std::shared_mutex mutex_;
  std::unordered_map<std::string, Entry> entries_;
};

// The version of the data that cached pages were derived from. Writes through this server
// move it at once; writes by other processes (an import from the command line, another app
// server) are noticed through the database's change counter, read at most every 250 ms, so
// that serving a cached page costs no database round trip.
class DataVersion {
 public:
  DataVersion(StorePool& pool, std::chrono::nanoseconds recheck)
      : pool_(pool), recheck_nanoseconds_(recheck.count()) {}

  // The current version: equal values mean the data has not changed in between.
  std::string Current();
  // Records that this server changed the data.
  void Bump() { local_writes_.fetch_add(1, std::memory_order_acq_rel); }

 private:
  StorePool& pool_;
  const std::int64_t recheck_nanoseconds_;
  std::atomic<std::int64_t> local_writes_{0};
  std::atomic<std::int64_t> database_counter_{-1};
  std::atomic<std::int64_t> checked_at_{0};
};

class Api {
 public:
  // `recheck` bounds how long a write by another process may go unseen by cached pages.
  Api(StorePool& pool, Clock clock,
      std::chrono::nanoseconds recheck = std::chrono::milliseconds(250));

  // Answers one request; never throws.
  Response Handle(const Request& request);

  const Router& router() const { return router_; }

 private:
  std::vector<Route> Routes();

  Response Index(const Request& request);
  Response Healthz(const Request& request);
  Response OpenApi(const Request& request);
  Response ListRegions(const Request& request);
  Response CreateRegion(const Request& request);
  Response GetRegion(const Request& request, const std::string& code);
  Response ListAgencies(const Request& request, const std::string& code);
  Response CreateAgency(const Request& request, const std::string& code);
  Response GetAgency(const Request& request, const std::string& id);
  Response PatchAgency(const Request& request, const std::string& id);
  Response DeleteAgency(const Request& request, const std::string& id);
  Response ListInnovations(const Request& request);
  Response CreateInnovation(const Request& request);
  Response GetInnovation(const Request& request, const std::string& id);
  Response PatchInnovation(const Request& request, const std::string& id);
  Response DeleteInnovation(const Request& request, const std::string& id);

  StorePool& pool_;
  Clock clock_;
  Router router_;
  DataVersion data_version_;
  PageCache list_cache_;
};

}  // namespace lumbung::http
