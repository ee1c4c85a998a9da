import type { TurnContext } from 'botbuilder';

export const STAFF_COMMANDS = ['login', 'logout', 'forecast', 'segments', 'reprice', 'promo', 'stock', 'report', 'handoffs', 'help'] as const;
export type StaffCommandName = (typeof STAFF_COMMANDS)[number];

export interface StaffCommand {
  name: StaffCommandName;
  args: string[];
  /** Who runs it, for the audit log. */
  actor: string;
}

/** "/forecast KIT-0001 14" -> { name: 'forecast', args: ['KIT-0001', '14'] }; anything else -> undefined. */
export function parseStaffCommand(text: string): Omit<StaffCommand, 'actor'> | undefined {
  const m = text.trim().match(/^\/([a-z]+)(?:\s+([\s\S]*))?$/i);
  if (!m) return undefined;
  const name = m[1].toLowerCase();
  if (!(STAFF_COMMANDS as readonly string[]).includes(name)) return undefined;
  const args = (m[2] ?? '').match(/"[^"]*"|\S+/g)?.map((a) => a.replace(/^"|"$/g, '')) ?? [];
  return { name: name as StaffCommandName, args };
}

const KEY = Symbol('shopmate.staffCommand');
const VOUCHED = Symbol('shopmate.staffVouched');

/** Set by the bot only after the staff check passed. */
export function setStaffCommand(context: TurnContext, command: StaffCommand): void {
  context.turnState.set(KEY, command);
}

export function getStaffCommand(context: TurnContext): StaffCommand | undefined {
  return context.turnState.get(KEY);
}

/** A trusted transport (the Direct Line staff token) marks the turn; activity fields cannot do this. */
export function vouchForStaff(context: TurnContext): void {
  context.turnState.set(VOUCHED, true);
}

export function isVouchedStaff(context: TurnContext): boolean {
  return context.turnState.get(VOUCHED) === true;
}
