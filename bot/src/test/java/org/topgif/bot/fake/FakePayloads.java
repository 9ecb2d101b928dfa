package org.topgif.bot.fake;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import net.dv8tion.jda.api.utils.data.DataArray;
import net.dv8tion.jda.api.utils.data.DataObject;

/**
 * The JSON the fake Discord sends, with the fields JDA needs (see shared/DISCORD-NOTES.md): the bot user,
 * READY, GUILD_CREATE, INTERACTION_CREATE and messages. Test code; thread-safe (it only reads its fields).
 */
final class FakePayloads {

    private final Snowflakes ids;
    private final long applicationId;
    private final Map<Long, Long> channelByGuild;

    FakePayloads(Snowflakes ids, long applicationId, Map<Long, Long> channelByGuild) {
        this.ids = ids;
        this.applicationId = applicationId;
        this.channelByGuild = channelByGuild;
    }

    DataObject botUser() {
        return DataObject.empty().put("id", Long.toString(applicationId)).put("username", "topgif")
                .put("discriminator", "0000").put("bot", true).putNull("avatar").putNull("global_name")
                .put("flags", 0).put("verified", true).put("mfa_enabled", false);
    }

    /** A member of the guilds who is not the bot. */
    DataObject member() {
        return DataObject.empty().put("id", "80351110224678912").put("username", "member")
                .put("discriminator", "0000").put("bot", false).putNull("avatar").putNull("global_name")
                .put("flags", 0);
    }

    DataObject ready(List<Long> guildIds, String gatewayUrl) {
        DataArray guilds = DataArray.empty();
        for (long guild : guildIds) {
            guilds.add(DataObject.empty().put("id", Long.toString(guild)).put("unavailable", true));
        }
        return DataObject.empty().put("v", 10).put("user", botUser()).put("guilds", guilds)
                .put("session_id", "session-" + ids.next()).put("resume_gateway_url", gatewayUrl)
                .put("private_channels", DataArray.empty()).put("relationships", DataArray.empty())
                .put("presences", DataArray.empty())
                .put("application", DataObject.empty().put("id", Long.toString(applicationId)).put("flags", 0))
                .put("shard", DataArray.empty().add(0).add(1));
    }

    List<DataObject> guilds(List<Long> guildIds) {
        List<DataObject> payloads = new ArrayList<>();
        for (long guild : guildIds) {
            String id = Long.toString(guild);
            DataObject everyone = DataObject.empty().put("id", id).put("name", "@everyone")
                    .put("permissions", "2248473465835073").put("position", 0).put("color", 0)
                    .put("colors", DataObject.empty().put("primary_color", 0).putNull("secondary_color")
                            .putNull("tertiary_color"))
                    .put("hoist", false).put("managed", false).put("mentionable", false).put("flags", 0);
            DataObject channel = DataObject.empty().put("id", Long.toString(channelByGuild.get(guild)))
                    .put("type", 0).put("name", "general").put("position", 0).put("guild_id", id)
                    .put("permission_overwrites", DataArray.empty()).put("nsfw", false).put("flags", 0)
                    .putNull("parent_id").put("rate_limit_per_user", 0).putNull("topic").putNull("last_message_id");
            DataObject self = DataObject.empty().put("user", botUser()).put("roles", DataArray.empty())
                    .put("joined_at", OffsetDateTime.now().toString()).put("deaf", false).put("mute", false)
                    .put("flags", 0).put("pending", false).putNull("nick").putNull("avatar");
            payloads.add(DataObject.empty().put("id", id).put("name", "guild " + id).putNull("icon")
                    .put("owner_id", "1").put("roles", DataArray.empty().add(everyone))
                    .put("channels", DataArray.empty().add(channel)).put("threads", DataArray.empty())
                    .put("emojis", DataArray.empty()).put("stickers", DataArray.empty())
                    .put("voice_states", DataArray.empty()).put("guild_scheduled_events", DataArray.empty())
                    .put("members", DataArray.empty().add(self)).put("member_count", 1)
                    .put("presences", DataArray.empty()).put("stage_instances", DataArray.empty())
                    .put("soundboard_sounds", DataArray.empty())
                    .put("features", DataArray.empty()).put("large", false).put("unavailable", false)
                    .put("verification_level", 0).put("default_message_notifications", 0)
                    .put("explicit_content_filter", 0).put("mfa_level", 0).put("nsfw_level", 0)
                    .putNull("system_channel_id").put("system_channel_flags", 0).putNull("rules_channel_id")
                    .putNull("afk_channel_id").put("afk_timeout", 300).put("premium_tier", 0)
                    .put("premium_subscription_count", 0).put("preferred_locale", "en-US")
                    .putNull("description").putNull("banner").putNull("splash").putNull("discovery_splash")
                    .putNull("vanity_url_code").putNull("public_updates_channel_id")
                    .putNull("safety_alerts_channel_id").put("premium_progress_bar_enabled", false)
                    .put("max_members", 500000).put("joined_at", OffsetDateTime.now().toString())
                    .put("application_id", (Object) null));
        }
        return payloads;
    }

    /** A /top from a member, as INTERACTION_CREATE carries it. */
    DataObject interaction(long id, String token, long guild, long channel, long commandId, String name,
                           DataArray options) {
        return interaction(id, token, guild, channel, commandId, name, options, 2);
    }

    /** @param type 2 for a slash command, 4 for an autocomplete while the user types */
    DataObject interaction(long id, String token, long guild, long channel, long commandId, String name,
                           DataArray options, int type) {
        DataObject user = DataObject.empty().put("id", Long.toString(ids.next())).put("username", "someone")
                .put("discriminator", "0").put("global_name", "Someone").putNull("avatar").put("public_flags", 0);
        DataObject interaction = DataObject.empty()
                .put("id", Long.toString(id))
                .put("application_id", Long.toString(applicationId))
                .put("type", type)
                .put("token", token)
                .put("version", 1)
                .put("guild_id", Long.toString(guild))
                .put("guild", DataObject.empty().put("id", Long.toString(guild)).put("locale", "en-US")
                        .put("features", DataArray.empty()))
                .put("channel_id", Long.toString(channel))
                .put("channel", DataObject.empty().put("id", Long.toString(channel)).put("type", 0)
                        .put("guild_id", Long.toString(guild)).put("name", "general").put("position", 0)
                        .put("permissions", "2248473465835073").put("flags", 0).putNull("parent_id")
                        .put("nsfw", false).put("rate_limit_per_user", 0).putNull("topic")
                        .putNull("last_message_id"))
                .put("member", DataObject.empty().put("user", user).put("roles", DataArray.empty())
                        .put("permissions", "2248473465835073").put("joined_at", OffsetDateTime.now().toString())
                        .put("deaf", false).put("mute", false).put("flags", 0).put("pending", false)
                        .putNull("nick").putNull("avatar"))
                .put("data", DataObject.empty().put("id", Long.toString(commandId)).put("name", name)
                        .put("type", 1).put("options", options))
                .put("app_permissions", "2248473465835073")
                .put("locale", "en-US")
                .put("guild_locale", "en-US")
                .put("entitlements", DataArray.empty())
                .put("authorizing_integration_owners", DataObject.empty().put("0", Long.toString(guild)))
                .put("context", 0)
                .put("attachment_size_limit", 10 * 1024 * 1024);
        return interaction;
    }

    /** A click on the button {@code customId} of {@code message}, as Discord sends it: type 3. */
    DataObject click(long id, String token, long guild, long channel, DataObject message, String customId) {
        DataObject interaction = interaction(id, token, guild, channel, 0, "", DataArray.empty(), 3);
        return interaction.put("message", message).put("data", DataObject.empty().put("custom_id", customId)
                .put("component_type", 2));
    }

    /** A choice of {@code value} in the menu {@code customId} of {@code message}: type 3, a string select. */
    DataObject choose(long id, String token, long guild, long channel, DataObject message, String customId,
                      String value) {
        DataObject interaction = interaction(id, token, guild, channel, 0, "", DataArray.empty(), 3);
        return interaction.put("message", message).put("data", DataObject.empty().put("custom_id", customId)
                .put("component_type", 3).put("values", DataArray.empty().add(value)));
    }

    /** A message as Discord returns it after a send or an edit. */
    DataObject message(long channel, DataObject sent) {
        return message(channel, sent, java.time.Instant.now());
    }

    /** A message as Discord returns it, made at {@code made}. */
    DataObject message(long channel, DataObject sent, java.time.Instant made) {
        DataArray attachments = DataArray.empty();
        sent.optArray("attachments").ifPresent(list -> {
            for (int i = 0; i < list.length(); i++) {
                DataObject attachment = list.getObject(i);
                String name = attachment.getString("filename", "file");
                attachments.add(DataObject.empty().put("id", Long.toString(ids.next())).put("filename", name)
                        .put("size", 1).put("url", "https://cdn.example/" + name)
                        .put("proxy_url", "https://media.example/" + name).put("content_type", "image/gif")
                        .put("description", attachment.getString("description", null)).put("flags", 0));
            }
        });
        return DataObject.empty().put("id", Long.toString(ids.next()))
                .put("channel_id", Long.toString(channel == 0 ? channelByGuild.values().iterator().next() : channel))
                .put("author", botUser()).put("content", sent.getString("content", ""))
                .put("timestamp", made.atOffset(java.time.ZoneOffset.UTC).toString()).putNull("edited_timestamp")
                .put("tts", false).put("mention_everyone", false).put("mentions", DataArray.empty())
                .put("mention_roles", DataArray.empty()).put("attachments", attachments)
                .put("embeds", DataArray.empty())
                .put("components", sent.optArray("components").orElse(DataArray.empty())).put("pinned", false)
                .put("type", 0).put("flags", sent.getInt("flags", 0))
                .put("webhook_id", Long.toString(applicationId))
                .put("application_id", Long.toString(applicationId));
    }

}
