#pragma once

#include <array>
#include <string>
#include <string_view>

// Numbers as teamsim writes them for people: in messages, tables, reports and chart labels.

namespace teamsim::app {

/// What goes in front of an amount (after the sign): "$", "€" or "£" for USD, EUR and GBP, the
/// code and a space for any other currency ("CHF " reads "CHF 251k", "-CHF 1.2M"); "" for none.
std::string currency_symbol(const std::string& currency);

/// A number with a fixed count of decimals and thousands separators, the currency symbol after
/// the sign: format_grouped(-1234.5, 1, "$") is "-$1,234.5". Not finite: "n/a".
std::string format_grouped(double value, int decimals, std::string_view currency_symbol = "");

/// A number for people, about 3 significant digits: below 10,000 in full with separators
/// ("12", "0.25", "9,500"), above with a suffix k, M, B or T ("250k", "$1.5M", "-$12.3M"), from
/// 1,000T on as a mantissa and a power of ten ("$1.44e18"). NaN and infinity are "n/a".
std::string format_compact(double value, std::string_view currency_symbol = "");

/// |value| with the largest of the suffixes k, M, B, T not above it (k below 1,000), its
/// digits down to 10^resolution_exponent (no decimals when that is at or above the suffix),
/// trailing zeros trimmed, the sign and currency symbol in front: format_suffixed(1.5e6, 5, "$")
/// is "$1.5M", format_suffixed(-250000, 3) is "-250k"; from 1,000T on, as format_compact.
std::string format_suffixed(double value, int resolution_exponent,
                            std::string_view currency_symbol = "");

/// A value of a metric in its unit (a metric's unit name in models/metrics.def), as the tables
/// write it: "ratio" as a percentage with one decimal ("12.5%"), "count" as a whole number
/// (percentiles of counts interpolate: 37.1 customers), "currency" as format_compact with
/// `currency_symbol` ("$1.25M"), any other unit as format_compact; "n/a" when not finite.
std::string format_metric_number(double value, std::string_view unit,
                                 std::string_view currency_symbol);

/// The units of durations (a metric's unit name in models/metrics.def). Their numbers carry no
/// sign of the unit: titles and axes give it in brackets ("CAC payback (months)"), and a number
/// written alone names it after the number (unit_after_number).
inline constexpr std::array<std::string_view, 2> kDurationUnits{"months", "days"};
bool is_duration_unit(std::string_view unit);
/// " days" or " months" for a duration unit, to follow a number written without a title that
/// names the unit ("= 73.1 days (expected < 60 days)"); "" for any other unit, whose numbers
/// carry their own sign ("$1.3M", "25.0%") or are counts.
std::string unit_after_number(std::string_view unit);

/// `value` as format_metric_number writes it, with more digits where that rounding would put it
/// on the wrong side of `reference` or make it look equal to it: beside a threshold of 5%, an
/// actual 0.0504 is "5.04%", not "5.0%". With `reference` = `value`, the digits that write it
/// exactly (a threshold of 0.0525 is "5.25%"), up to 6 more.
std::string format_metric_number_beside(double value, double reference, std::string_view unit,
                                        std::string_view currency_symbol);

/// 10^exponent by repeated multiplication (and one division for a negative exponent): exact for
/// the small exponents of number formatting and chart axes.
double power_of_ten(int exponent);

/// The shortest text that reads back as `value` ("0.25", "3000000", "1e+20"), as in diagnostics
/// that quote what the user wrote or a limit.
std::string format_number(double value);

}  // namespace teamsim::app
