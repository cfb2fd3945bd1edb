// Composes the demo city's innovations, one record at a time, from the catalogue's words.
#pragma once

#include <array>
#include <cstddef>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "demo/catalogue.hpp"
#include "demo/random.hpp"
#include "domain/dates.hpp"
#include "domain/model.hpp"

namespace lumbung::demo {

// A top-level agency of the demo city and the id the registry gave it.
struct AgencyRef {
  const AgencySpec* spec = nullptr;
  Id id = 0;
};

// Which agency an innovation belongs to and the year it started.
struct Slot {
  std::size_t agency = 0;  // index into the composer's agencies
  int year = 0;
};

// Builds innovations that pass the registry's checks for `today`: no year or date after it,
// every text within its limit, replications only of innovations already written.
class Composer {
 public:
  Composer(Random& random, std::string region_code, Date today, std::vector<AgencyRef> agencies);

  // The next innovation, ready for Registry::CreateInnovation. Call Created with the id the
  // registry gives it before composing another.
  Innovation Compose(const Slot& slot);

  // Records the id of the innovation last composed, so that later ones may replicate it.
  void Created(Id id);

 private:
  // What later innovations need to know to replicate one already written.
  struct Origin {
    Id id = 0;
    std::size_t agency = 0;
    SectorId sector{};
    std::size_t service = 0;
    std::size_t method = 0;
    std::size_t target = 0;
    std::size_t place = 0;
    std::string title;
  };

  // The words chosen for one innovation.
  struct Choice {
    SectorId sector{};
    std::size_t service = 0;
    std::size_t method = 0;
    std::size_t target = 0;
    std::size_t place = 0;
    std::string title;
    const Origin* origin = nullptr;  // set for a replication
  };

  // When the innovation was tried and implemented, and the last year it ran.
  struct Timeline {
    std::optional<Date> trial;
    std::optional<Date> implemented;
    int last_year = 0;
  };

  Choice Choose(const Slot& slot);
  bool ChooseReplication(const Slot& slot, Choice& choice);
  bool ChooseBrand(SectorId sector, Choice& choice);
  void ChooseFromMethod(SectorId sector, Choice& choice);
  void Classify(const Choice& choice, const AgencyRef& agency, Innovation& innovation);
  Timeline SetProgress(int year, Innovation& innovation);
  void SetBudget(const Method& method, int first_year, int last_year, Innovation& innovation);
  void Narrate(const Choice& choice, const AgencyRef& agency, const Timeline& timeline,
               const std::string& village, Innovation& innovation);
  void AddPeople(const AgencyRef& agency, const std::string& village, Innovation& innovation);
  void AddEvidence(const Timeline& timeline, Innovation& innovation);
  InnovationType NextType();
  std::size_t MethodByKey(std::string_view key);
  std::string Person();
  std::string PickVillage(const AgencyRef& agency);
  Date DayIn(int year);

  Random& random_;
  std::string region_code_;
  Date today_;
  std::vector<AgencyRef> agencies_;
  int serial_ = 0;

  std::vector<InnovationType> type_deck_;
  std::set<std::string> titles_;
  std::set<std::pair<SectorId, std::size_t>> brands_used_;
  std::vector<Origin> origins_;
  std::array<std::vector<std::size_t>, kSectorCount> origins_by_sector_;
  std::vector<std::size_t> district_origins_;
  Origin pending_;
  bool pending_is_origin_ = false;
};

}  // namespace lumbung::demo
