// The facts the simulator plants, in one place: the generator reads them to shape the data
// and the ground truth reports them. The analyses of orglens must recover each of them.
#pragma once

namespace orglens::samples::planted {

/// Handoffs from this team to that one wait days instead of hours.
inline constexpr const char* kSlowFromTeam = "Legal";
inline constexpr const char* kSlowToTeam = "Operations";
/// Works almost only with itself; its few outside contacts go through the broker.
inline constexpr const char* kSiloTeam = "Research";
/// The broker is a member of this team and the only bridge between the two departments.
inline constexpr const char* kBrokerTeam = "Sales";
inline constexpr const char* kBrokerDepartmentA = "Product";
inline constexpr const char* kBrokerDepartmentB = "Commercial";
/// This department never uses this tool.
inline constexpr const char* kNonAdoptingDepartment = "Corporate";
inline constexpr const char* kNonAdoptedTool = "chat";
/// Mostly works from phones.
inline constexpr const char* kMobileFirstTeam = "Field Service";
/// Works seven days a week; everyone else Monday to Friday.
inline constexpr const char* kWeekendTeam = "Support";
/// The slow reviewer group of the code-review exports (github/, jira/): reviews this team
/// requests of that one wait days; every other review waits hours.
inline constexpr const char* kSlowReviewRequestTeam = "Engineering";
inline constexpr const char* kSlowReviewerTeam = "Design";

}  // namespace orglens::samples::planted
