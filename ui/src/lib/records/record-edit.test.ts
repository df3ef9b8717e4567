import { describe, expect, it } from 'vitest';
import type { Draft } from '$lib/state/draft.svelte';
import { RecordEdit, type EditState, type RecordEditOptions } from './record-edit';

interface Thing {
  id: string;
  version: number;
  name: string;
}
type Form = { name: string };
type Patch = { version: number; name?: string };

function setUp(overrides: Partial<RecordEditOptions<Thing, Form, Patch>> = {}) {
  const calls: string[] = [];
  let record: Thing = { id: 't1', version: 1, name: 'Ann' };
  const stored = { value: { name: 'Ann' }, cleared: 0 };
  const draft: Draft<Form> = {
    get value() {
      return stored.value;
    },
    set value(next) {
      stored.value = next;
    },
    restored: false,
    clear: () => {
      stored.cleared += 1;
    },
  };
  const state: EditState = { busy: false, error: null };
  const edit = new RecordEdit<Thing, Form, Patch>(
    {
      get record() {
        return record;
      },
      formOf: (r) => ({ name: r.name }),
      changes: (form) => (form.name === record.name ? null : { version: record.version, name: form.name }),
      send: async (patch) => {
        calls.push(`send ${JSON.stringify(patch)}`);
        return { ...record, ...patch, version: record.version + 1 };
      },
      loadLatest: async () => ({ id: 't1', version: 2, name: 'Anne (theirs)' }),
      onsaved: (saved) => calls.push(`saved ${saved.name} v${saved.version}`),
      oncancel: () => calls.push('cancel'),
      ...overrides,
    },
    draft,
    state,
  );
  return { edit, stored, state, calls, setRecord: (r: Thing) => (record = r) };
}

const submit = () => ({ preventDefault: () => undefined }) as SubmitEvent;

describe('a record edit form', () => {
  it('sends only what changed, then clears the draft and hands over the saved record', async () => {
    const { edit, stored, state, calls } = setUp();
    stored.value = { name: 'Anna' };
    await edit.save(submit());
    expect(calls).toEqual(['send {"version":1,"name":"Anna"}', 'saved Anna v2']);
    expect(stored.cleared).toBe(1);
    expect(state).toEqual({ busy: false, error: null });
  });

  it('closes without a request when nothing changed', async () => {
    const { edit, stored, calls } = setUp();
    await edit.save(submit());
    expect(calls).toEqual(['cancel']);
    expect(stored.cleared).toBe(1);
  });

  it('keeps the typing and the failure when the server refuses', async () => {
    const refusal = new Error('409 stale version');
    const { edit, stored, state, calls } = setUp({
      send: () => Promise.reject(refusal),
    });
    stored.value = { name: 'Anna' };
    await edit.save(submit());
    expect(state).toEqual({ busy: false, error: refusal });
    expect(stored.value).toEqual({ name: 'Anna' });
    expect(stored.cleared).toBe(0);
    expect(calls).toEqual([]);
  });

  it('replaces the typing with their version only when asked, and starts over from the saved record', async () => {
    const { edit, stored, state, setRecord } = setUp();
    stored.value = { name: 'Anna' };
    state.error = new Error('409');
    await edit.reloadTheirs();
    expect(stored.value).toEqual({ name: 'Anne (theirs)' });
    expect(state.error).toBeNull();
    setRecord({ id: 't1', version: 3, name: 'Ann B.' });
    edit.startOver();
    expect(stored.value).toEqual({ name: 'Ann B.' });
  });

  it('tidies the form before comparing it', async () => {
    const { edit, stored, calls } = setUp({ tidy: (form) => ({ name: form.name.trim() }) });
    stored.value = { name: '  Ann  ' };
    await edit.save(submit());
    expect(calls).toEqual(['cancel']);
  });
});
