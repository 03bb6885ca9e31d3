/** The last few questions of each learner, in memory only (message text is never stored). */
export class TurnHistory {
  private readonly turns = new Map<string, { at: number; questions: string[] }>();

  constructor(
    private readonly keep = 3,
    private readonly maxLearners = 10_000,
    private readonly ttlMs = 30 * 60_000,
  ) {}

  recent(id: string, now = Date.now()): string[] {
    const entry = this.turns.get(id);
    if (!entry || now - entry.at > this.ttlMs) return [];
    return [...entry.questions];
  }

  remember(id: string, question: string, now = Date.now()): void {
    const questions = [...this.recent(id, now), question].slice(-this.keep);
    this.turns.delete(id);
    this.turns.set(id, { at: now, questions });
    if (this.turns.size > this.maxLearners) {
      const oldest = this.turns.keys().next().value;
      if (oldest !== undefined) this.turns.delete(oldest);
    }
  }
}
