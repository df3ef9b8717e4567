import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { KIOSK_SCAN_VIN, expect, tablet, test } from '../support/kiosk';

/**
 * The kiosk specs' fake camera, proved on its own: a bare page with @zxing/browser (the kiosk's
 * offline decoder) reads the VIN from the camera stream Chromium plays from the generated .y4m
 * file. When the kiosk's VIN scan fails, this says whether the camera or the kiosk is at fault.
 */
test.use(tablet('portrait'));

test('fake camera: @zxing/browser reads the Code 39 VIN from the camera stream', async ({ page }) => {
  const bundle = await build({
    stdin: {
      contents:
        "import { BrowserMultiFormatReader } from '@zxing/browser'; window.BrowserMultiFormatReader = BrowserMultiFormatReader;",
      resolveDir: dirname(fileURLToPath(import.meta.url)),
      loader: 'js',
    },
    bundle: true,
    write: false,
    format: 'iife',
    platform: 'browser',
    logLevel: 'silent',
  });
  // Served by the test itself on the e2e origin (a secure context: camera access is allowed).
  await page.route('**/__camera-proof/**', (route) =>
    route.request().url().endsWith('/zxing.js')
      ? route.fulfill({ contentType: 'text/javascript', body: bundle.outputFiles[0]!.text })
      : route.fulfill({
          contentType: 'text/html',
          body: '<!doctype html><html lang="en"><title>camera</title><video muted playsinline></video><script src="zxing.js"></script></html>',
        }),
  );
  await page.goto('/__camera-proof/index.html');
  const decoded = await page.evaluate(
    () =>
      new Promise<string>((resolve, reject) => {
        const Reader = (window as unknown as { BrowserMultiFormatReader: new () => any })
          .BrowserMultiFormatReader;
        const timer = setTimeout(() => reject(new Error('nothing decoded from the camera in 20 s')), 20_000);
        void new Reader().decodeFromVideoDevice(
          undefined,
          document.querySelector('video')!,
          (result: { getText(): string } | undefined, _error: unknown, controls: { stop(): void }) => {
            if (!result) return;
            clearTimeout(timer);
            controls.stop();
            resolve(result.getText());
          },
        );
      }),
  );
  expect(decoded).toBe(KIOSK_SCAN_VIN);
});
