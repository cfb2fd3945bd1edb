// What only the PostgreSQL backend has to show: its migrations, its refusals, and that writers
// on several connections at once still make one unbroken audit chain.
#include <gtest/gtest.h>
#include <libpq-fe.h>

#include <thread>

#include "auth/tokens.hpp"
#include "domain/audit.hpp"
#include "domain/registry.hpp"
#include "storage/migrations.hpp"
#include "storage/postgresql/search_index.hpp"
#include "support/test_support.hpp"

namespace lumbung {
namespace {

void RunSql(const std::string& url, const std::string& sql) {
  PGconn* connection = PQconnectdb(url.c_str());
  ASSERT_EQ(PQstatus(connection), CONNECTION_OK) << PQerrorMessage(connection);
  PGresult* result = PQexec(connection, sql.c_str());
  EXPECT_EQ(PQresultStatus(result), PGRES_COMMAND_OK) << PQresultErrorMessage(result);
  PQclear(result);
  PQfinish(connection);
}

// The first column of the first row a query gives, as text.
std::string QuerySql(const std::string& url, const std::string& sql) {
  PGconn* connection = PQconnectdb(url.c_str());
  EXPECT_EQ(PQstatus(connection), CONNECTION_OK) << PQerrorMessage(connection);
  PGresult* result = PQexec(connection, sql.c_str());
  EXPECT_EQ(PQresultStatus(result), PGRES_TUPLES_OK) << PQresultErrorMessage(result);
  std::string value = PQntuples(result) > 0 ? PQgetvalue(result, 0, 0) : "";
  PQclear(result);
  PQfinish(connection);
  return value;
}

TEST(Postgres, KnownTermsAreRememberedUpToABound) {
  storage::postgresql::KnownTerms known;
  EXPECT_FALSE(known.Contains("sehat"));
  known.Add("sehat");
  EXPECT_TRUE(known.Contains("sehat"));
  EXPECT_FALSE(known.Contains("sehatt"));
  // Past the bound it starts again rather than grow without end.
  for (std::size_t k = 1; k < storage::postgresql::KnownTerms::kMostTerms; ++k) {
    known.Add("t" + std::to_string(k));
  }
  EXPECT_EQ(known.Size(), storage::postgresql::KnownTerms::kMostTerms);
  known.Add("pasar");
  EXPECT_EQ(known.Size(), 1u);
  EXPECT_TRUE(known.Contains("pasar"));
  EXPECT_FALSE(known.Contains("sehat"));
}

TEST(Postgres, ANewDatabaseIsMigratedToTheNewestVersion) {
  testing::TempDatabase db("postgresql");
  EXPECT_EQ(db.database().SchemaVersion(), storage::postgresql_migrations().back().version);
  auto again = OpenDatabase(db.url(), MigrationPolicy::kRequireCurrent);
  ASSERT_TRUE(again) << again.error().title.en;
  EXPECT_EQ((*again)->SchemaVersion(), db.database().SchemaVersion());
}

TEST(Postgres, RefusesASchemaNewerThanThisProgram) {
  testing::TempDatabase db("postgresql");
  RunSql(db.url(), "INSERT INTO schema_migrations (version, name) VALUES (999, 'future')");
  auto opened = OpenDatabase(db.url(), MigrationPolicy::kMigrate);
  ASSERT_FALSE(opened);
  EXPECT_NE(opened.error().title.en.find("newer than this program knows"), std::string::npos);
}

TEST(Postgres, AnUnreachableServerIsNamedInTheError) {
  auto opened = OpenDatabase("postgresql://nobody@127.0.0.1:1/none", MigrationPolicy::kMigrate);
  ASSERT_FALSE(opened);
  EXPECT_NE(opened.error().title.en.find("Cannot open the database"), std::string::npos);
  EXPECT_NE(opened.error().title.id.find("tidak dapat dibuka"), std::string::npos);
}

TEST(Postgres, ThePasswordStaysOutOfTheDescription) {
  testing::TempDatabase db("postgresql");
  std::string with_password = db.url();
  with_password.replace(with_password.find("postgres@"), 9, "postgres:secret@");
  auto opened = OpenDatabase(with_password, MigrationPolicy::kMigrate);
  ASSERT_TRUE(opened) << opened.error().title.en;
  EXPECT_EQ((*opened)->Describe().find("secret"), std::string::npos);
  EXPECT_NE((*opened)->Describe().find(":***@"), std::string::npos);
}

TEST(Postgres, WritersOnManyConnectionsKeepOneAuditChain) {
  testing::TempDatabase db("postgresql");
  Registry setup(db.store(), testing::FixedNow);
  ASSERT_TRUE(setup.CreateRegion(
      {"3578", "Kota Surabaya", RegionLevel::kCity, "", TimeZone::kWib, false, ""}));
  constexpr int kWriters = 8;
  constexpr int kAgenciesEach = 15;
  std::vector<std::thread> writers;
  std::atomic<int> failures = 0;
  for (int w = 0; w < kWriters; ++w) {
    writers.emplace_back([&, w] {
      auto store = db.database().Connect();
      Registry registry(*store, testing::FixedNow);
      for (int k = 0; k < kAgenciesEach; ++k) {
        // Agencies move the change counter; accounts do not, so nothing but the writers'
        // turn-taking keeps their audit entries in one line.
        Agency agency;
        agency.region_code = "3578";
        agency.name = "Dinas " + std::to_string(w) + "-" + std::to_string(k);
        if (!registry.CreateAgency(agency)) ++failures;
        User user;
        user.username = "user-" + std::to_string(w) + "-" + std::to_string(k);
        user.display_name = user.username;
        user.created_at = user.updated_at = "2026-06-15T03:00:00Z";
        if (!store->InsertUser(user, "")) ++failures;
      }
    });
  }
  for (auto& writer : writers) writer.join();
  EXPECT_EQ(failures, 0);
  EXPECT_EQ(db.store().ListAgencies("3578").size(), std::size_t{kWriters * kAgenciesEach});
  std::string previous;
  long long entries = 0;
  db.store().ForEachAudit([&](const AuditEntry& entry) {
    EXPECT_EQ(entry.prev_hash, previous) << "entry " << entry.id;
    EXPECT_EQ(entry.hash, auth::Sha256Hex(AuditChainText(entry))) << "entry " << entry.id;
    previous = entry.hash;
    ++entries;
    return true;
  });
  EXPECT_EQ(entries, 1 + 2 * kWriters * kAgenciesEach);
}

TEST(Postgres, ASaveThatLeavesTheIndexedWordsAloneLeavesTheSearchDocumentAlone) {
  testing::TempDatabase db("postgresql");
  Registry registry(db.store(), testing::FixedNow);
  ASSERT_TRUE(registry.CreateRegion(
      {"3578", "Kota Surabaya", RegionLevel::kCity, "", TimeZone::kWib, false, ""}));
  Agency agency;
  agency.region_code = "3578";
  agency.name = "Dinas Kesehatan";
  auto created_agency = registry.CreateAgency(agency);
  ASSERT_TRUE(created_agency);
  Innovation innovation;
  innovation.region_code = "3578";
  innovation.agency_id = created_agency->id;
  innovation.title = "Posyandu Keliling";
  innovation.description = "Kader mendatangi warga lanjut usia.";
  auto created = registry.CreateInnovation(innovation);
  ASSERT_TRUE(created) << created.error().title.en;
  // xmin names the transaction that wrote the row's current version.
  const std::string row_version =
      "SELECT xmin::text FROM innovation_search WHERE innovation_id = " +
      std::to_string(created->id);
  const std::string written = QuerySql(db.url(), row_version);
  ASSERT_FALSE(written.empty());

  Innovation changed = *created;
  changed.year = 2025;  // not a word of the index
  auto saved = registry.UpdateInnovation(changed, created->version);
  ASSERT_TRUE(saved) << saved.error().title.en;
  EXPECT_EQ(QuerySql(db.url(), row_version), written);

  changed = *saved;
  changed.title = "Posyandu Keliling Malam";
  saved = registry.UpdateInnovation(changed, changed.version);
  ASSERT_TRUE(saved) << saved.error().title.en;
  EXPECT_NE(QuerySql(db.url(), row_version), written);
  InnovationQuery query;
  query.text = "malam";
  EXPECT_EQ(db.store().ListInnovations(query).total, 1);
}

}  // namespace
}  // namespace lumbung
