# Writes a C++ source that returns the contents of INPUT from FUNCTION in namespace NAMESPACE.
file(READ ${INPUT} text)
file(WRITE ${OUTPUT} "// Generated from ${INPUT}; edit that file.\n#include <string_view>\n\n"
     "namespace ${NAMESPACE} {\n\nstd::string_view ${FUNCTION}() {\n"
     "  static constexpr std::string_view kText = R\"lumbung_text(${text})lumbung_text\";\n"
     "  return kText;\n}\n\n}  // namespace ${NAMESPACE}\n")
