#include "app/scenario/market_readers.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "sim/distribution.h"
#include "tests/app/scenario/section_test_util.h"

// The market's sections read alone into a default scenario: territories, the sales motion,
// products and segments. (scenario_loader_test.cc reads them in whole files.)

namespace teamsim::app::loader {
namespace {

using Errors = std::vector<std::string>;

class MarketReadersTest : public SectionTest {
 protected:
  void two_territories() {
    model::TerritorySpec east = model::default_territory();
    east.name = "east";
    model::TerritorySpec west = model::default_territory();
    west.name = "west";
    spec_.territories = {east, west};
  }
};

TEST_F(MarketReadersTest, TerritoriesReplaceTheDefaultOneAndStartFromItsValues) {
  read_territories(section("territories:\n"
                           "  east: {inbound_leads_per_month: 30}\n"
                           "  west: {}\n",
                           "territories"),
                   spec_, sink_);
  EXPECT_EQ(errors(), Errors{});
  ASSERT_EQ(spec_.territories.size(), 2u);
  EXPECT_EQ(spec_.territories[0].name, "east");
  EXPECT_EQ(spec_.territories[0].inbound_leads_per_month, 30);
  EXPECT_EQ(spec_.territories[1].name, "west");
  EXPECT_EQ(spec_.territories[1].inbound_leads_per_month,
            model::default_territory().inbound_leads_per_month);
}

TEST_F(MarketReadersTest, AnEmptyTerritoriesMapKeepsTheDefault) {
  read_territories(section("territories: {}\n", "territories"), spec_, sink_);
  EXPECT_EQ(errors(), Errors{});
  ASSERT_EQ(spec_.territories.size(), 1u);
  EXPECT_EQ(spec_.territories[0].name, "all");
}

TEST_F(MarketReadersTest, InitialCustomersByTerritoryAreGivenByEveryTerritoryOrNone) {
  read_territories(section("territories:\n"
                           "  north: {initial_customers: 120}\n"
                           "  south: {initial_customers: 0}\n",
                           "territories"),
                   spec_, sink_);
  EXPECT_EQ(errors(), Errors{});
  ASSERT_EQ(spec_.territories.size(), 2u);
  EXPECT_EQ(spec_.territories[0].initial_customers, 120);
  EXPECT_EQ(spec_.territories[1].initial_customers, 0);

  read_territories(section("territories:\n"
                           "  north: {initial_customers: 120}\n"
                           "  south: {}\n"
                           "  east: {initial_customers: 3}\n"
                           "  west: {inbound_leads_per_month: 5}\n"
                           "customers: {initial: 200}\n",
                           "territories"),
                   spec_, sink_);
  // Only that: the sum of the counts given is not compared with customers.initial.
  check_initial_customers_placed(root_, spec_, sink_);
  EXPECT_EQ(errors(), Errors{"s.yaml:3:3: territories.south: initial_customers is given for north "
                             "and east but not for south and west: give every territory its "
                             "count (0 where there are no customers), or none to spread "
                             "customers.initial by inbound_leads_per_month"});

  // Not given anywhere: the customers are spread by the lead flow, as before the key.
  read_territories(section("territories:\n  north: {}\n  south: {}\n", "territories"), spec_,
                   sink_);
  EXPECT_EQ(errors(), Errors{});
  EXPECT_FALSE(spec_.territories[0].initial_customers.has_value());
  EXPECT_FALSE(spec_.territories[1].initial_customers.has_value());
}

TEST_F(MarketReadersTest, CustomersInitialIsTheTerritoriesSumOrMustEqualIt) {
  const std::string territories =
      "territories:\n"
      "  north: {initial_customers: 120}\n"
      "  south: {initial_customers: 80}\n";
  // Left out: 120 + 80.
  read_territories(section(territories, "territories"), spec_, sink_);
  check_initial_customers_placed(root_, spec_, sink_);
  EXPECT_EQ(errors(), Errors{});
  EXPECT_EQ(spec_.customers.initial_customers, 200);

  // Written and equal: fine.
  spec_ = model::default_scenario();
  read_territories(section(territories + "customers: {initial: 200}\n", "territories"), spec_,
                   sink_);
  spec_.customers.initial_customers = 200;  // as read_customers reads it
  check_initial_customers_placed(root_, spec_, sink_);
  EXPECT_EQ(errors(), Errors{});

  // Written and different: both numbers, and the line of each territory's count.
  spec_ = model::default_scenario();
  read_territories(section(territories + "customers:\n  initial: 150\n", "territories"), spec_,
                   sink_);
  spec_.customers.initial_customers = 150;
  check_initial_customers_placed(root_, spec_, sink_);
  EXPECT_EQ(errors(), Errors{"s.yaml:5:12: customers.initial: is 150, but the territories' "
                             "initial_customers add up to 200 (north 120 on line 2 and south 80 "
                             "on line 3); leave customers.initial out (it is then their sum) or "
                             "make the two agree"});

  // More than the limit of initial customers in all, though each territory is within it.
  spec_ = model::default_scenario();
  read_territories(section("territories:\n"
                           "  north: {initial_customers: 600_000}\n"
                           "  south: {initial_customers: 500_000}\n",
                           "territories"),
                   spec_, sink_);
  check_initial_customers_placed(root_, spec_, sink_);
  EXPECT_EQ(errors(), Errors{"s.yaml:2:3: territories: the territories' initial_customers add up "
                             "to 1,100,000, more than the limit of 1,000,000 initial customers "
                             "in all"});
}

TEST_F(MarketReadersTest, AnUnknownSalesMotionIsSuggested) {
  read_sales_motion(section("sales_motion: transactionl\n", "sales_motion"), spec_, sink_);
  EXPECT_EQ(errors(), Errors{"s.yaml:1:15: sales_motion: unknown sales motion 'transactionl'; "
                             "did you mean 'transactional'?"});
}

TEST_F(MarketReadersTest, AVacantTerritorysLeadsAreUnworkedUnlessTheCompanyTakesThem) {
  EXPECT_EQ(spec_.pipeline.vacant_territory_leads, model::VacantTerritoryLeads::kUnworked);
  read_pipeline(section("pipeline: {vacant_territory_leads: company}\n", "pipeline"), spec_, sink_);
  EXPECT_EQ(errors(), Errors{});
  EXPECT_EQ(spec_.pipeline.vacant_territory_leads, model::VacantTerritoryLeads::kCompany);
  read_pipeline(section("pipeline: {vacant_territory_leads: compnay}\n", "pipeline"), spec_, sink_);
  ASSERT_EQ(errors().size(), 1u);
  EXPECT_NE(errors()[0].find("pipeline.vacant_territory_leads: unknown value 'compnay'; did you "
                             "mean 'company'?"),
            std::string::npos)
      << errors()[0];
}

TEST_F(MarketReadersTest, ProductsStartFromThePipelinesValues) {
  spec_.pipeline.win_rate = sim::Distribution::constant(0.3);
  read_products(section("products:\n"
                        "  core: {share: 2}\n"
                        "  addon: {win_rate: 0.1}\n",
                        "products"),
                spec_, sink_);
  EXPECT_EQ(errors(), Errors{});
  ASSERT_EQ(spec_.products.size(), 2u);
  EXPECT_EQ(spec_.products[0].share, 2);
  EXPECT_EQ(spec_.products[0].win_rate.describe(), "0.3");
  EXPECT_EQ(spec_.products[1].share, 1);
  EXPECT_EQ(spec_.products[1].win_rate.describe(), "0.1");
}

TEST_F(MarketReadersTest, ASegmentsShareByTerritoryNamesDefinedTerritories) {
  two_territories();
  read_segments(section("segments:\n"
                        "  smb: {share_by_territory: {esat: 1}}\n",
                        "segments"),
                spec_, sink_);
  EXPECT_EQ(errors(), Errors{"s.yaml:2:30: segments.smb.share_by_territory.esat: unknown "
                             "territory 'esat'; did you mean 'east'?"});
}

TEST_F(MarketReadersTest, EveryTerritoryNeedsASegmentWithAPositiveShare) {
  two_territories();
  read_segments(section("segments: {smb: {share: 0, share_by_territory: {east: 1}}}\n", "segments"),
                spec_, sink_);
  EXPECT_EQ(errors(), Errors{"s.yaml:1:11: segments: every segment's share in territory 'west' "
                             "is 0; give one a positive share there (share or "
                             "share_by_territory)"});
  // With initial customers, the segments' overall shares must not all be 0 either.
  spec_.segments.clear();
  spec_.customers.initial_customers = 10;
  read_segments(
      section("segments: {smb: {share: 0, share_by_territory: {east: 1, west: 1}}}\n", "segments"),
      spec_, sink_);
  EXPECT_EQ(errors(), Errors{"s.yaml:1:11: segments: every segment's share is 0, so the initial "
                             "customers have no segment; give one a positive share"});
}

}  // namespace
}  // namespace teamsim::app::loader
