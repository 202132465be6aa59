// Built-in person names for the simulator and the e-mail addresses derived from them.
#pragma once

#include <string>
#include <string_view>

namespace orglens::samples {

class Random;

/// "First Last" from small built-in lists; a few are non-ASCII (UTF-8) on purpose so that
/// importers and reports are exercised with real-world names.
std::string makePersonName(Random& random);

/// "first.last" in lower-case ASCII: accented letters are transliterated (ü → ue, é → e),
/// anything else that is not a letter or digit is dropped.
std::string emailLocalPart(std::string_view name);

}  // namespace orglens::samples
