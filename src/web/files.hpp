// The files of the web interface, embedded in the program at build time so that a single
// binary serves everything.
#pragma once

#include <span>
#include <string_view>

namespace lumbung::web {

// One file: its path below src/web/ ("templates/home.html") and its bytes.
struct EmbeddedFile {
  std::string_view path;
  std::string_view content;
};

// Every embedded file, sorted by path.
std::span<const EmbeddedFile> EmbeddedFiles();

}  // namespace lumbung::web
