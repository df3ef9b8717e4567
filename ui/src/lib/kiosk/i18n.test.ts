import { describe, expect, it } from 'vitest';
import { KIOSK_LANGUAGES } from '$contracts/kiosk';
import { KIOSK_DICTIONARY, t } from './i18n';

/** Entries the same in every language on purpose (the language names, an acronym). */
const SAME_EVERYWHERE = new Set(['language.en', 'language.es', 'newVehicle.vin']);

describe('the kiosk dictionary', () => {
  const english = KIOSK_DICTIONARY.en;
  const keys = Object.keys(english).sort();

  it('speaks exactly the contract’s languages', () => {
    expect(Object.keys(KIOSK_DICTIONARY)).toEqual([...KIOSK_LANGUAGES]);
  });

  it.each(KIOSK_LANGUAGES.map((l) => [l]))('%s has every key, and nothing else', (language) => {
    expect(Object.keys(KIOSK_DICTIONARY[language]).sort()).toEqual(keys);
  });

  it.each(KIOSK_LANGUAGES.map((l) => [l]))('%s has no empty entry', (language) => {
    const empty = Object.entries(KIOSK_DICTIONARY[language]).filter(([, text]) => text.trim() === '');
    expect(empty).toEqual([]);
  });

  it('Spanish is translated, not English left in place', () => {
    const untranslated = keys.filter(
      (key) =>
        !SAME_EVERYWHERE.has(key) &&
        KIOSK_DICTIONARY.es[key as keyof typeof english] === english[key as keyof typeof english],
    );
    expect(untranslated).toEqual([]);
  });

  it('every language uses the same {placeholders} as English', () => {
    const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
    for (const language of KIOSK_LANGUAGES) {
      for (const key of keys) {
        const k = key as keyof typeof english;
        expect([language, key, placeholders(KIOSK_DICTIONARY[language][k])]).toEqual([
          language,
          key,
          placeholders(english[k]),
        ]);
      }
    }
  });

  it('keeps the names the end-to-end tests find the controls by', () => {
    expect(t('en', 'welcome.appointment')).toBe('I have an appointment');
    expect(t('en', 'waiting.wait')).toBe("I'll wait");
    expect(t('es', 'welcome.appointment')).toBe('Tengo una cita');
    expect(t('es', 'action.continue')).toBe('Continuar');
  });

  it('fills placeholders and leaves unknown ones visible', () => {
    expect(t('en', 'thanks.heading', { name: 'Ana', tag: 214 })).toBe(
      'Thank you, Ana! Please hand your keys to the counter, your tag number is 214',
    );
    expect(t('es', 'idle.lead', {})).toContain('{seconds}');
  });
});
