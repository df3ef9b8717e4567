import { Type } from '@sinclair/typebox';
import { Value } from '@sinclair/typebox/value';
import { describe, expect, it } from 'vitest';
import { ChangeOf, StrictObject } from '../../src/lib/schema.js';

const Create = StrictObject({
  name: Type.String({ minLength: 1 }),
  notes: Type.Optional(Type.String()),
  openingStock: Type.Optional(Type.Integer()),
});

describe('ChangeOf (the change request of what a create request makes)', () => {
  const Change = ChangeOf(Create, { omit: ['openingStock'], more: { active: Type.Boolean() } });

  it('requires only the version; every field of the create request is optional, in its order, then the extras', () => {
    expect(Change.required).toEqual(['version']);
    expect(Object.keys(Change.properties)).toEqual(['version', 'name', 'notes', 'active']);
    expect(Value.Check(Change, { version: 3 })).toBe(true);
    expect(Value.Check(Change, { version: 3, name: 'Bay 2', active: false })).toBe(true);
  });

  it("keeps each field's own rules, refuses unknown and omitted fields, and needs a version", () => {
    expect(Value.Check(Change, { version: 3, name: '' })).toBe(false);
    expect(Value.Check(Change, { version: 3, openingStock: 4 })).toBe(false);
    expect(Value.Check(Change, { version: 3, nmae: 'typo' })).toBe(false);
    expect(Value.Check(Change, { name: 'Bay 2' })).toBe(false);
  });

  it('leaves the create request as it was', () => {
    expect(Create.required).toEqual(['name']);
    expect(Value.Check(Create, { notes: 'no name' })).toBe(false);
  });
});
