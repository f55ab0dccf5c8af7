import { condition } from '@temporalio/workflow';
import type {
  GrantRefusal,
  PipelineRefusal,
  ReferralRefusal,
  TrainingSessionRefusal,
} from '@bandanh/contracts';
import { REFUSAL } from './definitions';
import { refuse } from './refusals';

interface Move<S> {
  /** Where the move may land (narrowed once the workflow knows). */
  towards: readonly S[];
  /** The workflow's own move (setting itself up, an automatic stage), not a person's step. */
  own: boolean;
}

/**
 * The busy guard every workflow keeps: one step is recorded at a time. While one is in flight,
 * another is refused as `busy` (try again in a moment) — unless it needs what the move in flight
 * leads to, in which case the validator lets it in and its handler waits for the move to land.
 */
export class OneStepAtATime<S extends string = string> {
  private move: Move<S> | null = null;

  constructor(private readonly busyMessage: string) {}

  get busy(): boolean {
    return this.move !== null;
  }

  /** Marks a move as in flight; `end` marks it landed. Prefer `run`. */
  begin(towards: readonly S[] = [], own = false): void {
    this.move = { towards, own };
  }

  end(): void {
    this.move = null;
  }

  /** Narrows where the move in flight will land, once the workflow knows. */
  heading(towards: readonly S[]): void {
    if (this.move) this.move = { ...this.move, towards };
  }

  /** Records one step: no other is let in until it has landed (or failed). */
  async run<T>(work: () => Promise<T>, towards: readonly S[] = [], own = false): Promise<T> {
    this.begin(towards, own);
    try {
      return await work();
    } finally {
      this.end();
    }
  }

  /** Refuses with `busy` while a step is being recorded. */
  refuseIfBusy(): void {
    if (this.move) {
      throw refuse(this.busyMessage, REFUSAL.wrongStage, {
        reason: 'busy' satisfies PipelineRefusal & ReferralRefusal & TrainingSessionRefusal & GrantRefusal,
      });
    }
  }

  /**
   * A validator's check of where the workflow is. Idle: the step is let in if `needs(at)`,
   * else refused by `wrong`. In flight, with `mayWait`: let in (answering true: it must wait
   * for `landed`) if the move leads where `needs` holds; refused by `wrong` if the workflow's
   * own move cannot get there; and otherwise (a person's step in flight) refused as busy.
   */
  admit(at: S, needs: (stage: S) => boolean, wrong: () => Error, mayWait: boolean): boolean {
    if (this.move && mayWait) {
      if (this.move.towards.some(needs)) return true;
      if (this.move.own) throw wrong();
    }
    this.refuseIfBusy();
    if (!needs(at)) throw wrong();
    return false;
  }

  /** Waits, for at most `within`, until the move in flight has landed. No timer when idle. */
  async landed(within: string): Promise<void> {
    if (this.move) await condition(() => this.move === null, within);
  }
}
