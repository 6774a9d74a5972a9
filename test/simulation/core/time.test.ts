import { describe, expect, it } from 'vitest';
import {
  DAY,
  HOUR,
  MINUTE,
  SECOND,
  formatIsoLocal,
  formatLongDateTime,
  formatShortDateTime,
  formatTimeOfDay,
  formatTimeSpan,
  parseDuration,
  parseIsoTime,
} from '../../../simulation/core/time';

/** UTC epoch ms; `month` is 1-based. */
const utc = (year: number, month: number, day: number, h = 0, m = 0, s = 0, ms = 0) =>
  Date.UTC(year, month - 1, day, h, m, s, ms);

describe('units', () => {
  it('are milliseconds', () => {
    expect([SECOND, MINUTE, HOUR, DAY]).toEqual([1000, 60_000, 3_600_000, 86_400_000]);
  });
});

describe('formatLongDateTime', () => {
  it.each([
    { ms: utc(2026, 3, 2, 8, 1, 12), text: 'Monday, March 2, 2026 8:01:12 AM' },
    { ms: utc(2026, 3, 10, 8, 0, 0), text: 'Tuesday, March 10, 2026 8:00:00 AM' },
    { ms: utc(2026, 3, 2, 0, 0, 0), text: 'Monday, March 2, 2026 12:00:00 AM' },
    { ms: utc(2026, 3, 2, 12, 0, 0), text: 'Monday, March 2, 2026 12:00:00 PM' },
    { ms: utc(2026, 3, 2, 12, 59, 59), text: 'Monday, March 2, 2026 12:59:59 PM' },
    { ms: utc(2026, 3, 2, 13, 5, 9), text: 'Monday, March 2, 2026 1:05:09 PM' },
    { ms: utc(2026, 3, 2, 23, 59, 59), text: 'Monday, March 2, 2026 11:59:59 PM' },
    { ms: utc(2026, 3, 2, 11, 59, 59, 999), text: 'Monday, March 2, 2026 11:59:59 AM' },
    { ms: utc(2026, 12, 31, 23, 0, 0), text: 'Thursday, December 31, 2026 11:00:00 PM' },
    { ms: utc(2028, 2, 29, 6, 30, 0), text: 'Tuesday, February 29, 2028 6:30:00 AM' },
    { ms: utc(2026, 3, 8, 9, 0, 0), text: 'Sunday, March 8, 2026 9:00:00 AM' },
    { ms: utc(2026, 3, 7, 9, 0, 0), text: 'Saturday, March 7, 2026 9:00:00 AM' },
  ])('writes $text', ({ ms, text }) => {
    expect(formatLongDateTime(ms)).toBe(text);
  });

  it.each([
    { offset: 60, text: 'Monday, March 2, 2026 9:01:12 AM' },
    { offset: -480, text: 'Monday, March 2, 2026 12:01:12 AM' },
    { offset: -482, text: 'Sunday, March 1, 2026 11:59:12 PM' },
    { offset: 330, text: 'Monday, March 2, 2026 1:31:12 PM' },
    { offset: 16 * 60, text: 'Tuesday, March 3, 2026 12:01:12 AM' },
  ])('shifts by an offset of $offset minutes: $text', ({ offset, text }) => {
    expect(formatLongDateTime(utc(2026, 3, 2, 8, 1, 12), offset)).toBe(text);
  });
});

describe('formatShortDateTime', () => {
  it.each([
    { ms: utc(2026, 3, 2, 8, 5, 14), offset: 0, text: '3/2/2026 8:05:14 AM' },
    { ms: utc(2026, 3, 2, 0, 0, 1), offset: 0, text: '3/2/2026 12:00:01 AM' },
    { ms: utc(2026, 3, 2, 12, 0, 1), offset: 0, text: '3/2/2026 12:00:01 PM' },
    { ms: utc(2026, 11, 22, 18, 40, 0), offset: 0, text: '11/22/2026 6:40:00 PM' },
    { ms: utc(2026, 3, 2, 8, 5, 14), offset: -600, text: '3/1/2026 10:05:14 PM' },
    { ms: utc(2026, 12, 31, 23, 30, 0), offset: 60, text: '1/1/2027 12:30:00 AM' },
  ])('writes $text (offset $offset)', ({ ms, offset, text }) => {
    expect(formatShortDateTime(ms, offset)).toBe(text);
  });
});

describe('formatTimeOfDay and formatIsoLocal', () => {
  it.each([
    { ms: utc(2026, 3, 2, 8, 5, 14), offset: 0, time: '8:05 AM', iso: '2026-03-02 08:05:14' },
    { ms: utc(2026, 3, 2, 0, 7, 0), offset: 0, time: '12:07 AM', iso: '2026-03-02 00:07:00' },
    { ms: utc(2026, 3, 2, 12, 7, 0), offset: 0, time: '12:07 PM', iso: '2026-03-02 12:07:00' },
    { ms: utc(2026, 3, 2, 23, 59, 59), offset: 0, time: '11:59 PM', iso: '2026-03-02 23:59:59' },
    { ms: utc(2026, 3, 2, 8, 5, 14), offset: -540, time: '11:05 PM', iso: '2026-03-01 23:05:14' },
  ])('writes $time and $iso (offset $offset)', ({ ms, offset, time, iso }) => {
    expect(formatTimeOfDay(ms, offset)).toBe(time);
    expect(formatIsoLocal(ms, offset)).toBe(iso);
  });
});

describe('formatTimeSpan', () => {
  it.each([
    { ms: 0, text: '00:00:00' },
    { ms: 30 * MINUTE, text: '00:30:00' },
    { ms: 59 * SECOND, text: '00:00:59' },
    { ms: 1999, text: '00:00:01' },
    { ms: 23 * HOUR + 59 * MINUTE + 59 * SECOND, text: '23:59:59' },
    { ms: DAY, text: '1.00:00:00' },
    { ms: 7 * DAY, text: '7.00:00:00' },
    { ms: DAY + 2 * HOUR + 3 * MINUTE + 4 * SECOND, text: '1.02:03:04' },
    { ms: 100 * HOUR, text: '4.04:00:00' },
    { ms: -30 * MINUTE, text: '-00:30:00' },
    { ms: -(2 * DAY + HOUR), text: '-2.01:00:00' },
  ])('writes $ms ms as $text', ({ ms, text }) => {
    expect(formatTimeSpan(ms)).toBe(text);
  });
});

describe('parseDuration', () => {
  it.each([
    { text: '30m', ms: 30 * MINUTE },
    { text: '2h', ms: 2 * HOUR },
    { text: '1d', ms: DAY },
    { text: '2d', ms: 2 * DAY },
    { text: '90s', ms: 90 * SECOND },
    { text: '500ms', ms: 500 },
    { text: '1h30m', ms: HOUR + 30 * MINUTE },
    { text: '3d23h59m', ms: 3 * DAY + 23 * HOUR + 59 * MINUTE },
    { text: '1m500ms', ms: MINUTE + 500 },
    { text: '1.5h', ms: 90 * MINUTE },
    { text: '0.5s', ms: 500 },
    { text: '0s', ms: 0 },
    { text: ' 30M ', ms: 30 * MINUTE },
    { text: '1H30M', ms: 90 * MINUTE },
    { text: '30m30m', ms: HOUR },
  ])('parses "$text" as $ms ms', ({ text, ms }) => {
    expect(parseDuration(text)).toBe(ms);
  });

  it.each([
    { text: '' },
    { text: '30' },
    { text: 'm' },
    { text: '30x' },
    { text: '-5m' },
    { text: '1h 30m' },
    { text: '1.h' },
    { text: '.5h' },
    { text: 'abc' },
    { text: '30 minutes' },
  ])('rejects "$text"', ({ text }) => {
    expect(parseDuration(text)).toBeUndefined();
  });
});

describe('parseIsoTime', () => {
  it.each([
    { text: '2026-03-02T08:00:00Z', ms: utc(2026, 3, 2, 8) },
    { text: '2026-03-02T08:00Z', ms: utc(2026, 3, 2, 8) },
    { text: '2026-03-02T08:00:00.250Z', ms: utc(2026, 3, 2, 8, 0, 0, 250) },
    { text: '2026-03-02T09:00:00+01:00', ms: utc(2026, 3, 2, 8) },
    { text: '2026-03-02T00:30:00-05:00', ms: utc(2026, 3, 2, 5, 30) },
  ])('parses $text', ({ text, ms }) => {
    expect(parseIsoTime(text)).toBe(ms);
  });

  it.each([
    { text: '2026-03-02' },
    { text: '2026-03-02T08:00:00' },
    { text: '2026-03-02 08:00:00Z' },
    { text: '2026-3-2T08:00:00Z' },
    { text: '2026-13-02T08:00:00Z' },
    { text: '2026-03-02T25:00:00Z' },
    { text: '2026-03-02T08:00:00+0100' },
    { text: 'Monday, March 2, 2026' },
    { text: '' },
  ])('rejects "$text"', ({ text }) => {
    expect(parseIsoTime(text)).toBeUndefined();
  });
});
