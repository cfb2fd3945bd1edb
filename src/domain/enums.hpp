// The closed vocabularies of the domain, with their stable API spellings.
#pragma once

#include <optional>
#include <span>
#include <string>
#include <string_view>

namespace lumbung {

// Kind of regional government (tingkat).
enum class RegionLevel { kProvince, kRegency, kCity };  // provinsi, kabupaten, kota

// Indonesian time zones.
enum class TimeZone { kWib, kWita, kWit };  // UTC+7, UTC+8, UTC+9

// What an agency is.
enum class AgencyKind {
  kRegionalAgency,   // perangkat daerah: dinas, badan, sekretariat
  kRegionalCompany,  // BUMD
  kTechnicalUnit,    // UPTD
  kDistrict,         // kecamatan
  kOther,
};

// The eight types of innovation (Perbup Bangka Barat 54/2024 Pasal 7).
enum class InnovationType {
  kProcess,
  kMethod,
  kProduct,
  kConceptual,
  kTechnology,
  kOrganizationalStructure,
  kRelationship,
  kHumanResources,
};

// Form of an innovation (bentuk).
enum class Form { kGovernance, kPublicService, kOtherAffairs };

// Maturity (tahapan, PP 38/2017).
enum class Maturity { kInitiative, kTrial, kImplementation };  // inisiatif, uji coba, penerapan

// The five stages of the innovation clinic (5D).
enum class Stage { kDrumUp, kDiagnose, kDesign, kDeliver, kDisplay };

// Where a record stands in the workflow.
enum class RecordStatus { kDraft, kSubmitted, kVerified, kPublished, kRejected, kArchived };

// Whether the innovation still runs.
enum class Continuation { kActive, kDormant, kStopped };

// Who started the innovation.
enum class InitiatorKind { kHeadOfRegion, kDprdMember, kAgency, kCivilServant, kCommunity };

// How a replication was made (Perwal Pasuruan 31/2018 Pasal 7(3)).
enum class ReplicationMethod { kAdaptation, kModification };

// Kinds of knowledge transfer (Perwal Pasuruan 31/2018 Pasal 7(2)).
enum class TransferKind { kTechnical, kInformation, kManagerial };

// The activity that carried a transfer of knowledge (Perbup Bangka Barat 54/2024 Pasal 1
// angka 20).
enum class TransferActivity {
  kSymposium,
  kWorkshop,
  kDiscussion,
  kTraining,
  kVisitLearning,
  kCoachingClinic,
};

// Outside bodies an innovation works with (Perwal Pasuruan 31/2018 Pasal 9).
enum class PartnerKind {
  kMinistryOrAgency,
  kOtherRegion,
  kUniversity,
  kNgo,
  kDevelopmentPartner,
  kBusiness,
  kOther,
};

// How a facilitator validated the idea (diagnose) or the action plan (design): by presentation
// and review, or by desk consultation (Perbup Bangka Barat 54/2024 Pasal 11(3), 12(3)).
enum class ValidationMethod { kPresentation, kDeskConsultation };

// A facilitator's decision on a stage: accepted opens the gate, revise keeps the innovation in
// the stage until a later validation accepts it, declined stops it there.
enum class Decision { kAccepted, kRevise, kDeclined };

// How a running innovation is monitored: directly by observation or field survey, or online
// (Pasal 13(4)).
enum class MonitoringMethod { kObservation, kFieldSurvey, kOnline };

// The events that display an innovation (Pasal 14): expo, talkshow, seminar, or a combination.
enum class DisplayEventKind { kExpo, kTalkshow, kSeminar, kCombined };

// What an entry of an innovation's clinic journal records (domain/clinic.hpp).
enum class ClinicEntryKind {
  kStageChange,
  kValidation,
  kDesignPlan,
  kLaunch,
  kMonitoring,
  kDisplayEvent,
};

// What the region holds for its agencies: the clinic's consultations (Perbup Bangka Barat 54/2024
// Pasal 9-14) and the training that builds their capacity, of the organisation, of individuals
// or of the system (Perwal Pasuruan 31/2018 Pasal 8).
enum class ActivityKind {
  kCoachingClinic,
  kDeskConsultation,
  kWorkshop,
  kOrganisationalTraining,
  kIndividualTraining,
  kSystemTraining,
};

// A member's place in an implementation team's decree: ketua, sekretaris, anggota.
enum class TeamRole { kChair, kSecretary, kMember };

// How an innovation fares in the yearly monitoring and evaluation (Perbup Bangka Barat
// 54/2024 Pasal 16): as planned, needing attention, or stalled.
enum class Progress { kOnTrack, kNeedsAttention, kStalled };

// The API spelling of each value, in declaration order.
template <typename E>
std::span<const std::string_view> Spellings();

// The API spelling of a value.
template <typename E>
std::string_view ToString(E value) {
  return Spellings<E>()[static_cast<std::size_t>(value)];
}

// The value spelled `text`, or nothing when it is not one of Spellings<E>().
template <typename E>
std::optional<E> Parse(std::string_view text) {
  auto spellings = Spellings<E>();
  for (std::size_t i = 0; i < spellings.size(); ++i) {
    if (spellings[i] == text) return static_cast<E>(i);
  }
  return std::nullopt;
}

// The spellings joined with ", ", for messages that list what is allowed.
template <typename E>
std::string AllowedList();

}  // namespace lumbung
