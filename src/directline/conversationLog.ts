import type { Activity } from 'botbuilder';
import type { Clock } from '../engine/clock';
import type { DirectLineRepo } from '../engine/repos/directLine';

export interface ActivitySet {
  activities: Activity[];
  watermark: string;
}

/** At most this many activities per poll; the client comes back for the rest with the new watermark. */
export const PAGE_SIZE = 100;

/**
 * A conversation's activities in delivery order. Each gets a server id `<conversationId>|<seq>`
 * (as Direct Line does) and a timestamp; the sequence number is the watermark clients poll with.
 */
export class ConversationLog {
  constructor(
    private readonly repo: DirectLineRepo,
    private readonly clock: Clock,
  ) {}

  append(conversationId: string, activity: Partial<Activity>): Activity & { id: string } {
    const at = this.clock.now().toISOString();
    const logged = this.repo.append(conversationId, at, (seq) => {
      const { id: _ignored, ...rest } = activity;
      return { ...rest, id: activityId(conversationId, seq), timestamp: at } as Record<string, unknown>;
    });
    return logged.activity as unknown as Activity & { id: string };
  }

  /** Activities after the watermark (0 or '' for all), and the watermark to ask with next time. */
  since(conversationId: string, watermark: number): ActivitySet {
    const rows = this.repo.after(conversationId, watermark, PAGE_SIZE);
    const last = rows.length > 0 ? rows[rows.length - 1].seq : Math.min(watermark, this.repo.lastSeq(conversationId));
    return { activities: rows.map((r) => r.activity as unknown as Activity), watermark: String(last) };
  }
}

export function activityId(conversationId: string, seq: number): string {
  return `${conversationId}|${String(seq).padStart(7, '0')}`;
}
