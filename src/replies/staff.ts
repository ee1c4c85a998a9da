import { MessageFactory, type Activity, type Attachment } from 'botbuilder';

export function staffHelp(): Partial<Activity> {
  return MessageFactory.text(
    [
      '**Staff commands**',
      '- `/forecast <sku|category|all> [days]`: demand forecast with intervals, stock-out date and reorder point',
      '- `/stock`: products that run out before the next delivery',
      '- `/segments [k]` or `/segments <name>`: customer segments, or the top customers of one',
      '- `/reprice <sku|category> [apply]`, `/reprice undo <change id>`: price recommendation from elasticity',
      '- `/promo create|list|end|report …`: promotions and their uplift against the control group',
      '- `/report`: the last 7 days in numbers',
      '- `/handoffs`, `/handoffs close <id>`: customers waiting for a person',
      '- `/logout`',
    ].join('\n'),
  );
}

/** A PNG chart as an inline attachment (works in Web Chat and the Emulator without hosting files). */
export function pngAttachment(png: Buffer, name: string): Attachment {
  return { contentType: 'image/png', contentUrl: `data:image/png;base64,${png.toString('base64')}`, name };
}

/** A plain table in Markdown. */
export function table(headers: string[], rows: (string | number)[][]): string {
  const line = (cells: (string | number)[]) => `| ${cells.map((c) => String(c).replace(/\|/g, '/')).join(' | ')} |`;
  return [line(headers), line(headers.map(() => '---')), ...rows.map(line)].join('\n');
}
