// The import session's bounded caches: eviction, views that stay valid, and lookups that fall
// back to the store once an entry is gone.
#include <catch2/catch.hpp>

#include "model/import_session.h"
#include "model/session_cache.h"
#include "model/store.h"
#include "tests/support/test_support.h"

using namespace orglens::model;

TEST_CASE("The string cache keeps two generations and copies retired hits forward",
          "[model][cache]") {
  StringCache cache(2);
  const std::string_view a = cache.add("a", StringId(0));
  cache.add("b", StringId(1));
  cache.add("c", StringId(2));            // "a" and "b" retire
  CHECK(a == "a");                        // a view lives on while its generation is retired
  CHECK(cache.find("a") == StringId(0));  // copied forward into the current generation
  cache.add("d", StringId(3));            // the current generation ("c", "a") retires
  cache.add("e", StringId(4));
  CHECK_FALSE(cache.find("b"));  // freed with the older retired generation
  CHECK(cache.size() <= 4);
  REQUIRE(cache.text(StringId(3)));
  CHECK(*cache.text(StringId(3)) == "d");
}

TEST_CASE("The object cache forgets old objects and keeps their types while cached",
          "[model][cache]") {
  ObjectCache cache(1);
  const auto k0 = ObjectCache::keyOf(TypeId(0), StringId(5));
  const auto k1 = ObjectCache::keyOf(TypeId(2), StringId(6));
  const auto k2 = ObjectCache::keyOf(TypeId(2), StringId(7));
  cache.add(k0, {ObjectId(0), TypeId(0), false});
  cache.add(k1, {ObjectId(1), TypeId(2), true});
  CHECK(cache.typeOf(ObjectId(0)) == TypeId(0));  // retired, still known
  cache.add(k2, {ObjectId(2), TypeId(2), false});
  CHECK_FALSE(cache.typeOf(ObjectId(0)));
  REQUIRE(cache.find(k1) != nullptr);
  CHECK(cache.find(k1)->hasName);
  CHECK(cache.find(k0) == nullptr);
}

TEST_CASE("An import larger than the caches finds evicted strings and objects in the store",
          "[model][cache]") {
  const auto dir = orglens::test::tempDir("session-cache");
  auto store = Store::open(dir / "s.orglens", Store::Mode::Create);
  auto session = store->beginImport({"x", "test", "0", "", 0, {}});
  const auto message = typeId(BuiltinType::Message);
  // More than two generations of distinct keys, so the first ones are only in the store.
  const std::uint32_t n = 300'000;
  std::vector<ObjectId> ids;
  for (std::uint32_t i = 0; i < n; ++i)
    ids.push_back(session->object(message, "m" + std::to_string(i)));
  const StringId first = session->intern("m0");
  CHECK(session->text(first) == "m0");
  CHECK(session->object(message, "m0") == ids[0]);  // found again, not duplicated
  CHECK(session->findObject(message, "m1") == ids[1]);
  CHECK(session->typeOf(ids[2]) == message);
  CHECK_FALSE(session->findObject(message, "m-missing"));
  CHECK(session->object(message, "m3", "named later") == ids[3]);  // fills the missing name
  CHECK(session->counts().objects == n);
  session->commit(session->counts(), {});
  const auto m = store->loadModel();
  REQUIRE(m.objects().size() == n);
  CHECK(m.text(m.objects()[3].name) == "named later");
  CHECK(m.text(m.objects()[n - 1].key) == "m" + std::to_string(n - 1));
}

TEST_CASE("The flat caches grow their tables and find every entry of both generations",
          "[model][cache]") {
  StringCache strings(5000);  // tables start small and double past the first size
  ObjectCache objects(5000);
  for (std::uint32_t i = 0; i < 9000; ++i) {
    strings.add("text " + std::to_string(i), StringId(i));
    objects.add(ObjectCache::keyOf(TypeId(i % 3), StringId(i)),
                {ObjectId(i), TypeId(i % 3), false});
  }
  for (std::uint32_t i = 0; i < 9000; ++i) {
    INFO(i);
    REQUIRE(strings.findConst("text " + std::to_string(i)) == StringId(i));
    REQUIRE(objects.typeOf(ObjectId(i)) == TypeId(i % 3));
  }
  // text() of a retired entry copies it forward, so only the current generation is read here.
  for (std::uint32_t i = 5000; i < 9000; ++i)
    REQUIRE(strings.text(StringId(i)) == "text " + std::to_string(i));
  CHECK_FALSE(strings.findConst("text 9000"));
  CHECK_FALSE(objects.findConst(ObjectCache::keyOf(TypeId(1), StringId(9001))));
  CHECK(strings.add("", StringId(9001)).empty());  // the empty text is a text like any other
  CHECK(strings.find("") == StringId(9001));
}

TEST_CASE("The string filter never rules out a text it was given and rules out most others",
          "[model][cache]") {
  StringFilter filter;
  for (int i = 0; i < 100'000; ++i) filter.add("C0/" + std::to_string(1'700'000'000 + i));
  for (int i = 0; i < 100'000; ++i)
    REQUIRE(filter.mayContain("C0/" + std::to_string(1'700'000'000 + i)));
  int maybe = 0;
  for (int i = 0; i < 100'000; ++i) maybe += filter.mayContain("C1/" + std::to_string(i)) ? 1 : 0;
  CHECK(maybe < 100);  // about 0.001% expected at this fill
}

TEST_CASE("A second import finds the strings of the first, before and after it loads its filter",
          "[model][cache]") {
  const auto dir = orglens::test::tempDir("session-filter");
  auto store = Store::open(dir / "s.orglens", Store::Mode::Create);
  std::vector<StringId> first;
  {
    auto session = store->beginImport({"x", "test", "0", "", 0, {}});
    for (int i = 0; i < 5000; ++i) first.push_back(session->intern("s" + std::to_string(i)));
    session->commit(session->counts(), {});
  }
  auto session = store->beginImport({"x", "test", "1", "", 0, {}});
  CHECK(session->intern("s7") == first[7]);  // probed: the filter is not loaded yet
  // Enough misses to load the filter (a quarter of the stored strings, plus 1024).
  for (int i = 0; i < 3000; ++i) session->intern("n" + std::to_string(i));
  CHECK(session->intern("s4999") == first[4999]);   // the filter says "maybe": probed, found
  const auto fresh = session->intern("brand new");  // ruled out: batched
  CHECK(session->text(fresh) == "brand new");
  CHECK(session->intern("n5") == session->intern("n5"));
  session->commit(session->counts(), {});
  CHECK(queryInt(store->db(), "SELECT count(*) FROM strings") == 5000 + 3000 + 1);
  CHECK(queryInt(store->db(), "SELECT count(DISTINCT value) FROM strings") == 8001);
  CHECK(queryInt(store->db(), "SELECT max(id) FROM strings") == 8001);
}
