/** ESC/POS byte values shared by the encoder, the decoder and the transports. */
export const ESC = 0x1b;
export const GS = 0x1d;
export const DLE = 0x10;
export const EOT = 0x04;
export const LF = 0x0a;

/** DLE EOT 1: "transmit printer status" in real time; an Epson-compatible printer answers one byte. */
export const STATUS_QUERY = Buffer.from([DLE, EOT, 1]);

/** The answer of an online printer to DLE EOT 1: bits 1 and 4 are always set, bit 3 (offline) clear. */
export const STATUS_ONLINE = 0x12;

/** GS k m: the symbologies with a length byte (function B), by m. */
export const BARCODE_SYMBOLOGIES: Readonly<Record<number, string>> = {
  65: 'UPC-A',
  66: 'UPC-E',
  67: 'EAN13',
  68: 'EAN8',
  69: 'CODE39',
  70: 'ITF',
  71: 'CODABAR',
  72: 'CODE93',
  73: 'CODE128',
};

/** GS k m: the older NUL-terminated form (function A), by m. */
export const BARCODE_SYMBOLOGIES_NUL: Readonly<Record<number, string>> = {
  0: 'UPC-A',
  1: 'UPC-E',
  2: 'EAN13',
  3: 'EAN8',
  4: 'CODE39',
  5: 'ITF',
  6: 'CODABAR',
};
