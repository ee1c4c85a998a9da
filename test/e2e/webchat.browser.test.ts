import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fs from 'node:fs';
import path from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { getMeta, openDatabase } from '../../src/engine/db';
import { buildDemoStore } from '../../src/engine/demo';
import { startBot, tempDir, type RunningBot } from '../support/botServer';

/**
 * The customer's view, end to end: the page served by our server, Web Chat from node_modules, our
 * Direct Line endpoint and the real bot, in real headless Chromium (Debian's `chromium` package).
 * Outside CI the test skips when Chromium is missing; in CI (env CI set) it fails instead.
 */
const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
const HAVE_CHROMIUM = fs.existsSync(CHROMIUM);
const IN_CI = Boolean(process.env.CI);
if (!HAVE_CHROMIUM && !IN_CI) {
  console.warn(`Skipping the Web Chat browser test: no Chromium at ${CHROMIUM} (apt-get install chromium, or set CHROMIUM_PATH).`);
}

const BOT_SAID = '.webchat__bubble:not(.webchat__bubble--from-user) .webchat__bubble__content';
const USER_SAID = '.webchat__bubble--from-user .webchat__bubble__content';
const STORAGE_KEY = 'shopmate.webchat';

async function saved(page: Page): Promise<{ userId?: string; conversationId?: string } | null> {
  return JSON.parse(((await page.evaluate(`localStorage.getItem(${JSON.stringify(STORAGE_KEY)})`)) as string | null) ?? 'null');
}

async function say(page: Page, text: string): Promise<void> {
  const box = page.getByRole('textbox', { name: /message/i });
  await box.fill(text);
  await box.press('Enter');
}

describe.skipIf(!HAVE_CHROMIUM && !IN_CI)('Web Chat in headless Chromium', () => {
  let dir: string;
  let bot: RunningBot;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let storeName: string;
  let redMugsUnder10 = 0;
  const pageErrors: string[] = [];

  beforeAll(async () => {
    if (!HAVE_CHROMIUM) throw new Error(`Chromium is required in CI but ${CHROMIUM} does not exist (.ci/run installs the chromium package)`);
    dir = tempDir();
    const dbPath = path.join(dir, 'shop.db');
    // The demo store with its full catalogue but a short sales history: built in well under a second.
    const db = openDatabase(dbPath);
    buildDemoStore(db, { seed: 42, customers: 200, targetLines: 2000 });
    storeName = getMeta(db, 'store_name') ?? 'Shopmate';
    redMugsUnder10 = (db.prepare("SELECT COUNT(*) AS n FROM products WHERE active = 1 AND stock > 0 AND colour = 'red' AND name LIKE '%mug%' AND price_cents < 1000").get() as { n: number }).n;
    db.close();
    bot = await startBot({ DB_PATH: dbPath });
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      headless: true,
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update'],
    });
    context = await browser.newContext({ viewport: { width: 900, height: 1000 } });
    page = await context.newPage();
    page.on('pageerror', (err) => pageErrors.push(err.message));
    page.on('console', (msg) => {
      if (msg.type() === 'error') pageErrors.push(msg.text());
    });
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await bot?.stop();
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
  });

  it('loads the shop page, renders Web Chat and answers "help" with suggested actions', async () => {
    await page.goto(`${bot.url}/`);
    await expect.poll(() => page.locator('h1').textContent()).toBe(storeName);
    // The bot greets a new conversation by itself (conversationUpdate from our Direct Line).
    await page.locator(BOT_SAID).first().waitFor({ timeout: 20_000 });
    expect(await page.locator(BOT_SAID).first().textContent()).toMatch(/assistant/i);

    await say(page, 'help');
    await page.locator(USER_SAID, { hasText: 'help' }).waitFor();
    const helpReply = page.locator(BOT_SAID, { hasText: /search/i });
    await helpReply.first().waitFor({ timeout: 15_000 });
    const suggested = page.locator('.webchat__suggested-actions').getByRole('button', { name: 'Help', exact: true });
    await suggested.waitFor({ timeout: 10_000 });

    // A suggested action is sent as the user's message and answered like typed text.
    const before = await helpReply.count();
    await suggested.click();
    await expect.poll(() => helpReply.count(), { timeout: 15_000 }).toBeGreaterThan(before);
    expect(pageErrors).toEqual([]);
  });

  it('resumes the same conversation after a reload, with its history', async () => {
    const before = await saved(page);
    expect(before?.userId).toMatch(/^web-/);
    expect(before?.conversationId).toBeTruthy();
    const messagesBefore = await page.locator(BOT_SAID).count();

    await page.reload();
    await expect.poll(() => page.locator(BOT_SAID).count(), { timeout: 20_000 }).toBe(messagesBefore);
    await expect.poll(() => page.locator(USER_SAID, { hasText: 'help' }).count()).toBeGreaterThan(0);
    expect(await saved(page)).toMatchObject({ userId: before!.userId, conversationId: before!.conversationId });

    await say(page, 'hello');
    await expect.poll(() => page.locator(BOT_SAID).count(), { timeout: 15_000 }).toBeGreaterThan(messagesBefore);
    expect(pageErrors).toEqual([]);
  });

  it('finds red mugs under 10 dollars, adds one to the cart from its card and shows the cart', async () => {
    expect(redMugsUnder10, 'the demo store should have a red mug under 10 in stock; change the phrase if the catalogue changed').toBeGreaterThan(0);
    await say(page, 'show me red mugs under 10 dollars');
    const addToCart = page.locator('.webchat__bubble').getByRole('button', { name: /add to cart/i });
    await addToCart.first().waitFor({ timeout: 20_000 });
    expect(await page.locator('.webchat__bubble .ac-adaptiveCard').count()).toBeGreaterThan(0); // hero/adaptive cards
    const cartReplies = page.locator(BOT_SAID, { hasText: /cart/i });
    const before = await cartReplies.count();
    await addToCart.first().click();
    await expect.poll(() => cartReplies.count(), { timeout: 15_000 }).toBeGreaterThan(before);
    expect(await cartReplies.last().textContent()).toMatch(/total|subtotal|\d+\.\d{2}/i);
    expect(pageErrors).toEqual([]);
  });
});
