// The SQLite backend: one file, WAL mode, one connection per thread.
#pragma once

#include <memory>
#include <string>

#include "domain/result.hpp"
#include "storage/database.hpp"

namespace lumbung::storage {

// Opens (creating if needed) the SQLite database at `path` and migrates it as `policy` allows.
Result<std::unique_ptr<Database>> OpenSqlite(const std::string& path, MigrationPolicy policy);

}  // namespace lumbung::storage
