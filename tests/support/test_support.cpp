#include "support/test_support.hpp"

#include <gtest/gtest.h>
#include <libpq-fe.h>
#include <unistd.h>

#include <atomic>
#include <cstdlib>
#include <fstream>
#include <mutex>
#include <random>

namespace lumbung::testing {

namespace {

// The server this process started, stopped when the process ends.
struct OwnServer {
  std::filesystem::path state;
  ~OwnServer() {
    if (state.empty()) return;
    std::string command = std::string(LUMBUNG_TEST_SUPPORT_DIR) + "/postgres.sh stop '" +
                          state.string() + "' >/dev/null 2>&1";
    [[maybe_unused]] int ignored = std::system(command.c_str());
  }
};

std::string FirstLine(const std::filesystem::path& file) {
  std::ifstream in(file);
  std::string line;
  std::getline(in, line);
  return line;
}

// Runs SQL on the database at `url`.
void RunOn(const std::string& url, const std::string& sql) {
  PGconn* connection = PQconnectdb(url.c_str());
  if (PQstatus(connection) != CONNECTION_OK) {
    std::string message = PQerrorMessage(connection);
    PQfinish(connection);
    throw std::runtime_error("cannot reach the tests' PostgreSQL server: " + message);
  }
  PGresult* result = PQexec(connection, sql.c_str());
  std::string message =
      PQresultStatus(result) == PGRES_COMMAND_OK ? "" : PQresultErrorMessage(result);
  PQclear(result);
  PQfinish(connection);
  if (!message.empty()) throw std::runtime_error("PostgreSQL refused '" + sql + "': " + message);
}

// Runs SQL on the server's database "postgres": creating and dropping test databases.
void RunOnServer(const std::string& sql) { RunOn(PostgresServerUrl(), sql); }

// The address of one of the server's databases.
std::string DatabaseUrl(const std::string& name) {
  std::string server = PostgresServerUrl();
  return server.substr(0, server.rfind('/') + 1) + name;
}

// A database of this process with every migration applied, dropped when the process ends.
// Test databases are made as copies of it, which takes a fraction of migrating each.
struct MigratedTemplate {
  std::string name;
  std::string server;  // kept here: the server's own address may be gone when this goes
  ~MigratedTemplate() {
    if (name.empty()) return;
    try {
      RunOn(server, "DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
    } catch (const std::exception&) {
      // The server is gone: its folder goes with it.
    }
  }
};

const std::string& MigratedTemplateName() {
  static std::mutex mutex;
  static MigratedTemplate migrated;
  std::lock_guard lock(mutex);
  if (!migrated.name.empty()) return migrated.name;
  std::string name = "lumbung_template_" + std::to_string(getpid());
  RunOnServer("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
  RunOnServer("CREATE DATABASE " + name);
  {
    // Every connection closes here: PostgreSQL copies a template nobody is connected to.
    auto opened = OpenDatabase(DatabaseUrl(name), MigrationPolicy::kMigrate);
    if (!opened) {
      throw std::runtime_error("cannot migrate the template database: " + opened.error().title.en);
    }
  }
  migrated.name = name;
  migrated.server = PostgresServerUrl();
  return migrated.name;
}

}  // namespace

std::string PostgresServerUrl() {
  static std::mutex mutex;
  static std::string url;
  static OwnServer own;
  std::lock_guard lock(mutex);
  if (!url.empty()) return url;
  if (std::filesystem::exists(LUMBUNG_TEST_POSTGRES_STATE)) {
    url = FirstLine(LUMBUNG_TEST_POSTGRES_STATE);
    PGconn* probe = PQconnectdb(url.c_str());
    const bool up = PQstatus(probe) == CONNECTION_OK;
    PQfinish(probe);
    if (up) return url;
  }
  std::filesystem::path state = std::filesystem::temp_directory_path() /
                                ("lumbung-postgres-" + std::to_string(getpid()) + ".state");
  std::string command =
      std::string(LUMBUNG_TEST_SUPPORT_DIR) + "/postgres.sh start '" + state.string() + "'";
  if (std::system(command.c_str()) != 0) {
    throw std::runtime_error("cannot start a PostgreSQL server for the tests: " + command);
  }
  own.state = state;
  url = FirstLine(state);
  return url;
}

TempDatabase::TempDatabase(const std::string& backend) {
  std::random_device random;
  const std::string name = std::to_string(random()) + std::to_string(random());
  folder_ = std::filesystem::temp_directory_path() / ("lumbung-test-" + name);
  std::filesystem::create_directories(folder_);
  if (backend == "sqlite") {
    url_ = "sqlite:" + (folder_ / "lumbung.db").string();
  } else if (backend == "postgresql") {
    postgres_name_ = "lumbung_test_" + name;
    RunOnServer("CREATE DATABASE " + postgres_name_ + " TEMPLATE " + MigratedTemplateName());
    url_ = DatabaseUrl(postgres_name_);
  } else {
    throw std::invalid_argument("no such backend: " + backend);
  }
  auto opened = OpenDatabase(url(), MigrationPolicy::kMigrate);
  if (!opened) throw std::runtime_error("cannot open test database: " + opened.error().title.en);
  database_ = std::move(opened.value());
  store_ = database_->Connect();
}

TempDatabase::~TempDatabase() {
  store_.reset();
  database_.reset();
  if (!postgres_name_.empty()) {
    try {
      RunOnServer("DROP DATABASE IF EXISTS " + postgres_name_ + " WITH (FORCE)");
    } catch (const std::exception&) {
      // The server is gone: its folder goes with it.
    }
  }
  std::error_code ignored;
  std::filesystem::remove_all(folder_, ignored);
}

std::chrono::system_clock::time_point FixedNow() {
  return std::chrono::sys_days{std::chrono::year{2026} / 6 / 15} + std::chrono::hours{3};
}

std::optional<std::filesystem::path> SharedDataFolder() {
  const char* configured = std::getenv("LUMBUNG_SHARED_DATA");
  if (configured == nullptr) return std::nullopt;
  std::filesystem::path folder = configured;
  if (!std::filesystem::exists(folder / "lan-innovations-2018.jsonl")) return std::nullopt;
  return folder;
}

}  // namespace lumbung::testing
