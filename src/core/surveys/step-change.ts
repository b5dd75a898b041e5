import { share } from '../figures/outcomes.js';
import { suppressTable } from '../suppression.js';

// Stegförflyttning per question (issue 13, build 5): among the participants with both a start and
// an exit answer to the same question (the same version of it), the share whose answer improved,
// stayed the same and worsened. Higher is better on every ordinal scale (questionnaire.ts,
// `ordinalRange`). A participant's first start answer is compared with their last exit answer.

/** One answer of one participant (an enrolment) to one ordinal question. */
export type OrdinalAnswer = { participant: string; variant: 'start' | 'during' | 'exit'; at: string; value: number };

export type StepChange = {
  pairs: number | null;
  improved: number | null;
  same: number | null;
  worse: number | null;
  shares: { improved: number | null; same: number | null; worse: number | null };
  suppressed: boolean;
};

export function stepChange(answers: readonly OrdinalAnswer[], options: { suppress: boolean; threshold?: number } = { suppress: false }): StepChange {
  const first = new Map<string, OrdinalAnswer>();
  const last = new Map<string, OrdinalAnswer>();
  for (const answer of answers) {
    if (answer.variant === 'start') {
      const known = first.get(answer.participant);
      if (!known || answer.at < known.at) first.set(answer.participant, answer);
    } else if (answer.variant === 'exit') {
      const known = last.get(answer.participant);
      if (!known || answer.at > known.at) last.set(answer.participant, answer);
    }
  }
  let [improved, same, worse] = [0, 0, 0];
  for (const [participant, start] of first) {
    const exit = last.get(participant);
    if (!exit) continue;
    if (exit.value > start.value) improved += 1;
    else if (exit.value < start.value) worse += 1;
    else same += 1;
  }
  const pairs = improved + same + worse;
  if (!options.suppress) {
    return { pairs, improved, same, worse, shares: { improved: share(improved, pairs), same: share(same, pairs), worse: share(worse, pairs) }, suppressed: false };
  }
  const mask = suppressTable({ rows: [[improved, same, worse]] }, options.threshold);
  const shown = (value: number, hidden: boolean) => (hidden ? null : value);
  const [i, s, w] = [shown(improved, mask.rows[0][0]), shown(same, mask.rows[0][1]), shown(worse, mask.rows[0][2])];
  const p = shown(pairs, mask.total);
  const shareOf = (count: number | null) => (count === null || p === null ? null : share(count, p));
  return { pairs: p, improved: i, same: s, worse: w, shares: { improved: shareOf(i), same: shareOf(s), worse: shareOf(w) }, suppressed: true };
}
