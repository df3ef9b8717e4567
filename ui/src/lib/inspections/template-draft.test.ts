import { describe, expect, it } from 'vitest';
import {
  emptyItem,
  emptySection,
  keyFrom,
  moved,
  toBody,
  toDraft,
  type TemplateDraft,
} from './template-draft';

describe('template drafts', () => {
  it('round-trips a template and keeps the keys of existing items', () => {
    const template = {
      name: 'Quick',
      sections: [
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
              cannedJobId: '01900000-0000-7000-8000-00000000abcd',
            },
          ],
        },
      ],
    };
    const result = toBody(toDraft(template));
    expect(result).toEqual({
      ok: true,
      body: {
        name: 'Quick',
        sections: [
          {
            key: 'tires',
            title: 'Tires',
            items: [{ ...template.sections[0]!.items[0]! }],
          },
        ],
      },
    });
  });

  it('makes keys for new sections and items from their titles, unique within the template', () => {
    const draft: TemplateDraft = {
      name: ' Brakes ',
      sections: [
        {
          ...emptySection(),
          title: 'Brakes',
          items: [
            { ...emptyItem(), label: 'Front pads', unit: 'mm', yellowBelow: '4,5', redBelow: '2' },
            { ...emptyItem(), label: 'Front pads' },
          ],
        },
      ],
    };
    const result = toBody(draft);
    if (!result.ok) throw new Error(JSON.stringify(result.errors));
    expect(result.body.name).toBe('Brakes');
    const [section] = result.body.sections;
    expect(section!.key).toBe('brakes');
    expect(section!.items.map((i) => i.key)).toEqual(['brakes-front-pads', 'brakes-front-pads-2']);
    expect(section!.items[0]).toMatchObject({
      measurementUnit: 'mm',
      thresholds: { yellowBelow: 4.5, redBelow: 2 },
    });
    expect(section!.items[1]).toMatchObject({ measurementUnit: null, thresholds: null, cannedJobId: null });
  });

  it('names every field that needs fixing, with the server’s paths', () => {
    const draft: TemplateDraft = {
      name: '',
      sections: [
        {
          ...emptySection(),
          items: [{ ...emptyItem(), label: 'x', unit: 'V', yellowBelow: 'abc', redBelow: '13' }],
        },
        { ...emptySection(), title: 'Empty', items: [] },
      ],
    };
    const result = toBody(draft);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors.map((e) => e.path)).toEqual([
      'name',
      'sections.0.title',
      'sections.0.items.0.thresholds.yellowBelow',
      'sections.1.items',
    ]);
    const order = toBody({
      name: 'n',
      sections: [
        { key: 's', title: 'S', items: [{ ...emptyItem(), label: 'x', yellowBelow: '3', redBelow: '5' }] },
      ],
    });
    expect(order.ok ? [] : order.errors).toEqual([
      { path: 'sections.0.items.0.thresholds.redBelow', message: 'must not be above the yellow limit' },
    ]);
  });

  it('slugs keys safely and moves list entries', () => {
    expect(keyFrom('Ölstand / Öl', new Set())).toBe('olstand-ol');
    expect(keyFrom('!!!', new Set(), 'item')).toBe('item');
    expect(keyFrom('a', new Set(['a', 'a-2']))).toBe('a-3');
    expect(moved(['a', 'b', 'c'], 0, 1)).toEqual(['b', 'a', 'c']);
    expect(moved(['a', 'b'], 0, -1)).toEqual(['a', 'b']);
  });
});
