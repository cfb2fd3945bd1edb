// The records Lumbung keeps: regions (tenants), their agencies, and innovations.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "domain/enums.hpp"

namespace lumbung {

using Id = std::int64_t;
using Rupiah = std::int64_t;  // money is whole rupiah

// What a region asks of its agencies each year (Perwal Pasuruan 31/2018 Pasal 4, Perbup Bangka
// Barat 54/2024 Pasal 4): how many innovations, which ones count, and by when.
struct TargetRule {
  int count = 1;                                 // innovations each agency and BUMD delivers a year
  Maturity minimum_maturity = Maturity::kTrial;  // an idea alone does not count
  bool verified_only = true;       // only records the region verified (or published) count
  std::string deadline = "12-31";  // MM-DD: the day of each year by which the target is due
  bool per_echelon_iii = false;    // each Eselon III unit has the target too (Kota Batu 2023)

  bool operator==(const TargetRule&) const = default;
};

// A regional government (Pemda): the tenant every other record belongs to.
struct Region {
  std::string code;  // official code (kode wilayah): "35" province, "3578" city
  std::string name;  // "Kota Surabaya"
  RegionLevel level = RegionLevel::kCity;
  std::string parent_code;  // the province of a regency or city; empty for a province
  TimeZone time_zone = TimeZone::kWib;
  bool demo = false;                    // generated demonstration data, labelled as such everywhere
  std::string created_at;               // ISO 8601, UTC
  bool requires_head_approval = false;  // an agency head approves before the region verifies
  TargetRule target;
};

// A Perangkat Daerah, BUMD, UPTD or kecamatan, or one of their sub-units.
struct Agency {
  Id id = 0;
  std::string region_code;
  std::string name;
  std::string short_name;  // "Diskominfo"
  AgencyKind kind = AgencyKind::kRegionalAgency;
  std::optional<Id> parent_id;  // the agency a sub-unit belongs to
  std::optional<int> echelon;   // 2 (JPT Pratama) .. 4; the target may apply per Eselon III
  // How the public reaches the agency, for example to ask about replicating an innovation.
  // Institutional addresses only: a person's contact details never stand here.
  std::string address;
  std::string phone;
  std::string email;
  std::string website;
  std::int64_t version = 1;
  std::string created_at;
  std::string updated_at;
};

// One year's budget of an innovation.
struct BudgetLine {
  int year = 0;
  Rupiah amount = 0;
};

// An outside body an innovation works with.
struct Partner {
  std::string name;
  PartnerKind kind = PartnerKind::kOther;
};

// A supporting document or link.
struct Evidence {
  std::string title;
  std::string url;
};

// An innovation of a regional agency, with everything the regulations ask to document.
struct Innovation {
  Id id = 0;
  std::string region_code;
  Id agency_id = 0;
  std::string unit;  // the unit inside the agency that runs it (bidang, UPT)

  std::string title;    // nama inovasi
  std::string product;  // produk inovasi
  std::string summary;  // one paragraph, plain text, for lists and search results

  InitiatorKind initiator_kind = InitiatorKind::kAgency;
  std::string initiator_names;            // penggagas
  std::vector<std::string> team_members;  // names only; personal data lives elsewhere

  // Type and form may stay open while a draft is written; a submission needs both.
  std::optional<InnovationType> type;
  std::optional<Form> form;
  bool digital = false;
  std::string main_affair;                 // urusan pemerintahan utama
  std::vector<std::string> other_affairs;  // urusan lain yang beririsan
  std::vector<std::string> themes;

  Maturity maturity = Maturity::kInitiative;
  std::optional<int> year;                 // year the innovation started (tahun inisiasi)
  std::optional<int> implementation_year;  // tahun implementasi
  std::string trial_date;                  // ISO 8601 date or empty
  std::string implementation_date;         // ISO 8601 date or empty
  Stage stage = Stage::kDrumUp;

  // Narrative sections, Markdown.
  std::string description;                // deskripsi
  std::string background;                 // latar belakang dan masalah
  std::string design;                     // rancang bangun: legal basis, issue, method, novelty
  std::string goals;                      // tujuan
  std::string benefits;                   // manfaat
  std::string results;                    // hasil
  std::string drivers;                    // faktor pendorong
  std::string obstacles;                  // faktor penghambat
  std::string process_steps;              // tahapan proses
  std::string outputs;                    // output
  std::string outcomes;                   // outcome
  std::string replication_prerequisites;  // prasyarat replikasi

  std::vector<BudgetLine> budget;
  std::string video_url;
  std::string location;
  std::vector<Evidence> evidence;

  std::optional<Id> replicated_from;
  std::optional<ReplicationMethod> replication_method;
  std::vector<TransferKind> transfer_kinds;
  std::optional<TransferActivity> transfer_activity;  // what carried the transfer
  std::vector<Partner> partners;

  RecordStatus status = RecordStatus::kDraft;
  std::string rejection_reason;
  std::string approved_at;  // when the agency head approved the current submission
  Continuation continuation = Continuation::kActive;
  std::string continuation_date;    // ISO 8601: since when it runs, rests or has stopped
  std::string continuation_reason;  // why it rests or stopped

  std::string source;      // where the record came from, for imported records
  std::string source_ref;  // a stable key in that source ("lan:69"); makes imports idempotent

  std::int64_t version = 1;
  std::string created_at;
  std::string updated_at;
};

}  // namespace lumbung
