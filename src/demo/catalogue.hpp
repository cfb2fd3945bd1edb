// The words the demo generator builds its fictional city from: agencies, the public services
// each sector runs, ways of innovating, partners and people. All of it is written for Lumbung;
// place names and organisations are invented, laws and ministries are the real national ones.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "domain/enums.hpp"

namespace lumbung::demo {

// The fictional city, without the "(Demo)" label that the region's record name carries.
inline constexpr std::string_view kCityName = "Kota Lumbung Sejahtera";

// The fields of government the demo's agencies work in; each has its own vocabulary.
enum class SectorId {
  kHealth,
  kEducation,
  kCivilRegistry,
  kInvestment,
  kPlanning,
  kFinance,
  kPersonnel,
  kGovernance,
  kPublicWorks,
  kPublicOrder,
  kSocial,
  kLabour,
  kWomenAndChildren,
  kEnvironment,
  kTransport,
  kInformatics,
  kSmallBusiness,
  kTrade,
  kTourismAndSport,
  kLibrary,
  kAgriculture,
  kLocalAdministration,  // kecamatan
  kWater,
};

// How many sectors there are.
inline constexpr std::size_t kSectorCount = static_cast<std::size_t>(SectorId::kWater) + 1;

// What kind of service an innovation improves; it decides which ways of innovating fit.
enum class ServiceKind {
  kDocument,   // a citizen applies for a document, permit or payment
  kOutreach,   // a programme that reaches people one by one (immunisation, mentoring)
  kCommunity,  // a programme run with groups of residents (waste banks, musrenbang)
  kResponse,   // reports the government answers (broken roads, fires, complaints)
  kInternal,   // a back-office process of the government itself
};

// A public service an innovation improves: its name in title case, the problem that prompted
// the innovation (a clause that continues "Sebelum inovasi ini berjalan, "), the share that
// measures it (a noun phrase that takes a percentage), and the groups and places it reaches.
struct Service {
  std::string_view name;
  ServiceKind kind;
  std::string_view problem;
  std::string_view measure;
  std::vector<std::string_view> targets;  // title case: "Ibu Hamil"
  std::vector<std::string_view> places;   // title case: "Posyandu"
};

// A named innovation as regions like to brand them: the index of the sector's service it
// serves and the key of the method it uses.
struct Brand {
  std::string_view title;
  std::size_t service;
  std::string_view method;
};

// What one sector's innovations talk about.
struct Sector {
  std::string_view affair;  // urusan pemerintahan, UU 23/2014
  std::vector<std::string_view> other_affairs;
  std::vector<std::string_view> themes;
  std::string_view law;  // the national rule the sector's innovations rest on
  Form form;             // the form most of its innovations take
  std::vector<Service> services;
  std::vector<Brand> brands;
};

// An Eselon III sub-unit (bidang, bagian) of an agency.
struct UnitSpec {
  std::string_view name;
  std::string_view short_name;
};

// One of the demo city's agencies and BUMD.
struct AgencySpec {
  std::string_view name;
  std::string_view short_name;
  AgencyKind kind;
  int echelon;  // 0 for a BUMD, which stands outside the civil-service echelons
  SectorId sector;
  std::vector<UnitSpec> units;
};

// A way of innovating, tied to one of the eight types and to the kinds of service it suits.
// Its texts hold slots that the generator fills: {Service}, {Target}, {Place} in title
// case for titles; {service}, {target}, {place}, {short}, {city} in running text.
struct Method {
  std::string_view key;  // names the method in Brand::method
  InnovationType type;
  std::vector<ServiceKind> fits;
  bool digital;
  std::string_view title;
  std::string_view product;
  std::string_view how;
  std::string_view novelty;
  std::string_view output;
  std::vector<std::string_view> steps;
};

// An outside body an innovation works with.
struct PartnerSpec {
  std::string_view name;
  PartnerKind kind;
};

// A kelurahan of the city and the kecamatan it lies in.
struct Village {
  std::string_view name;
  std::string_view district;
};

// The 40 agencies and BUMD of the demo city, parents before their sub-units.
const std::vector<AgencySpec>& Agencies();

// How the public reaches one of the demo agencies: its office, not a person. Every address
// is in the demo city, the phone numbers are made up, and mail and web go to domains under
// .example, which is reserved and never reaches anyone (RFC 2606).
struct Contacts {
  std::string address;
  std::string phone;
  std::string email;
  std::string website;
};

// The contacts of Agencies()[index]; the same index always gives the same contacts.
Contacts ContactsOf(std::size_t index);

// The vocabulary of a sector.
const Sector& SectorOf(SectorId id);

// The ways of innovating: for every type, at least one that suits each kind of service.
const std::vector<Method>& Methods();

// The city's kelurahan.
const std::vector<Village>& Villages();

// Partners an innovation may name.
const std::vector<PartnerSpec>& Partners();

// Pieces of people's names, and the academic degrees that follow some of them.
const std::vector<std::string_view>& GivenNames();
const std::vector<std::string_view>& FamilyNames();
const std::vector<std::string_view>& Degrees();

// Strategic issues an innovation's design refers to.
const std::vector<std::string_view>& Issues();

// Sentences for the drivers, obstacles and replication prerequisites of an innovation.
const std::vector<std::string_view>& Drivers();
const std::vector<std::string_view>& Obstacles();
const std::vector<std::string_view>& Prerequisites();
const std::vector<std::string_view>& DigitalPrerequisites();

// Reasons the region's team gives when it sends a submission back.
const std::vector<std::string_view>& RejectionReasons();

// Units named on innovations of agencies that have no sub-unit records, by agency kind.
const std::vector<std::string_view>& GenericUnits(AgencyKind kind);

}  // namespace lumbung::demo
