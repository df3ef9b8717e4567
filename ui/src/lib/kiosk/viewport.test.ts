import { describe, expect, it } from 'vitest';
import { keyboardInset, revealDistance } from './viewport';

describe('keyboardInset', () => {
  it('is the layout height the visual viewport lost at the bottom', () => {
    // 768×1024 portrait, the keyboard covering half the screen
    expect(keyboardInset(1024, { height: 512, offsetTop: 0 })).toBe(512);
  });
  it('counts a visual viewport scrolled down (the browser panned to the field)', () => {
    expect(keyboardInset(800, { height: 400, offsetTop: 100 })).toBe(300);
  });
  it('is 0 with no keyboard, or without visualViewport', () => {
    expect(keyboardInset(800, { height: 800, offsetTop: 0 })).toBe(0);
    expect(keyboardInset(800, null)).toBe(0);
  });
  it('is never negative (pinch zoom makes the visual viewport larger in CSS px)', () => {
    expect(keyboardInset(800, { height: 900, offsetTop: 0 })).toBe(0);
  });
});

describe('revealDistance', () => {
  // 768×1024 portrait with the keyboard over the lower half: 0–512 is visible.
  const visible = { top: 0, bottom: 512 };

  it('scrolls the field and Continue above the keyboard', () => {
    expect(revealDistance({ top: 600, bottom: 664 }, 760, visible)).toBe(260);
  });
  it('does nothing when both are visible', () => {
    expect(revealDistance({ top: 200, bottom: 264 }, 400, visible)).toBe(0);
  });
  it('keeps the field in view when field and Continue do not fit together', () => {
    expect(revealDistance({ top: 300, bottom: 364 }, 1000, visible)).toBe(288);
  });
  it('scrolls back up to a field above the visible part', () => {
    expect(revealDistance({ top: -100, bottom: -36 }, 100, visible)).toBe(-112);
  });
});
