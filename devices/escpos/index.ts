// ESC/POS label printing, device side: documents, their bytes and preview, a decoder, a capture
// printer and the transports. Imports nothing of the server (devices/README.md).
export * from './label-document.js';
export * from './labels.js';
export { renderEscpos, qrBytes, code128Bytes } from './render-escpos.js';
export { renderPreviewSvg } from './render-preview.js';
export * from './decode.js';
export * from './capture-server.js';
export * from './send.js';
export { STATUS_QUERY, STATUS_ONLINE } from './commands.js';
