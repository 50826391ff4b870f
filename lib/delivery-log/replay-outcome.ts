import type { ActionState } from "../forms/action-state";
import { failureTitle } from "./format";
import type { AttemptView } from "./serialize";

/** What the Replay button shows in place once its attempt has run. */
export type ReplayOutcome = {
  ok: boolean;
  requestId: string;
  status: number | null;
  reason: string | null;
  /** The reason's title, e.g. "Your endpoint returned a non-2xx response"; null on success. */
  title: string | null;
  message: string | null;
};

export type ReplayState = ActionState & { outcome?: ReplayOutcome };

export function describeReplay(attempt: AttemptView): ReplayOutcome {
  const ok = attempt.error_code === null;
  return {
    ok,
    requestId: attempt.request_id,
    status: attempt.response_status,
    reason: attempt.reason,
    title: ok ? null : failureTitle(attempt.reason),
    message: attempt.message,
  };
}
