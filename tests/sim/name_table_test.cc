#include "sim/name_table.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace teamsim::sim {
namespace {

enum class Colour { kRed, kGreen, kBlue };

constexpr Named<Colour> kColours[] = {
    {Colour::kRed, "red", "warm"},
    {Colour::kGreen, "green", "grassy"},
    {Colour::kBlue, "blue", "cool"},
};

// A table with an extra column works the same way.
struct Shade {
  Colour value;
  std::string_view name;
  double lightness;
};
constexpr Shade kShades[] = {{Colour::kBlue, "navy", 0.2}, {Colour::kRed, "crimson", 0.4}};

TEST(NameTable, NamesAndParsesEachEntry) {
  EXPECT_EQ(name_in(kColours, Colour::kGreen), "green");
  EXPECT_EQ(parse_in(kColours, "blue"), Colour::kBlue);
  EXPECT_EQ(parse_in(kColours, "purple"), std::nullopt);
  EXPECT_EQ(parse_in(kColours, "Red"), std::nullopt) << "names are case-sensitive";
  EXPECT_EQ(names_in(kColours), (std::vector<std::string>{"red", "green", "blue"}));
}

TEST(NameTable, WorksOnTablesWithMoreColumns) {
  EXPECT_EQ(name_in(kShades, Colour::kRed), "crimson");
  EXPECT_EQ(name_in(kShades, Colour::kGreen), "") << "a value the table lacks has no name";
  EXPECT_EQ(entry_of(kShades, Colour::kGreen), nullptr);
  ASSERT_NE(entry_of(kShades, Colour::kBlue), nullptr);
  EXPECT_EQ(entry_of(kShades, Colour::kBlue)->lightness, 0.2);
  EXPECT_EQ(parse_in(kShades, "navy"), Colour::kBlue);
}

TEST(NameTable, InEnumOrderChecksTheOrder) {
  static_assert(in_enum_order(kColours));
  static_assert(!in_enum_order(kShades));
  static_assert(name_in(kColours, Colour::kBlue) == "blue", "usable in constant expressions");
}

}  // namespace
}  // namespace teamsim::sim
