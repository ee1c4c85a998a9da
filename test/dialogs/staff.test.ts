import { beforeAll, describe, expect, it } from 'vitest';
import { ConversationState, MemoryStorage, type Activity, type Middleware } from 'botbuilder';
import { DialogTestClient } from 'botbuilder-testing';
import { openDatabase } from '../../src/engine/db';
import { buildDemoStore } from '../../src/engine/demo';
import { Engine } from '../../src/engine';
import { fixedClock } from '../../src/engine/clock';
import { parseStaffCommand, setStaffCommand } from '../../src/bot/staffCommand';
import { StaffDialog } from '../../dialogs/staff/staffDialog';
import { STAFF_COMMAND_DIALOGS } from '../../dialogs/staff';
import { fakeRecommendations, policy } from '../support/dialogHarness';

const END = new Date('2025-06-30T00:00:00Z');

describe('staff commands', () => {
  let engine: Engine;
  let run: (text: string) => Promise<Partial<Activity>[]>;

  beforeAll(() => {
    const db = openDatabase(':memory:');
    buildDemoStore(db, { seed: 7, end: END, customers: 400, targetLines: 12_000 });
    engine = new Engine(db, fixedClock(END), { policy });
    const conversationState = new ConversationState(new MemoryStorage());
    const services = {
      engine,
      session: conversationState.createProperty('shopping'),
      recommendations: fakeRecommendations(engine),
      offers: engine.promotions,
      sentiment: () => ({ label: 'neutral' as const, score: 0 }),
    };
    const asStaff: Middleware = {
      onTurn: async (context, next) => {
        const parsed = parseStaffCommand(context.activity.text ?? '');
        if (parsed) setStaffCommand(context, { ...parsed, actor: 'staff-1' });
        await next();
      },
    };
    run = async (text) => {
      const client = new DialogTestClient('test', new StaffDialog(services, STAFF_COMMAND_DIALOGS), undefined, [asStaff], conversationState);
      const replies: Partial<Activity>[] = [];
      const first = await client.sendActivity(text);
      if (first) replies.push(first);
      for (let r = client.getNextReply(); r; r = client.getNextReply()) replies.push(r);
      return replies;
    };
  });

  const text = (replies: Partial<Activity>[]) => replies.map((r) => r.text ?? '').join('\n');

  it('parses commands with quoted arguments and ignores unknown ones', () => {
    expect(parseStaffCommand('/segments "At risk"')).toEqual({ name: 'segments', args: ['At risk'] });
    expect(parseStaffCommand('/reprice KIT-0001 apply')).toEqual({ name: 'reprice', args: ['KIT-0001', 'apply'] });
    expect(parseStaffCommand('/unknown x')).toBeUndefined();
    expect(parseStaffCommand('reprice KIT-0001')).toBeUndefined();
  });

  it('/help lists the commands, and every command is audited', async () => {
    expect(text(await run('/help'))).toMatch(/\/forecast[\s\S]*\/segments[\s\S]*\/reprice[\s\S]*\/promo/);
    await run('/report');
    expect(engine.audit.recent(5).map((a) => a.action)).toContain('report');
  });

  it('/segments shows named segments with a chart, and /segments <name> their top customers', async () => {
    const replies = await run('/segments');
    expect(text(replies)).toMatch(/\*\*\d segments\*\* of \d+ customers \(silhouette 0\.\d+\)/);
    expect(replies[0].attachments?.[0]).toMatchObject({ contentType: 'image/png' });
    expect(replies[0].attachments?.[0].contentUrl).toMatch(/^data:image\/png;base64,iVBOR/);
    const first = engine.segments.current().segments[0].name;
    expect(text(await run(`/segments "${first}"`))).toMatch(new RegExp(`Top customers in \\*\\*${first}`));
    expect(text(await run('/segments Nobody'))).toMatch(/not found/);
  });

  it('/reprice recommends, applies with an audit trail and undoes', async () => {
    const sku = (engine.db.prepare("SELECT sku FROM products WHERE category = 'Kitchen' ORDER BY id LIMIT 1").get() as { sku: string }).sku;
    const advice = text(await run(`/reprice ${sku}`));
    expect(advice).toMatch(/elasticity -?\d\.\d\d|refused/);
    const category = text(await run('/reprice Kitchen'));
    expect(category).toMatch(/\*\*Kitchen\*\*: elasticity -\d\.\d\d \(95% CI/);
    const applied = text(await run('/reprice Kitchen apply'));
    const id = Number(applied.match(/#(\d+)/)?.[1]);
    expect(id).toBeGreaterThan(0);
    const change = engine.db.prepare('SELECT product_id, old_price_cents, new_price_cents FROM price_changes WHERE id = ?').get(id) as { product_id: number; old_price_cents: number; new_price_cents: number };
    expect(engine.products.byId(change.product_id)!.priceCents).toBe(change.new_price_cents);
    expect(text(await run(`/reprice undo ${id}`))).toMatch(/Undone/);
    expect(engine.products.byId(change.product_id)!.priceCents).toBe(change.old_price_cents);
    expect(text(await run(`/reprice undo ${id}`))).toMatch(/already undone/);
    expect(text(await run('/reprice'))).toMatch(/Usage/);
  });

  it('/promo creates, lists, reports and ends a promotion', async () => {
    const created = text(await run('/promo create percent 15 for category Kitchen days 7 control 20'));
    const id = Number(created.match(/Promotion #(\d+) created/)?.[1]);
    expect(id).toBeGreaterThan(0);
    expect(created).toMatch(/20% held out/);
    expect(text(await run('/promo list'))).toMatch(new RegExp(`\\| ${id} \\|`));
    expect(text(await run(`/promo report ${id}`))).toMatch(/Shown: \d+ customers[\s\S]*Control: \d+ customers/);
    expect(text(await run(`/promo end ${id}`))).toMatch(/has ended/);
    expect(text(await run('/promo create percent 15 for planet Mars'))).toMatch(/target is/);
    expect(text(await run('/promo create percent 150 for all'))).toMatch(/Sorry|percent/);
  });

  it('/forecast answers for a SKU, a category and the store, with a chart, and explains bad input', async () => {
    const sku = (engine.db.prepare('SELECT p.sku FROM sales s JOIN products p ON p.id = s.product_id GROUP BY p.id ORDER BY SUM(s.quantity) DESC LIMIT 1').get() as { sku: string }).sku;
    const replies = await run(`/forecast ${sku} 14`);
    expect(text(replies)).toMatch(/14-day demand forecast with \w+/);
    expect(text(replies)).toMatch(/Reorder point \d+ units, safety stock \d+/);
    expect(replies[0].attachments?.[0].contentUrl).toMatch(/^data:image\/png;base64,/);
    expect(text(await run('/forecast Kitchen'))).toMatch(/\*\*Kitchen\*\*: 28-day/);
    expect(text(await run('/forecast all 7'))).toMatch(/All products/);
    expect(text(await run('/forecast NOPE-123'))).toMatch(/not found/);
    expect(text(await run('/forecast'))).toMatch(/Usage/);
  });

  it('/stock lists what runs out before the next delivery', async () => {
    expect(text(await run('/stock'))).toMatch(/may run out before a new delivery|Nothing is forecast to run out/);
  });

  it('/handoffs lists waiting customers with their transcript and closes tickets', async () => {
    engine.support.record({ conversationId: 'c9', userId: 'u9', direction: 'in', text: 'my order never came' });
    const ticket = engine.support.openTicket({ conversationId: 'c9', userId: 'u9', customerId: null, reason: 'upset: my order never came' });
    expect(text(await run('/handoffs'))).toMatch(new RegExp(`#${ticket.id}[\\s\\S]*customer: my order never came`));
    expect(text(await run(`/handoffs close ${ticket.id}`))).toMatch(/closed/);
    expect(text(await run(`/handoffs close ${ticket.id}`))).toMatch(/already closed/);
  });
});
