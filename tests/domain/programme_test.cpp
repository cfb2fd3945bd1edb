// The region's programme as plain functions: the rules of an activity, a team, an evaluation and
// a change of continuation, who takes part in the yearly round, and who may do what with it.
#include "domain/programme.hpp"

#include <gtest/gtest.h>

#include "domain/policy.hpp"
#include "domain/validation.hpp"

namespace lumbung {
namespace {

const Date kToday{2026, 6, 15};

std::vector<std::string> FieldsOf(const std::vector<FieldError>& errors) {
  std::vector<std::string> fields;
  for (const auto& error : errors) fields.push_back(error.field);
  return fields;
}

std::vector<std::string> CodesOf(const std::vector<FieldError>& errors) {
  std::vector<std::string> codes;
  for (const auto& error : errors) codes.push_back(error.code);
  return codes;
}

using Fields = std::vector<std::string>;

Activity Clinic() {
  Activity activity;
  activity.region_code = "3578";
  activity.kind = ActivityKind::kCoachingClinic;
  activity.title = "Klinik Inovasi Puskesmas";
  activity.date = "2026-06-10";
  activity.place = "Ruang Rapat Bappeda";
  activity.agencies = {{11, 4}, {12, 2}};
  activity.innovations = {101, 102};
  activity.advice = "Perjelas indikator keberhasilan.";
  return activity;
}

Team RegionTeam() {
  Team team;
  team.region_code = "3578";
  team.decree_number = "188.45/123/436.1.2/2026";
  team.decree_date = "2026-01-05";
  team.members = {{"Budi Santoso", "Kepala Bappeda", TeamRole::kChair},
                  {"Sari Wulandari", "Kepala Bidang Litbang", TeamRole::kSecretary},
                  {"Andi", "", TeamRole::kMember}};
  return team;
}

Evaluation Yearly() {
  Evaluation evaluation;
  evaluation.innovation_id = 101;
  evaluation.year = 2026;
  evaluation.progress = Progress::kNeedsAttention;
  evaluation.report = "Layanan berjalan di tiga kecamatan.";
  evaluation.advice = "Perluas ke seluruh kecamatan.";
  return evaluation;
}

TEST(ProgrammeTest, TrainingIsToldFromConsultation) {
  EXPECT_FALSE(IsTraining(ActivityKind::kCoachingClinic));
  EXPECT_FALSE(IsTraining(ActivityKind::kDeskConsultation));
  EXPECT_FALSE(IsTraining(ActivityKind::kWorkshop));
  EXPECT_TRUE(IsTraining(ActivityKind::kOrganisationalTraining));
  EXPECT_TRUE(IsTraining(ActivityKind::kIndividualTraining));
  EXPECT_TRUE(IsTraining(ActivityKind::kSystemTraining));
}

TEST(ProgrammeTest, AnActivityNeedsATitleADateAndAnAgency) {
  EXPECT_TRUE(CheckActivity(Clinic(), kToday).empty());

  auto untitled = Clinic();
  untitled.title = "  ";
  EXPECT_EQ(FieldsOf(CheckActivity(untitled, kToday)), Fields{"title"});
  EXPECT_EQ(CodesOf(CheckActivity(untitled, kToday)), Fields{"required"});

  auto undated = Clinic();
  undated.date.clear();
  EXPECT_EQ(FieldsOf(CheckActivity(undated, kToday)), Fields{"date"});
  EXPECT_EQ(CodesOf(CheckActivity(undated, kToday)), Fields{"required"});
  undated.date = "10 Juni 2026";
  EXPECT_EQ(CodesOf(CheckActivity(undated, kToday)), Fields{"bad_date"});
  undated.date = "2026-02-30";
  EXPECT_EQ(CodesOf(CheckActivity(undated, kToday)), Fields{"bad_date"});
  undated.date = "1900-01-01";
  EXPECT_EQ(FieldsOf(CheckActivity(undated, kToday)), Fields{"date.year"});

  auto nobody = Clinic();
  nobody.agencies.clear();
  nobody.innovations.clear();
  EXPECT_EQ(FieldsOf(CheckActivity(nobody, kToday)), Fields{"agencies"});

  // The place and the innovations are optional.
  auto bare = Clinic();
  bare.place.clear();
  bare.innovations.clear();
  bare.advice.clear();
  EXPECT_TRUE(CheckActivity(bare, kToday).empty());

  auto too_long = Clinic();
  too_long.title = std::string(kMaxNameLength + 1, 'a');
  too_long.advice = std::string(kMaxProgrammeTextLength + 1, 'b');
  EXPECT_EQ(FieldsOf(CheckActivity(too_long, kToday)), (Fields{"title", "advice"}));
}

TEST(ProgrammeTest, ParticipantsAreCountedAndNothingIsListedTwice) {
  auto activity = Clinic();
  activity.agencies[0].participants = 0;
  EXPECT_EQ(FieldsOf(CheckActivity(activity, kToday)), Fields{"agencies[0].participants"});
  EXPECT_EQ(CodesOf(CheckActivity(activity, kToday)), Fields{"out_of_range"});
  activity.agencies[0].participants = -3;
  EXPECT_EQ(FieldsOf(CheckActivity(activity, kToday)), Fields{"agencies[0].participants"});
  activity.agencies[0].participants = kMaxParticipants + 1;
  EXPECT_EQ(FieldsOf(CheckActivity(activity, kToday)), Fields{"agencies[0].participants"});
  activity.agencies[0].participants = kMaxParticipants;
  activity.agencies[1].participants = 1;
  EXPECT_TRUE(CheckActivity(activity, kToday).empty());

  auto twice = Clinic();
  twice.agencies.push_back({11, 1});
  EXPECT_EQ(FieldsOf(CheckActivity(twice, kToday)), Fields{"agencies[2]"});
  EXPECT_EQ(CodesOf(CheckActivity(twice, kToday)), Fields{"duplicate"});
  twice = Clinic();
  twice.innovations = {101, 102, 101};
  EXPECT_EQ(FieldsOf(CheckActivity(twice, kToday)), Fields{"innovations[2]"});
  EXPECT_EQ(CodesOf(CheckActivity(twice, kToday)), Fields{"duplicate"});

  auto crowded = Clinic();
  crowded.agencies.clear();
  for (Id id = 1; id <= static_cast<Id>(kMaxListItems) + 1; ++id)
    crowded.agencies.push_back({id, 1});
  EXPECT_EQ(FieldsOf(CheckActivity(crowded, kToday)), Fields{"agencies"});
  EXPECT_EQ(CodesOf(CheckActivity(crowded, kToday)), Fields{"too_many"});
  crowded = Clinic();
  crowded.innovations.clear();
  for (Id id = 1; id <= static_cast<Id>(kMaxListItems) + 1; ++id) {
    crowded.innovations.push_back(id);
  }
  EXPECT_EQ(FieldsOf(CheckActivity(crowded, kToday)), Fields{"innovations"});
}

TEST(ProgrammeTest, AnActivityIsScheduledUpToNextYearAndAdvisedOnceHeld) {
  auto ahead = Clinic();
  ahead.advice.clear();
  ahead.date = "2027-12-31";
  EXPECT_TRUE(CheckActivity(ahead, kToday).empty());
  ahead.date = "2028-01-01";
  EXPECT_EQ(FieldsOf(CheckActivity(ahead, kToday)), Fields{"date"});
  EXPECT_EQ(CodesOf(CheckActivity(ahead, kToday)), Fields{"inconsistent"});

  // Advice waits until the day has come; the day itself is fine.
  auto advised = Clinic();
  advised.date = "2026-06-16";
  EXPECT_EQ(FieldsOf(CheckActivity(advised, kToday)), Fields{"advice"});
  advised.advice = " \n";
  EXPECT_TRUE(CheckActivity(advised, kToday).empty());
  advised.advice = "Sudah baik.";
  advised.date = "2026-06-15";
  EXPECT_TRUE(CheckActivity(advised, kToday).empty());
  advised.date = "2019-03-01";  // recorded long after
  EXPECT_TRUE(CheckActivity(advised, kToday).empty());
  // Too far ahead is the one thing said about the date.
  advised.date = "2029-01-01";
  EXPECT_EQ(FieldsOf(CheckActivity(advised, kToday)), Fields{"date"});
}

TEST(ProgrammeTest, ATeamHasADecreeAndExactlyOneChair) {
  EXPECT_TRUE(CheckTeam(RegionTeam(), kToday).empty());
  auto agency_team = RegionTeam();
  agency_team.agency_id = 11;
  EXPECT_TRUE(CheckTeam(agency_team, kToday).empty());

  auto no_decree = RegionTeam();
  no_decree.decree_number = "";
  no_decree.decree_date = "";
  EXPECT_EQ(FieldsOf(CheckTeam(no_decree, kToday)), (Fields{"decree_number", "decree_date"}));
  EXPECT_EQ(CodesOf(CheckTeam(no_decree, kToday)), (Fields{"required", "required"}));
  no_decree = RegionTeam();
  no_decree.decree_number = std::string(kMaxDecreeNumberLength + 1, '1');
  EXPECT_EQ(CodesOf(CheckTeam(no_decree, kToday)), Fields{"too_long"});

  auto dated = RegionTeam();
  dated.decree_date = "2026-06-15";
  EXPECT_TRUE(CheckTeam(dated, kToday).empty());
  dated.decree_date = "2026-06-16";
  EXPECT_EQ(FieldsOf(CheckTeam(dated, kToday)), Fields{"decree_date"});
  EXPECT_EQ(CodesOf(CheckTeam(dated, kToday)), Fields{"in_future"});
  dated.decree_date = "05-01-2026";
  EXPECT_EQ(CodesOf(CheckTeam(dated, kToday)), Fields{"bad_date"});

  auto empty = RegionTeam();
  empty.members.clear();
  EXPECT_EQ(FieldsOf(CheckTeam(empty, kToday)), Fields{"members"});

  auto nameless = RegionTeam();
  nameless.members[1].name = " ";
  nameless.members[2].position = std::string(kMaxNameLength + 1, 'p');
  EXPECT_EQ(FieldsOf(CheckTeam(nameless, kToday)),
            (Fields{"members[1].name", "members[2].position"}));

  auto headless = RegionTeam();
  headless.members[0].role = TeamRole::kMember;
  EXPECT_EQ(FieldsOf(CheckTeam(headless, kToday)), Fields{"members"});
  EXPECT_EQ(CodesOf(CheckTeam(headless, kToday)), Fields{"inconsistent"});
  auto two_heads = RegionTeam();
  two_heads.members[2].role = TeamRole::kChair;
  EXPECT_EQ(FieldsOf(CheckTeam(two_heads, kToday)), Fields{"members"});
  auto alone = RegionTeam();
  alone.members.resize(1);
  EXPECT_TRUE(CheckTeam(alone, kToday).empty());
}

TEST(ProgrammeTest, AnEvaluationNeedsAYearThatHasBegunAReportAndAdvice) {
  EXPECT_TRUE(CheckEvaluation(Yearly(), kToday).empty());
  auto evaluation = Yearly();
  evaluation.year = 0;
  EXPECT_EQ(FieldsOf(CheckEvaluation(evaluation, kToday)), Fields{"year"});
  EXPECT_EQ(CodesOf(CheckEvaluation(evaluation, kToday)), Fields{"required"});
  evaluation.year = 2027;
  EXPECT_EQ(CodesOf(CheckEvaluation(evaluation, kToday)), Fields{"out_of_range"});
  evaluation.year = 1944;
  EXPECT_EQ(CodesOf(CheckEvaluation(evaluation, kToday)), Fields{"out_of_range"});
  evaluation.year = 1945;
  EXPECT_TRUE(CheckEvaluation(evaluation, kToday).empty());
  evaluation.year = 2025;
  EXPECT_TRUE(CheckEvaluation(evaluation, kToday).empty());

  evaluation.report = "";
  evaluation.advice = "\t";
  EXPECT_EQ(FieldsOf(CheckEvaluation(evaluation, kToday)), (Fields{"report", "advice"}));
  EXPECT_EQ(CodesOf(CheckEvaluation(evaluation, kToday)), (Fields{"required", "required"}));
  evaluation = Yearly();
  evaluation.report = std::string(kMaxProgrammeTextLength + 1, 'r');
  EXPECT_EQ(CodesOf(CheckEvaluation(evaluation, kToday)), Fields{"too_long"});
}

TEST(ProgrammeTest, OnlyVerifiedOrPublishedInnovationsAreInTheRound) {
  Innovation innovation;
  for (auto status : {RecordStatus::kDraft, RecordStatus::kSubmitted, RecordStatus::kRejected,
                      RecordStatus::kArchived}) {
    innovation.status = status;
    EXPECT_FALSE(InRound(innovation)) << ToString(status);
  }
  innovation.status = RecordStatus::kVerified;
  EXPECT_TRUE(InRound(innovation));
  innovation.status = RecordStatus::kPublished;
  EXPECT_TRUE(InRound(innovation));
}

TEST(ProgrammeTest, AContinuationHasAPastDateAndAReasonWhenItIsNotActive) {
  Innovation innovation;
  innovation.year = 2023;
  const std::string why = "Anggaran tidak dilanjutkan.";
  EXPECT_TRUE(
      CheckContinuation(innovation, Continuation::kStopped, "2026-01-31", why, kToday).empty());
  EXPECT_TRUE(
      CheckContinuation(innovation, Continuation::kDormant, "2026-06-15", why, kToday).empty());
  // Running again needs no reason, but still a date.
  EXPECT_TRUE(
      CheckContinuation(innovation, Continuation::kActive, "2026-02-01", "", kToday).empty());
  EXPECT_EQ(FieldsOf(CheckContinuation(innovation, Continuation::kActive, "", "", kToday)),
            Fields{"date"});

  EXPECT_EQ(
      FieldsOf(CheckContinuation(innovation, Continuation::kStopped, "2026-01-31", " ", kToday)),
      Fields{"reason"});
  EXPECT_EQ(
      CodesOf(CheckContinuation(innovation, Continuation::kDormant, "2026-01-31", "", kToday)),
      Fields{"required"});
  EXPECT_EQ(CodesOf(CheckContinuation(innovation, Continuation::kStopped, "",
                                      std::string(kMaxShortTextLength + 1, 'x'), kToday)),
            (Fields{"required", "too_long"}));

  auto future = CheckContinuation(innovation, Continuation::kStopped, "2026-06-16", why, kToday);
  EXPECT_EQ(FieldsOf(future), Fields{"date"});
  EXPECT_EQ(CodesOf(future), Fields{"in_future"});
  EXPECT_EQ(CodesOf(CheckContinuation(innovation, Continuation::kStopped, "kemarin", why, kToday)),
            Fields{"bad_date"});

  // Not before the innovation started; the year it started is fine.
  auto early = CheckContinuation(innovation, Continuation::kStopped, "2022-12-31", why, kToday);
  EXPECT_EQ(FieldsOf(early), Fields{"date"});
  EXPECT_EQ(CodesOf(early), Fields{"inconsistent"});
  EXPECT_NE(early[0].message.en.find("2023"), std::string::npos) << early[0].message.en;
  EXPECT_TRUE(
      CheckContinuation(innovation, Continuation::kStopped, "2023-01-01", why, kToday).empty());
  innovation.year.reset();
  EXPECT_TRUE(
      CheckContinuation(innovation, Continuation::kStopped, "2001-01-01", why, kToday).empty());
}

// The people of the policy table, as the API builds them: an agency's roles carry the agency's
// region too (http/api.cpp Authenticate).
enum Who {
  kRegionAdmin,
  kFacilitator,
  kOperator,
  kHead,
  kOtherOperator,
  kOtherRegionAdmin,
  kOtherRegionFacilitator,
  kJuror,
  kReadOnlyAdmin,
  kAnonymous,
  kSystem,
};
constexpr Who kPeople[] = {kRegionAdmin,
                           kFacilitator,
                           kOperator,
                           kHead,
                           kOtherOperator,
                           kOtherRegionAdmin,
                           kOtherRegionFacilitator,
                           kJuror,
                           kReadOnlyAdmin,
                           kAnonymous,
                           kSystem};
const char* kNames[] = {"region_admin",
                        "facilitator",
                        "operator",
                        "head",
                        "other_operator",
                        "other_region_admin",
                        "other_region_facilitator",
                        "juror",
                        "read_only_region_admin",
                        "anonymous",
                        "system"};
constexpr Id kAgency = 11, kOtherAgency = 12;

Actor ActorOf(Who who) {
  Actor actor;
  actor.user_id = 1 + static_cast<Id>(who);
  actor.name = kNames[who];
  switch (who) {
    case kRegionAdmin:
      actor.roles = {{Role::kRegionAdmin, "3578", 0, 0}};
      break;
    case kFacilitator:
      actor.roles = {{Role::kFacilitator, "3578", 0, 0}};
      break;
    case kOperator:
      actor.roles = {{Role::kAgencyOperator, "3578", kAgency, 0}};
      break;
    case kHead:
      actor.roles = {{Role::kAgencyHead, "3578", kAgency, 0}};
      break;
    case kOtherOperator:
      actor.roles = {{Role::kAgencyOperator, "3578", kOtherAgency, 0}};
      break;
    case kOtherRegionAdmin:
      actor.roles = {{Role::kRegionAdmin, "3573", 0, 0}};
      break;
    case kOtherRegionFacilitator:
      actor.roles = {{Role::kFacilitator, "3573", 0, 0}};
      break;
    case kJuror:
      // A juror of a competition the region holds still holds no role in the region.
      actor.roles = {{Role::kJuror, "3578", 0, 1}};
      break;
    case kReadOnlyAdmin:
      actor.roles = {{Role::kRegionAdmin, "3578", 0, 0}};
      actor.read_only = true;
      break;
    case kAnonymous:
      return Actor::Public("127.0.0.1");
    case kSystem:
      return Actor::System();
  }
  return actor;
}

struct PolicyRow {
  const char* what;
  Action action;
  Subject subject;
  // In kPeople's order: region_admin, facilitator, operator, head, other_operator,
  // other_region_admin, other_region_facilitator, juror, read_only, anonymous, system.
  std::array<bool, std::size(kPeople)> allowed;
};

const Subject kRegion{"3578", 0, RecordStatus::kDraft};
const Subject kAgencyRecord{"3578", kAgency, RecordStatus::kDraft};
const Subject kVerifiedInnovation{"3578", kAgency, RecordStatus::kVerified};

// clang-format off
const PolicyRow kPolicy[] = {
    {"read the programme", Action::kReadProgramme, kRegion,
     {true, true, true, true, true, false, false, false, true, false, true}},
    {"schedule activities", Action::kManageActivities, kRegion,
     {true, true, false, false, false, false, false, false, false, false, true}},
    {"keep the region's team", Action::kManageTeam, kRegion,
     {true, false, false, false, false, false, false, false, false, false, true}},
    {"keep the agency's team", Action::kManageTeam, kAgencyRecord,
     {true, false, true, false, false, false, false, false, false, false, true}},
    {"read the region's round", Action::kReadEvaluations, kRegion,
     {true, true, false, false, false, false, false, false, true, false, true}},
    {"read an innovation's evaluations", Action::kReadEvaluations, kVerifiedInnovation,
     {true, true, true, true, false, false, false, false, true, false, true}},
    {"record an evaluation", Action::kRecordEvaluation, kVerifiedInnovation,
     {true, true, false, false, false, false, false, false, false, false, true}},
    {"set the continuation", Action::kSetContinuation, kVerifiedInnovation,
     {true, false, true, false, false, false, false, false, false, false, true}},
    {"set a draft's continuation", Action::kSetContinuation, kAgencyRecord,
     {true, false, true, false, false, false, false, false, false, false, true}},
};
// clang-format on

TEST(ProgrammePolicyTest, WhoMayDoWhatWithTheProgramme) {
  for (const auto& row : kPolicy) {
    for (Who who : kPeople) {
      EXPECT_EQ(Allows(ActorOf(who), row.action, row.subject), row.allowed[who])
          << row.what << " as " << kNames[who];
    }
  }
}

TEST(ProgrammePolicyTest, AnAgencysRoleReadsTheProgrammeOnlyThroughItsRegion) {
  // The API fills in the agency's region (http/api.cpp); a grant without it reads nothing of
  // any region's programme, and one of another region reads that region's only.
  Actor unplaced;
  unplaced.user_id = 5;
  unplaced.roles = {{Role::kAgencyOperator, "", kAgency, 0}};
  EXPECT_FALSE(Allows(unplaced, Action::kReadProgramme, kRegion));
  EXPECT_TRUE(Allows(ActorOf(kOperator), Action::kReadProgramme, kRegion));
  EXPECT_FALSE(Allows(ActorOf(kOperator), Action::kReadProgramme, {"3573"}));
  // An operator keeps their own agency's team only.
  EXPECT_FALSE(Allows(ActorOf(kOperator), Action::kManageTeam, {"3578", kOtherAgency}));
  EXPECT_FALSE(Allows(ActorOf(kOtherOperator), Action::kManageTeam, kAgencyRecord));
  // A read-only token reads but never writes.
  for (auto action : {Action::kManageActivities, Action::kManageTeam, Action::kRecordEvaluation,
                      Action::kSetContinuation}) {
    EXPECT_FALSE(Allows(ActorOf(kReadOnlyAdmin), action, kAgencyRecord));
  }
  EXPECT_TRUE(Allows(ActorOf(kReadOnlyAdmin), Action::kReadEvaluations, kAgencyRecord));
}

}  // namespace
}  // namespace lumbung
