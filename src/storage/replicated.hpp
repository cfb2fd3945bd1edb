// A primary with a streaming replica (lumbung serve --db-replica URL): writes, and reads that
// must see them, go to the primary; the reads of a request that only reads go to the replica
// once it has replayed the client's own last write.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>

#include "storage/database.hpp"

namespace lumbung::storage {

// What the request the current thread serves allows its reads: the server opens one per
// request. Without one (the command line, start-up), everything goes to the primary.
class ReadRouting {
 public:
  // `reads_only`: the request changes nothing. `seen`: the primary's replication position
  // after this client's last write (0 for none), which a replica must have reached.
  ReadRouting(bool reads_only, std::uint64_t seen);
  ~ReadRouting();
  ReadRouting(const ReadRouting&) = delete;
  ReadRouting& operator=(const ReadRouting&) = delete;

  static ReadRouting* Current();
  bool reads_only() const { return reads_only_; }
  std::uint64_t seen() const { return seen_; }
  // Whether the replica was found caught up, once asked for this request.
  std::optional<bool> replica_current;

 private:
  bool reads_only_;
  std::uint64_t seen_;
  ReadRouting* outer_;
};

// A database whose connections read from `replica` where ReadRouting allows and do
// everything else on `primary`.
std::unique_ptr<Database> WithReplica(std::unique_ptr<Database> primary,
                                      std::unique_ptr<Database> replica);

}  // namespace lumbung::storage
