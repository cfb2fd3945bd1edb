// Opening the database named by --db for a subcommand.
#pragma once

#include <memory>

#include "cli/args.hpp"
#include "domain/store.hpp"
#include "storage/database.hpp"

namespace lumbung::cli {

inline constexpr const char* kDefaultDatabase = "sqlite:lumbung-data/lumbung.db";

// Opens --db (creating the folder of an SQLite file when needed) as `policy` allows.
Result<std::unique_ptr<Database>> Open(const Args& args, MigrationPolicy policy);

// One connection to the current-schema database of --db, acting as the command line.
Result<std::unique_ptr<Store>> OpenStore(const Args& args);

}  // namespace lumbung::cli
