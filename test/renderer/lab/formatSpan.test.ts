import { describe, expect, it } from 'vitest';
import { formatSpan as engineSpan } from '../../../simulation';
import { formatSpan } from '../../../src-renderer/lab/formatSpan';

describe('the clock bar’s formatSpan', () => {
  it('words every span as the engine does', () => {
    const spans = [-5, 0, 1, 499, 500, 999, 1000, 59_499, 59_500, 60_000, 61_000, 3_599_999, 3_600_000];
    for (let ms = 0; ms < 3 * 86_400_000; ms += 12_345_677) spans.push(ms);
    spans.push(86_400_000, 86_400_000 * 2 + 3_600_000 + 60_000 + 1000, 86_400_000 * 40);
    for (const ms of spans) expect(formatSpan(ms), String(ms)).toBe(engineSpan(ms));
  });
});
