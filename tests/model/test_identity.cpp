#include <catch2/catch.hpp>

#include "model/identity.h"
#include "model/model.h"

using namespace orglens::model;

TEST_CASE("E-mail addresses are normalised from their common written forms", "[model][identity]") {
  CHECK(normaliseEmail("Ann.Lee@Example.ORG") == "ann.lee@example.org");
  CHECK(normaliseEmail("  \"Lee, Ann\" <ann.lee@example.org> ") == "ann.lee@example.org");
  CHECK(normaliseEmail("ann.lee at example.org (Ann Lee)") == "ann.lee@example.org");  // pipermail
  CHECK(normaliseEmail("ann+lists@example.org") == "ann+lists@example.org");
  CHECK(normaliseEmail("ann+lists@example.org", {.stripPlusTag = true}) == "ann@example.org");
  CHECK(normaliseEmail("Resource10").empty());
  CHECK(normaliseEmail("@example.org").empty());
  CHECK(normaliseEmail("a@b@c").empty());
}

TEST_CASE("Aliases of one person resolve to the same person", "[model][identity]") {
  Model model;
  IdentityResolver resolver(model);
  const auto ann = resolver.resolve(AliasKind::Email, "Ann <ann@example.org>", "Ann");
  CHECK(resolver.resolve(AliasKind::Email, "ANN@example.org") == ann);
  CHECK(resolver.resolve(AliasKind::Email, "ann at example.org") == ann);
  // A resource column that holds an e-mail finds the person by e-mail.
  CHECK(resolver.resolve(AliasKind::Resource, "ann@example.org") == ann);
  // A resource name that is a roster id finds the roster person.
  const auto p7 = PersonId::of(model.object(typeId(BuiltinType::Person), "p0007", "Pat"));
  model.addAlias(AliasKind::PersonKey, "p0007", p7);
  CHECK(resolver.resolve(AliasKind::Resource, "p0007") == p7);
  const auto other = resolver.resolve(AliasKind::Resource, "Resource 10");
  CHECK(other != ann);
  CHECK(resolver.resolve(AliasKind::Resource, "  Resource   10 ") == other);
  CHECK_FALSE(resolver.resolve(AliasKind::Email, "not an address").valid());
  CHECK(resolver.created() == 2);
}

TEST_CASE("Merging two people moves their events, relations and aliases", "[model][identity]") {
  Model model;
  IdentityResolver resolver(model);
  const auto a = resolver.resolve(AliasKind::ChatId, "U123");
  const auto b = resolver.resolve(AliasKind::Email, "b@example.org");
  EventRecord e;
  e.actor = a;
  e.activity = model.intern("posted");
  model.addEvent(e);
  const auto team = model.object(typeId(BuiltinType::Team), "Ops");
  model.addRelation({a.object(), team, model.intern("member-of"), std::nullopt, std::nullopt});
  model.addRelation({b.object(), team, model.intern("member-of"), std::nullopt, std::nullopt});
  model.mergePeople(a, b);
  CHECK(model.events()[0].actor == b);
  CHECK(model.findAlias(AliasKind::ChatId, "U123") == b);
  // The two member-of relations became one; plus a merged-into record.
  CHECK(model.relations().size() == 2);
}

TEST_CASE("Platforms are read from words of device and client strings", "[model][platform]") {
  CHECK(parsePlatform("iPhone 14") == Platform::Mobile);
  CHECK(parsePlatform("iPhone14,2") == Platform::Mobile);
  CHECK(parsePlatform("Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) Mobile/15E148 Safari") ==
        Platform::Mobile);
  CHECK(parsePlatform("Pixel 8") == Platform::Mobile);
  CHECK(parsePlatform("Windows 11 Chrome") == Platform::Web);  // a browser on Windows is web use
  CHECK(parsePlatform("Microsoft Outlook 16.0") == Platform::Desktop);
  CHECK(parsePlatform("Mozilla Thunderbird") == Platform::Desktop);
  CHECK(parsePlatform("MacBook Safari") == Platform::Web);
  CHECK(parsePlatform("Sony Studios mailer") == Platform::Unknown);  // "ios" inside a word
  CHECK(parsePlatform("") == Platform::Unknown);
  CHECK(parsePlatform("desktop") == Platform::Desktop);
}
