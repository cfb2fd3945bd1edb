// ImportInnovations and ExportInnovations on small files written here: the mapping of LAN's
// fields, agencies, idempotence, all-or-nothing, dry runs, every kind of bad input, and the
// lossless round trip of every field through both Lumbung formats.
#include <gtest/gtest.h>

#include <string>

#include "codec/json_codec.hpp"
#include "exchange/csv.hpp"
#include "exchange/exchange_fixture.hpp"
#include "exchange/importer.hpp"
#include "exchange/lumbung_format.hpp"

namespace lumbung::exchange {
namespace {

using testing::Describe;
using testing::ErrorFields;
using testing::FindError;
using testing::Workspace;

std::string Lines(const std::vector<Json>& records) {
  std::string text;
  for (const auto& record : records) text += record.dump() + "\n";
  return text;
}

// A LAN record as LAN's database has them, with made-up values.
Json LanRecord(int id, const std::string& title, const std::string& type = "Metode") {
  return {
      {"source_id", id},
      {"nama_inovasi", title},
      {"produk_inovasi", "Aplikasi  " + title},
      {"penggagas", "Kepala Dinas"},
      {"kelompok_inovator", "Provinsi / Kabupaten / Kota"},
      {"jenis_inovasi", type},
      {"kategori", nullptr},
      {"provinsi", "JAWA TIMUR"},
      {"kabkota", "KOTA SURABAYA"},
      {"nama_instansi", "Kota Surabaya"},
      {"unit_instansi", "Dinas Kesehatan"},
      {"tahun_inisiasi", 2012},
      {"tahun_implementasi", 2013},
      {"deskripsi_html", "<p>" + title + " melayani warga.&nbsp;Cepat &amp; mudah.</p>"},
      {"faktor_pendorong_html", "<ul>\r\n\t<li>Komitmen</li>\r\n\t<li>Dana</li>\r\n</ul>"},
      {"faktor_penghambat_html", nullptr},
      {"tahapan_proses_html", "<ol><li>Rancang</li><li>Uji</li></ol>"},
      {"output_html", "<p><strong>Aplikasi</strong></p>"},
      {"outcome_html", "<p>&lt;b&gt;Lebih cepat&lt;/b&gt;</p>"},
      {"manfaat_html", "<p>Hemat<br />\r\nwaktu</p>"},
      {"prasyarat_replikasi_html", "<p>&nbsp;</p>"},
      {"sumber", "Observasi langsung\t"},
      {"teknik_validasi", "Observasi"},
      {"status_terbit", "Terbit"},
      {"validasi", Json::array({{{"kategori", "Manfaat"}, {"validasi", "Output"}}})},
  };
}

// A Lumbung record with the fields a person writing one by hand would give.
Json LumbungRow(const std::string& title, const std::string& type = "process") {
  return {{"title", title},
          {"agency_name", "Dinas Kesehatan"},
          {"type", type},
          {"source_ref", "test:" + title}};
}

// An innovation's fields as two databases can share them: ids, versions and timestamps belong
// to one database, so links are compared by name and key instead.
Json Comparable(Store& store, const Innovation& innovation) {
  Json json = ToJson(innovation);
  for (const char* key :
       {"id", "agency_id", "replicated_from", "version", "created_at", "updated_at"}) {
    json.erase(key);
  }
  json["source_ref"] = ExportSourceRef(innovation);
  json["agency"] = store.FindAgency(innovation.agency_id)->name;
  if (innovation.replicated_from) {
    json["origin"] = ExportSourceRef(*store.FindInnovation(*innovation.replicated_from));
  }
  return json;
}

TEST(InnovationImportTest, MapsEveryLanField) {
  Workspace workspace;
  auto report = workspace.Import(Lines({LanRecord(69, "E-Surat", "Teknologi")}));
  ASSERT_TRUE(report) << Describe(report.error());
  EXPECT_EQ(report->format, "lan-jsonl");
  EXPECT_EQ(report->created, 1);
  EXPECT_EQ(report->agencies_created, 1);

  auto all = workspace.Innovations();
  ASSERT_EQ(all.size(), 1u);
  const Innovation& innovation = all[0];
  EXPECT_EQ(innovation.title, "E-Surat");
  EXPECT_EQ(innovation.product, "Aplikasi E-Surat");
  EXPECT_EQ(innovation.initiator_names, "Kepala Dinas");
  EXPECT_EQ(innovation.initiator_kind, InitiatorKind::kAgency);
  EXPECT_EQ(innovation.type, InnovationType::kTechnology);
  EXPECT_EQ(innovation.year, 2012);
  EXPECT_EQ(innovation.implementation_year, 2013);
  EXPECT_EQ(innovation.maturity, Maturity::kImplementation);
  EXPECT_EQ(innovation.status, RecordStatus::kPublished);
  EXPECT_EQ(innovation.location, "Kota Surabaya, Jawa Timur");
  EXPECT_EQ(innovation.source, "Observasi langsung");
  EXPECT_EQ(innovation.source_ref, "lan:69");
  EXPECT_EQ(innovation.description, "E-Surat melayani warga. Cepat \\& mudah.");
  EXPECT_EQ(innovation.summary, "E-Surat melayani warga. Cepat & mudah.");
  EXPECT_EQ(innovation.drivers, "- Komitmen\n- Dana");
  EXPECT_EQ(innovation.obstacles, "");
  EXPECT_EQ(innovation.process_steps, "1. Rancang\n2. Uji");
  EXPECT_EQ(innovation.outputs, "**Aplikasi**");
  EXPECT_EQ(innovation.outcomes, "\\<b>Lebih cepat\\</b>");
  EXPECT_EQ(innovation.benefits, "Hemat\nwaktu");
  EXPECT_EQ(innovation.replication_prerequisites, "");
  EXPECT_EQ(innovation.region_code, "3578");
  auto agency = workspace.store().FindAgency(innovation.agency_id);
  ASSERT_TRUE(agency);
  EXPECT_EQ(agency->name, "Dinas Kesehatan");
  EXPECT_EQ(agency->kind, AgencyKind::kRegionalAgency);
  EXPECT_EQ(innovation.created_at, "2026-06-15T03:00:00Z");
}

TEST(InnovationImportTest, LanGroupsStatusesAndMissingYears) {
  Workspace workspace;
  Json ngo = LanRecord(1, "Bank Sampah");
  ngo["kelompok_inovator"] = "LSM / NGO";
  ngo["status_terbit"] = "Draft";
  ngo["tahun_inisiasi"] = nullptr;
  ngo["tahun_implementasi"] = nullptr;
  ngo["provinsi"] = nullptr;
  ngo["kabkota"] = nullptr;
  ngo["unit_instansi"] = "";
  ngo["nama_instansi"] = "PT  Pelabuhan Contoh";
  ngo["penggagas"] = nullptr;
  auto report = workspace.Import(Lines({ngo}));
  ASSERT_TRUE(report) << Describe(report.error());
  auto all = workspace.Innovations();
  ASSERT_EQ(all.size(), 1u);
  EXPECT_EQ(all[0].initiator_kind, InitiatorKind::kCommunity);
  EXPECT_EQ(all[0].status, RecordStatus::kDraft);
  EXPECT_FALSE(all[0].year);
  EXPECT_FALSE(all[0].implementation_year);
  EXPECT_EQ(all[0].maturity, Maturity::kInitiative);
  EXPECT_EQ(all[0].location, "");
  EXPECT_EQ(all[0].initiator_names, "");
  auto agency = workspace.store().FindAgency(all[0].agency_id);
  EXPECT_EQ(agency->name, "PT Pelabuhan Contoh");  // nama_instansi when unit_instansi is empty
  EXPECT_EQ(agency->kind, AgencyKind::kRegionalCompany);
}

TEST(InnovationImportTest, EveryLanTypeMaps) {
  Workspace workspace;
  const std::pair<const char*, InnovationType> kTypes[] = {
      {"Proses", InnovationType::kProcess},
      {"Metode", InnovationType::kMethod},
      {"Produk", InnovationType::kProduct},
      {"Konseptual", InnovationType::kConceptual},
      {"Teknologi", InnovationType::kTechnology},
      {"Struktur Organisasi", InnovationType::kOrganizationalStructure},
      {"Hubungan", InnovationType::kRelationship},
      {"Sumber Daya Manusia", InnovationType::kHumanResources},
  };
  std::vector<Json> records;
  int id = 1;
  for (const auto& [lan, type] : kTypes) records.push_back(LanRecord(id++, lan, lan));
  auto report = workspace.Import(Lines(records));
  ASSERT_TRUE(report) << Describe(report.error());
  auto all = workspace.Innovations();
  ASSERT_EQ(all.size(), 8u);
  for (std::size_t i = 0; i < all.size(); ++i) EXPECT_EQ(all[i].type, kTypes[i].second);
}

TEST(InnovationImportTest, MatchesAgenciesByNameAndCreatesTheRestOnce) {
  Workspace workspace;
  Agency existing;
  existing.region_code = "3578";
  existing.name = "Dinas Kesehatan";
  auto agency = workspace.registry().CreateAgency(existing);
  ASSERT_TRUE(agency);

  std::vector<Json> rows;
  const char* names[] = {"DINAS  kesehatan", "PT Air Bersih", "pt air  bersih", "Kecamatan Genteng",
                         "UPT Puskesmas Ketabang"};
  int n = 0;
  for (const char* name : names) {
    Json row = LumbungRow("Inovasi " + std::to_string(++n));
    row["agency_name"] = name;
    rows.push_back(row);
  }
  auto report = workspace.Import(Lines(rows));
  ASSERT_TRUE(report) << Describe(report.error());
  EXPECT_EQ(report->format, "lumbung-jsonl");
  EXPECT_EQ(report->created, 5);
  EXPECT_EQ(report->agencies_created, 3);
  auto all = workspace.Innovations();
  EXPECT_EQ(all[0].agency_id, agency->id);
  EXPECT_EQ(all[1].agency_id, all[2].agency_id);
  EXPECT_EQ(workspace.store().FindAgency(all[1].agency_id)->kind, AgencyKind::kRegionalCompany);
  EXPECT_EQ(workspace.store().FindAgency(all[3].agency_id)->kind, AgencyKind::kDistrict);
  EXPECT_EQ(workspace.store().FindAgency(all[4].agency_id)->kind, AgencyKind::kTechnicalUnit);
}

TEST(InnovationImportTest, ASecondImportChangesNothingAndAChangedRowUpdates) {
  Workspace workspace;
  std::vector<Json> records = {LanRecord(1, "Satu"), LanRecord(2, "Dua"), LanRecord(3, "Tiga")};
  ASSERT_TRUE(workspace.Import(Lines(records)));

  auto again = workspace.Import(Lines(records));
  ASSERT_TRUE(again) << Describe(again.error());
  EXPECT_EQ(again->created, 0);
  EXPECT_EQ(again->updated, 0);
  EXPECT_EQ(again->unchanged, 3);
  EXPECT_EQ(again->agencies_created, 0);

  records[1]["nama_inovasi"] = "Dua Baru";
  records[1]["sumber"] = "Sumber lain";
  auto changed = workspace.Import(Lines(records));
  ASSERT_TRUE(changed) << Describe(changed.error());
  EXPECT_EQ(changed->updated, 1);
  EXPECT_EQ(changed->unchanged, 2);
  auto all = workspace.Innovations();
  ASSERT_EQ(all.size(), 3u);
  EXPECT_EQ(all[1].title, "Dua Baru");
  EXPECT_EQ(all[1].version, 2);
  // The source is set by the first import and stays.
  EXPECT_EQ(all[1].source, "Observasi langsung");
}

TEST(InnovationImportTest, ABadRowInTheMiddleImportsNothing) {
  Workspace workspace;
  std::vector<Json> rows = {LumbungRow("A"), LumbungRow("B"), LumbungRow("C", "unknown"),
                            LumbungRow("D"), LumbungRow("E")};
  rows[3]["agency_name"] = "Dinas Baru";
  auto report = workspace.Import(Lines(rows));
  ASSERT_FALSE(report);
  const Error& error = report.error();
  EXPECT_EQ(error.code, ErrorCode::kInvalid);
  ASSERT_EQ(error.fields.size(), 1u) << Describe(error);
  EXPECT_EQ(error.fields[0].field, "line 3: type");
  EXPECT_EQ(error.fields[0].code, "unknown_value");
  EXPECT_NE(error.fields[0].message.id.find("Nilai tidak dikenal"), std::string::npos);
  EXPECT_NE(error.fields[0].message.en.find("human_resources"), std::string::npos);
  EXPECT_FALSE(error.title.id.empty());
  EXPECT_FALSE(error.title.en.empty());
  EXPECT_TRUE(workspace.Innovations().empty());
  EXPECT_TRUE(workspace.store().ListAgencies("3578").empty());
}

TEST(InnovationImportTest, ABadLanRowNamesLansField) {
  Workspace workspace;
  auto report = workspace.Import(
      Lines({LanRecord(1, "A"), LanRecord(2, "B"), LanRecord(3, "C", "Ajaib"), LanRecord(4, "D")}));
  ASSERT_FALSE(report);
  EXPECT_EQ(ErrorFields(report.error()), std::vector<std::string>{"line 3: jenis_inovasi"});
  EXPECT_NE(report.error().fields[0].message.en.find("Sumber Daya Manusia"), std::string::npos);
  EXPECT_TRUE(workspace.Innovations().empty());
}

TEST(InnovationImportTest, ABadCsvRowImportsNothing) {
  Workspace workspace;
  std::string csv =
      "title,agency_name,type,source_ref\r\n"
      "A,Dinas Kesehatan,process,test:a\r\n"
      "B,Dinas Kesehatan,nonsense,test:b\r\n"
      "C,Dinas Kesehatan,method,test:c\r\n";
  auto report = workspace.Import(csv);
  ASSERT_FALSE(report);
  EXPECT_EQ(ErrorFields(report.error()), std::vector<std::string>{"line 3: type"});
  EXPECT_TRUE(workspace.Innovations().empty());
}

TEST(InnovationImportTest, ReportsEveryProblemAtOnce) {
  Workspace workspace;
  Json untitled = LumbungRow("");
  untitled["source_ref"] = "test:untitled";
  Json future = LumbungRow("Masa Depan");
  future["year"] = 2030;
  Json no_agency = LumbungRow("Tanpa Dinas");
  no_agency.erase("agency_name");
  Json wrong_kind = LumbungRow("Salah");
  wrong_kind["digital"] = "ya";
  auto report =
      workspace.Import(Lines({LumbungRow("Baik"), untitled, future, no_agency, wrong_kind}));
  ASSERT_FALSE(report);
  const Error& error = report.error();
  EXPECT_TRUE(FindError(error, "line 2: title")) << Describe(error);
  ASSERT_TRUE(FindError(error, "line 3: year")) << Describe(error);
  EXPECT_EQ(FindError(error, "line 3: year")->code, "in_future");
  EXPECT_TRUE(FindError(error, "line 4: agency_name")) << Describe(error);
  EXPECT_TRUE(FindError(error, "line 5: digital")) << Describe(error);
  EXPECT_TRUE(workspace.Innovations().empty());
}

TEST(InnovationImportTest, InvalidUtf8NamesTheLineAndField) {
  Workspace workspace;
  std::string bad_title = "{\"title\":\"Caf\xE9\",\"agency_name\":\"Dinas\"}\n";
  auto report = workspace.Import(Lines({LumbungRow("A")}) + bad_title);
  ASSERT_FALSE(report);
  EXPECT_EQ(ErrorFields(report.error()), std::vector<std::string>{"line 2: title"});
  EXPECT_EQ(report.error().fields[0].code, "bad_encoding");

  std::string lan = LanRecord(1, "A").dump();
  lan.replace(lan.find("Kepala Dinas"), 6, "Kep\xC3\x28la");
  report = workspace.Import(lan + "\n");
  ASSERT_FALSE(report);
  EXPECT_EQ(ErrorFields(report.error()), std::vector<std::string>{"line 1: penggagas"});

  report = workspace.Import(
      "title,agency_name\nA,Dinas\nB,Din\xFF"
      "as\n");
  ASSERT_FALSE(report);
  EXPECT_EQ(ErrorFields(report.error()), std::vector<std::string>{"line 3: agency_name"});
  EXPECT_TRUE(workspace.Innovations().empty());
}

TEST(InnovationImportTest, ALineOverOneMebibyteNamesTheLine) {
  Workspace workspace;
  Json huge = LumbungRow("Besar");
  huge["description"] = std::string(kMaxLineBytes, 'x');
  auto report = workspace.Import(Lines({LumbungRow("A"), huge, LumbungRow("C")}));
  ASSERT_FALSE(report);
  EXPECT_EQ(ErrorFields(report.error()), std::vector<std::string>{"line 2"});
  EXPECT_EQ(report.error().fields[0].code, "line_too_long");
  EXPECT_TRUE(workspace.Innovations().empty());

  std::string csv =
      "title,agency_name,description\nA,Dinas,\"" + std::string(kMaxLineBytes, 'y') + "\"\n";
  report = workspace.Import(csv);
  ASSERT_FALSE(report);
  EXPECT_EQ(ErrorFields(report.error()), std::vector<std::string>{"line 2"});
}

TEST(InnovationImportTest, JsonSyntaxErrorsNameTheLine) {
  Workspace workspace;
  auto report = workspace.Import(Lines({LumbungRow("A")}) + "{\"title\": \"B\",}\n[1, 2]\n");
  ASSERT_FALSE(report);
  EXPECT_EQ(ErrorFields(report.error()), (std::vector<std::string>{"line 2", "line 3"}));
  EXPECT_EQ(report.error().fields[0].code, "bad_json");
  EXPECT_EQ(report.error().fields[1].code, "wrong_type");
}

TEST(InnovationImportTest, CsvHeaderAndCellProblems) {
  Workspace workspace;
  auto report = workspace.Import("title,colour\nA,red\n");
  ASSERT_FALSE(report);
  EXPECT_EQ(ErrorFields(report.error()), std::vector<std::string>{"line 1: colour"});

  report = workspace.Import("\n\nname,kind\nA,b\n");
  ASSERT_FALSE(report);
  EXPECT_EQ(ErrorFields(report.error()), std::vector<std::string>{"line 3"});
  EXPECT_EQ(report.error().fields[0].code, "unknown_format");

  report = workspace.Import(
      "title,agency_name,themes,year\nA,Dinas,[oops,2020\nB,Dinas\n"
      "C,Dinas,[],tahun\n");
  ASSERT_FALSE(report);
  EXPECT_EQ(ErrorFields(report.error()),
            (std::vector<std::string>{"line 2: themes", "line 3", "line 4: year"}));
  EXPECT_TRUE(workspace.Innovations().empty());
}

TEST(InnovationImportTest, DuplicateKeysAndMissingOrigins) {
  Workspace workspace;
  Json replica = LumbungRow("Salinan");
  replica["replicated_from_ref"] = "test:tidak-ada";
  replica["replication_method"] = "adaptation";
  auto report = workspace.Import(Lines({LumbungRow("A"), replica, LumbungRow("A")}));
  ASSERT_FALSE(report);
  const Error& error = report.error();
  ASSERT_TRUE(FindError(error, "line 3: source_ref")) << Describe(error);
  EXPECT_NE(FindError(error, "line 3: source_ref")->message.en.find("Line 1"), std::string::npos);
  EXPECT_TRUE(FindError(error, "line 2: replicated_from_ref")) << Describe(error);
}

TEST(InnovationImportTest, AnUnknownRegionIsRefused) {
  Workspace workspace;
  auto report = workspace.Import(Lines({LumbungRow("A")}), false, "9999");
  ASSERT_FALSE(report);
  EXPECT_EQ(report.error().code, ErrorCode::kNotFound);
  EXPECT_EQ(ErrorFields(report.error()), std::vector<std::string>{"region_code"});
  EXPECT_NE(report.error().title.en.find("9999"), std::string::npos);

  std::ostringstream out;
  auto status = ExportInnovations(workspace.store(), "9999", ExportFormat::kJsonl, out);
  ASSERT_FALSE(status);
  EXPECT_EQ(status.error().code, ErrorCode::kNotFound);
}

TEST(InnovationImportTest, EmptyInputImportsNothing) {
  Workspace workspace;
  for (const char* empty : {"", "\n\r\n  \n", "\xEF\xBB\xBF"}) {
    auto report = workspace.Import(empty);
    ASSERT_TRUE(report) << Describe(report.error());
    EXPECT_EQ(report->records, 0);
    EXPECT_EQ(report->created, 0);
  }
}

TEST(InnovationImportTest, ADryRunCountsButWritesNothing) {
  Workspace workspace;
  std::string file = Lines({LanRecord(1, "Satu"), LanRecord(2, "Dua")});
  auto dry = workspace.Import(file, /*dry_run=*/true);
  ASSERT_TRUE(dry) << Describe(dry.error());
  EXPECT_TRUE(dry->dry_run);
  EXPECT_EQ(dry->created, 2);
  EXPECT_EQ(dry->agencies_created, 1);
  EXPECT_TRUE(workspace.Innovations().empty());
  EXPECT_TRUE(workspace.store().ListAgencies("3578").empty());

  auto real = workspace.Import(file);
  ASSERT_TRUE(real);
  EXPECT_FALSE(real->dry_run);
  EXPECT_EQ(real->created, 2);
  EXPECT_EQ(workspace.Innovations().size(), 2u);

  auto dry_again = workspace.Import(file, /*dry_run=*/true);
  ASSERT_TRUE(dry_again);
  EXPECT_EQ(dry_again->unchanged, 2);
}

TEST(InnovationImportTest, AFailureWhileWritingLeavesTheDatabaseAsItWas) {
  Workspace workspace;
  ASSERT_TRUE(workspace.Import(Lines({LanRecord(1, "Sudah Ada")})));
  auto before = workspace.Export(ExportFormat::kJsonl);

  // Two new rows that replicate each other pass every check a row can have on its own; the
  // circle shows only while writing, after a new agency and other rows were written.
  Json first = LumbungRow("Pertama");
  first["agency_name"] = "Dinas Baru";
  first["replicated_from_ref"] = "test:Kedua";
  Json second = LumbungRow("Kedua");
  second["replicated_from_ref"] = "test:Pertama";
  auto report = workspace.Import(Lines({LumbungRow("Lain"), first, second}));
  ASSERT_FALSE(report);
  EXPECT_EQ(ErrorFields(report.error()), (std::vector<std::string>{"line 2: replicated_from_ref",
                                                                   "line 3: replicated_from_ref"}));
  EXPECT_EQ(workspace.Export(ExportFormat::kJsonl), before);
  EXPECT_FALSE(workspace.store().FindAgencyByName("3578", "Dinas Baru"));
  EXPECT_EQ(workspace.Innovations().size(), 1u);
}

TEST(InnovationImportTest, ReplicationsFollowTheirOriginalsByKey) {
  Workspace workspace;
  // The replica comes first in the file; its original is written before it all the same.
  Json replica = LumbungRow("Salinan");
  replica["replicated_from_ref"] = "test:Asli";
  replica["replication_method"] = "modification";
  replica["transfer_kinds"] = {"technical", "managerial"};
  auto report = workspace.Import(Lines({replica, LumbungRow("Asli")}));
  ASSERT_TRUE(report) << Describe(report.error());
  auto all = workspace.Innovations();
  ASSERT_EQ(all.size(), 2u);
  EXPECT_EQ(all[0].title, "Asli");
  EXPECT_EQ(all[1].replicated_from, all[0].id);

  auto again = workspace.Import(Lines({replica, LumbungRow("Asli")}));
  ASSERT_TRUE(again) << Describe(again.error());
  EXPECT_EQ(again->unchanged, 2);
}

// An innovation with every field the model has set.
Innovation Everything(Id agency_id) {
  Innovation i;
  i.region_code = "3578";
  i.agency_id = agency_id;
  i.unit = "Bidang Pelayanan";
  i.title = "Layanan \"Semua\" Isian, lengkap";
  i.product = "Aplikasi, papan, dan buku";
  i.summary = "Ringkasan satu paragraf.";
  i.initiator_kind = InitiatorKind::kCivilServant;
  i.initiator_names = "Ani; Budi";
  i.team_members = {"Ani", "Budi, S.T.", "Citra \"CC\""};
  i.type = InnovationType::kRelationship;
  i.form = Form::kPublicService;
  i.digital = true;
  i.main_affair = "Kesehatan";
  i.other_affairs = {"Sosial", "Kependudukan"};
  i.themes = {"stunting"};
  i.maturity = Maturity::kTrial;
  i.year = 2020;
  i.implementation_year = 2021;
  i.trial_date = "2020-03-17";
  i.implementation_date = "2021-01-04";
  i.stage = Stage::kDeliver;
  i.description = "Baris satu\nbaris dua, \"dikutip\"\r\n\n- butir\n\\<b>";
  i.background = "Latar";
  i.design = "Rancang";
  i.goals = "Tujuan";
  i.benefits = "Manfaat";
  i.results = "Hasil";
  i.drivers = "Pendorong";
  i.obstacles = "Penghambat";
  i.process_steps = "1. Satu\n2. Dua";
  i.outputs = "Output";
  i.outcomes = "Outcome";
  i.replication_prerequisites = "Prasyarat";
  i.budget = {{2020, 150'000'000}, {2021, 0}};
  i.video_url = "https://video.example/v?id=1&t=2";
  i.location = "Kelurahan Ketabang";
  i.evidence = {{"SK Wali Kota", "https://example.go.id/sk.pdf"}};
  i.partners = {{"Universitas Contoh", PartnerKind::kUniversity}, {"LSM", PartnerKind::kNgo}};
  i.status = RecordStatus::kRejected;
  i.rejection_reason = "Lengkapi bukti.";
  i.continuation = Continuation::kDormant;
  i.source = "Ditulis tangan";
  return i;
}

TEST(InnovationRoundTripTest, EveryFieldSurvivesBothFormats) {
  Workspace origin;
  Agency agency;
  agency.region_code = "3578";
  agency.name = "Dinas Kesehatan";
  auto created_agency = origin.registry().CreateAgency(agency);
  ASSERT_TRUE(created_agency);
  auto original = origin.registry().CreateInnovation(Everything(created_agency->id));
  ASSERT_TRUE(original) << Describe(original.error());
  Innovation copy = Everything(created_agency->id);
  copy.title = "Replikasi";
  copy.replicated_from = original->id;
  copy.replication_method = ReplicationMethod::kAdaptation;
  copy.transfer_kinds = {TransferKind::kInformation, TransferKind::kTechnical};
  copy.status = RecordStatus::kDraft;
  copy.rejection_reason.clear();
  copy.type.reset();
  copy.form.reset();
  copy.year.reset();
  ASSERT_TRUE(origin.registry().CreateInnovation(copy));
  auto origin_records = origin.Innovations();

  for (ExportFormat format : {ExportFormat::kJsonl, ExportFormat::kCsv}) {
    SCOPED_TRACE(format == ExportFormat::kJsonl ? "JSON lines" : "CSV");
    std::string first_export = origin.Export(format);
    Workspace target;
    auto report = target.Import(first_export);
    ASSERT_TRUE(report) << Describe(report.error());
    EXPECT_EQ(report->format, format == ExportFormat::kJsonl ? "lumbung-jsonl" : "lumbung-csv");
    EXPECT_EQ(report->created, 2);
    EXPECT_EQ(report->agencies_created, 1);
    EXPECT_EQ(target.Export(format), first_export);

    auto target_records = target.Innovations();
    ASSERT_EQ(target_records.size(), origin_records.size());
    for (std::size_t i = 0; i < origin_records.size(); ++i) {
      EXPECT_EQ(Comparable(target.store(), target_records[i]),
                Comparable(origin.store(), origin_records[i]));
    }
    // Records without a key get "lumbung:<region>:<id>", which the target keeps.
    EXPECT_EQ(target_records[0].source_ref, "lumbung:3578:" + std::to_string(original->id));

    auto again = target.Import(first_export);
    ASSERT_TRUE(again) << Describe(again.error());
    EXPECT_EQ(again->unchanged, 2);
    // Back into the database it came from, the export finds its own records again.
    auto home = origin.Import(first_export);
    ASSERT_TRUE(home) << Describe(home.error());
    EXPECT_EQ(home->unchanged, 2);
    EXPECT_EQ(home->created, 0);
    EXPECT_EQ(origin.Innovations().size(), 2u);
  }
}

TEST(InnovationRoundTripTest, ExportWritesTheDocumentedShape) {
  Workspace workspace;
  ASSERT_TRUE(workspace.Import(Lines({LanRecord(5, "Lima")})));
  std::string jsonl = workspace.Export(ExportFormat::kJsonl);
  ASSERT_FALSE(jsonl.empty());
  EXPECT_EQ(jsonl.back(), '\n');
  Json record = Json::parse(jsonl);
  EXPECT_EQ(record["agency_name"], "Dinas Kesehatan");
  EXPECT_EQ(record["source_ref"], "lan:5");
  EXPECT_EQ(record["replicated_from_ref"], "");
  for (const auto& field : InnovationJsonFields()) EXPECT_TRUE(record.contains(field)) << field;

  std::string csv = workspace.Export(ExportFormat::kCsv);
  std::string header = csv.substr(0, csv.find("\r\n"));
  EXPECT_TRUE(header.starts_with("id,region_code,agency_id,agency_name,unit,title,")) << header;
  EXPECT_NE(header.find(",replicated_from,replicated_from_region,replicated_from_ref,"),
            std::string::npos);
}

}  // namespace
}  // namespace lumbung::exchange
