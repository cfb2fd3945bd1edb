// The PostgreSQL backend: for a province or the nation hosting every region, several app
// servers over one server (or a primary and its streaming replicas).
#pragma once

#include <memory>
#include <string>

#include "domain/result.hpp"
#include "storage/database.hpp"

namespace lumbung::storage {

// Connects to the PostgreSQL database at `url` (postgresql://user:password@host:port/name) and
// migrates it as `policy` allows.
Result<std::unique_ptr<Database>> OpenPostgres(const std::string& url, MigrationPolicy policy);

}  // namespace lumbung::storage
