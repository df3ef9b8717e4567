// Renders the PWA's PNG icons from static/icon.svg (run by hand after changing the SVG; the PNGs
// are committed). Maskable icons keep the artwork inside the 80 % safe zone.
import sharp from 'sharp';

const svg = new URL('../static/icon.svg', import.meta.url).pathname;
for (const size of [192, 512]) {
  await sharp(svg)
    .resize(size, size)
    .png()
    .toFile(new URL(`../static/icon-${size}.png`, import.meta.url).pathname);
  const inner = Math.round(size * 0.8);
  const pad = Math.round((size - inner) / 2);
  await sharp(svg)
    .resize(inner, inner)
    .extend({
      top: pad,
      bottom: size - inner - pad,
      left: pad,
      right: size - inner - pad,
      background: '#14532d',
    })
    .png()
    .toFile(new URL(`../static/icon-maskable-${size}.png`, import.meta.url).pathname);
}
