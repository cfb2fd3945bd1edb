#include "domain/enums.hpp"

#include <array>
#include <string>

#include "domain/accounts.hpp"

namespace lumbung {
namespace {

constexpr std::array<std::string_view, 3> kRegionLevels{"provinsi", "kabupaten", "kota"};
constexpr std::array<std::string_view, 3> kTimeZones{"WIB", "WITA", "WIT"};
constexpr std::array<std::string_view, 5> kAgencyKinds{"perangkat_daerah", "bumd", "uptd",
                                                       "kecamatan", "other"};
constexpr std::array<std::string_view, 8> kTypes{"process",      "method",
                                                 "product",      "conceptual",
                                                 "technology",   "organizational_structure",
                                                 "relationship", "human_resources"};
constexpr std::array<std::string_view, 3> kForms{"governance", "public_service", "other_affairs"};
constexpr std::array<std::string_view, 3> kMaturities{"initiative", "trial", "implementation"};
constexpr std::array<std::string_view, 5> kStages{"drum_up", "diagnose", "design", "deliver",
                                                  "display"};
constexpr std::array<std::string_view, 6> kStatuses{"draft",     "submitted", "verified",
                                                    "published", "rejected",  "archived"};
constexpr std::array<std::string_view, 3> kContinuations{"active", "dormant", "stopped"};
constexpr std::array<std::string_view, 5> kInitiatorKinds{"head_of_region", "dprd_member", "agency",
                                                          "civil_servant", "community"};
constexpr std::array<std::string_view, 2> kReplicationMethods{"adaptation", "modification"};
constexpr std::array<std::string_view, 3> kTransferKinds{"technical", "information", "managerial"};
constexpr std::array<std::string_view, 6> kTransferActivities{
    "symposium", "workshop", "discussion", "training", "visit_learning", "coaching_clinic"};
constexpr std::array<std::string_view, 6> kRoles{"admin",       "region_admin", "agency_operator",
                                                 "agency_head", "facilitator",  "juror"};
constexpr std::array<std::string_view, 7> kPartnerKinds{
    "ministry_or_agency",  "other_region", "university", "ngo",
    "development_partner", "business",     "other"};

constexpr std::array<std::string_view, 2> kValidationMethods{"presentation", "desk_consultation"};
constexpr std::array<std::string_view, 3> kDecisions{"accepted", "revise", "declined"};
constexpr std::array<std::string_view, 3> kMonitoringMethods{"observation", "field_survey",
                                                             "online"};
constexpr std::array<std::string_view, 4> kDisplayEventKinds{"expo", "talkshow", "seminar",
                                                             "combined"};
constexpr std::array<std::string_view, 6> kClinicEntryKinds{
    "stage_change", "validation", "design_plan", "launch", "monitoring", "display_event"};
constexpr std::array<std::string_view, 6> kActivityKinds{
    "coaching_clinic",         "desk_consultation",   "workshop",
    "training_organisational", "training_individual", "training_system"};
constexpr std::array<std::string_view, 3> kTeamRoles{"chair", "secretary", "member"};
constexpr std::array<std::string_view, 3> kProgresses{"on_track", "needs_attention", "stalled"};

}  // namespace

#define LUMBUNG_SPELLINGS(Enum, table)                  \
  template <>                                           \
  std::span<const std::string_view> Spellings<Enum>() { \
    return table;                                       \
  }                                                     \
  template <>                                           \
  std::string AllowedList<Enum>() {                     \
    std::string list;                                   \
    for (std::string_view spelling : table) {           \
      if (!list.empty()) list += ", ";                  \
      list += spelling;                                 \
    }                                                   \
    return list;                                        \
  }

LUMBUNG_SPELLINGS(RegionLevel, kRegionLevels)
LUMBUNG_SPELLINGS(TimeZone, kTimeZones)
LUMBUNG_SPELLINGS(AgencyKind, kAgencyKinds)
LUMBUNG_SPELLINGS(InnovationType, kTypes)
LUMBUNG_SPELLINGS(Form, kForms)
LUMBUNG_SPELLINGS(Maturity, kMaturities)
LUMBUNG_SPELLINGS(Stage, kStages)
LUMBUNG_SPELLINGS(RecordStatus, kStatuses)
LUMBUNG_SPELLINGS(Continuation, kContinuations)
LUMBUNG_SPELLINGS(InitiatorKind, kInitiatorKinds)
LUMBUNG_SPELLINGS(ReplicationMethod, kReplicationMethods)
LUMBUNG_SPELLINGS(TransferKind, kTransferKinds)
LUMBUNG_SPELLINGS(TransferActivity, kTransferActivities)
LUMBUNG_SPELLINGS(PartnerKind, kPartnerKinds)
LUMBUNG_SPELLINGS(Role, kRoles)
LUMBUNG_SPELLINGS(ValidationMethod, kValidationMethods)
LUMBUNG_SPELLINGS(Decision, kDecisions)
LUMBUNG_SPELLINGS(MonitoringMethod, kMonitoringMethods)
LUMBUNG_SPELLINGS(DisplayEventKind, kDisplayEventKinds)
LUMBUNG_SPELLINGS(ClinicEntryKind, kClinicEntryKinds)
LUMBUNG_SPELLINGS(ActivityKind, kActivityKinds)
LUMBUNG_SPELLINGS(TeamRole, kTeamRoles)
LUMBUNG_SPELLINGS(Progress, kProgresses)

#undef LUMBUNG_SPELLINGS

}  // namespace lumbung
