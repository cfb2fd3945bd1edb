// The clinic's gates and entry rules, and how the yearly target counts, as plain functions.
#include "domain/clinic.hpp"

#include <gtest/gtest.h>

#include "domain/compliance.hpp"

namespace lumbung {
namespace {

const Date kToday{2026, 6, 15};

std::vector<std::string> FieldsOf(const std::vector<FieldError>& errors) {
  std::vector<std::string> fields;
  for (const auto& error : errors) fields.push_back(error.field);
  return fields;
}

ClinicEntry Validation(Stage stage, Decision decision, std::string date = "2026-06-01") {
  ClinicEntry entry;
  entry.kind = ClinicEntryKind::kValidation;
  entry.stage = stage;
  entry.date = std::move(date);
  entry.validation_method = ValidationMethod::kPresentation;
  entry.decision = decision;
  entry.notes = "Catatan";
  return entry;
}

ClinicEntry Launch(std::string date) {
  ClinicEntry entry;
  entry.kind = ClinicEntryKind::kLaunch;
  entry.stage = Stage::kDeliver;
  entry.date = std::move(date);
  return entry;
}

TEST(ClinicTest, StagesMoveOnlyToTheNextPastAnOpenGate) {
  Innovation innovation;
  innovation.summary = "Ide";
  std::vector<ClinicEntry> journal;
  EXPECT_TRUE(CheckStageMove(innovation, Stage::kDiagnose, journal));
  EXPECT_FALSE(CheckStageMove(innovation, Stage::kDesign, journal));  // skipped
  EXPECT_FALSE(CheckStageMove(innovation, Stage::kDrumUp, journal));  // the same
  innovation.stage = Stage::kDesign;
  EXPECT_FALSE(CheckStageMove(innovation, Stage::kDiagnose, journal));  // backwards
  innovation.stage = Stage::kDisplay;
  EXPECT_FALSE(CheckStageMove(innovation, Stage::kDisplay, journal));
  EXPECT_EQ(NextStage(Stage::kDisplay), std::nullopt);
}

TEST(ClinicTest, EachGateAsksForItsOwnRecord) {
  Innovation innovation;
  std::vector<ClinicEntry> journal;
  EXPECT_EQ(FieldsOf(GateGaps(innovation, journal)), std::vector<std::string>{"summary"});
  innovation.background = "Masalahnya";
  EXPECT_TRUE(GateGaps(innovation, journal).empty());

  innovation.stage = Stage::kDiagnose;
  EXPECT_EQ(FieldsOf(GateGaps(innovation, journal)), std::vector<std::string>{"validation"});
  EXPECT_TRUE(AwaitsValidation(innovation, journal));
  journal.push_back(Validation(Stage::kDiagnose, Decision::kRevise));
  EXPECT_FALSE(GateGaps(innovation, journal).empty());
  EXPECT_TRUE(AwaitsValidation(innovation, journal));
  journal.push_back(Validation(Stage::kDiagnose, Decision::kDeclined));
  EXPECT_FALSE(GateGaps(innovation, journal).empty());
  EXPECT_FALSE(AwaitsValidation(innovation, journal));  // declined: nothing to wait for
  journal.push_back(Validation(Stage::kDiagnose, Decision::kAccepted));
  EXPECT_TRUE(GateGaps(innovation, journal).empty());

  // Design's gate needs its own validation, not diagnose's, and the plan.
  innovation.stage = Stage::kDesign;
  EXPECT_EQ(FieldsOf(GateGaps(innovation, journal)),
            (std::vector<std::string>{"design_plan", "validation"}));
  ClinicEntry plan;
  plan.kind = ClinicEntryKind::kDesignPlan;
  journal.push_back(plan);
  journal.push_back(Validation(Stage::kDesign, Decision::kAccepted));
  EXPECT_TRUE(GateGaps(innovation, journal).empty());

  innovation.stage = Stage::kDeliver;
  EXPECT_EQ(FieldsOf(GateGaps(innovation, journal)),
            (std::vector<std::string>{"launch", "monitoring"}));
  journal.push_back(Launch("2026-05-01"));
  ClinicEntry visit;
  visit.kind = ClinicEntryKind::kMonitoring;
  journal.push_back(visit);
  EXPECT_TRUE(GateGaps(innovation, journal).empty());
}

TEST(ClinicTest, EntriesBelongToTheirStageAndNeverPrecedeTheLaunch) {
  Innovation innovation;
  innovation.stage = Stage::kDrumUp;
  std::vector<ClinicEntry> journal;
  EXPECT_EQ(FieldsOf(CheckClinicEntry(Validation(Stage::kDrumUp, Decision::kAccepted), innovation,
                                      journal, kToday)),
            std::vector<std::string>{"kind"});
  innovation.stage = Stage::kDiagnose;
  EXPECT_TRUE(CheckClinicEntry(Validation(Stage::kDiagnose, Decision::kAccepted), innovation,
                               journal, kToday)
                  .empty());
  EXPECT_EQ(
      FieldsOf(CheckClinicEntry(Validation(Stage::kDiagnose, Decision::kAccepted, "2026-07-01"),
                                innovation, journal, kToday)),
      std::vector<std::string>{"date"});
  auto no_reason = Validation(Stage::kDiagnose, Decision::kRevise);
  no_reason.notes = " ";
  EXPECT_EQ(FieldsOf(CheckClinicEntry(no_reason, innovation, journal, kToday)),
            std::vector<std::string>{"notes"});

  innovation.stage = Stage::kDeliver;
  ClinicEntry visit;
  visit.kind = ClinicEntryKind::kMonitoring;
  visit.date = "2026-04-30";
  visit.monitoring_method = MonitoringMethod::kOnline;
  visit.findings = "Berjalan";
  EXPECT_EQ(FieldsOf(CheckClinicEntry(visit, innovation, journal, kToday)),
            std::vector<std::string>{"date"});  // no launch yet
  journal.push_back(Launch("2026-05-01"));
  EXPECT_EQ(FieldsOf(CheckClinicEntry(visit, innovation, journal, kToday)),
            std::vector<std::string>{"date"});  // before it
  visit.date = "2026-05-01";
  EXPECT_TRUE(CheckClinicEntry(visit, innovation, journal, kToday).empty());
  EXPECT_EQ(FieldsOf(CheckClinicEntry(Launch("2026-05-02"), innovation, journal, kToday)),
            std::vector<std::string>{"kind"});  // launched once
}

Innovation Counted(int year, Maturity maturity, RecordStatus status) {
  Innovation innovation;
  innovation.year = year;
  innovation.maturity = maturity;
  innovation.status = status;
  return innovation;
}

TEST(ComplianceTest, WhatCountsTowardsTheTarget) {
  TargetRule rule;
  EXPECT_EQ(CountsFor(Counted(2026, Maturity::kTrial, RecordStatus::kVerified), rule, 2026),
            Counted::kNew);
  EXPECT_EQ(CountsFor(Counted(2026, Maturity::kInitiative, RecordStatus::kVerified), rule, 2026),
            Counted::kNo);
  EXPECT_EQ(CountsFor(Counted(2026, Maturity::kTrial, RecordStatus::kSubmitted), rule, 2026),
            Counted::kNo);
  EXPECT_EQ(CountsFor(Counted(2026, Maturity::kTrial, RecordStatus::kRejected), rule, 2026),
            Counted::kNo);
  rule.verified_only = false;
  EXPECT_EQ(CountsFor(Counted(2026, Maturity::kTrial, RecordStatus::kSubmitted), rule, 2026),
            Counted::kNew);
  auto older = Counted(2023, Maturity::kImplementation, RecordStatus::kPublished);
  EXPECT_EQ(CountsFor(older, rule, 2026), Counted::kNo);
  older.implementation_date = "2026-03-01";
  EXPECT_EQ(CountsFor(older, rule, 2026), Counted::kDeveloped);
  EXPECT_EQ(CountsFor(older, rule, 2025), Counted::kNo);
  auto undated = Counted(2026, Maturity::kTrial, RecordStatus::kVerified);
  undated.year.reset();
  undated.created_at = "2025-11-02T01:00:00Z";
  EXPECT_EQ(CountsFor(undated, rule, 2025), Counted::kNew);
}

TEST(ComplianceTest, DeadlinesFallOnARealDay) {
  TargetRule rule;
  rule.deadline = "02-29";
  EXPECT_EQ(DeadlineIn(rule, 2028), (Date{2028, 2, 29}));
  EXPECT_EQ(DeadlineIn(rule, 2026), (Date{2026, 2, 28}));
}

}  // namespace
}  // namespace lumbung
