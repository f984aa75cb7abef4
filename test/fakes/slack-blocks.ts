/**
 * The Block Kit limits Slack enforces (docs.slack.dev block reference; @slack/types doc comments),
 * checked the way Slack answers: `invalid_blocks` with one message per problem. Kept apart from the
 * adapter's constants on purpose: the fake is written from the reference, not from our code.
 */
export function blockKitProblems(blocks: unknown): string[] {
  if (!Array.isArray(blocks)) return ["blocks must be an array"];
  const problems: string[] = [];
  if (blocks.length > 50)
    problems.push(`no more than 50 items allowed [json-pointer:/blocks] (got ${blocks.length})`);
  blocks.forEach((block: unknown, i) => {
    const at = `[json-pointer:/blocks/${i}]`;
    if (!block || typeof block !== "object") {
      problems.push(`block must be an object ${at}`);
      return;
    }
    const b = block as Record<string, unknown>;
    const text = (o: unknown) => (o && typeof o === "object" ? (o as { text?: unknown }).text : undefined);
    switch (b.type) {
      case "header": {
        const t = text(b.text);
        if (typeof t !== "string" || t.length < 1 || t.length > 150)
          problems.push(`header text must be 1-150 chars ${at}`);
        break;
      }
      case "section": {
        const t = text(b.text);
        const fields = b.fields;
        if (t === undefined && fields === undefined) problems.push(`section needs text or fields ${at}`);
        if (t !== undefined && (typeof t !== "string" || t.length < 1 || t.length > 3000)) {
          problems.push(`section text must be 1-3000 chars ${at}`);
        }
        if (fields !== undefined) {
          if (!Array.isArray(fields) || fields.length > 10) problems.push(`no more than 10 fields ${at}`);
          else
            fields.forEach((f, j) => {
              const ft = text(f);
              if (typeof ft !== "string" || ft.length < 1 || ft.length > 2000) {
                problems.push(`field text must be 1-2000 chars ${at}/fields/${j}`);
              }
            });
        }
        break;
      }
      case "context": {
        const elements = b.elements;
        if (!Array.isArray(elements) || elements.length < 1 || elements.length > 10) {
          problems.push(`context needs 1-10 elements ${at}`);
        }
        break;
      }
      case "divider":
      case "image":
      case "actions":
      case "rich_text":
      case "markdown":
        break;
      default:
        problems.push(`unsupported block type ${String(b.type)} ${at}`);
    }
  });
  return problems;
}
