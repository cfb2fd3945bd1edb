// The JSON API v1: the handlers behind every route, and the dispatch that maps their results
// and failures to HTTP responses.
#pragma once

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
    std::int64_t counter = -1;
    std::string body;
    std::string etag;
  };
  std::optional<Entry> Find(const std::string& key, std::int64_t counter) const;
  void Put(const std::string& key, Entry entry);

 private:
  static constexpr std::size_t kCapacity = 4096;
  mutable std::shared_mutex mutex_;
  std::unordered_map<std::string, Entry> entries_;
};

class Api {
 public:
  Api(StorePool& pool, Clock clock);

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
  PageCache list_cache_;
};

}  // namespace lumbung::http
