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
  const std::string& a = cache.add("a", StringId(0));
  cache.add("b", StringId(1));
  cache.add("c", StringId(2));            // "a" and "b" retire
  CHECK(a == "a");                        // a view lives on while its generation is retired
  CHECK(cache.find("a") == StringId(0));  // copied forward into the current generation
  cache.add("d", StringId(3));            // the current generation ("c", "a") retires
  cache.add("e", StringId(4));
  CHECK_FALSE(cache.find("b"));  // freed with the older retired generation
  CHECK(cache.size() <= 4);
  REQUIRE(cache.text(StringId(3)) != nullptr);
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
  SourceRecord source;
  source.path = "x";
  source.format = "test";
  source.sha256 = "0";
  auto session = store->beginImport(source);
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
