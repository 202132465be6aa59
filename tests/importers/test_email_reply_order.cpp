// Mail replies link to their parent wherever it is: later in the same file, in a later file
// of the same store, or in a file imported before (pipermail months, any import order).
#include <algorithm>
#include <catch2/catch.hpp>

#include "importers/import_file.h"
#include "model/sqlite_util.h"
#include "model/store.h"
#include "tests/support/test_support.h"

using namespace orglens;

namespace {

std::string message(const std::string& id, const std::string& date, const std::string& parent) {
  std::string m =
      "From a@example.org Mon Mar  2 09:00:00 2020\nFrom: A <a@example.org>\n"
      "Date: " +
      date + "\nMessage-ID: <" + id + ">\n";
  if (!parent.empty()) m += "In-Reply-To: <" + parent + ">\nReferences: <" + parent + ">\n";
  return m + "\nbody\n\n";
}

/// "from>to" of every reply-to relation, sorted.
std::vector<std::string> replies(const model::Model& m) {
  std::vector<std::string> out;
  auto key = [&m](model::ObjectId id) { return std::string(m.text(m.objects()[id.value()].key)); };
  for (const auto& r : m.relations())
    if (m.text(r.qualifier) == "reply-to") out.push_back(key(r.from) + ">" + key(r.to));
  std::sort(out.begin(), out.end());
  return out;
}

std::uint64_t importInto(model::Store& store, const std::filesystem::path& file) {
  model::NoProgress progress;
  importers::ImportOptions options;
  return importers::importFile(store, file, options, progress).counts.relations;
}

}  // namespace

TEST_CASE("A reply imported before its parent's file is linked when the parent comes",
          "[importers][email]") {
  const auto dir = test::tempDir("reply-order");
  // March's archive replies to a February message and is imported first.
  const auto march = test::writeFile(
      dir / "2020-March.txt",
      message("r1@x.org", "Mon, 2 Mar 2020 10:00:00 +0000", "p1@x.org") +
          message("r2@x.org", "Mon, 2 Mar 2020 11:00:00 +0000", "r1@x.org") +
          message("r3@x.org", "Mon, 2 Mar 2020 12:00:00 +0000", "never-archived@x.org"));
  const auto february = test::writeFile(dir / "2020-February.txt",
                                        message("p1@x.org", "Mon, 24 Feb 2020 10:00:00 +0000", ""));
  auto store = model::Store::open(dir / "s.orglens", model::Store::Mode::Create);
  const auto marchRelations = importInto(*store, march);
  CHECK(replies(store->loadModel()) == std::vector<std::string>{"r2@x.org>r1@x.org"});
  const auto februaryRelations = importInto(*store, february);
  CHECK(replies(store->loadModel()) ==
        std::vector<std::string>{"r1@x.org>p1@x.org", "r2@x.org>r1@x.org"});
  // Each import counts what it added: 3 + 2 `in` thread and 1 + 1 reply-to relations.
  CHECK(marchRelations == 4);
  CHECK(februaryRelations == 2);
  // The reply whose parent was never archived still waits, and nothing else does.
  const auto waiting = model::queryInt(store->db(), "SELECT count(*) FROM pending_relations");
  CHECK(waiting == 1);
}

TEST_CASE("A reply before its parent in one file links, in a store and in memory",
          "[importers][email]") {
  const auto dir = test::tempDir("reply-first");
  const auto file = test::writeFile(
      dir / "box.mbox", message("r1@x.org", "Mon, 2 Mar 2020 10:00:00 +0000", "p1@x.org") +
                            message("p1@x.org", "Mon, 2 Mar 2020 09:00:00 +0000", ""));
  auto store = model::Store::open(dir / "s.orglens", model::Store::Mode::Create);
  importInto(*store, file);
  CHECK(replies(store->loadModel()) == std::vector<std::string>{"r1@x.org>p1@x.org"});
  model::Model memory;
  model::NoProgress progress;
  importers::importFile(memory, file, {}, progress);
  CHECK(replies(memory) == std::vector<std::string>{"r1@x.org>p1@x.org"});
}
