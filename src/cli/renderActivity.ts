import type { Activity, Attachment } from 'botbuilder';

/** Bot replies as plain terminal text: message text, cards as boxes, buttons in brackets. */
export function renderActivity(activity: Partial<Activity>): string | undefined {
  if (activity.type === 'typing' || activity.type === 'trace') return undefined;
  if (activity.type && activity.type !== 'message') return `(${activity.type}${activity.name ? `: ${activity.name}` : ''})`;
  const parts: string[] = [];
  if (activity.text) parts.push(activity.text);
  for (const attachment of activity.attachments ?? []) parts.push(renderAttachment(attachment));
  const actions = activity.suggestedActions?.actions ?? [];
  if (actions.length) parts.push(actions.map((a) => `[${a.title ?? a.value}]`).join(' '));
  return parts.join('\n');
}

function renderAttachment(a: Attachment): string {
  if (a.contentType.startsWith('image/')) return `[image: ${a.name ?? a.contentType}]`;
  const card = a.content as { title?: string; subtitle?: string; text?: string; buttons?: { title?: string }[]; body?: unknown[] } | undefined;
  if (!card) return `[${a.contentType}]`;
  if (a.contentType === 'application/vnd.microsoft.card.adaptive') return `  ${adaptiveText(card.body ?? []).join('\n  ')}`;
  const lines = [card.title && `* ${card.title}`, card.subtitle && `  ${card.subtitle}`, card.text && `  ${card.text}`].filter(Boolean) as string[];
  if (card.buttons?.length) lines.push(`  ${card.buttons.map((b) => `[${b.title}]`).join(' ')}`);
  return lines.join('\n');
}

function adaptiveText(elements: unknown[]): string[] {
  const out: string[] = [];
  for (const el of elements as { type?: string; text?: string; items?: unknown[]; columns?: { items?: unknown[] }[]; facts?: { title: string; value: string }[] }[]) {
    if (el.type === 'TextBlock' && el.text) out.push(el.text);
    if (el.items) out.push(...adaptiveText(el.items));
    if (el.columns) for (const c of el.columns) out.push(...adaptiveText(c.items ?? []));
    if (el.facts) for (const f of el.facts) out.push(`${f.title}: ${f.value}`);
  }
  return out;
}
