/**
 * The Block Kit limits Slack enforces, checked the way Slack answers: `invalid_blocks` with one
 * message per problem. Written from Slack's block reference (docs.slack.dev/reference/block-kit/blocks
 * and .../composition-objects/text-object), not from the adapter's constants:
 * - up to 50 blocks in a message;
 * - block_id: at most 255 characters, unique within the message;
 * - text object: type plain_text or mrkdwn, text 1–3000 characters;
 * - header: text must be a plain_text object, at most 150 characters;
 * - section: text (1–3000) or fields (up to 10, each at most 2000 characters);
 * - context: 1–10 elements, each an image element or a text object (so each text ≤ 3000);
 * - image: alt_text at most 2000, image_url at most 3000 (or a slack_file);
 * - actions: up to 25 elements; markdown: text at most 12,000 characters;
 * - button (…/block-elements/button-element): plain_text text of at most 75 characters,
 *   action_id at most 255 and unique in the message, value at most 2000, style primary or danger.
 */
export function blockKitProblems(blocks: unknown): string[] {
  if (!Array.isArray(blocks)) return ["blocks must be an array"];
  const problems: string[] = [];
  if (blocks.length > 50)
    problems.push(`no more than 50 items allowed [json-pointer:/blocks] (got ${blocks.length})`);
  const ids = new Set<string>();
  const actionIds = new Set<string>();
  blocks.forEach((block: unknown, i) => {
    const at = `[json-pointer:/blocks/${i}]`;
    if (!block || typeof block !== "object") {
      problems.push(`block must be an object ${at}`);
      return;
    }
    const b = block as Record<string, unknown>;
    if (b.block_id !== undefined) {
      const id = String(b.block_id);
      if (id.length > 255) problems.push(`block_id must be at most 255 characters ${at}`);
      if (ids.has(id)) problems.push(`block_id must be unique ${at}`);
      ids.add(id);
    }
    switch (b.type) {
      case "header": {
        const t = b.text as { type?: unknown; text?: unknown } | undefined;
        if (t?.type !== "plain_text") problems.push(`header text must be plain_text ${at}`);
        if (typeof t?.text !== "string" || t.text.length < 1 || t.text.length > 150)
          problems.push(`header text must be 1-150 chars ${at}`);
        break;
      }
      case "section": {
        if (b.text === undefined && b.fields === undefined)
          problems.push(`section needs text or fields ${at}`);
        if (b.text !== undefined) textObjectProblems(b.text, 3000, `${at}/text`, problems);
        if (b.fields !== undefined) {
          if (!Array.isArray(b.fields) || b.fields.length > 10) problems.push(`no more than 10 fields ${at}`);
          else
            for (const [j, f] of b.fields.entries())
              textObjectProblems(f, 2000, `${at}/fields/${j}`, problems);
        }
        break;
      }
      case "context": {
        const elements = b.elements;
        if (!Array.isArray(elements) || elements.length < 1 || elements.length > 10) {
          problems.push(`context needs 1-10 elements ${at}`);
          break;
        }
        elements.forEach((e, j) => {
          const type = (e as { type?: unknown } | null)?.type;
          if (type === "image") imageProblems(e, `${at}/elements/${j}`, problems);
          else textObjectProblems(e, 3000, `${at}/elements/${j}`, problems);
        });
        break;
      }
      case "image":
        imageProblems(b, at, problems);
        break;
      case "actions":
        if (!Array.isArray(b.elements) || b.elements.length < 1 || b.elements.length > 25)
          problems.push(`actions needs 1-25 elements ${at}`);
        else
          for (const [j, e] of b.elements.entries())
            buttonProblems(e, `${at}/elements/${j}`, actionIds, problems);
        break;
      case "markdown":
        if (typeof b.text !== "string" || b.text.length < 1 || b.text.length > 12_000)
          problems.push(`markdown text must be 1-12000 chars ${at}`);
        break;
      case "divider":
      case "rich_text":
        break;
      default:
        problems.push(`unsupported block type ${String(b.type)} ${at}`);
    }
  });
  return problems;
}

function textObjectProblems(o: unknown, max: number, at: string, problems: string[]): void {
  const t = o as { type?: unknown; text?: unknown } | null;
  if (t?.type !== "plain_text" && t?.type !== "mrkdwn") {
    problems.push(`text must be a plain_text or mrkdwn object [json-pointer:${at}]`);
    return;
  }
  if (typeof t.text !== "string" || t.text.length < 1 || t.text.length > max)
    problems.push(`text must be 1-${max} chars [json-pointer:${at}]`);
}

function imageProblems(o: unknown, at: string, problems: string[]): void {
  const image = o as { alt_text?: unknown; image_url?: unknown; slack_file?: unknown };
  if (typeof image.alt_text !== "string" || image.alt_text.length > 2000)
    problems.push(`image alt_text must be at most 2000 chars [json-pointer:${at}]`);
  const url = image.image_url;
  if (image.slack_file === undefined && (typeof url !== "string" || url.length > 3000))
    problems.push(`image needs image_url (at most 3000 chars) or slack_file [json-pointer:${at}]`);
}

function buttonProblems(o: unknown, at: string, actionIds: Set<string>, problems: string[]): void {
  const e = o as {
    type?: unknown;
    text?: { type?: unknown; text?: unknown };
    action_id?: unknown;
    value?: unknown;
    style?: unknown;
  };
  if (e?.type !== "button") return;
  if (e.text?.type !== "plain_text" || typeof e.text.text !== "string" || e.text.text.length > 75)
    problems.push(`button text must be plain_text of at most 75 chars [json-pointer:${at}]`);
  if (typeof e.action_id === "string") {
    if (e.action_id.length > 255) problems.push(`action_id must be at most 255 chars [json-pointer:${at}]`);
    if (actionIds.has(e.action_id))
      problems.push(`action_id must be unique in the message [json-pointer:${at}]`);
    actionIds.add(e.action_id);
  }
  if (e.value !== undefined && (typeof e.value !== "string" || e.value.length > 2000))
    problems.push(`button value must be at most 2000 chars [json-pointer:${at}]`);
  if (e.style !== undefined && e.style !== "primary" && e.style !== "danger")
    problems.push(`button style must be primary or danger [json-pointer:${at}]`);
}

/** Every text a user sees in a Block Kit message, in order (buttons included): what tests read. */
export function visibleText(payload: { text?: unknown; blocks?: unknown }): string {
  const out: string[] = [];
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) {
      for (const item of node) walk(item);
      return;
    }
    if (!node || typeof node !== "object") return;
    const o = node as Record<string, unknown>;
    if (typeof o.text === "string") out.push(o.text);
    for (const key of ["text", "fields", "elements"]) if (o[key] && typeof o[key] === "object") walk(o[key]);
  };
  walk(payload.blocks);
  return out.join("\n");
}
