/**
 * The in-memory GitHub with a gate on hiding: once armed, a hide waits until
 * the test opens the gate, so a test can hold a job in the middle of its run
 * (as a slow or unreachable GitHub does) and stop or restart the worker
 * around it.
 */
import { InMemoryGitHub } from "../../src/github/in-memory-github.js";
import type { HideClassifier } from "../../src/github/port.js";

export class GatedGitHub extends InMemoryGitHub {
  private open: () => void = () => {};
  private readonly gate = new Promise<void>((resolve) => (this.open = resolve));
  private reached: () => void = () => {};
  /** Resolves when a hide has started and is waiting at the gate. */
  readonly hideStarted = new Promise<void>((resolve) => (this.reached = resolve));

  private armed = false;

  override async ensureHidden(nodeId: string, classifier: HideClassifier): Promise<void> {
    if (this.armed) {
      this.reached();
      await this.gate;
    }
    return super.ensureHidden(nodeId, classifier);
  }

  /** From now on, hides wait at the gate. */
  arm(): void {
    this.armed = true;
  }

  openGate(): void {
    this.open();
  }
}
