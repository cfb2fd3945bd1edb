#include "demo/composer.hpp"

#include <algorithm>
#include <chrono>
#include <tuple>
#include <utility>

namespace lumbung::demo {
namespace {

// The sectors whose front-office services a kecamatan takes over in its own area.
constexpr std::array<SectorId, 6> kDistrictModels = {
    SectorId::kCivilRegistry, SectorId::kInvestment,       SectorId::kSocial,
    SectorId::kInformatics,   SectorId::kWomenAndChildren, SectorId::kLocalAdministration};

constexpr std::string_view kDigitalTheme = "Digitalisasi";

constexpr std::array<std::string_view, 12> kMonthNames = {
    "Januari", "Februari", "Maret",     "April",   "Mei",      "Juni",
    "Juli",    "Agustus",  "September", "Oktober", "November", "Desember"};

// Weights of draft, submitted, verified, published, rejected, archived: a new innovation is
// still on its way through the workflow, an old one is mostly published or retired.
constexpr std::array<std::array<int, 6>, 3> kStatusWeights = {{
    {20, 15, 10, 45, 10, 0},
    {5, 5, 5, 75, 6, 4},
    {2, 1, 2, 80, 5, 10},
}};
// Weights of initiative, trial and implementation by the same age.
constexpr std::array<std::array<int, 3>, 3> kMaturityWeights = {{
    {45, 35, 20},
    {15, 35, 50},
    {5, 15, 80},
}};
// Weights of the five stages for each maturity: the clinic's stages follow the innovation's
// own progress, so an idea is being diagnosed or designed and a running one is delivered or
// displayed.
constexpr std::array<std::array<int, 5>, 3> kStageWeights = {{
    {30, 40, 30, 0, 0},
    {0, 0, 30, 70, 0},
    {0, 0, 0, 55, 45},
}};
// Weights of head of region, DPRD member, agency, civil servant, community.
constexpr std::array<int, 5> kInitiatorWeights = {10, 4, 50, 28, 8};

std::chrono::sys_days ToDays(const Date& date) {
  return std::chrono::year_month_day{std::chrono::year{date.year},
                                     std::chrono::month{static_cast<unsigned>(date.month)},
                                     std::chrono::day{static_cast<unsigned>(date.day)}};
}

Date FromDays(std::chrono::sys_days days) {
  std::chrono::year_month_day ymd{days};
  return Date{static_cast<int>(ymd.year()), static_cast<int>(static_cast<unsigned>(ymd.month())),
              static_cast<int>(static_cast<unsigned>(ymd.day()))};
}

// "3 Maret 2024".
std::string SpellDate(const Date& date) {
  return std::to_string(date.day) + " " + std::string(kMonthNames[date.month - 1]) + " " +
         std::to_string(date.year);
}

// The form a title-case name takes inside a sentence: capitalised words are lowercased, while
// acronyms such as KTP, UMKM or RT/RW keep their capitals.
std::string Prose(std::string_view name) {
  std::string text(name);
  bool word_start = true;
  for (std::size_t i = 0; i < text.size(); ++i) {
    char c = text[i];
    if (word_start && c >= 'A' && c <= 'Z') {
      std::size_t end = text.find(' ', i);
      if (end == std::string::npos) end = text.size();
      bool acronym = std::any_of(text.begin() + static_cast<std::ptrdiff_t>(i) + 1,
                                 text.begin() + static_cast<std::ptrdiff_t>(end),
                                 [](char other) { return other >= 'A' && other <= 'Z'; });
      if (!acronym) text[i] = static_cast<char>(c - 'A' + 'a');
    }
    word_start = c == ' ';
  }
  return text;
}

std::string Capitalize(std::string text) {
  if (!text.empty() && text[0] >= 'a' && text[0] <= 'z') text[0] = static_cast<char>(text[0] - 32);
  return text;
}

// A URL path segment for a title: lowercase ASCII letters and digits joined by hyphens.
std::string Slug(std::string_view title) {
  std::string slug;
  for (char c : title) {
    bool letter = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
    if (c >= 'A' && c <= 'Z') {
      c = static_cast<char>(c - 'A' + 'a');
      letter = true;
    }
    if (letter) {
      slug += c;
    } else if (!slug.empty() && slug.back() != '-') {
      slug += '-';
    }
    if (slug.size() >= 60) break;
  }
  while (!slug.empty() && slug.back() == '-') slug.pop_back();
  return slug;
}

// Named values for the catalogue's "{name}" slots.
class Vars {
 public:
  void Set(std::string_view name, std::string value) {
    for (auto& [key, current] : values_) {
      if (key == name) {
        current = std::move(value);
        return;
      }
    }
    values_.emplace_back(name, std::move(value));
  }

  // `pattern` with every known slot replaced; unknown ones stay as written, which the
  // demo's tests look for.
  std::string Fill(std::string_view pattern) const {
    std::string text;
    text.reserve(pattern.size() + 64);
    std::size_t at = 0;
    while (at < pattern.size()) {
      std::size_t open = pattern.find('{', at);
      std::size_t close = open == std::string_view::npos ? open : pattern.find('}', open);
      if (close == std::string_view::npos) {
        text.append(pattern.substr(at));
        break;
      }
      text.append(pattern.substr(at, open - at));
      std::string_view name = pattern.substr(open + 1, close - open - 1);
      const std::string* value = Find(name);
      text.append(value ? std::string_view(*value) : pattern.substr(open, close - open + 1));
      at = close + 1;
    }
    return text;
  }

 private:
  const std::string* Find(std::string_view name) const {
    for (const auto& [key, value] : values_) {
      if (key == name) return &value;
    }
    return nullptr;
  }

  std::vector<std::pair<std::string_view, std::string>> values_;
};

std::string Bullets(const std::vector<std::string_view>& lines) {
  std::string text;
  for (auto line : lines) {
    if (!text.empty()) text += '\n';
    text += "- ";
    text += line;
  }
  return text;
}

// "12.345": Indonesian groups thousands with dots.
std::string Count(int number) {
  std::string digits = std::to_string(number);
  for (int at = static_cast<int>(digits.size()) - 3; at > 0; at -= 3) {
    digits.insert(static_cast<std::size_t>(at), ".");
  }
  return digits;
}

std::size_t AgeBand(int age) { return static_cast<std::size_t>(std::clamp(age, 0, 2)); }

}  // namespace

Composer::Composer(Random& random, std::string region_code, Date today,
                   std::vector<AgencyRef> agencies)
    : random_(random),
      region_code_(std::move(region_code)),
      today_(today),
      agencies_(std::move(agencies)) {}

InnovationType Composer::NextType() {
  // Dealing types from a shuffled deck spreads all eight evenly even over a few records.
  if (type_deck_.empty()) {
    for (int i = 0; i < 8; ++i) type_deck_.push_back(static_cast<InnovationType>(i));
    random_.Shuffle(type_deck_);
  }
  InnovationType type = type_deck_.back();
  type_deck_.pop_back();
  return type;
}

std::size_t Composer::MethodByKey(std::string_view key) {
  const auto& methods = Methods();
  for (std::size_t i = 0; i < methods.size(); ++i) {
    if (methods[i].key == key) return i;
  }
  // The catalogue's own tests name every brand's method, so this is never reached; the first
  // method still makes a valid record.
  return 0;
}

std::string Composer::Person() {
  std::string name =
      std::string(random_.Pick(GivenNames())) + " " + std::string(random_.Pick(FamilyNames()));
  if (random_.Percent(60)) name += ", " + std::string(random_.Pick(Degrees()));
  return name;
}

std::string Composer::PickVillage(const AgencyRef& agency) {
  const auto& villages = Villages();
  if (agency.spec->kind == AgencyKind::kDistrict) {
    // A kecamatan works in its own kelurahan: its name ends with the district's name.
    std::vector<const Village*> own;
    for (const auto& village : villages) {
      if (agency.spec->name.ends_with(village.district)) own.push_back(&village);
    }
    if (!own.empty()) {
      const auto* village = random_.Pick(own);
      return "Kelurahan " + std::string(village->name) + ", Kecamatan " +
             std::string(village->district);
    }
  }
  const auto& village = random_.Pick(villages);
  return "Kelurahan " + std::string(village.name) + ", Kecamatan " + std::string(village.district);
}

Date Composer::DayIn(int year) {
  auto first = ToDays(Date{year, 1, 1});
  auto last = std::min(ToDays(Date{year, 12, 31}), ToDays(today_));
  auto span = static_cast<std::size_t>((last - first).count() + 1);
  return FromDays(first + std::chrono::days{static_cast<int>(random_.Below(span))});
}

bool Composer::ChooseReplication(const Slot& slot, Choice& choice) {
  const AgencyRef& agency = agencies_[slot.agency];
  // A kecamatan copies front-office services of the city's agencies and of other kecamatan;
  // other agencies copy their peers in the same sector, as puskesmas copy one another.
  const auto& pool = agency.spec->kind == AgencyKind::kDistrict
                         ? district_origins_
                         : origins_by_sector_[static_cast<std::size_t>(agency.spec->sector)];
  if (pool.empty()) return false;
  for (int attempt = 0; attempt < 4; ++attempt) {
    const Origin& origin = origins_[random_.Pick(pool)];
    if (origin.agency == slot.agency) continue;
    std::string title = origin.title + " (Replikasi " + std::string(agency.spec->short_name) + ")";
    if (titles_.contains(title)) continue;
    choice.sector = origin.sector;
    choice.service = origin.service;
    choice.method = origin.method;
    choice.target = origin.target;
    choice.place = origin.place;
    choice.title = std::move(title);
    choice.origin = &origin;
    return true;
  }
  return false;
}

bool Composer::ChooseBrand(SectorId sector, Choice& choice) {
  const auto& brands = SectorOf(sector).brands;
  std::vector<std::size_t> unused;
  for (std::size_t i = 0; i < brands.size(); ++i) {
    if (!brands_used_.contains({sector, i})) unused.push_back(i);
  }
  if (unused.empty()) return false;
  std::size_t index = random_.Pick(unused);
  brands_used_.insert({sector, index});
  const Brand& brand = brands[index];
  const Service& service = SectorOf(sector).services[brand.service];
  choice.sector = sector;
  choice.service = brand.service;
  choice.method = MethodByKey(brand.method);
  choice.target = random_.Below(service.targets.size());
  choice.place = random_.Below(service.places.size());
  choice.title = std::string(brand.title);
  return true;
}

void Composer::ChooseFromMethod(SectorId sector, Choice& choice) {
  const Sector& words = SectorOf(sector);
  const auto& methods = Methods();
  InnovationType type = NextType();
  // Pairs of a method of this type and a service it suits. Every type has a method for every
  // kind of service, so the list is empty only for a sector without services of that kind.
  std::vector<std::pair<std::size_t, std::size_t>> pairs;
  for (std::size_t m = 0; m < methods.size(); ++m) {
    if (methods[m].type != type) continue;
    for (std::size_t s = 0; s < words.services.size(); ++s) {
      const auto& fits = methods[m].fits;
      if (std::find(fits.begin(), fits.end(), words.services[s].kind) != fits.end()) {
        pairs.emplace_back(m, s);
      }
    }
  }
  if (pairs.empty()) {
    for (std::size_t m = 0; m < methods.size(); ++m) {
      if (methods[m].type != type) continue;
      for (std::size_t s = 0; s < words.services.size(); ++s) pairs.emplace_back(m, s);
    }
  }
  choice.sector = sector;
  // Titles repeat once the combinations of a sector run low, as they do in real regions; a
  // few fresh draws keep the natural demo free of duplicates.
  for (int attempt = 0; attempt < 8; ++attempt) {
    std::tie(choice.method, choice.service) = random_.Pick(pairs);
    const Service& service = words.services[choice.service];
    choice.target = random_.Below(service.targets.size());
    choice.place = random_.Below(service.places.size());
    Vars vars;
    vars.Set("Service", std::string(service.name));
    vars.Set("Target", std::string(service.targets[choice.target]));
    vars.Set("Place", std::string(service.places[choice.place]));
    choice.title = vars.Fill(methods[choice.method].title);
    // "Gerakan Ibu Hamil Peduli Pemeriksaan Ibu Hamil" names the target twice.
    bool repeats = service.name.find(service.targets[choice.target]) != std::string_view::npos;
    if (!repeats && !titles_.contains(choice.title)) return;
  }
}

Composer::Choice Composer::Choose(const Slot& slot) {
  Choice choice;
  SectorId sector = agencies_[slot.agency].spec->sector;
  if (random_.Percent(8) && ChooseReplication(slot, choice)) return choice;
  if (random_.Percent(30) && ChooseBrand(sector, choice)) return choice;
  ChooseFromMethod(sector, choice);
  return choice;
}

Innovation Composer::Compose(const Slot& slot) {
  const AgencyRef& agency = agencies_[slot.agency];
  ++serial_;
  Choice choice = Choose(slot);
  titles_.insert(choice.title);

  Innovation innovation;
  innovation.region_code = region_code_;
  innovation.agency_id = agency.id;
  innovation.title = choice.title;
  Classify(choice, agency, innovation);
  const Timeline timeline = SetProgress(slot.year, innovation);
  SetBudget(Methods()[choice.method], slot.year, timeline.last_year, innovation);
  const std::string village = PickVillage(agency);
  Narrate(choice, agency, timeline, village, innovation);
  AddPeople(agency, village, innovation);
  AddEvidence(timeline, innovation);
  innovation.source = "demo";
  innovation.source_ref = "demo:" + std::to_string(serial_);

  // Only published, original innovations are offered to later ones as a model to replicate.
  pending_is_origin_ = innovation.status == RecordStatus::kPublished && choice.origin == nullptr;
  if (pending_is_origin_) {
    pending_ = Origin{0,
                      slot.agency,
                      choice.sector,
                      choice.service,
                      choice.method,
                      choice.target,
                      choice.place,
                      innovation.title};
  }
  return innovation;
}

void Composer::Classify(const Choice& choice, const AgencyRef& agency, Innovation& innovation) {
  const Sector& words = SectorOf(choice.sector);
  const Method& method = Methods()[choice.method];
  innovation.type = method.type;
  innovation.digital = method.digital;
  innovation.form = random_.Percent(75) ? words.form : static_cast<Form>(random_.Below(3));
  innovation.main_affair = std::string(words.affair);
  for (auto affair : random_.Sample(words.other_affairs, random_.Below(3))) {
    innovation.other_affairs.emplace_back(affair);
  }
  // Digitalisation is a theme of digital innovations only, whatever the sector's usual themes.
  std::vector<std::string_view> themes;
  for (auto theme : words.themes) {
    if (theme != kDigitalTheme) themes.push_back(theme);
  }
  for (auto theme : random_.Sample(themes, 1 + random_.Below(2))) {
    innovation.themes.emplace_back(theme);
  }
  if (method.digital) innovation.themes.emplace_back(kDigitalTheme);
  if (agency.spec->units.empty()) {
    innovation.unit = std::string(random_.Pick(GenericUnits(agency.spec->kind)));
  } else {
    innovation.unit = std::string(random_.Pick(agency.spec->units).name);
  }
  if (choice.origin != nullptr) {
    innovation.replicated_from = choice.origin->id;
    innovation.replication_method =
        random_.Percent(60) ? ReplicationMethod::kAdaptation : ReplicationMethod::kModification;
    std::vector<TransferKind> kinds = {TransferKind::kTechnical, TransferKind::kInformation,
                                       TransferKind::kManagerial};
    innovation.transfer_kinds = random_.Sample(kinds, 1 + random_.Below(3));
  }
}

Composer::Timeline Composer::SetProgress(int year, Innovation& innovation) {
  const int age = today_.year - year;
  const std::size_t band = AgeBand(age);
  innovation.status = static_cast<RecordStatus>(random_.Weighted(kStatusWeights[band]));
  innovation.maturity = static_cast<Maturity>(random_.Weighted(kMaturityWeights[band]));
  innovation.stage = static_cast<Stage>(
      random_.Weighted(kStageWeights[static_cast<std::size_t>(innovation.maturity)]));
  if (innovation.status == RecordStatus::kArchived) {
    innovation.continuation = random_.Percent(70) ? Continuation::kStopped : Continuation::kDormant;
  } else if (age >= 2) {
    int draw = random_.Between(1, 100);
    innovation.continuation = draw <= 85   ? Continuation::kActive
                              : draw <= 97 ? Continuation::kDormant
                                           : Continuation::kStopped;
  } else {
    innovation.continuation = random_.Percent(95) ? Continuation::kActive : Continuation::kDormant;
  }
  if (innovation.status == RecordStatus::kRejected) {
    innovation.rejection_reason = std::string(random_.Pick(RejectionReasons()));
  }

  // Dates never pass today: a trial starts in the innovation's first year, implementation
  // follows one to nine months later, and both stop at today for this year's innovations.
  Timeline timeline;
  innovation.year = year;
  if (innovation.maturity != Maturity::kInitiative) {
    timeline.trial = DayIn(year);
    innovation.trial_date = FormatDate(*timeline.trial);
  }
  if (innovation.maturity == Maturity::kImplementation) {
    auto day = ToDays(*timeline.trial) + std::chrono::days{random_.Between(30, 270)};
    timeline.implemented = FromDays(std::min(day, ToDays(today_)));
    innovation.implementation_date = FormatDate(*timeline.implemented);
    innovation.implementation_year = timeline.implemented->year;
  }
  timeline.last_year = innovation.continuation == Continuation::kActive
                           ? today_.year
                           : random_.Between(year, today_.year);
  return timeline;
}

void Composer::SetBudget(const Method& method, int first_year, int last_year,
                         Innovation& innovation) {
  // Some innovations run on the routine budget alone and record none of their own.
  if (random_.Percent(15)) return;
  Rupiah base =
      static_cast<Rupiah>(method.digital ? random_.Between(50, 600) : random_.Between(5, 150)) *
      1'000'000;
  for (int year = first_year; year <= last_year; ++year) {
    Rupiah amount = base * random_.Between(70, 130) / 100 / 50'000 * 50'000;
    innovation.budget.push_back({year, amount});
  }
}

void Composer::Narrate(const Choice& choice, const AgencyRef& agency, const Timeline& timeline,
                       const std::string& village, Innovation& innovation) {
  const Sector& words = SectorOf(choice.sector);
  const Service& service = words.services[choice.service];
  const Method& method = Methods()[choice.method];
  const std::string target = Prose(service.targets[choice.target]);
  const std::string name = Prose(service.name);
  const std::string measure(service.measure);
  const std::string agency_name(agency.spec->name);
  const std::string short_name(agency.spec->short_name);
  // A back-office process serves the government's own staff, not the public at a counter.
  const bool internal = service.kind == ServiceKind::kInternal;
  const std::string what = internal ? "proses " : "layanan ";

  // The figures the narrative reports, consistent across its sections.
  const int before = random_.Between(35, 70);
  const int after = before + random_.Between(8, std::min(25, 97 - before));
  const int goal = std::min(98, after + random_.Between(0, 8));
  const int days_before = random_.Between(3, 14);
  const int days_after = random_.Between(1, std::max(1, days_before / 3));
  const int complaints = random_.Between(12, 240);
  const int users = random_.Between(150, 12'000);
  const std::string faster = "waktu " + what + "turun dari " + std::to_string(days_before) +
                             " hari menjadi " + std::to_string(days_after) + " hari";

  Vars vars;
  vars.Set("service", name);
  vars.Set("target", target);
  vars.Set("place", Prose(service.places[choice.place]));
  vars.Set("short", short_name);
  vars.Set("city", std::string(kCityName));
  const std::string how = vars.Fill(method.how);
  innovation.product = Capitalize(vars.Fill(method.product));

  std::string replication;
  if (choice.origin != nullptr) {
    const std::string from(agencies_[choice.origin->agency].spec->name);
    replication = "Inovasi ini mereplikasi " + choice.origin->title + " dari " + from;
    replication += innovation.replication_method == ReplicationMethod::kAdaptation
                       ? " dengan cara adaptasi: konsep dan alurnya diambil utuh, lalu "
                         "disesuaikan dengan kondisi " +
                             short_name + "."
                       : " dengan cara modifikasi: jadwal, sasaran, dan sebagian alurnya diubah "
                         "agar sesuai dengan kebutuhan " +
                             short_name + ".";
  }

  innovation.summary = innovation.product + " oleh " + short_name + " untuk " + target + ". " + how;
  if (!replication.empty()) innovation.summary = replication + " " + innovation.summary;

  innovation.description = "**" + innovation.title + "** adalah inovasi " + agency_name +
                           " pada urusan " + innovation.main_affair + ". " + how +
                           " Sasaran utamanya adalah " + target + ".";
  if (!replication.empty()) innovation.description += "\n\n" + replication;

  static constexpr std::array<std::string_view, 3> kFollowUps = {
      "Masalah ini dibahas dalam forum konsultasi publik dan rapat evaluasi kinerja, lalu "
      "dibawa ke klinik inovasi daerah untuk dicarikan jalan keluarnya.",
      "Survei kepuasan menempatkan urusan ini di antara yang paling banyak dikeluhkan, "
      "sehingga pimpinan menjadikannya prioritas perbaikan.",
      "Keluhan yang sama muncul dalam rapat evaluasi beberapa tahun berturut-turut."};
  innovation.background =
      "Sebelum inovasi ini berjalan, " + std::string(service.problem) + ". Pada tahun " +
      std::to_string(*innovation.year - 1) + ", " + short_name + " mencatat " + Count(complaints) +
      " keluhan tentang " + what + name + ", dan " + measure + " baru mencapai " +
      std::to_string(before) + "%.\n\n" + std::string(kFollowUps[random_.Below(kFollowUps.size())]);

  innovation.design = "**Dasar hukum.** " + std::string(words.law) +
                      "; Peraturan Pemerintah Nomor 38 Tahun 2017 tentang Inovasi Daerah; dan "
                      "keputusan pimpinan " +
                      agency_name + " tentang tim pelaksana inovasi.\n\n**Permasalahan.** " +
                      Capitalize(std::string(service.problem)) + ".\n\n**Isu strategis.** " +
                      Capitalize(std::string(random_.Pick(Issues()))) + ".\n\n**Metode.** " + how +
                      "\n\n**Keterbaruan.** " + vars.Fill(method.novelty);

  innovation.goals = (internal ? "- Mempercepat proses " + name + " bagi " + target + "."
                               : "- Mendekatkan layanan " + name + " kepada " + target + ".") +
                     "\n- Meningkatkan " + measure + " dari " + std::to_string(before) +
                     "% menjadi sekurang-kurangnya " + std::to_string(goal) +
                     "%.\n- Memangkas waktu " + what + "dari " + std::to_string(days_before) +
                     " hari menjadi " + std::to_string(days_after) + " hari.";
  if (method.digital) {
    innovation.goals += "\n- Menyediakan data yang dapat dipantau pimpinan setiap saat.";
  }

  innovation.benefits =
      internal ? "- Bagi " + target +
                     ": urusan administrasi selesai lebih cepat dan lebih "
                     "pasti.\n- Bagi " +
                     short_name +
                     ": pekerjaan berulang berkurang dan datanya tersedia setiap saat.\n- Bagi "
                     "masyarakat: waktu aparatur lebih banyak tercurah untuk pelayanan."
               : "- Bagi masyarakat: layanan " + name +
                     " lebih cepat, lebih dekat, dan tanpa biaya tambahan.\n- Bagi " + target +
                     ": urusan selesai dengan waktu dan ongkos yang lebih sedikit.\n- Bagi " +
                     short_name + ": beban loket berkurang dan datanya tersedia setiap saat.";
  innovation.benefits += "\n- Bagi pemerintah daerah: capaian " + measure +
                         " mendukung sasaran rencana pembangunan "
                         "daerah.";

  innovation.drivers = Bullets(random_.Sample(Drivers(), 2 + random_.Below(2)));
  innovation.obstacles = Bullets(random_.Sample(Obstacles(), 2));
  for (std::size_t i = 0; i < method.steps.size(); ++i) {
    if (i > 0) innovation.process_steps += '\n';
    innovation.process_steps += std::to_string(i + 1) + ". " + std::string(method.steps[i]);
  }

  // A draft is still being written: results, outputs and the replication advice come last.
  if (innovation.status == RecordStatus::kDraft) return;
  const std::string reached = internal ? Count(users / 5 + 40) + " berkas telah diproses"
                                       : Count(users) + " warga telah terlayani";
  if (timeline.implemented) {
    innovation.results = "Sejak diterapkan pada " + SpellDate(*timeline.implemented) + ", " +
                         measure + " naik dari " + std::to_string(before) + "% menjadi " +
                         std::to_string(after) + "%, dan " + faster + ". Sebanyak " + reached +
                         " dengan cara baru ini.";
    innovation.outcomes = Capitalize(measure) + " meningkat dari " + std::to_string(before) +
                          "% menjadi " + std::to_string(after) + "%, dan keluhan tentang " + what +
                          name + " berkurang dari " + Count(complaints) + " menjadi " +
                          Count(complaints / random_.Between(2, 6)) + " per tahun.";
  } else if (timeline.trial) {
    innovation.results = "Uji coba sejak " + SpellDate(*timeline.trial) +
                         (internal ? "" : " di " + village) + " menunjukkan " + faster +
                         "; hasilnya menjadi dasar keputusan untuk memperluas penerapan.";
    innovation.outcomes = "Outcome diukur setelah uji coba selesai, dengan sasaran " + measure +
                          " mencapai " + std::to_string(goal) + "%.";
  } else {
    innovation.results =
        "Inovasi masih pada tahap inisiatif; hasil terukur akan dicatat setelah uji coba.";
    innovation.outcomes = "Sasaran outcome: " + measure + " mencapai " + std::to_string(goal) +
                          "% dalam dua tahun setelah penerapan.";
  }
  static constexpr std::array<std::string_view, 2> kDormant = {
      "Kegiatan melambat setelah anggaran pendukungnya berkurang dan kini dijalankan dengan "
      "jadwal yang lebih jarang.",
      "Kegiatan tertunda sejak petugas penggeraknya pindah tugas; penggantinya sedang "
      "disiapkan."};
  static constexpr std::array<std::string_view, 2> kStopped = {
      "Inovasi ini tidak lagi dijalankan karena fungsinya telah digantikan sistem nasional; "
      "pelajaran dari penerapannya dicatat untuk inovasi berikutnya.",
      "Inovasi ini dihentikan setelah evaluasi menunjukkan biayanya tidak sebanding dengan "
      "hasilnya."};
  if (innovation.continuation == Continuation::kDormant) {
    innovation.results += "\n\n" + std::string(kDormant[random_.Below(kDormant.size())]);
  } else if (innovation.continuation == Continuation::kStopped) {
    innovation.results += "\n\n" + std::string(kStopped[random_.Below(kStopped.size())]);
  }
  innovation.outputs = "- " + vars.Fill(method.output) +
                       "\n- Laporan pemantauan bulanan kepada pimpinan " + short_name + ".";
  auto prerequisites = random_.Sample(Prerequisites(), 2 + random_.Below(2));
  if (method.digital) prerequisites.push_back(random_.Pick(DigitalPrerequisites()));
  innovation.replication_prerequisites = Bullets(prerequisites);
}

void Composer::AddPeople(const AgencyRef& agency, const std::string& village,
                         Innovation& innovation) {
  innovation.initiator_kind = static_cast<InitiatorKind>(random_.Weighted(kInitiatorWeights));
  switch (innovation.initiator_kind) {
    case InitiatorKind::kHeadOfRegion:
      innovation.initiator_names = "Wali Kota Lumbung Sejahtera";
      break;
    case InitiatorKind::kDprdMember:
      innovation.initiator_names = Person() + " (anggota DPRD Kota Lumbung Sejahtera)";
      break;
    case InitiatorKind::kAgency:
      innovation.initiator_names = std::string(agency.spec->name);
      break;
    case InitiatorKind::kCivilServant:
      innovation.initiator_names = Person();
      break;
    case InitiatorKind::kCommunity:
      innovation.initiator_names = "Forum warga " + village;
      break;
  }
  for (int i = random_.Between(2, 5); i > 0; --i) innovation.team_members.push_back(Person());

  const bool relationship = innovation.type == InnovationType::kRelationship;
  if (relationship || random_.Percent(35)) {
    std::size_t count = relationship ? 2 + random_.Below(2) : 1 + random_.Below(2);
    for (const auto& partner : random_.Sample(Partners(), count)) {
      innovation.partners.push_back({std::string(partner.name), partner.kind});
    }
  }
  innovation.location = random_.Percent(40) && agency.spec->kind != AgencyKind::kDistrict
                            ? "Seluruh wilayah " + std::string(kCityName)
                            : village;
}

void Composer::AddEvidence(const Timeline& timeline, Innovation& innovation) {
  // Evidence lives under example.org: the demo links to nothing real.
  const std::string slug = std::to_string(serial_) + "-" + Slug(innovation.title);
  const std::string base = "https://example.org/demo/" + region_code_ + "/inovasi/" + slug;
  // A draft's operator uploads the documents last, just before submitting.
  if (innovation.status == RecordStatus::kDraft) return;
  innovation.evidence.push_back(
      {"Keputusan tentang tim pelaksana " + innovation.title, base + "/keputusan-tim.pdf"});
  if (timeline.trial) {
    innovation.evidence.push_back({"Laporan uji coba", base + "/laporan-uji-coba.pdf"});
  }
  if (!timeline.implemented) return;
  innovation.evidence.push_back({"Dokumentasi penerapan", base + "/dokumentasi"});
  // One evaluation report for every full year the innovation ran after its implementation.
  for (int year = timeline.implemented->year; year < std::min(today_.year, timeline.last_year + 1);
       ++year) {
    innovation.evidence.push_back({"Laporan evaluasi tahun " + std::to_string(year),
                                   base + "/evaluasi-" + std::to_string(year) + ".pdf"});
  }
  if (random_.Percent(50)) {
    innovation.video_url = "https://example.org/demo/" + region_code_ + "/video/" + slug;
  }
}

void Composer::Created(Id id) {
  if (!pending_is_origin_) return;
  pending_.id = id;
  std::size_t index = origins_.size();
  origins_.push_back(std::move(pending_));
  const Origin& origin = origins_.back();
  origins_by_sector_[static_cast<std::size_t>(origin.sector)].push_back(index);
  if (std::find(kDistrictModels.begin(), kDistrictModels.end(), origin.sector) !=
      kDistrictModels.end()) {
    district_origins_.push_back(index);
  }
  pending_is_origin_ = false;
}

}  // namespace lumbung::demo
