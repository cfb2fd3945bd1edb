// The demo generator: a fictional city with its agencies and several years of innovations,
// for trying Lumbung out and for benchmarks. Everything it writes is marked as demo data.
#pragma once

#include <cstdint>
#include <string>

#include "domain/registry.hpp"
#include "domain/result.hpp"
#include "domain/store.hpp"

namespace lumbung::demo {

// What to generate.
struct DemoOptions {
  std::string region_code = "9971";  // a city code that no real region uses
  int innovations = 0;               // 0: the natural demo size, 3 to 8 per agency
  std::uint32_t seed = 2018;         // the same seed and clock give the same region
};

// What LoadDemo found or wrote.
struct DemoSummary {
  std::string region_code;
  int agencies = 0;  // agencies and BUMD, without their sub-units
  int innovations = 0;
  bool already_present = false;
  int units = 0;  // Eselon III sub-units (bidang, bagian) of the agencies
};

// The most innovations one call generates: enough for the largest benchmark, small enough
// that a mistyped number cannot fill the disk.
inline constexpr int kMaxDemoInnovations = 1'000'000;

// Creates the demo region "Kota Lumbung Sejahtera (Demo)" with 40 agencies and BUMD, some
// Eselon III sub-units, and innovations from 2021 up to the registry clock's year, with the
// region's programme (teams, sessions, training, evaluations) when the innovations are a
// region's few thousand rather than a benchmark's corpus, all in one
// transaction on `store` and every record through `registry`, which must write to `store`.
// When a demo region with the code exists, changes nothing and says so; when a region that is
// not a demo holds the code, returns a conflict. The first error of the registry rolls
// everything back and is returned.
Result<DemoSummary> LoadDemo(Store& store, Registry& registry, const DemoOptions& options);

}  // namespace lumbung::demo
