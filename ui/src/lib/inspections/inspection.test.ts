import { describe, expect, it } from 'vitest';
import {
  attentionItems,
  contentTypeOf,
  formatMeasurement,
  missingRequired,
  parseMeasurement,
  percentOf,
  progressOf,
  suggestRating,
  unitLabel,
  type Finding,
  type Section,
} from './inspection';

const sections: Section[] = [
  {
    key: 'tires',
    title: 'Tires',
    items: [
      {
        key: 'tires.lf',
        label: 'Left front',
        required: true,
        measurementUnit: '32nds',
        thresholds: { yellowBelow: 5, redBelow: 3 },
      },
      { key: 'tires.rf', label: 'Right front', required: false, measurementUnit: '32nds' },
    ],
  },
  { key: 'lights', title: 'Lights', items: [{ key: 'lights', label: 'Lights', required: true }] },
];

function finding(itemKey: string, rating: Finding['rating']): Finding {
  return {
    id: `id-${itemKey}`,
    itemKey,
    rating,
    measurement: null,
    note: '',
    recommendedJobId: null,
    version: 1,
    updatedAt: '2026-03-02T14:00:00.000Z',
  };
}

describe('measurements', () => {
  it('reads numbers with a decimal point or comma, empty as "clear", anything else as invalid', () => {
    expect(parseMeasurement('4')).toBe(4);
    expect(parseMeasurement(' 12,6 ')).toBe(12.6);
    expect(parseMeasurement('')).toBeNull();
    expect(parseMeasurement('4/32')).toBe('invalid');
    expect(parseMeasurement('abc')).toBe('invalid');
    expect(parseMeasurement('1e9')).toBe('invalid');
  });

  it('shows tread depth as n/32″ and other units after a space', () => {
    expect(unitLabel('32nds')).toBe('/32″');
    expect(formatMeasurement({ value: 4, unit: '32nds' })).toBe('4/32″');
    expect(formatMeasurement({ value: 12.4, unit: 'V' })).toBe('12.4 V');
    expect(formatMeasurement({ value: 3, unit: null })).toBe('3');
    expect(formatMeasurement(null)).toBe('');
  });

  it('suggests a rating from the thresholds, lower being worse', () => {
    const item = sections[0]!.items[0]!;
    expect(suggestRating(item, 8)).toBe('green');
    expect(suggestRating(item, 5)).toBe('green');
    expect(suggestRating(item, 4)).toBe('yellow');
    expect(suggestRating(item, 3)).toBe('yellow');
    expect(suggestRating(item, 2)).toBe('red');
    expect(suggestRating(item, null)).toBeNull();
    expect(suggestRating(sections[0]!.items[1]!, 2)).toBeNull(); // no thresholds
    expect(suggestRating({ thresholds: { redBelow: 12 } }, 11.9)).toBe('red');
    expect(suggestRating({ thresholds: { redBelow: 12 } }, 12.2)).toBe('green');
  });
});

describe('progress', () => {
  const inspection = {
    sections,
    findings: [finding('tires.lf', null), finding('tires.rf', 'yellow'), finding('lights', 'red')],
  };

  it('counts rated items and names the required ones still unrated', () => {
    expect(progressOf(inspection)).toEqual({ rated: 2, total: 3, percent: 67 });
    expect(missingRequired(inspection).map((i) => i.key)).toEqual(['tires.lf']);
    expect(progressOf({ sections: [], findings: [] })).toEqual({ rated: 0, total: 0, percent: 0 });
  });

  it('lists yellow and red findings, red first', () => {
    expect(attentionItems(inspection).map((a) => [a.item.key, a.finding.rating])).toEqual([
      ['lights', 'red'],
      ['tires.rf', 'yellow'],
    ]);
  });
});

describe('uploads', () => {
  it('sends the file’s own type, else one from its extension', () => {
    expect(contentTypeOf({ type: 'image/jpeg', name: 'x.bin' })).toBe('image/jpeg');
    expect(contentTypeOf({ type: '', name: 'IMG_0001.HEIC' })).toBe('image/heic');
    expect(contentTypeOf({ type: '', name: 'clip.mov' })).toBe('video/quicktime');
    expect(contentTypeOf({ type: '', name: 'noext' })).toBe('application/octet-stream');
  });

  it('turns progress events into a whole percent', () => {
    expect(percentOf(50, 200)).toBe(25);
    expect(percentOf(10, 0)).toBe(0);
    expect(percentOf(300, 200)).toBe(100);
  });
});
