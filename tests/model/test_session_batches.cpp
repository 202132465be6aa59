// The import session's batched writes: what a batch holds is what one statement per call
// would have written, and every read sees it.
#include <catch2/catch.hpp>

#include "model/import_session.h"
#include "model/store.h"
#include "tests/support/test_support.h"

using namespace orglens::model;

TEST_CASE("An object attribute set twice in one import keeps the last value", "[model][store]") {
  const auto dir = orglens::test::tempDir("session-batches");
  auto store = Store::open(dir / "s.orglens", Store::Mode::Create);
  auto session = store->beginImport({"x", "test", "0", "", 0, {}});
  const auto thread = session->object(typeId(BuiltinType::Thread), "C1/1");
  const auto kind = session->intern("kind");
  session->setObjectAttribute(thread, kind, std::string("channel"));
  session->setObjectAttribute(thread, kind, std::string("thread"));  // same batch: replaces
  session->setObjectAttribute(thread, kind, std::string("at 5"), MicrosUtc{5});  // another time
  for (int i = 0; i < 600; ++i)  // several full batches in between
    session->setObjectAttribute(session->object(typeId(BuiltinType::Thread), std::to_string(i)),
                                kind, std::int64_t{i});
  session->setObjectAttribute(thread, kind, std::string("last"));  // replaces a written row
  session->commit(session->counts(), {});
  Statement rows(store->db(),
                 "SELECT value, time_us FROM object_attributes WHERE object = ? ORDER BY rowid");
  rows.bind(1, thread.rowid());
  std::vector<std::string> values;
  while (rows.step())
    values.push_back(std::string(rows.columnText(0)) + "@" +
                     (rows.columnIsNull(1) ? "-" : std::to_string(rows.columnInt(1))));
  CHECK(values == std::vector<std::string>{"at 5@5", "last@-"});
  CHECK(queryInt(store->db(), "SELECT count(*) FROM object_attributes") == 602);
}
