/**
 * Runs work for the same conversation one at a time, in arrival order (like Rasa's lock store);
 * different conversations run concurrently. With the eTag'd state store this means no update of
 * a conversation's state is lost when its messages arrive together.
 */
export class ConversationQueue {
  private readonly tails = new Map<string, Promise<unknown>>();

  run<T>(conversationId: string, work: () => Promise<T>): Promise<T> {
    const previous = this.tails.get(conversationId) ?? Promise.resolve();
    const result = previous.then(work, work);
    const tail = result.then(
      () => undefined,
      () => undefined,
    );
    this.tails.set(conversationId, tail);
    void tail.then(() => {
      if (this.tails.get(conversationId) === tail) this.tails.delete(conversationId);
    });
    return result;
  }

  /** Conversations with work queued or running. */
  get size(): number {
    return this.tails.size;
  }
}
