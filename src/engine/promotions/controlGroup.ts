import { createHash } from 'node:crypto';

/**
 * A customer's stable uniform draw in [0, 1) for one promotion: the first 48 bits of
 * sha256("promotionId:customerId"). Independent across promotions, identical on every call and
 * every process, so a customer never flips between treated and control.
 */
export function controlDraw(promotionId: number, customerId: number): number {
  const digest = createHash('sha256').update(`${promotionId}:${customerId}`).digest();
  return digest.readUIntBE(0, 6) / 2 ** 48;
}

/** True when the customer is held out of the promotion: eligible, but never shown it. */
export function inControlGroup(promotionId: number, customerId: number, controlShare: number): boolean {
  return controlShare > 0 && controlDraw(promotionId, customerId) < controlShare;
}
