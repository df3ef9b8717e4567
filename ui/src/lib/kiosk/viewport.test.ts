import { describe, expect, it } from 'vitest';
import { keyboardInset } from './viewport';

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
