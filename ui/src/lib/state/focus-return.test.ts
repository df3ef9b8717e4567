import { describe, expect, it } from 'vitest';
import { FocusReturn, type FocusDocument } from './focus-return';

function element(connected = true) {
  const el = { isConnected: connected, focused: 0, focus: () => void (el.focused += 1) };
  return el;
}

describe('FocusReturn', () => {
  it('gives the focus back to the opener when it was lost with the dialog', async () => {
    const body = {};
    const opener = element();
    const doc: FocusDocument & { activeElement: unknown } = { activeElement: opener, body };
    const focus = new FocusReturn(() => doc);
    focus.remember();
    doc.activeElement = body;
    await focus.restore();
    expect(opener.focused).toBe(1);
  });

  it('leaves the focus where it went on purpose', async () => {
    const opener = element();
    const doc = { activeElement: opener as unknown, body: {} };
    const focus = new FocusReturn(() => doc);
    focus.remember();
    doc.activeElement = element();
    await focus.restore();
    expect(opener.focused).toBe(0);
  });

  it('does nothing when the opener has left the page', async () => {
    const body = {};
    const opener = element(false);
    const doc = { activeElement: opener as unknown, body };
    const focus = new FocusReturn(() => doc);
    focus.remember();
    doc.activeElement = body;
    await focus.restore();
    expect(opener.focused).toBe(0);
  });
});
