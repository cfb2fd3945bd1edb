// The store contract: what the domain relies on from any backend. Parameterised by backend so
// the same cases run unchanged against each one this build has.
#include <gtest/gtest.h>

#include <algorithm>
#include <nlohmann/json.hpp>

#include "codec/json_codec.hpp"
#include "domain/registry.hpp"
#include "support/test_support.hpp"

namespace lumbung {
namespace {

class StoreContract : public ::testing::TestWithParam<std::string> {
 protected:
  void SetUp() override {
    ASSERT_TRUE(registry_.CreateRegion(
        {"3578", "Kota Surabaya", RegionLevel::kCity, "", TimeZone::kWib, false, ""}));
    ASSERT_TRUE(registry_.CreateRegion(
        {"3573", "Kota Malang", RegionLevel::kCity, "", TimeZone::kWib, false, ""}));
    for (const char* name : {"Dinas Kesehatan", "Dinas Pendidikan"}) {
      Agency agency;
      agency.region_code = "3578";
      agency.name = name;
      agencies_.push_back(registry_.CreateAgency(agency)->id);
    }
    Agency malang;
    malang.region_code = "3573";
    malang.name = "Dinas Kesehatan";
    malang_agency_ = registry_.CreateAgency(malang)->id;
  }

  Innovation Make(const std::string& title, Id agency, InnovationType type, int year,
                  RecordStatus status, std::string region = "3578") {
    Innovation innovation;
    innovation.region_code = std::move(region);
    innovation.agency_id = agency;
    innovation.title = title;
    innovation.type = type;
    innovation.year = year;
    innovation.status = status;
    innovation.digital = type == InnovationType::kTechnology;
    auto created = registry_.CreateInnovation(innovation);
    EXPECT_TRUE(created) << (created ? "" : created.error().title.en);
    return created ? *created : innovation;
  }

  Store& store() { return db_.store(); }

  testing::TempDatabase db_{GetParam()};
  Registry registry_{db_.store(), testing::FixedNow};
  std::vector<Id> agencies_;
  Id malang_agency_ = 0;
};

TEST_P(StoreContract, EveryFieldSurvivesTheRoundTrip) {
  Innovation full;
  full.region_code = "3578";
  full.agency_id = agencies_[0];
  full.unit = "Bidang Pelayanan Kesehatan";
  full.title = "Puskesmas Keliling Malam";
  full.product = "Layanan malam hari";
  full.summary = "Ringkasan singkat.";
  full.initiator_kind = InitiatorKind::kCivilServant;
  full.initiator_names = "dr. Sari";
  full.team_members = {"Sari", "Budi"};
  full.type = InnovationType::kMethod;
  full.form = Form::kPublicService;
  full.digital = true;
  full.main_affair = "Kesehatan";
  full.other_affairs = {"Sosial"};
  full.themes = {"Pelayanan malam", "Kesehatan ibu"};
  full.maturity = Maturity::kImplementation;
  full.year = 2022;
  full.implementation_year = 2023;
  full.trial_date = "2022-05-01";
  full.implementation_date = "2023-01-10";
  full.stage = Stage::kDeliver;
  full.description = "**Deskripsi** panjang\n\n- satu\n- dua";
  full.background = "Latar";
  full.design = "Rancang";
  full.goals = "Tujuan";
  full.benefits = "Manfaat";
  full.results = "Hasil";
  full.drivers = "Pendorong";
  full.obstacles = "Penghambat";
  full.process_steps = "Langkah";
  full.outputs = "Keluaran";
  full.outcomes = "Dampak";
  full.replication_prerequisites = "Prasyarat";
  full.budget = {{2022, 150'000'000}, {2023, 275'500'000}};
  full.video_url = "https://video.example.org/puskesmas";
  full.location = "Kecamatan Genteng";
  full.evidence = {{"SK Kepala Dinas", "https://example.org/sk.pdf"}};
  full.partners = {{"Universitas Airlangga", PartnerKind::kUniversity}};
  full.status = RecordStatus::kPublished;
  full.continuation = Continuation::kDormant;
  full.source = "Impor";
  full.source_ref = "test:1";
  auto created = registry_.CreateInnovation(full);
  ASSERT_TRUE(created);
  auto read = store().FindInnovation(created->id);
  ASSERT_TRUE(read);
  full.id = created->id;
  full.version = 1;
  full.created_at = full.updated_at = "2026-06-15T03:00:00Z";
  // Comparing through every member keeps this test honest when the model grows a field.
  EXPECT_EQ(read->budget.size(), 2u);
  EXPECT_EQ(read->budget[1].amount, 275'500'000);
  EXPECT_EQ(read->partners.at(0).kind, PartnerKind::kUniversity);
  EXPECT_EQ(read->evidence.at(0).url, "https://example.org/sk.pdf");
  EXPECT_EQ(read->team_members, full.team_members);
  EXPECT_EQ(read->type, full.type);
  EXPECT_EQ(read->implementation_year, 2023);
  EXPECT_EQ(read->description, full.description);
  EXPECT_EQ(read->continuation, Continuation::kDormant);
  EXPECT_EQ(read->source_ref, "test:1");
  EXPECT_EQ(store().FindInnovationBySourceRef("3578", "test:1")->id, created->id);
  EXPECT_FALSE(store().FindInnovationBySourceRef("3573", "test:1"));
}

TEST_P(StoreContract, FiltersCountAndPaginate) {
  for (int i = 0; i < 25; ++i) {
    Make("Inovasi " + std::to_string(i), agencies_[i % 2],
         i % 3 == 0 ? InnovationType::kTechnology : InnovationType::kProcess, 2020 + i % 4,
         i % 5 == 0 ? RecordStatus::kDraft : RecordStatus::kPublished);
  }
  Make("Inovasi Malang", malang_agency_, InnovationType::kTechnology, 2021,
       RecordStatus::kPublished, "3573");

  InnovationQuery all;
  all.region_code = "3578";
  all.per_page = 10;
  auto first = store().ListInnovations(all);
  EXPECT_EQ(first.total, 25);
  EXPECT_EQ(first.items.size(), 10u);
  all.page = 3;
  EXPECT_EQ(store().ListInnovations(all).items.size(), 5u);

  InnovationQuery filtered;
  filtered.region_code = "3578";
  filtered.type = InnovationType::kTechnology;
  filtered.statuses = {RecordStatus::kPublished};
  auto page = store().ListInnovations(filtered);
  // i in {3, 6, 9, 12, 18, 21, 24}: multiples of 3 that are not multiples of 5.
  EXPECT_EQ(page.total, 7);
  for (const auto& item : page.items) {
    EXPECT_EQ(item.type, InnovationType::kTechnology);
    EXPECT_EQ(item.status, RecordStatus::kPublished);
    EXPECT_EQ(item.region_code, "3578");
    EXPECT_FALSE(item.agency_name.empty());
  }

  InnovationQuery by_year;
  by_year.year = 2021;
  by_year.digital = true;
  auto across = store().ListInnovations(by_year);  // every region
  EXPECT_EQ(across.total, 3);                      // i = 9, 21 in Surabaya, and Malang's

  InnovationQuery by_agency;
  by_agency.agency_id = agencies_[1];
  EXPECT_EQ(store().ListInnovations(by_agency).total, 12);

  InnovationQuery sorted;
  sorted.region_code = "3578";
  sorted.sort = InnovationSort::kTitle;
  sorted.per_page = 3;
  auto titles = store().ListInnovations(sorted);
  EXPECT_EQ(titles.items[0].title, "Inovasi 0");
  EXPECT_EQ(titles.items[1].title, "Inovasi 1");
  EXPECT_EQ(titles.items[2].title, "Inovasi 10");
}

TEST_P(StoreContract, ChangeCounterMovesWithEveryCommittedChange) {
  auto before = store().ChangeCounter();
  auto created = Make("Satu", agencies_[0], InnovationType::kMethod, 2024, RecordStatus::kDraft);
  auto after_insert = store().ChangeCounter();
  EXPECT_GT(after_insert, before);
  // Another connection sees the change too.
  auto other = db_.database().Connect();
  EXPECT_EQ(other->ChangeCounter(), after_insert);
  ASSERT_TRUE(registry_.DeleteInnovation(created.id, created.version));
  EXPECT_GT(other->ChangeCounter(), after_insert);
}

TEST_P(StoreContract, RolledBackTransactionLeavesNothing) {
  {
    Transaction transaction(store());
    Make("Tidak jadi", agencies_[0], InnovationType::kMethod, 2024, RecordStatus::kDraft);
  }
  InnovationQuery all;
  EXPECT_EQ(store().ListInnovations(all).total, 0);
  {
    Transaction transaction(store());
    Make("Jadi", agencies_[0], InnovationType::kMethod, 2024, RecordStatus::kDraft);
    transaction.Commit();
  }
  EXPECT_EQ(store().ListInnovations(all).total, 1);
}

TEST_P(StoreContract, ForEachVisitsARegionInIdOrder) {
  auto a = Make("A", agencies_[0], InnovationType::kMethod, 2024, RecordStatus::kDraft);
  auto b = Make("B", agencies_[1], InnovationType::kMethod, 2024, RecordStatus::kDraft);
  Make("M", malang_agency_, InnovationType::kMethod, 2024, RecordStatus::kDraft, "3573");
  std::vector<Id> seen;
  store().ForEachInnovation("3578", [&](const Innovation& i) { seen.push_back(i.id); });
  EXPECT_EQ(seen, (std::vector<Id>{a.id, b.id}));
}

TEST_P(StoreContract, UpsertRegionIsIdempotent) {
  Region region{"3579",         "Kota Batu", RegionLevel::kCity,    "",
                TimeZone::kWib, false,       "2026-06-15T03:00:00Z"};
  store().UpsertRegion(region);
  auto counter = store().ChangeCounter();
  store().UpsertRegion(region);
  EXPECT_EQ(store().ChangeCounter(), counter) << "an unchanged region must not be rewritten";
  region.name = "Kota Batu (baru)";
  store().UpsertRegion(region);
  EXPECT_EQ(store().FindRegion("3579")->name, "Kota Batu (baru)");
}

TEST_P(StoreContract, AgencyContactsAreKeptReadAndAudited) {
  Agency agency;
  agency.region_code = "3578";
  agency.name = "Dinas Komunikasi dan Informatika";
  agency.address = "Jl. Jimerto No. 25-27, Surabaya";
  agency.phone = "(031) 5312144";
  agency.email = "diskominfo@surabaya.example";
  agency.website = "https://diskominfo.surabaya.example";
  auto created = registry_.CreateAgency(agency);
  ASSERT_TRUE(created);
  EXPECT_EQ(created->address, agency.address);
  EXPECT_EQ(created->phone, agency.phone);
  EXPECT_EQ(created->email, agency.email);
  EXPECT_EQ(created->website, agency.website);

  // Every way of reading an agency carries them.
  auto found = store().FindAgency(created->id);
  ASSERT_TRUE(found);
  EXPECT_EQ(found->website, agency.website);
  auto by_name = store().FindAgencyByName("3578", "dinas komunikasi  dan informatika");
  ASSERT_TRUE(by_name);
  EXPECT_EQ(by_name->phone, agency.phone);
  auto listed = store().ListAgencies("3578");
  auto it = std::find_if(listed.begin(), listed.end(),
                         [&](const Agency& a) { return a.id == created->id; });
  ASSERT_NE(it, listed.end());
  EXPECT_EQ(it->email, agency.email);
  EXPECT_EQ(it->address, agency.address);

  Agency changed = *found;
  changed.phone = "+62 31 5312144";
  changed.website.clear();
  auto updated = registry_.UpdateAgency(changed, found->version);
  ASSERT_TRUE(updated);
  EXPECT_EQ(store().FindAgency(created->id)->phone, "+62 31 5312144");
  EXPECT_EQ(store().FindAgency(created->id)->website, "");
  EXPECT_EQ(store().FindAgency(created->id)->email, agency.email);

  AuditQuery audit;
  audit.record_type = "agency";
  audit.record_id = std::to_string(created->id);
  auto entries = store().ListAudit(audit);
  ASSERT_EQ(entries.size(), 2u);  // newest first: the update, then the creation
  auto before = nlohmann::json::parse(entries[0].before);
  auto after = nlohmann::json::parse(entries[0].after);
  EXPECT_EQ(before["phone"], "(031) 5312144");
  EXPECT_EQ(after["phone"], "+62 31 5312144");
  EXPECT_EQ(before["website"], agency.website);
  EXPECT_EQ(after["website"], "");
  auto first = nlohmann::json::parse(entries[1].after);
  EXPECT_EQ(first["address"], agency.address);
  EXPECT_EQ(first["email"], agency.email);
}

TEST_P(StoreContract, ClinicEntriesAndTargetRulesAreKeptAndAudited) {
  auto innovation =
      Make("Posyandu Remaja", agencies_[0], InnovationType::kMethod, 2026, RecordStatus::kDraft);
  ClinicEntry entry;
  entry.innovation_id = innovation.id;
  entry.region_code = "3578";
  entry.kind = ClinicEntryKind::kDisplayEvent;
  entry.stage = Stage::kDisplay;
  entry.date = "2026-06-01";
  entry.event_kind = DisplayEventKind::kCombined;
  entry.event_name = "Pekan Inovasi \"Surabaya\"";
  entry.feedback = "Baris satu\nbaris dua";
  entry.user_id = 7;
  entry.actor_name = "sari";
  entry.created_at = "2026-06-15T03:00:00Z";
  ClinicEntry validation = entry;
  validation.kind = ClinicEntryKind::kValidation;
  validation.event_kind.reset();
  validation.event_name.clear();
  validation.feedback.clear();
  validation.validation_method = ValidationMethod::kDeskConsultation;
  validation.decision = Decision::kRevise;
  validation.notes = "Perbaiki";
  validation.user_id.reset();
  auto first = store().AppendClinicEntry(entry);
  auto second = store().AppendClinicEntry(validation);
  EXPECT_GT(second.id, first.id);
  auto journal = store().ListClinicEntries(innovation.id);
  ASSERT_EQ(journal.size(), 2u);
  EXPECT_EQ(ToJson(journal[0]), ToJson(first));
  EXPECT_EQ(journal[0].event_name, entry.event_name);
  EXPECT_EQ(journal[0].user_id, 7);
  EXPECT_EQ(journal[1].decision, Decision::kRevise);
  EXPECT_EQ(journal[1].user_id, std::nullopt);
  AuditQuery audit;
  audit.record_type = "clinic_entry";
  EXPECT_EQ(store().ListAudit(audit).size(), 2u);
  EXPECT_TRUE(store().ListClinicEntries(innovation.id + 1000).empty());

  // A region's target rule is kept, and an import's upsert leaves it as the region set it.
  Region region = *store().FindRegion("3578");
  EXPECT_EQ(region.target, TargetRule{});
  region.target = {3, Maturity::kImplementation, false, "11-30", true};
  store().UpdateRegion(region);
  EXPECT_EQ(store().FindRegion("3578")->target, region.target);
  Region imported = region;
  imported.target = TargetRule{};
  imported.name = "Kota Surabaya (impor)";
  store().UpsertRegion(imported);
  EXPECT_EQ(store().FindRegion("3578")->name, "Kota Surabaya (impor)");
  EXPECT_EQ(store().FindRegion("3578")->target, region.target);
  Region fresh{"3579", "Kota Batu", RegionLevel::kCity, "", TimeZone::kWib, false, "x"};
  store().UpsertRegion(fresh);
  EXPECT_EQ(store().FindRegion("3579")->target, TargetRule{});

  // Removing the innovation removes its journal.
  ASSERT_TRUE(store().DeleteInnovation(innovation.id, innovation.version));
  EXPECT_TRUE(store().ListClinicEntries(innovation.id).empty());
}

// The audit trail of one record, newest first: the actions and the JSON before and after.
std::vector<AuditEntry> AuditOf(Store& store, const std::string& type, const std::string& id) {
  AuditQuery audit;
  audit.record_type = type;
  audit.record_id = id;
  return store.ListAudit(audit);
}

std::vector<std::string> ActionsOf(const std::vector<AuditEntry>& entries) {
  std::vector<std::string> actions;
  for (const auto& entry : entries) actions.push_back(entry.action);
  return actions;
}

TEST_P(StoreContract, ProgrammeRecordsAreKeptListedAndAudited) {
  auto posyandu =
      Make("Posyandu Remaja", agencies_[0], InnovationType::kMethod, 2024, RecordStatus::kVerified);
  auto rapor = Make("Rapor Digital", agencies_[1], InnovationType::kTechnology, 2025,
                    RecordStatus::kPublished);

  // Activities: kept whole, changed only at the version read, listed by year, latest first.
  auto activity = [&](const std::string& title, const std::string& date, std::string region) {
    Activity a;
    a.region_code = std::move(region);
    a.kind = ActivityKind::kCoachingClinic;
    a.title = title;
    a.date = date;
    a.created_at = a.updated_at = "2026-06-15T03:00:00Z";
    a.agencies = {{a.region_code == "3578" ? agencies_[0] : malang_agency_, 3}};
    return a;
  };
  Activity clinic = activity("Klinik \"Inovasi\" Kesehatan", "2026-03-01", "3578");
  clinic.kind = ActivityKind::kWorkshop;
  clinic.place = "Aula Bappeda";
  clinic.agencies = {{agencies_[0], 4}, {agencies_[1], 12}};
  clinic.innovations = {posyandu.id, rapor.id};
  clinic.advice = "Baris satu\nbaris dua";
  Activity stored = store().InsertActivity(clinic);
  EXPECT_GT(stored.id, 0);
  EXPECT_EQ(stored.version, 1);
  auto found = store().FindActivity(stored.id);
  ASSERT_TRUE(found);
  EXPECT_EQ(found->region_code, "3578");
  EXPECT_EQ(found->kind, ActivityKind::kWorkshop);
  EXPECT_EQ(found->title, clinic.title);
  EXPECT_EQ(found->date, "2026-03-01");
  EXPECT_EQ(found->place, "Aula Bappeda");
  EXPECT_EQ(found->agencies, clinic.agencies);
  EXPECT_EQ(found->innovations, clinic.innovations);
  EXPECT_EQ(found->advice, clinic.advice);
  EXPECT_EQ(found->created_at, "2026-06-15T03:00:00Z");
  EXPECT_EQ(ToJson(*found), ToJson(stored));
  EXPECT_FALSE(store().FindActivity(stored.id + 1000));

  Activity changed = *found;
  changed.kind = ActivityKind::kSystemTraining;
  changed.agencies = {{agencies_[1], 30}};
  changed.innovations.clear();
  changed.advice = "Latih admin sistem.";
  changed.updated_at = "2026-06-16T01:00:00Z";
  auto updated = store().UpdateActivity(changed, 1);
  ASSERT_TRUE(updated);
  EXPECT_EQ(updated->version, 2);
  EXPECT_EQ(updated->kind, ActivityKind::kSystemTraining);
  EXPECT_EQ(updated->agencies, changed.agencies);
  EXPECT_TRUE(updated->innovations.empty());
  EXPECT_EQ(updated->updated_at, "2026-06-16T01:00:00Z");
  EXPECT_EQ(updated->created_at, "2026-06-15T03:00:00Z");
  changed.title = "Terlambat";
  auto stale = store().UpdateActivity(changed, 1);
  ASSERT_FALSE(stale);
  EXPECT_EQ(stale.error().code, ErrorCode::kPreconditionFailed);
  EXPECT_EQ(store().FindActivity(stored.id)->title, clinic.title);
  Activity missing = changed;
  missing.id = stored.id + 1000;
  EXPECT_EQ(store().UpdateActivity(missing, 1).error().code, ErrorCode::kNotFound);

  Id early = store().InsertActivity(activity("Bimtek Awal", "2026-03-01", "3578")).id;
  Id later = store().InsertActivity(activity("Desk Juli", "2026-07-20", "3578")).id;
  Id last_year = store().InsertActivity(activity("Lokakarya", "2025-11-30", "3578")).id;
  store().InsertActivity(activity("Klinik Malang", "2026-04-01", "3573"));
  auto ids = [](const std::vector<Activity>& list) {
    std::vector<Id> out;
    for (const auto& a : list) out.push_back(a.id);
    return out;
  };
  // The same day: the later record first.
  EXPECT_EQ(ids(store().ListActivities("3578", 0)),
            (std::vector<Id>{later, early, stored.id, last_year}));
  EXPECT_EQ(ids(store().ListActivities("3578", 2026)), (std::vector<Id>{later, early, stored.id}));
  EXPECT_EQ(ids(store().ListActivities("3578", 2025)), std::vector<Id>{last_year});
  EXPECT_TRUE(store().ListActivities("3578", 2024).empty());
  EXPECT_EQ(store().ListActivities("3573", 0).size(), 1u);
  EXPECT_EQ(store().ListActivities("3578", 2026)[2].agencies, changed.agencies);

  auto stale_delete = store().DeleteActivity(stored.id, 1);
  ASSERT_FALSE(stale_delete);
  EXPECT_EQ(stale_delete.error().code, ErrorCode::kPreconditionFailed);
  ASSERT_TRUE(store().DeleteActivity(stored.id, 2));
  EXPECT_FALSE(store().FindActivity(stored.id));
  EXPECT_EQ(store().DeleteActivity(stored.id, 2).error().code, ErrorCode::kNotFound);
  auto trail = AuditOf(store(), "activity", std::to_string(stored.id));
  EXPECT_EQ(ActionsOf(trail), (std::vector<std::string>{"delete", "update", "create"}));
  ASSERT_EQ(trail.size(), 3u);
  EXPECT_EQ(trail[2].region_code, "3578");
  EXPECT_EQ(trail[2].before, "");
  EXPECT_EQ(nlohmann::json::parse(trail[2].after)["kind"], "workshop");
  EXPECT_EQ(nlohmann::json::parse(trail[1].before)["kind"], "workshop");
  EXPECT_EQ(nlohmann::json::parse(trail[1].after)["kind"], "training_system");
  EXPECT_EQ(nlohmann::json::parse(trail[1].after)["agencies"][0]["participants"], 30);
  EXPECT_EQ(nlohmann::json::parse(trail[0].before)["version"], 2);
  EXPECT_EQ(trail[0].after, "");

  // Teams: the region's own first, then by agency, the latest decree first.
  auto team = [&](std::optional<Id> agency, const std::string& date, std::string region = "3578") {
    Team t;
    t.region_code = std::move(region);
    t.agency_id = agency;
    t.decree_number = "188/" + date;
    t.decree_date = date;
    t.members = {{"Budi \"Ketua\"", "Kepala Bappeda", TeamRole::kChair},
                 {"Sari", "", TeamRole::kSecretary},
                 {"Andi", "Staf", TeamRole::kMember}};
    t.created_at = t.updated_at = "2026-06-15T03:00:00Z";
    return t;
  };
  Team a1 = store().InsertTeam(team(agencies_[1], "2026-02-01"));
  Team a0_old = store().InsertTeam(team(agencies_[0], "2025-05-01"));
  Team region_team = store().InsertTeam(team(std::nullopt, "2025-01-10"));
  Team a0_new = store().InsertTeam(team(agencies_[0], "2026-01-15"));
  store().InsertTeam(team(std::nullopt, "2026-01-01", "3573"));
  EXPECT_EQ(a1.version, 1);
  auto read_team = store().FindTeam(region_team.id);
  ASSERT_TRUE(read_team);
  EXPECT_EQ(read_team->agency_id, std::nullopt);
  EXPECT_EQ(read_team->members, team(std::nullopt, "2025-01-10").members);
  EXPECT_EQ(read_team->decree_number, "188/2025-01-10");
  EXPECT_EQ(ToJson(*read_team), ToJson(region_team));
  EXPECT_EQ(store().FindTeam(a1.id)->agency_id, agencies_[1]);
  EXPECT_FALSE(store().FindTeam(a1.id + 1000));
  std::vector<Id> team_ids;
  for (const auto& t : store().ListTeams("3578")) team_ids.push_back(t.id);
  EXPECT_EQ(team_ids, (std::vector<Id>{region_team.id, a0_new.id, a0_old.id, a1.id}));
  EXPECT_EQ(store().ListTeams("3573").size(), 1u);

  // A team moves to the region and back, changed only at the version read.
  Team moved = *store().FindTeam(a1.id);
  moved.agency_id.reset();
  moved.members.pop_back();
  moved.updated_at = "2026-06-16T01:00:00Z";
  auto moved_saved = store().UpdateTeam(moved, 1);
  ASSERT_TRUE(moved_saved);
  EXPECT_EQ(moved_saved->version, 2);
  EXPECT_EQ(moved_saved->agency_id, std::nullopt);
  EXPECT_EQ(moved_saved->members.size(), 2u);
  EXPECT_EQ(store().ListTeams("3578").size(), 4u);
  EXPECT_EQ(store().ListTeams("3578")[0].id, a1.id);  // the region's, decreed later
  moved.agency_id = agencies_[0];
  auto stale_team = store().UpdateTeam(moved, 1);
  ASSERT_FALSE(stale_team);
  EXPECT_EQ(stale_team.error().code, ErrorCode::kPreconditionFailed);
  EXPECT_EQ(store().FindTeam(a1.id)->agency_id, std::nullopt);
  EXPECT_EQ(store().DeleteTeam(a1.id, 1).error().code, ErrorCode::kPreconditionFailed);
  ASSERT_TRUE(store().DeleteTeam(a1.id, 2));
  EXPECT_FALSE(store().FindTeam(a1.id));
  EXPECT_EQ(store().DeleteTeam(a1.id, 2).error().code, ErrorCode::kNotFound);
  auto team_trail = AuditOf(store(), "team", std::to_string(a1.id));
  EXPECT_EQ(ActionsOf(team_trail), (std::vector<std::string>{"delete", "update", "create"}));
  ASSERT_EQ(team_trail.size(), 3u);
  EXPECT_EQ(nlohmann::json::parse(team_trail[2].after)["agency_id"], agencies_[1]);
  EXPECT_EQ(nlohmann::json::parse(team_trail[1].after)["agency_id"], nullptr);
  EXPECT_EQ(nlohmann::json::parse(team_trail[1].after)["members"][0]["role"], "chair");
  AuditQuery teams_audit;
  teams_audit.record_type = "team";
  EXPECT_EQ(store().ListAudit(teams_audit).size(), 7u);  // five created, one updated, one gone

  // Evaluations: one per innovation and year; recording again replaces it, and both are
  // audited.
  Evaluation evaluation;
  evaluation.innovation_id = posyandu.id;
  evaluation.year = 2026;
  evaluation.region_code = "3578";
  evaluation.progress = Progress::kNeedsAttention;
  evaluation.report = "Berjalan di tiga kelurahan.";
  evaluation.advice = "Perluas.";
  evaluation.user_id = 7;
  evaluation.actor_name = "fasil";
  evaluation.recorded_at = "2026-06-15T03:00:00Z";
  store().PutEvaluation(evaluation);
  Evaluation again = evaluation;
  again.progress = Progress::kStalled;
  again.report = "Terhenti: kader pindah.";
  again.user_id.reset();
  again.actor_name = "system";
  again.recorded_at = "2026-06-16T03:00:00Z";
  store().PutEvaluation(again);
  Evaluation earlier = evaluation;
  earlier.year = 2025;
  earlier.progress = Progress::kOnTrack;
  store().PutEvaluation(earlier);
  Evaluation other = evaluation;
  other.innovation_id = rapor.id;
  store().PutEvaluation(other);

  auto of = store().ListEvaluationsOf(posyandu.id);
  ASSERT_EQ(of.size(), 2u);  // the latest year first
  EXPECT_EQ(of[0].year, 2026);
  EXPECT_EQ(of[0].progress, Progress::kStalled);
  EXPECT_EQ(of[0].report, "Terhenti: kader pindah.");
  EXPECT_EQ(of[0].advice, "Perluas.");
  EXPECT_EQ(of[0].user_id, std::nullopt);
  EXPECT_EQ(of[0].actor_name, "system");
  EXPECT_EQ(of[0].region_code, "3578");
  EXPECT_EQ(of[0].recorded_at, "2026-06-16T03:00:00Z");
  EXPECT_EQ(of[1].year, 2025);
  EXPECT_EQ(of[1].progress, Progress::kOnTrack);
  EXPECT_EQ(of[1].user_id, 7);
  auto round = store().ListEvaluations("3578", 2026);
  ASSERT_EQ(round.size(), 2u);  // by innovation
  EXPECT_EQ(round[0].innovation_id, posyandu.id);
  EXPECT_EQ(round[1].innovation_id, rapor.id);
  EXPECT_EQ(store().ListEvaluations("3578", 2025).size(), 1u);
  EXPECT_TRUE(store().ListEvaluations("3578", 2024).empty());
  EXPECT_TRUE(store().ListEvaluations("3573", 2026).empty());
  auto evaluation_trail = AuditOf(store(), "evaluation", std::to_string(posyandu.id) + "/2026");
  EXPECT_EQ(ActionsOf(evaluation_trail), (std::vector<std::string>{"update", "create"}));
  ASSERT_EQ(evaluation_trail.size(), 2u);
  EXPECT_EQ(evaluation_trail[1].before, "");
  EXPECT_EQ(nlohmann::json::parse(evaluation_trail[1].after)["progress"], "needs_attention");
  EXPECT_EQ(nlohmann::json::parse(evaluation_trail[0].before)["progress"], "needs_attention");
  EXPECT_EQ(nlohmann::json::parse(evaluation_trail[0].after)["progress"], "stalled");
  EXPECT_EQ(evaluation_trail[0].region_code, "3578");
  EXPECT_EQ(ActionsOf(AuditOf(store(), "evaluation", std::to_string(posyandu.id) + "/2025")),
            std::vector<std::string>{"create"});

  // Since when and why an innovation runs goes in and out with the innovation.
  Innovation resting;
  resting.region_code = "3578";
  resting.agency_id = agencies_[1];
  resting.title = "Bank Sampah";
  resting.year = 2022;
  resting.continuation = Continuation::kDormant;
  resting.continuation_date = "2025-12-01";
  resting.continuation_reason = "Menunggu anggaran \"perubahan\".";
  auto created = registry_.CreateInnovation(resting);
  ASSERT_TRUE(created);
  auto read = store().FindInnovation(created->id);
  ASSERT_TRUE(read);
  EXPECT_EQ(read->continuation, Continuation::kDormant);
  EXPECT_EQ(read->continuation_date, "2025-12-01");
  EXPECT_EQ(read->continuation_reason, resting.continuation_reason);
  Innovation stopped = *read;
  stopped.continuation = Continuation::kStopped;
  stopped.continuation_date = "2026-06-01";
  stopped.continuation_reason = "Digantikan aplikasi provinsi.";
  ASSERT_TRUE(store().UpdateInnovation(stopped, read->version));
  read = store().FindInnovation(created->id);
  EXPECT_EQ(read->continuation, Continuation::kStopped);
  EXPECT_EQ(read->continuation_date, "2026-06-01");
  EXPECT_EQ(read->continuation_reason, "Digantikan aplikasi provinsi.");
  auto json = ToJson(*read);
  EXPECT_EQ(json["continuation_date"], "2026-06-01");
  EXPECT_EQ(json["continuation_reason"], "Digantikan aplikasi provinsi.");

  // Removing an innovation removes its evaluations, and nobody else's.
  ASSERT_TRUE(store().DeleteInnovation(posyandu.id, posyandu.version));
  EXPECT_TRUE(store().ListEvaluationsOf(posyandu.id).empty());
  EXPECT_EQ(store().ListEvaluations("3578", 2026).size(), 1u);
  EXPECT_EQ(store().ListEvaluationsOf(rapor.id).size(), 1u);
}

INSTANTIATE_TEST_SUITE_P(Backends, StoreContract, ::testing::Values("sqlite", "postgresql"),
                         [](const auto& info) { return info.param; });

}  // namespace
}  // namespace lumbung
