// Builds an EventLog for analysis tests from event CSV text (imported through the real
// importer into a temporary store), so that test logs read like tables.
#pragma once

#include <memory>
#include <string>

#include "importers/import_file.h"
#include "model/event_log.h"
#include "model/store.h"
#include "tests/support/test_support.h"

namespace orglens::test {

struct TestLog {
  std::unique_ptr<model::Store> store;
  model::EventLog log;
  /// Id of a string (activity) or an object by its label; fails the test when absent.
  std::uint32_t string(const std::string& text) const {
    for (std::uint32_t i = 0; i < log.strings.size(); ++i)
      if (log.strings[i] == text) return i;
    throw std::runtime_error("no string '" + text + "' in the test log");
  }
  std::uint32_t object(const std::string& label) const {
    for (std::uint32_t i = 0; i < log.objectType.size(); ++i)
      if (log.label(i) == label) return i;
    throw std::runtime_error("no object '" + label + "' in the test log");
  }
};

inline TestLog logFromCsv(const std::string& csv, const std::string& name = "log") {
  const auto dir = tempDir(name);
  const auto file = writeFile(dir / "events.csv", csv);
  TestLog t;
  t.store = model::Store::open(dir / "test.orglens", model::Store::Mode::Create);
  model::NoProgress progress;
  importers::importFile(*t.store, file, {}, progress);
  t.log = model::EventLog::load(*t.store);
  return t;
}

}  // namespace orglens::test
