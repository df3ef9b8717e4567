import { describe, expect, it } from 'vitest';
import { isCurrentSection, SETTINGS_SECTIONS } from './sections';

const current = (path: string) =>
  SETTINGS_SECTIONS.filter((s) => isCurrentSection(s, path)).map((s) => s.href);

describe('settings sections', () => {
  it('marks exactly one section current', () => {
    expect(current('/settings')).toEqual(['/settings']);
    expect(current('/settings/')).toEqual(['/settings']);
    expect(current('/settings/users')).toEqual(['/settings/users']);
    expect(current('/settings/displays')).toEqual(['/settings/displays']);
    expect(current('/settings/devices')).toEqual(['/settings/devices']);
    expect(current('/settings/kiosk')).toEqual(['/settings/kiosk']);
  });
  it('does not confuse a section with a longer name', () => {
    expect(current('/settings/users-old')).toEqual([]);
  });
});
