/**
 * The faults a test can make the in-memory GitHub show, verb by verb: a
 * failure (502), a refusal (422), or a lost answer after the write was made;
 * and the record of every call, to count what a flag costs.
 */

/** GitHub's 422 for what it will never accept as sent. */
export function unprocessable(message: string): Error {
  return Object.assign(new Error(`Validation Failed: ${message}`), { status: 422 });
}

export class InMemoryFaults {
  /** Makes the next calls of a verb throw, to test retries: e.g. failNext.set("createIssue", 2). */
  readonly failNext = new Map<string, number>();
  /** Makes the next calls of a verb be refused with 422, as GitHub refuses what it will never accept. */
  readonly refuseNext = new Map<string, number>();
  /** Makes the next calls of a verb do their write and then fail as if the answer was lost (a 502 after GitHub acted). */
  readonly loseAnswerNext = new Map<string, number>();
  /** Every call made, by verb, to count what a flag costs. */
  readonly calls: string[] = [];

  /** Before a verb acts: records the call, and fails or refuses it when the test asked for that. */
  called(verb: string): void {
    this.calls.push(verb);
    if (take(this.refuseNext, verb)) throw unprocessable(`body was refused in ${verb}`);
    if (take(this.failNext, verb)) throw Object.assign(new Error(`simulated GitHub failure in ${verb}`), { status: 502 });
  }

  /** After a verb wrote: loses its answer when the test asked for that. */
  wrote(verb: string): void {
    if (take(this.loseAnswerNext, verb)) throw Object.assign(new Error(`simulated lost answer from ${verb}`), { status: 502 });
  }
}

function take(counts: Map<string, number>, verb: string): boolean {
  const remaining = counts.get(verb) ?? 0;
  if (remaining <= 0) return false;
  counts.set(verb, remaining - 1);
  return true;
}
