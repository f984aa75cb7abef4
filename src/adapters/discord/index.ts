import { randomUUID } from "node:crypto";
import {
  type AutocompleteInteraction,
  type ChatInputCommandInteraction,
  Client,
  Events,
  GatewayIntentBits,
  type Interaction,
  MessageFlags,
} from "discord.js";
import type { Core } from "../../core/dispatcher.ts";
import type { DeliveryPort } from "../../delivery/port.ts";
import { matchLocale, translator } from "../../i18n/index.ts";
import type { Logger } from "../../log.ts";
import { suggest, suggestShops } from "./autocomplete.ts";
import { handleButton, isBalanceButton } from "./buttons.ts";
import { buildRoutes, type DiscordRoute, findRoute, TOP_LEVEL_COMMAND } from "./command-routes.ts";
import { createDiscordDelivery } from "./deliver.ts";
import { toInvocation } from "./invocation.ts";
import { logError } from "./log-error.ts";
import { answer, answerFailure } from "./respond.ts";

export { buildDiscordCommands, validateDiscordCommands } from "./commands-json.ts";
export { createDiscordDelivery } from "./deliver.ts";
export { registerCommands } from "./register.ts";
export { renderDiscord } from "./render.ts";

/** Discord credentials and endpoint, from config. */
export interface DiscordConfig {
  token: string;
  applicationId: string;
  /** REST base, e.g. "https://discord.com/api"; the gateway URL comes from GET /gateway/bot. */
  apiUrl: string;
}

/** A running Discord adapter. */
export interface DiscordAdapter {
  client: Client;
  /** Posts outbox deliveries (digests, alerts) to Discord channels. */
  delivery: DeliveryPort;
  /** Disconnects from the gateway; in-flight answers are abandoned. */
  stop(): Promise<void>;
}

/**
 * Connects a discord.js client (Guilds intent only) and answers `/balance` interactions through
 * the core. Resolves once the gateway session is ready.
 */
export async function startDiscord(options: {
  core: Core;
  config: DiscordConfig;
  log: Logger;
  /** Test seam: how long a command may run before the interaction is deferred. */
  deferAfterMs?: number;
}): Promise<DiscordAdapter> {
  const { core, config, log } = options;
  const routes = buildRoutes(core.commands);
  const client = new Client({ intents: [GatewayIntentBits.Guilds], rest: { api: config.apiUrl } });
  const delivery = createDiscordDelivery({ token: config.token, apiUrl: config.apiUrl });

  client.on(Events.InteractionCreate, (interaction) => {
    void handle(interaction).catch((error: unknown) =>
      log.error({ err: logError(error) }, "discord interaction handler failed"),
    );
  });
  client.on(Events.Error, (error) => log.error({ err: logError(error) }, "discord client error"));
  client.on(Events.ShardDisconnect, (event, shard) =>
    log.warn({ code: event.code, shard }, "discord gateway closed"),
  );

  async function handle(interaction: Interaction): Promise<void> {
    if (interaction.isAutocomplete()) return autocomplete(interaction);
    if (interaction.isButton() && isBalanceButton(interaction)) return handleButton(interaction, core, log);
    if (!interaction.isChatInputCommand() || interaction.commandName !== TOP_LEVEL_COMMAND) return;
    const correlationId = randomUUID();
    if (!interaction.inGuild()) {
      await interaction.reply({
        content: translator(matchLocale(interaction.locale) ?? "en").t("chrome.discordUseInServer"),
        flags: MessageFlags.Ephemeral,
      });
      return;
    }
    const route = routeOf(interaction);
    if (!route) {
      await interaction.reply({
        content: translator(matchLocale(interaction.locale) ?? "en").t("chrome.discordOutOfDate"),
        flags: MessageFlags.Ephemeral,
      });
      return;
    }
    const started = Date.now();
    try {
      const invocation = toInvocation(interaction, route, correlationId);
      const mode = await answer(interaction, core.dispatch(invocation), {
        deferEphemeral: route.command.admin === true,
        ...(options.deferAfterMs !== undefined && { deferAfterMs: options.deferAfterMs }),
      });
      log.info(
        {
          correlationId,
          guildId: interaction.guildId,
          command: route.command.name || "balance",
          mode,
          ms: Date.now() - started,
        },
        "discord interaction answered",
      );
    } catch (error) {
      log.error(
        { correlationId, err: logError(error), command: route.command.name },
        "discord interaction failed",
      );
      await answerFailure(interaction, correlationId, log);
    }
  }

  async function autocomplete(interaction: AutocompleteInteraction): Promise<void> {
    if (interaction.commandName !== TOP_LEVEL_COMMAND) return;
    const focused = interaction.options.getFocused(true);
    const route = routeOf(interaction);
    const option = route?.options.find((o) => o.discordName === focused.name);
    let results: { name: string; value: string }[] = [];
    if (option?.info.kind === "shop" && interaction.guildId) {
      const names = await core
        .shopNames({
          platform: "discord",
          workspaceId: interaction.guildId,
          channelId: interaction.channelId,
        })
        .catch((error: unknown) => {
          log.warn({ err: logError(error) }, "shop names for autocomplete unavailable");
          return [];
        });
      results = suggestShops(names, String(focused.value));
    } else if (option) results = suggest(option.info, String(focused.value), core.now());
    await interaction
      .respond(results)
      .catch((error: unknown) => log.debug({ err: logError(error) }, "autocomplete answer dropped"));
  }

  function routeOf(
    interaction: ChatInputCommandInteraction | AutocompleteInteraction,
  ): DiscordRoute | undefined {
    return findRoute(
      routes,
      interaction.options.getSubcommandGroup(false),
      interaction.options.getSubcommand(false),
    );
  }

  const ready = new Promise<void>((resolve) => client.once(Events.ClientReady, () => resolve()));
  try {
    await client.login(config.token);
    await ready;
  } catch (error) {
    delivery.destroy();
    await client.destroy();
    if (
      error instanceof Error &&
      /TokenInvalid|invalid token/i.test(`${(error as { code?: string }).code} ${error.message}`)
    ) {
      throw new Error(
        "Discord rejected DISCORD_TOKEN: copy the bot token again from the Developer Portal (Bot → Reset Token)",
      );
    }
    throw error;
  }
  if (client.application?.id && client.application.id !== config.applicationId) {
    log.warn(
      { expected: config.applicationId, actual: client.application.id },
      "DISCORD_APPLICATION_ID does not match the bot token's application",
    );
  }
  log.info({ user: client.user?.tag, guilds: client.guilds.cache.size }, "discord connected");

  return {
    client,
    delivery,
    async stop() {
      delivery.destroy();
      await client.destroy();
    },
  };
}
