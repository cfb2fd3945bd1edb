#include "demo/demo.hpp"

#include <algorithm>
#include <vector>

#include "demo/catalogue.hpp"
#include "demo/composer.hpp"
#include "demo/programme.hpp"
#include "demo/random.hpp"
#include "domain/messages.hpp"

namespace lumbung::demo {
namespace {

// The year the demo's history starts: enough years for year-over-year figures and for old
// innovations to be replicated. A clock set earlier starts it in the clock's own year.
constexpr int kFirstDemoYear = 2021;

// The most innovations a demo gets teams, activities and evaluations for.
constexpr std::size_t kMaxProgrammeInnovations = 5000;

DemoSummary CountExisting(Store& store, const std::string& region_code) {
  DemoSummary summary;
  summary.region_code = region_code;
  summary.already_present = true;
  for (const auto& agency : store.ListAgencies(region_code)) {
    ++(agency.parent_id ? summary.units : summary.agencies);
  }
  InnovationQuery query;
  query.region_code = region_code;
  query.per_page = 1;
  summary.innovations = static_cast<int>(store.ListInnovations(query).total);
  return summary;
}

// The agency and starting year of every innovation to write, oldest first, so that a
// replication always comes after the innovation it copies.
std::vector<Slot> PlanInnovations(Random& random, std::size_t agencies, int requested,
                                  int first_year, int last_year) {
  // The programme grows every year, as it did in Kota Batu (23 innovations in 2022, 59 in
  // 2023), so later years weigh more.
  std::vector<int> year_weights;
  for (int year = first_year; year <= last_year; ++year) {
    year_weights.push_back(1 + year - first_year);
  }
  auto draw_year = [&] { return first_year + static_cast<int>(random.Weighted(year_weights)); };

  std::vector<Slot> slots;
  if (requested > 0) {
    slots.reserve(static_cast<std::size_t>(requested));
    for (int i = 0; i < requested; ++i) slots.push_back({random.Below(agencies), draw_year()});
  } else {
    for (std::size_t agency = 0; agency < agencies; ++agency) {
      for (int i = random.Between(3, 8); i > 0; --i) slots.push_back({agency, draw_year()});
    }
  }
  // Shuffling before the stable sort mixes the agencies within each year.
  random.Shuffle(slots);
  std::stable_sort(slots.begin(), slots.end(),
                   [](const Slot& a, const Slot& b) { return a.year < b.year; });
  return slots;
}

}  // namespace

Result<DemoSummary> LoadDemo(Store& store, Registry& registry, const DemoOptions& options) {
  if (options.innovations < 0 || options.innovations > kMaxDemoInnovations) {
    return msg::Invalid({msg::OutOfRange("innovations", 0, kMaxDemoInnovations)});
  }
  if (auto existing = store.FindRegion(options.region_code)) {
    if (!existing->demo) {
      return msg::Conflict(
          {"Kode wilayah " + options.region_code +
               " sudah dipakai wilayah yang bukan demo; pilih kode lain untuk data demo.",
           "Region code " + options.region_code +
               " belongs to a region that is not a demo; choose another code for the demo."});
    }
    return CountExisting(store, options.region_code);
  }

  // The region does not exist yet, so TodayIn uses Jakarta time, the demo city's own zone.
  const Date today = registry.TodayIn(options.region_code);
  Random random(options.seed);
  Transaction transaction(store);

  Region region;
  region.code = options.region_code;
  region.name = std::string(kCityName) + " (Demo)";
  region.level = RegionLevel::kCity;
  region.time_zone = TimeZone::kWib;
  region.demo = true;
  // The demo shows the whole workflow, the agency head's approval included.
  region.requires_head_approval = true;
  auto created_region = registry.CreateRegion(region);
  if (!created_region) return created_region.TakeError();

  DemoSummary summary;
  summary.region_code = options.region_code;
  std::vector<AgencyRef> agencies;
  for (std::size_t index = 0; index < Agencies().size(); ++index) {
    const AgencySpec& spec = Agencies()[index];
    Agency agency;
    agency.region_code = options.region_code;
    agency.name = std::string(spec.name);
    agency.short_name = std::string(spec.short_name);
    agency.kind = spec.kind;
    if (spec.echelon > 0) agency.echelon = spec.echelon;
    Contacts contacts = ContactsOf(index);
    agency.address = std::move(contacts.address);
    agency.phone = std::move(contacts.phone);
    agency.email = std::move(contacts.email);
    agency.website = std::move(contacts.website);
    auto created = registry.CreateAgency(agency);
    if (!created) return created.TakeError();
    agencies.push_back({&spec, created->id});
    ++summary.agencies;

    for (const UnitSpec& unit_spec : spec.units) {
      Agency unit;
      unit.region_code = options.region_code;
      unit.name = std::string(unit_spec.name);
      unit.short_name = std::string(unit_spec.short_name);
      unit.kind = spec.kind;
      unit.parent_id = created->id;
      unit.echelon = 3;
      // A bidang is reached through its agency's office.
      unit.address = created->address;
      unit.phone = created->phone;
      unit.email = created->email;
      unit.website = created->website;
      auto created_unit = registry.CreateAgency(unit);
      if (!created_unit) return created_unit.TakeError();
      ++summary.units;
    }
  }

  const int first_year = std::min(kFirstDemoYear, today.year);
  const auto slots =
      PlanInnovations(random, agencies.size(), options.innovations, first_year, today.year);
  std::vector<Id> agency_ids;
  for (const auto& agency : agencies) agency_ids.push_back(agency.id);
  // The programme draws from its own sequence, so that it leaves the innovations as they were.
  Random programme_random(options.seed + 1);
  std::vector<WrittenInnovation> written;
  Composer composer(random, options.region_code, today, std::move(agencies));
  for (const Slot& slot : slots) {
    Innovation innovation = composer.Compose(slot);
    SetContinuation(programme_random, today, innovation);
    auto created = registry.CreateInnovation(innovation);
    if (!created) return created.TakeError();
    composer.Created(created->id);
    written.push_back({created->id, created->agency_id, created->year.value_or(today.year),
                       InRound(*created), created->continuation});
    ++summary.innovations;
  }
  // A region's programme, not a benchmark's million innovations.
  if (written.size() <= kMaxProgrammeInnovations) {
    AddProgramme(store, programme_random, options.region_code, today, first_year, agency_ids,
                 written);
  }

  transaction.Commit();
  return summary;
}

}  // namespace lumbung::demo
