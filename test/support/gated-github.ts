/**
 * The in-memory GitHub with a gate on hiding: a hide waits until the test
 * opens the gate, so a test can hold a job in the middle of its run (as a
 * slow or unreachable GitHub does) and stop or restart the worker around it.
 */
import { InMemoryGitHub } from "../../src/github/in-memory-github.js";
import type { HideClassifier } from "../../src/github/port.js";

export class GatedGitHub extends InMemoryGitHub {
  private open: () => void = () => {};
  private readonly gate = new Promise<void>((resolve) => (this.open = resolve));
  private reached: () => void = () => {};
  /** Resolves when a hide has started and is waiting at the gate. */
  readonly hideStarted = new Promise<void>((resolve) => (this.reached = resolve));

  override async ensureHidden(nodeId: string, classifier: HideClassifier): Promise<void> {
    this.reached();
    await this.gate;
    return super.ensureHidden(nodeId, classifier);
  }

  openGate(): void {
    this.open();
  }
}
