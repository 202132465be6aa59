// Neutral generated texts for the sample's mails and chat messages: no personal data, only
// office phrases. Indices into these tables are what the simulators store.
#pragma once

#include <array>
#include <string_view>

namespace orglens::samples::texts {

inline constexpr std::array<std::string_view, 16> kSubjects = {
    "Question about the delivery schedule",
    "Contract draft for review",
    "Quarterly plan",
    "Invoice status",
    "Site visit next week",
    "Test results",
    "Budget update",
    "Meeting notes",
    "Onboarding checklist",
    "Release notes",
    "Customer feedback",
    "Open points from the review",
    "Travel request",
    "Status of the open ticket",
    "Training dates",
    "Spare parts order"};

inline constexpr std::array<std::string_view, 16> kMailLines = {
    "Could you have a look at this when you have a moment?",
    "Please find the current status below.",
    "I have updated the document in the shared folder.",
    "Let me know if anything is missing.",
    "The numbers look fine to me.",
    "We can discuss this in the next weekly meeting.",
    "I will follow up with the team tomorrow.",
    "Thanks for the quick turnaround.",
    "The ticket has been updated accordingly.",
    "Can we move the deadline by two days?",
    "I agree with the proposed approach.",
    "Please check the attached summary in the tracker.",
    "Nothing urgent, just keeping you in the loop.",
    "I added my comments to the draft.",
    "The customer confirmed the appointment.",
    "Could you confirm the next steps?"};

/// Body lines that start with "From " and so exercise mboxrd escaping.
inline constexpr std::array<std::string_view, 2> kFromLines = {
    "From the notes of the last meeting: the plan stays as it is.",
    "From next Monday on the new process applies."};

inline constexpr std::array<std::string_view, 14> kChatPosts = {
    "Good morning, quick update: the build is green again.",
    "Has anyone seen the latest version of the plan?",
    "Reminder: stand-up moved to 10:30 today.",
    "I pushed the changes, please take a look.",
    "The customer call went well, notes are in the tracker.",
    "Who can help with a question on the new template?",
    "Heads-up: the shared drive is slow this morning.",
    "The review is done, only minor comments.",
    "Can someone cover the afternoon shift?",
    "New version of the checklist is in the wiki.",
    "Lunch at 12:30 anyone?",
    "Finished the site visit, all good.",
    "Waiting for feedback on the draft.",
    "Thanks everyone for the help yesterday!"};

inline constexpr std::array<std::string_view, 10> kChatReplies = {
    "Thanks!",
    "On it.",
    "Done, see the tracker.",
    "Looks good to me.",
    "I can take it.",
    "Will check.",
    "Agreed.",
    "Give me ten minutes.",
    "Same here.",
    "Great, thanks for sorting it out."};

inline constexpr std::string_view kBotText =
    "Reminder: please update your tickets before the weekly review.";

inline constexpr std::array<std::string_view, 6> kReactions = {
    "thumbsup", "heart", "eyes", "white_check_mark", "tada", "raised_hands"};

inline constexpr std::array<std::string_view, 5> kFileNames = {
    "plan.pdf", "notes.docx", "photo.jpg", "report.xlsx", "checklist.pdf"};
inline constexpr std::array<std::string_view, 5> kFileTitles = {
    "Plan", "Meeting notes", "Photo from site", "Monthly report", "Checklist"};

}  // namespace orglens::samples::texts
