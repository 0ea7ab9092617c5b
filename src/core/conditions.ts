// Decides which of a rule's context-dependent severity changes applies to a post.
import type { ContextCondition, SeverityChange } from '../rules/model.js';
import type { ElectionWindow, PostContext } from '../types.js';

/** The pre-election window the post is published in, if any. */
export function electionWindowOf(context: PostContext): ElectionWindow | undefined {
  const date = context.publishAt;
  if (date === undefined) return undefined;
  return context.electionWindows?.find((window) => window.start <= date && date <= window.end);
}

function holds(condition: ContextCondition, context: PostContext): boolean {
  if (condition.account !== undefined && condition.account !== context.account) return false;
  if (condition.platform !== undefined && (context.platform === undefined || !condition.platform.includes(context.platform))) return false;
  if (condition.consent !== undefined && condition.consent !== (context.consent !== undefined)) return false;
  if (condition.in_election_window !== undefined && condition.in_election_window !== (electionWindowOf(context) !== undefined)) return false;
  if (condition.has_images !== undefined && condition.has_images !== (context.images !== undefined && context.images.length > 0)) return false;
  return true;
}

/** The first change whose condition holds for this post, if any. */
export function applicableChange(changes: readonly SeverityChange[], context: PostContext): SeverityChange | undefined {
  return changes.find((change) => holds(change.if, context));
}
