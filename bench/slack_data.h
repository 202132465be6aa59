// Generated Slack exports for orglens-bench-messages, in the shapes real exports have.
#pragma once

#include <cstdint>
#include <filesystem>
#include <string_view>

namespace orglens::bench {

enum class SlackStyle {
  /// What an export made today looks like: pretty-printed (4 spaces, "\/" in URLs) messages
  /// with client_msg_id, blocks (rich text mirroring the text), team fields and the
  /// author's user_profile; threads (parents with reply_count, reply_users, replies; replies
  /// with thread_ts and parent_user_id), reactions, shared files and channel_join notices.
  Current,
  /// An older export (no threads, no blocks) in the proportions of the houstondatavis
  /// export in ../shared/data (486 bytes a message there): pretty-printed, plain messages
  /// with link attachments now and then, channel_join notices, image uploads with their
  /// file object, reactions.
  Legacy,
  /// Minified messages with one short text and nothing else (≈ 137 bytes a message): not a
  /// shape Slack writes, but the most messages per byte — a stress test in messages/s.
  Dense,
};

std::string_view slackStyleName(SlackStyle style);

/// Writes users.json, channels.json and one file per channel and day into `dir` until the
/// day files hold about `megabytes` MB. Deterministic: the same call writes the same bytes.
void writeSlackExport(const std::filesystem::path& dir, std::uint64_t megabytes, SlackStyle style);

/// A large export made of a real one: users.json copied, and the real export's channel
/// folders repeated as channels "<name>-1", "<name>-2", ... (their day files hard-linked,
/// copied where links are not possible) until the day files hold about `megabytes` MB;
/// channels.json lists the copies. Every message is a real one. False when `real` is not a
/// Slack export (no users.json or no channel folder).
bool writeReplicatedExport(const std::filesystem::path& real, const std::filesystem::path& dir,
                           std::uint64_t megabytes);

}  // namespace orglens::bench
